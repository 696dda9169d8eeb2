//! `volkshuis bench map` (and `bench social-return`, in `bench_sr`; `bench afspraken`, in `bench_pa`; `bench search`, in `bench_search`): the server time and size of the map data at country, province, city and street zoom,
//! on the database given (load it first, e.g. with `scripts/bench`, which also runs the other benchmarks).

use anyhow::Context;
use clap::Subcommand;
use std::time::Instant;
use volkshuis_domain::org::OrgCode;
use volkshuis_store::stock::{self, map};
use volkshuis_store::{orgs, Db};
use volkshuis_web::Lang;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Time the map data at four zoom levels.
    Map {
        /// The corporation whose stock is on the map.
        #[arg(long)]
        corporation: String,
        /// Requests per view.
        #[arg(long, default_value_t = 30)]
        repeat: usize,
    },
    /// Read random complexes from many tasks at once, their units as one JSON row and as plain rows (ADR 0021).
    Complex {
        /// The corporation whose stock is loaded.
        #[arg(long)]
        corporation: String,
        /// Tasks reading at once.
        #[arg(long, default_value_t = 64)]
        tasks: usize,
        /// Seconds measured per way of reading.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
    },
    /// Add groups to a corporation's loaded stock and time the coverage (recompute, lists, map).
    Participatie {
        /// The corporation whose stock is loaded.
        #[arg(long)]
        corporation: String,
        /// Groups to add.
        #[arg(long, default_value_t = 50_000)]
        groups: usize,
        /// Requests per page.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
    /// Load a social-return portfolio (into the database given: use an empty one) and time its pages and export.
    SocialReturn {
        /// Contracts in the portfolio.
        #[arg(long, default_value_t = 10_000)]
        contracts: usize,
        /// Contributions, spread evenly over the contracts.
        #[arg(long, default_value_t = 1_000_000)]
        contributions: usize,
        /// Requests per page.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
    /// Bring in an arrears ledger of one household per unit of a loaded stock and time it, then a municipality's
    /// inbox with the open signals of the gemeenten it is given (issue 20's targets: 60 s and 20 ms).
    Signalering {
        /// The corporation whose stock is loaded.
        #[arg(long)]
        corporation: String,
        /// About how many open signals the timed inbox holds.
        #[arg(long, default_value_t = 100_000)]
        inbox: usize,
        /// Requests per page.
        #[arg(long, default_value_t = 20)]
        repeat: usize,
    },
    /// Load the prestatieafspraken of every gemeente over many years (into the database given: use an empty one) and
    /// time a cycle's monitor page and the national overview (issue 19's target: 50 and 200 ms).
    Afspraken {
        /// Gemeenten, each with its municipality.
        #[arg(long, default_value_t = 342)]
        gemeenten: usize,
        /// The first agreement year.
        #[arg(long, default_value_t = 2021)]
        first_year: i32,
        /// Agreement years, a cycle each per gemeente.
        #[arg(long, default_value_t = 10)]
        years: usize,
        /// Corporation parties per gemeente.
        #[arg(long, default_value_t = 5)]
        corporations: usize,
        /// Commitments per corporation party per cycle.
        #[arg(long, default_value_t = 50)]
        commitments: usize,
        /// Monitor pages timed, each of a random cycle.
        #[arg(long, default_value_t = 30)]
        monitor_pages: usize,
        /// National overviews timed.
        #[arg(long, default_value_t = 10)]
        overview_pages: usize,
    },
    /// Load every module's facts over a loaded stock and time the place pages of issue 23 in-process.
    Place {
        /// The corporation whose stock is loaded.
        #[arg(long)]
        corporation: String,
        /// Requests per kind of page.
        #[arg(long, default_value_t = 200)]
        requests: usize,
    },
    /// Time the search box (issue 23's target: 50 ms) per kind of query, in-process, on a loaded stock.
    Search {
        /// The corporation whose stock is loaded (the queries are typed from its units).
        #[arg(long)]
        corporation: String,
        /// Search as this organisation instead of the corporation (a municipality, a tenant organisation).
        #[arg(long)]
        viewer: Option<String>,
        /// Units the queries are typed from.
        #[arg(long, default_value_t = 50)]
        samples: usize,
        /// Times each query is run.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
}

pub async fn run(db: &Db, command: BenchCommand) -> anyhow::Result<()> {
    match command {
        BenchCommand::Map { corporation, repeat } => map_bench(db, &corporation, repeat).await,
        BenchCommand::Complex { corporation, tasks, seconds } => complex_bench(db, &corporation, tasks, seconds).await,
        BenchCommand::Participatie { corporation, groups, repeat } => {
            crate::bench_part::run(db, &corporation, groups, repeat).await
        }
        BenchCommand::SocialReturn { contracts, contributions, repeat } => {
            crate::bench_sr::run(db, contracts, contributions, repeat).await
        }
        BenchCommand::Signalering { corporation, inbox, repeat } => {
            crate::bench_sg::run(db, &corporation, inbox, repeat).await
        }
        BenchCommand::Afspraken {
            gemeenten,
            first_year,
            years,
            corporations,
            commitments,
            monitor_pages,
            overview_pages,
        } => {
            let size = crate::bench_pa::Size { gemeenten, first_year, years, corporations, commitments };
            let requests = crate::bench_pa::Requests { monitor: monitor_pages, overview: overview_pages };
            crate::bench_pa::run(db, size, requests).await
        }
        BenchCommand::Place { corporation, requests } => crate::bench_place::run(db, &corporation, requests).await,
        BenchCommand::Search { corporation, viewer, samples, repeat } => {
            crate::bench_search::run(db, &corporation, viewer.as_deref(), samples, repeat).await
        }
    }
}

async fn complex_bench(db: &Db, corporation: &str, tasks: usize, seconds: u64) -> anyhow::Result<()> {
    use volkshuis_store::stock::bench::{complex_reads, ComplexRead};
    let code = OrgCode::parse(corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    let scope = crate::operator_scope(org.id);
    println!(
        "complexen: {tasks} taken tegelijk, {seconds} s per manier van lezen (pagina van {} eenheden)",
        stock::UNITS_PER_COMPLEX_PAGE
    );
    println!("{:<28} {:>10} {:>10} {:>10} {:>14}", "manier", "per s", "p50 ms", "p99 ms", "eenheden/s");
    for (name, read) in
        [("een rij, eenheden als JSON", ComplexRead::JsonRow), ("een rij per eenheid", ComplexRead::Rows)]
    {
        let figures = complex_reads(
            db,
            &scope,
            read,
            tasks,
            std::time::Duration::from_secs(seconds),
            stock::UNITS_PER_COMPLEX_PAGE,
        )
        .await?;
        println!(
            "{name:<28} {:>10.0} {:>10.2} {:>10.2} {:>14.0}",
            figures.per_second,
            figures.p50.as_secs_f64() * 1000.0,
            figures.p99.as_secs_f64() * 1000.0,
            figures.units as f64 / seconds as f64
        );
    }
    Ok(())
}

async fn map_bench(db: &Db, corporation: &str, repeat: usize) -> anyhow::Result<()> {
    let code = OrgCode::parse(corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation {code}"))?;
    let scope = crate::operator_scope(org.id);
    let netherlands = [3.2, 50.7, 7.3, 53.6];
    // Centre the city and street views on the densest spot of the stock.
    let cells = map::clusters(db, &scope, 15, netherlands).await?;
    let densest = cells.iter().max_by_key(|c| c.units).context("the stock has no positions")?;
    let (lat, lon) = (densest.lat, densest.lon);
    let views = [
        ("land (zoom 7)", 7, netherlands),
        ("provincie (zoom 9)", 9, [lon - 0.6, lat - 0.35, lon + 0.6, lat + 0.35]),
        ("stad (zoom 12)", 12, [lon - 0.07, lat - 0.04, lon + 0.07, lat + 0.04]),
        ("straat (zoom 16)", 16, [lon - 0.005, lat - 0.003, lon + 0.005, lat + 0.003]),
    ];
    let t = Lang::Nl.texts();
    println!(
        "kaart: {} eenheden in gebruik met ligging, {repeat} verzoeken per beeld",
        cells.iter().map(|c| c.units).sum::<i64>()
    );
    println!("{:<20} {:>10} {:>10} {:>10} {:>10}", "beeld", "mediaan ms", "max ms", "KB", "objecten");
    for (name, zoom, bbox) in views {
        let mut times = Vec::with_capacity(repeat);
        let mut bytes = 0;
        let mut features = 0;
        for _ in 0..repeat.max(1) {
            let started = Instant::now();
            let body = volkshuis_web::map_body(db, &scope, org.id, zoom, bbox, t).await?;
            let text = serde_json::to_string(&body)?;
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            bytes = text.len();
            features = body["features"].as_array().map(Vec::len).unwrap_or(0);
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        let max = times[times.len() - 1];
        println!("{name:<20} {median:>10.2} {max:>10.2} {:>10.1} {features:>10}", bytes as f64 / 1024.0);
    }
    Ok(())
}
