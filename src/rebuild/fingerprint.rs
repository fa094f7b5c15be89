//! Fingerprints of what each entity shows at each [`Aspect`], so that after a change the
//! pages that read something different can be found without rendering the others.
//!
//! Each function destructures its model type without `..`: adding a field to the model
//! fails to compile here until the field is given an aspect.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::link::model::{
    Article, Event, Figure, Institute, Mou, Partner, Programme, Refs, Region, Site, Source,
    StaticPage, Target, Translation,
};
use crate::render::Bodies;
use crate::render::deps::{Aspect, Dep, Entity};
use crate::render::pages::BodyOf;

/// A stable key for a [`Dep`]: the same entity and aspect give the same key in every
/// version of the site model, whatever its index.
pub type Key = u64;

/// The key of `aspect` of the entity `slug` of kind `entity`.
pub fn entity_key(entity: Entity, slug: &str, aspect: Aspect) -> Key {
    let mut hasher = DefaultHasher::new();
    (0u8, entity, slug, aspect).hash(&mut hasher);
    hasher.finish()
}

/// The key of the list of entities of a kind.
pub fn collection_key(entity: Entity) -> Key {
    let mut hasher = DefaultHasher::new();
    (1u8, entity).hash(&mut hasher);
    hasher.finish()
}

/// The slug of entity `index` of kind `entity` in `site`.
pub fn slug(site: &Site, entity: Entity, index: usize) -> &str {
    match entity {
        Entity::Article => &site.articles[index].slug,
        Entity::Region => &site.regions[index].slug,
        Entity::Partner => &site.partners[index].slug,
        Entity::Mou => &site.mous[index].slug,
        Entity::Programme => &site.programmes[index].slug,
        Entity::Event => &site.events[index].slug,
        Entity::Source => &site.sources[index].slug,
        Entity::Page => &site.pages[index].slug,
    }
}

/// How many entities of a kind `site` has.
pub fn count(site: &Site, entity: Entity) -> usize {
    match entity {
        Entity::Article => site.articles.len(),
        Entity::Region => site.regions.len(),
        Entity::Partner => site.partners.len(),
        Entity::Mou => site.mous.len(),
        Entity::Programme => site.programmes.len(),
        Entity::Event => site.events.len(),
        Entity::Source => site.sources.len(),
        Entity::Page => site.pages.len(),
    }
}

/// The stable key of a dependency recorded against `site`.
pub fn key(site: &Site, dep: Dep) -> Key {
    match dep {
        Dep::Entity(entity, index, aspect) => entity_key(entity, slug(site, entity, index), aspect),
        Dep::Collection(entity) => collection_key(entity),
        Dep::Message(key) => key,
    }
}

/// Fingerprint of every aspect of every entity and of every collection of a site.
#[derive(Debug, Default)]
pub struct Fingerprints(HashMap<Key, u64>);

impl Fingerprints {
    /// Fingerprints the whole site.
    pub fn of_site(site: &Site, bodies: &Bodies) -> Self {
        let mut all = Fingerprints::default();
        for index in 0..site.articles.len() {
            all.insert_article(site, bodies, index);
        }
        for index in 0..site.pages.len() {
            all.insert_entity(
                Entity::Page,
                &site.pages[index].slug,
                static_page(site, bodies, index),
            );
        }
        for (index, region) in site.regions.iter().enumerate() {
            all.insert_entity(Entity::Region, &region.slug, self::region(site, index));
        }
        for partner in &site.partners {
            all.insert_entity(Entity::Partner, &partner.slug, self::partner(site, partner));
        }
        for mou in &site.mous {
            all.insert_entity(Entity::Mou, &mou.slug, self::mou(site, mou));
        }
        for programme in &site.programmes {
            all.insert_entity(
                Entity::Programme,
                &programme.slug,
                self::programme(site, programme),
            );
        }
        for event in &site.events {
            all.insert_entity(Entity::Event, &event.slug, self::event(site, event));
        }
        for source in &site.sources {
            all.insert_entity(Entity::Source, &source.slug, self::source(site, source));
        }
        for entity in Entity::ALL {
            all.0
                .insert(collection_key(entity), collection(site, entity));
        }
        all
    }

