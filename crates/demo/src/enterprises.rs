//! Demo register of social enterprises: five firms around the IJssel that suppliers can buy from, each with its
//! certificate and evidence file — the window-frame factory whose Code Sociale Ondernemingen registration the demo
//! contract's purchase was checked against, a green-maintenance crew whose PSO certificate expires within weeks, a
//! cleaning company whose PSO certificate has expired, a second-hand shop in Social Enterprise NL and a print shop on
//! PSO trede 3. The demo contract's purchase from the window-frame factory is linked to its entry. Dates lie around
//! the seed day; the names and KvK numbers are invented.

use crate::history::Timeline;
use crate::seed_scope;
use time::Duration;
use volkshuis_domain::initiatieven::enterprise::{CertificateKind, PsoLevel};
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_store::initiatieven::enterprises::{self, EnterpriseInput, EvidenceFile, NewCertificate, Registrar};
use volkshuis_store::socialreturn;
use volkshuis_store::Db;

/// Who keeps the register in the demo: Woonstad's staff member.
const STAFF: &str = "medewerker@woonstad.test";

/// An enterprise of the demo: (name, KvK, activity, region, website, [(kind, level, valid from days ago, valid
/// until days from the seed day (negative: in the past))]).
type Planned = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static [(CertificateKind, Option<PsoLevel>, i64, i64)],
);

/// The seller of the demo contract's purchase (see `sr_contract`).
const WINDOW_FRAMES: &str = "Kozijnfabriek De Werkplaats";

const PLANNED: &[Planned] = &[
    (
        WINDOW_FRAMES,
        "90417263",
        "Houten en kunststof kozijnen op maat, gemaakt door mensen met een afstand tot de arbeidsmarkt.",
        "Deventer en Salland",
        Some("https://www.dewerkplaats-kozijnen.example"),
        &[
            (CertificateKind::CodeSocialeOndernemingen, None, 700, 400),
            (CertificateKind::Pso, Some(PsoLevel::Pso30), 300, 430),
        ],
    ),
    (
        "Groenploeg IJsselland",
        "90583317",
        "Groenonderhoud van tuinen, binnenterreinen en openbaar groen rond complexen.",
        "Zutphen en de Achterhoek",
        None,
        &[(CertificateKind::Pso, Some(PsoLevel::Trede2), 700, 30)],
    ),
    (
        "Samen Schoon Schoonmaak",
        "90736402",
        "Schoonmaak van trappenhuizen, galerijen en kantoren.",
        "Apeldoorn en Deventer",
        Some("https://www.samenschoon.example"),
        &[(CertificateKind::Pso, Some(PsoLevel::Trede1), 820, -90)],
    ),
    (
        "Kringloop De Tweede Ronde",
        "90814459",
        "Kringloopwinkel en ontruimingen bij verhuizing en overlijden.",
        "Deventer",
        None,
        &[(CertificateKind::SocialEnterpriseNl, None, 200, 165)],
    ),
    (
        "Drukkerij Het Atelier",
        "90962178",
        "Drukwerk, bewonersbrieven en bewegwijzering.",
        "Olst-Wijhe en Raalte",
        Some("https://www.hetatelier-druk.example"),
        &[
            (CertificateKind::Pso, Some(PsoLevel::Aspirant), 1100, -370),
            (CertificateKind::Pso, Some(PsoLevel::Trede3), 360, 370),
        ],
    ),
];

/// A small PDF standing in for a scanned certificate.
fn evidence(name: &str, kind: CertificateKind) -> EvidenceFile {
    let content = format!("%PDF-1.4\n% Demo: certificaat {} van {name}\n%%EOF\n", kind.code());
    EvidenceFile {
        file_name: format!("certificaat-{}-{}.pdf", kind.code(), name.to_lowercase().replace(' ', "-")),
        content_type: "application/pdf".to_owned(),
        content: content.into_bytes(),
    }
}

/// Registers the five enterprises with their certificates, and links the demo contract's purchase from the
/// window-frame factory (reported by `supplier`) to it.
pub(crate) async fn seed_enterprises(
    db: &Db,
    corporation: i64,
    supplier: i64,
    timeline: &Timeline,
) -> anyhow::Result<()> {
    let registrar = Registrar::corporation(&seed_scope(corporation));
    let mut window_frames = None;
    for (n, (name, kvk, activity, region, website, certificates)) in PLANNED.iter().enumerate() {
        let input = EnterpriseInput {
            name: (*name).to_owned(),
            kvk: (*kvk).to_owned(),
            activity: (*activity).to_owned(),
            region: (*region).to_owned(),
            website: website.map(str::to_owned),
        };
        // Registered over the last year and a half, one by one.
        let registered_on = timeline.days_ago(540 - 60 * n as i64);
        let registered = timeline.by(STAFF, registered_on, 10);
        let id = enterprises::save_enterprise(db, &registrar, &registered, None, &input)
            .await?
            .ok_or_else(|| anyhow::anyhow!("demo enterprise {name}"))?;
        if *name == WINDOW_FRAMES {
            window_frames = Some(id);
        }
        for (kind, level, from_days_ago, until_days_ahead) in *certificates {
            let certificate = NewCertificate {
                kind: *kind,
                level: *level,
                valid_from: timeline.days_ago(*from_days_ago),
                valid_until: timeline.days_ago(0) + Duration::days(*until_days_ahead),
            };
            // Entered with the enterprise, or when a later certificate came in.
            let recorded = timeline.by(STAFF, certificate.valid_from.max(registered_on), 11);
            enterprises::add_certificate(db, &registrar, &recorded, id, &certificate, &evidence(name, *kind))
                .await?
                .ok_or_else(|| anyhow::anyhow!("demo certificate of {name}"))?;
        }
    }
    let enterprise = window_frames.ok_or_else(|| anyhow::anyhow!("demo window-frame factory"))?;
    link_contract_purchase(db, supplier, enterprise, timeline).await
}

/// Links the demo contract's purchase from the window-frame factory to its entry in the register.
async fn link_contract_purchase(db: &Db, supplier: i64, enterprise: i64, timeline: &Timeline) -> anyhow::Result<()> {
    let scope = seed_scope(supplier);
    let reader = timeline.system(timeline.days_ago(0), 9);
    for contract in socialreturn::contracts(db, scope.as_read(), 50).await? {
        let rows = socialreturn::contributions(db, &contract, &reader, true).await?;
        let purchase = rows
            .iter()
            .find(|r| matches!(&r.contribution, Contribution::Purchase { seller, .. } if seller == WINDOW_FRAMES));
        if let Some(row) = purchase {
            let mut tx = db.begin().await?;
            enterprises::link_purchase(&mut tx, &scope, &contract, row.id, enterprise).await?;
            tx.commit().await?;
        }
    }
    Ok(())
}
