//! The municipality's own arrangements: its buckets (criteria and action, in order), its settings (the threshold
//! agreed with the landlords, retention), and its report of signals and results as JSON in the national data set's
//! shape or as CSV.

use super::{personal_scope, subnav, write_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{parse_date, FieldErrors};
use crate::i18n::SignaleringTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::HashMap;
use volkshuis_domain::access::Manage;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::signalering::retention::Retention;
use volkshuis_domain::signalering::triage::{BucketAction, Criteria};
use volkshuis_domain::spreadsheet::Csv;
use volkshuis_store::overleg::date_to_text;
use volkshuis_store::signalering::buckets::{self, NewBucket};
use volkshuis_store::signalering::settings::{self, Settings, MAX_MONTHS, MAX_THRESHOLD_DAYS};
use volkshuis_store::signalering::signals::{self, ExportRow};
use volkshuis_store::signalering::Purpose;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/signalering/bakken", get(bucket_list).post(bucket_add))
        .route("/orgs/{org}/signalering/bakken/{id}/omhoog", post(bucket_up))
        .route("/orgs/{org}/signalering/bakken/{id}/verwijderen", post(bucket_remove))
        .route("/orgs/{org}/signalering/instellingen", get(settings_form).post(settings_save))
        .route("/orgs/{org}/signalering/rapportage", get(report_form))
        .route("/orgs/{org}/signalering/rapportage/export", get(report))
}

#[derive(Template)]
#[template(path = "signalering/buckets.html")]
struct BucketsPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    /// (id, name, criteria in words, action)
    buckets: Vec<(i64, String, String, String)>,
    actions: Vec<(String, String)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl BucketsPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

fn criteria_text(sg: &SignaleringTexts, c: &Criteria) -> String {
    let mut parts = Vec::new();
    if let Some(min) = c.min_amount {
        parts.push(sg.crit_min_amount(min.to_string()));
    }
    if let Some(below) = c.below_amount {
        parts.push(sg.crit_below_amount(below.to_string()));
    }
    if let Some(months) = c.min_months {
        parts.push(sg.crit_min_months(i64::from(months)));
    }
    if c.several_creditors {
        parts.push(sg.crit_several_creditors.to_owned());
    }
    if parts.is_empty() {
        sg.crit_all.to_owned()
    } else {
        parts.join("; ")
    }
}

async fn buckets_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<BucketsPage, AppError> {
    let (scope, _) = write_scope(state, auth, org, OrgKind::Municipality).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let list = buckets::buckets(&state.db, &scope).await?;
    Ok(BucketsPage {
        page: Page::for_user(auth),
        sg,
        nav: subnav(sg, auth, org, OrgKind::Municipality),
        org_id: org,
        buckets: list
            .iter()
            .map(|b| (b.id, b.name.clone(), criteria_text(sg, &b.criteria), sg.action(b.action).to_owned()))
            .collect(),
        actions: BucketAction::ALL.iter().map(|a| (a.code().to_owned(), sg.action(*a).to_owned())).collect(),
        fields,
        errors,
    })
}

async fn bucket_list(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    ok(&buckets_page(&state, &auth, org, HashMap::new(), FieldErrors::default()).await?)
}

