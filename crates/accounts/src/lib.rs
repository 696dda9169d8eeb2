//! Account secrets of Volkshuis, apart from the web layer so that the command line (`volkshuis user`, the demo
//! data) hashes passwords the same way the sign-in page checks them, without depending on the web crate.

pub mod password;
