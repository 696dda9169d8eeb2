//! The register of social enterprises (issue 22): the list with search and a filter on a certificate valid today, an
//! enterprise's page with its certificates and how each stands today (an expired one flagged), the forms to register
//! and edit an enterprise ([`form`]) and to add a certificate with its evidence file ([`certificate`]), and the
//! download of that file.
//!
//! The register is platform-wide — suppliers of any buyer buy from it — so every signed-in user reads it. It is kept
//! by the staff and administrators of corporations (through their own membership) and by platform administrators;
//! everyone else gets a 403 on its forms and on the evidence files.

mod certificate;
mod form;

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::OndernemingenTexts;
use crate::state::AppState;
use crate::views::{attachment, ok, show_date, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use time::Date;
use volkshuis_domain::access::Edit;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::initiatieven::enterprise::{certificate_state, CertificateKind, CertificateState, PsoLevel};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::initiatieven::enterprises::{self, CertificateRow, Enterprise, Filter, Registrar, LIST_LIMIT};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/ondernemingen", get(list))
        .route("/ondernemingen/nieuw", get(form::new_form).post(form::create))
        .route("/ondernemingen/{id}", get(page))
        .route("/ondernemingen/{id}/bewerken", get(form::edit_form).post(form::update))
        .route(
            "/ondernemingen/{id}/certificaten/nieuw",
            get(certificate::new_form)
                .post(certificate::create)
                .layer(DefaultBodyLimit::max(crate::uploads::MAX_FORM_BYTES)),
        )
        .route("/ondernemingen/{id}/certificaten/{c}/bewijs", get(download))
}

/// The corporations in which the user may edit through their own membership, the active organisation first.
fn registering_corporations(auth: &Auth) -> Vec<i64> {
    let mut orgs: Vec<i64> = auth
        .memberships
        .iter()
        .filter(|(o, _)| o.kind == OrgKind::Corporation && auth.edits_as_member(o.id))
        .map(|(o, _)| o.id)
        .collect();
    orgs.sort_by_key(|id| Some(*id) != auth.active_org_id);
    orgs
}

/// Whether the user keeps the register (for showing its forms and evidence links).
fn may_register(auth: &Auth) -> bool {
    auth.user.is_platform_admin || !registering_corporations(auth).is_empty()
}

/// The proof that the user keeps the register: a corporation in which they may edit (the active one first), else
/// the platform-administrator flag read with the session; a 403 for everyone else.
async fn registrar(state: &AppState, auth: &Auth) -> Result<Registrar, AppError> {
    if let Some(org) = registering_corporations(auth).first() {
        return Ok(Registrar::corporation(&auth.scope(state, *org, Edit).await?));
    }
    if auth.user.is_platform_admin {
        return Ok(Registrar::platform_admin());
    }
    Err(AppError::Forbidden)
}

impl OndernemingenTexts {
    /// The name of a kind of certificate.
    pub fn kind(&self, kind: CertificateKind) -> &'static str {
        match kind {
            CertificateKind::Pso => self.kind_pso,
            CertificateKind::CodeSocialeOndernemingen => self.kind_code_so,
            CertificateKind::SocialEnterpriseNl => self.kind_se_nl,
        }
    }

    /// The name of a PSO level.
    pub fn level(&self, level: PsoLevel) -> &'static str {
        match level {
            PsoLevel::Aspirant => self.level_aspirant,
            PsoLevel::Trede1 => self.level_trede_1,
            PsoLevel::Trede2 => self.level_trede_2,
            PsoLevel::Trede3 => self.level_trede_3,
            PsoLevel::Pso30 => self.level_pso_30,
        }
    }

    /// A certificate's name with its level: "Prestatieladder Socialer Ondernemen (PSO), trede 2".
    pub fn certificate(&self, kind: CertificateKind, level: Option<PsoLevel>) -> String {
        match level {
            Some(level) => format!("{}, {}", self.kind(kind), self.level(level)),
            None => self.kind(kind).to_owned(),
        }
    }

    /// The name of a state.
    pub fn state(&self, state: CertificateState) -> &'static str {
        match state {
            CertificateState::Valid => self.state_valid,
            CertificateState::ExpiresSoon => self.state_expires_soon,
            CertificateState::Expired => self.state_expired,
            CertificateState::NotYetValid => self.state_not_yet_valid,
        }
    }

    /// The stylesheet's tag beside a state's name: green when valid, amber when it expires soon or is not yet
    /// valid, red when expired.
    pub fn state_class(state: CertificateState) -> &'static str {
        match state {
            CertificateState::Valid => "concrete",
            CertificateState::ExpiresSoon | CertificateState::NotYetValid => "partly",
            CertificateState::Expired => "vague",
        }
    }

    /// The date beside the state's tag, without repeating the state ("geldig geldig tot en met …"): "tot en met
    /// 31-12-2026", "op 30-06-2026", "vanaf 01-01-2027".
    pub fn state_date(&self, state: CertificateState, valid_from: Date, valid_until: Date) -> String {
        match state {
            CertificateState::Valid | CertificateState::ExpiresSoon => self.state_date_until(show_date(valid_until)),
            CertificateState::Expired => self.state_date_expired(show_date(valid_until)),
            CertificateState::NotYetValid => self.state_date_from(show_date(valid_from)),
        }
    }

    /// The state in words with its date: "verlopen op 30-06-2026".
    pub fn state_line(&self, state: CertificateState, valid_from: Date, valid_until: Date) -> String {
        let until = show_date(valid_until);
        match state {
            CertificateState::Valid => self.state_line_valid(until),
            CertificateState::ExpiresSoon => self.state_line_expires_soon(until),
            CertificateState::Expired => self.state_line_expired(until),
            CertificateState::NotYetValid => self.state_line_not_yet_valid(show_date(valid_from)),
        }
    }

    /// How an enterprise stands on `today` by its certificates taken together: the valid one that runs longest,
    /// else the first to become valid, else the last to have expired; its state and "name: state line". `None`
    /// without certificates.
    pub fn standing(&self, certificates: &[CertificateRow], today: Date) -> Option<(CertificateState, String)> {
        let judged = |c: &CertificateRow| certificate_state(c.valid_from, c.valid_until, today);
        let current = certificates
            .iter()
            .filter(|c| matches!(judged(c), CertificateState::Valid | CertificateState::ExpiresSoon))
            .max_by_key(|c| c.valid_until);
        let coming =
            || certificates.iter().filter(|c| judged(c) == CertificateState::NotYetValid).min_by_key(|c| c.valid_from);
        let best = current.or_else(coming).or_else(|| certificates.iter().max_by_key(|c| c.valid_until))?;
        let state = judged(best);
        let line = format!(
            "{}: {}",
            self.certificate(best.kind, best.level),
            self.state_line(state, best.valid_from, best.valid_until)
        );
        Some((state, line))
    }
}

