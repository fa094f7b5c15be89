//! Code highlighting with syntect, as CSS classes rather than inline styles.
//!
//! Classes keep the pages compatible with a strict Content-Security-Policy (no inline
//! `style=`) and let one stylesheet switch between light and dark. The syntax set is loaded
//! once, and only when a page actually has a code block.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
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
        Some(syntax) => {
            let mut generator =
                ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes(), CLASS_STYLE);
            let parsed = LinesWithEndings::from(code)
                .try_for_each(|line| generator.parse_html_for_line_which_includes_newline(line));
            match parsed {
                Ok(()) => generator.finalize(),
                Err(_) => escape(code),
            }
        }
        None => escape(code),
    };
    let lang_attr = if token.is_empty() {
        String::new()
    } else {
        format!(" data-lang=\"{}\"", escape(token))
    };
    format!("<pre class=\"code\" dir=\"ltr\"{lang_attr}><code>{body}</code></pre>\n")
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
