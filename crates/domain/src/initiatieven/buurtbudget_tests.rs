//! A buurtbudget round of € 10.000, votes and funding counted by hand.

use super::*;

/// € 10.000, one to three projects a ballot.
const RULES: RoundRules = RoundRules { budget_cents: 1_000_000, min_projects: 1, max_projects: 3 };

/// Speeltuin € 6.000, bankjes € 1.500, moestuin € 2.000, buurtfeest € 3.000, kunstwerk € 50, plantenbak € 400.
const PROJECTS: [(i64, i64); 6] = [(1, 600_000), (2, 150_000), (3, 200_000), (4, 300_000), (5, 5_000), (6, 40_000)];

#[test]
fn sound_rules() {
    assert_eq!(RULES.problems(), vec![]);
    assert_eq!(RoundRules { min_projects: 20, max_projects: 20, ..RULES }.problems(), vec![]);
    assert_eq!(RoundRules { budget_cents: 1, min_projects: 1, max_projects: 1 }.problems(), vec![]);
}

#[test]
fn every_rules_problem_in_order() {
    assert_eq!(
        RoundRules { budget_cents: 0, min_projects: 0, max_projects: 21 }.problems(),
        vec![RulesProblem::BudgetNotPositive, RulesProblem::MinBelowOne, RulesProblem::MaxAboveLimit]
    );
    assert_eq!(
        RoundRules { budget_cents: -5, min_projects: 22, max_projects: 21 }.problems(),
        vec![RulesProblem::BudgetNotPositive, RulesProblem::MinAboveMax, RulesProblem::MaxAboveLimit]
    );
    assert_eq!(RoundRules { min_projects: 4, ..RULES }.problems(), vec![RulesProblem::MinAboveMax]);
    assert_eq!(RoundRules { min_projects: 0, max_projects: 0, ..RULES }.problems(), vec![RulesProblem::MinBelowOne]);
}

#[test]
fn valid_ballots() {
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[1]), Ok(()));
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[2, 3, 6]), Ok(()));
    // € 6.000 + € 3.000 + € 400 = € 9.400.
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[1, 4, 6]), Ok(()));
    // Exactly the budget: € 6.000 + € 3.000 in a round of € 9.000.
    let exact = RoundRules { budget_cents: 900_000, ..RULES };
    assert_eq!(check_ballot(&exact, &PROJECTS, &[1, 4]), Ok(()), "€ 9.000 of € 9.000");
}

#[test]
fn a_ballot_over_the_budget() {
    // € 6.000 + € 3.000 + € 2.000 = € 11.000: € 1.000 over.
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[1, 4, 3]), Err(BallotProblem::OverBudget { over_cents: 100_000 }));
    let exact = RoundRules { budget_cents: 899_999, ..RULES };
    assert_eq!(check_ballot(&exact, &PROJECTS, &[1, 4]), Err(BallotProblem::OverBudget { over_cents: 1 }));
}

#[test]
fn too_few_or_too_many() {
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[]), Err(BallotProblem::TooFew { min: 1 }));
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[2, 3, 5, 6]), Err(BallotProblem::TooMany { max: 3 }));
    let two_to_two = RoundRules { min_projects: 2, max_projects: 2, ..RULES };
    assert_eq!(check_ballot(&two_to_two, &PROJECTS, &[2]), Err(BallotProblem::TooFew { min: 2 }));
    assert_eq!(check_ballot(&two_to_two, &PROJECTS, &[2, 3]), Ok(()));
}

#[test]
fn duplicates_and_unknown_projects() {
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[2, 2]), Err(BallotProblem::Duplicate));
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[7]), Err(BallotProblem::UnknownProject));
    assert_eq!(check_ballot(&RULES, &[], &[1]), Err(BallotProblem::UnknownProject));
}

