//! Checks the Fluent texts and generates their typed API (`build/texts.rs`, ADR 0023). Leaflet is kept in
//! `assets/vendor/` (ADR 0024), so the build runs no npm.

use std::path::Path;

#[path = "build/texts.rs"]
mod texts;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    // Read at run time, not compiled in: a build script binary reused from another checkout of the workspace (a
    // shared target directory) must read this checkout's texts.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    texts::generate(Path::new(&manifest), Path::new(&out));
}
