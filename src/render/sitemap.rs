//! `/sitemap.xml`, listing every page a reader may land on with its language versions
//! (`xhtml:link rel="alternate" hreflang`, reciprocal, plus `x-default`), and `/robots.txt`
//! pointing to it.

use std::path::PathBuf;

use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::link::model::Site;

use super::pages::{self, Alternate, Page};
use super::templates::Templates;
use super::urls::Urls;

/// The template that draws the sitemap.
const TEMPLATE: &str = "sitemap.xml";

/// The files this module writes, at the root of the output.
pub const FILES: [&str; 2] = ["sitemap.xml", "robots.txt"];

#[derive(Debug, Serialize)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<Alternate>,
}

/// Renders the sitemap: `(output file, XML)`.
pub fn render(site: &Site, templates: &Templates) -> Result<(PathBuf, String), Diagnostic> {
    let urls = Urls::new(&site.config);
    let entries: Vec<SitemapUrl> = pages::jobs(site)
        .into_iter()
        .filter(|job| listed(job.page))
        .map(|job| {
            let (mut alternates, x_default) = pages::alternates(site, &urls, job.page);
            alternates.extend(x_default.map(|href| Alternate {
                hreflang: String::from("x-default"),
                href,
            }));
            SitemapUrl {
                loc: urls.absolute(&job.page.path(site, job.lang)),
                lastmod: last_modified(site, job.page, job.lang),
                alternates,
            }
        })
        .collect();
    let mut context = Context::new();
    context.insert("urls", &entries);
    let xml = templates.render(TEMPLATE, &context)?;
    Ok((PathBuf::from(FILES[0]), xml))
}

/// Error pages and the search page are not destinations of their own.
fn listed(page: Page) -> bool {
    !matches!(page, Page::NotFound | Page::Search)
}

/// When the page's text last changed, where the content says so (W3C date format, at the
/// precision the editor gave).
fn last_modified(site: &Site, page: Page, lang: &str) -> Option<String> {
    match page {
        Page::Article(i) => {
            let translation = site.articles[i].translations.get(lang)?;
            Some(translation.updated.unwrap_or(translation.date).to_string())
        }
        Page::Static(i) => site.pages[i]
            .translations
            .get(lang)?
            .updated
            .map(|date| date.to_string()),
        _ => None,
    }
}

/// `/robots.txt`: everything may be crawled; the sitemap is here.
pub fn robots(site: &Site) -> (PathBuf, String) {
    let urls = Urls::new(&site.config);
    let text = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        urls.absolute("/sitemap.xml")
    );
    (PathBuf::from(FILES[1]), text)
}
