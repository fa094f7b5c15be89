//! The list of pages to render: what each is, where it goes, which template draws it and
//! which languages it exists in.

use serde::Serialize;
use tera::Context;

use crate::link::model::Site;

use super::context::{ArticleCard, Link, Views};
use super::deps::{Aspect, Dep, Entity, message_key};
use super::feeds::FeedOf;
use super::highlight;
use super::markdown::Rendered;
use super::meta;
use super::pictures::{TileMap, Timeline};
use super::urls::Urls;

/// One kind of page, with the entity it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// A language's home page.
    Home,
    /// Page n (1-based) of the article list.
    Articles(usize),
    /// An article (index into `site.articles`).
    Article(usize),
    /// The regions index.
    Regions,
    /// A region.
    Region(usize),
    /// The partners index.
    Partners,
    /// A partner.
    Partner(usize),
    /// The agreements index, in date order.
    Mous,
    /// An agreement.
    Mou(usize),
    /// The programmes index.
    Programmes,
    /// A programme.
    Programme(usize),
    /// The events index, in date order.
    Events,
    /// An event.
    Event(usize),
    /// A standalone page (index into `site.pages`).
    Static(usize),
    /// The sources page.
    Sources,
    /// The search page.
    Search,
    /// The page documenting the open data files.
    Data,
    /// The 404 page.
    NotFound,
}

/// Whose Markdown a rendered body is: bodies are keyed by this and the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyOf {
    /// An article.
    Article(usize),
    /// A standalone page.
    Static(usize),
}

/// A page to render: a kind in a language.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    /// Language code.
    pub lang: &'a str,
    /// What the page is.
    pub page: Page,
}

impl Page {
    /// The page's site path in `lang`.
    pub fn path(self, site: &Site, lang: &str) -> String {
        match self {
            Page::Home => Urls::home(lang),
            Page::Articles(n) => Urls::articles(lang, n),
            Page::Article(i) => Urls::article(lang, &site.articles[i].slug),
            Page::Regions => Urls::regions(lang),
            Page::Region(i) => Urls::region(lang, &site.regions[i].slug),
            Page::Partners => Urls::partners(lang),
            Page::Partner(i) => Urls::partner(lang, &site.partners[i].slug),
            Page::Mous => Urls::mous(lang),
            Page::Mou(i) => Urls::mou(lang, &site.mous[i].slug),
            Page::Programmes => Urls::programmes(lang),
            Page::Programme(i) => Urls::programme(lang, &site.programmes[i].slug),
            Page::Events => Urls::events(lang),
            Page::Event(i) => Urls::event(lang, &site.events[i].slug),
            Page::Static(i) => Urls::page(lang, &site.pages[i].slug),
            Page::Sources => Urls::sources(lang),
            Page::Search => Urls::search(lang),
            Page::Data => Urls::data(lang),
            Page::NotFound => Urls::not_found(lang),
        }
    }

