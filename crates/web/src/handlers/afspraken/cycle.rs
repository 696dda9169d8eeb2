//! A cycle's page: the phase bar, dates, parties and signatures, the gemeente's facts, the bids, the commitments
//! with their concreteness and progress, the talks, the party's private space and the shared one, the dispute
//! window and the timeline. Forms elsewhere in this module come back here with what was typed and why it was not
//! accepted ([`again`]).

use super::phase_bar::PhaseBar;
use super::{load, party_scope, show_number, today};
use crate::audit_sentences::{sentence, Facts};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::{AfsprakenTexts, DashboardTexts, Lang};
use crate::state::AppState;
use crate::views::{ok, render, show_date, show_day, show_time, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::access::{Edit, ReadScope, View};
use volkshuis_domain::afspraken::{
    bid_state, check, elapsed_share, progress, BidState, CommitmentFacts, CycleDates, Phase,
};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::afspraken::{self, Commitment, Cycle, CycleRef, GemeenteFacts, NoteKind, Party, PhaseMove};
use volkshuis_store::audit;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/afspraken/{id}", get(show))
        .route("/orgs/{org}/afspraken/{id}/fase", post(move_phase))
}

pub(super) struct PartyRow {
    pub name: String,
    pub kind: &'static str,
    pub lead: bool,
    pub signed: Option<String>,
}

pub(super) struct BidRow {
    pub sent: bool,
    pub name: String,
    pub state: String,
    pub late: bool,
    pub own: bool,
    pub body: String,
    pub activities: Vec<[String; 5]>,
}

pub(super) struct YearCell {
    pub year: i32,
    pub target: String,
    pub actual: String,
    pub note: String,
    /// The figures entered for the year before the one that counts, newest first ("137 (10-10-2026)"): a new
    /// entry replaced the shown figure without a trace on the page.
    pub earlier: String,
    pub progress_code: &'static str,
    pub progress_name: &'static str,
}

pub(super) struct CommitmentRow {
    pub id: i64,
    pub theme: &'static str,
    pub body: String,
    pub unit: String,
    pub baseline: String,
    pub owner: String,
    pub level_code: &'static str,
    pub level_name: &'static str,
    pub hints: Vec<String>,
    pub years: Vec<YearCell>,
    pub may_record: bool,
}

pub(super) struct NoteRow {
    pub id: i64,
    pub kind: &'static str,
    pub title: String,
    pub body: String,
    pub by: String,
    pub own_private: bool,
}

pub(super) struct DocumentRow {
    pub id: i64,
    pub kind: &'static str,
    pub file_name: String,
    pub by: String,
    pub shared: bool,
}

pub(super) struct FactsView {
    pub stock: Vec<StockView>,
    pub sr: String,
    /// What the initiatives in the gemeente brought, a line per year.
    pub initiatives: Vec<String>,
    pub read_on: String,
}

pub(super) struct StockView {
    pub name: String,
    pub units: i64,
    pub social: i64,
    pub free: i64,
    pub kinds: Vec<(String, i64)>,
    pub bands: Vec<(String, i64)>,
    pub decades: Vec<(String, i64)>,
    pub coverage: String,
}

