//! Interface strings: `i18n/<lang>.ftl`, in Fluent.
//!
//! Fluent gives each language its own CLDR plural categories (Arabic has six: zero, one, two,
//! few, many, other), which flat string tables cannot express. Bundles are the concurrent kind
//! so rayon's render threads share them. Fluent's bidi isolation marks (U+2068/U+2069) are
//! turned off: they leak invisibly into titles, attributes and feeds; templates isolate
//! mixed-direction text with `<bdi>` instead.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use fluent_syntax::ast;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, did_you_mean};

/// The message that names a heading's "link to this section" anchor. The Markdown pass
/// formats it, not a template.
pub const HEADING_ANCHOR: &str = "heading-anchor";

/// The heading of the panel `marsad serve` shows on pages while the site does not build.
pub const SERVE_PROBLEMS: &str = "serve-problems";

/// Prefix of the messages that label ISO 3166-1 country codes (`country-FR`).
pub const COUNTRY_PREFIX: &str = "country-";

/// Prefix of the comments `marsad new article` writes above each front matter key
/// (`new-article-title`, …).
pub const NEW_ARTICLE_PREFIX: &str = "new-article-";

/// Prefixes of messages whose ids the code builds from an open set of values: a partner's
/// `country = "FR"` is labelled by `country-FR`.
pub const CODE_MESSAGE_PREFIXES: &[&str] = &[COUNTRY_PREFIX, NEW_ARTICLE_PREFIX];

/// The message that labels an ISO 3166-1 country code (`country-FR`).
pub fn country_message_id(code: &str) -> String {
    [COUNTRY_PREFIX, code].concat()
}

/// Every message the Rust code itself formats or hands to templates as a computed key
/// (`page.card.status | t`): the labels of every vocabulary value, [`HEADING_ANCHOR`],
/// [`SERVE_PROBLEMS`] and what page metadata formats
/// ([`crate::render::meta::all_message_ids`]); plus, by prefix, [`CODE_MESSAGE_PREFIXES`].
/// This list is the one source of truth: the renderer and the link stage take these ids from
/// here, and `marsad check` counts them as used when it looks for messages nothing uses. Keys that templates
/// name themselves (`"nav-home" | t`, `("data-file-" ~ file.name) | t`) are found in the
/// templates.
pub fn code_message_ids() -> Vec<String> {
    use crate::load::schema::{PartnerKind, Status, Theme, Unit};
    let mut ids: Vec<String> = PartnerKind::all_message_ids()
        .chain(Status::all_message_ids())
        .chain(Theme::all_message_ids())
        .chain(Unit::all_message_ids())
        .collect();
    ids.push(HEADING_ANCHOR.to_owned());
    ids.push(SERVE_PROBLEMS.to_owned());
    ids.extend(crate::render::meta::all_message_ids().map(str::to_owned));
    ids
}

/// One language's messages.
struct Bundle {
    bundle: FluentBundle<FluentResource>,
    file: Arc<SourceFile>,
    ids: BTreeSet<String>,
    /// A hash of each message's definition (and of every term, which any message may use).
    digests: BTreeMap<String, u64>,
    /// Messages that take no argument, formatted once: a page asks for dozens of them.
    plain: HashMap<String, String>,
}

/// Every language's interface strings.
pub struct Messages {
    bundles: BTreeMap<String, Bundle>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("languages", &self.bundles.keys().collect::<Vec<_>>())
            .finish()
    }
}

