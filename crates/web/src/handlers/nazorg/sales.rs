//! Sales: the corporation's list of homes sold, the form that records a sale (the unit leaves the rental stock and
//! its checks are planned), and the buyer's page — shared by the corporation's staff and the assigned koopcoach —
//! with the talk, the koopcoach and their log, the checks and the buy-back.

use super::{bounded_day, buyer_scope, corporation_write, parse_day, parse_percent_bp, show_percent, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::money::Money;
use volkshuis_domain::nazorg::checks::check_state_of_sale;
use volkshuis_domain::nazorg::retention::{buyer_data_deleted_on, Aftercare};
use volkshuis_domain::nazorg::sale::{
    below_ninety_percent, koopgarant_owner_share_bp, SaleCondition, SaleProblem, SaleTerms, ValueKind,
};
use volkshuis_domain::nazorg::talk::monthly_difference_cents;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::sales::{self, NewLogEntry, NewSale, Sale, SaleRefused};
use volkshuis_store::nazorg::settings::check_years as settings_years;
use volkshuis_store::nazorg::{checks, talks};
use volkshuis_store::stock;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/nazorg/verkopen", get(list))
        .route("/orgs/{org}/nazorg/verkopen/nieuw", get(new_form).post(create))
        .route("/orgs/{org}/nazorg/verkopen/{id}", get(one))
        .route("/orgs/{org}/nazorg/verkopen/{id}/koopcoach", post(assign_coach))
        .route("/orgs/{org}/nazorg/verkopen/{id}/logboek", post(add_log))
}

/// A sale on a list.
struct SaleLine {
    href: String,
    address: String,
    buyer: String,
    sold_on: String,
    condition: &'static str,
    coach: String,
    bought_back: Option<String>,
}

#[derive(Template)]
#[template(path = "nazorg/sales.html")]
struct ListPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    rows: Vec<SaleLine>,
}

