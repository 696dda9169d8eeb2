//! The initiator's side: the public page that explains how to bring in a plan and shows what initiatives chose to
//! publish; the form to bring one in (any signed-in user, on their own or for an organisation they belong to); the
//! user's own initiatives, which they change while they are an idea or a plan, and publish when they choose.

use super::form;
use crate::auth::{Auth, MaybeAuth};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::InitiatievenTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_store::initiatieven::initiatives::{self, EditRefused, Initiative, NewInitiative, SubmitRefused};
use volkshuis_store::initiatieven::{budgets, lending, outcomes};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/initiatieven", get(public))
        .route("/initiatieven/nieuw", get(new_form).post(submit))
        .route("/initiatieven/mijn", get(mine))
        .route("/initiatieven/mijn/{id}", get(own).post(edit))
        .route("/initiatieven/mijn/{id}/openbaar", post(publish))
        .route("/initiatieven/mijn/{id}/fotos/{photo}", get(photo))
}

/// An initiative on a list.
pub(super) struct Line {
    pub href: String,
    pub title: String,
    pub corporation: String,
    pub place: String,
    pub stage: &'static str,
    pub stage_code: &'static str,
    pub summary: String,
}

impl Line {
    pub(super) fn of(it: &InitiatievenTexts, i: &Initiative, href: String) -> Self {
        Self {
            href,
            title: i.title.clone(),
            corporation: i.corporation.clone(),
            place: i.place.clone(),
            stage: it.stage(i.stage),
            stage_code: i.stage.code(),
            summary: i.public_summary.clone().unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "initiatieven/public.html")]
struct PublicPage {
    page: Page,
    it: &'static InitiatievenTexts,
    signed_in: bool,
    rows: Vec<Line>,
}

async fn public(
    State(state): State<AppState>,
    ctx: RequestContext,
    MaybeAuth(auth): MaybeAuth,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(ctx.lang);
    let rows = initiatives::published(&state.db).await?.iter().map(|i| Line::of(it, i, String::new())).collect();
    let page = match &auth {
        Some(auth) => Page::for_user(auth),
        None => Page::anonymous(&ctx),
    };
    ok(&PublicPage { page, it, signed_in: auth.is_some(), rows })
}

#[derive(Template)]
#[template(path = "initiatieven/new.html")]
struct NewPage {
    page: Page,
    it: &'static InitiatievenTexts,
    corporations: Vec<(String, String)>,
    on_behalf: Vec<(String, String)>,
    needs: Vec<(String, &'static str, bool)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl NewPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn new_page(
    state: &AppState,
    auth: &Auth,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let corporations =
        initiatives::corporations(&state.db).await?.into_iter().map(|(id, name)| (id.to_string(), name)).collect();
    let on_behalf = auth.memberships.iter().map(|(o, _)| (o.id.to_string(), o.name.clone())).collect();
    Ok(NewPage {
        page: Page::for_user(auth),
        it,
        corporations,
        on_behalf,
        needs: form::need_boxes(it, &fields),
        fields,
        errors,
    })
}

async fn new_form(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    ok(&new_page(&state, &auth, HashMap::new(), FieldErrors::default()).await?)
}

fn buurt_code(text: &str) -> Option<Option<String>> {
    let text = text.trim().to_uppercase();
    if text.is_empty() {
        return Some(None);
    }
    let digits = text.strip_prefix("BU")?;
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then_some(Some(text))
}

async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let edit = form::read((auth.ctx.t(), it), &fields, &mut errors, false);
    let corporation = crate::forms::field(&fields, "corporation").parse::<i64>().ok();
    if corporation.is_none() {
        errors.add("corporation", it.err_corporation);
    }
    let on_behalf_of = match crate::forms::field(&fields, "on_behalf") {
        "" => Some(None),
        id => id.parse::<i64>().ok().map(Some),
    };
    if on_behalf_of.is_none() {
        errors.add("on_behalf", it.err_on_behalf);
    }
    let buurt = buurt_code(crate::forms::field(&fields, "buurt"));
    if buurt.is_none() {
        errors.add("buurt", it.err_buurt);
    }
    let (Some(edit), Some(corporation_id), Some(on_behalf_of), Some(buurt_code), true) =
        (edit, corporation, on_behalf_of, buurt, errors.is_empty())
    else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, fields, errors).await?);
    };
    let new = NewInitiative {
        corporation_id,
        title: edit.title,
        description: edit.description,
        place: edit.place,
        buurt_code,
        cluster_ids: Vec::new(),
        who: edit.who,
        needs: edit.needs,
        on_behalf_of,
    };
    match initiatives::submit(&state.db, &auth.actor(&state), auth.user.id, &new).await? {
        Ok(id) => {
            super::notices::plan_came_in(&state, corporation_id, id, &new.title, &auth.user.name).await;
            Ok(Redirect::to(&format!("/initiatieven/mijn/{id}?notice=submitted")).into_response())
        }
        Err(refused) => {
            match refused {
                SubmitRefused::UnknownCorporation => errors.add("corporation", it.err_corporation),
                SubmitRefused::NotAMember => errors.add("on_behalf", it.err_on_behalf),
                // The initiator's form names no complex (the coach links them): only a forged form gets here.
                SubmitRefused::UnknownComplex => return Err(AppError::NotFound),
            }
            render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, fields, errors).await?)
        }
    }
}