impl Messages {
    /// Builds one bundle per site language from `i18n/<code>.ftl`, reporting syntax errors,
    /// missing or extra files, and messages present in one language but not another.
    pub fn load(config: &Config, files: Vec<Arc<SourceFile>>, problems: &mut Diagnostics) -> Self {
        let mut bundles = BTreeMap::new();
        let codes: Vec<&str> = config.language_codes().collect();
        for file in files {
            let stem = file
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            if !codes.contains(&stem.as_str()) {
                problems.push(
                    Diagnostic::error(format!("`{stem}` is not one of the site's languages"))
                        .in_file(&file.path)
                        .hint(format!(
                            "interface strings live in {}; rename or remove this file",
                            codes
                                .iter()
                                .map(|c| format!("i18n/{c}.ftl"))
                                .collect::<Vec<_>>()
                                .join(" and ")
                        )),
                );
                continue;
            }
            if let Some(bundle) = parse(&stem, file, problems) {
                bundles.insert(stem, bundle);
            }
        }
        for code in &codes {
            if !bundles.contains_key(*code) {
                problems.push(
                    Diagnostic::error(format!("no interface strings for language `{code}`"))
                        .in_file(format!("i18n/{code}.ftl"))
                        .hint(format!(
                            "create i18n/{code}.ftl with the same messages as the other languages"
                        )),
                );
            }
        }
        let messages = Messages { bundles };
        messages.check_parity(problems);
        messages
    }

    /// Each message id of a language with a hash of its definition, to tell which changed.
    pub fn digests(&self, lang: &str) -> Option<&BTreeMap<String, u64>> {
        self.bundles.get(lang).map(|b| &b.digests)
    }

    /// Every language must define the same messages: a message missing in Arabic is a hole
    /// in the Arabic interface.
    fn check_parity(&self, problems: &mut Diagnostics) {
        for (code, bundle) in &self.bundles {
            for (other_code, other) in &self.bundles {
                if code == other_code {
                    continue;
                }
                for id in bundle.ids.difference(&other.ids) {
                    problems.push(
                        Diagnostic::error(format!(
                            "message `{id}` has no {other_code} translation"
                        ))
                        .at(&bundle.file, message_span(&bundle.file.text, id))
                        .label(format!("defined in {code} only"))
                        .hint(format!("add `{id} = …` to i18n/{other_code}.ftl")),
                    );
                }
            }
        }
    }

    /// Reports every id in `required` that some language does not define; `why` says who
    /// needs it (e.g. "the value `signed` of `status`").
    pub fn require(
        &self,
        required: impl IntoIterator<Item = (String, String)>,
        problems: &mut Diagnostics,
    ) {
        for (id, why) in required {
            for (code, bundle) in &self.bundles {
                if !bundle.ids.contains(&id) {
                    problems.push(
                        Diagnostic::error(format!("message `{id}` is missing from {code}.ftl"))
                            .in_file(&bundle.file.path)
                            .hint(format!("add `{id} = …` to i18n/{code}.ftl: {why} needs it")),
                    );
                }
            }
        }
    }

    /// The languages that do not define message `id`, each with a close id if there is one.
    pub fn missing_in(&self, id: &str) -> Vec<(&str, Option<&str>)> {
        self.bundles
            .iter()
            .filter(|(_, bundle)| !bundle.ids.contains(id))
            .map(|(code, bundle)| {
                (
                    code.as_str(),
                    did_you_mean(id, bundle.ids.iter().map(String::as_str)),
                )
            })
            .collect()
    }

    /// How many languages have interface strings.
    pub fn language_count(&self) -> usize {
        self.bundles.len()
    }

    /// True when `lang` has a message `id`.
    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.bundles.get(lang).is_some_and(|b| b.ids.contains(id))
    }

    /// Formats message `id` in `lang` with `args`.
    pub fn format(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        let bundle = self
            .bundles
            .get(lang)
            .ok_or_else(|| format!("no interface strings for language `{lang}`"))?;
        if args.is_none_or(|args| args.iter().next().is_none())
            && let Some(text) = bundle.plain.get(id)
        {
            return Ok(text.clone());
        }
        let message = bundle.bundle.get_message(id).ok_or_else(|| {
            let close = did_you_mean(id, bundle.ids.iter().map(String::as_str));
            match close {
                Some(close) => format!("no message `{id}` in {lang}.ftl (did you mean `{close}`?)"),
                None => format!("no message `{id}` in {lang}.ftl"),
            }
        })?;
        let pattern = message
            .value()
            .ok_or_else(|| format!("message `{id}` in {lang}.ftl has no value"))?;
        let mut errors = Vec::new();
        let text = bundle.bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(error) => Err(format!("message `{id}` in {lang}.ftl: {error}")),
        }
    }

    /// Every message that takes no argument, formatted: (language, id, text).
    pub fn plain(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.bundles.iter().flat_map(|(lang, bundle)| {
            bundle
                .plain
                .iter()
                .map(move |(id, text)| (lang.as_str(), id.as_str(), text.as_str()))
        })
    }

    /// Formats `id` with no arguments, for code paths that have already checked it exists.
    pub fn text(&self, lang: &str, id: &str) -> String {
        self.format(lang, id, None).unwrap_or_else(|error| error)
    }
}