async fn list(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    corporation_write(&state, &auth, org).await?;
    let (_, buyers, _) = buyer_scope(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let list = sales::sales(&state.db, &buyers, &auth.actor(&state), 1_000).await?;
    let rows = list
        .iter()
        .map(|s| SaleLine {
            href: format!("/orgs/{org}/nazorg/verkopen/{}", s.id),
            address: s.address.clone(),
            buyer: super::buyer_shown(nz, s.buyer_name.clone()),
            sold_on: show_date(s.sold_on),
            condition: nz.condition(s.condition),
            coach: s.coach.as_ref().map(|(o, n)| format!("{n} ({o})")).unwrap_or_default(),
            bought_back: s.bought_back_on.map(show_date),
        })
        .collect();
    ok(&ListPage {
        page: Page::for_user(&auth),
        nz,
        nav: subnav(nz, &auth, org, OrgKind::Corporation),
        org_id: org,
        rows,
    })
}

#[derive(Template)]
#[template(path = "nazorg/sale_new.html")]
struct NewPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    conditions: Vec<(String, String)>,
    value_kinds: Vec<(String, String)>,
    check_years: String,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl NewPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn new_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<NewPage, AppError> {
    let scope = corporation_write(state, auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let years = settings_years(&state.db, scope.as_read()).await?;
    Ok(NewPage {
        page: Page::for_user(auth),
        nz,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        org_id: org,
        conditions: SaleCondition::ALL.iter().map(|c| (c.code().to_owned(), nz.condition(*c).to_owned())).collect(),
        value_kinds: ValueKind::ALL.iter().map(|k| (k.code().to_owned(), nz.value_kind(*k).to_owned())).collect(),
        check_years: nz.years_in_words(&years),
        fields,
        errors,
    })
}

#[derive(serde::Deserialize)]
struct NewQuery {
    eenheid: Option<String>,
}

async fn new_form(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Query(query): Query<NewQuery>,
) -> Result<Response, AppError> {
    let mut fields = HashMap::new();
    if let Some(unit) = query.eenheid {
        fields.insert("unit".to_owned(), unit);
    }
    ok(&new_page(&state, &auth, org, fields, FieldErrors::default()).await?)
}

/// Reads the sale form; the field errors when it does not hold a valid sale.
fn read_sale(
    t: &crate::i18n::Texts,
    nz: &NazorgTexts,
    fields: &HashMap<String, String>,
    errors: &mut FieldErrors,
    today: time::Date,
) -> Option<NewSaleForm> {
    let field = |name: &str| crate::forms::field(fields, name);
    // A sale is recorded once the notary has transferred the home: the day is not in the future.
    let sold_on = parse_day(field("sold_on")).filter(|day| *day <= today);
    if sold_on.is_none() {
        errors.add("sold_on", nz.err_date_not_future);
    }
    let money = |name: &'static str, errors: &mut FieldErrors| match crate::forms::amount_at_least(
        t,
        field(name),
        1,
        nz.err_amount,
    ) {
        Ok(cents) => Some(cents),
        Err(message) => {
            errors.add(name, message);
            None
        }
    };
    let price = money("price", errors);
    let value = money("value", errors);
    let value_kind = ValueKind::parse(field("value_kind")).ok();
    if value_kind.is_none() {
        errors.add("value_kind", nz.err_choose);
    }
    let condition = SaleCondition::parse(field("condition")).ok();
    if condition.is_none() {
        errors.add("condition", nz.err_choose);
    }
    let percent = |name: &'static str, errors: &mut FieldErrors| match field(name) {
        "" => Some(None),
        typed => match parse_percent_bp(typed) {
            Some(bp) => Some(Some(bp)),
            None => {
                errors.add(name, nz.err_percent);
                None
            }
        },
    };
    let discount = percent("discount", errors);
    let share = percent("owner_share", errors);
    let buyer_name = field("buyer_name").to_owned();
    if buyer_name.is_empty() || buyer_name.chars().count() > 200 {
        errors.add("buyer_name", nz.err_buyer_name);
    }
    let email = field("buyer_email").to_owned();
    if !email.is_empty() && volkshuis_domain::account::Email::parse(&email).is_err() {
        errors.add("buyer_email", nz.err_email);
    }
    let phone = field("buyer_phone").to_owned();
    if !phone.is_empty() && !volkshuis_domain::text::is_phone_number(&phone) {
        errors.add("buyer_phone", nz.err_phone);
    }
    let (Some(sold_on), Some(price), Some(value), Some(value_kind), Some(condition), Some(discount), Some(share)) =
        (sold_on, price, value, value_kind, condition, discount, share)
    else {
        return None;
    };
    let terms =
        SaleTerms { price_cents: price, value_cents: value, condition, discount_bp: discount, owner_share_bp: share };
    for problem in terms.problems() {
        let field = match problem {
            SaleProblem::PriceNotPositive => "price",
            SaleProblem::ValueNotPositive => "value",
            SaleProblem::DiscountRequired
            | SaleProblem::DiscountOutOfRange
            | SaleProblem::NoDiscountWithoutCondition => "discount",
            SaleProblem::ShareRequired | SaleProblem::ShareOutOfRange => "owner_share",
            SaleProblem::DiscountDoesNotMatchPrice => "price",
        };
        errors.add(field, nz.sale_problem(problem));
    }
    errors.is_empty().then(|| NewSaleForm {
        sold_on,
        terms,
        value_kind,
        buyer_name,
        buyer_email: (!email.is_empty()).then_some(email),
        buyer_phone: (!phone.is_empty()).then_some(phone),
    })
}

