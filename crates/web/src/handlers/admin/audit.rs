//! The audit log, with filters. Each entry reads as the sentence the dashboard uses ([`crate::audit_sentences`]),
//! with the names of a page looked up together; the organisation, the actor's label and the codes stay beside it.

use crate::audit_sentences::{sentence, Facts};
use crate::auth::PlatformAdmin;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::i18n::DashboardTexts;
use crate::jobs::housekeeping::HOUSEKEEPING;
use crate::state::AppState;
use crate::views::{ok, show_time, Page};
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use time::Time;
use volkshuis_domain::notices::dutch_moment;
use volkshuis_domain::query::filter_text;
use volkshuis_store::{audit, orgs};

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/audit", get(list))
}

/// The filter as typed (kept in the form).
#[derive(Default, Deserialize)]
struct AuditQuery {
    #[serde(default)]
    org_id: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    entity: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    until: String,
    personal: Option<String>,
    /// An entry id from the "older" link; read leniently (anything else is the newest page).
    before: Option<String>,
}

pub(crate) struct EntryRow {
    pub(crate) id: i64,
    pub(crate) at: String,
    /// What happened, in the reader's language.
    pub(crate) sentence: String,
    /// The organisation's name; `None` for an entry about none.
    pub(crate) org: Option<String>,
    /// The actor's label as recorded (name and address).
    pub(crate) actor: String,
    pub(crate) action: String,
    pub(crate) entity: String,
    pub(crate) entity_id: String,
    pub(crate) before: Option<String>,
    pub(crate) after: Option<String>,
    pub(crate) personal: bool,
    /// Why personal data was read, in the reader's language (a read of it records its purpose as a code).
    pub(crate) purpose: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    page: Page,
    filter: AuditQuery,
    orgs: Vec<(String, String)>,
    entries: Vec<EntryRow>,
    older_link: Option<String>,
    errors: FieldErrors,
}

pub(crate) const PAGE_SIZE: i64 = 100;

pub(crate) fn day(
    text: &str,
    errors: &mut FieldErrors,
    field: &'static str,
    t: &crate::i18n::Texts,
) -> Option<time::Date> {
    if text.trim().is_empty() {
        return None;
    }
    // From the date input, or typed the Dutch way where a browser has no date picker.
    match crate::forms::parse_date(text) {
        Ok(date) => Some(date),
        Err(_) => {
            errors.add(field, t.err_day_unreadable);
            None
        }
    }
}

/// A log's period as typed, as the moments that bound it (Dutch days, as the entries show their times: from the
/// first day's first moment to the moment the last day ends). A period whose end lies before its start is named at
/// its end (it listed nothing without saying why).
pub(crate) fn period(
    (from, until): (&str, &str),
    errors: &mut FieldErrors,
    t: &crate::i18n::Texts,
) -> (Option<time::OffsetDateTime>, Option<time::OffsetDateTime>) {
    let (from, until) = (day(from, errors, "from", t), day(until, errors, "until", t));
    if let (Some(from), Some(until)) = (from, until) {
        if until < from {
            errors.add("until", t.err_period_reversed);
        }
    }
    (
        from.map(|d| dutch_moment(d, Time::MIDNIGHT)),
        until.and_then(|d| d.next_day()).map(|d| dutch_moment(d, Time::MIDNIGHT)),
    )
}

/// A filter as typed, through the one cleaning of filter texts (no control characters such as NUL, which
/// PostgreSQL cannot compare; bounded length).
fn non_empty(text: &str) -> Option<String> {
    filter_text(text)
}

/// The newest [`PAGE_SIZE`] entries of `filter`, each as its sentence in the reader's language with its facts.
pub(crate) async fn rows(
    state: &AppState,
    ctx: &crate::context::RequestContext,
    filter: &audit::Filter,
    org_name: &HashMap<i64, &str>,
) -> Result<Vec<EntryRow>, AppError> {
    let (t, dt) = (ctx.t(), DashboardTexts::of(ctx.lang));
    let named = audit::name_entries(&state.db, audit::list(&state.db, filter, PAGE_SIZE).await?).await?;
    Ok(named
        .into_iter()
        .map(|named| {
            let sentence = sentence(dt, &Facts::of(&named));
            let e = named.entry;
            let purpose =
                e.after.as_deref().and_then(|after| serde_json::from_str::<serde_json::Value>(after).ok()).and_then(
                    |after| after.get("purpose").and_then(|p| p.as_str()).and_then(|code| t.read_purpose(code)),
                );
            EntryRow {
                id: e.id,
                at: show_time(e.at),
                sentence,
                org: e.org_id.and_then(|id| org_name.get(&id)).map(|name| (*name).to_owned()),
                // The hourly clean-up by its name for people, not the label it writes with.
                actor: if e.actor_user_id.is_none() && e.actor_label == HOUSEKEEPING {
                    t.audit_housekeeping.to_owned()
                } else {
                    e.actor_label
                },
                action: e.action,
                entity: e.entity,
                entity_id: e.entity_id.unwrap_or_default(),
                before: e.before,
                after: e.after,
                personal: e.personal_data,
                purpose,
            }
        })
        .collect())
}

async fn list(
    State(state): State<AppState>,
    PlatformAdmin(auth): PlatformAdmin,
    Query(q): Query<AuditQuery>,
) -> Result<Response, AppError> {
    let t = auth.ctx.t();
    let mut errors = FieldErrors::default();
    let (from, until) = period((&q.from, &q.until), &mut errors, t);
    let filter = audit::Filter {
        org_id: q.org_id.parse().ok(),
        actor: non_empty(&q.actor),
        entity: non_empty(&q.entity),
        action: non_empty(&q.action),
        personal_only: checkbox(&q.personal),
        from,
        until,
        before_id: q.before.as_deref().and_then(|b| b.trim().parse().ok()),
    };
    let all_orgs = orgs::list(&state.db).await?;
    let org_name: HashMap<i64, &str> = all_orgs.iter().map(|o| (o.id, o.name.as_str())).collect();
    // A period that cannot be read lists nothing (it listed the whole log, or said nobody read anything).
    let entries = if !errors.is_empty() { Vec::new() } else { rows(&state, &auth.ctx, &filter, &org_name).await? };
    let older_link = (entries.len() as i64 == PAGE_SIZE).then(|| {
        let last = entries.last().map(|e| e.id).unwrap_or_default();
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in [
            ("org_id", &q.org_id),
            ("actor", &q.actor),
            ("entity", &q.entity),
            ("action", &q.action),
            ("from", &q.from),
            ("until", &q.until),
        ] {
            query.append_pair(key, value);
        }
        if checkbox(&q.personal) {
            query.append_pair("personal", "on");
        }
        query.append_pair("before", &last.to_string());
        format!("/admin/audit?{}", query.finish())
    });
    let orgs = all_orgs.into_iter().map(|o| (o.id.to_string(), o.name)).collect();
    ok(&AuditPage { page: Page::for_user(&auth), filter: q, orgs, entries, older_link, errors })
}
