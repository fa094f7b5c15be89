//! What every page says about itself: `<title>`, `<meta name="description">`, Open Graph and
//! Twitter card tags, and JSON-LD structured data.
//!
//! One [`Meta`] per page, computed here from the site model and handed to the
//! `partials/meta.html` partial, so the title a tab shows, the description a search engine
//! quotes and the headline a link preview prints come from one place instead of a
//! `{% block title %}` per template. Every word is a Fluent message (ids in
//! [`MESSAGE_IDS`]); the rest is the content's own text in the page's language.
//!
//! Like the view builders of [`super::context`], everything read is recorded in
//! [`Views::deps`] — the entity aspects and the messages formatted — so `marsad serve`
//! re-renders a page when something its metadata shows changes (an article's JSON-LD names
//! its partners: renaming a partner re-renders the article).
//!
//! JSON-LD is built from `Serialize` structs and serialized by serde_json, then `<`, `>` and
//! `&` are written as `\u003c`, `\u003e`, `\u0026` ([`script_json`]): a title containing
//! `</script>` cannot end the data block early, and the JSON still parses to the same text.

use fluent_bundle::{FluentArgs, FluentValue};
use serde::Serialize;

use crate::link::model::{Site, Text};
use crate::load::date::{FlexDate, Precision};

use super::context::Views;
use super::deps::{Aspect, Dep, Entity, message_key};
use super::pages::{Page, article_pages};
use super::urls::Urls;

/// `<title>`: a page's own title, then the site's (`page`, `site`).
pub const TITLE: &str = "meta-title";
/// Title of page 2+ of the article list (`section`, and `page`: `page-n-of-m`).
pub const ARTICLES_PAGE_TITLE: &str = "meta-articles-page-title";
/// Description of the first page of the article list (`count`).
pub const ARTICLES_DESCRIPTION: &str = "meta-articles-description";
/// Description of page 2+ of the article list (`current`, `total`).
pub const ARTICLES_PAGE_DESCRIPTION: &str = "meta-articles-page-description";
/// Description of the regions index (`count`).
pub const REGIONS_DESCRIPTION: &str = "meta-regions-description";
/// Description of the partners index (`count`).
pub const PARTNERS_DESCRIPTION: &str = "meta-partners-description";
/// Description of the agreements index (`count`).
pub const MOUS_DESCRIPTION: &str = "meta-mous-description";
/// Description of the programmes index (`count`).
pub const PROGRAMMES_DESCRIPTION: &str = "meta-programmes-description";
/// Description of the events index (`count`).
pub const EVENTS_DESCRIPTION: &str = "meta-events-description";
/// Description of the sources page (`count`).
pub const SOURCES_DESCRIPTION: &str = "meta-sources-description";
/// A region (`name`, `capital`, `mous`, `institutes`, `summary`).
pub const REGION_DESCRIPTION: &str = "meta-region-description";
/// A partner (`name`, `kind`, `mous`, `description`).
pub const PARTNER_DESCRIPTION: &str = "meta-partner-description";
/// A partner's kind and country, for the `kind` of [`PARTNER_DESCRIPTION`].
pub const PARTNER_KIND_COUNTRY: &str = "meta-partner-kind-country";
/// An agreement (`status`, `date`, `parties`, `summary`).
pub const MOU_DESCRIPTION: &str = "meta-mou-description";
/// An agreement that names no party (`status`, `date`, `summary`).
pub const MOU_DESCRIPTION_NO_PARTIES: &str = "meta-mou-description-no-parties";
/// A programme (`targets`, `mous`, `summary`).
pub const PROGRAMME_DESCRIPTION: &str = "meta-programme-description";
/// An event (`date`, `place`, `mous`, `summary`).
pub const EVENT_DESCRIPTION: &str = "meta-event-description";
/// An event with no place given (`date`, `mous`, `summary`).
pub const EVENT_DESCRIPTION_NO_PLACE: &str = "meta-event-description-no-place";

/// Messages shared with the templates that the metadata also formats: section names (titles
/// and breadcrumbs; the main menu of `pages.rs` formats them too), the home page's description, the 404 page's words, the separator of a
/// list of parties, the page number of the article list.
const SHARED_IDS: &[&str] = &[
    "site-description",
    "nav-home",
    "nav-articles",
    "nav-regions",
    "nav-partners",
    "nav-mous",
    "nav-programmes",
    "nav-events",
    "nav-sources",
    "not-found-title",
    "not-found-text",
    "list-separator",
    "page-n-of-m",
];

