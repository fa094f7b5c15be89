//! Fluent parity between the languages' `.ftl` files, beyond what the build checks.
//!
//! The build already refuses a message defined in one language only (reported once, in the
//! file that has it, with a hint to add it to the other) and a syntax error. Here:
//!
//! - **attributes and terms** (errors): a message's `.attribute` or a `-term` defined in one
//!   language only;
//! - **plural coverage** (errors): a message that selects on a number (`[one]`, `[few]`, a
//!   numeric key such as `[0]`) must give a variant for every CLDR cardinal category of its
//!   language that some count from 0 to 1000 falls into — for Arabic zero, one, two, few and
//!   many besides `*[other]`; for French, one. `*[other]` alone is not taken to cover them:
//!   it yields wrong Arabic for 1, 2 and 3–10, so the choice must be made explicitly (repeat
//!   the `other` text where it is right). A numeric key covers a category that holds no other
//!   count: in Arabic `[0]` is zero, `[1]` one, `[2]` two; in French `[0]` does not cover one,
//!   which is also 1. French `many` (1 000 000, 2 000 000…) is not required: `other` reads
//!   right there. Categories come from ICU4X (`icu_plurals`), not from a table here.
//! - **unused messages** (warnings): a message no template names (`"…" | t`, or a key
//!   prefix `("nav-" ~ id) | t`), no other message references, and the Rust code does not
//!   use ([`crate::i18n::code_message_ids`]). A message defined in one language only is
//!   already an error and is not also reported as unused.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use std::sync::Arc;

