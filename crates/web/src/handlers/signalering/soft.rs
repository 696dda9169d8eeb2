//! Soft signals. Corporation staff record what they noticed about a household; it stays internal and expires unless
//! the tenant consents (recorded after a confirmation that says what it allows) and it is referred to a partner
//! organisation. A partner sees only the referrals made to it, accepts or declines, and reports back.

use super::{personal_scope, subnav, write_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::SignaleringTexts;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::soft::{
    delete_on_after_withdrawal, ReferralRefused, SoftKind, SoftState, WithdrawRefused,
};
use volkshuis_store::signalering::soft::{self, NewSoft, PartnerStep, Soft, SoftRefusal};
use volkshuis_store::signalering::{settings, Purpose};
use volkshuis_store::stock;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/zacht", get(list).post(record))
        .route("/orgs/{org}/signalering/zacht/{id}", get(one))
        .route("/orgs/{org}/signalering/zacht/{id}/verwijzen", post(refer))
        .route("/orgs/{org}/signalering/zacht/{id}/intrekken", post(withdraw))
        .route("/orgs/{org}/signalering/verwijzingen", get(referrals))
        .route("/orgs/{org}/signalering/verwijzingen/{id}", get(referral))
        .route("/orgs/{org}/signalering/verwijzingen/{id}/stap", post(partner_step))
}

struct SoftRow {
    id: i64,
    org: String,
    household: String,
    address: String,
    kind: String,
    note: String,
    state: String,
    state_code: &'static str,
    consent: Option<String>,
    partner: Option<String>,
    report: Option<String>,
    recorded: String,
    delete_on: Option<String>,
}

fn row(sg: &SignaleringTexts, s: &Soft) -> SoftRow {
    SoftRow {
        id: s.id,
        org: s.org.clone(),
        household: s.household.clone(),
        address: s.address.clone().unwrap_or_default(),
        kind: sg.soft_kind(s.kind).to_owned(),
        note: s.note.clone(),
        state: sg.soft_state(s.state).to_owned(),
        state_code: s.state.code(),
        // Withdrawn consent says so (the row still said "given on …" beside the state "consent withdrawn").
        consent: match (s.consent_on, s.consent_withdrawn_on) {
            (Some(given), Some(withdrawn)) => Some(sg.consent_withdrawn(show_date(given), show_date(withdrawn))),
            (Some(given), None) => Some(sg.consent_given(show_date(given))),
            (None, _) => None,
        },
        partner: s.partner.clone(),
        report: s.report.clone(),
        recorded: format!("{} — {}", show_date(s.recorded.1), s.recorded.0),
        delete_on: s.delete_on.map(show_date),
    }
}

#[derive(Template)]
#[template(path = "signalering/soft.html")]
struct SoftListPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    rows: Vec<SoftRow>,
    kinds: Vec<(String, String)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl SoftListPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn list_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<SoftListPage, AppError> {
    let (_, personal, _) = personal_scope(state, auth, org, OrgKind::Corporation, Purpose::SoftSignals).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let list = soft::soft_signals(&state.db, &personal, &auth.actor(state)).await?;
    Ok(SoftListPage {
        page: Page::for_user(auth),
        sg,
        nav: subnav(sg, auth, org, OrgKind::Corporation),
        org_id: org,
        rows: list.iter().map(|s| row(sg, s)).collect(),
        kinds: SoftKind::ALL.iter().map(|k| (k.code().to_owned(), sg.soft_kind(*k).to_owned())).collect(),
        fields,
        errors,
    })
}

async fn list(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    ok(&list_page(&state, &auth, org, HashMap::new(), FieldErrors::default()).await?)
}

async fn record(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let household = field("household");
    if household.is_empty() || household.chars().count() > 200 {
        errors.add("household", sg.err_household);
    }
    let note = field("note");
    if note.is_empty() || note.chars().count() > 4_000 {
        errors.add("note", sg.err_note);
    }
    let kind = SoftKind::parse(&field("kind"));
    if kind.is_none() {
        errors.add("kind", sg.err_choose);
    }
    // The unit, when given, by its idExtern or address in the corporation's own stock (checked again in the store).
    let unit_id = match field("unit").as_str() {
        "" => Some(None),
        typed => crate::forms::typed_unit(auth.ctx.t(), stock::unit_by_reference(&state.db, &scope, typed).await?)
            .map_err(|message| errors.add("unit", message))
            .ok()
            .map(Some),
    };
    let (Some(kind), Some(unit_id), true) = (kind, unit_id, errors.is_empty()) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &list_page(&state, &auth, org, fields, errors).await?);
    };
    let today = dutch_date(state.clock.now());
    let new = NewSoft { unit_id, household, kind, note };
    let id = soft::record_soft(&state.db, &scope, &auth.actor(&state), &new, today).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/zacht/{id}?notice=recorded")).into_response())
}

