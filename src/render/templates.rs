//! The theme's Tera templates, compiled once, with the `t` filter for interface strings.
//!
//! `{{ "nav-regions" | t }}` formats a Fluent message in the page's language (the `lang`
//! variable every page context carries); `t(lang="ar")` picks another language, and any other
//! argument is passed to Fluent (`t(count=3)` selects the Arabic plural category).
//!
//! `t` is a filter, as in Shopify's Liquid themes (`{{ 'key' | t }}`), rather than a function
//! (`t(key="…")`, as marsad had it first): Tera builds a map of a function's arguments on every
//! call and none for a filter without arguments, and the dozens of calls of each page made a
//! function cost twice as much (about 4,000 instructions a call; callgrind, N = 1,000).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Context, Error, Kwargs, State, Tera, TeraResult, Value};

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::Messages;
use crate::load::Template;

use super::deps::message_key;

/// The compiled templates of the theme.
pub struct Templates {
    tera: Tera,
    files: Vec<(String, Arc<SourceFile>)>,
}

impl Templates {
    /// Compiles every template, reporting syntax errors, unknown functions or filters and
    /// missing parents with their position.
    pub fn compile(templates: &[Template], messages: Arc<Messages>) -> Result<Self, Diagnostics> {
        let files: Vec<(String, Arc<SourceFile>)> = templates
            .iter()
            .map(|t| (t.name.clone(), Arc::clone(&t.file)))
            .collect();
        let mut problems: Diagnostics = files
            .iter()
            .flat_map(|(_, file)| unknown_message_keys(file, &messages))
            .collect();
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let plain = PlainMessages::of(&messages);
        tera.register_filter("t", move |key: &str, kwargs: Kwargs, state: &State| {
            translate(&messages, &plain, key, &kwargs, state)
        });
        let sources = files
            .iter()
            .map(|(name, file)| (name.as_str(), file.text.as_str()));
        match tera.add_raw_templates(sources) {
            Ok(()) if problems.is_empty() => return Ok(Templates { tera, files }),
            Ok(()) => {}
            Err(error) => match error.kind() {
                tera::ErrorKind::Msg(text) if text.contains("--> ") => {
                    Self::reports_to_diagnostics(&files, text)
                        .into_iter()
                        .for_each(|d| problems.push(d));
                }
                // Tera stops at the first template that does not parse; parsing each on its
                // own finds them all.
                tera::ErrorKind::SyntaxError(_) => {
                    Self::syntax_errors(&files)
                        .into_iter()
                        .for_each(|d| problems.push(d));
                }
                _ => problems.push(Templates::to_diagnostic(&files, &error)),
            },
        }
        Err(problems)
    }

    /// The syntax errors of every template, each parsed alone.
    fn syntax_errors(files: &[(String, Arc<SourceFile>)]) -> Vec<Diagnostic> {
        files
            .iter()
            .filter_map(|(name, file)| {
                let error = Tera::new().add_raw_template(name, &file.text).err()?;
                matches!(error.kind(), tera::ErrorKind::SyntaxError(_))
                    .then(|| Self::to_diagnostic(files, &error))
            })
            .collect()
    }

