//! The municipality's inbox: open signals per bucket, one signal with its contact attempts, the result from the
//! national list (never pre-selected; confirmed with what it does), and a move to another bucket by hand.

use super::{personal_scope, subnav, write_scope, PAGE_SIZE};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::i18n::SignaleringTexts;
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::outcome::OutreachKind;
use volkshuis_domain::signalering::retention::delete_on;
use volkshuis_domain::signalering::{Outcome, PartOfDay};
use volkshuis_store::signalering::signals::{self, Contact, InboxFilter, Signal, StepRefusal};
use volkshuis_store::signalering::{buckets, settings, Purpose};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/inbox", get(list))
        .route("/orgs/{org}/signalering/inbox/{id}", get(one))
        .route("/orgs/{org}/signalering/inbox/{id}/contact", post(contact))
        .route("/orgs/{org}/signalering/inbox/{id}/resultaat", post(outcome))
        .route("/orgs/{org}/signalering/inbox/{id}/bak", post(move_bucket))
}

#[derive(Debug, Default, Deserialize)]
struct InboxQuery {
    bak: Option<String>,
    /// The page starts after this signal (paging by id).
    na: Option<i64>,
}

struct InboxRow {
    id: i64,
    name: String,
    address: String,
    sender: String,
    amount: String,
    since: String,
    sent_on: String,
}

#[derive(Template)]
#[template(path = "signalering/inbox.html")]
struct InboxPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    /// (query value, name, selected)
    filters: Vec<(String, String, bool)>,
    rows: Vec<InboxRow>,
    /// The link to the next page, when there is one, and to the first when this is not it.
    next: Option<String>,
    first: Option<String>,
}

fn address(s: &Signal) -> String {
    format!("{} {}, {} {}", s.street, s.house_number, s.postcode, s.woonplaats)
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<InboxQuery>,
) -> Result<Response, AppError> {
    let (scope, personal, _) = personal_scope(&state, &auth, org, OrgKind::Municipality, Purpose::Outreach).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let list = buckets::buckets(&state.db, &scope).await?;
    let bak = query.bak.clone().unwrap_or_default();
    let filter = match bak.as_str() {
        "geen" => InboxFilter::Unsorted,
        "gesloten" => InboxFilter::Closed,
        text => match text.parse::<i64>().ok().filter(|id| list.iter().any(|b| b.id == *id)) {
            Some(id) => InboxFilter::Bucket(id),
            None => InboxFilter::Open,
        },
    };
    let after = query.na.filter(|id| *id > 0).unwrap_or(0);
    // One more than a page, to know whether there is a next one (no count of the whole inbox on every view).
    let mut signals = signals::inbox(&state.db, &personal, &auth.actor(&state), filter, after, PAGE_SIZE + 1).await?;
    let more = signals.len() as i64 > PAGE_SIZE;
    signals.truncate(PAGE_SIZE as usize);
    let keep = match filter {
        InboxFilter::Open => String::new(),
        InboxFilter::Bucket(id) => format!("bak={id}&"),
        InboxFilter::Unsorted => "bak=geen&".to_owned(),
        InboxFilter::Closed => "bak=gesloten&".to_owned(),
    };
    let next = signals.last().filter(|_| more).map(|last| format!("?{keep}na={}", last.id));
    let first = (after > 0).then(|| format!("?{}", keep.trim_end_matches('&')));
    let mut filters = vec![(String::new(), sg.filter_all_open.to_owned(), filter == InboxFilter::Open)];
    filters.extend(list.iter().map(|b| (b.id.to_string(), b.name.clone(), filter == InboxFilter::Bucket(b.id))));
    filters.push(("geen".into(), sg.bucket_unsorted.to_owned(), filter == InboxFilter::Unsorted));
    filters.push(("gesloten".into(), sg.filter_closed.to_owned(), filter == InboxFilter::Closed));
    ok(&InboxPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Municipality),
        org_id: org,
        filters,
        rows: signals
            .iter()
            .map(|s| InboxRow {
                id: s.id,
                name: s.name.clone(),
                address: address(s),
                sender: s.sender.clone(),
                amount: s.amount.to_string(),
                since: show_date(s.arrears_since),
                sent_on: show_date(s.sent_on),
            })
            .collect(),
        next,
        first,
    })
}

