//! Atom feeds: one per language (`/fr/atom.xml`), one per region and one per partner
//! (`/fr/regions/oriental/atom.xml`), each listing the newest articles of that language, drawn
//! by the theme's `atom.xml` template.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::link::model::Site;
use crate::load::date::FlexDate;

use super::templates::Templates;
use super::urls::Urls;

/// How many articles a feed lists, newest first.
pub const FEED_LENGTH: usize = 50;

/// The template that draws every feed.
const TEMPLATE: &str = "atom.xml";

/// Whose articles a feed lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedOf {
    /// Every article of the language.
    Site,
    /// The articles about a region (index into `site.regions`).
    Region(usize),
    /// The articles about a partner (index into `site.partners`).
    Partner(usize),
}

impl FeedOf {
    /// Every feed of the site.
    pub fn all(site: &Site) -> impl Iterator<Item = FeedOf> {
        std::iter::once(FeedOf::Site)
            .chain((0..site.regions.len()).map(FeedOf::Region))
            .chain((0..site.partners.len()).map(FeedOf::Partner))
    }

    /// The feed's site path in `lang`.
    pub fn path(self, site: &Site, lang: &str) -> String {
        self.page_path(site, lang) + "atom.xml"
    }

    /// The page the feed follows (its `alternate` link).
    fn page_path(self, site: &Site, lang: &str) -> String {
        match self {
            FeedOf::Site => Urls::home(lang),
            FeedOf::Region(i) => Urls::region(lang, &site.regions[i].slug),
            FeedOf::Partner(i) => Urls::partner(lang, &site.partners[i].slug),
        }
    }

    /// What the feed is about, when it is not the whole site.
    pub fn name(self, site: &Site, lang: &str) -> Option<String> {
        match self {
            FeedOf::Site => None,
            FeedOf::Region(i) => Some(site.regions[i].name.get(lang).to_owned()),
            FeedOf::Partner(i) => Some(site.partners[i].name.get(lang).to_owned()),
        }
    }

    /// Its articles (indexes into `site.articles`, which is newest first), in `lang`.
    fn articles(self, site: &Site, lang: &str) -> Vec<usize> {
        let mut indexes: Vec<usize> = match self {
            FeedOf::Site => (0..site.articles.len()).collect(),
            FeedOf::Region(i) => site.regions[i].articles.clone(),
            FeedOf::Partner(i) => site.partners[i].articles.clone(),
        };
        indexes.sort_unstable();
        indexes.dedup();
        indexes
            .into_iter()
            .filter(|&i| site.articles[i].translations.contains_key(lang))
            .take(FEED_LENGTH)
            .collect()
    }
}

#[derive(Debug, Serialize)]
struct Feed {
    lang: String,
    /// What the feed is about (a region or partner name), or none for the whole site.
    name: Option<String>,
    id: String,
    href: String,
    alternate: String,
    updated: String,
    entries: Vec<Entry>,
}

#[derive(Debug, Serialize)]
struct Entry {
    id: String,
    title: String,
    summary: String,
    href: String,
    published: String,
    updated: String,
    categories: Vec<Category>,
}

#[derive(Debug, Serialize)]
struct Category {
    term: String,
    label: String,
}

/// Renders every feed in every language, in parallel: `(output file, XML)`.
pub fn render(site: &Site, templates: &Templates) -> Vec<Result<(PathBuf, Vec<u8>), Diagnostic>> {
    let urls = Urls::new(&site.config);
    let feeds: Vec<(&str, FeedOf)> = site
        .config
        .language_codes()
        .flat_map(|lang| FeedOf::all(site).map(move |feed| (lang, feed)))
        .collect();
    feeds
        .into_par_iter()
        .map(|(lang, feed)| {
            let path = feed.path(site, lang);
            let context = context(site, &urls, feed, lang);
            templates
                .render_bytes(TEMPLATE, &context)
                .map(|xml| (Urls::output_file(&path), xml))
        })
        .collect()
}

fn context(site: &Site, urls: &Urls, feed: FeedOf, lang: &str) -> Context {
    let entries: Vec<Entry> = feed
        .articles(site, lang)
        .into_iter()
        .map(|i| entry(site, urls, i, lang))
        .collect();
    let page = urls.absolute(&feed.page_path(site, lang));
    let data = Feed {
        lang: lang.to_owned(),
        name: feed.name(site, lang),
        id: page.clone(),
        href: urls.absolute(&feed.path(site, lang)),
        alternate: page,
        // A feed without entries still needs a date: the newest article of the site, or for a
        // site without any, the start of the Unix epoch (Atom has no "unknown").
        updated: entries
            .iter()
            .map(|e| e.updated.clone())
            .max()
            .or_else(|| site.articles.first().map(|a| timestamp(a.date)))
            .unwrap_or_else(|| String::from("1970-01-01T00:00:00Z")),
        entries,
    };
    let language = site.config.language(lang);
    let mut context = Context::new();
    context.insert("lang", lang);
    context.insert("site_title", language.map_or("", |l| l.title.as_str()));
    context.insert("feed", &data);
    context
}

fn entry(site: &Site, urls: &Urls, index: usize, lang: &str) -> Entry {
    let article = &site.articles[index];
    let translation = &article.translations[lang];
    let href = urls.absolute(&Urls::article(lang, &article.slug));
    let published = timestamp(translation.date);
    let categories = article
        .refs
        .regions
        .iter()
        .map(|&r| Category {
            term: site.regions[r].slug.clone(),
            label: site.regions[r].name.get(lang).to_owned(),
        })
        .chain(article.refs.partners.iter().map(|&p| Category {
            term: site.partners[p].slug.clone(),
            label: site.partners[p].name.get(lang).to_owned(),
        }))
        .collect();
    Entry {
        id: href.clone(),
        title: translation.title.clone(),
        summary: translation.summary.clone(),
        href,
        updated: translation
            .updated
            .map_or_else(|| published.clone(), timestamp),
        published,
        categories,
    }
}

/// An RFC 3339 timestamp, as Atom requires: a date known only to the month or year counts
/// from its first day.
pub fn timestamp(date: FlexDate) -> String {
    let day = FlexDate {
        year: date.year,
        month: Some(date.month.unwrap_or(1)),
        day: Some(date.day.unwrap_or(1)),
    };
    [day.to_string().as_str(), "T00:00:00Z"].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_start_partial_dates_on_their_first_day() {
        let date = |text| FlexDate::parse(text).expect("date");
        assert_eq!(timestamp(date("2025-07-03")), "2025-07-03T00:00:00Z");
        assert_eq!(timestamp(date("2025-07")), "2025-07-01T00:00:00Z");
        assert_eq!(timestamp(date("2025")), "2025-01-01T00:00:00Z");
    }
}
