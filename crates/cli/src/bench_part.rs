//! `volkshuis bench participatie`: on a database with a corporation's (national) stock loaded, adds N groups in bulk
//! and times the coverage: rebuilding the cells from the stock, recomputing the levels after a group change, and the
//! coverage figures per area and the map data, served through the real router.

use anyhow::Context;
use std::time::Instant;
use time::OffsetDateTime;
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::org::OrgCode;
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::sql;
use volkshuis_store::{orgs, participatie, sessions, users, Db};
use volkshuis_web::{AppState, Clock, Config};

/// Median and maximum of timings in milliseconds.
fn figures(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

/// Adds the groups, then prints the timings.
pub async fn run(db: &Db, corporation: &str, groups: usize, repeat: usize) -> anyhow::Result<()> {
    let code = OrgCode::parse(corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    let now = OffsetDateTime::now_utc();
    let actor = Actor::system("bench", now);
    let clusters: Vec<String> =
        sql::query_scalar("SELECT code FROM clusters WHERE corporation_id = $1").bind(org.id).fetch_all(db).await?;
    let buurten: Vec<String> =
        sql::query_scalar("SELECT DISTINCT buurt_code FROM units WHERE corporation_id = $1 AND buurt_code IS NOT NULL")
            .bind(org.id)
            .fetch_all(db)
            .await?;
    anyhow::ensure!(!clusters.is_empty(), "load a stock first (volkshuis import units …)");
    // Groups: two thirds for complexes (one to three each), one third for buurten; every third one recognised.
    let started = Instant::now();
    let mut tx = db.begin().await?;
    // `--groups 0` times the groups already there (a second run on the same database).
    for chunk in (0..groups).collect::<Vec<_>>().chunks(1_000) {
        let mut sql = String::from(
            "INSERT INTO part_groups (corporation_id, org_id, name, kind, area_kind, contact_role, channels, \
             description, join_info, criteria, level, created_at) VALUES ",
        );
        let rows: Vec<String> = chunk
            .iter()
            .map(|i| {
                let (kind, area) =
                    if i % 3 == 2 { ("leefbaarheidsgroep", "buurten") } else { ("bewonerscommissie", "complexes") };
                let level = if i % 3 == 0 { 2 } else { 1 };
                format!(
                    "({}, {}, 'Groep {i}', '{kind}', '{area}', 'secretaris', 'meetings', '', '', '[]', {level}, {})",
                    org.id,
                    org.id,
                    now.unix_timestamp()
                )
            })
            .collect();
        sql.push_str(&rows.join(", "));
        sql::raw_sql(&sql, &mut tx).await?;
    }
    let ids: Vec<i64> =
        sql::query_scalar("SELECT id FROM part_groups WHERE corporation_id = $1 AND name LIKE 'Groep %' ORDER BY id")
            .bind(org.id)
            .fetch_all(&mut tx)
            .await?;
    let mut areas = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        if i % 3 == 2 {
            if !buurten.is_empty() {
                areas.push((*id, buurten[i % buurten.len()].clone()));
            }
        } else {
            for k in 0..=(i % 3) {
                areas.push((*id, clusters[(i * 7 + k * 13) % clusters.len()].clone()));
            }
        }
    }
    for chunk in areas.chunks(1_000) {
        let rows: Vec<String> =
            chunk.iter().map(|(id, code)| format!("({id}, '{}')", code.replace('\'', "''"))).collect();
        let insert =
            format!("INSERT INTO part_group_areas (group_id, code) VALUES {} ON CONFLICT DO NOTHING", rows.join(", "));
        sql::raw_sql(&insert, &mut tx).await?;
    }
    tx.commit().await?;
    println!(
        "participatie: {} groepen met {} gebieden toegevoegd in {:.1} s",
        ids.len(),
        areas.len(),
        started.elapsed().as_secs_f64()
    );

    let begun = Instant::now();
    let counts = participatie::rebuild_cells(db, &crate::operator_scope(org.id)).await?;
    let rebuild = begun.elapsed().as_secs_f64();
    let cells: i64 = sql::query_scalar("SELECT COUNT(*) FROM part_cells WHERE corporation_id = $1")
        .bind(org.id)
        .fetch_one(db)
        .await?;
    println!(
        "cellen opnieuw uit het bezit: {rebuild:.2} s ({cells} cellen; {} eenheden: {} erkend, {} informeel, {} zonder stem)",
        counts.total(),
        counts.formal,
        counts.informal,
        counts.none
    );
    let mut times = Vec::new();
    for _ in 0..repeat.clamp(1, 10) {
        let begun = Instant::now();
        participatie::recompute(db, &crate::operator_scope(org.id), org.id).await?;
        times.push(begun.elapsed().as_secs_f64() * 1000.0);
    }
    let (median, max) = figures(times);
    println!("dekking herberekenen na een groepswijziging: mediaan {median:.0} ms, max {max:.0} ms");

    // Pages through the router, as a member of the corporation.
    let user = users::NewUser {
        email: Email::parse(&format!("bench-part-{}@volkshuis.test", now.unix_timestamp()))?,
        name: Name::parse("Bench")?,
        password_hash: volkshuis_accounts::password::unusable(),
        is_platform_admin: false,
    };
    let mut tx = db.begin().await?;
    let user = users::create(&mut tx, &actor, &user).await?;
    users::set_membership(&mut tx, &actor, user.id, org.id, Role::ReadOnly).await?;
    tx.commit().await?;
    let token = sessions::create(db, &actor, user.id, Some(org.id)).await?;
    let app = volkshuis_web::router(AppState::new(db.clone(), Clock::system(), Config::default()));
    println!("{:<28} {:>10} {:>10} {:>10}", "verzoek", "mediaan ms", "max ms", "KB");
    let base = format!("/orgs/{}/participatie/dekking", org.id);
    // City and street views around the cell with the most units.
    let row = sql::query(
        "SELECT lat, lon FROM part_cells WHERE corporation_id = $1 AND lat IS NOT NULL ORDER BY units DESC LIMIT 1",
    )
    .bind(org.id)
    .fetch_one(db)
    .await?;
    let (lat, lon): (f64, f64) = (row.try_get("lat")?, row.try_get("lon")?);
    let view = |zoom: u8, dlon: f64, dlat: f64| {
        format!(
            "{base}/kaart.json?zoom={zoom}&bbox={:.5},{:.5},{:.5},{:.5}",
            lon - dlon,
            lat - dlat,
            lon + dlon,
            lat + dlat
        )
    };
    for (name, path) in [
        ("lijst per gemeente", format!("{base}?per=gemeente")),
        ("lijst per wijk", format!("{base}?per=wijk")),
        ("lijst per buurt", format!("{base}?per=buurt")),
        ("lijst per complex", format!("{base}?per=complex")),
        ("kaart land (zoom 7)", format!("{base}/kaart.json?zoom=7&bbox=3.2,50.7,7.3,53.6")),
        ("kaart provincie (zoom 9)", view(9, 0.6, 0.35)),
        ("kaart stad (zoom 12)", view(12, 0.07, 0.04)),
        ("kaart straat (zoom 15)", view(15, 0.01, 0.006)),
    ] {
        let t = crate::bench_http::time_get(&app, &path, &token, repeat).await?;
        println!("{name:<28} {:>10.1} {:>10.1} {:>10.1}", t.median_ms, t.max_ms, t.kb);
    }
    Ok(())
}