#[derive(Template)]
#[template(path = "afspraken/cycle.html")]
pub(super) struct CyclePage {
    pub page: Page,
    pub bar: PhaseBar,
    pub org_id: i64,
    pub id: i64,
    /// The party's own voice and legal steps (its notes, documents, bid, positions, signature, dispute): its own
    /// members only, not the platform administrator's grant (ADR 0059).
    pub may_act: bool,
    /// Whether the viewer is a member of the party, who alone reads its own space.
    pub private_space_open: bool,
    pub is_lead: bool,
    pub moves: Vec<(String, String)>,
    /// The phase the lead asked to move to, with what the move does, while it is confirmed.
    pub moving: Option<(String, String)>,
    pub dates: Vec<String>,
    pub parties: Vec<PartyRow>,
    pub may_sign: bool,
    pub all_signed: Option<String>,
    pub facts: FactsView,
    pub bids: Vec<BidRow>,
    pub commitments: Vec<CommitmentRow>,
    pub open_text: bool,
    pub in_monitoring: bool,
    pub years: Vec<i32>,
    pub themes: Vec<(String, String)>,
    pub owners: Vec<(String, String)>,
    pub computed: Vec<(String, String)>,
    pub note_kinds: Vec<(String, String)>,
    pub agenda: Vec<afspraken::AgendaItem>,
    pub in_talks: bool,
    pub draft: Option<afspraken::Draft>,
    pub older_drafts: Vec<afspraken::Draft>,
    pub private_notes: Vec<NoteRow>,
    pub shared_notes: Vec<NoteRow>,
    pub dispute_text: Option<String>,
    pub may_dispute: bool,
    pub has_dispute: bool,
    pub timeline: Vec<(String, String)>,
    pub documents: Vec<DocumentRow>,
    pub document_kinds: Vec<(String, String)>,
    pub addenda: Vec<(String, String, String)>,
    pub may_add_addendum: bool,
    pub citations: Vec<(String, String)>,
    pub fields: HashMap<String, String>,
    pub errors: FieldErrors,
}

/// What was typed in one commitment's actual form (nothing for the others).
pub(super) struct Typed<'a> {
    fields: Option<&'a HashMap<String, String>>,
    pub errors: FieldErrors,
}

impl Typed<'_> {
    fn value(&self, name: &str) -> String {
        self.fields.and_then(|f| f.get(name)).cloned().unwrap_or_default()
    }
}

impl CyclePage {
    fn value(&self, name: &str) -> String {
        self.fields.get(name).cloned().unwrap_or_default()
    }

    /// The typed values and errors of the actual form of commitment `id`, if that was the form sent.
    fn typed_for(&self, id: &i64) -> Typed<'_> {
        if self.fields.get("commitment").is_some_and(|c| *c == id.to_string()) {
            Typed { fields: Some(&self.fields), errors: self.errors.clone() }
        } else {
            Typed { fields: None, errors: FieldErrors::default() }
        }
    }

    fn year_options(&self) -> Vec<(String, String)> {
        self.years.iter().map(|y| (y.to_string(), y.to_string())).collect()
    }

    fn draft_body(&self) -> String {
        match self.fields.get("draft") {
            Some(typed) => typed.clone(),
            None => self.draft.as_ref().map(|d| d.body.clone()).unwrap_or_default(),
        }
    }
}

fn facts_view(
    pa: &AfsprakenTexts,
    t: &crate::i18n::Texts,
    facts: &GemeenteFacts,
    kind_names: &std::collections::HashMap<String, String>,
    today: Date,
) -> FactsView {
    let money = |cents: i64| volkshuis_domain::money::Money::from_cents(cents).to_string();
    FactsView {
        stock: facts
            .stock
            .iter()
            .map(|s| {
                let (formal, informal, none) = s.coverage;
                let all = formal + informal + none;
                let share = if all == 0 { 0 } else { (formal + informal) * 100 / all };
                StockView {
                    name: s.corporation_name.clone(),
                    units: s.units,
                    social: s.social,
                    free: s.free,
                    kinds: s
                        .by_kind
                        .iter()
                        .map(|(k, n)| {
                            let kind = if k.is_empty() {
                                pa.kind_unknown.to_owned()
                            } else {
                                crate::vera_names::VeraNames::show(kind_names, &Some(k.clone()))
                            };
                            (kind, *n)
                        })
                        .collect(),
                    bands: s.by_band.iter().map(|(b, n)| (t.rent_band(*b, facts.year), *n)).collect(),
                    decades: s.by_decade.iter().map(|(d, n)| (pa.facts_decade(d, d + 9), *n)).collect(),
                    coverage: pa.facts_coverage_value(all, formal + informal, share),
                }
            })
            .collect(),
        sr: pa.facts_sr_value(
            money(facts.sr_approved_cents),
            facts.sr_contracts,
            money(facts.sr_obligation_cents),
            facts.sr_placements,
        ),
        initiatives: facts
            .initiatives
            .iter()
            .map(|(year, n, o)| {
                pa.facts_initiatives_value(
                    *n,
                    i64::from(o.jobs_far_from_labour_market),
                    i64::from(o.participants),
                    i64::from(o.visitors),
                    i64::from(o.volunteers),
                    *year,
                )
            })
            .collect(),
        read_on: pa.facts_help(show_date(today)),
    }
}

