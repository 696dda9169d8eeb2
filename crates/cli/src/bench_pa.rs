//! `volkshuis bench afspraken`: the prestatieafspraken of every gemeente over many years (issue 19's speed target:
//! 342 gemeenten × 10 years of cycles, 5 corporations and 50 commitments each), loaded in bulk into the database
//! given, then a cycle's monitor page (random cycles, as a member of one of its corporations) and the national
//! overview (as the platform administrator), each timed through the real router (handler, queries and rendering; no
//! network).
//!
//! The cycles' phases follow today's date: every agreement year up to this one is signed and in monitoring (actuals
//! for every commitment of past years, a fifth of them corrected once; for a third of this year's), next year's is
//! in the talks, later ones in the bid phase; every corporation's bid is sent. No commitment asks Volkshuis to
//! compute its actual (no stock is loaded), so the monitor page reads no stock facts.

use std::collections::HashMap;
use std::time::Instant;
use time::{Date, Duration, Month, OffsetDateTime};
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::afspraken::{Phase, Theme};
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_domain::text::Name;
use volkshuis_store::afspraken::bench::{self, BulkActual, BulkCommitment, Table, Value};
use volkshuis_store::audit::Actor;
use volkshuis_store::overleg::date_to_text;
use volkshuis_store::{orgs, sessions, users, Db, Tx};
use volkshuis_web::{AppState, Clock, Config};

/// What to load.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    /// Gemeenten, each with its municipality (GM0001, GM0002, …).
    pub gemeenten: usize,
    /// The first agreement year.
    pub first_year: i32,
    /// Agreement years, one cycle each per gemeente.
    pub years: usize,
    /// Corporation parties per gemeente, drawn from a pool of about one corporation per six gemeente places.
    pub corporations: usize,
    /// Commitments per corporation party per cycle.
    pub commitments: usize,
}

/// Requests timed per page.
#[derive(Debug, Clone, Copy)]
pub struct Requests {
    /// Monitor pages, each of a random cycle.
    pub monitor: usize,
    /// National overviews.
    pub overview: usize,
}

/// The targets of issue 19, in milliseconds (median and max).
const MONITOR_TARGET_MS: f64 = 50.0;
const OVERVIEW_TARGET_MS: f64 = 200.0;
/// Cycles whose commitments are written per transaction.
const CYCLES_PER_BATCH: usize = 20;

const THEMES: [Theme; 7] = [
    Theme::Betaalbaarheid,
    Theme::Doelgroepen,
    Theme::Duurzaamheid,
    Theme::Nieuwbouw,
    Theme::Verkoop,
    Theme::Leefbaarheid,
    Theme::WonenEnZorg,
];

/// A fixed pseudo-random number for `(a, b)` (splitmix64): the same data on every run and engine.
fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(b).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn day(year: i32, month: Month, day: u8) -> anyhow::Result<Date> {
    Ok(Date::from_calendar_date(year, month, day)?)
}

fn unix(date: Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp()
}

/// The organisations: municipalities by gemeente, the corporation pool, and a tenant organisation per corporation.
struct Orgs {
    municipalities: Vec<i64>,
    corporations: Vec<(i64, String)>,
    tenants: Vec<i64>,
    /// Per gemeente, the pool indexes of its corporations.
    by_gemeente: Vec<Vec<usize>>,
}

fn gemeente_code(g: usize) -> String {
    format!("GM{:04}", g + 1)
}

async fn create_org(tx: &mut Tx, actor: &Actor, code: &str, name: &str, kind: OrgKind) -> anyhow::Result<i64> {
    let fields = orgs::OrgFields { code: OrgCode::parse(code)?, name: Name::parse(name)?, kind };
    Ok(orgs::create(tx, actor, &fields).await?.id)
}

