//! Prestatieafspraken: the yearly cycle in which a municipality, the corporations with homes there and their tenant
//! organisations agree on measurable commitments and follow them up (issue 19, ADRs 0040–0041).
//!
//! The organisation in the path is the party the user acts for; a cycle opens only to its parties (the store's
//! `open_cycle_for`), a party's private space only to that party, and the public sees nothing of a cycle. Every
//! write re-checks the party inside its transaction.

mod addenda;
mod bid;
mod commitments;
mod cycle;
mod dispute;
mod documents;
mod export;
pub(crate) mod jobs;
mod list;
mod meeting;
mod meeting_times;
mod meetings;
mod overview;
mod phase_bar;
mod sign;
mod talks;

use crate::auth::Auth;
use crate::error::AppError;
use crate::i18n::{AfsprakenTexts, Lang};
use crate::notify::events::{CycleNote, CycleStep};
use crate::notify::{self, Event, Step};
use crate::state::AppState;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Router;
use time::Date;
use volkshuis_domain::access::{Action, Check, Edit, ReadScope};
use volkshuis_domain::calendar::{dutch_date, Undecreed};
use volkshuis_domain::modules::Module;
use volkshuis_store::afspraken::{self, Cycle, CycleRef};
use volkshuis_store::orgs::Organisation;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(list::router())
        .merge(cycle::router())
        .merge(cycle::monitor_router())
        .merge(bid::router())
        .merge(commitments::router())
        .merge(sign::router())
        .merge(talks::router())
        .merge(meetings::router())
        .merge(meeting::router())
        .merge(meeting_times::router())
        .merge(dispute::router())
        .merge(documents::router())
        .merge(addenda::router())
        .merge(export::router())
}

pub(crate) use overview::router as admin_router;

/// The scope of the organisation in the path, for an organisation of a kind that is a party in the law (a
/// municipality, a corporation, a tenant organisation); other kinds have no such pages.
async fn party_scope<C: Check>(
    state: &AppState,
    auth: &Auth,
    org: i64,
    action: C,
) -> Result<(C::Scope, Organisation), AppError> {
    let (scope, organisation) = auth.scope_with_org(state, org, action).await?;
    if !Module::Afspraken.open_to(organisation.kind) {
        return Err(AppError::NotFound);
    }
    // Whatever a party writes in a cycle is said in its name: only its own members write; the platform
    // administrator's grant reads (ADR 0059).
    if C::ACTION == Action::Edit {
        auth.acts_as_member(org)?;
    }
    Ok((scope, organisation))
}

/// Whether the user may write in `org`'s name in a cycle: a role that edits, through their own membership.
async fn may_write(state: &AppState, auth: &Auth, org: i64) -> bool {
    auth.scope(state, org, Edit).await.is_ok() && auth.edits_as_member(org)
}

/// A cycle the organisation of `scope` is a party to; anyone else's is a 404.
async fn load(state: &AppState, scope: &ReadScope, id: i64) -> Result<(CycleRef, Cycle), AppError> {
    afspraken::open_cycle_for(&state.db, scope, id).await?.ok_or(AppError::NotFound)
}

/// Tells the members of every other party of a cycle what the party `org` of `auth` did (in the app and by mail, as
/// their notice settings say), in the transaction of the step.
async fn tell_parties(
    state: &AppState,
    tx: &mut volkshuis_store::Tx,
    auth: &Auth,
    org: i64,
    (id, title, parties): (i64, &str, Vec<i64>),
    what: CycleStep,
) -> Result<(), AppError> {
    let cycle = CycleNote { id, title: title.to_owned(), parties };
    notify::tell(state, tx, &Event::new(auth, org, Step::Cycle { cycle, what })).await?;
    Ok(())
}

/// The ids of a cycle's parties, read on the step's transaction: it holds SQLite's write lock, and a read on the
/// pool could wait behind the writers that hold the pool's other connections (ADR 0061).
async fn party_ids(tx: &mut volkshuis_store::Tx, cycle: &CycleRef) -> Result<Vec<i64>, AppError> {
    Ok(afspraken::parties(&mut *tx, cycle).await?.iter().map(|p| p.org.id).collect())
}

/// What an achterban citation says, in the reader's language.
fn voice_text(lang: Lang, voice: &afspraken::Voice) -> String {
    let pa = lang.afspraken();
    match voice {
        afspraken::Voice::Diagnosis { corporation, year, rules_average: Some(average) } => {
            pa.cite_diagnosis_scored(show_number(lang, *average), corporation, year)
        }
        afspraken::Voice::Diagnosis { corporation, year, rules_average: None } => pa.cite_diagnosis(corporation, year),
        afspraken::Voice::Message { group, subject } => pa.cite_message(group, subject),
    }
}

