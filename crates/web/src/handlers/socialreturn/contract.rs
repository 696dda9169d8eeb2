//! One contract: obligation, progress, the contributions with their calculation, the buyer's decisions, the
//! supplier's report form, and the settlement at the end.

use super::{load_contract, today};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::{checkbox, FieldErrors};
use crate::handlers::pickers::stock_picker;
use crate::i18n::{OndernemingenTexts, PickersTexts};
use crate::notify::{self, Event, Step};
use crate::picker::Picker;
use crate::state::AppState;
use crate::views::{ok, render, show_date, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::collections::HashMap;
use volkshuis_domain::access::{Action, Edit, ReadScope, View};
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::socialreturn::contribution::Contribution;
use volkshuis_domain::socialreturn::progress::{progress, settle_refusal, settlement, Obligation, SettleRefusal};
use volkshuis_domain::socialreturn::{Bonus, Certificate, TargetGroup, Training};
use volkshuis_domain::text::LongText;
use volkshuis_store::initiatieven::enterprises;
use volkshuis_store::orgs;
use volkshuis_store::socialreturn::{self, names, Contract, ContributionRow, Relation, Settle, Status};
use volkshuis_store::stock::StockRef;
use volkshuis_store::StoreError;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/sr/contracten/{id}", get(show))
        .route("/orgs/{org}/sr/contracten/{id}/afrekening", post(settle))
}

pub(super) struct ContributionView {
    pub id: i64,
    pub kind: &'static str,
    pub summary: String,
    pub name: Option<String>,
    pub value: String,
    pub lines: Vec<String>,
    pub status: &'static str,
    pub status_code: &'static str,
    pub reason: Option<String>,
    pub reported: String,
    pub evidence: Vec<(i64, String)>,
    pub tenant_cluster: Option<String>,
    pub pending: bool,
    pub placement: bool,
}

pub(super) struct Figures {
    pub obligation: String,
    pub obligation_how: String,
    pub approved: String,
    pub pending: String,
    pub still_owed: String,
    pub expected: String,
    pub time_left: String,
    pub standing: &'static str,
    pub standing_code: &'static str,
    pub percent: u32,
}

/// The report form as typed.
pub(super) type Typed = HashMap<String, String>;

/// A registered social enterprise the supplier bought from, with how its certificates stand today.
pub(super) struct BoughtView {
    pub href: String,
    pub name: String,
    pub kvk: String,
    pub purchases: i64,
    /// The state's code, its tag class and the line ("Code Sociale Ondernemingen: verlopen op 30-06-2026").
    pub today: Option<(&'static str, &'static str, String)>,
}

/// The settlement form as shown: the contract's own values, or what was typed when it came back with an error.
#[derive(Clone)]
pub(super) struct SettleTyped {
    pub repair_until: String,
    pub did_all_it_could: bool,
    pub note: String,
    pub settled: bool,
}

/// The tenant form of one contribution that came back with an error: which contribution, and what was typed (its
/// messages are in the page's errors, under `cluster` and `consent_on`).
pub(super) struct TenantTyped {
    pub contribution: i64,
    pub cluster: String,
    pub consent_on: String,
}

/// One contribution's tenant form as the template shows it.
pub(super) struct TenantForm {
    open: bool,
    cluster: Option<Picker>,
    consent_on: String,
    consent_error: Option<String>,
}

