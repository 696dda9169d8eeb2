//! `volkshuis import units …` and `volkshuis generate units …`.

use anyhow::{bail, Context};
use clap::Subcommand;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;
use volkshuis_domain::bezit::import::{error_report_csv, RowProblem, StockReader};
use volkshuis_domain::bezit::synthetic::{header, Generator};
use volkshuis_domain::org::{OrgCode, OrgKind};
use volkshuis_store::audit::Actor;
use volkshuis_store::stock::{import_units, ImportOptions};
use volkshuis_store::{orgs, Db};

#[derive(Subcommand)]
pub enum ImportCommand {
    /// Import a corporation's stock file (CSV as Dutch Excel writes it; see docs/import-format.md).
    Units {
        /// The file.
        file: PathBuf,
        /// The corporation's organisation code.
        #[arg(long)]
        corporation: String,
        /// Check the file and count what would change, without writing.
        #[arg(long)]
        dry_run: bool,
        /// Mark units that are missing from this full file as out of use.
        #[arg(long)]
        mark_missing: bool,
        /// With --mark-missing: the stock is now empty, so a file without any unit may mark every unit out of use
        /// (without it, such a file is refused).
        #[arg(long, requires = "mark_missing")]
        confirm_empty_stock: bool,
        /// Import the valid rows even when other rows have errors.
        #[arg(long)]
        import_valid_rows: bool,
        /// The year of the CBS gemeente, wijk and buurt codes in the file.
        #[arg(long, default_value_t = 2023)]
        cbs_year: i64,
        /// Write the error report (CSV) to this file.
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Import gemeente, wijk or buurt boundaries (GeoJSON or TopoJSON, WGS84, CBS codes) and give units with a
    /// position but no codes the codes of the areas they lie in.
    Boundaries {
        /// The file.
        file: PathBuf,
        /// The year of the codes, when the file does not say (`jrstatcode`).
        #[arg(long)]
        year: Option<i64>,
    },
    /// Import the official VERA code list (Referentiedata.csv), replacing the stored one.
    Referentiedata {
        /// The file.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum GenerateCommand {
    /// Write a synthetic stock file in the import format.
    Units {
        /// Number of units.
        #[arg(long)]
        count: u64,
        /// Seed: the same seed gives the same file.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output file.
        #[arg(long)]
        out: PathBuf,
        /// Place the complexes inside these real municipalities (GeoJSON or TopoJSON boundaries).
        #[arg(long)]
        boundaries: Option<PathBuf>,
    },
}

pub async fn import(db: &Db, command: ImportCommand) -> anyhow::Result<()> {
    let (file, corporation, options, report) = match command {
        ImportCommand::Referentiedata { file } => return referentiedata(db, &file).await,
        ImportCommand::Boundaries { file, year } => return boundaries(db, &file, year).await,
        ImportCommand::Units {
            file,
            corporation,
            dry_run,
            mark_missing,
            confirm_empty_stock,
            import_valid_rows,
            cbs_year,
            report,
        } => {
            let options = ImportOptions { dry_run, mark_missing, confirm_empty_stock, import_valid_rows, cbs_year };
            (file, corporation, options, report)
        }
    };
    let code = OrgCode::parse(&corporation).map_err(|e| anyhow::anyhow!("--corporation: {e}"))?;
    let org = orgs::by_code(db, &code).await?.with_context(|| format!("no organisation with code {code}"))?;
    if org.kind != OrgKind::Corporation {
        bail!("{code} is not a corporation");
    }
    let opened = File::open(&file).with_context(|| format!("cannot open {}", file.display()))?;
    let reader = StockReader::new(BufReader::with_capacity(1 << 20, opened))
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    eprintln!("scheidingsteken '{}', {} kolommen", reader.delimiter(), reader.headers().len());
    let actor = Actor::system("command line", time::OffsetDateTime::now_utc());
    let source = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut progress = |rows: u64| {
        if rows.is_multiple_of(10_000) {
            eprintln!("{rows} regels gelezen…");
        }
    };
    let summary =
        import_units(db, &crate::operator_scope(org.id), &actor, &source, reader, options, &mut progress).await?;
    for warning in &summary.warnings {
        eprintln!("let op: {warning}");
    }
    for error in summary.errors.iter().take(50) {
        eprintln!("regel {}, kolom {}: {} (waarde: {:?})", error.line, error.column, error.reason, error.value);
    }
    if summary.errors.len() > 50 {
        eprintln!("… en nog {} fouten", summary.errors.len() - 50);
    }
    if summary.errors.iter().any(|e| matches!(e.reason, RowProblem::EmptyStockUnconfirmed { .. })) {
        eprintln!("is het bezit echt leeg? geef dan ook --confirm-empty-stock");
    }
    if let Some(path) = report {
        std::fs::write(&path, error_report_csv(&summary.errors))
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let counts = format!(
        "{} eenheden ({} nieuw, {} gewijzigd, {} ongewijzigd); {} ontbreken in het bestand{}",
        summary.new + summary.changed + summary.unchanged,
        summary.new,
        summary.changed,
        summary.unchanged,
        summary.missing,
        if summary.marked_missing > 0 {
            format!(", {} buiten gebruik gezet", summary.marked_missing)
        } else {
            String::new()
        },
    );
    if summary.written {
        println!("ingelezen voor {}: {counts}", org.name);
        let filled = summary.filled;
        if filled.any() {
            println!(
                "uit de ligging: {} gemeentecodes, {} wijkcodes, {} buurtcodes aangevuld",
                filled.gemeente, filled.wijk, filled.buurt
            );
        }
        Ok(())
    } else if options.dry_run && summary.errors.is_empty() {
        println!("controle zonder fouten: {counts}; er is niets opgeslagen");
        Ok(())
    } else {
        let mut lines: Vec<u64> = summary.errors.iter().map(|e| e.line).collect();
        lines.sort_unstable();
        lines.dedup();
        bail!("{} regel(s) met fouten; er is niets opgeslagen", lines.len())
    }
}

async fn boundaries(db: &Db, file: &std::path::Path, year: Option<i64>) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let areas = volkshuis_domain::boundaries::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let year = match year.or_else(|| areas.first().and_then(|a| a.year).map(i64::from)) {
        Some(year) => year,
        None => bail!("the file does not say the year of its codes; give it with --year"),
    };
    let actor = Actor::system("command line", time::OffsetDateTime::now_utc());
    let stored = volkshuis_store::areas::replace(db, &actor, year, &areas).await?;
    println!("{stored} gebieden opgeslagen (codes van {year})");
    let filled = volkshuis_store::areas::fill_missing_codes(db, &actor, None).await?;
    println!(
        "uit de ligging: {} gemeentecodes, {} wijkcodes, {} buurtcodes aangevuld",
        filled.gemeente, filled.wijk, filled.buurt
    );
    Ok(())
}

async fn referentiedata(db: &Db, file: &std::path::Path) -> anyhow::Result<()> {
    let opened = File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    let (codes, warnings) = volkshuis_domain::vera::parse(BufReader::new(opened)).map_err(|e| {
        if let volkshuis_domain::vera::RefFileError::Rows(errors) = &e {
            for error in errors {
                eprintln!("{error}");
            }
        }
        anyhow::anyhow!("{}: {e}", file.display())
    })?;
    for w in &warnings {
        eprintln!(
            "let op: regel {}, kolom {}: onleesbare datum {:?}; de code is opgeslagen zonder die datum",
            w.line, w.column, w.value
        );
    }
    let actor = Actor::system("command line", time::OffsetDateTime::now_utc());
    let stored = volkshuis_store::vera::replace_all(db, &actor, &codes).await?;
    let retired = codes.iter().filter(|c| c.retired).count();
    println!("{stored} VERA-codes opgeslagen ({retired} vervallen), {} waarschuwingen", warnings.len());
    Ok(())
}

pub fn generate(command: GenerateCommand) -> anyhow::Result<()> {
    let GenerateCommand::Units { count, seed, out, boundaries } = command;
    let areas = match boundaries {
        Some(path) => {
            let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
            volkshuis_domain::boundaries::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => Vec::new(),
    };
    let file = File::create(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut writer = BufWriter::with_capacity(1 << 20, file);
    writeln!(writer, "{}", header())?;
    for row in Generator::new(count, seed).within(areas) {
        writeln!(writer, "{row}")?;
    }
    writer.flush()?;
    println!("{count} eenheden geschreven naar {}", out.display());
    Ok(())
}
