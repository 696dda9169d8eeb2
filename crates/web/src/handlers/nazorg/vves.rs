//! The corporation's register of owners' associations (VvE's): the list with each VvE's health, a VvE's page with
//! every finding in words, the conflict-of-interest record where the corporation is both majority owner and manager,
//! and its votes; the forms to register and edit a VvE ([`form`]), to record a vote ([`votes`]), and the map of sold
//! homes and VvE health per buurt ([`map`]).
//!
//! The register holds facts about associations, not persons: any member of the corporation may read it; staff and
//! administrators write. A VvE id of another corporation is a 404, as is the register of any other kind of
//! organisation.

mod form;
mod map;
mod votes;

use super::{subnav, view_scope};
use crate::auth::Auth;
use crate::error::AppError;
use crate::forms::FieldErrors;
use crate::i18n::{NazorgTexts, VveTexts};
use crate::picker::name_and_code;
use crate::state::AppState;
use crate::views::{ok, show_date, NoticeQuery, Page};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use std::collections::HashMap;
use time::Date;
use volkshuis_domain::calendar::dutch_date;
use volkshuis_domain::money::Money;
use volkshuis_domain::nazorg::vve::{
    conflict_of_interest, findings, health, reserve_minimum, Finding, Health, ReserveBasis, VveFacts,
};
use volkshuis_domain::org::OrgKind;
use volkshuis_store::nazorg::vves::{self, Vve};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/orgs/{org}/nazorg/vves", get(list))
        .route("/orgs/{org}/nazorg/vves/nieuw", get(form::new_form).post(form::create))
        .route("/orgs/{org}/nazorg/vves/{id}", get(page))
        .route("/orgs/{org}/nazorg/vves/{id}/bewerken", get(form::edit_form).post(form::update))
        .route("/orgs/{org}/nazorg/vves/{id}/stemmen", post(votes::vote))
        .merge(map::router())
}

impl VveTexts {
    /// The name of a health.
    pub fn health(&self, health: Health) -> &'static str {
        match health {
            Health::Green => self.health_green,
            Health::Amber => self.health_amber,
            Health::Red => self.health_red,
        }
    }

    /// What a reserve minimum is based on.
    pub fn basis(&self, basis: ReserveBasis) -> &'static str {
        match basis {
            ReserveBasis::Mjop => self.basis_mjop,
            ReserveBasis::RebuildValue => self.basis_rebuild,
        }
    }

    /// The name of a vote (`voor`, `tegen`, `onthouden`).
    pub fn vote(&self, code: &str) -> &'static str {
        match code {
            "voor" => self.vote_voor,
            "tegen" => self.vote_tegen,
            _ => self.vote_onthouden,
        }
    }

    /// A finding in words, with the amounts and dates of the facts it was found in.
    pub fn finding(&self, finding: &Finding, facts: &VveFacts, today: Date) -> String {
        match finding {
            Finding::ReserveBelowMinimum { short_cents } => {
                let minimum = reserve_minimum(facts, today);
                self.finding_reserve_below(
                    minimum.map(|m| self.basis(m.basis)).unwrap_or_default(),
                    euro(minimum.map_or(0, |m| m.cents)),
                    euro(facts.yearly_reserve_cents.unwrap_or(0)),
                    euro(*short_cents),
                )
            }
            Finding::ReserveUnknown => self.finding_reserve_unknown.to_owned(),
            Finding::MjopStale => {
                self.finding_mjop_stale(facts.mjop.map(|m| show_date(m.adopted_on)).unwrap_or_default())
            }
            Finding::MjopTooShort => self.finding_mjop_too_short(facts.mjop.map_or(0, |m| i64::from(m.horizon_years))),
            Finding::NoMjop => self.finding_no_mjop.to_owned(),
            Finding::MeetingMissed => {
                self.finding_meeting_missed(facts.last_meeting_on.map(show_date).unwrap_or_default())
            }
            Finding::NoMeetingRecorded => self.finding_no_meeting.to_owned(),
            Finding::NotRegistered => self.finding_not_registered.to_owned(),
            Finding::NoMinutes => self.finding_no_minutes.to_owned(),
        }
    }
}