/// A certificate as the pages show it, judged on `today`.
struct CertificateView {
    id: i64,
    name: String,
    period: String,
    /// The state's code (`geldig`, `verloopt_binnenkort`, `verlopen`, `nog_niet_geldig`).
    code: &'static str,
    state: &'static str,
    /// The state in a line with its date: "verlopen op 30-06-2026".
    line: String,
    /// The stylesheet's green, amber or red tag.
    class: &'static str,
    file_name: Option<String>,
    recorded_by: String,
}

fn certificate_view(ot: &OndernemingenTexts, c: &CertificateRow, today: Date) -> CertificateView {
    let state = certificate_state(c.valid_from, c.valid_until, today);
    let (from, until) = (show_date(c.valid_from), show_date(c.valid_until));
    CertificateView {
        id: c.id,
        name: ot.certificate(c.kind, c.level),
        period: ot.period(&from, &until),
        code: state.code(),
        state: ot.state(state),
        line: ot.state_date(state, c.valid_from, c.valid_until),
        class: OndernemingenTexts::state_class(state),
        file_name: c.file_name.clone(),
        recorded_by: c.recorded_by.clone(),
    }
}

/// An enterprise on the list.
struct Line {
    href: String,
    name: String,
    kvk: String,
    activity: String,
    region: String,
    certificates: Vec<CertificateView>,
}

#[derive(Template)]
#[template(path = "initiatieven/enterprises.html")]
struct ListPage {
    page: Page,
    ot: &'static OndernemingenTexts,
    may_register: bool,
    q: String,
    valid_only: bool,
    lines: Vec<Line>,
    more: bool,
    limit: i64,
}

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    q: String,
    geldig: Option<String>,
}

async fn list(State(state): State<AppState>, auth: Auth, Query(query): Query<ListQuery>) -> Result<Response, AppError> {
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let valid_only = crate::forms::checkbox(&query.geldig);
    let q: String = query.q.trim().chars().take(100).collect();
    let filter = Filter { text: Some(q.clone()), valid_on: valid_only.then_some(today) };
    let mut found = enterprises::enterprises(&state.db, &filter).await?;
    let more = found.len() as i64 > LIST_LIMIT;
    found.truncate(usize::try_from(LIST_LIMIT).unwrap_or(usize::MAX));
    let lines = found
        .into_iter()
        .map(|e| Line {
            href: format!("/ondernemingen/{}", e.id),
            certificates: e.certificates.iter().map(|c| certificate_view(ot, c, today)).collect(),
            name: e.input.name,
            kvk: e.input.kvk,
            activity: e.input.activity,
            region: e.input.region,
        })
        .collect();
    ok(&ListPage {
        page: Page::for_user(&auth),
        ot,
        may_register: may_register(&auth),
        q,
        valid_only,
        lines,
        more,
        limit: LIST_LIMIT,
    })
}

#[derive(Template)]
#[template(path = "initiatieven/enterprise.html")]
struct EnterprisePage {
    page: Page,
    ot: &'static OndernemingenTexts,
    id: i64,
    may_register: bool,
    enterprise: Enterprise,
    registered_by: String,
    updated: String,
    certificates: Vec<CertificateView>,
}

async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let enterprise = enterprises::enterprise(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let mut page = Page::for_user(&auth).with_notice(query.notice.as_deref());
    if query.notice.as_deref() == Some("certificate") {
        page.notice = Some(ot.notice_certificate.to_owned());
    }
    ok(&EnterprisePage {
        page,
        ot,
        id,
        may_register: may_register(&auth),
        registered_by: enterprise.registered_by.clone().unwrap_or_else(|| ot.registered_by_platform.to_owned()),
        updated: ot.updated_line(show_time(enterprise.updated_at), &enterprise.updated_by),
        certificates: enterprise.certificates.iter().map(|c| certificate_view(ot, c, today)).collect(),
        enterprise,
    })
}

async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, c)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let registrar = registrar(&state, &auth).await?;
    let file = enterprises::certificate_file(&state.db, &registrar, id, c).await?.ok_or(AppError::NotFound)?;
    Ok(attachment(&file.file_name, file.content_type, file.content))
}
