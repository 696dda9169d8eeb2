//! The register of social enterprises and their certificates.
//!
//! No register (PSO, Code Sociale Ondernemingen, Social Enterprise NL) offers a public API, so a certificate is
//! entered by hand with its evidence file and its dates, and judged here at a date: a supplier in Social return who
//! buys from a registered enterprise has the certificate checked at the purchase date (RULES.md, "Social return").

use crate::calendar::add_months;
use crate::coded_enum;
use crate::socialreturn::Certificate;
use time::Date;

coded_enum! {
    /// Which register or certification scheme a certificate comes from.
    pub enum CertificateKind {
        /// Prestatieladder Socialer Ondernemen (TNO): a certificate with a level, see [`PsoLevel`].
        Pso = "pso",
        /// Registered with the Code Sociale Ondernemingen.
        CodeSocialeOndernemingen = "code_so",
        /// Member of Social Enterprise NL.
        SocialEnterpriseNl = "se_nl",
    }
}

coded_enum! {
    /// The level on the Prestatieladder Socialer Ondernemen (PSO, by TNO). It weighs the people far from the labour
    /// market a firm employs against its whole staff (the direct contribution) plus what it buys from other
    /// PSO-certified firms and sheltered workshops (the indirect one), against a benchmark of firms of the same size.
    /// The "basistrede" added in 2023 between aspirant and trede 1 is not listed: Social return's valuation has no
    /// value for it yet.
    pub enum PsoLevel {
        /// Aspirant status: the firm has demonstrably started and has two years to reach trede 1. RULES.md names it
        /// among the levels and Social return's valuation knows it, so it is registered too.
        Aspirant = "aspirant",
        /// Trede 1: above the average of comparable firms.
        Trede1 = "trede_1",
        /// Trede 2: well above the average of comparable firms.
        Trede2 = "trede_2",
        /// Trede 3: among the leaders (koplopers).
        Trede3 = "trede_3",
        /// PSO 30+: at least 30% of the staff belongs to the target groups (social firms).
        Pso30 = "pso_30",
    }
}

coded_enum! {
    /// How a certificate stands on a date.
    pub enum CertificateState {
        /// Valid, and for more than [`EXPIRES_SOON_DAYS`] days to come.
        Valid = "geldig",
        /// Valid, but it stops being valid within [`EXPIRES_SOON_DAYS`] days.
        ExpiresSoon = "verloopt_binnenkort",
        /// Its last valid day has passed.
        Expired = "verlopen",
        /// Its first valid day has yet to come.
        NotYetValid = "nog_niet_geldig",
    }
}

/// A certificate that stops being valid within this many days is flagged as expiring soon.
pub const EXPIRES_SOON_DAYS: i64 = 60;

/// The longest validity accepted, in years, for the registers other than PSO: they renew yearly or on request, and
/// longer is far more likely a typing error than a real certificate.
pub const MAX_VALID_YEARS: u32 = 5;

/// A PSO certificate runs two years (RULES.md: "certificates valid 2 years"); a longer one was mistyped.
pub const PSO_VALID_YEARS: u32 = 2;

/// A certificate valid from `valid_from` up to and including `valid_until` is valid on `on`.
pub fn valid_on(valid_from: Date, valid_until: Date, on: Date) -> bool {
    valid_from <= on && on <= valid_until
}

/// How a certificate valid from `valid_from` up to and including `valid_until` stands on `on`.
///
/// Before its first day it is not yet valid; after its last day it has expired. Otherwise it expires soon when it
/// stops being valid within [`EXPIRES_SOON_DAYS`] days, that is when its last valid day is fewer than 60 days after
/// `on` (on the last day itself, 0 days): a certificate valid until 30 June expires soon from 2 May.
pub fn certificate_state(valid_from: Date, valid_until: Date, on: Date) -> CertificateState {
    if on < valid_from {
        CertificateState::NotYetValid
    } else if on > valid_until {
        CertificateState::Expired
    } else if (valid_until - on).whole_days() < EXPIRES_SOON_DAYS {
        CertificateState::ExpiresSoon
    } else {
        CertificateState::Valid
    }
}

