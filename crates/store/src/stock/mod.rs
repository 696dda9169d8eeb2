//! The housing stock: complexes and units of a corporation. Every function takes an [`ReadScope`] for the
//! corporation whose stock it reads or writes.
//!
//! [`ReadScope`]: volkshuis_domain::access::ReadScope

mod arrays;
pub mod bench;
mod bulk;
mod cache;
mod cells;
mod choices;
mod columns;
mod import;
mod known;
pub mod map;
mod query;
mod references;
mod reports;
mod writer;

pub use cache::{complex_page, list_page, ComplexPage, VERSION_FRESH_FOR};
pub(crate) use cache::{raise_version, PageCache};
pub use choices::{area_names, choice_count, choice_names, choices, StockChoice};
pub use import::{import_units, ImportOptions, ImportSummary};
pub use query::{
    cluster, cluster_count, cluster_with_units, clusters, clusters_after, clusters_page, unit, unit_id_by_extern,
    units, units_after, ClusterRow, UnitFilter, UnitListRow, UnitPage, UnitRow, COUNT_CAP,
};
pub use references::{unknown_codes, StockRef};
pub use reports::{report, save_report};
