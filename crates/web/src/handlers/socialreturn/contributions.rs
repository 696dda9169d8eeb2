//! A supplier reports a contribution (valued at once under the contract's table); the buyer approves or rejects
//! it, and may mark a placement as one of its own tenants; evidence downloads.

use super::contract::{contract_page, TenantTyped, Typed};
use super::forms::{date, field};
use super::{load_contract, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::i18n::{OndernemingenTexts, PickersTexts};
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use crate::uploads::{MultipartForm, MAX_FORM_BYTES};
use crate::views::{attachment, render, show_date};
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use volkshuis_domain::access::{Edit, View};
use volkshuis_domain::money::Money;
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::table::ValuationTable;
use volkshuis_domain::socialreturn::valuation::{value, Period, ValuationError};
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};
use volkshuis_store::initiatieven::enterprises::{self, PurchaseCheck};
use volkshuis_store::socialreturn::{self, Relation};
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/sr/contracten/{id}/bijdragen", post(report).layer(DefaultBodyLimit::max(MAX_FORM_BYTES)))
        .route("/orgs/{org}/sr/contracten/{id}/bijdragen/{c}/besluit", post(decide))
        .route("/orgs/{org}/sr/contracten/{id}/bijdragen/{c}/huurder", post(mark_tenant))
        .route("/orgs/{org}/sr/contracten/{id}/bewijs/{file}", get(download))
}

/// A person reference: short, and not a name with spaces or a nine-digit citizen number.
fn person_ref(input: &str) -> Option<String> {
    let input = input.trim();
    let bsn_like = input.len() == 9 && input.bytes().all(|b| b.is_ascii_digit());
    // A reference that shows nothing (a zero-width space from a multipart form, which the form layer does not empty)
    // is none.
    let shows = !input.chars().all(volkshuis_domain::text::shows_nothing);
    let ok = shows && input.chars().count() <= 40 && !input.contains(' ') && !bsn_like;
    ok.then(|| input.to_owned())
}

/// A purchase's seller from the register of social enterprises: its id, its name there, and the certificate a
/// purchase on the reported date counts with.
struct Registered {
    id: i64,
    name: String,
    certificate: Certificate,
}

/// The enterprise a purchase was picked from in the register, checked by its id whatever the page showed: it must
/// exist and hold a certificate valid on the purchase date (the one the buyer's table values highest counts).
/// Otherwise the reason is the `enterprise` field's error — an expired certificate names its last valid day. `None`
/// when no enterprise was picked, or the check failed.
async fn registered_seller(
    state: &AppState,
    auth: &Auth,
    typed: &Typed,
    table: &ValuationTable,
    errors: &mut FieldErrors,
) -> Result<Option<Registered>, AppError> {
    let picked = field(typed, "enterprise");
    if field(typed, "kind") != "purchase" || picked.is_empty() {
        return Ok(None);
    }
    let ot = OndernemingenTexts::of(auth.ctx.lang);
    let Ok(id) = picked.parse::<i64>() else {
        errors.add("enterprise", ot.err_sr_unknown);
        return Ok(None);
    };
    // Without a date only whether it exists is checked; the date field has its own message.
    let on = date(field(typed, "date"));
    let check = match on {
        Some(on) => enterprises::purchase_certificate(&state.db, id, on, |c| table.purchase_share(c)).await?,
        None if enterprises::enterprise(&state.db, id).await?.is_none() => PurchaseCheck::Unknown,
        None => return Ok(None),
    };
    let on = on.map(show_date).unwrap_or_default();
    let refusal = match check {
        PurchaseCheck::Certified { name, certificate } => return Ok(Some(Registered { id, name, certificate })),
        PurchaseCheck::Unknown => ot.err_sr_unknown.to_owned(),
        PurchaseCheck::Expired { name, until } => ot.err_sr_expired(on, name, show_date(until)),
        PurchaseCheck::NotYetValid { name, from } => ot.err_sr_not_yet_valid(on, show_date(from), name),
        PurchaseCheck::NoCertificate { name } => ot.err_sr_no_certificate(name),
    };
    errors.add("enterprise", refusal);
    Ok(None)
}

