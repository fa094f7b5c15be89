//! Diagnostics: what went wrong, where, and how to fix it.
//!
//! Editors are journalists, not Rust developers, so every problem the build finds becomes a
//! [`Diagnostic`] that names the file, line and column, shows the offending line with a caret
//! and ends with a one-line hint. Stages never stop at the first problem: they push into a
//! [`Diagnostics`] collection and the build reports all of them at once.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

/// A file the build read, kept whole so a diagnostic can quote it.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the editor (relative to the site root where possible).
    pub path: PathBuf,
    /// The file's text (lossily decoded when the file was not valid UTF-8).
    pub text: String,
}

impl SourceFile {
    /// Wraps a file's path and text for later quoting.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Arc<Self> {
        Arc::new(Self {
            path: path.into(),
            text: text.into(),
        })
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

/// True for the Unicode controls that change the direction of the text around them: the
/// embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069. They are invisible,
/// and an override makes text display in another order than it is stored (the "Trojan
/// Source" trick), so the build refuses them in texts, names and slugs; the marks U+200E and
/// U+200F, which only nudge neutral characters, are allowed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with control and bidirectional formatting characters written as `\u{…}`, so that
/// a file name or link target quoted in a diagnostic cannot reorder or hide what the
/// terminal shows.
pub fn escape_controls(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || is_bidi_control(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A path as shown in a diagnostic: see [`escape_controls`].
fn shown(path: &Path) -> String {
    escape_controls(&path.display().to_string())
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// How serious a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build.
    Error,
    /// Reported, but the build goes on.
    Warning,
}

impl Severity {
    /// `error` or `warning`, as printed and as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Where a diagnostic points: a byte range in a source file.
#[derive(Debug, Clone)]
pub struct Location {
    /// The file.
    pub file: Arc<SourceFile>,
    /// Byte range of the offending text within [`SourceFile::text`].
    pub span: Range<usize>,
}

/// One problem found in the site. Boxed, so that `Result<_, Diagnostic>` stays one pointer
/// wide on the success path.
#[derive(Debug, Clone)]
pub struct Diagnostic(Box<Details>);

/// What a [`Diagnostic`] says.
#[derive(Debug, Clone)]
pub struct Details {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where, when the problem is in a file.
    pub location: Option<Location>,
    /// A path to show when there is no position to quote (e.g. an unreadable file).
    pub path: Option<PathBuf>,
    /// Short text placed under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub hint: Option<String>,
}

impl std::ops::Deref for Diagnostic {
    type Target = Details;

    fn deref(&self) -> &Details {
        &self.0
    }
}

impl Diagnostic {
    /// An error with a message and nothing else yet.
    pub fn error(message: impl Into<String>) -> Self {
        Self(Box::new(Details {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            path: None,
            label: None,
            hint: None,
        }))
    }

    /// A warning with a message and nothing else yet.
    pub fn warning(message: impl Into<String>) -> Self {
        let mut diagnostic = Self::error(message);
        diagnostic.0.severity = Severity::Warning;
        diagnostic
    }

    /// Points the diagnostic at a byte range of a file.
    pub fn at(mut self, file: &Arc<SourceFile>, span: Range<usize>) -> Self {
        let len = file.text.len();
        let start = floor_char_boundary(&file.text, span.start.min(len));
        let end = floor_char_boundary(&file.text, span.end.clamp(start, len));
        self.0.location = Some(Location {
            file: Arc::clone(file),
            span: start..end,
        });
        self
    }

    /// Names a file without a position in it.
    pub fn in_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.0.path = Some(path.into());
        self
    }

    /// Sets the text shown under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.0.label = Some(label.into());
        self
    }

    /// Sets the one-line hint on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.0.hint = Some(hint.into());
        self
    }

    /// The file this diagnostic is about, if any.
    pub fn file_path(&self) -> Option<&Path> {
        self.location
            .as_ref()
            .map(|l| l.file.path.as_path())
            .or(self.path.as_deref())
    }

    /// `path:line:col` (or just `path`) for sorting and one-line summaries.
    pub fn position(&self) -> Option<String> {
        match (&self.location, &self.path) {
            (Some(loc), _) => {
                let (line, col) = loc.file.line_col(loc.span.start);
                Some(format!("{}:{line}:{col}", shown(&loc.file.path)))
            }
            (None, Some(path)) => Some(shown(path)),
            (None, None) => None,
        }
    }

    /// The diagnostic as plain data, for machine-readable output (`marsad check --format
    /// json`): line and column are one-based, in characters, and absent when the diagnostic
    /// names a file without a position.
    pub fn to_json(&self) -> JsonDiagnostic<'_> {
        let (path, line, column) = match (&self.location, &self.path) {
            (Some(loc), _) => {
                let (line, column) = loc.file.line_col(loc.span.start);
                (Some(display_path(&loc.file.path)), Some(line), Some(column))
            }
            (None, Some(path)) => (Some(display_path(path)), None, None),
            (None, None) => (None, None, None),
        };
        JsonDiagnostic {
            severity: self.severity.as_str(),
            message: &self.message,
            path,
            line,
            column,
            hint: self.hint.as_deref(),
            label: self.label.as_deref(),
        }
    }

