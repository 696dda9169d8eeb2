//! The cycles an organisation is a party to, and opening a new one: the gemeente from the opener's own area, the
//! parties suggested from the stock (municipality, corporations with homes there, their tenant organisations).

use super::{gemeente, party_scope, today, years};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::notify::events::CycleStep;
use crate::picker::PickedForm;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Edit, View};
use volkshuis_domain::afspraken::{parties_problem, PartiesProblem, Table};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::text::Name;
use volkshuis_store::afspraken::{self, Candidate, NewCycle};
use volkshuis_store::gemeenten;
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken", get(list)).route("/orgs/{org}/afspraken/nieuw", get(form).post(create))
}

struct Row {
    id: i64,
    title: String,
    gemeente: String,
    years: String,
    phase: &'static str,
}

#[derive(Template)]
#[template(path = "afspraken/list.html")]
struct ListPage {
    page: Page,
    org_id: i64,
    may_open: bool,
    rows: Vec<Row>,
}

/// Whether an organisation of this kind opens cycles (a municipality or a corporation).
fn opens(kind: OrgKind) -> bool {
    matches!(kind, OrgKind::Municipality | OrgKind::Corporation)
}

async fn list(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let page = Page::for_user(&auth).with_notice(q.notice.as_deref());
    let pa = auth.ctx.lang.afspraken();
    let rows = afspraken::cycles_of(&state.db, &scope)
        .await?
        .iter()
        .map(|c| Row {
            id: c.id,
            title: c.title.clone(),
            gemeente: gemeente(c),
            years: years(pa, c),
            phase: pa.phase(c.phase),
        })
        .collect();
    let may_open = opens(organisation.kind) && super::may_write(&state, &auth, org).await;
    ok(&ListPage { page, org_id: org, may_open, rows })
}

/// A party offered on the form.
struct Offered {
    id: i64,
    name: String,
    kind: &'static str,
    why: String,
    checked: bool,
    opener: bool,
}

