//! Figures: counts only, for the corporation (what it sent) and the municipality (what it received), by month and by
//! place. Read from `sg_facts`, which outlives the signals and names nobody.

use crate::sql;
use crate::{Db, Result};
use volkshuis_domain::access::ReadScope;

/// Which side the organisation is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The landlord that sent.
    Sender,
    /// The municipality that received.
    Recipient,
}

impl Side {
    fn column(self) -> &'static str {
        match self {
            Side::Sender => "sender_org_id",
            Side::Recipient => "recipient_org_id",
        }
    }
}

/// The counts of one month or one place.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Counts {
    /// The month (`2026-11`) or the place's code / complex id.
    pub key: String,
    /// Signals sent.
    pub signals: i64,
    /// Picked up.
    pub picked_up: i64,
    /// Not picked up.
    pub not_picked_up: i64,
    /// Arrears resolved (the contract left the ledger).
    pub resolved: i64,
    /// Evictions prevented.
    pub evictions_prevented: i64,
    /// Evictions carried out.
    pub evictions_carried_out: i64,
}

impl Counts {
    /// Picked up as a share of the signals with a result, in whole percent.
    pub fn picked_up_percent(&self) -> Option<i64> {
        let answered = self.picked_up + self.not_picked_up;
        (answered > 0).then(|| (self.picked_up * 100 + answered / 2) / answered)
    }
}

/// How the counts are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// By the month the signal was sent.
    Month,
    /// By gemeente.
    Gemeente,
    /// By buurt.
    Buurt,
    /// By complex (cluster id).
    Complex,
}

impl Grouping {
    fn column(self) -> &'static str {
        match self {
            Grouping::Month => "sent_month",
            Grouping::Gemeente => "gemeente_code",
            Grouping::Buurt => "buurt_code",
            Grouping::Complex => "cluster_id",
        }
    }
}

/// The organisation's counts on its side, grouped; months oldest first, places by code.
pub async fn counts(db: &Db, scope: &ReadScope, side: Side, grouping: Grouping) -> Result<Vec<Counts>> {
    let key = grouping.column();
    let text = format!(
        "SELECT CAST({key} AS TEXT) AS k, COUNT(*) AS signals, \
         SUM(CASE WHEN outcome_group = 'opgepakt' THEN 1 ELSE 0 END) AS picked_up, \
         SUM(CASE WHEN outcome_group = 'niet_opgepakt' THEN 1 ELSE 0 END) AS not_picked_up, \
         SUM(CASE WHEN resolved_on IS NOT NULL THEN 1 ELSE 0 END) AS resolved, \
         SUM(CASE WHEN eviction = 'voorkomen' THEN 1 ELSE 0 END) AS prevented, \
         SUM(CASE WHEN eviction = 'uitgevoerd' THEN 1 ELSE 0 END) AS carried_out \
         FROM sg_facts WHERE {} = $1 AND {key} IS NOT NULL GROUP BY {key} ORDER BY {key}",
        side.column()
    );
    let rows = sql::query(&text).bind(scope.org_id()).fetch_all(db).await?;
    rows.iter()
        .map(|r| {
            Ok(Counts {
                key: r.try_get("k")?,
                signals: r.try_get("signals")?,
                picked_up: r.try_get("picked_up")?,
                not_picked_up: r.try_get("not_picked_up")?,
                resolved: r.try_get("resolved")?,
                evictions_prevented: r.try_get("prevented")?,
                evictions_carried_out: r.try_get("carried_out")?,
            })
        })
        .collect()
}