#[test]
fn the_order_of_the_ballot_checks() {
    // Duplicates first: [2, 2, 2, 2] is four choices of one project, not too many.
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[2, 2, 2, 2]), Err(BallotProblem::Duplicate));
    // An unknown project before the count and the budget.
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[1, 2, 3, 4, 99]), Err(BallotProblem::UnknownProject));
    // The count before the budget: four projects that together cost too much are too many.
    assert_eq!(check_ballot(&RULES, &PROJECTS, &[1, 2, 3, 4]), Err(BallotProblem::TooMany { max: 3 }));
}

#[test]
fn a_project_listed_twice_keeps_its_first_cost() {
    let projects = [(1, 100), (1, 2_000_000)];
    assert_eq!(check_ballot(&RULES, &projects, &[1]), Ok(()));
}

#[test]
fn the_tally_funds_down_the_ranking_and_skips_what_no_longer_fits() {
    let ballots = vec![
        vec![1, 2],
        vec![1, 3],
        vec![1, 4],
        vec![3, 2],
        vec![3, 4],
        vec![2, 6],
        vec![4, 4],  // counts once for 4
        vec![99, 1], // 99 is not in the round
    ];
    // Votes: 1 → 4; 2 → 3; 3 → 3; 4 → 3; 6 → 1; 5 → 0.
    // Ranking: 1; then the three with 3 votes by cost: 2 (€ 1.500), 3 (€ 2.000), 4 (€ 3.000); then 6; then 5.
    // Funding from € 10.000: 1 leaves € 4.000; 2 leaves € 2.500; 3 leaves € 500; 4 (€ 3.000) no longer fits and is
    // skipped; 6 (€ 400) still fits and leaves € 100; 5 (€ 50) would fit but has no votes.
    let t = |project_id, votes, cost_cents, funded| Tally { project_id, votes, cost_cents, funded };
    assert_eq!(
        tally(&RULES, &PROJECTS, &ballots),
        vec![
            t(1, 4, 600_000, true),
            t(2, 3, 150_000, true),
            t(3, 3, 200_000, true),
            t(4, 3, 300_000, false),
            t(6, 1, 40_000, true),
            t(5, 0, 5_000, false),
        ]
    );
}

#[test]
fn a_tie_in_votes_and_cost_goes_to_the_lower_id() {
    let projects = [(9, 600_000), (3, 600_000), (5, 600_000)];
    let ballots = vec![vec![9], vec![3], vec![5]];
    let result = tally(&RULES, &projects, &ballots);
    let order: Vec<(i64, bool)> = result.iter().map(|r| (r.project_id, r.funded)).collect();
    assert_eq!(order, [(3, true), (5, false), (9, false)]);
}

#[test]
fn a_project_costing_exactly_what_is_left_is_funded() {
    let projects = [(1, 600_000), (2, 400_000)];
    let result = tally(&RULES, &projects, &[vec![1, 2], vec![1]]);
    assert!(result.iter().all(|r| r.funded), "€ 6.000 + € 4.000 = € 10.000");
}

#[test]
fn no_ballots_fund_nothing() {
    let result = tally(&RULES, &PROJECTS, &[]);
    assert_eq!(result.len(), 6);
    assert!(result.iter().all(|r| r.votes == 0 && !r.funded));
    // With no votes the ranking is by cost, then id.
    let ids: Vec<i64> = result.iter().map(|r| r.project_id).collect();
    assert_eq!(ids, [5, 6, 2, 3, 4, 1]);
    assert_eq!(tally(&RULES, &[], &[vec![1]]), vec![]);
}

#[test]
fn odd_projects_in_the_tally() {
    // Listed twice: counted once, with the first cost. A negative cost is never funded; a free one is.
    let projects = [(1, 100), (1, 999), (2, -500), (3, 0)];
    let result = tally(&RULES, &projects, &[vec![1, 2, 3]]);
    let t = |project_id, votes, cost_cents, funded| Tally { project_id, votes, cost_cents, funded };
    assert_eq!(result, vec![t(2, 1, -500, false), t(3, 1, 0, true), t(1, 1, 100, true)]);
}