#[derive(Template)]
#[template(path = "socialreturn/contract.html")]
pub(super) struct ContractPage {
    pub page: Page,
    pub org_id: i64,
    pub id: i64,
    pub title: String,
    pub buyer: String,
    pub supplier: String,
    pub coordinator: Option<String>,
    pub value: String,
    pub period: String,
    pub awarded_on: String,
    pub cadence: &'static str,
    pub table_name: String,
    pub figures: Figures,
    pub contributions: Vec<ContributionView>,
    /// The contract's trail of re-valued contributions: old value → new value, why, when.
    pub value_changes: Vec<String>,
    pub ended: bool,
    pub unfulfilled: String,
    pub withhold: String,
    pub settlement_note: String,
    pub settled_on: Option<String>,
    pub is_buyer: bool,
    pub is_supplier: bool,
    pub can_edit: bool,
    pub can_mark_tenant: bool,
    pub shows_names: bool,
    pub kinds: Vec<(String, String)>,
    pub groups: Vec<(String, String)>,
    pub bonuses: Vec<(String, String)>,
    pub trainings: Vec<(String, String)>,
    pub certificates: Vec<(String, String)>,
    pub typed: Typed,
    pub errors: FieldErrors,
    pub message: Option<String>,
    pub pk: &'static PickersTexts,
    pub settle_form: SettleTyped,
    /// Back from the settlement's confirmation: the settlement form takes the focus (it is half-way down the page).
    pub settle_focus: bool,
    /// The complex picker of the tenant forms (the buyer's own stock), when a contribution may be marked.
    pub tenant_cluster: Option<Picker>,
    pub tenant_typed: Option<TenantTyped>,
    /// The decision that came back for want of a reason: the contribution and the reason typed.
    pub decision_typed: Option<(i64, String)>,
    /// The contribution whose decision awaits confirmation, and whether it approves.
    pub deciding: Option<(i64, bool)>,
    pub ot: &'static OndernemingenTexts,
    /// The register's enterprises the purchase form offers: (id, "name (KvK number)").
    pub enterprises: Vec<(String, String)>,
    /// The registered enterprises the supplier bought from.
    pub bought: Vec<BoughtView>,
}

impl ContractPage {
    fn typed(&self, name: &str) -> String {
        self.typed.get(name).cloned().unwrap_or_default()
    }

    fn ticked(&self, name: &str) -> bool {
        checkbox(&self.typed.get(name).cloned())
    }

    /// The tenant form of contribution `c`: open, with what was typed and its messages, when it came back.
    fn tenant_form(&self, c: i64) -> TenantForm {
        let typed = self.tenant_typed.as_ref().filter(|t| t.contribution == c);
        let picker = self.tenant_cluster.clone().map(|p| {
            let p = p.id(format!("cluster-{c}"));
            match typed {
                Some(t) => p.posted(&t.cluster).error(self.errors.get("cluster")),
                None => p,
            }
        });
        TenantForm {
            open: typed.is_some(),
            cluster: picker,
            consent_on: typed.map(|t| t.consent_on.clone()).unwrap_or_default(),
            consent_error: typed.and_then(|_| self.errors.get("consent_on").map(str::to_owned)),
        }
    }

    /// The message at the reason of contribution `c`'s decision, when it came back.
    fn decision_error(&self, c: i64) -> Option<&str> {
        self.decision_typed.as_ref().filter(|(id, _)| *id == c).and_then(|_| self.errors.get("reason"))
    }

    /// The reason typed for contribution `c`'s decision, when it came back.
    fn decision_reason(&self, c: i64) -> &str {
        self.decision_typed.as_ref().filter(|(id, _)| *id == c).map(|(_, r)| r.as_str()).unwrap_or_default()
    }

    /// Whether contribution `c`'s decision awaits confirmation: `Some(true)` to approve, `Some(false)` to reject.
    fn deciding(&self, c: i64) -> Option<bool> {
        self.deciding.filter(|(id, _)| *id == c).map(|(_, approve)| approve)
    }
}

fn summary(page: &Page, c: &Contribution) -> String {
    let sr = page.sr;
    match c {
        Contribution::Placement { person, group, start, end, hours_per_week, bonuses, .. } => {
            let extras: Vec<&str> = bonuses.iter().map(|b| sr.bonus(*b)).collect();
            let extras = if extras.is_empty() { String::new() } else { format!(" + {}", extras.join(", ")) };
            format!(
                "{person} · {} · {} – {} · {}{extras}",
                sr.group(*group),
                show_date(*start),
                show_date(*end),
                sr.summary_hours_per_week(hours_per_week)
            )
        }
        Contribution::Apprenticeship { person, training, level, start, end } => format!(
            "{person} · {}{} · {} – {}",
            sr.training(*training),
            level.map(|l| format!(" {l}")).unwrap_or_default(),
            show_date(*start),
            show_date(*end)
        ),
        Contribution::WorkExperience { person, start, end } => {
            format!("{person} · {} – {}", show_date(*start), show_date(*end))
        }
        Contribution::Purchase { seller, certificate, invoice, date } => {
            format!("{seller} · {} · {invoice} · {}", sr.certificate(*certificate), show_date(*date))
        }
        Contribution::Other { description, hours, date } => {
            format!("{description} · {} · {}", sr.summary_hours(hours), show_date(*date))
        }
    }
}

