//! Checking one sheet at a time: localized texts complete in every language, references that
//! resolve, sources cited.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, did_you_mean};
use crate::load::schema::{Localized, Ref};

use super::model::Text;

/// The kinds of entity a reference can point to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `content/regions/`.
    Region,
    /// `content/partners/`.
    Partner,
    /// `content/mous/`.
    Mou,
    /// `content/programmes/`.
    Programme,
    /// `content/events/`.
    Event,
    /// `seeds/`.
    Source,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Region => "region",
            Kind::Partner => "partner",
            Kind::Mou => "agreement",
            Kind::Programme => "programme",
            Kind::Event => "event",
            Kind::Source => "source",
        }
    }

    /// The word naming the kind in `@/` links and URLs, and in the broken-file set.
    fn segment(self) -> &'static str {
        match self {
            Kind::Region => "regions",
            Kind::Partner => "partners",
            Kind::Mou => "mous",
            Kind::Programme => "programmes",
            Kind::Event => "events",
            Kind::Source => "sources",
        }
    }

    fn folder(self) -> String {
        match self {
            Kind::Source => String::from("seeds"),
            other => format!("content/{}", other.segment()),
        }
    }
}

/// Slug → index maps of every kind, built before any reference is resolved.
#[derive(Debug, Default)]
pub struct Index {
    maps: HashMap<&'static str, BTreeMap<String, usize>>,
    /// `(kind, slug)` of files that exist but failed to load: already reported.
    pub broken: std::collections::HashSet<(String, String)>,
}

impl Index {
    /// Registers the slugs of one kind, in the order of the model's vector.
    pub fn insert<'a>(&mut self, kind: Kind, slugs: impl Iterator<Item = &'a str>) {
        let map = slugs
            .enumerate()
            .map(|(i, slug)| (slug.to_owned(), i))
            .collect();
        self.maps.insert(kind.noun(), map);
    }

    fn map(&self, kind: Kind) -> Option<&BTreeMap<String, usize>> {
        self.maps.get(kind.noun())
    }

    /// The index of `slug` among entities of `kind`.
    pub fn get(&self, kind: Kind, slug: &str) -> Option<usize> {
        self.map(kind)?.get(slug).copied()
    }
}

/// Checks one file's texts and references, collecting problems.
pub struct Checker<'a> {
    /// Site language codes.
    pub languages: &'a [String],
    /// Slug maps.
    pub index: &'a Index,
    /// Problems found so far.
    pub problems: &'a mut Diagnostics,
    /// The file being checked.
    pub file: &'a Arc<SourceFile>,
    /// Where the parsed TOML starts in the file (non-zero for front matter), since value
    /// spans are relative to the parsed text.
    pub offset: usize,
}

impl<'a> Checker<'a> {
    /// A checker for one file.
    pub fn new(
        languages: &'a [String],
        index: &'a Index,
        problems: &'a mut Diagnostics,
        file: &'a Arc<SourceFile>,
    ) -> Self {
        Self {
            languages,
            index,
            problems,
            file,
            offset: 0,
        }
    }

    /// The same checker for TOML that starts at byte `offset` of the file.
    pub fn at_offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    fn shift(&self, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    /// A localized text: exactly one non-empty value per site language.
    pub fn text(&mut self, field: &str, localized: &Localized) -> Text {
        let span = header_span(&self.file.text, self.shift(localized.span()));
        let values = localized.get_ref();
        for lang in self.languages {
            match values.get(lang) {
                None => self.problems.push(
                    Diagnostic::error(format!("`{field}` has no {lang} text"))
                        .at(self.file, span.clone())
                        .label(format!("{lang} is missing here"))
                        .hint(format!(
                            "add `{lang} = \"…\"` to `{field}`: every text is given in {}",
                            self.languages.join(" and ")
                        )),
                ),
                Some(value) if value.trim().is_empty() => self.problems.push(
                    Diagnostic::error(format!("`{field}` has an empty {lang} text"))
                        .at(self.file, span.clone())
                        .hint(format!("write the {lang} text between the quotes")),
                ),
                Some(_) => {}
            }
        }
        for key in values.keys() {
            if !self.languages.contains(key) {
                let hint = match did_you_mean(key, self.languages.iter().map(String::as_str)) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("the site's languages are {}", self.languages.join(", ")),
                };
                self.problems.push(
                    Diagnostic::error(format!("`{key}` in `{field}` is not a site language"))
                        .at(self.file, span.clone())
                        .hint(hint),
                );
            }
        }
        Text(values.clone())
    }

    /// An optional localized text.
    pub fn optional_text(&mut self, field: &str, localized: Option<&Localized>) -> Option<Text> {
        localized.map(|l| self.text(field, l))
    }

