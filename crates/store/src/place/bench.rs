//! Bulk data for `volkshuis bench place`: the other modules' facts over a loaded (national) stock, written in a few
//! statements so that a place's page has something in every block: Overleg cases about complexes, prestatieafspraken
//! per gemeente, social-return placements, signals, sales with their checks, VvE's and initiatives. Not for pages: rows
//! made here have no audit entries. Participation groups come from `participatie::bench::add_groups`.

use crate::{sql, Db, Result};
use volkshuis_domain::access::WriteScope;

/// What [`load`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Overleg cases, each about one to three complexes.
    pub cases: usize,
    /// Prestatieafspraken cycles (one per gemeente of the stock) and their commitments.
    pub cycles: usize,
    /// Commitments.
    pub commitments: usize,
    /// Complexes with social-return placements.
    pub placements: usize,
    /// Signal facts (counts of signals by month and place).
    pub signals: usize,
    /// Sales, each with its three-year check.
    pub sales: usize,
    /// VvE's.
    pub vves: usize,
    /// Initiatives, each about one complex.
    pub initiatives: usize,
}

/// A unit the facts are hung on: id, complex id, buurt and gemeente codes.
type SampledUnit = (i64, Option<i64>, Option<String>, Option<String>);

/// Writes `rows` (SQL value tuples) into `table (columns)` in batches of a thousand.
async fn insert(tx: &mut crate::Tx, table: &str, columns: &str, rows: &[String]) -> Result<()> {
    for chunk in rows.chunks(1_000) {
        let text = format!("INSERT INTO {table} ({columns}) VALUES {}", chunk.join(", "));
        sql::raw_sql(&text, &mut *tx).await?;
    }
    Ok(())
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Loads the modules' facts for the corporation of `scope`, with `tenant_org` as its consulted tenant organisation;
/// `today` ('YYYY-MM-DD') dates them. Every `n`-th complex or unit gets a fact, so the volumes follow the stock.
pub async fn load(db: &Db, scope: &WriteScope, tenant_org: i64, today: &str, now: i64) -> Result<Loaded> {
    let corporation = scope.org_id();
    let complexes: Vec<(i64, String)> =
        sql::query_as("SELECT id, code FROM clusters WHERE corporation_id = $1 ORDER BY id")
            .bind(corporation)
            .fetch_all(db)
            .await?;
    let gemeenten: Vec<String> = sql::query_scalar(
        "SELECT DISTINCT gemeente_code FROM part_cells WHERE corporation_id = $1 AND gemeente_code <> '' \
         ORDER BY gemeente_code",
    )
    .bind(corporation)
    .fetch_all(db)
    .await?;
    let units: Vec<SampledUnit> = sql::query_as(
        "SELECT id, cluster_id, buurt_code, gemeente_code FROM units WHERE corporation_id = $1 AND in_use = 1 \
         AND id % 40 = 0 ORDER BY id",
    )
    .bind(corporation)
    .fetch_all(db)
    .await?;
    let mut loaded = Loaded::default();
    let mut tx = db.begin().await?;
    sql::query(
        "INSERT INTO overleg_partners (corporation_id, tenant_org_id, created_at, accepted_at) VALUES ($1, $2, $3, $3) \
         ON CONFLICT DO NOTHING",
    )
    .bind(corporation)
    .bind(tenant_org)
    .bind(now)
    .execute(&mut tx)
    .await?;

    // Overleg: a case about every tenth complex (with its two neighbours now and then); half still open.
    let first_case: i64 =
        sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM overleg_cases").fetch_one(&mut tx).await?;
    let mut cases = Vec::new();
    let mut case_clusters = Vec::new();
    for (n, chunk) in complexes.chunks(10).enumerate() {
        let open = n % 2 == 0;
        let (stage, deadline) = if open { ("'awaiting_answer'", quoted(today)) } else { ("'closed'", "NULL".into()) };
        cases.push(format!(
            "({corporation}, {tenant_org}, 'advice', 'maintenance', 'Onderhoud {n}', 'Toelichting', {}, {stage}, \
             {deadline}, 1, {now})",
            quoted(today)
        ));
        for (_, code) in chunk.iter().take(1 + n % 3) {
            case_clusters.push((n, code.clone()));
        }
    }
    insert(
        &mut tx,
        "overleg_cases",
        "corporation_id, tenant_org_id, kind, subject, title, explanation, received_on, stage, next_deadline, version, \
         created_at",
        &cases,
    )
    .await?;
    let ids: Vec<i64> = sql::query_scalar("SELECT id FROM overleg_cases WHERE id > $1 ORDER BY id")
        .bind(first_case)
        .fetch_all(&mut tx)
        .await?;
    let rows: Vec<String> = case_clusters.iter().map(|(n, code)| format!("({}, {})", ids[*n], quoted(code))).collect();
    insert(&mut tx, "overleg_case_clusters", "case_id, cluster_code", &rows).await?;
    loaded.cases = ids.len();

    // Prestatieafspraken: a cycle per gemeente, the corporation a party, twenty commitments each.
    let first_cycle: i64 = sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM pa_cycles").fetch_one(&mut tx).await?;
    let rows: Vec<String> = gemeenten
        .iter()
        .map(|g| {
            format!(
                "({}, 2026, 2026, 'Prestatieafspraken {g} 2026', 'monitoring', {}, {corporation}, {now})",
                quoted(g),
                quoted(today)
            )
        })
        .collect();
    insert(
        &mut tx,
        "pa_cycles",
        "gemeente_code, first_year, last_year, title, phase, phase_since, opened_by, created_at",
        &rows,
    )
    .await?;
    let cycles: Vec<i64> = sql::query_scalar("SELECT id FROM pa_cycles WHERE id > $1 ORDER BY id")
        .bind(first_cycle)
        .fetch_all(&mut tx)
        .await?;
    let parties: Vec<String> = cycles.iter().map(|c| format!("({c}, {corporation})")).collect();
    insert(&mut tx, "pa_parties", "cycle_id, org_id", &parties).await?;
    let commitments: Vec<String> = cycles
        .iter()
        .flat_map(|c| {
            (0..20).map(move |i| format!("({c}, 'betaalbaarheid', 'Afspraak {i}', 'woningen', {corporation}, {now})"))
        })
        .collect();
    insert(&mut tx, "pa_commitments", "cycle_id, theme, body, unit, owner_id, created_at", &commitments).await?;
    (loaded.cycles, loaded.commitments) = (cycles.len(), commitments.len());

    // Social return: placements of tenants of every fifth complex.
    let rows: Vec<String> = complexes
        .iter()
        .step_by(5)
        .enumerate()
        .map(|(i, (_, code))| format!("({corporation}, {}, {})", quoted(code), 1 + i % 3))
        .collect();
    insert(&mut tx, "sr_tenant_totals", "buyer_id, cluster, jobs", &rows).await?;
    loaded.placements = rows.len();

    // Signals: a fact for every fortieth unit, spread over the last twelve months.
    let first_signal: i64 =
        sql::query_scalar("SELECT COALESCE(MAX(signal_id), 0) FROM sg_facts").fetch_one(&mut tx).await?;
    let year: i64 = today[..4].parse().unwrap_or(2026);
    let rows: Vec<String> = units
        .iter()
        .enumerate()
        .map(|(i, (_, cluster, buurt, gemeente))| {
            let month = format!("{}-{:02}", year - i64::from(i % 12 >= 11), 1 + i % 12);
            format!(
                "({}, {corporation}, NULL, {}, {}, {}, {}, {})",
                first_signal + 1 + i as i64,
                quoted(gemeente.as_deref().unwrap_or("GM0000")),
                buurt.as_deref().map(quoted).unwrap_or_else(|| "NULL".into()),
                cluster.map(|c| c.to_string()).unwrap_or_else(|| "NULL".into()),
                quoted(&month),
                if i % 2 == 0 { "'opgepakt'" } else { "NULL" }
            )
        })
        .collect();
    insert(
        &mut tx,
        "sg_facts",
        "signal_id, sender_org_id, recipient_org_id, gemeente_code, buurt_code, cluster_id, sent_month, outcome_group",
        &rows,
    )
    .await?;
    loaded.signals = rows.len();

    // Nazorg: every fourth of those units sold (the home stays in the stock here: only the reads are measured), each
    // with its three-year check; a VvE for every fiftieth complex.
    let first_sale: i64 = sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM nz_sales").fetch_one(&mut tx).await?;
    let rows: Vec<String> = units
        .iter()
        .step_by(4)
        .map(|(unit, ..)| {
            format!(
                "({corporation}, {unit}, {}, 19000000, 19500000, 'woz', 'geen', 'Koper', 'bench', {now})",
                quoted(today)
            )
        })
        .collect();
    insert(
        &mut tx,
        "nz_sales",
        "corporation_id, unit_id, sold_on, price_cents, value_cents, value_kind, sale_condition, buyer_name, \
         created_by, created_at",
        &rows,
    )
    .await?;
    sql::query(&format!(
        "INSERT INTO nz_checks (sale_id, years, due_on) SELECT id, 3, {} FROM nz_sales WHERE id > $1",
        quoted(&format!("{}{}", year + 3, &today[4..]))
    ))
    .bind(first_sale)
    .execute(&mut tx)
    .await?;
    loaded.sales = rows.len();
    let rows: Vec<String> = complexes
        .iter()
        .step_by(50)
        .map(|(id, code)| {
            format!("({corporation}, {id}, {}, 30, 100, 1, 'bench', {now})", quoted(&format!("VvE {code}")))
        })
        .collect();
    insert(
        &mut tx,
        "nz_vves",
        "corporation_id, cluster_id, name, votes_corporation, votes_total, is_manager, updated_by, updated_at",
        &rows,
    )
    .await?;
    loaded.vves = rows.len();

    // Initiatieven: one for every twentieth complex, every other one public.
    let first_initiative: i64 =
        sql::query_scalar("SELECT COALESCE(MAX(id), 0) FROM in_initiatives").fetch_one(&mut tx).await?;
    let chosen: Vec<&(i64, String)> = complexes.iter().step_by(20).collect();
    let rows: Vec<String> = chosen
        .iter()
        .enumerate()
        .map(|(i, (_, code))| {
            format!(
                "({corporation}, {}, '', '', '', '', 'idee', '[]', '[]', '', {}, {now}, {now})",
                quoted(&format!("Initiatief {code}")),
                i % 2
            )
        })
        .collect();
    insert(
        &mut tx,
        "in_initiatives",
        "corporation_id, title, description, place, who, needs, stage, plan_income, plan_costs, risk_bearer, \
         published, created_at, updated_at",
        &rows,
    )
    .await?;
    let ids: Vec<i64> = sql::query_scalar("SELECT id FROM in_initiatives WHERE id > $1 ORDER BY id")
        .bind(first_initiative)
        .fetch_all(&mut tx)
        .await?;
    let links: Vec<String> = ids.iter().zip(&chosen).map(|(i, (c, _))| format!("({i}, {c})")).collect();
    insert(&mut tx, "in_initiative_clusters", "initiative_id, cluster_id", &links).await?;
    loaded.initiatives = ids.len();
    tx.commit().await?;
    // The planner's statistics of the tables just filled, as PostgreSQL's autovacuum gives a running system; without
    // them it guessed a handful of rows and hashed whole tables. A running SQLite has none for these tables (nothing
    // analyses them); the place statements are written to be served by their indexes either way.
    let tables = "part_groups, part_group_areas, overleg_cases, overleg_case_clusters, pa_cycles, pa_parties, \
                  pa_commitments, sr_tenant_totals, sg_facts, nz_sales, nz_checks, nz_vves, in_initiatives, \
                  in_initiative_clusters";
    match db.backend() {
        crate::Backend::Postgres => {
            sql::raw_sql(&format!("ANALYZE {tables}"), db).await?;
        }
        crate::Backend::Sqlite => {
            sql::sqlite_analyze(db, &tables.split(',').map(str::trim).collect::<Vec<_>>()).await?;
        }
    }
    Ok(loaded)
}

/// The ids of the corporation's complexes that have units in use (for random page requests).
pub async fn complex_ids(db: &Db, scope: &WriteScope) -> Result<Vec<i64>> {
    Ok(sql::query_scalar(
        "SELECT c.id FROM clusters c WHERE c.corporation_id = $1 AND EXISTS \
         (SELECT 1 FROM part_cells p WHERE p.corporation_id = c.corporation_id AND p.cluster_code = c.code) ORDER BY c.id",
    )
    .bind(scope.org_id())
    .fetch_all(db)
    .await?)
}
