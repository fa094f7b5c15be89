//! Stage 2, **link**: turn the loaded files into one checked site model.
//!
//! Every reference is resolved to an index (or reported with a "did you mean"), translations
//! are paired by slug, every localized text is checked complete in every language, and the
//! reverse indexes (region → everything, partner → everything) are computed here once, so that
//! templates receive prepared data and never query the whole site.

pub mod by_language;
pub mod model;
mod resolve;
mod reverse;
mod same_entity;

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile};
use crate::load::schema::{PartnerKind, Status, Theme, Unit};
use crate::load::{ArticleFile, Loaded, PageFile, Sheet};
use model::{
    Article, ByLanguage, Event, Figure, Institute, Mou, PageTranslation, Partner, Programme, Refs,
    Region, Site, Source, StaticPage, Target, Translation,
};
use resolve::{Checker, Index, Kind, key_span};

/// Options that change what the site contains.
#[derive(Debug, Clone, Copy, Default)]
pub struct LinkOptions {
    /// Keep articles marked `draft = true`.
    pub include_drafts: bool,
}

/// Links the loaded files into a [`Site`] and returns it with every problem found. With
/// problems, the site holds what could be linked (unresolved references left out), so later
/// checks can still run and report in the same build.
pub fn link(loaded: Loaded, options: LinkOptions) -> (Site, Diagnostics) {
    let Loaded {
        root,
        config,
        mut articles,
        pages,
        mut partners,
        mut regions,
        mut mous,
        mut programmes,
        mut events,
        mut sources,
        messages,
        templates,
        assets,
        problems: load_problems,
        broken,
    } = loaded;
    let mut problems = load_problems;
    let languages: Vec<String> = config.language_codes().map(str::to_owned).collect();

    partners.sort_by(|a, b| a.slug.cmp(&b.slug));
    programmes.sort_by(|a, b| a.slug.cmp(&b.slug));
    regions.sort_by(|a, b| {
        (a.data.iso_code.get_ref(), &a.slug).cmp(&(b.data.iso_code.get_ref(), &b.slug))
    });
    mous.sort_by_cached_key(|s| (s.data.date.get_ref().sort_key(), s.slug.clone()));
    events.sort_by_cached_key(|s| (s.data.date.get_ref().sort_key(), s.slug.clone()));
    sources.sort_by_cached_key(|s| (s.data.date.get_ref().sort_key(), s.slug.clone()));
    articles.sort_by(|a, b| (&a.slug, &a.lang).cmp(&(&b.slug, &b.lang)));

    report_duplicates(&partners, "partner", &mut problems);
    report_duplicates(&regions, "region", &mut problems);
    report_duplicates(&mous, "agreement", &mut problems);
    report_duplicates(&programmes, "programme", &mut problems);
    report_duplicates(&events, "event", &mut problems);
    report_duplicates(&sources, "source", &mut problems);
    report_duplicate_iso_codes(&regions, &mut problems);
    same_entity::report(
        &partners,
        &regions,
        &programmes,
        &events,
        &mous,
        &mut problems,
    );

    let mut index = Index::default();
    index.broken = broken;
    index.insert(Kind::Partner, partners.iter().map(|s| s.slug.as_str()));
    index.insert(Kind::Region, regions.iter().map(|s| s.slug.as_str()));
    index.insert(Kind::Mou, mous.iter().map(|s| s.slug.as_str()));
    index.insert(Kind::Programme, programmes.iter().map(|s| s.slug.as_str()));
    index.insert(Kind::Event, events.iter().map(|s| s.slug.as_str()));
    index.insert(Kind::Source, sources.iter().map(|s| s.slug.as_str()));

    let partners: Vec<Partner> = partners
        .iter()
        .map(|s| {
            link_partner(
                &mut Checker::new(&languages, &index, &mut problems, &s.file),
                s,
            )
        })
        .collect();
    let mut institutes = Vec::new();
    let regions: Vec<Region> = regions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut check = Checker::new(&languages, &index, &mut problems, &s.file);
            link_region(&mut check, s, i, &mut institutes)
        })
        .collect();
    let mous: Vec<Mou> = mous
        .iter()
        .map(|s| {
            link_mou(
                &mut Checker::new(&languages, &index, &mut problems, &s.file),
                s,
            )
        })
        .collect();
    let programmes: Vec<Programme> = programmes
        .iter()
        .map(|s| {
            link_programme(
                &mut Checker::new(&languages, &index, &mut problems, &s.file),
                s,
            )
        })
        .collect();
    let event_sheets = events;
    let events: Vec<Event> = event_sheets
        .iter()
        .map(|s| {
            link_event(
                &mut Checker::new(&languages, &index, &mut problems, &s.file),
                s,
            )
        })
        .collect();
    check_agreement_counts(&event_sheets, &events, &mous, &mut problems);
    check_source_languages(&sources, &messages, &languages, &mut problems);
    let sources: Vec<Source> = sources
        .iter()
        .map(|s| {
            link_source(
                &mut Checker::new(&languages, &index, &mut problems, &s.file),
                s,
            )
        })
        .collect();
    let articles = link_articles(
        &articles,
        &config.default_language,
        options,
        &languages,
        &index,
        &mut problems,
    );
    let pages = link_pages(pages, options, &languages, &index, &mut problems);
    warn_missing_translations(&root, &articles, &pages, &languages, &mut problems);
    report_duplicate_institutes(&institutes, &regions, &mut problems);
    require_interface_labels(&messages, &partners, &mut problems);

    let broken = std::mem::take(&mut index.broken);
    let mut site = Site {
        root,
        config,
        broken,
        messages,
        templates,
        assets,
        article_slugs: articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.slug.clone(), i))
            .collect(),
        articles,
        partners,
        regions,
        institutes,
        mous,
        programmes,
        events,
        pages,
        sources,
    };
    reverse::compute(&mut site);
    (site, problems)
}

