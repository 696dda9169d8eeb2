//! Scopes: proof that a check passed, saying what it was granted for.
//!
//! A check names its action as a type ([`View`], [`Edit`], [`Manage`]); the action decides the kind of scope the
//! grant gives ([`Check::Scope`]): `View` gives a [`ReadScope`], `Edit` and `Manage` a [`WriteScope`]. Store
//! functions that only read take `&ReadScope`; every store function that writes takes `&WriteScope`. A write scope
//! reads (it dereferences to its [`ReadScope`]); nothing turns a read scope into a write scope, so a handler that
//! checked only [`View`] cannot reach a write:
//!
//! ```compile_fail
//! use volkshuis_domain::access::{grant, Membership, ReadScope, Role, View, WriteScope};
//!
//! fn writer(_scope: &WriteScope) {}
//!
//! let member = Membership { user_id: 7, org_id: 1, role: Role::Admin };
//! let scope: ReadScope = grant(1, Some(member), View).unwrap();
//! writer(&scope); // a read scope is not a write scope, whatever the role behind it
//! ```
//!
//! ```compile_fail
//! use volkshuis_domain::access::{ReadScope, WriteScope};
//!
//! fn upgrade(scope: ReadScope) -> WriteScope {
//!     scope.into() // there is no conversion from reading to writing
//! }
//! ```
//!
//! The other way round compiles: a write scope is accepted wherever a read scope is asked for.
//!
//! ```
//! use volkshuis_domain::access::{grant, Edit, Membership, ReadScope, Role};
//!
//! fn reader(scope: &ReadScope) -> i64 {
//!     scope.org_id()
//! }
//!
//! let member = Membership { user_id: 7, org_id: 1, role: Role::Staff };
//! let scope = grant(1, Some(member), Edit).expect("staff may edit");
//! assert_eq!(reader(&scope), 1);
//! ```
//!
//! Scopes minted without a check are few and named for the one caller entitled to each (see the constructors'
//! documentation and `docs/adr/0022-permissions-in-types.md`).

use super::{Action, Membership, Role};
use std::ops::Deref;

/// Proof that the current user may read one organisation's data.
///
/// Obtained from [`grant`] with [`View`] (or as the read half of a [`WriteScope`]). The scope names both the
/// organisation whose data it opens and the user acting, so that a later sharing rule can open another
/// organisation's data with fewer actions without changing the queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadScope {
    user_id: i64,
    data_org: i64,
    role: Role,
}

/// Proof that the current user may change one organisation's data; it also reads (see [`WriteScope::as_read`]).
///
/// Obtained from [`grant`] with [`Edit`] or [`Manage`]. There is no way to make one from a [`ReadScope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriteScope {
    read: ReadScope,
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

mod sealed {
    /// Only this module mints scopes and names checks; the trait is unreachable outside the crate.
    pub trait Mint {
        /// Wraps a passed check's facts in the scope kind.
        fn mint(read: super::ReadScope) -> Self;
    }
    /// Closes [`super::Check`] to the three actions defined here.
    pub trait Sealed {}
}

/// A kind of scope: [`ReadScope`] or [`WriteScope`]. Generic code reads through [`Scope::as_read`].
pub trait Scope: sealed::Mint + Copy + std::fmt::Debug + Send + Sync + 'static {
    /// Whether this kind opens writes.
    const WRITES: bool;
    /// The scope's read half.
    fn as_read(&self) -> &ReadScope;
}

/// An action checked by type, so the kind of scope a grant gives follows from the action checked.
pub trait Check: sealed::Sealed + Copy + std::fmt::Debug + Send + Sync + 'static {
    /// The action the role must allow.
    const ACTION: Action;
    /// What a grant for this action gives.
    type Scope: Scope;
}

/// Check for reading an organisation's data ([`Action::View`]); grants a [`ReadScope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View;

/// Check for changing an organisation's data ([`Action::Edit`]); grants a [`WriteScope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edit;

/// Check for managing members, roles and settings ([`Action::Manage`]); grants a [`WriteScope`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Manage;

