//! A corporation's own bid: its text, the board's approval, the intended activities with a number per year, and
//! sending it (after a confirmation that says what sending does). A sent bid is locked.

use super::field;
use super::phase_bar::PhaseBar;
use super::{load, parse_number, party_scope, show_number, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Edit, WriteScope};
use volkshuis_domain::afspraken::Theme;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::afspraken::{self, Activity, Bid, BidText, Cycle, CycleRef, SendRefusal};
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}/bod", get(show).post(save))
        .route("/orgs/{org}/afspraken/{id}/bod/activiteiten", post(add_activity))
        .route("/orgs/{org}/afspraken/{id}/bod/activiteiten/{activity}/weg", post(remove_activity))
        .route("/orgs/{org}/afspraken/{id}/bod/versturen", get(confirm).post(send))
}

#[derive(Template)]
#[template(path = "afspraken/bid.html")]
struct BidPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    sent: Option<String>,
    board: Option<String>,
    activities: Vec<(i64, [String; 5])>,
    themes: Vec<(String, String)>,
    years: Vec<(String, String)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl BidPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

#[derive(Template)]
#[template(path = "afspraken/bid_send.html")]
struct SendPage {
    page: Page,
    bar: PhaseBar,
    org_id: i64,
    id: i64,
    summary: String,
    body: String,
}

/// The corporation's scope, its cycle and its own bid; a party of another kind has no bid page, and only a member
/// who may edit works on it.
async fn own_bid(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    _edit: Edit,
) -> Result<(WriteScope, Organisation, CycleRef, Cycle, Bid), AppError> {
    let (scope, organisation) = party_scope(state, auth, org, Edit).await?;
    if organisation.kind != OrgKind::Corporation {
        return Err(AppError::NotFound);
    }
    let (cycle_ref, cycle) = load(state, scope.as_read(), id).await?;
    let bid = afspraken::bids(&state.db, &cycle_ref)
        .await?
        .into_iter()
        .find(|b| b.corporation_id == org)
        .ok_or(AppError::NotFound)?;
    Ok((scope, organisation, cycle_ref, cycle, bid))
}

