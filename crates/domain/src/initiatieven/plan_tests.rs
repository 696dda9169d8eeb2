//! Business plans and their lines, amounts computed by hand.

use super::*;

fn line(name: &str, cents: i64) -> (String, i64) {
    (name.to_owned(), cents)
}

/// A neighbourhood workshop in an empty shop: € 9.600 income, € 9.350 costs, € 250 to spare.
fn workshop() -> BusinessPlan {
    BusinessPlan {
        income: vec![line("Bijdragen deelnemers", 360_000), line("Subsidie gemeente", 600_000)],
        costs: vec![line("Huur na korting", 480_000), line("Gereedschap", 305_000), line("Verzekering", 150_000)],
        risk_bearer: "Stichting Buurtwerkplaats".into(),
    }
}

#[test]
fn totals_and_balance() {
    let plan = workshop();
    assert_eq!(plan.income_total(), 960_000);
    assert_eq!(plan.cost_total(), 935_000);
    assert_eq!(plan.balance(), 25_000);
    assert!(plan.adds_up());
    assert_eq!(plan.problems(), vec![]);
    let empty = BusinessPlan::default();
    assert_eq!((empty.income_total(), empty.cost_total(), empty.balance()), (0, 0, 0));
}

#[test]
fn income_exactly_covering_the_costs_adds_up() {
    let plan = BusinessPlan { income: vec![line("Subsidie", 935_000)], ..workshop() };
    assert_eq!(plan.balance(), 0);
    assert!(plan.adds_up());
}

#[test]
fn a_cent_short_is_a_deficit() {
    let plan = BusinessPlan { income: vec![line("Subsidie", 934_999)], ..workshop() };
    assert_eq!(plan.balance(), -1);
    assert_eq!(plan.problems(), vec![PlanProblem::Deficit { short_cents: 1 }]);
    assert!(!plan.adds_up());
}

#[test]
fn an_empty_plan_lists_everything_in_order() {
    assert_eq!(
        BusinessPlan::default().problems(),
        vec![PlanProblem::NoIncome, PlanProblem::NoCosts, PlanProblem::NoRiskBearer]
    );
    // Costs without income: a deficit too.
    let plan = BusinessPlan { income: vec![], ..workshop() };
    assert_eq!(plan.problems(), vec![PlanProblem::NoIncome, PlanProblem::Deficit { short_cents: 935_000 }]);
    // Income without costs is no deficit, but still not a plan.
    let plan = BusinessPlan { costs: vec![], ..workshop() };
    assert_eq!(plan.problems(), vec![PlanProblem::NoCosts]);
}

#[test]
fn lines_are_numbered_across_income_then_costs() {
    let plan = BusinessPlan {
        income: vec![line("Bijdragen", 100_000), line("  ", 50_000)],
        costs: vec![line("Huur", 0), line("", -5_000), line(&"x".repeat(201), 10_000)],
        risk_bearer: "Bewonersbedrijf".into(),
    };
    // Income 150.000; costs 0 − 5.000 + 10.000 = 5.000: no deficit.
    assert_eq!(plan.cost_total(), 5_000);
    assert_eq!(
        plan.problems(),
        vec![
            PlanProblem::LineWithoutName { line: 2 },
            PlanProblem::AmountNotPositive { line: 3 },
            PlanProblem::LineWithoutName { line: 4 },
            PlanProblem::AmountNotPositive { line: 4 },
            PlanProblem::NameTooLong { line: 5 },
        ]
    );
}

#[test]
fn a_name_of_two_hundred_characters_is_long_enough() {
    // 200 characters, some of them two bytes: characters count, not bytes.
    let name = "é".repeat(200);
    let plan = BusinessPlan { income: vec![line(&name, 935_000)], ..workshop() };
    assert_eq!(plan.problems(), vec![]);
    let name = format!(" {} ", "é".repeat(200));
    let plan = BusinessPlan { income: vec![line(&name, 935_000)], ..workshop() };
    assert_eq!(plan.problems(), vec![], "trimmed before counting");
    let plan = BusinessPlan { income: vec![line(&"é".repeat(201), 935_000)], ..workshop() };
    assert_eq!(plan.problems(), vec![PlanProblem::NameTooLong { line: 1 }]);
}

