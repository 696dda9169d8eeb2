//! Who is asking: the session behind the cookie, the user, their organisations, and the checks that turn them into
//! scopes. Handlers reach an organisation's data only through [`Auth::scope`].

use crate::app::AppState;
use crate::context::RequestContext;
use crate::cookies;
use crate::error::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use volkshuis_domain::access::{Action, OrgScope, Role};
use volkshuis_store::audit::Actor;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::users::User;
use volkshuis_store::{orgs, sessions, users};

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
    /// The request's context.
    pub ctx: RequestContext,
}

impl Auth {
    /// The actor for audit entries written on behalf of this user.
    pub fn actor(&self, state: &AppState) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            label: format!("{} <{}>", self.user.name, self.user.email),
            request_id: Some(self.ctx.request_id.clone()),
            at: state.clock.now(),
        }
    }

    /// Checks that the user may perform `action` on organisation `org_id`. A missing organisation is a 404, a
    /// forbidden one a 403 (the list of organisations is not secret; their data is).
    pub async fn scope(&self, state: &AppState, org_id: i64, action: Action) -> Result<OrgScope, AppError> {
        if orgs::get(&state.db, org_id).await?.is_none() {
            return Err(AppError::NotFound);
        }
        if self.user.is_platform_admin {
            return Ok(OrgScope::grant_platform_admin(self.user.id, org_id));
        }
        let membership = users::membership(&state.db, self.user.id, org_id).await?;
        Ok(OrgScope::grant(org_id, membership, action)?)
    }

    /// The organisation the user works in now, with the role there.
    pub fn active(&self) -> Option<&(Organisation, Role)> {
        let chosen = self.active_org_id.and_then(|id| self.memberships.iter().find(|(o, _)| o.id == id));
        chosen.or_else(|| self.memberships.first())
    }
}

impl FromRequestParts<AppState> for Auth {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = RequestContext::from_parts(parts);
        let login_required = || AppError::LoginRequired { next: ctx.path.clone() };
        let token = cookies::get(&parts.headers, cookies::SESSION).ok_or_else(login_required)?;
        let session = sessions::lookup(&state.db, &token, state.clock.now()).await?.ok_or_else(login_required)?;
        let user = users::get(&state.db, session.user_id).await?.filter(|u| u.active).ok_or_else(login_required)?;
        let memberships = users::organisations_of(&state.db, user.id).await?;
        Ok(Auth { user, memberships, active_org_id: session.active_org_id, token, ctx })
    }
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
