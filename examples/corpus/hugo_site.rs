//! Writing a [`Corpus`] as a Hugo site that does the same work as the marsad one, so the two
//! generators can be timed against each other: the same articles in French and Arabic (the
//! same Markdown, links turned into plain URLs), regions and partners as taxonomies with their
//! names, the article list paginated by the same page size, Atom feeds of the newest 50
//! articles for each language, region and partner, Hugo's own sitemap, and code highlighted
//! with CSS classes. The theme (`hugo/` beside this file) is minimal: a base with `lang` and
//! `dir`, home, article, article list, taxonomy and term pages, 404, and the feed.
//!
//! What marsad draws that this site does not (fact sheets of agreements, events and
//! programmes, the sources page, open data, pictures, JSON-LD) is listed in the README's
//! benchmark notes.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;

use crate::markup::{self, quote};
use crate::model::{Bi, Corpus, Lang, Link};
use crate::text;

/// The theme's files, by path inside the site.
const THEME: &[(&str, &str)] = &[
    (
        "layouts/baseof.html",
        include_str!("hugo/layouts/baseof.html"),
    ),
    ("layouts/home.html", include_str!("hugo/layouts/home.html")),
    ("layouts/page.html", include_str!("hugo/layouts/page.html")),
    (
        "layouts/section.html",
        include_str!("hugo/layouts/section.html"),
    ),
    (
        "layouts/taxonomy.html",
        include_str!("hugo/layouts/taxonomy.html"),
    ),
    ("layouts/term.html", include_str!("hugo/layouts/term.html")),
    ("layouts/404.html", include_str!("hugo/layouts/404.html")),
    (
        "layouts/list.atom.xml",
        include_str!("hugo/layouts/list.atom.xml"),
    ),
    (
        "layouts/_partials/cards.html",
        include_str!("hugo/layouts/_partials/cards.html"),
    ),
    ("i18n/fr.toml", include_str!("hugo/i18n/fr.toml")),
    ("i18n/ar.toml", include_str!("hugo/i18n/ar.toml")),
    ("static/style.css", include_str!("hugo/static/style.css")),
];

/// What the Hugo site takes from the marsad site's `observatory.toml`.
#[derive(Debug, Clone)]
pub struct Settings {
    pub base_url: String,
    /// Articles per page of the article list (`paginate_by`).
    pub paginate_by: u64,
    /// The site's title in each language.
    pub title: Bi,
}

impl Settings {
    /// Reads `observatory.toml` (the one the marsad site is written with).
    pub fn read(repo: &Path) -> Result<Settings, String> {
        let path = repo.join("observatory.toml");
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let config: toml::Table =
            toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let missing = |key: &str| format!("{}: no {key}", path.display());
        let title = |lang: Lang| -> Result<String, String> {
            config
                .get("languages")
                .and_then(|l| l.as_array())
                .into_iter()
                .flatten()
                .find(|l| l.get("code").and_then(|c| c.as_str()) == Some(lang.code()))
                .and_then(|l| l.get("title"))
                .and_then(|t| t.as_str())
                .map(str::to_owned)
                .ok_or_else(|| missing(&format!("title of language {}", lang.code())))
        };
        Ok(Settings {
            base_url: config
                .get("base_url")
                .and_then(|u| u.as_str())
                .ok_or_else(|| missing("base_url"))?
                .to_owned(),
            paginate_by: config
                .get("paginate_by")
                .and_then(|p| p.as_integer())
                .and_then(|p| u64::try_from(p).ok())
                .ok_or_else(|| missing("paginate_by"))?,
            title: Bi::new(title(Lang::Fr)?, title(Lang::Ar)?),
        })
    }
}

/// Writes the whole Hugo site under `out`, which must exist and be empty.
pub fn write_site(corpus: &Corpus, settings: &Settings, out: &Path) -> io::Result<()> {
    fs::write(out.join("hugo.toml"), config(settings))?;
    for (path, text) in THEME {
        write(&out.join(path), text)?;
    }
    let content = out.join("content");
    for lang in Lang::ALL {
        let code = lang.code();
        let index = |title: &str| format!("+++\ntitle = {}\n+++\n", quote(title));
        write(
            &content.join(format!("_index.{code}.md")),
            &index(settings.title.get(lang)),
        )?;
        for (section, title) in [
            ("articles", Bi::new("Articles", "المقالات")),
            ("regions", Bi::new("Régions", "الجهات")),
            ("partners", Bi::new("Partenaires", "الشركاء")),
        ] {
            write(
                &content.join(format!("{section}/_index.{code}.md")),
                &index(title.get(lang)),
            )?;
        }
        for region in &corpus.regions {
            let text = term_file(&region.name, &region.capital, lang);
            write(
                &content.join(format!("regions/{}/_index.{code}.md", region.slug)),
                &text,
            )?;
        }
        for partner in &corpus.partners {
            let text = term_file(&partner.name, &partner.description, lang);
            write(
                &content.join(format!("partners/{}/_index.{code}.md", partner.slug)),
                &text,
            )?;
        }
    }
    let articles = content.join("articles");
    (0..corpus.articles.len())
        .into_par_iter()
        .try_for_each(|i| {
            let slug = &corpus.articles[i].slug;
            Lang::ALL.iter().try_for_each(|&lang| {
                let path = articles.join(format!("{slug}.{}.md", lang.code()));
                fs::write(path, article_file(corpus, i, lang))
            })
        })
}