/// Parses the report form into a contribution; every wrong field gets its message. A purchase picked from the
/// register takes its seller and certificate from `registered` (checked before, its errors at `enterprise`).
fn parse(
    typed: &Typed,
    errors: &mut FieldErrors,
    t: &crate::i18n::Texts,
    sr: &crate::i18n::SocialReturnTexts,
    registered: Option<&Registered>,
    today: time::Date,
) -> Option<Contribution> {
    let f = |name: &str| field(typed, name);
    let need_date = |name: &'static str, errors: &mut FieldErrors| {
        let d = date(f(name));
        if d.is_none() {
            errors.add(name, crate::forms::date_error(t, f(name), sr.err_date));
        }
        d
    };
    // A purchase and another activity are reported once they took place (a purchase dated 2099 counted).
    let past_date = |name: &'static str, errors: &mut FieldErrors| {
        need_date(name, errors).filter(|day| {
            if *day > today {
                errors.add(name, sr.err_reported_later);
            }
            *day <= today
        })
    };
    // Work with a person is reported once it has begun (a placement from next year was valued and approved).
    let start_date = |errors: &mut FieldErrors| {
        need_date("start", errors).filter(|day| {
            if *day > today {
                errors.add("start", sr.err_not_started);
            }
            *day <= today
        })
    };
    let number = |name: &'static str, errors: &mut FieldErrors, range: std::ops::RangeInclusive<u32>| {
        let n = f(name).parse::<u32>().ok().filter(|n| range.contains(n));
        if n.is_none() {
            // A number out of range was told to be "a whole number" (100 hours a week).
            errors.add(name, sr.err_number_between(i64::from(*range.end()), i64::from(*range.start())));
        }
        n
    };
    let person = |errors: &mut FieldErrors| {
        let p = person_ref(f("person"));
        if p.is_none() {
            errors.add("person", t.err_format);
        }
        p
    };
    match f("kind") {
        "placement" => {
            let person = person(errors);
            let group = errors.check(t, "group", TargetGroup::parse(f("group")));
            let start = start_date(errors);
            let end = need_date("end", errors);
            let hours = number("hours_per_week", errors, 1..=60);
            let bonuses = Bonus::ALL
                .iter()
                .copied()
                .filter(|b| checkbox(&typed.get(&format!("bonus_{}", b.code())).cloned()))
                .collect();
            Some(Contribution::Placement {
                person: person?,
                group: group?,
                long_term: checkbox(&typed.get("long_term").cloned()),
                start: start?,
                end: end?,
                hours_per_week: hours?,
                bonuses,
            })
        }
        "apprenticeship" => {
            let person = person(errors);
            let training = errors.check(t, "training", Training::parse(f("training")));
            let level = match f("level") {
                "" => Some(None),
                _ => number("level", errors, 1..=4).map(|l| Some(l as u8)),
            };
            let (start, end) = (start_date(errors), need_date("end", errors));
            Some(Contribution::Apprenticeship {
                person: person?,
                training: training?,
                level: level?,
                start: start?,
                end: end?,
            })
        }
        "work_experience" => {
            let person = person(errors);
            let (start, end) = (start_date(errors), need_date("end", errors));
            Some(Contribution::WorkExperience { person: person?, start: start?, end: end? })
        }
        "purchase" => {
            let (seller, certificate) = if f("enterprise").is_empty() {
                let seller = errors.check(t, "seller", volkshuis_domain::text::Name::parse(f("seller")));
                (
                    seller.map(|s| s.as_str().to_owned()),
                    errors.check(t, "certificate", Certificate::parse(f("certificate"))),
                )
            } else {
                (registered.map(|r| r.name.clone()), registered.map(|r| r.certificate))
            };
            let invoice = crate::forms::amount_at_least(t, f("invoice"), 1, sr.err_amount)
                .map_err(|message| errors.add("invoice", message))
                .ok()
                .map(Money::from_cents);
            let on = past_date("date", errors);
            Some(Contribution::Purchase { seller: seller?, certificate: certificate?, invoice: invoice?, date: on? })
        }
        "other" => {
            let description = errors.check(t, "description", volkshuis_domain::text::Name::parse(f("description")));
            let hours = number("hours", errors, 1..=10_000);
            let on = past_date("date", errors);
            Some(Contribution::Other { description: description?.as_str().to_owned(), hours: hours?, date: on? })
        }
        _ => {
            errors.add("kind", t.err_choose);
            None
        }
    }
}

