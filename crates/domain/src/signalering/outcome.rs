//! What a municipality records about a signal, in the vocabulary of the national list (VNG's data set for
//! vroegsignalering, DDAS): contact attempts with kind, reach, date and part of day, and one result. The landlord
//! hears back only whether the signal was picked up.

use time::Date;

/// The part of the day of a contact attempt (the national list asks for it: evening visits reach working people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    /// Before noon.
    Morning,
    /// Noon to six.
    Afternoon,
    /// After six.
    Evening,
}

impl PartOfDay {
    /// Every part.
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "ochtend",
            PartOfDay::Afternoon => "middag",
            PartOfDay::Evening => "avond",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// How the municipality tried to reach the household (DDAS contact kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutreachKind {
    /// A letter.
    Letter,
    /// A phone call.
    Phone,
    /// A home visit (the outreach that works best).
    HomeVisit,
    /// E-mail.
    Email,
    /// A text message.
    Sms,
}

impl OutreachKind {
    /// Every kind.
    pub const ALL: [OutreachKind; 5] =
        [OutreachKind::Letter, OutreachKind::Phone, OutreachKind::HomeVisit, OutreachKind::Email, OutreachKind::Sms];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            OutreachKind::Letter => "brief",
            OutreachKind::Phone => "telefoon",
            OutreachKind::HomeVisit => "huisbezoek",
            OutreachKind::Email => "email",
            OutreachKind::Sms => "sms",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Which kind of result: the landlord learns this and nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutcomeGroup {
    /// The municipality took the signal up (contact made, help offered).
    PickedUp,
    /// The municipality did not take it up.
    NotPickedUp,
}

impl OutcomeGroup {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            OutcomeGroup::PickedUp => "opgepakt",
            OutcomeGroup::NotPickedUp => "niet_opgepakt",
        }
    }
}

/// The result of a signal, from the national list: a reason for not picking it up, or how a picked-up signal ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Not picked up: the signal was unjustified (no arrears after all, an error).
    Unjustified,
    /// Not picked up: the tenant died.
    Deceased,
    /// Not picked up: the person does not live at the address.
    NotResident,
    /// Not picked up: a repeated signal of a household already being helped.
    Repeated,
    /// Not picked up for another reason (kept within the municipality).
    OtherReason,
    /// Picked up; the household is still being worked with.
    PickedUp,
    /// Picked up: already in debt help.
    AlreadyInDebtHelp,
    /// Picked up: the household arranged it themselves.
    ArrangedThemselves,
    /// Picked up: a payment arrangement was made.
    PaymentArrangement,
    /// Picked up: referred on to debt help or another service (follow-up: kept longer).
    ReferredOn,
    /// Picked up: no contact could be made despite the attempts.
    NoContact,
    /// Picked up: help was offered and declined.
    HelpDeclined,
}

impl Outcome {
    /// Every result, in the order the form lists them.
    pub const ALL: [Outcome; 12] = [
        Outcome::PickedUp,
        Outcome::AlreadyInDebtHelp,
        Outcome::ArrangedThemselves,
        Outcome::PaymentArrangement,
        Outcome::ReferredOn,
        Outcome::NoContact,
        Outcome::HelpDeclined,
        Outcome::Unjustified,
        Outcome::Deceased,
        Outcome::NotResident,
        Outcome::Repeated,
        Outcome::OtherReason,
    ];

    /// The stable code (stored, exported).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Unjustified => "niet_opgepakt_onterecht",
            Outcome::Deceased => "niet_opgepakt_overleden",
            Outcome::NotResident => "niet_opgepakt_niet_woonachtig",
            Outcome::Repeated => "niet_opgepakt_herhaalsignaal",
            Outcome::OtherReason => "niet_opgepakt_andere_reden",
            Outcome::PickedUp => "opgepakt",
            Outcome::AlreadyInDebtHelp => "opgepakt_al_in_schuldhulp",
            Outcome::ArrangedThemselves => "opgepakt_zelf_geregeld",
            Outcome::PaymentArrangement => "opgepakt_betalingsregeling",
            Outcome::ReferredOn => "opgepakt_doorverwezen",
            Outcome::NoContact => "opgepakt_geen_contact",
            Outcome::HelpDeclined => "opgepakt_hulp_geweigerd",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|o| o.code() == code)
    }

    /// Picked up or not: all the landlord may learn.
    pub fn group(self) -> OutcomeGroup {
        match self {
            Outcome::Unjustified
            | Outcome::Deceased
            | Outcome::NotResident
            | Outcome::Repeated
            | Outcome::OtherReason => OutcomeGroup::NotPickedUp,
            _ => OutcomeGroup::PickedUp,
        }
    }

    /// Whether the result closes the signal (everything but a plain "picked up", which is still being worked).
    pub fn closes(self) -> bool {
        self != Outcome::PickedUp
    }

    /// Whether the household went on into help that follows it up (kept longest; see [`super::retention`]).
    pub fn has_follow_up(self) -> bool {
        matches!(self, Outcome::ReferredOn | Outcome::AlreadyInDebtHelp)
    }
}

/// A signal's state as the sending landlord sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LandlordView {
    /// Sent; the municipality has not recorded a result yet.
    Waiting,
    /// Picked up, since this day.
    PickedUp(Date),
    /// Not picked up (no reason given to the landlord).
    NotPickedUp(Date),
}

/// What the landlord sees of a signal with `outcome` recorded on `on`.
pub fn landlord_view(outcome: Option<(Outcome, Date)>) -> LandlordView {
    match outcome {
        None => LandlordView::Waiting,
        Some((outcome, on)) => match outcome.group() {
            OutcomeGroup::PickedUp => LandlordView::PickedUp(on),
            OutcomeGroup::NotPickedUp => LandlordView::NotPickedUp(on),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn the_landlord_never_learns_the_reason() {
        let on = date!(2026 - 11 - 10);
        for outcome in Outcome::ALL {
            let view = landlord_view(Some((outcome, on)));
            let expected = if outcome.code().starts_with("niet_opgepakt") {
                LandlordView::NotPickedUp(on)
            } else {
                LandlordView::PickedUp(on)
            };
            assert_eq!(view, expected, "{outcome:?}");
        }
        assert_eq!(landlord_view(None), LandlordView::Waiting);
    }

    #[test]
    fn codes_read_back() {
        for outcome in Outcome::ALL {
            assert_eq!(Outcome::parse(outcome.code()), Some(outcome));
        }
        assert_eq!(Outcome::parse("opgepakt; DROP"), None);
        assert!(!Outcome::PickedUp.closes() && Outcome::Deceased.closes());
    }
}