/// Pairs `(first, later)` of items sharing a key, whatever their order.
fn duplicates<T, K: Eq + std::hash::Hash>(items: &[T], key: impl Fn(&T) -> K) -> Vec<(&T, &T)> {
    let mut seen: HashMap<K, &T> = HashMap::new();
    items
        .iter()
        .filter_map(|item| seen.insert(key(item), item).map(|first| (first, item)))
        .collect()
}

fn report_duplicates<T>(sheets: &[Sheet<T>], noun: &str, problems: &mut Diagnostics) {
    for (first, sheet) in duplicates(sheets, |s| s.slug.clone()) {
        problems.push(
            Diagnostic::error(format!("two {noun}s have the slug `{}`", sheet.slug))
                .in_file(&sheet.file.path)
                .hint(format!(
                    "{} has the same slug: rename or remove one of them",
                    first.file.path.display()
                )),
        );
    }
}

fn report_duplicate_iso_codes(
    regions: &[Sheet<crate::load::schema::RegionSheet>],
    problems: &mut Diagnostics,
) {
    let pairs = duplicates(regions, |r| r.data.iso_code.get_ref().clone());
    // The same slug twice is already reported as a duplicate slug.
    for (first, region) in pairs.into_iter().filter(|(a, b)| a.slug != b.slug) {
        problems.push(
            Diagnostic::error(format!(
                "two regions have the code `{}`",
                region.data.iso_code.get_ref()
            ))
            .at(&region.file, region.data.iso_code.span())
            .hint(format!("{} has the same code", first.file.path.display())),
        );
    }
}

fn link_partner(check: &mut Checker, sheet: &Sheet<crate::load::schema::PartnerSheet>) -> Partner {
    let data = &sheet.data;
    let sources = check.refs(Kind::Source, &data.sources);
    check.require_sources(&data.sources, "partner");
    if let Some(country) = &data.country {
        let code = country.get_ref();
        if !is_country_code(code) {
            check.problems.push(
                Diagnostic::error(format!("`{code}` is not an ISO 3166-1 country code"))
                    .at(check.file, country.span())
                    .hint("use two capital letters, e.g. \"MA\", \"FR\", \"US\""),
            );
        }
    }
    Partner {
        slug: sheet.slug.clone(),
        kind: data.kind,
        country: data.country.as_ref().map(|c| c.get_ref().clone()),
        website: check.web_address("website", data.website.as_ref()),
        name: check.text("name", &data.name),
        short_name: check.optional_text("short_name", data.short_name.as_ref()),
        description: check.text("description", &data.description),
        sources,
        mous: Vec::new(),
        articles: Vec::new(),
        programmes: Vec::new(),
        events: Vec::new(),
        regions: Vec::new(),
    }
}

