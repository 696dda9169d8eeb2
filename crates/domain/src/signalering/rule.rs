//! The legal rule of vroegsignalering (Wet gemeentelijke schuldhulpverlening with the Besluit gemeentelijke
//! schuldhulpverlening; see RULES.md): a landlord passes a household's contact details and arrears to the municipality
//! once it has (a) tried to make personal contact, (b) pointed the tenant to debt help, (c) sent a written reminder
//! about the arrears and (d) offered in that reminder to pass the details on — and the tenant did not object. The law
//! names no number of days; practice (the national covenant) adds: no signal while a payment arrangement is being kept,
//! and a rent signal from 30 days late (unless the municipality agreed another number).
//!
//! A reminder or offer dated before the day these arrears arose was about earlier arrears, so it counts for neither
//! (c) nor (d) ([`Block::ReminderBeforeArrears`], [`Block::OfferBeforeArrears`]); likewise an attempt at personal
//! contact before that day was not about "preventing or ending" these arrears, so it does not count for (a)
//! ([`Block::ContactBeforeArrears`]). The signal then waits for two
//! terms of `threshold_days`: after the day the arrears arose (the days late) and after the offering reminder (the
//! tenant's time to object, as the platform always counted it); it may go once both have passed. Since a counting
//! offer is never dated before the arrears, the offer's term never ends earlier; the arrears' term is kept as the
//! rule reads, so that relaxing the first rule could never let days-old arrears through.
//!
//! Each is a term counted in days, so it is counted as the Algemene termijnenwet counts one: a term that ends on a
//! Saturday, Sunday or holiday runs to the next working day, and the signal may go the day after.

use super::ledger::{Arrangement, ContactKind, Household};
use crate::calendar::{TermCalendar, TermEnd};
use time::{Date, Duration};

/// What a municipality agreed with the landlords (defaults: the covenant's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSettings {
    /// Days late, and days after the offering reminder, before a signal may go.
    pub threshold_days: u16,
}

impl Default for RuleSettings {
    fn default() -> Self {
        Self { threshold_days: 30 }
    }
}

/// What the household's own row cannot say, which the store knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// The unit's gemeente is known in the stock (the signal goes to it).
    pub gemeente_known: bool,
    /// A signal for this contract is still open at the municipality, sent on this day.
    pub open_signal_since: Option<Date>,
}

/// Why a household is not signalled (now). `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Block {
    /// The unit has no gemeente code in the stock, so there is no municipality to send to.
    #[error("de eenheid heeft geen gemeentecode in het bezit")]
    NoGemeente,
    /// A signal for this contract is still open at the municipality.
    #[error("al gesignaleerd op {0}; dat signaal loopt nog bij de gemeente")]
    AlreadySignalled(Date),
    /// The tenant objected: nothing is passed on.
    #[error("de huurder heeft bezwaar gemaakt")]
    Objected,
    /// A payment arrangement is being kept.
    #[error("er loopt een betalingsregeling die wordt nagekomen")]
    ArrangementKept,
    /// (a) No attempt at personal contact (a call or a visit) recorded.
    #[error("geen poging tot persoonlijk contact (telefoon of huisbezoek) vastgelegd (voorwaarde a)")]
    NoContactAttempt,
    /// (a) The attempt at personal contact recorded is dated before these arrears arose: it was about other arrears.
    #[error("de poging tot persoonlijk contact is van vóór deze achterstand (voorwaarde a)")]
    ContactBeforeArrears,
    /// (a) The attempt at personal contact is dated after the ledger's day: it does not count yet.
    #[error(
        "de poging tot persoonlijk contact is gedateerd na de dag van dit grootboek en telt nog niet (voorwaarde a)"
    )]
    ContactAfterDay,
    /// (b) The tenant was not pointed to debt help.
    #[error("niet gewezen op schuldhulpverlening (voorwaarde b)")]
    NoDebtHelpPointer,
    /// (c) No written reminder recorded.
    #[error("geen schriftelijke aanmaning vastgelegd (voorwaarde c)")]
    NoWrittenReminder,
    /// (c) The written reminders recorded are dated before these arrears arose: they were about other arrears.
    #[error("de aanmaning is van vóór deze achterstand (voorwaarde c)")]
    ReminderBeforeArrears,
    /// (c) The written reminder is dated after the ledger's day: it does not count yet.
    #[error("de aanmaning is gedateerd na de dag van dit grootboek en telt nog niet (voorwaarde c)")]
    ReminderAfterDay,
    /// (d) No reminder offered to pass the details on.
    #[error("in geen aanmaning is aangeboden de gegevens door te geven (voorwaarde d)")]
    NoOffer,
    /// (d) The reminder with the offer is dated before these arrears arose: it offered nothing about them.
    #[error("de aanmaning met aanbod is van vóór deze achterstand (voorwaarde d)")]
    OfferBeforeArrears,
    /// (d) The reminder with the offer is dated after the ledger's day: it does not count yet.
    #[error("de aanmaning met aanbod is gedateerd na de dag van dit grootboek en telt nog niet (voorwaarde d)")]
    OfferAfterDay,
    /// The days-late threshold after the arrears arose, or the term after the offering reminder, has not passed
    /// yet; the signal may go from this day (the later of the two).
    #[error("de termijn na de aanmaning met aanbod loopt nog; signaleren kan vanaf {0}")]
    TooSoon(Date),
}