/// Where the cycle stands with the dispute window, as a sentence (none before the talks or once agreed), and whether
/// a dispute can be opened now: the window is open and the cycle is in the talks or the signing (the store's rule).
async fn dispute_status(
    state: &AppState,
    pa: &AfsprakenTexts,
    cycle: &Cycle,
    today: Date,
) -> Result<(Option<String>, bool), AppError> {
    use volkshuis_domain::afspraken::{dispute_state, dispute_window, DisputeState, Phase};
    let Some(started) = cycle.talks_started_on else { return Ok((None, false)) };
    let calendar = volkshuis_store::calendar::term_calendar(&state.db).await?;
    let w = dispute_window(started, &calendar);
    let shown = crate::views::show_date(w.submit_by.date);
    let until = match w.submit_by.provisional {
        None => shown,
        Some(Undecreed::NotYet) => pa.provisional(shown),
        Some(Undecreed::Unknown) => pa.no_decree(shown),
    };
    Ok(match dispute_state(&w, today, cycle.signed_on.is_some()) {
        DisputeState::NotYet { from } => {
            (Some(pa.dispute_not_yet(crate::views::show_date(from), crate::views::show_date(w.talks_started))), false)
        }
        DisputeState::Open { .. } => {
            (Some(pa.dispute_open(until)), matches!(cycle.phase, Phase::Onderhandeling | Phase::Ondertekening))
        }
        DisputeState::Closed => (Some(pa.dispute_closed(until)), false),
        DisputeState::Agreed => (None, false),
    })
}

/// Today in the Netherlands.
fn today(state: &AppState) -> Date {
    dutch_date(state.clock.now())
}

/// Back to a cycle's page (at an anchor), with a notice.
fn back(org: i64, id: i64, anchor: &str) -> Response {
    Redirect::to(&format!("/orgs/{org}/afspraken/{id}?notice=saved#{anchor}")).into_response()
}

use crate::forms::field;

/// A number as typed: `120`, `12,5` or `12.5`, with an optional thousands dot or space (`1.200`) when a comma
/// marks the decimals; a minus in front (a figure may fall). `None` for anything else, also what Rust's float parser
/// reads but nobody types in a form ("1e9" was taken as a billion homes, "+5", "NaN").
fn parse_number(input: &str) -> Option<f64> {
    let text: String = input.trim().chars().filter(|c| !c.is_whitespace()).collect();
    // One point or comma before exactly three digits separates thousands in Dutch and decimals in English ("1.200"
    // was stored as 1.2 homes): refused, as an amount is; "1200", "1.200,0" and "12,5" say what they mean.
    let separators = text.matches(['.', ',']).count();
    if separators == 1 && text.rsplit(['.', ',']).next().is_some_and(|tail| tail.len() == 3) {
        return None;
    }
    let normal = if text.contains(',') { text.replace('.', "").replace(',', ".") } else { text };
    let digits = normal.strip_prefix('-').unwrap_or(&normal);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    normal.parse::<f64>().ok().filter(|n| n.is_finite() && n.abs() < 1e12)
}

/// A figure for reading: whole numbers without decimals, others with up to two, with the language's decimal mark.
fn show_number(lang: Lang, value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded}") };
    match lang {
        Lang::Nl => text.replace('.', ","),
        Lang::En => text,
    }
}

/// The years of a cycle as shown ("2027" or "2027–2030").
fn years(pa: &AfsprakenTexts, cycle: &Cycle) -> String {
    if cycle.first_year == cycle.last_year {
        pa.years_one(cycle.first_year)
    } else {
        pa.years_range(cycle.first_year, cycle.last_year)
    }
}

/// The gemeente as shown: "Deventer (GM0150)", or the code alone.
fn gemeente(cycle: &Cycle) -> String {
    match &cycle.gemeente_name {
        Some(name) => format!("{name} ({})", cycle.gemeente_code),
        None => cycle.gemeente_code.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number("120"), Some(120.0));
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number("1.200,75"), Some(1200.75));
        assert_eq!(parse_number(" 1 200 "), Some(1200.0));
        assert_eq!(parse_number("-3"), Some(-3.0));
        assert_eq!(parse_number("twaalf"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("inf"), None);
        for not in ["1e9", "+5", "NaN", ".5", "-", "5-", "1,2,3", "1.200", "1,200", "-2.500"] {
            assert_eq!(parse_number(not), None, "{not}");
        }
    }

    #[test]
    fn figures_read_in_the_language() {
        assert_eq!(show_number(Lang::Nl, 12.5), "12,5");
        assert_eq!(show_number(Lang::En, 12.5), "12.5");
        assert_eq!(show_number(Lang::Nl, 120.0), "120");
        assert_eq!(show_number(Lang::Nl, 1.0 / 3.0), "0,33");
    }
}