fn parse(code: &str, file: Arc<SourceFile>, problems: &mut Diagnostics) -> Option<Bundle> {
    let resource = match FluentResource::try_new(file.text.clone()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let span = syntax_error_span(&file.text, &error);
                problems.push(
                    Diagnostic::error(format!("Fluent syntax error: {}", error.kind))
                        .at(&file, span)
                        .label("here")
                        .hint("a message is `id = text`; variants are `{ $count -> [one] … *[other] … }`"),
                );
            }
            resource
        }
    };
    // A message the parser could not read is still one the file means to define: counting
    // it keeps one syntax error from also being reported as a missing translation.
    let ids: BTreeSet<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message.id.name.to_owned()),
            ast::Entry::Junk { content } => junk_id(content),
            _ => None,
        })
        .collect();
    let digests = message_digests(&resource);
    let langid = match code.parse::<unic_langid::LanguageIdentifier>() {
        Ok(langid) => langid,
        Err(_) => {
            problems.push(
                Diagnostic::error(format!("`{code}` is not a language identifier"))
                    .in_file(&file.path),
            );
            return None;
        }
    };
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Fluent's isolation is off, decided after an audit of where messages go (issue 6). On,
    // it wraps every placeable in U+2068…U+2069 (FSI…PDI), and formatted messages end up in
    // attributes (`aria-label`, feed titles), `<title>`, Open Graph tags, JSON-LD, feeds, the
    // search index and the open data files: invisible characters that tests, search queries
    // and other programs then have to strip, and that change what a reader copies. Most
    // placeables are numbers or text in the page's own language, which need no isolation.
    // Where a value may run the other way (a Latin partner name, a place, an event's name,
    // an address, a code), the templates isolate it in HTML instead: `<bdi>`, or `dir="ltr"`
    // on URLs and codes — see "Right to left" in the README. Plain-text outputs (titles,
    // descriptions) are left to the reader's bidi algorithm, as they were.
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        for error in errors {
            problems.push(
                Diagnostic::error(format!("invalid message: {error}"))
                    .in_file(&file.path)
                    .hint("each message id may be defined once"),
            );
        }
    }
    let plain = plain_messages(&bundle, &ids);
    Some(Bundle {
        bundle,
        file,
        ids,
        digests,
        plain,
    })
}

/// The text of every message that formats without arguments and without errors.
fn plain_messages(
    bundle: &FluentBundle<FluentResource>,
    ids: &BTreeSet<String>,
) -> HashMap<String, String> {
    ids.iter()
        .filter_map(|id| {
            let pattern = bundle.get_message(id)?.value()?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors);
            errors.is_empty().then(|| (id.clone(), text.into_owned()))
        })
        .collect()
}

/// A hash of each message as parsed, folded with a hash of all terms: a message changes when
/// its text, variants or attributes change, or any term does, or (if it uses other messages)
/// any message does.
fn message_digests(resource: &FluentResource) -> BTreeMap<String, u64> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut terms = DefaultHasher::new();
    for entry in resource.entries() {
        if let ast::Entry::Term(term) = entry {
            format!("{term:?}").hash(&mut terms);
        }
    }
    let terms = terms.finish();
    let mut everything = DefaultHasher::new();
    let messages: Vec<(String, String)> = resource
        .entries()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let text = format!("{message:?}");
                text.hash(&mut everything);
                Some((message.id.name.to_owned(), text))
            }
            _ => None,
        })
        .collect();
    let everything = everything.finish();
    messages
        .into_iter()
        .map(|(id, text)| {
            let mut hasher = DefaultHasher::new();
            (terms, &text).hash(&mut hasher);
            // A message that uses another changes with it: fold in every message.
            if text.contains("MessageReference") {
                everything.hash(&mut hasher);
            }
            (id, hasher.finish())
        })
        .collect()
}

