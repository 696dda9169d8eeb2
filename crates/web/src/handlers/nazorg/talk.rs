//! The talk before the sale: the corporation's own checklist with the buyer's answer per item, the monthly costs
//! of owning against the rent, and the buyer's consent to aftercare. Consent is asked, never pre-set, and is
//! recorded only after a summary of what it does has been confirmed.

use super::{bounded_day, corporation_write, subnav};
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
use volkshuis_domain::nazorg::talk::monthly_difference_cents;
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::sales;
use volkshuis_store::nazorg::settings::check_years;
use volkshuis_store::nazorg::talks::{self, NewTalk, TalkRefused};
use volkshuis_store::nazorg::BuyerScope;

pub fn router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/nazorg/verkopen/{id}/gesprek", get(form).post(submit))
}

#[derive(Template)]
#[template(path = "nazorg/talk.html")]
struct TalkPage {
    page: Page,
    nz: &'static NazorgTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    id: i64,
    address: String,
    buyer: String,
    version: i64,
    /// (field name, item text)
    items: Vec<(String, String)>,
    /// The summary being confirmed; the form's values travel as hidden fields.
    confirming: Option<Vec<String>>,
    hidden: Vec<(String, String)>,
    fields: HashMap<String, String>,
    errors: FieldErrors,
}

impl TalkPage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    fn consent_is(&self, answer: &str) -> bool {
        self.fields.get("consent").is_some_and(|v| v == answer)
    }
}

