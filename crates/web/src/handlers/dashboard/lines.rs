//! A dashboard line in words, with the link to where its work is done and, where a term applies, its last day and
//! how far away (or how late) that is.

use super::facts::Fact;
use crate::i18n::{DashboardTexts, Lang};
use crate::picker::name_and_code;
use crate::views::show_date;
use time::Date;
use volkshuis_domain::calendar::Undecreed;
use volkshuis_domain::dashboard::{Due, Side, Todo};

/// A line as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line {
    /// What needs doing.
    pub text: String,
    /// Where it is done.
    pub href: String,
    /// "uiterlijk 07-12-2026 · nog 12 dagen", where a term applies.
    pub due: Option<String>,
    /// The term has passed.
    pub late: bool,
    /// The other party has to act.
    pub theirs: bool,
}

/// The line of `todo` on the dashboard of organisation `org`, read on `today`.
pub(crate) fn line(lang: Lang, org: i64, todo: &Todo<Fact>, today: Date) -> Line {
    let dt = DashboardTexts::of(lang);
    let (text, href) = words(lang, org, &todo.item);
    let state = todo.due.map(|due| Due::on(due, today));
    let due = todo.due.zip(state).map(|(date, state)| {
        let distance = match state {
            Due::Late(days) => dt.todo_late(days),
            Due::Today => dt.todo_today.to_owned(),
            Due::Left(days) => dt.todo_left(days),
        };
        let shown = match todo.undecreed {
            None => show_date(date),
            Some(Undecreed::NotYet) => dt.todo_date_not_decreed(show_date(date)),
            Some(Undecreed::Unknown) => dt.todo_date_no_decree(show_date(date)),
        };
        format!("{} · {distance}", dt.todo_by(shown))
    });
    Line { text, href, due, late: matches!(state, Some(Due::Late(_))), theirs: todo.side == Side::Theirs }
}