#[derive(Template)]
#[template(path = "signalering/soft_one.html")]
struct SoftOnePage {
    page: Page,
    sg: &'static SignaleringTexts,
    org_id: i64,
    trail: Vec<(String, String)>,
    /// The corporation's page (consent, referral) or the partner's (accept, decline, report).
    partner_view: bool,
    row: SoftRow,
    /// The corporation's other signals about the same home (not on the partner's page).
    same_home: Vec<SoftRow>,
    partners: Vec<(String, String)>,
    /// The summary of the referral being confirmed.
    confirming: Option<String>,
    /// The summary of the withdrawal of consent being confirmed.
    withdrawing: Option<String>,
    /// The day the signal is deleted as it stands (the withdrawal's summary names the day after it).
    delete_on: Option<Date>,
    error: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl SoftOnePage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

#[derive(Default)]
struct OnePageInput {
    partner_view: bool,
    /// The summary of the referral being confirmed.
    confirming: Option<String>,
    error: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

async fn one_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    input: OnePageInput,
) -> Result<SoftOnePage, AppError> {
    let (kind, purpose) = if input.partner_view {
        (OrgKind::Partner, Purpose::Referral)
    } else {
        (OrgKind::Corporation, Purpose::SoftSignals)
    };
    let (scope, personal, _) = personal_scope(state, auth, org, kind, purpose).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let signal = soft::soft_signal(&state.db, &personal, &auth.actor(state), id).await?.ok_or(AppError::NotFound)?;
    let (partners, same_home) = if input.partner_view {
        (Vec::new(), Vec::new())
    } else {
        let partners = soft::partners(&state.db, &scope).await?;
        let others = soft::same_home(&state.db, &personal, &auth.actor(state), id).await?;
        (
            partners.into_iter().map(|(id, name)| (id.to_string(), name)).collect(),
            others.iter().map(|s| row(sg, s)).collect(),
        )
    };
    let trail = if input.partner_view {
        (format!("/orgs/{org}/signalering/verwijzingen"), sg.referrals_title.to_owned())
    } else {
        (format!("/orgs/{org}/signalering/zacht"), sg.soft_title.to_owned())
    };
    Ok(SoftOnePage {
        page: Page::for_user(auth),
        sg,
        org_id: org,
        trail: vec![trail],
        partner_view: input.partner_view,
        row: row(sg, &signal),
        same_home,
        partners,
        confirming: input.confirming,
        withdrawing: None,
        delete_on: signal.delete_on,
        error: input.error,
        fields: input.fields,
        errors: input.errors,
    })
}

async fn one(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let mut page = one_page(&state, &auth, org, id, OnePageInput::default()).await?;
    // What the step just taken did.
    let sg = page.sg;
    page.page.notice = match q.notice.as_deref() {
        Some("recorded") if !page.same_home.is_empty() => Some(sg.soft_notice_recorded_same_home),
        Some("recorded") => Some(sg.soft_notice_recorded),
        Some("referred") => Some(sg.soft_notice_referred),
        Some("withdrawn") => Some(sg.soft_notice_withdrawn),
        _ => None,
    }
    .map(str::to_owned);
    ok(&page)
}

fn refusal_text(sg: &SignaleringTexts, refusal: SoftRefusal) -> Result<String, AppError> {
    Ok(match refusal {
        SoftRefusal::NotFound => return Err(AppError::NotFound),
        SoftRefusal::Referral(ReferralRefused::NoConsent) => sg.err_no_consent.to_owned(),
        SoftRefusal::Referral(ReferralRefused::NotInternal) => sg.err_already_referred.to_owned(),
        SoftRefusal::NotAPartner => sg.err_partner.to_owned(),
        SoftRefusal::WrongState => sg.err_wrong_state.to_owned(),
        SoftRefusal::Withdrawal(WithdrawRefused::NoConsent) => sg.err_no_consent_to_withdraw.to_owned(),
        SoftRefusal::Withdrawal(WithdrawRefused::AlreadyWithdrawn) => sg.err_already_withdrawn.to_owned(),
    })
}

/// Refers a soft signal to one partner with the tenant's consent to exactly that: the consent is ticked (never
/// pre-ticked), the first submit shows what it does, naming the partner, and only the confirmation records both.
async fn refer(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let partners = soft::partners(&state.db, &scope).await?;
    let partner = fields.get("partner").and_then(|p| p.parse::<i64>().ok());
    let chosen = partner.and_then(|p| partners.iter().find(|(id, _)| *id == p));
    let consent = fields.get("consent").is_some_and(|v| v == "on");
    let mut errors = FieldErrors::default();
    if chosen.is_none() {
        errors.add("partner", sg.err_partner);
    }
    if !consent {
        errors.add("consent", sg.err_no_consent);
    }
    let Some((partner, partner_name)) = chosen.filter(|_| errors.is_empty()) else {
        let input = OnePageInput { errors, fields, ..OnePageInput::default() };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &one_page(&state, &auth, org, id, input).await?);
    };
    if fields.get("confirmed").map(String::as_str) != Some("yes") {
        let input =
            OnePageInput { confirming: Some(sg.refer_summary(partner_name)), fields, ..OnePageInput::default() };
        return ok(&one_page(&state, &auth, org, id, input).await?);
    }
    let today = dutch_date(state.clock.now());
    if let Err(refusal) = soft::refer(&state.db, &scope, &auth.actor(&state), (id, *partner), consent, today).await? {
        let input = OnePageInput { error: Some(refusal_text(sg, refusal)?), fields, ..OnePageInput::default() };
        return render(StatusCode::CONFLICT, &one_page(&state, &auth, org, id, input).await?);
    }
    let mut tx = state.db.begin().await?;
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::ReferralMade { partner: *partner })).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/zacht/{id}?notice=referred")).into_response())
}

