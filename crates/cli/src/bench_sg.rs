//! `volkshuis bench signalering`: issue 20's speed targets on a loaded stock. A monthly arrears ledger with one
//! household per unit of the corporation (2.3 million on the national stock that `scripts/bench` loads) is written
//! as a CSV, then read, decided, written and sent as the upload page and its confirmation do it (`LedgerReader`,
//! the store's `import_ledger` and `send_ledger`), timed; then a municipality's inbox, holding the open signals of
//! the gemeenten it was given (about 100,000), is timed through the real router.
//!
//! The ledger has the demo's mix: seven households in twelve meet every condition; the others objected, keep an
//! arrangement, were not pointed to debt help, were reminded too recently or were never offered the signal.

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::time::Instant;
use time::{Duration, OffsetDateTime};
use volkshuis_domain::access::Role;
use volkshuis_domain::account::Email;
use volkshuis_domain::org::{GemeenteCode, OrgCode, OrgKind};
use volkshuis_domain::signalering::ledger::{read_ledger, template_header};
use volkshuis_domain::text::Name;
use volkshuis_store::audit::Actor;
use volkshuis_store::signalering::{bench, ledger};
use volkshuis_store::{gemeenten, orgs, sessions, users, Db};
use volkshuis_web::{AppState, Clock, Config};

/// The targets of issue 20.
const LEDGER_TARGET_S: f64 = 60.0;
const INBOX_TARGET_MS: f64 = 20.0;

/// The peak resident memory of this process so far, in MB (Linux).
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

/// One ledger row for unit `id_extern`, the `i`th, decided on `today`: dates as a spreadsheet writes them.
fn row(out: &mut impl Write, i: usize, id_extern: &str, today: time::Date) -> std::io::Result<()> {
    let d = |days: i64| {
        let day = today - Duration::days(days);
        format!("{}-{}-{}", day.day(), u8::from(day.month()), day.year())
    };
    let case = i % 12;
    let offer = if case == 7 { d(10) } else { d(40 + (i % 5) as i64) };
    let offer = if case == 9 { String::new() } else { offer };
    let (pointed, objection, arrangement) = match case {
        1 => ("ja", "ja", "geen"),
        3 => ("ja", "nee", "lopend"),
        5 => ("nee", "nee", "geen"),
        _ => ("ja", "nee", "geen"),
    };
    writeln!(
        out,
        "B{i};{id_extern};Huurder {i};;06{:08};;{},{:02};{};{};{offer};{};telefoon;nee;{pointed};{objection};{arrangement}",
        i % 100_000_000,
        35 + i % 2_400,
        i % 100,
        d(60 + (i % 150) as i64),
        d(55),
        d(50),
    )
}

/// Gives a new municipality organisation the gemeenten with the most units until about `open` signals will land in
/// its inbox (seven households in twelve are signalled); returns its id.
async fn municipality_for(db: &Db, actor: &Actor, corporation: i64, open: usize) -> anyhow::Result<i64> {
    let fields = orgs::OrgFields {
        code: OrgCode::parse("bench-gemeente")?,
        name: Name::parse("Benchgemeente")?,
        kind: OrgKind::Municipality,
    };
    let mut tx = db.begin().await?;
    let municipality = orgs::create(&mut tx, actor, &fields).await?.id;
    tx.commit().await?;
    let rows = bench::gemeenten_by_size(db, corporation).await?;
    let wanted_units = (open * 12 / 7) as i64;
    let (mut codes, mut units) = (Vec::new(), 0);
    for (code, n) in rows {
        if units >= wanted_units {
            break;
        }
        codes.push(GemeenteCode::parse(&code)?);
        units += n;
    }
    let mut tx = db.begin().await?;
    gemeenten::set(&mut tx, actor, municipality, &codes, 2023).await?;
    tx.commit().await?;
    println!("inbox van Benchgemeente: {} gemeenten met {units} eenheden", codes.len());
    Ok(municipality)
}

async fn staff_session(db: &Db, actor: &Actor, org: i64) -> anyhow::Result<String> {
    let mut tx = db.begin().await?;
    let user = users::NewUser {
        email: Email::parse(&format!("bench-signalering-{org}@volkshuis.test"))?,
        name: Name::parse("Bench")?,
        password_hash: volkshuis_accounts::password::unusable(),
        is_platform_admin: false,
    };
    let user = users::create(&mut tx, actor, &user).await?;
    users::set_membership(&mut tx, actor, user.id, org, Role::Staff).await?;
    tx.commit().await?;
    Ok(sessions::create(db, actor, user.id, Some(org)).await?)
}