pub(super) fn contribution_view(
    page: &Page,
    row: ContributionRow,
    names: &HashMap<i64, String>,
    files: &[(i64, i64, String)],
) -> ContributionView {
    let sr = page.sr;
    let (status, status_code) = match row.status {
        Status::Pending => (sr.pending, "pending"),
        Status::Approved => (sr.approved, "approved"),
        Status::Rejected => (sr.rejected, "rejected"),
    };
    ContributionView {
        id: row.id,
        kind: sr.kind(row.contribution.kind_code()),
        summary: summary(page, &row.contribution),
        name: names.get(&row.id).cloned(),
        value: row.value.to_string(),
        lines: row.lines.iter().map(|line| sr.calculation_line(line)).collect(),
        status,
        status_code,
        reason: row.reason,
        reported: format!("{} · {}", row.reported_by, show_time(row.reported_at)),
        evidence: files.iter().filter(|f| f.0 == row.id).map(|f| (f.1, f.2.clone())).collect(),
        tenant_cluster: row.tenant_cluster,
        pending: row.status == Status::Pending,
        placement: matches!(row.contribution, Contribution::Placement { .. }),
    }
}

/// "De Linde (CPX000012)" for the complexes tenants were marked in, where the organisation may read the buyer's
/// stock (the buyer itself); the others keep the code.
async fn name_tenant_complexes(
    state: &AppState,
    scope: &ReadScope,
    contract: &Contract,
    contributions: &mut [ContributionView],
    lang: crate::i18n::Lang,
) -> Result<(), AppError> {
    let codes: Vec<String> = contributions.iter().filter_map(|c| c.tenant_cluster.clone()).collect();
    if codes.is_empty() {
        return Ok(());
    }
    let names = match volkshuis_store::stock::choice_names(
        &state.db,
        scope,
        contract.buyer_id,
        StockRef::Complex,
        &codes,
    )
    .await
    {
        Ok(names) => names,
        Err(volkshuis_store::StoreError::NotFound) => return Ok(()),
        Err(other) => return Err(other.into()),
    };
    for c in contributions {
        if let Some(code) = &c.tenant_cluster {
            c.tenant_cluster = Some(crate::picker::name_and_code(lang, names.get(code).map(String::as_str), code));
        }
    }
    Ok(())
}

fn options<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> &'static str,
    name: impl Fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter().map(|v| (code(*v).to_owned(), name(*v).to_owned())).collect()
}

