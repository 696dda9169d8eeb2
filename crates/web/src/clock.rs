//! The application's clock: the system time in production, a hand-moved time in tests (deadlines, expiry, jobs).

use std::sync::{Arc, Mutex};
use time::{Duration, OffsetDateTime};

/// A source of "now".
#[derive(Clone, Debug)]
pub struct Clock(Arc<Option<Mutex<OffsetDateTime>>>);

impl Clock {
    /// The real time.
    pub fn system() -> Self {
        Self(Arc::new(None))
    }

    /// A clock that stands still at `start` until moved with [`Clock::advance`].
    pub fn manual(start: OffsetDateTime) -> Self {
        Self(Arc::new(Some(Mutex::new(start))))
    }

    /// The current time (UTC).
    pub fn now(&self) -> OffsetDateTime {
        match self.0.as_ref() {
            None => OffsetDateTime::now_utc(),
            Some(at) => *at.lock().unwrap_or_else(|poisoned| poisoned.into_inner()),
        }
    }

    /// Moves a manual clock forward; a system clock ignores it.
    pub fn advance(&self, by: Duration) {
        if let Some(at) = self.0.as_ref() {
            let mut at = at.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            *at += by;
        }
    }
}
