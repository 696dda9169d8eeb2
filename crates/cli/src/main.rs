//! `volkshuis`: the platform's one command. `serve` runs the web application and job worker, `demo` does the same on
//! a demo dataset, `migrate` brings the schema up to date, `org` and `user` manage accounts from the shell, `import`
//! and `generate` handle data files, `backup` writes a backup while the platform runs, `bench` measures.

mod accounts;
mod backup;
mod bench;
mod bench_http;
mod bench_pa;
mod bench_part;
mod bench_place;
mod bench_search;
mod bench_sg;
mod bench_sr;
mod stock;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::nazorg::retention::DEFAULT_KEEP_DAYS as BUYER_DATA_DEFAULT_DAYS;
use volkshuis_store::participatie::JOIN_REQUEST_DEFAULT_DAYS;
use volkshuis_store::Db;
use volkshuis_web::{AppState, Clock, Config};

#[derive(Parser)]
#[command(name = "volkshuis", version, about = "Volkshuis — samen werken aan de volkshuisvesting")]
struct Cli {
    /// The database: a SQLite file path, or a postgres:// URL.
    #[arg(long = "database", env = "DATABASE_URL", global = true)]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web application and the job worker.
    Serve(ServeArgs),
    /// Run the web application on a demo dataset (created when missing) and print the demo log-ins.
    Demo(ServeArgs),
    /// Bring the database schema up to date.
    Migrate,
    /// Manage organisations.
    #[command(subcommand)]
    Org(accounts::OrgCommand),
    /// Manage users and memberships.
    #[command(subcommand)]
    User(accounts::UserCommand),
    /// Import data files.
    #[command(subcommand)]
    Import(stock::ImportCommand),
    /// Benchmarks (see scripts/bench for all of them).
    #[command(subcommand)]
    Bench(bench::BenchCommand),
    /// Generate synthetic data for demos and benchmarks.
    #[command(subcommand)]
    Generate(stock::GenerateCommand),
    /// Write a backup of the database to a new file, while the platform keeps running.
    Backup(backup::BackupArgs),
}

#[derive(clap::Args)]
struct ServeArgs {
    /// Address and port to listen on (port 0 picks a free port).
    #[arg(long, env = "VOLKSHUIS_BIND", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// The address users reach the site at (for links in e-mail); defaults to http://<bind>.
    #[arg(long, env = "VOLKSHUIS_BASE_URL")]
    base_url: Option<String>,
    /// SMTP server, e.g. smtp://user:password@mail.example.nl:587 or smtps://…; without it mail stays in the outbox.
    #[arg(long, env = "SMTP_URL")]
    smtp_url: Option<String>,
    /// Sender address of outgoing mail.
    #[arg(long, env = "MAIL_FROM", default_value = "Volkshuis <noreply@volkshuis.localhost>")]
    mail_from: String,
    /// Behind a reverse proxy: take client addresses from X-Forwarded-For (its last entry).
    #[arg(long, env = "VOLKSHUIS_TRUST_PROXY")]
    trust_proxy: bool,
    /// Days after a contract's end when social-return candidate names are deleted.
    #[arg(long, env = "VOLKSHUIS_CANDIDATE_NAMES_DAYS", default_value_t = 365)]
    candidate_names_days: i64,
    /// Days a tenant's request to join a group is kept after it came in.
    #[arg(long, env = "VOLKSHUIS_JOIN_REQUEST_DAYS", default_value_t = JOIN_REQUEST_DEFAULT_DAYS)]
    join_request_days: i64,
    /// Days a buyer's personal data is kept after the aftercare of a sale ends.
    #[arg(long, env = "VOLKSHUIS_BUYER_DATA_DAYS", default_value_t = BUYER_DATA_DEFAULT_DAYS)]
    buyer_data_days: i64,
    /// Days a message is kept in the outbox.
    #[arg(long, env = "VOLKSHUIS_OUTBOX_DAYS", default_value_t = volkshuis_store::outbox::DEFAULT_KEEP_DAYS)]
    outbox_days: i64,
    /// Token a Prometheus scraper must send (Authorization: Bearer …) to read /metrics; without it /metrics is off.
    #[arg(long, env = "VOLKSHUIS_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// How often the job worker looks for due jobs, in seconds.
    #[arg(long, default_value_t = 5)]
    job_interval: u64,
}

