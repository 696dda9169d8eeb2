//! Soft signals: what staff notice about a household (neglect, loneliness, nuisance, suspected debts). With the
//! tenant's recorded consent one is referred to a partner (wijkteam, schuldhulp, welzijn) that accepts it and
//! reports back; without consent it stays inside the corporation and expires.

use crate::calendar::add_months;
use time::Date;

/// What was noticed (VERA's SIGNALERINGSOORT where it has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftKind {
    /// The home or the tenant is neglected.
    Neglect,
    /// Loneliness.
    Loneliness,
    /// Nuisance caused or suffered.
    Nuisance,
    /// Debts suspected beyond the rent.
    DebtsSuspected,
    /// Confusion, health.
    Confusion,
    /// Something else.
    Other,
}

impl SoftKind {
    /// Every kind.
    pub const ALL: [SoftKind; 6] = [
        SoftKind::Neglect,
        SoftKind::Loneliness,
        SoftKind::Nuisance,
        SoftKind::DebtsSuspected,
        SoftKind::Confusion,
        SoftKind::Other,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            SoftKind::Neglect => "vervuiling",
            SoftKind::Loneliness => "eenzaamheid",
            SoftKind::Nuisance => "overlast",
            SoftKind::DebtsSuspected => "schulden",
            SoftKind::Confusion => "verward",
            SoftKind::Other => "anders",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a soft signal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoftState {
    /// Kept inside the corporation (no consent, or not referred yet).
    Internal,
    /// Referred to a partner, not yet accepted.
    Referred,
    /// Accepted by the partner.
    Accepted,
    /// The partner reported back and closed it.
    Closed,
    /// The partner declined it.
    Declined,
}

impl SoftState {
    /// Every state.
    pub const ALL: [SoftState; 5] =
        [SoftState::Internal, SoftState::Referred, SoftState::Accepted, SoftState::Closed, SoftState::Declined];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            SoftState::Internal => "intern",
            SoftState::Referred => "doorverwezen",
            SoftState::Accepted => "aangenomen",
            SoftState::Closed => "afgesloten",
            SoftState::Declined => "afgewezen",
        }
    }

    /// Reads a code.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Why a referral is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ReferralRefused {
    /// No consent recorded: the signal stays internal.
    #[error("zonder toestemming van de huurder blijft een signaal intern")]
    NoConsent,
    /// Already referred (or past that).
    #[error("dit signaal is al doorverwezen")]
    NotInternal,
}

/// Whether a soft signal in `state`, with consent recorded or not, may be referred.
pub fn may_refer(state: SoftState, consent: bool) -> Result<(), ReferralRefused> {
    if state != SoftState::Internal {
        return Err(ReferralRefused::NotInternal);
    }
    if !consent {
        return Err(ReferralRefused::NoConsent);
    }
    Ok(())
}

/// The day a soft signal is deleted: an internal one `internal_months` after it was recorded; a closed or declined
/// one `closed_months` after that; a referral being worked is kept.
pub fn soft_delete_on(
    state: SoftState,
    recorded_on: Date,
    closed_on: Option<Date>,
    internal_months: u32,
    closed_months: u32,
) -> Option<Date> {
    match state {
        SoftState::Internal => Some(add_months(recorded_on, internal_months)),
        SoftState::Closed | SoftState::Declined => Some(add_months(closed_on.unwrap_or(recorded_on), closed_months)),
        SoftState::Referred | SoftState::Accepted => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn only_an_internal_signal_with_consent_is_referred() {
        assert_eq!(may_refer(SoftState::Internal, true), Ok(()));
        assert_eq!(may_refer(SoftState::Internal, false), Err(ReferralRefused::NoConsent));
        assert_eq!(may_refer(SoftState::Referred, true), Err(ReferralRefused::NotInternal));
    }

    #[test]
    fn internal_signals_expire_and_referrals_are_kept_while_worked() {
        let on = date!(2026 - 06 - 30);
        assert_eq!(soft_delete_on(SoftState::Internal, on, None, 3, 12), Some(date!(2026 - 09 - 30)));
        assert_eq!(soft_delete_on(SoftState::Accepted, on, None, 3, 12), None);
        let closed = Some(date!(2026 - 10 - 01));
        assert_eq!(soft_delete_on(SoftState::Closed, on, closed, 3, 12), Some(date!(2027 - 10 - 01)));
    }
}
