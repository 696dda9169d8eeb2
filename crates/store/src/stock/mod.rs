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
pub(crate) mod columns;
mod import;
mod known;
pub mod map;
mod query;
mod references;
mod reports;
mod writer;

pub use cache::{complex_page, list_page, ComplexPage, VERSION_FRESH_FOR};
pub(crate) use cache::{kept_complex_index, raise_version, stock_block_key, version as stock_version, PageCache};
pub use choices::{area_names, choice_count, choice_names, choices, first_choice, StockChoice};
pub use import::{import_units, ImportOptions, ImportSummary};
pub(crate) use query::address_of;
pub use query::{
    cluster, cluster_count, cluster_with_units, clusters, clusters_after, clusters_page, is_bag_id, unit,
    unit_id_by_extern, units, units_after, ClusterRow, UnitFilter, UnitListRow, UnitPage, UnitRow, COUNT_CAP,
};
pub use references::{unit_by_reference, unknown_codes, StockRef, UnitRef};
pub use reports::{report, save_report};

/// A complex's page shows this many of its units at a time, as the unit list does; the figures cover all of them.
pub const UNITS_PER_COMPLEX_PAGE: i64 = 50;

/// After units of the corporation went out of use or back into use outside an import (a sale, a buy-back): the map
/// cells, the count of units in use and the coverage cells are made again from the units in use, and kept pages are
/// out of date. Inside the caller's transaction.
pub(crate) async fn units_in_use_changed(
    mut conn: crate::Conn<'_>,
    backend: crate::Backend,
    corporation_id: i64,
) -> crate::Result<()> {
    map::rebuild_in(conn.reborrow(), backend, corporation_id).await?;
    query::store_total(conn.reborrow(), corporation_id).await?;
    crate::participatie::rebuild_cells_in(conn.reborrow(), corporation_id).await?;
    // The regrouped cells start at level 0: their coverage is set again in the same transaction (a sale used to
    // leave the whole stock without a voice on the Participatiekaart until someone pressed "recompute").
    crate::participatie::set_levels_in(conn.reborrow(), corporation_id).await?;
    cache::raise_version(conn, corporation_id).await
}