/// mimalloc rather than the system allocator: a page allocates and frees thousands of small values (database rows
/// through sqlx's `Any` driver, strings for the template), where glibc's allocator spent an eighth of the server's
/// time. Its `override` feature serves SQLite's C code as well (ADR 0012).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The scope the operator's commands (`import`, `bench`, filling area codes) write an organisation's data with: the
/// one place the binary mints a scope without a check ([`WriteScope::system_for_cli`]), entitled because whoever
/// runs it holds the database's credentials.
pub(crate) fn operator_scope(org_id: i64) -> WriteScope {
    WriteScope::system_for_cli(org_id)
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.command);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("volkshuis: cannot start the runtime: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // One line that names the problem; details are in the log.
            eprintln!("volkshuis: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The server's commands log what they do; a one-off command (`user add`, `import`, …) prints its own answer and logs
/// only warnings, or its answer drowned under sixty lines of migrations on a fresh database. `VOLKSHUIS_LOG` decides
/// when set.
fn init_tracing(command: &Command) {
    let server = matches!(command, Command::Serve(_) | Command::Demo(_) | Command::Migrate | Command::Bench(_));
    let default = if server { "info,sqlx=warn,tower_http=info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("VOLKSHUIS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr);
    if std::env::var("VOLKSHUIS_LOG_FORMAT").as_deref() == Ok("json") {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            serve(db, args, None).await
        }
        Command::Demo(args) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis-demo.db".to_owned())).await?;
            let logins = volkshuis_demo::seed(&db, true).await.context("filling the demo dataset")?;
            let vera = volkshuis_demo::load_vera(&db, &volkshuis_demo::vera_file())
                .await
                .context("loading the VERA code list for the demo")?;
            println!("{vera}");
            serve(db, args, Some(logins)).await
        }
        Command::Migrate => {
            let db = Db::connect(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            let applied = db.migrate().await?;
            println!("{applied} migration(s) applied; schema at version {}", volkshuis_store::SCHEMA_VERSION);
            let revalued = revalue_social_return(&db).await?;
            if revalued.revalued > 0 {
                println!(
                    "social return: {} bijdrage(n) opnieuw gewaardeerd, {} van waarde veranderd, samen {}",
                    revalued.revalued, revalued.changed, revalued.delta
                );
            }
            Ok(())
        }
        Command::Org(command) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            accounts::org(&db, command).await
        }
        Command::Import(command) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            stock::import(&db, command).await
        }
        Command::Generate(command) => stock::generate(command),
        Command::Backup(args) => backup::run(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned()), args).await,
        Command::Bench(command) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            bench::run(&db, command).await
        }
        Command::User(command) => {
            let db = Db::open(&cli.database.unwrap_or_else(|| "./volkshuis.db".to_owned())).await?;
            accounts::user(&db, command).await
        }
    }
}

/// Values again the social-return contributions stored under older valuation rules (ADR 0026); nothing to do on a
/// second run.
async fn revalue_social_return(db: &Db) -> anyhow::Result<volkshuis_store::socialreturn::Revalued> {
    let actor = volkshuis_store::audit::Actor::system("herwaardering social return", time::OffsetDateTime::now_utc());
    volkshuis_store::socialreturn::revalue_stored(db, &actor).await.context("re-valuing social-return contributions")
}

async fn serve(db: Db, args: ServeArgs, demo: Option<Vec<volkshuis_demo::DemoLogin>>) -> anyhow::Result<()> {
    // Before the first request: pages read only values computed under the current rules.
    revalue_social_return(&db).await?;
    let listener = TcpListener::bind(args.bind).await.with_context(|| format!("cannot listen on {}", args.bind))?;
    let address = listener.local_addr()?;
    let base_url = args.base_url.unwrap_or_else(|| format!("http://{address}"));
    let host_is_local = base_url.contains("://localhost") || base_url.contains("://127.");
    let config = Config {
        // Browsers accept Secure cookies on https and on localhost; a plain-http host elsewhere would lose them.
        secure_cookies: base_url.starts_with("https://") || host_is_local,
        base_url: base_url.clone(),
        smtp_url: args.smtp_url,
        mail_from: args.mail_from,
        trust_proxy: args.trust_proxy,
        candidate_names_days: args.candidate_names_days.max(0),
        join_request_days: args.join_request_days.max(0),
        buyer_data_days: args.buyer_data_days.max(0),
        outbox_days: args.outbox_days.max(0),
        metrics_token: args.metrics_token.filter(|token| !token.is_empty()),
    };
    let state = AppState::new(db.clone(), Clock::system(), config);
    let worker = volkshuis_web::spawn_worker(state.clone(), Duration::from_secs(args.job_interval.max(1)));
    println!("Volkshuis draait op {base_url}");
    if let Some(logins) = demo {
        println!("Demo-accounts (wachtwoord: {}):", volkshuis_demo::DEMO_PASSWORD);
        for login in logins {
            println!("  {:<36} {}", login.email, login.description);
        }
    }
    println!("Stoppen: Ctrl+C");
    let app = volkshuis_web::router(state).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).with_graceful_shutdown(shutdown_signal()).await.context("server")?;
    worker.stop().await;
    db.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
