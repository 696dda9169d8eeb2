//! Social return: buyers' valuation tables, contracts, suppliers' contributions and the buyer's decisions.
//!
//! A contract opens to three organisations only — its buyer, its supplier and its coordinator — each with its
//! own [`Relation`]; every read takes a scope and finds nothing for anyone else. Candidate names are personal
//! data: read only by the supplier and the coordinator, every read audited, purged after the contract (see
//! [`names`]).

pub mod bench;
mod contracts;
mod contributions;
mod coordinators;
mod evidence;
pub mod names;
mod portfolio;
mod revalue;
mod tables;

pub use contracts::{
    buyer_contracts, contract, contract_of_form_token, contracts, create_contract, keep_contract_form_token,
    same_contract, settle, standings, Contract, NewContract, Settle, StandingInput,
};
pub use contributions::{
    contributions, decide, keep_form_token, mark_tenant, own_cluster, report, ContributionRow, Status,
    VALUATION_VERSION,
};
pub use coordinators::{add_coordinator, coordinators, may_coordinate};
pub use evidence::{add_evidence, evidence, evidence_files};
pub use portfolio::{portfolio, tenant_jobs_in_year, year_totals, Portfolio, TotalRow};
pub use revalue::{
    revalue_stored, value_changes, Revalued, ValueChange, REASON_COUNTED_MONTHS_END, REASON_MONTHS_AND_PERIOD,
};
pub use tables::{add_table, table, tables, TableRow};

/// How an organisation stands to a contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The buyer (corporation or municipality): approves, settles, sees everything but names.
    Buyer,
    /// The supplier: reports, sees its own names.
    Supplier,
    /// The social-return coordinator (e.g. the Werkgeversservicepunt): sees everything, names included.
    Coordinator,
}
