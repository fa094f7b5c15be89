//! `/sitemap.xml`, listing every page a reader may land on with its language versions
//! (`xhtml:link rel="alternate" hreflang`, reciprocal, plus `x-default`), and `/robots.txt`
//! pointing to it.
//!
//! The sitemap is a protocol file, not a page a reader sees, so it is written here rather
//! than drawn by a theme template (as `robots.txt` is): at 10,000 articles it lists 23,000
//! pages, and handing them to Tera as values cost a tenth of a second of every build.

use std::path::PathBuf;

use crate::link::model::Site;

use super::pages::{self, Page};
use super::urls::Urls;

/// The files this module writes, at the root of the output.
pub const FILES: [&str; 2] = ["sitemap.xml", "robots.txt"];

/// Renders the sitemap: `(output file, XML)`.
pub fn render(site: &Site) -> (PathBuf, String) {
    let urls = Urls::new(&site.config);
    let jobs = pages::jobs(site);
    let mut xml = String::with_capacity(512 * jobs.len());
    xml.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" ",
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
    ));
    for job in jobs.into_iter().filter(|job| listed(job.page)) {
        let (alternates, x_default) = pages::alternates(site, &urls, job.page);
        xml.push_str("\n  <url>\n    <loc>");
        escape(&mut xml, &urls.absolute(&job.page.path(site, job.lang)));
        xml.push_str("</loc>");
        if let Some(lastmod) = last_modified(site, job.page, job.lang) {
            xml.push_str("\n    <lastmod>");
            escape(&mut xml, &lastmod);
            xml.push_str("</lastmod>");
        }
        let alternates = alternates
            .iter()
            .map(|a| (a.hreflang.as_str(), a.href.as_str()))
            .chain(x_default.as_deref().map(|href| ("x-default", href)));
        for (hreflang, href) in alternates {
            xml.push_str("\n    <xhtml:link rel=\"alternate\" hreflang=\"");
            escape(&mut xml, hreflang);
            xml.push_str("\" href=\"");
            escape(&mut xml, href);
            xml.push_str("\"/>");
        }
        xml.push_str("\n  </url>");
    }
    xml.push_str("\n</urlset>\n");
    (PathBuf::from(FILES[0]), xml)
}

/// `text` escaped for XML text and double-quoted attributes.
fn escape(xml: &mut String, text: &str) {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        xml.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => xml.push_str("&amp;"),
            '<' => xml.push_str("&lt;"),
            '>' => xml.push_str("&gt;"),
            '"' => xml.push_str("&quot;"),
            '\'' => xml.push_str("&#x27;"),
            c => xml.push(c),
        }
    }
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
