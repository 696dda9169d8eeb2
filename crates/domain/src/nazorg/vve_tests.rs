//! VvE reserve and health on 10 June 2026, amounts and dates computed by hand.

use super::*;
use time::macros::date;

const TODAY: Date = date!(2026 - 06 - 10);

fn plan(adopted_on: Date, horizon_years: u32) -> Mjop {
    Mjop { adopted_on, horizon_years, yearly_reservation_cents: 1_500_000 }
}

/// A VvE in order: registered, a valid 15-year MJOP reserving € 15.000 a year, that reserve paid, a meeting in
/// April with minutes. The rebuild value (€ 4.000.000, so 0,5% is € 20.000) is not the basis while the MJOP is valid.
fn healthy() -> VveFacts {
    VveFacts {
        kvk: Some("12345678".into()),
        rebuild_value_cents: Some(400_000_000),
        yearly_reserve_cents: Some(1_500_000),
        mjop: Some(plan(date!(2024 - 05 - 01), 15)),
        last_meeting_on: Some(date!(2026 - 04 - 20)),
        minutes_recorded: true,
    }
}

#[test]
fn an_mjop_is_valid_for_five_years_to_the_day() {
    assert!(mjop_valid(&plan(date!(2021 - 06 - 10), 10), TODAY), "exactly five years old");
    assert!(!mjop_valid(&plan(date!(2021 - 06 - 09), 10), TODAY), "five years and a day");
    assert!(mjop_valid(&plan(TODAY, 10), TODAY));
    assert!(mjop_valid(&plan(date!(2021 - 06 - 10), 30), TODAY));
}

#[test]
fn an_mjop_looks_ten_years_ahead() {
    assert!(mjop_valid(&plan(date!(2025 - 01 - 01), 10), TODAY));
    assert!(!mjop_valid(&plan(date!(2025 - 01 - 01), 9), TODAY));
    assert!(!mjop_valid(&plan(date!(2025 - 01 - 01), 0), TODAY));
}

#[test]
fn an_mjop_adopted_on_a_leap_day() {
    // Five years before 28 February 2029 is 28 February 2024: a plan of 29 February 2024 is younger.
    let today = date!(2029 - 02 - 28);
    assert!(mjop_valid(&plan(date!(2024 - 02 - 29), 10), today));
    assert!(mjop_valid(&plan(date!(2024 - 02 - 28), 10), today));
    assert!(!mjop_valid(&plan(date!(2024 - 02 - 27), 10), today));
    // On 1 March 2029 the boundary is 1 March 2024, and the leap-day plan has expired.
    assert!(!mjop_valid(&plan(date!(2024 - 02 - 29), 10), date!(2029 - 03 - 01)));
}

#[test]
fn the_minimum_follows_a_valid_mjop() {
    assert_eq!(
        reserve_minimum(&healthy(), TODAY),
        Some(ReserveMinimum { cents: 1_500_000, basis: ReserveBasis::Mjop })
    );
    // Even without a rebuild value.
    let facts = VveFacts { rebuild_value_cents: None, ..healthy() };
    assert_eq!(reserve_minimum(&facts, TODAY), Some(ReserveMinimum { cents: 1_500_000, basis: ReserveBasis::Mjop }));
}

#[test]
fn without_a_valid_mjop_the_minimum_is_half_a_percent_of_the_rebuild_value() {
    let rebuild = |cents: i64| VveFacts { rebuild_value_cents: Some(cents), mjop: None, ..healthy() };
    let minimum = |cents: i64| reserve_minimum(&rebuild(cents), TODAY).map(|m| (m.cents, m.basis));
    // € 4.000.000,00 × 0,5% = € 20.000,00.
    assert_eq!(minimum(400_000_000), Some((2_000_000, ReserveBasis::RebuildValue)));
    // € 3.456.789,01 × 0,5% = € 17.283,94505, rounded up to € 17.283,95.
    assert_eq!(minimum(345_678_901), Some((1_728_395, ReserveBasis::RebuildValue)));
    // 200 cents × 0,5% = exactly 1 cent; 1 cent × 0,5% = 0,005 cent, still a cent.
    assert_eq!(minimum(200), Some((1, ReserveBasis::RebuildValue)));
    assert_eq!(minimum(201), Some((2, ReserveBasis::RebuildValue)));
    assert_eq!(minimum(1), Some((1, ReserveBasis::RebuildValue)));
    assert_eq!(minimum(0), Some((0, ReserveBasis::RebuildValue)));
    // A stale or too short MJOP falls back to the rebuild value.
    let stale = VveFacts { mjop: Some(plan(date!(2020 - 01 - 01), 15)), ..healthy() };
    assert_eq!(
        reserve_minimum(&stale, TODAY),
        Some(ReserveMinimum { cents: 2_000_000, basis: ReserveBasis::RebuildValue })
    );
    let short = VveFacts { mjop: Some(plan(date!(2025 - 01 - 01), 8)), ..healthy() };
    assert_eq!(reserve_minimum(&short, TODAY).map(|m| m.basis), Some(ReserveBasis::RebuildValue));
}