impl sealed::Sealed for View {}
impl sealed::Sealed for Edit {}
impl sealed::Sealed for Manage {}

impl Check for View {
    const ACTION: Action = Action::View;
    type Scope = ReadScope;
}

impl Check for Edit {
    const ACTION: Action = Action::Edit;
    type Scope = WriteScope;
}

impl Check for Manage {
    const ACTION: Action = Action::Manage;
    type Scope = WriteScope;
}

/// Checks a membership (or its absence) against an action on an organisation; the action's type decides whether
/// the scope reads or writes.
pub fn grant<C: Check>(org_id: i64, membership: Option<Membership>, _check: C) -> Result<C::Scope, Denied> {
    let membership = membership.filter(|m| m.org_id == org_id).ok_or(Denied::NotMember)?;
    if !membership.role.allows(C::ACTION) {
        return Err(Denied::RoleTooLow);
    }
    Ok(sealed::Mint::mint(ReadScope { user_id: membership.user_id, data_org: org_id, role: membership.role }))
}

/// A platform administrator acts as an administrator of every organisation, for any action.
///
/// Unchecked by design. Its one caller is the web layer's `Auth::scope_with_org`, entitled because it has just read
/// the user's platform-administrator flag with the live session.
pub fn grant_platform_admin<C: Check>(user_id: i64, org_id: i64, _check: C) -> C::Scope {
    sealed::Mint::mint(ReadScope { user_id, data_org: org_id, role: Role::Admin })
}

impl ReadScope {
    /// Read-only access for an organisation's API token; never a write scope.
    ///
    /// Unchecked by design. Its one caller is the API's client extractor, entitled because the request
    /// authenticated with that token's secret, which the store matched to this organisation.
    pub fn api_token(org_id: i64) -> Self {
        Self { user_id: 0, data_org: org_id, role: Role::ReadOnly }
    }

    /// Read access for a background job of the system itself (a reminder reading the case or contract it reminds
    /// of). Never for anything a web request asks.
    ///
    /// Unchecked by design. Its one caller is the web crate's job scope helper, entitled because a job was queued
    /// by a checked request or by the system, and reads only to decide what to send.
    pub fn system_for_job(org_id: i64) -> Self {
        Self { user_id: 0, data_org: org_id, role: Role::Admin }
    }

    /// The organisation whose data this scope opens.
    pub fn org_id(&self) -> i64 {
        self.data_org
    }

    /// The acting user (0 for the system and API tokens).
    pub fn user_id(&self) -> i64 {
        self.user_id
    }

    /// The role with which the user acts.
    pub fn role(&self) -> Role {
        self.role
    }
}

impl WriteScope {
    /// The one write an API token may be given: bringing in Signalering's arrears ledger.
    ///
    /// Unchecked by design. Its one caller is the API's ledger endpoint, entitled because the request authenticated
    /// with the secret of a token of this organisation that was made with that right (by its own administrator).
    pub fn api_ledger_token(org_id: i64) -> Self {
        Self { read: ReadScope { user_id: 0, data_org: org_id, role: Role::Staff } }
    }

    /// Full access for the server's operator at the command line (`import`, `bench`, filling area codes).
    ///
    /// Unchecked by design. Its one caller is the CLI's `operator_scope`, entitled because whoever runs the binary
    /// holds the database's credentials and could change anything anyway.
    pub fn system_for_cli(org_id: i64) -> Self {
        Self { read: ReadScope { user_id: 0, data_org: org_id, role: Role::Admin } }
    }

    /// Full access for filling the demonstration dataset.
    ///
    /// Unchecked by design. Its one caller is the demo crate's `seed_scope`, entitled because it writes the demo
    /// organisations it has just created, on the operator's command (`volkshuis demo`) or in tests.
    pub fn system_for_demo(org_id: i64) -> Self {
        Self { read: ReadScope { user_id: 0, data_org: org_id, role: Role::Admin } }
    }

    /// The read half: what this scope may read.
    pub fn as_read(&self) -> &ReadScope {
        &self.read
    }
}