#[derive(Template)]
#[template(path = "afspraken/new.html")]
struct FormPage {
    page: Page,
    org_id: i64,
    gemeenten: Vec<(String, String)>,
    offered: Vec<Offered>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl FormPage {
    fn list_href(&self) -> String {
        format!("/orgs/{}/afspraken", self.org_id)
    }

    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The gemeenten the organisation may open a cycle for: a municipality's own codes, a corporation's working area.
async fn own_gemeenten(state: &AppState, organisation: &Organisation) -> Result<Vec<(String, String)>, AppError> {
    let named = |code: String, name: Option<String>| {
        let shown = name.map(|n| format!("{n} ({code})")).unwrap_or_else(|| code.clone());
        (code, shown)
    };
    Ok(match organisation.kind {
        OrgKind::Municipality => {
            gemeenten::of_org(&state.db, organisation.id).await?.into_iter().map(|g| named(g.code, g.name)).collect()
        }
        OrgKind::Corporation => gemeenten::working_area(&state.db, organisation.id)
            .await?
            .into_iter()
            .map(|g| named(g.code, g.name))
            .collect(),
        _ => Vec::new(),
    })
}

fn chosen_ids(fields: &HashMap<String, String>) -> Option<Vec<i64>> {
    fields.get("party_ids").map(|ids| ids.split(',').filter_map(|i| i.trim().parse().ok()).collect())
}

async fn form_page(
    state: &AppState,
    auth: &Auth,
    organisation: &Organisation,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<FormPage, AppError> {
    let page = Page::for_user(auth);
    let (t, pa) = (page.t, auth.ctx.lang.afspraken());
    let gemeenten = own_gemeenten(state, organisation).await?;
    let code = fields.get("gemeente").map(|c| c.trim().to_uppercase()).unwrap_or_default();
    let candidates: Vec<Candidate> = if gemeenten.iter().any(|(c, _)| *c == code) {
        afspraken::candidate_parties(&state.db, &code).await?
    } else {
        Vec::new()
    };
    // Suggested from the stock: every candidate ticked until the user says otherwise.
    let chosen = chosen_ids(&fields);
    let offered = candidates
        .into_iter()
        .map(|c| {
            let why = match c.org.kind {
                OrgKind::Corporation => pa.party_units(c.units),
                OrgKind::TenantOrganisation => pa.party_via(c.via.join(", ")),
                _ => String::new(),
            };
            Offered {
                checked: c.org.id == organisation.id || chosen.as_ref().is_none_or(|ids| ids.contains(&c.org.id)),
                opener: c.org.id == organisation.id,
                id: c.org.id,
                name: c.org.name,
                kind: t.kind(c.org.kind),
                why,
            }
        })
        .collect();
    Ok(FormPage { page, org_id: organisation.id, gemeenten, offered, fields, errors })
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(mut fields): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (_, organisation) = party_scope(&state, &auth, org, Edit).await?;
    if !opens(organisation.kind) {
        return Err(AppError::NotFound);
    }
    let gemeenten = own_gemeenten(&state, &organisation).await?;
    if !fields.contains_key("gemeente") && gemeenten.len() == 1 {
        fields.insert("gemeente".into(), gemeenten[0].0.clone());
    }
    fields.entry("year".into()).or_insert_with(|| (today(&state).year() + 1).to_string());
    fields.remove("party_ids");
    ok(&form_page(&state, &auth, &organisation, fields, FieldErrors::default()).await?)
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    PickedForm(fields): PickedForm<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    if !opens(organisation.kind) {
        return Err(AppError::NotFound);
    }
    // "Toon de partijen": the same form for the gemeente chosen, every candidate ticked again; nothing stored.
    if fields.get("show").is_some_and(|s| s == "parties") {
        let mut fields = fields;
        fields.remove("party_ids");
        fields.remove("show");
        return ok(&form_page(&state, &auth, &organisation, fields, FieldErrors::default()).await?);
    }
    let (t, pa) = (auth.ctx.t(), auth.ctx.lang.afspraken());
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let gemeenten = own_gemeenten(&state, &organisation).await?;
    let code = field("gemeente").to_uppercase();
    let gemeente = gemeenten.iter().find(|(c, _)| *c == code);
    if gemeente.is_none() {
        errors.add("gemeente", pa.err_gemeente);
    }
    let year = field("year").parse::<i32>().ok().filter(|y| (2000..=2100).contains(y));
    if year.is_none() {
        errors.add("year", pa.err_year);
    }
    let last_year = match field("last_year").as_str() {
        "" => year,
        text => {
            let last = text.parse::<i32>().ok().filter(|l| year.is_some_and(|y| (y..=y + 10).contains(l)));
            if last.is_none() {
                errors.add("last_year", pa.err_last_year);
            }
            last
        }
    };
    let default_title = match (gemeente, year) {
        (Some((_, shown)), Some(y)) => format!("{} {} {y}", pa.title, shown.split(" (").next().unwrap_or(shown)),
        _ => String::new(),
    };
    let typed_title = field("title");
    let title =
        errors.check(t, "title", Name::parse(if typed_title.is_empty() { &default_title } else { &typed_title }));
    let party_ids = chosen_ids(&fields).unwrap_or_default();
    let candidates =
        if gemeente.is_some() { afspraken::candidate_parties(&state.db, &code).await? } else { Vec::new() };
    if party_ids.iter().any(|id| !candidates.iter().any(|c| c.org.id == *id)) {
        errors.add("party_ids", pa.err_party);
    } else if gemeente.is_some() {
        // The table the law sets: the municipality, a corporation and that corporation's tenant organisations.
        let chosen = |id: i64| id == org || party_ids.contains(&id);
        let kinds: Vec<OrgKind> = candidates.iter().filter(|c| chosen(c.org.id)).map(|c| c.org.kind).collect();
        let corporation_without_its_tenants =
            candidates.iter().filter(|c| c.org.kind == OrgKind::Corporation && chosen(c.org.id)).any(|corporation| {
                let tenants: Vec<&Candidate> = candidates
                    .iter()
                    .filter(|t| t.org.kind == OrgKind::TenantOrganisation && t.via.contains(&corporation.org.name))
                    .collect();
                !tenants.is_empty() && !tenants.iter().any(|t| chosen(t.org.id))
            });
        let table = Table {
            chosen: &kinds,
            municipality_offered: candidates.iter().any(|c| c.org.kind == OrgKind::Municipality),
            corporation_without_its_tenants,
        };
        match parties_problem(table) {
            Some(PartiesProblem::NoMunicipality) => errors.add("party_ids", pa.err_parties_municipality),
            Some(PartiesProblem::NoCorporation) => errors.add("party_ids", pa.err_parties_corporation),
            Some(PartiesProblem::NoTenants) => errors.add("party_ids", pa.err_parties_tenants),
            None => {}
        }
    }
    let (Some(year), Some(last_year), Some(title), true) = (year, last_year, title, errors.is_empty()) else {
        let page = form_page(&state, &auth, &organisation, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let corporations: Vec<i64> = candidates
        .iter()
        .filter(|c| c.org.kind == OrgKind::Corporation && (c.org.id == org || party_ids.contains(&c.org.id)))
        .map(|c| c.org.id)
        .collect();
    // The same agreements opened twice (a second click, a second officer) made a second cycle for a corporation's
    // years: asked once more, naming the corporation; a cycle opened by mistake cannot be withdrawn, so a second one
    // stays possible when meant.
    if crate::confirm_step::going_back(&fields) {
        return ok(&form_page(&state, &auth, &organisation, fields, errors).await?);
    }
    if !crate::confirm_step::confirmed(&fields) {
        if let Some(name) = afspraken::overlapping_cycle(&state.db, &code, (year, last_year), &corporations).await? {
            let carried = ["gemeente", "year", "last_year", "title", "party_ids"]
                .into_iter()
                .map(|name| (name.to_owned(), field(name)))
                .collect();
            return crate::confirm_step::ConfirmStep {
                page: Page::for_user(&auth),
                title: pa.cycle_twice_title.to_owned(),
                lines: vec![pa.err_cycle_exists(&name), pa.cycle_twice_effect.to_owned()],
                action: format!("/orgs/{org}/afspraken/nieuw"),
                button: pa.cycle_twice_yes,
                back_href: format!("/orgs/{org}/afspraken"),
                back_text: pa.cycle_twice_back,
                carried,
            }
            .response();
        }
    }
    let new =
        NewCycle { gemeente_code: code, first_year: year, last_year, title: title.as_str().to_owned(), party_ids };
    let mut tx = state.db.begin().await?;
    let id = afspraken::open_cycle(&mut tx, &scope, &auth.actor(&state), &new, today(&state)).await?;
    super::jobs::cycle_opened(&state, &mut tx, id, new.first_year, &corporations).await?;
    let mut parties = new.party_ids.clone();
    parties.push(org);
    super::tell_parties(&state, &mut tx, &auth, org, (id, &new.title, parties), CycleStep::Opened).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved")).into_response())
}
