//! Strict TOML deserialization with editor-friendly errors.
//!
//! `toml` already knows where a syntax or type error is; this module turns its error into a
//! [`Diagnostic`] that speaks the editors' language ("unknown key", "did you mean") instead of
//! serde's ("unknown field, expected one of").

use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, SourceFile, did_you_mean, is_bidi_control};

/// Parses `text`, which starts at byte `offset` of `file`, into `T`.
///
/// `offset` is non-zero for front matter, whose TOML starts after the opening `+++` line.
pub fn parse<T: DeserializeOwned>(
    file: &Arc<SourceFile>,
    offset: usize,
    text: &str,
) -> Result<T, Diagnostic> {
    if let Some((span, c)) = find_bidi_control(text) {
        return Err(bidi_diagnostic(c).at(file, offset + span.start..offset + span.end));
    }
    toml::from_str(text).map_err(|error| to_diagnostic(file, offset, text, &error))
}

/// The first bidirectional control (see [`is_bidi_control`]) in TOML text, written as the
/// character itself or as a `\uXXXX` / `\UXXXXXXXX` escape, with its byte range. The whole
/// text is searched, comments included: an invisible override in a comment misleads a
/// reviewer as much as one in a value.
fn find_bidi_control(text: &str) -> Option<(std::ops::Range<usize>, char)> {
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if is_bidi_control(c) {
            return Some((i..i + c.len_utf8(), c));
        }
        if c != '\\' {
            continue;
        }
        // An escape only if this backslash is not itself escaped.
        let preceding = bytes[..i].iter().rev().take_while(|&&b| b == b'\\').count();
        if preceding % 2 == 1 {
            continue;
        }
        let digits = match bytes.get(i + 1) {
            Some(b'u') => 4,
            Some(b'U') => 8,
            _ => continue,
        };
        let hex = text.get(i + 2..i + 2 + digits)?;
        let escaped = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
        if let Some(c) = escaped.filter(|&c| is_bidi_control(c)) {
            return Some((i..i + 2 + digits, c));
        }
    }
    None
}

/// Says which bidirectional control was found and why it is refused.
fn bidi_diagnostic(c: char) -> Diagnostic {
    let name = match c {
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        _ => "POP DIRECTIONAL ISOLATE",
    };
    Diagnostic::error(format!(
        "an invisible bidirectional control character, U+{:04X} {name}",
        u32::from(c)
    ))
    .label("here (shown as �)")
    .hint("delete it: the site sets the direction of each language itself (French left to right, Arabic right to left), and these controls can make a text display in another order than it is written")
}

fn to_diagnostic(
    file: &Arc<SourceFile>,
    offset: usize,
    text: &str,
    error: &toml::de::Error,
) -> Diagnostic {
    let message = error.message().trim();
    let span = error.span().unwrap_or(0..0);
    let diagnostic = explain(message, &text[span.clone()]);
    let span = narrow_span(text, span);
    diagnostic.at(file, offset + span.start..offset + span.end)
}

/// A span covering a whole table (missing keys) is narrowed to its first line, so the caret
/// points at the table header rather than underlining the whole file.
fn narrow_span(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let covered = &text[span.clone()];
    match covered.trim_end().find('\n') {
        Some(newline) if covered.trim_end().len() > newline => {
            let line = covered[..newline].trim_end();
            if line.trim().is_empty() {
                span.start..span.start
            } else {
                span.start..span.start + line.len()
            }
        }
        _ => span,
    }
}

fn explain(message: &str, quoted: &str) -> Diagnostic {
    if let Some((unknown, expected)) = parse_unknown(message, "unknown field") {
        let hint = suggestion(&unknown, &expected, "keys");
        return Diagnostic::error(format!("unknown key `{unknown}`"))
            .label("not a key of this table")
            .hint(hint);
    }
    if let Some((unknown, expected)) = parse_unknown(message, "unknown variant") {
        let hint = suggestion(&unknown, &expected, "values");
        return Diagnostic::error(format!("`{unknown}` is not an allowed value"))
            .label("not allowed here")
            .hint(hint);
    }
    if let Some(field) = between(message, "missing field `", "`") {
        return Diagnostic::error(format!("missing required key `{field}`"))
            .label("in this table")
            .hint(format!("add `{field} = …` to this table"));
    }
    if message.starts_with("invalid type") {
        return Diagnostic::error(message.replace("invalid type: ", "wrong type: "))
            .label("wrong type")
            .hint(type_hint(message));
    }
    if is_date_error(message) {
        return Diagnostic::error(format!("impossible date: {message}"))
            .label("not a date of the calendar")
            .hint("write a date that exists as YYYY-MM-DD (months 01 to 12, days the month has); when only the month or the year is known, write \"2025-09\" or \"2025\"");
    }
    let label = if quoted.trim().is_empty() {
        "here"
    } else {
        "this is not valid TOML here"
    };
    Diagnostic::error(format!("invalid TOML: {message}"))
        .label(label)
        .hint("text values need double quotes, lists are written [\"a\", \"b\"], and tables [name]")
}

