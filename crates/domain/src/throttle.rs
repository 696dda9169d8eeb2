//! Throttling by growing delays: each counted event (a failed login, a reset mail, a public lookup) after a few free
//! ones makes the next attempt wait longer, up to a ceiling. Nothing is ever locked: a delay always ends, and it
//! applies only to the key that earned it (ADR 0028).

use time::{Duration, OffsetDateTime};

/// What is counted, and for which key. Each namespace has its own rule, and events in one never count in another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// Failed logins for one account *from one client address* (the pair), so a stranger's failures never slow the
    /// owner down elsewhere.
    LoginAccount,
    /// Failed logins from one client address, whatever the account (one address trying many accounts).
    LoginAddress,
    /// Join requests on the public page, per client address.
    Join,
    /// Password-reset mails asked for one typed e-mail address (known or not, so the answer tells nothing).
    ResetAccount,
    /// Password-reset requests from one client address.
    ResetAddress,
    /// Public address lookups, per client address.
    Lookup,
    /// Calendar-feed fetches, per feed: a client that polls far more often than calendar apps do is slowed down.
    CalendarFeed,
    /// Calendar-feed requests with an unknown or revoked secret, per client address.
    CalendarGuess,
}

impl Namespace {
    /// Every namespace, for housekeeping.
    pub const ALL: [Namespace; 8] = [
        Namespace::LoginAccount,
        Namespace::LoginAddress,
        Namespace::Join,
        Namespace::ResetAccount,
        Namespace::ResetAddress,
        Namespace::Lookup,
        Namespace::CalendarFeed,
        Namespace::CalendarGuess,
    ];

    /// The stored name.
    pub fn code(self) -> &'static str {
        match self {
            Namespace::LoginAccount => "login-account",
            Namespace::LoginAddress => "login-address",
            Namespace::Join => "join",
            Namespace::ResetAccount => "reset-account",
            Namespace::ResetAddress => "reset-address",
            Namespace::Lookup => "lookup",
            Namespace::CalendarFeed => "calendar-feed",
            Namespace::CalendarGuess => "calendar-guess",
        }
    }

    /// The rule for this namespace.
    pub fn rule(self) -> DelayRule {
        match self {
            // The owner mistyping a few times waits seconds (and a success forgets them); a guesser on that pair
            // soon waits a quarter of an hour per try, for as long as a day of failures counts: ~100 tries a day.
            Namespace::LoginAccount => DelayRule {
                free: 3,
                first: Duration::seconds(5),
                max: Duration::minutes(15),
                window: Duration::days(1),
            },
            // An office behind one address makes honest mistakes on many accounts: more free failures.
            Namespace::LoginAddress => DelayRule {
                free: 10,
                first: Duration::seconds(5),
                max: Duration::minutes(15),
                window: Duration::hours(1),
            },
            // Five requests, then a minute's wait, then two, four, …
            Namespace::Join => {
                DelayRule { free: 4, first: Duration::minutes(1), max: Duration::hours(1), window: Duration::hours(1) }
            }
            // One mail, then one more a minute later (the first went to spam), then growing waits.
            Namespace::ResetAccount => {
                DelayRule { free: 1, first: Duration::minutes(1), max: Duration::hours(1), window: Duration::hours(1) }
            }
            Namespace::ResetAddress => {
                DelayRule { free: 5, first: Duration::minutes(1), max: Duration::hours(1), window: Duration::hours(1) }
            }
            // A tenant checks their own address and perhaps a neighbour's; listing a corporation's stock needs
            // thousands.
            Namespace::Lookup => DelayRule {
                free: 20,
                first: Duration::seconds(2),
                max: Duration::minutes(10),
                window: Duration::minutes(30),
            },
            // Calendar apps fetch a subscription every 5 minutes at the most (Apple's shortest setting), Outlook and
            // Google every few hours: a dozen an hour is free, a script polling every second soon waits an hour.
            Namespace::CalendarFeed => {
                DelayRule { free: 12, first: Duration::minutes(1), max: Duration::hours(1), window: Duration::hours(1) }
            }
            // A revoked feed that a client still polls fails now and then; a guesser fails thousands of times.
            Namespace::CalendarGuess => DelayRule {
                free: 10,
                first: Duration::seconds(5),
                max: Duration::minutes(15),
                window: Duration::hours(1),
            },
        }
    }
}

/// A growing-delay rule: the first `free` events in the window cost nothing; after that, the n-th event makes the
/// next attempt wait `first · 2^(n − free − 1)` after it, at most `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DelayRule {
    /// Events in the window that cost no delay.
    pub free: usize,
    /// The delay after the first event beyond the free ones.
    pub first: Duration,
    /// The longest delay.
    pub max: Duration,
    /// How far back events count; at least `max`, so a capped delay still counts its own event.
    pub window: Duration,
}