async fn create_orgs(db: &Db, actor: &Actor, size: Size) -> anyhow::Result<Orgs> {
    let pool = (size.gemeenten * size.corporations / 6).max(size.corporations);
    let mut tx = db.begin().await?;
    let mut municipalities = Vec::with_capacity(size.gemeenten);
    for g in 0..size.gemeenten {
        let (code, name) = (format!("pab-gm{:04}", g + 1), format!("Gemeente Benchdorp {:04}", g + 1));
        municipalities.push(create_org(&mut tx, actor, &code, &name, OrgKind::Municipality).await?);
    }
    let mut corporations = Vec::with_capacity(pool);
    let mut tenants = Vec::with_capacity(pool);
    for c in 0..pool {
        let name = format!("Woonstichting Bench {:03}", c + 1);
        let code = format!("pab-wc{:03}", c + 1);
        corporations.push((create_org(&mut tx, actor, &code, &name, OrgKind::Corporation).await?, name));
        let (code, name) = (format!("pab-hv{:03}", c + 1), format!("Huurdersvereniging Bench {:03}", c + 1));
        tenants.push(create_org(&mut tx, actor, &code, &name, OrgKind::TenantOrganisation).await?);
    }
    tx.commit().await?;
    // Each gemeente's corporations: distinct members of the pool, the same every year.
    let by_gemeente = (0..size.gemeenten)
        .map(|g| {
            let mut chosen: Vec<usize> = Vec::with_capacity(size.corporations);
            let mut k = 0;
            while chosen.len() < size.corporations {
                let pick = (mix(g as u64, k) % pool as u64) as usize;
                if !chosen.contains(&pick) {
                    chosen.push(pick);
                }
                k += 1;
            }
            chosen
        })
        .collect();
    Ok(Orgs { municipalities, corporations, tenants, by_gemeente })
}

/// Where a cycle of `year` stands on `today`: its phase, since when, the day talks began and the day it was signed.
struct Stand {
    phase: Phase,
    since: Date,
    talks: Option<Date>,
    signed: Option<Date>,
    bid_sent: Date,
}

fn stand(year: i32, today: Date) -> anyhow::Result<Stand> {
    let bid_sent = day(year - 1, Month::June, 20)?.min(today - Duration::days(10));
    Ok(if year <= today.year() {
        let signed = day(year - 1, Month::December, 12)?;
        Stand {
            phase: Phase::Monitoring,
            since: signed,
            talks: Some(day(year - 1, Month::September, 1)?),
            signed: Some(signed),
            bid_sent,
        }
    } else if year == today.year() + 1 {
        let talks = day(year - 1, Month::September, 1)?.min(today);
        Stand { phase: Phase::Onderhandeling, since: talks, talks: Some(talks), signed: None, bid_sent }
    } else {
        Stand { phase: Phase::Bod, since: today - Duration::days(30), talks: None, signed: None, bid_sent }
    })
}

