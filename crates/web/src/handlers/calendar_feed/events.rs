//! What a user's calendar feed lists, decided at every fetch: for each organisation the user is a member of *now*,
//! the dated duties its pages show — overleg deadlines, meetings and budgets for a corporation or tenant
//! organisation, social-return dates for any other party to a contract — read through a [`ReadScope`] granted by
//! the same check the pages make ([`access::grant`] with [`View`]). A membership removed since the last fetch is
//! simply not there, so its items are gone.
//!
//! A platform administrator's feed lists their own memberships only: the right to open every organisation's pages
//! is for administration, not for a calendar of the whole sector.

use super::FeedTexts;
use crate::error::AppError;
use crate::handlers::overleg::jobs::{ANSWER_REMINDERS, BUDGET_REMINDER, REPLY_REMINDER};
use crate::handlers::overleg::term_calendar;
use crate::state::AppState;
use time::{Date, Duration};
use volkshuis_domain::access::{self, Membership, ReadScope, View};
use volkshuis_domain::calendar::{dutch_date, TermCalendar, Undecreed};
use volkshuis_domain::ical::{Alarm, Calendar, Event, When};
use volkshuis_domain::money::Money;
use volkshuis_domain::org::OrgKind;
use volkshuis_domain::overleg::budget_account_deadline;
use volkshuis_domain::overleg::case::Stage;
use volkshuis_domain::overleg::Deadline;
use volkshuis_domain::socialreturn::progress::reporting_period_ends;
use volkshuis_store::orgs::Organisation;
use volkshuis_store::overleg::{self, Listing};
use volkshuis_store::socialreturn::{self, Relation};
use volkshuis_store::users::{self, User};

/// How far back dated items are listed: a calendar shows the past year too, not the whole history.
const LOOK_BACK: Duration = Duration::days(365);
/// The most open cases or contracts read per organisation; far above what one organisation has open.
const MOST: i64 = 2_000;
/// Reminders ring at 09:00 on their day: the start of an all-day event is midnight, so "n days before, at nine" is
/// n days less nine hours before it.
const NINE_O_CLOCK: Duration = Duration::hours(9);
/// How often calendar apps are asked to fetch the feed again.
const REFRESH: Duration = Duration::hours(1);

/// What the events of one organisation are built from.
struct Ctx<'a> {
    state: &'a AppState,
    texts: &'a FeedTexts,
    org: &'a Organisation,
    scope: ReadScope,
    cal: &'a TermCalendar,
    since: Date,
    /// `https://host` without a trailing slash, for links.
    base: &'a str,
    /// The host, to make ids unique to this installation (RFC 5545 advises `…@host`).
    host: &'a str,
}

impl Ctx<'_> {
    fn uid(&self, what: &str) -> String {
        format!("{what}@{}", self.host)
    }

    fn link(&self, path: &str) -> Option<String> {
        Some(format!("{}/orgs/{}{path}", self.base, self.org.id))
    }
}

/// The user's calendar as it stands now, in the user's language.
pub(super) async fn calendar_for(state: &AppState, user: &User, texts: &FeedTexts) -> Result<Calendar, AppError> {
    let cal = term_calendar(state).await?;
    let base = state.config.base_url.trim_end_matches('/');
    let host = url::Url::parse(base).ok().and_then(|u| u.host_str().map(str::to_owned));
    let host = host.unwrap_or_else(|| "volkshuis".to_owned());
    let since = dutch_date(state.clock.now()) - LOOK_BACK;
    let mut events = Vec::new();
    for (org, role) in users::organisations_of(&state.db, user.id).await? {
        // The pages' own check, for this member and this organisation, at this request.
        let membership = Membership { user_id: user.id, org_id: org.id, role };
        let Ok(scope) = access::grant(org.id, Some(membership), View) else { continue };
        let ctx = Ctx { state, texts, org: &org, scope, cal: &cal, since, base, host: &host };
        if matches!(org.kind, OrgKind::Corporation | OrgKind::TenantOrganisation) {
            case_deadlines(&ctx, &mut events).await?;
            meetings(&ctx, &mut events).await?;
            budgets(&ctx, &mut events).await?;
        }
        if org.kind != OrgKind::TenantOrganisation {
            social_return(&ctx, &mut events).await?;
        }
    }
    Ok(Calendar { name: texts.ic.calendar_name(&user.name), refresh: REFRESH, events: tidy(events) })
}

/// Each event once (a member of both parties to a case sees it from both), by date. The copy kept carries the
/// reminders of every copy: the side that must act has them, and its copy may not be the first.
fn tidy(events: Vec<Event>) -> Vec<Event> {
    let mut kept: Vec<Event> = Vec::with_capacity(events.len());
    let mut at = std::collections::HashMap::new();
    for event in events {
        match at.get(&event.uid) {
            Some(&i) => {
                let first: &mut Event = &mut kept[i];
                for alarm in event.alarms {
                    if !first.alarms.iter().any(|a| a.before == alarm.before) {
                        first.alarms.push(alarm);
                    }
                }
                first.alarms.sort_by_key(|a| std::cmp::Reverse(a.before));
            }
            None => {
                at.insert(event.uid.clone(), kept.len());
                kept.push(event);
            }
        }
    }
    kept.sort_by(|a, b| (day_of(&a.when), &a.uid).cmp(&(day_of(&b.when), &b.uid)));
    kept
}