fn bid_page(
    auth: &Auth,
    cycle: &Cycle,
    bid: &Bid,
    org: i64,
    fields: Option<HashMap<String, String>>,
    errors: FieldErrors,
) -> BidPage {
    let page = Page::for_user(auth);
    let (pa, lang) = (page.pa, auth.ctx.lang);
    let fields = fields.unwrap_or_else(|| {
        HashMap::from([
            ("body".to_owned(), bid.body.clone()),
            ("board_approved_on".to_owned(), bid.board_approved_on.map(show_date).unwrap_or_default()),
        ])
    });
    BidPage {
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        sent: bid.sent_on.map(|d| pa.bid_locked_on(show_date(d))),
        board: bid.board_approved_on.map(|d| pa.bid_board_on(show_date(d))),
        activities: bid
            .activities
            .iter()
            .map(|a| {
                (
                    a.id,
                    [
                        pa.theme(a.theme).to_owned(),
                        a.description.clone(),
                        a.unit.clone(),
                        a.year.to_string(),
                        show_number(lang, a.amount),
                    ],
                )
            })
            .collect(),
        themes: pa.theme_options(),
        years: (cycle.first_year..=cycle.last_year).map(|y| (y.to_string(), y.to_string())).collect(),
        fields,
        errors,
        page,
    }
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (_, _, _, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    let mut page = bid_page(&auth, &cycle, &bid, org, None, FieldErrors::default());
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

fn back_to_bid(org: i64, id: i64) -> Response {
    Redirect::to(&format!("/orgs/{org}/afspraken/{id}/bod?notice=saved")).into_response()
}

/// The bid's text and board date as typed, checked: a board cannot have approved it in the future.
fn typed_text(auth: &Auth, fields: &HashMap<String, String>, today: time::Date, errors: &mut FieldErrors) -> BidText {
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let body = field(fields, "body");
    if body.chars().count() > 100_000 {
        errors.add("body", t.err_too_long(100_000));
    }
    let board = match field(fields, "board_approved_on") {
        "" => None,
        text => {
            let date = parse_date(text).ok();
            match date {
                None => errors.add("board_approved_on", auth.ctx.lang.socialreturn().err_date),
                Some(d) if d > today => errors.add("board_approved_on", pa.err_board_future),
                Some(_) => {}
            }
            date
        }
    };
    BidText { body: body.to_owned(), board_approved_on: board }
}

/// Why the bid cannot be sent yet, on its fields: no text, or no board approval.
fn not_ready(auth: &Auth, text: &BidText, errors: &mut FieldErrors) {
    let pa = auth.ctx.lang.afspraken();
    if text.body.trim().is_empty() {
        errors.add("body", pa.err_bid_empty);
    }
    if text.board_approved_on.is_none() && errors.get("board_approved_on").is_none() {
        errors.add("board_approved_on", pa.err_bid_board);
    }
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _, _, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    let pa = auth.ctx.lang.afspraken();
    let mut errors = FieldErrors::default();
    let text = typed_text(&auth, &fields, today(&state), &mut errors);
    // "Bewaren en versturen…" saves and goes on to the confirmation only when the bid is ready to go.
    let to_send = field(&fields, "next") == "send";
    if to_send {
        not_ready(&auth, &text, &mut errors);
    }
    if !errors.is_empty() {
        let page = bid_page(&auth, &cycle, &bid, org, Some(fields), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    let saved = afspraken::save_bid(&mut tx, &scope, &auth.actor(&state), id, &text).await?;
    tx.commit().await?;
    if !saved {
        errors.add("body", pa.bid_locked);
        let page = bid_page(&auth, &cycle, &bid, org, Some(fields), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    if to_send {
        return Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}/bod/versturen")).into_response());
    }
    Ok(back_to_bid(org, id))
}

async fn add_activity(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _, _, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let mut errors = FieldErrors::default();
    let theme = Theme::parse(field(&fields, "theme")).ok();
    if theme.is_none() {
        errors.add("theme", pa.err_theme);
    }
    let description = field(&fields, "description");
    if description.is_empty() || description.chars().count() > 500 {
        errors.add("description", t.err_required);
    }
    let year = field(&fields, "year").parse::<i32>().ok().filter(|y| (cycle.first_year..=cycle.last_year).contains(y));
    if year.is_none() {
        errors.add("year", pa.err_year_of_cycle(cycle.first_year, cycle.last_year));
    }
    let amount = parse_number(field(&fields, "amount"));
    if amount.is_none() {
        errors.add("amount", pa.err_number);
    }
    // The activity comes from the same form as the text: what was typed there is kept too.
    let text = fields.contains_key("body").then(|| typed_text(&auth, &fields, today(&state), &mut errors));
    let (Some(theme), Some(year), Some(amount), true) = (theme, year, amount, errors.is_empty()) else {
        let mut typed = fields.clone();
        typed.entry("body".into()).or_insert_with(|| bid.body.clone());
        let page = bid_page(&auth, &cycle, &bid, org, Some(typed), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let activity = Activity {
        id: 0,
        theme,
        description: description.to_owned(),
        unit: field(&fields, "unit").to_owned(),
        year,
        amount,
    };
    let mut tx = state.db.begin().await?;
    if let Some(text) = &text {
        afspraken::save_bid(&mut tx, &scope, &auth.actor(&state), id, text).await?;
    }
    let added = afspraken::add_activity(&mut tx, &scope, &auth.actor(&state), id, &activity).await?;
    tx.commit().await?;
    if added.is_none() {
        errors.add("description", pa.bid_locked);
        let page = bid_page(&auth, &cycle, &bid, org, Some(fields), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    Ok(back_to_bid(org, id))
}

async fn remove_activity(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, activity)): Path<(i64, i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _, _, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    // The button sits in the bid's one form: the text typed there is saved with the removal.
    let mut errors = FieldErrors::default();
    let text = fields.contains_key("body").then(|| typed_text(&auth, &fields, today(&state), &mut errors));
    if !errors.is_empty() {
        let page = bid_page(&auth, &cycle, &bid, org, Some(fields), errors);
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let mut tx = state.db.begin().await?;
    if let Some(text) = &text {
        afspraken::save_bid(&mut tx, &scope, &auth.actor(&state), id, text).await?;
    }
    afspraken::remove_activity(&mut tx, &scope, &auth.actor(&state), id, activity).await?;
    tx.commit().await?;
    Ok(back_to_bid(org, id))
}

async fn confirm(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (_, organisation, _, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    let page = Page::for_user(&auth);
    let pa = page.pa;
    if bid.sent_on.is_some() {
        return Ok(back_to_bid(org, id));
    }
    let mut errors = FieldErrors::default();
    not_ready(&auth, &BidText { body: bid.body.clone(), board_approved_on: bid.board_approved_on }, &mut errors);
    if !errors.is_empty() {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &bid_page(&auth, &cycle, &bid, org, None, errors));
    }
    ok(&SendPage {
        bar: PhaseBar::of(pa, &cycle, org),
        org_id: org,
        id,
        summary: pa.bid_send_summary(&cycle.title, &organisation.name),
        body: bid.body,
        page,
    })
}

async fn send(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _, cycle_ref, cycle, bid) = own_bid(&state, &auth, org, id, Edit).await?;
    // Only the confirmation's own button sends; anything else goes back to the bid, nothing sent.
    if field(&fields, "confirmed") != "yes" {
        return Ok(back_to_bid(org, id));
    }
    let pa = auth.ctx.lang.afspraken();
    let mut tx = state.db.begin().await?;
    let sent = afspraken::send_bid(&mut tx, &scope, &auth.actor(&state), id, today(&state)).await?;
    if sent.is_ok() {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::BidSent;
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    let message = match sent {
        Ok(()) => {
            return Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved#biedingen")).into_response())
        }
        Err(SendRefusal::AlreadySent) => pa.err_bid_sent,
        Err(SendRefusal::Empty) => pa.err_bid_empty,
        Err(SendRefusal::NoBoardApproval) => pa.err_bid_board,
    };
    let mut errors = FieldErrors::default();
    errors.add(if message == pa.err_bid_board { "board_approved_on" } else { "body" }, message);
    let page = bid_page(&auth, &cycle, &bid, org, None, errors);
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}