/// The ends of the two threshold terms of a household ([`threshold_end`] of each day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thresholds {
    /// After the day the arrears arose: the days late.
    pub arrears: TermEnd,
    /// After the offering reminder, when there was one: the tenant's time to object.
    pub offer: Option<TermEnd>,
}

/// The verdict on one household, with everything that blocks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    /// Why it is not signalled; empty when it is.
    pub blocks: Vec<Block>,
    /// The ends of the threshold terms.
    pub thresholds: Thresholds,
}

impl Decision {
    /// Whether the household is signalled.
    pub fn signalled(&self) -> bool {
        self.blocks.is_empty()
    }
}

/// Decides whether a household of the ledger is signalled on `today`. Facts dated after `today` do not count: a
/// reminder that has not been sent offered nothing yet.
pub fn decide(
    household: &Household,
    context: Context,
    settings: RuleSettings,
    calendar: &TermCalendar,
    today: Date,
) -> Decision {
    let thresholds = Thresholds {
        arrears: threshold_end(household.arrears_since, settings, calendar),
        offer: household.offer_on.map(|offer| threshold_end(offer, settings, calendar)),
    };
    decide_with_thresholds(household, context, thresholds, today)
}

/// [`decide`] with the thresholds' ends already counted ([`threshold_end`] of the household's arrears day and offer
/// day): a ledger of millions of households has few distinct days, and counting a term walks its days.
pub fn decide_with_thresholds(
    household: &Household,
    context: Context,
    thresholds: Thresholds,
    today: Date,
) -> Decision {
    let done = |day: Option<Date>| day.is_some_and(|d| d <= today);
    // A reminder sent before these arrears arose was about other arrears: it is no reminder about these.
    let about_these = |day: Option<Date>| day.is_some_and(|d| d <= today && d >= household.arrears_since);
    let mut blocks = Vec::new();
    if !context.gemeente_known {
        blocks.push(Block::NoGemeente);
    }
    if let Some(since) = context.open_signal_since {
        blocks.push(Block::AlreadySignalled(since));
    }
    if household.objection {
        blocks.push(Block::Objected);
    }
    if household.arrangement == Arrangement::Kept {
        blocks.push(Block::ArrangementKept);
    }
    // (a) asks for an attempt at personal contact about these arrears: a call or a visit, made on or before the day
    // and not before the arrears arose (the ledger keeps the last attempt, so an older one was about other arrears).
    // A fact dated after the ledger's day is named as such: "none recorded" would send the corporation looking for a
    // letter it did record.
    let later = |day: Option<Date>| day.is_some_and(|d| d > today);
    let personal = household.contact_kind.is_some_and(ContactKind::is_personal);
    if personal && later(household.contact_on) {
        blocks.push(Block::ContactAfterDay);
    } else if !done(household.contact_on) || !personal {
        blocks.push(Block::NoContactAttempt);
    } else if !about_these(household.contact_on) {
        blocks.push(Block::ContactBeforeArrears);
    }
    if !household.debt_help_pointed {
        blocks.push(Block::NoDebtHelpPointer);
    }
    // The offering reminder is itself a written reminder.
    if !about_these(household.reminder_on) && !about_these(household.offer_on) {
        if done(household.reminder_on) || done(household.offer_on) {
            blocks.push(Block::ReminderBeforeArrears);
        } else if later(household.reminder_on) || later(household.offer_on) {
            blocks.push(Block::ReminderAfterDay);
        } else {
            blocks.push(Block::NoWrittenReminder);
        }
    }
    match (household.offer_on, thresholds.offer) {
        (Some(offer), Some(offer_end)) if about_these(Some(offer)) => {
            // Both terms must have passed; with no counting offer there is no day to name, as (d) blocks anyway.
            let last = offer_end.date.max(thresholds.arrears.date);
            if today <= last {
                blocks.push(Block::TooSoon(last + Duration::days(1)));
            }
        }
        (Some(offer), _) if offer <= today && offer < household.arrears_since => blocks.push(Block::OfferBeforeArrears),
        (Some(offer), _) if offer > today => blocks.push(Block::OfferAfterDay),
        _ => blocks.push(Block::NoOffer),
    }
    Decision { blocks, thresholds }
}

/// The last day of the threshold term counted from `day`: the day the arrears arose, or the offering reminder's.
pub fn threshold_end(day: Date, settings: RuleSettings, calendar: &TermCalendar) -> TermEnd {
    calendar.term_end(day, day + Duration::days(i64::from(settings.threshold_days)))
}

#[cfg(test)]
#[path = "rule_tests.rs"]
mod tests;
