//! What the pickers (ADR 0035) ask of the server: the script with its texts in the page's language, a small search
//! over a corporation's complexes and buurten for a stock too large to embed, and the picker of a form's stock
//! reference, embedded or searching, with only what the organisation may reference.

use crate::auth::Auth;
use crate::error::AppError;
use crate::handlers::party::party_scope;
use crate::i18n::Lang;
use crate::picker::{self, Choice, Picker, EMBED_LIMIT, SEARCH_LIMIT};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Deserialize;
use volkshuis_domain::access::{ReadScope, View};
use volkshuis_domain::query::filter_text;
use volkshuis_store::stock::{self, StockChoice, StockRef};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/pickers-nl.js", get(|| script(Lang::Nl)))
        .route("/static/pickers-en.js", get(|| script(Lang::En)))
        .route("/orgs/{org}/kiezen/{what}", get(search))
}

/// The picker script, after its texts in one language (the texts come from the Fluent files, not the script).
async fn script(lang: Lang) -> Response {
    let body = format!(
        "window.VolkshuisPickerTexts = {};\n{}",
        picker::script_texts(lang),
        include_str!("../../static/pickers.js")
    );
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], body)
        .into_response()
}

/// What a path names: `complexen` or `buurten`.
fn kind_of(what: &str) -> Option<StockRef> {
    match what {
        "complexen" => Some(StockRef::Complex),
        "buurten" => Some(StockRef::Buurt),
        _ => None,
    }
}

/// The path segment of a kind.
fn segment(kind: StockRef) -> &'static str {
    match kind {
        StockRef::Complex => "complexen",
        StockRef::Buurt => "buurten",
    }
}

#[derive(Debug, Default, Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
    /// The corporation whose stock is searched; the organisation's own when absent.
    corporatie: Option<String>,
}

/// A search's answer: at most [`SEARCH_LIMIT`] options, and whether there were more.
#[derive(Debug, serde::Serialize)]
struct Found {
    options: Vec<Choice>,
    more: bool,
}

fn choice(lang: Lang, c: StockChoice) -> Choice {
    Choice::new(c.code.clone(), picker::name_and_code(lang, c.name.as_deref(), &c.code))
}

/// `GET /orgs/{org}/kiezen/{complexen|buurten}?q=…&corporatie=…`: the complexes or buurten of a corporation whose
/// stock the organisation works in, found by code or name. Another corporation's stock is a 404, as it is
/// everywhere else.
async fn search(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, what)): Path<(i64, String)>,
    Query(q): Query<SearchQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let kind = kind_of(&what).ok_or(AppError::NotFound)?;
    let corporation = match q.corporatie.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(id) => id.parse::<i64>().map_err(|_| AppError::NotFound)?,
        None => scope.org_id(),
    };
    let text = filter_text(&q.q);
    let found = stock::choices(&state.db, &scope, corporation, kind, text.as_deref(), SEARCH_LIMIT + 1).await?;
    let more = found.len() as i64 > SEARCH_LIMIT;
    let lang = auth.ctx.lang;
    let options = found.into_iter().take(SEARCH_LIMIT as usize).map(|c| choice(lang, c)).collect();
    Ok(Json(Found { options, more }).into_response())
}

/// The corporations a stock picker offers: id and name.
pub(crate) type Corporations = [(i64, String)];

/// `picker` (the form's field, label and error) offering complexes or buurten of `corporations`, whose stock the
/// organisation of `scope` works in: embedded when there are at most [`EMBED_LIMIT`] in all and searched otherwise,
/// with `typed` (the field as posted) chosen. `chosen_corporation` is the corporation the form has chosen now, whose
/// names the chosen codes get in a searching picker. A corporation whose stock the organisation does not work in is
/// left out.
pub(crate) async fn stock_picker(
    state: &AppState,
    scope: &ReadScope,
    picker: Picker,
    kind: StockRef,
    corporations: &Corporations,
    chosen_corporation: Option<i64>,
    typed: &str,
) -> Result<Picker, AppError> {
    let lang = picker.lang();
    let mut open: Vec<(i64, String, i64)> = Vec::new();
    for (id, name) in corporations {
        match stock::choice_count(&state.db, scope, *id, kind).await {
            Ok(n) => open.push((*id, name.clone(), n)),
            Err(StoreError::NotFound) => {}
            Err(other) => return Err(other.into()),
        }
    }
    let total: i64 = open.iter().map(|(_, _, n)| n).sum();
    if total <= EMBED_LIMIT {
        let mut options = Vec::new();
        for (id, _, _) in &open {
            for c in stock::choices(&state.db, scope, *id, kind, None, EMBED_LIMIT).await? {
                options.push(choice(lang, c).in_group(id.to_string()));
            }
        }
        let headings = open.iter().map(|(id, name, _)| (id.to_string(), name.clone())).collect();
        return Ok(picker.embedded(options, headings).posted(typed));
    }
    let corporation =
        chosen_corporation.filter(|c| open.iter().any(|(id, _, _)| id == c)).or(open.first().map(|o| o.0));
    let (mut known, mut example) = (Vec::new(), String::new());
    if let Some(corporation) = corporation {
        let values = picker::values([typed]);
        let names = stock::choice_names(&state.db, scope, corporation, kind, &values).await?;
        known = values
            .iter()
            .map(|v| Choice::new(v.clone(), picker::name_and_code(lang, names.get(v).map(String::as_str), v)))
            .collect();
        example = stock::first_choice(&state.db, scope, corporation, kind).await?.unwrap_or_default();
    }
    let url = format!("/orgs/{}/kiezen/{}", scope.org_id(), segment(kind));
    Ok(picker.searched(url, &example, known).posted(typed))
}
