//! The public page: a tenant enters postcode and house number and sees the groups that speak for that address,
//! what they do and how to join; a join request (given with explicit consent) goes to the group's inbox.

use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::i18n::PickersTexts;
use crate::notify::both_languages;
use crate::state::AppState;
use crate::throttle;
use crate::views::{ok, render, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::Role;
use volkshuis_domain::ids::Postcode;
use volkshuis_domain::text::{LongText, Name};
use volkshuis_domain::throttle::Namespace;
use volkshuis_store::participatie::{self as part, Address, Group, JoinRequest};
use volkshuis_store::{notifications, orgs, public_contact, users};

pub fn router() -> Router<AppState> {
    Router::new().route("/doe-mee", get(lookup)).route("/doe-mee/groepen/{id}", get(to_lookup).post(join))
}

/// The join form's address, opened again from the address bar or the history after a refused request, is the
/// search for an address (it was a 405 page): the form itself needs the address the visitor typed.
async fn to_lookup() -> Redirect {
    Redirect::to("/doe-mee")
}

struct PublicGroup {
    id: i64,
    /// The organisation that keeps the group: it reads the requests to join.
    org_name: String,
    /// Whether its join form is open (it came back with an error).
    open: bool,
    name: String,
    kind: &'static str,
    description: String,
    join_info: String,
    contact_role: String,
    channels: String,
}

#[derive(Default, Deserialize)]
struct LookupQuery {
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    huisnummer: String,
    #[serde(default)]
    toevoeging: String,
    sent: Option<String>,
}

#[derive(Template)]
#[template(path = "participatie/public.html")]
struct PublicPage {
    page: Page,
    query: LookupQuery,
    searched: bool,
    address: Option<String>,
    groups: Vec<PublicGroup>,
    /// When no group speaks for the address: whom to ask (the corporation, and how to reach it when it said so).
    ask: Option<String>,
    errors: FieldErrors,
    join: JoinForm,
    /// After a join request: the line that says it was sent, naming the group where the address still lists it.
    sent: Option<String>,
    /// Days a request to join is kept (the form says so beside the consent).
    kept_days: i64,
}

impl PublicPage {
    /// The form again with what was typed and no answer (a visitor asked too often).
    fn unanswered(
        state: &AppState,
        ctx: &RequestContext,
        query: LookupQuery,
        errors: FieldErrors,
        join: JoinForm,
    ) -> Self {
        PublicPage {
            page: Page::anonymous(ctx),
            query,
            searched: false,
            address: None,
            groups: Vec::new(),
            ask: None,
            errors,
            join,
            sent: None,
            kept_days: state.config.join_request_days,
        }
    }
}

#[derive(Default, Deserialize)]
struct JoinForm {
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    huisnummer: String,
    #[serde(default)]
    toevoeging: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    contact: String,
    #[serde(default)]
    message: String,
    consent: Option<String>,
}

/// The dwelling asked for, when the postcode and number are valid and in the stock: every unit at the first address
/// found, one per corporation that owns it (a dwelling can be in two corporations' stock, and the groups of both
/// speak for it).
async fn find(
    state: &AppState,
    postcode: &str,
    number: &str,
    addition: &str,
    errors: &mut FieldErrors,
    ctx: &RequestContext,
) -> Result<Vec<Address>, AppError> {
    let pk = PickersTexts::of(ctx.lang);
    let postcode = match postcode.trim() {
        "" => {
            errors.add("postcode", pk.err_postcode_empty);
            None
        }
        typed => Postcode::parse(typed).map_err(|_| errors.add("postcode", pk.err_postcode_format)).ok(),
    };
    let number = match number.trim() {
        "" => {
            errors.add("huisnummer", pk.err_number_empty);
            None
        }
        typed => {
            let parsed = split_number(typed, addition);
            if parsed.is_none() {
                errors.add("huisnummer", pk.err_number_format);
            }
            parsed
        }
    };
    let (Some(postcode), Some((number, addition))) = (postcode, number) else { return Ok(Vec::new()) };
    let mut found = part::lookup_address(&state.db, postcode.as_str(), number, &addition).await?;
    let Some(label) = found.first().map(|a| a.label.clone()) else { return Ok(found) };
    // Several homes at the number and none without an addition (1-1, 1-2, …): the tenant names theirs, rather than
    // reading the groups of a neighbour's home as their own.
    let mut labels: Vec<&str> = found.iter().map(|a| a.label.as_str()).collect();
    labels.sort_unstable();
    labels.dedup();
    if labels.len() > 1 {
        let shown = labels.iter().take(8).copied().collect::<Vec<_>>().join("; ");
        errors.add("toevoeging", ctx.lang.participatie().err_addition_needed(shown));
        return Ok(Vec::new());
    }
    found.retain(|a| a.label == label);
    Ok(found)
}

/// A house number as typed, with its addition: "12", or "12a", "12-1", "12 bis" typed in the number's field as people
/// write it (the letter or addition then goes with it, unless the addition's own field holds one). None when it does
/// not begin with a number above 0 or has more than a short addition.
fn split_number(typed: &str, addition: &str) -> Option<(i64, String)> {
    let typed = typed.trim();
    let digits = typed.find(|c: char| !c.is_ascii_digit()).unwrap_or(typed.len());
    let number = typed[..digits].parse::<i64>().ok().filter(|n| *n > 0)?;
    let rest = typed[digits..].trim_start_matches([' ', '-', '/']).trim();
    let addition = addition.trim();
    let short = |s: &str| s.chars().count() <= 6 && s.chars().all(|c| c.is_alphanumeric() || c == '-' || c == ' ');
    match (rest, addition) {
        ("", addition) => Some((number, addition.to_owned())),
        (rest, "") if short(rest) => Some((number, rest.to_owned())),
        _ => None,
    }
}

/// Whom a tenant asks when no group speaks for the address: the corporation(s) owning it, with the contact each
/// gave for this page.
async fn whom_to_ask(state: &AppState, ctx: &RequestContext, units: &[Address]) -> Result<Option<String>, AppError> {
    let pk = PickersTexts::of(ctx.lang);
    let mut asks = Vec::new();
    let mut seen = Vec::new();
    for unit in units {
        if seen.contains(&unit.corporation_id) {
            continue;
        }
        seen.push(unit.corporation_id);
        let Some(corporation) = orgs::get(&state.db, unit.corporation_id).await? else { continue };
        asks.push(match public_contact::get(&state.db, corporation.id).await? {
            Some(contact) => pk.no_groups_ask_contact(contact, corporation.name),
            None => pk.no_groups_ask(corporation.name),
        });
    }
    Ok((!asks.is_empty()).then(|| asks.join(" ")))
}

/// The groups that speak for any unit of the dwelling, each once.
async fn groups_for(state: &AppState, units: &[Address]) -> Result<Vec<Group>, AppError> {
    let mut groups: Vec<Group> = Vec::new();
    for unit in units {
        for group in part::groups_for_address(&state.db, unit).await? {
            if !groups.iter().any(|g| g.id == group.id) {
                groups.push(group);
            }
        }
    }
    Ok(groups)
}

/// Refuses a lookup beyond this client's allowance (one public answer per address, so counted for the lookup page
/// and for the join form, which shows the same groups), or counts it (ADR 0028): the page must not list which
/// addresses a corporation owns.
async fn allow_lookup(state: &AppState, ctx: &RequestContext) -> Result<Result<(), throttle::Wait>, AppError> {
    let checks = [(Namespace::Lookup, ctx.client.as_str())];
    if let Some(wait) = throttle::longest_wait(state, &checks).await? {
        tracing::warn!(client = %ctx.client, seconds = wait.seconds, "public lookup delayed");
        return Ok(Err(wait));
    }
    throttle::record(state, &checks).await?;
    Ok(Ok(()))
}

/// The page for `query`; `searched` when the lookup form was sent (even empty: then it says what to fill in).
async fn public_page(
    state: &AppState,
    ctx: &RequestContext,
    query: LookupQuery,
    searched: bool,
    join_for: Option<i64>,
    join: JoinForm,
    mut errors: FieldErrors,
) -> Result<PublicPage, AppError> {
    let page = Page::anonymous(ctx);
    let pt = page.pt;
    let mut address = None;
    let mut groups = Vec::new();
    let mut ask = None;
    if searched {
        let units = find(state, &query.postcode, &query.huisnummer, &query.toevoeging, &mut errors, ctx).await?;
        if let Some(found) = units.first() {
            groups = groups_for(state, &units)
                .await?
                .into_iter()
                .map(|g| PublicGroup {
                    open: join_for == Some(g.id),
                    id: g.id,
                    org_name: g.org_name,
                    name: g.name,
                    kind: pt.kind(g.kind),
                    description: g.description,
                    join_info: g.join_info,
                    contact_role: g.contact_role,
                    channels: g.channels.iter().map(|c| pt.channel(*c)).collect::<Vec<_>>().join(", "),
                })
                .collect();
            address = Some(found.label.clone());
            if groups.is_empty() {
                ask = whom_to_ask(state, ctx, &units).await?;
            }
        }
    }
    // The request's group by its id among the address's groups (it said only "sent", with two groups listed).
    let sent = query.sent.as_deref().map(|sent| {
        let group = sent.parse::<i64>().ok().and_then(|id| groups.iter().find(|g| g.id == id));
        group.map_or_else(|| pt.sent.to_owned(), |g| pt.sent_to(&g.name, &g.org_name))
    });
    let kept_days = state.config.join_request_days;
    Ok(PublicPage { sent, query, searched, address, groups, ask, errors, join, page, kept_days })
}

/// Whether the lookup form was sent: the page's own address has no query, the form always sends its fields.
fn form_sent(raw: Option<&str>) -> bool {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).any(|(k, _)| k == "postcode" || k == "huisnummer")
}

