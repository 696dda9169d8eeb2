//! Social return's side of the register: a purchase reported from a registered enterprise is checked at its date
//! against the enterprise's certificates ([`purchase_certificate`], which takes the one the buyer's table values
//! highest, [`choose_certificate`]), linked to the enterprise in the report's transaction ([`link_purchase`]), and
//! shown to the contract's parties ([`bought_from`]).

use super::{enterprise, CertificateRow, Enterprise};
use crate::socialreturn::{Contract, Relation};
use crate::sql;
use crate::{Db, Result, StoreError, Tx};
use time::Date;
use volkshuis_domain::access::WriteScope;
use volkshuis_domain::initiatieven::enterprise::{social_return_certificate, valid_on};
use volkshuis_domain::socialreturn::Certificate;

/// What the register says about a purchase from an enterprise on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PurchaseCheck {
    /// No enterprise has that id.
    Unknown,
    /// A certificate was valid that day: the enterprise's name and the certificate as Social return values it.
    Certified {
        /// The enterprise's name, as the register has it.
        name: String,
        /// The certificate chosen (see [`choose_certificate`]).
        certificate: Certificate,
    },
    /// No certificate was valid that day; the last one to end before it ended on `until`.
    Expired {
        /// The enterprise's name.
        name: String,
        /// The last valid day of the certificate that ended last before the purchase.
        until: Date,
    },
    /// No certificate was valid that day; the first to start after it started on `from`.
    NotYetValid {
        /// The enterprise's name.
        name: String,
        /// The first valid day of the certificate that starts first after the purchase.
        from: Date,
    },
    /// The enterprise has no certificate at all.
    NoCertificate {
        /// The enterprise's name.
        name: String,
    },
}

/// The certificate a purchase on `on` counts with: of the certificates valid that day (with a Social return
/// equivalent), the one the buyer's table values highest (`share`, the percentage of the invoice it counts); where
/// the table values none of them, or several alike, the first in Social return's own order (Code SO, SE NL, PSO
/// aspirant up to PSO 30+), so the choice never depends on the order of entry.
pub fn choose_certificate(
    certificates: &[CertificateRow],
    on: Date,
    share: impl Fn(Certificate) -> Option<u32>,
) -> Option<Certificate> {
    let mut valid: Vec<Certificate> = certificates
        .iter()
        .filter(|c| valid_on(c.valid_from, c.valid_until, on))
        .filter_map(|c| social_return_certificate(c.kind, c.level))
        .collect();
    valid.sort();
    valid.dedup();
    // The highest share wins; `max_by_key` keeps the last of equals, so walk Social return's order backwards.
    valid.into_iter().rev().max_by_key(|c| share(*c).map_or(-1, i64::from))
}

/// Checks a purchase from enterprise `enterprise_id` on `on` against its certificates (by id, whatever the form
/// showed): which certificate it counts with, or why it does not count.
pub async fn purchase_certificate(
    db: &Db,
    enterprise_id: i64,
    on: Date,
    share: impl Fn(Certificate) -> Option<u32>,
) -> Result<PurchaseCheck> {
    let Some(found) = enterprise(db, enterprise_id).await? else { return Ok(PurchaseCheck::Unknown) };
    let name = found.input.name;
    if let Some(certificate) = choose_certificate(&found.certificates, on, share) {
        return Ok(PurchaseCheck::Certified { name, certificate });
    }
    let ended = found.certificates.iter().filter(|c| c.valid_until < on).map(|c| c.valid_until).max();
    let starts = found.certificates.iter().filter(|c| c.valid_from > on).map(|c| c.valid_from).min();
    Ok(match (ended, starts) {
        (Some(until), _) => PurchaseCheck::Expired { name, until },
        (None, Some(from)) => PurchaseCheck::NotYetValid { name, from },
        // Certificates valid that day without a Social return equivalent (a PSO certificate without its level
        // cannot be entered) are not certificates a purchase counts with.
        (None, None) => PurchaseCheck::NoCertificate { name },
    })
}

