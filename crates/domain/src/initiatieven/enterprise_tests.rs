//! Certificates of social enterprises: validity at a date and what is wrong with one as entered.

use super::*;
use time::macros::date;

/// A PSO certificate of two years: 1 July 2024 up to and including 30 June 2026.
const FROM: Date = date!(2024 - 07 - 01);
const UNTIL: Date = date!(2026 - 06 - 30);

#[test]
fn codes_are_stable() {
    let kinds: Vec<&str> = CertificateKind::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(kinds, ["pso", "code_so", "se_nl"]);
    let levels: Vec<&str> = PsoLevel::ALL.iter().map(|l| l.code()).collect();
    assert_eq!(levels, ["aspirant", "trede_1", "trede_2", "trede_3", "pso_30"]);
    let states: Vec<&str> = CertificateState::ALL.iter().map(|s| s.code()).collect();
    assert_eq!(states, ["geldig", "verloopt_binnenkort", "verlopen", "nog_niet_geldig"]);
}

#[test]
fn valid_on_both_ends() {
    assert!(!valid_on(FROM, UNTIL, date!(2024 - 06 - 30)));
    assert!(valid_on(FROM, UNTIL, FROM));
    assert!(valid_on(FROM, UNTIL, date!(2025 - 03 - 15)));
    assert!(valid_on(FROM, UNTIL, UNTIL));
    assert!(!valid_on(FROM, UNTIL, date!(2026 - 07 - 01)));
    assert!(valid_on(FROM, FROM, FROM), "a certificate of one day");
}

#[test]
fn the_state_through_the_years() {
    let state = |on| certificate_state(FROM, UNTIL, on);
    assert_eq!(state(date!(2024 - 06 - 30)), CertificateState::NotYetValid);
    assert_eq!(state(FROM), CertificateState::Valid);
    assert_eq!(state(date!(2025 - 12 - 31)), CertificateState::Valid);
    // 30 June − 60 days = 1 May: 60 days left, still valid; from 2 May (59 days left) it expires soon.
    assert_eq!(state(date!(2026 - 05 - 01)), CertificateState::Valid);
    assert_eq!(state(date!(2026 - 05 - 02)), CertificateState::ExpiresSoon);
    assert_eq!(state(UNTIL), CertificateState::ExpiresSoon, "the last day");
    assert_eq!(state(date!(2026 - 07 - 01)), CertificateState::Expired);
    assert_eq!(state(date!(2030 - 01 - 01)), CertificateState::Expired);
}

#[test]
fn expiring_soon_across_a_leap_day() {
    // Until 29 April 2028: 60 days earlier is 29 February 2028 (March 31 + April 29 = 60).
    let until = date!(2028 - 04 - 29);
    assert_eq!(certificate_state(FROM, until, date!(2028 - 02 - 29)), CertificateState::Valid);
    assert_eq!(certificate_state(FROM, until, date!(2028 - 03 - 01)), CertificateState::ExpiresSoon);
}

#[test]
fn a_short_certificate_expires_soon_from_its_first_day() {
    let until = date!(2024 - 08 - 01);
    assert_eq!(certificate_state(FROM, until, FROM), CertificateState::ExpiresSoon);
}

#[test]
fn sound_certificates() {
    assert_eq!(certificate_problems(CertificateKind::Pso, Some(PsoLevel::Trede2), FROM, UNTIL), vec![]);
    assert_eq!(certificate_problems(CertificateKind::CodeSocialeOndernemingen, None, FROM, UNTIL), vec![]);
    assert_eq!(certificate_problems(CertificateKind::SocialEnterpriseNl, None, FROM, UNTIL), vec![]);
    for level in PsoLevel::ALL.iter().copied() {
        assert_eq!(certificate_problems(CertificateKind::Pso, Some(level), FROM, UNTIL), vec![], "{level:?}");
    }
}

#[test]
fn a_level_for_pso_only() {
    assert_eq!(certificate_problems(CertificateKind::Pso, None, FROM, UNTIL), vec![CertificateProblem::LevelMissing]);
    assert_eq!(
        certificate_problems(CertificateKind::SocialEnterpriseNl, Some(PsoLevel::Trede1), FROM, UNTIL),
        vec![CertificateProblem::LevelNotApplicable]
    );
    assert_eq!(
        certificate_problems(CertificateKind::CodeSocialeOndernemingen, Some(PsoLevel::Pso30), FROM, UNTIL),
        vec![CertificateProblem::LevelNotApplicable]
    );
}

