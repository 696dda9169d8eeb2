//! Timing pages through the real router (in the process, without a network), shared by the module benchmarks.

use axum::body::{to_bytes, Body};
use axum::http::{header, Request};
use axum::Router;
use std::time::Instant;
use tower::ServiceExt;

/// What `times` GETs of one page took: median and maximum in milliseconds, and the size of the answer in KB.
pub struct Timing {
    pub median_ms: f64,
    pub max_ms: f64,
    pub kb: f64,
}

/// Requests `path` `times` times (at least once) as the session `token`; fails on any answer that is not a success.
pub async fn time_get(app: &Router, path: &str, token: &str, times: usize) -> anyhow::Result<Timing> {
    let mut timings = Vec::new();
    let mut size = 0;
    for _ in 0..times.max(1) {
        let request = Request::get(path).header(header::COOKIE, format!("vh_session={token}")).body(Body::empty())?;
        let begun = Instant::now();
        let response = app.clone().oneshot(request).await?;
        anyhow::ensure!(response.status().is_success(), "{path}: {}", response.status());
        let body = to_bytes(response.into_body(), usize::MAX).await?;
        timings.push(begun.elapsed().as_secs_f64() * 1000.0);
        size = body.len();
    }
    timings.sort_by(f64::total_cmp);
    Ok(Timing { median_ms: timings[timings.len() / 2], max_ms: timings[timings.len() - 1], kb: size as f64 / 1024.0 })
}
