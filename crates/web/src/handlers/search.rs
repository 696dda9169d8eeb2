//! The search of every page (issue 23): `GET /orgs/{org}/zoeken?q=…` finds what the organisation may see — complexes,
//! addresses, groups, Overleg cases, contracts, cycles, initiatives — ranked, each a link with its kind shown.
//! Who sees what is the store's (`volkshuis_store::search`), by each module's own rule.

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::SearchTexts;
use crate::state::AppState;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::View;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::search::{self, Kind, MAX_CHARS};
use volkshuis_store::search::{Hit, Target};

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/zoeken", get(page))
}

/// The most results of one kind on the page.
const PER_KIND: usize = 8;

#[derive(Debug, Default, Deserialize)]
struct Params {
    #[serde(default)]
    q: String,
}

/// A kind with more results than the page shows: what to do about it, and for the corporation's own addresses a link
/// to its stock list with the same text (which lists them all).
struct More {
    kind_code: &'static str,
    text: String,
    /// The link to the stock list and its words.
    stock: Option<(String, String)>,
}

/// One result as the page shows it.
struct Line {
    kind: &'static str,
    kind_code: &'static str,
    title: String,
    context: String,
    /// `None` for a unit of another corporation with neither complex nor buurt: there is no page to show it on.
    href: Option<String>,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    page: Page,
    st: &'static SearchTexts,
    org_id: i64,
    /// The text as kept, shown in the box again.
    text: String,
    /// Whether the text was long enough to search with.
    searched: bool,
    count: i64,
    results: Vec<Line>,
    /// The kinds cut off at [`PER_KIND`].
    more: Vec<More>,
}

async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(params): Query<Params>,
) -> Result<Response, AppError> {
    let (scope, organisation) = auth.scope_with_org(&state, org, View).await?;
    let st = SearchTexts::of(auth.ctx.lang);
    let (text, results, cut, stock_text, searched) = match search::Query::parse(&params.q) {
        Ok(query) => {
            // One more than shown of each kind: a kind that has it has more than the page shows.
            let hits = volkshuis_store::search::search(&state.db, &scope, &query, PER_KIND + 1).await?;
            let (shown, cut) = at_most_per_kind(hits, PER_KIND);
            let lines = shown.iter().map(|hit| line(st, &auth, org, organisation.kind, hit)).collect();
            (query.text().to_owned(), lines, cut, stock_filter_text(&query), true)
        }
        // Too short or empty: the help, with what was typed (cleaned and bounded) kept in the box.
        Err(_) => (
            volkshuis_domain::query::filter_text(&params.q)
                .map(|t| t.chars().take(MAX_CHARS).collect())
                .unwrap_or_default(),
            Vec::new(),
            Vec::new(),
            None,
            false,
        ),
    };
    let bag_id = volkshuis_store::stock::is_bag_id(text.trim());
    let more = cut
        .into_iter()
        .map(|kind| More {
            kind_code: kind.code(),
            // A BAG pand id cannot be typed longer: its homes are listed in the stock.
            text: if kind == Kind::Address && bag_id {
                st.more_building(PER_KIND as i64)
            } else {
                st.more(kind_name(st, kind), PER_KIND as i64)
            },
            stock: stock_text
                .as_deref()
                .filter(|_| kind == Kind::Address && organisation.kind == OrgKind::Corporation)
                .map(|q| {
                    let encoded = form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>();
                    (format!("/orgs/{org}/stock?q={encoded}"), st.more_stock(q))
                }),
        })
        .collect();
    let mut page = Page::for_user(&auth);
    if let Some(search) = page.search.as_mut() {
        search.action = format!("/orgs/{org}/zoeken");
        search.value.clone_from(&text);
    }
    let count = i64::try_from(results.len()).unwrap_or(i64::MAX);
    ok(&SearchPage { page, st, org_id: org, text, searched, count, results, more })
}

