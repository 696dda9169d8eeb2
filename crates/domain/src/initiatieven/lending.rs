//! The corporation lends a unit to an initiative: which units are candidates, and the terms of the loan.
//!
//! "Give us a building on realistic terms": an empty shop, a buurthuis or a vacant flat, at a rent with a discount,
//! for a period that may be open-ended.

use crate::nazorg::sale::round_div;
use time::Date;

/// The terms on which a unit is lent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoanTerms {
    /// The rent before discount, in cents a month.
    pub rent_cents: i64,
    /// The discount on the rent, in basis points (10000 = free of rent).
    pub discount_bp: u32,
    /// The first day of the loan.
    pub from: Date,
    /// The last day of the loan, if it ends (inclusive).
    pub until: Option<Date>,
}

/// Something wrong with loan terms. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum LoanProblem {
    /// The rent is negative.
    #[error("de huur is niet negatief")]
    NegativeRent,
    /// The discount is more than 100%.
    #[error("de korting is hoogstens 100%")]
    DiscountAbove100,
    /// The end date is not after the start date.
    #[error("de einddatum moet na de begindatum liggen")]
    UntilNotAfterFrom,
}

/// The largest discount, in basis points: 100%, a loan free of rent (bruikleen).
pub const MAX_DISCOUNT_BP: u32 = 10_000;

impl LoanTerms {
    /// Everything wrong with the terms, in this order: a negative rent, a discount above 100%, an end date that is
    /// not after the start date (a loan of one day ends the day after it starts; that is the shortest).
    pub fn problems(&self) -> Vec<LoanProblem> {
        let mut found = Vec::new();
        if self.rent_cents < 0 {
            found.push(LoanProblem::NegativeRent);
        }
        if self.discount_bp > MAX_DISCOUNT_BP {
            found.push(LoanProblem::DiscountAbove100);
        }
        if self.until.is_some_and(|until| until <= self.from) {
            found.push(LoanProblem::UntilNotAfterFrom);
        }
        found
    }

    /// The rent after the discount, in cents: rent × (1 − discount), rounded to whole cents half away from zero. A
    /// discount above 100% (refused by [`problems`](Self::problems)) gives 0.
    pub fn rent_after_discount_cents(&self) -> i64 {
        let remaining = i128::from(MAX_DISCOUNT_BP.saturating_sub(self.discount_bp));
        round_div(i128::from(self.rent_cents) * remaining, i128::from(MAX_DISCOUNT_BP))
    }

    /// The discount in cents a month: rent − rent after discount.
    pub fn discount_cents(&self) -> i64 {
        self.rent_cents.saturating_sub(self.rent_after_discount_cents())
    }

    /// The unit is lent on `on`: from `from` up to and including `until`.
    pub fn runs_on(&self, on: Date) -> bool {
        self.from <= on && self.until.is_none_or(|until| on <= until)
    }
}

/// VERA EENHEIDSOORT codes of units that are not homes and that an initiative can use as they are:
/// - `BED` Bedrijfsruimte ("Bedrijfsruimte en winkels"): bedrijfsonroerend goed — shops, offices, workshops;
/// - `MOG` Maatschappelijk vastgoed: maatschappelijk onroerend goed (Woningwet art. 49) — buurtcentra, schools,
///   libraries;
/// - `BOG` is not a VERA EENHEIDSOORT (VERA writes bedrijfsonroerend goed as `BED`, and uses `BOG` only as an
///   OVEREENKOMSTDETAILSOORT, a kind of lease), but ERP exports often label the unit so; it is taken as `BED`.
///
/// Left out on purpose: `WOO` (homes: only when vacant, see [`VACANT_STATUS`]), `INT` (intramuraal zorgvastgoed, let
/// as a whole to a care provider), `PAR` (parking), `OVE` (storage, plots, moorings, antenna sites) and `REC`
/// (recreation homes) — none is space for an initiative unless it is vacant.
pub const NON_RESIDENTIAL_SOORTEN: [&str; 3] = ["BED", "MOG", "BOG"];

