//! The register of social enterprises (issue 22): name, KvK number, what they make or do, the region they serve, and
//! their certificates (PSO with its level, Code Sociale Ondernemingen, Social Enterprise NL), each entered with the
//! evidence file that proves it, since no register offers a public API.
//!
//! The register is platform-wide: suppliers of any buyer buy from it, so any signed-in user reads it. It is written
//! by a [`Registrar`] only — a corporation's staff or administrator through their own membership, or a platform
//! administrator — and only a registrar downloads an evidence file. A supplier in Social return who reports a
//! purchase from a registered enterprise has its certificate checked at the purchase date ([`purchase_certificate`])
//! and the purchase linked to the enterprise ([`link_purchase`]); the buyer sees whom its suppliers buy from
//! ([`bought_from`]).

mod purchases;

pub use purchases::{bought_from, choose_certificate, link_purchase, purchase_certificate, BoughtFrom, PurchaseCheck};

use super::date;
use crate::audit::{self, Actor, Change};
use crate::overleg::date_to_text;
use crate::{like, sql};
use crate::{timestamp, Db, Result, StoreError, Tx};
use serde_json::json;
use time::{Date, OffsetDateTime};
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::initiatieven::enterprise::{CertificateKind, PsoLevel};
use volkshuis_domain::org::OrgKind;

/// Who writes the register: proof that the caller may, and the organisation the entries are recorded for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registrar {
    /// The corporation acted for; `None` for a platform administrator.
    org_id: Option<i64>,
}

impl Registrar {
    /// A staff member or administrator of a corporation, through their own membership: only a write scope opens it,
    /// and every write checks that its organisation is a corporation (another kind writes nothing).
    pub fn corporation(scope: &WriteScope) -> Self {
        Self { org_id: Some(scope.org_id()) }
    }

    /// A platform administrator, acting for no organisation.
    ///
    /// Unchecked by design. Its one caller is the web layer's register handler, entitled because it has just read
    /// the user's platform-administrator flag with the live session.
    pub fn platform_admin() -> Self {
        Self { org_id: None }
    }

    /// The corporation acted for; `None` for a platform administrator.
    pub fn org_id(&self) -> Option<i64> {
        self.org_id
    }

    /// Whether the registrar's organisation (if any) is a corporation.
    async fn entitled(&self, tx: &mut Tx) -> Result<bool> {
        let Some(org) = self.org_id else { return Ok(true) };
        Ok(crate::orgs::kind_of(&mut *tx, org).await? == Some(OrgKind::Corporation))
    }
}

/// What the register holds about an enterprise (checked at the edge).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EnterpriseInput {
    /// Name.
    pub name: String,
    /// KvK number: eight digits, unique in the register.
    pub kvk: String,
    /// What it makes or does.
    pub activity: String,
    /// The region it serves.
    pub region: String,
    /// Its website.
    pub website: Option<String>,
}

/// A certificate as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRow {
    /// Id.
    pub id: i64,
    /// The register or scheme.
    pub kind: CertificateKind,
    /// The PSO level.
    pub level: Option<PsoLevel>,
    /// First valid day.
    pub valid_from: Date,
    /// Last valid day.
    pub valid_until: Date,
    /// Who recorded it.
    pub recorded_by: String,
    /// Its evidence file's name, if stored.
    pub file_name: Option<String>,
}

/// An enterprise with its certificates (the latest ending first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enterprise {
    /// Id.
    pub id: i64,
    /// The registered facts.
    pub input: EnterpriseInput,
    /// The corporation that registered it, by name (none for a platform administrator).
    pub registered_by: Option<String>,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: OffsetDateTime,
    /// Its certificates, the latest ending first.
    pub certificates: Vec<CertificateRow>,
}

/// A certificate to register (checked at the edge with the domain's `certificate_problems`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCertificate {
    /// The register or scheme.
    pub kind: CertificateKind,
    /// The PSO level.
    pub level: Option<PsoLevel>,
    /// First valid day.
    pub valid_from: Date,
    /// Last valid day.
    pub valid_until: Date,
}