    /// The template that draws it.
    pub fn template(self) -> &'static str {
        match self {
            Page::Home => "home.html",
            Page::Articles(_) => "articles.html",
            Page::Article(_) => "article.html",
            Page::Regions => "regions.html",
            Page::Region(_) => "region.html",
            Page::Partners => "partners.html",
            Page::Partner(_) => "partner.html",
            Page::Mous => "mous.html",
            Page::Mou(_) => "mou.html",
            Page::Programmes => "programmes.html",
            Page::Programme(_) => "programme.html",
            Page::Events => "events.html",
            Page::Event(_) => "event.html",
            Page::Static(_) => "page.html",
            Page::Sources => "sources.html",
            Page::Search => "search.html",
            Page::Data => "data.html",
            Page::NotFound => "404.html",
        }
    }

    /// The navigation section it belongs to (marked `aria-current` in the menu).
    fn section(self) -> &'static str {
        match self {
            Page::Home | Page::NotFound => "home",
            Page::Articles(_) | Page::Article(_) => "articles",
            Page::Regions | Page::Region(_) => "regions",
            Page::Partners | Page::Partner(_) => "partners",
            Page::Mous | Page::Mou(_) => "mous",
            Page::Programmes | Page::Programme(_) => "programmes",
            Page::Events | Page::Event(_) => "events",
            Page::Static(_) => "pages",
            Page::Sources => "sources",
            Page::Search => "search",
            Page::Data => "data",
        }
    }

    /// The feeds a page offers: the language's, and its own for a region or partner.
    fn feeds(self) -> Vec<FeedOf> {
        match self {
            Page::Region(i) => vec![FeedOf::Region(i), FeedOf::Site],
            Page::Partner(i) => vec![FeedOf::Partner(i), FeedOf::Site],
            _ => vec![FeedOf::Site],
        }
    }

    /// True for the pages of one thing — an article, a fact sheet, a standalone page — as
    /// opposed to lists and interface pages.
    fn is_one_thing(self) -> bool {
        matches!(
            self,
            Page::Article(_)
                | Page::Region(_)
                | Page::Partner(_)
                | Page::Mou(_)
                | Page::Programme(_)
                | Page::Event(_)
                | Page::Static(_)
        )
    }

    /// True for pages whose main content the search index holds: what a reader looks for
    /// (articles, fact sheets, standalone pages), not lists, which repeat them.
    fn searchable(self) -> bool {
        self.is_one_thing()
    }

    /// True for pages below an index, which show where they are: articles, fact sheets and
    /// standalone pages. Indexes are one step from home, which the navigation already says.
    fn shows_breadcrumbs(self) -> bool {
        self.is_one_thing()
    }

    /// The languages this page exists in: every language, except for articles and
    /// standalone pages, which exist in the languages they are written in.
    pub fn languages(self, site: &Site) -> Vec<&str> {
        site.config
            .language_codes()
            .filter(|code| self.exists_in(site, code))
            .collect()
    }

    /// True for the pages that list many others with their cards (a region's articles, a
    /// partner's agreements, every source): the long jobs of a build.
    pub fn lists_many(self) -> bool {
        matches!(
            self,
            Page::Home
                | Page::Region(_)
                | Page::Partner(_)
                | Page::Programme(_)
                | Page::Event(_)
                | Page::Mous
                | Page::Sources
        )
    }

    /// True when the page exists in `lang`.
    fn exists_in(self, site: &Site, lang: &str) -> bool {
        match self {
            Page::Article(i) => site.articles[i].translations.contains_key(lang),
            Page::Static(i) => site.pages[i].translations.contains_key(lang),
            _ => true,
        }
    }

    /// The Markdown body the page shows, if any.
    pub fn body(self) -> Option<BodyOf> {
        match self {
            Page::Article(i) => Some(BodyOf::Article(i)),
            Page::Static(i) => Some(BodyOf::Static(i)),
            _ => None,
        }
    }
}

/// Number of pages of the article list. Lists show every article in every language (those
/// without a translation marked as such), so both languages paginate alike.
pub fn article_pages(site: &Site) -> usize {
    site.articles.len().div_ceil(site.config.paginate_by).max(1)
}

/// Every page of every language.
pub fn jobs(site: &Site) -> Vec<Job<'_>> {
    let mut pages = vec![
        Page::Home,
        Page::Regions,
        Page::Partners,
        Page::Mous,
        Page::Programmes,
        Page::Events,
        Page::Sources,
        Page::Search,
        Page::Data,
        Page::NotFound,
    ];
    pages.extend((1..=article_pages(site)).map(Page::Articles));
    pages.extend((0..site.articles.len()).map(Page::Article));
    pages.extend((0..site.regions.len()).map(Page::Region));
    pages.extend((0..site.partners.len()).map(Page::Partner));
    pages.extend((0..site.mous.len()).map(Page::Mou));
    pages.extend((0..site.programmes.len()).map(Page::Programme));
    pages.extend((0..site.events.len()).map(Page::Event));
    pages.extend((0..site.pages.len()).map(Page::Static));
    let mut jobs = Vec::with_capacity(pages.len() * site.config.languages.len());
    for lang in site.config.language_codes() {
        for &page in &pages {
            if page.exists_in(site, lang) {
                jobs.push(Job { lang, page });
            }
        }
    }
    jobs
}

/// A language version of a page, for `hreflang` links in page heads and the sitemap.
#[derive(Debug, Serialize)]
pub struct Alternate {
    /// Language code.
    pub hreflang: String,
    /// Absolute URL.
    pub href: String,
}