#[test]
fn a_risk_bearer_of_only_spaces_is_none() {
    let plan = BusinessPlan { risk_bearer: " \t ".into(), ..workshop() };
    assert_eq!(plan.problems(), vec![PlanProblem::NoRiskBearer]);
}

#[test]
fn a_negative_line_counts_in_the_totals() {
    // Income 100.000 − 20.000 = 80.000 against costs 935.000: short 855.000.
    let plan = BusinessPlan { income: vec![line("Verkoop", 100_000), line("Retour", -20_000)], ..workshop() };
    assert_eq!(plan.income_total(), 80_000);
    assert_eq!(
        plan.problems(),
        vec![PlanProblem::AmountNotPositive { line: 2 }, PlanProblem::Deficit { short_cents: 855_000 }]
    );
}

#[test]
fn huge_totals_saturate() {
    let plan = BusinessPlan {
        income: vec![line("a", i64::MAX), line("b", i64::MAX)],
        costs: vec![line("c", i64::MAX)],
        risk_bearer: "x".into(),
    };
    assert_eq!(plan.income_total(), i64::MAX);
    assert_eq!(plan.balance(), 0);
    let plan = BusinessPlan { income: vec![line("a", 1)], costs: vec![line("c", i64::MAX)], risk_bearer: "x".into() };
    assert_eq!(plan.problems(), vec![PlanProblem::Deficit { short_cents: i64::MAX - 1 }]);
}

#[test]
fn problems_read_in_dutch() {
    assert_eq!(
        PlanProblem::Deficit { short_cents: 123_456 }.to_string(),
        "de kosten zijn € 1.234,56 hoger dan de inkomsten"
    );
    assert_eq!(PlanProblem::LineWithoutName { line: 4 }.to_string(), "regel 4 heeft geen omschrijving");
    assert!(LinesProblem::BadAmount { line: 2 }.to_string().starts_with("het bedrag op regel 2 is geen bedrag"));
}

#[test]
fn lines_in_every_form() {
    let text = "Huur zaal; 1.250,00\nKoffie en thee\t85,5\n\n  Subsidie gemeente 2025 5000  \nHuur € 1.250,00\n\
                Gereedschap €300\nSchoonmaak; € 1,250.00\nA; B; 12\n€ 40\n19,95";
    assert_eq!(
        parse_lines(text),
        Ok(vec![
            line("Huur zaal", 125_000),
            line("Koffie en thee", 8_550),
            line("Subsidie gemeente 2025", 500_000),
            line("Huur", 125_000),
            line("Gereedschap", 30_000),
            line("Schoonmaak", 125_000),
            line("A; B", 1_200),
            line("", 4_000),
            line("", 1_995),
        ])
    );
}

#[test]
fn empty_text_has_no_lines() {
    assert_eq!(parse_lines(""), Ok(vec![]));
    assert_eq!(parse_lines(" \n\r\n\t\n"), Ok(vec![]));
}

#[test]
fn windows_line_ends_are_read() {
    assert_eq!(parse_lines("Huur; 10\r\nLicht 2,50\r\n"), Ok(vec![line("Huur", 1_000), line("Licht", 250)]));
}

#[test]
fn a_negative_amount_is_read_and_left_to_the_plan() {
    assert_eq!(parse_lines("Korting; -12,00"), Ok(vec![line("Korting", -1_200)]));
    assert_eq!(parse_lines("Niets 0"), Ok(vec![line("Niets", 0)]));
}