/// Something wrong with a certificate as entered. `Display` is Dutch (the CLI); the web layer translates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CertificateProblem {
    /// A PSO certificate without its level.
    #[error("kies de trede van het PSO-certificaat")]
    LevelMissing,
    /// A level given for a certificate that has none.
    #[error("alleen een PSO-certificaat heeft een trede")]
    LevelNotApplicable,
    /// The last valid day is not after the first.
    #[error("de einddatum moet na de begindatum liggen")]
    UntilNotAfterFrom,
    /// Valid for more than [`MAX_VALID_YEARS`] years.
    #[error("een certificaat is hoogstens vijf jaar geldig")]
    LongerThanFiveYears,
    /// A PSO certificate valid for more than [`PSO_VALID_YEARS`] years.
    #[error("een PSO-certificaat is twee jaar geldig")]
    PsoLongerThanTwoYears,
}

/// Everything wrong with a certificate as entered, in this order: a PSO certificate needs a level and the others
/// take none; the last valid day comes after the first; and it is valid at most [`MAX_VALID_YEARS`] years (a PSO
/// certificate [`PSO_VALID_YEARS`]), up to and including the same date that many years later (from 1 March 2024
/// until 1 March 2029 is accepted; a start on 29 February runs to 28 February). The length is only judged when the
/// dates are in order.
pub fn certificate_problems(
    kind: CertificateKind,
    level: Option<PsoLevel>,
    valid_from: Date,
    valid_until: Date,
) -> Vec<CertificateProblem> {
    let mut found = Vec::new();
    match (kind, level) {
        (CertificateKind::Pso, None) => found.push(CertificateProblem::LevelMissing),
        (CertificateKind::CodeSocialeOndernemingen | CertificateKind::SocialEnterpriseNl, Some(_)) => {
            found.push(CertificateProblem::LevelNotApplicable);
        }
        _ => {}
    }
    let (years, too_long) = match kind {
        CertificateKind::Pso => (PSO_VALID_YEARS, CertificateProblem::PsoLongerThanTwoYears),
        _ => (MAX_VALID_YEARS, CertificateProblem::LongerThanFiveYears),
    };
    if valid_until <= valid_from {
        found.push(CertificateProblem::UntilNotAfterFrom);
    } else if valid_until > add_months(valid_from, 12 * years) {
        found.push(too_long);
    }
    found
}

/// The certificate as Social return's valuation knows it ([`crate::socialreturn::Certificate`]), so a purchase from
/// a registered enterprise is valued by its certificate; `None` for a PSO certificate without a level. A level on
/// another kind is ignored.
pub fn social_return_certificate(kind: CertificateKind, level: Option<PsoLevel>) -> Option<Certificate> {
    match kind {
        CertificateKind::CodeSocialeOndernemingen => Some(Certificate::CodeSocialeOndernemingen),
        CertificateKind::SocialEnterpriseNl => Some(Certificate::SocialEnterpriseNl),
        CertificateKind::Pso => level.map(|level| match level {
            PsoLevel::Trede1 => Certificate::PsoTrede1,
            PsoLevel::Trede2 => Certificate::PsoTrede2,
            PsoLevel::Trede3 => Certificate::PsoTrede3,
            PsoLevel::Pso30 => Certificate::Pso30Plus,
            PsoLevel::Aspirant => Certificate::PsoAspirant,
        }),
    }
}

/// Exactly eight ASCII digits, as the KvK writes its numbers (see [`crate::nazorg::vve::is_kvk_number`]).
pub fn is_kvk_number(text: &str) -> bool {
    crate::nazorg::vve::is_kvk_number(text)
}

#[cfg(test)]
#[path = "enterprise_tests.rs"]
mod tests;