/// Every language version of `page` (itself included), and the one for readers whose
/// language the site does not speak: the default language's, when the page has one.
pub fn alternates(site: &Site, urls: &Urls, page: Page) -> (Vec<Alternate>, Option<String>) {
    let existing = page.languages(site);
    let list = existing
        .iter()
        .map(|code| Alternate {
            hreflang: (*code).to_owned(),
            href: urls.absolute(&page.path(site, code)),
        })
        .collect();
    let default = site.config.default_language.as_str();
    let x_default = existing
        .contains(&default)
        .then(|| urls.absolute(&page.path(site, default)));
    (list, x_default)
}

#[derive(Debug, Serialize)]
struct Switch {
    lang: String,
    dir: String,
    href: Option<String>,
}

#[derive(Debug, Serialize)]
struct Nav {
    home: String,
    articles: String,
    regions: String,
    partners: String,
    mous: String,
    programmes: String,
    events: String,
    sources: String,
    search: String,
    pages: Vec<Link>,
}

/// One entry of the site's main navigation, in the page's language.
///
/// The menu is data rather than a list written in `base.html`: a template loop over a list
/// it builds itself, with a `t` filter and a string concatenation per entry, cost a twelfth of
/// a build's instructions (measured with callgrind, N = 1,000).
#[derive(Debug, Serialize)]
struct MenuItem {
    href: String,
    /// The entry's `nav-<section>` message.
    text: String,
    /// The entry is this very page (`aria-current="page"`).
    current: bool,
    /// The page is in the entry's section, below it (the entry is shown active).
    active: bool,
}

/// The main navigation's sections, in order: each names its `nav-<section>` message and is
/// the [`Page::section`] of the pages under it.
const MENU: [&str; 8] = [
    "home",
    "articles",
    "regions",
    "partners",
    "mous",
    "programmes",
    "events",
    "sources",
];

impl Nav {
    fn href(&self, section: &str) -> &str {
        match section {
            "home" => &self.home,
            "articles" => &self.articles,
            "regions" => &self.regions,
            "partners" => &self.partners,
            "mous" => &self.mous,
            "programmes" => &self.programmes,
            "events" => &self.events,
            _ => &self.sources,
        }
    }
}

/// The main navigation of a page whose path is `path` (an href) in section `section`.
fn menu(views: &Views, nav: &Nav, path: &str, section: &str) -> Result<Vec<MenuItem>, String> {
    MENU.iter()
        .map(|&entry| {
            let id = format!("nav-{entry}");
            views.deps.read(Dep::Message(message_key(views.lang, &id)));
            let href = nav.href(entry);
            let current = href == path;
            Ok(MenuItem {
                href: href.to_owned(),
                text: views.site.messages.format(views.lang, &id, None)?,
                current,
                active: !current && entry == section,
            })
        })
        .collect()
}

/// A feed offered in a page's head.
#[derive(Debug, Serialize)]
struct FeedLink {
    /// What it is about (a region or partner), or none for the whole site.
    name: Option<String>,
    href: String,
}

#[derive(Debug, Serialize)]
struct Layout {
    path: String,
    canonical: String,
    alternates: Vec<Alternate>,
    x_default: Option<String>,
    switcher: Vec<Switch>,
    nav: Nav,
    menu: Vec<MenuItem>,
    section: &'static str,
    searchable: bool,
    feeds: Vec<FeedLink>,
    style: Option<String>,
    /// The site's icon; linked so browsers do not ask for a `/favicon.ico` there is not.
    icon: Option<String>,
    highlight: Option<String>,
    /// The Arabic web font, preloaded by pages in Arabic: their body text needs it at first
    /// paint, and the stylesheet would only reveal it after it is itself loaded.
    font: Option<String>,
    /// The visible breadcrumbs, on pages below an index (articles, fact sheets, standalone
    /// pages): the trail of the page's JSON-LD `BreadcrumbList`, linked; the last is the page.
    breadcrumbs: Vec<Crumb>,
    root: String,
}

/// One step of the breadcrumbs.
#[derive(Debug, Serialize)]
struct Crumb {
    text: String,
    href: String,
}

/// The theme's Arabic web font, by its path in `static/`.
const ARABIC_FONT: &str = "fonts/noto-naskh-arabic.woff2";

/// The theme's icon, in `static/`.
const ICON: &str = "favicon.svg";