async fn bucket_add(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let name = field("name");
    if name.is_empty() || name.chars().count() > 80 {
        errors.add("name", sg.err_name);
    }
    let mut amount = |name: &str| {
        crate::forms::optional_amount(auth.ctx.t(), &field(name), sg.err_amount)
            .map(|cents| cents.map(Money::from_cents))
            .map_err(|message| errors.add(name, message))
            .ok()
    };
    let (min_amount, below_amount) = (amount("min_amount"), amount("below_amount"));
    let min_months = match field("min_months").as_str() {
        "" => Some(None),
        t => t.parse::<u32>().ok().filter(|m| *m <= 120).map(Some),
    };
    if min_months.is_none() {
        errors.add("min_months", sg.err_months);
    }
    let action = BucketAction::parse(&field("action"));
    if action.is_none() {
        errors.add("action", sg.err_choose);
    }
    let (Some(min_amount), Some(below_amount), Some(min_months), Some(action), true) =
        (min_amount, below_amount, min_months, action, errors.is_empty())
    else {
        let page = buckets_page(&state, &auth, org, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let criteria =
        Criteria { min_amount, below_amount, min_months, several_creditors: field("several_creditors") == "on" };
    let today = dutch_date(state.clock.now());
    buckets::add_bucket(&state.db, &scope, &auth.actor(&state), &NewBucket { name, criteria, action }, today).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/bakken")).into_response())
}

async fn bucket_up(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let today = dutch_date(state.clock.now());
    if !buckets::move_bucket_up(&state.db, &scope, &auth.actor(&state), id, today).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/bakken")).into_response())
}

async fn bucket_remove(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let today = dutch_date(state.clock.now());
    if !buckets::remove_bucket(&state.db, &scope, &auth.actor(&state), id, today).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/bakken")).into_response())
}

#[derive(Template)]
#[template(path = "signalering/settings.html")]
struct SettingsPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    /// A corporation sets its soft signals' periods; a municipality its threshold and signal retention.
    corporation: bool,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    saved: bool,
}

impl SettingsPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

#[derive(Debug, Default, Deserialize)]
struct SavedQuery {
    notice: Option<String>,
}

/// The settings an administrator of this kind of organisation sets, with their values: (field, value, min, max).
fn setting_fields(kind: OrgKind, s: &Settings) -> Vec<(&'static str, u32, u32, u32)> {
    if kind == OrgKind::Corporation {
        vec![
            ("soft_internal_months", s.soft_internal_months, 1, MAX_MONTHS),
            ("soft_closed_months", s.soft_closed_months, 1, MAX_MONTHS),
        ]
    } else {
        vec![
            ("threshold_days", u32::from(s.threshold_days), 1, u32::from(MAX_THRESHOLD_DAYS)),
            ("not_picked_up_months", s.retention.not_picked_up_months, 1, MAX_MONTHS),
            ("closed_months", s.retention.closed_months, 1, MAX_MONTHS),
            ("follow_up_months", s.retention.follow_up_months, 1, MAX_MONTHS),
        ]
    }
}

/// The organisation's administrator, of a kind with settings here (a corporation or a municipality).
async fn settings_scope(
    state: &AppState,
    auth: &Auth,
    org: i64,
) -> Result<(volkshuis_domain::access::WriteScope, OrgKind), AppError> {
    let (scope, organisation) = super::module_scope(state, auth, org, Manage).await?;
    if !matches!(organisation.kind, OrgKind::Corporation | OrgKind::Municipality) {
        return Err(AppError::NotFound);
    }
    // The threshold agreed with the landlords and the retention of persons' data are the organisation's own
    // decisions: its own administrators', not the platform operator's.
    if auth.own_role(org) != Some(volkshuis_domain::access::Role::Admin) {
        return Err(AppError::Forbidden);
    }
    Ok((scope, organisation.kind))
}

async fn settings_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<SavedQuery>,
) -> Result<Response, AppError> {
    let (scope, kind) = settings_scope(&state, &auth, org).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let current = settings::settings(&state.db, &scope).await?;
    let fields = setting_fields(kind, &current).into_iter().map(|(k, v, _, _)| (k.to_owned(), v.to_string())).collect();
    ok(&SettingsPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, kind),
        org_id: org,
        corporation: kind == OrgKind::Corporation,
        fields,
        errors: FieldErrors::default(),
        saved: query.notice.as_deref() == Some("saved"),
    })
}

