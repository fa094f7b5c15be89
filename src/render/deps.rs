//! What a page shows, recorded while its context is built.
//!
//! Every view builder in [`super::context`] says which entity it read and how much of it (a
//! link shows a name, a card a few fields, a page everything). `marsad serve` keeps these
//! records per page and, after a change, re-renders only the pages that read something that
//! changed; see [`crate::rebuild`].

use std::cell::RefCell;

/// A kind of entity a page can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// An article (all its translations).
    Article,
    /// A region, with its institutes.
    Region,
    /// A partner.
    Partner,
    /// An agreement.
    Mou,
    /// A programme.
    Programme,
    /// An event.
    Event,
    /// A source record.
    Source,
    /// A standalone page.
    Page,
}

impl Entity {
    /// Every kind of entity.
    pub const ALL: [Entity; 8] = [
        Entity::Article,
        Entity::Region,
        Entity::Partner,
        Entity::Mou,
        Entity::Programme,
        Entity::Event,
        Entity::Source,
        Entity::Page,
    ];
}

/// How much of an entity a page shows. Each aspect includes the ones before it, so a
/// change to what a link shows is also a change to the card and the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    /// Its slug and name: what a link to it shows.
    Link,
    /// Its own fields and the sizes of its lists: what a card shows.
    Card,
    /// Everything, its lists and Markdown body included: what its own page shows.
    Whole,
}

/// One thing a page read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// An entity, by its index in the site model the page was rendered from.
    Entity(Entity, usize, Aspect),
    /// Which entities of a kind exist, and in what order (index pages, counts).
    Collection(Entity),
    /// An interface message in a language, by [`message_key`].
    Message(u64),
}

/// The key of message `id` in language `lang`.
pub fn message_key(lang: &str, id: &str) -> u64 {
    // Computed at every use of the `t` filter: XXH3 on these few bytes costs a fraction of
    // SipHash.
    use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};
    xxh3_64_with_seed(id.as_bytes(), xxh3_64(lang.as_bytes()))
}

/// Collects what one page reads, or ignores it when nobody will ask.
#[derive(Debug)]
pub struct Recorder(Option<RefCell<Vec<Dep>>>);

impl Default for Recorder {
    fn default() -> Self {
        Recorder(Some(RefCell::default()))
    }
}

impl Recorder {
    /// A recorder that keeps nothing: `marsad build` renders each page once, and the records
    /// of a large site's pages took tens of megabytes.
    pub fn off() -> Self {
        Recorder(None)
    }

    /// True when what the page reads is kept.
    pub fn is_on(&self) -> bool {
        self.0.is_some()
    }

    /// Notes that the page read `dep`.
    pub fn read(&self, dep: Dep) {
        if let Some(deps) = &self.0 {
            deps.borrow_mut().push(dep);
        }
    }

    /// Notes that the page showed `aspect` of entity `index` of kind `entity`.
    pub fn entity(&self, entity: Entity, index: usize, aspect: Aspect) {
        self.read(Dep::Entity(entity, index, aspect));
    }

    /// Everything read, each once.
    pub fn into_deps(self) -> Vec<Dep> {
        let mut deps = self.0.map(RefCell::into_inner).unwrap_or_default();
        deps.sort_unstable();
        deps.dedup();
        deps
    }
}
