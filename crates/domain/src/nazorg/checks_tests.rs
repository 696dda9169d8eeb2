//! Check dates, states and answers, with dates counted by hand (2028 is a leap year, 2027 and 2029 are not).

use super::*;
use time::macros::date;

#[test]
fn checks_are_due_on_the_same_day_years_later() {
    assert_eq!(due_on(date!(2026 - 03 - 15), 3), date!(2029 - 03 - 15));
    assert_eq!(due_on(date!(2026 - 03 - 15), 6), date!(2032 - 03 - 15));
    assert_eq!(due_on(date!(2026 - 12 - 31), 1), date!(2027 - 12 - 31));
    assert_eq!(due_on(date!(2026 - 03 - 15), 0), date!(2026 - 03 - 15));
}

#[test]
fn a_sale_on_a_leap_day() {
    assert_eq!(due_on(date!(2024 - 02 - 29), 3), date!(2027 - 02 - 28));
    assert_eq!(due_on(date!(2024 - 02 - 29), 4), date!(2028 - 02 - 29));
    assert_eq!(due_on(date!(2024 - 02 - 29), 6), date!(2030 - 02 - 28));
}

#[test]
fn a_check_opens_two_months_early() {
    assert_eq!(opens_on(date!(2029 - 03 - 15)), date!(2029 - 01 - 15));
    assert_eq!(opens_on(date!(2029 - 01 - 10)), date!(2028 - 11 - 10), "across the year");
    assert_eq!(opens_on(date!(2027 - 04 - 30)), date!(2027 - 02 - 28), "clamped to February");
    assert_eq!(opens_on(date!(2028 - 04 - 30)), date!(2028 - 02 - 29), "clamped to a leap February");
}

#[test]
fn the_state_of_an_open_check_follows_the_calendar() {
    let due = date!(2029 - 03 - 15);
    assert_eq!(check_state(due, None, date!(2026 - 03 - 15)), CheckState::Planned);
    assert_eq!(check_state(due, None, date!(2029 - 01 - 14)), CheckState::Planned);
    assert_eq!(check_state(due, None, date!(2029 - 01 - 15)), CheckState::Open, "opens on the day");
    assert_eq!(check_state(due, None, date!(2029 - 03 - 15)), CheckState::Open, "still open on the due date");
    assert_eq!(check_state(due, None, date!(2029 - 03 - 16)), CheckState::Overdue);
    assert_eq!(check_state(due, None, date!(2031 - 01 - 01)), CheckState::Overdue);
}

#[test]
fn a_check_not_done_when_the_home_was_bought_back_lapses() {
    let due = date!(2028 - 10 - 03);
    let back = Some(date!(2026 - 12 - 01));
    assert_eq!(check_state_of_sale(due, None, back, date!(2026 - 12 - 07)), CheckState::Lapsed);
    assert_eq!(check_state_of_sale(due, None, back, date!(2026 - 11 - 30)), CheckState::Planned, "not yet bought back");
    let done = Some(date!(2026 - 06 - 01));
    assert_eq!(check_state_of_sale(due, done, back, date!(2026 - 12 - 07)), CheckState::DoneOnTime, "done stays done");
    assert_eq!(check_state_of_sale(due, None, None, date!(2028 - 10 - 04)), CheckState::Overdue);
}

#[test]
fn a_check_is_done_between_its_sale_and_today() {
    let (sold, today) = (date!(2023 - 07 - 12), date!(2026 - 12 - 07));
    assert_eq!(done_on_problem(date!(2019 - 01 - 01), sold, today), Some(DoneOnProblem::BeforeSale));
    assert_eq!(done_on_problem(date!(2023 - 07 - 11), sold, today), Some(DoneOnProblem::BeforeSale));
    assert_eq!(done_on_problem(sold, sold, today), None, "the day of the sale itself");
    assert_eq!(done_on_problem(date!(2026 - 01 - 10), sold, today), None, "an early visit");
    assert_eq!(done_on_problem(today, sold, today), None);
    assert_eq!(done_on_problem(date!(2026 - 12 - 08), sold, today), Some(DoneOnProblem::Future));
}

#[test]
fn the_state_of_a_done_check_ignores_today() {
    let due = date!(2029 - 03 - 15);
    for today in [date!(2029 - 01 - 01), date!(2029 - 03 - 15), date!(2035 - 01 - 01)] {
        assert_eq!(check_state(due, Some(date!(2029 - 03 - 15)), today), CheckState::DoneOnTime);
        assert_eq!(check_state(due, Some(date!(2029 - 03 - 16)), today), CheckState::DoneLate);
        assert_eq!(check_state(due, Some(date!(2028 - 12 - 01)), today), CheckState::DoneOnTime, "early");
    }
}

