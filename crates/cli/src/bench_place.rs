//! `volkshuis bench place`: on a database with a corporation's (national) stock loaded, loads every module's facts
//! over it (groups, Overleg cases, prestatieafspraken, social return, signals, sales, VvE's, initiatives) and times
//! the complex page, its one-pager and the buurt page of issue 23 (target: p99 ≤ 25 ms under 64 connections, which
//! `scripts/bench-place` measures with `wrk`; here in-process, one request at a time). Prints the complex ids the
//! load run draws from.

use anyhow::Context;
use std::time::Instant;
use time::OffsetDateTime;
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::{orgs, participatie, place, sessions, users, Db};
use volkshuis_web::{AppState, Clock, Config};

/// The consulted tenant organisation the load gives the corporation.
const TENANTS: &str = "bench-huurders";

/// Median and 99th percentile of `times` in milliseconds.
fn median_p99(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

pub async fn run(db: &Db, corporation: &str, requests: usize) -> anyhow::Result<()> {
    let code = OrgCode::parse(corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    let now = OffsetDateTime::now_utc();
    let actor = Actor::system("bench", now);
    let scope = crate::operator_scope(org.id);
    let tenants = match orgs::by_code(db, &OrgCode::parse(TENANTS)?).await? {
        Some(found) => found.id,
        None => {
            let fields = orgs::OrgFields {
                code: OrgCode::parse(TENANTS)?,
                name: Name::parse("Huurders (benchmark)")?,
                kind: OrgKind::TenantOrganisation,
            };
            let mut tx = db.begin().await?;
            let created = orgs::create(&mut tx, &actor, &fields).await?;
            tx.commit().await?;
            created.id
        }
    };
    let complexes = place::bench::complex_ids(db, &scope).await?;
    anyhow::ensure!(!complexes.is_empty(), "{code} has no complexes in use: load a stock first");
    let started = Instant::now();
    let groups = participatie::bench::add_groups(db, &scope, complexes.len() / 10, now.unix_timestamp()).await?;
    participatie::recompute(db, &scope, org.id).await?;
    let today = volkshuis_store::overleg::date_to_text(now.date());
    let loaded = place::bench::load(db, &scope, tenants, &today, now.unix_timestamp()).await?;
    println!(
        "modules geladen in {:.1} s: {} groepen, {} Overleg-zaken, {} cycli met {} afspraken, {} complexen met \
         plaatsingen, {} signalen, {} verkopen, {} VvE's, {} initiatieven",
        started.elapsed().as_secs_f64(),
        groups.groups,
        loaded.cases,
        loaded.cycles,
        loaded.commitments,
        loaded.placements,
        loaded.signals,
        loaded.sales,
        loaded.vves,
        loaded.initiatives
    );
    println!(
        "complex ids {} tot en met {} ({} complexen)",
        complexes[0],
        complexes[complexes.len() - 1],
        complexes.len()
    );

    // Pages through the router, as a staff member of the corporation (who sees every block).
    let user = users::NewUser {
        email: Email::parse(&format!("bench-place-{}@volkshuis.test", now.unix_timestamp()))?,
        name: Name::parse("Bench")?,
        password_hash: volkshuis_accounts::password::unusable(),
        is_platform_admin: false,
    };
    let mut tx = db.begin().await?;
    let user = users::create(&mut tx, &actor, &user).await?;
    users::set_membership(&mut tx, &actor, user.id, org.id, Role::Staff).await?;
    tx.commit().await?;
    let token = sessions::create(db, &actor, user.id, Some(org.id)).await?;
    let app = volkshuis_web::router(AppState::new(db.clone(), Clock::system(), Config::default()));
    let buurten =
        volkshuis_store::stock::choices(db, &scope, org.id, volkshuis_store::stock::StockRef::Buurt, None, 500).await?;
    // Spread over the whole list by a large prime stride: every request another complex, no two runs alike enough to
    // be served from a warmed page alone.
    let spread = |i: usize, len: usize| (i * 7_919 + 13) % len.max(1);
    println!("{:<28} {:>10} {:>10} {:>10}", "pagina (willekeurig)", "mediaan ms", "p99 ms", "KB");
    for (name, kind) in [("complex", 0), ("afdruk voor huurders", 1), ("buurt", 2)] {
        let mut times = Vec::with_capacity(requests);
        let mut kb = 0.0;
        for i in 0..requests.max(1) {
            let path = match kind {
                0 => format!("/orgs/{}/plek/complexen/{}", org.id, complexes[spread(i, complexes.len())]),
                1 => format!(
                    "/orgs/{}/plek/complexen/{}/afdrukken?voor={tenants}",
                    org.id,
                    complexes[spread(i + 1, complexes.len())]
                ),
                _ => match buurten.get(spread(i, buurten.len())) {
                    Some(b) => format!("/orgs/{}/plek/buurten/{}", org.id, b.code),
                    None => continue,
                },
            };
            let t = crate::bench_http::time_get(&app, &path, &token, 1).await?;
            times.push(t.median_ms);
            kb = t.kb;
        }
        if times.is_empty() {
            continue;
        }
        let (median, p99) = median_p99(&mut times);
        println!("{name:<28} {median:>10.1} {p99:>10.1} {kb:>10.1}");
    }
    Ok(())
}
