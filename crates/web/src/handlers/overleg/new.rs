//! A corporation starts a request to one of its tenant organisations, with documents.

use super::jobs;
use super::list::parse_weeks;
use super::{parse_date, party_scope, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::handlers::pickers::stock_picker;
use crate::i18n::PickersTexts;
use crate::picker::Picker;
use crate::state::AppState;
use crate::uploads::{MultipartForm, MAX_FORM_BYTES};
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use volkshuis_domain::access::{Edit, ReadScope, WriteScope};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::{advice_deadline, check_received, check_request, RequestError, RequestKind, Subject};
use volkshuis_domain::text::{LongText, Name};
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg::{self, NewCase, NewDocument};
use volkshuis_store::stock::{self, StockRef};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/overleg/nieuw", get(form).post(create).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)))
}

/// The form as typed.
#[derive(Default)]
struct CaseForm {
    tenant_org_id: String,
    kind: String,
    subject: String,
    title: String,
    explanation: String,
    received_on: String,
    /// "on" when the corporation says the organisation received the request before, outside Volkshuis.
    received_earlier: String,
    /// The day of receipt the corporation confirmed, by ticking the box, as one whose advice term has run out already
    /// (the box's value: a day changed afterwards is asked again).
    term_passed: String,
    /// The box's text, naming the day of receipt and the day the term ended; empty while no term has run out.
    term_passed_label: String,
    agreed_weeks: String,
    clusters: String,
}

#[derive(Template)]
#[template(path = "overleg/new.html")]
struct NewPage {
    page: Page,
    org_id: i64,
    org_name: String,
    partners: Vec<(String, String)>,
    kinds: Vec<(String, String)>,
    subjects: Vec<(String, String)>,
    form: CaseForm,
    errors: FieldErrors,
    file_errors: Vec<String>,
    /// The complexes the request is about, chosen from the corporation's own stock.
    clusters: Picker,
}

async fn corporation(state: &AppState, auth: &Auth, org: i64) -> Result<(WriteScope, Organisation), AppError> {
    let (scope, organisation) = party_scope(state, auth, org, Edit).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound); // A tenant organisation has no such page.
    }
    Ok((scope, organisation))
}

async fn new_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: Organisation,
    form: CaseForm,
    errors: FieldErrors,
    file_errors: Vec<String>,
) -> Result<NewPage, AppError> {
    let page = Page::for_user(auth);
    let ov = page.ov;
    let partners =
        overleg::partners_of(&state.db, scope).await?.into_iter().map(|p| (p.org.id.to_string(), p.org.name)).collect();
    let lang = auth.ctx.lang;
    let complexes =
        Picker::new(lang, "clusters", PickersTexts::of(lang).complexes).multiple().error(errors.get("clusters"));
    let own = [(organisation.id, organisation.name.clone())];
    let clusters =
        stock_picker(state, scope, complexes, StockRef::Complex, &own, Some(organisation.id), &form.clusters).await?;
    Ok(NewPage {
        clusters,
        org_id: organisation.id,
        org_name: organisation.name,
        partners,
        kinds: RequestKind::ALL.iter().map(|k| (k.code().to_owned(), ov.kind(*k).to_owned())).collect(),
        subjects: Subject::ALL.iter().map(|s| (s.code().to_owned(), ov.subject(*s).to_owned())).collect(),
        page,
        form,
        errors,
        file_errors,
    })
}

