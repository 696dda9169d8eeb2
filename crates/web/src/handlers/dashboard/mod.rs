//! The dashboard's parts: what waits for an organisation ([`facts`]) and how a line reads ([`lines`]), where a user
//! lands ([`landing`]) and the module cards ([`cards`]). Recent changes read as sentences from
//! [`crate::audit_sentences`], which the audit log page shares. The routes stay in `handlers::home`.

pub(crate) mod cards;
pub(crate) mod facts;
pub(crate) mod landing;
pub(crate) mod lines;
