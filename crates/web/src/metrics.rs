//! The service's Prometheus metrics: a registry per application, written to by the request middleware and read by
//! `GET /metrics` (both in `ops.rs`). Imports nothing of the web layer, so the state can hold it.

use prometheus_client::encoding::{text::encode, EncodeLabelSet};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct JobLabels {
    status: String,
}

/// The service's Prometheus metrics, kept per application (not global), so tests can run many apps at once.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    durations: Family<RouteLabels, Histogram>,
    jobs: Family<JobLabels, Gauge>,
    kept_stock_pages: Gauge,
    kept_places: Gauge,
}

impl Metrics {
    /// Registers the metrics.
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("volkshuis");
        let requests = Family::<RequestLabels, Counter>::default();
        let durations = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.001, 2.0, 14))
        });
        let jobs = Family::<JobLabels, Gauge>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register("http_request_duration_seconds", "Time to answer a request", durations.clone());
        registry.register("jobs", "Background jobs by status", jobs.clone());
        let kept_stock_pages = Gauge::default();
        registry.register("stock_pages_kept_bytes", "Memory of the stock pages kept", kept_stock_pages.clone());
        let kept_places = Gauge::default();
        registry.register(
            "place_blocks_kept_bytes",
            "Memory of the place pages' module blocks kept",
            kept_places.clone(),
        );
        Self { registry, requests, durations, jobs, kept_stock_pages, kept_places }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Metrics {
    /// Counts one answered request and its time, by route pattern (not raw path, to keep the label set small).
    pub fn record_request(&self, method: String, route: String, status: u16, seconds: f64) {
        self.requests.get_or_create(&RequestLabels { method, route: route.clone(), status }).inc();
        self.durations.get_or_create(&RouteLabels { route }).observe(seconds);
    }

    /// Sets the number of background jobs with `status`.
    pub fn set_jobs(&self, status: String, count: i64) {
        self.jobs.get_or_create(&JobLabels { status }).set(count);
    }

    /// Sets the memory the kept stock pages take.
    pub fn set_kept_stock_pages(&self, bytes: i64) {
        self.kept_stock_pages.set(bytes);
    }

    /// Sets the memory the kept module blocks of place pages take.
    pub fn set_kept_places(&self, bytes: i64) {
        self.kept_places.set(bytes);
    }

    /// The metrics in Prometheus' text format.
    pub fn encode(&self) -> Result<String, std::fmt::Error> {
        let mut body = String::new();
        encode(&mut body, &self.registry)?;
        Ok(body)
    }
}