    /// Replaces the fingerprints of article `index` (after an edit that did not change the
    /// site's structure).
    pub fn insert_article(&mut self, site: &Site, bodies: &Bodies, index: usize) {
        let prints = article(site, bodies, index);
        self.insert_entity(Entity::Article, &site.articles[index].slug, prints);
    }

    /// Replaces the fingerprints of standalone page `index`.
    pub fn insert_static_page(&mut self, site: &Site, bodies: &Bodies, index: usize) {
        let prints = static_page(site, bodies, index);
        self.insert_entity(Entity::Page, &site.pages[index].slug, prints);
    }

    fn insert_entity(&mut self, entity: Entity, slug: &str, prints: [u64; 3]) {
        for (aspect, print) in [Aspect::Link, Aspect::Card, Aspect::Whole]
            .into_iter()
            .zip(prints)
        {
            self.0.insert(entity_key(entity, slug, aspect), print);
        }
    }

    /// The fingerprint under `key`, if the site has it.
    pub fn get(&self, key: Key) -> Option<u64> {
        self.0.get(&key).copied()
    }

    /// Adds or replaces the fingerprints of `other`.
    pub fn extend(&mut self, other: Fingerprints) {
        self.0.extend(other.0);
    }

    /// The keys whose fingerprint differs between `self` and `newer`, or that exist in only
    /// one of them.
    pub fn changed(&self, newer: &Fingerprints) -> HashSet<Key> {
        let mut changed: HashSet<Key> = self
            .0
            .iter()
            .filter(|(key, print)| newer.0.get(key) != Some(print))
            .map(|(key, _)| *key)
            .collect();
        changed.extend(newer.0.keys().filter(|key| !self.0.contains_key(key)));
        changed
    }
}

/// Hashes the three aspects of one entity: each hasher is fed what its aspect adds, and
/// each aspect's fingerprint folds in the previous one.
#[derive(Default)]
struct Aspects {
    link: DefaultHasher,
    card: DefaultHasher,
    whole: DefaultHasher,
}

impl Aspects {
    fn finish(self) -> [u64; 3] {
        let link = self.link.finish();
        let mut card = self.card;
        link.hash(&mut card);
        let card = card.finish();
        let mut whole = self.whole;
        card.hash(&mut whole);
        [link, card, whole.finish()]
    }
}

fn hash_slugs(hasher: &mut DefaultHasher, site: &Site, entity: Entity, indexes: &[usize]) {
    indexes.len().hash(hasher);
    for &index in indexes {
        slug(site, entity, index).hash(hasher);
    }
}

fn hash_refs(hasher: &mut DefaultHasher, site: &Site, refs: &Refs) {
    let Refs {
        regions,
        partners,
        mous,
        programmes,
        events,
        sources,
    } = refs;
    hash_slugs(hasher, site, Entity::Region, regions);
    hash_slugs(hasher, site, Entity::Partner, partners);
    hash_slugs(hasher, site, Entity::Mou, mous);
    hash_slugs(hasher, site, Entity::Programme, programmes);
    hash_slugs(hasher, site, Entity::Event, events);
    hash_slugs(hasher, site, Entity::Source, sources);
}

fn hash_body(hasher: &mut DefaultHasher, bodies: &Bodies, of: BodyOf, lang: &str) {
    if let Some(body) = bodies.get(&(of, lang.to_owned())) {
        body.html.hash(hasher);
        body.has_code.hash(hasher);
    }
}

fn article(site: &Site, bodies: &Bodies, index: usize) -> [u64; 3] {
    let Article {
        slug,
        translations,
        refs,
        date,
    } = &site.articles[index];
    let mut h = Aspects::default();
    slug.hash(&mut h.link);
    date.hash(&mut h.card);
    for translation in translations.values() {
        let Translation {
            lang,
            title,
            summary,
            date,
            updated,
            draft,
            file,
            body: _,
        } = translation;
        (lang, title).hash(&mut h.link);
        (lang, summary, date, updated, draft).hash(&mut h.card);
        file.path.hash(&mut h.whole);
        hash_body(&mut h.whole, bodies, BodyOf::Article(index), lang);
    }
    hash_refs(&mut h.whole, site, refs);
    h.finish()
}