fn day_of(when: &When) -> Date {
    match *when {
        When::AllDay(date) | When::Local { date, .. } => date,
    }
}

/// Reminders n days before an all-day event, at nine.
fn alarms(days: &[i64], summary: &str, texts: &FeedTexts) -> Vec<Alarm> {
    days.iter()
        .map(|&n| Alarm { before: Duration::days(n) - NINE_O_CLOCK, text: texts.ic.alarm_days(n, summary) })
        .collect()
}

/// A deadline's summary and the lines explaining it: the rule, and "not yet decreed" (or "no decree known", before
/// the first decree the platform knows) where a decree may move it.
fn deadline_text(texts: &FeedTexts, summary: String, who: String, deadline: &Deadline) -> (String, String) {
    let mut description = vec![who, texts.ov.rule(&deadline.rule)];
    let summary = match deadline.provisional {
        None => summary,
        Some(Undecreed::NotYet) => {
            description.push(texts.ic.not_decreed_explained.to_owned());
            texts.ic.not_decreed(summary)
        }
        Some(Undecreed::Unknown) => {
            description.push(texts.ic.no_decree_explained.to_owned());
            texts.ic.no_decree(summary)
        }
    };
    (summary, description.join("\n"))
}

/// The next deadline of every open case: the organisation's answer, or the corporation's decision and reply.
async fn case_deadlines(ctx: &Ctx<'_>, out: &mut Vec<Event>) -> Result<(), AppError> {
    let (ic, ov) = (ctx.texts.ic, ctx.texts.ov);
    let we_are_corporation = ctx.org.kind == OrgKind::Corporation;
    for case in overleg::list(&ctx.state.db, &ctx.scope, Listing::Open, MOST).await? {
        let Some(deadline) = case.facts.next(ctx.cal) else { continue };
        let (corporation, tenant) = if we_are_corporation {
            (ctx.org.name.as_str(), case.other_party.as_str())
        } else {
            (case.other_party.as_str(), ctx.org.name.as_str())
        };
        // The side that must act gets the reminders its mails come with (`overleg::jobs`).
        let (what, summary, who, reminders): (&str, _, _, &[i64]) = match case.facts.stage() {
            Stage::AwaitingAnswer => (
                "answer",
                ic.answer_due(&case.title),
                ic.answer_who(corporation, ov.kind(case.facts.kind), tenant),
                if we_are_corporation { &[] } else { &ANSWER_REMINDERS },
            ),
            Stage::AwaitingDecision => (
                "reply",
                ic.reply_due(&case.title),
                ic.reply_who(corporation, tenant),
                if we_are_corporation { &[REPLY_REMINDER] } else { &[] },
            ),
            Stage::Informed | Stage::Closed => continue,
        };
        let (summary, description) = deadline_text(ctx.texts, summary, who, &deadline);
        out.push(Event {
            uid: ctx.uid(&format!("overleg-case-{}-{what}", case.id)),
            when: When::AllDay(deadline.date),
            alarms: alarms(reminders, &summary, ctx.texts),
            summary,
            description,
            location: None,
            url: ctx.link(&format!("/overleg/{}", case.id)),
            busy: false,
        });
    }
    Ok(())
}

/// The consultation meetings since [`LOOK_BACK`]: at their hours and place once planned, else on their day.
async fn meetings(ctx: &Ctx<'_>, out: &mut Vec<Event>) -> Result<(), AppError> {
    let ic = ctx.texts.ic;
    for meeting in overleg::meetings_from(&ctx.state.db, &ctx.scope, ctx.since).await? {
        let (corporation, tenant) = if meeting.corporation_id == ctx.org.id {
            (ctx.org.name.as_str(), meeting.other_party.as_str())
        } else {
            (meeting.other_party.as_str(), ctx.org.name.as_str())
        };
        let mut description = ic.meeting_who(corporation, tenant);
        let when = match meeting.hours {
            Some((starts, ends)) => When::Local { date: meeting.held_on, starts, ends },
            None => {
                description.push('\n');
                description.push_str(ic.meeting_hour_unknown);
                When::AllDay(meeting.held_on)
            }
        };
        out.push(Event {
            uid: ctx.uid(&format!("overleg-meeting-{}", meeting.id)),
            when,
            summary: ic.meeting_summary(&meeting.other_party, &meeting.title),
            description,
            location: meeting.place,
            url: ctx.link(&format!("/overleg/vergaderingen/{}", meeting.id)),
            // A meeting with its hours takes the evening; one on a day without hours should not block the day.
            busy: meeting.hours.is_some(),
            alarms: Vec::new(),
        });
    }
    Ok(())
}

