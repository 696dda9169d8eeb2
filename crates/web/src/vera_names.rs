//! The names of VERA codes, kept in memory: every stock page shows them, and the list changes once a year.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};
use volkshuis_store::{vera, Db, StoreError};

/// How long names are kept before they are read again (an import in another process shows within this time).
const FRESH_FOR: Duration = Duration::from_secs(60);

/// The names of the codes a unit shows (empty until the reference data is imported).
#[derive(Debug, Default)]
pub struct VeraNames {
    soort: HashMap<String, String>,
    detail: HashMap<String, String>,
    /// EENHEIDSTATUS names.
    pub status: HashMap<String, String>,
}

impl VeraNames {
    async fn load(db: &Db) -> Result<Self, StoreError> {
        Ok(Self {
            soort: vera::names(db, "EENHEIDSOORT").await?,
            detail: vera::names(db, "EENHEIDDETAILSOORT").await?,
            status: vera::names(db, "EENHEIDSTATUS").await?,
        })
    }

    /// "Woonruimte (WOO)", or the bare code when its name is unknown.
    pub fn show(list: &HashMap<String, String>, code: &Option<String>) -> String {
        match code {
            Some(code) => list.get(code).map(|n| format!("{n} ({code})")).unwrap_or_else(|| code.clone()),
            None => String::new(),
        }
    }

    /// Soort and detail soort of a unit, named.
    pub fn kind(&self, soort: &Option<String>, detail_soort: &Option<String>) -> String {
        let parts = [Self::show(&self.soort, soort), Self::show(&self.detail, detail_soort)];
        parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" / ")
    }
}

/// The cache.
#[derive(Debug, Default)]
pub struct VeraCache(RwLock<Option<(Instant, Arc<VeraNames>)>>);

impl VeraCache {
    /// The names, from memory when fresh.
    pub async fn get(&self, db: &Db) -> Result<Arc<VeraNames>, StoreError> {
        if let Some((at, names)) = self.0.read().ok().and_then(|c| c.clone()) {
            if at.elapsed() < FRESH_FOR {
                return Ok(names);
            }
        }
        let names = Arc::new(VeraNames::load(db).await?);
        if let Ok(mut cache) = self.0.write() {
            *cache = Some((Instant::now(), names.clone()));
        }
        Ok(names)
    }

    /// Forgets the names (after an import of the reference data in this process).
    pub fn invalidate(&self) {
        if let Ok(mut cache) = self.0.write() {
            *cache = None;
        }
    }
}
