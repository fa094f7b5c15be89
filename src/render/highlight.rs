//! Code highlighting with syntect, as CSS classes rather than inline styles.
//!
//! Classes keep the pages compatible with a strict Content-Security-Policy (no inline
//! `style=`) and let one stylesheet switch between light and dark. The syntax set is loaded
//! once, and only when a page actually has a code block.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, css_for_theme_with_class_style, line_tokens_to_classed_spans};
use syntect::parsing::{ParseState, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Highlights `code` written in `lang` (a fence's info string). Unknown languages come out as
/// plain, escaped text.
pub fn highlight(code: &str, lang: &str) -> String {
    let token = lang.split([',', ' ']).next().unwrap_or_default().trim();
    let syntax = if token.is_empty() {
        None
    } else {
        syntaxes().find_syntax_by_token(token)
    };
    let body = match syntax {
        Some(syntax) => highlight_lines(code, syntax).unwrap_or_else(|_| escape(code)),
        None => escape(code),
    };
    let lang_attr = if token.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape(token))
    };
    format!("<pre class=\"code\" dir=\"ltr\"{lang_attr}><code>{body}</code></pre>\n")
}

/// `code` as classed spans, line by line, as syntect's `ClassedHTMLGenerator` makes it, but
/// through [`LineMemo`].
fn highlight_lines(code: &str, syntax: &'static SyntaxReference) -> Result<String, syntect::Error> {
    let mut state = LineState {
        parse: ParseState::new(syntax),
        scopes: ScopeStack::new(),
    };
    let mut html = String::with_capacity(code.len() * 4);
    let mut open_spans: isize = 0;
    LINE_MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        for line in LinesWithEndings::from(code) {
            open_spans += memo.highlight(syntax, line, &mut state, &mut html)?;
        }
        Ok::<(), syntect::Error>(())
    })?;
    for _ in 0..open_spans {
        html.push_str("</span>");
    }
    Ok(html)
}

/// Where syntect is within a code block: its parser's state and the open scopes.
#[derive(Clone, PartialEq, Eq)]
struct LineState {
    parse: ParseState,
    scopes: ScopeStack,
}

/// A line highlighted before: the state it started in, its HTML, and the state it left.
struct SeenLine {
    before: LineState,
    html: String,
    open_spans: isize,
    after: LineState,
}

/// Lines this thread has highlighted, by syntax and text. The same line in the same state
/// always comes out the same, and syntect is slow (~60 µs a line of Python): a code block that
/// both translations of an article show, and lines that recur across a site's code, are
/// highlighted once. The memo is emptied when it holds [`LineMemo::CAPACITY`] lines.
#[derive(Default)]
struct LineMemo {
    lines: HashMap<&'static str, HashMap<String, Vec<SeenLine>>>,
    len: usize,
}

impl LineMemo {
    const CAPACITY: usize = 20_000;

    /// Appends the HTML of `line` to `html` and moves `state` past it; returns how many spans
    /// the line leaves open (negative when it closes some).
    fn highlight(
        &mut self,
        syntax: &'static SyntaxReference,
        line: &str,
        state: &mut LineState,
        html: &mut String,
    ) -> Result<isize, syntect::Error> {
        let by_line = self.lines.entry(syntax.name.as_str()).or_default();
        if let Some(seen) = by_line
            .get(line)
            .and_then(|seen| seen.iter().find(|seen| seen.before == *state))
        {
            html.push_str(&seen.html);
            *state = seen.after.clone();
            return Ok(seen.open_spans);
        }
        let before = state.clone();
        let ops = state.parse.parse_line(line, syntaxes())?;
        let (line_html, open_spans) =
            line_tokens_to_classed_spans(line, &ops, CLASS_STYLE, &mut state.scopes)?;
        html.push_str(&line_html);
        if self.len >= Self::CAPACITY {
            self.lines.clear();
            self.len = 0;
        }
        self.len += 1;
        self.lines
            .entry(syntax.name.as_str())
            .or_default()
            .entry(line.to_owned())
            .or_default()
            .push(SeenLine {
                before,
                html: line_html,
                open_spans,
                after: state.clone(),
            });
        Ok(open_spans)
    }
}

thread_local! {
    static LINE_MEMO: RefCell<LineMemo> = RefCell::new(LineMemo::default());
}

/// The stylesheet for highlighted code and its fingerprinted path under `assets/`, made once.
pub fn stylesheet() -> &'static (std::path::PathBuf, String) {
    static STYLESHEET: OnceLock<(std::path::PathBuf, String)> = OnceLock::new();
    STYLESHEET.get_or_init(|| {
        let css = theme_css();
        let path =
            crate::load::fingerprinted(std::path::Path::new("highlight.css"), css.as_bytes());
        (path, css)
    })
}

/// A light theme, and a dark one for readers whose system prefers it.
fn theme_css() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| css_for_theme_with_class_style(theme, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    format!(
        "{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uses_classes_not_inline_styles() {
        let html = highlight("fn main() {}\n", "rust");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("data-lang=\"rust\""), "{html}");
    }

    #[test]
    fn a_line_seen_before_comes_out_as_syntect_makes_it() {
        use syntect::html::ClassedHTMLGenerator;
        // A docstring opened on one line and closed on another: the same line text is
        // highlighted differently inside and outside it, and both kinds recur.
        let code = "x = 1\n\"\"\"\nx = 1\n\"\"\"\nx = 1\nprint(x)\n";
        let syntax = syntaxes().find_syntax_by_token("python").unwrap();
        let mut generator =
            ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes(), CLASS_STYLE);
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .unwrap();
        }
        let expected = generator.finalize();
        for _ in 0..3 {
            assert_eq!(highlight_lines(code, syntax).unwrap(), expected);
        }
        let inside = highlight_lines("\"\"\"\nx = 1\n", syntax).unwrap();
        let outside = highlight_lines("x = 1\n", syntax).unwrap();
        assert_ne!(
            inside.lines().nth(1),
            outside.lines().next(),
            "{inside}\n{outside}"
        );
    }

    #[test]
    fn unknown_language_is_escaped_text() {
        let html = highlight("<b>x</b>\n", "nosuchlang");
        assert!(html.contains("&lt;b&gt;x&lt;/b&gt;"), "{html}");
    }

    #[test]
    fn stylesheet_has_light_and_dark() {
        let (path, css) = stylesheet();
        let name = path.to_string_lossy();
        assert!(
            name.starts_with("highlight.") && name.ends_with(".css"),
            "{name}"
        );
        assert!(css.contains(".hl-"), "{}", &css[..200.min(css.len())]);
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
