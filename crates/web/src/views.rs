//! What every page shares (language, CSRF token, navigation) and rendering helpers.

use crate::auth::Auth;
use crate::context::RequestContext;
use crate::error::AppError;
use crate::i18n::{
    AfsprakenTexts, NavTexts, NotifyTexts, OverlegTexts, ParticipatieTexts, SearchTexts, SocialReturnTexts, Texts,
};
use crate::nav::Menus;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::OffsetDateTime;

/// The navigation's view of the user.
#[derive(Debug, Clone)]
pub struct NavUser {
    /// Display name.
    pub name: String,
    /// How many notices wait unread (the header's count).
    pub unread_notices: i64,
}

/// The part of every page that the layout needs.
#[derive(Debug, Clone)]
pub struct Page {
    /// Texts in the user's language.
    pub t: &'static Texts,
    /// Texts of the Overleg module in the user's language.
    pub ov: &'static OverlegTexts,
    /// Texts of the Social return module in the user's language.
    pub sr: &'static SocialReturnTexts,
    /// Texts of the Participatiekaart in the user's language.
    pub pt: &'static ParticipatieTexts,
    /// Texts of the Prestatieafspraken in the user's language.
    pub pa: &'static AfsprakenTexts,
    /// Texts of the notices (the header's link to them) in the user's language.
    pub nt: &'static NotifyTexts,
    /// Language code for `<html lang>`.
    pub lang: &'static str,
    /// CSRF token for forms.
    pub csrf: String,
    /// The current path (to come back after switching language).
    pub path: String,
    /// The logged-in user, if any.
    pub user: Option<NavUser>,
    /// A one-off message at the top of the page.
    pub notice: Option<String>,
    /// Texts of the navigation in the user's language.
    pub nv: &'static NavTexts,
    /// The menus (empty for a visitor who is not logged in).
    pub menus: Menus,
    /// The search box in the header: for a signed-in user with an organisation, searching in the active one.
    pub search: Option<SearchBox>,
}

/// The header's search box (issue 23).
#[derive(Debug, Clone)]
pub struct SearchBox {
    /// Where it searches: `/orgs/{org}/zoeken` of the active organisation.
    pub action: String,
    /// What it holds (the text searched for, on the results page).
    pub value: String,
    /// Its texts in the user's language.
    pub st: &'static SearchTexts,
}

impl Page {
    /// A page for a visitor who is not logged in.
    pub fn anonymous(ctx: &RequestContext) -> Self {
        Self {
            t: ctx.t(),
            ov: ctx.lang.overleg(),
            sr: ctx.lang.socialreturn(),
            pt: ctx.lang.participatie(),
            pa: ctx.lang.afspraken(),
            nt: NotifyTexts::of(ctx.lang),
            lang: ctx.lang.code(),
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            user: None,
            notice: None,
            nv: NavTexts::of(ctx.lang),
            menus: Menus::default(),
            search: None,
        }
    }

    /// A page for a logged-in user.
    pub fn for_user(auth: &Auth) -> Self {
        Self {
            user: Some(NavUser { name: auth.user.name.clone(), unread_notices: auth.unread_notices }),
            menus: Menus::for_user(auth),
            // The organisation of the page, as the menus: a board member of two tenant organisations searches the
            // one they are looking at.
            search: crate::nav::page_org(auth).map(|org| SearchBox {
                action: format!("/orgs/{}/zoeken", org.id),
                value: String::new(),
                st: SearchTexts::of(auth.ctx.lang),
            }),
            ..Self::anonymous(&auth.ctx)
        }
    }

    /// Whether `href` is this very page (its path, whatever the query), for `aria-current` in a sub-menu.
    pub fn is_at(&self, href: &str) -> bool {
        self.path.split(['?', '#']).next() == Some(href)
    }

    /// Adds the notice named by a `?notice=` key (only known keys; never user text).
    pub fn with_notice(mut self, key: Option<&str>) -> Self {
        let t = self.t;
        self.notice = match key {
            Some("logged_out") => Some(t.notice_logged_out),
            Some("not_saved") => Some(t.notice_not_saved),
            Some("password_changed") => Some(t.notice_password_changed),
            Some("password_saved") => Some(t.notice_password_saved),
            Some("saved") => Some(t.notice_saved),
            Some("answer_sent") => Some(t.notice_answer_sent),
            Some("decision_sent") => Some(t.notice_decision_sent),
            Some("question_sent") => Some(t.notice_question_sent),
            Some("question_answered") => Some(t.notice_question_answered),
            Some("member_added") => Some(t.notice_member_added),
            Some("invited") => Some(t.notice_invited),
            Some("invitation_sent") => Some(t.notice_invitation_sent),
            Some("invitation_accepted") => Some(t.notice_invitation_accepted),
            Some("invitation_declined") => Some(t.notice_invitation_declined),
            Some("invitation_withdrawn") => Some(t.notice_invitation_withdrawn),
            Some("invitation_gone") => Some(t.notice_invitation_gone),
            Some("invitation_unanswerable") => Some(t.notice_invitation_unanswerable),
            Some("member_removed") => Some(t.notice_member_removed),
            Some("left_organisation") => Some(t.notice_left_organisation),
            _ => None,
        }
        .map(str::to_owned);
        self
    }
}