fn link_region(
    check: &mut Checker,
    sheet: &Sheet<crate::load::schema::RegionSheet>,
    region: usize,
    institutes: &mut Vec<Institute>,
) -> Region {
    let data = &sheet.data;
    let mut own_institutes = Vec::new();
    for institute in &data.institutes {
        let id = institute.id.get_ref();
        if !crate::load::is_valid_slug(id) {
            check.problems.push(
                Diagnostic::error(format!(
                    "`{}` is not a valid institute id",
                    id.escape_debug()
                ))
                .at(check.file, institute.id.span())
                .hint("use lowercase ASCII words joined by hyphens"),
            );
        }
        let sources = check.refs(Kind::Source, &institute.sources);
        check.require_sources_at(&institute.sources, "institute", Some(institute.id.span()));
        own_institutes.push(institutes.len());
        institutes.push(Institute {
            id: id.clone(),
            region,
            programme: institute
                .programme
                .as_ref()
                .and_then(|p| check.one(Kind::Programme, p)),
            status: institute.status,
            sources,
            name: check.text("institutes.name", &institute.name),
            description: check
                .optional_text("institutes.description", institute.description.as_ref()),
        });
    }
    let iso = data.iso_code.get_ref();
    let valid_iso =
        iso.len() == 5 && iso.starts_with("MA-") && iso[3..].bytes().all(|b| b.is_ascii_digit());
    if !valid_iso {
        check.problems.push(
            Diagnostic::error(format!("`{iso}` is not an ISO 3166-2:MA region code"))
                .at(check.file, data.iso_code.span())
                .hint("region codes are MA-01 … MA-12"),
        );
    }
    Region {
        slug: sheet.slug.clone(),
        iso_code: iso.clone(),
        name: check.text("name", &data.name),
        capital: check.text("capital", &data.capital),
        summary: check.text("summary", &data.summary),
        focus: data.focus.iter().map(|f| check.text("focus", f)).collect(),
        sources: check.refs(Kind::Source, &data.sources),
        institutes: own_institutes,
        articles: Vec::new(),
        mous: Vec::new(),
        signed_here: Vec::new(),
        events: Vec::new(),
        programmes: Vec::new(),
        partners: Vec::new(),
    }
}

fn link_mou(check: &mut Checker, sheet: &Sheet<crate::load::schema::MouSheet>) -> Mou {
    let data = &sheet.data;
    let refs = Refs {
        regions: check.refs(Kind::Region, &data.regions),
        partners: check.refs(Kind::Partner, &data.partners),
        programmes: check.refs(Kind::Programme, &data.programmes),
        sources: check.refs(Kind::Source, &data.sources),
        ..Refs::default()
    };
    check.require_sources(&data.sources, "agreement");
    let mut themes = data.themes.clone();
    themes.sort_unstable();
    themes.dedup();
    Mou {
        slug: sheet.slug.clone(),
        date: *data.date.get_ref(),
        status: data.status,
        themes,
        title: check.text("title", &data.title),
        summary: check.text("summary", &data.summary),
        event: data.event.as_ref().and_then(|e| check.one(Kind::Event, e)),
        unknowns: check.optional_text("unknowns", data.unknowns.as_ref()),
        refs,
        articles: Vec::new(),
    }
}

