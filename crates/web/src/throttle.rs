//! Growing delays for anonymous or guessable requests (logins, reset mails, join requests, public lookups): the
//! checks and records a handler makes, and the wait it shows. The rule is `volkshuis_domain::throttle` (ADR 0028).

use crate::error::AppError;
use crate::i18n::Texts;
use crate::state::AppState;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use time::OffsetDateTime;
use volkshuis_domain::throttle::{seconds_left, Namespace};
use volkshuis_store::throttle;

pub(crate) use volkshuis_store::throttle::account_from;

/// A wait imposed on the request: how long, in whole seconds (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Wait {
    /// Seconds left, rounded up.
    pub seconds: i64,
}

impl Wait {
    /// The message for the user ("try again in N seconds").
    pub fn message(self, t: &Texts) -> String {
        t.throttled(self.seconds)
    }

    /// Adds `Retry-After` to a 429 answer, for clients that read it.
    pub fn mark(self, mut response: Response) -> Response {
        if let Ok(value) = HeaderValue::from_str(&self.seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

/// The longest wait any of these (namespace, subject) pairs imposes now, or `None` when the request may go ahead.
pub(crate) async fn longest_wait(state: &AppState, checks: &[(Namespace, &str)]) -> Result<Option<Wait>, AppError> {
    let now = state.clock.now();
    let mut until: Option<OffsetDateTime> = None;
    for (namespace, subject) in checks {
        until = until.max(throttle::wait_until(&state.db, *namespace, subject, now).await?);
    }
    Ok(until.map(|until| Wait { seconds: seconds_left(until, now).max(1) }))
}

/// Counts one event for each (namespace, subject) pair.
pub(crate) async fn record(state: &AppState, events: &[(Namespace, &str)]) -> Result<(), AppError> {
    let now = state.clock.now();
    for (namespace, subject) in events {
        throttle::record(&state.db, *namespace, subject, now).await?;
    }
    Ok(())
}

/// Forgets a subject's events in one namespace.
pub(crate) async fn clear(state: &AppState, namespace: Namespace, subject: &str) -> Result<(), AppError> {
    Ok(throttle::clear(&state.db, namespace, subject).await?)
}
