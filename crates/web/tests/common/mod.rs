//! The test harness: the real router over a fresh database (SQLite or PostgreSQL) with the demo dataset, a cookie
//! jar like a browser's, and a clock the test moves by hand.
#![allow(dead_code)] // Each test binary uses a different part of the harness.

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use std::collections::HashMap;
use time::macros::datetime;
use tower::ServiceExt;
use volkshuis_store::testdb::TestDb;
use volkshuis_store::Backend;
use volkshuis_web::{AppState, Clock, Config};

/// Runs each named async test function (taking `TestApp`) on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::common::TestApp::new(volkshuis_store::Backend::Sqlite).await).await;
            }
            #[tokio::test]
            async fn postgres() {
                super::$name($crate::common::TestApp::new(volkshuis_store::Backend::Postgres).await).await;
            }
        }
    )*};
}

/// The demo password.
pub const PASSWORD: &str = volkshuis_demo::DEMO_PASSWORD;

/// The HTML without the cells' `data-label` attributes (a refused row's cells carry their column's name for a phone,
/// `table.stacked`), so a test can look for a row's cells as they read.
#[allow(dead_code, reason = "used by some test binaries only")]
pub fn without_cell_labels(html: &str) -> String {
    let mut rest = html;
    let mut out = String::with_capacity(html.len());
    while let Some(at) = rest.find(" data-label=\"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " data-label=\"".len()..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}

/// A response, read completely.
#[derive(Debug)]
pub struct Resp {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body as text.
    pub body: String,
}

impl Resp {
    /// The redirect target, if any.
    pub fn location(&self) -> Option<&str> {
        self.headers.get(header::LOCATION).and_then(|v| v.to_str().ok())
    }

    /// Whether this sends a visitor to log in first (a redirect to the login page that comes back afterwards).
    pub fn is_login_redirect(&self) -> bool {
        self.status == StatusCode::SEE_OTHER && self.location().is_some_and(|l| l.starts_with("/login?next="))
    }

    /// The page's own content, `<main …>` to `</main>`, for a snapshot (ADR 0038): the header and footer around it
    /// are the same on every page and tested apart.
    pub fn main(&self) -> &str {
        let start = self.body.find("<main").unwrap_or_else(|| panic!("no <main> in {}", self.body));
        let end = self.body[start..].find("</main>").expect("</main>") + start + "</main>".len();
        &self.body[start..end]
    }
}

/// Insta settings for a snapshot of a page (ADR 0038): what differs between runs or engines is redacted, the CSRF
/// token and the database ids in paths (`/orgs/[org]/overleg/[id]`); and lines the templates leave blank are dropped,
/// so that only what a reader sees changes a snapshot. Dates need no filter: the test clock is fixed. Call `bind` on
/// the result around the assertion.
pub fn page_snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.add_filter(r"(?m)^[ \t]*\n", "");
    settings.add_filter(r#"name="csrf" value="[^"]*""#, r#"name="csrf" value="[csrf]""#);
    settings.add_filter(r"/orgs/\d+\b", "/orgs/[org]");
    settings.add_filter(r"(/orgs/\[org\](?:/[a-z-]+)+)/\d+\b", "$1/[id]");
    settings
}

/// One application under test.
pub struct TestApp {
    /// The state (database, clock, config).
    pub state: AppState,
    /// The database handle (dropped, and for PostgreSQL deleted, with the app).
    pub db: TestDb,
    router: Router,
    cookies: HashMap<String, String>,
    /// Headers sent with every request (a proxy's X-Forwarded-For, say).
    pub headers: Vec<(&'static str, String)>,
}

impl TestApp {
    /// Moves the clock on to `day` (`dd-mm-jjjj`) when it lies ahead: a request is recorded once it was received,
    /// so a test of a later year's terms lives in that year.
    pub fn reach_day(&self, day: &str) {
        let day =
            time::Date::parse(day, time::macros::format_description!("[day]-[month]-[year]")).expect("dd-mm-jjjj");
        let today = self.state.clock.now().date();
        if day > today {
            self.state.clock.advance(day - today);
        }
    }

    /// A fresh app with the demo dataset and a manual clock at 25 November 2026, 10:00 UTC.
    pub async fn new(backend: Backend) -> Self {
        Self::with_config(backend, Config::default()).await
    }

    /// As [`TestApp::new`] with other settings.
    pub async fn with_config(backend: Backend, config: Config) -> Self {
        let db = TestDb::new(backend).await.expect("test database");
        volkshuis_demo::seed(&db.db, false).await.expect("demo data");
        let state = AppState::new(db.db.clone(), Clock::manual(datetime!(2026-11-25 10:00 UTC)), config);
        let router = volkshuis_web::router(state.clone());
        Self { state, db, router, cookies: HashMap::new(), headers: Vec::new() }
    }

    /// The same database, as a server restarted with other settings would see it.
    pub fn restart(&mut self, config: Config) {
        self.state = AppState::new(self.db.db.clone(), self.state.clock.clone(), config);
        self.router = volkshuis_web::router(self.state.clone());
    }

    /// Forgets all cookies (a new browser).
    pub fn clear_cookies(&mut self) {
        self.cookies.clear();
    }

    /// The cookies now in the jar, to put back later with [`TestApp::restore_cookies`] (one login serves many
    /// requests, as in a browser).
    #[allow(dead_code, reason = "used by some test binaries only")]
    pub fn cookies_snapshot(&self) -> HashMap<String, String> {
        self.cookies.clone()
    }

    /// Puts back cookies taken with [`TestApp::cookies_snapshot`].
    #[allow(dead_code, reason = "used by some test binaries only")]
    pub fn restore_cookies(&mut self, cookies: &HashMap<String, String>) {
        self.cookies.clone_from(cookies);
    }

    /// A cookie's current value.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.cookies.get(name).map(String::as_str)
    }

    /// Sets a cookie by hand (to replay an old session, say).
    pub fn set_cookie(&mut self, name: &str, value: &str) {
        self.cookies.insert(name.to_owned(), value.to_owned());
    }

    /// Sends a request through the router, with the jar's cookies, and stores cookies set by the answer.
    pub async fn send(&mut self, method: Method, path: &str, form: Option<String>) -> Resp {
        let mut builder = Request::builder().method(method).uri(path);
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
            builder = builder.header(header::COOKIE, jar.join("; "));
        }
        for (name, value) in &self.headers {
            builder = builder.header(*name, value);
        }
        let body = match form {
            Some(form) => {
                builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
                Body::from(form)
            }
            None => Body::empty(),
        };
        let response = self.router.clone().oneshot(builder.body(body).expect("request")).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let cookie = cookie::Cookie::parse(set.to_str().expect("ascii cookie").to_owned()).expect("cookie");
            let expired = cookie.max_age().is_some_and(|age| age.is_zero());
            if expired {
                self.cookies.remove(cookie.name());
            } else {
                self.cookies.insert(cookie.name().to_owned(), cookie.value().to_owned());
            }
        }
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// GET.
    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Method::GET, path, None).await
    }

    /// The CSRF token this browser's forms carry, as the server put it in its pages (visiting the login page first
    /// when there is no cookie yet to make it from).
    pub async fn csrf_token(&mut self) -> String {
        if self.csrf_from_cookies().is_none() {
            self.get("/login").await;
        }
        self.csrf_from_cookies().expect("csrf cookie")
    }

    fn csrf_from_cookies(&self) -> Option<String> {
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, jar.join("; ").parse().expect("cookie header"));
        volkshuis_web::csrf_token_for(&self.state, &headers)
    }

    /// POST a form, adding the CSRF token as a browser form would (fetching a page first if there is no token yet).
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", &token)];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// POST the same form `times` times at once, as a double click or several tabs send it (with the CSRF token and
    /// this browser's cookies; cookies set by the answers are not kept). The answers' statuses, in sending order.
    #[allow(dead_code, reason = "used by some test binaries only")]
    pub async fn post_at_once(&mut self, path: &str, fields: &[(&str, &str)], times: usize) -> Vec<StatusCode> {
        let token = self.csrf_token().await;
        let mut all: Vec<(&str, &str)> = vec![("csrf", &token)];
        all.extend_from_slice(fields);
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(all).finish();
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let requests = (0..times).map(|_| {
            let request = Request::builder()
                .method(Method::POST)
                .uri(path)
                .header(header::COOKIE, jar.join("; "))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body.clone()))
                .expect("request");
            let router = self.router.clone();
            tokio::spawn(async move { router.oneshot(request).await.expect("response").status() })
        });
        let handles: Vec<_> = requests.collect();
        let mut statuses = Vec::with_capacity(times);
        for handle in handles {
            statuses.push(handle.await.expect("the request's task"));
        }
        statuses
    }

    /// POST a form exactly as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Resp {
        let body = form_urlencoded::Serializer::new(String::new()).extend_pairs(fields).finish();
        self.send(Method::POST, path, Some(body)).await
    }

    /// POST a multipart form with one file, the CSRF token first (as the upload forms do).
    pub async fn post_file(&mut self, path: &str, fields: &[(&str, &str)], file_name: &str, file: &[u8]) -> Resp {
        let token = self.csrf_token().await;
        self.post_file_with_token(path, &token, fields, file_name, file).await
    }

    /// Uploads a stock file and follows its import to the end: the upload answers with a redirect to the import's
    /// page, which is fetched until it no longer shows a running import. Any other answer is returned as it is.
    pub async fn import_file(&mut self, path: &str, fields: &[(&str, &str)], file_name: &str, file: &[u8]) -> Resp {
        let started = self.post_file(path, fields, file_name, file).await;
        if started.status != axum::http::StatusCode::SEE_OTHER {
            return started;
        }
        let run = started.headers["location"].to_str().expect("location").to_owned();
        for _ in 0..500 {
            let page = self.get(&run).await;
            if !page.body.contains("data-import-run") {
                return page;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        panic!("the import at {run} did not finish within 10 s");
    }

    /// As [`TestApp::post_file`], with the given CSRF field (to test a forged upload).
    pub async fn post_file_with_token(
        &mut self,
        path: &str,
        token: &str,
        fields: &[(&str, &str)],
        file_name: &str,
        file: &[u8],
    ) -> Resp {
        let boundary = "volkshuis-test-boundary";
        let mut body = Vec::new();
        for (name, value) in std::iter::once(("csrf", token)).chain(fields.iter().copied()) {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                 Content-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(file);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let mut builder = Request::builder().method(Method::POST).uri(path);
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        builder = builder
            .header(header::COOKIE, jar.join("; "))
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"));
        let response =
            self.router.clone().oneshot(builder.body(Body::from(body)).expect("request")).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// POST a multipart form: the CSRF token first, then the text fields, then files in the `documents` field.
    pub async fn post_multipart(&mut self, path: &str, fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> Resp {
        let token = self.csrf_token().await;
        let boundary = "volkshuis-test-boundary";
        let mut body = Vec::new();
        for (name, value) in std::iter::once(("csrf", token.as_str())).chain(fields.iter().copied()) {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        for (file_name, content) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"{file_name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let jar: Vec<String> = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let request = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::COOKIE, jar.join("; "))
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .expect("request");
        let response = self.router.clone().oneshot(request).await.expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("body").to_bytes();
        Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// Logs in with the demo password; panics when that fails.
    pub async fn login(&mut self, email: &str) -> Resp {
        self.clear_cookies();
        let response = self.post("/login", &[("email", email), ("password", PASSWORD)]).await;
        assert_eq!(response.status, StatusCode::SEE_OTHER, "login of {email} failed: {}", response.body);
        response
    }

    /// The id of a demo organisation by code.
    pub async fn org_id(&self, code: &str) -> i64 {
        let code = volkshuis_domain::org::OrgCode::parse(code).expect("code");
        volkshuis_store::orgs::by_code(&self.state.db, &code).await.expect("query").expect("org exists").id
    }

    /// The id of a user by e-mail.
    pub async fn user_id(&self, email: &str) -> i64 {
        let email = volkshuis_domain::account::Email::parse(email).expect("email");
        volkshuis_store::users::by_email(&self.state.db, &email).await.expect("query").expect("user exists").id
    }

    /// Every notice a user was given, read or not, oldest first: (text, link).
    pub async fn notices_of(&self, user: i64) -> Vec<(String, String)> {
        let rows =
            volkshuis_store::testdb::sql::query("SELECT text, link FROM notifications WHERE user_id = $1 ORDER BY id")
                .bind(user)
                .fetch_all(&self.state.db)
                .await
                .expect("notices");
        rows.iter().map(|r| (r.try_get("text").expect("text"), r.try_get("link").expect("link"))).collect()
    }
}
