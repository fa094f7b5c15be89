//! The linked site model: every entity with its references resolved to indexes and its
//! reverse indexes computed. Render jobs read from it; nothing here is rendered yet.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

pub use super::by_language::ByLanguage;
use crate::config::Config;
use crate::diagnostics::SourceFile;
use crate::i18n::Messages;
use crate::load::date::FlexDate;
use crate::load::schema::{PartnerKind, Status, Theme, Unit};
use crate::load::{Asset, Template};

/// A text in every site language, keyed by language code (checked complete when linking).
#[derive(Debug, Clone, Default, Hash)]
pub struct Text(pub BTreeMap<String, String>);

impl Text {
    /// The text in `lang` (empty if absent, which linking rules out for fact sheets).
    pub fn get(&self, lang: &str) -> &str {
        self.0.get(lang).map_or("", String::as_str)
    }
}

/// Resolved references from an article or fact sheet to other entities (indexes into
/// [`Site`]'s vectors).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refs {
    /// Regions.
    pub regions: Vec<usize>,
    /// Partners.
    pub partners: Vec<usize>,
    /// Agreements.
    pub mous: Vec<usize>,
    /// Programmes.
    pub programmes: Vec<usize>,
    /// Events.
    pub events: Vec<usize>,
    /// Sources.
    pub sources: Vec<usize>,
}

/// One language version of an article.
#[derive(Debug)]
pub struct Translation {
    /// Language code.
    pub lang: String,
    /// Headline.
    pub title: String,
    /// Short summary.
    pub summary: String,
    /// Date of the event or publication.
    pub date: FlexDate,
    /// Last revision.
    pub updated: Option<FlexDate>,
    /// True for drafts (only present with `--drafts`).
    pub draft: bool,
    /// The file, for diagnostics and the Markdown body.
    pub file: Arc<SourceFile>,
    /// Byte range of the body within the file.
    pub body: Range<usize>,
}

impl Translation {
    /// The Markdown body.
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }
}

/// One language version of a standalone page.
#[derive(Debug)]
pub struct PageTranslation {
    /// Language code.
    pub lang: String,
    /// Title.
    pub title: String,
    /// Short summary.
    pub summary: String,
    /// Last revision.
    pub updated: Option<FlexDate>,
    /// True for drafts (only present with `--drafts`).
    pub draft: bool,
    /// The file, for diagnostics and the Markdown body.
    pub file: Arc<SourceFile>,
    /// Byte range of the body within the file.
    pub body: Range<usize>,
}

impl PageTranslation {
    /// The Markdown body.
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }
}

/// A standalone page (about, methodology): one slug, one or more translations.
#[derive(Debug)]
pub struct StaticPage {
    /// URL slug, shared by its translations (the page lives at `/<lang>/<slug>/`).
    pub slug: String,
    /// Translations by language code.
    pub translations: ByLanguage<PageTranslation>,
    /// Sources it relies on.
    pub sources: Vec<usize>,
}

/// An article: one slug, one or more translations, one set of references.
#[derive(Debug)]
pub struct Article {
    /// URL slug, shared by its translations.
    pub slug: String,
    /// Translations by language code.
    pub translations: ByLanguage<Translation>,
    /// What it is about.
    pub refs: Refs,
    /// Date used to order articles (the default language's, else the first translation's).
    pub date: FlexDate,
}

/// A partner organisation.
#[derive(Debug)]
pub struct Partner {
    /// URL slug.
    pub slug: String,
    /// Kind of organisation.
    pub kind: PartnerKind,
    /// ISO country code.
    pub country: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Name.
    pub name: Text,
    /// Acronym.
    pub short_name: Option<Text>,
    /// Description.
    pub description: Text,
    /// Sources cited.
    pub sources: Vec<usize>,
    /// Agreements it is a party to.
    pub mous: Vec<usize>,
    /// Articles about it.
    pub articles: Vec<usize>,
    /// Programmes it takes part in.
    pub programmes: Vec<usize>,
    /// Events it organised or took part in.
    pub events: Vec<usize>,
    /// Regions of its agreements, programmes and events.
    pub regions: Vec<usize>,
}

/// A region of Morocco.
#[derive(Debug)]
pub struct Region {
    /// URL slug.
    pub slug: String,
    /// ISO 3166-2:MA code.
    pub iso_code: String,
    /// Name.
    pub name: Text,
    /// Capital.
    pub capital: Text,
    /// What happens there.
    pub summary: Text,
    /// Focus areas.
    pub focus: Vec<Text>,
    /// Sources cited.
    pub sources: Vec<usize>,
    /// Institutes located there.
    pub institutes: Vec<usize>,
    /// Articles about it.
    pub articles: Vec<usize>,
    /// Agreements concerning it.
    pub mous: Vec<usize>,
    /// Agreements signed at an event held in it.
    pub signed_here: Vec<usize>,
    /// Events held in it.
    pub events: Vec<usize>,
    /// Programmes concerning it (directly or through an institute).
    pub programmes: Vec<usize>,
    /// Partners of its agreements, programmes and events.
    pub partners: Vec<usize>,
}

/// An institute (e.g. of the Jazari Root network).
#[derive(Debug)]
pub struct Institute {
    /// Stable id, used as an anchor on its region's page.
    pub id: String,
    /// Its region.
    pub region: usize,
    /// Its programme.
    pub programme: Option<usize>,
    /// Where it stands.
    pub status: Status,
    /// Sources.
    pub sources: Vec<usize>,
    /// Name.
    pub name: Text,
    /// Description.
    pub description: Option<Text>,
}