#[derive(Template)]
#[template(path = "initiatieven/mine.html")]
struct MinePage {
    page: Page,
    it: &'static InitiatievenTexts,
    rows: Vec<Line>,
}

async fn mine(State(state): State<AppState>, auth: Auth) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let rows = initiatives::of_initiator(&state.db, auth.user.id)
        .await?
        .iter()
        .map(|i| Line::of(it, i, format!("/initiatieven/mijn/{}", i.id)))
        .collect();
    ok(&MinePage { page: Page::for_user(&auth), it, rows })
}

#[derive(Template)]
#[template(path = "initiatieven/own.html")]
struct OwnPage {
    page: Page,
    it: &'static InitiatievenTexts,
    id: i64,
    notice: Option<&'static str>,
    /// The initiative's name as stored (the form below may hold an edit not yet saved).
    name: String,
    corporation: String,
    stage: &'static str,
    coach: Option<String>,
    editable: bool,
    plan_ok: bool,
    plan_lines: Vec<String>,
    log: Vec<(String, String, Option<String>, String)>,
    support: Vec<String>,
    /// (href, year, file name)
    photos: Vec<(String, i32, String)>,
    published: bool,
    needs: Vec<(String, &'static str, bool)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl OwnPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn own_page(
    state: &AppState,
    auth: &Auth,
    id: i64,
    notice: Option<&'static str>,
    fields: Option<HashMap<String, String>>,
    errors: FieldErrors,
) -> Result<OwnPage, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let initiative = initiatives::for_initiator(&state.db, auth.user.id, id).await?.ok_or(AppError::NotFound)?;
    let mut fields = fields.unwrap_or_else(|| form::fields_of(&initiative));
    fields.entry("public_summary".to_owned()).or_insert_with(|| initiative.public_summary.clone().unwrap_or_default());
    let (plan_ok, plan_lines) = form::plan_state(it, &initiative.plan);
    let log = initiatives::log(&state.db, id)
        .await?
        .into_iter()
        .map(|e| (show_date(e.on_date), super::log_text(it, &e), e.next_step, e.written_by))
        .collect();
    let mut support: Vec<String> =
        lending::loans(&state.db, id).await?.iter().map(|l| super::loan_line(it, l)).collect();
    support.extend(budgets::grants_of(&state.db, id).await?.iter().map(|g| super::grant_line(it, g)));
    support.extend(
        outcomes::outcomes_of(&state.db, id).await?.iter().map(|(year, o, _)| super::outcome_line(it, *year, o)),
    );
    Ok(OwnPage {
        page: Page::for_user(auth),
        it,
        id,
        notice,
        name: initiative.title.clone(),
        corporation: initiative.corporation.clone(),
        stage: it.stage(initiative.stage),
        coach: initiative.coach.as_ref().map(|(_, n)| n.clone()),
        editable: matches!(
            initiative.stage,
            volkshuis_domain::initiatieven::stage::Stage::Idea | volkshuis_domain::initiatieven::stage::Stage::Plan
        ),
        plan_ok,
        plan_lines,
        log,
        support,
        photos: outcomes::photos_of(&state.db, id)
            .await?
            .into_iter()
            .map(|(photo, year, name)| (format!("/initiatieven/mijn/{id}/fotos/{photo}"), year, name))
            .collect(),
        published: initiative.published,
        needs: form::need_boxes(it, &fields),
        fields,
        errors,
    })
}