async fn settings_save(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, kind) = settings_scope(&state, &auth, org).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let current = settings::settings(&state.db, &scope).await?;
    let mut errors = FieldErrors::default();
    let mut values = HashMap::new();
    for (name, _, min, max) in setting_fields(kind, &current) {
        match fields.get(name).and_then(|v| v.trim().parse::<u32>().ok()).filter(|n| (min..=max).contains(n)) {
            Some(n) => {
                values.insert(name, n);
            }
            None => errors.add(name, sg.err_between(i64::from(max), i64::from(min))),
        }
    }
    if !errors.is_empty() {
        let page = SettingsPage {
            page: Page::for_user(&auth),
            sg,
            nav: subnav(sg, &auth, org, kind),
            org_id: org,
            corporation: kind == OrgKind::Corporation,
            fields,
            errors,
            saved: false,
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let get = |name: &str, old: u32| values.get(name).copied().unwrap_or(old);
    let new = Settings {
        threshold_days: u16::try_from(get("threshold_days", u32::from(current.threshold_days))).unwrap_or(30),
        retention: Retention {
            not_picked_up_months: get("not_picked_up_months", current.retention.not_picked_up_months),
            closed_months: get("closed_months", current.retention.closed_months),
            follow_up_months: get("follow_up_months", current.retention.follow_up_months),
        },
        soft_internal_months: get("soft_internal_months", current.soft_internal_months),
        soft_closed_months: get("soft_closed_months", current.soft_closed_months),
    };
    settings::save_settings(&state.db, &scope, &auth.actor(&state), new).await?;
    Ok(Redirect::to(&format!("/orgs/{org}/signalering/instellingen?notice=saved")).into_response())
}

#[derive(Template)]
#[template(path = "signalering/report.html")]
struct ReportPage {
    page: Page,
    sg: &'static SignaleringTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    from: String,
    to: String,
    error: Option<&'static str>,
}

async fn report_form(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    write_scope(&state, &auth, org, OrgKind::Municipality).await?;
    let sg = SignaleringTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let first = today.replace_day(1).unwrap_or(today);
    ok(&ReportPage {
        page: Page::for_user(&auth),
        sg,
        nav: subnav(sg, &auth, org, OrgKind::Municipality),
        org_id: org,
        from: date_to_text(first),
        to: date_to_text(today),
        error: None,
    })
}

#[derive(Debug, Default, Deserialize)]
struct ReportQuery {
    van: Option<String>,
    tot: Option<String>,
    vorm: Option<String>,
}

/// The report as a download. Only the receiving municipality has one; every read is logged.
async fn report(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<ReportQuery>,
) -> Result<Response, AppError> {
    let (_, personal, _) = personal_scope(&state, &auth, org, OrgKind::Municipality, Purpose::MunicipalReport).await?;
    let from = query.van.as_deref().and_then(|d| parse_date(d).ok());
    let to = query.tot.as_deref().and_then(|d| parse_date(d).ok());
    let (Some(from), Some(to)) = (from.filter(|f| to.is_none_or(|t| *f <= t)), to) else {
        // Back to the form with what was typed and why.
        let sg = SignaleringTexts::of(auth.ctx.lang);
        let page = ReportPage {
            page: Page::for_user(&auth),
            sg,
            nav: subnav(sg, &auth, org, OrgKind::Municipality),
            org_id: org,
            from: query.van.unwrap_or_default(),
            to: query.tot.unwrap_or_default(),
            error: Some(sg.err_period),
        };
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let rows = signals::municipal_report(&state.db, &personal, &auth.actor(&state), from, to).await?;
    let stem = format!("signalen-{}-{}", date_to_text(from), date_to_text(to));
    Ok(super::sent::export(&rows, query.vorm.as_deref(), &stem))
}

/// The rows in the shape of the national data set for vroegsignalering (one object per signal: the creditor, the
/// person and address, the debt, and the municipality's follow-up).
pub(super) fn ddas(rows: &[ExportRow]) -> Value {
    let signals: Vec<Value> = rows
        .iter()
        .map(|row| {
            let r = &row.signal;
            json!({
                "signaalId": r.id.to_string(),
                "signaalDatum": date_to_text(r.sent_on),
                "signaalType": "huurachterstand",
                "schuldeiser": { "naam": r.sender },
                "persoon": { "naam": r.name, "telefoonnummer": r.phone, "emailadres": r.email },
                "adres": {
                    "straatnaam": r.street,
                    "huisnummer": r.house_number,
                    "postcode": r.postcode,
                    "woonplaats": r.woonplaats,
                    "bagVerblijfsobjectId": r.bag_id,
                    "gemeentecode": r.gemeente_code,
                },
                "achterstand": {
                    "bedragInCenten": r.amount.cents(),
                    "ontstaanOp": date_to_text(r.arrears_since),
                },
                "opvolging": {
                    "aantalContactpogingen": row.contacts,
                    "resultaat": r.outcome.map(|(o, _)| o.code()),
                    "resultaatGroep": r.outcome.map(|(o, _)| o.group().code()),
                    "resultaatDatum": r.outcome.map(|(_, on)| date_to_text(on)),
                },
            })
        })
        .collect();
    json!({ "versie": 1, "signalen": signals })
}

/// The rows as a `;`-separated CSV that Dutch Excel opens (values that look like formulas are neutralised).
pub(super) fn csv(rows: &[ExportRow]) -> String {
    let mut csv = Csv::new(true);
    csv.row([
        "signaal",
        "datum",
        "schuldeiser",
        "naam",
        "telefoon",
        "email",
        "straat",
        "huisnummer",
        "postcode",
        "woonplaats",
        "bagId",
        "gemeente",
        "bedrag",
        "achterstandSinds",
        "contactpogingen",
        "resultaat",
        "resultaatDatum",
    ]);
    for row in rows {
        let r = &row.signal;
        csv.row([
            r.id.to_string().as_str(),
            &show_date(r.sent_on),
            &r.sender,
            &r.name,
            r.phone.as_deref().unwrap_or_default(),
            r.email.as_deref().unwrap_or_default(),
            &r.street,
            &r.house_number,
            &r.postcode,
            &r.woonplaats,
            r.bag_id.as_deref().unwrap_or_default(),
            &r.gemeente_code,
            &r.amount.to_string(),
            &show_date(r.arrears_since),
            &row.contacts.to_string(),
            r.outcome.map(|(o, _)| o.code()).unwrap_or_default(),
            &r.outcome.map(|(_, on)| show_date(on)).unwrap_or_default(),
        ]);
    }
    csv.into_string()
}
