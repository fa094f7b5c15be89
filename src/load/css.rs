//! The theme's stylesheets refer to other theme files (`url(fonts/noto-naskh-arabic.woff2)`),
//! but every theme file is published under a fingerprinted name
//! (`fonts/noto-naskh-arabic.3f9a1c2b7d.woff2`). This pass rewrites those references so the
//! published stylesheet names the published files; the stylesheet is then fingerprinted from
//! the rewritten text, so a new font makes a new stylesheet name too, and pages link it.
//!
//! A small scanner rather than a CSS parser (lightningcss would be a heavy dependency for one
//! token): it skips comments and strings and finds the two places CSS holds a URL, the
//! `url(…)` function (quoted or not) and the string form of `@import "…"`. URLs that are
//! not relative paths (`data:`, `https:`, `/absolute`, `//host`, `#fragment`) are left alone;
//! a relative one must name a file of the theme's `static/` folder, or the build says where.

use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// A URL written in a stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Byte range of the URL's text (inside the quotes, if any).
    pub span: Range<usize>,
    /// True when the URL contains a backslash escape, which this pass does not decode.
    pub escaped: bool,
}

/// Every URL of `css`, in order: `url(…)` values and `@import "…"` strings.
pub fn references(css: &str) -> Vec<Reference> {
    let bytes = css.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = css[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |end| i + 2 + end + 2);
            }
            b'"' | b'\'' => i = string(bytes, i).1,
            b'\\' => i = after_escape(bytes, i),
            b'@' => {
                let name_end = identifier_end(bytes, i + 1);
                let name = &css[i + 1..name_end];
                i = name_end;
                if name.eq_ignore_ascii_case("import") {
                    let start = skip_blanks(css, i);
                    if let Some(b'"' | b'\'') = bytes.get(start) {
                        let (inside, end) = string(bytes, start);
                        found.push(reference(css, inside));
                        i = end;
                    }
                }
            }
            byte if is_identifier_byte(byte) => {
                let end = identifier_end(bytes, i);
                let name = &css[i..end];
                i = end;
                if name.eq_ignore_ascii_case("url") && bytes.get(end) == Some(&b'(') {
                    if let Some((inside, after)) = url_value(css, end + 1) {
                        found.push(reference(css, inside));
                        i = after;
                    } else {
                        i = end + 1;
                    }
                }
            }
            _ => i += 1,
        }
    }
    found
}

fn reference(css: &str, span: Range<usize>) -> Reference {
    let escaped = css[span.clone()].contains('\\');
    Reference { span, escaped }
}

/// The index after a backslash at `i` and the whole character it escapes.
fn after_escape(bytes: &[u8], i: usize) -> usize {
    let mut j = i + 2;
    while j < bytes.len() && bytes[j] & 0xC0 == 0x80 {
        j += 1;
    }
    j.min(bytes.len())
}

/// Letters, digits, `-`, `_` and anything not ASCII: what CSS identifiers are made of.
fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_' || byte >= 0x80
}

fn identifier_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() {
        if bytes[i] == b'\\' {
            i = after_escape(bytes, i);
        } else if is_identifier_byte(bytes[i]) {
            i += 1;
        } else {
            break;
        }
    }
    i.min(bytes.len())
}

/// A string starting at its quote `start`: the range inside the quotes and the index after
/// the closing quote. An unclosed string ends at the line's end, as CSS says.
fn string(bytes: &[u8], start: usize) -> (Range<usize>, usize) {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i = after_escape(bytes, i),
            b'\n' => return (start + 1..i, i),
            byte if byte == quote => return (start + 1..i, i + 1),
            _ => i += 1,
        }
    }
    let end = bytes.len();
    (start + 1..end, end)
}

/// Skips white space and comments.
fn skip_blanks(css: &str, mut i: usize) -> usize {
    let bytes = css.as_bytes();
    loop {
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if css[i..].starts_with("/*") {
            i = css[i + 2..]
                .find("*/")
                .map_or(bytes.len(), |end| i + 2 + end + 2);
        } else {
            return i;
        }
    }
}