struct NewSaleForm {
    sold_on: time::Date,
    terms: SaleTerms,
    value_kind: ValueKind,
    buyer_name: String,
    buyer_email: Option<String>,
    buyer_phone: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    auth: Auth,
    Path(org): Path<i64>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let mut errors = FieldErrors::default();
    let mut fields = fields;
    // Koopgarant's own table gives the share when the contract names none (RULES.md). The share fixes the buy-back
    // price, so the derived one is put in the form to be checked against the contract and sent again; it is never
    // stored unseen (older contracts have their own share).
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    if field("condition") == SaleCondition::Koopgarant.code() && field("owner_share").is_empty() {
        if let Some(discount) = parse_percent_bp(&field("discount")) {
            let derived = show_percent(koopgarant_owner_share_bp(discount));
            errors.add("owner_share", nz.share_derived(&derived));
            fields.insert("owner_share".to_owned(), derived.trim_end_matches('%').to_owned());
        }
    }
    // The unit by its idExtern or address in the corporation's own stock (checked again in the store).
    let typed = crate::forms::field(&fields, "unit");
    let unit_id = match typed {
        "" => Err(auth.ctx.t().err_required),
        typed => {
            crate::forms::typed_unit(auth.ctx.t(), stock::unit_by_reference(&state.db, scope.as_read(), typed).await?)
        }
    };
    let unit_id = unit_id.map_err(|message| errors.add("unit", message)).ok();
    let form = read_sale(auth.ctx.t(), nz, &fields, &mut errors, dutch_date(state.clock.now()));
    let (Some(unit_id), Some(form)) = (unit_id, form) else {
        return render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, org, fields, errors).await?);
    };
    let years = settings_years(&state.db, scope.as_read()).await?;
    let new = NewSale {
        unit_id,
        sold_on: form.sold_on,
        price_cents: form.terms.price_cents,
        value_cents: form.terms.value_cents,
        value_kind: form.value_kind,
        condition: form.terms.condition,
        discount_bp: form.terms.discount_bp,
        owner_share_bp: form.terms.owner_share_bp,
        buyer_name: form.buyer_name,
        buyer_email: form.buyer_email,
        buyer_phone: form.buyer_phone,
    };
    match sales::record_sale(&state.db, &scope, &auth.actor(&state), &new, &years).await? {
        Ok((id, planned)) => {
            super::jobs::checks_planned(&state, org, &planned).await?;
            Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=sale_recorded")).into_response())
        }
        Err(refused) => {
            errors.add(
                "unit",
                match refused {
                    SaleRefused::UnknownUnit => auth.ctx.t().err_unit_ref,
                    SaleRefused::AlreadySold => nz.err_already_sold,
                },
            );
            render(StatusCode::UNPROCESSABLE_ENTITY, &new_page(&state, &auth, org, fields, errors).await?)
        }
    }
}

/// A check on the buyer's page.
struct CheckLine {
    href: Option<String>,
    years: i64,
    due: String,
    state: &'static str,
    state_code: &'static str,
    done: Option<String>,
    summary: Option<String>,
    actions: Vec<(String, String, String, Option<String>)>,
}

