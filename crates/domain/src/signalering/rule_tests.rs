//! The rule as a table: every condition missing on its own, the objection, the arrangement, and the threshold's
//! edges where the Algemene termijnenwet moves them (dates computed by hand from the 2026 calendar).

use super::*;
use crate::money::Money;
use crate::signalering::ledger::ContactKind;
use time::macros::date;

/// A household that meets every condition, its offering reminder sent on 1 October 2026.
fn complete() -> Household {
    Household {
        line: 2,
        contract: "C-1".into(),
        unit: "E-1".into(),
        name: "A. de Vries".into(),
        phone: None,
        email: None,
        amount: Money::from_cents(45_000),
        arrears_since: date!(2026 - 08 - 01),
        reminder_on: Some(date!(2026 - 09 - 15)),
        offer_on: Some(date!(2026 - 10 - 01)),
        contact_on: Some(date!(2026 - 09 - 20)),
        contact_kind: Some(ContactKind::Phone),
        contact_reached: false,
        debt_help_pointed: true,
        objection: false,
        arrangement: Arrangement::None,
    }
}

fn known() -> Context {
    Context { gemeente_known: true, open_signal_since: None }
}

fn blocks(household: &Household, today: Date) -> Vec<Block> {
    decide(household, known(), RuleSettings::default(), &TermCalendar::default(), today).blocks
}

#[test]
fn a_household_meeting_every_condition_is_signalled_after_the_threshold() {
    // 1 October + 30 days = Saturday 31 October; the term runs to Monday 2 November: signal from Tuesday 3 November.
    assert_eq!(blocks(&complete(), date!(2026 - 11 - 02)), vec![Block::TooSoon(date!(2026 - 11 - 03))]);
    assert!(blocks(&complete(), date!(2026 - 11 - 03)).is_empty());
}

/// A name, a change to the complete household, and what blocks it then.
type Case = (&'static str, fn(&mut Household), Vec<Block>);

#[test]
fn each_condition_missing_on_its_own_blocks_with_its_own_reason() {
    let today = date!(2026 - 12 - 01);
    let cases: [Case; 8] = [
        ("no contact attempt", |h| h.contact_on = None, vec![Block::NoContactAttempt]),
        ("contact planned, not made", |h| h.contact_on = Some(date!(2026 - 12 - 02)), vec![Block::NoContactAttempt]),
        (
            "only a letter, no personal contact",
            |h| h.contact_kind = Some(ContactKind::Letter),
            vec![Block::NoContactAttempt],
        ),
        ("not pointed to debt help", |h| h.debt_help_pointed = false, vec![Block::NoDebtHelpPointer]),
        (
            "no reminder, no offer",
            |h| {
                h.reminder_on = None;
                h.offer_on = None;
            },
            vec![Block::NoWrittenReminder, Block::NoOffer],
        ),
        ("a reminder without the offer", |h| h.offer_on = None, vec![Block::NoOffer]),
        ("objected", |h| h.objection = true, vec![Block::Objected]),
        ("arrangement kept", |h| h.arrangement = Arrangement::Kept, vec![Block::ArrangementKept]),
    ];
    for (name, change, expected) in cases {
        let mut household = complete();
        change(&mut household);
        assert_eq!(blocks(&household, today), expected, "{name}");
    }
}

#[test]
fn the_offering_reminder_alone_is_a_written_reminder() {
    let mut household = complete();
    household.reminder_on = None;
    assert!(blocks(&household, date!(2026 - 12 - 01)).is_empty());
}

#[test]
fn a_broken_or_completed_arrangement_does_not_hold_the_signal_back() {
    for arrangement in [Arrangement::Broken, Arrangement::Completed, Arrangement::None] {
        let mut household = complete();
        household.arrangement = arrangement;
        assert!(blocks(&household, date!(2026 - 12 - 01)).is_empty(), "{arrangement:?}");
    }
}

#[test]
fn every_reason_is_listed_at_once() {
    let mut household = complete();
    household.objection = true;
    household.debt_help_pointed = false;
    household.offer_on = None;
    let context = Context { gemeente_known: false, open_signal_since: Some(date!(2026 - 11 - 05)) };
    let decision =
        decide(&household, context, RuleSettings::default(), &TermCalendar::default(), date!(2026 - 12 - 01));
    assert_eq!(
        decision.blocks,
        vec![
            Block::NoGemeente,
            Block::AlreadySignalled(date!(2026 - 11 - 05)),
            Block::Objected,
            Block::NoDebtHelpPointer,
            Block::NoOffer
        ]
    );
    assert!(!decision.signalled());
}

/// The threshold's last day and the first day a signal may go, for offering reminders around the 2026 holidays.
#[test]
fn threshold_edges_across_holidays() {
    let table = [
        // offer, days, last day of the term, first day to signal
        // 25 Nov + 30 = Friday 25 Dec (Christmas) → Sat 26, Sun 27 → Monday 28 Dec.
        (date!(2026 - 11 - 25), 30, date!(2026 - 12 - 28), date!(2026 - 12 - 29)),
        // 2 Dec + 30 = Friday 1 Jan 2027 (New Year) → Monday 4 January 2027.
        (date!(2026 - 12 - 02), 30, date!(2027 - 01 - 04), date!(2027 - 01 - 05)),
        // 28 Mar + 30 = Monday 27 April 2026 (King's Day) → Tuesday 28 April.
        (date!(2026 - 03 - 28), 30, date!(2026 - 04 - 28), date!(2026 - 04 - 29)),
        // 6 Mar + 30 = Sunday 5 April 2026 (Easter) → Easter Monday 6 April → Tuesday 7 April.
        (date!(2026 - 03 - 06), 30, date!(2026 - 04 - 07), date!(2026 - 04 - 08)),
        // 1 Dec + 30 = Thursday 31 December: a working day, no move.
        (date!(2026 - 12 - 01), 30, date!(2026 - 12 - 31), date!(2027 - 01 - 01)),
        // A municipality that agreed 14 days: 1 Oct + 14 = Thursday 15 October.
        (date!(2026 - 10 - 01), 14, date!(2026 - 10 - 15), date!(2026 - 10 - 16)),
    ];
    for (offer, days, last, first) in table {
        let settings = RuleSettings { threshold_days: days };
        assert_eq!(threshold_end(offer, settings, &TermCalendar::default()).date, last, "offer {offer}");
        let mut household = complete();
        household.reminder_on = Some(offer);
        household.offer_on = Some(offer);
        household.contact_on = Some(offer);
        let day_before = decide(&household, known(), settings, &TermCalendar::default(), last).blocks;
        assert_eq!(day_before, vec![Block::TooSoon(first)], "offer {offer}");
        assert!(decide(&household, known(), settings, &TermCalendar::default(), first).signalled(), "offer {offer}");
    }
}

#[test]
fn an_offer_dated_in_the_future_has_not_been_made() {
    let mut household = complete();
    household.offer_on = Some(date!(2026 - 12 - 10));
    household.reminder_on = Some(date!(2026 - 12 - 10));
    assert_eq!(blocks(&household, date!(2026 - 12 - 01)), vec![Block::NoWrittenReminder, Block::NoOffer]);
}
