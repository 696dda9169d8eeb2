//! Participatiekaart: every participation group in a corporation's stock, which tenants it speaks for, whether it
//! is alive, whether a formal body meets the Overlegwet criteria, and how participation is organised.
//!
//! - [`group`]: kinds, channels, activities, the Overlegwet criteria, fading and the yearly-meeting check;
//! - [`contacts`]: the tenants' contact file a corporation imports, read line by line;
//! - [`coverage`]: which tenants have a voice, formally, informally or not at all;
//! - [`diagnosis`]: the four variants (corporation × representatives, active or reactive) and the golden rules.

pub mod contacts;
pub mod coverage;
pub mod diagnosis;
pub mod group;