fn link_programme(
    check: &mut Checker,
    sheet: &Sheet<crate::load::schema::ProgrammeSheet>,
) -> Programme {
    let data = &sheet.data;
    let refs = Refs {
        regions: check.refs(Kind::Region, &data.regions),
        partners: check.refs(Kind::Partner, &data.partners),
        sources: check.refs(Kind::Source, &data.sources),
        ..Refs::default()
    };
    check.require_sources(&data.sources, "programme");
    let targets = data
        .targets
        .iter()
        .filter_map(|t| {
            let label = check.text("targets.label", &t.label);
            let source = check.one(Kind::Source, &t.source)?;
            let value = check.finite(t.value.as_ref());
            let progress = t
                .progress
                .as_ref()
                .and_then(|p| check.progress(p, t.value.is_some()));
            Some(Target {
                value,
                unit: t.unit,
                deadline: t.deadline.as_ref().map(|d| *d.get_ref()),
                source,
                label,
                progress,
            })
        })
        .collect();
    Programme {
        slug: sheet.slug.clone(),
        launched: data.launched.as_ref().map(|d| *d.get_ref()),
        status: data.status,
        name: check.text("name", &data.name),
        summary: check.text("summary", &data.summary),
        unknowns: check.optional_text("unknowns", data.unknowns.as_ref()),
        targets,
        refs,
        articles: Vec::new(),
        mous: Vec::new(),
        institutes: Vec::new(),
    }
}

fn link_event(check: &mut Checker, sheet: &Sheet<crate::load::schema::EventSheet>) -> Event {
    let data = &sheet.data;
    let refs = Refs {
        partners: check.refs(Kind::Partner, &data.partners),
        programmes: check.refs(Kind::Programme, &data.programmes),
        sources: check.refs(Kind::Source, &data.sources),
        ..Refs::default()
    };
    check.require_sources(&data.sources, "event");
    let figures: Vec<Figure> = data
        .figures
        .iter()
        .filter_map(|f| {
            let label = check.text("figures.label", &f.label);
            let value = check.finite(Some(&f.value));
            let source = check.one(Kind::Source, &f.source)?;
            Some(Figure {
                value: value?,
                unit: f.unit,
                source,
                label,
            })
        })
        .collect();
    Event {
        slug: sheet.slug.clone(),
        date: *data.date.get_ref(),
        region: data
            .region
            .as_ref()
            .and_then(|r| check.one(Kind::Region, r)),
        name: check.text("name", &data.name),
        place: check.optional_text("place", data.place.as_ref()),
        summary: check.text("summary", &data.summary),
        unknowns: check.optional_text("unknowns", data.unknowns.as_ref()),
        agreements_announced: agreements_announced(check, data),
        figures,
        refs,
        mous: Vec::new(),
        articles: Vec::new(),
    }
}

/// The number of agreements an event's sources announce: its one figure in `agreements`.
fn agreements_announced(
    check: &mut Checker,
    data: &crate::load::schema::EventSheet,
) -> Option<usize> {
    let mut counts = data
        .figures
        .iter()
        .filter(|f| f.unit == Some(Unit::Agreements));
    let first = counts.next()?;
    if let Some(second) = counts.next() {
        check.problems.push(
            Diagnostic::error("an event has at most one figure in `agreements`")
                .at(check.file, second.value.span())
                .label("a second count of agreements")
                .hint(
                    "keep one count (the one the sources agree on) and say the rest in `unknowns`",
                ),
        );
    }
    let value = *first.value.get_ref();
    if !value.is_finite() {
        // Reported as a figure that is not a number.
        return None;
    }
    let whole = value >= 0.0 && value.fract() == 0.0;
    if !whole {
        check.problems.push(
            Diagnostic::error("a number of agreements is a whole number")
                .at(check.file, first.value.span())
                .hint("write the count the sources give, e.g. value = 9"),
        );
        return None;
    }
    Some(value as usize)
}

