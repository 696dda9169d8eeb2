//! Checks the Fluent texts and generates their typed API (`build/texts.rs`, ADR 0023). Leaflet is kept in
//! `assets/vendor/` (ADR 0024), so the build runs no npm.

use std::path::Path;

#[path = "build/texts.rs"]
mod texts;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    texts::generate(Path::new(env!("CARGO_MANIFEST_DIR")), Path::new(&out));
}
