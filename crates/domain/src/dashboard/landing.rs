//! Which organisation a user in several lands on: the one they chose last, while they are still a member of it;
//! otherwise the one where work waits for them.

use super::todo::{Kind, Side, Todo};
use time::Date;

/// The work that waits for an organisation: things someone else is waiting on it for.
///
/// Participation, contracts at risk, imports with errors and platform upkeep need attention too, but nobody waits
/// for an answer on them; counting them would send every corporation adviser to the corporation however many
/// requests wait for them at the tenant board they also sit on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkCounts {
    /// Terms the organisation must meet: Overleg answers or decisions, social-return reports, budget accounts.
    pub deadlines: u32,
    /// Of those, the ones whose last day has passed.
    pub late: u32,
    /// Questions and requests put to it: a question about a case, contributions or a message to approve, a
    /// partnership to accept.
    pub questions: u32,
    /// Tenants' join requests not yet read.
    pub join_requests: u32,
}

impl WorkCounts {
    /// Counts the lines that wait for the organisation on `today`.
    pub fn tally<T>(items: &[Todo<T>], today: Date) -> Self {
        let mut counts = Self::default();
        for item in items.iter().filter(|t| t.side == Side::Ours) {
            match item.kind {
                Kind::Deadline => {
                    counts.deadlines += item.count;
                    if item.due.is_some_and(|due| due < today) {
                        counts.late += item.count;
                    }
                }
                Kind::Question => counts.questions += item.count,
                Kind::JoinRequest => counts.join_requests += item.count,
                Kind::Participation | Kind::AtRisk | Kind::Import | Kind::Platform => {}
            }
        }
        counts
    }

    /// How many things wait, each once: what the dashboard shows beside another organisation's name.
    pub fn total(&self) -> u32 {
        self.deadlines + self.questions + self.join_requests
    }
}

/// How much work waits, as the landing rule weighs it: every waiting thing once, a late one twice (someone has
/// waited too long already). A ranking score, not a count to show: see [`WorkCounts::total`].
pub fn work_waiting(counts: &WorkCounts) -> u32 {
    counts.deadlines + counts.late + counts.questions + counts.join_requests
}

/// One of the user's organisations as the landing rule sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// The organisation.
    pub org_id: i64,
    /// Whether the user's role there may act on its work (a read-only member's waiting work is not theirs to do).
    pub may_act: bool,
    /// What waits there.
    pub work: WorkCounts,
}

/// The organisation to land on, from the user's organisations in their usual order (by name): the remembered
/// choice while it is still one of them; otherwise the one with the most work waiting that the user may act on,
/// the first of equals (so a user with no work anywhere lands where they always did); `None` without organisations.
pub fn landing(candidates: &[Candidate], remembered: Option<i64>) -> Option<i64> {
    if let Some(chosen) = remembered.filter(|id| candidates.iter().any(|c| c.org_id == *id)) {
        return Some(chosen);
    }
    let score = |c: &Candidate| if c.may_act { work_waiting(&c.work) } else { 0 };
    let mut best: Option<&Candidate> = None;
    for candidate in candidates {
        if best.is_none_or(|b| score(candidate) > score(b)) {
            best = Some(candidate);
        }
    }
    best.map(|c| c.org_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 25);

    fn waiting(deadlines: u32) -> WorkCounts {
        WorkCounts { deadlines, ..Default::default() }
    }

    fn member(org_id: i64, work: WorkCounts) -> Candidate {
        Candidate { org_id, may_act: true, work }
    }

    #[test]
    fn a_board_member_lands_where_three_cases_wait_not_on_the_first_by_name() {
        // Bewonersraad Noord (id 3) comes first by name with nothing waiting; De Sleutel (id 2) has three cases.
        let orgs = [member(3, WorkCounts::default()), member(2, waiting(3))];
        assert_eq!(landing(&orgs, None), Some(2));
    }

    #[test]
    fn a_remembered_choice_wins_while_the_user_is_still_a_member() {
        let orgs = [member(3, WorkCounts::default()), member(2, waiting(3))];
        assert_eq!(landing(&orgs, Some(3)), Some(3), "the user chose Noord last time");
        assert_eq!(landing(&orgs, Some(9)), Some(2), "no longer a member of 9: the work decides");
    }

    #[test]
    fn without_work_anywhere_the_first_organisation_stays_the_landing() {
        let orgs = [member(5, WorkCounts::default()), member(4, WorkCounts::default())];
        assert_eq!(landing(&orgs, None), Some(5));
        assert_eq!(landing(&[], None), None);
        assert_eq!(landing(&[], Some(5)), None, "a remembered organisation the user left is no landing");
    }

    #[test]
    fn ties_go_to_the_first_and_read_only_work_does_not_count() {
        let orgs = [member(1, waiting(2)), member(2, waiting(2))];
        assert_eq!(landing(&orgs, None), Some(1));
        let reader = Candidate { org_id: 7, may_act: false, work: waiting(10) };
        assert_eq!(landing(&[member(1, waiting(1)), reader], None), Some(1));
    }

    #[test]
    fn late_work_weighs_double() {
        let on_time = WorkCounts { deadlines: 2, questions: 1, ..Default::default() };
        let late = WorkCounts { deadlines: 2, late: 2, ..Default::default() };
        assert_eq!((work_waiting(&on_time), work_waiting(&late)), (3, 4));
        assert_eq!(landing(&[member(1, on_time), member(2, late)], None), Some(2));
    }

    #[test]
    fn only_our_waiting_lines_are_counted() {
        let items = vec![
            Todo::new(Kind::Deadline, Side::Ours, Some(date!(2026 - 11 - 20)), ()),
            Todo::new(Kind::Deadline, Side::Ours, Some(date!(2026 - 12 - 20)), ()),
            Todo::new(Kind::Deadline, Side::Theirs, Some(date!(2026 - 11 - 20)), ()),
            Todo::new(Kind::Question, Side::Ours, None, ()),
            Todo::new(Kind::Question, Side::Theirs, None, ()),
            Todo::new(Kind::JoinRequest, Side::Ours, None, ()).times(3),
            Todo::new(Kind::Participation, Side::Ours, None, ()),
            Todo::new(Kind::AtRisk, Side::Ours, None, ()),
            Todo::new(Kind::Import, Side::Ours, None, ()),
        ];
        let counts = WorkCounts::tally(&items, TODAY);
        assert_eq!(counts, WorkCounts { deadlines: 2, late: 1, questions: 1, join_requests: 3 });
        assert_eq!(work_waiting(&counts), 7, "the late deadline weighs double in the ranking");
        assert_eq!(counts.total(), 6, "but is one thing waiting in what the user is shown");
    }
}