/// An amount as the pages show it: `€ 1.200,00`.
pub(super) fn euro(cents: i64) -> String {
    Money::from_cents(cents).to_string()
}

/// The badge class of a health (the stylesheet's green, amber and red tags), beside its name in words.
pub(super) fn health_class(health: Health) -> &'static str {
    match health {
        Health::Green => "concrete",
        Health::Amber => "partly",
        Health::Red => "vague",
    }
}

/// Whole years from `from` to `to` (0 when `to` is earlier).
fn whole_years(from: Date, to: Date) -> i64 {
    let mut years = i64::from(to.year() - from.year());
    if (to.month() as u8, to.day()) < (from.month() as u8, from.day()) {
        years -= 1;
    }
    years.max(0)
}

/// A VvE's health on `today`, as a page shows it.
pub(super) struct Judged {
    pub code: &'static str,
    pub name: &'static str,
    pub class: &'static str,
    pub findings: Vec<String>,
}

fn judge(vt: &VveTexts, facts: &VveFacts, today: Date) -> Judged {
    let found = findings(facts, today);
    let judged = health(&found);
    Judged {
        code: judged.code(),
        name: vt.health(judged),
        class: health_class(judged),
        findings: found.iter().map(|f| vt.finding(f, facts, today)).collect(),
    }
}

/// A VvE on the list.
struct Line {
    href: String,
    name: String,
    complex: String,
    kvk: String,
    votes: String,
    reserve: String,
    minimum: String,
    mjop_age: String,
    last_meeting: String,
    health: Judged,
}

