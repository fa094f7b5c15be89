//! Replays, as ordinary tests, the inputs of the fuzz targets (`fuzz/`, run by `.ci/fuzz`):
//! every input that once crashed one (`tests/fixtures/fuzz-regressions/<target>/`) and the
//! seed corpus (`fuzz/corpus/<target>/`), with the same properties as the targets: no panic,
//! and a refusal is a diagnostic that names the file.
//!
//! The inputs are files in the fuzz targets' own format: for `fact_sheet`, the first byte
//! picks the loader (0 partners, 1 regions, 2 mous, 3 programmes, 4 events, 5 sources,
//! 6 articles, 7 pages) and the rest is the file; for `site_build`, edits of a small site
//! (format and property in `fuzz/harness/site.rs`, shared with the fuzz target).

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;
use std::sync::Arc;

use marsad::diagnostics::{Diagnostic, SourceFile};
use marsad::load::schema::{
    ArticleFrontMatter, EventSheet, MouSheet, PageFrontMatter, PartnerSheet, ProgrammeSheet,
    RegionSheet, SourceSheet,
};
use marsad::load::{decode_source, front_matter, parse_document, parse_sheet};
use marsad::render::markdown::{MarkdownEnv, render};

mod common;

/// The regression inputs and the seed corpus of `target`, sorted.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let repo = common::repo();
    let mut inputs = Vec::new();
    for dir in [
        repo.join("tests/fixtures/fuzz-regressions").join(target),
        repo.join("fuzz/corpus").join(target),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_file() {
                let bytes = fs::read(&path).expect("read input");
                inputs.push((path, bytes));
            }
        }
    }
    inputs.sort();
    inputs
}

fn names_file(path: &str, diagnostic: &Diagnostic) {
    let shown = diagnostic.to_string();
    let name = path.rsplit('/').next().unwrap_or(path);
    assert!(shown.contains(name), "{shown}");
}

fn front_matter_case(data: &[u8]) {
    let path = "content/articles/a.fr.md";
    let file = match decode_source(path.into(), data.to_vec()) {
        Ok(file) => file,
        Err(diagnostic) => return names_file(path, &diagnostic),
    };
    let text = file.text.as_str();
    match front_matter::split(&file) {
        Ok(split) => {
            let (front, body) = (split.front_matter, split.body);
            assert!(front.start <= front.end && front.end <= body.start);
            assert_eq!(body.end, text.len());
            for at in [front.start, front.end, body.start] {
                assert!(text.is_char_boundary(at));
            }
        }
        Err(diagnostic) => names_file(path, &diagnostic),
    }
}

#[test]
fn front_matter_inputs() {
    let inputs = inputs("front_matter");
    assert!(!inputs.is_empty());
    for (path, data) in inputs {
        eprintln!("{}", path.display());
        front_matter_case(&data);
    }
}

const KINDS: &[&str] = &[
    "content/partners/acme.toml",
    "content/regions/north.toml",
    "content/mous/acme-2025.toml",
    "content/programmes/network.toml",
    "content/events/forum-2025.toml",
    "seeds/source-a.toml",
    "content/articles/alpha.fr.md",
    "content/pages/about.ar.md",
];

fn sheet<T: serde::de::DeserializeOwned>(path: &str, file: &Arc<SourceFile>) {
    if let Err(diagnostic) = parse_sheet::<T>(file) {
        names_file(path, &diagnostic);
    }
}

fn document<F: serde::de::DeserializeOwned>(path: &str, file: &Arc<SourceFile>) {
    match parse_document::<F>(file, &["fr", "ar"]) {
        Ok(document) => {
            assert_eq!(document.body.end, file.text.len());
            assert!(file.text.is_char_boundary(document.body.start));
        }
        Err(diagnostic) => names_file(path, &diagnostic),
    }
}

fn fact_sheet_case(data: &[u8]) {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let kind = usize::from(kind) % KINDS.len();
    let path = KINDS[kind];
    let file = match decode_source(PathBuf::from(path), bytes.to_vec()) {
        Ok(file) => file,
        Err(diagnostic) => return names_file(path, &diagnostic),
    };
    match kind {
        0 => sheet::<PartnerSheet>(path, &file),
        1 => sheet::<RegionSheet>(path, &file),
        2 => sheet::<MouSheet>(path, &file),
        3 => sheet::<ProgrammeSheet>(path, &file),
        4 => sheet::<EventSheet>(path, &file),
        5 => sheet::<SourceSheet>(path, &file),
        6 => document::<ArticleFrontMatter>(path, &file),
        _ => document::<PageFrontMatter>(path, &file),
    }
}

#[test]
fn fact_sheet_inputs() {
    let inputs = inputs("fact_sheet");
    assert!(!inputs.is_empty());
    for (path, data) in inputs {
        eprintln!("{}", path.display());
        fact_sheet_case(&data);
    }
}

fn resolve(target: &str) -> Result<String, String> {
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    let known = [
        "regions/north",
        "partners/acme",
        "articles/alpha",
        "pages/about",
    ];
    if !known.contains(&path) {
        return Err(format!("no page `@/{target}`"));
    }
    match fragment {
        None => Ok(format!("/fr/{path}/")),
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_alphanumeric()) => {
            Ok(format!("/fr/{path}/#{f}"))
        }
        Some(f) => Err(format!("no section `#{f}` in @/{path}")),
    }
}

fn markdown_case(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let reserved = ["main", "content", "search", "footnotes"];
    let env = MarkdownEnv {
        anchor_label: "Lien vers cette section",
        resolve: &resolve,
        reserved_ids: &reserved,
    };
    let (rendered, errors) = render(text, &env);
    for error in &errors {
        assert!(error.span.start <= error.span.end && error.span.end <= text.len());
        assert!(text.is_char_boundary(error.span.start));
        assert!(text.is_char_boundary(error.span.end));
    }
    let mut seen = HashSet::new();
    for id in &rendered.heading_ids {
        assert!(!reserved.contains(&id.as_str()), "{id}");
        assert!(seen.insert(id), "duplicate id {id}");
    }
}

#[test]
fn markdown_inputs() {
    let inputs = inputs("markdown");
    assert!(!inputs.is_empty());
    for (path, data) in inputs {
        eprintln!("{}", path.display());
        markdown_case(&data);
    }
}

#[path = "../fuzz/harness/site.rs"]
#[allow(dead_code)]
mod site;

/// Each input builds the fixture site once (without the search index), a few hundred
/// milliseconds each.
#[test]
fn site_build_inputs() {
    let inputs = inputs("site_build");
    assert!(!inputs.is_empty());
    let mut world = site::World::new(&common::repo());
    let mut built = 0;
    for (path, data) in &inputs {
        eprintln!("{}", path.display());
        built += usize::from(world.run(data));
    }
    // The seed corpus holds builds that succeed and builds that fail.
    assert!(
        built > 0 && built < inputs.len(),
        "{built} of {}",
        inputs.len()
    );
}
