//! The valuation's cases, computed by hand: leap-year February, part months at both ends, a month across the new
//! year, the contract period, one bonus for statushouder or language gap.

use super::*;
use crate::socialreturn::examples::{oost_nederland, utrecht};
use crate::socialreturn::months::PartMonth;
use time::macros::date;

/// A contract long enough for every example; the contract-period tests use their own.
const WIDE: Period = Period { start: date!(2020 - 01 - 01), end: date!(2030 - 12 - 31) };

fn placement(group: TargetGroup, start: Date, end: Date, hours: u32, bonuses: Vec<Bonus>) -> Contribution {
    Contribution::Placement {
        person: "K-001".into(),
        group,
        long_term: false,
        start,
        end,
        hours_per_week: hours,
        bonuses,
    }
}

fn cents(c: &Contribution, table: &ValuationTable) -> i64 {
    value(table, c, WIDE).expect("valued").value.cents()
}

fn work_experience(start: Date, end: Date) -> Contribution {
    Contribution::WorkExperience { person: "W-1".into(), start, end }
}

#[test]
fn a_full_calendar_year_is_the_year_value_leap_year_or_not() {
    for (start, end) in [
        (date!(2025 - 01 - 01), date!(2025 - 12 - 31)),
        (date!(2024 - 01 - 01), date!(2024 - 12 - 31)), // 366 days: by days it was € 40.109,59.
        (date!(2023 - 07 - 01), date!(2024 - 06 - 30)), // a year across a leap February
    ] {
        let c = placement(TargetGroup::Participatiewet, start, end, 36, vec![]);
        assert_eq!(cents(&c, &utrecht()), 4_000_000, "{start} – {end}");
    }
}

#[test]
fn part_time_and_whole_months_are_pro_rated() {
    // € 40.000 × 24/36 × 6/12 (January – June 2026) = € 13.333,33 (by days it was 181/365: € 13.223,74).
    let c = placement(TargetGroup::Participatiewet, date!(2026 - 01 - 01), date!(2026 - 06 - 30), 24, vec![]);
    let v = value(&utrecht(), &c, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 1_333_333);
    let lines: Vec<String> = v.lines.iter().map(ToString::to_string).collect();
    assert_eq!(lines, vec!["€ 40.000,00 per voltijd-arbeidsjaar × 24/36 uur × 6/12 maanden = € 13.333,33"]);
    assert_eq!(v.years, vec![(2026, Money::from_cents(1_333_333))]);
}

#[test]
fn a_month_is_worth_the_same_whatever_its_length() {
    // Oost-Nederland: a work-experience place at € 750 a month.
    let table = oost_nederland();
    for (start, end) in [
        (date!(2024 - 02 - 01), date!(2024 - 02 - 29)), // leap February (by days: € 715,07)
        (date!(2026 - 02 - 01), date!(2026 - 02 - 28)), // February (by days: € 690,41)
        (date!(2026 - 01 - 01), date!(2026 - 01 - 31)), // January (by days: € 764,38)
    ] {
        assert_eq!(cents(&work_experience(start, end), &table), 75_000, "{start} – {end}");
    }
    // Three whole months: € 2.250 (by days 90/365: € 2.219,18).
    let v = value(&table, &work_experience(date!(2026 - 01 - 01), date!(2026 - 03 - 31)), WIDE).expect("valued");
    assert_eq!(v.value.cents(), 225_000);
    assert_eq!(v.lines[0].to_string(), "€ 750,00 per maand × 3 maanden = € 2.250,00");
    // One month is "1 maand", not "1 maanden".
    let v = value(&table, &work_experience(date!(2026 - 02 - 01), date!(2026 - 02 - 28)), WIDE).expect("valued");
    assert_eq!(v.lines[0].to_string(), "€ 750,00 per maand × 1 maand = € 750,00");
}