#[derive(Template)]
#[template(path = "signalering/signal.html")]
struct SignalPage {
    page: Page,
    sg: &'static SignaleringTexts,
    org_id: i64,
    trail: Vec<(String, String)>,
    signal: Signal,
    address: String,
    amount: String,
    since: String,
    sent_on: String,
    delete_on: Option<String>,
    bucket: String,
    months: i64,
    contacts: Vec<(String, String, String, String, String)>,
    kinds: Vec<(String, String)>,
    parts: Vec<(String, String)>,
    outcomes: Vec<(String, String)>,
    buckets: Vec<(String, String)>,
    result: Option<String>,
    /// The result form: what was typed, its errors, and the summary to confirm.
    fields: HashMap<String, String>,
    errors: FieldErrors,
    confirming: Option<String>,
    today: String,
}

impl SignalPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn signal_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    (fields, errors, confirming): (HashMap<String, String>, FieldErrors, Option<String>),
) -> Result<SignalPage, AppError> {
    let (scope, personal, _) = personal_scope(state, auth, org, OrgKind::Municipality, Purpose::Outreach).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let (signal, contacts) =
        signals::signal(&state.db, &personal, &auth.actor(state), id).await?.ok_or(AppError::NotFound)?;
    let list = buckets::buckets(&state.db, &scope).await?;
    let today = dutch_date(state.clock.now());
    let bucket = signal
        .bucket_id
        .and_then(|b| list.iter().find(|x| x.id == b))
        .map(|b| format!("{} — {}", b.name, sg.action(b.action)))
        .unwrap_or_else(|| sg.bucket_unsorted.to_owned());
    Ok(SignalPage {
        page: Page::for_user(auth),
        sg,
        org_id: org,
        trail: vec![(format!("/orgs/{org}/signalering/inbox"), sg.inbox_title.to_owned())],
        address: address(&signal),
        amount: signal.amount.to_string(),
        since: show_date(signal.arrears_since),
        sent_on: show_date(signal.sent_on),
        delete_on: signal.delete_on.map(show_date),
        bucket,
        months: i64::from(volkshuis_domain::signalering::triage::months_between(signal.arrears_since, today)),
        contacts: contacts
            .iter()
            .map(|c| {
                let reached = if c.reached { sg.reached_yes } else { sg.reached_no };
                (
                    show_date(c.on),
                    sg.part_of_day(c.part_of_day).to_owned(),
                    sg.outreach(c.kind).to_owned(),
                    reached.to_owned(),
                    c.recorded_by.clone(),
                )
            })
            .collect(),
        kinds: OutreachKind::ALL.iter().map(|k| (k.code().to_owned(), sg.outreach(*k).to_owned())).collect(),
        parts: PartOfDay::ALL.iter().map(|p| (p.code().to_owned(), sg.part_of_day(*p).to_owned())).collect(),
        outcomes: Outcome::ALL.iter().map(|o| (o.code().to_owned(), sg.outcome(*o).to_owned())).collect(),
        buckets: list.iter().map(|b| (b.id.to_string(), b.name.clone())).collect(),
        result: signal.outcome.map(|(o, on)| sg.result_recorded(show_date(on), sg.outcome(o))),
        signal,
        fields,
        errors,
        confirming,
        today: show_date(today),
    })
}

async fn one(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    ok(&signal_page(&state, &auth, org, id, Default::default()).await?)
}