/// An event's count of agreements is what its sources announce: there cannot be more signed
/// agreement sheets naming the event than that (talks held there are not agreements).
fn check_agreement_counts(
    sheets: &[Sheet<crate::load::schema::EventSheet>],
    events: &[Event],
    mous: &[Mou],
    problems: &mut Diagnostics,
) {
    for (index, (sheet, event)) in sheets.iter().zip(events).enumerate() {
        let Some(announced) = event.agreements_announced else {
            continue;
        };
        let naming: Vec<&str> = mous
            .iter()
            .filter(|m| m.event == Some(index) && m.status.is_concluded())
            .map(|m| m.slug.as_str())
            .collect();
        let figure = sheet
            .data
            .figures
            .iter()
            .find(|f| f.unit == Some(Unit::Agreements));
        if let Some(figure) = figure
            && naming.len() > announced
        {
            problems.push(
                Diagnostic::error(format!(
                    "more signed agreements name this event ({}) than its sources count ({announced})",
                    naming.len()
                ))
                .at(&sheet.file, figure.value.span())
                .label(format!("{announced} agreements"))
                .hint(format!(
                    "check `event` in the agreements ({}) or this figure",
                    naming.join(", ")
                )),
            );
        }
    }
}

fn link_source(check: &mut Checker, sheet: &Sheet<crate::load::schema::SourceSheet>) -> Source {
    let data = &sheet.data;
    Source {
        slug: sheet.slug.clone(),
        publisher: data.publisher.clone(),
        author: data.author.clone(),
        original_title: data.original_title.clone(),
        date: *data.date.get_ref(),
        language: data.language.get_ref().clone(),
        url: check.web_address("url", data.url.as_ref()),
        title: check.text("title", &data.title),
        summary: check.text("summary", &data.summary),
        cited_by: Refs::default(),
        articles: Vec::new(),
    }
}

/// Pairs translations by slug and checks that they agree on what the article is about.
fn link_articles(
    files: &[ArticleFile],
    default_language: &str,
    options: LinkOptions,
    languages: &[String],
    index: &Index,
    problems: &mut Diagnostics,
) -> Vec<Article> {
    // `files` come sorted by slug then language (see `link`), so an article's translations
    // are neighbours: grouped in place, without moving 20,000 front matters into new vectors.
    debug_assert!(files.is_sorted_by(|a, b| (&a.slug, &a.lang) <= (&b.slug, &b.lang)));
    // Each article is linked on its own; their problems are reported in slug order.
    let linked: Vec<(Option<Article>, Diagnostics)> = files
        .par_chunk_by(|a, b| a.slug == b.slug)
        .map(|translations| {
            let mut found = Diagnostics::new();
            let article = link_article(
                translations,
                default_language,
                options,
                languages,
                index,
                &mut found,
            );
            (article, found)
        })
        .collect();
    let mut articles = Vec::with_capacity(linked.len());
    for (article, found) in linked {
        problems.extend(found);
        articles.extend(article);
    }
    articles.sort_by(|a, b| {
        b.date
            .sort_key()
            .cmp(&a.date.sort_key())
            .then_with(|| a.slug.cmp(&b.slug))
    });
    articles
}