#[test]
fn part_months_count_their_days_against_their_own_month() {
    // 15 January – 10 March 2026: 17/31 of January, February whole, 10/31 of March.
    // € 750 × (1 + 27/31) = € 750 + € 653,2258… = € 1.403,23 (rounded once).
    let v =
        value(&oost_nederland(), &work_experience(date!(2026 - 01 - 15), date!(2026 - 03 - 10)), WIDE).expect("valued");
    assert_eq!(v.value.cents(), 140_323);
    assert_eq!(v.lines[0].to_string(), "€ 750,00 per maand × (1 + 17/31 + 10/31) maanden = € 1.403,23");
    // 14 days of a leap February, half time: € 40.000 × 18/36 × (14/29)/12 = € 804,60 (804,597…).
    let c = placement(TargetGroup::Participatiewet, date!(2024 - 02 - 01), date!(2024 - 02 - 14), 18, vec![]);
    assert_eq!(cents(&c, &utrecht()), 80_460);
}

#[test]
fn a_month_across_the_new_year_is_split_by_year() {
    // 15 December 2025 – 14 January 2026, full time: 17/31 of December and 14/31 of January, one month's worth:
    // € 40.000 / 12 = € 3.333,33; 2025 gets 40.000 × 17/31 / 12 = € 1.827,96, 2026 the rest, € 1.505,37.
    let c = placement(TargetGroup::Participatiewet, date!(2025 - 12 - 15), date!(2026 - 01 - 14), 36, vec![]);
    let v = value(&utrecht(), &c, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 333_333);
    assert_eq!(v.years, vec![(2025, Money::from_cents(182_796)), (2026, Money::from_cents(150_537))]);
    assert_eq!(v.first_year(), 2025);
    // A school year: 4 months of 2026 (€ 11.666,67) and 8 of 2027 (€ 23.333,33).
    let bbl = Contribution::Apprenticeship {
        person: "L-7".into(),
        training: Training::Bbl,
        level: Some(2),
        start: date!(2026 - 09 - 01),
        end: date!(2027 - 08 - 31),
    };
    let v = value(&utrecht(), &bbl, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 3_500_000);
    assert_eq!(v.years, vec![(2026, Money::from_cents(1_166_667)), (2027, Money::from_cents(2_333_333))]);
}

#[test]
fn bonuses_are_added_and_pro_rated_alike() {
    // Doelgroepregister € 50.000 + 50+ € 10.000 + vast contract € 10.000, 18 h, March – August 2026 (6 months):
    // 50.000 × 18/36 × 6/12 = 12.500; each bonus 10.000 × 18/36 × 6/12 = 2.500.
    let c = placement(
        TargetGroup::Doelgroepregister,
        date!(2026 - 03 - 01),
        date!(2026 - 08 - 31),
        18,
        vec![Bonus::Age50Plus, Bonus::PermanentContract],
    );
    let v = value(&utrecht(), &c, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 1_250_000 + 2 * 250_000);
    assert_eq!(v.lines.len(), 4);
    assert_eq!(v.lines[3].to_string(), "totaal € 17.500,00");
}

#[test]
fn statushouder_or_language_gap_is_one_bonus() {
    let both = placement(
        TargetGroup::Participatiewet,
        date!(2026 - 01 - 01),
        date!(2026 - 12 - 31),
        36,
        vec![Bonus::Statushouder, Bonus::LanguageGap, Bonus::Age50Plus],
    );
    let v = value(&utrecht(), &both, WIDE).expect("valued");
    // € 40.000 + one € 10.000 for statushouder/language gap + € 10.000 for 50+; not € 70.000.
    assert_eq!(v.value.cents(), 6_000_000);
    assert!(v.lines.contains(&CalculationLine::OneBonus { counted: Bonus::Statushouder, dropped: Bonus::LanguageGap }));
    // Where a table values them differently, the higher counts.
    let mut table = utrecht();
    table.bonuses.retain(|(b, _)| *b != Bonus::LanguageGap);
    table.bonuses.push((Bonus::LanguageGap, Money::from_cents(1_500_000)));
    assert_eq!(cents(&both, &table), 4_000_000 + 1_500_000 + 1_000_000);
    // Either alone is one bonus too.
    let one = placement(
        TargetGroup::Participatiewet,
        date!(2026 - 01 - 01),
        date!(2026 - 12 - 31),
        36,
        vec![Bonus::LanguageGap],
    );
    assert_eq!(cents(&one, &utrecht()), 5_000_000);
}