    /// Renders the diagnostic the way rustc does: message, `--> path:line:col`, the line, a
    /// caret under the offending text, and the hint.
    pub fn render(&self, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str());
        let hint = self.hint.as_deref().map(|h| Level::HELP.message(h));
        // A bidirectional control in the quoted line would reorder the terminal's display of
        // it: each becomes U+FFFD, as long in bytes and characters, so the caret stays under
        // the same text.
        let quoted: Option<String> = self.location.as_ref().and_then(|loc| {
            let excerpt = Excerpt::new(&loc.file.text, &loc.span);
            excerpt.text.chars().any(is_bidi_control).then(|| {
                excerpt
                    .text
                    .chars()
                    .map(|c| if is_bidi_control(c) { '\u{FFFD}' } else { c })
                    .collect()
            })
        });
        let group = match (&self.location, &self.path) {
            (Some(loc), _) => {
                let excerpt = Excerpt::new(&loc.file.text, &loc.span);
                let path = shown(&loc.file.path);
                let mut annotation = AnnotationKind::Primary.span(excerpt.span.clone());
                if let Some(label) = &self.label {
                    annotation = annotation.label(label.as_str());
                }
                let snippet = Snippet::source(quoted.as_deref().unwrap_or(excerpt.text))
                    .line_start(excerpt.first_line)
                    .path(path)
                    .annotation(annotation);
                let group = title.element(snippet);
                match hint {
                    Some(hint) => group.element(hint),
                    None => group,
                }
            }
            (None, path) => {
                let mut group = title.element(Level::NOTE.message(match path {
                    Some(p) => format!("in {}", shown(p)),
                    None => String::from("in the site as a whole"),
                }));
                if let Some(hint) = hint {
                    group = group.element(hint);
                }
                group
            }
        };
        renderer.render(&[group])
    }
}

/// A path with `/` separators whatever the platform, as JSON consumers expect.
fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// One diagnostic in machine-readable form (see [`Diagnostic::to_json`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JsonDiagnostic<'a> {
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: &'a str,
    /// The file, relative to the site root (or as given on the command line).
    pub path: Option<String>,
    /// One-based line.
    pub line: Option<usize>,
    /// One-based column, in characters.
    pub column: Option<usize>,
    /// How to fix it.
    pub hint: Option<&'a str>,
    /// The text under the caret.
    pub label: Option<&'a str>,
}

/// The lines of a file around a span, so a huge file is never handed whole to the renderer.
struct Excerpt<'a> {
    text: &'a str,
    span: Range<usize>,
    first_line: usize,
}

impl<'a> Excerpt<'a> {
    fn new(text: &'a str, span: &Range<usize>) -> Self {
        let start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let first_line = text[..start].matches('\n').count() + 1;
        Excerpt {
            text: &text[start..end],
            span: span.start - start..span.end - start,
            first_line,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(&Renderer::plain()))
    }
}

/// Prints diagnostics to standard error the way rustc does, in colour on a terminal.
pub fn print(diagnostics: Diagnostics) {
    use std::io::IsTerminal;
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in diagnostics.sorted() {
        eprintln!("{}\n", diagnostic.render(&renderer));
    }
}

/// Every problem found in one build, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all diagnostics of another collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// True when at least one diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of distinct errors.
    pub fn error_count(&self) -> usize {
        self.clone()
            .sorted()
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics, sorted by file and position, each reported once (a template error
    /// met by every page it draws is one problem).
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by_cached_key(|d| {
            let offset = d.location.as_ref().map_or(0, |l| l.span.start);
            (
                d.file_path().map(Path::to_path_buf),
                offset,
                d.severity,
                d.message.clone(),
            )
        });
        self.items.dedup_by(|a, b| {
            a.message == b.message
                && a.file_path() == b.file_path()
                && a.location.as_ref().map(|l| &l.span) == b.location.as_ref().map(|l| &l.span)
        });
        self.items
    }

    /// Iterates in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Self {
            items: vec![diagnostic],
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Self {
            items: iter.into_iter().collect(),
        }
    }
}

/// The closest candidate to a misspelt name, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(wrong, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_in_a_quoted_line_are_shown_as_replacement_characters() {
        let file = SourceFile::new("a.toml", "title = \"A\u{202E}B\"\n");
        let text = Diagnostic::error("x").at(&file, 10..13).to_string();
        assert!(text.contains("title = \"A\u{FFFD}B\""), "{text}");
        assert!(!text.contains('\u{202E}'));
    }

    #[test]
    fn control_characters_are_escaped_for_display() {
        assert_eq!(escape_controls("a\u{202e}b\u{1}c"), "a\\u{202e}b\\u{1}c");
        assert_eq!(escape_controls("مرصد"), "مرصد");
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let file = SourceFile::new("a.toml", "title = \"x\"\nname = \"مرصد\" bad");
        let offset = file.text.find("bad").unwrap();
        assert_eq!(file.line_col(offset), (2, 15));
    }

    #[test]
    fn renders_path_line_caret_and_hint() {
        let file = SourceFile::new("content/regions/x.toml", "a = 1\nregion = \"atlantis\"\n");
        let start = file.text.find("\"atlantis\"").unwrap();
        let out = Diagnostic::error("unknown region `atlantis`")
            .at(&file, start..start + 10)
            .label("not a region")
            .hint("use one of the slugs in content/regions/")
            .to_string();
        assert!(out.contains("error: unknown region `atlantis`"), "{out}");
        assert!(out.contains("--> content/regions/x.toml:2:10"), "{out}");
        assert!(out.contains("region = \"atlantis\""), "{out}");
        assert!(out.contains("^^^^^^^^^^ not a region"), "{out}");
        assert!(
            out.contains("help: use one of the slugs in content/regions/"),
            "{out}"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["regions", "partners", "sources"];
        assert_eq!(did_you_mean("regoins", names), Some("regions"));
        assert_eq!(did_you_mean("zzz", names), None);
    }
}