    /// Tera checks every template for unknown functions, filters and tests when they are
    /// added, and reports them as one text made of rendered reports
    /// (`error: Unknown function…` / `--> name:line:col` / the line / carets). Each report is
    /// turned back into a positioned diagnostic so editors see the theme file's path.
    fn reports_to_diagnostics(files: &[(String, Arc<SourceFile>)], text: &str) -> Vec<Diagnostic> {
        let mut diagnostics = Vec::new();
        for report in text.split("error: ").skip(1) {
            let message = report.lines().next().unwrap_or_default().trim();
            let location = report
                .lines()
                .find_map(|line| line.trim_start().strip_prefix("--> "))
                .and_then(|loc| {
                    let mut parts = loc.trim().rsplitn(3, ':');
                    let col: usize = parts.next()?.parse().ok()?;
                    let line: usize = parts.next()?.parse().ok()?;
                    Some((parts.next()?.to_owned(), line, col))
                });
            let width = report
                .lines()
                .map(|l| l.chars().filter(|&c| c == '^').count())
                .max()
                .unwrap_or(1)
                .max(1);
            let diagnostic = Diagnostic::error(format!("template error: {message}"))
                .label("here")
                .hint(template_hint(message));
            let positioned = location.and_then(|(name, line, col)| {
                let (_, file) = files.iter().find(|(n, _)| *n == name)?;
                let start = offset_of(&file.text, line, col)?;
                let end = file.text[start..]
                    .char_indices()
                    .nth(width)
                    .map_or(file.text.len(), |(i, _)| start + i);
                Some(diagnostic.clone().at(file, start..end))
            });
            diagnostics.push(positioned.unwrap_or(diagnostic.in_file("themes/")));
        }
        diagnostics
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|error| Self::to_diagnostic(&self.files, &error))
    }

    /// Renders like [`Templates::render`], as the UTF-8 bytes to write (a page is not
    /// validated as text again: that took a twentieth of a large build).
    pub fn render_bytes(&self, name: &str, context: &Context) -> Result<Vec<u8>, Diagnostic> {
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(name, context, &mut html)
            .map(|()| html)
            .map_err(|error| Self::to_diagnostic(&self.files, &error))
    }

    /// Renders like [`Templates::render_bytes`] and says which messages the `t` filter
    /// formatted, as [`message_key`]s (a French page also names the other languages in their
    /// own words).
    pub fn render_noting_messages(
        &self,
        name: &str,
        context: &Context,
    ) -> Result<(Vec<u8>, Vec<u64>), Diagnostic> {
        MESSAGES_USED.with(|used| *used.borrow_mut() = Some(Vec::new()));
        let html = self.render_bytes(name, context);
        let used = MESSAGES_USED.with(|used| used.borrow_mut().take().unwrap_or_default());
        html.map(|html| (html, used))
    }

    fn to_diagnostic(files: &[(String, Arc<SourceFile>)], error: &Error) -> Diagnostic {
        let report = match error.kind() {
            tera::ErrorKind::SyntaxError(report) => Some(("template syntax error", report)),
            tera::ErrorKind::RenderingError(report) => Some(("template error", report)),
            _ => None,
        };
        let Some((what, report)) = report else {
            return Diagnostic::error(format!("template error: {error}"))
                .in_file("themes/")
                .hint("check the theme's templates: names in extends/include must exist");
        };
        let message = format!("{what}: {}", report.message());
        let file = files.iter().find(|(name, _)| name == report.filename());
        match file {
            Some((_, file)) => Diagnostic::error(message)
                .at(file, report.span().range.clone())
                .label("here")
                .hint(template_hint(report.message())),
            None => Diagnostic::error(message)
                .in_file(report.filename())
                .hint(template_hint(report.message())),
        }
    }
}

fn template_hint(message: &str) -> String {
    if message.contains("Unknown function") || message.contains("unknown function") {
        String::from(
            "the functions available to templates are Tera's own; interface strings are a filter: {{ \"id\" | t }}",
        )
    } else if message.contains("not defined") {
        String::from(
            "this page's context has no such field; see the context structs in src/render/context.rs",
        )
    } else if message.contains("no message") {
        String::from("add the message to every file in i18n/")
    } else {
        String::from(
            "see the Tera 2 template syntax: {{ value }}, {% if %}, {% for %}, {% include \"file.html\" %}",
        )
    }
}

/// Literal keys given to the `t` filter (`"…" | t`) that no language defines, found before any
/// page is rendered (and so reported once, not once per page). Computed keys
/// (`("nav-" ~ id) | t`) are checked when the page renders.
fn unknown_message_keys(file: &Arc<SourceFile>, messages: &Messages) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for named in named_message_keys(&file.text) {
        let key = named.key;
        // A message missing in only some languages is reported once by the parity check of
        // the .ftl files; here only the keys no language defines.
        let missing = messages.missing_in(key);
        if named.prefix || missing.len() < messages.language_count() {
            continue;
        }
        let close = missing.iter().find_map(|(_, close)| *close);
        let hint = match close {
            Some(close) => {
                format!("did you mean `{close}`? or add `{key} = …` to every file in i18n/")
            }
            None => format!("add `{key} = …` to every file in i18n/"),
        };
        problems.push(
            Diagnostic::error(format!(
                "the template uses message `{key}`, which no .ftl file defines"
            ))
            .at(file, named.span)
            .label("unknown message")
            .hint(hint),
        );
    }
    problems
}

/// A message id a template names in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedKey<'a> {
    /// The id, or the start of the ids it computes.
    pub key: &'a str,
    /// Where `key` is in the template.
    pub span: std::ops::Range<usize>,
    /// `("data-file-" ~ name) | t`: the ids that start with `key`.
    pub prefix: bool,
}

/// The message ids given to the `t` filter as literals: `"nav-home" | t`, `'x' | t(count=n)`,
/// and by prefix `("nav-" ~ id) | t`. Ids computed with no literal (`page.status | t`) are not
/// named: the Rust code that computes them lists them ([`crate::i18n::code_message_ids`]).
pub fn named_message_keys(text: &str) -> Vec<NamedKey<'_>> {
    let mut keys = Vec::new();
    for (bar, _) in text.match_indices('|') {
        let Some(after) = text[bar + 1..].trim_start().strip_prefix('t') else {
            continue;
        };
        // `| title`, `| trim`: other filters.
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let before = text[..bar].trim_end();
        if let Some(span) = literal_ending(before) {
            keys.push(NamedKey {
                key: &text[span.clone()],
                span,
                prefix: false,
            });
        } else if let Some(open) = before.strip_suffix(')').and_then(opening_paren) {
            // `("prefix-" ~ …)`, or a literal in parentheses.
            let inside = &before[open + 1..before.len() - 1];
            let start = open + 1 + (inside.len() - inside.trim_start().len());
            if let Some(len) = literal_length(&text[start..]) {
                let span = start + 1..start + 1 + len;
                let rest = text[span.end + 1..before.len() - 1].trim_start();
                keys.push(NamedKey {
                    key: &text[span.clone()],
                    span,
                    prefix: rest.starts_with('~'),
                });
            }
        }
    }
    keys
}