/// The yearly budgets still to be accounted for (art. 7 Overlegwet: two months after the year).
async fn budgets(ctx: &Ctx<'_>, out: &mut Vec<Event>) -> Result<(), AppError> {
    let ic = ctx.texts.ic;
    for budget in overleg::unaccounted_budgets(&ctx.state.db, &ctx.scope).await? {
        let deadline = budget_account_deadline(ctx.cal, budget.year);
        if deadline.date < ctx.since {
            continue;
        }
        let we_account = budget.tenant_org_id == ctx.org.id;
        let other = if we_account { budget.corporation_id } else { budget.tenant_org_id };
        let who = ic.budget_who(&budget.corporation_name, &budget.tenant_org_name, budget.year);
        let (summary, description) = deadline_text(ctx.texts, ic.budget_due(budget.year), who, &deadline);
        let reminders: &[i64] = if we_account { &[BUDGET_REMINDER] } else { &[] };
        out.push(Event {
            uid: ctx.uid(&format!("overleg-budget-{}-{}-{}", budget.corporation_id, budget.tenant_org_id, budget.year)),
            when: When::AllDay(deadline.date),
            alarms: alarms(reminders, &summary, ctx.texts),
            summary,
            description,
            location: None,
            url: ctx.link(&format!("/overleg/budget/{other}/{}", budget.year)),
            busy: false,
        });
    }
    Ok(())
}

/// Social return, for a buyer, supplier or coordinator of a contract not yet settled: the supplier's reporting
/// dates while the obligation is unmet (for the supplier and the coordinator, who follows its reports), the
/// contract's last day and the end of a repair period (for all three).
async fn social_return(ctx: &Ctx<'_>, out: &mut Vec<Event>) -> Result<(), AppError> {
    let ic = ctx.texts.ic;
    for contract in socialreturn::contracts(&ctx.state.db, &ctx.scope, MOST).await? {
        if contract.settled_on.is_some() {
            continue;
        }
        let owed = Money::from_cents((contract.obligation_amount.cents() - contract.approved.cents()).max(0));
        let who = ic.sr_who(&contract.buyer_name, owed, &contract.supplier_name);
        let url = ctx.link(&format!("/sr/contracten/{}", contract.id));
        let mut dated = Vec::new();
        if owed.cents() > 0 && contract.relation != Relation::Buyer {
            for end in reporting_period_ends(contract.starts_on, contract.ends_on, &contract.cadence) {
                dated.push((format!("report-{}", end), end, ic.sr_report_due(&contract.title)));
            }
        }
        dated.push(("end".to_owned(), contract.ends_on, ic.sr_contract_ends(&contract.title)));
        if let Some(until) = contract.repair_until {
            dated.push(("repair".to_owned(), until, ic.sr_repair_ends(&contract.title)));
        }
        for (what, date, summary) in dated.into_iter().filter(|(_, date, _)| *date >= ctx.since) {
            out.push(Event {
                uid: ctx.uid(&format!("sr-contract-{}-{what}", contract.id)),
                when: When::AllDay(date),
                summary,
                description: who.clone(),
                location: None,
                url: url.clone(),
                busy: false,
                alarms: Vec::new(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn deadline(uid: &str, reminders: &[i64]) -> Event {
        Event {
            uid: uid.into(),
            when: When::AllDay(date!(2026 - 12 - 14)),
            summary: "Advies: Huurbeleid 2027".into(),
            description: String::new(),
            location: None,
            url: None,
            busy: false,
            alarms: reminders
                .iter()
                .map(|&n| Alarm { before: Duration::days(n) - NINE_O_CLOCK, text: format!("{n} dagen") })
                .collect(),
        }
    }

    #[test]
    fn a_member_of_both_parties_gets_one_event_with_the_acting_sides_reminders() {
        // The corporation's copy comes first (its organisation's name sorts first) and has no reminders.
        let events = vec![deadline("case-4", &[]), deadline("case-9", &[7]), deadline("case-4", &[7, 2])];
        let tidy = tidy(events);
        assert_eq!(tidy.iter().map(|e| e.uid.as_str()).collect::<Vec<_>>(), ["case-4", "case-9"]);
        let days: Vec<i64> = tidy[0].alarms.iter().map(|a| (a.before + NINE_O_CLOCK).whole_days()).collect();
        assert_eq!(days, [7, 2], "both reminders, the earliest first");
        let twice = tidy_again(tidy.clone());
        assert_eq!(twice[0].alarms.len(), 2, "no reminder doubled");
    }

    fn tidy_again(mut events: Vec<Event>) -> Vec<Event> {
        let copy = events[0].clone();
        events.push(copy);
        tidy(events)
    }
}
