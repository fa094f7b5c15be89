//! Splits an article into its TOML front matter (between `+++` lines) and its Markdown body.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, SourceFile};

/// Byte ranges of the two parts of an article file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split {
    /// The TOML between the delimiters.
    pub front_matter: Range<usize>,
    /// Everything after the closing delimiter's line.
    pub body: Range<usize>,
}

const DELIMITER: &str = "+++";

/// Finds the front matter of `file`. Lines may end in `\n` or `\r\n`.
pub fn split(file: &Arc<SourceFile>) -> Result<Split, Diagnostic> {
    let text = file.text.as_str();
    let mut lines = lines_with_offsets(text);
    let first = lines.next();
    let opening_ok = first.is_some_and(|(_, line)| line.trim_end() == DELIMITER);
    if !opening_ok {
        let end = first.map_or(0, |(_, line)| line.trim_end().len());
        return Err(Diagnostic::error("the file does not start with front matter")
            .at(file, 0..end)
            .label("expected `+++` on the first line")
            .hint("start the file with a line `+++`, then `title = \"…\"` and the other keys, then a closing `+++` line"));
    }
    let front_start = first.map_or(0, |(offset, line)| offset + line.len());
    for (offset, line) in lines {
        if line.trim_end() == DELIMITER {
            return Ok(Split {
                front_matter: front_start..offset,
                body: offset + line.len()..text.len(),
            });
        }
    }
    let opening_len = first.map_or(0, |(_, line)| line.trim_end().len());
    Err(Diagnostic::error("the front matter is never closed")
        .at(file, 0..opening_len)
        .label("opened here")
        .hint("add a line `+++` after the last front matter key, before the article's text"))
}

/// Lines with their byte offset, each including its line ending.
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_inclusive('\n').scan(0, |offset, line| {
        let start = *offset;
        *offset += line.len();
        Some((start, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_text(text: &str) -> Result<(String, String), String> {
        let file = SourceFile::new("a.fr.md", text);
        split(&file)
            .map(|s| {
                (
                    file.text[s.front_matter].to_owned(),
                    file.text[s.body].to_owned(),
                )
            })
            .map_err(|d| d.to_string())
    }

    #[test]
    fn splits_lf_and_crlf() {
        let (front, body) = split_text("+++\ntitle = \"a\"\n+++\n# Hi\n").unwrap();
        assert_eq!(front, "title = \"a\"\n");
        assert_eq!(body, "# Hi\n");
        let (front, body) = split_text("+++\r\ntitle = \"a\"\r\n+++\r\nbody").unwrap();
        assert_eq!(front, "title = \"a\"\r\n");
        assert_eq!(body, "body");
    }

    #[test]
    fn empty_body_is_fine() {
        let (_, body) = split_text("+++\ntitle = \"a\"\n+++").unwrap();
        assert_eq!(body, "");
    }

    #[test]
    fn missing_opening_and_closing_are_explained() {
        let err = split_text("title = \"a\"\n").unwrap_err();
        assert!(err.contains("does not start with front matter"), "{err}");
        assert!(err.contains("a.fr.md:1:1"), "{err}");
        let err = split_text("+++\ntitle = \"a\"\n# Body\n").unwrap_err();
        assert!(err.contains("never closed"), "{err}");
        let err = split_text("").unwrap_err();
        assert!(err.contains("does not start"), "{err}");
    }
}