/// Links the translations of one article (`files`, one slug, sorted by language): `None`
/// when none is published.
fn link_article(
    files: &[ArticleFile],
    default_language: &str,
    options: LinkOptions,
    languages: &[String],
    index: &Index,
    problems: &mut Diagnostics,
) -> Option<Article> {
    let slug = &files.first()?.slug;
    let mut translations = ByLanguage::new();
    // Translations must agree on references (checked below on what they wrote), so the
    // first translation's resolved references are the article's.
    let mut article_refs: Option<Refs> = None;
    let mut written_by_lang: Vec<(String, WrittenRefs, Arc<SourceFile>)> = Vec::new();
    for file in files {
        if let Some(first) = translations.get(&file.lang).map(|t: &Translation| &t.file) {
            problems.push(
                Diagnostic::error(format!("two {} files for the article `{slug}`", file.lang))
                    .in_file(&file.file.path)
                    .hint(format!(
                        "{} is the same article: remove one",
                        first.path.display()
                    )),
            );
            continue;
        }
        let mut check = Checker::new(languages, index, problems, &file.file)
            .at_offset(file.front_matter_offset);
        let front = &file.front;
        let refs = Refs {
            regions: check.refs(Kind::Region, &front.regions),
            partners: check.refs(Kind::Partner, &front.partners),
            mous: check.refs(Kind::Mou, &front.mous),
            programmes: check.refs(Kind::Programme, &front.programmes),
            events: check.refs(Kind::Event, &front.events),
            sources: check.refs(Kind::Source, &front.sources),
        };
        // A draft left out of the build must parse and its references must resolve, but
        // it need not be complete yet: `marsad new` creates drafts with an empty title,
        // summary and sources, and they must not break the published build.
        if front.draft && !options.include_drafts {
            continue;
        }
        check.require_sources(&front.sources, "article");
        require_non_empty(
            &file.file,
            [("title", &front.title), ("summary", &front.summary)],
            problems,
        );
        written_by_lang.push((
            file.lang.clone(),
            WrittenRefs::of(front),
            Arc::clone(&file.file),
        ));
        article_refs.get_or_insert(refs);
        translations.insert(
            file.lang.clone(),
            Translation {
                lang: file.lang.clone(),
                title: front.title.clone(),
                summary: front.summary.clone(),
                date: *front.date.get_ref(),
                updated: front.updated.as_ref().map(|d| *d.get_ref()),
                draft: front.draft,
                file: Arc::clone(&file.file),
                body: file.body.clone(),
            },
        );
    }
    // The default language's version is the reference the others are compared with.
    written_by_lang.sort_by_key(|(lang, _, _)| lang != default_language);
    report_disagreements(slug, &written_by_lang, index, problems);
    require_region_or_partner(&written_by_lang, problems);
    let refs = article_refs?;
    let date = translations
        .get(default_language)
        .or_else(|| translations.values().next())
        .map(|t| t.date);
    date.map(|date| Article {
        slug: slug.clone(),
        translations,
        refs,
        date,
    })
}

/// A text missing in one language does not stop the build, but every build says so. A
/// translation whose file exists but is a draft, or failed to load, is not missing.
fn warn_missing_translations(
    root: &std::path::Path,
    articles: &[Article],
    pages: &[StaticPage],
    languages: &[String],
    problems: &mut Diagnostics,
) {
    // (noun, folder, what readers of the missing language get)
    const ARTICLE: (&str, &str, &str) = (
        "article",
        "articles",
        "readers see it in another language, marked as untranslated",
    );
    const PAGE: (&str, &str, &str) = ("page", "pages", "the site leaves it out of its footer");
    let mut warn =
        |kind: (&str, &str, &str), slug: &str, file: &SourceFile, written: Vec<&String>| {
            let (noun, folder, readers_see) = kind;
            for lang in languages.iter().filter(|l| !written.contains(l)) {
                let missing = format!("content/{folder}/{slug}.{lang}.md");
                if root.join(&missing).exists() {
                    continue;
                }
                problems.push(
                    Diagnostic::warning(format!("the {noun} `{slug}` has no {lang} translation"))
                        .in_file(&file.path)
                        .hint(format!("in {lang}, {readers_see}; add {missing}")),
                );
            }
        };
    for article in articles {
        if let Some(first) = article.translations.values().next() {
            let written = article.translations.keys().collect();
            warn(ARTICLE, &article.slug, &first.file, written);
        }
    }
    for page in pages {
        if let Some(first) = page.translations.values().next() {
            let written = page.translations.keys().collect();
            warn(PAGE, &page.slug, &first.file, written);
        }
    }
}

/// Readers reach articles from region and partner pages: an article is about at least one.
/// Reported once per article, and only when no translation names any: translations that
/// differ are already reported as a disagreement.
fn require_region_or_partner(
    written: &[(String, WrittenRefs, Arc<SourceFile>)],
    problems: &mut Diagnostics,
) {
    let names_none = |refs: &WrittenRefs| {
        let [(_, _, regions), (_, _, partners), ..] = &refs.0;
        regions.is_empty() && partners.is_empty()
    };
    let Some((_, _, file)) = written.first() else {
        return;
    };
    if written.iter().all(|(_, refs, _)| names_none(refs)) {
        problems.push(
            Diagnostic::error("this article names no region and no partner")
                .at(file, 0..3)
                .label("in this front matter")
                .hint("add the regions or partners it is about: regions = [\"oriental\"] or partners = [\"undp\"]"),
        );
    }
}