/// Records that a purchase the supplier just reported on its contract was bought from enterprise `enterprise_id`,
/// in the report's transaction. `NotFound` for anything but a purchase on this supplier's contract.
///
/// `_scope` is the proof that the caller was granted a write on the organisation through which it opened the
/// contract.
pub async fn link_purchase(
    tx: &mut Tx,
    _scope: &WriteScope,
    contract: &Contract,
    contribution_id: i64,
    enterprise_id: i64,
) -> Result<()> {
    if contract.relation != Relation::Supplier {
        return Err(StoreError::NotFound);
    }
    let done = sql::query(
        "UPDATE sr_contributions SET enterprise_id = $1 WHERE id = $2 AND contract_id = $3 AND kind = 'purchase' \
         AND EXISTS (SELECT 1 FROM in_enterprises WHERE id = $1)",
    )
    .bind(enterprise_id)
    .bind(contribution_id)
    .bind(contract.id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}

/// A registered enterprise bought from on a contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoughtFrom {
    /// The enterprise, with its certificates.
    pub enterprise: Enterprise,
    /// Purchases reported (not rejected).
    pub purchases: i64,
}

/// The registered enterprises the supplier of a contract the caller opened bought from (purchases not rejected), by
/// name.
pub async fn bought_from(db: &Db, contract: &Contract) -> Result<Vec<BoughtFrom>> {
    let rows = sql::query(
        "SELECT enterprise_id, COUNT(*) AS purchases FROM sr_contributions WHERE contract_id = $1 \
         AND enterprise_id IS NOT NULL AND status <> 'rejected' GROUP BY enterprise_id",
    )
    .bind(contract.id)
    .fetch_all(db)
    .await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        if let Some(enterprise) = enterprise(db, row.try_get("enterprise_id")?).await? {
            out.push(BoughtFrom { enterprise, purchases: row.try_get("purchases")? });
        }
    }
    out.sort_by(|a, b| a.enterprise.input.name.cmp(&b.enterprise.input.name));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use volkshuis_domain::initiatieven::enterprise::{CertificateKind, PsoLevel};

    fn cert(kind: CertificateKind, level: Option<PsoLevel>, from: Date, until: Date) -> CertificateRow {
        CertificateRow {
            id: 0,
            kind,
            level,
            valid_from: from,
            valid_until: until,
            recorded_by: String::new(),
            file_name: None,
        }
    }

    #[test]
    fn the_certificate_the_buyer_values_highest_counts() {
        let (from, until) = (date!(2025 - 01 - 01), date!(2026 - 12 - 31));
        let certificates = [
            cert(CertificateKind::SocialEnterpriseNl, None, from, until),
            cert(CertificateKind::Pso, Some(PsoLevel::Trede2), from, until),
            cert(CertificateKind::CodeSocialeOndernemingen, None, from, date!(2025 - 06 - 30)),
        ];
        let twente = |c: Certificate| match c {
            Certificate::CodeSocialeOndernemingen => Some(100),
            Certificate::SocialEnterpriseNl => Some(50),
            Certificate::PsoTrede2 => Some(70),
            _ => None,
        };
        // Code SO would count 100% but ended on 30 June 2025; PSO trede 2 (70%) beats SE NL (50%).
        assert_eq!(choose_certificate(&certificates, date!(2026 - 03 - 01), twente), Some(Certificate::PsoTrede2));
        assert_eq!(
            choose_certificate(&certificates, date!(2025 - 06 - 30), twente),
            Some(Certificate::CodeSocialeOndernemingen),
            "the last valid day still counts"
        );
        // A table that values none of them: Social return's own order decides.
        assert_eq!(
            choose_certificate(&certificates, date!(2026 - 03 - 01), |_| None),
            Some(Certificate::SocialEnterpriseNl)
        );
        assert_eq!(choose_certificate(&certificates, date!(2027 - 01 - 01), twente), None);
    }
}