/// The span of the text of the quoted literal `text` ends with (without its quotes).
fn literal_ending(text: &str) -> Option<std::ops::Range<usize>> {
    let quote = text
        .chars()
        .next_back()
        .filter(|c| matches!(c, '"' | '\''))?;
    let end = text.len() - 1;
    let start = text[..end].rfind(quote)? + 1;
    Some(start..end)
}

/// The length of the text of the quoted literal `text` starts with.
fn literal_length(text: &str) -> Option<usize> {
    let quote = text.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    text[1..].find(quote)
}

/// The position of the `(` that the `)` just after `text` closes.
fn opening_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' if depth == 0 => return Some(at),
            '(' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Byte offset of a one-based line and one-based character column.
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)?
    };
    let rest = &text[line_start..];
    Some(
        line_start
            + rest
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(rest.len(), |(i, _)| i),
    )
}

thread_local! {
    /// The messages the `t` filter formatted during [`Templates::render_noting_messages`].
    static MESSAGES_USED: RefCell<Option<Vec<u64>>> = const { RefCell::new(None) };
}

/// A table looked up at every use of the `t` filter (tens per page): keyed with XXH3, a
/// fraction of SipHash's cost on these short ids.
type FastMap<V> = HashMap<String, V, xxhash_rust::xxh3::Xxh3DefaultBuilder>;

/// The messages that take no argument as template values, by language and id: most of a
/// page's `t` filters are these, and a value is shared where a `String` would be copied.
struct PlainMessages(FastMap<FastMap<Value>>);

impl PlainMessages {
    fn of(messages: &Messages) -> PlainMessages {
        let mut plain: FastMap<FastMap<Value>> = FastMap::default();
        for (lang, id, text) in messages.plain() {
            plain
                .entry(lang.to_owned())
                .or_default()
                .insert(id.to_owned(), Value::from(text));
        }
        PlainMessages(plain)
    }

    fn get(&self, lang: &str, id: &str) -> Option<&Value> {
        self.0.get(lang)?.get(id)
    }
}

/// The `t` template filter: message `key` in the page's language, or in `lang`.
fn translate(
    messages: &Messages,
    plain: &PlainMessages,
    key: &str,
    kwargs: &Kwargs,
    state: &State,
) -> TeraResult<Value> {
    // One walk over the arguments (a lookup by name hashes it): `lang`, and whether there
    // are others.
    let (mut given_lang, mut has_arguments) = (None, false);
    for (name, value) in kwargs.iter() {
        match name.as_str() {
            Some("lang") => given_lang = Some(value),
            _ => has_arguments = true,
        }
    }
    // The page's `lang` is taken as a `Value` and borrowed: `get::<String>` would format it.
    let page_lang: Value;
    let lang: &str = match given_lang {
        Some(lang) => match lang.as_str() {
            Some(lang) => lang,
            // A mistyped argument: Tera's own lookup says so, in its words.
            None => kwargs.must_get("lang")?,
        },
        None => {
            page_lang = state
                .get::<Value>("lang")?
                .ok_or_else(|| Error::message("t needs a `lang`: the page context has none"))?;
            page_lang
                .as_str()
                .ok_or_else(|| Error::message("t: the page context's `lang` is not a string"))?
        }
    };
    MESSAGES_USED.with(|used| {
        if let Some(used) = used.borrow_mut().as_mut() {
            used.push(message_key(lang, key));
        }
    });
    if !has_arguments && let Some(text) = plain.get(lang, key) {
        return Ok(text.clone());
    }
    let mut args = FluentArgs::new();
    for (name, value) in kwargs.iter() {
        let Some(name) = name.as_str() else { continue };
        if name == "lang" {
            continue;
        }
        let fluent = if let Some(n) = value.as_i64() {
            FluentValue::from(n)
        } else if let Some(n) = value.as_f64() {
            FluentValue::from(n)
        } else if let Some(s) = value.as_str() {
            FluentValue::from(s.to_owned())
        } else {
            return Err(Error::message(format!(
                "t: argument `{name}` must be a number or a string"
            )));
        };
        args.set(name.to_owned(), fluent);
    }
    messages
        .format(lang, key, Some(&args))
        .map(Value::from)
        .map_err(Error::message)
}
