//! The rule as a table: every condition missing on its own, the objection, the arrangement, reminders older than the
//! arrears, and the thresholds' edges where the Algemene termijnenwet moves them (dates computed by hand from the
//! 2026 calendar).

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
    let cases: [Case; 10] = [
        ("no contact attempt", |h| h.contact_on = None, vec![Block::NoContactAttempt]),
        // Dated after the ledger's day: named as such, not as "none recorded".
        ("contact planned, not made", |h| h.contact_on = Some(date!(2026 - 12 - 02)), vec![Block::ContactAfterDay]),
        (
            "only a letter, no personal contact",
            |h| h.contact_kind = Some(ContactKind::Letter),
            vec![Block::NoContactAttempt],
        ),
        // The arrears arose on 1 August: a call of 31 July was about earlier arrears, one on 1 August about these.
        (
            "a call the day before the arrears",
            |h| h.contact_on = Some(date!(2026 - 07 - 31)),
            vec![Block::ContactBeforeArrears],
        ),
        ("a call on the day the arrears arose", |h| h.contact_on = Some(date!(2026 - 08 - 01)), vec![]),
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
        // Arrears well before the offer, so that only the offer's term is at its edge (an offer in March for arrears
        // of August would be about other arrears).
        household.arrears_since = offer - Duration::days(60);
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
    assert_eq!(blocks(&household, date!(2026 - 12 - 01)), vec![Block::ReminderAfterDay, Block::OfferAfterDay]);
    // A reminder in time with the offer still to come: only the offer waits.
    household.reminder_on = Some(date!(2026 - 10 - 01));
    assert_eq!(blocks(&household, date!(2026 - 12 - 01)), vec![Block::OfferAfterDay]);
    // Nothing dated at all is still "none recorded".
    household.reminder_on = None;
    household.offer_on = None;
    assert_eq!(blocks(&household, date!(2026 - 12 - 01)), vec![Block::NoWrittenReminder, Block::NoOffer]);
}

/// A household whose arrears arose on `arrears`, reminded with the offer on `offer`, its personal contact on
/// 1 December 2026 (after every arrears day below).
fn dated(arrears: Date, offer: Date) -> Household {
    let mut household = complete();
    household.arrears_since = arrears;
    household.reminder_on = Some(offer);
    household.offer_on = Some(offer);
    household.contact_on = Some(date!(2026 - 12 - 01));
    household
}

/// The auditor's rows and their neighbours: the days late count from the day the arrears arose, an offer from an
/// earlier episode counts for nothing, and the signal waits for both terms (30 days each; worked out by hand on the
/// 2026 calendar, where December has no decreed day).
#[test]
fn the_days_late_count_from_the_arrears_and_an_older_offer_does_not_count() {
    let cal = crate::calendar::known_decrees();
    let decided = |h: &Household, day| decide(h, known(), RuleSettings::default(), &cal, day);
    let table: [(Date, Date, Date, Vec<Block>); 7] = [
        // (arrears since, offer, day, blocks)
        // Arrears of 30 November, the offer of 1 October from an earlier episode: neither a reminder about these
        // arrears nor an offer for them. (Counted from the offer, the platform signalled days-old arrears.)
        (
            date!(2026 - 11 - 30),
            date!(2026 - 10 - 01),
            date!(2026 - 12 - 05),
            vec![Block::ReminderBeforeArrears, Block::OfferBeforeArrears],
        ),
        // Arrears since 1 September: 30 days end Thursday 1 October, long past. The offer of 20 November: 30 days
        // end Sunday 20 December → Monday 21 December; a signal from Tuesday 22 December.
        (
            date!(2026 - 09 - 01),
            date!(2026 - 11 - 20),
            date!(2026 - 12 - 05),
            vec![Block::TooSoon(date!(2026 - 12 - 22))],
        ),
        (
            date!(2026 - 09 - 01),
            date!(2026 - 11 - 20),
            date!(2026 - 12 - 21),
            vec![Block::TooSoon(date!(2026 - 12 - 22))],
        ),
        (date!(2026 - 09 - 01), date!(2026 - 11 - 20), date!(2026 - 12 - 22), vec![]),
        // Arrears since 5 November: 30 days end Saturday 5 December → Monday 7 December, so not before Tuesday the
        // 8th; the offer of 10 November: 30 days end Thursday 10 December, a working day, so not before Friday the
        // 11th. The later of the two: 11 December.
        (
            date!(2026 - 11 - 05),
            date!(2026 - 11 - 10),
            date!(2026 - 12 - 05),
            vec![Block::TooSoon(date!(2026 - 12 - 11))],
        ),
        (
            date!(2026 - 11 - 05),
            date!(2026 - 11 - 10),
            date!(2026 - 12 - 10),
            vec![Block::TooSoon(date!(2026 - 12 - 11))],
        ),
        (date!(2026 - 11 - 05), date!(2026 - 11 - 10), date!(2026 - 12 - 11), vec![]),
    ];
    for (arrears, offer, day, expected) in table {
        assert_eq!(decided(&dated(arrears, offer), day).blocks, expected, "arrears {arrears}, offer {offer}, {day}");
    }
    // An offer on the day the arrears arose is about them: 5 November + 30 = Saturday 5 December → Monday the 7th.
    let same_day = dated(date!(2026 - 11 - 05), date!(2026 - 11 - 05));
    assert_eq!(decided(&same_day, date!(2026 - 12 - 07)).blocks, vec![Block::TooSoon(date!(2026 - 12 - 08))]);
    assert!(decided(&same_day, date!(2026 - 12 - 08)).signalled());
}

#[test]
fn a_reminder_before_the_arrears_is_no_reminder_about_them() {
    let today = date!(2026 - 12 - 05);
    // The first reminder predates the arrears, the offering reminder does not: the offer is itself the reminder.
    let mut household = complete();
    household.reminder_on = Some(date!(2026 - 07 - 15));
    assert!(blocks(&household, today).is_empty());
    // An old reminder and no offer: (c) and (d) both fail, (c) for its date.
    household.offer_on = None;
    assert_eq!(blocks(&household, today), vec![Block::ReminderBeforeArrears, Block::NoOffer]);
    // A reminder about these arrears and an offer from before them: only (d) fails.
    let mut household = complete();
    household.offer_on = Some(date!(2026 - 07 - 20));
    assert_eq!(blocks(&household, today), vec![Block::OfferBeforeArrears]);
}

#[test]
fn the_signal_waits_for_the_later_of_the_two_terms() {
    // Under the rule an offer that counts is never older than the arrears, so with one number of days the offer's
    // term never ends first. Given the two ends directly, the later one still names the day: arrears of 5 November
    // end Monday 7 December; an offer of 10 November counted at 14 days ends Tuesday 24 November.
    let cal = crate::calendar::known_decrees();
    let household = dated(date!(2026 - 11 - 05), date!(2026 - 11 - 10));
    let thresholds = Thresholds {
        arrears: threshold_end(date!(2026 - 11 - 05), RuleSettings::default(), &cal),
        offer: Some(threshold_end(date!(2026 - 11 - 10), RuleSettings { threshold_days: 14 }, &cal)),
    };
    assert_eq!(thresholds.arrears.date, date!(2026 - 12 - 07));
    let decided = |day| decide_with_thresholds(&household, known(), thresholds, day).blocks;
    assert_eq!(decided(date!(2026 - 12 - 05)), vec![Block::TooSoon(date!(2026 - 12 - 08))]);
    assert!(decided(date!(2026 - 12 - 08)).is_empty());
}