/// Titles and summaries are shown in lists, `<title>` and links: they cannot be empty.
fn require_non_empty(
    file: &Arc<SourceFile>,
    fields: [(&str, &String); 2],
    problems: &mut Diagnostics,
) {
    for (field, text) in fields {
        if text.trim().is_empty() {
            problems.push(
                Diagnostic::error(format!("`{field}` is empty"))
                    .at(file, key_span(&file.text, field))
                    .hint(format!("write the {field} between the quotes")),
            );
        }
    }
}

/// Pairs the translations of standalone pages by slug.
fn link_pages(
    files: Vec<PageFile>,
    options: LinkOptions,
    languages: &[String],
    index: &Index,
    problems: &mut Diagnostics,
) -> Vec<StaticPage> {
    let mut pages: BTreeMap<String, StaticPage> = BTreeMap::new();
    for file in files {
        let mut check = Checker::new(languages, index, problems, &file.file)
            .at_offset(file.front_matter_offset);
        let sources = check.refs(Kind::Source, &file.front.sources);
        let front = &file.front;
        require_non_empty(
            &file.file,
            [("title", &front.title), ("summary", &front.summary)],
            problems,
        );
        if crate::render::urls::Urls::is_reserved_page_slug(&file.slug) {
            problems.push(
                Diagnostic::error(format!("`{}` is taken by a section of the site", file.slug))
                    .in_file(&file.file.path)
                    .hint(
                        "pages live at /<language>/<slug>/: rename the file, e.g. about-us.fr.md",
                    ),
            );
            continue;
        }
        if file.front.draft && !options.include_drafts {
            continue;
        }
        let page = pages
            .entry(file.slug.clone())
            .or_insert_with(|| StaticPage {
                slug: file.slug.clone(),
                translations: ByLanguage::new(),
                sources: Vec::new(),
            });
        if let Some(first) = page.translations.get(&file.lang) {
            problems.push(
                Diagnostic::error(format!(
                    "two {} files for the page `{}`",
                    file.lang, file.slug
                ))
                .in_file(&file.file.path)
                .hint(format!(
                    "{} is the same page: remove one",
                    first.file.path.display()
                )),
            );
            continue;
        }
        for source in sources {
            if !page.sources.contains(&source) {
                page.sources.push(source);
            }
        }
        page.translations.insert(
            file.lang.clone(),
            PageTranslation {
                lang: file.lang,
                title: file.front.title.clone(),
                summary: file.front.summary.clone(),
                updated: file.front.updated.as_ref().map(|d| *d.get_ref()),
                draft: file.front.draft,
                file: file.file,
                body: file.body,
            },
        );
    }
    pages.into_values().collect()
}