fn static_page(site: &Site, bodies: &Bodies, index: usize) -> [u64; 3] {
    let StaticPage {
        slug,
        translations,
        sources,
    } = &site.pages[index];
    let mut h = Aspects::default();
    slug.hash(&mut h.link);
    for translation in translations.values() {
        let crate::link::model::PageTranslation {
            lang,
            title,
            summary,
            updated,
            draft,
            file,
            body: _,
        } = translation;
        (lang, title).hash(&mut h.link);
        (lang, summary, updated, draft).hash(&mut h.card);
        file.path.hash(&mut h.whole);
        hash_body(&mut h.whole, bodies, BodyOf::Static(index), lang);
    }
    hash_slugs(&mut h.whole, site, Entity::Source, sources);
    h.finish()
}

fn region(site: &Site, index: usize) -> [u64; 3] {
    let Region {
        slug,
        iso_code,
        name,
        capital,
        summary,
        focus,
        sources,
        institutes,
        articles,
        mous,
        signed_here,
        events,
        programmes,
        partners,
    } = &site.regions[index];
    let mut h = Aspects::default();
    (slug, name).hash(&mut h.link);
    (iso_code, capital, summary, focus).hash(&mut h.card);
    (articles.len(), institutes.len()).hash(&mut h.card);
    // Cards count the agreements concerning the region or signed in it.
    hash_slugs(&mut h.card, site, Entity::Mou, mous);
    hash_slugs(&mut h.card, site, Entity::Mou, signed_here);
    hash_slugs(&mut h.whole, site, Entity::Source, sources);
    for &institute in institutes {
        hash_institute(&mut h.whole, site, &site.institutes[institute]);
    }
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    hash_slugs(&mut h.whole, site, Entity::Event, events);
    hash_slugs(&mut h.whole, site, Entity::Programme, programmes);
    hash_slugs(&mut h.whole, site, Entity::Partner, partners);
    h.finish()
}

fn hash_institute(hasher: &mut DefaultHasher, site: &Site, institute: &Institute) {
    let Institute {
        id,
        region,
        programme,
        status,
        sources,
        name,
        description,
    } = institute;
    (
        id,
        slug(site, Entity::Region, *region),
        status,
        name,
        description,
    )
        .hash(hasher);
    programme
        .map(|p| slug(site, Entity::Programme, p))
        .hash(hasher);
    hash_slugs(hasher, site, Entity::Source, sources);
}

fn partner(site: &Site, partner: &Partner) -> [u64; 3] {
    let Partner {
        slug,
        kind,
        country,
        website,
        name,
        short_name,
        description,
        sources,
        mous,
        articles,
        programmes,
        events,
        regions,
    } = partner;
    let mut h = Aspects::default();
    (slug, name, short_name).hash(&mut h.link);
    (kind, country, website, description).hash(&mut h.card);
    hash_slugs(&mut h.whole, site, Entity::Source, sources);
    hash_slugs(&mut h.whole, site, Entity::Mou, mous);
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    hash_slugs(&mut h.whole, site, Entity::Programme, programmes);
    hash_slugs(&mut h.whole, site, Entity::Event, events);
    hash_slugs(&mut h.whole, site, Entity::Region, regions);
    h.finish()
}

fn mou(site: &Site, mou: &Mou) -> [u64; 3] {
    let Mou {
        slug,
        date,
        status,
        themes,
        title,
        summary,
        event,
        unknowns,
        refs,
        articles,
    } = mou;
    let mut h = Aspects::default();
    (slug, title).hash(&mut h.link);
    (date, status, themes, summary, unknowns).hash(&mut h.card);
    event
        .map(|e| slug_of(site, Entity::Event, e))
        .hash(&mut h.card);
    // Cards list the parties.
    hash_refs(&mut h.card, site, refs);
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    h.finish()
}

