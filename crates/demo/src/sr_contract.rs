//! Demo social return: the renovation of a complex, contracted with Bouwbedrijf Van Dijk twenty months ago and
//! coordinated by the Werkgeversservicepunt, with contributions in every status.

use super::*;
use volkshuis_domain::calendar::add_months;

/// What the renovation costs per dwelling (dak, gevel and kozijnen of a 1960s portiek flat).
const COST_PER_HOME_CENTS: i64 = 1_350_000;

/// The complex under renovation.
const RENOVATED: &str = "Schildersbuurt";

/// The Utrecht example table, a renovation contract and contributions in every status, dated back from the seed day.
pub(super) async fn seed_social_return(
    db: &Db,
    corporation: i64,
    supplier: i64,
    coordinator: i64,
    complexes: &[ComplexFacts],
    timeline: &Timeline,
) -> anyhow::Result<()> {
    use volkshuis_domain::socialreturn::contribution::Contribution;
    use volkshuis_domain::socialreturn::progress::Obligation;
    use volkshuis_domain::socialreturn::{examples, valuation, Bonus, Certificate, TargetGroup, Training};
    use volkshuis_store::socialreturn::{self as sr, NewContract};
    let complex = facts::named(complexes, RENOVATED)?;
    let buyer = crate::seed_scope(corporation);
    // Awarded 21 months ago, running two years from the month after: about four months still to go.
    let starts_on = timeline.first_of_month_ago(20);
    let months = |n: u32| add_months(starts_on, n);
    let day_before = |date: time::Date| date - time::Duration::days(1);
    let new = NewContract {
        supplier_id: supplier,
        coordinator_id: Some(coordinator),
        title: texts::contract_title(complex),
        value: Money::from_cents(i64::from(complex.dwellings) * COST_PER_HOME_CENTS),
        starts_on,
        ends_on: day_before(months(24)),
        awarded_on: timeline.first_of_month_ago(21),
        obligation: Obligation::Percentage(500),
        cadence: "quarterly".to_owned(),
        table_id: 0,
    };
    let table = examples::utrecht();
    let mut tx = db.begin().await?;
    let prepared = timeline.by("admin@woonstad.test", timeline.first_of_month_ago(22), 10);
    let table_id = sr::add_table(&mut tx, &buyer, &prepared, &table).await?;
    let new = NewContract { table_id, ..new };
    let awarded = timeline.by("admin@woonstad.test", new.awarded_on, 10);
    let contract_id = sr::create_contract(&mut tx, &buyer, &awarded, &new).await?;
    tx.commit().await?;
    let supplier_scope = crate::seed_scope(supplier);
    let as_supplier =
        sr::contract(db, &supplier_scope, contract_id).await?.ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let person = |n: u32| format!("VD-{}-{n:02}", starts_on.year());
    // (contribution, reported on)
    let contributions = [
        (
            Contribution::Placement {
                person: person(1),
                group: TargetGroup::Participatiewet,
                long_term: false,
                start: months(2),
                end: day_before(months(14)),
                hours_per_week: 32,
                bonuses: vec![Bonus::PermanentContract],
            },
            months(3),
        ),
        (
            Contribution::Apprenticeship {
                person: person(2),
                training: Training::Bbl,
                level: Some(2),
                start: months(5),
                end: day_before(months(17)),
            },
            months(6),
        ),
        (
            Contribution::Purchase {
                seller: "Kozijnfabriek De Werkplaats".into(),
                certificate: Certificate::CodeSocialeOndernemingen,
                invoice: Money::from_cents(1_850_000),
                date: months(6) + time::Duration::days(14),
            },
            months(7),
        ),
        (
            Contribution::Placement {
                person: person(3),
                group: TargetGroup::Ww,
                long_term: false,
                start: months(7),
                end: day_before(months(8)),
                hours_per_week: 8,
                bonuses: Vec::new(),
            },
            months(9),
        ),
    ];
    let period = valuation::Period { start: new.starts_on, end: new.ends_on };
    let as_buyer = sr::contract(db, &buyer, contract_id).await?.ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for (c, reported_on) in &contributions {
        let v = valuation::value(&table, c, period)?;
        let reporter = timeline.by("sroi@vandijk.test", *reported_on, 14);
        ids.push(sr::report(&mut tx, &supplier_scope, &as_supplier, &reporter, c, &v, None).await?);
    }
    // The corporation decides a few weeks after each report; the second contribution still waits.
    let decided =
        |reported_on: time::Date| timeline.by("medewerker@woonstad.test", reported_on + time::Duration::days(16), 11);
    sr::decide(&mut tx, &buyer, &as_buyer, &decided(contributions[0].1), ids[0], true, None).await?;
    sr::decide(&mut tx, &buyer, &as_buyer, &decided(contributions[2].1), ids[2], true, None).await?;
    let reason = "Eén maand van 8 uur per week is geen duurzame plaatsing.";
    sr::decide(&mut tx, &buyer, &as_buyer, &decided(contributions[3].1), ids[3], false, Some(reason)).await?;
    // The first person placed is a tenant of the renovated complex.
    let consent_on = months(1) + time::Duration::days(19);
    let marked = decided(contributions[0].1);
    sr::mark_tenant(&mut tx, &buyer, &as_buyer, &marked, ids[0], &complex.code, consent_on).await?;
    tx.commit().await?;
    Ok(())
}
