//! The owner's example calculation of a buy-back under Koopgarant-style conditions, open to anyone (an owner has no
//! account): the contract's purchase price, the value at purchase and the owner's share, with a value now and the
//! improvements, give the buy-back price line by line. It stores nothing and shows no person.

use super::{buyback_lines, parse_percent_bp};
use crate::context::RequestContext;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::NazorgTexts;
use crate::views::{ok, Page};
use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use std::collections::HashMap;
use volkshuis_domain::nazorg::buyback::{validate, BuybackInput};

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/nazorg/rekenvoorbeeld", get(page))
}

#[derive(Template)]
#[template(path = "nazorg/calculator.html")]
struct CalculatorPage {
    page: Page,
    nz: &'static NazorgTexts,
    lines: Vec<(String, String)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl CalculatorPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }
}

async fn page(ctx: RequestContext, Query(fields): Query<HashMap<String, String>>) -> Result<Response, AppError> {
    let nz = NazorgTexts::of(ctx.lang);
    let mut errors = FieldErrors::default();
    let mut lines = Vec::new();
    // The calculation is shown once the figures of the value now are there; the contract's figures alone (from a
    // link on the sale's page) only fill the form.
    if !crate::forms::field(&fields, "waarde_nu").is_empty() {
        if let Some(input) = read_input(ctx.t(), nz, &fields, &mut errors) {
            lines = buyback_lines(nz, &input);
        }
    }
    ok(&CalculatorPage { page: Page::anonymous(&ctx), nz, lines, fields, errors })
}

/// The figures of the form, with a message per field that does not hold one.
pub(super) fn read_input(
    t: &crate::i18n::Texts,
    nz: &NazorgTexts,
    fields: &HashMap<String, String>,
    errors: &mut FieldErrors,
) -> Option<BuybackInput> {
    let money = |name: &'static str, allow_zero: bool, errors: &mut FieldErrors| {
        let typed = crate::forms::field(fields, name);
        if allow_zero && typed.is_empty() {
            return Some(0);
        }
        match crate::forms::amount_at_least(t, typed, i64::from(!allow_zero), nz.err_amount) {
            Ok(cents) => Some(cents),
            Err(message) => {
                errors.add(name, message);
                None
            }
        }
    };
    let purchase = money("koopprijs", false, errors);
    let then = money("waarde", false, errors);
    let now = money("waarde_nu", false, errors);
    let improvements = money("verbeteringen", true, errors);
    let share = parse_percent_bp(crate::forms::field(fields, "aandeel")).filter(|bp| *bp > 0);
    if share.is_none() {
        errors.add("aandeel", nz.err_percent);
    }
    let input = BuybackInput {
        purchase_price_cents: purchase?,
        value_at_purchase_cents: then?,
        value_now_cents: now?,
        improvements_cents: improvements?,
        owner_share_bp: share?,
    };
    for problem in validate(&input) {
        errors.add("waarde_nu", nz.buyback_problem(problem));
    }
    errors.is_empty().then_some(input)
}