async fn own(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| it.notice(n));
    ok(&own_page(&state, &auth, id, notice, None, FieldErrors::default()).await?)
}

async fn edit(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let Some(edit) = form::read((auth.ctx.t(), it), &fields, &mut errors, true) else {
        let page = own_page(&state, &auth, id, None, Some(fields), errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    match initiatives::edit_by_initiator(&state.db, &auth.actor(&state), auth.user.id, id, &edit).await? {
        Ok(()) => Ok(Redirect::to(&format!("/initiatieven/mijn/{id}?notice=saved")).into_response()),
        Err(EditRefused::Unknown) => Err(AppError::NotFound),
        Err(EditRefused::PastPlan) => {
            errors.add("title", it.err_past_plan);
            let page = own_page(&state, &auth, id, None, Some(fields), errors).await?;
            render(StatusCode::CONFLICT, &page)
        }
    }
}

async fn publish(
    State(state): State<AppState>,
    auth: Auth,
    Path(id): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let it = InitiatievenTexts::of(auth.ctx.lang);
    let withdraw = crate::forms::field(&fields, "withdraw") == "1";
    let summary = crate::forms::field(&fields, "public_summary").to_owned();
    let back = crate::confirm_step::going_back(&fields);
    if !withdraw && (back || summary.is_empty() || summary.chars().count() > 1_000) {
        // Back from the confirmation, or a summary that cannot go public: the page with the summary as typed.
        let mut errors = FieldErrors::default();
        if !back {
            errors.bounded(auth.ctx.t(), "public_summary", &summary, true, 1_000);
        }
        let initiative = initiatives::for_initiator(&state.db, auth.user.id, id).await?.ok_or(AppError::NotFound)?;
        let mut kept = form::fields_of(&initiative);
        kept.insert("public_summary".to_owned(), summary);
        let page = own_page(&state, &auth, id, None, Some(kept), errors).await?;
        let status = if back { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
        return render(status, &page);
    }
    // Publishing puts the initiative and its summary before everyone: asked once more, with what it shows.
    // Already public, the same step replaces the summary that everyone reads: said so, not "publish" again.
    let initiative = initiatives::for_initiator(&state.db, auth.user.id, id).await?.ok_or(AppError::NotFound)?;
    let updating = initiative.published;
    if !withdraw && !crate::confirm_step::confirmed(&fields) {
        let (title, effect, button, back_text) = if updating {
            (it.update_title, it.update_effect(&initiative.title), it.update_yes, it.update_back)
        } else {
            (it.publish_title, it.publish_effect(&initiative.title), it.publish_yes, it.publish_back)
        };
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: title.to_owned(),
            lines: vec![effect, it.publish_summary(&summary), it.publish_undo.to_owned()],
            action: format!("/initiatieven/mijn/{id}/openbaar"),
            button,
            back_href: format!("/initiatieven/mijn/{id}"),
            back_text,
            carried: vec![("public_summary".to_owned(), summary)],
        }
        .response();
    }
    let summary = (!withdraw).then_some(summary);
    if !initiatives::publish_by_initiator(&state.db, &auth.actor(&state), auth.user.id, id, summary.as_deref()).await? {
        return Err(AppError::NotFound);
    }
    let notice = match (withdraw, updating) {
        (true, _) => "withdrawn",
        (false, true) => "summary_updated",
        (false, false) => "published",
    };
    Ok(Redirect::to(&format!("/initiatieven/mijn/{id}?notice={notice}")).into_response())
}

async fn photo(
    State(state): State<AppState>,
    auth: Auth,
    Path((id, photo)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    initiatives::for_initiator(&state.db, auth.user.id, id).await?.ok_or(AppError::NotFound)?;
    let (content_type, content) = outcomes::photo(&state.db, id, photo).await?.ok_or(AppError::NotFound)?;
    Ok(super::photo_response(content_type, content))
}