/// A certificate's evidence file (its kind and size checked at the edge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFile {
    /// The file name as uploaded.
    pub file_name: String,
    /// Its content type.
    pub content_type: String,
    /// The content.
    pub content: Vec<u8>,
}

/// What the list asks for.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Text found in the name, KvK number or region.
    pub text: Option<String>,
    /// Only enterprises with a certificate valid on this day.
    pub valid_on: Option<Date>,
}

/// The most the list shows at once; a search narrows it.
pub const LIST_LIMIT: i64 = 200;

const ENTERPRISE_COLUMNS: &str = "e.id, e.name, e.kvk, e.activity, e.region, e.website, o.name AS registered_by, \
     e.updated_by, e.updated_at";
const ENTERPRISE_FROM: &str = "FROM in_enterprises e LEFT JOIN organisations o ON o.id = e.registered_by_org";

/// The condition of the list's filter on `e`, its text at `$1` (empty for none; folded by `like::fold`) and its day
/// at `$2` (empty for none).
fn filter_where(backend: crate::Backend) -> String {
    let (name, region) = (like::lower(backend, "e.name"), like::lower(backend, "e.region"));
    format!(
        "($1 = '' OR {name} LIKE $1 ESCAPE '\\' OR e.kvk LIKE $1 ESCAPE '\\' OR {region} LIKE $1 ESCAPE '\\') \
         AND ($2 = '' OR EXISTS (SELECT 1 FROM in_certificates c \
         WHERE c.enterprise_id = e.id AND c.valid_from <= $2 AND c.valid_until >= $2))"
    )
}

fn enterprise_from(row: &sql::Row) -> Result<Enterprise> {
    Ok(Enterprise {
        id: row.try_get("id")?,
        input: EnterpriseInput {
            name: row.try_get("name")?,
            kvk: row.try_get("kvk")?,
            activity: row.try_get("activity")?,
            region: row.try_get("region")?,
            website: row.try_get("website")?,
        },
        registered_by: row.try_get("registered_by")?,
        updated_by: row.try_get("updated_by")?,
        updated_at: timestamp::from_unix(row.try_get("updated_at")?),
        certificates: Vec::new(),
    })
}

fn certificate_from(row: &sql::Row) -> Result<(i64, CertificateRow)> {
    let kind: String = row.try_get("kind")?;
    let kind = CertificateKind::parse(&kind)
        .map_err(|_| StoreError::Corrupt { column: "in_certificates.kind", value: kind.clone() })?;
    let level = match row.try_get::<Option<String>, _>("level")? {
        Some(code) => Some(
            PsoLevel::parse(&code).map_err(|_| StoreError::Corrupt { column: "in_certificates.level", value: code })?,
        ),
        None => None,
    };
    Ok((
        row.try_get("enterprise_id")?,
        CertificateRow {
            id: row.try_get("id")?,
            kind,
            level,
            valid_from: date(row, "valid_from")?,
            valid_until: date(row, "valid_until")?,
            recorded_by: row.try_get("recorded_by")?,
            file_name: row.try_get("file_name")?,
        },
    ))
}

const CERTIFICATE_SELECT: &str = "SELECT c.id, c.enterprise_id, c.kind, c.level, c.valid_from, c.valid_until, \
     c.recorded_by, f.file_name FROM in_certificates c LEFT JOIN in_certificate_files f ON f.certificate_id = c.id";

/// Puts the certificates read by `rows` with their enterprises.
fn attach(enterprises: &mut [Enterprise], rows: &[sql::Row]) -> Result<()> {
    for row in rows {
        let (enterprise_id, certificate) = certificate_from(row)?;
        if let Some(e) = enterprises.iter_mut().find(|e| e.id == enterprise_id) {
            e.certificates.push(certificate);
        }
    }
    Ok(())
}