async fn talk_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
    confirming: Option<Vec<String>>,
) -> Result<TalkPage, AppError> {
    let scope = corporation_write(state, auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    // A sale whose buyer's data was deleted (ADR 0066) has no talk to record.
    let sale = sales::sale(&state.db, &BuyerScope::sales_staff(&scope), &auth.actor(state), id)
        .await?
        .filter(|sale| sale.buyer_deleted_on.is_none())
        .ok_or(AppError::NotFound)?;
    let checklist = talks::checklist(&state.db, scope.as_read()).await?;
    let shown = super::shown_checklist(nz, &checklist);
    let items: Vec<(String, String)> =
        shown.iter().enumerate().map(|(i, item)| (format!("answer_{i}"), item.clone())).collect();
    let hidden = if confirming.is_some() {
        let mut names: Vec<&String> =
            fields.keys().filter(|k| !matches!(k.as_str(), "csrf" | "confirm" | "edit")).collect();
        names.sort();
        names.into_iter().map(|k| (k.clone(), fields[k].clone())).collect()
    } else {
        Vec::new()
    };
    Ok(TalkPage {
        page: Page::for_user(auth),
        nz,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        org_id: org,
        id,
        address: sale.address,
        buyer: super::buyer_shown(nz, sale.buyer_name),
        version: checklist.version,
        items,
        confirming,
        hidden,
        fields,
        errors,
    })
}

async fn form(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let recorded = talks::talk(&state.db, &BuyerScope::sales_staff(&scope), id).await?;
    let checklist = talks::checklist(&state.db, scope.as_read()).await?;
    let fields = recorded.map(|talk| fields_of(&talk, &checklist.items)).unwrap_or_default();
    ok(&talk_page(&state, &auth, org, id, fields, FieldErrors::default(), None).await?)
}

/// A recorded talk as the form to record it again starts (it opened empty): its day, amounts and answers (by item,
/// so an item the corporation since reworded starts empty), never the consent — an answer with legal effect is
/// chosen anew.
fn fields_of(talk: &talks::Talk, items: &[String]) -> HashMap<String, String> {
    let mut fields = HashMap::from([
        ("held_on".to_owned(), talk.held_on.to_string()),
        ("owning".to_owned(), super::plain_amount(talk.owning_monthly_cents)),
        ("rent".to_owned(), super::plain_amount(talk.rent_monthly_cents)),
    ]);
    for (i, item) in items.iter().enumerate() {
        if let Some((_, answer)) = talk.answers.iter().find(|(asked, _)| asked == item) {
            fields.insert(format!("answer_{i}"), answer.clone());
        }
    }
    fields
}

async fn submit(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let scope = corporation_write(&state, &auth, org).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    if crate::forms::field(&fields, "edit") == "1" {
        // Back from the summary to the form, with everything as typed.
        let mut fields = fields;
        fields.remove("edit");
        return ok(&talk_page(&state, &auth, org, id, fields, FieldErrors::default(), None).await?);
    }
    let field = |name: &str| crate::forms::field(&fields, name).to_owned();
    let mut errors = FieldErrors::default();
    // The talk before the sale is held on or before the day of the sale, and not after today.
    let sold_on = sales::sold_on(&state.db, &BuyerScope::sales_staff(&scope), id).await?.ok_or(AppError::NotFound)?;
    let today = volkshuis_domain::calendar::dutch_date(state.clock.now());
    let held_on = bounded_day(
        &mut errors,
        "held_on",
        &field("held_on"),
        nz.err_date.to_owned(),
        &[
            (&|day| day <= sold_on, nz.err_talk_after_sale(show_date(sold_on))),
            (&|day| day <= today, nz.err_date_not_future.to_owned()),
        ],
    );
    let money = |name: &'static str, errors: &mut FieldErrors| match crate::forms::amount_at_least(
        auth.ctx.t(),
        &field(name),
        0,
        nz.err_amount,
    ) {
        Ok(cents) => Some(cents),
        Err(message) => {
            errors.add(name, message);
            None
        }
    };
    let owning = money("owning", &mut errors);
    let rent = money("rent", &mut errors);
    // Consent is the buyer's own answer: nothing is assumed when neither is chosen.
    let consent = match field("consent").as_str() {
        "ja" => Some(true),
        "nee" => Some(false),
        _ => {
            errors.add("consent", nz.err_consent);
            None
        }
    };
    let version: i64 = field("version").parse().unwrap_or(-1);
    let checklist = talks::checklist(&state.db, scope.as_read()).await?;
    let answers: Vec<String> = (0..checklist.items.len()).map(|i| field(&format!("answer_{i}"))).collect();
    for (i, answer) in answers.iter().enumerate() {
        errors.bounded(auth.ctx.t(), format!("answer_{i}"), answer, false, 2_000);
    }
    let (Some(held_on), Some(owning), Some(rent), Some(consent), true) =
        (held_on, owning, rent, consent, errors.is_empty())
    else {
        return render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &talk_page(&state, &auth, org, id, fields, errors, None).await?,
        );
    };
    if field("confirm") != "1" {
        let years = nz.years_in_words(&check_years(&state.db, scope.as_read()).await?);
        let summary = vec![
            nz.talk_summary_held(show_date(held_on)),
            nz.talk_summary_costs(
                Money::from_cents(monthly_difference_cents(owning, rent)).to_string(),
                Money::from_cents(owning).to_string(),
                Money::from_cents(rent).to_string(),
            ),
            if consent { nz.talk_summary_consent_yes(years) } else { nz.talk_summary_consent_no.to_owned() },
        ];
        // Without consent an assigned koopcoach is taken off the sale (the store does it with the talk): say so.
        let mut summary = summary;
        if !consent {
            let buyers = BuyerScope::sales_staff(&scope);
            if let Some((coach_org, coach)) = sales::sale_unlogged_coach(&state.db, &buyers, id).await? {
                summary.push(nz.talk_summary_coach_off(coach, coach_org));
            }
        }
        return ok(&talk_page(&state, &auth, org, id, fields, errors, Some(summary)).await?);
    }
    let talk = NewTalk { version, held_on, answers, owning_monthly_cents: owning, rent_monthly_cents: rent, consent };
    match talks::record_talk(&state.db, &scope, &auth.actor(&state), id, &talk).await? {
        Ok(()) => Ok(Redirect::to(&format!("/orgs/{org}/nazorg/verkopen/{id}?notice=talk_recorded")).into_response()),
        Err(TalkRefused::UnknownSale) => Err(AppError::NotFound),
        Err(TalkRefused::ChecklistChanged | TalkRefused::AnswersDoNotMatch) => {
            errors.add("version", nz.err_checklist_changed);
            let page = talk_page(&state, &auth, org, id, fields, errors, None).await?;
            render(StatusCode::CONFLICT, &page)
        }
    }
}