/// An agreement or talks towards one.
#[derive(Debug)]
pub struct Mou {
    /// URL slug.
    pub slug: String,
    /// Date.
    pub date: FlexDate,
    /// Where it stands.
    pub status: Status,
    /// Subjects.
    pub themes: Vec<Theme>,
    /// Title.
    pub title: Text,
    /// Summary.
    pub summary: Text,
    /// Event where it was signed or announced.
    pub event: Option<usize>,
    /// What the sources leave open.
    pub unknowns: Option<Text>,
    /// Parties, regions, programmes, sources.
    pub refs: Refs,
    /// Articles about it.
    pub articles: Vec<usize>,
}

/// A programme's stated target.
#[derive(Debug)]
pub struct Target {
    /// The figure.
    pub value: Option<f64>,
    /// Its unit.
    pub unit: Option<Unit>,
    /// Deadline.
    pub deadline: Option<FlexDate>,
    /// The source stating it.
    pub source: usize,
    /// What is targeted.
    pub label: Text,
    /// What a source reports done towards it.
    pub progress: Option<Progress>,
}

/// Progress towards a target, as a source reports it.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// The figure reached, in the target's unit.
    pub value: f64,
    /// When it stood there.
    pub as_of: FlexDate,
    /// The source reporting it.
    pub source: usize,
}

/// A programme (Digital Morocco 2030, Jazari Root, …).
#[derive(Debug)]
pub struct Programme {
    /// URL slug.
    pub slug: String,
    /// Launch date.
    pub launched: Option<FlexDate>,
    /// Where it stands.
    pub status: Option<Status>,
    /// Name.
    pub name: Text,
    /// Summary.
    pub summary: Text,
    /// What the sources leave open.
    pub unknowns: Option<Text>,
    /// Targets.
    pub targets: Vec<Target>,
    /// Partners, regions and sources it names.
    pub refs: Refs,
    /// Articles about it.
    pub articles: Vec<usize>,
    /// Agreements serving it.
    pub mous: Vec<usize>,
    /// Its institutes.
    pub institutes: Vec<usize>,
}

/// A figure a source states about an event.
#[derive(Debug)]
pub struct Figure {
    /// The figure.
    pub value: f64,
    /// Its unit.
    pub unit: Option<Unit>,
    /// The source stating it.
    pub source: usize,
    /// What is counted.
    pub label: Text,
}

/// A conference, summit or meeting.
#[derive(Debug)]
pub struct Event {
    /// URL slug.
    pub slug: String,
    /// Date (the last day of an event of several days).
    pub date: FlexDate,
    /// The Moroccan region it was held in.
    pub region: Option<usize>,
    /// Name.
    pub name: Text,
    /// City and country.
    pub place: Option<Text>,
    /// What happened.
    pub summary: Text,
    /// What the sources leave open.
    pub unknowns: Option<Text>,
    /// Figures stated by sources.
    pub figures: Vec<Figure>,
    /// How many agreements the sources say were signed there, when they say.
    pub agreements_announced: Option<usize>,
    /// Partners, programmes and sources it names.
    pub refs: Refs,
    /// Agreements signed or announced there.
    pub mous: Vec<usize>,
    /// Articles about it.
    pub articles: Vec<usize>,
}

/// A source document of the register.
#[derive(Debug)]
pub struct Source {
    /// Id (slug).
    pub slug: String,
    /// Publisher.
    pub publisher: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// The document's own title.
    pub original_title: Option<String>,
    /// Publication date.
    pub date: FlexDate,
    /// Language of the document.
    pub language: String,
    /// URL.
    pub url: Option<String>,
    /// Descriptive title.
    pub title: Text,
    /// Summary.
    pub summary: Text,
    /// Everything that cites it.
    pub cited_by: Refs,
    /// Articles citing it.
    pub articles: Vec<usize>,
}

/// The whole linked site.
#[derive(Debug)]
pub struct Site {
    /// Where the site lives.
    pub root: PathBuf,
    /// `observatory.toml`.
    pub config: Config,
    /// `(kind, slug)` of files that failed to load (kind as in `@/kind/slug`): links to them
    /// are not reported again.
    pub broken: std::collections::HashSet<(String, String)>,
    /// Interface strings, shared with the template engine.
    pub messages: Arc<Messages>,
    /// Theme templates.
    pub templates: Vec<Template>,
    /// Theme static files.
    pub assets: Vec<Asset>,
    /// Articles, newest first.
    pub articles: Vec<Article>,
    /// Index in `articles` by slug: links in bodies find their article without a scan.
    pub article_slugs: HashMap<String, usize>,
    /// Partners, by slug.
    pub partners: Vec<Partner>,
    /// Regions, by ISO code.
    pub regions: Vec<Region>,
    /// Institutes, by region then id.
    pub institutes: Vec<Institute>,
    /// Agreements, oldest first.
    pub mous: Vec<Mou>,
    /// Programmes, by slug.
    pub programmes: Vec<Programme>,
    /// Events, oldest first.
    pub events: Vec<Event>,
    /// Standalone pages, by slug.
    pub pages: Vec<StaticPage>,
    /// Sources, oldest first.
    pub sources: Vec<Source>,
}

impl Site {
    /// A theme file by its path in `static/` (`style.css`), if the theme has it.
    pub fn asset(&self, relative: &str) -> Option<&Asset> {
        self.assets
            .iter()
            .find(|asset| asset.relative == std::path::Path::new(relative))
    }

    /// The index in `articles` of the article called `slug`.
    pub fn article_index(&self, slug: &str) -> Option<usize> {
        self.article_slugs.get(slug).copied()
    }

    /// Articles that have a translation in `lang`.
    pub fn articles_in<'a>(&'a self, lang: &'a str) -> impl Iterator<Item = &'a Article> {
        self.articles
            .iter()
            .filter(move |a| a.translations.contains_key(lang))
    }
}
