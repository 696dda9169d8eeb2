//! The page of one of a corporation's partner lists (`volkshuis_store::partner_lists`): the partner organisations that
//! may receive its tenants' personal data — Signalering's referral partners, Nazorg's koopcoach partners. Its staff
//! see the list; its own administrators change it (the platform operator does not decide where a corporation's
//! personal data may go). Each module gives the route, its texts and sub-menu ([`ListKind`]) and checks the scope.

use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::Lang;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use volkshuis_domain::access::{Role, WriteScope};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::orgs;
use volkshuis_store::partner_lists::{self, Listing, PartnerList};

/// What a change did, as the list page tells it afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Notice {
    Added,
    Already,
    Removed,
    NotListed,
}

impl Notice {
    fn code(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Already => "already",
            Self::Removed => "removed",
            Self::NotListed => "not_listed",
        }
    }

    fn parse(code: &str) -> Option<Self> {
        [Self::Added, Self::Already, Self::Removed, Self::NotListed].into_iter().find(|n| n.code() == code)
    }
}

/// The list page's query: what a change did (`notice`) and to which partner.
#[derive(serde::Deserialize)]
pub(crate) struct ChangeQuery {
    notice: Option<String>,
    partner: Option<i64>,
}

/// The page's texts in one language.
pub(crate) struct ListTexts {
    /// The module's name (the page's title ends with it; the sub-menu's label).
    pub module: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub none: &'static str,
    pub remove: &'static str,
    pub remove_note: &'static str,
    pub add_title: &'static str,
    pub add: &'static str,
    pub save: &'static str,
    pub no_candidates: &'static str,
    pub ask_admin: &'static str,
    pub err_partner: &'static str,
}

/// The write scope a module grants on the corporation of the path (its own guard: module, kind, role), boxed so a
/// [`ListKind`] can hold it as a plain function.
pub(crate) type ScopeFuture<'a> = Pin<Box<dyn Future<Output = Result<WriteScope, AppError>> + Send + 'a>>;

/// One partner list as a module offers it.
pub(crate) struct ListKind {
    /// The module's guard for the list's pages (staff see; [`ListKind::add`] and [`ListKind::remove`] ask for the
    /// corporation's own administrators on top).
    pub scope: for<'a> fn(&'a AppState, &'a Auth, i64) -> ScopeFuture<'a>,
    pub list: PartnerList,
    /// The page's path below `/orgs/{org}/`.
    pub path: &'static str,
    pub texts: fn(Lang) -> ListTexts,
    /// What a change did, naming the partner.
    pub notice: fn(Lang, Notice, &str) -> String,
    pub nav: fn(&Auth, i64) -> Vec<(String, &'static str)>,
    /// The step the partner is told of when it is put on the list (`true`) or taken off, if any.
    pub told: Option<fn(i64, bool) -> Step>,
}

#[derive(Template)]
#[template(path = "partner_list.html")]
struct ListPage {
    page: Page,
    t: ListTexts,
    nav: Vec<(String, &'static str)>,
    action: String,
    partners: Vec<(i64, String)>,
    /// Partner organisations on the platform not on the list yet: what an administrator may add.
    candidates: Vec<(String, String)>,
    can_manage: bool,
    typed: String,
    errors: FieldErrors,
}

/// The list's routes: the page and its additions at `/orgs/{org}/{path}`, a removal at `…/{partner}/verwijderen`.
pub(crate) fn router(kind: &'static ListKind) -> Router<AppState> {
    let path = format!("/orgs/{{org}}/{}", kind.path);
    let show = move |State(state): State<AppState>, auth: Auth, Path(org): Path<i64>, Query(q): Query<ChangeQuery>| async move {
        let scope = (kind.scope)(&state, &auth, org).await?;
        kind.show(&state, &auth, &scope, &q).await
    };
    let add = move |State(state): State<AppState>,
                    auth: Auth,
                    Path(org): Path<i64>,
                    Form(fields): Form<HashMap<String, String>>| async move {
        let scope = (kind.scope)(&state, &auth, org).await?;
        kind.add(&state, &auth, &scope, &fields).await
    };
    let remove = move |State(state): State<AppState>, auth: Auth, Path((org, partner)): Path<(i64, i64)>| async move {
        let scope = (kind.scope)(&state, &auth, org).await?;
        kind.remove(&state, &auth, &scope, partner).await
    };
    Router::new().route(&path, get(show).post(add)).route(&format!("{path}/{{partner}}/verwijderen"), post(remove))
}

impl ListKind {
    fn action(&self, org: i64) -> String {
        format!("/orgs/{org}/{}", self.path)
    }