#[test]
fn counting_stops_after_the_tables_duration() {
    // Oost-Nederland WW: at most 12 months. 1 March 2025 – 31 December 2026 counts 1 March 2025 – 28 February
    // 2026: twelve whole months, full time: € 10.000.
    let c = placement(TargetGroup::Ww, date!(2025 - 03 - 01), date!(2026 - 12 - 31), 36, vec![]);
    let v = value(&oost_nederland(), &c, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 1_000_000);
    assert!(v.lines[0].to_string().contains("telt hoogstens 12 maanden"), "{:?}", v.lines);
    // 10 of 12 months in 2025 (€ 8.333,33), 2 in 2026.
    assert_eq!(v.years, vec![(2025, Money::from_cents(833_333)), (2026, Money::from_cents(166_667))]);
    // Long on the benefit: € 15.000 instead.
    let long = match c {
        Contribution::Placement { person, group, start, end, hours_per_week, bonuses, .. } => {
            Contribution::Placement { person, group, long_term: true, start, end, hours_per_week, bonuses }
        }
        other => other,
    };
    assert_eq!(cents(&long, &oost_nederland()), 1_500_000);
    // Doelgroepregister counts without limit: two full years = 2 × € 40.000.
    let dr = placement(TargetGroup::Doelgroepregister, date!(2025 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
    assert_eq!(cents(&dr, &oost_nederland()), 8_000_000);
}

#[test]
fn only_work_inside_the_contract_period_counts() {
    let contract = Period { start: date!(2025 - 01 - 01), end: date!(2027 - 12 - 31) };
    // A placement of 2020 on a contract running 2025–2027: refused.
    let old = placement(TargetGroup::Participatiewet, date!(2020 - 01 - 01), date!(2020 - 12 - 31), 36, vec![]);
    assert_eq!(value(&utrecht(), &old, contract), Err(ValuationError::OutsideContract(contract)));
    assert_eq!(
        ValuationError::OutsideContract(contract).to_string(),
        "de bijdrage valt helemaal buiten de contractperiode (1-1-2025 tot en met 31-12-2027)"
    );
    // Stored before this rule, it is kept at zero with the reason.
    let kept = revalue(&utrecht(), &old, contract).expect("kept");
    assert_eq!(kept.value, Money::default());
    assert_eq!(kept.lines[0].to_string(), "valt buiten de contractperiode (1-1-2025 tot en met 31-12-2027): telt niet");
    assert_eq!(kept.years, vec![(2020, Money::default())]);
    // July 2026 – June 2028 past the contract's end: 18 months count (€ 60.000, not € 80.000), 6 in 2026 and 12
    // in 2027, with the line saying so.
    let long = placement(TargetGroup::Participatiewet, date!(2026 - 07 - 01), date!(2028 - 06 - 30), 36, vec![]);
    let v = value(&utrecht(), &long, contract).expect("valued");
    assert_eq!(v.value.cents(), 6_000_000);
    assert_eq!(v.years, vec![(2026, Money::from_cents(2_000_000)), (2027, Money::from_cents(4_000_000))]);
    assert_eq!(
        v.lines[0].to_string(),
        "telt alleen binnen de contractperiode: van 1-7-2026 tot en met 31-12-2027 (gemeld: 1-7-2026 tot en met 30-6-2028)"
    );
    // Starting before the contract: from its first day.
    let early = placement(TargetGroup::Participatiewet, date!(2024 - 10 - 01), date!(2025 - 03 - 31), 36, vec![]);
    assert_eq!(value(&utrecht(), &early, contract).expect("valued").value.cents(), 1_000_000);
    // A purchase the day before the contract, and hours after it.
    let purchase = Contribution::Purchase {
        seller: "Kozijnfabriek".into(),
        certificate: Certificate::CodeSocialeOndernemingen,
        invoice: Money::from_cents(100_000),
        date: date!(2024 - 12 - 31),
    };
    assert!(matches!(value(&utrecht(), &purchase, contract), Err(ValuationError::OutsideContract(_))));
    let mut table = utrecht();
    table.other_per_hour = Some(Money::from_cents(10_000));
    let talk = Contribution::Other { description: "Gastles".into(), hours: 6, date: date!(2028 - 01 - 01) };
    assert!(matches!(value(&table, &talk, contract), Err(ValuationError::OutsideContract(_))));
    // What the table counts (WW: 12 months from the start) ended before the contract began: zero, with both lines.
    let ww = placement(TargetGroup::Ww, date!(2023 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
    let v = value(&oost_nederland(), &ww, contract).expect("valued");
    assert_eq!(v.value, Money::default());
    assert!(matches!(v.lines.last(), Some(CalculationLine::OutsideContract { .. })), "{:?}", v.lines);
}

#[test]
fn minimum_hours_and_unknown_groups() {
    let mut table = utrecht();
    table.min_hours_per_week = Some(12);
    let short = placement(TargetGroup::Ww, date!(2026 - 01 - 01), date!(2026 - 12 - 31), 8, vec![]);
    let v = value(&table, &short, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 0);
    assert_eq!(v.years, vec![(2026, Money::default())]);
    assert!(v.lines[0].to_string().contains("minimum van 12 uur"));
    let statushouder = placement(TargetGroup::Statushouder, date!(2026 - 01 - 01), date!(2026 - 12 - 31), 36, vec![]);
    let error = value(&utrecht(), &statushouder, WIDE).expect_err("not in the table");
    assert_eq!(error, ValuationError::NotInTable(Unvalued::Group(TargetGroup::Statushouder)));
    assert_eq!(error.to_string(), "de waarderingstabel kent geen waarde voor doelgroep statushouder");
    let backwards = placement(TargetGroup::Ww, date!(2026 - 02 - 01), date!(2026 - 01 - 01), 36, vec![]);
    assert_eq!(value(&utrecht(), &backwards, WIDE), Err(ValuationError::EndBeforeStart));
}

#[test]
fn purchases_count_their_share_of_the_invoice() {
    let frames = |certificate| Contribution::Purchase {
        seller: "Kozijnfabriek De Werkplaats".into(),
        certificate,
        invoice: Money::from_cents(1_234_567),
        date: date!(2026 - 05 - 01),
    };
    assert_eq!(cents(&frames(Certificate::CodeSocialeOndernemingen), &oost_nederland()), 1_234_567);
    // 50% of € 12.345,67 = € 6.172,835, rounded half up to € 6.172,84.
    assert_eq!(cents(&frames(Certificate::SocialEnterpriseNl), &oost_nederland()), 617_284);
    // A buyer that counts PSO trede 2 at 30%.
    let mut table = utrecht();
    table.purchase_shares.push((Certificate::PsoTrede2, 30));
    assert_eq!(cents(&frames(Certificate::PsoTrede2), &table), 370_370);
    assert!(value(&utrecht(), &frames(Certificate::Pso30Plus), WIDE).is_err(), "not in Utrecht's example");
}

#[test]
fn other_activities_by_the_hour() {
    let mut table = utrecht();
    table.other_per_hour = Some(Money::from_cents(10_000));
    let talk = Contribution::Other { description: "Gastles".into(), hours: 6, date: date!(2026 - 04 - 01) };
    assert_eq!(cents(&talk, &table), 60_000);
}

#[test]
fn every_line_reads_in_dutch() {
    let euro = Money::from_cents;
    let six = MonthShare { whole: 6, parts: vec![] };
    let lines = [
        (
            CalculationLine::BelowMinimumHours { hours: 8, min: 12 },
            "8 uur per week is minder dan het minimum van 12 uur: telt niet",
        ),
        (
            CalculationLine::CountedMonths {
                months: 12,
                start: date!(2025 - 03 - 01),
                until: date!(2026 - 02 - 28),
                end: date!(2026 - 12 - 31),
            },
            "telt hoogstens 12 maanden: van 1-3-2025 tot en met 28-2-2026 in plaats van 31-12-2026",
        ),
        (
            CalculationLine::Placement {
                rate: euro(1_500_000),
                long_term: true,
                hours: 36,
                full: 36,
                months: MonthShare { whole: 12, parts: vec![] },
                value: euro(1_500_000),
            },
            "€ 15.000,00 per voltijd-arbeidsjaar (lang in de uitkering) × 36/36 uur × 12/12 maanden = € 15.000,00",
        ),
        (
            CalculationLine::Bonus {
                bonus: Bonus::Age50Plus,
                rate: euro(1_000_000),
                hours: 18,
                full: 36,
                months: six.clone(),
                value: euro(250_000),
            },
            "bonus 50 jaar of ouder: € 10.000,00 × 18/36 uur × 6/12 maanden = € 2.500,00",
        ),
        (
            CalculationLine::Apprenticeship {
                rate: euro(3_500_000),
                months: MonthShare { whole: 3, parts: vec![PartMonth { days: 10, of: 31 }] },
                value: euro(969_086),
            },
            "€ 35.000,00 per leerjaar × (3 + 10/31)/12 maanden = € 9.690,86",
        ),
        (
            CalculationLine::WorkExperience { rate: euro(75_000), months: six, value: euro(450_000) },
            "€ 750,00 per maand × 6 maanden = € 4.500,00",
        ),
        (
            CalculationLine::Purchase { invoice: euro(1_234_567), share: 50, value: euro(617_284) },
            "€ 12.345,67 excl. btw × 50% = € 6.172,84",
        ),
        (
            CalculationLine::OtherHours { hours: 6, rate: euro(10_000), value: euro(60_000) },
            "6 uur × € 100,00 = € 600,00",
        ),
        (
            CalculationLine::OneBonus { counted: Bonus::Statushouder, dropped: Bonus::LanguageGap },
            "statushouder en taalachterstand zijn samen één bonus: statushouder telt, taalachterstand niet",
        ),
        (CalculationLine::Total { value: euro(1_764_384) }, "totaal € 17.643,84"),
        (CalculationLine::Legacy("oude regel".into()), "oude regel"),
    ];
    for (line, dutch) in lines {
        assert_eq!(line.to_string(), dutch);
    }
}

#[test]
fn stored_lines_of_both_shapes_read_back() {
    let c = placement(
        TargetGroup::Doelgroepregister,
        date!(2026 - 03 - 15),
        date!(2026 - 08 - 31),
        18,
        vec![Bonus::Age50Plus],
    );
    let v = value(&utrecht(), &c, WIDE).expect("valued");
    let json = serde_json::to_string(&v.lines).expect("serialises");
    assert!(json.starts_with(r#"[{"placement":{"#), "{json}");
    let back: Vec<CalculationLine> = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, v.lines);
    // Rows stored before the lines were typed hold Dutch strings: they still read, as they were.
    let old = r#"["€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18","totaal € 2.219,18"]"#;
    let old: Vec<CalculationLine> = serde_json::from_str(old).expect("legacy lines read");
    assert_eq!(old[0], CalculationLine::Legacy("€ 750,00 per maand × 12 × 90/365 dagen = € 2.219,18".into()));
    assert_eq!(old[1].to_string(), "totaal € 2.219,18");
}

#[test]
fn counting_periods_end_the_day_before_the_same_date() {
    // (start, months, last day counted): the day before the same day of the month, or the end of a month that has
    // no such day. Worked out on a calendar.
    let table = [
        (date!(2025 - 03 - 01), 12, date!(2026 - 02 - 28)),
        (date!(2025 - 06 - 15), 24, date!(2027 - 06 - 14)),
        // 29 February 2025 and 2026 do not exist: the period runs through the end of February.
        (date!(2024 - 02 - 29), 12, date!(2025 - 02 - 28)),
        (date!(2024 - 02 - 29), 24, date!(2026 - 02 - 28)),
        // Four years on, 29 February exists again: the day before it.
        (date!(2024 - 02 - 29), 48, date!(2028 - 02 - 28)),
        // 31 February does not exist: through the end of February, 29 in a leap year (was 28: 29 minus a day).
        (date!(2024 - 01 - 31), 1, date!(2024 - 02 - 29)),
        (date!(2025 - 01 - 31), 1, date!(2025 - 02 - 28)),
        (date!(2025 - 01 - 30), 1, date!(2025 - 02 - 28)),
        // 29 February 2024 exists: the day before it.
        (date!(2024 - 01 - 29), 1, date!(2024 - 02 - 28)),
        (date!(2025 - 01 - 28), 1, date!(2025 - 02 - 27)),
        // 31 April does not exist; 31 May does.
        (date!(2025 - 03 - 31), 1, date!(2025 - 04 - 30)),
        (date!(2025 - 03 - 31), 2, date!(2025 - 05 - 30)),
        // Across the year end.
        (date!(2025 - 12 - 31), 2, date!(2026 - 02 - 28)),
        (date!(2025 - 12 - 01), 1, date!(2025 - 12 - 31)),
    ];
    for (start, months, last) in table {
        assert_eq!(months_later(start, months), last, "{start} + {months} months");
    }
}

#[test]
fn a_cap_from_29_february_counts_through_28_february() {
    // Oost-Nederland WW, € 10.000 a year, at most 12 months from 29 February 2024: 29 February 2024 – 28 February
    // 2025 counts, 1/29 of February 2024, March 2024 – January 2025 (11 months) and all 28 days of February 2025:
    // € 10.000 / 12 × (12 + 1/29) = € 10.000 + € 28,7356… = € 10.028,74 (counting to 27 February gave € 9.998,97).
    let ww = placement(TargetGroup::Ww, date!(2024 - 02 - 29), date!(2025 - 12 - 31), 36, vec![]);
    let v = value(&oost_nederland(), &ww, WIDE).expect("valued");
    assert_eq!(v.value.cents(), 1_002_874);
    assert!(v.lines[0].to_string().contains("van 29-2-2024 tot en met 28-2-2025"), "{:?}", v.lines);
    // 2024: (10 + 1/29) months = € 8.362,07; 2025: January and February, € 1.666,67.
    assert_eq!(v.years, vec![(2024, Money::from_cents(836_207)), (2025, Money::from_cents(166_667))]);
    // Participatiewet long on the benefit, € 40.000 a year, at most 24 months: 29 February 2024 – 28 February 2026,
    // € 40.000 / 12 × (24 + 1/29) = € 80.000 + € 114,9425… = € 80.114,94 (was € 79.995,89).
    let pw = Contribution::Placement {
        person: "K-002".into(),
        group: TargetGroup::Participatiewet,
        long_term: true,
        start: date!(2024 - 02 - 29),
        end: date!(2026 - 12 - 31),
        hours_per_week: 36,
        bonuses: vec![],
    };
    assert_eq!(cents(&pw, &oost_nederland()), 8_011_494);
}
