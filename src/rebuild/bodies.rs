//! Markdown bodies on a reload: the HTML of a body whose text did not change is reused,
//! unless something a link could lead to has gone.

use std::collections::{HashMap, HashSet};

use crate::diagnostics::Diagnostics;
use crate::link::model::Site;
use crate::render::deps::Entity;
use crate::render::markdown::Rendered;
use crate::render::pages::BodyOf;
use crate::render::{self, Bodies};

use super::Built;
use super::fingerprint;

/// Renders the Markdown bodies of `new`, taking from `built` every body whose text is the
/// same, as long as nothing a link can lead to has gone: no entity, article translation or
/// institute removed, and the same heading-anchor label. Links resolve by slug and language,
/// so then an unchanged text renders to the same HTML.
pub(super) fn render_bodies_reusing(built: &Built, new: &Site) -> Result<Bodies, Diagnostics> {
    let old = &built.site;
    let targets = |site: &Site| -> HashSet<String> {
        let mut all = HashSet::new();
        for article in &site.articles {
            for lang in article.translations.keys() {
                all.insert(format!("articles/{}.{lang}", article.slug));
            }
        }
        for page in &site.pages {
            for lang in page.translations.keys() {
                all.insert(format!("pages/{}.{lang}", page.slug));
            }
        }
        // Articles and pages were listed with their languages above.
        for entity in Entity::ALL
            .into_iter()
            .filter(|e| !matches!(e, Entity::Article | Entity::Page))
        {
            for index in 0..fingerprint::count(site, entity) {
                all.insert(format!(
                    "{entity:?}/{}",
                    fingerprint::slug(site, entity, index)
                ));
            }
        }
        for institute in &site.institutes {
            all.insert(format!("institute/{}/{}", institute.region, institute.id));
        }
        all
    };
    let same_anchor_label = new.config.language_codes().all(|lang| {
        old.messages.text(lang, crate::i18n::HEADING_ANCHOR)
            == new.messages.text(lang, crate::i18n::HEADING_ANCHOR)
    });
    let (old_targets, new_targets) = (targets(old), targets(new));
    let nothing_gone = old_targets.iter().all(|t| new_targets.contains(t));
    // A link to an article shows its translation in the link's language when there is one:
    // a translation added to an existing article changes where links lead.
    let old_documents: HashSet<&str> = old_targets
        .iter()
        .filter_map(|t| t.rsplit_once('.').map(|(document, _)| document))
        .collect();
    let no_translation_added = new_targets
        .iter()
        .filter(|t| !old_targets.contains(*t))
        .filter_map(|t| t.rsplit_once('.').map(|(document, _)| document))
        .all(|document| !old_documents.contains(document));
    if !(same_anchor_label && nothing_gone && no_translation_added) {
        return render::render_bodies(new, &render::urls::Urls::new(&new.config));
    }
    let old_bodies: HashMap<(bool, &str, &str), (&str, &Rendered)> = built
        .bodies
        .iter()
        .filter_map(|((of, lang), rendered)| {
            let (is_article, text, slug) = match *of {
                BodyOf::Article(i) => {
                    let article = old.articles.get(i)?;
                    (
                        true,
                        article.translations.get(lang)?.body_text(),
                        article.slug.as_str(),
                    )
                }
                BodyOf::Static(i) => {
                    let page = old.pages.get(i)?;
                    (
                        false,
                        page.translations.get(lang)?.body_text(),
                        page.slug.as_str(),
                    )
                }
            };
            Some(((is_article, slug, lang.as_str()), (text, rendered)))
        })
        .collect();
    render::render_bodies_reusing(new, &|of, lang, text| {
        let (is_article, slug) = match of {
            BodyOf::Article(i) => (true, new.articles[i].slug.as_str()),
            BodyOf::Static(i) => (false, new.pages[i].slug.as_str()),
        };
        old_bodies
            .get(&(is_article, slug, lang))
            .filter(|(old_text, _)| *old_text == text)
            .map(|(_, rendered)| (*rendered).clone())
    })
}
