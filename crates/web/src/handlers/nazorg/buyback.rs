//! A buy-back under the sale's conditions: the corporation records the owner's request, the valuations (the market
//! value now without the owner's improvements, and the improvements' own value), a dispute if there is one, and the
//! day it bought the home back. The price follows from the contract's own share, line by line, and is recorded only
//! after the calculation and what it does have been confirmed; a completed buy-back returns the home to the rental
//! stock.

use super::{bounded_day, buyback_lines, corporation_write, parse_day, plain_amount, show_percent, subnav};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::NazorgTexts;
use crate::state::AppState;
use crate::views::{ok, render, show_date, Page};
use askama::Template;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::money::Money;
use volkshuis_domain::nazorg::buyback::{buyback, validate, BuybackInput};
use volkshuis_domain::nazorg::sale::SaleCondition;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::sales::{self, Buyback, Sale};
use volkshuis_store::nazorg::BuyerScope;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/nazorg/verkopen/{id}/terugkoop", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "nazorg/buyback.html")]
struct BuybackPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    id: i64,
    address: String,
    buyer: String,
    contract: Vec<(&'static str, String)>,
    lines: Vec<(String, String)>,
    confirming: Option<Vec<String>>,
    hidden: Vec<(String, String)>,
    recorded: Option<String>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl BuybackPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

/// A summary being confirmed, with the form's values that travel as hidden fields.
type Confirming = (Vec<String>, Vec<(String, String)>);

/// The sale, when it is the corporation's and carries a buy-back condition with a share.
async fn sale_with_condition(state: &AppState, auth: &Auth, org: i64, id: i64) -> Result<(Sale, u32), AppError> {
    let scope = corporation_write(state, auth, org).await?;
    // A sale whose buyer's data was deleted (ADR 0066) was bought back a year ago or more: nothing to record.
    let sale = sales::sale(&state.db, &BuyerScope::sales_staff(&scope), &auth.actor(state), id)
        .await?
        .filter(|sale| sale.buyer_deleted_on.is_none())
        .ok_or(AppError::NotFound)?;
    match (sale.condition, sale.owner_share_bp) {
        (SaleCondition::None, _) | (_, None) => Err(AppError::NotFound),
        (_, Some(share)) => Ok((sale, share)),
    }
}

async fn buyback_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    fields: Option<HashMap<String, String>>,
    errors: FieldErrors,
    confirming: Option<Confirming>,
) -> Result<BuybackPage, AppError> {
    let (sale, share) = sale_with_condition(state, auth, org, id).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let scope = corporation_write(state, auth, org).await?;
    let stored = sales::buyback(&state.db, &BuyerScope::sales_staff(&scope), id).await?;
    let fields = fields.unwrap_or_else(|| stored.as_ref().map(fields_of).unwrap_or_default());
    let input = |fields: &HashMap<String, String>| {
        // Within the forms' limit, as the form checks them: a figure refused as too large shows no sums.
        let t = auth.ctx.t();
        let now = crate::forms::amount_at_least(t, crate::forms::field(fields, "value_now"), 1, "").ok()?;
        let improvements = match crate::forms::field(fields, "improvements") {
            "" => 0,
            typed => crate::forms::amount_at_least(t, typed, 0, "").ok()?,
        };
        Some(BuybackInput {
            purchase_price_cents: sale.price_cents,
            value_at_purchase_cents: sale.value_cents,
            value_now_cents: now,
            improvements_cents: improvements,
            owner_share_bp: share,
        })
    };
    let lines = input(&fields).filter(|i| validate(i).is_empty()).map(|i| buyback_lines(nz, &i)).unwrap_or_default();
    let (confirming, hidden) = match confirming {
        Some((summary, hidden)) => (Some(summary), hidden),
        None => (None, Vec::new()),
    };
    Ok(BuybackPage {
        page: Page::for_user(auth),
        nz,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        org_id: org,
        id,
        address: sale.address.clone(),
        buyer: super::buyer_shown(nz, sale.buyer_name.clone()),
        contract: vec![
            (nz.field_price, Money::from_cents(sale.price_cents).to_string()),
            (nz.line_value_then, Money::from_cents(sale.value_cents).to_string()),
            (nz.field_owner_share, show_percent(share)),
            (nz.field_condition, nz.condition(sale.condition).to_owned()),
        ],
        lines,
        confirming,
        hidden,
        recorded: stored.map(|b| {
            let price = Money::from_cents(b.price_cents).to_string();
            match b.completed_on {
                Some(day) => nz.buyback_recorded_done(show_date(day), price),
                None => nz.buyback_recorded_open(show_date(b.requested_on), price),
            }
        }),
        fields,
        errors,
    })
}

