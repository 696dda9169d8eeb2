//! Signalering (issue 20, ADR 0043): the arrears ledger and its verdicts, signals from landlord to municipality,
//! triage and outreach, what the landlord hears back, soft signals to partners, retention and figures.
//!
//! The strictest data in the platform. Every read of a person goes through a [`PersonalScope`]: made only from a
//! [`WriteScope`] (a member who may change the organisation's data: staff or admin; never a read-only member) and a
//! [`Purpose`], and written to the audit log with that purpose. Every query is bound to the scope's organisation in
//! its own role: the sender's signals, the recipient's inbox, the partner's referrals. Counts (figures) need no
//! personal scope and name nobody.

pub mod bench;
pub mod buckets;
pub mod figures;
pub mod ledger;
pub mod partners;
pub mod retention;
pub mod settings;
pub mod signals;
pub mod soft;

use crate::audit::{self, Actor, Change};
use crate::{Conn, Result};
use serde_json::json;
use volkshuis_domain::access::WriteScope;

/// Why personal data is read; written with every read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The landlord checks its ledger's verdicts and the signals it sent, and follows them up.
    SendAndFollow,
    /// The landlord delivers signals to a gemeente not on the platform, by file.
    DeliverByFile,
    /// The municipality contacts the household.
    Outreach,
    /// The municipality's own reporting export.
    MunicipalReport,
    /// The corporation records and refers soft signals.
    SoftSignals,
    /// A partner works a referral.
    Referral,
}

impl Purpose {
    /// The code written to the audit log.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::SendAndFollow => "verzending_en_terugkoppeling",
            Purpose::DeliverByFile => "levering_per_bestand",
            Purpose::Outreach => "contact_met_huishouden",
            Purpose::MunicipalReport => "gemeentelijke_rapportage",
            Purpose::SoftSignals => "zachte_signalen",
            Purpose::Referral => "doorverwijzing",
        }
    }
}

/// Proof that a member who may change the organisation's data reads its personal data for a purpose.
#[derive(Debug, Clone, Copy)]
pub struct PersonalScope {
    org_id: i64,
    purpose: Purpose,
}

impl PersonalScope {
    /// Opens the organisation's personal data of this module for `purpose`. Only a write scope opens it: a
    /// read-only member sees the figures, never a person.
    pub fn new(scope: &WriteScope, purpose: Purpose) -> Self {
        Self { org_id: scope.org_id(), purpose }
    }

    /// The organisation whose data this opens.
    pub fn org_id(&self) -> i64 {
        self.org_id
    }

    /// Why.
    pub fn purpose(&self) -> Purpose {
        self.purpose
    }
}

/// Writes the read of personal data to the audit log: what was read (`entity`, with an id or a list's name), the
/// ids of the rows read (so "who saw my data?" can be answered), and why. No personal data goes into the entry.
pub(crate) async fn log_read(
    conn: Conn<'_>,
    actor: &Actor,
    scope: &PersonalScope,
    (entity, entity_id): (&'static str, String),
    ids: &[i64],
) -> Result<()> {
    let mut change = Change::event(Some(scope.org_id), "read_personal", entity, entity_id);
    change.personal_data = true;
    change.after = Some(json!({ "purpose": scope.purpose.code(), "persons": ids.len(), "ids": ids }));
    audit::record(conn, actor, change).await
}

/// The ids of the rows a read returned, for its audit entry.
pub(crate) fn ids_of<T>(rows: &[T], id: impl Fn(&T) -> i64) -> Vec<i64> {
    rows.iter().map(id).collect()
}

/// An optional stored date, read from a row.
pub(crate) fn opt_date(row: &crate::sql::Row, column: &'static str) -> Result<Option<time::Date>> {
    crate::overleg::optional_date(column, row.try_get(column)?)
}

/// A stored date, read from a row.
pub(crate) fn date(row: &crate::sql::Row, column: &'static str) -> Result<time::Date> {
    crate::overleg::date_from_text(column, &row.try_get::<String, _>(column)?)
}
