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
    /// The tenant withdrew the consent: the referral ended, the partner no longer sees it, and it is kept as an
    /// internal signal is.
    Withdrawn,
}

impl SoftState {
    /// Every state.
    pub const ALL: [SoftState; 6] = [
        SoftState::Internal,
        SoftState::Referred,
        SoftState::Accepted,
        SoftState::Closed,
        SoftState::Declined,
        SoftState::Withdrawn,
    ];

    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            SoftState::Internal => "intern",
            SoftState::Referred => "doorverwezen",
            SoftState::Accepted => "aangenomen",
            SoftState::Closed => "afgesloten",
            SoftState::Declined => "afgewezen",
            SoftState::Withdrawn => "ingetrokken",
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

/// Why a withdrawal of consent is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum WithdrawRefused {
    /// No consent was recorded, so there is none to withdraw.
    #[error("er is geen toestemming vastgelegd")]
    NoConsent,
    /// Already withdrawn.
    #[error("de toestemming is al ingetrokken")]
    AlreadyWithdrawn,
}

/// Whether the tenant's consent on a soft signal in `state` (recorded or not) can be withdrawn. It can at any time
/// once given (AVG art. 7(3)), whatever the partner did with the referral.
pub fn may_withdraw(state: SoftState, consent: bool) -> Result<(), WithdrawRefused> {
    if state == SoftState::Withdrawn {
        return Err(WithdrawRefused::AlreadyWithdrawn);
    }
    if !consent {
        return Err(WithdrawRefused::NoConsent);
    }
    Ok(())
}

/// The day a soft signal is deleted: an internal one `internal_months` after it was recorded; a closed or declined
/// one `closed_months` after that; one whose consent was withdrawn `internal_months` after the withdrawal (given as
/// `closed_on`), as an internal one. A referral has no day here: the store gives it one a year after the referral
/// or the partner's acceptance (`REFERRAL_MONTHS`, ADR 0043).
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
        SoftState::Withdrawn => Some(add_months(closed_on.unwrap_or(recorded_on), internal_months)),
        SoftState::Referred | SoftState::Accepted => None,
    }
}

/// The day a soft signal is deleted once the tenant withdrew the consent on `today`: kept as an internal one from
/// then (`internal_months`), but never longer than it would have been kept already (`current`, a referral's day).
pub fn delete_on_after_withdrawal(current: Option<Date>, today: Date, internal_months: u32) -> Option<Date> {
    let internal = soft_delete_on(SoftState::Withdrawn, today, Some(today), internal_months, internal_months);
    match (current, internal) {
        (Some(before), Some(after)) => Some(before.min(after)),
        (before, after) => before.or(after),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_withdrawal_never_keeps_a_signal_longer_than_it_was_kept() {
        let today = date!(2027 - 10 - 04);
        // A referral of December 2026 goes in December 2027, not three months from today.
        assert_eq!(delete_on_after_withdrawal(Some(date!(2027 - 12 - 04)), today, 3), Some(date!(2027 - 12 - 04)));
        // A recent one: three months from today.
        assert_eq!(delete_on_after_withdrawal(Some(date!(2028 - 09 - 01)), today, 3), Some(date!(2028 - 01 - 04)));
        assert_eq!(delete_on_after_withdrawal(None, today, 3), Some(date!(2028 - 01 - 04)));
    }

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
        assert_eq!(soft_delete_on(SoftState::Withdrawn, on, closed, 3, 12), Some(date!(2027 - 01 - 01)));
    }

    #[test]
    fn consent_once_given_can_be_withdrawn_once_in_any_state() {
        for state in SoftState::ALL.into_iter().filter(|s| *s != SoftState::Withdrawn) {
            assert_eq!(may_withdraw(state, true), Ok(()), "{state:?}");
            assert_eq!(may_withdraw(state, false), Err(WithdrawRefused::NoConsent), "{state:?}");
        }
        assert_eq!(may_withdraw(SoftState::Withdrawn, true), Err(WithdrawRefused::AlreadyWithdrawn));
    }

    #[test]
    fn states_read_back_from_their_codes() {
        for state in SoftState::ALL {
            assert_eq!(SoftState::parse(state.code()), Some(state));
        }
    }
}
