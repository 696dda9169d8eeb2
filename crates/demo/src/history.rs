//! The demo's past: every event is dated relative to the day the demo is filled (the seed day), so a fresh demo
//! always shows cases that started weeks ago, groups founded years ago and an import of last month, with deadlines
//! both ahead and just passed.

use std::collections::HashMap;
use time::{Date, Duration, OffsetDateTime, Time};
use volkshuis_domain::calendar::dutch_date;
use volkshuis_store::audit::Actor;

/// The seed day and the people who act in the demo's history.
#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    /// The moment the demo is filled.
    now: OffsetDateTime,
    /// The seed day (Dutch date of `now`).
    pub(crate) today: Date,
    /// Demo users by e-mail: their id and name, for actors.
    people: HashMap<&'static str, (i64, String)>,
}

impl Timeline {
    /// A timeline whose seed day is the Dutch date of `now`.
    pub(crate) fn new(now: OffsetDateTime) -> Self {
        Self { now, today: dutch_date(now), people: HashMap::new() }
    }

    /// Remembers a demo user, so events can be theirs.
    pub(crate) fn add_person(&mut self, email: &'static str, id: i64, name: &str) {
        self.people.insert(email, (id, name.to_owned()));
    }

    /// The day `days` before the seed day.
    pub(crate) fn days_ago(&self, days: i64) -> Date {
        self.today - Duration::days(days)
    }

    /// The first day of the month `months` before the seed day's month.
    pub(crate) fn first_of_month_ago(&self, months: i32) -> Date {
        let index = self.today.year() * 12 + i32::from(u8::from(self.today.month())) - 1 - months;
        let month = time::Month::try_from((index.rem_euclid(12) + 1) as u8).unwrap_or(time::Month::January);
        Date::from_calendar_date(index.div_euclid(12), month, 1).unwrap_or(self.today)
    }

    /// `hour` o'clock (Dutch office hours, stored as UTC an hour earlier) on `date`, never later than the moment the
    /// demo is filled: an event of the seed day itself cannot lie ahead of it.
    pub(crate) fn at(&self, date: Date, hour: u8) -> OffsetDateTime {
        let time = Time::from_hms(hour.saturating_sub(1).min(23), 0, 0).unwrap_or(Time::MIDNIGHT);
        date.with_time(time).assume_utc().min(self.now)
    }

    /// The demo user `email` acting at `hour` on `date`; the system ("demo") when the user is unknown.
    pub(crate) fn by(&self, email: &str, date: Date, hour: u8) -> Actor {
        let at = self.at(date, hour);
        match self.people.get(email) {
            Some((id, name)) => Actor { user_id: Some(*id), label: name.clone(), request_id: None, at },
            None => Actor::system("demo", at),
        }
    }

    /// The system ("demo") acting at `hour` on `date`.
    pub(crate) fn system(&self, date: Date, hour: u8) -> Actor {
        Actor::system("demo", self.at(date, hour))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn dates_count_back_from_the_seed_day_and_never_pass_its_moment() {
        let mut timeline = Timeline::new(datetime!(2026-12-04 08:30 UTC));
        assert_eq!(timeline.today, time::macros::date!(2026 - 12 - 04));
        assert_eq!(timeline.days_ago(10), time::macros::date!(2026 - 11 - 24));
        assert_eq!(timeline.first_of_month_ago(20), time::macros::date!(2025 - 04 - 01));
        assert_eq!(timeline.first_of_month_ago(11), time::macros::date!(2026 - 01 - 01));
        assert_eq!(timeline.first_of_month_ago(12), time::macros::date!(2025 - 12 - 01));
        assert_eq!(timeline.at(timeline.days_ago(1), 14), datetime!(2026-12-03 13:00 UTC));
        assert_eq!(timeline.at(timeline.today, 14), datetime!(2026-12-04 08:30 UTC), "not ahead of now");
        timeline.add_person("admin@woonstad.test", 2, "Anna de Vries");
        let anna = timeline.by("admin@woonstad.test", timeline.days_ago(30), 10);
        assert_eq!((anna.user_id, anna.label.as_str()), (Some(2), "Anna de Vries"));
        assert_eq!(timeline.by("nobody@example.nl", timeline.today, 9).user_id, None);
    }
}
