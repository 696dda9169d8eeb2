//! Loan terms and lending candidates, per VERA code.

use super::*;
use time::macros::date;

fn terms(rent_cents: i64, discount_bp: u32) -> LoanTerms {
    LoanTerms { rent_cents, discount_bp, from: date!(2026 - 09 - 01), until: Some(date!(2027 - 08 - 31)) }
}

#[test]
fn sound_terms_have_no_problems() {
    assert_eq!(terms(125_000, 6_000).problems(), vec![]);
    assert_eq!(terms(0, 10_000).problems(), vec![], "free of rent, and a full discount on nothing");
    let open_ended = LoanTerms { until: None, ..terms(125_000, 0) };
    assert_eq!(open_ended.problems(), vec![]);
}

#[test]
fn every_problem_in_order() {
    let bad = LoanTerms { until: Some(date!(2026 - 09 - 01)), ..terms(-1, 10_001) };
    assert_eq!(
        bad.problems(),
        vec![LoanProblem::NegativeRent, LoanProblem::DiscountAbove100, LoanProblem::UntilNotAfterFrom]
    );
}

#[test]
fn the_end_comes_after_the_start() {
    let ends = |until| LoanTerms { until: Some(until), ..terms(100, 0) }.problems();
    assert_eq!(ends(date!(2026 - 09 - 02)), vec![], "the day after is the shortest loan");
    assert_eq!(ends(date!(2026 - 09 - 01)), vec![LoanProblem::UntilNotAfterFrom], "the same day");
    assert_eq!(ends(date!(2026 - 08 - 31)), vec![LoanProblem::UntilNotAfterFrom]);
}

#[test]
fn rent_after_discount() {
    // € 1.250 with 60% off: € 500.
    assert_eq!(terms(125_000, 6_000).rent_after_discount_cents(), 50_000);
    assert_eq!(terms(125_000, 6_000).discount_cents(), 75_000);
    assert_eq!(terms(125_000, 0).rent_after_discount_cents(), 125_000);
    assert_eq!(terms(125_000, 10_000).rent_after_discount_cents(), 0);
    assert_eq!(terms(125_000, 12_000).rent_after_discount_cents(), 0, "above 100% is no rent, never negative");
    // € 999,99 with 33,33% off: 99 999 × 6 667 / 10 000 = 66 669,3333 → 66 669.
    assert_eq!(terms(99_999, 3_333).rent_after_discount_cents(), 66_669);
    // Halves round away from zero: 1 cent at 50% = 0,5 → 1; 3 cents at 50% = 1,5 → 2; 5 cents at 10% off = 4,5 → 5.
    assert_eq!(terms(1, 5_000).rent_after_discount_cents(), 1);
    assert_eq!(terms(3, 5_000).rent_after_discount_cents(), 2);
    assert_eq!(terms(5, 1_000).rent_after_discount_cents(), 5);
    // 7 cents at 25% off = 5,25 → 5; at 75% off = 1,75 → 2.
    assert_eq!(terms(7, 2_500).rent_after_discount_cents(), 5);
    assert_eq!(terms(7, 7_500).rent_after_discount_cents(), 2);
    // A negative rent (refused) rounds symmetrically: −3 at 50% = −1,5 → −2.
    assert_eq!(terms(-3, 5_000).rent_after_discount_cents(), -2);
}

#[test]
fn a_loan_runs_from_its_first_to_its_last_day() {
    let loan = terms(0, 0);
    assert!(!loan.runs_on(date!(2026 - 08 - 31)));
    assert!(loan.runs_on(date!(2026 - 09 - 01)));
    assert!(loan.runs_on(date!(2027 - 08 - 31)));
    assert!(!loan.runs_on(date!(2027 - 09 - 01)));
    let open_ended = LoanTerms { until: None, ..loan };
    assert!(open_ended.runs_on(date!(2099 - 01 - 01)));
    assert!(!open_ended.runs_on(date!(2026 - 08 - 31)));
}

#[test]
fn non_residential_soorten_are_candidates_whatever_their_status() {
    for soort in ["BED", "MOG", "BOG"] {
        for status in [None, Some("VEH"), Some("LEE"), Some("ONT")] {
            assert!(is_lending_candidate(Some(soort), None, status), "{soort} {status:?}");
        }
    }
}

#[test]
fn other_soorten_are_candidates_only_when_vacant() {
    for soort in ["WOO", "INT", "PAR", "OVE", "REC", "XYZ"] {
        assert!(!is_lending_candidate(Some(soort), None, Some("VEH")), "{soort} let");
        assert!(!is_lending_candidate(Some(soort), None, None), "{soort} without status");
        assert!(is_lending_candidate(Some(soort), None, Some("LEE")), "{soort} vacant");
    }
}

#[test]
fn only_leegstand_is_vacant() {
    for status in ["VEH", "ONT", "UIT", "VEK", "OND", "ADM", "LEEG", "LE"] {
        assert!(!is_lending_candidate(Some("WOO"), Some("GAL"), Some(status)), "{status}");
        assert!(!is_vacant(Some(status)), "{status}");
    }
    assert!(is_vacant(Some(" lee ")) && !is_vacant(None), "what the lending form names as standing empty");
    assert!(is_lending_candidate(Some("WOO"), Some("GAL"), Some("LEE")));
    assert!(is_lending_candidate(None, None, Some("LEE")), "vacant without any soort");
}

#[test]
fn codes_are_trimmed_and_case_blind() {
    assert!(is_lending_candidate(Some(" bed "), None, None));
    assert!(is_lending_candidate(Some("Mog"), None, None));
    assert!(is_lending_candidate(Some("WOO"), None, Some(" lee")));
    assert!(!is_lending_candidate(Some(""), Some(""), Some("")));
    assert!(!is_lending_candidate(None, None, None));
}

#[test]
fn the_detail_soort_counts_only_without_a_soort() {
    // Bedrijfsruimte details.
    for detail in ["ATE", "BED", "HOR", "KAN", "KIN", "PRA", "WIR", "WWI"] {
        assert!(is_lending_candidate(None, Some(detail), Some("VEH")), "{detail}");
        assert!(is_lending_candidate(Some(""), Some(detail), None), "{detail} with an empty soort");
    }
    // Maatschappelijk vastgoed details.
    for detail in [
        "BAS", "BIB", "BIJ", "BRE", "BUU", "CJG", "CUL", "DAG", "GEM", "HOS", "JON", "KTI", "MAA", "MUL", "MWR", "OPV",
        "REZ", "SCH", "STP", "VEI", "WEL", "WER", "WIJ", "WWR", "ZST",
    ] {
        assert!(is_lending_candidate(None, Some(detail), Some("VEH")), "{detail}");
    }
    // Homes, care, parking and the rest are not.
    for detail in ["GAL", "POF", "EIN", "KAM", "PRW", "VZO", "VPL", "GAR", "PAR", "BER", "ANT", "LIG", "REC", "VOL"] {
        assert!(!is_lending_candidate(None, Some(detail), Some("VEH")), "{detail}");
    }
    // A given soort decides: a home with a shop's detail soort is not a candidate, a shop with a home's is.
    assert!(!is_lending_candidate(Some("WOO"), Some("WIR"), Some("VEH")));
    assert!(is_lending_candidate(Some("BED"), Some("GAL"), Some("VEH")));
}

#[test]
fn problems_read_in_dutch() {
    assert_eq!(LoanProblem::UntilNotAfterFrom.to_string(), "de einddatum moet na de begindatum liggen");
}
