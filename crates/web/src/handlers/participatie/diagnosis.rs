//! The yearly diagnosis between a corporation and a tenant organisation: both answer the same questions, the result
//! places each in the 2×2 with the variant's description and development path, and the golden rules side by side.

use super::party_scope;
use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::MapslangTexts;
use crate::state::AppState;
use crate::views::{ok, render, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::access::{Action, Edit, ReadScope, View};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::participatie::diagnosis::{
    place, Placement, CORPORATION_QUESTIONS, GOLDEN_RULES, REPRESENTATIVE_QUESTIONS,
};
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg;
use volkshuis_store::participatie::{self as part, Diagnosis};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/participatie/diagnose", get(start))
        .route("/orgs/{org}/participatie/diagnose/{partner}/{year}", get(show).post(save))
}

/// The pair (corporation, tenant organisation) of the acting organisation and a partner it consults.
async fn pair(
    state: &AppState,
    scope: &ReadScope,
    organisation: &Organisation,
    partner: i64,
) -> Result<(i64, i64, String), AppError> {
    let found = overleg::partners_of(&state.db, scope)
        .await?
        .into_iter()
        .find(|p| p.org.id == partner)
        .ok_or(AppError::NotFound)?;
    Ok(if organisation.kind == OrgKind::Corporation {
        (organisation.id, partner, found.org.name)
    } else {
        (partner, organisation.id, found.org.name)
    })
}

async fn start(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let year = dutch_date(state.clock.now()).year();
    let partner = overleg::partners_of(&state.db, &scope).await?.into_iter().next().ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/diagnose/{}/{year}", partner.org.id)).into_response())
}

struct Question {
    name: String,
    text: &'static str,
    value: String,
    /// Left unanswered in a form that came back (each such question says so, beside it).
    missing: bool,
}

struct RuleRow {
    text: &'static str,
    corporation: String,
    tenant: String,
    corporation_remark: String,
    tenant_remark: String,
}

struct PlacementView {
    party: &'static str,
    corporation_score: String,
    representatives_score: String,
    variant: &'static str,
    description: &'static str,
    path: &'static str,
    quadrant: &'static str,
}

