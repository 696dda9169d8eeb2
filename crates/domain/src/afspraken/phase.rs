//! The phases of a prestatieafspraken cycle and the moves between them.
//!
//! A cycle walks from gathering knowledge to monitoring, one step at a time. A dispute (Woningwet art. 44) can only
//! arise while the parties are negotiating or about to sign, and it ends by going back to the table: either to talk
//! again or, after the Minister's ruling, to sign. Going back is otherwise not a move: a cycle that needs it starts
//! its next year instead, so what was sent and signed stays on record.

/// Where a prestatieafspraken cycle stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    /// Gathering knowledge: the woonvisie, the stock, the tenants' wishes.
    Kennisvergaring,
    /// The corporation's bid (het bod), due before 1 July.
    Bod,
    /// Negotiating the agreements on the bid.
    Onderhandeling,
    /// Signing the agreements.
    Ondertekening,
    /// Following the agreements through the year they apply to.
    Monitoring,
    /// A dispute submitted to the Minister (Woningwet art. 44).
    Geschil,
}

impl Phase {
    /// The normal order of a cycle, without [`Phase::Geschil`], which is a detour rather than a step.
    pub const WALK: [Phase; 5] =
        [Phase::Kennisvergaring, Phase::Bod, Phase::Onderhandeling, Phase::Ondertekening, Phase::Monitoring];

    /// Every phase, in the order of [`Phase::number`].
    pub const ALL: [Phase; 6] = [
        Phase::Kennisvergaring,
        Phase::Bod,
        Phase::Onderhandeling,
        Phase::Ondertekening,
        Phase::Monitoring,
        Phase::Geschil,
    ];

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Phase::Kennisvergaring => "kennisvergaring",
            Phase::Bod => "bod",
            Phase::Onderhandeling => "onderhandeling",
            Phase::Ondertekening => "ondertekening",
            Phase::Monitoring => "monitoring",
            Phase::Geschil => "geschil",
        }
    }

    /// The phase with a stable code (see [`Phase::code`]); exact match, as stored.
    pub fn parse(code: &str) -> Option<Phase> {
        Phase::ALL.into_iter().find(|phase| phase.code() == code)
    }

    /// The phase's number as shown to users, 1 to 6.
    pub fn number(self) -> u8 {
        match self {
            Phase::Kennisvergaring => 1,
            Phase::Bod => 2,
            Phase::Onderhandeling => 3,
            Phase::Ondertekening => 4,
            Phase::Monitoring => 5,
            Phase::Geschil => 6,
        }
    }

    /// The next phase along [`Phase::WALK`]; none after monitoring, and none out of a dispute, whose way out is a
    /// choice (see [`Phase::can_move`]).
    pub fn next(self) -> Option<Phase> {
        let at = Phase::WALK.iter().position(|&phase| phase == self)?;
        Phase::WALK.get(at + 1).copied()
    }

    /// Whether a cycle may move from one phase to another: one step forward along [`Phase::WALK`]; into a dispute
    /// from negotiating or signing (only there can talks fail to produce agreements); and out of a dispute back to
    /// negotiating or signing. Nothing else: no skipping, and no going back.
    pub fn can_move(from: Phase, to: Phase) -> bool {
        use Phase::{Geschil, Onderhandeling, Ondertekening};
        match (from, to) {
            (Onderhandeling | Ondertekening, Geschil) => true,
            (Geschil, Onderhandeling | Ondertekening) => true,
            _ => from.next() == Some(to),
        }
    }

    /// Whether the lead party may move a cycle from one phase to another by hand: a move [`Phase::can_move`]
    /// allows, except into monitoring (it begins when the last party signs) or a dispute (when a party opens its
    /// file).
    pub fn lead_may_move(from: Phase, to: Phase) -> bool {
        Phase::can_move(from, to) && !matches!(to, Phase::Monitoring | Phase::Geschil)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Phase::*;

    #[test]
    fn the_lead_moves_by_hand_neither_into_monitoring_nor_into_a_dispute() {
        assert!(Phase::lead_may_move(Onderhandeling, Ondertekening));
        assert!(Phase::lead_may_move(Geschil, Onderhandeling));
        assert!(Phase::can_move(Ondertekening, Geschil) && !Phase::lead_may_move(Ondertekening, Geschil));
        assert!(!Phase::lead_may_move(Ondertekening, Monitoring));
    }

    #[test]
    fn codes_and_numbers_round_trip() {
        let codes: Vec<&str> = Phase::ALL.iter().map(|p| p.code()).collect();
        assert_eq!(codes, ["kennisvergaring", "bod", "onderhandeling", "ondertekening", "monitoring", "geschil"]);
        for phase in Phase::ALL {
            assert_eq!(Phase::parse(phase.code()), Some(phase));
        }
        assert_eq!(Phase::parse("Bod"), None, "codes are stored in lower case");
        assert_eq!(Phase::parse(""), None);
        let numbers: Vec<u8> = Phase::ALL.iter().map(|p| p.number()).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6]);
        // The derived order is the order of the numbers.
        assert!(Kennisvergaring < Bod && Monitoring < Geschil);
    }

    #[test]
    fn next_walks_without_the_dispute() {
        assert_eq!(Kennisvergaring.next(), Some(Bod));
        assert_eq!(Bod.next(), Some(Onderhandeling));
        assert_eq!(Onderhandeling.next(), Some(Ondertekening));
        assert_eq!(Ondertekening.next(), Some(Monitoring));
        assert_eq!(Monitoring.next(), None);
        assert_eq!(Geschil.next(), None);
        assert!(!Phase::WALK.contains(&Geschil));
    }

    #[test]
    fn only_the_listed_moves_are_allowed() {
        let allowed = [
            (Kennisvergaring, Bod),
            (Bod, Onderhandeling),
            (Onderhandeling, Ondertekening),
            (Ondertekening, Monitoring),
            (Onderhandeling, Geschil),
            (Ondertekening, Geschil),
            (Geschil, Onderhandeling),
            (Geschil, Ondertekening),
        ];
        // All 36 pairs, so a move allowed by mistake (a skip, a step back, staying put) fails too.
        for from in Phase::ALL {
            for to in Phase::ALL {
                assert_eq!(Phase::can_move(from, to), allowed.contains(&(from, to)), "{from:?} → {to:?}");
            }
        }
    }
}