/// Every message this module formats by id (vocabulary labels and `country-` ids aside,
/// which [`crate::i18n::code_message_ids`] lists already): `marsad check` counts them as used.
pub const MESSAGE_IDS: &[&str] = &[
    TITLE,
    ARTICLES_PAGE_TITLE,
    ARTICLES_DESCRIPTION,
    ARTICLES_PAGE_DESCRIPTION,
    REGIONS_DESCRIPTION,
    PARTNERS_DESCRIPTION,
    MOUS_DESCRIPTION,
    PROGRAMMES_DESCRIPTION,
    EVENTS_DESCRIPTION,
    SOURCES_DESCRIPTION,
    REGION_DESCRIPTION,
    PARTNER_DESCRIPTION,
    PARTNER_KIND_COUNTRY,
    MOU_DESCRIPTION,
    MOU_DESCRIPTION_NO_PARTIES,
    PROGRAMME_DESCRIPTION,
    EVENT_DESCRIPTION,
    EVENT_DESCRIPTION_NO_PLACE,
];

/// Every id [`meta`] may format, the shared ones included.
pub fn all_message_ids() -> impl Iterator<Item = &'static str> {
    MESSAGE_IDS.iter().chain(SHARED_IDS).copied()
}

/// The schema.org vocabulary.
const SCHEMA_ORG: &str = "https://schema.org";

/// What one page says about itself, as `partials/meta.html` prints it.
#[derive(Debug, Serialize)]
pub struct Meta {
    /// The `<title>`: the page's title and the site's (the site's alone on a home page).
    pub title: String,
    /// The page's own title, for `og:title` and `twitter:title`.
    pub heading: String,
    /// The `<meta name="description">`, `og:description` and `twitter:description`.
    pub description: String,
    /// `og:type`: `article` for articles, else `website`.
    pub og_type: &'static str,
    /// The canonical absolute URL (`og:url`).
    pub url: String,
    /// The site's title in the page's language (`og:site_name`).
    pub site_name: String,
    /// The language's CLDR locale with an underscore, as Open Graph writes it (`ar_MA`).
    pub locale: String,
    /// The locales of the other languages the page exists in (`og:locale:alternate`).
    pub locale_alternates: Vec<String>,
    /// `article:published_time`, when the article gives a full date.
    pub published_time: Option<String>,
    /// `article:modified_time`, when the article gives a full date of revision.
    pub modified_time: Option<String>,
    /// JSON-LD documents, each escaped for a `<script type="application/ld+json">` block.
    pub json_ld: Vec<String>,
    /// The breadcrumb trail as names and site paths, from the language's home page down to
    /// the page itself; empty on home pages. The JSON-LD `BreadcrumbList` is made from it, and
    /// so are the breadcrumbs pages show ([`super::pages`]): one trail, two renderings.
    #[serde(skip)]
    pub trail: Vec<(String, String)>,
}

/// A JSON-LD document: a node with its `@context`.
struct Document;

impl Document {
    /// The node as a JSON-LD document for a `<script>` block, `@context` first. (serde's
    /// `flatten` would add the field, but it buffers the whole node before writing it.)
    fn script<T: Serialize>(node: T) -> Result<String, String> {
        let json = script_json(&node)?;
        let members = json
            .strip_prefix('{')
            .ok_or_else(|| String::from("a JSON-LD node is not an object"))?;
        let separator = if members == "}" { "" } else { "," };
        Ok(format!(
            "{{\"@context\":\"{SCHEMA_ORG}\"{separator}{members}"
        ))
    }
}

/// A thing an article is about or mentions, by name and page.
#[derive(Debug, Serialize)]
struct Thing {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
}

/// The site as the publisher of its articles.
#[derive(Debug, Serialize)]
struct Publisher {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
}

/// An article.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct NewsArticle {
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: String,
    description: String,
    date_published: String,
    date_modified: String,
    in_language: String,
    url: String,
    main_entity_of_page: String,
    publisher: Publisher,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    about: Vec<Thing>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mentions: Vec<Thing>,
}

/// A partner.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Organization {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    alternate_name: Option<String>,
    url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    same_as: Option<String>,
    description: String,
}

/// Morocco, which contains every region.
#[derive(Debug, Serialize)]
struct Country {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
}

/// A region. The model has no coordinates, so no `geo`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Place {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
    identifier: String,
    description: String,
    contained_in_place: Country,
}

/// A language's home page.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct WebSite {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: String,
    url: String,
    description: String,
    in_language: String,
    publisher: Publisher,
}

/// One step of a breadcrumb trail.
#[derive(Debug, Serialize)]
struct ListItem {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: usize,
    name: String,
    item: String,
}

/// The trail from a language's home page to the page.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct BreadcrumbList {
    #[serde(rename = "@type")]
    kind: &'static str,
    item_list_element: Vec<ListItem>,
}

/// Serializes `value` for a `<script type="application/ld+json">` block: JSON in which `<`,
/// `>` and `&` (and the line separators U+2028/U+2029) are `\u` escapes, so no text inside
/// can close the block or be read as markup. These characters only occur inside JSON
/// strings, where the escape means the same character.
pub fn script_json<T: Serialize>(value: &T) -> Result<String, String> {
    let json = markup_safe_json(value, 1024)?;
    String::from_utf8(json).map_err(|error| error.to_string())
}