fn words(lang: Lang, org: i64, fact: &Fact) -> (String, String) {
    let dt = DashboardTexts::of(lang);
    let case = |id: &i64| format!("/orgs/{org}/overleg/{id}");
    let contract = |id: &i64| format!("/orgs/{org}/sr/contracten/{id}");
    let group = |id: &i64| format!("/orgs/{org}/participatie/groepen/{id}");
    match fact {
        Fact::Answer { case_id, title, party } => (dt.line_answer(party, title), case(case_id)),
        Fact::Decide { case_id, title, party, view: false } => (dt.line_decide(party, title), case(case_id)),
        Fact::Decide { case_id, title, party, view: true } => (dt.line_decide_view(party, title), case(case_id)),
        Fact::WaitAnswer { case_id, title, party } => (dt.line_wait_answer(party, title), case(case_id)),
        Fact::WaitDecision { case_id, title, party } => (dt.line_wait_decision(party, title), case(case_id)),
        Fact::Question { case_id, title, asked_on } => (dt.line_question(show_date(*asked_on), title), case(case_id)),
        Fact::WaitQuestion { case_id, title, asked_on } => {
            (dt.line_wait_question(show_date(*asked_on), title), case(case_id))
        }
        Fact::Budget { corporation_id, party, year } => {
            (dt.line_budget(party, year), format!("/orgs/{org}/overleg/budget/{corporation_id}/{year}"))
        }
        Fact::Proposal { party } => (dt.line_proposal(party), format!("/orgs/{org}/overleg")),
        Fact::WaitProposal { party } => (dt.line_wait_proposal(party), format!("/orgs/{org}/overleg")),
        Fact::Message { subject, group } => (dt.line_message(group, subject), format!("/orgs/{org}/participatie")),
        Fact::Contributions { contract_id, title, count } => {
            (dt.line_contributions(*count, title), contract(contract_id))
        }
        Fact::Report { contract_id, title, owed } => (dt.line_report(owed, title), contract(contract_id)),
        Fact::EndedShort { contract_id, title, owed, buyer: true } => {
            (dt.line_ended_short(owed, title), contract(contract_id))
        }
        Fact::EndedShort { contract_id, title, owed, buyer: false } => {
            (dt.line_ended_short_supplier(owed, title), contract(contract_id))
        }
        Fact::AtRisk { contract_id, title, owed } => (dt.line_at_risk(owed, title), contract(contract_id)),
        Fact::ChecksOverdue { count } => (dt.line_checks_overdue(*count), format!("/orgs/{org}/nazorg")),
        Fact::Referrals { count } => (dt.line_referrals(*count), format!("/orgs/{org}/signalering/verwijzingen")),
        Fact::SignalsOpen { count } => (dt.line_signals_open(*count), format!("/orgs/{org}/signalering/inbox")),
        Fact::SignCycle { cycle_id, title } => (dt.line_sign_cycle(title), format!("/orgs/{org}/afspraken/{cycle_id}")),
        Fact::BidDue { cycle_id, title } => (dt.line_bid_due(title), format!("/orgs/{org}/afspraken/{cycle_id}")),
        Fact::Negotiating { cycle_id, title } => {
            (dt.line_negotiating(title), format!("/orgs/{org}/afspraken/{cycle_id}"))
        }
        Fact::BlindSpot { corporation_id, code, name, homes } => {
            let area = if code.is_empty() {
                dt.area_without_complex.to_owned()
            } else {
                name_and_code(lang, name.as_deref(), code)
            };
            let href = format!("/orgs/{org}/participatie/dekking?corporatie={corporation_id}&per=complex");
            (dt.line_blind_spot(area, *homes), href)
        }
        Fact::Fading { group_id, name } => (dt.line_fading(name), group(group_id)),
        Fact::FadingMany { count } => (dt.line_fading_many(*count), format!("/orgs/{org}/participatie")),
        Fact::MissedMeeting { group_id, name, year } => (dt.line_missed_meeting(name, year), group(group_id)),
        Fact::JoinRequests { group_id, name, count } => (dt.line_join_requests(*count, name), group(group_id)),
        Fact::ImportErrors { at, file: Some((run, file, errors)), .. } => {
            let _ = at;
            let errors = i64::try_from(*errors).unwrap_or(i64::MAX);
            (dt.line_import_errors(errors, file), format!("/orgs/{org}/stock/import/runs/{run}"))
        }
        Fact::ImportErrors { at, file: None, .. } => {
            (dt.line_import_report(show_date(*at)), format!("/orgs/{org}/stock/import"))
        }
        Fact::FailedMail { count } => (dt.line_failed_mail(*count), "/admin/outbox".to_owned()),
        Fact::NoAdmin { org_id, name } => (dt.line_no_admin(name), format!("/orgs/{org_id}")),
        Fact::NoAdminMany { count } => (dt.line_no_admin_many(count), "/admin/orgs".to_owned()),
        Fact::Decree { year } => (dt.line_decree(year), "/admin/decrees".to_owned()),
        Fact::NoOrganisation => (dt.line_no_organisation.to_owned(), "/admin/orgs/new".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;
    use volkshuis_domain::dashboard::Kind;

    const TODAY: Date = date!(2026 - 11 - 25);

    fn answer(due: Date) -> Todo<Fact> {
        let fact = Fact::Answer { case_id: 4, title: "Huurbeleid 2027".into(), party: "Woonstad".into() };
        Todo::new(Kind::Deadline, Side::Ours, Some(due), fact)
    }

    #[test]
    fn a_deadline_says_its_day_and_how_far_or_late_in_both_languages() {
        let nl = Lang::Nl;
        let soon = line(nl, 2, &answer(date!(2026 - 12 - 07)), TODAY);
        assert_eq!(soon.text, "Geef uw antwoord op “Huurbeleid 2027” van Woonstad");
        assert_eq!(soon.href, "/orgs/2/overleg/4");
        assert_eq!(soon.due.as_deref(), Some("uiterlijk 07-12-2026 · nog 12 dagen"));
        assert!(!soon.late && !soon.theirs);
        let late = line(nl, 2, &answer(date!(2026 - 11 - 24)), TODAY);
        assert_eq!(late.due.as_deref(), Some("uiterlijk 24-11-2026 · 1 dag te laat"));
        assert!(late.late);
        let en = line(Lang::En, 2, &answer(date!(2026 - 11 - 22)), TODAY);
        assert_eq!(en.text, "Give your answer to “Huurbeleid 2027” from Woonstad");
        assert_eq!(en.due.as_deref(), Some("by 22-11-2026 · 3 days late"));
        let today = line(nl, 2, &answer(TODAY), TODAY);
        assert_eq!(today.due.as_deref(), Some("uiterlijk 25-11-2026 · vandaag"));
    }

    #[test]
    fn a_deadline_no_decree_settles_yet_says_so() {
        let not_yet = answer(date!(2029 - 01 - 12)).undecreed(Some(Undecreed::NotYet));
        let shown = line(Lang::Nl, 2, &not_yet, TODAY).due;
        assert_eq!(shown.as_deref(), Some("uiterlijk 12-01-2029 (nog niet vastgesteld) · nog 779 dagen"));
        let en = line(Lang::En, 2, &not_yet, TODAY).due;
        assert_eq!(en.as_deref(), Some("by 12-01-2029 (not yet decreed) · 779 days left"));
        let unknown = answer(date!(2022 - 05 - 30)).undecreed(Some(Undecreed::Unknown));
        let shown = line(Lang::Nl, 2, &unknown, TODAY).due;
        assert!(shown
            .as_deref()
            .is_some_and(|s| s.starts_with("uiterlijk 30-05-2022 (geen gelijkstellingsbesluit bekend) · ")));
    }

    #[test]
    fn counts_read_in_the_singular_and_plural() {
        let nl = Lang::Nl;
        let requests = |count| {
            let fact = Fact::JoinRequests { group_id: 9, name: "Bewonerscommissie De Linde".into(), count };
            line(nl, 2, &Todo::new(Kind::JoinRequest, Side::Ours, None, fact), TODAY)
        };
        assert_eq!(requests(1).text, "1 nieuwe aanmelding voor Bewonerscommissie De Linde");
        assert_eq!(requests(3).text, "3 nieuwe aanmeldingen voor Bewonerscommissie De Linde");
        assert_eq!(requests(3).href, "/orgs/2/participatie/groepen/9");
        assert_eq!(requests(3).due, None);
    }

    #[test]
    fn the_other_sides_move_is_marked_and_imports_lead_to_their_run() {
        let nl = Lang::Nl;
        let fact = Fact::WaitDecision { case_id: 5, title: "Huurbeleid 2027".into(), party: "Woonstad".into() };
        let wait = line(nl, 2, &Todo::new(Kind::Deadline, Side::Theirs, Some(date!(2026 - 11 - 29)), fact), TODAY);
        assert!(wait.theirs);
        assert_eq!(wait.text, "Woonstad besluit over uw antwoord op “Huurbeleid 2027”");
        let fact = Fact::ImportErrors { report_id: 3, at: TODAY, file: Some((12, "fout.csv".into(), 2)) };
        let import = line(nl, 1, &Todo::new(Kind::Import, Side::Ours, None, fact), TODAY);
        assert_eq!(import.href, "/orgs/1/stock/import/runs/12");
        assert!(import.text.starts_with("fout.csv had 2 fouten"), "{}", import.text);
    }

    #[test]
    fn an_empty_platform_starts_with_its_first_organisation() {
        let first = line(Lang::Nl, 0, &Todo::new(Kind::Platform, Side::Ours, None, Fact::NoOrganisation), TODAY);
        assert_eq!(first.href, "/admin/orgs/new");
        assert!(first.text.starts_with("Maak de eerste organisatie aan"), "{}", first.text);
        assert_eq!(first.due, None);
    }

    #[test]
    fn a_blind_spot_names_its_complex_before_the_code() {
        let spot = |name: Option<&str>, code: &str| {
            let fact = Fact::BlindSpot { corporation_id: 1, code: code.into(), name: name.map(Into::into), homes: 190 };
            line(Lang::Nl, 1, &Todo::new(Kind::Participation, Side::Ours, None, fact), TODAY).text
        };
        assert_eq!(spot(Some("Hanzehof"), "CPX000014"), "Hanzehof (CPX000014): 190 woningen zonder stem");
        assert_eq!(spot(None, "CPX000015"), "CPX000015: 190 woningen zonder stem");
        assert!(spot(None, "").ends_with(": 190 woningen zonder stem"), "units outside a complex");
    }
}
