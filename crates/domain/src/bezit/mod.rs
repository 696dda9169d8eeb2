//! Bezit: the housing stock — units (eenheden) grouped in complexes (clusters), and the file they come in.

pub mod import;
mod unit;

pub use unit::{SocialLabel, UnitRecord};