/// Compact JSON with [`script_json`]'s escapes, as bytes (the open data files use it too:
/// one opened by a browser that sniffs it as HTML runs no `<script>`).
pub fn markup_safe_json<T: Serialize + ?Sized>(
    value: &T,
    capacity: usize,
) -> Result<Vec<u8>, String> {
    let mut json = Vec::with_capacity(capacity);
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, ScriptFormatter);
    value
        .serialize(&mut serializer)
        .map_err(|error| error.to_string())?;
    Ok(json)
}

/// serde_json's compact output, with [`script_json`]'s escapes made as strings are written
/// rather than in a second pass over the document.
struct ScriptFormatter;

impl serde_json::ser::Formatter for ScriptFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        if !may_need_escapes(bytes) {
            return writer.write_all(bytes);
        }
        let mut written = 0;
        for (at, &byte) in bytes.iter().enumerate() {
            let escape = match (byte, bytes.get(at + 1..at + 3)) {
                (b'<', _) => "\\u003c",
                (b'>', _) => "\\u003e",
                (b'&', _) => "\\u0026",
                (0xE2, Some([0x80, 0xA8])) => "\\u2028",
                (0xE2, Some([0x80, 0xA9])) => "\\u2029",
                _ => continue,
            };
            writer.write_all(&bytes[written..at])?;
            writer.write_all(escape.as_bytes())?;
            written = at + if byte == 0xE2 { 3 } else { 1 };
        }
        writer.write_all(&bytes[written..])
    }
}

/// Whether `bytes` hold `<`, `>`, `&` or the first byte of U+2028 and U+2029 (0xE2, which
/// other characters share: `’`, `…`). Most strings have none; the bytes are looked at in
/// blocks without stopping early, which the compiler turns into vector instructions.
fn may_need_escapes(bytes: &[u8]) -> bool {
    bytes.chunks(32).any(|block| {
        block.iter().fold(false, |found, &b| {
            found | matches!(b, b'<' | b'>' | b'&' | 0xE2)
        })
    })
}

/// A CLDR locale as Open Graph writes it: `ar-MA` → `ar_MA`.
pub fn og_locale(locale: &str) -> String {
    locale.replace('-', "_")
}

