//! What waits for an organisation, gathered from every module it uses: each fact a [`Todo`] line with its side, its
//! due date and what it is about. The order and the counts are the domain's ([`volkshuis_domain::dashboard`]); the
//! words are [`super::lines`]'.

use crate::error::AppError;
use crate::state::AppState;
use time::{Date, Duration};
use volkshuis_domain::access::{Action, ReadScope};
use volkshuis_domain::calendar::TermCalendar;
use volkshuis_domain::dashboard::{Kind, Side, Todo};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::{budget_account_deadline, RequestKind};
use volkshuis_domain::participatie::group::{is_fading, misses_yearly_meeting};
use volkshuis_domain::socialreturn::progress::{progress, reporting_period_ends, Standing};
use volkshuis_store::dashboard as waiting;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg::{self, Listing};
use volkshuis_store::participatie::{self as part, AreaLevel};
use volkshuis_store::socialreturn::{self, Relation};

/// How much to gather: what waits (to choose where a user lands; cheap) or everything the dashboard shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Only the work someone waits for: deadlines, questions, requests, join requests.
    Waiting,
    /// Also participation, contracts at risk and imports with errors.
    Everything,
}

/// One fact on a dashboard, with what its sentence and link need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fact {
    /// The tenant organisation answers an Overleg request.
    Answer { case_id: i64, title: String, party: String },
    /// The corporation decides on an advice or view and replies.
    Decide { case_id: i64, title: String, party: String, view: bool },
    /// The corporation waits for the tenant organisation's answer.
    WaitAnswer { case_id: i64, title: String, party: String },
    /// The tenant organisation waits for the corporation's decision.
    WaitDecision { case_id: i64, title: String, party: String },
    /// A question to the corporation about a case.
    Question { case_id: i64, title: String, asked_on: Date },
    /// The tenant organisation waits for the answer to its question.
    WaitQuestion { case_id: i64, title: String, asked_on: Date },
    /// The tenant organisation accounts for a year's budget.
    Budget { corporation_id: i64, party: String, year: i32 },
    /// A corporation proposed a partnership to the tenant organisation.
    Proposal { party: String },
    /// The corporation waits for the tenant organisation to answer its proposal.
    WaitProposal { party: String },
    /// A group's message waits for the corporation's approval.
    Message { subject: String, group: String },
    /// Contributions wait for the buyer's decision.
    Contributions { contract_id: i64, title: String, count: i64 },
    /// The supplier reports for the period ending on the line's due date.
    Report { contract_id: i64, title: String, owed: Money },
    /// A contract ended short of its obligation.
    EndedShort { contract_id: i64, title: String, owed: Money, buyer: bool },
    /// A running contract will not meet its obligation at its pace.
    AtRisk { contract_id: i64, title: String, owed: Money },
    /// Homes in an area without a voice.
    BlindSpot { corporation_id: i64, code: String, name: Option<String>, homes: i64 },
    /// A group without activity for a year.
    Fading { group_id: i64, name: String },
    /// More groups without activity than a dashboard lists one by one.
    FadingMany { count: i64 },
    /// A formal body without a members' meeting last year.
    MissedMeeting { group_id: i64, name: String, year: i32 },
    /// New join requests for a group.
    JoinRequests { group_id: i64, name: String, count: i64 },
    /// The last stock file had errors; the run's file name and count while this server still knows them.
    ImportErrors { report_id: i64, at: Date, file: Option<(u64, String, usize)> },
    /// Mail that failed for good (platform administrators).
    FailedMail { count: i64 },
    /// An organisation without an administrator (platform administrators).
    NoAdmin { org_id: i64, name: String },
    /// More organisations without an administrator than a dashboard lists one by one.
    NoAdminMany { count: i64 },
    /// The Besluit gelijkstelling for a year still has to be entered (platform administrators).
    Decree { year: i32 },
    /// The platform has no organisation yet: its first step (platform administrators).
    NoOrganisation,
    /// Checks after the sale of homes are overdue (Nazorg; the line's due date is the oldest).
    ChecksOverdue { count: i64 },
    /// Soft signals referred to this partner wait for it to accept or decline them (Signalering; a count only).
    Referrals { count: i64 },
    /// Signals of early warning in the municipality's inbox wait for a result (Signalering; a count only).
    SignalsOpen { count: i64 },
    /// A prestatieafspraken cycle waits for this party's signature (due: the signing target).
    SignCycle { cycle_id: i64, title: String },
    /// The corporation's bid for a cycle is not sent yet (due: 30 June).
    BidDue { cycle_id: i64, title: String },
    /// A cycle is still in negotiation while its signing target nears (due: the signing target).
    Negotiating { cycle_id: i64, title: String },
}