/// True for a language written in Arabic script: Arabic (`ar`, `ar-MA`), whose pages preload
/// the Arabic font.
fn writes_arabic(lang: &str) -> bool {
    lang.split('-').next() == Some("ar")
}

/// The link to a theme file by its name in `static/`, if the theme has it.
fn asset_href(site: &Site, urls: &Urls, name: &str) -> Option<String> {
    site.asset(name)
        .map(|asset| urls.href(&Urls::asset(&asset.published)))
}

/// The parts of a context shared by every page: language, direction, canonical and alternate
/// URLs, the language switcher, navigation and assets.
fn layout(
    views: &Views,
    page: Page,
    has_code: bool,
    trail: &[(String, String)],
) -> Result<Layout, String> {
    let site = views.site;
    let urls = views.urls;
    let lang = views.lang;
    let path = page.path(site, lang);
    let existing = page.languages(site);
    let (alternates, x_default) = alternates(site, urls, page);
    let switcher = site
        .config
        .languages
        .iter()
        .filter(|l| l.code != lang)
        .map(|l| Switch {
            lang: l.code.clone(),
            dir: l.direction.as_str().to_owned(),
            href: existing
                .contains(&l.code.as_str())
                .then(|| urls.href(&page.path(site, &l.code))),
        })
        .collect();
    let nav = Nav {
        home: urls.href(&Urls::home(lang)),
        articles: urls.href(&Urls::articles(lang, 1)),
        regions: urls.href(&Urls::regions(lang)),
        partners: urls.href(&Urls::partners(lang)),
        mous: urls.href(&Urls::mous(lang)),
        programmes: urls.href(&Urls::programmes(lang)),
        events: urls.href(&Urls::events(lang)),
        sources: urls.href(&Urls::sources(lang)),
        search: urls.href(&Urls::search(lang)),
        pages: {
            views.deps.read(Dep::Collection(Entity::Page));
            (0..site.pages.len())
                .filter_map(|i| views.static_page_link(i))
                .collect()
        },
    };
    let href = urls.href(&path);
    let menu = menu(views, &nav, &href, page.section())?;
    Ok(Layout {
        canonical: urls.absolute(&path),
        path: href,
        alternates,
        x_default,
        switcher,
        nav,
        menu,
        section: page.section(),
        searchable: page.searchable(),
        feeds: page
            .feeds()
            .into_iter()
            .map(|feed| FeedLink {
                name: feed.name(site, lang),
                href: urls.href(&feed.path(site, lang)),
            })
            .collect(),
        style: asset_href(site, urls, "style.css"),
        icon: asset_href(site, urls, ICON),
        highlight: has_code.then(|| urls.href(&Urls::asset(&highlight::stylesheet().0))),
        font: if writes_arabic(lang) {
            asset_href(site, urls, ARABIC_FONT)
        } else {
            None
        },
        breadcrumbs: if page.shows_breadcrumbs() {
            trail
                .iter()
                .map(|(text, path)| Crumb {
                    text: text.clone(),
                    href: urls.href(path),
                })
                .collect()
        } else {
            Vec::new()
        },
        root: urls.href(&Urls::root()),
    })
}

#[derive(Debug, Serialize)]
struct ArticlePage {
    title: String,
    summary: String,
    date: super::context::Dated,
    updated: Option<super::context::Dated>,
    draft: bool,
    /// The body's HTML, made a template value once, and marked safe: HTML marsad made from
    /// the Markdown, written as is by `{{ page.body }}` (a `| safe` filter would copy it).
    body: tera::Value,
    regions: Vec<Link>,
    partners: Vec<super::context::PartnerCard>,
    mous: Vec<super::context::MouCard>,
    programmes: Vec<super::context::ProgrammeCard>,
    events: Vec<super::context::EventCard>,
    sources: Vec<Link>,
    missing_in: Vec<String>,
}

#[derive(Debug, Serialize)]
struct StaticPageView {
    title: String,
    summary: String,
    updated: Option<super::context::Dated>,
    draft: bool,
    body: tera::Value,
    sources: Vec<Link>,
}

/// One entry of a list's page links: a page, or a gap standing for the pages left out.
#[derive(Debug, Serialize)]
struct PageLink {
    number: usize,
    href: String,
    current: bool,
    gap: bool,
}

/// Pages either side of the current one that the page links always show.
const PAGE_LINKS_AROUND: usize = 2;