/// White space collapsed: summaries written over several lines make one-line descriptions.
fn one_line(text: &str) -> String {
    // Most titles and summaries are one line already: copied as they are, without splitting
    // them into words (the split was a hundredth of a large build).
    let collapsed = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.chars().any(|c| c != ' ' && c.is_whitespace());
    if collapsed {
        return text.to_owned();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date for `article:*_time`: only a full date is one.
fn full_date(date: FlexDate) -> Option<String> {
    (date.precision() == Precision::Day).then(|| date.to_string())
}

/// A message argument.
enum Arg<'s> {
    Text(&'s str),
    Count(usize),
}

/// What a page kind contributes: its title, description and structured data.
struct Described {
    /// `None` on a home page, whose title is the site's.
    heading: Option<String>,
    description: String,
    /// Names and site paths from below the home page down to the page itself.
    trail: Vec<(String, String)>,
    og_type: &'static str,
    published_time: Option<String>,
    modified_time: Option<String>,
    /// The page's main JSON-LD node, already serialized.
    main: Option<String>,
}

impl Described {
    fn website(heading: String, description: String, trail: Vec<(String, String)>) -> Self {
        Described {
            heading: Some(heading),
            description,
            trail,
            og_type: "website",
            published_time: None,
            modified_time: None,
            main: None,
        }
    }
}

/// Formats messages and reads the model for one page, noting what it reads.
struct Reader<'v, 'a> {
    views: &'v Views<'a>,
}

impl Reader<'_, '_> {
    fn site(&self) -> &Site {
        self.views.site
    }

    fn lang(&self) -> &str {
        self.views.lang
    }

    fn text(&self, text: &Text) -> String {
        one_line(text.get(self.lang()))
    }

    fn absolute(&self, path: &str) -> String {
        self.views.urls.absolute(path)
    }

    fn date(&self, date: FlexDate) -> String {
        self.views.locales.date(self.lang(), date)
    }

    /// Formats message `id` with `args`, noting that the page shows it.
    fn message(&self, id: &str, args: &[(&str, Arg)]) -> Result<String, String> {
        self.views
            .deps
            .read(Dep::Message(message_key(self.lang(), id)));
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(*text),
                Arg::Count(n) => FluentValue::from(*n),
            };
            fluent.set(*name, value);
        }
        self.site()
            .messages
            .format(self.lang(), id, Some(&fluent))
            .map(|text| one_line(&text))
    }

    /// The name of a section, with the path of its index.
    fn section(&self, nav: &str, path: String) -> Result<(String, String), String> {
        Ok((self.message(nav, &[])?, path))
    }

    /// An index page: its section name as title, a description counting its items.
    fn index(
        &self,
        nav: &str,
        description: &str,
        entity: Entity,
        count: usize,
        path: String,
    ) -> Result<Described, String> {
        self.views.deps.read(Dep::Collection(entity));
        let heading = self.message(nav, &[])?;
        let description = self.message(description, &[("count", Arg::Count(count))])?;
        Ok(Described::website(
            heading.clone(),
            description,
            vec![(heading, path)],
        ))
    }

    fn region_name(&self, index: usize) -> (String, String) {
        self.views.deps.entity(Entity::Region, index, Aspect::Link);
        let region = &self.site().regions[index];
        (
            self.text(&region.name),
            Urls::region(self.lang(), &region.slug),
        )
    }

    fn partner_name(&self, index: usize) -> (String, String) {
        self.views.deps.entity(Entity::Partner, index, Aspect::Link);
        let partner = &self.site().partners[index];
        (
            self.text(&partner.name),
            Urls::partner(self.lang(), &partner.slug),
        )
    }

    fn thing(&self, kind: &'static str, (name, path): (String, String)) -> Thing {
        Thing {
            kind,
            name,
            url: self.absolute(&path),
        }
    }

    fn publisher(&self) -> Publisher {
        Publisher {
            kind: "Organization",
            name: self.site_title().to_owned(),
            url: self.absolute(&Urls::home(self.lang())),
        }
    }

    fn site_title(&self) -> &str {
        self.site()
            .config
            .language(self.lang())
            .map_or("", |l| l.title.as_str())
    }

    fn home(&self) -> Result<Described, String> {
        let description = self.message("site-description", &[])?;
        let main = Document::script(WebSite {
            kind: "WebSite",
            name: self.site_title().to_owned(),
            url: self.absolute(&Urls::home(self.lang())),
            description: description.clone(),
            in_language: self.lang().to_owned(),
            publisher: self.publisher(),
        })?;
        Ok(Described {
            heading: None,
            description,
            trail: Vec::new(),
            og_type: "website",
            published_time: None,
            modified_time: None,
            main: Some(main),
        })
    }

    fn articles(&self, current: usize) -> Result<Described, String> {
        let lang = self.lang();
        let count = self.site().articles.len();
        if current <= 1 {
            return self.index(
                "nav-articles",
                ARTICLES_DESCRIPTION,
                Entity::Article,
                count,
                Urls::articles(lang, 1),
            );
        }
        self.views.deps.read(Dep::Collection(Entity::Article));
        let total = article_pages(self.site());
        let args = [
            ("current", Arg::Count(current)),
            ("total", Arg::Count(total)),
        ];
        let section = self.message("nav-articles", &[])?;
        let page = self.message("page-n-of-m", &args)?;
        let heading = self.message(
            ARTICLES_PAGE_TITLE,
            &[("section", Arg::Text(&section)), ("page", Arg::Text(&page))],
        )?;
        let description = self.message(ARTICLES_PAGE_DESCRIPTION, &args)?;
        let trail = vec![
            self.section("nav-articles", Urls::articles(lang, 1))?,
            (heading.clone(), Urls::articles(lang, current)),
        ];
        Ok(Described::website(heading, description, trail))
    }

    fn article(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views
            .deps
            .entity(Entity::Article, index, Aspect::Whole);
        let article = &self.site().articles[index];
        let translation = article
            .translations
            .get(lang)
            .ok_or_else(|| format!("article `{}` has no {lang} translation", article.slug))?;
        let path = Urls::article(lang, &article.slug);
        let url = self.absolute(&path);
        let heading = one_line(&translation.title);
        let description = match one_line(&translation.summary) {
            summary if summary.is_empty() => heading.clone(),
            summary => summary,
        };
        let refs = &article.refs;
        let about = refs
            .regions
            .iter()
            .map(|&r| self.thing("Place", self.region_name(r)))
            .chain(
                refs.partners
                    .iter()
                    .map(|&p| self.thing("Organization", self.partner_name(p))),
            )
            .collect();
        let mentions = refs
            .mous
            .iter()
            .map(|&m| {
                self.views.deps.entity(Entity::Mou, m, Aspect::Link);
                let mou = &self.site().mous[m];
                self.thing("Thing", (self.text(&mou.title), Urls::mou(lang, &mou.slug)))
            })
            .chain(refs.programmes.iter().map(|&p| {
                self.views.deps.entity(Entity::Programme, p, Aspect::Link);
                let programme = &self.site().programmes[p];
                self.thing(
                    "Thing",
                    (
                        self.text(&programme.name),
                        Urls::programme(lang, &programme.slug),
                    ),
                )
            }))
            .chain(refs.events.iter().map(|&e| {
                self.views.deps.entity(Entity::Event, e, Aspect::Link);
                let event = &self.site().events[e];
                self.thing(
                    "Event",
                    (self.text(&event.name), Urls::event(lang, &event.slug)),
                )
            }))
            .collect();
        let modified = translation.updated.unwrap_or(translation.date);
        let main = Document::script(NewsArticle {
            kind: "NewsArticle",
            headline: heading.clone(),
            description: description.clone(),
            date_published: translation.date.to_string(),
            date_modified: modified.to_string(),
            in_language: lang.to_owned(),
            url: url.clone(),
            main_entity_of_page: url,
            publisher: self.publisher(),
            about,
            mentions,
        })?;
        Ok(Described {
            trail: vec![
                self.section("nav-articles", Urls::articles(lang, 1))?,
                (heading.clone(), path),
            ],
            heading: Some(heading),
            description,
            og_type: "article",
            published_time: full_date(translation.date),
            modified_time: translation.updated.and_then(full_date),
            main: Some(main),
        })
    }

    fn region(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views.deps.entity(Entity::Region, index, Aspect::Whole);
        let region = &self.site().regions[index];
        let (name, path) = self.region_name(index);
        let capital = self.text(&region.capital);
        let summary = self.text(&region.summary);
        // As the region's card counts them: concerning it or signed in it, once each.
        let mut mous: Vec<usize> = region.mous.clone();
        mous.extend(&region.signed_here);
        mous.sort_unstable();
        mous.dedup();
        let description = self.message(
            REGION_DESCRIPTION,
            &[
                ("name", Arg::Text(&name)),
                ("capital", Arg::Text(&capital)),
                ("mous", Arg::Count(mous.len())),
                ("institutes", Arg::Count(region.institutes.len())),
                ("summary", Arg::Text(&summary)),
            ],
        )?;
        let morocco = crate::i18n::country_message_id("MA");
        let main = Document::script(Place {
            kind: "Place",
            name: name.clone(),
            url: self.absolute(&path),
            identifier: region.iso_code.clone(),
            description: summary,
            contained_in_place: Country {
                kind: "Country",
                name: self.message(&morocco, &[])?,
            },
        })?;
        Ok(Described {
            main: Some(main),
            ..Described::website(
                name.clone(),
                description,
                vec![
                    self.section("nav-regions", Urls::regions(lang))?,
                    (name, path),
                ],
            )
        })
    }

    fn partner(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views
            .deps
            .entity(Entity::Partner, index, Aspect::Whole);
        let partner = &self.site().partners[index];
        let (name, path) = self.partner_name(index);
        let own_description = self.text(&partner.description);
        let kind = self.message(&partner.kind.message_id(), &[])?;
        // The country, unless the partner is that country (a government).
        let country = match partner
            .country
            .as_deref()
            .map(crate::i18n::country_message_id)
        {
            Some(id) if self.site().messages.has(lang, &id) => {
                Some(self.message(&id, &[])?).filter(|country| *country != name)
            }
            _ => None,
        };
        let kind = match country {
            Some(country) => self.message(
                PARTNER_KIND_COUNTRY,
                &[("kind", Arg::Text(&kind)), ("country", Arg::Text(&country))],
            )?,
            None => kind,
        };
        let description = self.message(
            PARTNER_DESCRIPTION,
            &[
                ("name", Arg::Text(&name)),
                ("kind", Arg::Text(&kind)),
                ("mous", Arg::Count(partner.mous.len())),
                ("description", Arg::Text(&own_description)),
            ],
        )?;
        let main = Document::script(Organization {
            kind: "Organization",
            name: name.clone(),
            alternate_name: partner.short_name.as_ref().map(|s| self.text(s)),
            url: self.absolute(&path),
            same_as: partner.website.clone(),
            description: own_description,
        })?;
        Ok(Described {
            main: Some(main),
            ..Described::website(
                name.clone(),
                description,
                vec![
                    self.section("nav-partners", Urls::partners(lang))?,
                    (name, path),
                ],
            )
        })
    }

    fn mou(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views.deps.entity(Entity::Mou, index, Aspect::Whole);
        let mou = &self.site().mous[index];
        let title = self.text(&mou.title);
        let status = self.message(&mou.status.message_id(), &[])?;
        let date = self.date(mou.date);
        let summary = self.text(&mou.summary);
        let parties: Vec<String> = mou
            .refs
            .partners
            .iter()
            .map(|&p| self.partner_name(p).0)
            .collect();
        let description = if parties.is_empty() {
            self.message(
                MOU_DESCRIPTION_NO_PARTIES,
                &[
                    ("status", Arg::Text(&status)),
                    ("date", Arg::Text(&date)),
                    ("summary", Arg::Text(&summary)),
                ],
            )?
        } else {
            // The separator's spaces are part of it (`, `, `، `): not collapsed.
            self.views
                .deps
                .read(Dep::Message(message_key(lang, "list-separator")));
            let separator = self.site().messages.format(lang, "list-separator", None)?;
            let parties = parties.join(&separator);
            self.message(
                MOU_DESCRIPTION,
                &[
                    ("status", Arg::Text(&status)),
                    ("date", Arg::Text(&date)),
                    ("parties", Arg::Text(&parties)),
                    ("summary", Arg::Text(&summary)),
                ],
            )?
        };
        let path = Urls::mou(lang, &mou.slug);
        Ok(Described::website(
            title.clone(),
            description,
            vec![self.section("nav-mous", Urls::mous(lang))?, (title, path)],
        ))
    }

    fn programme(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views
            .deps
            .entity(Entity::Programme, index, Aspect::Whole);
        let programme = &self.site().programmes[index];
        let name = self.text(&programme.name);
        let summary = self.text(&programme.summary);
        let targets = programme
            .targets
            .iter()
            .filter(|t| t.value.is_some())
            .count();
        let description = self.message(
            PROGRAMME_DESCRIPTION,
            &[
                ("targets", Arg::Count(targets)),
                ("mous", Arg::Count(programme.mous.len())),
                ("summary", Arg::Text(&summary)),
            ],
        )?;
        let path = Urls::programme(lang, &programme.slug);
        Ok(Described::website(
            name.clone(),
            description,
            vec![
                self.section("nav-programmes", Urls::programmes(lang))?,
                (name, path),
            ],
        ))
    }

    fn event(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views.deps.entity(Entity::Event, index, Aspect::Whole);
        let event = &self.site().events[index];
        let name = self.text(&event.name);
        let summary = self.text(&event.summary);
        let date = self.date(event.date);
        // As the event's card counts them: the agreements signed there.
        let signed = event
            .mous
            .iter()
            .filter(|&&m| {
                self.views.deps.entity(Entity::Mou, m, Aspect::Card);
                self.site().mous[m].status.is_concluded()
            })
            .count();
        let description = match &event.place {
            Some(place) => {
                let place = self.text(place);
                self.message(
                    EVENT_DESCRIPTION,
                    &[
                        ("date", Arg::Text(&date)),
                        ("place", Arg::Text(&place)),
                        ("mous", Arg::Count(signed)),
                        ("summary", Arg::Text(&summary)),
                    ],
                )?
            }
            None => self.message(
                EVENT_DESCRIPTION_NO_PLACE,
                &[
                    ("date", Arg::Text(&date)),
                    ("mous", Arg::Count(signed)),
                    ("summary", Arg::Text(&summary)),
                ],
            )?,
        };
        let path = Urls::event(lang, &event.slug);
        Ok(Described::website(
            name.clone(),
            description,
            vec![
                self.section("nav-events", Urls::events(lang))?,
                (name, path),
            ],
        ))
    }

    fn static_page(&self, index: usize) -> Result<Described, String> {
        let lang = self.lang();
        self.views.deps.entity(Entity::Page, index, Aspect::Whole);
        let page = &self.site().pages[index];
        let translation = page
            .translations
            .get(lang)
            .ok_or_else(|| format!("page `{}` has no {lang} translation", page.slug))?;
        let title = one_line(&translation.title);
        let description = match one_line(&translation.summary) {
            summary if summary.is_empty() => title.clone(),
            summary => summary,
        };
        let path = Urls::page(lang, &page.slug);
        Ok(Described::website(
            title.clone(),
            description,
            vec![(title, path)],
        ))
    }

    /// A page of the interface rather than of the content: its title and lead are messages.
    fn interface_page(&self, title: &str, lead: &str, path: String) -> Result<Described, String> {
        let title = self.message(title, &[])?;
        let description = self.message(lead, &[])?;
        Ok(Described::website(
            title.clone(),
            description,
            vec![(title, path)],
        ))
    }

    fn describe(&self, page: Page) -> Result<Described, String> {
        let lang = self.lang();
        let site = self.site();
        match page {
            Page::Home => self.home(),
            Page::Articles(n) => self.articles(n),
            Page::Article(i) => self.article(i),
            Page::Regions => self.index(
                "nav-regions",
                REGIONS_DESCRIPTION,
                Entity::Region,
                site.regions.len(),
                Urls::regions(lang),
            ),
            Page::Region(i) => self.region(i),
            Page::Partners => self.index(
                "nav-partners",
                PARTNERS_DESCRIPTION,
                Entity::Partner,
                site.partners.len(),
                Urls::partners(lang),
            ),
            Page::Partner(i) => self.partner(i),
            Page::Mous => self.index(
                "nav-mous",
                MOUS_DESCRIPTION,
                Entity::Mou,
                site.mous.len(),
                Urls::mous(lang),
            ),
            Page::Mou(i) => self.mou(i),
            Page::Programmes => self.index(
                "nav-programmes",
                PROGRAMMES_DESCRIPTION,
                Entity::Programme,
                site.programmes.len(),
                Urls::programmes(lang),
            ),
            Page::Programme(i) => self.programme(i),
            Page::Events => self.index(
                "nav-events",
                EVENTS_DESCRIPTION,
                Entity::Event,
                site.events.len(),
                Urls::events(lang),
            ),
            Page::Event(i) => self.event(i),
            Page::Static(i) => self.static_page(i),
            Page::Search => self.interface_page("search-title", "search-lead", Urls::search(lang)),
            Page::Data => self.interface_page("data-title", "data-lead", Urls::data(lang)),
            Page::Sources => self.index(
                "nav-sources",
                SOURCES_DESCRIPTION,
                Entity::Source,
                site.sources.len(),
                Urls::sources(lang),
            ),
            Page::NotFound => {
                self.interface_page("not-found-title", "not-found-text", Urls::not_found(lang))
            }
        }
    }

    /// The trail below the home page with the home page first.
    fn trail_from_home(
        &self,
        trail: Vec<(String, String)>,
    ) -> Result<Vec<(String, String)>, String> {
        if trail.is_empty() {
            return Ok(trail);
        }
        let home = self.section("nav-home", Urls::home(self.lang()))?;
        Ok(std::iter::once(home).chain(trail).collect())
    }

    /// The JSON-LD of a breadcrumb trail (the home page first).
    fn breadcrumbs(&self, trail: &[(String, String)]) -> Result<String, String> {
        let items = trail
            .iter()
            .enumerate()
            .map(|(i, (name, path))| ListItem {
                kind: "ListItem",
                position: i + 1,
                name: name.clone(),
                item: self.absolute(path),
            })
            .collect();
        Document::script(BreadcrumbList {
            kind: "BreadcrumbList",
            item_list_element: items,
        })
    }
}

