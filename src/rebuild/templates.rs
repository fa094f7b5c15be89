//! Which page templates a template change touches: a page is drawn by its template and by
//! every template that one extends, includes or imports, transitively.

use std::collections::{HashMap, HashSet};

use crate::load::Template;

/// The templates `text` names in `{% extends %}`, `{% include %}` and `{% import %}` tags.
pub fn uses(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let Some(end) = after.find("%}") else { break };
        let tag = after[..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let mut words = tag.splitn(2, char::is_whitespace);
        if let (Some("extends" | "include" | "import"), Some(argument)) =
            (words.next(), words.next())
        {
            let argument = argument.trim_start();
            if let Some(quote @ ('"' | '\'')) = argument.chars().next()
                && let Some(close) = argument[1..].find(quote)
            {
                names.push(&argument[1..1 + close]);
            }
        }
        rest = &after[end + 2..];
    }
    names
}

/// The names of the templates whose output may differ between `old` and `new`: those that
/// changed, appeared or disappeared, and every template that uses one of them.
pub fn changed(old: &[Template], new: &[Template]) -> HashSet<String> {
    let old_texts: HashMap<&str, &str> = old
        .iter()
        .map(|t| (t.name.as_str(), t.file.text.as_str()))
        .collect();
    let new_texts: HashMap<&str, &str> = new
        .iter()
        .map(|t| (t.name.as_str(), t.file.text.as_str()))
        .collect();
    let mut changed: HashSet<String> = old_texts
        .keys()
        .chain(new_texts.keys())
        .filter(|name| old_texts.get(*name) != new_texts.get(*name))
        .map(|name| (*name).to_owned())
        .collect();
    // Tera 2 components are global: any template may call one without naming the file that
    // defines it, so a change to a file that defines one may reach every template.
    let defines_component = |name: &String| {
        [&old_texts, &new_texts].iter().any(|texts| {
            texts
                .get(name.as_str())
                .is_some_and(|t| t.contains("{% component"))
        })
    };
    if changed.iter().any(defines_component) {
        changed.extend(new_texts.keys().map(|name| (*name).to_owned()));
        return changed;
    }
    // Spread to the users of changed templates until nothing new is found.
    loop {
        let before = changed.len();
        for (name, text) in &new_texts {
            if !changed.contains(*name) && uses(text).iter().any(|u| changed.contains(*u)) {
                changed.insert((*name).to_owned());
            }
        }
        if changed.len() == before {
            return changed;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::SourceFile;

    fn template(name: &str, text: &str) -> Template {
        Template {
            name: name.to_owned(),
            file: SourceFile::new(name, text),
        }
    }

    #[test]
    fn finds_extends_include_and_import() {
        let text = r#"{% extends "base.html" %}{%- include "partials/a.html" -%}
            {% import 'macros.html' as m %}{% if x %}{{ y }}{% endif %}"#;
        assert_eq!(uses(text), ["base.html", "partials/a.html", "macros.html"]);
    }

    #[test]
    fn a_partial_change_reaches_the_templates_that_include_it() {
        let old = [
            template("base.html", "<html>{% block c %}{% endblock %}"),
            template("partials/cards.html", "cards"),
            template(
                "region.html",
                r#"{% extends "base.html" %}{% include "partials/cards.html" %}"#,
            ),
            template("home.html", r#"{% extends "base.html" %}"#),
        ];
        let mut new = old.clone();
        new[1] = template("partials/cards.html", "new cards");
        let changed = changed(&old, &new);
        assert!(changed.contains("region.html"));
        assert!(changed.contains("partials/cards.html"));
        assert!(!changed.contains("home.html"));
        assert!(!changed.contains("base.html"));

        let mut new = old.clone();
        new[0] = template("base.html", "<html lang>{% block c %}{% endblock %}");
        let changed = super::changed(&old, &new);
        assert!(changed.contains("home.html") && changed.contains("region.html"));
    }
}
