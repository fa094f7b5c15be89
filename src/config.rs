//! Site configuration: `observatory.toml`.
//!
//! Each language carries its own CLDR locale and text direction, so nothing downstream needs
//! to know that Arabic is written right to left: it asks the language.

use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::load::toml_file;

/// The name of the configuration file at the site root.
pub const CONFIG_FILE: &str = "observatory.toml";

/// Text direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (French).
    Ltr,
    /// Right to left (Arabic).
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One language of the site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// Short code used in URLs (`/ar/`), in `lang` attributes and as the `.ftl` file name.
    /// One tag per language everywhere, so search indexes are not split by dialect.
    pub code: String,
    /// The site's title in this language.
    pub title: String,
    /// CLDR locale for dates and numbers, e.g. `ar-MA` (Moroccan month names).
    pub locale: String,
    /// Writing direction.
    pub direction: Direction,
}

/// The whole `observatory.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL the site is published at, e.g. `https://marsad.netlify.app/`.
    pub base_url: String,
    /// Code of the language `x-default` and the root pages fall back to.
    pub default_language: String,
    /// Theme folder under `themes/`.
    pub theme: String,
    /// Articles per page in paginated lists.
    #[serde(default = "default_paginate_by")]
    pub paginate_by: usize,
    /// The site's languages, in display order.
    pub languages: Vec<Language>,
}

fn default_paginate_by() -> usize {
    10
}

impl Config {
    /// Reads and validates `observatory.toml` under `root`.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|error| {
            Diagnostic::error(format!("cannot read the site configuration: {error}"))
                .in_file(CONFIG_FILE)
                .hint(format!(
                    "run marsad from the site root or pass --root; the root holds {CONFIG_FILE}"
                ))
        })?;
        let file = SourceFile::new(CONFIG_FILE, text);
        let config: Config = toml_file::parse(&file, 0, &file.text)?;
        config.validate(&file)?;
        Ok(config)
    }

    fn validate(&self, file: &Arc<SourceFile>) -> Result<(), Diagnostics> {
        let mut problems = Diagnostics::new();
        let at_key = |key: &str| {
            let start = file.text.find(key).unwrap_or(0);
            start..start + key.len()
        };
        if !crate::load::schema::is_http_url(&self.base_url) {
            problems.push(
                Diagnostic::error("`base_url` must be an absolute http(s) URL")
                    .at(file, at_key("base_url"))
                    .hint("e.g. base_url = \"https://marsad.netlify.app/\""),
            );
        }
        if self.language(&self.default_language).is_none() {
            problems.push(
                Diagnostic::error(format!(
                    "default language `{}` is not one of the site's languages",
                    self.default_language
                ))
                .at(file, at_key("default_language"))
                .hint("add it under [[languages]] or pick one of the codes listed there"),
            );
        }
        if self.paginate_by == 0 {
            problems.push(
                Diagnostic::error("`paginate_by` must be at least 1")
                    .at(file, at_key("paginate_by")),
            );
        }
        for (i, language) in self.languages.iter().enumerate() {
            let valid_code =
                !language.code.is_empty() && language.code.bytes().all(|b| b.is_ascii_lowercase());
            if !valid_code {
                problems.push(
                    Diagnostic::error(format!("language code `{}` is not valid", language.code))
                        .at(file, at_key(&format!("\"{}\"", language.code)))
                        .hint("use a lowercase ISO 639-1 code such as fr or ar"),
                );
            }
            if language.locale.parse::<icu_locale::Locale>().is_err() {
                problems.push(
                    Diagnostic::error(format!("`{}` is not a CLDR locale", language.locale))
                        .at(file, at_key(&format!("\"{}\"", language.locale)))
                        .hint("use a BCP 47 tag such as fr-MA or ar-MA"),
                );
            }
            if self.languages[..i].iter().any(|l| l.code == language.code) {
                problems.push(
                    Diagnostic::error(format!("language `{}` is listed twice", language.code))
                        .at(file, at_key("[[languages]]")),
                );
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    /// The language with this code.
    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The language codes, in display order.
    pub fn language_codes(&self) -> impl Iterator<Item = &str> {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// The path part of `base_url` without its trailing slash (`""` for a site at the root of
    /// its domain, `/marsad` for one published under a folder).
    pub fn path_prefix(&self) -> &str {
        let after_scheme = self
            .base_url
            .split_once("://")
            .map_or(self.base_url.as_str(), |(_, rest)| rest);
        after_scheme
            .find('/')
            .map_or("", |i| &after_scheme[i..])
            .trim_end_matches('/')
    }

    /// `base_url` without its trailing slash.
    pub fn origin_and_prefix(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }
}

/// The site's usual two languages, for unit tests.
#[cfg(test)]
pub(crate) fn test_config() -> Config {
    let language = |code: &str, locale: &str, direction| Language {
        code: code.into(),
        title: code.into(),
        locale: locale.into(),
        direction,
    };
    Config {
        base_url: "https://example.org/".into(),
        default_language: "fr".into(),
        theme: "observatory".into(),
        paginate_by: 10,
        languages: vec![
            language("fr", "fr-MA", Direction::Ltr),
            language("ar", "ar-MA", Direction::Rtl),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(base_url: &str) -> Config {
        Config {
            base_url: base_url.into(),
            ..test_config()
        }
    }

    #[test]
    fn path_prefix_of_root_and_folder_sites() {
        assert_eq!(config("https://example.org/").path_prefix(), "");
        assert_eq!(config("https://example.org").path_prefix(), "");
        assert_eq!(
            config("https://example.org/marsad/").path_prefix(),
            "/marsad"
        );
    }
}