async fn form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, organisation) = corporation(&state, &auth, org).await?;
    // No kind chosen in advance: which right applies (advice, consent, a view) is the corporation's choice to make.
    let form = CaseForm { received_on: show_date(today(&state)), ..Default::default() };
    ok(&new_page(&state, &auth, &scope, organisation, form, FieldErrors::default(), Vec::new()).await?)
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let (scope, organisation) = corporation(&state, &auth, org).await?;
    let upload = MultipartForm::read(multipart).await?;
    let mut form = CaseForm {
        tenant_org_id: upload.text("tenant_org_id"),
        kind: upload.text("kind"),
        subject: upload.text("subject"),
        title: upload.text("title"),
        explanation: upload.text("explanation"),
        received_on: upload.text("received_on"),
        received_earlier: upload.text("received_earlier"),
        term_passed: upload.text("term_passed"),
        term_passed_label: String::new(),
        agreed_weeks: upload.text("agreed_weeks"),
        clusters: upload.text("clusters"),
    };
    let t = auth.ctx.t();
    let ov = auth.ctx.lang.overleg();
    let mut errors = FieldErrors::default();
    let tenant_org_id = form.tenant_org_id.trim().parse::<i64>().ok();
    let partner_weeks = match tenant_org_id {
        Some(id) => match overleg::partner_terms(&state.db, &scope, id).await {
            Ok(weeks) => Some(weeks),
            Err(StoreError::NotFound) => None,
            Err(other) => return Err(other.into()),
        },
        None => None,
    };
    if partner_weeks.is_none() {
        errors.add("tenant_org_id", ov.err_not_partner);
    }
    let kind = errors.check(t, "kind", RequestKind::parse(&form.kind));
    let subject = errors.check(t, "subject", Subject::parse(&form.subject));
    let title = errors.check(t, "title", Name::parse(&form.title));
    let explanation = errors.check(t, "explanation", LongText::parse(&form.explanation));
    let received_on = match parse_date(&form.received_on) {
        Err(_) => {
            errors.add("received_on", ov.err_date);
            None
        }
        Ok(day) => match check_received(day, today(&state)) {
            Err(RequestError::ReceivedInFuture) => {
                errors.add("received_on", ov.err_received_future);
                None
            }
            Err(_) => {
                errors.add("received_on", ov.err_received_before_law);
                None
            }
            // A request sent here reaches the organisation today; an earlier day starts its term before it saw the
            // request here (a term already run out was recorded in one step), so the corporation says it was
            // delivered before, outside Volkshuis.
            Ok(()) if day < today(&state) && form.received_earlier != "on" => {
                errors.add("received_on", ov.err_received_earlier);
                None
            }
            Ok(()) => Some(day),
        },
    };
    let typed_weeks = parse_weeks(&form.agreed_weeks).map_err(|()| errors.add("agreed_weeks", ov.err_weeks)).ok();
    if let (Some(kind), Some(subject)) = (kind, subject) {
        if let Err(RequestError::ConsentNotForSubject) = check_request(kind, subject) {
            errors.add("subject", ov.err_consent_subject);
        }
    }
    let clusters: Vec<String> =
        form.clusters.split([',', ';', '\n']).map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect();
    if clusters.iter().any(|c| c.chars().count() > 40) {
        errors.add("clusters", t.err_format);
    }
    // A typed complex code is a reference to the corporation's own stock: it must exist there.
    let unknown = stock::unknown_codes(&state.db, &scope, scope.org_id(), StockRef::Complex, &clusters).await?;
    if !unknown.is_empty() {
        errors.add("clusters", ov.err_unknown_complexes(unknown.join(", ")));
    }
    // Received so long ago that the advice term has run out: the organisation first sees the request with its term
    // over. Said with the day it ended, and taken only when the corporation confirms it with a second box.
    if let (Some(RequestKind::Advice), Some(day), Ok(weeks)) = (kind, received_on, parse_weeks(&form.agreed_weeks)) {
        let cal = volkshuis_store::calendar::term_calendar(&state.db).await?;
        let weeks = weeks.or(partner_weeks.flatten());
        if let Ok(deadline) = advice_deadline(&cal, day, weeks) {
            if deadline.date < today(&state) {
                form.term_passed_label = ov.field_term_passed(show_date(deadline.date), show_date(day));
                if form.term_passed.trim() != form.received_on.trim() {
                    errors.add("term_passed", ov.err_term_passed(show_date(deadline.date)));
                }
            }
        }
    }
    let file_errors: Vec<String> = upload.problems.iter().map(|p| p.message(ov)).collect();
    let valid = (tenant_org_id, kind, subject, title, explanation, received_on, typed_weeks);
    let (
        Some(tenant_org_id),
        Some(kind),
        Some(subject),
        Some(title),
        Some(explanation),
        Some(received_on),
        Some(weeks),
    ) = valid
    else {
        return refuse(&state, &auth, &scope, organisation, form, errors, file_errors, &upload).await;
    };
    if !errors.is_empty() || !file_errors.is_empty() {
        return refuse(&state, &auth, &scope, organisation, form, errors, file_errors, &upload).await;
    }
    let new = NewCase {
        tenant_org_id,
        kind,
        subject,
        title,
        explanation,
        received_on,
        // A term typed on the form wins over the partners' standing agreement.
        agreed_weeks: weeks.or(partner_weeks.flatten()),
        clusters,
    };
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    let id = overleg::create(&mut tx, &scope, &actor, &new).await?;
    let case = overleg::get_in(tx.conn(), &scope, id).await?.ok_or(AppError::NotFound)?;
    for file in &upload.files {
        let doc = NewDocument {
            step: "request",
            file_name: file.file_name.clone(),
            content_type: file.content_type,
            content: file.content.clone(),
        };
        overleg::add_document(&mut tx, &scope, &actor, &case, &doc).await?;
    }
    jobs::case_sent(&state, &mut tx, &auth, &case).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/overleg/{id}?notice=saved")).into_response())
}

#[expect(clippy::too_many_arguments, reason = "the form page needs everything the user typed and every message")]
async fn refuse(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: Organisation,
    form: CaseForm,
    errors: FieldErrors,
    mut file_errors: Vec<String>,
    upload: &MultipartForm,
) -> Result<Response, AppError> {
    if !upload.files.is_empty() || !upload.problems.is_empty() {
        file_errors.push(auth.ctx.lang.overleg().err_files_again.to_owned());
    }
    let page = new_page(state, auth, scope, organisation, form, errors, file_errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