/// The metadata of `page` in the views' language.
pub fn meta(views: &Views, page: Page) -> Result<Meta, String> {
    let reader = Reader { views };
    let site = views.site;
    let lang = views.lang;
    let described = reader.describe(page)?;
    let site_title = reader.site_title().to_owned();
    let (title, heading) = match described.heading {
        Some(heading) => (
            reader.message(
                TITLE,
                &[
                    ("page", Arg::Text(&heading)),
                    ("site", Arg::Text(&site_title)),
                ],
            )?,
            heading,
        ),
        None => (site_title.clone(), site_title.clone()),
    };
    let locale_of = |code: &str| {
        site.config
            .language(code)
            .map_or_else(|| code.to_owned(), |l| og_locale(&l.locale))
    };
    let mut json_ld: Vec<String> = described.main.into_iter().collect();
    let trail = reader.trail_from_home(described.trail)?;
    if !trail.is_empty() {
        json_ld.push(reader.breadcrumbs(&trail)?);
    }
    Ok(Meta {
        title,
        heading,
        description: described.description,
        og_type: described.og_type,
        url: views.urls.absolute(&page.path(site, lang)),
        site_name: site_title,
        locale: locale_of(lang),
        locale_alternates: page
            .languages(site)
            .into_iter()
            .filter(|code| *code != lang)
            .map(locale_of)
            .collect(),
        published_time: described.published_time,
        modified_time: described.modified_time,
        json_ld,
        trail,
    })
}