pub use crate::i18n::show_date;

/// The `?notice=` of a page reached after a saved form (see [`Page::with_notice`]).
#[derive(Debug, Default, serde::Deserialize)]
pub struct NoticeQuery {
    /// The notice's key.
    pub notice: Option<String>,
}

/// A file to download, never shown in our origin: `Content-Disposition: attachment` with an ASCII fallback name and
/// the UTF-8 name (RFC 6266), and no caching of what may be private.
pub fn attachment(file_name: &str, content_type: String, content: Vec<u8>) -> Response {
    let ascii: String =
        file_name.chars().map(|c| if c.is_ascii_graphic() && c != '"' || c == ' ' { c } else { '_' }).collect();
    let encoded: String = form_urlencoded::byte_serialize(file_name.as_bytes()).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", encoded.replace('+', "%20"));
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
            (axum::http::header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        content,
    )
        .into_response()
}

/// What a page is rendered into at first: most pages fit (a unit list of 50 rows is about 19 KB).
const PAGE_BYTES: usize = 32 * 1024;

/// Renders a template as an HTML response with the given status.
pub fn render(status: StatusCode, template: &impl Template) -> Result<Response, AppError> {
    render_sized(status, template, PAGE_BYTES)
}

/// Renders into a buffer of at least `capacity` bytes: a page that outgrows its buffer is copied each time the
/// buffer doubles, so a page known to be long (a complex of hundreds of units) asks for its size up front.
pub fn render_sized<T: Template>(status: StatusCode, template: &T, capacity: usize) -> Result<Response, AppError> {
    let mut html = String::with_capacity(capacity.max(T::SIZE_HINT));
    template.render_into(&mut html)?;
    Ok((status, Html(html)).into_response())
}

/// Renders a template with 200 OK.
pub fn ok(template: &impl Template) -> Result<Response, AppError> {
    render(StatusCode::OK, template)
}

const SHOWN: &[BorrowedFormatItem<'static>] = format_description!("[day]-[month]-[year] [hour]:[minute]");

/// The Dutch day of a moment, as shown to users (a draft saved at 00:30 in Amsterdam is of that day, not of UTC's
/// day before).
pub fn show_day(at: OffsetDateTime) -> String {
    show_date(volkshuis_domain::calendar::dutch_date(at))
}

/// A moment as shown to users: Dutch day-month-year order, in Dutch time (CET/CEST). Moments are stored in UTC; the
/// notifications and the digest already showed Dutch time, and the audit log and dashboards beside them an hour
/// earlier in winter (the walkthrough's find).
pub fn show_time(at: OffsetDateTime) -> String {
    at.to_offset(volkshuis_domain::calendar::dutch_offset(at)).format(SHOWN).unwrap_or_default()
}

/// A message that stands on its own (a file's refusal in its own paragraph) with its first letter a capital: the
/// import's texts are written to follow a colon ("het bestand is leeg").
pub fn as_sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::show_time;
    use time::macros::datetime;

    #[test]
    fn a_message_on_its_own_starts_with_a_capital() {
        assert_eq!(super::as_sentence("het bestand is leeg"), "Het bestand is leeg");
        assert_eq!(super::as_sentence("één regel"), "Één regel");
        assert_eq!(super::as_sentence(""), "");
    }

    #[test]
    fn moments_show_in_dutch_time() {
        assert_eq!(show_time(datetime!(2026-12-06 16:29 UTC)), "06-12-2026 17:29", "winter: UTC+1");
        assert_eq!(show_time(datetime!(2026-07-01 10:00 UTC)), "01-07-2026 12:00", "summer: UTC+2");
        assert_eq!(show_time(datetime!(2026-12-31 23:30 UTC)), "01-01-2027 00:30", "the Dutch day, not UTC's");
        assert_eq!(super::show_day(datetime!(2026-12-31 23:30 UTC)), "01-01-2027");
    }
}
