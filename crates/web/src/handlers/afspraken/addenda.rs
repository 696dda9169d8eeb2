//! Addenda: the lead party records a change the parties agreed to signed agreements (a later year's target, an
//! agreement added in words), after a confirmation on a page of its own that says what it records and changes and
//! posts only that. The target it replaces is kept.

use super::phase_bar::PhaseBar;
use super::{load, parse_number, party_scope, show_number};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::i18n::AfsprakenTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::Edit;
use volkshuis_domain::afspraken::Phase;
use volkshuis_store::afspraken::{self, AddendumRefusal, Cycle, CycleRef, NewAddendum};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/addendum", get(form).post(save))
}

#[derive(Template)]
#[template(path = "afspraken/addendum.html")]
struct AddendumPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    commitments: Vec<(String, String)>,
    years: Vec<(String, String)>,
    /// Why no addendum can be recorded here now (instead of the form).
    closed: Option<&'static str>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl AddendumPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    (cycle_ref, cycle): (&CycleRef, &Cycle),
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<AddendumPage, AppError> {
    let page = Page::for_user(auth);
    let pa = page.pa;
    let commitments = afspraken::commitments(&state.db, cycle_ref)
        .await?
        .iter()
        .map(|c| (c.id.to_string(), format!("{}: {}", pa.theme(c.theme), c.body)))
        .collect();
    Ok(AddendumPage {
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        commitments,
        years: (cycle.first_year..=cycle.last_year).map(|y| (y.to_string(), y.to_string())).collect(),
        closed: None,
        fields,
        errors,
        page,
    })
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let mut page = page(&state, &auth, org, (&cycle_ref, &cycle), HashMap::new(), FieldErrors::default()).await?;
    page.closed = closed(&state, &cycle_ref, &cycle, org).await?.map(|c| c.text(auth.ctx.lang.afspraken()));
    ok(&page)
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let (t, pa, lang) = (auth.ctx.t(), auth.ctx.lang.afspraken(), auth.ctx.lang);
    let mut errors = FieldErrors::default();
    // Only the lead records an addendum, once the agreements are signed: said before anything is checked or
    // summarised (the corporation was shown the summary, then told about phases).
    if let Some(refusal) = closed(&state, &cycle_ref, &cycle, org).await? {
        let mut page = page(&state, &auth, org, (&cycle_ref, &cycle), fields, errors).await?;
        page.closed = Some(refusal.text(pa));
        return render(StatusCode::CONFLICT, &page);
    }
    if crate::confirm_step::going_back(&fields) {
        return ok(&page(&state, &auth, org, (&cycle_ref, &cycle), fields, errors).await?);
    }
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let agreed_on = match parse_date(&field("agreed_on")) {
        Err(_) => {
            errors.add("agreed_on", auth.ctx.lang.socialreturn().err_date);
            None
        }
        // An addendum records what the parties agreed: on a day that has come, after they signed.
        Ok(day) if day > super::today(&state) => {
            errors.add("agreed_on", pa.err_addendum_future);
            None
        }
        Ok(day) if cycle.signed_on.is_some_and(|signed| day < signed) => {
            errors.add("agreed_on", pa.err_addendum_before_signing(show_date(cycle.signed_on.unwrap_or(day))));
            None
        }
        Ok(day) => Some(day),
    };
    let body = field("body");
    errors.bounded(t, "body", &body, true, 20_000);
    // The commitment is checked against this cycle's, here and in the store.
    let commitments = afspraken::commitments(&state.db, &cycle_ref).await?;
    let target = match field("commitment_id").as_str() {
        "" => None,
        text => {
            let commitment = text.parse::<i64>().ok().and_then(|c| commitments.iter().find(|m| m.id == c));
            let year = field("year").parse::<i32>().ok().filter(|y| (cycle.first_year..=cycle.last_year).contains(y));
            let value = parse_number(&field("new_target"));
            if commitment.is_none() {
                errors.add("commitment_id", pa.not_allowed);
            }
            if year.is_none() {
                errors.add("year", pa.err_year_of_cycle(cycle.first_year, cycle.last_year));
            }
            if value.is_none() {
                errors.add("new_target", pa.err_number);
            }
            commitment.zip(year).zip(value).map(|((c, y), v)| (c, y, v))
        }
    };
    let (Some(agreed_on), true) = (agreed_on, errors.is_empty()) else {
        let page = page(&state, &auth, org, (&cycle_ref, &cycle), fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    // Asked once more on a page of its own, with what it records; what the button posts is only what the summary
    // says (the form on the confirmation could be changed after the summary was read, and was taken as changed).
    if !crate::confirm_step::confirmed(&fields) {
        let mut lines = vec![pa.addendum_summary(show_date(agreed_on)), pa.addendum_summary_body(&body)];
        if let Some((c, year, value)) = target {
            let old = c.target(year).map(|old| show_number(lang, old)).unwrap_or_else(|| "—".into());
            lines.push(pa.addendum_summary_target(&c.body, show_number(lang, value), old, year));
        }
        let carried = ["agreed_on", "body", "commitment_id", "year", "new_target"]
            .into_iter()
            .map(|name| (name.to_owned(), field(name)))
            .collect();
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: pa.addendum_confirm_title.to_owned(),
            lines,
            action: format!("/orgs/{org}/afspraken/{id}/addendum"),
            button: pa.addendum_confirm,
            back_href: format!("/orgs/{org}/afspraken/{id}/addendum"),
            back_text: pa.addendum_back,
            carried,
        }
        .response();
    }
    let new = NewAddendum { agreed_on, body, target: target.map(|(c, y, v)| (c.id, y, v)) };
    let mut tx = state.db.begin().await?;
    let recorded = afspraken::add_addendum(&mut tx, &scope, &auth.actor(&state), id, &new).await?;
    if recorded.is_ok() {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::Addendum;
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    match recorded {
        Ok(_) => Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved#addenda")).into_response()),
        Err(refusal) => {
            errors.add("body", Closed::from(refusal).text(pa));
            let page = page(&state, &auth, org, (&cycle_ref, &cycle), fields, errors).await?;
            render(StatusCode::CONFLICT, &page)
        }
    }
}

/// Why the organisation cannot record an addendum now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closed {
    NotLead,
    NotSigned,
}

impl From<AddendumRefusal> for Closed {
    fn from(refusal: AddendumRefusal) -> Self {
        match refusal {
            AddendumRefusal::NotLead => Closed::NotLead,
            AddendumRefusal::NotSigned => Closed::NotSigned,
        }
    }
}

impl Closed {
    fn text(self, pa: &AfsprakenTexts) -> &'static str {
        match self {
            Closed::NotLead => pa.addendum_not_lead,
            Closed::NotSigned => pa.addendum_not_signed,
        }
    }
}

/// Whether `org` may record an addendum to the cycle now (the store checks the same in the write).
async fn closed(state: &AppState, cycle_ref: &CycleRef, cycle: &Cycle, org: i64) -> Result<Option<Closed>, AppError> {
    let parties = afspraken::parties(&state.db, cycle_ref).await?;
    Ok(if super::cycle::lead(cycle, &parties) != org {
        Some(Closed::NotLead)
    } else if cycle.phase != Phase::Monitoring {
        Some(Closed::NotSigned)
    } else {
        None
    })
}