#[test]
fn the_end_comes_after_the_start() {
    let kind = CertificateKind::SocialEnterpriseNl;
    assert_eq!(certificate_problems(kind, None, FROM, FROM), vec![CertificateProblem::UntilNotAfterFrom]);
    assert_eq!(
        certificate_problems(kind, None, FROM, date!(2024 - 06 - 30)),
        vec![CertificateProblem::UntilNotAfterFrom]
    );
    assert_eq!(certificate_problems(kind, None, FROM, date!(2024 - 07 - 02)), vec![]);
}

#[test]
fn at_most_five_years() {
    let kind = CertificateKind::CodeSocialeOndernemingen;
    assert_eq!(certificate_problems(kind, None, FROM, date!(2029 - 07 - 01)), vec![], "to the same date");
    assert_eq!(
        certificate_problems(kind, None, FROM, date!(2029 - 07 - 02)),
        vec![CertificateProblem::LongerThanFiveYears]
    );
    // From a leap day, five years run to 28 February.
    let leap = date!(2024 - 02 - 29);
    assert_eq!(certificate_problems(kind, None, leap, date!(2029 - 02 - 28)), vec![]);
    assert_eq!(
        certificate_problems(kind, None, leap, date!(2029 - 03 - 01)),
        vec![CertificateProblem::LongerThanFiveYears]
    );
}

#[test]
fn a_pso_certificate_runs_two_years() {
    let kind = CertificateKind::Pso;
    let level = Some(PsoLevel::Trede1);
    assert_eq!(certificate_problems(kind, level, FROM, date!(2026 - 07 - 01)), vec![], "to the same date");
    assert_eq!(
        certificate_problems(kind, level, FROM, date!(2026 - 07 - 02)),
        vec![CertificateProblem::PsoLongerThanTwoYears]
    );
    assert_eq!(
        certificate_problems(kind, level, FROM, date!(2028 - 07 - 01)),
        vec![CertificateProblem::PsoLongerThanTwoYears],
        "four years, as an auditor typed it"
    );
}

#[test]
fn every_problem_at_once() {
    assert_eq!(
        certificate_problems(CertificateKind::Pso, None, UNTIL, FROM),
        vec![CertificateProblem::LevelMissing, CertificateProblem::UntilNotAfterFrom]
    );
    assert_eq!(
        certificate_problems(CertificateKind::SocialEnterpriseNl, Some(PsoLevel::Trede3), FROM, date!(2040 - 01 - 01)),
        vec![CertificateProblem::LevelNotApplicable, CertificateProblem::LongerThanFiveYears]
    );
}

#[test]
fn certificates_as_social_return_values_them() {
    use crate::socialreturn::Certificate as Sr;
    let sr = social_return_certificate;
    assert_eq!(sr(CertificateKind::CodeSocialeOndernemingen, None), Some(Sr::CodeSocialeOndernemingen));
    assert_eq!(sr(CertificateKind::SocialEnterpriseNl, None), Some(Sr::SocialEnterpriseNl));
    assert_eq!(sr(CertificateKind::SocialEnterpriseNl, Some(PsoLevel::Trede1)), Some(Sr::SocialEnterpriseNl));
    assert_eq!(sr(CertificateKind::Pso, None), None);
    assert_eq!(sr(CertificateKind::Pso, Some(PsoLevel::Aspirant)), Some(Sr::PsoAspirant));
    assert_eq!(sr(CertificateKind::Pso, Some(PsoLevel::Trede1)), Some(Sr::PsoTrede1));
    assert_eq!(sr(CertificateKind::Pso, Some(PsoLevel::Trede2)), Some(Sr::PsoTrede2));
    assert_eq!(sr(CertificateKind::Pso, Some(PsoLevel::Trede3)), Some(Sr::PsoTrede3));
    assert_eq!(sr(CertificateKind::Pso, Some(PsoLevel::Pso30)), Some(Sr::Pso30Plus));
    // The shared codes agree.
    assert_eq!(CertificateKind::CodeSocialeOndernemingen.code(), Sr::CodeSocialeOndernemingen.code());
    assert_eq!(CertificateKind::SocialEnterpriseNl.code(), Sr::SocialEnterpriseNl.code());
}

#[test]
fn kvk_numbers() {
    assert!(is_kvk_number("01234567"));
    assert!(!is_kvk_number("1234567"));
    assert!(!is_kvk_number("123456789"));
    assert!(!is_kvk_number("1234 567"));
    assert!(!is_kvk_number("1234567a"));
    assert!(!is_kvk_number(""));
}

#[test]
fn problems_read_in_dutch() {
    assert_eq!(CertificateProblem::LevelMissing.to_string(), "kies de trede van het PSO-certificaat");
}