/// A date TOML parsed but the calendar does not have (`2025-13-40`: toml's "invalid date"),
/// or a date string [`crate::load::date::FlexDate`] refused.
fn is_date_error(message: &str) -> bool {
    message.starts_with("invalid date")
        || message.starts_with("month ")
        || message.starts_with("day ")
        || (message.starts_with("year ") && message.ends_with("out of range"))
        || message == "a day needs a month"
}

fn type_hint(message: &str) -> String {
    if message.ends_with("expected a sequence") {
        String::from("write a list in square brackets, e.g. [\"oriental\"]")
    } else if message.contains("expected a string") {
        String::from("write text in double quotes, e.g. \"…\"")
    } else if message.contains("expected a boolean") {
        String::from("write true or false, without quotes")
    } else if message.contains("expected a map") || message.contains("expected struct") {
        String::from("write a table with one line per language, e.g. fr = \"…\" and ar = \"…\"")
    } else {
        String::from("check the value against the content format in the README")
    }
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (or "expected `a`", or "there
/// are no fields").
fn parse_unknown(message: &str, prefix: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix(prefix)?;
    let unknown = between(rest, "`", "`")?;
    let expected = rest
        .split_once("expected")
        .map(|(_, list)| {
            list.split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Some((unknown, expected))
}

fn between(text: &str, open: &str, close: &str) -> Option<String> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(text[start..end].to_owned())
}

fn suggestion(unknown: &str, expected: &[String], what: &str) -> String {
    let allowed = expected.join(", ");
    match did_you_mean(unknown, expected.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `{close}`? allowed {what}: {allowed}"),
        None if expected.is_empty() => format!("remove it: this table takes no {what}"),
        None => format!("allowed {what}: {allowed}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_say_so() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Dated {
            date: toml::value::Datetime,
        }
        let file = SourceFile::new("a.toml", "date = 2025-13-40\n");
        let text = parse::<Dated>(&file, 0, &file.text)
            .unwrap_err()
            .to_string();
        assert!(text.contains("impossible date: invalid date"), "{text}");
        assert!(text.contains("a.toml:1:8"), "{text}");
        assert!(text.contains("help: write a date that exists"), "{text}");
    }

    #[test]
    fn bidi_controls_are_found_raw_or_escaped() {
        assert_eq!(
            find_bidi_control("a = \"x\u{202E}y\""),
            Some((6..9, '\u{202E}'))
        );
        assert_eq!(
            find_bidi_control(r#"a = "x\u2067y""#),
            Some((6..12, '\u{2067}'))
        );
        assert_eq!(
            find_bidi_control(r#"a = "x\U0000202Ay""#),
            Some((6..16, '\u{202A}'))
        );
        // An escaped backslash followed by `u202E` is text, not an escape.
        assert_eq!(find_bidi_control(r#"a = "x\\u202Ey""#), None);
        // Marks and Arabic text are fine.
        assert_eq!(find_bidi_control("a = \"مرصد\u{200F}\""), None);
        let file = SourceFile::new("a.toml", "[name]\nfr = \"A\u{202E}B\"\n");
        let error = parse::<toml::Value>(&file, 0, &file.text).unwrap_err();
        assert!(error.to_string().contains("a.toml:2:8"), "{error}");
    }
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sheet {
        title: String,
        regions: Vec<String>,
        #[serde(default)]
        kind: Option<Kind>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        Company,
        Ministry,
    }

    fn error(text: &str) -> String {
        let file = SourceFile::new("x.toml", text);
        parse::<Sheet>(&file, 0, text).unwrap_err().to_string()
    }

    #[test]
    fn unknown_key_suggests_the_close_one() {
        let out = error("title = \"a\"\nregoins = []\n");
        assert!(out.contains("error: unknown key `regoins`"), "{out}");
        assert!(out.contains("x.toml:2:1"), "{out}");
        assert!(out.contains("did you mean `regions`?"), "{out}");
    }

    #[test]
    fn unknown_enum_value_suggests_the_close_one() {
        let out = error("title = \"a\"\nregions = []\nkind = \"compagny\"\n");
        assert!(out.contains("`compagny` is not an allowed value"), "{out}");
        assert!(out.contains("did you mean `company`?"), "{out}");
    }

    #[test]
    fn missing_key_names_it() {
        let out = error("title = \"a\"\n");
        assert!(out.contains("missing required key `regions`"), "{out}");
        assert!(out.contains("add `regions = …`"), "{out}");
    }

    #[test]
    fn wrong_type_explains_lists() {
        let out = error("title = \"a\"\nregions = \"oriental\"\n");
        assert!(out.contains("wrong type"), "{out}");
        assert!(out.contains("x.toml:2:11"), "{out}");
        assert!(out.contains("square brackets"), "{out}");
    }

    #[test]
    fn syntax_error_points_at_the_line() {
        let out = error("title = \"a\"\nregions = [oriental]\n");
        assert!(out.contains("invalid TOML"), "{out}");
        assert!(out.contains("x.toml:2:"), "{out}");
    }
}