async fn report(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    multipart: Multipart,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Edit).await?;
    let contract = load_contract(&state, &scope, id).await?;
    if contract.relation != Relation::Supplier {
        return Err(AppError::Forbidden);
    }
    let upload = MultipartForm::read(multipart).await?;
    let typed: Typed = upload.fields().clone();
    let t = auth.ctx.t();
    let sr = auth.ctx.lang.socialreturn();
    let mut errors = FieldErrors::default();
    // A settled contract takes no more contributions: the settlement the supplier was told would change.
    if let Some(on) = contract.settled_on {
        let message = Some(sr.err_settled(crate::views::show_date(on)));
        let page = contract_page(&state, &auth, &scope, &contract, typed, errors, message).await?;
        return render(StatusCode::CONFLICT, &page);
    }
    let table = socialreturn::table(&state.db, contract.table_id).await?.ok_or(AppError::NotFound)?;
    let registered = registered_seller(&state, &auth, &typed, &table.table, &mut errors).await?;
    let today = volkshuis_domain::calendar::dutch_date(state.clock.now());
    let contribution = parse(&typed, &mut errors, t, sr, registered.as_ref(), today);
    upload.report_problems(auth.ctx.lang.overleg(), &mut errors);
    // A name belongs to a contribution about a person; with a purchase or another activity it is not kept.
    let name = match contribution {
        Some(
            Contribution::Placement { .. } | Contribution::Apprenticeship { .. } | Contribution::WorkExperience { .. },
        ) => field(&typed, "person_name"),
        _ => "",
    };
    let name = (!name.is_empty()).then(|| name.chars().take(200).collect::<String>());
    // Only work inside the contract period counts; a contribution entirely outside it is refused here.
    let period = Period { start: contract.starts_on, end: contract.ends_on };
    let valued = contribution.as_ref().map(|c| value(&table.table, c, period));
    let (Some(contribution), Some(Ok(valuation)), true) = (&contribution, &valued, errors.is_empty()) else {
        let message = match &valued {
            Some(Err(e)) => Some(sr.err_valuation(sr.valuation_error(e))),
            _ => errors.get("enterprise").map(str::to_owned),
        };
        // An end before the start is also named at the end date (it was named only above the form), which then gets
        // the focus.
        if let Some(Err(ValuationError::EndBeforeStart)) = &valued {
            errors.add("end", sr.err_valuation(sr.valuation_error(&ValuationError::EndBeforeStart)));
        }
        let page = contract_page(&state, &auth, &scope, &contract, typed, errors, message).await?;
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = auth.actor(&state);
    let mut tx = state.db.begin().await?;
    let cid =
        socialreturn::report(&mut tx, &scope, &contract, &actor, contribution, valuation, name.as_deref()).await?;
    // The same form sent twice (a double click, a second tab) reports once: the second is rolled back and told.
    let token = field(&typed, "form_token");
    if !token.is_empty() && token.len() <= 64 {
        match socialreturn::keep_form_token(&mut tx, cid, token).await {
            Err(StoreError::Duplicate) => {
                drop(tx);
                // The form as typed with a new token: the first is in the list; a form brought back (the browser's
                // Back) and changed into another contribution is sent again as it is, nothing lost.
                let message = Some(sr.err_reported_twice.to_owned());
                let mut kept = typed;
                kept.remove("form_token");
                let page =
                    contract_page(&state, &auth, &scope, &contract, kept, FieldErrors::default(), message).await?;
                return render(StatusCode::CONFLICT, &page);
            }
            other => other?,
        }
    }
    if let Some(registered) = &registered {
        enterprises::link_purchase(&mut tx, &scope, &contract, cid, registered.id).await?;
    }
    for file in &upload.files {
        socialreturn::add_evidence(
            &mut tx,
            &scope,
            &contract,
            cid,
            &file.file_name,
            file.content_type,
            &file.content,
            actor.at,
        )
        .await?;
    }
    notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::ContributionReported((&contract).into()))).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{id}?notice=saved#bijdrage-{cid}")).into_response())
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    /// "yes" from the summary's button; anything else shows what the decision does first (it is final, and it
    /// decides what the supplier's obligation counts).
    #[serde(default)]
    confirmed: String,
}

