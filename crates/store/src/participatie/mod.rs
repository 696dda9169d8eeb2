//! Participatiekaart storage: groups and their areas, activities, coverage per unit, tenants' join requests and the
//! yearly diagnosis.
//!
//! A group belongs to a corporation's stock and is kept by one organisation (the corporation or a tenant
//! organisation that consults it). Who sees what is decided in [`groups::visible_to`]: the corporation sees every
//! group in its stock, a tenant organisation its own groups and those below them in the tree.

mod achterban;
pub mod bench;
mod coverage;
mod diagnoses;
mod figures;
mod groups;
mod public;

pub use achterban::{
    contact_counts, decide_message, import_contacts, log_letter_list, message, messages_for_corporation,
    messages_of_group, recipients, submit_message, ContactRow, Message, Recipient,
};
pub use coverage::{
    coverage_by, coverage_for_kind, coverage_grid, coverage_points, coverage_totals, rebuild_cells, recompute,
    AreaLevel, AreaRow, Bbox, CoveragePoint,
};
pub(crate) use coverage::{rebuild_cells_in, recompute_in, set_levels_in};
pub use diagnoses::{diagnoses, save_diagnosis, Diagnosis};
pub(crate) use figures::ensure_works_in;
pub use figures::{all_open_figures, corporations_in_territory, open_figures, Figures};
pub(crate) use figures::{all_open_figures_as, org_kind};
pub use groups::{
    activities, add_activity, create_group, criteria_shown, end_group, set_criteria, set_recognition, update_group,
    visible_group, visible_to, Activity, Group, NewGroup,
};
pub use public::{
    add_join_request, groups_for_address, handle_join_request, join_requests, lookup_address, purge_join_requests,
    Address, JoinRequest, JOIN_REQUEST_DEFAULT_DAYS,
};