#[test]
fn no_minimum_without_a_valid_mjop_or_a_rebuild_value() {
    let facts = VveFacts { rebuild_value_cents: None, mjop: None, ..healthy() };
    assert_eq!(reserve_minimum(&facts, TODAY), None);
    let facts = VveFacts { rebuild_value_cents: None, mjop: Some(plan(date!(2020 - 01 - 01), 15)), ..healthy() };
    assert_eq!(reserve_minimum(&facts, TODAY), None);
}

#[test]
fn a_healthy_vve_has_no_findings() {
    assert_eq!(findings(&healthy(), TODAY), vec![]);
    assert_eq!(health(&findings(&healthy(), TODAY)), Health::Green);
}

#[test]
fn a_reserve_exactly_at_the_minimum_is_fine_a_cent_less_is_not() {
    let reserve = |cents: i64| VveFacts { yearly_reserve_cents: Some(cents), ..healthy() };
    assert_eq!(findings(&reserve(1_500_000), TODAY), vec![]);
    assert_eq!(findings(&reserve(1_500_001), TODAY), vec![]);
    assert_eq!(findings(&reserve(1_499_999), TODAY), vec![Finding::ReserveBelowMinimum { short_cents: 1 }]);
    assert_eq!(findings(&reserve(0), TODAY), vec![Finding::ReserveBelowMinimum { short_cents: 1_500_000 }]);
    // Without an MJOP: € 20.000 from the rebuild value, so € 15.000 is € 5.000 short.
    let facts = VveFacts { mjop: None, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::ReserveBelowMinimum { short_cents: 500_000 }, Finding::NoMjop]);
    assert_eq!(health(&findings(&facts, TODAY)), Health::Red);
}

#[test]
fn an_unknown_reserve_or_minimum() {
    let facts = VveFacts { yearly_reserve_cents: None, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::ReserveUnknown]);
    let facts = VveFacts { rebuild_value_cents: None, mjop: None, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::ReserveUnknown, Finding::NoMjop]);
    assert_eq!(health(&findings(&facts, TODAY)), Health::Amber);
}

#[test]
fn a_stale_or_short_mjop() {
    // Stale: the reserve of € 15.000 is now judged against € 20.000 from the rebuild value.
    let facts = VveFacts { mjop: Some(plan(date!(2021 - 06 - 09), 15)), ..healthy() };
    assert_eq!(
        findings(&facts, TODAY),
        vec![Finding::ReserveBelowMinimum { short_cents: 500_000 }, Finding::MjopStale]
    );
    let facts = VveFacts { mjop: Some(plan(date!(2021 - 06 - 10), 15)), ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![], "exactly five years old is still valid");
    // Short, with a reserve that meets 0,5% of the rebuild value.
    let facts =
        VveFacts { mjop: Some(plan(date!(2025 - 01 - 01), 8)), yearly_reserve_cents: Some(2_000_000), ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::MjopTooShort]);
    assert_eq!(health(&findings(&facts, TODAY)), Health::Amber);
    // Both at once.
    let facts =
        VveFacts { mjop: Some(plan(date!(2019 - 01 - 01), 8)), yearly_reserve_cents: Some(2_000_000), ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::MjopStale, Finding::MjopTooShort]);
}

#[test]
fn a_meeting_exactly_fifteen_months_ago_is_not_missed() {
    let met = |last: Date| VveFacts { last_meeting_on: Some(last), ..healthy() };
    // Fifteen months before 10 June 2026 is 10 March 2025.
    assert_eq!(findings(&met(date!(2025 - 03 - 10)), TODAY), vec![]);
    assert_eq!(findings(&met(date!(2025 - 03 - 09)), TODAY), vec![Finding::MeetingMissed]);
    // The day after, the same meeting is missed.
    assert_eq!(findings(&met(date!(2025 - 03 - 10)), date!(2026 - 06 - 11)), vec![Finding::MeetingMissed]);
    // Clamped: fifteen months before 31 May 2026 is 28 February 2025.
    assert_eq!(findings(&met(date!(2025 - 02 - 28)), date!(2026 - 05 - 31)), vec![]);
    assert_eq!(findings(&met(date!(2025 - 02 - 27)), date!(2026 - 05 - 31)), vec![Finding::MeetingMissed]);
}

