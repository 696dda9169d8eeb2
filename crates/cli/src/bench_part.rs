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
    let scope = crate::operator_scope(org.id);
    let started = Instant::now();
    let added = participatie::bench::add_groups(db, &scope, groups, now.unix_timestamp())
        .await
        .map_err(|e| anyhow::anyhow!("load a stock first (volkshuis import units …): {e}"))?;
    println!(
        "participatie: {} groepen met {} gebieden toegevoegd in {:.1} s",
        added.groups,
        added.areas,
        started.elapsed().as_secs_f64()
    );

    let begun = Instant::now();
    let counts = participatie::rebuild_cells(db, &scope).await?;
    let rebuild = begun.elapsed().as_secs_f64();
    let cells = participatie::bench::cell_count(db, &scope).await?;
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
        participatie::recompute(db, &scope, org.id).await?;
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
    let (lat, lon) = participatie::bench::densest_cell(db, &scope).await?;
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