/// The register by name, as far as `filter` lets through, at most [`LIST_LIMIT`] + 1 (so the caller can say there
/// are more), each with its certificates.
pub async fn enterprises(db: &Db, filter: &Filter) -> Result<Vec<Enterprise>> {
    let text = filter.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let text = text.map(|t| like::contains(&like::fold(t))).unwrap_or_default();
    let filter_where = filter_where(db.backend());
    let day = filter.valid_on.map(date_to_text).unwrap_or_default();
    let rows = sql::query(&format!(
        "SELECT {ENTERPRISE_COLUMNS} {ENTERPRISE_FROM} WHERE {filter_where} ORDER BY e.name, e.id LIMIT $3"
    ))
    .bind(text.clone())
    .bind(day.clone())
    .bind(LIST_LIMIT + 1)
    .fetch_all(db)
    .await?;
    let mut list = rows.iter().map(enterprise_from).collect::<Result<Vec<_>>>()?;
    let certificates = sql::query(&format!(
        "{CERTIFICATE_SELECT} WHERE c.enterprise_id IN (SELECT e.id FROM in_enterprises e WHERE {filter_where} \
         ORDER BY e.name, e.id LIMIT $3) ORDER BY c.valid_until DESC, c.id DESC"
    ))
    .bind(text)
    .bind(day)
    .bind(LIST_LIMIT + 1)
    .fetch_all(db)
    .await?;
    attach(&mut list, &certificates)?;
    Ok(list)
}

/// One enterprise with its certificates; `None` for an unknown id.
pub async fn enterprise(db: &Db, id: i64) -> Result<Option<Enterprise>> {
    let row = sql::query(&format!("SELECT {ENTERPRISE_COLUMNS} {ENTERPRISE_FROM} WHERE e.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut found = [enterprise_from(&row)?];
    let certificates =
        sql::query(&format!("{CERTIFICATE_SELECT} WHERE c.enterprise_id = $1 ORDER BY c.valid_until DESC, c.id DESC"))
            .bind(id)
            .fetch_all(db)
            .await?;
    attach(&mut found, &certificates)?;
    let [found] = found;
    Ok(Some(found))
}

/// The enterprise with KvK number `kvk`: (id, name).
pub async fn by_kvk(db: &Db, kvk: &str) -> Result<Option<(i64, String)>> {
    let row = sql::query("SELECT id, name FROM in_enterprises WHERE kvk = $1").bind(kvk).fetch_optional(db).await?;
    row.map(|r| Ok((r.try_get("id")?, r.try_get("name")?))).transpose()
}

/// The enterprises a purchase form offers: (id, name, KvK number, whether a certificate is valid on `today`), by
/// name. An enterprise without a valid certificate is still offered (a purchase counts at its own date), marked.
pub async fn choices(db: &Db, today: Date) -> Result<Vec<(i64, String, String, bool)>> {
    let rows = sql::query(
        "SELECT e.id, e.name, e.kvk, EXISTS (SELECT 1 FROM in_certificates c WHERE c.enterprise_id = e.id \
         AND c.valid_from <= $1 AND c.valid_until >= $1) AS valid FROM in_enterprises e ORDER BY e.name, e.id",
    )
    .bind(date_to_text(today))
    .fetch_all(db)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("id")?, r.try_get("name")?, r.try_get("kvk")?, r.try_get::<bool, _>("valid")?)))
        .collect()
}

