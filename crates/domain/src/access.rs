//! Who may do what: roles within an organisation and the actions they allow.
//!
//! The web layer turns a successful check into a scope value; queries on an organisation's data take that scope,
//! so there is no way to reach the data without having passed the check.

use crate::text::TextError;
use std::fmt;

/// A member's role within one organisation. A user may hold a different role in each organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// May look, never change.
    ReadOnly,
    /// Does the organisation's daily work.
    Staff,
    /// Manages the organisation's members and settings, and does everything staff does.
    Admin,
}

/// What a request wants to do with an organisation's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Read the organisation's (non-personal) data.
    View,
    /// Create or change the organisation's data.
    Edit,
    /// Manage members, roles and settings of the organisation.
    Manage,
}

impl Role {
    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::ReadOnly, Role::Staff, Role::Admin];

    /// Whether this role allows the action.
    pub fn allows(self, action: Action) -> bool {
        match action {
            Action::View => true,
            Action::Edit => self >= Role::Staff,
            Action::Manage => self == Role::Admin,
        }
    }

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Role::ReadOnly => "read_only",
            Role::Staff => "staff",
            Role::Admin => "admin",
        }
    }

    /// Parses a stable code (see [`Role::code`]).
    pub fn parse(code: &str) -> Result<Self, TextError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        Self::ALL.into_iter().find(|r| r.code() == code).ok_or(TextError::Format)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A user's membership of an organisation, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Membership {
    /// The member.
    pub user_id: i64,
    /// The organisation.
    pub org_id: i64,
    /// The member's role there.
    pub role: Role,
}

/// Proof that the current user may perform an action on one organisation's data.
///
/// The only way to obtain one is [`OrgScope::grant`] (or [`OrgScope::grant_platform_admin`]); store queries on an
/// organisation's data take a scope, so a handler cannot reach data without passing the check. The scope names both
/// the organisation whose data it opens (`data_org`) and the user acting, so that a later sharing rule can open
/// another organisation's data with fewer actions without changing the queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgScope {
    user_id: i64,
    data_org: i64,
    role: Role,
}

/// Why a scope was not granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// The user is not a member of the organisation.
    #[error("not a member of this organisation")]
    NotMember,
    /// The user's role does not allow the action.
    #[error("your role does not allow this")]
    RoleTooLow,
}

impl OrgScope {
    /// Checks a membership (or its absence) against an action on an organisation.
    pub fn grant(org_id: i64, membership: Option<Membership>, action: Action) -> Result<Self, Denied> {
        let membership = membership.filter(|m| m.org_id == org_id).ok_or(Denied::NotMember)?;
        if !membership.role.allows(action) {
            return Err(Denied::RoleTooLow);
        }
        Ok(Self { user_id: membership.user_id, data_org: org_id, role: membership.role })
    }

    /// A platform administrator acts as an administrator of every organisation.
    pub fn grant_platform_admin(user_id: i64, org_id: i64) -> Self {
        Self { user_id, data_org: org_id, role: Role::Admin }
    }

    /// Full access for the system itself: the command line run by the server's operator, and background jobs.
    /// Never for anything a web request asks.
    pub fn system(org_id: i64) -> Self {
        Self { user_id: 0, data_org: org_id, role: Role::Admin }
    }

    /// Read-only access for an organisation's API token (the caller authenticated with that token's secret).
    pub fn api_token(org_id: i64) -> Self {
        Self { user_id: 0, data_org: org_id, role: Role::ReadOnly }
    }

    /// The organisation whose data this scope opens.
    pub fn org_id(&self) -> i64 {
        self.data_org
    }

    /// The acting user.
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    /// The role with which the user acts.
    pub fn role(&self) -> Role {
        self.role
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_needs_membership_of_that_organisation() {
        let staff = Membership { user_id: 7, org_id: 1, role: Role::Staff };
        assert!(OrgScope::grant(1, Some(staff), Action::Edit).is_ok());
        assert_eq!(OrgScope::grant(2, Some(staff), Action::View), Err(Denied::NotMember));
        assert_eq!(OrgScope::grant(1, None, Action::View), Err(Denied::NotMember));
        assert_eq!(OrgScope::grant(1, Some(staff), Action::Manage), Err(Denied::RoleTooLow));
        let scope = OrgScope::grant(1, Some(staff), Action::View).expect("granted");
        assert_eq!((scope.org_id(), scope.user_id(), scope.role()), (1, 7, Role::Staff));
    }

    #[test]
    fn roles_allow_in_order() {
        let table = [
            (Role::ReadOnly, [true, false, false]),
            (Role::Staff, [true, true, false]),
            (Role::Admin, [true, true, true]),
        ];
        for (role, expected) in table {
            let got = [Action::View, Action::Edit, Action::Manage].map(|a| role.allows(a));
            assert_eq!(got, expected, "{role}");
        }
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Ok(role));
        }
        assert_eq!(Role::parse("owner"), Err(TextError::Format));
    }
}
