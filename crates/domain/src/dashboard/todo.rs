//! The lines of a dashboard and their order: the deadlines the user's own side must meet first, then what needs
//! attention without a term (places without a voice, fading groups, contracts at risk), then what others asked of
//! the organisation, then what the other side still has to do.

use crate::calendar::Undecreed;
use time::Date;

/// Whose move a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The organisation the dashboard is for has to act.
    Ours,
    /// The other party has to act; the line says what the organisation waits for.
    Theirs,
}

/// What kind of work a line is. The declaration order is not the urgency: see [`Todo::rank`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A term that ends on a date: an Overleg answer or decision, a social-return report, a budget account.
    Deadline,
    /// Participation: tenants without a voice, a group without activity, a members' meeting missed.
    Participation,
    /// A social-return contract that will not meet its obligation at its pace, or that ended short.
    AtRisk,
    /// A question or request put to the organisation: a question about a case, contributions or a message to
    /// approve, a partnership to accept.
    Question,
    /// Tenants asked to join a group.
    JoinRequest,
    /// A stock import found errors.
    Import,
    /// Upkeep of the platform itself (platform administrators): mail that failed, a decree still to enter, an
    /// organisation without an administrator.
    Platform,
}

/// One line of a dashboard: what it is, whose move, its due date if it has one, how many things it stands for, and
/// the caller's payload (what to say and where to link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo<T> {
    /// What kind of work.
    pub kind: Kind,
    /// Whose move.
    pub side: Side,
    /// The last day, where a term applies.
    pub due: Option<Date>,
    /// Why no decree settles the last day yet, where none does (RULES.md: such a day is shown as not yet settled).
    pub undecreed: Option<Undecreed>,
    /// How many things the line stands for (three join requests for one group are one line of three).
    pub count: u32,
    /// What the caller shows.
    pub item: T,
}

impl<T> Todo<T> {
    /// A line for one thing.
    pub fn new(kind: Kind, side: Side, due: Option<Date>, item: T) -> Self {
        Self { kind, side, due, undecreed: None, item, count: 1 }
    }

    /// The same line, its last day marked as not settled by a decree where `undecreed` says so.
    pub fn undecreed(self, undecreed: Option<Undecreed>) -> Self {
        Self { undecreed, ..self }
    }

    /// The same line standing for `count` things.
    pub fn times(self, count: u32) -> Self {
        Self { count, ..self }
    }

    /// The urgency group, lowest first: the own side's deadlines; participation; contracts at risk; questions and
    /// requests to answer; join requests; imports with errors; platform upkeep; and last whatever waits for the
    /// other side (its deadline is not ours to meet, however near).
    pub fn rank(&self) -> u8 {
        match (self.side, self.kind) {
            (Side::Theirs, _) => 7,
            (Side::Ours, Kind::Deadline) => 0,
            (Side::Ours, Kind::Participation) => 1,
            (Side::Ours, Kind::AtRisk) => 2,
            (Side::Ours, Kind::Question) => 3,
            (Side::Ours, Kind::JoinRequest) => 4,
            (Side::Ours, Kind::Import) => 5,
            (Side::Ours, Kind::Platform) => 6,
        }
    }
}

/// Orders lines by urgency: by [`Todo::rank`], within a group the earliest due date first (so the most overdue
/// leads), lines without a date after those with one, and otherwise in the order they were gathered.
pub fn order<T>(mut items: Vec<Todo<T>>) -> Vec<Todo<T>> {
    // A stable sort keeps the gathered order among equals (a store's own order, such as worst blind spot first).
    items.sort_by_key(|t| (t.rank(), t.due.is_none(), t.due));
    items
}

/// Where a due date stands on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The last day has passed, this many days ago.
    Late(i64),
    /// Today is the last day.
    Today,
    /// This many days are left after today.
    Left(i64),
}

impl Due {
    /// The state of a due date on `today`.
    pub fn on(due: Date, today: Date) -> Self {
        let days = (due - today).whole_days();
        match days {
            0 => Due::Today,
            d if d < 0 => Due::Late(-d),
            d => Due::Left(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn line(kind: Kind, side: Side, due: Option<Date>, name: &'static str) -> Todo<&'static str> {
        Todo::new(kind, side, due, name)
    }

    fn names(items: Vec<Todo<&'static str>>) -> Vec<&'static str> {
        order(items).into_iter().map(|t| t.item).collect()
    }

    #[test]
    fn a_tenant_boards_own_answer_comes_before_the_corporations_nearer_decision() {
        // De Sleutel's list as it was: the corporation's reply due in 4 days came first.
        let items = vec![
            line(Kind::Deadline, Side::Theirs, Some(date!(2026 - 11 - 29)), "corporation decides rent policy"),
            line(Kind::Deadline, Side::Ours, Some(date!(2026 - 12 - 27)), "we advise on De Linde"),
            line(Kind::Deadline, Side::Ours, Some(date!(2026 - 12 - 07)), "we consent to service costs"),
        ];
        assert_eq!(
            names(items),
            ["we consent to service costs", "we advise on De Linde", "corporation decides rent policy"]
        );
    }

    #[test]
    fn groups_follow_the_order_of_urgency() {
        let items = vec![
            line(Kind::Import, Side::Ours, None, "import"),
            line(Kind::JoinRequest, Side::Ours, None, "join"),
            line(Kind::Question, Side::Ours, None, "question"),
            line(Kind::Platform, Side::Ours, None, "platform"),
            line(Kind::AtRisk, Side::Ours, None, "at risk"),
            line(Kind::Participation, Side::Ours, None, "fading"),
            line(Kind::Question, Side::Theirs, None, "their answer"),
            line(Kind::Deadline, Side::Ours, Some(date!(2027 - 06 - 01)), "far deadline"),
        ];
        assert_eq!(
            names(items),
            ["far deadline", "fading", "at risk", "question", "join", "import", "platform", "their answer"]
        );
    }

    #[test]
    fn within_a_group_the_most_overdue_leads_and_undated_lines_keep_their_order() {
        let items = vec![
            line(Kind::Participation, Side::Ours, None, "worst blind spot"),
            line(Kind::Deadline, Side::Ours, Some(date!(2026 - 12 - 01)), "due soon"),
            line(Kind::Participation, Side::Ours, None, "second blind spot"),
            line(Kind::Deadline, Side::Ours, Some(date!(2026 - 11 - 01)), "late"),
            line(Kind::Participation, Side::Ours, Some(date!(2026 - 12 - 31)), "meeting due"),
        ];
        assert_eq!(names(items), ["late", "due soon", "meeting due", "worst blind spot", "second blind spot"]);
    }

    #[test]
    fn due_dates_read_as_late_today_or_left() {
        let today = date!(2026 - 11 - 25);
        assert_eq!(Due::on(date!(2026 - 11 - 22), today), Due::Late(3));
        assert_eq!(Due::on(today, today), Due::Today);
        assert_eq!(Due::on(date!(2026 - 11 - 26), today), Due::Left(1));
        // Across a year's end.
        assert_eq!(Due::on(date!(2027 - 01 - 01), date!(2026 - 12 - 31)), Due::Left(1));
    }

    #[test]
    fn a_line_may_stand_for_several_things() {
        let three = line(Kind::JoinRequest, Side::Ours, None, "group").times(3);
        assert_eq!(three.count, 3);
        assert_eq!(three.rank(), 4);
    }
}