impl Deref for WriteScope {
    type Target = ReadScope;

    /// A write scope reads: `&write_scope` goes wherever `&ReadScope` is asked for.
    fn deref(&self) -> &ReadScope {
        &self.read
    }
}

impl From<WriteScope> for ReadScope {
    fn from(scope: WriteScope) -> Self {
        scope.read
    }
}

impl sealed::Mint for ReadScope {
    fn mint(read: ReadScope) -> Self {
        read
    }
}

impl sealed::Mint for WriteScope {
    fn mint(read: ReadScope) -> Self {
        Self { read }
    }
}

impl Scope for ReadScope {
    const WRITES: bool = false;
    fn as_read(&self) -> &ReadScope {
        self
    }
}

impl Scope for WriteScope {
    const WRITES: bool = true;
    fn as_read(&self) -> &ReadScope {
        &self.read
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role) -> Option<Membership> {
        Some(Membership { user_id: 7, org_id: 1, role })
    }

    #[test]
    fn scope_needs_membership_of_that_organisation() {
        let staff = member(Role::Staff);
        assert!(grant(1, staff, Edit).is_ok());
        assert_eq!(grant(2, staff, View), Err(Denied::NotMember));
        assert_eq!(grant(1, None, View), Err(Denied::NotMember));
        assert_eq!(grant(1, staff, Manage), Err(Denied::RoleTooLow));
        let scope = grant(1, staff, View).expect("granted");
        assert_eq!((scope.org_id(), scope.user_id(), scope.role()), (1, 7, Role::Staff));
    }

    #[test]
    fn the_action_checked_decides_the_kind() {
        fn kind<C: Check>(_: C) -> (Action, bool) {
            (C::ACTION, <C::Scope as Scope>::WRITES)
        }
        for (action, writes) in [kind(View), kind(Edit), kind(Manage)] {
            assert_eq!(action.writes(), writes, "{action:?}");
        }
    }

    #[test]
    fn a_read_grant_gives_a_read_scope_even_to_an_admin() {
        // The type is the proof: `grant(.., View)` is a `ReadScope`, and no conversion leads to a `WriteScope`
        // (the module's `compile_fail` examples show both attempts failing).
        let scope: ReadScope = grant(1, member(Role::Admin), View).expect("granted");
        const { assert!(!<ReadScope as Scope>::WRITES) };
        assert_eq!(scope.role(), Role::Admin);
    }

    #[test]
    fn a_read_only_member_gets_no_write_scope() {
        assert_eq!(grant(1, member(Role::ReadOnly), Edit), Err(Denied::RoleTooLow));
        assert_eq!(grant(1, member(Role::ReadOnly), Manage), Err(Denied::RoleTooLow));
        assert!(grant(1, member(Role::ReadOnly), View).is_ok());
    }

    #[test]
    fn a_write_grant_reads() {
        let write: WriteScope = grant(1, member(Role::Staff), Edit).expect("granted");
        let read: &ReadScope = &write;
        assert_eq!((read.org_id(), read.user_id(), read.role()), (1, 7, Role::Staff));
        assert_eq!(write.as_read(), read);
        assert_eq!(ReadScope::from(write), *read);
        assert_eq!(Scope::as_read(&write), read);
    }

    #[test]
    fn unchecked_scopes_are_what_their_names_say() {
        let token = ReadScope::api_token(3);
        assert_eq!((token.org_id(), token.role()), (3, Role::ReadOnly));
        assert_eq!(ReadScope::system_for_job(3).org_id(), 3);
        assert_eq!(WriteScope::system_for_cli(3).org_id(), 3);
        assert_eq!(WriteScope::system_for_demo(3).org_id(), 3);
        let admin: ReadScope = grant_platform_admin(9, 3, View);
        assert_eq!((admin.user_id(), admin.org_id(), admin.role()), (9, 3, Role::Admin));
        let admin: WriteScope = grant_platform_admin(9, 3, Manage);
        assert_eq!(admin.role(), Role::Admin);
    }
}