/// Blind spots listed (the worst first); the coverage page has them all.
const BLIND_SPOTS: i64 = 3;
/// Fading groups listed one by one; more become one line.
const FADING_LISTED: usize = 3;
/// A budget account or a report shows from this many days before its last day.
const SHOW_AHEAD: i64 = 31;
/// Import errors older than this are not news any more.
const IMPORT_NEWS: Duration = Duration::days(30);

/// Gathers what waits for the organisation of `scope` on `today`, in the modules its kind uses.
pub(crate) async fn gather(
    state: &AppState,
    scope: &ReadScope,
    org: &Organisation,
    depth: Depth,
    today: Date,
) -> Result<Vec<Todo<Fact>>, AppError> {
    let mut out = Vec::new();
    let db = &state.db;
    if matches!(org.kind, OrgKind::Corporation | OrgKind::TenantOrganisation) {
        let cal = volkshuis_store::calendar::term_calendar(db).await?;
        overleg_facts(state, scope, org.kind, &cal, today, &mut out).await?;
        for group in waiting::new_join_requests(db, scope).await? {
            let fact = Fact::JoinRequests { group_id: group.group_id, name: group.group_name, count: group.count };
            out.push(Todo::new(Kind::JoinRequest, Side::Ours, None, fact).times(count(group.count)));
        }
        if depth == Depth::Everything {
            participation_facts(state, scope, org, today, &mut out).await?;
        }
    }
    if org.kind == OrgKind::Corporation {
        for message in part::messages_for_corporation(db, scope).await?.into_iter().filter(|m| m.status == "submitted")
        {
            let fact = Fact::Message { subject: message.subject, group: message.group_name };
            out.push(Todo::new(Kind::Question, Side::Ours, None, fact));
        }
        if scope.role().allows(Action::Edit) {
            let (overdue, oldest) = volkshuis_store::nazorg::checks::overdue(db, scope, today).await?;
            if overdue > 0 {
                let fact = Fact::ChecksOverdue { count: overdue };
                out.push(Todo::new(Kind::Deadline, Side::Ours, oldest, fact).times(count(overdue)));
            }
        }
        if depth == Depth::Everything && scope.role().allows(Action::Edit) {
            if let Some(errors) = waiting::last_import_errors(db, scope, state.clock.now() - IMPORT_NEWS).await? {
                let file = state.import_runs.with_report(org.id, errors.report_id);
                let at = volkshuis_domain::calendar::dutch_date(errors.at);
                let fact = Fact::ImportErrors { report_id: errors.report_id, at, file };
                out.push(Todo::new(Kind::Import, Side::Ours, None, fact));
            }
        }
    }
    if org.kind == OrgKind::Partner && scope.role().allows(Action::Edit) {
        // Those who work the referrals; the page they lead to is theirs only (a read-only member gets a 403 there).
        let waiting = volkshuis_store::signalering::soft::waiting_referrals(db, scope).await?;
        if waiting > 0 {
            let fact = Fact::Referrals { count: waiting };
            out.push(Todo::new(Kind::Question, Side::Ours, None, fact).times(count(waiting)));
        }
    }
    if org.kind != OrgKind::Supplier && org.kind != OrgKind::Partner && scope.role().allows(Action::Edit) {
        afspraken_facts(state, scope, org, today, &mut out).await?;
    }
    if org.kind == OrgKind::Municipality && scope.role().allows(Action::Edit) {
        // Those who work the inbox (its page asks the same); a count, no person. The dashboard said nothing waited
        // while 22 signals did.
        let open = volkshuis_store::signalering::signals::inbox_counts(db, scope).await?.open_total();
        if open > 0 {
            let fact = Fact::SignalsOpen { count: open };
            out.push(Todo::new(Kind::Question, Side::Ours, None, fact).times(count(open)));
        }
    }
    if org.kind != OrgKind::TenantOrganisation {
        social_return_facts(state, scope, depth, today, &mut out).await?;
    }
    Ok(out)
}

