//! The names of VERA codes, kept in memory: every stock page shows them, and the list changes once a year. In
//! Dutch from the official list, in English from our translations ([`crate::vera_english`]).

use crate::i18n::Lang;
use crate::vera_english as lists;
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
    /// MAATSCHAPPELIJKLABEL names (DAEB, NIET-DAEB).
    pub label: HashMap<String, String>,
    /// CLUSTERSOORT names (the kinds of complex).
    pub cluster_soort: HashMap<String, String>,
}

impl VeraNames {
    async fn load(db: &Db) -> Result<Self, StoreError> {
        Ok(Self {
            soort: vera::names(db, lists::UNIT_KIND).await?,
            detail: vera::names(db, lists::UNIT_DETAIL_KIND).await?,
            status: vera::names(db, lists::UNIT_STATE).await?,
            label: vera::names(db, lists::SOCIAL_LABEL).await?,
            cluster_soort: vera::names(db, lists::COMPLEX_KIND).await?,
        })
    }

    /// The same codes with their English names where there is one (the Dutch name where not).
    fn in_english(&self) -> Self {
        let translate = |list: &str, names: &HashMap<String, String>| -> HashMap<String, String> {
            names
                .iter()
                .map(|(code, dutch)| {
                    let name = lists::english(list, code).map_or_else(|| dutch.clone(), str::to_owned);
                    (code.clone(), name)
                })
                .collect()
        };
        Self {
            soort: translate(lists::UNIT_KIND, &self.soort),
            detail: translate(lists::UNIT_DETAIL_KIND, &self.detail),
            status: translate(lists::UNIT_STATE, &self.status),
            label: translate(lists::SOCIAL_LABEL, &self.label),
            cluster_soort: translate(lists::COMPLEX_KIND, &self.cluster_soort),
        }
    }

    /// EENHEIDSOORT names.
    pub fn soort(&self) -> &HashMap<String, String> {
        &self.soort
    }

    /// A list's codes as options for a filter, "Woonruimte (WOO)", in order of name; empty until the list is
    /// imported (the filter is then a text field for the code).
    pub fn options(list: &HashMap<String, String>) -> Vec<(String, String)> {
        let mut options: Vec<(String, String)> =
            list.iter().map(|(code, name)| (code.clone(), format!("{name} ({code})"))).collect();
        options.sort_by_key(|o| o.1.to_lowercase());
        options
    }

    /// "Woonruimte (WOO)", or the bare code when its name is unknown.
    pub fn show(list: &HashMap<String, String>, code: &Option<String>) -> String {
        match code {
            Some(code) => list.get(code).map(|n| format!("{n} ({code})")).unwrap_or_else(|| code.clone()),
            None => String::new(),
        }
    }

    /// Soort and detail soort of a unit, named as [`Self::show`] names them, joined by " / ". Written into one
    /// string: a complex page names hundreds of units.
    pub fn kind(&self, soort: &Option<String>, detail_soort: &Option<String>) -> String {
        let mut out = String::new();
        for (list, code) in [(&self.soort, soort), (&self.detail, detail_soort)] {
            let Some(code) = code.as_deref().filter(|c| !c.is_empty()) else { continue };
            if !out.is_empty() {
                out.push_str(" / ");
            }
            match list.get(code) {
                Some(name) => {
                    out.push_str(name);
                    out.push_str(" (");
                    out.push_str(code);
                    out.push(')');
                }
                None => out.push_str(code),
            }
        }
        out
    }
}

/// The cache: the names in each language, by [`Lang::index`].
#[derive(Debug, Default)]
pub struct VeraCache(RwLock<Option<(Instant, [Arc<VeraNames>; 2])>>);

impl VeraCache {
    /// The names in `lang`, from memory when fresh.
    pub async fn get(&self, db: &Db, lang: Lang) -> Result<Arc<VeraNames>, StoreError> {
        if let Some((at, names)) = self.0.read().ok().and_then(|c| c.clone()) {
            if at.elapsed() < FRESH_FOR {
                return Ok(names[lang.index()].clone());
            }
        }
        let dutch = VeraNames::load(db).await?;
        let english = dutch.in_english();
        let names = [Arc::new(dutch), Arc::new(english)];
        let asked = names[lang.index()].clone();
        if let Ok(mut cache) = self.0.write() {
            *cache = Some((Instant::now(), names));
        }
        Ok(asked)
    }

    /// Forgets the names (after an import of the reference data in this process).
    pub fn invalidate(&self) {
        if let Ok(mut cache) = self.0.write() {
            *cache = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::VeraNames;

    #[test]
    fn a_kind_names_its_known_codes_and_shows_the_others_bare() {
        let names = VeraNames {
            soort: [("WOO".to_owned(), "Woonruimte".to_owned())].into(),
            detail: [("EGW".to_owned(), "Eengezinswoning".to_owned())].into(),
            ..Default::default()
        };
        let code = |c: &str| Some(c.to_owned());
        assert_eq!(names.kind(&code("WOO"), &code("EGW")), "Woonruimte (WOO) / Eengezinswoning (EGW)");
        assert_eq!(names.kind(&code("WOO"), &None), "Woonruimte (WOO)");
        assert_eq!(names.kind(&None, &code("XYZ")), "XYZ");
        assert_eq!(names.kind(&code(""), &code("EGW")), "Eengezinswoning (EGW)", "an empty code is no part");
        assert_eq!(names.kind(&None, &None), "");
    }

    #[test]
    fn english_names_where_there_are_and_the_dutch_where_not() {
        let names = VeraNames {
            soort: [("WOO".to_owned(), "Woonruimte".to_owned())].into(),
            detail: [("EGW".to_owned(), "Eengezinswoning".to_owned()), ("TUS".to_owned(), "Tussenwoning".to_owned())]
                .into(),
            status: [("VEH".to_owned(), "Verhuurd".to_owned())].into(),
            ..Default::default()
        };
        let english = names.in_english();
        let code = |c: &str| Some(c.to_owned());
        assert_eq!(english.kind(&code("WOO"), &code("TUS")), "Dwelling (WOO) / Mid-terrace house (TUS)");
        assert_eq!(english.kind(&None, &code("EGW")), "Eengezinswoning (EGW)", "no translation: the official name");
        assert_eq!(VeraNames::show(&english.status, &code("VEH")), "Let (VEH)");
        assert_eq!(names.kind(&code("WOO"), &None), "Woonruimte (WOO)", "the Dutch names stay as they were");
    }

    #[test]
    fn a_list_gives_filter_options_by_name() {
        let list =
            [("WOO".to_owned(), "Woonruimte".to_owned()), ("BOG".to_owned(), "Bedrijfsonroerend goed".to_owned())];
        let options = VeraNames::options(&list.into());
        assert_eq!(options[0], ("BOG".to_owned(), "Bedrijfsonroerend goed (BOG)".to_owned()));
        assert_eq!(options[1].1, "Woonruimte (WOO)");
        assert!(VeraNames::options(&Default::default()).is_empty());
    }
}