    async fn page(
        &self,
        state: &AppState,
        auth: &Auth,
        scope: &WriteScope,
        typed: String,
        errors: FieldErrors,
    ) -> Result<ListPage, AppError> {
        let partners = partner_lists::listed(&state.db, self.list, scope.as_read()).await?;
        let candidates = orgs::list(&state.db)
            .await?
            .into_iter()
            .filter(|o| o.kind == OrgKind::Partner && !partners.iter().any(|(id, _)| *id == o.id))
            .map(|o| (o.id.to_string(), o.name))
            .collect();
        Ok(ListPage {
            page: Page::for_user(auth),
            t: (self.texts)(auth.ctx.lang),
            nav: (self.nav)(auth, scope.org_id()),
            action: self.action(scope.org_id()),
            partners,
            candidates,
            can_manage: is_own_admin(auth, scope.org_id()),
            typed,
            errors,
        })
    }

    /// The list, with what a change did. Only a partner the page shows itself is named (on the list, or addable to
    /// an administrator), so an id typed into the address names nothing.
    pub(crate) async fn show(
        &self,
        state: &AppState,
        auth: &Auth,
        scope: &WriteScope,
        query: &ChangeQuery,
    ) -> Result<Response, AppError> {
        let mut page = self.page(state, auth, scope, String::new(), FieldErrors::default()).await?;
        let notice = query.notice.as_deref().and_then(Notice::parse);
        let name = query.partner.and_then(|id| {
            let listed = page.partners.iter().find(|(listed, _)| *listed == id).map(|(_, name)| name);
            let addable = || {
                let key = id.to_string();
                page.candidates.iter().filter(|_| page.can_manage).find(|(c, _)| *c == key).map(|(_, name)| name)
            };
            listed.or_else(addable).cloned()
        });
        page.page.notice = name.zip(notice).map(|(name, notice)| (self.notice)(auth.ctx.lang, notice, &name));
        ok(&page)
    }

    /// Puts the partner of the form's `partner_id` on the list (the corporation's own administrators only).
    pub(crate) async fn add(
        &self,
        state: &AppState,
        auth: &Auth,
        scope: &WriteScope,
        fields: &HashMap<String, String>,
    ) -> Result<Response, AppError> {
        manages(auth, scope)?;
        let typed = fields.get("partner_id").cloned().unwrap_or_default();
        // The store refuses an organisation that is no partner (an id typed into the form, say) and writes nothing.
        let listing = match typed.trim().parse::<i64>() {
            Ok(id) => Some((id, partner_lists::add(&state.db, self.list, scope, &auth.actor(state), id).await?)),
            Err(_) => None,
        };
        let (notice, partner) = match listing {
            Some((partner, Listing::Added)) => {
                self.tell(state, auth, scope.org_id(), partner, true).await?;
                (Notice::Added, partner)
            }
            // Told once: adding a partner that is on the list already changes nothing.
            Some((partner, Listing::AlreadyListed)) => (Notice::Already, partner),
            Some((_, Listing::NotAPartner)) | None => {
                let mut errors = FieldErrors::default();
                errors.add("partner_id", (self.texts)(auth.ctx.lang).err_partner);
                let page = self.page(state, auth, scope, typed, errors).await?;
                return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
            }
        };
        Ok(self.back(scope.org_id(), notice, partner))
    }

    /// Takes `partner` off the list (the corporation's own administrators only). Taken off already (a second tab, a
    /// button pressed twice): said so, not a missing page.
    pub(crate) async fn remove(
        &self,
        state: &AppState,
        auth: &Auth,
        scope: &WriteScope,
        partner: i64,
    ) -> Result<Response, AppError> {
        manages(auth, scope)?;
        if !partner_lists::remove(&state.db, self.list, scope, &auth.actor(state), partner).await? {
            return Ok(self.back(scope.org_id(), Notice::NotListed, partner));
        }
        self.tell(state, auth, scope.org_id(), partner, false).await?;
        Ok(self.back(scope.org_id(), Notice::Removed, partner))
    }

    fn back(&self, org: i64, notice: Notice, partner: i64) -> Response {
        Redirect::to(&format!("{}?notice={}&partner={partner}", self.action(org), notice.code())).into_response()
    }

    async fn tell(&self, state: &AppState, auth: &Auth, org: i64, partner: i64, listed: bool) -> Result<(), AppError> {
        let Some(step) = self.told else { return Ok(()) };
        let mut tx = state.db.begin().await?;
        notify::tell(state, &mut tx, &Event::new(auth, org, step(partner, listed))).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Whether the user is an administrator of the corporation by their own membership.
fn is_own_admin(auth: &Auth, org: i64) -> bool {
    auth.own_role(org) == Some(Role::Admin)
}

fn manages(auth: &Auth, scope: &WriteScope) -> Result<(), AppError> {
    if is_own_admin(auth, scope.org_id()) {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}