async fn lookup(
    State(state): State<AppState>,
    ctx: RequestContext,
    Query(query): Query<LookupQuery>,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let searched = form_sent(raw.as_deref());
    let typed = !query.postcode.trim().is_empty() || !query.huisnummer.trim().is_empty();
    // Only a lookup with something typed spends the allowance; an empty form just gets its messages.
    if typed {
        if let Err(wait) = allow_lookup(&state, &ctx).await? {
            let mut errors = FieldErrors::default();
            errors.add("limit", wait.message(ctx.t()));
            let page = PublicPage::unanswered(&state, &ctx, query, errors, JoinForm::default());
            return Ok(wait.mark(render(StatusCode::TOO_MANY_REQUESTS, &page)?));
        }
    }
    let page = public_page(&state, &ctx, query, searched, None, JoinForm::default(), FieldErrors::default()).await?;
    ok(&page)
}

async fn join(
    State(state): State<AppState>,
    ctx: RequestContext,
    Path(id): Path<i64>,
    Form(form): Form<JoinForm>,
) -> Result<Response, AppError> {
    let t = ctx.t();
    let pt = ctx.lang.participatie();
    // A public form: after five requests from one address, growing delays in a namespace of its own (ADR 0028), so
    // nobody can fill a group's inbox and no join request counts as a failed login.
    let checks = [(Namespace::Join, ctx.client.as_str())];
    let mut errors = FieldErrors::default();
    if let Some(wait) = throttle::longest_wait(&state, &checks).await? {
        errors.add("limit", wait.message(t));
        let query = LookupQuery {
            postcode: form.postcode.clone(),
            huisnummer: form.huisnummer.clone(),
            toevoeging: form.toevoeging.clone(),
            sent: None,
        };
        let page = public_page(&state, &ctx, query, true, Some(id), form, errors).await?;
        return Ok(wait.mark(render(StatusCode::TOO_MANY_REQUESTS, &page)?));
    }
    // The form answers for an address too (its error page lists the groups), so it spends the lookup allowance.
    if let Err(wait) = allow_lookup(&state, &ctx).await? {
        errors.add("limit", wait.message(t));
        let query = LookupQuery {
            postcode: form.postcode.clone(),
            huisnummer: form.huisnummer.clone(),
            toevoeging: form.toevoeging.clone(),
            sent: None,
        };
        let page = PublicPage::unanswered(&state, &ctx, query, errors, form);
        return Ok(wait.mark(render(StatusCode::TOO_MANY_REQUESTS, &page)?));
    }
    let units = find(&state, &form.postcode, &form.huisnummer, &form.toevoeging, &mut errors, &ctx).await?;
    let address = units.first().ok_or(AppError::NotFound)?;
    // Only a group that speaks for this address takes requests through this form.
    let group = groups_for(&state, &units).await?.into_iter().find(|g| g.id == id).ok_or(AppError::NotFound)?;
    let name = errors.check(t, "name", Name::parse(&form.name));
    let contact = errors.check(t, "contact", Name::parse(&form.contact));
    let message = errors.check(t, "message", LongText::parse_optional(&form.message));
    let consent = checkbox(&form.consent);
    if !consent {
        errors.add("consent", pt.err_consent);
    }
    let (Some(name), Some(contact), Some(message), true) = (name, contact, message, consent) else {
        let query = LookupQuery {
            postcode: form.postcode.clone(),
            huisnummer: form.huisnummer.clone(),
            toevoeging: form.toevoeging.clone(),
            sent: None,
        };
        let page = public_page(&state, &ctx, query, true, Some(id), form, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let now = state.clock.now();
    let request = JoinRequest {
        name: name.as_str().to_owned(),
        contact: contact.as_str().to_owned(),
        message: message.map(|m| m.as_str().to_owned()).unwrap_or_default(),
        address: address.label.clone(),
        at: now,
    };
    let mut tx = state.db.begin().await?;
    // The same request sent again (a double click, a reload) is there once, and told once.
    let added = part::add_join_request(&mut tx, &group, &request).await?.is_some();
    // Tell the organisation that keeps the group: an in-app notice, without the tenant's details.
    let members = if added { users::members_of(&mut tx, group.org_id).await? } else { Vec::new() };
    for (user, role) in members {
        if user.active && role >= Role::Staff {
            // In both languages, shown in the reader's (ADR 0060), never the visitor's who asked.
            let lines = both_languages(|lang| lang.participatie().notice_join(&group.name));
            let link = format!("/orgs/{}/participatie/groepen/{}", group.org_id, group.id);
            notifications::add(&mut tx, user.id, group.org_id, &lines, &link, now).await?;
        }
    }
    tx.commit().await?;
    throttle::record(&state, &checks).await?;
    tracing::info!(group = group.id, "join request received");
    let back: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("postcode", &form.postcode)
        .append_pair("huisnummer", &form.huisnummer)
        .append_pair("toevoeging", &form.toevoeging)
        .append_pair("sent", &group.id.to_string())
        .finish();
    Ok(Redirect::to(&format!("/doe-mee?{back}")).into_response())
}

#[cfg(test)]
mod tests {
    use super::{form_sent, split_number};

    #[test]
    fn a_number_typed_with_its_letter_or_addition_is_split() {
        let split = |n: &str, a: &str| split_number(n, a);
        assert_eq!(split("12", ""), Some((12, String::new())));
        assert_eq!(split(" 12 ", "b"), Some((12, "b".to_owned())));
        assert_eq!(split("1a", ""), Some((1, "a".to_owned())));
        assert_eq!(split("1-1", ""), Some((1, "1".to_owned())));
        assert_eq!(split("12 bis", ""), Some((12, "bis".to_owned())));
        assert_eq!(split("12/3", ""), Some((12, "3".to_owned())));
        // Two additions, no number, zero, or more than an addition: a mistake to name.
        assert_eq!(split("1a", "b"), None);
        assert_eq!(split("a1", ""), None);
        assert_eq!(split("0", ""), None);
        assert_eq!(split("12 tot en met 14", ""), None);
        assert_eq!(split("99999999999999999999", ""), None);
    }

    #[test]
    fn an_empty_form_is_a_lookup_too() {
        assert!(form_sent(Some("postcode=&huisnummer=&toevoeging=")), "sent empty: it gets its messages");
        assert!(form_sent(Some("postcode=1011AA")));
        assert!(!form_sent(None), "the page itself");
        assert!(!form_sent(Some("sent=1")));
    }
}