#[test]
fn voting_codes_in_base_31() {
    assert_eq!(voting_code([0; 8]), "2222-2222");
    assert_eq!(voting_code([0, 0, 0, 0, 0, 0, 0, 1]), "2222-2223");
    assert_eq!(voting_code([0, 0, 0, 0, 0, 0, 0, 30]), "2222-222Z");
    assert_eq!(voting_code([0, 0, 0, 0, 0, 0, 0, 31]), "2222-2232");
    // 961 = 31²: 0x03C1.
    assert_eq!(voting_code([0, 0, 0, 0, 0, 0, 0x03, 0xC1]), "2222-2322");
    // 923 521 = 31⁴: 0x0E1781.
    assert_eq!(voting_code([0, 0, 0, 0, 0, 0x0E, 0x17, 0x81]), "2223-2222");
    // 31⁸ − 1 = 852 891 037 440 = 0xC694446F00 is the last code; 31⁸ wraps round to the first.
    assert_eq!(voting_code([0, 0, 0, 0xC6, 0x94, 0x44, 0x6F, 0x00]), "ZZZZ-ZZZZ");
    assert_eq!(voting_code([0, 0, 0, 0xC6, 0x94, 0x44, 0x6F, 0x01]), "2222-2222");
}

#[test]
fn voting_codes_avoid_look_alikes() {
    assert_eq!(CODE_ALPHABET.len(), 31);
    for banned in [b'0', b'O', b'1', b'I', b'L'] {
        assert!(!CODE_ALPHABET.contains(&banned), "{}", char::from(banned));
    }
    for seed in 0u8..=255 {
        let code = voting_code([seed, seed.wrapping_mul(7), 3, seed, 255 - seed, 9, seed / 2, 1]);
        assert_eq!(code.len(), 9);
        assert_eq!(&code[4..5], "-");
        assert!(code.bytes().filter(|&b| b != b'-').all(|b| CODE_ALPHABET.contains(&b)), "{code}");
        assert_eq!(normalise_code(&code), Some(code.clone()), "a code reads back as itself");
    }
    assert_eq!(voting_code([255; 8]).len(), 9);
}

#[test]
fn codes_as_people_type_them() {
    let canonical = Some("ABCD-EF23".to_owned());
    for typed in
        ["ABCD-EF23", "abcd-ef23", "ABCDEF23", "abcdef23", " abcd ef23 ", "AB CD-EF 23", "abcd - ef23", "aBcD\tEf23\n"]
    {
        assert_eq!(normalise_code(typed), canonical, "{typed:?}");
    }
}

#[test]
fn what_is_not_a_code() {
    for typed in [
        "",
        "ABCD-EF2",   // seven characters
        "ABCD-EF234", // nine characters
        "ABC-DEF23",  // the dash in the wrong place
        "ABCD--EF23", // two dashes
        "-ABCDEF23",  // a leading dash
        "ABCD-EF20",  // a zero
        "ABCD-EFO3",  // an O
        "ABCD-EF13",  // a one
        "ABCD-EFI3",  // an I
        "abcd-efl3",  // an l
        "ABCD_EF23",  // an underscore
        "ABCD–EF23",  // an en dash
        "ÄBCD-EF23",  // not ASCII
    ] {
        assert_eq!(normalise_code(typed), None, "{typed:?}");
    }
}

#[test]
fn problems_read_in_dutch() {
    assert_eq!(BallotProblem::TooFew { min: 2 }.to_string(), "kies minstens 2 projecten");
    assert_eq!(
        BallotProblem::OverBudget { over_cents: 100_000 }.to_string(),
        "de gekozen projecten kosten samen € 1.000,00 meer dan het budget"
    );
    assert_eq!(RulesProblem::MaxAboveLimit.to_string(), "een stem kiest hoogstens 20 projecten");
}