/// Writes `text` at `path`, creating its folder.
fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, text)
}

/// `hugo.toml`: two languages in subfolders, the two taxonomies, the article list's page
/// size, an Atom feed for home and term pages (and no RSS, which marsad does not write),
/// the sitemap and `robots.txt`, code highlighted with classes, and links left as written.
pub fn config(settings: &Settings) -> String {
    format!(
        r#"baseURL = {base_url}
defaultContentLanguage = "fr"
defaultContentLanguageInSubdir = true
enableRobotsTXT = true

[pagination]
pagerSize = {paginate_by}

[taxonomies]
region = "regions"
partner = "partners"

[mediaTypes."application/atom+xml"]
suffixes = ["xml"]

[outputFormats.atom]
mediaType = "application/atom+xml"
baseName = "atom"
rel = "alternate"

[outputs]
home = ["html", "atom"]
section = ["html"]
taxonomy = ["html"]
term = ["html", "atom"]
page = ["html"]

[markup.highlight]
noClasses = false

# Links are plain URLs: Hugo's embedded render hooks (on by default in a multilingual site)
# would look each one up among the pages, work marsad's plain text has no equivalent of.
[markup.goldmark.renderHooks.link]
useEmbedded = "never"

[markup.goldmark.renderHooks.image]
useEmbedded = "never"

[languages.fr]
title = {fr_title}
label = "Français"
locale = "fr-MA"
direction = "ltr"
weight = 1

[languages.ar]
title = {ar_title}
label = "العربية"
locale = "ar-MA"
direction = "rtl"
weight = 2
"#,
        base_url = quote(&settings.base_url),
        paginate_by = settings.paginate_by,
        fr_title = quote(&settings.title.fr),
        ar_title = quote(&settings.title.ar),
    )
}

/// A region's or partner's `_index.<lang>.md`: its name, and one sentence about it.
fn term_file(name: &Bi, about: &Bi, lang: Lang) -> String {
    format!(
        "+++\ntitle = {}\n+++\n\n{}\n",
        quote(name.get(lang)),
        about.get(lang)
    )
}

/// `content/articles/<slug>.<lang>.md`: TOML front matter (title, date, `lastmod` when the
/// article was updated, summary, regions, partners) and the marsad article's body.
pub fn article_file(corpus: &Corpus, index: usize, lang: Lang) -> String {
    let article = &corpus.articles[index];
    let mut out = String::with_capacity(8 * 1024);
    let _ = writeln!(
        out,
        "+++\ntitle = {}\ndate = {}",
        quote(article.title.get(lang)),
        article.date
    );
    if let Some(updated) = article.updated {
        let _ = writeln!(out, "lastmod = {updated}");
    }
    let regions = article
        .refs
        .regions
        .iter()
        .map(|&r| quote(&corpus.regions[r].slug));
    let partners = article
        .refs
        .partners
        .iter()
        .map(|&p| quote(&corpus.partners[p].slug));
    let _ = writeln!(
        out,
        "summary = {}\nregions = [{}]\npartners = [{}]\n+++",
        quote(article.summary.get(lang)),
        regions.collect::<Vec<_>>().join(", "),
        partners.collect::<Vec<_>>().join(", ")
    );
    markup::body(&mut out, &text::body(corpus, index, lang), |link| {
        url(corpus, link, lang)
    });
    out
}

/// Where a link leads: the plain URL marsad publishes the page under, so Hugo has no `ref`
/// shortcode to run (marsad still resolves and checks each of its `@/` links, work Hugo does
/// not do). Agreements, events, programmes and sources have no page in this site (see the
/// module's documentation).
pub fn url(corpus: &Corpus, link: Link, lang: Lang) -> String {
    let lang = lang.code();
    match link {
        Link::Article(a) => format!("/{lang}/articles/{}/", corpus.articles[a].slug),
        Link::Region(r) => format!("/{lang}/regions/{}/", corpus.regions[r].slug),
        Link::Partner(p) => format!("/{lang}/partners/{}/", corpus.partners[p].slug),
        Link::Programme(p) => format!("/{lang}/programmes/{}/", corpus.programmes[p].slug),
        Link::Mou(m) => format!("/{lang}/mous/{}/", corpus.mous[m].slug),
        Link::Event(e) => format!("/{lang}/events/{}/", corpus.events[e].slug),
        Link::Source(s) => format!("/{lang}/sources/#source-{}", corpus.sources[s].id),
    }
}
