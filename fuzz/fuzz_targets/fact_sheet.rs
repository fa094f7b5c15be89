//! Every loader of a TOML fact sheet or Markdown document, fed any bytes as the file. The
//! first byte picks the loader: partners, regions, mous, programmes, events, sources (the
//! source register in seeds/), articles, pages; the rest is the file, decoded as the
//! loader decodes it.
//!
//! Property: no panic; a refusal renders as a diagnostic that names the file; an accepted
//! document's body range lies inside its text, on character boundaries.
#![no_main]

use std::path::PathBuf;
use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use marsad::diagnostics::{Diagnostic, SourceFile};
use marsad::load::schema::{
    ArticleFrontMatter, EventSheet, MouSheet, PageFrontMatter, PartnerSheet, ProgrammeSheet,
    RegionSheet, SourceSheet,
};
use marsad::load::{decode_source, parse_document, parse_sheet};

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
const LANGUAGES: &[&str] = &["fr", "ar"];

fn refused(path: &str, diagnostic: &Diagnostic) {
    let shown = diagnostic.to_string();
    let name = path.rsplit('/').next().unwrap_or(path);
    assert!(shown.contains(name), "{shown}");
}

fn document<F: serde::de::DeserializeOwned>(path: &str, file: &Arc<SourceFile>) {
    match parse_document::<F>(file, LANGUAGES) {
        Ok(document) => {
            let text = file.text.as_str();
            assert!(document.body.end == text.len(), "{:?}", document.body);
            assert!(text.is_char_boundary(document.body.start));
            assert!(document.front_matter_offset <= document.body.start);
            let _ = document.body_text();
        }
        Err(diagnostic) => refused(path, &diagnostic),
    }
}

fn sheet<T: serde::de::DeserializeOwned>(path: &str, file: &Arc<SourceFile>) {
    if let Err(diagnostic) = parse_sheet::<T>(file) {
        refused(path, &diagnostic);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, bytes)) = data.split_first() else {
        return;
    };
    let kind = usize::from(kind) % KINDS.len();
    let path = KINDS[kind];
    let file = match decode_source(PathBuf::from(path), bytes.to_vec()) {
        Ok(file) => file,
        Err(diagnostic) => return refused(path, &diagnostic),
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
});