async fn decide(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, c)): Path<(i64, i64, i64)>,
    Form(form): Form<DecisionForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Edit).await?;
    let contract = load_contract(&state, &scope, id).await?;
    if contract.relation != Relation::Buyer {
        return Err(AppError::Forbidden);
    }
    let sr = auth.ctx.lang.socialreturn();
    // A settled contract's figures stand: no decision is asked for or taken (one left waiting by a settlement from
    // before this rule was offered a summary that could not be confirmed).
    if let Some(on) = contract.settled_on {
        let message = Some(sr.err_settled(crate::views::show_date(on)));
        let page = contract_page(&state, &auth, &scope, &contract, Typed::new(), FieldErrors::default(), message);
        return render(StatusCode::CONFLICT, &page.await?);
    }
    let approve = match form.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let reason = form.reason.trim();
    if !approve && reason.is_empty() {
        // The page again with the message at that contribution's reason (and a summary at the top).
        let mut errors = FieldErrors::default();
        errors.add("reason", sr.err_reason);
        let message = Some(sr.err_reason.to_owned());
        let mut page = contract_page(&state, &auth, &scope, &contract, Typed::new(), errors, message).await?;
        page.decision_typed = Some((c, form.reason.clone()));
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let reason: String = reason.chars().take(2000).collect();
    if form.confirmed != "yes" {
        let mut page =
            contract_page(&state, &auth, &scope, &contract, Typed::new(), FieldErrors::default(), None).await?;
        // Only a contribution still waiting has a decision to confirm; one decided meanwhile gets the message a
        // confirmed decision would get, and one not on this contract is not found (it was told "already decided").
        match page.contributions.iter().find(|v| v.id == c) {
            None => return Err(AppError::NotFound),
            Some(v) if !v.pending => {
                page.message = Some(sr.err_decided.to_owned());
                return render(StatusCode::CONFLICT, &page);
            }
            Some(_) => {}
        }
        page.decision_typed = Some((c, reason));
        page.deciding = Some((c, approve));
        return render(StatusCode::OK, &page);
    }
    let mut tx = state.db.begin().await?;
    match socialreturn::decide(
        &mut tx,
        &scope,
        &contract,
        &auth.actor(&state),
        c,
        approve,
        (!reason.is_empty()).then_some(reason.as_str()),
    )
    .await
    {
        Err(StoreError::Conflict) => {
            drop(tx);
            // Decided meanwhile, or the contract was settled meanwhile (its figures stand): said which.
            let now = load_contract(&state, &scope, id).await?;
            let message = Some(match now.settled_on {
                Some(on) => sr.err_settled(crate::views::show_date(on)),
                None => sr.err_decided.to_owned(),
            });
            let page = contract_page(&state, &auth, &scope, &now, Typed::new(), FieldErrors::default(), message);
            return render(StatusCode::CONFLICT, &page.await?);
        }
        other => other?,
    }
    let step = if approve {
        Step::ContributionApproved((&contract).into())
    } else {
        Step::ContributionRejected((&contract).into())
    };
    notify::tell(&state, &mut tx, &Event::new(&auth, org, step)).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{id}?notice=saved#bijdrage-{c}")).into_response())
}

