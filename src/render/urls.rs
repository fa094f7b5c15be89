//! Where every page lives. The one place that decides URLs.
//!
//! Every language has the same ASCII paths under its own prefix (`/fr/regions/oriental/`,
//! `/ar/regions/oriental/`), so a page's translation is found by swapping the prefix and
//! slugs never need transliterating. Paths here are site paths (`/fr/…`); [`Urls::href`] adds
//! the base URL's folder for links and [`Urls::absolute`] the whole base URL.
//!
//! Paths are joined with `[…].concat()`, which sizes the string once, rather than `format!`:
//! a build makes a few hundred thousand of them, and `format!`'s machinery (and the string's
//! growth as it writes) cost nearly a tenth of a build's instructions (callgrind, N = 1,000).

use std::path::PathBuf;

use crate::config::Config;

/// The first path segment of every section of a language (`/fr/<section>/…`).
const SECTIONS: &[&str] = &[
    "articles",
    "regions",
    "partners",
    "mous",
    "programmes",
    "events",
    "sources",
    "search",
    "assets",
    "data",
];

/// Builds site paths, links and absolute URLs.
#[derive(Debug, Clone)]
pub struct Urls {
    prefix: String,
    base: String,
}

impl Urls {
    /// URLs for the configured base URL.
    pub fn new(config: &Config) -> Self {
        Self {
            prefix: config.path_prefix().to_owned(),
            base: config.origin_and_prefix().to_owned(),
        }
    }

    /// The root language chooser.
    pub fn root() -> String {
        String::from("/")
    }

    /// The root 404 page.
    pub fn root_not_found() -> String {
        String::from("/404.html")
    }

    /// A language's home page.
    pub fn home(lang: &str) -> String {
        ["/", lang, "/"].concat()
    }

    /// Page `page` (1-based) of the article list.
    pub fn articles(lang: &str, page: usize) -> String {
        if page <= 1 {
            ["/", lang, "/articles/"].concat()
        } else {
            ["/", lang, "/articles/page/", &page.to_string(), "/"].concat()
        }
    }

    /// An article.
    pub fn article(lang: &str, slug: &str) -> String {
        ["/", lang, "/articles/", slug, "/"].concat()
    }

    /// The regions index.
    pub fn regions(lang: &str) -> String {
        ["/", lang, "/regions/"].concat()
    }

    /// A region.
    pub fn region(lang: &str, slug: &str) -> String {
        ["/", lang, "/regions/", slug, "/"].concat()
    }

    /// The partners index.
    pub fn partners(lang: &str) -> String {
        ["/", lang, "/partners/"].concat()
    }

    /// A partner.
    pub fn partner(lang: &str, slug: &str) -> String {
        ["/", lang, "/partners/", slug, "/"].concat()
    }

    /// The agreements index.
    pub fn mous(lang: &str) -> String {
        ["/", lang, "/mous/"].concat()
    }

    /// An agreement.
    pub fn mou(lang: &str, slug: &str) -> String {
        ["/", lang, "/mous/", slug, "/"].concat()
    }

    /// The programmes index.
    pub fn programmes(lang: &str) -> String {
        ["/", lang, "/programmes/"].concat()
    }

    /// A programme.
    pub fn programme(lang: &str, slug: &str) -> String {
        ["/", lang, "/programmes/", slug, "/"].concat()
    }

    /// The events index.
    pub fn events(lang: &str) -> String {
        ["/", lang, "/events/"].concat()
    }

    /// An event.
    pub fn event(lang: &str, slug: &str) -> String {
        ["/", lang, "/events/", slug, "/"].concat()
    }

    /// A standalone page (about, methodology).
    pub fn page(lang: &str, slug: &str) -> String {
        ["/", lang, "/", slug, "/"].concat()
    }

    /// Standalone pages sit beside the sections, so their slugs cannot be a section's.
    pub fn is_reserved_page_slug(slug: &str) -> bool {
        SECTIONS.contains(&slug)
    }

    /// The sources page.
    pub fn sources(lang: &str) -> String {
        ["/", lang, "/sources/"].concat()
    }

    /// The search page.
    pub fn search(lang: &str) -> String {
        ["/", lang, "/search/"].concat()
    }

    /// The page documenting the open data files (which live under `/data/`, outside every
    /// language).
    pub fn data(lang: &str) -> String {
        ["/", lang, "/data/"].concat()
    }

    /// One source: an anchor on the sources page. Anchors of things editors name carry a
    /// prefix (`source-`, `institute-`) so an id can never be one the templates use.
    pub fn source(lang: &str, slug: &str) -> String {
        ["/", lang, "/sources/#", &Self::source_anchor(slug)].concat()
    }

    /// The id of a source on the sources page.
    pub fn source_anchor(slug: &str) -> String {
        ["source-", slug].concat()
    }

    /// An institute: an anchor on its region's page.
    pub fn institute(lang: &str, region: &str, id: &str) -> String {
        [
            "/",
            lang,
            "/regions/",
            region,
            "/#",
            &Self::institute_anchor(id),
        ]
        .concat()
    }

    /// The id of an institute on its region's page.
    pub fn institute_anchor(id: &str) -> String {
        ["institute-", id].concat()
    }

    /// A language's 404 page.
    pub fn not_found(lang: &str) -> String {
        ["/", lang, "/404.html"].concat()
    }

    /// A theme asset, by its published (fingerprinted) path under `assets/`.
    pub fn asset(published: &std::path::Path) -> String {
        format!("/assets/{}", published.to_string_lossy().replace('\\', "/"))
    }

    /// A link to a site path, with the base URL's folder in front.
    pub fn href(&self, path: &str) -> String {
        [self.prefix.as_str(), path].concat()
    }

    /// The absolute URL of a site path.
    pub fn absolute(&self, path: &str) -> String {
        [self.base.as_str(), path].concat()
    }

    /// The output file of a site path: `/fr/regions/` → `fr/regions/index.html`.
    pub fn output_file(path: &str) -> PathBuf {
        let path = path
            .split('#')
            .next()
            .unwrap_or_default()
            .trim_start_matches('/');
        if path.is_empty() || path.ends_with('/') {
            PathBuf::from([path, "index.html"].concat())
        } else {
            PathBuf::from(path)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_files() {
        assert_eq!(Urls::output_file("/"), PathBuf::from("index.html"));
        assert_eq!(
            Urls::output_file("/fr/regions/"),
            PathBuf::from("fr/regions/index.html")
        );
        assert_eq!(
            Urls::output_file("/ar/404.html"),
            PathBuf::from("ar/404.html")
        );
    }

    #[test]
    fn pagination_keeps_page_one_at_the_list_root() {
        assert_eq!(Urls::articles("fr", 1), "/fr/articles/");
        assert_eq!(Urls::articles("ar", 3), "/ar/articles/page/3/");
    }
}
