//! The whole build (`marsad::build`) on a small site, structure-aware: each input is a few
//! edits of `tests/fixtures/site` (patch, replace, remove or add a file; format and property
//! in `fuzz/harness/site.rs`).
//!
//! Property: no panic; a failed build is `BuildError::Invalid` with at least one error
//! diagnostic, each renders, and the previous output is byte for byte as it was, with no
//! staging folder left beside it.
#![no_main]

use std::path::Path;
use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;

#[path = "../harness/site.rs"]
mod site;

static WORLD: Mutex<Option<site::World>> = Mutex::new(None);

fuzz_target!(|data: &[u8]| {
    let mut guard = WORLD
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let repo = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    guard
        .get_or_insert_with(|| site::World::new(repo))
        .run(data);
});
