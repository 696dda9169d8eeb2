//! Demo social return: a contract with contributions in every status.

use super::*;

/// The Utrecht example table, a renovation contract with Bouwbedrijf Van Dijk coordinated by the
/// Werkgeversservicepunt, and contributions in every status.
pub(super) async fn seed_social_return(
    db: &Db,
    corporation: i64,
    supplier: i64,
    coordinator: i64,
    actor: &Actor,
) -> anyhow::Result<()> {
    use volkshuis_domain::socialreturn::contribution::Contribution;
    use volkshuis_domain::socialreturn::progress::Obligation;
    use volkshuis_domain::socialreturn::{examples, valuation, Bonus, Certificate, TargetGroup, Training};
    use volkshuis_store::socialreturn::{self as sr, NewContract};
    let buyer = crate::seed_scope(corporation);
    let date = |y, m, d| time::Date::from_calendar_date(y, m, d);
    let mut tx = db.begin().await?;
    let table = examples::utrecht();
    let table_id = sr::add_table(&mut tx, &buyer, actor, &table).await?;
    let new = NewContract {
        supplier_id: supplier,
        coordinator_id: Some(coordinator),
        title: "Renovatie De Linde: dak, gevel en kozijnen".to_owned(),
        value: Money::from_cents(240_000_000),
        starts_on: date(2025, time::Month::April, 1)?,
        ends_on: date(2027, time::Month::March, 31)?,
        awarded_on: date(2025, time::Month::March, 1)?,
        obligation: Obligation::Percentage(500),
        cadence: "quarterly".to_owned(),
        table_id,
    };
    let contract_id = sr::create_contract(&mut tx, &buyer, actor, &new).await?;
    tx.commit().await?;
    let supplier_scope = crate::seed_scope(supplier);
    let as_supplier =
        sr::contract(db, &supplier_scope, contract_id).await?.ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let contributions = [
        Contribution::Placement {
            person: "VD-2025-01".into(),
            group: TargetGroup::Participatiewet,
            long_term: false,
            start: date(2025, time::Month::June, 1)?,
            end: date(2026, time::Month::May, 31)?,
            hours_per_week: 32,
            bonuses: vec![Bonus::PermanentContract],
        },
        Contribution::Apprenticeship {
            person: "VD-2025-02".into(),
            training: Training::Bbl,
            level: Some(2),
            start: date(2025, time::Month::September, 1)?,
            end: date(2026, time::Month::August, 31)?,
        },
        Contribution::Purchase {
            seller: "Kozijnfabriek De Werkplaats".into(),
            certificate: Certificate::CodeSocialeOndernemingen,
            invoice: Money::from_cents(1_850_000),
            date: date(2025, time::Month::October, 15)?,
        },
        Contribution::Placement {
            person: "VD-2025-03".into(),
            group: TargetGroup::Ww,
            long_term: false,
            start: date(2025, time::Month::November, 1)?,
            end: date(2025, time::Month::November, 30)?,
            hours_per_week: 8,
            bonuses: Vec::new(),
        },
    ];
    let period = valuation::Period { start: new.starts_on, end: new.ends_on };
    let as_buyer = sr::contract(db, &buyer, contract_id).await?.ok_or_else(|| anyhow::anyhow!("demo contract"))?;
    let mut tx = db.begin().await?;
    let mut ids = Vec::new();
    for c in &contributions {
        let v = valuation::value(&table, c, period)?;
        ids.push(sr::report(&mut tx, &supplier_scope, &as_supplier, actor, c, &v, None).await?);
    }
    sr::decide(&mut tx, &buyer, &as_buyer, actor, ids[0], true, None).await?;
    sr::decide(&mut tx, &buyer, &as_buyer, actor, ids[2], true, None).await?;
    sr::decide(
        &mut tx,
        &buyer,
        &as_buyer,
        actor,
        ids[3],
        false,
        Some("Eén maand van 8 uur per week is geen duurzame plaatsing."),
    )
    .await?;
    sr::mark_tenant(&mut tx, &buyer, &as_buyer, actor, ids[0], "CPX000004", date(2025, time::Month::May, 20)?).await?;
    tx.commit().await?;
    Ok(())
}