fn bid_text(pa: &AfsprakenTexts, state: BidState) -> (String, bool) {
    match state {
        BidState::Open { days_left } => (pa.bid_open(days_left), false),
        BidState::DueToday => (pa.bid_due_today.to_owned(), false),
        BidState::Late { days_over } => (pa.bid_late(days_over), true),
        BidState::Sent { on, late: false } => (pa.bid_sent(show_date(on)), false),
        BidState::Sent { on, late: true } => (pa.bid_sent_late(show_date(on)), true),
    }
}

/// The rows of the commitments, with progress for each year of the cycle (computed actuals read from `facts`).
#[expect(clippy::too_many_arguments, reason = "the rows need the cycle, its facts, who reads and what day it is")]
pub(super) fn commitment_rows(
    lang: Lang,
    cycle: &Cycle,
    commitments: &[Commitment],
    facts: &GemeenteFacts,
    viewer: i64,
    lead: i64,
    may_edit: bool,
    today: Date,
) -> Vec<CommitmentRow> {
    let pa = lang.afspraken();
    let corporations: Vec<i64> = facts.stock.iter().map(|s| s.corporation_id).collect();
    commitments
        .iter()
        .map(|c| {
            let target_year = c.targets.iter().map(|(y, _)| *y).max();
            let checked = check(&CommitmentFacts {
                text: &c.body,
                unit: &c.unit,
                has_target: !c.targets.is_empty(),
                target_year,
                has_owner: c.owner_id.is_some(),
            });
            let mut hints = Vec::new();
            if !checked.missing.is_empty() {
                let what: Vec<&str> = checked.missing.iter().map(|m| pa.missing(*m)).collect();
                hints.push(pa.concreteness_missing(what.join(", ")));
            }
            if !checked.vague_words.is_empty() {
                hints.push(pa.vague_words(checked.vague_words.join(", ")));
            }
            let owner_corporation = c.owner_id.filter(|o| corporations.contains(o));
            let years = (cycle.first_year..=cycle.last_year)
                .map(|year| {
                    let target = c.target(year);
                    let entered = c.actual(year);
                    let computed = c.computed.filter(|_| cycle.phase == Phase::Monitoring && year <= today.year());
                    let (actual, note) = match (entered, computed) {
                        (Some(a), _) => (
                            Some(a.value),
                            // Arguments in the alphabetical order of the message's variables: date, org, source.
                            pa.actual_by(
                                show_day(a.entered_at),
                                &a.org_name,
                                format!("{} {}", a.source, a.evidence).trim(),
                            ),
                        ),
                        (None, Some(source)) => {
                            (Some(facts.computed(source, owner_corporation, year)), pa.computed_at(show_date(today)))
                        }
                        (None, None) => (None, String::new()),
                    };
                    let shown = match target {
                        Some(t) => progress(c.baseline.unwrap_or(0.0), t, actual, elapsed_share(year, today)),
                        None => volkshuis_domain::afspraken::Progress::NoData,
                    };
                    let earlier: Vec<String> = c
                        .actuals
                        .iter()
                        .filter(|a| a.year == year)
                        .skip(1)
                        .map(|a| format!("{} ({})", show_number(lang, a.value), show_day(a.entered_at)))
                        .collect();
                    YearCell {
                        year,
                        target: target.map(|t| show_number(lang, t)).unwrap_or_default(),
                        actual: actual.map(|a| show_number(lang, a)).unwrap_or_default(),
                        note,
                        earlier: if earlier.is_empty() { String::new() } else { pa.actual_earlier(earlier.join(", ")) },
                        progress_code: shown.code(),
                        progress_name: pa.progress_name(shown),
                    }
                })
                .collect();
            CommitmentRow {
                id: c.id,
                theme: pa.theme(c.theme),
                body: c.body.clone(),
                unit: c.unit.clone(),
                baseline: c.baseline.map(|b| show_number(lang, b)).unwrap_or_default(),
                owner: c.owner_name.clone().unwrap_or_default(),
                level_code: checked.level.code(),
                level_name: pa.concreteness(checked.level),
                hints,
                years,
                may_record: may_edit
                    && cycle.phase == Phase::Monitoring
                    && c.owner_id.unwrap_or(lead) == viewer
                    && c.computed.is_none(),
            }
        })
        .collect()
}

