//! The dashboard's parts: what waits for an organisation ([`facts`]) and how a line reads ([`lines`]), where a user
//! lands ([`landing`]), the module cards ([`cards`]) and recent changes in sentences ([`recent`]). The routes stay in
//! `handlers::home`.

pub(crate) mod cards;
pub(crate) mod facts;
pub(crate) mod landing;
pub(crate) mod lines;
pub mod recent;