/// VERA EENHEIDDETAILSOORT codes whose parent in the code list is `EENHEIDSOORT.BED` or `EENHEIDSOORT.MOG`, used
/// when an export gives the detail soort but no soort. From BED: ATE atelierruimte, BED bedrijfshal, HOR horeca, KAN
/// kantoorruimte, KIN kinderopvanglocatie, PRA praktijkruimte, WIR winkelruimte, WWI woon-/winkelpand. From MOG:
/// BAS basisschool, BIB bibliotheek, BIJ bijeenkomstruimte (its retired row sat under OVE), BRE brede school, BUU
/// buurthuis, CJG centrum voor jeugd en gezin, CUL cultuurruimte, DAG dagbestedingsruimte, GEM gemeenschapscentrum,
/// HOS hospice, JON jongerencentrum, KTI kantoorruimte van een toegelaten instelling, MAA and MWR maatschappelijk
/// werkruimte, MUL multifunctioneel centrum, OPV opvangcentrum, REZ recreatiezaal, SCH schoolgebouw, STP steunpunt,
/// VEI veiligheidshuis, WEL and WWR welzijnswerkruimte, WER centrum voor werk, WIJ wijksportvoorziening, ZST
/// zorgsteunpunt.
pub const NON_RESIDENTIAL_DETAIL_SOORTEN: [&str; 33] = [
    "ATE", "BED", "HOR", "KAN", "KIN", "PRA", "WIR", "WWI", // bedrijfsruimte
    "BAS", "BIB", "BIJ", "BRE", "BUU", "CJG", "CUL", "DAG", "GEM", "HOS", "JON", "KTI", "MAA", "MUL", "MWR", "OPV",
    "REZ", "SCH", "STP", "VEI", "WEL", "WER", "WIJ", "WWR", "ZST", // maatschappelijk vastgoed
];

/// The VERA EENHEIDSTATUS code for a vacant unit: `LEE` Leegstand, "in exploitatie, maar niet verhuurd". Other
/// statuses are not vacancy in this sense: `VEH` is let; `ONT` (in development) is not yet in use; `UIT` (uit
/// exploitatie, with a reason such as sale, demolition or merger) and the retired `VEK` and `OND` cannot be told
/// apart from a sold unit without the reason, which the stock does not carry; `ADM` is managed for another owner.
pub const VACANT_STATUS: &str = "LEE";

/// A unit is shown as a candidate to lend: it is non-residential by its VERA soort (see [`NON_RESIDENTIAL_SOORTEN`]),
/// or, when no soort is given, by its detail soort (see [`NON_RESIDENTIAL_DETAIL_SOORTEN`]); or its status is vacant
/// ([`VACANT_STATUS`]), whatever it is.
///
/// A non-residential unit is a candidate whatever its status, since such space is often shared (a buurthuis) or
/// its lease ends; the page shows the status beside it. When a soort is given, it decides and the detail soort is
/// not looked at, so a home (`WOO`) with an odd detail soort is not a candidate unless vacant. Codes are compared
/// trimmed and without regard to case (the import writes them in capitals); an empty code counts as none.
pub fn is_lending_candidate(soort: Option<&str>, detail_soort: Option<&str>, status: Option<&str>) -> bool {
    if is_vacant(status) {
        return true;
    }
    match (code(soort), code(detail_soort)) {
        (Some(soort), _) => NON_RESIDENTIAL_SOORTEN.contains(&soort.as_str()),
        (None, Some(detail)) => NON_RESIDENTIAL_DETAIL_SOORTEN.contains(&detail.as_str()),
        (None, None) => false,
    }
}

/// Whether a unit's status says it stands empty (one reason it may be lent; the lending form names it).
pub fn is_vacant(status: Option<&str>) -> bool {
    code(status).is_some_and(|s| s == VACANT_STATUS)
}

/// A code as the rule compares it: trimmed, upper case, an empty one none.
fn code(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_ascii_uppercase)
}

#[cfg(test)]
#[path = "lending_tests.rs"]
mod tests;