/// The value of `url(` whose content starts at `i`: the URL's range and the index after
/// `)`. `None` for a malformed one (no closing parenthesis), which is left as written.
fn url_value(css: &str, i: usize) -> Option<(Range<usize>, usize)> {
    let bytes = css.as_bytes();
    let mut i = i;
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    let (inside, mut after) = match bytes.get(i)? {
        b'"' | b'\'' => string(bytes, i),
        _ => {
            let start = i;
            while i < bytes.len() && bytes[i] != b')' && !bytes[i].is_ascii_whitespace() {
                i = if bytes[i] == b'\\' {
                    after_escape(bytes, i)
                } else {
                    i + 1
                };
            }
            let end = i.min(bytes.len());
            (start..end, end)
        }
    };
    while after < bytes.len() && bytes[after].is_ascii_whitespace() {
        after += 1;
    }
    (bytes.get(after) == Some(&b')')).then_some((inside, after + 1))
}

/// What a URL written in a stylesheet points at.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// Not a relative path (`data:`, `https:`, `/x`, `//host/x`, `#id`, empty): left alone.
    Elsewhere,
    /// A file of the theme's `static/` folder, by its path there, with the URL's text up to
    /// the file name (`../fonts/`) and from the query or fragment on (`?v=2`, `#id`).
    Theme {
        path: PathBuf,
        directory: String,
        suffix: String,
    },
    /// A relative path that climbs out of `static/` or is not valid percent-encoded UTF-8.
    Outside,
}

/// Resolves `url`, written in the stylesheet at `stylesheet` (a path in `static/`).
pub fn target(stylesheet: &Path, url: &str) -> Target {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') || url.starts_with('/') || has_scheme(url) {
        return Target::Elsewhere;
    }
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path_text, suffix) = url.split_at(split);
    let directory = path_text
        .rfind('/')
        .map_or("", |slash| &path_text[..=slash]);
    let Ok(decoded) = percent_decode_str(path_text).decode_utf8() else {
        return Target::Outside;
    };
    let mut resolved: Vec<&str> = Vec::new();
    let base = stylesheet.parent().unwrap_or(Path::new(""));
    let base: Vec<String> = base
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    resolved.extend(base.iter().map(String::as_str));
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if resolved.pop().is_none() {
                    return Target::Outside;
                }
            }
            part => resolved.push(part),
        }
    }
    if resolved.is_empty() || decoded.ends_with('/') {
        return Target::Outside;
    }
    Target::Theme {
        path: resolved.iter().collect(),
        directory: directory.to_owned(),
        suffix: suffix.to_owned(),
    }
}

/// `scheme:` as URLs start it (`data:`, `https:`, `mailto:`): a letter, then letters,
/// digits, `+`, `-` or `.`, then a colon before any `/`, `?` or `#`.
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// What a published file name must escape to sit in an unquoted `url()` or a quoted string.
const UNSAFE_IN_URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'\'')
    .add(b'(')
    .add(b')')
    .add(b'\\')
    .add(b'#')
    .add(b'?')
    .add(b'%');

/// The URL that replaces one naming a theme file, once that file's published path is known:
/// the same directory part (published files keep their folders), the published file name.
pub fn rewritten_url(directory: &str, published: &Path, suffix: &str) -> String {
    let name = published
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(
        "{directory}{}{suffix}",
        utf8_percent_encode(&name, UNSAFE_IN_URL)
    )
}

