//! Bezit: the housing stock — units (eenheden) grouped in complexes (clusters), and the file they come in.

pub mod import;
pub mod rent;
pub mod synthetic;
mod unit;

pub use unit::{SocialLabel, UnitRecord};