/// Runs the benchmark on the stock of `corporation`, with a municipality inbox of about `open` signals.
pub async fn run(db: &Db, corporation: &str, open: usize, repeat: usize) -> anyhow::Result<()> {
    let code = OrgCode::parse(corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    let now = OffsetDateTime::now_utc();
    let today = volkshuis_domain::calendar::dutch_date(now);
    let actor = Actor::system("bench", now);
    let engine = match db.backend() {
        volkshuis_store::Backend::Sqlite => "SQLite",
        volkshuis_store::Backend::Postgres => "PostgreSQL",
    };
    let municipality = municipality_for(db, &actor, org.id, open).await?;

    let ids = bench::unit_ids(db, org.id).await?;
    let path = std::env::temp_dir().join(format!("vh-bench-grootboek-{}.csv", std::process::id()));
    {
        let mut out = BufWriter::new(std::fs::File::create(&path)?);
        writeln!(out, "{}", template_header())?;
        for (i, id) in ids.iter().enumerate() {
            row(&mut out, i, id, today)?;
        }
        out.flush()?;
    }
    let size_mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
    println!("signalering op {engine}: grootboek van {} huishoudens ({size_mb:.0} MB)", ids.len());
    drop(ids);

    let started = Instant::now();
    let file = std::fs::File::open(&path)?;
    let households =
        tokio::task::spawn_blocking(move || read_ledger(std::io::BufReader::with_capacity(256 * 1024, file)))
            .await?
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .map_err(|e| anyhow::anyhow!("{:?}", e.first()))?;
    let read_s = started.elapsed().as_secs_f64();
    let scope = crate::operator_scope(org.id);
    let id = ledger::import_ledger(db, &scope, &actor, "bench.csv", &households, today)
        .await?
        .map_err(|e| anyhow::anyhow!("the ledger was refused: {:?}", e.first()))?;
    let decided_s = started.elapsed().as_secs_f64();
    let summary = ledger::send_ledger(db, &scope, &actor, id, today)
        .await?
        .map_err(|e| anyhow::anyhow!("the ledger was not sent: {e:?}"))?;
    let total_s = started.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(&path);
    let met = if total_s <= LEDGER_TARGET_S { "ja" } else { "nee" };
    println!(
        "gelezen, beslist en geschreven in {total_s:.1} s (lezen {read_s:.1} s, beslissen en huishoudens schrijven \
         {:.1} s, signalen versturen {:.1} s; {:.0} huishoudens/s); doel {LEDGER_TARGET_S:.0} s: {met}",
        decided_s - read_s,
        total_s - decided_s,
        households.len() as f64 / total_s
    );
    println!(
        "  {} gesignaleerd: {} naar gemeenten op het platform, {} per bestand; piekgeheugen {:.0} MB",
        summary.signalled(),
        summary.sent.iter().map(|(_, n)| n).sum::<u64>(),
        summary.by_file,
        peak_mb()
    );
    drop(households);
    // As autovacuum does after a large insert on PostgreSQL (the visibility map lets counts read the index alone).
    bench::settle(db).await?;

    let open_signals = bench::open_signals(db, municipality).await?;
    let token = staff_session(db, &actor, municipality).await?;
    let state = AppState::new(db.clone(), Clock::system(), Config::default());
    let app = volkshuis_web::router(state);
    println!("inbox met {open_signals} open signalen");
    println!("{:<28} {:>10} {:>10} {:>10} {:>8} {:>8}", "pagina", "mediaan ms", "max ms", "KB", "doel ms", "gehaald");
    let deep = bench::middle_open_id(db, municipality).await?;
    for (name, path) in [
        ("inbox, eerste pagina", format!("/orgs/{municipality}/signalering/inbox")),
        ("inbox, pagina in het midden", format!("/orgs/{municipality}/signalering/inbox?na={deep}")),
        ("inbox, niet gesorteerd", format!("/orgs/{municipality}/signalering/inbox?bak=geen")),
        ("overzicht (aantallen)", format!("/orgs/{municipality}/signalering")),
    ] {
        let t = crate::bench_http::time_get(&app, &path, &token, repeat).await?;
        let met = if t.median_ms <= INBOX_TARGET_MS { "ja" } else { "nee" };
        println!("{name:<28} {:>10.1} {:>10.1} {:>10.1} {INBOX_TARGET_MS:>8.0} {met:>8}", t.median_ms, t.max_ms, t.kb);
    }
    Ok(())
}
