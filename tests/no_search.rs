//! `marsad build --no-search`: the same site without the search index, and no index of an
//! earlier build left behind.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{fixture, snapshot, snapshot_without_search};

/// Runs `marsad build` on the site at `root` into `output`, with `extra` arguments.
fn marsad_build(root: &Path, output: &Path, extra: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .expect("marsad runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

#[test]
fn no_search_writes_the_same_pages_and_no_pagefind_folder() {
    let site = fixture("site");
    let with_search = site.path().join("with-search");
    let without = site.path().join("without");

    marsad_build(site.path(), &with_search, &[]);
    assert!(with_search.join("pagefind/pagefind.js").is_file());

    // Built over an output that has an index: the index must go too.
    marsad_build(site.path(), &without, &[]);
    let skipped = marsad_build(site.path(), &without, &["--no-search"]);
    assert!(!without.join("pagefind").exists());
    let stderr = String::from_utf8_lossy(&skipped.stderr);
    assert!(
        stderr.contains("search index: skipped (--no-search)"),
        "{stderr}"
    );

    let expected = snapshot_without_search(&with_search);
    let written = snapshot(&without);
    assert!(expected.len() > 50, "{} files", expected.len());
    let differing: Vec<_> = expected
        .keys()
        .chain(written.keys())
        .filter(|path| expected.get(*path) != written.get(*path))
        .collect();
    assert!(differing.is_empty(), "{differing:#?}");
}