#[test]
fn check_years_are_parsed_sorted() {
    assert_eq!(parse_check_years("3, 6"), Ok(vec![3, 6]));
    assert_eq!(parse_check_years("3 6"), Ok(vec![3, 6]));
    assert_eq!(parse_check_years("2,5,10"), Ok(vec![2, 5, 10]));
    assert_eq!(parse_check_years("6,3"), Ok(vec![3, 6]));
    assert_eq!(parse_check_years("  10 ,\t2; 4\n"), Ok(vec![2, 4, 10]));
    assert_eq!(parse_check_years("1"), Ok(vec![1]));
    assert_eq!(parse_check_years("30"), Ok(vec![30]));
    assert_eq!(parse_check_years("1,2,3,4,5"), Ok(vec![1, 2, 3, 4, 5]));
    assert_eq!(parse_check_years("03"), Ok(vec![3]));
}

#[test]
fn check_years_refused() {
    assert_eq!(parse_check_years(""), Err(CheckYearsProblem::Empty));
    assert_eq!(parse_check_years(" , ;"), Err(CheckYearsProblem::Empty));
    assert_eq!(parse_check_years("3,a"), Err(CheckYearsProblem::NotANumber));
    assert_eq!(parse_check_years("3.5"), Err(CheckYearsProblem::NotANumber));
    assert_eq!(parse_check_years("-1"), Err(CheckYearsProblem::NotANumber));
    assert_eq!(parse_check_years("+3"), Err(CheckYearsProblem::NotANumber));
    assert_eq!(parse_check_years("0"), Err(CheckYearsProblem::OutOfRange));
    assert_eq!(parse_check_years("31"), Err(CheckYearsProblem::OutOfRange));
    assert_eq!(parse_check_years("99999999999"), Err(CheckYearsProblem::OutOfRange));
    assert_eq!(parse_check_years("3, 6, 3"), Err(CheckYearsProblem::Duplicate));
    assert_eq!(parse_check_years("1,2,3,4,5,6"), Err(CheckYearsProblem::TooMany));
}

#[test]
fn check_years_are_shown_as_the_form_reads_them() {
    assert_eq!(show_check_years(&DEFAULT_CHECK_YEARS), "3, 6");
    assert_eq!(show_check_years(&[2, 5, 10]), "2, 5, 10");
    assert_eq!(show_check_years(&[]), "");
    assert_eq!(parse_check_years(&show_check_years(&DEFAULT_CHECK_YEARS)), Ok(DEFAULT_CHECK_YEARS.to_vec()));
}

fn fine() -> CheckAnswers {
    CheckAnswers {
        maintenance: Maintenance::Good,
        payment_problems: false,
        vve_participation: VveParticipation::Active,
        wish_to_sell_back: false,
    }
}

#[test]
fn answers_that_need_follow_up() {
    assert!(!fine().needs_follow_up());
    assert!(!CheckAnswers { maintenance: Maintenance::Fair, ..fine() }.needs_follow_up());
    assert!(!CheckAnswers { vve_participation: VveParticipation::Passive, ..fine() }.needs_follow_up());
    assert!(!CheckAnswers { vve_participation: VveParticipation::NoVve, ..fine() }.needs_follow_up());
    assert!(CheckAnswers { maintenance: Maintenance::Poor, ..fine() }.needs_follow_up());
    assert!(CheckAnswers { payment_problems: true, ..fine() }.needs_follow_up());
    assert!(CheckAnswers { vve_participation: VveParticipation::None, ..fine() }.needs_follow_up());
    assert!(CheckAnswers { wish_to_sell_back: true, ..fine() }.needs_follow_up());
}

#[test]
fn codes_are_stable() {
    assert_eq!(CheckState::parse("te_laat"), Ok(CheckState::Overdue));
    assert_eq!(CheckState::DoneLate.code(), "laat_gedaan");
    assert_eq!(CheckState::ALL.len(), 6);
    assert_eq!(CheckState::Lapsed.code(), "vervallen");
    assert_eq!(Maintenance::parse("slecht"), Ok(Maintenance::Poor));
    assert_eq!(VveParticipation::parse("geen_vve"), Ok(VveParticipation::NoVve));
    assert_eq!(VveParticipation::None.code(), "geen");
}
