//! `volkshuis bench search`: the search box of issue 23 (target: 50 ms on the national stock) timed in-process on a
//! loaded stock, per kind of query: postcode with number, postcode alone, the start of a street, a complex's name,
//! and a short word that matches many things. The texts come from units spread over the corporation's stock; the
//! search runs as the corporation, or as the organisation given with `--viewer` (a municipality, a tenant
//! organisation). The 64-connection HTTP run is `wrk` against `/orgs/{org}/zoeken`.

use anyhow::Context;
use std::time::Instant;
use volkshuis_domain::access::ReadScope;
use volkshuis_domain::org::OrgCode;
use volkshuis_domain::search::Query;
use volkshuis_store::search::{samples, search};
use volkshuis_store::{orgs, Db};

/// Issue 23's target for one search.
const TARGET_MS: f64 = 50.0;
/// Words that match many names and streets.
const MANY: [&str; 5] = ["de", "laan", "straat", "hof", "weg"];

async fn scope_of(db: &Db, code: &str) -> anyhow::Result<ReadScope> {
    let code = OrgCode::parse(code).map_err(|e| anyhow::anyhow!("{code}: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    Ok(*crate::operator_scope(org.id).as_read())
}

/// Median and 99th percentile of `times` in milliseconds.
fn median_p99(times: &mut [f64]) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    (at(0.5), at(0.99))
}

pub async fn run(db: &Db, corporation: &str, viewer: Option<&str>, count: usize, repeat: usize) -> anyhow::Result<()> {
    let owner = scope_of(db, corporation).await?;
    let scope = match viewer {
        Some(code) => scope_of(db, code).await?,
        None => owner,
    };
    let units = samples(db, &owner, i64::try_from(count).unwrap_or(i64::MAX)).await?;
    anyhow::ensure!(!units.is_empty(), "{corporation} has no units in use: load a stock first");
    let street = |s: &str| s.chars().take(5).collect::<String>().to_lowercase();
    let kinds: [(&str, Vec<String>); 5] = [
        ("postcode+nummer", units.iter().map(|u| format!("{} {}", u.postcode, u.number)).collect()),
        ("postcode", units.iter().map(|u| u.postcode.clone()).collect()),
        ("straat (begin)", units.iter().map(|u| street(&u.street)).collect()),
        ("complexnaam", units.iter().filter_map(|u| u.complex.clone()).collect()),
        ("veel treffers", MANY.iter().map(|w| (*w).to_owned()).collect()),
    ];
    println!(
        "zoeken: {} voorbeelden uit {corporation}, als {}, elk {repeat}× (doel: {TARGET_MS} ms)",
        units.len(),
        viewer.unwrap_or(corporation)
    );
    println!("{:<18} {:>8} {:>10} {:>10} {:>10}", "soort", "metingen", "mediaan ms", "p99 ms", "resultaten");
    for (name, texts) in kinds {
        if texts.is_empty() {
            println!("{name:<18} (geen voorbeelden)");
            continue;
        }
        let mut times = Vec::with_capacity(texts.len() * repeat);
        let mut found = 0;
        for _ in 0..repeat.max(1) {
            for text in &texts {
                let Ok(query) = Query::parse(text) else { continue };
                let started = Instant::now();
                let hits = search(db, &scope, &query, 8).await?;
                times.push(started.elapsed().as_secs_f64() * 1000.0);
                found += hits.len();
            }
        }
        if times.is_empty() {
            continue;
        }
        let measured = times.len();
        let (median, p99) = median_p99(&mut times);
        println!("{name:<18} {measured:>8} {median:>10.2} {p99:>10.2} {:>10.1}", found as f64 / measured as f64);
    }
    Ok(())
}
