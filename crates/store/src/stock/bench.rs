//! Measures the two ways of reading a complex's page under concurrent load, for `volkshuis bench complex`: its units
//! as one JSON array in one row (ADR 0017), or as plain rows of one statement. The pages use the faster one of each
//! engine (`query::cluster_with_units`).

use super::query::{cluster_with_unit_rows, cluster_with_units_as_json};
use crate::{sql, Db, Result};
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::time::{Duration, Instant};
use volkshuis_domain::access::ReadScope;

/// How a complex's units are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplexRead {
    /// One row, the units as a JSON array.
    JsonRow,
    /// One row per unit.
    Rows,
}

/// What a run measured.
#[derive(Debug, Clone)]
pub struct Figures {
    /// Complex pages read per second.
    pub per_second: f64,
    /// Median time of one read.
    pub p50: Duration,
    /// 99th percentile of one read.
    pub p99: Duration,
    /// Units read in all.
    pub units: u64,
}

/// Reads random complexes of the corporation of `scope` (each its first page of `limit` units) from `tasks` tasks at
/// once for `duration`, after a second of the same load unmeasured.
pub async fn complex_reads(
    db: &Db,
    scope: &ReadScope,
    read: ComplexRead,
    tasks: usize,
    duration: Duration,
    limit: i64,
) -> Result<Figures> {
    let ids: Vec<i64> = sql::query_scalar("SELECT id FROM clusters WHERE corporation_id = $1 ORDER BY id")
        .bind(scope.org_id())
        .fetch_all(db)
        .await?;
    if ids.is_empty() {
        return Err(crate::StoreError::NotFound);
    }
    run(db, scope, read, &ids, tasks, Duration::from_secs(1), limit).await?;
    run(db, scope, read, &ids, tasks, duration, limit).await
}

async fn run(
    db: &Db,
    scope: &ReadScope,
    read: ComplexRead,
    ids: &[i64],
    tasks: usize,
    duration: Duration,
    limit: i64,
) -> Result<Figures> {
    let started = Instant::now();
    let mut handles = Vec::with_capacity(tasks);
    for task in 0..tasks {
        let (db, scope, ids) = (db.clone(), *scope, ids.to_vec());
        handles.push(tokio::spawn(async move {
            let mut rng = StdRng::seed_from_u64(task as u64);
            let (mut times, mut units) = (Vec::new(), 0_u64);
            while started.elapsed() < duration {
                let id = ids[rng.gen_range(0..ids.len())];
                let begun = Instant::now();
                let page = match read {
                    ComplexRead::JsonRow => cluster_with_units_as_json(&db, &scope, id, 0, limit).await?,
                    ComplexRead::Rows => cluster_with_unit_rows(&db, &scope, id, 0, limit).await?,
                };
                times.push(begun.elapsed());
                units += page.map_or(0, |(_, page)| page.units.len() as u64);
            }
            Ok::<_, crate::StoreError>((times, units))
        }));
    }
    let (mut times, mut units) = (Vec::new(), 0);
    for handle in handles {
        let (task_times, task_units) = handle.await.map_err(|_| crate::StoreError::WriterStopped)??;
        times.extend(task_times);
        units += task_units;
    }
    let elapsed = started.elapsed().as_secs_f64();
    times.sort_unstable();
    let at = |q: f64| times.get(((times.len() as f64 * q) as usize).min(times.len().saturating_sub(1))).copied();
    Ok(Figures {
        per_second: times.len() as f64 / elapsed,
        p50: at(0.50).unwrap_or_default(),
        p99: at(0.99).unwrap_or_default(),
        units,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdb::TestDb;
    use crate::Backend;
    use volkshuis_domain::access;

    /// Both ways read the same page.
    async fn the_two_reads_agree(backend: Backend) {
        let test = TestDb::new(backend).await.expect("database");
        let db = &test.db;
        let corporation: i64 = sql::query_scalar(
            "INSERT INTO organisations (code, name, kind, created_at) VALUES ('c', 'C', 'corporation', 0) RETURNING id",
        )
        .fetch_one(db)
        .await
        .expect("corporation");
        let cluster: i64 = sql::query_scalar(
            "INSERT INTO clusters (corporation_id, code, naam) VALUES ($1, 'CPX1', 'Het Anker') RETURNING id",
        )
        .bind(corporation)
        .fetch_one(db)
        .await
        .expect("cluster");
        for (n, street) in [(2, "Kerkstraat"), (1, "Kerkstraat"), (5, "Dorpsweg \"oud\"")] {
            sql::query(
                "INSERT INTO units (corporation_id, id_extern, cluster_id, straatnaam, huisnummer, postcode, woonplaats, \
                 in_use, fingerprint, created_at, updated_at, nettohuur_cents) \
                 VALUES ($1, $2, $3, $4, $5, '1234AB', 'Émmen', 1, '', 0, 0, $6)",
            )
            .bind(corporation)
            .bind(format!("E{n}"))
            .bind(cluster)
            .bind(street)
            .bind(n)
            .bind(n * 10_000)
            .execute(db)
            .await
            .expect("unit");
        }
        let member = access::Membership { user_id: 0, org_id: corporation, role: access::Role::Staff };
        let scope = access::grant(corporation, Some(member), access::View).expect("a member may view");
        let json = cluster_with_units_as_json(db, &scope, cluster, 0, 10).await.expect("json").expect("complex");
        let rows = cluster_with_unit_rows(db, &scope, cluster, 0, 10).await.expect("rows").expect("complex");
        assert_eq!(json.1.units, rows.1.units);
        assert_eq!(rows.1.units.len(), 3);
        assert_eq!(rows.1.units[0].address, "Dorpsweg \"oud\" 5");
        assert_eq!(format!("{:?}", json.0), format!("{:?}", rows.0));
        let json = cluster_with_units_as_json(db, &scope, cluster, 1, 1).await.expect("json").expect("complex");
        let rows = cluster_with_unit_rows(db, &scope, cluster, 1, 1).await.expect("rows").expect("complex");
        assert_eq!(json.1.units, rows.1.units, "the second page");
        assert_eq!(rows.1.units.iter().map(|u| u.address.as_str()).collect::<Vec<_>>(), ["Kerkstraat 1"]);
        assert_eq!((json.0.units, rows.0.units), (3, 3), "the figures of all units on every page");
        let empty = cluster_with_unit_rows(db, &scope, cluster + 1, 0, 10).await.expect("rows");
        assert!(empty.is_none(), "no such complex");
    }

    #[tokio::test]
    async fn the_two_reads_agree_on_sqlite() {
        the_two_reads_agree(Backend::Sqlite).await;
    }

    #[tokio::test]
    async fn the_two_reads_agree_on_postgres() {
        the_two_reads_agree(Backend::Postgres).await;
    }
}