/// The page numbers a list links to from page `current` of `total`: the first and last, and
/// the current one with its neighbours; `None` marks a gap. Linking every page would make
/// each list page grow with the site (a list of 10,000 articles has 1,000 pages), and the
/// whole list quadratic; the window keeps a page's links few while every page stays within
/// reach of the previous/next links and the jumps to both ends.
fn page_window(current: usize, total: usize) -> Vec<Option<usize>> {
    let around =
        current.saturating_sub(PAGE_LINKS_AROUND).max(1)..=(current + PAGE_LINKS_AROUND).min(total);
    let wanted = std::iter::once(1)
        .chain(around)
        .chain(std::iter::once(total));
    let mut shown = Vec::new();
    let mut last = 0;
    for number in wanted {
        if number <= last {
            continue;
        }
        match number - last {
            1 => {}
            // A gap of one page is that page: `…` would take as much room.
            2 => shown.push(Some(last + 1)),
            _ => shown.push(None),
        }
        shown.push(Some(number));
        last = number;
    }
    shown
}

#[derive(Debug, Serialize)]
struct ArticleList {
    items: Vec<ArticleCard>,
    total: usize,
    current: usize,
    pages: Vec<PageLink>,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Debug, Serialize)]
struct Home {
    figures: Vec<super::context::TargetView>,
    articles: Vec<ArticleCard>,
    mous: Vec<super::context::MouCard>,
    regions: Vec<super::context::RegionCard>,
    map: TileMap<super::context::RegionCard>,
    programmes: Vec<super::context::ProgrammeCard>,
    article_count: usize,
    mou_count: usize,
    partner_count: usize,
    all_articles: String,
    all_mous: String,
}

/// The regions index: the table and the map.
#[derive(Debug, Serialize)]
struct RegionIndex {
    regions: Vec<super::context::RegionCard>,
    map: TileMap<super::context::RegionCard>,
}

/// The agreements index: the list and the timeline.
#[derive(Debug, Serialize)]
struct MouIndex {
    mous: Vec<super::context::MouCard>,
    timeline: Option<Timeline<super::context::MouCard>>,
    /// The statuses the agreements have, for the timeline's legend, in the vocabulary's order.
    statuses: Vec<String>,
}

/// How many items the home page shows per list.
const HOME_LIST_LENGTH: usize = 5;

/// Builds the full context of one page.
pub fn context(views: &Views, page: Page, body: Option<&Rendered>) -> Result<Context, tera::Error> {
    let site = views.site;
    let lang = views.lang;
    let language = site.config.language(lang);
    let mut context = Context::new();
    context.insert("lang", lang);
    context.insert("dir", language.map_or("ltr", |l| l.direction.as_str()));
    context.insert("site_title", language.map_or("", |l| l.title.as_str()));
    let meta = meta::meta(views, page).map_err(tera::Error::message)?;
    context.insert(
        "layout",
        &layout(views, page, body.is_some_and(|b| b.has_code), &meta.trail)
            .map_err(tera::Error::message)?,
    );
    context.insert("meta", &meta);
    // Beside the layout: the footer and the sources page link to the open data page.
    context.insert("data_page", &views.urls.href(&Urls::data(lang)));
    let value = match page {
        Page::Home => tera::Value::try_from_serializable(&home(views))?,
        Page::Articles(n) => tera::Value::try_from_serializable(&article_list(views, n))?,
        Page::Article(i) => tera::Value::try_from_serializable(&article(views, i, body))?,
        Page::Regions => {
            views.deps.read(Dep::Collection(Entity::Region));
            tera::Value::try_from_serializable(&RegionIndex {
                regions: (0..site.regions.len())
                    .map(|r| views.region_card(r))
                    .collect(),
                map: views.region_map(),
            })?
        }
        Page::Region(i) => tera::Value::try_from_serializable(&views.region_page(i))?,
        Page::Partners => {
            views.deps.read(Dep::Collection(Entity::Partner));
            let all: Vec<usize> = (0..site.partners.len()).collect();
            tera::Value::try_from_serializable(&views.partner_cards(&all))?
        }
        Page::Partner(i) => tera::Value::try_from_serializable(&views.partner_page(i))?,
        Page::Mous => {
            views.deps.read(Dep::Collection(Entity::Mou));
            let all: Vec<usize> = (0..site.mous.len()).collect();
            let mut statuses: Vec<_> = site.mous.iter().map(|m| m.status).collect();
            statuses.sort_unstable();
            statuses.dedup();
            tera::Value::try_from_serializable(&MouIndex {
                mous: views.mou_cards(&all),
                timeline: views.mou_timeline(),
                statuses: statuses.iter().map(|s| s.message_id()).collect(),
            })?
        }
        Page::Mou(i) => tera::Value::try_from_serializable(&views.mou_page(i))?,
        Page::Programmes => {
            views.deps.read(Dep::Collection(Entity::Programme));
            let all: Vec<usize> = (0..site.programmes.len()).collect();
            tera::Value::try_from_serializable(&views.programme_cards(&all))?
        }
        Page::Programme(i) => tera::Value::try_from_serializable(&views.programme_page(i))?,
        Page::Events => {
            views.deps.read(Dep::Collection(Entity::Event));
            let all: Vec<usize> = (0..site.events.len()).collect();
            tera::Value::try_from_serializable(&views.event_cards(&all))?
        }
        Page::Event(i) => tera::Value::try_from_serializable(&views.event_page(i))?,
        Page::Static(i) => tera::Value::try_from_serializable(&static_page(views, i, body))?,
        Page::Sources => {
            views.deps.read(Dep::Collection(Entity::Source));
            let sources: Vec<_> = (0..site.sources.len()).map(|s| views.source(s)).collect();
            tera::Value::try_from_serializable(&sources)?
        }
        Page::Search => tera::Value::try_from_serializable(&search_page(views))?,
        Page::Data => tera::Value::try_from_serializable(&super::data::page(views))?,
        Page::NotFound => tera::Value::none(),
    };
    context.insert_value("page", value);
    Ok(context)
}