/// The whole contract page for the organisation of `scope`.
pub(super) async fn contract_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    contract: &Contract,
    typed: Typed,
    errors: FieldErrors,
    message: Option<String>,
) -> Result<ContractPage, AppError> {
    // The contribution form's token (`keep_form_token`): kept when the form comes back, new when it is shown anew.
    let mut typed = typed;
    typed.entry("form_token".to_owned()).or_insert_with(|| format!("{:032x}", rand::random::<u128>()));
    let page = Page::for_user(auth);
    let sr = page.sr;
    let today = today(state);
    let p = progress(
        contract.obligation_amount,
        contract.approved,
        contract.pending,
        contract.starts_on,
        contract.ends_on,
        today,
    );
    let owed = volkshuis_domain::money::Money::from_cents((p.obligation.cents() - p.approved.cents()).max(0));
    let percent = if p.obligation.cents() > 0 {
        (p.approved.cents() * 100 / p.obligation.cents()).clamp(0, 100) as u32
    } else {
        100
    };
    let figures = Figures {
        obligation: p.obligation.to_string(),
        obligation_how: match contract.obligation {
            Obligation::Percentage(bp) => format!("{}% × {}", super::forms::show_percentage(bp), contract.value),
            Obligation::Fixed(_) => sr.obligation_fixed.to_owned(),
        },
        approved: p.approved.to_string(),
        pending: p.pending.to_string(),
        still_owed: owed.to_string(),
        expected: p.expected.map(|e| e.to_string()).unwrap_or_else(|| "—".to_owned()),
        time_left: if p.days_left < 0 { sr.ended.to_owned() } else { sr.days(p.days_left) },
        standing: sr.standing(p.standing),
        standing_code: p.standing.code(),
        percent,
    };
    // Candidates' names, tenant marks and evidence are persons: for the organisation's own editing members only, as
    // signals and buyers are — not its read-only members, not the platform's operator (ADR 0026).
    let with_persons = auth.edits_as_member(scope.org_id());
    let shows_names = contract.relation != Relation::Buyer && with_persons;
    let names = if shows_names { names::names(&state.db, contract, &auth.actor(state)).await? } else { HashMap::new() };
    let files = if with_persons { socialreturn::evidence_files(&state.db, contract).await? } else { Vec::new() };
    let mut contributions: Vec<ContributionView> =
        socialreturn::contributions(&state.db, contract, &auth.actor(state), with_persons)
            .await?
            .into_iter()
            .map(|r| contribution_view(&page, r, &names, &files))
            .collect();
    name_tenant_complexes(state, scope, contract, &mut contributions, auth.ctx.lang).await?;
    let value_changes = socialreturn::value_changes(&state.db, contract)
        .await?
        .into_iter()
        .map(|c| {
            let reason = sr.value_change_reason(&c.reason);
            sr.value_change(show_time(c.at), c.contribution_id, c.new, c.old, reason)
        })
        .collect();
    let table_name = socialreturn::table(&state.db, contract.table_id).await?.map(|t| t.table.name).unwrap_or_default();
    let s = settlement(contract.obligation_amount, contract.approved, contract.did_all_it_could);
    let can_edit = scope.role().allows(Action::Edit);
    // Only a corporation has tenants to mark.
    let buyer_is_corporation = contract.relation == Relation::Buyer
        && orgs::get(&state.db, contract.buyer_id).await?.is_some_and(|o| o.kind == OrgKind::Corporation);
    // Marking a placement as a tenant writes persons: the same bar as reading them.
    let can_mark_tenant = buyer_is_corporation && can_edit && with_persons;
    let lang = auth.ctx.lang;
    let markable = contributions.iter().any(|c: &ContributionView| c.placement && c.tenant_cluster.is_none());
    let tenant_cluster = if can_mark_tenant && markable {
        let own = [(contract.buyer_id, contract.buyer_name.clone())];
        let picker = Picker::new(lang, "cluster", sr.tenant_cluster);
        Some(stock_picker(state, scope, picker, StockRef::Complex, &own, Some(contract.buyer_id), "").await?)
    } else {
        None
    };
    let ot = OndernemingenTexts::of(lang);
    let enterprises = if contract.relation == Relation::Supplier && can_edit {
        // Marked when no certificate is valid today (it was offered as any other, and refused only after sending).
        let choices = enterprises::choices(&state.db, today).await?;
        choices
            .into_iter()
            .map(|(id, name, kvk, valid)| {
                let option = ot.sr_option(kvk, name);
                (id.to_string(), if valid { option } else { ot.sr_option_not_valid(option) })
            })
            .collect()
    } else {
        Vec::new()
    };
    let bought = enterprises::bought_from(&state.db, contract)
        .await?
        .into_iter()
        .map(|b| BoughtView {
            href: format!("/ondernemingen/{}", b.enterprise.id),
            today: ot
                .standing(&b.enterprise.certificates, today)
                .map(|(state, line)| (state.code(), OndernemingenTexts::state_class(state), line)),
            name: b.enterprise.input.name,
            kvk: b.enterprise.input.kvk,
            purchases: b.purchases,
        })
        .collect();
    Ok(ContractPage {
        ot,
        enterprises,
        bought,
        pk: PickersTexts::of(lang),
        settle_focus: false,
        settle_form: SettleTyped {
            repair_until: contract.repair_until.map(|d| d.to_string()).unwrap_or_default(),
            did_all_it_could: contract.did_all_it_could,
            note: contract.settlement_note.clone().unwrap_or_default(),
            settled: contract.settled_on.is_some(),
        },
        tenant_cluster,
        tenant_typed: None,
        decision_typed: None,
        deciding: None,
        org_id: scope.org_id(),
        id: contract.id,
        title: contract.title.clone(),
        buyer: contract.buyer_name.clone(),
        supplier: contract.supplier_name.clone(),
        coordinator: contract.coordinator_name.clone(),
        value: contract.value.to_string(),
        period: format!("{} – {}", show_date(contract.starts_on), show_date(contract.ends_on)),
        awarded_on: show_date(contract.awarded_on),
        cadence: sr.cadence(&contract.cadence),
        table_name,
        figures,
        contributions,
        value_changes,
        ended: today > contract.ends_on,
        unfulfilled: s.unfulfilled.to_string(),
        withhold: s.withhold.to_string(),
        settlement_note: contract.settlement_note.clone().unwrap_or_default(),
        settled_on: contract.settled_on.map(show_date),
        is_buyer: contract.relation == Relation::Buyer,
        is_supplier: contract.relation == Relation::Supplier,
        can_edit,
        can_mark_tenant,
        shows_names,
        kinds: ["placement", "apprenticeship", "work_experience", "purchase", "other"]
            .iter()
            .map(|k| ((*k).to_owned(), sr.kind(k).to_owned()))
            .collect(),
        groups: options(TargetGroup::ALL, TargetGroup::code, |g| sr.group(g)),
        bonuses: options(Bonus::ALL, Bonus::code, |b| sr.bonus(b)),
        trainings: options(Training::ALL, Training::code, |t| sr.training(t)),
        certificates: options(Certificate::ALL, Certificate::code, |c| sr.certificate(c)),
        typed,
        errors,
        message,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, View).await?;
    let contract = load_contract(&state, &scope, id).await?;
    let mut typed = Typed::new();
    typed.insert("kind".into(), "placement".into());
    let mut page = contract_page(&state, &auth, &scope, &contract, typed, FieldErrors::default(), None).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

#[derive(Deserialize)]
struct SettleForm {
    #[serde(default)]
    repair_until: String,
    did_all_it_could: Option<String>,
    #[serde(default)]
    note: String,
    settled: Option<String>,
    /// `yes` from the confirmation's button, `edit` from its way back.
    confirmed: Option<String>,
}

impl SettleForm {
    /// The confirmation's answer as the confirmation step reads it.
    fn confirmed_fields(&self) -> HashMap<String, String> {
        self.confirmed.iter().map(|v| ("confirmed".to_owned(), v.clone())).collect()
    }
}

async fn settle(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(form): Form<SettleForm>,
) -> Result<Response, AppError> {
    let scope = auth.scope(&state, org, Edit).await?;
    let contract = load_contract(&state, &scope, id).await?;
    if contract.relation != Relation::Buyer {
        return Err(AppError::Forbidden);
    }
    let sr = auth.ctx.lang.socialreturn();
    let mut errors = FieldErrors::default();
    let typed = SettleTyped {
        repair_until: form.repair_until.clone(),
        did_all_it_could: checkbox(&form.did_all_it_could),
        note: form.note.clone(),
        settled: checkbox(&form.settled),
    };
    let again = |errors: FieldErrors, message: Option<String>, status: StatusCode| {
        let (state, auth, scope, contract, typed) = (&state, &auth, &scope, &contract, &typed);
        async move {
            let mut page = contract_page(state, auth, scope, contract, Typed::new(), errors, message).await?;
            page.settle_form = typed.clone();
            render(status, &page)
        }
    };
    // A recorded settlement stands: what the supplier was told is not changed afterwards.
    if let Some(on) = contract.settled_on {
        return again(errors, Some(sr.err_settled(show_date(on))), StatusCode::CONFLICT).await;
    }
    if crate::confirm_step::going_back(&form.confirmed_fields()) {
        let mut page = contract_page(&state, &auth, &scope, &contract, Typed::new(), errors, None).await?;
        page.settle_form = typed;
        page.settle_focus = true;
        return ok(&page);
    }
    let repair_until = match form.repair_until.trim() {
        "" => None,
        text => {
            let d = super::forms::date(text);
            if d.is_none() {
                errors.add("repair_until", crate::forms::date_error(auth.ctx.t(), text, sr.err_date));
            }
            d
        }
    };
    let note = errors.check(auth.ctx.t(), "note", LongText::parse_optional(&form.note));
    let today = today(&state);
    let mut message = None;
    if errors.is_empty() {
        match settle_refusal(contract.ends_on, repair_until, typed.settled, contract.pending, today) {
            None => {}
            Some(SettleRefusal::Running { until }) => message = Some(sr.err_settle_running(show_date(until))),
            Some(SettleRefusal::RepairBeforeEnd { ends_on }) => {
                errors.add("repair_until", sr.err_repair_before_end(show_date(ends_on)));
            }
            Some(SettleRefusal::RepairRunning { until }) => {
                errors.add("repair_until", sr.err_repair_running(show_date(until)));
            }
            Some(SettleRefusal::Pending) => message = Some(sr.err_settle_pending.to_owned()),
        }
    }
    let (Some(note), true, None) = (note, errors.is_empty(), &message) else {
        return again(errors, message, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // Recording the settlement withholds money from the supplier's final payment and closes the contract: asked once
    // more, with the amounts, on a page of its own.
    if typed.settled && !crate::confirm_step::confirmed(&form.confirmed_fields()) {
        let s = settlement(contract.obligation_amount, contract.approved, typed.did_all_it_could);
        let effect = if typed.did_all_it_could {
            sr.settle_summary_all.to_owned()
        } else {
            sr.settle_summary_withhold(s.withhold.to_string(), &contract.supplier_name)
        };
        let lines = vec![
            sr.settle_summary_figures(
                contract.approved.to_string(),
                contract.obligation_amount.to_string(),
                s.unfulfilled.to_string(),
            ),
            effect,
            sr.settle_summary_final(&contract.supplier_name),
        ];
        let mut carried = vec![
            ("repair_until".to_owned(), form.repair_until.clone()),
            ("note".to_owned(), form.note.clone()),
            ("settled".to_owned(), "on".to_owned()),
        ];
        if typed.did_all_it_could {
            carried.push(("did_all_it_could".to_owned(), "on".to_owned()));
        }
        return crate::confirm_step::ConfirmStep {
            page: Page::for_user(&auth),
            title: sr.settle_confirm_title.to_owned(),
            lines,
            action: format!("/orgs/{org}/sr/contracten/{id}/afrekening"),
            button: sr.settle_yes,
            back_href: format!("/orgs/{org}/sr/contracten/{id}#settlement"),
            back_text: sr.settle_back,
            carried,
        }
        .response();
    }
    let settle = Settle {
        repair_until,
        did_all_it_could: typed.did_all_it_could,
        note: note.map(|n| n.as_str().to_owned()),
        settled_on: typed.settled.then_some(today),
    };
    let mut tx = state.db.begin().await?;
    // Settled or reported to meanwhile (another tab, the supplier): nothing recorded, the page says which.
    match socialreturn::settle(&mut tx, &scope, &auth.actor(&state), contract.id, &settle).await {
        Ok(()) => {}
        Err(StoreError::Conflict) => return settled_meanwhile(&state, &auth, &scope, id, tx, typed).await,
        Err(other) => return Err(other.into()),
    }
    if typed.settled {
        notify::tell(&state, &mut tx, &Event::new(&auth, org, Step::SettlementRecorded((&contract).into()))).await?;
    }
    tx.commit().await?;
    Ok(Redirect::to(&format!("/orgs/{org}/sr/contracten/{id}?notice=saved#settlement")).into_response())
}

/// The contract page after a settlement the store refused: settled meanwhile (another tab) or reported to by the
/// supplier since the page was read; nothing recorded, the page says which, with what was typed.
async fn settled_meanwhile(
    state: &AppState,
    auth: &Auth,
    scope: &volkshuis_domain::access::WriteScope,
    id: i64,
    tx: volkshuis_store::Tx,
    typed: SettleTyped,
) -> Result<Response, AppError> {
    drop(tx);
    let sr = auth.ctx.lang.socialreturn();
    let now = load_contract(state, scope, id).await?;
    let message = match now.settled_on {
        Some(on) => sr.err_settled(show_date(on)),
        None => sr.err_settle_pending.to_owned(),
    };
    let mut page = contract_page(state, auth, scope, &now, Typed::new(), FieldErrors::default(), Some(message)).await?;
    page.settle_form = typed;
    render(StatusCode::CONFLICT, &page)
}