/// Records that the tenant withdrew the consent to a referral: the first submit shows what it does (naming the
/// partner that will no longer see the signal, and the day it is deleted), only the confirmation records it; the
/// partner is told without a name.
async fn withdraw(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    if fields.get("confirmed").map(String::as_str) != Some("yes") {
        let mut page = one_page(&state, &auth, org, id, OnePageInput::default()).await?;
        let refused = if page.row.consent.is_none() {
            Some(sg.err_no_consent_to_withdraw)
        } else if page.row.state_code == SoftState::Withdrawn.code() {
            Some(sg.err_already_withdrawn)
        } else {
            None
        };
        if let Some(error) = refused {
            page.error = Some(error.to_owned());
            return render(StatusCode::CONFLICT, &page);
        }
        let months = settings::settings(&state.db, scope.as_read()).await?.soft_internal_months;
        let date = delete_on_after_withdrawal(page.delete_on, today, months).map(show_date).unwrap_or_default();
        page.withdrawing = Some(match &page.row.partner {
            Some(partner) => sg.withdraw_summary_partner(&date, partner),
            None => sg.withdraw_summary(&date),
        });
        return ok(&page);
    }
    let partner = match soft::withdraw_consent(&state.db, &scope, &auth.actor(&state), id, today).await? {
        Ok(partner) => partner,
        Err(refusal) => {
            let input = OnePageInput { error: Some(refusal_text(sg, refusal)?), ..OnePageInput::default() };
            return render(StatusCode::CONFLICT, &one_page(&state, &auth, org, id, input).await?);
        }
    };
    if let Some(partner) = partner {
        // The withdrawal stands; a notice that cannot be delivered is logged, not answered with an error that would
        // make the user try a step that is already done.
        let told = async {
            let mut tx = state.db.begin().await?;
            notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::ConsentWithdrawn { partner })).await?;
            tx.commit().await?;
            anyhow::Ok(())
        };
        if let Err(error) = told.await {
            tracing::warn!(?error, soft_signal = id, "the partner could not be told of a withdrawn consent");
        }
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/zacht/{id}?notice=withdrawn")).into_response())
}

#[derive(Template)]
#[template(path = "signalering/referrals.html")]
struct ReferralsPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    rows: Vec<SoftRow>,
}

async fn referrals(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (_, personal, _) = personal_scope(&state, &auth, org, OrgKind::Partner, Purpose::Referral).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let list = soft::referrals(&state.db, &personal, &auth.actor(&state)).await?;
    ok(&ReferralsPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Partner),
        org_id: org,
        rows: list.iter().map(|s| row(sg, s)).collect(),
    })
}

async fn referral(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    ok(&one_page(&state, &auth, org, id, OnePageInput { partner_view: true, ..OnePageInput::default() }).await?)
}

async fn partner_step(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Partner).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let text = fields.get("report").map(|r| r.trim().to_owned()).unwrap_or_default();
    let step = match fields.get("step").map(String::as_str) {
        Some("accept") => Some(PartnerStep::Accept),
        Some("decline") | Some("close") if text.is_empty() || text.chars().count() > 4_000 => None,
        Some("decline") => Some(PartnerStep::Decline(text)),
        Some("close") => Some(PartnerStep::Close(text)),
        _ => return Err(AppError::BadRequest),
    };
    let Some(step) = step else {
        let mut errors = FieldErrors::default();
        errors.add("report", sg.err_report);
        let input = OnePageInput { partner_view: true, errors, fields, ..OnePageInput::default() };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &one_page(&state, &auth, org, id, input).await?);
    };
    let today = dutch_date(state.clock.now());
    if let Err(refusal) = soft::partner_step(&state.db, &scope, &auth.actor(&state), id, &step, today).await? {
        let input = OnePageInput {
            partner_view: true,
            error: Some(refusal_text(sg, refusal)?),
            fields,
            ..OnePageInput::default()
        };
        return render(StatusCode::CONFLICT, &one_page(&state, &auth, org, id, input).await?);
    }
    if let Some(corporation) = soft::owner_of(&state.db, &scope, id).await? {
        let mut tx = state.db.begin().await?;
        notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::ReferralAnswered { corporation })).await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/verwijzingen/{id}")).into_response())
}