fn home(views: &Views) -> Home {
    let site = views.site;
    for entity in [
        Entity::Article,
        Entity::Mou,
        Entity::Region,
        Entity::Programme,
        Entity::Partner,
    ] {
        views.deps.read(Dep::Collection(entity));
    }
    let articles: Vec<usize> = site
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.translations.contains_key(views.lang))
        .map(|(i, _)| i)
        .take(HOME_LIST_LENGTH)
        .collect();
    let mous: Vec<usize> = (0..site.mous.len()).rev().take(HOME_LIST_LENGTH).collect();
    let all_programmes: Vec<usize> = (0..site.programmes.len()).collect();
    Home {
        figures: views.key_figures(),
        articles: views.article_cards(&articles),
        mous: views.mou_cards(&mous),
        regions: (0..site.regions.len())
            .map(|r| views.region_card(r))
            .collect(),
        map: views.region_map(),
        programmes: views.programme_cards(&all_programmes),
        article_count: site.articles_in(views.lang).count(),
        mou_count: site.mous.len(),
        partner_count: site.partners.len(),
        all_articles: views.urls.href(&Urls::articles(views.lang, 1)),
        all_mous: views.urls.href(&Urls::mous(views.lang)),
    }
}

fn article_list(views: &Views, current: usize) -> ArticleList {
    let site = views.site;
    views.deps.read(Dep::Collection(Entity::Article));
    let per_page = site.config.paginate_by;
    let total_pages = article_pages(site);
    let start = (current - 1) * per_page;
    let indexes: Vec<usize> = (start..site.articles.len()).take(per_page).collect();
    let href = |n: usize| views.urls.href(&Urls::articles(views.lang, n));
    ArticleList {
        items: views.article_cards(&indexes),
        total: site.articles.len(),
        current,
        pages: page_window(current, total_pages)
            .into_iter()
            .map(|number| match number {
                Some(number) => PageLink {
                    number,
                    href: href(number),
                    current: number == current,
                    gap: false,
                },
                None => PageLink {
                    number: 0,
                    href: String::new(),
                    current: false,
                    gap: true,
                },
            })
            .collect(),
        previous: (current > 1).then(|| href(current - 1)),
        next: (current < total_pages).then(|| href(current + 1)),
    }
}