    /// A list of references of one kind; unknown slugs are reported, duplicates dropped.
    pub fn refs(&mut self, kind: Kind, refs: &[Ref]) -> Vec<usize> {
        let mut resolved = Vec::with_capacity(refs.len());
        for reference in refs {
            if let Some(i) = self.one(kind, reference)
                && !resolved.contains(&i)
            {
                resolved.push(i);
            }
        }
        resolved
    }

    /// One reference.
    pub fn one(&mut self, kind: Kind, reference: &Ref) -> Option<usize> {
        let slug = reference.get_ref();
        if let Some(i) = self.index.get(kind, slug) {
            return Some(i);
        }
        if self
            .index
            .broken
            .contains(&(kind.segment().to_owned(), slug.clone()))
        {
            return None;
        }
        let known = self
            .index
            .map(kind)
            .map(|m| m.keys().map(String::as_str).collect::<Vec<_>>())
            .unwrap_or_default();
        let hint = match did_you_mean(slug, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None if known.is_empty() => format!(
                "there are no {}s yet: add {}/{slug}.toml",
                kind.noun(),
                kind.folder()
            ),
            None => format!(
                "known {}s: {}{}",
                kind.noun(),
                known
                    .iter()
                    .take(12)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                if known.len() > 12 { ", …" } else { "" }
            ),
        };
        self.problems.push(
            Diagnostic::error(format!("unknown {} `{}`", kind.noun(), slug.escape_debug()))
                .at(self.file, self.shift(reference.span()))
                .label(format!("no {}/{slug}.toml", kind.folder()))
                .hint(hint),
        );
        None
    }

    /// Facts must cite at least one source. Counts the references as written, so a
    /// misspelt source is reported once (as unknown), not also as missing.
    pub fn require_sources(&mut self, written: &[Ref], what: &str) {
        self.require_sources_at(written, what, None);
    }

    /// Like [`Checker::require_sources`], pointing at `at` (a span of the parsed TOML) when
    /// the sheet holds several things with their own `sources` (institutes in a region).
    pub fn require_sources_at(
        &mut self,
        written: &[Ref],
        what: &str,
        at: Option<std::ops::Range<usize>>,
    ) {
        if written.is_empty() {
            let span = match at {
                Some(span) => self.shift(span),
                None => key_span(&self.file.text, "sources"),
            };
            self.problems.push(
                Diagnostic::error(format!("this {what} cites no source"))
                    .at(self.file, span)
                    .hint("list the source ids it relies on: sources = [\"seed-id\"] (see seeds/)"),
            );
        }
    }

    /// A web address given in a fact sheet: absolute http(s) only.
    pub fn web_address(
        &mut self,
        field: &str,
        value: Option<&toml::Spanned<String>>,
    ) -> Option<String> {
        let value = value?;
        let url = value.get_ref();
        if !crate::load::schema::is_http_url(url) {
            self.problems.push(
                Diagnostic::error(format!("`{field}` must be an http(s) address"))
                    .at(self.file, self.shift(value.span()))
                    .hint("write the full address, e.g. \"https://example.org/\""),
            );
        }
        Some(url.clone())
    }

    /// A target's progress: its figure finite, its source known, and a figure of the target
    /// itself to measure it against.
    pub fn progress(
        &mut self,
        progress: &crate::load::schema::ProgressSheet,
        target_has_value: bool,
    ) -> Option<crate::link::model::Progress> {
        if !target_has_value {
            self.problems.push(
                Diagnostic::error("progress is reported for a target without a figure")
                    .at(self.file, self.shift(progress.value.span()))
                    .hint("give the target its `value` (in the same unit), or remove [targets.progress]"),
            );
            return None;
        }
        let value = self.finite(Some(&progress.value))?;
        let source = self.one(Kind::Source, &progress.source)?;
        Some(crate::link::model::Progress {
            value,
            as_of: *progress.as_of.get_ref(),
            source,
        })
    }

    /// A figure must be a finite number.
    pub fn finite(&mut self, value: Option<&toml::Spanned<f64>>) -> Option<f64> {
        let value = value?;
        if value.get_ref().is_finite() {
            Some(*value.get_ref())
        } else {
            self.problems.push(
                Diagnostic::error("a figure must be a finite number")
                    .at(self.file, self.shift(value.span()))
                    .hint("write the figure, e.g. value = 240000"),
            );
            None
        }
    }
}

/// A span covering a table (`[name]` and its lines) is shown as its first line.
fn header_span(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let end = text[span.clone()]
        .find('\n')
        .map_or(span.end, |i| span.start + i);
    span.start..end
}

/// The span of `key` at the start of a line, for problems about a key as a whole.
pub fn key_span(text: &str, key: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return offset..offset + key.len();
        }
        offset += line.len();
    }
    0..0
}
