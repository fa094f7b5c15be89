//! The fast path of a rebuild: an edit of an article's wording (title, summary, text) that
//! keeps its date, draft status and references is patched into the site model, and only
//! the pages that read what changed are rendered, without loading anything else.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::build::BuildError;
use crate::diagnostics::Diagnostics;
use crate::link::model::{Site, Translation};
use crate::load::{self, ArticleFile};
use crate::render;
use crate::render::deps::{Aspect, Entity};
use crate::render::pages::{BodyOf, Page};

use super::fingerprint::{self, Fingerprints, Key};
use super::{Outcome, Workspace};

impl Workspace {
    /// The fast path: `changed` are only edits of existing article translations that keep
    /// their date, draft status and references. Returns `None` when that is not the case.
    pub(super) fn try_article_edit(
        &mut self,
        changed: &[PathBuf],
    ) -> Option<Result<Outcome, BuildError>> {
        let built = self.built.as_mut()?;
        let root = self.options.root.clone();
        let articles_dir = root.join("content").join("articles");
        let codes: Vec<&str> = built.site.config.language_codes().collect();
        let mut edits = Vec::new();
        for path in changed {
            if path.parent() != Some(articles_dir.as_path())
                || path.extension().is_none_or(|e| e != "md")
            {
                return None;
            }
            let file = load::load_article(&root, path, &codes).ok()?;
            let index = same_structure(&built.site, &file)?;
            edits.push((index, file));
        }
        if edits.is_empty() {
            return Some(Ok(Outcome::default()));
        }
        let mut previous = Vec::new();
        for (index, file) in edits {
            let lang = file.lang.clone();
            let translation = translation_of(file);
            let old = built.site.articles[index]
                .translations
                .insert(lang.clone(), translation);
            previous.push((index, lang, old));
        }
        let mut problems = Diagnostics::new();
        let mut rendered_bodies = Vec::new();
        let urls = render::urls::Urls::new(&built.site.config);
        for (index, lang, _) in &previous {
            match render::render_body(&built.site, &urls, BodyOf::Article(*index), lang) {
                Ok(body) => rendered_bodies.push(((BodyOf::Article(*index), lang.clone()), body)),
                Err(found) => problems.extend(found),
            }
        }
        if problems.has_errors() {
            // Put the last good translations back: the output keeps showing them.
            for (index, lang, old) in previous {
                if let Some(old) = old {
                    built.site.articles[index].translations.insert(lang, old);
                }
            }
            return Some(Err(self.failed(problems)));
        }
        let old_prints = std::mem::take(&mut built.prints);
        let mut prints = Fingerprints::default();
        for (key, body) in rendered_bodies {
            built.bodies.insert(key, body);
        }
        let touched: HashSet<usize> = previous.iter().map(|(index, _, _)| *index).collect();
        for &index in &touched {
            prints.insert_article(&built.site, &built.bodies, index);
        }
        let changed_keys: HashSet<Key> = touched
            .iter()
            .flat_map(|&index| {
                let slug = &built.site.articles[index].slug;
                [Aspect::Link, Aspect::Card, Aspect::Whole]
                    .map(|aspect| fingerprint::entity_key(Entity::Article, slug, aspect))
            })
            .filter(|key| old_prints.get(*key) != prints.get(*key))
            .collect();
        // Feeds and the open data files show articles' titles, summaries and dates: what
        // their cards show. The sitemap shows their dates only.
        let listings = touched.iter().any(|&index| {
            let slug = &built.site.articles[index].slug;
            changed_keys.contains(&fingerprint::entity_key(
                Entity::Article,
                slug,
                Aspect::Card,
            ))
        });
        let redated = previous.iter().any(|(index, lang, old)| {
            let new = built.site.articles[*index].translations.get(lang);
            let dates = |t: &crate::link::model::Translation| (t.date, t.updated);
            old.as_ref().map(dates) != new.map(dates)
        });
        let site_files = render::SiteFiles {
            listings,
            sitemap: redated,
        };
        let mut merged = old_prints;
        merged.extend(prints);
        built.prints = merged;
        // The site's structure is unchanged, so every record's job is still valid.
        let jobs: Vec<(Page, String)> = built
            .pages
            .values()
            // Only entity keys changed: the message keys need not be looked at.
            .filter(|record| record.deps.iter().any(|d| changed_keys.contains(d)))
            .map(|record| (record.page, record.lang.clone()))
            .collect();
        Some(self.render_and_write(jobs, Vec::new(), false, site_files))
    }
}

/// The index of the article `file` is a translation of, if the edit keeps the article's
/// structure: it exists with that translation, and the date, draft status and references
/// are the same, and the title and summary are not empty (which the full check reports).
fn same_structure(site: &Site, file: &ArticleFile) -> Option<usize> {
    let index = site.articles.iter().position(|a| a.slug == file.slug)?;
    let article = &site.articles[index];
    let old = article.translations.get(&file.lang)?;
    // Another file for the same translation (in a subfolder) is a duplicate, not an edit.
    if old.file.path != file.file.path {
        return None;
    }
    let front = &file.front;
    let resolve = |entity: Entity, refs: &[load::schema::Ref]| -> Option<Vec<usize>> {
        let mut resolved: Vec<usize> = Vec::with_capacity(refs.len());
        for reference in refs {
            let slug = reference.get_ref();
            let count = fingerprint::count(site, entity);
            let found = (0..count).find(|&i| fingerprint::slug(site, entity, i) == slug)?;
            if !resolved.contains(&found) {
                resolved.push(found);
            }
        }
        Some(resolved)
    };
    let refs = &article.refs;
    let same = *front.date.get_ref() == old.date
        && front.draft == old.draft
        && !front.title.trim().is_empty()
        && !front.summary.trim().is_empty()
        && resolve(Entity::Region, &front.regions)? == refs.regions
        && resolve(Entity::Partner, &front.partners)? == refs.partners
        && resolve(Entity::Mou, &front.mous)? == refs.mous
        && resolve(Entity::Programme, &front.programmes)? == refs.programmes
        && resolve(Entity::Event, &front.events)? == refs.events
        && resolve(Entity::Source, &front.sources)? == refs.sources
        && !front.sources.is_empty();
    same.then_some(index)
}

fn translation_of(file: ArticleFile) -> Translation {
    let ArticleFile {
        lang,
        file,
        front,
        body,
        ..
    } = file;
    Translation {
        lang,
        title: front.title,
        summary: front.summary,
        date: *front.date.get_ref(),
        updated: front.updated.as_ref().map(|d| *d.get_ref()),
        draft: front.draft,
        file,
        body,
    }
}