fn article(views: &Views, index: usize, body: Option<&Rendered>) -> ArticlePage {
    let site = views.site;
    views.deps.entity(Entity::Article, index, Aspect::Whole);
    let article = &site.articles[index];
    let translation = &article.translations[views.lang];
    ArticlePage {
        title: translation.title.clone(),
        summary: translation.summary.clone(),
        date: views.dated(translation.date),
        updated: translation.updated.map(|d| views.dated(d)),
        draft: translation.draft,
        body: tera::Value::safe_string(body.map_or("", |b| b.html.as_str())),
        regions: article
            .refs
            .regions
            .iter()
            .map(|&r| views.region_link(r))
            .collect(),
        partners: views.partner_cards(&article.refs.partners),
        mous: views.mou_cards(&article.refs.mous),
        programmes: views.programme_cards(&article.refs.programmes),
        events: views.event_cards(&article.refs.events),
        sources: views.source_links(&article.refs.sources),
        missing_in: site
            .config
            .language_codes()
            .filter(|code| !article.translations.contains_key(code))
            .map(str::to_owned)
            .collect(),
    }
}

fn static_page(views: &Views, index: usize, body: Option<&Rendered>) -> StaticPageView {
    views.deps.entity(Entity::Page, index, Aspect::Whole);
    let translation = &views.site.pages[index].translations[views.lang];
    StaticPageView {
        title: translation.title.clone(),
        summary: translation.summary.clone(),
        updated: translation.updated.map(|d| views.dated(d)),
        draft: translation.draft,
        body: tera::Value::safe_string(body.map_or("", |b| b.html.as_str())),
        sources: views.source_links(&views.site.pages[index].sources),
    }
}

/// What the search page's script needs: where the index is and how to show numbers.
#[derive(Debug, Serialize)]
struct SearchPage {
    bundle: String,
    base: String,
    locale: String,
    script: Option<String>,
}

fn search_page(views: &Views) -> SearchPage {
    let urls = views.urls;
    SearchPage {
        bundle: urls.href(&format!("/{}/", crate::search::BUNDLE_DIR)),
        base: urls.href("/"),
        locale: views
            .site
            .config
            .language(views.lang)
            .map(|l| l.locale.clone())
            .unwrap_or_default(),
        script: asset_href(views.site, urls, "search.js"),
    }
}

/// A language offered on the root chooser.
#[derive(Debug, Serialize)]
struct RootLanguage {
    code: String,
    dir: String,
    title: String,
    href: String,
}

/// The context of the root pages (language chooser and 404), which speak every language.
pub fn root_context(site: &Site, urls: &Urls) -> Context {
    let languages: Vec<RootLanguage> = site
        .config
        .languages
        .iter()
        .map(|l| RootLanguage {
            code: l.code.clone(),
            dir: l.direction.as_str().to_owned(),
            title: l.title.clone(),
            href: urls.href(&Urls::home(&l.code)),
        })
        .collect();
    let mut context = Context::new();
    context.insert("lang", &site.config.default_language);
    context.insert("languages", &languages);
    context.insert("style", &asset_href(site, urls, "style.css"));
    context.insert("icon", &asset_href(site, urls, ICON));
    context.insert(
        "alternates",
        &languages
            .iter()
            .map(|l| Alternate {
                hreflang: l.code.clone(),
                href: urls.absolute(&Urls::home(&l.code)),
            })
            .collect::<Vec<_>>(),
    );
    context.insert("canonical", &urls.absolute(&Urls::root()));
    context.insert("meta", &meta::root_meta(site, urls));
    context
}

#[cfg(test)]
mod tests {
    use super::page_window;

    fn shown(current: usize, total: usize) -> String {
        page_window(current, total)
            .into_iter()
            .map(|n| n.map_or(String::from("…"), |n| n.to_string()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn short_lists_link_every_page() {
        assert_eq!(shown(1, 1), "1");
        assert_eq!(shown(1, 5), "1 2 3 4 5");
        assert_eq!(shown(4, 7), "1 2 3 4 5 6 7");
    }

    #[test]
    fn long_lists_link_both_ends_and_the_neighbours() {
        assert_eq!(shown(1, 1000), "1 2 3 … 1000");
        assert_eq!(shown(500, 1000), "1 … 498 499 500 501 502 … 1000");
        assert_eq!(shown(1000, 1000), "1 … 998 999 1000");
        // A gap of a single page shows the page instead.
        assert_eq!(shown(5, 1000), "1 2 3 4 5 6 7 … 1000");
    }
}
