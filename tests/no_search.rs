//! `marsad build --no-search`: the same site without the search index, and no index of an
//! earlier build left behind.

mod common;

use common::{fixture, marsad_build, snapshot, snapshot_without_search};

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

/// `--timings`: every stage and the templates with their page counts; a second build says
/// how many files it kept.
#[test]
fn timings_name_the_stages_and_count_the_pages_of_each_template() {
    let site = fixture("site");
    let output = site.path().join("out");
    let first = marsad_build(site.path(), &output, &["--no-search", "--timings"]);
    let stderr = String::from_utf8_lossy(&first.stderr);
    for stage in [
        "load, link and check",
        "render and write",
        "swap into place",
    ] {
        assert!(stderr.contains(stage), "no {stage:?} in:\n{stderr}");
    }
    let pages_of = |template: &str| -> Option<usize> {
        stderr.lines().find_map(|line| {
            let mut words = line.split_whitespace();
            (words.next() == Some(template)).then(|| words.next()?.parse().ok())?
        })
    };
    // The fixture publishes alpha (fr, ar), beta (fr) and gamma (fr, ar); the draft is left out.
    assert_eq!(pages_of("article.html"), Some(5), "{stderr}");
    assert_eq!(pages_of("home.html"), Some(2), "{stderr}");
    assert!(!stderr.contains("unchanged since the previous build"));

    let second = marsad_build(site.path(), &output, &["--no-search"]);
    let stderr = String::from_utf8_lossy(&second.stderr);
    assert!(stderr.contains("unchanged since the previous build: kept, not rewritten"));
}