/// The answer to a step the store refused: a 404 for a signal that is not the municipality's open one, or the signal
/// page with the date's error and everything typed.
async fn refused(
    state: &AppState,
    auth: &Auth,
    (org, id): (i64, i64),
    refusal: StepRefusal,
    (date_field, fields): (&'static str, HashMap<String, String>),
) -> Result<Response, AppError> {
    let StepRefusal::BeforeSent(sent) = refusal else { return Err(AppError::NotFound) };
    let mut errors = FieldErrors::default();
    errors.add(date_field, SignaleringTexts::of(auth.ctx.lang).err_before_sent(show_date(sent)));
    render(StatusCode::UNPROCESSABLE_ENTITY, &signal_page(state, auth, org, id, (fields, errors, None)).await?)
}

async fn contact(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let today = dutch_date(state.clock.now());
    let mut errors = FieldErrors::default();
    let kind = OutreachKind::parse(&field("kind"));
    let part = PartOfDay::parse(&field("part"));
    let on = parse_date(&field("on")).ok().filter(|d| *d <= today);
    let reached = match field("reached").as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => None,
    };
    if kind.is_none() {
        errors.add("kind", sg.err_choose);
    }
    if part.is_none() {
        errors.add("part", sg.err_choose);
    }
    if on.is_none() {
        errors.add("on", sg.err_date);
    }
    if reached.is_none() {
        errors.add("reached", sg.err_choose);
    }
    let (Some(kind), Some(part_of_day), Some(on), Some(reached), true) = (kind, part, on, reached, errors.is_empty())
    else {
        let page = signal_page(&state, &auth, org, id, (fields, errors, None)).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let contact = Contact { kind, reached, on, part_of_day, recorded_by: String::new() };
    if let Err(refusal) = signals::add_contact(&state.db, &scope, &auth.actor(&state), id, &contact).await? {
        return refused(&state, &auth, (org, id), refusal, ("on", fields)).await;
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/inbox/{id}")).into_response())
}

async fn outcome(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let today = dutch_date(state.clock.now());
    let mut errors = FieldErrors::default();
    let chosen = Outcome::parse(&field("outcome"));
    let on = parse_date(&field("outcome_on")).ok().filter(|d| *d <= today);
    if chosen.is_none() {
        errors.add("outcome", sg.err_choose);
    }
    if on.is_none() {
        errors.add("outcome_on", sg.err_date);
    }
    let (Some(chosen), Some(on), true) = (chosen, on, errors.is_empty()) else {
        let page = signal_page(&state, &auth, org, id, (fields, errors, None)).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    if field("confirmed") != "yes" {
        // What the result does, before it is recorded: what the landlord learns, and when the signal is deleted.
        let retention = settings::settings(&state.db, &scope).await?.retention;
        let landlord = match chosen.group() {
            volkshuis_domain::signalering::OutcomeGroup::PickedUp => sg.landlord_learns_picked_up,
            volkshuis_domain::signalering::OutcomeGroup::NotPickedUp => sg.landlord_learns_not_picked_up,
        };
        let summary = match delete_on(Some((chosen, on)), retention) {
            Some(day) => sg.outcome_summary_closes(show_date(day), landlord, sg.outcome(chosen)),
            None => sg.outcome_summary_open(landlord, sg.outcome(chosen)),
        };
        let page = signal_page(&state, &auth, org, id, (fields, errors, Some(summary))).await?;
        return ok(&page);
    }
    if let Err(refusal) = signals::record_outcome(&state.db, &scope, &auth.actor(&state), id, chosen, on).await? {
        return refused(&state, &auth, (org, id), refusal, ("outcome_on", fields)).await;
    }
    // The sender hears that a signal was answered, nothing more.
    let sender: Option<i64> = signals::sender_of(&state.db, &scope, id).await?;
    if let Some(sender) = sender {
        let mut tx = state.db.begin().await?;
        notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::SignalAnswered { sender })).await?;
        tx.commit().await?;
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/inbox/{id}")).into_response())
}

async fn move_bucket(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let back = format!("/orgs/{org}/signalering/inbox/{id}");
    let Some(bucket) = fields.get("bucket").and_then(|b| b.parse::<i64>().ok()) else {
        return Ok(Redirect::to(&back).into_response());
    };
    if !signals::move_to_bucket(&state.db, &scope, &auth.actor(&state), id, bucket).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&back).into_response())
}