#[derive(Template)]
#[template(path = "nazorg/vves.html")]
struct ListPage {
    page: Page,
    nz: &'static NazorgTexts,
    vt: &'static VveTexts,
    nav: Vec<(String, &'static str)>,
    org_id: i64,
    may_edit: bool,
    lines: Vec<Line>,
}

/// The complex of a VvE as shown: "De Ark (C1)", or empty.
fn complex_of(auth: &Auth, vve: &Vve) -> String {
    vve.cluster.as_ref().map(|(_, code, name)| name_and_code(auth.ctx.lang, name.as_deref(), code)).unwrap_or_default()
}

fn line(auth: &Auth, org: i64, vve: &Vve, today: Date) -> Line {
    let vt = VveTexts::of(auth.ctx.lang);
    let input = &vve.input;
    let facts = input.facts();
    let minimum = reserve_minimum(&facts, today);
    Line {
        href: format!("/orgs/{org}/nazorg/vves/{}", vve.id),
        name: input.name.clone(),
        complex: complex_of(auth, vve),
        kvk: input.kvk.clone().unwrap_or_default(),
        votes: vt.votes_of(input.votes_corporation, input.votes_total),
        reserve: input.yearly_reserve_cents.map(euro).unwrap_or_else(|| vt.unknown.to_owned()),
        minimum: minimum
            .map(|m| format!("{} ({})", euro(m.cents), vt.basis(m.basis)))
            .unwrap_or_else(|| vt.unknown.to_owned()),
        mjop_age: input
            .mjop
            .map(|m| vt.mjop_age(whole_years(m.adopted_on, today)))
            .unwrap_or_else(|| vt.mjop_none.to_owned()),
        last_meeting: input.last_meeting_on.map(show_date).unwrap_or_else(|| vt.unknown.to_owned()),
        health: judge(vt, &facts, today),
    }
}

async fn list(State(state): State<AppState>, auth: Auth, Path(org): Path<i64>) -> Result<Response, AppError> {
    let (scope, _) = view_scope(&state, &auth, org, OrgKind::Corporation).await?;
    let nz = NazorgTexts::of(auth.ctx.lang);
    let today = dutch_date(state.clock.now());
    let lines = vves::vves(&state.db, &scope).await?.iter().map(|v| line(&auth, org, v, today)).collect();
    ok(&ListPage {
        page: Page::for_user(&auth),
        nz,
        vt: VveTexts::of(auth.ctx.lang),
        nav: subnav(nz, &auth, org, OrgKind::Corporation),
        org_id: org,
        may_edit: auth.edits_as_member(org),
        lines,
    })
}

/// A vote on the VvE's page.
struct VoteLine {
    meeting: String,
    subject: String,
    vote_code: String,
    vote: &'static str,
    /// The cited case's title and the advice given in it.
    cited: Option<(String, String)>,
    note: String,
    recorded_by: String,
}

/// The conflict of interest: what the page says, and the disclosure when it is recorded.
struct Conflict {
    note: String,
    recorded: Option<String>,
}

/// The vote form as typed, its errors, and the summary to confirm (when it was checked and is complete).
#[derive(Default)]
pub(super) struct VoteForm {
    pub fields: HashMap<String, String>,
    pub errors: FieldErrors,
    pub summary: Option<Vec<String>>,
}

#[derive(Template)]
#[template(path = "nazorg/vve.html")]
pub(super) struct VvePage {
    page: Page,
    nz: &'static NazorgTexts,
    vt: &'static VveTexts,
    nav: Vec<(String, &'static str)>,
    trail: Vec<(String, &'static str)>,
    org_id: i64,
    vve_id: i64,
    may_edit: bool,
    name: String,
    /// (label, value) lines of the facts.
    facts: Vec<(&'static str, String)>,
    health: Judged,
    conflict: Option<Conflict>,
    votes: Vec<VoteLine>,
    /// The Overleg cases the vote may cite: (id, "title — tenant organisation").
    cases: Vec<(String, String)>,
    /// The votes to choose from, none chosen until the user chooses: (code, name).
    choices: [(&'static str, &'static str); 3],
    /// The fields the confirmation carries to the second post, as the summary states them.
    carried: [&'static str; 5],
    form: VoteForm,
}

impl VvePage {
    fn value(&self, name: &str) -> String {
        self.form.fields.get(name).cloned().unwrap_or_default()
    }
}

/// The facts of a VvE in lines, each value in words.
fn fact_lines(auth: &Auth, vve: &Vve, today: Date) -> Vec<(&'static str, String)> {
    let vt = VveTexts::of(auth.ctx.lang);
    let input = &vve.input;
    let facts = input.facts();
    let or_unknown = |value: Option<String>| value.unwrap_or_else(|| vt.unknown.to_owned());
    let reserve = match (input.yearly_reserve_cents, reserve_minimum(&facts, today)) {
        (Some(reserve), Some(m)) => vt.reserve_line(vt.basis(m.basis), euro(m.cents), euro(reserve)),
        (Some(reserve), None) => vt.reserve_line_no_minimum(euro(reserve)),
        (None, _) => vt.unknown.to_owned(),
    };
    let mjop = input
        .mjop
        .map(|m| vt.mjop_line(show_date(m.adopted_on), euro(m.yearly_reservation_cents), i64::from(m.horizon_years)))
        .unwrap_or_else(|| vt.mjop_none.to_owned());
    vec![
        (vt.field_complex, or_unknown(Some(complex_of(auth, vve)).filter(|c| !c.is_empty()))),
        (vt.field_kvk, or_unknown(input.kvk.clone())),
        (vt.col_votes, vt.votes_of(input.votes_corporation, input.votes_total)),
        (vt.field_is_manager, (if input.is_manager { vt.manager_yes } else { vt.manager_no }).to_owned()),
        (vt.field_rebuild_value, or_unknown(input.rebuild_value_cents.map(euro))),
        (vt.col_reserve, reserve),
        (vt.mjop_legend, mjop),
        (vt.field_last_meeting, or_unknown(input.last_meeting_on.map(show_date))),
        (
            vt.field_minutes,
            input.minutes.clone().filter(|m| !m.trim().is_empty()).unwrap_or(vt.minutes_none.to_owned()),
        ),
    ]
}

/// The VvE's page, with the vote form as `form` holds it; a 404 for an id that is not the corporation's.
pub(super) async fn vve_page(
    state: &AppState,
    auth: &Auth,
    org: i64,
    id: i64,
    form: VoteForm,
) -> Result<VvePage, AppError> {
    let (scope, _) = view_scope(state, auth, org, OrgKind::Corporation).await?;
    let vve = vves::vve(&state.db, &scope, id).await?.ok_or(AppError::NotFound)?;
    let (nz, vt) = (NazorgTexts::of(auth.ctx.lang), VveTexts::of(auth.ctx.lang));
    let today = dutch_date(state.clock.now());
    let input = &vve.input;
    let conflict = conflict_of_interest(input.votes_corporation, input.votes_total, input.is_manager).then(|| {
        let recorded = input
            .conflict_disclosed_on
            .map(|day| vt.conflict_recorded(input.conflict_abstentions.clone().unwrap_or_default(), show_date(day)));
        Conflict { note: vt.conflict_note(input.votes_corporation, input.votes_total), recorded }
    });
    let votes = vves::votes(&state.db, &scope, id)
        .await?
        .into_iter()
        .map(|v| VoteLine {
            meeting: show_date(v.meeting_on),
            subject: v.subject,
            vote: vt.vote(&v.vote),
            vote_code: v.vote,
            cited: v.cited.map(|(_, title, answer)| (title, answer.unwrap_or_else(|| vt.advice_none.to_owned()))),
            note: v.note.unwrap_or_default(),
            recorded_by: v.recorded_by,
        })
        .collect();
    let may_edit = auth.edits_as_member(org);
    let cases = if may_edit {
        vves::citeable_cases(&state.db, &scope, id)
            .await?
            .into_iter()
            .map(|(case, title, tenant)| (case.to_string(), format!("{title} — {tenant}")))
            .collect()
    } else {
        Vec::new()
    };
    Ok(VvePage {
        page: Page::for_user(auth),
        nz,
        vt,
        nav: subnav(nz, auth, org, OrgKind::Corporation),
        trail: vec![(format!("/orgs/{org}/nazorg"), nz.title), (format!("/orgs/{org}/nazorg/vves"), vt.vves_title)],
        org_id: org,
        vve_id: id,
        may_edit,
        name: input.name.clone(),
        facts: fact_lines(auth, &vve, today),
        health: judge(vt, &input.facts(), today),
        conflict,
        votes,
        cases,
        choices: [("voor", vt.vote_voor), ("tegen", vt.vote_tegen), ("onthouden", vt.vote_onthouden)],
        carried: ["meeting_on", "subject", "vote", "cite", "note"],
        form,
    })
}

async fn page(
    State(state): State<AppState>,
    auth: Auth,
    Path((org, id)): Path<(i64, i64)>,
    Query(query): Query<NoticeQuery>,
) -> Result<Response, AppError> {
    let mut page = vve_page(&state, &auth, org, id, VoteForm::default()).await?;
    let vt = VveTexts::of(auth.ctx.lang);
    page.page.notice = match query.notice.as_deref() {
        Some("saved") => Some(page.page.t.notice_saved.to_owned()),
        Some("vote") => Some(vt.notice_vote.to_owned()),
        _ => None,
    };
    ok(&page)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn an_mjop_is_a_year_older_on_its_anniversary() {
        assert_eq!(whole_years(date!(2021 - 11 - 25), date!(2026 - 11 - 24)), 4);
        assert_eq!(whole_years(date!(2021 - 11 - 25), date!(2026 - 11 - 25)), 5);
        assert_eq!(whole_years(date!(2026 - 12 - 01), date!(2026 - 11 - 25)), 0);
    }

    #[test]
    fn a_reserve_below_the_minimum_says_by_how_much_and_why() {
        let vt = VveTexts::of(crate::i18n::Lang::Nl);
        let facts = VveFacts {
            rebuild_value_cents: Some(30_000_000),
            yearly_reserve_cents: Some(120_000),
            ..VveFacts::default()
        };
        let today = date!(2026 - 11 - 25);
        let found = findings(&facts, today);
        assert_eq!(
            vt.finding(&found[0], &facts, today),
            "Reservering € 1.200,00 per jaar ligt € 300,00 onder het minimum van € 1.500,00 (0,5% van de herbouwwaarde)."
        );
    }
}