/// Loads the cycles with their parties and bids; returns, per cycle id, its gemeente index and year.
async fn load_cycles(db: &Db, size: Size, orgs: &Orgs, today: Date) -> anyhow::Result<HashMap<i64, (usize, i32)>> {
    let now = unix(today);
    let areas: Vec<Vec<Value>> = (0..size.gemeenten)
        .map(|g| vec![Value::text(gemeente_code(g)), Value::int(2024), Value::text(format!("Benchdorp {:04}", g + 1))])
        .collect();
    bench::load(db, Table::GemeenteAreas, &areas).await?;
    let mut declared = Vec::new();
    for (g, corporations) in orgs.by_gemeente.iter().enumerate() {
        declared.push(vec![Value::int(orgs.municipalities[g]), Value::text(gemeente_code(g)), Value::int(2024)]);
        for &c in corporations {
            declared.push(vec![Value::int(orgs.corporations[c].0), Value::text(gemeente_code(g)), Value::int(2024)]);
        }
    }
    bench::load(db, Table::OrgGemeenten, &declared).await?;
    let mut cycles = Vec::with_capacity(size.gemeenten * size.years);
    for g in 0..size.gemeenten {
        for y in 0..size.years {
            let year = size.first_year + y as i32;
            let s = stand(year, today)?;
            cycles.push(vec![
                Value::text(gemeente_code(g)),
                Value::int(i64::from(year)),
                Value::int(i64::from(year)),
                Value::text(format!("Prestatieafspraken Benchdorp {:04} {year}", g + 1)),
                Value::text(s.phase.code()),
                Value::text(date_to_text(s.since)),
                Value::Text(s.talks.map(date_to_text)),
                Value::Text(s.signed.map(date_to_text)),
                Value::int(orgs.municipalities[g]),
                Value::int(now),
            ]);
        }
    }
    bench::load(db, Table::Cycles, &cycles).await?;
    let by_code: HashMap<String, usize> = (0..size.gemeenten).map(|g| (gemeente_code(g), g)).collect();
    let mut ids = HashMap::new();
    for (id, code, year) in bench::cycles(db).await? {
        let g = *by_code.get(&code).ok_or_else(|| anyhow::anyhow!("a cycle the bench did not write: {code}"))?;
        ids.insert(id, (g, year as i32));
    }
    let mut parties = Vec::new();
    let mut bids = Vec::new();
    let mut sorted: Vec<(&i64, &(usize, i32))> = ids.iter().collect();
    sorted.sort();
    for (&id, &(g, year)) in sorted {
        let s = stand(year, today)?;
        let signed_at = s.signed.map(unix);
        let mut party = |org: i64| {
            parties.push(vec![
                Value::int(id),
                Value::int(org),
                Value::Int(signed_at),
                Value::Text(signed_at.map(|_| "J. Bench, directeur-bestuurder".to_owned())),
            ]);
        };
        party(orgs.municipalities[g]);
        for &c in &orgs.by_gemeente[g] {
            party(orgs.corporations[c].0);
            party(orgs.tenants[c]);
        }
        for &c in &orgs.by_gemeente[g] {
            let (corporation, name) = &orgs.corporations[c];
            bids.push(vec![
                Value::int(id),
                Value::int(*corporation),
                Value::text(format!(
                    "Bod van {name} aan Benchdorp {:04} voor {year}: nieuwbouw van sociale huurwoningen, \
                     verduurzaming van de oudste complexen naar label B, huurbevriezing voor huishoudens met een laag \
                     inkomen en extra inzet op leefbaarheid in de wijken met de meeste huurachterstanden.",
                    g + 1
                )),
                Value::text(date_to_text(s.bid_sent - Duration::days(7))),
                Value::text(date_to_text(s.bid_sent)),
            ]);
        }
    }
    bench::load(db, Table::Parties, &parties).await?;
    bench::load(db, Table::Bids, &bids).await?;
    Ok(ids)
}

