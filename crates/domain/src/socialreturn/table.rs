//! A buyer's valuation table (*bouwblokken*): what each kind of contribution is worth, valid from a date. Tables
//! are never changed once in use; a new version with a later valid-from date replaces them for later awards.

use super::{Bonus, Certificate, TargetGroup, Training};
use crate::money::Money;
use serde::{Deserialize, Serialize};
use time::Date;

/// The value of a full-time job-year for one target group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobRate {
    /// The target group.
    pub group: TargetGroup,
    /// Value per full-time job-year.
    pub value: Money,
    /// A higher value for people long on the benefit (e.g. Participatiewet over 2 years), if the table has one.
    pub long_term_value: Option<Money>,
    /// After this many months a person stops counting (Participatiewet 24, WW 12); `None` counts without limit.
    pub counted_months: Option<u32>,
}

/// The value of a year of training.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingRate {
    /// BBL or BOL.
    pub training: Training,
    /// The MBO level (1–4), or `None` for every level.
    pub level: Option<u8>,
    /// Value per year.
    pub value: Money,
}

/// One version of a buyer's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValuationTable {
    /// A name, e.g. "Bouwblokken 2026".
    pub name: String,
    /// Valid for contracts awarded on or after this date (until a later version).
    pub valid_from: Date,
    /// Where the values come from.
    pub source: String,
    /// Whether this is a shipped example rather than a buyer's own table.
    pub example: bool,
    /// Hours of a full-time week (pro-rating of placements).
    pub full_time_hours: u32,
    /// Placements under this many hours a week do not count.
    pub min_hours_per_week: Option<u32>,
    /// Per target group.
    pub jobs: Vec<JobRate>,
    /// Extras per full-time job-year.
    pub bonuses: Vec<(Bonus, Money)>,
    /// Apprenticeships and internships.
    pub training: Vec<TrainingRate>,
    /// A work-experience place, per month.
    pub work_experience_per_month: Option<Money>,
    /// Other activities (volunteering, knowledge sharing), per hour.
    pub other_per_hour: Option<Money>,
    /// The share of an invoice excl. VAT that counts, in percent, per certificate.
    pub purchase_shares: Vec<(Certificate, u32)>,
    /// The buyer's rule: an obligation applies from this contract value excl. VAT…
    pub obligation_threshold: Money,
    /// …at this percentage of the value, in basis points (500 = 5%).
    pub obligation_basis_points: u32,
}

impl ValuationTable {
    /// The rate for a target group.
    pub fn job(&self, group: TargetGroup) -> Option<&JobRate> {
        self.jobs.iter().find(|j| j.group == group)
    }

    /// The extra for a bonus.
    pub fn bonus(&self, bonus: Bonus) -> Option<Money> {
        self.bonuses.iter().find(|(b, _)| *b == bonus).map(|(_, v)| *v)
    }

    /// The rate for a training at a level: the level's own rate, else the one for every level.
    pub fn training(&self, training: Training, level: Option<u8>) -> Option<Money> {
        let of_kind = || self.training.iter().filter(|t| t.training == training);
        of_kind()
            .find(|t| t.level.is_some() && t.level == level)
            .or_else(|| of_kind().find(|t| t.level.is_none()))
            .map(|t| t.value)
    }

    /// The share of an invoice that counts for a certificate, in percent.
    pub fn purchase_share(&self, certificate: Certificate) -> Option<u32> {
        self.purchase_shares.iter().find(|(c, _)| *c == certificate).map(|(_, p)| *p)
    }

    /// The obligation the buyer's rule suggests for a contract value: its percentage from the threshold on.
    pub fn suggested_obligation(&self, contract_value: Money) -> Option<u32> {
        (contract_value >= self.obligation_threshold).then_some(self.obligation_basis_points)
    }
}

/// The version that applies to a contract awarded on `awarded`: the latest valid on that day.
pub fn version_for<T>(versions: &[T], awarded: Date, valid_from: impl Fn(&T) -> Date) -> Option<&T> {
    versions.iter().filter(|t| valid_from(t) <= awarded).max_by_key(|t| valid_from(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::socialreturn::examples;
    use time::macros::date;

    #[test]
    fn the_version_valid_on_the_award_date_applies() {
        let dates = [date!(2023 - 01 - 01), date!(2025 - 01 - 01), date!(2026 - 07 - 01)];
        let pick = |awarded| version_for(&dates, awarded, |d| *d).copied();
        assert_eq!(pick(date!(2022 - 12 - 31)), None);
        assert_eq!(pick(date!(2025 - 06 - 30)), Some(date!(2025 - 01 - 01)));
        assert_eq!(pick(date!(2026 - 07 - 01)), Some(date!(2026 - 07 - 01)), "valid from that very day");
    }

    #[test]
    fn rates_are_found_by_code() {
        let t = examples::utrecht();
        assert_eq!(t.job(TargetGroup::Doelgroepregister).map(|j| j.value), Some(Money::from_cents(5_000_000)));
        assert_eq!(t.bonus(Bonus::Age50Plus), Some(Money::from_cents(1_000_000)));
        assert_eq!(t.training(Training::Bbl, Some(2)), Some(Money::from_cents(3_500_000)));
        assert_eq!(t.suggested_obligation(Money::from_cents(19_999_999)), None);
        assert_eq!(t.suggested_obligation(Money::from_cents(20_000_000)), Some(500));
        let o = examples::oost_nederland();
        assert_eq!(o.job(TargetGroup::Participatiewet).and_then(|j| j.counted_months), Some(24));
        assert_eq!(o.purchase_share(Certificate::SocialEnterpriseNl), Some(50));
    }
}
