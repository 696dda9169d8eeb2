//! `volkshuis bench social-return`: a buyer's portfolio of N contracts with M contributions, loaded in bulk into the
//! database given, then the buyer's dashboard, one contract page with its calculation, and the XLSX export of the
//! portfolio, each timed through the real router (handler, queries and rendering; no network).

use anyhow::Context;
use std::collections::HashMap;
use std::time::Instant;
use time::{Date, Duration, Month, OffsetDateTime};
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::progress::Obligation;
use volkshuis_domain::socialreturn::{examples, valuation, Certificate, TargetGroup};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::overleg::date_to_text;
use volkshuis_store::socialreturn::bench::{Table, Value};
use volkshuis_store::{orgs, sessions, socialreturn, users, Db};
use volkshuis_web::{AppState, Clock, Config};

/// Suppliers in the portfolio.
const SUPPLIERS: usize = 100;
/// The target groups Utrecht's example table values.
const VALUED: [TargetGroup; 5] = [
    TargetGroup::Participatiewet,
    TargetGroup::Doelgroepregister,
    TargetGroup::WiaWao,
    TargetGroup::Ww,
    TargetGroup::NoBenefit,
];
/// Contributions written per load.
const CHUNK: usize = 1_000;

/// Loads the portfolio; returns the buyer's id, a session token for its admin, and one contract id.
async fn load(db: &Db, contracts: usize, contributions: usize) -> anyhow::Result<(i64, String, i64)> {
    let now = OffsetDateTime::now_utc();
    let actor = Actor::system("bench", now);
    let run = now.unix_timestamp();
    let mut tx = db.begin().await?;
    let org = |code: String, name: String, kind| async move {
        Ok::<_, anyhow::Error>(orgs::OrgFields { code: OrgCode::parse(&code)?, name: Name::parse(&name)?, kind })
    };
    let buyer = orgs::create(
        &mut tx,
        &actor,
        &org(format!("srb-{run}"), format!("Benchcorporatie {run}"), OrgKind::Corporation).await?,
    )
    .await?;
    let mut suppliers = Vec::with_capacity(SUPPLIERS);
    for i in 0..SUPPLIERS {
        let fields = org(format!("srb-{run}-l{i}"), format!("Leverancier {i:03} ({run})"), OrgKind::Supplier).await?;
        suppliers.push(orgs::create(&mut tx, &actor, &fields).await?.id);
    }
    let user = users::NewUser {
        email: Email::parse(&format!("bench-{run}@volkshuis.test"))?,
        name: Name::parse("Bench")?,
        password_hash: volkshuis_accounts::password::unusable(),
        is_platform_admin: false,
    };
    let user = users::create(&mut tx, &actor, &user).await?;
    users::set_membership(&mut tx, &actor, user.id, buyer.id, Role::Admin).await?;
    let scope = crate::operator_scope(buyer.id);
    let table = examples::utrecht();
    let table_id = socialreturn::add_table(&mut tx, &scope, &actor, &table).await?;
    tx.commit().await?;

    let first = Date::from_calendar_date(2025, Month::January, 1)?;
    let obligation = serde_json::to_string(&Obligation::Percentage(500))?;
    let mut contract_rows = Vec::with_capacity(contracts);
    let mut spans = Vec::with_capacity(contracts);
    for i in 0..contracts {
        let start = first + Duration::days((i % 700) as i64);
        let end = start + Duration::days(729);
        let value = 25_000_000 + (i as i64 * 7_919 % 475) * 1_000_000;
        spans.push((start, end));
        contract_rows.push(vec![
            Value::Int(suppliers[i % SUPPLIERS]),
            Value::Text(format!("Onderhoudscontract {i:05}")),
            Value::Int(value),
            Value::Text(date_to_text(start)),
            Value::Text(date_to_text(end)),
            Value::Text(date_to_text(start - Duration::days(30))),
            Value::Text(obligation.clone()),
            Value::Int(value / 20),
            Value::Text("quarterly".to_owned()),
            Value::Int(table_id),
            Value::Int(now.unix_timestamp()),
        ]);
    }
    socialreturn::bench::load(db, &scope, Table::Contracts, &contract_rows).await?;
    drop(contract_rows);
    let ids = socialreturn::bench::contract_ids(db, &scope).await?;

    let per_contract = contributions / contracts.max(1);
    let mut sums: HashMap<i64, (i64, i64)> = HashMap::new();
    let mut totals: HashMap<(i64, i64, String, &'static str), (i64, i64)> = HashMap::new();
    let mut tenant_jobs: HashMap<String, i64> = HashMap::new();
    let mut batch = Vec::with_capacity(CHUNK * 10);
    for (i, &contract_id) in ids.iter().enumerate() {
        let (start, end) = spans[i];
        for j in 0..per_contract {
            let k = i * per_contract + j;
            let day = start + Duration::days((j as i64 * 7) % 600);
            let c = if k % 10 < 7 {
                let group = VALUED[k % VALUED.len()];
                Contribution::Placement {
                    person: format!("P{k}"),
                    group,
                    long_term: false,
                    start: day,
                    end: (day + Duration::days(90 + (k % 200) as i64)).min(end),
                    hours_per_week: 16 + (k % 21) as u32,
                    bonuses: Vec::new(),
                }
            } else {
                Contribution::Purchase {
                    seller: format!("Sociale onderneming {}", k % 300),
                    certificate: Certificate::CodeSocialeOndernemingen,
                    invoice: Money::from_cents(100_000 + (k % 50) as i64 * 10_000),
                    date: day,
                }
            };
            // Work past the contract's end is cut off (the bench's dates are spread without looking at it).
            let v = valuation::revalue(&table, &c, valuation::Period { start, end })?;
            let status = match k % 10 {
                0..=5 => "approved",
                6..=8 => "pending",
                _ => "rejected",
            };
            let entry = sums.entry(contract_id).or_default();
            match status {
                "approved" => {
                    entry.0 += v.value.cents();
                    let group = c.target_group().map(|g| g.code().to_owned()).unwrap_or_default();
                    let t = totals
                        .entry((suppliers[i % SUPPLIERS], i64::from(day.year()), group, c.kind_code()))
                        .or_default();
                    t.0 += v.value.cents();
                    t.1 += 1;
                }
                "pending" => entry.1 += v.value.cents(),
                _ => {}
            }
            let tenant = (status == "approved" && k.is_multiple_of(40) && matches!(c, Contribution::Placement { .. }))
                .then(|| format!("C{:04}", k % 500));
            if let Some(cluster) = &tenant {
                *tenant_jobs.entry(cluster.clone()).or_default() += 1;
            }
            batch.push(vec![
                Value::Int(contract_id),
                Value::Text(c.kind_code().to_owned()),
                Value::Text(serde_json::to_string(&c)?),
                Value::Int(v.value.cents()),
                Value::Text(serde_json::to_string(&v.lines)?),
                Value::Text(c.target_group().map(|g| g.code()).unwrap_or("").to_owned()),
                Value::Int(i64::from(day.year())),
                Value::Text(status.to_owned()),
                Value::Text("bench".to_owned()),
                Value::Int(now.unix_timestamp()),
                if status == "pending" { Value::Null } else { Value::Text("bench".to_owned()) },
                tenant.map(Value::Text).unwrap_or(Value::Null),
                Value::Int(socialreturn::VALUATION_VERSION),
            ]);
            if batch.len() >= CHUNK * 10 {
                socialreturn::bench::load(db, &scope, Table::Contributions, &batch).await?;
                batch.clear();
            }
        }
    }
    socialreturn::bench::load(db, &scope, Table::Contributions, &batch).await?;
    let sums: Vec<(i64, i64, i64)> =
        sums.into_iter().map(|(id, (approved, pending))| (id, approved, pending)).collect();
    socialreturn::bench::set_sums(db, &scope, &sums).await?;
    let total_rows: Vec<Vec<Value>> = totals
        .into_iter()
        .map(|((supplier, year, group, kind), (cents, n))| {
            vec![
                Value::Int(supplier),
                Value::Int(year),
                Value::Text(group),
                Value::Text(kind.to_owned()),
                Value::Int(cents),
                Value::Int(n),
            ]
        })
        .collect();
    socialreturn::bench::load(db, &scope, Table::Totals, &total_rows).await?;
    let tenant_rows: Vec<Vec<Value>> =
        tenant_jobs.into_iter().map(|(cluster, jobs)| vec![Value::Text(cluster), Value::Int(jobs)]).collect();
    socialreturn::bench::load(db, &scope, Table::TenantTotals, &tenant_rows).await?;
    socialreturn::bench::refresh_statistics(db).await?;
    let token = sessions::create(db, &actor, user.id, Some(buyer.id)).await?;
    let middle = ids.get(ids.len() / 2).copied().context("no contracts")?;
    Ok((buyer.id, token, middle))
}

/// Loads the portfolio and prints the timings.
pub async fn run(db: &Db, contracts: usize, contributions: usize, repeat: usize) -> anyhow::Result<()> {
    let started = Instant::now();
    let (buyer, token, contract) = load(db, contracts, contributions).await?;
    println!(
        "social return: {contracts} contracten, {} bijdragen geladen in {:.1} s",
        contributions / contracts.max(1) * contracts,
        started.elapsed().as_secs_f64()
    );
    let state = AppState::new(db.clone(), Clock::system(), Config::default());
    let app = volkshuis_web::router(state);
    let views = [
        ("dashboard", format!("/orgs/{buyer}/sr"), repeat),
        ("contractpagina", format!("/orgs/{buyer}/sr/contracten/{contract}"), repeat),
        ("XLSX-export", format!("/orgs/{buyer}/sr/export.xlsx"), repeat.min(5)),
    ];
    println!("{:<16} {:>10} {:>10} {:>10}", "verzoek", "mediaan ms", "max ms", "KB");
    for (name, path, n) in views {
        let t = crate::bench_http::time_get(&app, &path, &token, n).await?;
        println!("{name:<16} {:>10.1} {:>10.1} {:>10.1}", t.median_ms, t.max_ms, t.kb);
    }
    Ok(())
}