/// Organisations without an administrator listed one by one; more become one line.
const NO_ADMIN_LISTED: usize = 3;

/// The platform's own upkeep, for a platform administrator on `today`: mail that failed, organisations nobody can
/// invite members to, and a decree that deadlines in next year wait for.
pub(crate) async fn platform(state: &AppState, today: Date) -> Result<Vec<Todo<Fact>>, AppError> {
    let db = &state.db;
    let mut out = Vec::new();
    let failed = waiting::failed_mail(db).await?;
    if failed > 0 {
        out.push(Todo::new(Kind::Platform, Side::Ours, None, Fact::FailedMail { count: failed }).times(count(failed)));
    }
    let next_year = today.year() + 1;
    let cal = volkshuis_store::calendar::term_calendar(db).await?;
    // The first year up to next year that no decree covers, a gap between two decrees included; with no decree
    // at all, this year's.
    let awaited = if cal.covered_years().is_empty() { Some(today.year()) } else { cal.awaited_decree(next_year) };
    if let Some(year) = awaited {
        let last_day = Date::from_calendar_date(year - 1, time::Month::December, 31).ok();
        out.push(Todo::new(Kind::Platform, Side::Ours, last_day, Fact::Decree { year }));
    }
    if !volkshuis_store::orgs::any(db).await? {
        out.push(Todo::new(Kind::Platform, Side::Ours, None, Fact::NoOrganisation));
    }
    let orphans = waiting::organisations_without_admin(db).await?;
    if orphans.len() > NO_ADMIN_LISTED {
        let fact = Fact::NoAdminMany { count: orphans.len() as i64 };
        out.push(Todo::new(Kind::Platform, Side::Ours, None, fact).times(count(orphans.len() as i64)));
    } else {
        for (org_id, name) in orphans {
            out.push(Todo::new(Kind::Platform, Side::Ours, None, Fact::NoAdmin { org_id, name }));
        }
    }
    Ok(out)
}

fn count(n: i64) -> u32 {
    u32::try_from(n.max(0)).unwrap_or(u32::MAX)
}

/// How near a signing target a cycle still in negotiation is named.
const NEGOTIATION_NEWS: i64 = 60;

/// Prestatieafspraken: what this party must do next in its cycles (the dashboard named only Overleg before, so a
/// tenant organisation was not told its signature was awaited): sign in the signing phase until it has; a
/// corporation's bid until it is sent; for the municipality, a negotiation that nears its signing target.
async fn afspraken_facts(
    state: &AppState,
    scope: &ReadScope,
    org: &Organisation,
    today: Date,
    out: &mut Vec<Todo<Fact>>,
) -> Result<(), AppError> {
    use volkshuis_domain::afspraken::{CycleDates, Phase};
    use volkshuis_store::afspraken;
    for cycle in afspraken::cycles_of(&state.db, scope).await? {
        let dates = CycleDates::for_year(cycle.first_year);
        let (cycle_id, title) = (cycle.id, cycle.title.clone());
        match cycle.phase {
            Phase::Ondertekening => {
                let Some((cycle_ref, _)) = afspraken::open_cycle_for(&state.db, scope, cycle.id).await? else {
                    continue;
                };
                let parties = afspraken::parties(&state.db, &cycle_ref).await?;
                if parties.iter().any(|p| p.org.id == org.id && p.signed_at.is_none()) {
                    let fact = Fact::SignCycle { cycle_id, title };
                    out.push(Todo::new(Kind::Deadline, Side::Ours, Some(dates.signing_target), fact));
                }
            }
            Phase::Bod if org.kind == OrgKind::Corporation => {
                let Some((cycle_ref, _)) = afspraken::open_cycle_for(&state.db, scope, cycle.id).await? else {
                    continue;
                };
                let bids = afspraken::bids(&state.db, &cycle_ref).await?;
                if !bids.iter().any(|b| b.corporation_id == org.id && b.sent_on.is_some()) {
                    out.push(Todo::new(
                        Kind::Deadline,
                        Side::Ours,
                        Some(dates.bid_due),
                        Fact::BidDue { cycle_id, title },
                    ));
                }
            }
            // The municipality leads the talks; for the other parties a negotiation is no task of their own.
            Phase::Onderhandeling
                if org.kind == OrgKind::Municipality
                    && (dates.signing_target - today).whole_days() <= NEGOTIATION_NEWS =>
            {
                let fact = Fact::Negotiating { cycle_id, title };
                out.push(Todo::new(Kind::Deadline, Side::Ours, Some(dates.signing_target), fact));
            }
            _ => {}
        }
    }
    Ok(())
}