#[test]
fn a_line_without_an_amount() {
    // Line numbers count the empty line.
    assert_eq!(parse_lines("Huur; 10\n\nKoffie en thee"), Err(LinesProblem::NoAmount { line: 3 }));
    assert_eq!(parse_lines("Koffie"), Err(LinesProblem::NoAmount { line: 1 }));
    assert_eq!(parse_lines("Huur;"), Err(LinesProblem::NoAmount { line: 1 }));
    assert_eq!(parse_lines("Huur;   "), Err(LinesProblem::NoAmount { line: 1 }));
    assert_eq!(parse_lines("Huur\t"), Err(LinesProblem::NoAmount { line: 1 }), "the row is trimmed: a word alone");
}

#[test]
fn a_line_with_an_unreadable_amount() {
    assert_eq!(parse_lines("Huur; veel"), Err(LinesProblem::BadAmount { line: 1 }), "after a ';' it is meant as one");
    assert_eq!(parse_lines("Huur 1.250"), Err(LinesProblem::BadAmount { line: 1 }), "ambiguous");
    assert_eq!(parse_lines("Huur; 12,345"), Err(LinesProblem::BadAmount { line: 1 }));
    assert_eq!(parse_lines("Huur 12abc"), Err(LinesProblem::BadAmount { line: 1 }));
    assert_eq!(parse_lines("x\n12abc"), Err(LinesProblem::NoAmount { line: 1 }), "the first problem in reading order");
    assert_eq!(parse_lines("Huur 10\n12abc"), Err(LinesProblem::BadAmount { line: 2 }));
    // Thousands written with a space split the amount: "1 250" reads as the name "Huur 1" and 250.
    assert_eq!(parse_lines("Huur 1 250"), Ok(vec![line("Huur 1", 25_000)]));
}

#[test]
fn at_most_fifty_lines() {
    let fifty: Vec<String> = (1..=50).map(|i| format!("Post {i}; {i}")).collect();
    let parsed = parse_lines(&fifty.join("\n\n")).expect("fifty lines with empty lines between");
    assert_eq!(parsed.len(), 50);
    assert_eq!(parsed[49], line("Post 50", 5_000));
    let fifty_one = format!("{}\nPost 51; 51", fifty.join("\n"));
    assert_eq!(parse_lines(&fifty_one), Err(LinesProblem::TooMany));
    // Trailing empty lines do not count.
    assert_eq!(parse_lines(&format!("{}\n\n\n", fifty.join("\n"))).map(|l| l.len()), Ok(50));
}

#[test]
fn lines_are_shown_as_they_are_read() {
    let lines = vec![
        line("Huur zaal", 125_000),
        line("Koffie", 5),
        line("A; B", 100_020_003),
        line("", 0),
        line("Retour", -100_000),
    ];
    let shown = show_lines(&lines);
    assert_eq!(shown, "Huur zaal; 1.250,00\nKoffie; 0,05\nA; B; 1.000.200,03\n; 0,00\nRetour; -1.000,00");
    assert_eq!(parse_lines(&shown), Ok(lines));
    assert_eq!(show_lines(&[]), "");
    assert_eq!(parse_lines(&show_lines(&[])), Ok(vec![]));
}

#[test]
fn a_name_with_a_line_break_stays_on_its_row() {
    let shown = show_lines(&[line(" Huur\nzaal\r\n", 1_000)]);
    assert_eq!(shown, "Huur zaal; 10,00");
    assert_eq!(parse_lines(&shown), Ok(vec![line("Huur zaal", 1_000)]));
}

#[test]
fn the_workshop_plan_round_trips() {
    let plan = workshop();
    assert_eq!(parse_lines(&show_lines(&plan.income)), Ok(plan.income.clone()));
    assert_eq!(parse_lines(&show_lines(&plan.costs)), Ok(plan.costs.clone()));
}

#[test]
fn an_amount_above_a_billion_is_refused_by_its_line() {
    assert_eq!(parse_lines("Huur; 1000000000\nSubsidie; -1000000000").map(|l| l.len()), Ok(2), "at the limit");
    assert_eq!(parse_lines("Huur; 100\nGrond; 1000000000,01"), Err(LinesProblem::TooLarge { line: 2 }));
    assert_eq!(parse_lines("Verlies; -2000000000"), Err(LinesProblem::TooLarge { line: 1 }));
}