/// Registers an enterprise (`id` `None`) or updates one. `Ok(None)` for an unknown id or a registrar whose
/// organisation is not a corporation; [`StoreError::Duplicate`] when another enterprise has the KvK number.
pub async fn save_enterprise(
    db: &Db,
    registrar: &Registrar,
    actor: &Actor,
    id: Option<i64>,
    input: &EnterpriseInput,
) -> Result<Option<i64>> {
    let mut tx = db.begin().await?;
    if !registrar.entitled(&mut tx).await? {
        return Ok(None);
    }
    let values = |q: sql::Query<'static>| {
        q.bind(input.name.clone())
            .bind(input.kvk.clone())
            .bind(input.activity.clone())
            .bind(input.region.clone())
            .bind(input.website.clone())
            .bind(actor.name())
            .bind(timestamp::to_unix(actor.at))
    };
    let saved: Option<i64> = match id {
        None => {
            let q = sql::query(
                "INSERT INTO in_enterprises (name, kvk, activity, region, website, updated_by, updated_at, \
                 registered_by_org) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
            );
            let row = values(q).bind(registrar.org_id).fetch_one(&mut tx).await?;
            Some(row.try_get("id")?)
        }
        Some(id) => {
            let q = sql::query(
                "UPDATE in_enterprises SET name = $1, kvk = $2, activity = $3, region = $4, website = $5, \
                 updated_by = $6, updated_at = $7 WHERE id = $8",
            );
            let done = values(q).bind(id).execute(&mut tx).await?;
            (done.rows_affected() > 0).then_some(id)
        }
    };
    let Some(saved) = saved else { return Ok(None) };
    let action = if id.is_some() { "update" } else { "create" };
    let mut change = Change::event(registrar.org_id, action, "in_enterprise", saved.to_string());
    change.after = Some(json!({ "name": input.name, "kvk": input.kvk }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(saved))
}

/// Registers a certificate of an enterprise with its evidence file, in one transaction. `Ok(None)` for an unknown
/// enterprise or a registrar whose organisation is not a corporation.
pub async fn add_certificate(
    db: &Db,
    registrar: &Registrar,
    actor: &Actor,
    enterprise_id: i64,
    certificate: &NewCertificate,
    file: &EvidenceFile,
) -> Result<Option<i64>> {
    let mut tx = db.begin().await?;
    if !registrar.entitled(&mut tx).await? {
        return Ok(None);
    }
    let id: Option<i64> = sql::query_scalar(
        "INSERT INTO in_certificates (enterprise_id, kind, level, valid_from, valid_until, recorded_by, created_at) \
         SELECT id, $1, $2, $3, $4, $5, $6 FROM in_enterprises WHERE id = $7 RETURNING id",
    )
    .bind(certificate.kind.code())
    .bind(certificate.level.map(PsoLevel::code))
    .bind(date_to_text(certificate.valid_from))
    .bind(date_to_text(certificate.valid_until))
    .bind(actor.name())
    .bind(timestamp::to_unix(actor.at))
    .bind(enterprise_id)
    .fetch_optional(&mut tx)
    .await?;
    let Some(id) = id else { return Ok(None) };
    sql::query(
        "INSERT INTO in_certificate_files (certificate_id, file_name, content_type, size, content, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(file.file_name.clone())
    .bind(file.content_type.clone())
    .bind(file.content.len() as i64)
    .bind(file.content.clone())
    .bind(timestamp::to_unix(actor.at))
    .execute(&mut tx)
    .await?;
    let mut change = Change::event(registrar.org_id, "create", "in_certificate", id.to_string());
    change.after = Some(json!({
        "enterprise_id": enterprise_id,
        "kind": certificate.kind.code(),
        "level": certificate.level.map(PsoLevel::code),
        "valid_from": date_to_text(certificate.valid_from),
        "valid_until": date_to_text(certificate.valid_until),
        "file_name": file.file_name,
    }));
    audit::record(tx.conn(), actor, change).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// The evidence file of a certificate of enterprise `enterprise_id`, for a registrar only (the proof is the
/// argument); `None` when there is none.
pub async fn certificate_file(
    db: &Db,
    _registrar: &Registrar,
    enterprise_id: i64,
    certificate_id: i64,
) -> Result<Option<EvidenceFile>> {
    let row = sql::query(
        "SELECT f.file_name, f.content_type, f.content FROM in_certificate_files f \
         JOIN in_certificates c ON c.id = f.certificate_id WHERE c.id = $1 AND c.enterprise_id = $2",
    )
    .bind(certificate_id)
    .bind(enterprise_id)
    .fetch_optional(db)
    .await?;
    row.map(|r| {
        Ok(EvidenceFile {
            file_name: r.try_get("file_name")?,
            content_type: r.try_get("content_type")?,
            content: r.try_get("content")?,
        })
    })
    .transpose()
}