#[derive(Deserialize)]
struct TenantForm {
    #[serde(default)]
    cluster: String,
    #[serde(default)]
    consent_on: String,
}

async fn mark_tenant(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, c)): Path<(i64, i64, i64)>,
    Form(form): Form<TenantForm>,
) -> Result<Response, AppError> {
    let (scope, organisation) = auth.scope_with_org(&state, org, Edit).await?;
    let contract = load_contract(&state, &scope, id).await?;
    if contract.relation != Relation::Buyer || organisation.kind != volkshuis_domain::org::OrgKind::Corporation {
        return Err(AppError::Forbidden);
    }
    // A tenant mark is personal data: written, as read, by the organisation's own editing members only.
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    let sr = auth.ctx.lang.socialreturn();
    let mut errors = FieldErrors::default();
    let cluster = form.cluster.trim();
    if cluster.is_empty() {
        errors.add("cluster", PickersTexts::of(auth.ctx.lang).err_tenant_cluster);
    } else if cluster.chars().count() > 40 {
        errors.add("cluster", auth.ctx.t().err_format);
    } else if !socialreturn::own_cluster(&state.db, &scope, cluster).await? {
        // A complex of the buyer's own stock only, whatever was posted.
        errors.add("cluster", sr.err_cluster);
    }
    // Consent given for this contract's work: from its award to today (1901 was taken, a day to come was told to
    // "fill in a date").
    let consent_on = match date(&form.consent_on) {
        None => {
            errors.add("consent_on", crate::forms::date_error(auth.ctx.t(), &form.consent_on, sr.err_date));
            None
        }
        Some(day) if day > today(&state) => {
            errors.add("consent_on", sr.err_consent_future);
            None
        }
        Some(day) if day < contract.awarded_on => {
            errors.add("consent_on", sr.err_consent_before_award(crate::views::show_date(contract.awarded_on)));
            None
        }
        Some(day) => Some(day),
    };
    let (Some(consent_on), true) = (consent_on, errors.is_empty()) else {
        // The page again with this contribution's form open, what was typed in it, and the messages at its fields.
        let message = errors.get("cluster").or(errors.get("consent_on")).map(|m| format!("{}: {m}", sr.mark_tenant));
        let mut page = contract_page(&state, &auth, &scope, &contract, Typed::new(), errors.clone(), message).await?;
        page.tenant_typed =
            Some(TenantTyped { contribution: c, cluster: form.cluster.clone(), consent_on: form.consent_on.clone() });
        return render(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let mut tx = state.db.begin().await?;
    socialreturn::mark_tenant(&mut tx, &scope, &contract, &auth.actor(&state), c, cluster, consent_on).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{id}?notice=saved#bijdrage-{c}")).into_response())
}

async fn download(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id, file)): Path<(i64, i64, i64)>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let contract = load_contract(&state, &scope, id).await?;
    // Evidence is about persons: the organisation's own editing members only (as on the contract page).
    if !auth.edits_as_member(org) {
        return Err(AppError::Forbidden);
    }
    // The store writes the read to the audit log before it hands the file over.
    let (name, content_type, content) =
        socialreturn::evidence(&state.db, &contract, file, &auth.actor(&state)).await?.ok_or(AppError::NotFound)?;
    Ok(attachment(&name, content_type, content))
}

#[cfg(test)]
mod tests {
    use super::person_ref;

    #[test]
    fn person_references_are_not_names_or_citizen_numbers() {
        assert_eq!(person_ref(" K-2026-014 "), Some("K-2026-014".into()));
        assert_eq!(person_ref("Jan Jansen"), None);
        assert_eq!(person_ref("123456782"), None);
        assert_eq!(person_ref(""), None);
        assert_eq!(person_ref("\u{200b}"), None);
    }
}
