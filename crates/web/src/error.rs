//! The web layer's one error type.
//!
//! Handlers return `Result<_, AppError>`. Domain parse errors never reach here (forms turn them into field
//! messages); store errors do, and become a 500 with the request id unless they are `NotFound`. Only 5xx are logged
//! as errors. The response carries an [`ErrorPage`] marker; the `error_pages` middleware renders the translated page.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use volkshuis_domain::access::Denied;
use volkshuis_store::StoreError;

/// What went wrong while answering a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The thing asked for does not exist (or its existence is private).
    #[error("not found")]
    NotFound,
    /// The user may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Nobody is logged in; the user is sent to the login page and back.
    #[error("login required")]
    LoginRequired {
        /// Where to return after login.
        next: String,
        /// Whether what the request sent was lost (a form sent after the session ended): the login page says so.
        lost: bool,
    },
    /// A state-changing request without a valid CSRF token.
    #[error("csrf token missing or wrong")]
    Csrf,
    /// The request body is larger than the route takes.
    #[error("request body too large")]
    TooLarge,
    /// The request body cannot be read as the form it claims to be.
    #[error("malformed request body")]
    BadRequest,
    /// A form field holds a NUL character (pasted from another program): no page can store or show it.
    #[error("a form field holds a NUL character")]
    NulInForm,
    /// A store failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Anything else that should not happen.
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl From<Denied> for AppError {
    fn from(_: Denied) -> Self {
        AppError::Forbidden
    }
}

impl From<volkshuis_accounts::password::PasswordError> for AppError {
    fn from(error: volkshuis_accounts::password::PasswordError) -> Self {
        AppError::Internal(error.into())
    }
}

impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::Store(error.into())
    }
}

/// A multipart body that is too large or malformed is the sender's fault (a 413 or 400 page), not a 500.
impl From<axum::extract::multipart::MultipartError> for AppError {
    fn from(error: axum::extract::multipart::MultipartError) -> Self {
        match error.status() {
            StatusCode::PAYLOAD_TOO_LARGE => AppError::TooLarge,
            status if status.is_client_error() => AppError::BadRequest,
            _ => AppError::Internal(anyhow::Error::new(error).context("reading a multipart form")),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(error: askama::Error) -> Self {
        AppError::Internal(anyhow::Error::new(error).context("rendering a template"))
    }
}

/// Marks a response whose body the `error_pages` middleware replaces with a translated page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorPage {
    /// 404.
    NotFound,
    /// 403.
    Forbidden,
    /// 403 for a stale or forged form.
    Csrf,
    /// 500.
    Internal,
    /// 413.
    TooLarge,
    /// 400.
    BadRequest,
    /// 405: a method the page does not take (`ops::error_pages`).
    MethodNotAllowed,
    /// 400 for an address (a query parameter) the page cannot read, such as `?zoom=abc`.
    BadAddress,
    /// 503: the database is busy with a long write (a stock import, a ledger sent); try again in a moment.
    Busy,
    /// 422 for a form with a NUL character in a field.
    NulInForm,
    /// 503: the connection to the database was lost and is being replaced; nothing was saved, try again.
    DatabaseUnreachable,
}

/// Seconds a client is told to wait before it tries again after a 503 (`Retry-After`).
pub const RETRY_AFTER_SECONDS: u32 = 5;

impl AppError {
    fn page(&self) -> (StatusCode, ErrorPage) {
        match self {
            AppError::NotFound | AppError::Store(StoreError::NotFound) => (StatusCode::NOT_FOUND, ErrorPage::NotFound),
            AppError::Forbidden => (StatusCode::FORBIDDEN, ErrorPage::Forbidden),
            AppError::Csrf => (StatusCode::FORBIDDEN, ErrorPage::Csrf),
            AppError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ErrorPage::TooLarge),
            AppError::BadRequest => (StatusCode::BAD_REQUEST, ErrorPage::BadRequest),
            AppError::NulInForm => (StatusCode::UNPROCESSABLE_ENTITY, ErrorPage::NulInForm),
            // A write that waited for SQLite's one writer (a long import from the command line, say) and did not get
            // it: nothing was written, and trying again shortly will work. Not a fault of the server's own.
            AppError::Store(StoreError::Busy | StoreError::ImportRunning) => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorPage::Busy)
            }
            AppError::Store(StoreError::ConnectionLost) => {
                (StatusCode::SERVICE_UNAVAILABLE, ErrorPage::DatabaseUnreachable)
            }
            _ => (StatusCode::INTERNAL_SERVER_ERROR, ErrorPage::Internal),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::LoginRequired { next, lost } = &self {
            let mut target =
                format!("/login?next={}", form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>());
            if *lost {
                target.push_str("&notice=not_saved");
            }
            return Redirect::to(&target).into_response();
        }
        let (status, page) = self.page();
        if status.is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let mut response =
            (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], status.to_string()).into_response();
        response.extensions_mut().insert(page);
        if matches!(page, ErrorPage::Busy | ErrorPage::DatabaseUnreachable) {
            response.headers_mut().insert(header::RETRY_AFTER, RETRY_AFTER_SECONDS.into());
        }
        response
    }
}
