//! The Markdown pass (`render::markdown::render`) on any UTF-8 text, with a resolver that
//! accepts links to a few pages of a small site (`@/regions/north`, `@/articles/alpha#x`, …)
//! and refuses every other `@/` link, and ids the template reserves.
//!
//! Property: no panic; every error's span lies inside the text, on character boundaries
//! (the build turns it into a diagnostic with a caret); heading ids are unique and never a
//! reserved id; the HTML never carries a `javascript:` link that the pass accepted.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use marsad::render::markdown::{MarkdownEnv, render};

const KNOWN: &[&str] = &[
    "regions/north",
    "partners/acme",
    "mous/acme-2025",
    "programmes/network",
    "sources/source-a",
    "articles/alpha",
    "pages/about",
];
const RESERVED: &[&str] = &["main", "content", "search", "footnotes"];

fn resolve(target: &str) -> Result<String, String> {
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    if !KNOWN.contains(&path) {
        return Err(format!("no page `@/{target}`"));
    }
    match fragment {
        None => Ok(format!("/fr/{path}/")),
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
            Ok(format!("/fr/{path}/#{f}"))
        }
        Some(f) => Err(format!("no section `#{f}` in @/{path}")),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let env = MarkdownEnv {
        anchor_label: "Lien vers cette section",
        resolve: &resolve,
        reserved_ids: RESERVED,
    };
    let (rendered, errors) = render(text, &env);
    for error in &errors {
        let span = &error.span;
        assert!(span.start <= span.end && span.end <= text.len(), "{span:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert!(!error.message.is_empty() && !error.hint.is_empty());
    }
    let mut seen = HashSet::new();
    for id in &rendered.heading_ids {
        assert!(!RESERVED.contains(&id.as_str()), "reserved id {id}");
        assert!(seen.insert(id), "duplicate heading id {id}");
    }
    if errors.is_empty() {
        let html = rendered.html.to_ascii_lowercase();
        let html: String = html
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
            .collect();
        assert!(!html.contains("href=\"javascript:"), "{}", rendered.html);
    }
});
