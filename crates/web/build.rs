//! Checks the Fluent texts and generates their typed API (`build/texts.rs`), and installs the front-end packages
//! (`assets/package-lock.json`, from the npm registry) so that `src/ops.rs` can compile them into the binary. Runs
//! `npm ci` only when they are missing or the lockfile changed.

use std::path::Path;
use std::process::Command;

#[path = "build/texts.rs"]
mod texts;

fn main() {
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    texts::generate(Path::new(env!("CARGO_MANIFEST_DIR")), Path::new(&out));
    println!("cargo:rerun-if-changed=assets/package-lock.json");
    println!("cargo:rerun-if-changed=assets/node_modules/leaflet/dist/leaflet.js");
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    let installed = assets.join("node_modules/.package-lock.json");
    let lock = assets.join("package-lock.json");
    let fresh = match (installed.metadata().and_then(|m| m.modified()), lock.metadata().and_then(|m| m.modified())) {
        (Ok(installed), Ok(lock)) => installed >= lock && assets.join("node_modules/leaflet/dist/leaflet.js").exists(),
        _ => false,
    };
    if fresh {
        return;
    }
    let status =
        Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--loglevel=error"]).current_dir(&assets).status();
    match status {
        Ok(status) if status.success() => {}
        Ok(status) => panic!("`npm ci` in {} failed ({status}); the map needs Leaflet from npm", assets.display()),
        Err(error) => panic!("cannot run npm ({error}); install Node.js and npm to build Volkshuis"),
    }
}