use fluent_syntax::ast::{
    self, Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use icu_plurals::{PluralCategory, PluralRules};

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::i18n::{CODE_MESSAGE_PREFIXES, code_message_ids, message_span};
use crate::load::Template;

/// Counts up to this are what plural coverage is about.
const LARGEST_COUNT: usize = 1000;

/// One language's `.ftl` file, parsed.
struct Ftl {
    lang: String,
    locale: String,
    file: Arc<SourceFile>,
    resource: ast::Resource<String>,
}

impl Ftl {
    fn messages(&self) -> impl Iterator<Item = &ast::Message<String>> {
        self.resource.body.iter().filter_map(|entry| match entry {
            Entry::Message(message) => Some(message),
            _ => None,
        })
    }

    fn terms(&self) -> impl Iterator<Item = &ast::Term<String>> {
        self.resource.body.iter().filter_map(|entry| match entry {
            Entry::Term(term) => Some(term),
            _ => None,
        })
    }

    fn message(&self, id: &str) -> Option<&ast::Message<String>> {
        self.messages().find(|m| m.id.name == id)
    }
}

/// Every Fluent-parity problem of the site at `root`. Files that cannot be read or parsed
/// are left to the build, which reports them.
pub fn check(root: &Path, config: &Config, templates: &[Template]) -> Diagnostics {
    let ftls: Vec<Ftl> = config
        .languages
        .iter()
        .filter_map(|language| {
            let path = Path::new("i18n").join(format!("{}.ftl", language.code));
            let text = std::fs::read_to_string(root.join(&path)).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_owned();
            let resource = match fluent_syntax::parser::parse(text.clone()) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            Some(Ftl {
                lang: language.code.clone(),
                locale: language.locale.clone(),
                file: SourceFile::new(path, text),
                resource,
            })
        })
        .collect();
    let mut found = Diagnostics::new();
    attribute_parity(&ftls, &mut found);
    term_parity(&ftls, &mut found);
    for ftl in &ftls {
        plural_coverage(ftl, &mut found);
    }
    unused(&ftls, templates, &mut found);
    found
}

/// A message's attributes must be the same in every language.
fn attribute_parity(ftls: &[Ftl], found: &mut Diagnostics) {
    for ftl in ftls {
        for other in ftls.iter().filter(|o| o.lang != ftl.lang) {
            for message in ftl.messages() {
                let Some(theirs) = other.message(&message.id.name) else {
                    continue;
                };
                for attribute in &message.attributes {
                    let name = &attribute.id.name;
                    if theirs.attributes.iter().any(|a| &a.id.name == name) {
                        continue;
                    }
                    let id = &message.id.name;
                    found.push(
                        Diagnostic::error(format!(
                            "message `{id}` has the attribute `.{name}` in {} but not in {}",
                            ftl.lang, other.lang
                        ))
                        .at(&ftl.file, attribute_span(&ftl.file.text, id, name))
                        .label(format!("defined in {} only", ftl.lang))
                        .hint(format!(
                            "add `.{name} = …` under `{id}` in i18n/{}.ftl",
                            other.lang
                        )),
                    );
                }
            }
        }
    }
}

/// Terms (`-brand = …`) must exist in every language, like messages.
fn term_parity(ftls: &[Ftl], found: &mut Diagnostics) {
    for ftl in ftls {
        for other in ftls.iter().filter(|o| o.lang != ftl.lang) {
            for term in ftl.terms() {
                let id = format!("-{}", term.id.name);
                if other.terms().any(|t| t.id.name == term.id.name) {
                    continue;
                }
                found.push(
                    Diagnostic::error(format!("term `{id}` has no {} translation", other.lang))
                        .at(&ftl.file, message_span(&ftl.file.text, &id))
                        .label(format!("defined in {} only", ftl.lang))
                        .hint(format!("add `{id} = …` to i18n/{}.ftl", other.lang)),
                );
            }
        }
    }
}

/// What a language's cardinal plural rules require of a message that selects on a number.
struct PluralNeeds {
    /// Categories some count from 0 to [`LARGEST_COUNT`] falls into, `other` excepted.
    required: Vec<PluralCategory>,
    /// Counts that are alone in their category within that range (Arabic 0, 1, 2).
    alone: BTreeMap<usize, PluralCategory>,
}

impl PluralNeeds {
    fn of(locale: &str) -> Option<Self> {
        let locale: icu_locale::Locale = locale.parse().ok()?;
        let rules = PluralRules::try_new_cardinal(locale.into()).ok()?;
        let mut members: BTreeMap<PluralCategory, Vec<usize>> = BTreeMap::new();
        for n in 0..=LARGEST_COUNT {
            members.entry(rules.category_for(n)).or_default().push(n);
        }
        let required = rules
            .categories()
            .filter(|c| *c != PluralCategory::Other && members.contains_key(c))
            .collect();
        let alone = members
            .iter()
            .filter(|(_, counts)| counts.len() == 1)
            .map(|(category, counts)| (counts[0], *category))
            .collect();
        Some(PluralNeeds { required, alone })
    }

    /// The category a variant key covers, if it covers one whole.
    fn covered_by(&self, key: &VariantKey<String>) -> Option<PluralCategory> {
        match key {
            VariantKey::Identifier { name } => PluralCategory::get_for_cldr_string(name),
            VariantKey::NumberLiteral { value } => value
                .parse::<usize>()
                .ok()
                .and_then(|n| self.alone.get(&n).copied()),
        }
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Every message of a language that selects on a number gives every category it needs.
fn plural_coverage(ftl: &Ftl, found: &mut Diagnostics) {
    let Some(needs) = PluralNeeds::of(&ftl.locale) else {
        return;
    };
    let entries = ftl
        .messages()
        .map(|m| {
            let patterns: Vec<&Pattern<String>> = m
                .value
                .iter()
                .chain(m.attributes.iter().map(|a| &a.value))
                .collect();
            (m.id.name.clone(), patterns)
        })
        .chain(ftl.terms().map(|t| {
            let patterns = std::iter::once(&t.value)
                .chain(t.attributes.iter().map(|a| &a.value))
                .collect();
            (format!("-{}", t.id.name), patterns)
        }));
    for (id, patterns) in entries {
        let mut selects = Vec::new();
        for pattern in patterns {
            collect_selects(pattern, &mut selects);
        }
        for (selector, variants) in selects {
            let is_plural = variants.iter().any(|v| match &v.key {
                VariantKey::NumberLiteral { .. } => true,
                VariantKey::Identifier { name } => {
                    name != "other" && PluralCategory::get_for_cldr_string(name).is_some()
                }
            });
            if !is_plural {
                continue;
            }
            let covered: HashSet<PluralCategory> = variants
                .iter()
                .filter_map(|v| needs.covered_by(&v.key))
                .collect();
            let missing: Vec<&str> = needs
                .required
                .iter()
                .filter(|c| !covered.contains(c))
                .map(|c| category_name(*c))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let needed: Vec<&str> = needs.required.iter().map(|c| category_name(*c)).collect();
            let written: Vec<String> = variants
                .iter()
                .map(|v| {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => name.as_str(),
                        VariantKey::NumberLiteral { value } => value.as_str(),
                    };
                    format!("{}[{key}]", if v.default { "*" } else { "" })
                })
                .collect();
            let missing_keys: Vec<String> = missing.iter().map(|m| format!("[{m}]")).collect();
            found.push(
                Diagnostic::error(format!(
                    "`{id}` in {} lacks the plural {} {} for `{selector}`",
                    ftl.lang,
                    if missing.len() == 1 { "category" } else { "categories" },
                    missing.join(", ")
                ))
                .at(&ftl.file, message_span(&ftl.file.text, &id))
                .label(format!("has {}", written.join(" ")))
                .hint(format!(
                    "add {}: {} counts take the forms {} besides *[other], and *[other] alone reads wrong for them (repeat its text where it is right)",
                    join_and(&missing_keys),
                    ftl.lang,
                    needed.join(", ")
                )),
            );
        }
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Every select expression in a pattern (nested ones included), with its selector as written.
fn collect_selects<'a>(
    pattern: &'a Pattern<String>,
    out: &mut Vec<(String, &'a [ast::Variant<String>])>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression<'a>(
    expression: &'a Expression<String>,
    out: &mut Vec<(String, &'a [ast::Variant<String>])>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            out.push((selector_text(selector), variants));
            for variant in variants {
                collect_selects(&variant.value, out);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            collect_expression(expression, out);
        }
        Expression::Inline(_) => {}
    }
}

fn selector_text(selector: &InlineExpression<String>) -> String {
    match selector {
        InlineExpression::VariableReference { id } => format!("${}", id.name),
        InlineExpression::FunctionReference { id, arguments } => {
            match arguments.positional.first() {
                Some(InlineExpression::VariableReference { id: var }) => {
                    format!("{}(${})", id.name, var.name)
                }
                _ => format!("{}(…)", id.name),
            }
        }
        _ => String::from("its selector"),
    }
}

/// Every message referenced from a pattern (`{ other-message }`).
fn collect_references(pattern: &Pattern<String>, out: &mut HashSet<String>) {
    fn inline(expression: &InlineExpression<String>, out: &mut HashSet<String>) {
        match expression {
            InlineExpression::MessageReference { id, .. } => {
                out.insert(id.name.clone());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                for argument in &arguments.positional {
                    inline(argument, out);
                }
                for argument in &arguments.named {
                    inline(&argument.value, out);
                }
            }
            InlineExpression::Placeable { expression } => whole(expression, out),
            _ => {}
        }
    }
    fn whole(expression: &Expression<String>, out: &mut HashSet<String>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for variant in variants {
                    collect_references(&variant.value, out);
                }
            }
            Expression::Inline(expression) => inline(expression, out),
        }
    }
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            whole(expression, out);
        }
    }
}

/// The message keys templates name: `"id" | t` exactly, `("prefix-" ~ …) | t` by prefix.
/// Keys computed without a literal (`page.card.status | t`) come from the Rust code, whose
/// keys are [`code_message_ids`].
pub fn template_keys(text: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut exact = BTreeSet::new();
    let mut prefixes = BTreeSet::new();
    for named in crate::render::templates::named_message_keys(text) {
        if named.prefix {
            prefixes.insert(named.key.to_owned());
        } else {
            exact.insert(named.key.to_owned());
        }
    }
    (exact, prefixes)
}

/// Messages nothing uses, reported once, in the first language's file.
fn unused(ftls: &[Ftl], templates: &[Template], found: &mut Diagnostics) {
    let mut used: HashSet<String> = code_message_ids().into_iter().collect();
    let mut prefixes: BTreeSet<String> = CODE_MESSAGE_PREFIXES
        .iter()
        .map(|p| (*p).to_owned())
        .collect();
    for template in templates {
        let (exact, by_prefix) = template_keys(&template.file.text);
        used.extend(exact);
        prefixes.extend(by_prefix);
    }
    for ftl in ftls {
        for message in ftl.messages() {
            for pattern in message
                .value
                .iter()
                .chain(message.attributes.iter().map(|a| &a.value))
            {
                collect_references(pattern, &mut used);
            }
        }
        for term in ftl.terms() {
            collect_references(&term.value, &mut used);
        }
    }
    let mut reported = HashSet::new();
    for ftl in ftls {
        for message in ftl.messages() {
            let id = &message.id.name;
            let everywhere = ftls.iter().all(|other| other.message(id).is_some());
            if !everywhere
                || used.contains(id)
                || prefixes.iter().any(|p| id.starts_with(p.as_str()))
                || !reported.insert(id.clone())
            {
                continue;
            }
            let files: Vec<String> = ftls
                .iter()
                .map(|f| format!("i18n/{}.ftl", f.lang))
                .collect();
            found.push(
                Diagnostic::warning(format!("message `{id}` is not used"))
                    .at(&ftl.file, message_span(&ftl.file.text, id))
                    .label("no template, message or code uses it")
                    .hint(format!(
                        "remove it from {}, or use it in a template: {{{{ \"{id}\" | t }}}}",
                        join_and(&files)
                    )),
            );
        }
    }
}

/// Where `.name = …` is written under message `id` (the message id when not found).
fn attribute_span(text: &str, id: &str, name: &str) -> std::ops::Range<usize> {
    let start = message_span(text, id);
    let line_start = text[..start.start].rfind('\n').map_or(0, |i| i + 1);
    let mut offset = line_start;
    for (i, line) in text[line_start..].split_inclusive('\n').enumerate() {
        let indent = line.len() - line.trim_start().len();
        if i > 0 && indent == 0 && !line.trim().is_empty() {
            break;
        }
        let attribute = line[indent..]
            .strip_prefix('.')
            .and_then(|rest| rest.strip_prefix(name));
        if i > 0 && attribute.is_some_and(|rest| rest.trim_start().starts_with('=')) {
            let at = offset + indent;
            return at..at + 1 + name.len();
        }
        offset += line.len();
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_literal_keys_and_prefixes_in_templates() {
        let (exact, prefixes) = template_keys(
            r#"{{ "nav-home" | t }} {{ 'footer' |t(lang="ar") }} {{ ("heading") | t }}
{{ ("nav-" ~ item.id) | t }} {{ page.status | t }} {{ "not-a-call" | title }}"#,
        );
        assert_eq!(
            exact.into_iter().collect::<Vec<_>>(),
            ["footer", "heading", "nav-home"]
        );
        assert_eq!(prefixes.into_iter().collect::<Vec<_>>(), ["nav-"]);
    }

    #[test]
    fn plural_needs_come_from_cldr() {
        let names = |needs: &PluralNeeds| -> Vec<&str> {
            needs.required.iter().map(|c| category_name(*c)).collect()
        };
        let arabic = PluralNeeds::of("ar-MA").unwrap();
        assert_eq!(names(&arabic), ["zero", "one", "two", "few", "many"]);
        let zero = VariantKey::NumberLiteral {
            value: String::from("0"),
        };
        assert_eq!(arabic.covered_by(&zero), Some(PluralCategory::Zero));
        let french = PluralNeeds::of("fr-MA").unwrap();
        assert_eq!(names(&french), ["one"], "French `many` starts at a million");
        assert_eq!(french.covered_by(&zero), None, "French `one` is 0 and 1");
    }
}