#[derive(Template)]
#[template(path = "nazorg/sale.html")]
struct SalePage {
    page: Page,
    id: i64,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    /// The corporation's page (all controls) or the koopcoach's (the log only).
    corporation_view: bool,
    notice: Option<&'static str>,
    facts: Vec<(&'static str, String)>,
    unit_href: Option<String>,
    below_ninety: bool,
    talk: Option<TalkSummary>,
    /// Whether the buyer consented in the talk (a koopcoach may be assigned only then).
    consented: bool,
    coach: Option<String>,
    coaches: Vec<(String, String)>,
    /// Back from the koopcoach's confirmation: the koopcoach block takes the focus.
    coach_focus: bool,
    log: Vec<(String, String, String, Option<String>, String)>,
    checks: Vec<CheckLine>,
    has_buyback_condition: bool,
    bought_back: Option<String>,
    /// The day the buyer's data was deleted (ADR 0066): the talk's amounts, the talk and log forms are gone.
    deleted: Option<String>,
    /// What the page says about how long the buyer's data is kept.
    retention_note: String,
    example_href: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl SalePage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The talk in brief.
struct TalkSummary {
    held: String,
    consent: bool,
    owning: String,
    rent: String,
    difference: String,
}

async fn sale_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    notice: Option<&'static str>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<SalePage, AppError> {
    let (scope, buyers, kind) = buyer_scope(state, auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let actor = auth.actor(state);
    let sale = sales::sale(&state.db, &buyers, &actor, id).await?.ok_or(AppError::NotFound)?;
    let corporation_view = kind == OrgKind::Corporation;
    let today = dutch_date(state.clock.now());
    let talk = talks::talk(&state.db, &buyers, id).await?.map(|t| TalkSummary {
        held: format!("{} — {}", show_date(t.held_on), t.held_by),
        consent: t.consent,
        owning: Money::from_cents(t.owning_monthly_cents).to_string(),
        rent: Money::from_cents(t.rent_monthly_cents).to_string(),
        difference: Money::from_cents(monthly_difference_cents(t.owning_monthly_cents, t.rent_monthly_cents))
            .to_string(),
    });
    let log = sales::coach_log(&state.db, &buyers, id)
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(|e| (show_date(e.on_date), e.contact, e.topic, e.follow_up, e.written_by))
        .collect();
    let stored_checks = checks::checks_of(&state.db, &buyers, id).await?.unwrap_or_default();
    let aftercare = Aftercare {
        sold_on: sale.sold_on,
        condition: sale.condition,
        bought_back_on: sale.bought_back_on,
        checks: stored_checks.iter().map(|c| (c.due_on, c.done_on)).collect(),
    };
    let kept = match (sale.buyer_deleted_on, buyer_data_deleted_on(&aftercare, state.config.buyer_data_days)) {
        (Some(on), _) => nz.buyer_deleted_on(show_date(on)),
        (None, Some(on)) => nz.buyer_kept_until(show_date(on)),
        (None, None) => nz.buyer_kept_obligation.to_owned(),
    };
    let checks = stored_checks
        .into_iter()
        .map(|c| {
            let s = check_state_of_sale(c.due_on, c.done_on, sale.bought_back_on, today);
            CheckLine {
                href: corporation_view.then(|| format!("/orgs/{org}/nazorg/controles/{}", c.id)),
                years: i64::from(c.years),
                due: show_date(c.due_on),
                state: nz.check_state(s),
                state_code: s.code(),
                done: c.done_on.map(|d| format!("{} — {}", show_date(d), c.done_by.clone().unwrap_or_default())),
                summary: c.answers.map(|a| nz.check_summary(&a)),
                actions: c
                    .actions
                    .iter()
                    .map(|a| (a.description.clone(), a.owner.clone(), show_date(a.due_on), a.done_on.map(show_date)))
                    .collect(),
            }
        })
        .collect();
    let mut coaches: Vec<(String, String)> = if corporation_view {
        sales::coach_candidates(&state.db, scope.as_read())
            .await?
            .into_iter()
            .map(|c| (format!("{}:{}", c.org_id, c.user_id), format!("{} — {}", c.user_name, c.org_name)))
            .collect()
    } else {
        Vec::new()
    };
    let mut fields = fields;
    if let (Some(org_id), Some(user)) = (sale.coach_org_id, sale.coach_user_id) {
        // The form shows the coach there is, so saving it unchanged keeps them — also one whose organisation was
        // taken off the koopcoach list since (that stops new assignments only).
        let current = format!("{org_id}:{user}");
        if corporation_view && !coaches.iter().any(|(key, _)| *key == current) {
            if let Some((o, n)) = &sale.coach {
                coaches.insert(0, (current.clone(), format!("{n} — {o}")));
            }
        }
        fields.entry("coach".to_owned()).or_insert(current);
    }
    Ok(SalePage {
        page: Page::for_user(auth),
        id,
        nz,
        nav: subnav(nz, auth, org, kind),
        org_id: org,
        corporation_view,
        notice,
        facts: [facts(nz, &sale), vec![(nz.buyer_kept, kept)]].concat(),
        unit_href: corporation_view.then(|| format!("/orgs/{org}/stock/units/{}", sale.unit_id)),
        below_ninety: below_ninety_percent(sale.price_cents, sale.value_cents),
        consented: talk.as_ref().is_some_and(|t| t.consent),
        talk,
        coach: sale.coach.as_ref().map(|(o, n)| format!("{n} ({o})")),
        coaches,
        coach_focus: false,
        log,
        checks,
        has_buyback_condition: sale.condition != SaleCondition::None,
        bought_back: sale.bought_back_on.map(show_date),
        deleted: sale.buyer_deleted_on.map(|on| nz.buyer_deleted_note(show_date(on))),
        retention_note: nz.buyer_retention(state.config.buyer_data_days),
        example_href: example_href(&sale),
        fields,
        errors,
    })
}

/// The sale's facts as label and value.
fn facts(nz: &'static NazorgTexts, sale: &Sale) -> Vec<(&'static str, String)> {
    let mut facts = vec![
        (nz.col_address, sale.address.clone()),
        (nz.col_buyer, super::buyer_shown(nz, sale.buyer_name.clone())),
        (nz.field_email, sale.buyer_email.clone().unwrap_or_else(|| "—".to_owned())),
        (nz.field_phone, sale.buyer_phone.clone().unwrap_or_else(|| "—".to_owned())),
        (nz.col_sold_on, show_date(sale.sold_on)),
        (nz.field_price, Money::from_cents(sale.price_cents).to_string()),
        (nz.value_kind(sale.value_kind), Money::from_cents(sale.value_cents).to_string()),
        (nz.field_condition, nz.condition(sale.condition).to_owned()),
    ];
    if let Some(d) = sale.discount_bp {
        facts.push((nz.field_discount, show_percent(d)));
    }
    if let Some(s) = sale.owner_share_bp {
        facts.push((nz.field_owner_share, show_percent(s)));
    }
    if let Some((_, code)) = &sale.cluster {
        facts.push((nz.field_complex, code.clone()));
    }
    facts
}

/// The owner's example calculation, opened with the contract's own figures (amounts and share only, no person).
fn example_href(sale: &Sale) -> Option<String> {
    let share = sale.owner_share_bp?;
    if sale.condition == SaleCondition::None {
        return None;
    }
    Some(format!(
        "/nazorg/rekenvoorbeeld?koopprijs={}&waarde={}&aandeel={}",
        super::plain_amount(sale.price_cents),
        super::plain_amount(sale.value_cents),
        show_percent(share).trim_end_matches('%')
    ))
}

async fn one(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let nz = NazorgTexts::of(auth.ctx.lang);
    let notice = query.notice.as_deref().and_then(|n| nz.notice(n));
    ok(&sale_page(&state, &auth, org, id, notice, HashMap::new(), FieldErrors::default()).await?)
}

async fn assign_coach(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    if crate::confirm_step::going_back(&fields) {
        // Back from the confirmation: the sale's page with the coach as chosen, nothing assigned.
        let mut page = sale_page(&state, &auth, org, id, None, fields, FieldErrors::default()).await?;
        page.coach_focus = true;
        return ok(&page);
    }
    let coach = match crate::forms::field(&fields, "coach") {
        "" => None,
        pair => {
            let (o, u) = pair.split_once(':').ok_or(AppError::NotFound)?;
            Some((o.parse::<i64>().map_err(|_| AppError::NotFound)?, u.parse::<i64>().map_err(|_| AppError::NotFound)?))
        }
    };
    if coach.is_some() && !sales::buyer_consented(&state.db, &scope, id).await? {
        // The buyer's consent in the talk before the sale is what lets a coach see them.
        let nz = NazorgTexts::of(auth.ctx.lang);
        let mut errors = FieldErrors::default();
        errors.add("coach", nz.err_coach_without_consent);
        let page = sale_page(&state, &auth, org, id, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    // A person who is no koopcoach, or a sale of another corporation, is not found (a select list is not a check).
    let before = sales::coach_of(&state.db, &scope, id).await?;
    if coach == before {
        // Saved unchanged: nothing to assign, nobody to tell (the coach may be of a partner taken off the list since).
        return Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=coach_unchanged")).into_response());
    }
    // A new coach gets the buyer's name and contact details: asked once more, naming who gets them.
    if let Some(new_coach) = coach.filter(|c| Some(*c) != before) {
        if !crate::confirm_step::confirmed(&fields) {
            let candidates = sales::coach_candidates(&state.db, scope.as_read()).await?;
            let named = |pair: (i64, i64)| candidates.iter().find(|c| (c.org_id, c.user_id) == pair);
            let Some(chosen) = named(new_coach) else {
                return coach_not_listed(&state, &auth, org, id, fields).await;
            };
            let nz = NazorgTexts::of(auth.ctx.lang);
            let mut lines = vec![
                nz.coach_confirm_who(&chosen.org_name, &chosen.user_name),
                nz.coach_confirm_data(&chosen.org_name),
            ];
            if let Some(previous) = before.and_then(named) {
                lines.push(nz.coach_confirm_previous(&previous.org_name, &previous.user_name));
            }
            return crate::confirm_step::ConfirmStep {
                page: Page::for_user(&auth),
                title: nz.coach_confirm_title.to_owned(),
                lines,
                action: format!("/orgs/{org}/nazorg/verkopen/{id}/koopcoach"),
                button: nz.coach_confirm_yes,
                back_href: format!("/orgs/{org}/nazorg/verkopen/{id}#coach-h"),
                back_text: nz.coach_confirm_back,
                carried: vec![("coach".to_owned(), crate::forms::field(&fields, "coach").to_owned())],
            }
            .response();
        }
    }
    if !sales::assign_coach(&state.db, &scope, &auth.actor(&state), id, coach).await? {
        // The partner taken off the koopcoach list while the page or its confirmation stood open: said at the
        // picker, with the way to the list (a forged person is no candidate either, and learns nothing new).
        // The sale is the corporation's and its buyer consented (both checked above).
        if coach.is_some() {
            return coach_not_listed(&state, &auth, org, id, fields).await;
        }
        return Err(AppError::NotFound);
    }
    // Saving the form unchanged keeps the coach, and tells nobody again.
    if let Some(new_coach) = coach.filter(|c| Some(*c) != before) {
        tell_coach(&state, &auth, org, id, new_coach).await;
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=coach_assigned")).into_response())
}

/// The sale's page again, its picker saying the chosen koopcoach is not (or no longer) one of the corporation's.
async fn coach_not_listed(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    fields: HashMap<String, String>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    errors.add("coach", NazorgTexts::of(auth.ctx.lang).err_coach_not_listed);
    let mut fields = fields;
    fields.remove("coach");
    let page = sale_page(state, auth, org, id, None, fields, errors).await?;
    render(StatusCode::CONFLICT, &page)
}

/// Tells a koopcoach that the corporation assigned them a buyer (no name: the coach reads it on the sale's page,
/// as a coach may since the buyer consented). The assignment is saved already: a notice that cannot be delivered
/// is logged and the assignment stands.
async fn tell_coach(state: &AppState, auth: &Auth, corporation: i64, sale: i64, (coach_org, coach_user): (i64, i64)) {
    let result = async {
        let name = volkshuis_store::orgs::get(&state.db, corporation).await?.map(|o| o.name).unwrap_or_default();
        let path = format!("/orgs/{coach_org}/nazorg/verkopen/{sale}");
        let mut tx = state.db.begin().await?;
        let line = |lang| crate::i18n::NotifyTexts::of(lang).ev_koopcoach_assigned(&name);
        crate::notify::tell_user(state, &mut tx, (coach_user, auth.user.id), coach_org, &path, line).await?;
        tx.commit().await?;
        anyhow::Ok(())
    };
    if let Err(error) = result.await {
        tracing::warn!(?error, sale, "the koopcoach could not be told");
    }
}

async fn add_log(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (_, buyers, _) = buyer_scope(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    // A contact of the coach with the owner: not before the talk in which the buyer consented (the coach may help
    // with the mortgage before the transfer), else not before the sale; and not after today.
    let sold_on = sales::sold_on(&state.db, &buyers, id).await?.ok_or(AppError::NotFound)?;
    let talked_on = talks::talk(&state.db, &buyers, id).await?.map(|t| t.held_on);
    let earliest = talked_on.map_or(sold_on, |talk| talk.min(sold_on));
    let today = volkshuis_domain::calendar::dutch_date(state.clock.now());
    let on_date = bounded_day(
        &mut errors,
        "log_on",
        &field("log_on"),
        nz.err_date.to_owned(),
        &[
            (&|day| day >= earliest, nz.err_before_talk(show_date(earliest))),
            (&|day| day <= today, nz.err_date_not_future.to_owned()),
        ],
    );
    let contact = field("log_contact");
    errors.bounded(auth.ctx.t(), "log_contact", &contact, true, 100);
    let topic = field("log_topic");
    errors.bounded(auth.ctx.t(), "log_topic", &topic, true, 2_000);
    let follow_up = field("log_follow_up");
    errors.bounded(auth.ctx.t(), "log_follow_up", &follow_up, false, 2_000);
    let Some(on_date) = on_date.filter(|_| errors.is_empty()) else {
        let page = sale_page(&state, &auth, org, id, None, fields, errors).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let entry = NewLogEntry { on_date, contact, topic, follow_up: (!follow_up.is_empty()).then_some(follow_up) };
    if !sales::add_log(&state.db, &buyers, &auth.actor(&state), id, &entry).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=log_added#logboek")).into_response())
}