/// The parser reports where it gave up, which can be a blank line or the next message; the
/// start of the broken message (the junk it skipped) is where the editor must look.
fn syntax_error_span(
    text: &str,
    error: &fluent_syntax::parser::ParserError,
) -> std::ops::Range<usize> {
    match &error.slice {
        Some(slice) => {
            let end = text[slice.start..]
                .find('\n')
                .map_or(text.len(), |i| slice.start + i);
            slice.start..end
        }
        None => error.pos.clone(),
    }
}

/// The id a junk entry was meant to define (`id = …` on its first line).
fn junk_id(content: &str) -> Option<String> {
    let (id, _) = content.split_once('=')?;
    let id = id.trim();
    let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then(|| id.to_owned())
}

/// Where `id = …` starts in an `.ftl` text (the id itself), for pointing at it.
pub(crate) fn message_span(text: &str, id: &str) -> std::ops::Range<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(id)
            && rest.trim_start().starts_with('=')
        {
            return offset..offset + id.len();
        }
        offset += line.len();
    }
    0..0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::test_config as config;

    fn messages(fr: &str, ar: &str) -> (Messages, Diagnostics) {
        let mut problems = Diagnostics::new();
        let files = vec![
            SourceFile::new("i18n/fr.ftl", fr),
            SourceFile::new("i18n/ar.ftl", ar),
        ];
        (Messages::load(&config(), files, &mut problems), problems)
    }

    const AR_ARTICLES: &str = "articles = { $count ->
    [zero] لا توجد مقالات
    [one] مقال واحد
    [two] مقالان
    [few] { $count } مقالات
    [many] { $count } مقالًا
   *[other] { $count } مقال
}
by = بقلم { $name }
";

    #[test]
    fn arabic_plurals_use_all_six_categories() {
        let (messages, problems) = messages(
            "articles = { $count } articles\nby = par { $name }\n",
            AR_ARTICLES,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let expect = [
            (0, "لا توجد مقالات"),
            (1, "مقال واحد"),
            (2, "مقالان"),
            (3, "3 مقالات"),
            (11, "11 مقالًا"),
            (100, "100 مقال"),
        ];
        for (count, text) in expect {
            let mut args = FluentArgs::new();
            args.set("count", count);
            assert_eq!(
                messages.format("ar", "articles", Some(&args)).unwrap(),
                text
            );
        }
    }

    #[test]
    fn no_bidi_isolation_marks() {
        let (messages, _) = messages("by = par { $name }\narticles = x\n", AR_ARTICLES);
        let mut args = FluentArgs::new();
        args.set("name", "OpenAI");
        assert_eq!(
            messages.format("ar", "by", Some(&args)).unwrap(),
            "بقلم OpenAI"
        );
    }

    #[test]
    fn missing_translation_is_reported_with_position() {
        let (_, problems) = messages("articles = x\nby = y\nextra = z\n", AR_ARTICLES);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 1, "{text:?}");
        assert!(
            text[0].contains("message `extra` has no ar translation"),
            "{}",
            text[0]
        );
        assert!(text[0].contains("i18n/fr.ftl:3:1"), "{}", text[0]);
    }

    #[test]
    fn syntax_error_is_reported_with_position() {
        let (_, problems) = messages("articles = x\nby = y\n", "articles = x\nby = { $name\n");
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("Fluent syntax error") && t.contains("i18n/ar.ftl:2:")),
            "{text:?}"
        );
    }

    #[test]
    fn unknown_message_suggests_a_close_one() {
        let (messages, _) = messages("articles = x\nby = y\n", AR_ARTICLES);
        let error = messages.format("fr", "artciles", None).unwrap_err();
        assert!(error.contains("did you mean `articles`?"), "{error}");
    }
}
