//! The calendar feed (ADR 0034): a user makes, replaces or revokes a secret iCalendar address on
//! `/account/calendar` ([`account`]); a calendar app fetches `/calendar/<secret>.ics` without a session ([`feed`]) and
//! gets the deadlines and meetings of all the user's organisations as they stand at that moment ([`events`]).

mod account;
mod events;
mod feed;

use crate::i18n::{IcalTexts, Lang, OverlegTexts};
use crate::state::AppState;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new().merge(account::router()).merge(feed::router())
}

/// The texts a feed is written with, in the language of the user it belongs to (not of whoever fetches it).
pub(crate) struct FeedTexts {
    /// The calendar's own texts.
    pub ic: &'static IcalTexts,
    /// Overleg's, for request kinds and the rules behind deadlines.
    pub ov: &'static OverlegTexts,
}

impl FeedTexts {
    /// The texts in a language.
    pub fn of(lang: Lang) -> Self {
        Self { ic: IcalTexts::of(lang), ov: lang.overleg() }
    }
}

/// The address of a feed, to show once and paste into a calendar app.
fn feed_url(state: &AppState, secret: &str) -> String {
    format!("{}/calendar/{secret}.ics", state.config.base_url.trim_end_matches('/'))
}

/// The path of a request with a feed secret hidden, for logs: whoever reads the logs must not be able to subscribe.
pub(crate) fn redacted_path(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("/calendar/") {
        Some(rest) if !rest.is_empty() => "/calendar/…".into(),
        _ => path.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_secrets_stay_out_of_logged_paths() {
        assert_eq!(redacted_path("/calendar/vhc_abc123.ics"), "/calendar/…");
        assert_eq!(redacted_path("/calendar/vhc_abc123.ics?x=1"), "/calendar/…");
        assert_eq!(redacted_path("/account/calendar"), "/account/calendar");
        assert_eq!(redacted_path("/calendar/"), "/calendar/");
    }
}
