//! Outcome counts.

use super::*;

#[test]
fn outcomes_add_up() {
    let mut total = Outcome::default();
    assert!(total.is_empty());
    total.add(&Outcome { participants: 40, volunteers: 6, jobs_far_from_labour_market: 2, visitors: 1_200 });
    total.add(&Outcome { participants: 15, volunteers: 3, jobs_far_from_labour_market: 0, visitors: 350 });
    assert_eq!(total, Outcome { participants: 55, volunteers: 9, jobs_far_from_labour_market: 2, visitors: 1_550 });
    assert!(!total.is_empty());
    total.add(&Outcome::default());
    assert_eq!(total.visitors, 1_550);
}

#[test]
fn one_count_is_not_empty() {
    assert!(!Outcome { jobs_far_from_labour_market: 1, ..Outcome::default() }.is_empty());
    assert!(!Outcome { visitors: 1, ..Outcome::default() }.is_empty());
}

#[test]
fn sums_stop_at_the_largest_count() {
    let mut total = Outcome { visitors: u32::MAX - 1, ..Outcome::default() };
    total.add(&Outcome { visitors: 5, participants: 1, ..Outcome::default() });
    assert_eq!(total.visitors, u32::MAX);
    assert_eq!(total.participants, 1);
}

#[test]
fn counts_from_a_form() {
    assert_eq!(parse_count(""), Some(0));
    assert_eq!(parse_count("   "), Some(0));
    assert_eq!(parse_count("0"), Some(0));
    assert_eq!(parse_count("42"), Some(42));
    assert_eq!(parse_count(" 42 "), Some(42));
    assert_eq!(parse_count("007"), Some(7));
    assert_eq!(parse_count("1000000"), Some(1_000_000));
    assert_eq!(parse_count("1000001"), None);
    assert_eq!(parse_count("99999999999999999999999"), None, "beyond u64");
    for bad in ["-1", "+1", "1.000", "1,5", "12a", "٣", "1 000", "vier"] {
        assert_eq!(parse_count(bad), None, "{bad:?}");
    }
}