impl DelayRule {
    /// The delay that `events` counted events earn after the last of them.
    pub fn delay(&self, events: usize) -> Duration {
        if events <= self.free {
            return Duration::ZERO;
        }
        // 2^20 times any first delay is past every ceiling here; stop doubling there so nothing overflows.
        let doublings = u32::try_from(events - self.free - 1).unwrap_or(u32::MAX).min(20);
        (self.first * 2_i32.pow(doublings)).min(self.max)
    }

    /// When the next attempt may be made, given the times of past events (any order), or `None` when it may be made
    /// now. Events older than the window, or later than `now`, do not count.
    pub fn wait_until(&self, events: &[OffsetDateTime], now: OffsetDateTime) -> Option<OffsetDateTime> {
        let recent: Vec<OffsetDateTime> =
            events.iter().copied().filter(|t| *t > now - self.window && *t <= now).collect();
        let last = recent.iter().copied().max()?;
        let until = last + self.delay(recent.len());
        (until > now).then_some(until)
    }
}

/// How many whole seconds are left until `until`, rounded up (a wait of 0.2 s reads "1 second").
pub fn seconds_left(until: OffsetDateTime, now: OffsetDateTime) -> i64 {
    let left = until - now;
    let whole = left.whole_seconds();
    if left > Duration::seconds(whole) {
        whole + 1
    } else {
        whole.max(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    const NOW: OffsetDateTime = datetime!(2026-11-25 12:00 UTC);

    fn rule() -> DelayRule {
        DelayRule { free: 3, first: Duration::seconds(5), max: Duration::minutes(15), window: Duration::hours(1) }
    }

    #[test]
    fn free_events_cost_nothing() {
        let r = rule();
        for n in 0..=3 {
            assert_eq!(r.delay(n), Duration::ZERO, "{n}");
        }
        let three = [NOW, NOW, NOW];
        assert_eq!(r.wait_until(&three, NOW), None);
        assert_eq!(r.wait_until(&[], NOW), None);
    }

    #[test]
    fn delays_double_after_the_free_events() {
        let r = rule();
        assert_eq!(r.delay(4), Duration::seconds(5));
        assert_eq!(r.delay(5), Duration::seconds(10));
        assert_eq!(r.delay(6), Duration::seconds(20));
        assert_eq!(r.delay(10), Duration::seconds(320));
    }

    #[test]
    fn delays_stop_at_the_ceiling_and_never_overflow() {
        let r = rule();
        assert_eq!(r.delay(11), Duration::seconds(640));
        assert_eq!(r.delay(12), Duration::minutes(15), "1280 s capped at 900 s");
        assert_eq!(r.delay(usize::MAX), Duration::minutes(15));
    }

    #[test]
    fn the_wait_runs_from_the_last_event() {
        let r = rule();
        let events = [NOW - Duration::minutes(3), NOW - Duration::minutes(2), NOW - Duration::minutes(1), NOW];
        assert_eq!(r.wait_until(&events, NOW), Some(NOW + Duration::seconds(5)));
        assert_eq!(r.wait_until(&events, NOW + Duration::seconds(4)), Some(NOW + Duration::seconds(5)));
        assert_eq!(r.wait_until(&events, NOW + Duration::seconds(5)), None, "the delay has passed: try again");
    }

    #[test]
    fn old_and_future_events_do_not_count() {
        let r = rule();
        let old: Vec<_> = (60..70).map(|m| NOW - Duration::minutes(m)).collect();
        assert_eq!(r.wait_until(&old, NOW), None, "exactly an hour ago is outside the window");
        let mut mixed = vec![NOW - Duration::minutes(61), NOW - Duration::minutes(2), NOW - Duration::minutes(1)];
        mixed.push(NOW);
        assert_eq!(r.wait_until(&mixed, NOW), None, "three recent events are free");
        mixed.push(NOW + Duration::minutes(5));
        assert_eq!(r.wait_until(&mixed, NOW), None, "an event stamped later than now does not count yet");
    }

    #[test]
    fn every_namespace_has_its_own_code_and_a_window_covering_its_ceiling() {
        let codes: std::collections::HashSet<_> = Namespace::ALL.iter().map(|n| n.code()).collect();
        assert_eq!(codes.len(), Namespace::ALL.len());
        for n in Namespace::ALL {
            let r = n.rule();
            assert!(r.window >= r.max, "{n:?}");
            assert!(r.first > Duration::ZERO && r.first <= r.max, "{n:?}");
        }
    }

    #[test]
    fn seconds_left_round_up() {
        assert_eq!(seconds_left(NOW + Duration::milliseconds(200), NOW), 1);
        assert_eq!(seconds_left(NOW + Duration::seconds(5), NOW), 5);
        assert_eq!(seconds_left(NOW - Duration::seconds(5), NOW), 0);
    }
}