/// One corporation's commitments in one cycle.
fn commitments_of(
    cycle_id: i64,
    year: i32,
    corporation: (i64, &str),
    size: Size,
    today: Date,
) -> anyhow::Result<Vec<BulkCommitment>> {
    let (owner, name) = corporation;
    let created = unix(day(year - 1, Month::October, 1)?.min(today));
    let mut out = Vec::with_capacity(size.commitments);
    for k in 0..size.commitments {
        let r = mix(cycle_id as u64, k as u64);
        let theme = THEMES[k % THEMES.len()];
        let (unit, what) = match theme {
            Theme::Betaalbaarheid => ("huishoudens", "krijgen huurbevriezing of -verlaging"),
            Theme::Doelgroepen => ("woningen", "gaan met voorrang naar urgent woningzoekenden"),
            Theme::Duurzaamheid => ("woningen", "gaan naar energielabel B of beter"),
            Theme::Nieuwbouw => ("woningen", "worden als sociale huurwoning opgeleverd"),
            Theme::Verkoop => ("woningen", "worden verkocht aan starters met terugkoopregeling"),
            Theme::Leefbaarheid => ("duizend euro", "gaat naar leefbaarheid in de wijken"),
            Theme::WonenEnZorg => ("woningen", "worden geschikt gemaakt voor ouderen"),
        };
        // One in ten is written the way nobody can be held to.
        let hedge = if r.is_multiple_of(10) { "Wij streven ernaar dat " } else { "" };
        // The bits of `r` are cut into small figures, so the casts below cannot overflow.
        let target = 10 + ((r >> 8) % 490) as i64;
        let target_x100 = target * 100;
        let mut actuals = Vec::new();
        let entries = if year < today.year() {
            1 + usize::from((r >> 20).is_multiple_of(5))
        } else if year == today.year() {
            usize::from((r >> 20).is_multiple_of(3))
        } else {
            0
        };
        for e in 0..entries {
            // 60–120 % of the target; a correction comes a month after the first entry.
            let share = 60 + ((r >> (24 + 4 * e)) % 61) as i64;
            let first =
                if year < today.year() { day(year + 1, Month::February, 1)? } else { today - Duration::days(40) };
            let entered = (first + Duration::days(30 * e as i64)).min(today);
            actuals.push(BulkActual {
                year: i64::from(year),
                value_x100: target_x100 * share / 100,
                source: format!("Jaarverslag {year} {name}"),
                evidence: format!("Bijlage {}, pagina {}", 1 + e, 3 + (r >> 40) % 80),
                org_id: owner,
                entered_at: unix(entered),
            });
        }
        out.push(BulkCommitment {
            cycle_id,
            theme: theme.code(),
            body: format!("{hedge}{target} {unit} {what} in {year} ({name}, afspraak {})", k + 1),
            unit,
            baseline_x100: r.is_multiple_of(3).then_some(((r >> 12) % 100) as i64 * 100),
            owner_id: owner,
            created_at: created,
            targets: vec![(i64::from(year), target_x100)],
            actuals,
        });
    }
    Ok(out)
}

/// A logged-in user: a platform administrator, or a member (staff) of `org`.
async fn log_in(db: &Db, actor: &Actor, label: &str, org: Option<i64>) -> anyhow::Result<String> {
    let mut tx = db.begin().await?;
    let user = users::NewUser {
        email: Email::parse(&format!("bench-{label}@volkshuis.test"))?,
        name: Name::parse("Bench")?,
        password_hash: volkshuis_accounts::password::unusable(),
        is_platform_admin: org.is_none(),
    };
    let user = users::create(&mut tx, actor, &user).await?;
    if let Some(org) = org {
        users::set_membership(&mut tx, actor, user.id, org, Role::Staff).await?;
    }
    tx.commit().await?;
    Ok(sessions::create(db, actor, user.id, org).await?)
}

/// Median and max of `times` in milliseconds.
fn median_max(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1])
}

