//! Notices of what the other side did: how a user wants them by mail, and when the daily digest goes out.
//!
//! The digest goes out at [`DIGEST_HOUR`] in the Netherlands, every day: volunteers on a tenant board read their mail
//! in the evening, after work, and 18:00 is late enough to hold a working day's steps and early enough to act on
//! them that evening (ADR 0033). The hour is Dutch wall-clock time, so it moves in UTC with summer time.

pub use crate::calendar::dutch_offset;
use crate::calendar::{SUMMER, WINTER};
use crate::text::TextError;
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// How a user wants to hear by mail of what the other side did. The in-app notice appears whatever is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MailChoice {
    /// A mail for every step, as it happens (the default: nobody misses a deadline by not choosing).
    #[default]
    Immediate,
    /// One mail a day with everything since the last one, at [`DIGEST_HOUR`].
    Digest,
    /// No mail; the notices are in the app only.
    Never,
}

impl MailChoice {
    /// Every choice, in the order a form shows them.
    pub const ALL: [MailChoice; 3] = [MailChoice::Immediate, MailChoice::Digest, MailChoice::Never];

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            MailChoice::Immediate => "immediate",
            MailChoice::Digest => "digest",
            MailChoice::Never => "none",
        }
    }

    /// Parses a stable code (see [`MailChoice::code`]).
    pub fn parse(code: &str) -> Result<Self, TextError> {
        let code = code.trim();
        if code.is_empty() {
            return Err(TextError::Required);
        }
        Self::ALL.into_iter().find(|c| c.code() == code).ok_or(TextError::Format)
    }
}

/// The hour (Dutch time) at which the daily digest goes out.
pub const DIGEST_HOUR: u8 = 18;

/// The moment a Dutch wall-clock time on a date happens. A time that happens twice (02:30 on the night summer time
/// ends) is its first occurrence; a time that does not happen (02:30 on the night it starts) is taken an hour on,
/// as a clock put forward shows it.
pub fn dutch_moment(date: Date, time: Time) -> OffsetDateTime {
    let local = PrimitiveDateTime::new(date, time);
    for offset in [SUMMER, WINTER] {
        let candidate = local.assume_offset(offset);
        if dutch_offset(candidate) == offset {
            return candidate.to_offset(UtcOffset::UTC);
        }
    }
    local.assume_offset(WINTER).to_offset(UtcOffset::UTC)
}

/// The next digest moment strictly after `now`: today at [`DIGEST_HOUR`] Dutch time if that is still to come, else
/// tomorrow's. A run that happens at the hour itself schedules the next day's, so a digest never repeats.
pub fn next_digest_at(now: OffsetDateTime) -> OffsetDateTime {
    let hour = Time::from_hms(DIGEST_HOUR, 0, 0).unwrap_or(Time::MIDNIGHT);
    let today = now.to_offset(dutch_offset(now)).date();
    let at = dutch_moment(today, hour);
    if at > now {
        at
    } else {
        dutch_moment(today.next_day().unwrap_or(today), hour)
    }
}

/// The Dutch date of a digest moment, which names the day's digest (one per user per day).
pub fn digest_day(at: OffsetDateTime) -> Date {
    at.to_offset(dutch_offset(at)).date()
}

/// How long a notice waits at most for its digest: a day, an hour more across the night summer time ends.
pub const LONGEST_WAIT: Duration = Duration::hours(25);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::dutch_date;
    use time::macros::{date, datetime, time};

    #[test]
    fn choices_round_trip_and_default_to_immediate() {
        for choice in MailChoice::ALL {
            assert_eq!(MailChoice::parse(choice.code()), Ok(choice));
        }
        assert_eq!(MailChoice::default(), MailChoice::Immediate);
        assert_eq!(MailChoice::parse(" digest "), Ok(MailChoice::Digest));
        assert_eq!(MailChoice::parse(""), Err(TextError::Required));
        assert_eq!(MailChoice::parse("weekly"), Err(TextError::Format));
    }

    #[test]
    fn the_digest_goes_out_at_six_in_the_evening_dutch_time() {
        // Winter (UTC+1): 18:00 is 17:00 UTC.
        assert_eq!(next_digest_at(datetime!(2026-11-25 10:00 UTC)), datetime!(2026-11-25 17:00 UTC));
        // Summer (UTC+2): 18:00 is 16:00 UTC.
        assert_eq!(next_digest_at(datetime!(2026-07-01 10:00 UTC)), datetime!(2026-07-01 16:00 UTC));
    }

    #[test]
    fn at_or_after_the_hour_it_is_tomorrows() {
        assert_eq!(next_digest_at(datetime!(2026-11-25 16:59:59 UTC)), datetime!(2026-11-25 17:00 UTC));
        assert_eq!(next_digest_at(datetime!(2026-11-25 17:00 UTC)), datetime!(2026-11-26 17:00 UTC));
        assert_eq!(next_digest_at(datetime!(2026-11-25 20:00 UTC)), datetime!(2026-11-26 17:00 UTC));
        // 00:30 on the 26th in the Netherlands is still the 25th in UTC: the next digest is the 26th's.
        assert_eq!(next_digest_at(datetime!(2026-11-25 23:30 UTC)), datetime!(2026-11-26 17:00 UTC));
    }

    #[test]
    fn summer_time_moves_the_hour_in_utc() {
        // Saturday 28 March 2026, 18:30 CET; summer time starts that night: Sunday's 18:00 is 16:00 UTC.
        assert_eq!(next_digest_at(datetime!(2026-03-28 17:30 UTC)), datetime!(2026-03-29 16:00 UTC));
        // Sunday 29 March, 01:30 CET, before the switch at 01:00 UTC.
        assert_eq!(next_digest_at(datetime!(2026-03-29 00:30 UTC)), datetime!(2026-03-29 16:00 UTC));
        // Saturday 24 October 2026, 18:30 CEST; summer time ends that night: Sunday's 18:00 is 17:00 UTC.
        assert_eq!(next_digest_at(datetime!(2026-10-24 16:30 UTC)), datetime!(2026-10-25 17:00 UTC));
        assert_eq!(next_digest_at(datetime!(2026-10-24 15:59 UTC)), datetime!(2026-10-24 16:00 UTC));
    }

    #[test]
    fn wall_clock_times_that_happen_twice_or_never() {
        // 25 October 2026: 02:30 happens at 00:30 UTC (summer) and again at 01:30 UTC; the first counts.
        assert_eq!(dutch_moment(date!(2026 - 10 - 25), time!(02:30)), datetime!(2026-10-25 00:30 UTC));
        // 29 March 2026: clocks jump from 02:00 to 03:00; 02:30 is read as 03:30 CEST.
        assert_eq!(dutch_moment(date!(2026 - 03 - 29), time!(02:30)), datetime!(2026-03-29 01:30 UTC));
    }

    #[test]
    fn every_moment_of_two_years_finds_the_next_digest_within_a_day() {
        let mut now = datetime!(2026-01-01 00:00 UTC);
        while now < datetime!(2028-01-01 00:00 UTC) {
            let next = next_digest_at(now);
            assert!(next > now && next - now <= LONGEST_WAIT, "{now} → {next}");
            let local = next.to_offset(dutch_offset(next));
            assert_eq!((local.hour(), local.minute()), (DIGEST_HOUR, 0), "{now} → {next}");
            // The offset agrees with the calendar's Dutch date, one rule for both.
            assert_eq!(now.to_offset(dutch_offset(now)).date(), dutch_date(now), "{now}");
            assert_eq!(digest_day(next), dutch_date(next));
            now += Duration::minutes(37);
        }
    }
}