fn fields_of(b: &Buyback) -> HashMap<String, String> {
    let mut f = HashMap::new();
    f.insert("requested_on".to_owned(), b.requested_on.to_string());
    f.insert("value_now".to_owned(), plain_amount(b.value_now_cents));
    f.insert("improvements".to_owned(), plain_amount(b.improvements_cents));
    f.insert("valuation_note".to_owned(), b.valuation_note.clone().unwrap_or_default());
    f.insert("dispute".to_owned(), b.dispute.clone().unwrap_or_default());
    if let Some(d) = b.completed_on {
        f.insert("completed_on".to_owned(), d.to_string());
    }
    f
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    ok(&buyback_page(&state, &auth, org, id, None, FieldErrors::default(), None).await?)
}

async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (sale, share) = sale_with_condition(&state, &auth, org, id).await?;
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    if crate::forms::field(&fields, "edit") == "1" {
        let mut fields = fields;
        fields.remove("edit");
        return ok(&buyback_page(&state, &auth, org, id, Some(fields), FieldErrors::default(), None).await?);
    }
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    let today = volkshuis_domain::calendar::dutch_date(state.clock.now());
    // A request to buy back is made after the sale.
    let requested_on = bounded_day(
        &mut errors,
        "requested_on",
        &field("requested_on"),
        nz.err_date_not_future.to_owned(),
        &[
            (&|day| day <= today, nz.err_date_not_future.to_owned()),
            (&|day| day >= sale.sold_on, nz.err_before_sale(show_date(sale.sold_on))),
        ],
    );
    let value_now = match crate::forms::amount_at_least(auth.ctx.t(), &field("value_now"), 1, nz.err_amount) {
        Ok(cents) => Some(cents),
        Err(message) => {
            errors.add("value_now", message);
            None
        }
    };
    let improvements = match field("improvements").as_str() {
        "" => Some(0),
        typed => match crate::forms::amount_at_least(auth.ctx.t(), typed, 0, nz.err_improvements) {
            Ok(cents) => Some(cents),
            Err(message) => {
                errors.add("improvements", message);
                None
            }
        },
    };
    let completed_on = match field("completed_on").as_str() {
        "" => Some(None),
        typed => match parse_day(typed) {
            // The home returns to the rental stock on the day it is bought back: not before the request, not ahead.
            Some(day) if requested_on.is_none_or(|r| day >= r) && day <= today => Some(Some(day)),
            _ => {
                errors.add("completed_on", nz.err_completed_on);
                None
            }
        },
    };
    let text = |name: &'static str, errors: &mut FieldErrors| {
        let value = field(name);
        errors.bounded(auth.ctx.t(), name, &value, false, 4_000);
        (!value.is_empty()).then_some(value)
    };
    let valuation_note = text("valuation_note", &mut errors);
    let dispute = text("dispute", &mut errors);
    let (Some(requested_on), Some(value_now), Some(improvements), Some(completed_on), true) =
        (requested_on, value_now, improvements, completed_on, errors.is_empty())
    else {
        let page = buyback_page(&state, &auth, org, id, Some(fields), errors, None).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let input = BuybackInput {
        purchase_price_cents: sale.price_cents,
        value_at_purchase_cents: sale.value_cents,
        value_now_cents: value_now,
        improvements_cents: improvements,
        owner_share_bp: share,
    };
    let price = buyback(&input).price_cents;
    if field("confirm") != "1" {
        let mut summary = vec![nz.buyback_summary_price(Money::from_cents(price).to_string())];
        if dispute.is_some() {
            summary.push(nz.buyback_summary_dispute.to_owned());
        }
        summary.push(match completed_on {
            Some(day) => nz.buyback_summary_completed(show_date(day)),
            None => nz.buyback_summary_open.to_owned(),
        });
        let mut hidden: Vec<(String, String)> = fields
            .iter()
            .filter(|(k, _)| !matches!(k.as_str(), "csrf" | "confirm" | "edit"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        hidden.sort();
        let page = buyback_page(&state, &auth, org, id, Some(fields), errors, Some((summary, hidden))).await?;
        return ok(&page);
    }
    let record = Buyback {
        requested_on,
        value_now_cents: value_now,
        improvements_cents: improvements,
        valuation_note,
        dispute,
        price_cents: price,
        completed_on,
    };
    if !sales::record_buyback(&state.db, &scope, &auth.actor(&state), id, &record).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=buyback_recorded")).into_response())
}