#[derive(Template)]
#[template(path = "participatie/diagnosis.html")]
struct DiagnosisPage {
    page: Page,
    /// The statements and variants in the user's language.
    mt: &'static MapslangTexts,
    org_id: i64,
    partner: i64,
    partner_name: String,
    year: i32,
    heading: String,
    partners: Vec<(i64, String)>,
    can_edit: bool,
    corporation_questions: Vec<Question>,
    representative_questions: Vec<Question>,
    rules: Vec<(String, String, &'static str, String, String, bool)>,
    placements: Vec<PlacementView>,
    rule_rows: Vec<RuleRow>,
    history: Vec<(i32, &'static str, &'static str)>,
    rule_history: Vec<(i32, &'static str, Vec<String>)>,
    error: Option<&'static str>,
}

fn view(mt: &MapslangTexts, party: &'static str, p: Placement) -> PlacementView {
    let active = |tenths: u32| tenths >= 30;
    let (variant, description, path) = mt.variant(p.variant);
    PlacementView {
        party,
        corporation_score: format!("{},{}", p.corporation_tenths / 10, p.corporation_tenths % 10),
        representatives_score: format!("{},{}", p.representatives_tenths / 10, p.representatives_tenths % 10),
        variant,
        description,
        path,
        quadrant: match (active(p.corporation_tenths), active(p.representatives_tenths)) {
            (true, true) => "q-tl",
            (true, false) => "q-tr",
            (false, true) => "q-bl",
            (false, false) => "q-br",
        },
    }
}

#[expect(clippy::too_many_arguments, reason = "the page carries the typed answers and the pair")]
async fn diagnosis_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    organisation: &Organisation,
    partner: i64,
    year: i32,
    typed: Option<HashMap<String, String>>,
    error: Option<&'static str>,
) -> Result<DiagnosisPage, AppError> {
    let page = Page::for_user(auth);
    let pt = page.pt;
    let mt = auth.ctx.lang.mapslang();
    let (corporation, tenant, partner_name) = pair(state, scope, organisation, partner).await?;
    let all = part::diagnoses(&state.db, scope, corporation, tenant).await?;
    let own_party = if organisation.kind == OrgKind::Corporation { "corporation" } else { "tenant" };
    let this_year = |party: &str| all.iter().find(|d| d.year == year && d.party == party);
    let own = this_year(own_party);
    let typed = typed.unwrap_or_else(|| {
        let mut t = HashMap::new();
        if let Some(d) = own {
            for (i, s) in d.corporation.iter().enumerate() {
                t.insert(format!("c{i}"), s.to_string());
            }
            for (i, s) in d.representatives.iter().enumerate() {
                t.insert(format!("r{i}"), s.to_string());
            }
            for (i, s) in d.rules.iter().enumerate() {
                t.insert(format!("g{i}"), s.to_string());
            }
            for (i, s) in d.remarks.iter().enumerate() {
                t.insert(format!("gr{i}"), s.clone());
            }
        }
        t
    });
    let value = |k: String| typed.get(&k).cloned().unwrap_or_default();
    let refused = error.is_some();
    let unanswered = |v: &str| refused && !matches!(v.trim(), "1" | "2" | "3" | "4" | "5");
    let questions = |prefix: &str, texts: Vec<&'static str>| -> Vec<Question> {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                let value = value(format!("{prefix}{i}"));
                Question { name: format!("{prefix}{i}"), text, missing: unanswered(&value), value }
            })
            .collect()
    };
    let mut placements = Vec::new();
    for (party, label) in [("corporation", pt.party_corporation), ("tenant", pt.party_tenant)] {
        if let Some(d) = this_year(party) {
            if let Ok(p) = place(&d.corporation, &d.representatives) {
                placements.push(view(mt, label, p));
            }
        }
    }
    let score = |d: Option<&Diagnosis>, i: usize| {
        d.and_then(|d| d.rules.get(i)).map(|s| s.to_string()).unwrap_or_else(|| "—".to_owned())
    };
    let remark = |d: Option<&Diagnosis>, i: usize| d.and_then(|d| d.remarks.get(i)).cloned().unwrap_or_default();
    let (c, t) = (this_year("corporation"), this_year("tenant"));
    let rule_rows = GOLDEN_RULES
        .iter()
        .enumerate()
        .map(|(i, rule)| RuleRow {
            text: mt.golden_rule(*rule),
            corporation: score(c, i),
            tenant: score(t, i),
            corporation_remark: remark(c, i),
            tenant_remark: remark(t, i),
        })
        .collect();
    let history = all
        .iter()
        .filter(|d| d.year != year)
        .filter_map(|d| {
            let label = if d.party == "corporation" { pt.party_corporation } else { pt.party_tenant };
            place(&d.corporation, &d.representatives).ok().map(|p| (d.year, label, mt.variant_name(p.variant)))
        })
        .collect();
    // The golden rules' scores of every year, both parties, so the movement shows.
    let rule_history = all
        .iter()
        .map(|d| {
            let label = if d.party == "corporation" { pt.party_corporation } else { pt.party_tenant };
            (d.year, label, d.rules.iter().map(|r| r.to_string()).collect())
        })
        .collect();
    Ok(DiagnosisPage {
        rule_history,
        org_id: organisation.id,
        partner,
        partner_name,
        year,
        heading: pt.diagnosis_title(year),
        partners: overleg::partners_of(&state.db, scope).await?.into_iter().map(|p| (p.org.id, p.org.name)).collect(),
        can_edit: scope.role().allows(Action::Edit),
        corporation_questions: questions("c", CORPORATION_QUESTIONS.map(|q| mt.corporation_question(q)).to_vec()),
        representative_questions: questions(
            "r",
            REPRESENTATIVE_QUESTIONS.map(|q| mt.representative_question(q)).to_vec(),
        ),
        rules: GOLDEN_RULES
            .iter()
            .enumerate()
            .map(|(i, rule)| {
                let text = mt.golden_rule(*rule);
                let score = value(format!("g{i}"));
                let missing = unanswered(&score);
                (format!("g{i}"), score, text, format!("gr{i}"), value(format!("gr{i}")), missing)
            })
            .collect(),
        mt,
        placements,
        rule_rows,
        history,
        error,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, partner, year)): Path<(i64, i64, i32)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let (scope, organisation) = party_scope(&state, &auth, org, View).await?;
    let mut page = diagnosis_page(&state, &auth, &scope, &organisation, partner, year, None, None).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

async fn save(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, partner, year)): Path<(i64, i64, i32)>,
    Form(typed): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    if !(2000..=2100).contains(&year) {
        return Err(AppError::NotFound);
    }
    let (scope, organisation) = party_scope(&state, &auth, org, Edit).await?;
    let (corporation, tenant, _) = pair(&state, &scope, &organisation, partner).await?;
    let scores = |prefix: &str, n: usize| -> Option<Vec<u8>> {
        (0..n)
            .map(|i| {
                typed
                    .get(&format!("{prefix}{i}"))
                    .and_then(|v| v.trim().parse::<u8>().ok())
                    .filter(|s| (1..=5).contains(s))
            })
            .collect()
    };
    let parsed = (
        scores("c", CORPORATION_QUESTIONS.len()),
        scores("r", REPRESENTATIVE_QUESTIONS.len()),
        scores("g", GOLDEN_RULES.len()),
    );
    let (Some(c), Some(r), Some(g)) = parsed else {
        let pt = auth.ctx.lang.participatie();
        let page =
            diagnosis_page(&state, &auth, &scope, &organisation, partner, year, Some(typed), Some(pt.err_scores))
                .await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let remarks = (0..GOLDEN_RULES.len())
        .map(|i| typed.get(&format!("gr{i}")).map(|s| s.trim().chars().take(1000).collect()).unwrap_or_default())
        .collect();
    let party = if organisation.kind == OrgKind::Corporation { "corporation" } else { "tenant" };
    let diagnosis = Diagnosis { party: party.to_owned(), year, corporation: c, representatives: r, rules: g, remarks };
    let mut tx = state.db.begin().await?;
    part::save_diagnosis(
        &mut tx,
        &scope,
        corporation,
        tenant,
        &diagnosis,
        &auth.actor(&state).label,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/participatie/diagnose/{partner}/{year}?notice=saved#result")).into_response())
}
