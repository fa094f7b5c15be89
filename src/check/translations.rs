//! Translation parity: what a translation lacks that its original has, and translations
//! older than their original.
//!
//! The default language (`default_language` in `observatory.toml`) is the original; every
//! other translation is compared with it. All of these are warnings: a translation that lags
//! behind is still worth publishing. What the build already says is not said again here: a
//! missing translation file (the build warns), an empty title or summary, references that
//! differ between translations (the build refuses those), and fact sheets, whose every text
//! the build requires in every language.

use std::ops::Range;
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::link::model::Site;
use crate::load::date::FlexDate;

/// One translation as compared here: an article's or a standalone page's.
struct Version<'a> {
    lang: &'a str,
    file: &'a Arc<SourceFile>,
    body: &'a Range<usize>,
    /// Articles have a date; pages only `updated`.
    date: Option<FlexDate>,
    updated: Option<FlexDate>,
}

impl Version<'_> {
    /// The last time this version was revised, as far as its front matter says.
    fn revised(&self) -> Option<FlexDate> {
        self.updated.or(self.date)
    }

    fn has_text(&self) -> bool {
        !self.file.text[self.body.clone()].trim().is_empty()
    }
}

/// Every translation-parity warning of the site.
pub fn check(site: &Site) -> Diagnostics {
    let original = site.config.default_language.as_str();
    let mut found = Diagnostics::new();
    for article in &site.articles {
        let versions: Vec<Version> = article
            .translations
            .values()
            .map(|t| Version {
                lang: &t.lang,
                file: &t.file,
                body: &t.body,
                date: Some(t.date),
                updated: t.updated,
            })
            .collect();
        compare(&versions, original, &mut found);
    }
    for page in &site.pages {
        let versions: Vec<Version> = page
            .translations
            .values()
            .map(|t| Version {
                lang: &t.lang,
                file: &t.file,
                body: &t.body,
                date: None,
                updated: t.updated,
            })
            .collect();
        compare(&versions, original, &mut found);
    }
    found
}

/// Compares every translation with the original.
fn compare(versions: &[Version], original: &str, found: &mut Diagnostics) {
    for version in versions {
        if !version.has_text()
            && let Some(other) = versions.iter().find(|v| v.has_text())
        {
            found.push(
                Diagnostic::warning(format!("the {} translation has no text", version.lang))
                    .at(version.file, closing_delimiter(version))
                    .label("nothing follows the front matter")
                    .hint(format!(
                        "translate the text of {}",
                        other.file.path.display()
                    )),
            );
        }
    }
    let Some(source) = versions.iter().find(|v| v.lang == original) else {
        return;
    };
    for version in versions.iter().filter(|v| v.lang != original) {
        let (Some(source_revised), Some(revised)) = (source.revised(), version.revised()) else {
            if let Some(updated) = source.updated {
                found.push(missing_updated(source, version, updated));
            }
            continue;
        };
        if is_later(source_revised, revised) {
            let key = if version.updated.is_some() {
                "updated"
            } else {
                "date"
            };
            found.push(
                Diagnostic::warning(format!(
                    "the {} translation may be out of date: {} was revised on {source_revised}, after it",
                    version.lang,
                    source.file.path.display()
                ))
                .at(version.file, key_span(version, key))
                .label(format!("last revised on {revised}"))
                .hint(format!(
                    "compare it with the {} text and bring it up to date, then set `updated` here to that day",
                    source.lang
                )),
            );
        } else if version.updated.is_none()
            && let Some(updated) = source.updated
        {
            found.push(missing_updated(source, version, updated));
        }
    }
}

/// The original says when it was revised; the translation does not.
fn missing_updated(source: &Version, version: &Version, updated: FlexDate) -> Diagnostic {
    let at = if version.date.is_some() {
        key_span(version, "date")
    } else {
        0..3
    };
    Diagnostic::warning(format!(
        "the {} translation has no `updated`, but {} has `updated = {updated}`",
        version.lang,
        source.file.path.display()
    ))
    .at(version.file, at)
    .label("no `updated` in this front matter")
    .hint(format!(
        "add `updated = …` with the day this translation last matched the {} text, so later revisions can be compared with it",
        source.lang
    ))
}

/// True when `a` is later than `b` at the precision both are known to: `2025-07` is not
/// later than `2025-07-15`.
fn is_later(a: FlexDate, b: FlexDate) -> bool {
    let month = a.month.is_some() && b.month.is_some();
    let day = month && a.day.is_some() && b.day.is_some();
    let key = |d: FlexDate| {
        (
            d.year,
            if month { d.month.unwrap_or(0) } else { 0 },
            if day { d.day.unwrap_or(0) } else { 0 },
        )
    };
    key(a) > key(b)
}

/// The span of `key = …` in a version's front matter (the key itself).
fn key_span(version: &Version, key: &str) -> Range<usize> {
    let text = &version.file.text[..version.body.start];
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset..offset + key.len();
        }
        offset += line.len();
    }
    0..3
}

/// The closing `+++` of a version's front matter.
fn closing_delimiter(version: &Version) -> Range<usize> {
    let before = &version.file.text[..version.body.start];
    match before.trim_end().rfind("+++") {
        Some(at) => at..at + 3,
        None => 0..3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> FlexDate {
        FlexDate::parse(text).unwrap()
    }

    #[test]
    fn compares_dates_at_their_common_precision() {
        assert!(is_later(date("2025-07-05"), date("2025-07-03")));
        assert!(!is_later(date("2025-07"), date("2025-07-15")));
        assert!(!is_later(date("2025-07-15"), date("2025-07")));
        assert!(is_later(date("2025-08"), date("2025-07-15")));
        assert!(!is_later(date("2025"), date("2025-12-31")));
    }
}