/// `css` with the URL at each span replaced: `replacements` in the order of the text.
pub fn replace(css: &str, replacements: &[(Range<usize>, String)]) -> String {
    let mut out = String::with_capacity(css.len() + replacements.len() * 12);
    let mut at = 0;
    for (span, text) in replacements {
        out.push_str(&css[at..span.start]);
        out.push_str(text);
        at = span.end;
    }
    out.push_str(&css[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(css: &str) -> Vec<&str> {
        references(css).into_iter().map(|r| &css[r.span]).collect()
    }

    #[test]
    fn finds_quoted_unquoted_and_import_urls() {
        let css = r#"
@import "print.css" print;
@IMPORT url(  'base.css'  );
@font-face { src: url(fonts/a.woff2) format("woff2"), URL("b c.woff") format("woff"); }
.x { background: url( img/x.svg ) }
"#;
        assert_eq!(
            urls(css),
            [
                "print.css",
                "base.css",
                "fonts/a.woff2",
                "b c.woff",
                "img/x.svg"
            ]
        );
    }

    #[test]
    fn skips_comments_strings_and_other_functions() {
        let css = r#"
/* url(commented.png) */
.a::before { content: "url(in-a-string.png)"; }
.b { background: my-url(not-a-url.png); }
.c { font-family: 'url(' ; }
.d { background: url(real.png); }
"#;
        assert_eq!(urls(css), ["real.png"]);
    }

    #[test]
    fn escaped_characters_of_any_width_are_skipped_whole() {
        assert_eq!(urls(".\\é\\ب { background: url(a.png) }"), ["a.png"]);
        assert_eq!(urls("a\\"), Vec::<&str>::new());
    }

    #[test]
    fn an_unclosed_url_is_left_alone() {
        assert_eq!(urls(".a { background: url(x.png ; }"), Vec::<&str>::new());
    }

    #[test]
    fn escapes_are_noticed() {
        let found = references(r".a { background: url(a\).png); }");
        assert_eq!(found.len(), 1);
        assert!(found[0].escaped);
    }

    #[test]
    fn urls_that_are_not_relative_paths_are_elsewhere() {
        let css = Path::new("style.css");
        for url in [
            "data:font/woff2;base64,AAAA",
            "https://example.org/a.woff2",
            "HTTP://example.org/a.woff2",
            "//cdn.example.org/a.woff2",
            "/assets/a.woff2",
            "#gradient",
            "",
            "  ",
        ] {
            assert_eq!(target(css, url), Target::Elsewhere, "{url}");
        }
    }

    #[test]
    fn relative_urls_resolve_against_the_stylesheet() {
        let theme = |path: &str, directory: &str, suffix: &str| Target::Theme {
            path: PathBuf::from(path),
            directory: directory.to_owned(),
            suffix: suffix.to_owned(),
        };
        assert_eq!(
            target(Path::new("style.css"), "fonts/a.woff2"),
            theme("fonts/a.woff2", "fonts/", "")
        );
        assert_eq!(
            target(Path::new("css/print.css"), "../fonts/./a.woff2?v=2#x"),
            theme("fonts/a.woff2", "../fonts/./", "?v=2#x")
        );
        assert_eq!(
            target(Path::new("style.css"), "img/a%20b.svg#icon"),
            theme("img/a b.svg", "img/", "#icon")
        );
        assert_eq!(
            target(Path::new("style.css"), "./logo.svg"),
            theme("logo.svg", "./", "")
        );
        assert_eq!(target(Path::new("style.css"), "../x.png"), Target::Outside);
        assert_eq!(target(Path::new("style.css"), "fonts/"), Target::Outside);
        assert_eq!(target(Path::new("style.css"), "%FF.png"), Target::Outside);
    }

    #[test]
    fn rewriting_keeps_the_directory_and_suffix() {
        assert_eq!(
            rewritten_url("../fonts/", Path::new("fonts/a.0123456789.woff2"), "?v=2"),
            "../fonts/a.0123456789.woff2?v=2"
        );
        assert_eq!(
            rewritten_url("", Path::new("a b(1).0123456789.png"), ""),
            "a%20b%281%29.0123456789.png"
        );
    }

    #[test]
    fn replace_swaps_each_span() {
        let css = "a{background:url(x.png)} b{src:url('y.woff')}";
        let found = references(css);
        let replaced = replace(
            css,
            &[
                (found[0].span.clone(), "x.1.png".to_owned()),
                (found[1].span.clone(), "y.2.woff".to_owned()),
            ],
        );
        assert_eq!(
            replaced,
            "a{background:url(x.1.png)} b{src:url('y.2.woff')}"
        );
    }
}