/// The party that leads the phases (see `store::afspraken::move_phase`).
pub(super) fn lead(cycle: &Cycle, parties: &[Party]) -> i64 {
    parties.iter().find(|p| p.org.kind == OrgKind::Municipality).map(|p| p.org.id).unwrap_or(cycle.opened_by)
}

/// The facts of the cycle's gemeente for its parties.
pub(super) async fn facts_of(state: &AppState, cycle: &Cycle, parties: &[Party]) -> Result<GemeenteFacts, AppError> {
    let corporations: Vec<(i64, String)> =
        parties.iter().filter(|p| p.org.kind == OrgKind::Corporation).map(|p| (p.org.id, p.org.name.clone())).collect();
    let ids: Vec<i64> = parties.iter().map(|p| p.org.id).collect();
    Ok(afspraken::gemeente_facts(&state.db, &cycle.gemeente_code, &corporations, &ids, cycle.first_year).await?)
}

/// The cycle page for the party of `scope`, with what a form typed and its errors.
#[allow(clippy::too_many_lines)]
pub(super) async fn cycle_page(
    state: &AppState,
    auth: &Auth,
    scope: &ReadScope,
    cycle_ref: &CycleRef,
    cycle: &Cycle,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<CyclePage, AppError> {
    let page = Page::for_user(auth);
    let (t, pa, lang) = (page.t, page.pa, auth.ctx.lang);
    let org = scope.org_id();
    let today = today(state);
    let may_edit = super::may_write(state, auth, org).await;
    let may_act = may_edit;
    let private_space_open = auth.own_role(org).is_some();
    let parties = afspraken::parties(&state.db, cycle_ref).await?;
    let lead = lead(cycle, &parties);
    let is_lead = lead == org && may_act;
    let moves = match (is_lead, cycle.phase) {
        (false, _) => Vec::new(),
        (true, Phase::Geschil) => [Phase::Onderhandeling, Phase::Ondertekening]
            .iter()
            .map(|p| (p.code().to_owned(), pa.move_to(pa.phase(*p))))
            .collect(),
        (true, phase) => phase
            .next()
            .filter(|next| *next != Phase::Monitoring)
            .map(|next| vec![(next.code().to_owned(), pa.move_to(pa.phase(next)))])
            .unwrap_or_default(),
    };
    let dates_of = CycleDates::for_year(cycle.first_year);
    // A date already behind the reader says so (a cycle opened late showed its June deadline as if still to come);
    // the reminders go only to a corporation whose bid is not sent, so they are named while one is not.
    let passed = |line: String, day: Date| if day < today { pa.date_passed(line) } else { line };
    // Read once: the dates and the bids' rows below both need them.
    let stored_bids = afspraken::bids(&state.db, cycle_ref).await?;
    let bids_all_sent = !stored_bids.is_empty() && stored_bids.iter().all(|b| b.sent_on.is_some());
    // The phases in which the reminder job sends them (`jobs.rs`).
    let reminding = matches!(cycle.phase, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling);
    // A step done is not "passed": a bid sent, a cycle signed.
    let bid_due = pa.bid_due(show_date(dates_of.bid_due));
    let mut dates = vec![if bids_all_sent { bid_due } else { passed(bid_due, dates_of.bid_due) }];
    if reminding && !bids_all_sent {
        let [six, two] = dates_of.bid_reminders;
        dates.push(passed(pa.bid_reminders(show_date(six), show_date(two)), two));
    }
    let target = pa.signing_target(show_date(dates_of.signing_target));
    dates.push(if cycle.signed_on.is_some() { target } else { passed(target, dates_of.signing_target) });
    let dispute = afspraken::dispute(&state.db, cycle_ref).await?;
    let (dispute_text, window_open) = super::dispute_status(state, pa, cycle, today).await?;
    let may_dispute = window_open && may_act && dispute.is_none();
    if let Some(signed) = cycle.signed_on {
        dates.push(pa.all_signed(show_date(signed)));
    }
    let own_signed = parties.iter().any(|p| p.org.id == org && p.signed_at.is_some());
    let facts = facts_of(state, cycle, &parties).await?;
    let kind_names = state.vera_names.get(&state.db, lang).await?;
    let bids = stored_bids
        .into_iter()
        .map(|b| {
            let (state_text, late) = bid_text(pa, bid_state(dates_of.bid_due, b.sent_on, today));
            // A bid not sent yet is the corporation's own work: its text only for its members.
            let shown = b.sent_on.is_some() || private_space_open;
            BidRow {
                sent: b.sent_on.is_some(),
                own: b.corporation_id == org,
                name: b.corporation_name,
                state: state_text,
                late,
                body: if shown { b.body } else { String::new() },
                activities: b
                    .activities
                    .iter()
                    .filter(|_| shown)
                    .map(|a| {
                        [
                            pa.theme(a.theme).to_owned(),
                            a.description.clone(),
                            a.unit.clone(),
                            a.year.to_string(),
                            show_number(lang, a.amount),
                        ]
                    })
                    .collect(),
            }
        })
        .collect();
    let commitments = afspraken::commitments(&state.db, cycle_ref).await?;
    let rows = commitment_rows(lang, cycle, &commitments, &facts, org, lead, may_act, today);
    let notes = afspraken::notes(&state.db, cycle_ref).await?;
    let note_row = |n: &afspraken::Note| NoteRow {
        id: n.id,
        kind: pa.note_kind(n.kind),
        title: n.title.clone(),
        body: n.body.clone(),
        by: if n.shared { pa.note_shared(&n.org_name) } else { pa.note_private.to_owned() },
        own_private: n.org_id == org && !n.shared,
    };
    let drafts = afspraken::drafts(&state.db, cycle_ref).await?;
    let (draft, older_drafts) = match drafts.split_first() {
        Some((newest, older)) => (Some(newest.clone()), older.to_vec()),
        None => (None, Vec::new()),
    };
    let entries = afspraken::timeline(&state.db, cycle_ref, 50).await?;
    let dt = DashboardTexts::of(lang);
    let timeline = audit::name_entries(&state.db, entries)
        .await?
        .iter()
        .map(|n| (show_time(n.entry.at), sentence(dt, &Facts::of(n))))
        .collect();
    let documents = afspraken::documents(&state.db, cycle_ref)
        .await?
        .into_iter()
        .filter(|d| d.shared || private_space_open)
        .map(|d| DocumentRow {
            id: d.id,
            kind: pa.document_kind(d.kind),
            by: pa.document_by(&d.org_name, show_day(d.uploaded_at)),
            file_name: d.file_name,
            shared: d.shared,
        })
        .collect();
    let addenda = afspraken::addenda(&state.db, cycle_ref)
        .await?
        .into_iter()
        .map(|a| {
            let change = a
                .target
                .map(|(_, year, old, new)| {
                    let old = old.map(|o| show_number(lang, o)).unwrap_or_else(|| "—".into());
                    pa.addendum_changed(show_number(lang, new), old, year)
                })
                .unwrap_or_default();
            (pa.document_by(&a.org_name, show_date(a.agreed_on)), a.body, change)
        })
        .collect();
    let citations = if may_edit {
        afspraken::citations(&state.db, org)
            .await?
            .iter()
            .map(|c| (c.code.clone(), super::voice_text(lang, &c.voice)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(CyclePage {
        citations,
        documents,
        document_kinds: afspraken::DocumentKind::ALL
            .iter()
            .map(|k| (k.code().to_owned(), pa.document_kind(*k).to_owned()))
            .collect(),
        addenda,
        may_add_addendum: is_lead && cycle.phase == Phase::Monitoring,
        bar: PhaseBar::of(pa, cycle, org),
        org_id: org,
        id: cycle.id,
        may_act,
        private_space_open,
        is_lead,
        moves,
        moving: None,
        dates,
        may_sign: may_act && cycle.phase == Phase::Ondertekening && !own_signed,
        all_signed: cycle.signed_on.map(|d| pa.all_signed(show_date(d))),
        parties: parties
            .iter()
            .map(|p| PartyRow {
                name: p.org.name.clone(),
                kind: t.kind(p.org.kind),
                lead: p.org.id == lead,
                // The name is typed by whoever signs: the account that recorded it stands beside it.
                signed: p.signed_at.map(|at| {
                    let name = p.signed_by.clone().unwrap_or_default();
                    match &p.signed_by_account {
                        Some(account) => pa.signed_by_account(account, show_time(at), name),
                        None => pa.signed_by(show_time(at), name),
                    }
                }),
            })
            .collect(),
        facts: facts_view(pa, t, &facts, kind_names.soort(), today),
        bids,
        commitments: rows,
        open_text: may_act && matches!(cycle.phase, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling),
        in_monitoring: cycle.phase == Phase::Monitoring,
        years: (cycle.first_year..=cycle.last_year).collect(),
        themes: pa.theme_options(),
        owners: parties.iter().map(|p| (p.org.id.to_string(), p.org.name.clone())).collect(),
        computed: pa.computed_options(),
        note_kinds: NoteKind::ALL.iter().map(|k| (k.code().to_owned(), pa.note_kind(*k).to_owned())).collect(),
        agenda: afspraken::agenda(&state.db, cycle_ref).await?,
        in_talks: may_act
            && matches!(cycle.phase, Phase::Kennisvergaring | Phase::Bod | Phase::Onderhandeling | Phase::Geschil),
        draft,
        older_drafts,
        private_notes: notes.iter().filter(|n| n.org_id == org && private_space_open).map(note_row).collect(),
        // What the party shared is shared with a viewer who is no member too (its own notes are listed above only
        // for its members).
        shared_notes: notes
            .iter()
            .filter(|n| n.org_id != org || (n.shared && !private_space_open))
            .map(note_row)
            .collect(),
        dispute_text,
        may_dispute,
        has_dispute: dispute.is_some(),
        timeline,
        fields,
        errors,
        page,
    })
}

async fn show(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle) = load(&state, &scope, id).await?;
    let mut page =
        cycle_page(&state, &auth, &scope, &cycle_ref, &cycle, HashMap::new(), FieldErrors::default()).await?;
    page.page = page.page.with_notice(q.notice.as_deref());
    ok(&page)
}

/// The cycle page again, with what was typed and why it was not accepted.
pub(super) async fn again(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    fields: HashMap<String, String>,
    errors: FieldErrors,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(state, auth, org, View).await?;
    let (cycle_ref, cycle) = load(state, &scope, id).await?;
    let page = cycle_page(state, auth, &scope, &cycle_ref, &cycle, fields, errors).await?;
    render(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

async fn move_phase(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Form(fields): Form<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, Edit).await?;
    let (cycle_ref, cycle) = load(&state, scope.as_read(), id).await?;
    let pa = auth.ctx.lang.afspraken();
    let Some(to) = fields.get("to").and_then(|c| Phase::parse(c)) else {
        let mut errors = FieldErrors::default();
        errors.add("to", pa.not_allowed);
        return again(&state, &auth, org, id, fields, errors).await;
    };
    // A move the lead may make is final (no phase goes back, except through a dispute): first what it does.
    let parties = afspraken::parties(&state.db, &cycle_ref).await?;
    let may_move = lead(&cycle, &parties) == org && Phase::lead_may_move(cycle.phase, to);
    if may_move && fields.get("confirmed").map(String::as_str) != Some("yes") {
        let mut page =
            cycle_page(&state, &auth, scope.as_read(), &cycle_ref, &cycle, HashMap::new(), FieldErrors::default())
                .await?;
        let mut summary = pa.move_summary(pa.phase(to));
        // The first move into the talks sets the day they began: the six months of art. 44 run from it.
        if to == Phase::Onderhandeling && cycle.talks_started_on.is_none() {
            summary = format!("{summary} {}", pa.move_talks_begin);
        }
        page.moving = Some((to.code().to_owned(), summary));
        return render(StatusCode::OK, &page);
    }
    let mut tx = state.db.begin().await?;
    let moved = afspraken::move_phase(&mut tx, &scope, &auth.actor(&state), id, to, today(&state)).await?;
    if moved == PhaseMove::Moved {
        let parties = super::party_ids(&mut tx, &cycle_ref).await?;
        let what = crate::notify::events::CycleStep::PhaseMoved(to);
        super::tell_parties(&state, &mut tx, &auth, org, (id, &cycle.title, parties), what).await?;
    }
    tx.commit().await?;
    let message = match moved {
        PhaseMove::Moved => return Ok(super::back(org, id, "fasen")),
        PhaseMove::NotLead => pa.not_lead.to_owned(),
        // Monitoring follows the last signature; the lead is told who has not signed yet ("this step cannot be
        // taken now" said nothing).
        PhaseMove::NotAllowed if to == Phase::Monitoring && cycle.phase == Phase::Ondertekening => {
            let waiting: Vec<&str> =
                parties.iter().filter(|p| p.signed_at.is_none()).map(|p| p.org.name.as_str()).collect();
            pa.monitoring_waits(waiting.join(", "))
        }
        PhaseMove::NotAllowed => pa.not_allowed.to_owned(),
    };
    let mut errors = FieldErrors::default();
    errors.add("to", message);
    again(&state, &auth, org, id, fields, errors).await
}

#[derive(Template)]
#[template(path = "afspraken/monitor.html")]
struct MonitorPage {
    page: Page,
    bar: PhaseBar,
    title: String,
    commitments: Vec<CommitmentRow>,
}

impl MonitorPage {
    /// The width of a progress bar (0–200) for an actual against its target: a server-drawn chart, printable.
    fn bar_width(cell: &YearCell) -> u32 {
        let (Some(target), Some(actual)) = (super::parse_number(&cell.target), super::parse_number(&cell.actual))
        else {
            return 0;
        };
        if target == 0.0 {
            return 0;
        }
        ((actual / target).clamp(0.0, 1.0) * 200.0).round() as u32
    }
}

/// The yearly monitor of a cycle: every commitment with target, actual and progress per year, as a printable page
/// with a bar per year.
async fn monitor(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let (scope, _) = party_scope(&state, &auth, org, View).await?;
    let (cycle_ref, cycle) = load(&state, &scope, id).await?;
    let page = Page::for_user(&auth);
    let parties = afspraken::parties(&state.db, &cycle_ref).await?;
    let commitments = afspraken::commitments(&state.db, &cycle_ref).await?;
    // The stock facts are read only when a commitment asks Volkshuis for its actual.
    let facts = if commitments.iter().any(|c| c.computed.is_some()) {
        facts_of(&state, &cycle, &parties).await?
    } else {
        GemeenteFacts::default()
    };
    let rows =
        commitment_rows(auth.ctx.lang, &cycle, &commitments, &facts, org, lead(&cycle, &parties), false, today(&state));
    ok(&MonitorPage {
        bar: PhaseBar::of(page.pa, &cycle, org),
        title: page.pa.monitor_title(&cycle.title),
        commitments: rows,
        page,
    })
}

pub fn monitor_router() -> Router<AppState> {
    Router::new().route("/orgs/{org}/afspraken/{id}/monitor", get(monitor))
}
