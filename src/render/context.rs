//! The data each template receives, prepared in Rust for one page in one language.
//!
//! Templates never query the site: a region page gets this region's articles, agreements and
//! partners, already resolved, localized and ordered. What a page shows is therefore exactly
//! what its context builder reads, which is what makes rebuilding only the touched pages
//! possible.

use serde::Serialize;

use crate::link::model::{Article, Event, Institute, Site, Target, Text};
use crate::load::date::FlexDate;

use super::deps::{Aspect, Dep, Entity, Recorder};
use super::locale::Locales;
use super::pictures::{self, Bar, TileMap, Timeline};
use super::urls::Urls;

/// A date ready to print: ISO for `<time datetime>`, text by CLDR rules.
#[derive(Debug, Serialize)]
pub struct Dated {
    iso: String,
    text: String,
}

/// A link to another page.
#[derive(Debug, Serialize)]
pub struct Link {
    href: String,
    text: String,
}

/// An article in a list. When it has no translation in the page's language it is still
/// listed, in the language it exists in, and says so.
#[derive(Debug, Serialize)]
pub struct ArticleCard {
    href: String,
    title: String,
    summary: String,
    date: Dated,
    lang: String,
    dir: String,
    translated: bool,
}

/// A region in a list.
#[derive(Debug, Serialize)]
pub struct RegionCard {
    href: String,
    name: String,
    capital: String,
    iso_code: String,
    articles: usize,
    mous: usize,
    institutes: usize,
}

impl RegionCard {
    /// What the observatory holds about the region: its articles, agreements and institutes.
    pub fn activity(&self) -> usize {
        self.articles + self.mous + self.institutes
    }
}

/// A partner in a list.
#[derive(Debug, Serialize)]
pub struct PartnerCard {
    href: String,
    name: String,
    short_name: Option<String>,
    kind: String,
    country: Option<String>,
}

/// An agreement in a list.
#[derive(Debug, Serialize)]
pub struct MouCard {
    href: String,
    title: String,
    date: Dated,
    status: String,
    parties: Vec<Link>,
    summary: String,
}

/// A programme in a list.
#[derive(Debug, Serialize)]
pub struct ProgrammeCard {
    href: String,
    name: String,
    summary: String,
    launched: Option<Dated>,
    status: Option<String>,
}

/// An event in a list.
#[derive(Debug, Serialize)]
pub struct EventCard {
    href: String,
    name: String,
    date: Dated,
    place: Option<String>,
    summary: String,
    agreements: usize,
}

/// Where an agreement was signed: the event, its place and region.
#[derive(Debug, Serialize)]
pub struct EventRef {
    link: Link,
    place: Option<String>,
    region: Option<Link>,
}

/// A figure with its source: a programme's target or a figure stated about an event.
#[derive(Debug, Serialize)]
pub struct TargetView {
    label: String,
    value: Option<String>,
    count: Option<f64>,
    unit: Option<String>,
    deadline: Option<Dated>,
    source: Link,
    about: Link,
    /// What a source reports done towards the target.
    progress: Option<ProgressView>,
    /// How much of the time from the programme's launch to this target's deadline has passed.
    elapsed: Option<Elapsed>,
}

/// Progress towards a target as a source reports it, with its share of the target.
#[derive(Debug, Serialize)]
pub struct ProgressView {
    value: String,
    count: f64,
    percent: String,
    as_of: Dated,
    source: Link,
    bar: Bar,
}

/// The time passed from a programme's launch to a target's deadline, as of the newest
/// source: what a reader weighs a target against when no source reports progress.
#[derive(Debug, Serialize)]
pub struct Elapsed {
    from: Dated,
    to: Dated,
    as_of: Dated,
    percent: String,
    bar: Bar,
}

/// An institute.
#[derive(Debug, Serialize)]
pub struct InstituteView {
    anchor: String,
    name: String,
    description: Option<String>,
    status: String,
    region: Link,
    programme: Option<Link>,
    sources: Vec<Link>,
}

/// A source document on the sources page.
#[derive(Debug, Serialize)]
pub struct SourceView {
    anchor: String,
    title: String,
    original_title: Option<String>,
    language: String,
    publisher: Option<String>,
    author: Option<String>,
    date: Dated,
    url: Option<String>,
    summary: String,
    cited_by: Vec<Link>,
}