/// An article's references as written (sorted), so that a typo reported as an unknown
/// reference is not reported again as a disagreement between translations.
struct WrittenRefs([(Kind, &'static str, Vec<String>); 6]);

impl WrittenRefs {
    fn of(front: &crate::load::schema::ArticleFrontMatter) -> Self {
        let sorted = |refs: &[crate::load::schema::Ref]| {
            let mut slugs: Vec<String> = refs.iter().map(|r| r.get_ref().clone()).collect();
            slugs.sort_unstable();
            slugs.dedup();
            slugs
        };
        WrittenRefs([
            (Kind::Region, "regions", sorted(&front.regions)),
            (Kind::Partner, "partners", sorted(&front.partners)),
            (Kind::Mou, "mous", sorted(&front.mous)),
            (Kind::Programme, "programmes", sorted(&front.programmes)),
            (Kind::Event, "events", sorted(&front.events)),
            (Kind::Source, "sources", sorted(&front.sources)),
        ])
    }
}

/// The translations of one article are one article: they must reference the same things.
/// A difference that involves an unknown slug is left to the unknown-reference error.
fn report_disagreements(
    slug: &str,
    refs: &[(String, WrittenRefs, Arc<SourceFile>)],
    index: &Index,
    problems: &mut Diagnostics,
) {
    let Some((first_lang, first, _)) = refs.first() else {
        return;
    };
    for (lang, other, file) in &refs[1..] {
        for ((kind, field, a), (_, _, b)) in first.0.iter().zip(&other.0) {
            let differing = a
                .iter()
                .filter(|s| !b.contains(s))
                .chain(b.iter().filter(|s| !a.contains(s)));
            let all_known = differing.clone().all(|s| index.get(*kind, s).is_some());
            if differing.count() > 0 && all_known {
                let span = key_span(&file.text, field);
                let (span, label) = if span.is_empty() {
                    (0..3, format!("no `{field}` in this front matter"))
                } else {
                    (span, format!("{} listed here", b.len()))
                };
                problems.push(
                    Diagnostic::error(format!(
                        "the {lang} and {first_lang} versions of `{slug}` list different `{field}`"
                    ))
                    .at(file, span)
                    .label(label)
                    .hint(format!(
                        "translations are one article: make `{field}` the same here and in {slug}.{first_lang}.md"
                    )),
                );
            }
        }
    }
}

fn report_duplicate_institutes(
    institutes: &[Institute],
    regions: &[Region],
    problems: &mut Diagnostics,
) {
    let file_of = |institute: &Institute| {
        let slug = regions
            .get(institute.region)
            .map_or("", |r| r.slug.as_str());
        format!("content/regions/{slug}.toml")
    };
    for (other, institute) in duplicates(institutes, |i| i.id.clone()) {
        problems.push(
            Diagnostic::error(format!("two institutes have the id `{}`", institute.id))
                .in_file(file_of(institute))
                .hint(format!(
                    "the other is in {}: institute ids are unique across the site",
                    file_of(other)
                )),
        );
    }
}

/// ISO 3166-1 alpha-2: two capital letters.
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A source's language is shown by name, so it needs a `language-<code>` label in every
/// language; the problem is reported at the source, where the code is written.
fn check_source_languages(
    sources: &[Sheet<crate::load::schema::SourceSheet>],
    messages: &crate::i18n::Messages,
    languages: &[String],
    problems: &mut Diagnostics,
) {
    for source in sources {
        let code = source.data.language.get_ref();
        let id = format!("language-{code}");
        let missing: Vec<&str> = languages
            .iter()
            .filter(|lang| !messages.has(lang, &id))
            .map(String::as_str)
            .collect();
        if !missing.is_empty() {
            problems.push(
                Diagnostic::error(format!("`{code}` is not a language the site can name"))
                    .at(&source.file, source.data.language.span())
                    .hint(format!(
                        "use an ISO 639-1 code such as fr, ar or en, and give it a label `{id} = …` in {}",
                        missing.iter().map(|l| format!("i18n/{l}.ftl")).collect::<Vec<_>>().join(" and ")
                    )),
            );
        }
    }
}

/// Every vocabulary value and every country used needs a label in every language.
fn require_interface_labels(
    messages: &crate::i18n::Messages,
    partners: &[Partner],
    problems: &mut Diagnostics,
) {
    let mut required: Vec<(String, String)> = Vec::new();
    let mut vocabulary = |ids: Vec<String>, field: &str| {
        for id in ids {
            required.push((id, format!("the vocabulary of `{field}`")));
        }
    };
    vocabulary(PartnerKind::all_message_ids().collect(), "kind");
    vocabulary(Status::all_message_ids().collect(), "status");
    vocabulary(Theme::all_message_ids().collect(), "themes");
    vocabulary(Unit::all_message_ids().collect(), "unit");
    let mut countries: Vec<&str> = partners
        .iter()
        .filter_map(|p| p.country.as_deref())
        .filter(|code| is_country_code(code))
        .collect();
    countries.sort_unstable();
    countries.dedup();
    for code in countries {
        required.push((
            crate::i18n::country_message_id(code),
            format!("the country code {code}"),
        ));
    }
    messages.require(required, problems);
}