fn slug_of(site: &Site, entity: Entity, index: usize) -> String {
    slug(site, entity, index).to_owned()
}

fn hash_target(hasher: &mut DefaultHasher, site: &Site, target: &Target) {
    let Target {
        value,
        unit,
        deadline,
        source,
        label,
        progress,
    } = target;
    (value.map(f64::to_bits), unit, deadline, label).hash(hasher);
    slug(site, Entity::Source, *source).hash(hasher);
    if let Some(progress) = progress {
        (progress.value.to_bits(), progress.as_of).hash(hasher);
        slug(site, Entity::Source, progress.source).hash(hasher);
    }
}

fn programme(site: &Site, programme: &Programme) -> [u64; 3] {
    let Programme {
        slug,
        launched,
        status,
        name,
        summary,
        unknowns,
        targets,
        refs,
        articles,
        mous,
        institutes,
    } = programme;
    let mut h = Aspects::default();
    (slug, name).hash(&mut h.link);
    (launched, status, summary, unknowns).hash(&mut h.card);
    for target in targets {
        hash_target(&mut h.card, site, target);
    }
    hash_refs(&mut h.whole, site, refs);
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    hash_slugs(&mut h.whole, site, Entity::Mou, mous);
    for &institute in institutes {
        hash_institute(&mut h.whole, site, &site.institutes[institute]);
    }
    h.finish()
}

fn hash_figure(hasher: &mut DefaultHasher, site: &Site, figure: &Figure) {
    let Figure {
        value,
        unit,
        source,
        label,
    } = figure;
    (value.to_bits(), unit, label).hash(hasher);
    slug(site, Entity::Source, *source).hash(hasher);
}

fn event(site: &Site, event: &Event) -> [u64; 3] {
    let Event {
        slug,
        date,
        region,
        name,
        place,
        summary,
        unknowns,
        figures,
        agreements_announced,
        refs,
        mous,
        articles,
    } = event;
    let mut h = Aspects::default();
    (slug, name).hash(&mut h.link);
    (date, place, summary, unknowns, agreements_announced).hash(&mut h.card);
    region
        .map(|r| slug_of(site, Entity::Region, r))
        .hash(&mut h.card);
    for figure in figures {
        hash_figure(&mut h.card, site, figure);
    }
    // Cards count the agreements concluded there.
    hash_slugs(&mut h.card, site, Entity::Mou, mous);
    hash_refs(&mut h.whole, site, refs);
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    h.finish()
}

fn source(site: &Site, source: &Source) -> [u64; 3] {
    let Source {
        slug,
        publisher,
        author,
        original_title,
        date,
        language,
        url,
        title,
        summary,
        cited_by,
        articles,
    } = source;
    let mut h = Aspects::default();
    (slug, title).hash(&mut h.link);
    (
        publisher,
        author,
        original_title,
        date,
        language,
        url,
        summary,
    )
        .hash(&mut h.card);
    hash_refs(&mut h.whole, site, cited_by);
    hash_slugs(&mut h.whole, site, Entity::Article, articles);
    h.finish()
}

/// Which entities of a kind exist, in order (and, for articles, in which languages: lists
/// per language depend on it).
fn collection(site: &Site, entity: Entity) -> u64 {
    let mut hasher = DefaultHasher::new();
    match entity {
        Entity::Article => {
            for article in &site.articles {
                article.slug.hash(&mut hasher);
                article
                    .translations
                    .keys()
                    .for_each(|l| l.hash(&mut hasher));
            }
        }
        Entity::Page => {
            for page in &site.pages {
                page.slug.hash(&mut hasher);
                page.translations.keys().for_each(|l| l.hash(&mut hasher));
            }
        }
        other => {
            for index in 0..count(site, other) {
                slug(site, other, index).hash(&mut hasher);
            }
        }
    }
    hasher.finish()
}
