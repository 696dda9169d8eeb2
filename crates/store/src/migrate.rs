//! Schema migrations: each is written once, with small backend-specific additions where the engines differ
//! (auto-increment keys, triggers). Each migration runs in its own transaction; a failure leaves the previous version.

use crate::sql;
use crate::{timestamp, Backend, Db, Result, StoreError};

struct Migration {
    version: i64,
    name: &'static str,
    common: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

/// A migration from its files `migrations/<file>.sql`, `<file>.sqlite.sql` and `<file>.postgres.sql`.
macro_rules! migration {
    ($version:literal, $name:literal, $file:literal) => {
        Migration {
            version: $version,
            name: $name,
            common: include_str!(concat!("../migrations/", $file, ".sql")),
            sqlite: include_str!(concat!("../migrations/", $file, ".sqlite.sql")),
            postgres: include_str!(concat!("../migrations/", $file, ".postgres.sql")),
        }
    };
}

const MIGRATIONS: &[Migration] = &[
    migration!(1, "foundation", "0001_foundation"),
    migration!(2, "bezit", "0002_bezit"),
    migration!(3, "referentiedata", "0003_referentiedata"),
    migration!(4, "areas", "0004_areas"),
    migration!(5, "map cells", "0005_map_cells"),
    migration!(6, "api tokens", "0006_api_tokens"),
    migration!(7, "unit list", "0007_unit_list"),
    migration!(8, "cluster units", "0008_cluster_units"),
    migration!(9, "stock totals", "0009_stock_totals"),
    migration!(10, "overleg", "0010_overleg"),
    migration!(11, "social return", "0011_socialreturn"),
    migration!(12, "participatie", "0012_participatie"),
    migration!(13, "cluster soort", "0013_cluster_soort"),
    migration!(14, "units cluster index", "0014_units_cluster_index"),
    migration!(15, "filtered lists", "0015_filtered_lists"),
    migration!(16, "coverage cells by gemeente", "0016_part_cells_gemeente"),
    migration!(17, "stock versions", "0017_stock_versions"),
    migration!(18, "byte order texts", "0018_byte_order_texts"),
    migration!(19, "decreed days", "0019_decreed_days"),
    migration!(20, "partner acceptance", "0020_partner_acceptance"),
    migration!(21, "social-return coordinators", "0021_sr_coordinators"),
    migration!(22, "social-return valuation by months", "0022_sr_valuation_by_months"),
    migration!(24, "throttle events", "0024_throttle_events"),
    migration!(25, "invitations", "0025_invitations"),
    migration!(27, "job workers", "0027_job_workers"),
    migration!(28, "remembered organisations", "0028_remembered_orgs"),
    migration!(29, "notices", "0029_notices"),
    migration!(30, "calendar feeds and meeting hours", "0030_calendar_feeds"),
    migration!(31, "public contact", "0031_public_contact"),
    migration!(32, "who works where", "0032_org_gemeenten"),
    migration!(33, "prestatieafspraken", "0033_prestatieafspraken"),
    migration!(35, "prestatieafspraken meetings", "0035_pa_meetings"),
    migration!(40, "prestatieafspraken documents and addenda", "0040_pa_documents_addenda"),
    migration!(41, "signalering", "0041_signalering"),
    migration!(42, "api tokens that bring in the ledger", "0042_api_token_ledger"),
    migration!(43, "nazorg", "0043_nazorg"),
    migration!(44, "initiatieven", "0044_initiatieven"),
    migration!(45, "place pages", "0045_place_pages"),
    migration!(46, "search", "0046_search"),
    migration!(47, "signalering bulk", "0047_signalering_bulk"),
    migration!(48, "soft consent", "0048_soft_consent"),
    migration!(49, "complex pages", "0049_complex_pages"),
    migration!(50, "search version", "0050_search_version"),
    migration!(51, "place version", "0051_place_version"),
    migration!(52, "place sections", "0052_place_sections"),
    migration!(53, "signalering referral partners", "0053_sg_referral_partners"),
    migration!(54, "notification languages", "0054_notification_languages"),
    migration!(55, "unanswered referrals", "0055_unanswered_referrals"),
    migration!(56, "contribution form token", "0056_contribution_form_token"),
    migration!(57, "overleg terms by kind", "0057_overleg_terms_by_kind"),
    migration!(58, "buyer retention", "0058_buyer_retention"),
    migration!(59, "token maker", "0059_token_maker"),
    migration!(60, "ledger turns", "0060_ledger_turns"),
    migration!(61, "decrees raise overleg", "0061_decrees_raise_overleg"),
    migration!(62, "published initiatives searched", "0062_published_initiatives_searched"),
    migration!(63, "api token form token", "0063_api_token_form_token"),
    migration!(64, "social return contract form token", "0064_sr_contract_form_token"),
    migration!(65, "koopcoach partners", "0065_nz_coach_partners"),
    migration!(66, "participation group recognition", "0066_part_group_recognition"),
];

/// A short fingerprint of every PostgreSQL migration's text: a template database made from other texts is not used
/// (see `testdb`).
pub(crate) fn postgres_fingerprint() -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for migration in MIGRATIONS {
        hash.update(migration.common);
        hash.update(migration.postgres);
    }
    hash.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// The migrations after which the stored deadlines are recomputed: 19 brought the decreed days of the Algemene
/// termijnenwet, 57 the terms by kind of request (ADR 0064).
const RECOMPUTES_DEADLINES: [i64; 2] = [19, 57];

/// The highest schema version this build knows: the last migration's (a number kept by hand beside the list was once
/// left behind by a new migration).
pub const LATEST: i64 = MIGRATIONS[MIGRATIONS.len() - 1].version;

pub(crate) async fn run(db: &Db) -> Result<usize> {
    run_up_to(db, LATEST).await
}

/// Applies every migration up to and including version `last` not yet applied: [`run`] with the latest, and upgrade
/// tests with an older one (a database as an earlier release left it, filled, then brought up to date).
pub(crate) async fn run_up_to(db: &Db, last: i64) -> Result<usize> {
    // Up to date: nothing is written. On SQLite each step below takes the one write lock, which an import in another
    // process may hold for minutes: `serve` (or any command) would wait for it at every step and fail.
    let expected = MIGRATIONS.iter().take_while(|m| m.version <= last).count();
    let applied_already: Option<i64> = sql::query_scalar("SELECT COUNT(*) FROM schema_migrations WHERE version <= $1")
        .bind(last)
        .fetch_one(db)
        .await
        .ok();
    if applied_already.is_some_and(|n| usize::try_from(n).is_ok_and(|n| n == expected)) {
        return Ok(0);
    }
    sql::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
         version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)",
        db,
    )
    .await?;
    let mut applied = 0;
    for migration in MIGRATIONS.iter().take_while(|m| m.version <= last) {
        let mut tx = db.begin().await?;
        if db.backend() == Backend::Postgres {
            // Several servers may start at once; one migrates, the others wait and then find nothing to do.
            sql::query("SELECT pg_advisory_xact_lock(7303)").execute(&mut tx).await?;
        }
        let done = sql::query("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = $1")
            .bind(migration.version)
            .fetch_one(&mut tx)
            .await?
            .try_get::<i64, _>("n")?;
        if done > 0 {
            continue;
        }
        let (pk, extra) = match db.backend() {
            Backend::Sqlite => ("INTEGER PRIMARY KEY", migration.sqlite),
            Backend::Postgres => ("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", migration.postgres),
        };
        let sql = format!("{}\n{}", migration.common.replace("{{pk}}", pk), extra);
        let failed =
            |source| StoreError::Migrate { version: migration.version, name: migration.name.to_owned(), source };
        sql::raw_sql(&sql, &mut tx).await.map_err(failed)?;
        if RECOMPUTES_DEADLINES.contains(&migration.version) {
            // Deadlines stored before the decreed days (and Goede Vrijdag) counted, or before only advice had a term
            // in law, are recomputed: the rules are Rust, not SQL (ADRs 0025, 0064).
            let moved = crate::overleg::recompute_deadlines_in(&mut tx).await?;
            tracing::info!(moved, "stored Overleg deadlines recomputed with the decreed days");
        }
        sql::query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)")
            .bind(migration.version)
            .bind(migration.name)
            .bind(timestamp::to_unix(time::OffsetDateTime::now_utc()))
            .execute(&mut tx)
            .await?;
        tx.commit().await?;
        tracing::info!(version = migration.version, name = migration.name, "migration applied");
        applied += 1;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_ascending() {
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    }
}