/// The metadata of the root language chooser, which speaks every language: the sites'
/// titles side by side, described in the default language.
pub fn root_meta(site: &Site, urls: &Urls) -> Meta {
    let default = site.config.language(&site.config.default_language);
    let locale = |l: &crate::config::Language| og_locale(&l.locale);
    // The titles are each in their own language; the dot between them belongs to none.
    let title = site
        .config
        .languages
        .iter()
        .map(|l| l.title.as_str())
        .collect::<Vec<_>>()
        .join(" · ");
    let heading = default.map_or_else(|| title.clone(), |l| l.title.clone());
    Meta {
        description: one_line(
            &site
                .messages
                .text(&site.config.default_language, "site-description"),
        ),
        og_type: "website",
        url: urls.absolute(&Urls::root()),
        site_name: heading.clone(),
        heading,
        title,
        locale: default.map(locale).unwrap_or_default(),
        locale_alternates: site
            .config
            .languages
            .iter()
            .filter(|l| l.code != site.config.default_language)
            .map(locale)
            .collect(),
        published_time: None,
        modified_time: None,
        json_ld: Vec::new(),
        trail: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_block() {
        let title = "</script><script>alert(1)</script> & <b>gras</b>";
        let json = script_json(&Thing {
            kind: "Thing",
            name: title.to_owned(),
            url: String::from("https://example.org/?a=1&b=2"),
        })
        .expect("serializes");
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        assert!(json.contains(r"\u003c/script\u003e"), "{json}");
        assert!(json.contains(r"a=1\u0026b=2"), "{json}");
        // The escapes mean the same characters to a JSON reader.
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back["name"], title);
        assert_eq!(back["url"], "https://example.org/?a=1&b=2");
    }

    #[test]
    fn script_json_escapes_line_separators() {
        let json = script_json(&"a\u{2028}b\u{2029}c").expect("serializes");
        assert_eq!(json, r#""a\u2028b\u2029c""#);
        let back: String = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back, "a\u{2028}b\u{2029}c");
    }

    #[test]
    fn script_json_keeps_other_characters_that_share_the_separators_first_byte() {
        // `’` and `…` start with 0xE2 as U+2028 does; a long string puts the `&` past the
        // first block of bytes looked at.
        let text = format!("l’IA… {}&", "x".repeat(40));
        let json = script_json(&text).expect("serializes");
        assert_eq!(json, format!("\"l’IA… {}\\u0026\"", "x".repeat(40)));
    }

    #[test]
    fn documents_carry_their_context_and_type() {
        let json = Document::script(BreadcrumbList {
            kind: "BreadcrumbList",
            item_list_element: vec![ListItem {
                kind: "ListItem",
                position: 1,
                name: String::from("الرئيسية"),
                item: String::from("https://example.org/ar/"),
            }],
        })
        .expect("serializes");
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(value["@context"], SCHEMA_ORG);
        assert_eq!(value["@type"], "BreadcrumbList");
        assert_eq!(value["itemListElement"][0]["position"], 1);
        assert_eq!(value["itemListElement"][0]["name"], "الرئيسية");
        assert_eq!(
            value["itemListElement"][0]["item"],
            "https://example.org/ar/"
        );
    }

    #[test]
    fn optional_fields_are_left_out() {
        let json = script_json(&Organization {
            kind: "Organization",
            name: String::from("Acme"),
            alternate_name: None,
            url: String::from("https://example.org/fr/partners/acme/"),
            same_as: None,
            description: String::from("d"),
        })
        .expect("serializes");
        assert!(
            !json.contains("sameAs") && !json.contains("alternateName"),
            "{json}"
        );
    }

    #[test]
    fn open_graph_locales_use_an_underscore() {
        assert_eq!(og_locale("ar-MA"), "ar_MA");
        assert_eq!(og_locale("fr-MA"), "fr_MA");
        assert_eq!(og_locale("fr"), "fr");
    }

    #[test]
    fn only_full_dates_are_times() {
        let day = FlexDate::parse("2025-07-03").expect("date");
        let month = FlexDate::parse("2025-07").expect("date");
        assert_eq!(full_date(day).as_deref(), Some("2025-07-03"));
        assert_eq!(full_date(month), None);
    }

    #[test]
    fn descriptions_are_one_line() {
        assert_eq!(
            one_line("  Une ligne,\n  puis  une autre.\n"),
            "Une ligne, puis une autre."
        );
        // A line already single-spaced comes out the same; other white space (a tab, a
        // no-break space, a line separator) still collapses to one space.
        assert_eq!(one_line("« Déjà » sur une ligne"), "« Déjà » sur une ligne");
        assert_eq!(one_line("a\tb\u{a0}c\u{2028}d"), "a b c d");
        assert_eq!(one_line("fin "), "fin");
        assert_eq!(one_line(""), "");
    }

    /// Every id this module formats exists in every language of the repository, with the
    /// arguments it is given, and Arabic counts take their own forms.
    #[test]
    fn every_message_exists_in_both_languages() {
        use crate::diagnostics::{Diagnostics, SourceFile};
        use crate::i18n::Messages;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = crate::config::Config::load(root).expect("observatory.toml");
        let files = ["fr", "ar"]
            .iter()
            .map(|code| {
                let path = format!("i18n/{code}.ftl");
                let text = std::fs::read_to_string(root.join(&path)).expect("ftl file");
                SourceFile::new(path, text)
            })
            .collect();
        let mut problems = Diagnostics::new();
        let messages = Messages::load(&config, files, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        for id in all_message_ids() {
            for lang in ["fr", "ar"] {
                assert!(messages.has(lang, id), "{id} missing in {lang}");
            }
        }
        let partner = |lang: &str, mous: usize| {
            let mut args = FluentArgs::new();
            args.set("name", "Acme");
            args.set("kind", "X");
            args.set("mous", mous);
            args.set("description", "D.");
            messages
                .format(lang, PARTNER_DESCRIPTION, Some(&args))
                .expect("formats")
        };
        assert_eq!(
            partner("fr", 2),
            "Acme (X) : partie à 2 accords recensés par l'observatoire. D."
        );
        assert_eq!(
            partner("ar", 2),
            "Acme (X): طرف في اتفاقيتين يرصدهما المرصد. D."
        );
        assert!(partner("ar", 11).contains("11 اتفاقيةً"));
    }
}