async fn overleg_facts(
    state: &AppState,
    scope: &ReadScope,
    kind: OrgKind,
    cal: &TermCalendar,
    today: Date,
    out: &mut Vec<Todo<Fact>>,
) -> Result<(), AppError> {
    let db = &state.db;
    let tenant = kind == OrgKind::TenantOrganisation;
    for case in overleg::list(db, scope, Listing::Open, 500).await? {
        let (id, title, party) = (case.id, case.title, case.other_party);
        let (side, fact) = match (case.facts.stage(), tenant) {
            (Stage::AwaitingAnswer, true) => (Side::Ours, Fact::Answer { case_id: id, title, party }),
            (Stage::AwaitingAnswer, false) => (Side::Theirs, Fact::WaitAnswer { case_id: id, title, party }),
            (Stage::AwaitingDecision, false) => {
                (Side::Ours, Fact::Decide { case_id: id, title, party, view: case.facts.kind == RequestKind::View })
            }
            (Stage::AwaitingDecision, true) => (Side::Theirs, Fact::WaitDecision { case_id: id, title, party }),
            (Stage::Informed | Stage::Closed, _) => continue,
        };
        let next = case.facts.next(cal);
        let todo = Todo::new(Kind::Deadline, side, next.map(|d| d.date), fact);
        out.push(todo.undecreed(next.and_then(|d| d.provisional)));
    }
    for (case_id, title, question) in overleg::open_questions(db, scope).await? {
        let asked_on = question.asked_on;
        // Questions go from the tenant organisation to the corporation, which answers them.
        let todo = if tenant {
            Todo::new(Kind::Question, Side::Theirs, None, Fact::WaitQuestion { case_id, title, asked_on })
        } else {
            Todo::new(Kind::Question, Side::Ours, None, Fact::Question { case_id, title, asked_on })
        };
        out.push(todo);
    }
    // A proposal is answered by the tenant organisation's administrators only.
    for proposal in overleg::proposals_of(db, scope).await? {
        let party = proposal.org.name;
        if !tenant {
            out.push(Todo::new(Kind::Question, Side::Theirs, None, Fact::WaitProposal { party }));
        } else if scope.role().allows(Action::Manage) {
            out.push(Todo::new(Kind::Question, Side::Ours, None, Fact::Proposal { party }));
        }
    }
    if tenant {
        // Both sides' open budgets; the tenant organisation accounts for those it received.
        let received = overleg::unaccounted_budgets(db, scope).await?;
        for budget in received.into_iter().filter(|b| b.tenant_org_id == scope.org_id()) {
            let deadline = budget_account_deadline(cal, budget.year);
            let due = deadline.date;
            if (due - today).whole_days() <= SHOW_AHEAD {
                let fact = Fact::Budget {
                    corporation_id: budget.corporation_id,
                    party: budget.corporation_name,
                    year: budget.year,
                };
                out.push(Todo::new(Kind::Deadline, Side::Ours, Some(due), fact).undecreed(deadline.provisional));
            }
        }
    }
    Ok(())
}

