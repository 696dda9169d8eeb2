//! Who is asking: the session behind the cookie, the user, their organisations, and the checks that turn them into
//! scopes. Handlers reach an organisation's data only through [`Auth::scope`].

use crate::context::RequestContext;
use crate::cookies;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use volkshuis_domain::access::{self, Check, Membership, Role};
use volkshuis_store::audit::Actor;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::users::User;
use volkshuis_store::{orgs, sessions};

/// A logged-in user with a live session.
#[derive(Debug, Clone)]
pub struct Auth {
    /// The user.
    pub user: User,
    /// The organisations the user belongs to, with the role in each.
    pub memberships: Vec<(Organisation, Role)>,
    /// The organisation the user works in now (one of the memberships), if any.
    pub active_org_id: Option<i64>,
    /// The session token from the cookie.
    pub token: String,
    /// How many notices the user has not read (for the header).
    pub unread_notices: i64,
    /// The request's context.
    pub ctx: RequestContext,
}

impl Auth {
    /// The user's role as a member of `org`. A platform administrator who is no member has none: personal data
    /// (signals, buyers, candidates) goes only to an organisation's own members (ADR 0043).
    pub fn own_role(&self, org: i64) -> Option<Role> {
        self.memberships.iter().find(|(o, _)| o.id == org).map(|(_, role)| *role)
    }

    /// Whether the user may edit in `org` through their own membership (the bar for reading persons).
    pub fn edits_as_member(&self, org: i64) -> bool {
        self.own_role(org).is_some_and(|role| role.allows(volkshuis_domain::access::Action::Edit))
    }

    /// A step with legal effect (an Overleg answer or decision, a signature, a bid, a dispute) and a party's private
    /// space in prestatieafspraken are the organisation's own: only a member whose own role edits takes or writes
    /// them. The platform administrator's grant, which opens every organisation for its upkeep, does not (ADR 0059).
    pub fn acts_as_member(&self, org: i64) -> Result<(), AppError> {
        if self.edits_as_member(org) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The actor for audit entries written on behalf of this user.
    pub fn actor(&self, state: &AppState) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            label: format!("{} <{}>", self.user.name, self.user.email),
            request_id: Some(self.ctx.request_id.clone()),
            at: state.clock.now(),
        }
    }

    /// Checks that the user may perform `check` ([`View`](volkshuis_domain::access::View),
    /// [`Edit`](volkshuis_domain::access::Edit) or [`Manage`](volkshuis_domain::access::Manage)) on organisation
    /// `org_id`; the scope reads or writes as the check says. A missing organisation is a 404, a forbidden one a 403
    /// (the list of organisations is not secret; their data is).
    pub async fn scope<C: Check>(&self, state: &AppState, org_id: i64, check: C) -> Result<C::Scope, AppError> {
        Ok(self.scope_with_org(state, org_id, check).await?.0)
    }

    /// As [`Auth::scope`], also returning the organisation. The memberships were read with the session in this
    /// request, so a member's check needs no further query.
    pub async fn scope_with_org<C: Check>(
        &self,
        state: &AppState,
        org_id: i64,
        check: C,
    ) -> Result<(C::Scope, Organisation), AppError> {
        let member = self.memberships.iter().find(|(o, _)| o.id == org_id);
        let org = match member {
            Some((org, _)) => org.clone(),
            None => orgs::get(&state.db, org_id).await?.ok_or(AppError::NotFound)?,
        };
        if self.user.is_platform_admin {
            // The one unchecked grant in the web layer: the flag was read with the live session.
            return Ok((access::grant_platform_admin(self.user.id, org_id, check), org));
        }
        let membership = member.map(|(_, role)| Membership { user_id: self.user.id, org_id, role: *role });
        Ok((access::grant(org_id, membership, check)?, org))
    }

    /// The organisation the user works in now, with the role there.
    pub fn active(&self) -> Option<&(Organisation, Role)> {
        let chosen = self.active_org_id.and_then(|id| self.memberships.iter().find(|(o, _)| o.id == id));
        chosen.or_else(|| self.memberships.first())
    }
}

/// The local path of the page a form was sent from (its `Referer`), or the dashboard.
fn form_page(headers: &axum::http::HeaderMap) -> String {
    let referer = headers.get(axum::http::header::REFERER).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let path = url::Url::parse(referer)
        .map(|url| format!("{}{}", url.path(), url.query().map(|q| format!("?{q}")).unwrap_or_default()))
        .unwrap_or_default();
    crate::forms::local_path(&path, "/dashboard")
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = RequestContext::from_parts(parts);
        // A form sent after the session ended is lost: the login page says so (the user was sent there without a
        // word), and leads back to the page the form was on, not to the address it was sent to (often POST only).
        let sent = !matches!(parts.method, axum::http::Method::GET | axum::http::Method::HEAD);
        let next = if sent { form_page(&parts.headers) } else { ctx.path.clone() };
        let login_required = || AppError::LoginRequired { next: next.clone(), lost: sent };
        let token = cookies::get(&parts.headers, cookies::SESSION).ok_or_else(login_required)?;
        let now = state.clock.now();
        let signed_in = match state.signed_in.get(&token, now) {
            Some(signed_in) => signed_in,
            None => {
                let ticket = state.signed_in.ticket();
                let signed_in = sessions::lookup_signed_in(&state.db, &token, now).await?.ok_or_else(login_required)?;
                state.signed_in.keep(ticket, &token, now, &signed_in);
                signed_in
            }
        };
        if !signed_in.user.active {
            return Err(login_required());
        }
        let sessions::SignedIn { session, user, memberships, unread_notices } = signed_in;
        Ok(Auth { user, memberships, active_org_id: session.active_org_id, token, unread_notices, ctx })
    }
}

/// Empties the cache of signed-in users after every request that may have written (see [`crate::signed_in_cache`]):
/// whatever it changed about an account, a membership or a session counts from the next request on.
pub async fn forget_signed_in_after_writes(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let may_write = crate::csrf::changes_state(request.method());
    let response = next.run(request).await;
    if may_write {
        state.signed_in.clear();
    }
    response
}

/// A logged-in platform administrator; anyone else gets a 403.
#[derive(Debug, Clone)]
pub struct PlatformAdmin(pub Auth);

impl FromRequestParts<AppState> for PlatformAdmin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let auth = Auth::from_request_parts(parts, state).await?;
        if !auth.user.is_platform_admin {
            return Err(AppError::Forbidden);
        }
        Ok(PlatformAdmin(auth))
    }
}

/// The logged-in user if there is one (for pages anyone may see, like the login page).
#[derive(Debug, Clone)]
pub struct MaybeAuth(pub Option<Auth>);

impl FromRequestParts<AppState> for MaybeAuth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        match Auth::from_request_parts(parts, state).await {
            Ok(auth) => Ok(MaybeAuth(Some(auth))),
            Err(AppError::LoginRequired { .. }) => Ok(MaybeAuth(None)),
            Err(other) => Err(other),
        }
    }
}