/// Builds the views of one language.
pub struct Views<'a> {
    /// The site.
    pub site: &'a Site,
    /// Date and number formatters.
    pub locales: &'a Locales,
    /// URL builder.
    pub urls: &'a Urls,
    /// The page's language.
    pub lang: &'a str,
    /// What the page reads, for rebuilding only the pages a change touches.
    pub deps: &'a Recorder,
}

impl<'a> Views<'a> {
    fn href(&self, path: &str) -> String {
        self.urls.href(path)
    }

    fn text(&self, text: &Text) -> String {
        text.get(self.lang).to_owned()
    }

    /// A date at its precision in this language.
    pub fn dated(&self, date: FlexDate) -> Dated {
        Dated {
            iso: date.to_string(),
            text: self.locales.date(self.lang, date),
        }
    }

    /// The translation to show for `article` in this language: its own, else the default
    /// language's, else the first.
    fn shown_translation(&self, article: &'a Article) -> &'a crate::link::model::Translation {
        let default = &self.site.config.default_language;
        article
            .translations
            .get(self.lang)
            .or_else(|| article.translations.get(default))
            .or_else(|| article.translations.values().next())
            .expect("linking keeps only articles with at least one translation")
    }

    /// An article card.
    pub fn article_card(&self, index: usize) -> ArticleCard {
        self.deps.entity(Entity::Article, index, Aspect::Card);
        let article = &self.site.articles[index];
        let shown = self.shown_translation(article);
        let dir = self
            .site
            .config
            .language(&shown.lang)
            .map_or("ltr", |l| l.direction.as_str());
        ArticleCard {
            href: self.href(&Urls::article(&shown.lang, &article.slug)),
            title: shown.title.clone(),
            summary: shown.summary.clone(),
            date: self.dated(shown.date),
            lang: shown.lang.clone(),
            dir: dir.to_owned(),
            translated: shown.lang == self.lang,
        }
    }

    /// Cards for a list of article indexes.
    pub fn article_cards(&self, indexes: &[usize]) -> Vec<ArticleCard> {
        indexes.iter().map(|&i| self.article_card(i)).collect()
    }

    /// A region card.
    pub fn region_card(&self, index: usize) -> RegionCard {
        self.deps.entity(Entity::Region, index, Aspect::Card);
        let region = &self.site.regions[index];
        RegionCard {
            href: self.href(&Urls::region(self.lang, &region.slug)),
            name: self.text(&region.name),
            capital: self.text(&region.capital),
            iso_code: region.iso_code.clone(),
            articles: region.articles.len(),
            mous: {
                let mut all: Vec<usize> = region.mous.clone();
                all.extend(&region.signed_here);
                all.sort_unstable();
                all.dedup();
                all.len()
            },
            institutes: region.institutes.len(),
        }
    }

    /// A link to a region.
    pub fn region_link(&self, index: usize) -> Link {
        self.deps.entity(Entity::Region, index, Aspect::Link);
        let region = &self.site.regions[index];
        Link {
            href: self.href(&Urls::region(self.lang, &region.slug)),
            text: self.text(&region.name),
        }
    }

    /// A partner card.
    pub fn partner_card(&self, index: usize) -> PartnerCard {
        self.deps.entity(Entity::Partner, index, Aspect::Card);
        let partner = &self.site.partners[index];
        PartnerCard {
            href: self.href(&Urls::partner(self.lang, &partner.slug)),
            name: self.text(&partner.name),
            short_name: partner.short_name.as_ref().map(|s| self.text(s)),
            kind: partner.kind.message_id(),
            country: partner
                .country
                .as_deref()
                .map(crate::i18n::country_message_id),
        }
    }

    /// Partner cards sorted by name in this language.
    pub fn partner_cards(&self, indexes: &[usize]) -> Vec<PartnerCard> {
        let mut cards: Vec<PartnerCard> = indexes.iter().map(|&i| self.partner_card(i)).collect();
        cards.sort_by_key(|card| card.name.to_lowercase());
        cards
    }

    fn partner_link(&self, index: usize) -> Link {
        self.deps.entity(Entity::Partner, index, Aspect::Link);
        let partner = &self.site.partners[index];
        Link {
            href: self.href(&Urls::partner(self.lang, &partner.slug)),
            text: self.text(partner.short_name.as_ref().unwrap_or(&partner.name)),
        }
    }

    /// An agreement card.
    pub fn mou_card(&self, index: usize) -> MouCard {
        self.deps.entity(Entity::Mou, index, Aspect::Card);
        let mou = &self.site.mous[index];
        MouCard {
            href: self.href(&Urls::mou(self.lang, &mou.slug)),
            title: self.text(&mou.title),
            date: self.dated(mou.date),
            status: mou.status.message_id(),
            parties: mou
                .refs
                .partners
                .iter()
                .map(|&p| self.partner_link(p))
                .collect(),
            summary: self.text(&mou.summary),
        }
    }

    /// Agreement cards.
    pub fn mou_cards(&self, indexes: &[usize]) -> Vec<MouCard> {
        indexes.iter().map(|&i| self.mou_card(i)).collect()
    }

    fn mou_link(&self, index: usize) -> Link {
        self.deps.entity(Entity::Mou, index, Aspect::Link);
        let mou = &self.site.mous[index];
        Link {
            href: self.href(&Urls::mou(self.lang, &mou.slug)),
            text: self.text(&mou.title),
        }
    }

    /// A programme card.
    pub fn programme_card(&self, index: usize) -> ProgrammeCard {
        self.deps.entity(Entity::Programme, index, Aspect::Card);
        let programme = &self.site.programmes[index];
        ProgrammeCard {
            href: self.href(&Urls::programme(self.lang, &programme.slug)),
            name: self.text(&programme.name),
            summary: self.text(&programme.summary),
            launched: programme.launched.map(|d| self.dated(d)),
            status: programme.status.map(|s| s.message_id()),
        }
    }

    /// Programme cards.
    pub fn programme_cards(&self, indexes: &[usize]) -> Vec<ProgrammeCard> {
        indexes.iter().map(|&i| self.programme_card(i)).collect()
    }

    fn programme_link(&self, index: usize) -> Link {
        self.deps.entity(Entity::Programme, index, Aspect::Link);
        let programme = &self.site.programmes[index];
        Link {
            href: self.href(&Urls::programme(self.lang, &programme.slug)),
            text: self.text(&programme.name),
        }
    }

    /// An event card.
    pub fn event_card(&self, index: usize) -> EventCard {
        self.deps.entity(Entity::Event, index, Aspect::Card);
        let event = &self.site.events[index];
        EventCard {
            href: self.href(&Urls::event(self.lang, &event.slug)),
            name: self.text(&event.name),
            date: self.dated(event.date),
            place: event.place.as_ref().map(|p| self.text(p)),
            summary: self.text(&event.summary),
            agreements: self.concluded_at(event),
        }
    }

    /// Event cards.
    pub fn event_cards(&self, indexes: &[usize]) -> Vec<EventCard> {
        indexes.iter().map(|&i| self.event_card(i)).collect()
    }

    fn event_link(&self, index: usize) -> Link {
        self.deps.entity(Entity::Event, index, Aspect::Link);
        let event = &self.site.events[index];
        Link {
            href: self.href(&Urls::event(self.lang, &event.slug)),
            text: self.text(&event.name),
        }
    }

    /// A link to a standalone page in this language, if it is written in it.
    pub fn static_page_link(&self, index: usize) -> Option<Link> {
        self.deps.entity(Entity::Page, index, Aspect::Link);
        let page = &self.site.pages[index];
        let translation = page.translations.get(self.lang)?;
        Some(Link {
            href: self.href(&Urls::page(self.lang, &page.slug)),
            text: translation.title.clone(),
        })
    }

    /// Links to sources.
    pub fn source_links(&self, indexes: &[usize]) -> Vec<Link> {
        indexes
            .iter()
            .map(|&i| {
                self.deps.entity(Entity::Source, i, Aspect::Link);
                let source = &self.site.sources[i];
                Link {
                    href: self.href(&Urls::source(self.lang, &source.slug)),
                    text: self.text(&source.title),
                }
            })
            .collect()
    }

    /// A programme's target.
    pub fn target(&self, programme: usize, target: &Target) -> TargetView {
        self.deps.entity(Entity::Programme, programme, Aspect::Card);
        TargetView {
            label: self.text(&target.label),
            value: target.value.map(|v| self.locales.number(self.lang, v)),
            count: target.value,
            unit: target.unit.map(|u| u.message_id()),
            deadline: target.deadline.map(|d| self.dated(d)),
            source: self.source_links(&[target.source]).remove(0),
            about: self.programme_link(programme),
            progress: self.progress(target),
            elapsed: self.elapsed(programme, target),
        }
    }

    /// A target's reported progress, as a share of the target's figure.
    fn progress(&self, target: &Target) -> Option<ProgressView> {
        let progress = target.progress?;
        let bar = Bar::new(progress.value, target.value?, self.rtl())?;
        Some(ProgressView {
            value: self.locales.number(self.lang, progress.value),
            count: progress.value,
            percent: self.locales.number(self.lang, bar.percent()),
            as_of: self.dated(progress.as_of),
            source: self.source_links(&[progress.source]).remove(0),
            bar,
        })
    }

    fn rtl(&self) -> bool {
        self.site
            .config
            .language(self.lang)
            .is_some_and(|l| l.direction == crate::config::Direction::Rtl)
    }

    /// The time passed from the programme's launch to the target's deadline (the end of its
    /// day, month or year), as of the newest source's date.
    fn elapsed(&self, programme: usize, target: &Target) -> Option<Elapsed> {
        let launched = self.site.programmes[programme].launched?;
        let deadline = target.deadline?;
        self.deps.read(Dep::Collection(Entity::Source));
        let as_of = self
            .site
            .sources
            .iter()
            .map(|s| s.date)
            .max_by_key(FlexDate::sort_key)?;
        // From the first day of the launch to the end of the deadline's day, month or year.
        let (from, _) = pictures::span(launched);
        let (now, _) = pictures::span(as_of);
        let (_, to) = pictures::span(deadline);
        let bar = Bar::new((now - from) as f64, (to - from) as f64, self.rtl())?;
        Some(Elapsed {
            from: self.dated(launched),
            to: self.dated(deadline),
            as_of: self.dated(as_of),
            percent: self.locales.number(self.lang, bar.percent()),
            bar,
        })
    }

    /// The regions on the tile map, shaded by what the observatory holds about each.
    pub fn region_map(&self) -> TileMap<RegionCard> {
        self.deps.read(Dep::Collection(Entity::Region));
        let regions = (0..self.site.regions.len())
            .map(|r| {
                let card = self.region_card(r);
                (card.iso_code.clone(), card.activity(), card)
            })
            .collect();
        pictures::tile_map(regions)
    }

    /// Every agreement on a time axis, in the reading direction.
    pub fn mou_timeline(&self) -> Option<Timeline<MouCard>> {
        self.deps.read(Dep::Collection(Entity::Mou));
        let items = (0..self.site.mous.len())
            .map(|m| (self.site.mous[m].date, self.mou_card(m)))
            .collect();
        pictures::timeline(items, self.rtl(), |m| self.locales.month_name(self.lang, m))
    }

    /// The figures a source states about an event.
    pub fn event_figures(&self, index: usize) -> Vec<TargetView> {
        self.deps.entity(Entity::Event, index, Aspect::Card);
        self.site.events[index]
            .figures
            .iter()
            .map(|figure| TargetView {
                label: self.text(&figure.label),
                value: Some(self.locales.number(self.lang, figure.value)),
                count: Some(figure.value),
                unit: figure.unit.map(|u| u.message_id()),
                deadline: None,
                source: self.source_links(&[figure.source]).remove(0),
                about: self.event_link(index),
                progress: None,
                elapsed: None,
            })
            .collect()
    }

    /// Every target with a figure, across programmes, then the figures stated about events:
    /// the home page's key figures.
    pub fn key_figures(&self) -> Vec<TargetView> {
        self.deps.read(Dep::Collection(Entity::Programme));
        self.deps.read(Dep::Collection(Entity::Event));
        let targets = self
            .site
            .programmes
            .iter()
            .enumerate()
            .flat_map(|(p, programme)| {
                programme
                    .targets
                    .iter()
                    .filter(|t| t.value.is_some())
                    .map(move |t| self.target(p, t))
            });
        let events = (0..self.site.events.len()).flat_map(|e| self.event_figures(e));
        targets.chain(events).collect()
    }

    /// An institute.
    pub fn institute(&self, institute: &Institute) -> InstituteView {
        // Institutes are written in their region's sheet.
        self.deps
            .entity(Entity::Region, institute.region, Aspect::Whole);
        InstituteView {
            anchor: Urls::institute_anchor(&institute.id),
            name: self.text(&institute.name),
            description: institute.description.as_ref().map(|d| self.text(d)),
            status: institute.status.message_id(),
            region: self.region_link(institute.region),
            programme: institute.programme.map(|p| self.programme_link(p)),
            sources: self.source_links(&institute.sources),
        }
    }

    /// Institutes by index.
    pub fn institutes(&self, indexes: &[usize]) -> Vec<InstituteView> {
        indexes
            .iter()
            .map(|&i| self.institute(&self.site.institutes[i]))
            .collect()
    }

    /// A source on the sources page, with everything that cites it.
    pub fn source(&self, index: usize) -> SourceView {
        self.deps.entity(Entity::Source, index, Aspect::Whole);
        let source = &self.site.sources[index];
        let mut cited_by: Vec<Link> = Vec::new();
        cited_by.extend(source.articles.iter().map(|&a| {
            let card = self.article_card(a);
            Link {
                href: card.href,
                text: card.title,
            }
        }));
        cited_by.extend(
            source
                .cited_by
                .programmes
                .iter()
                .map(|&p| self.programme_link(p)),
        );
        cited_by.extend(source.cited_by.mous.iter().map(|&m| self.mou_link(m)));
        cited_by.extend(source.cited_by.events.iter().map(|&e| self.event_link(e)));
        cited_by.extend(
            source
                .cited_by
                .partners
                .iter()
                .map(|&p| self.partner_link(p)),
        );
        cited_by.extend(source.cited_by.regions.iter().map(|&r| self.region_link(r)));
        SourceView {
            anchor: Urls::source_anchor(&source.slug),
            title: self.text(&source.title),
            original_title: source.original_title.clone(),
            language: source.language.clone(),
            publisher: source.publisher.clone(),
            author: source.author.clone(),
            date: self.dated(source.date),
            url: source.url.clone(),
            summary: self.text(&source.summary),
            cited_by,
        }
    }

    /// Views of a partner's own fields.
    pub fn partner_page(&self, index: usize) -> PartnerPage {
        self.deps.entity(Entity::Partner, index, Aspect::Whole);
        let partner = &self.site.partners[index];
        PartnerPage {
            card: self.partner_card(index),
            website: partner.website.clone(),
            description: self.text(&partner.description),
            mous: self.mou_cards(&partner.mous),
            programmes: self.programme_cards(&partner.programmes),
            events: self.event_cards(&partner.events),
            regions: partner
                .regions
                .iter()
                .map(|&r| self.region_link(r))
                .collect(),
            articles: self.article_cards(&partner.articles),
            sources: self.source_links(&partner.sources),
        }
    }

    /// A region page.
    pub fn region_page(&self, index: usize) -> RegionPage {
        self.deps.entity(Entity::Region, index, Aspect::Whole);
        let region = &self.site.regions[index];
        RegionPage {
            card: self.region_card(index),
            summary: self.text(&region.summary),
            focus: region.focus.iter().map(|f| self.text(f)).collect(),
            institutes: self.institutes(&region.institutes),
            programmes: self.programme_cards(&region.programmes),
            mous: self.mou_cards(&region.mous),
            signed_here: self.mou_cards(&region.signed_here),
            events: self.event_cards(&region.events),
            partners: self.partner_cards(&region.partners),
            articles: self.article_cards(&region.articles),
            sources: self.source_links(&region.sources),
        }
    }

    /// An agreement page.
    pub fn mou_page(&self, index: usize) -> MouPage {
        self.deps.entity(Entity::Mou, index, Aspect::Whole);
        let mou = &self.site.mous[index];
        MouPage {
            card: self.mou_card(index),
            event: mou.event.map(|e| {
                self.deps.entity(Entity::Event, e, Aspect::Card);
                let event = &self.site.events[e];
                EventRef {
                    link: self.event_link(e),
                    place: event.place.as_ref().map(|p| self.text(p)),
                    region: event.region.map(|r| self.region_link(r)),
                }
            }),
            unknowns: mou.unknowns.as_ref().map(|u| self.text(u)),
            themes: mou.themes.iter().map(|t| t.message_id()).collect(),
            partners: self.partner_cards(&mou.refs.partners),
            regions: mou
                .refs
                .regions
                .iter()
                .map(|&r| self.region_link(r))
                .collect(),
            programmes: mou
                .refs
                .programmes
                .iter()
                .map(|&p| self.programme_link(p))
                .collect(),
            articles: self.article_cards(&mou.articles),
            sources: self.source_links(&mou.refs.sources),
        }
    }

    /// A programme page.
    pub fn programme_page(&self, index: usize) -> ProgrammePage {
        self.deps.entity(Entity::Programme, index, Aspect::Whole);
        let programme = &self.site.programmes[index];
        let mut regions = programme.refs.regions.clone();
        regions.extend(
            programme
                .institutes
                .iter()
                .map(|&i| self.site.institutes[i].region),
        );
        regions.sort_unstable();
        regions.dedup();
        ProgrammePage {
            card: self.programme_card(index),
            unknowns: programme.unknowns.as_ref().map(|u| self.text(u)),
            targets: programme
                .targets
                .iter()
                .map(|t| self.target(index, t))
                .collect(),
            institutes: self.institutes(&programme.institutes),
            regions: regions.iter().map(|&r| self.region_link(r)).collect(),
            partners: self.partner_cards(&programme.refs.partners),
            mous: self.mou_cards(&programme.mous),
            articles: self.article_cards(&programme.articles),
            sources: self.source_links(&programme.refs.sources),
        }
    }

    /// How many of the agreements naming an event were signed there.
    fn concluded_at(&self, event: &Event) -> usize {
        event
            .mous
            .iter()
            .filter(|&&m| {
                self.deps.entity(Entity::Mou, m, Aspect::Card);
                self.site.mous[m].status.is_concluded()
            })
            .count()
    }

    /// An event page.
    pub fn event_page(&self, index: usize) -> EventPage {
        self.deps.entity(Entity::Event, index, Aspect::Whole);
        let event = &self.site.events[index];
        let identified = self.concluded_at(event);
        EventPage {
            card: self.event_card(index),
            unknowns: event.unknowns.as_ref().map(|u| self.text(u)),
            region: event.region.map(|r| self.region_link(r)),
            figures: self.event_figures(index),
            announced: event.agreements_announced,
            identified,
            unidentified: event
                .agreements_announced
                .map(|n| n.saturating_sub(identified)),
            mous: self.mou_cards(&event.mous),
            partners: self.partner_cards(&event.refs.partners),
            programmes: self.programme_cards(&event.refs.programmes),
            articles: self.article_cards(&event.articles),
            sources: self.source_links(&event.refs.sources),
        }
    }
}

/// Context of an event page.
#[derive(Debug, Serialize)]
pub struct EventPage {
    card: EventCard,
    unknowns: Option<String>,
    region: Option<Link>,
    figures: Vec<TargetView>,
    announced: Option<usize>,
    identified: usize,
    unidentified: Option<usize>,
    mous: Vec<MouCard>,
    partners: Vec<PartnerCard>,
    programmes: Vec<ProgrammeCard>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}

/// Context of a partner page.
#[derive(Debug, Serialize)]
pub struct PartnerPage {
    card: PartnerCard,
    website: Option<String>,
    description: String,
    mous: Vec<MouCard>,
    programmes: Vec<ProgrammeCard>,
    events: Vec<EventCard>,
    regions: Vec<Link>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}

/// Context of a region page.
#[derive(Debug, Serialize)]
pub struct RegionPage {
    card: RegionCard,
    summary: String,
    focus: Vec<String>,
    institutes: Vec<InstituteView>,
    programmes: Vec<ProgrammeCard>,
    mous: Vec<MouCard>,
    signed_here: Vec<MouCard>,
    events: Vec<EventCard>,
    partners: Vec<PartnerCard>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}

/// Context of an agreement page.
#[derive(Debug, Serialize)]
pub struct MouPage {
    card: MouCard,
    event: Option<EventRef>,
    unknowns: Option<String>,
    themes: Vec<String>,
    partners: Vec<PartnerCard>,
    regions: Vec<Link>,
    programmes: Vec<Link>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}

/// Context of a programme page.
#[derive(Debug, Serialize)]
pub struct ProgrammePage {
    card: ProgrammeCard,
    unknowns: Option<String>,
    targets: Vec<TargetView>,
    institutes: Vec<InstituteView>,
    regions: Vec<Link>,
    partners: Vec<PartnerCard>,
    mous: Vec<MouCard>,
    articles: Vec<ArticleCard>,
    sources: Vec<Link>,
}