async fn participation_facts(
    state: &AppState,
    scope: &ReadScope,
    org: &Organisation,
    today: Date,
    out: &mut Vec<Todo<Fact>>,
) -> Result<(), AppError> {
    let db = &state.db;
    if org.kind == OrgKind::Corporation {
        if let Some(figures) = part::open_figures(db, scope, org.id).await? {
            for area in part::coverage_by(db, &figures, AreaLevel::Complex, BLIND_SPOTS).await? {
                if area.counts.none == 0 {
                    break; // Worst first: the rest have a voice everywhere.
                }
                let fact = Fact::BlindSpot {
                    corporation_id: org.id,
                    code: area.code,
                    name: area.name,
                    homes: area.counts.none,
                };
                out.push(Todo::new(Kind::Participation, Side::Ours, None, fact));
            }
        }
    }
    // The groups the organisation answers for: a corporation every group in its stock, a tenant organisation its own.
    let groups = part::visible_to(db, scope).await?;
    let fading: Vec<_> =
        groups.iter().filter(|g| is_fading(g.started_on, g.registered_on, g.last_activity, today)).collect();
    if fading.len() > FADING_LISTED {
        let fact = Fact::FadingMany { count: fading.len() as i64 };
        out.push(Todo::new(Kind::Participation, Side::Ours, None, fact).times(count(fading.len() as i64)));
    } else {
        for g in &fading {
            out.push(Todo::new(
                Kind::Participation,
                Side::Ours,
                None,
                Fact::Fading { group_id: g.id, name: g.name.clone() },
            ));
        }
    }
    for g in groups
        .iter()
        .filter(|g| misses_yearly_meeting(g.kind, g.started_on, g.registered_on, &g.members_meetings, today))
    {
        let fact = Fact::MissedMeeting { group_id: g.id, name: g.name.clone(), year: today.year() - 1 };
        out.push(Todo::new(Kind::Participation, Side::Ours, None, fact));
    }
    Ok(())
}

async fn social_return_facts(
    state: &AppState,
    scope: &ReadScope,
    depth: Depth,
    today: Date,
    out: &mut Vec<Todo<Fact>>,
) -> Result<(), AppError> {
    let db = &state.db;
    for pending in waiting::pending_contributions(db, scope).await? {
        let fact = Fact::Contributions { contract_id: pending.contract_id, title: pending.title, count: pending.count };
        out.push(Todo::new(Kind::Question, Side::Ours, None, fact).times(count(pending.count)));
    }
    for c in socialreturn::contracts(db, scope, 200).await? {
        let p = progress(c.obligation_amount, c.approved, c.pending, c.starts_on, c.ends_on, today);
        let owed = Money::from_cents((c.obligation_amount.cents() - c.approved.cents()).max(0));
        let (id, title) = (c.id, c.title.clone());
        match (p.standing, c.relation) {
            (Standing::Fulfilled, _) => {}
            (Standing::Overdue, relation) if depth == Depth::Everything && c.settled_on.is_none() => {
                let fact = Fact::EndedShort { contract_id: id, title, owed, buyer: relation == Relation::Buyer };
                out.push(Todo::new(Kind::AtRisk, Side::Ours, None, fact));
            }
            (Standing::Overdue, _) => {}
            (standing, Relation::Supplier) => {
                // The supplier reports at the end of every period while the obligation is unmet.
                let period_end =
                    reporting_period_ends(c.starts_on, c.ends_on, &c.cadence).into_iter().find(|d| *d >= today);
                if let Some(due) =
                    period_end.filter(|d| (*d - today).whole_days() <= SHOW_AHEAD && c.starts_on <= today)
                {
                    let fact = Fact::Report { contract_id: id, title: title.clone(), owed };
                    out.push(Todo::new(Kind::Deadline, Side::Ours, Some(due), fact));
                }
                if standing == Standing::AtRisk && depth == Depth::Everything {
                    out.push(Todo::new(Kind::AtRisk, Side::Ours, None, Fact::AtRisk { contract_id: id, title, owed }));
                }
            }
            (Standing::AtRisk, _) if depth == Depth::Everything => {
                out.push(Todo::new(Kind::AtRisk, Side::Ours, None, Fact::AtRisk { contract_id: id, title, owed }));
            }
            _ => {}
        }
    }
    Ok(())
}