/// What the stock list's text filter (a part of a street, postcode, place or idExtern, or a BAG id) takes for the
/// same addresses: the postcode as stored ("1234 AB" is kept as "1234AB") or the start of the street as typed (the
/// filter ignores case; the link's text keeps the user's capitals), when no house number narrows them (the filter has
/// no number; with one, eight are seldom too few); a BAG id as typed.
fn stock_filter_text(query: &search::Query) -> Option<String> {
    // A BAG pand id finds a building's homes, more than a page shows; the list takes the id whole.
    if volkshuis_store::stock::is_bag_id(query.text().trim()) {
        return Some(query.text().trim().to_owned());
    }
    match (query.postcode(), query.street()) {
        (Some(p), _) if p.number.is_none() => Some(p.postcode.as_str().to_owned()),
        // Without a number the whole text is the street's start.
        (None, Some(s)) if s.number.is_none() => Some(query.text().to_owned()),
        _ => None,
    }
}

/// The hits, at most `per_kind` of each kind in their order, and the kinds that had more.
fn at_most_per_kind(hits: Vec<Hit>, per_kind: usize) -> (Vec<Hit>, Vec<Kind>) {
    let mut counts = [0usize; Kind::ALL.len()];
    let mut cut = Vec::new();
    let mut shown = Vec::with_capacity(hits.len());
    for hit in hits {
        let index = Kind::ALL.iter().position(|k| *k == hit.kind).unwrap_or(0);
        counts[index] += 1;
        if counts[index] <= per_kind {
            shown.push(hit);
        } else if !cut.contains(&hit.kind) {
            cut.push(hit.kind);
        }
    }
    cut.sort_by_key(|kind| Kind::ALL.iter().position(|k| k == kind));
    (shown, cut)
}

fn kind_name(st: &'static SearchTexts, kind: Kind) -> &'static str {
    match kind {
        Kind::Complex => st.kind_complex,
        Kind::Address => st.kind_address,
        Kind::Group => st.kind_group,
        Kind::Case => st.kind_case,
        Kind::Contract => st.kind_contract,
        Kind::Cycle => st.kind_cycle,
        Kind::Initiative => st.kind_initiative,
    }
}

fn line(st: &'static SearchTexts, auth: &Auth, org: i64, kind: OrgKind, hit: &Hit) -> Line {
    Line {
        kind: kind_name(st, hit.kind),
        kind_code: hit.kind.code(),
        title: hit.title.clone(),
        context: hit.context.join(" · "),
        href: href(auth, org, kind, &hit.target),
    }
}

/// Where a result leads, in the viewer's organisation: a unit to the stock page for the corporation that owns it and
/// to its place (complex, else buurt) for everyone else; an initiative to the corporation's page, to the initiator's
/// own page, or else to the organisation's list of initiatives (where it is shown without a page of its own).
fn href(auth: &Auth, org: i64, kind: OrgKind, target: &Target) -> Option<String> {
    Some(match target {
        Target::Complex { cluster_id } => format!("/orgs/{org}/plek/complexen/{cluster_id}"),
        Target::Unit { unit_id, corporation_id, cluster_id, buurt_code } => {
            if *corporation_id == org {
                format!("/orgs/{org}/stock/units/{unit_id}")
            } else if let Some(cluster_id) = cluster_id {
                format!("/orgs/{org}/plek/complexen/{cluster_id}")
            } else {
                // A buurt code is the store's own (CBS codes: letters and digits), never typed text.
                let code =
                    buurt_code.as_deref().filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric()))?;
                format!("/orgs/{org}/plek/buurten/{code}")
            }
        }
        Target::Group { id } => format!("/orgs/{org}/participatie/groepen/{id}"),
        Target::Case { id } => format!("/orgs/{org}/overleg/{id}"),
        Target::Contract { id } => format!("/orgs/{org}/sr/contracten/{id}"),
        Target::Cycle { id } => format!("/orgs/{org}/afspraken/{id}"),
        Target::Initiative { id, initiator_user_id, initiator_org_id } => {
            if kind == OrgKind::Corporation {
                format!("/orgs/{org}/initiatieven/{id}")
            } else if *initiator_user_id == Some(auth.user.id) {
                format!("/initiatieven/mijn/{id}")
            } else if *initiator_org_id == Some(org) {
                format!("/orgs/{org}/initiatieven")
            } else {
                // Another's, found because it is published: the public register lists it.
                "/initiatieven".to_owned()
            }
        }
    })
}