#[test]
fn no_meeting_and_no_minutes() {
    // Without a meeting there are no minutes to miss.
    let facts = VveFacts { last_meeting_on: None, minutes_recorded: false, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::NoMeetingRecorded]);
    let facts = VveFacts { minutes_recorded: false, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::NoMinutes]);
    let facts = VveFacts { last_meeting_on: Some(date!(2024 - 01 - 01)), minutes_recorded: false, ..healthy() };
    assert_eq!(findings(&facts, TODAY), vec![Finding::MeetingMissed, Finding::NoMinutes]);
}

#[test]
fn registration_needs_a_valid_kvk_number() {
    let kvk = |number: Option<&str>| VveFacts { kvk: number.map(str::to_string), ..healthy() };
    assert_eq!(findings(&kvk(None), TODAY), vec![Finding::NotRegistered]);
    assert_eq!(findings(&kvk(Some("1234567")), TODAY), vec![Finding::NotRegistered]);
    assert_eq!(findings(&kvk(Some("")), TODAY), vec![Finding::NotRegistered]);
    assert_eq!(findings(&kvk(Some("01234567")), TODAY), vec![]);
}

#[test]
fn everything_wrong_at_once() {
    let facts = VveFacts::default();
    assert_eq!(
        findings(&facts, TODAY),
        vec![Finding::ReserveUnknown, Finding::NoMjop, Finding::NoMeetingRecorded, Finding::NotRegistered]
    );
    assert_eq!(health(&findings(&facts, TODAY)), Health::Red);
}

#[test]
fn each_finding_has_its_colour() {
    for red in [
        Finding::ReserveBelowMinimum { short_cents: 1 },
        Finding::MjopStale,
        Finding::MeetingMissed,
        Finding::NoMeetingRecorded,
    ] {
        assert_eq!(red.health(), Health::Red, "{red:?}");
    }
    for amber in
        [Finding::ReserveUnknown, Finding::MjopTooShort, Finding::NoMjop, Finding::NotRegistered, Finding::NoMinutes]
    {
        assert_eq!(amber.health(), Health::Amber, "{amber:?}");
    }
}

#[test]
fn health_is_the_worst_finding() {
    assert_eq!(health(&[]), Health::Green);
    assert_eq!(health(&[Finding::NoMinutes]), Health::Amber);
    assert_eq!(health(&[Finding::NoMinutes, Finding::MeetingMissed, Finding::NoMjop]), Health::Red);
    assert_eq!(health(&[Finding::MjopStale, Finding::NotRegistered]), Health::Red);
}

#[test]
fn a_conflict_of_interest_needs_a_majority_and_the_management() {
    assert!(conflict_of_interest(6, 10, true));
    assert!(!conflict_of_interest(5, 10, true), "half is not a majority");
    assert!(!conflict_of_interest(6, 10, false));
    assert!(conflict_of_interest(51, 100, true));
    assert!(conflict_of_interest(1, 1, true));
    assert!(!conflict_of_interest(0, 0, true));
    assert!(conflict_of_interest(u32::MAX, u32::MAX, true), "no overflow");
}

#[test]
fn kvk_numbers() {
    assert!(is_kvk_number("12345678"));
    assert!(is_kvk_number("01234567"));
    assert!(!is_kvk_number("1234567"));
    assert!(!is_kvk_number("123456789"));
    assert!(!is_kvk_number(" 12345678"));
    assert!(!is_kvk_number("1234 567"));
    assert!(!is_kvk_number("1234567a"));
    assert!(!is_kvk_number(""));
    // Other scripts' digits are not KvK digits.
    assert!(!is_kvk_number("١٢٣٤٥٦٧٨"));
}

#[test]
fn codes_are_stable() {
    assert_eq!(Health::parse("oranje"), Ok(Health::Amber));
    assert_eq!(Health::Red.code(), "rood");
    assert!(Health::Green < Health::Amber && Health::Amber < Health::Red);
}
