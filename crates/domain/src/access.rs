//! Who may do what: roles within an organisation and the actions they allow.
//!
//! The web layer turns a successful check into a scope value; queries on an organisation's data take that scope,
//! so there is no way to reach the data without having passed the check. A scope says what it was granted for
//! (see [`scope`]): reading gives a [`ReadScope`], writing a [`WriteScope`], and only the latter opens a write.

mod scope;

pub use scope::{grant, grant_platform_admin, Check, Denied, Edit, Manage, ReadScope, Scope, View, WriteScope};

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

impl Action {
    /// Whether the action changes data (and so needs a [`WriteScope`]); only [`Action::View`] does not.
    pub fn writes(self) -> bool {
        match self {
            Action::View => false,
            Action::Edit | Action::Manage => true,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