/// Loads the cycles and prints the load time, table sizes and timings.
pub async fn run(db: &Db, size: Size, requests: Requests) -> anyhow::Result<()> {
    anyhow::ensure!(
        bench::cycles(db).await?.is_empty(),
        "the database has prestatieafspraken already: give the benchmark an empty one"
    );
    anyhow::ensure!(size.gemeenten > 0 && size.years > 0 && size.corporations > 0, "nothing to load");
    let now = OffsetDateTime::now_utc();
    let today = now.date();
    let actor = Actor::system("bench", now);
    let engine = match db.backend() {
        volkshuis_store::Backend::Sqlite => "SQLite",
        volkshuis_store::Backend::Postgres => "PostgreSQL",
    };

    let started = Instant::now();
    let orgs = create_orgs(db, &actor, size).await?;
    let cycles = load_cycles(db, size, &orgs, today).await?;
    let head = started.elapsed().as_secs_f64();
    let mut ids: Vec<i64> = cycles.keys().copied().collect();
    ids.sort_unstable();
    let loading = Instant::now();
    for batch in ids.chunks(CYCLES_PER_BATCH) {
        let mut rows = Vec::with_capacity(batch.len() * size.corporations * size.commitments);
        for id in batch {
            let (g, year) = cycles[id];
            for &c in &orgs.by_gemeente[g] {
                let (corporation, name) = &orgs.corporations[c];
                rows.extend(commitments_of(*id, year, (*corporation, name), size, today)?);
            }
        }
        bench::load_commitments(db, &rows).await?;
    }
    let commitments_s = loading.elapsed().as_secs_f64();
    bench::refresh_statistics(db).await?;
    let total_s = started.elapsed().as_secs_f64();
    let sizes = bench::table_sizes(db).await?;
    let rows_of = |table: &str| sizes.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n);
    let written = rows_of("pa_commitments") + rows_of("pa_targets") + rows_of("pa_actuals");
    println!(
        "prestatieafspraken op {engine}: {} gemeenten × {} jaar ({}–{}), {} corporaties per gemeente uit {}, \
         {} afspraken per corporatie per cyclus",
        size.gemeenten,
        size.years,
        size.first_year,
        size.first_year + size.years as i32 - 1,
        size.corporations,
        orgs.corporations.len(),
        size.commitments
    );
    println!(
        "geladen in {total_s:.1} s: organisaties, cycli, partijen en biedingen {head:.1} s; afspraken met streefwaarden \
         en realisaties {commitments_s:.1} s ({:.0} rijen/s)",
        written as f64 / commitments_s.max(f64::EPSILON)
    );
    for (table, n) in &sizes {
        println!("  {table:<16} {n:>10}");
    }

    // The users: the platform administrator, and a staff member of one corporation party of each sampled cycle.
    let admin = log_in(db, &actor, "beheer", None).await?;
    let mut sample = Vec::with_capacity(requests.monitor);
    let mut members: HashMap<i64, String> = HashMap::new();
    for i in 0..requests.monitor {
        let id = ids[(mix(7, i as u64) % ids.len() as u64) as usize];
        let (g, _) = cycles[&id];
        let corporations = &orgs.by_gemeente[g];
        let org = orgs.corporations[corporations[(mix(11, i as u64) % corporations.len() as u64) as usize]].0;
        if let std::collections::hash_map::Entry::Vacant(entry) = members.entry(org) {
            entry.insert(log_in(db, &actor, &format!("lid-{org}"), Some(org)).await?);
        }
        sample.push((org, id));
    }

    let state = AppState::new(db.clone(), Clock::system(), Config::default());
    let app = volkshuis_web::router(state);
    println!("{:<24} {:>10} {:>10} {:>10} {:>8} {:>8}", "pagina", "mediaan ms", "max ms", "KB", "doel ms", "gehaald");
    let mut times = Vec::with_capacity(sample.len());
    let mut kb: f64 = 0.0;
    for (org, id) in &sample {
        let path = format!("/orgs/{org}/afspraken/{id}/monitor");
        let t = crate::bench_http::time_get(&app, &path, &members[org], 1).await?;
        times.push(t.max_ms);
        kb = kb.max(t.kb);
    }
    let (median, max) = median_max(&mut times);
    let met = if max <= MONITOR_TARGET_MS { "ja" } else { "nee" };
    println!(
        "{:<24} {median:>10.1} {max:>10.1} {kb:>10.1} {MONITOR_TARGET_MS:>8.0} {met:>8}",
        "monitor van een cyclus"
    );
    let t = crate::bench_http::time_get(&app, "/admin/afspraken", &admin, requests.overview).await?;
    let met = if t.max_ms <= OVERVIEW_TARGET_MS { "ja" } else { "nee" };
    println!(
        "{:<24} {:>10.1} {:>10.1} {:>10.1} {OVERVIEW_TARGET_MS:>8.0} {met:>8}",
        "landelijk overzicht", t.median_ms, t.max_ms, t.kb
    );
    Ok(())
}
