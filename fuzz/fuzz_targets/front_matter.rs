//! The front matter splitter, fed any bytes as an article file (decoded as the loader does:
//! a byte-order mark dropped, anything not UTF-8 refused with a diagnostic).
//!
//! Property: no panic; a split gives two ranges inside the text, on character boundaries,
//! the front matter before the body; a refusal renders as a diagnostic that names the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use marsad::load::{decode_source, front_matter};

fuzz_target!(|data: &[u8]| {
    let file = match decode_source("content/articles/a.fr.md".into(), data.to_vec()) {
        Ok(file) => file,
        Err(diagnostic) => {
            let shown = diagnostic.to_string();
            assert!(shown.contains("a.fr.md"), "{shown}");
            return;
        }
    };
    let text = file.text.as_str();
    match front_matter::split(&file) {
        Ok(split) => {
            let (front, body) = (split.front_matter, split.body);
            assert!(
                front.start <= front.end && front.end <= body.start,
                "{front:?} {body:?}"
            );
            assert!(body.start <= body.end && body.end == text.len(), "{body:?}");
            for at in [front.start, front.end, body.start] {
                assert!(text.is_char_boundary(at), "{at} is not a char boundary");
            }
        }
        Err(diagnostic) => {
            let shown = diagnostic.to_string();
            assert!(shown.contains("a.fr.md"), "{shown}");
        }
    }
});
