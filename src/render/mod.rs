//! Stage 3, **render**: Markdown bodies, then every page through its template, in parallel.
//!
//! Rendering is a list of jobs (one per page and language, see [`pages`]) run with rayon over
//! data prepared once. Each job renders, writes its file into the staging directory and drops
//! its text, so memory does not grow with the size of the output.

pub mod context;
pub mod data;
pub mod deps;
pub mod feeds;
pub mod highlight;
pub mod locale;
pub mod markdown;
pub mod meta;
pub mod pages;
pub mod pictures;
pub mod sitemap;
pub mod templates;
pub mod urls;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::model::Site;
use crate::write::Output;
use context::Views;
use locale::Locales;
use markdown::{MarkdownEnv, Rendered};
use pages::BodyOf;
use templates::Templates;
use urls::Urls;

/// What a successful render produced.
#[derive(Debug, Default)]
pub struct RenderSummary {
    /// Pages written, by language code (the root pages under `""`).
    pub pages: std::collections::BTreeMap<String, usize>,
    /// Time spent per template (`marsad build --timings`).
    pub templates: std::collections::BTreeMap<&'static str, TemplateTime>,
    /// Time spent making the feeds, sitemap and open data (alongside the pages).
    pub site_files: Duration,
}

/// The pages of one template: how many, the time spent rendering and writing them (summed
/// over threads) and their size.
#[derive(Debug, Default, Clone, Copy)]
pub struct TemplateTime {
    /// Pages rendered with it.
    pub pages: usize,
    /// Time spent on them, all threads together.
    pub time: Duration,
    /// Bytes of HTML.
    pub bytes: usize,
}

impl RenderSummary {
    /// Total number of HTML pages.
    pub fn total(&self) -> usize {
        self.pages.values().sum()
    }
}

/// Rendered Markdown bodies, by whose they are and language.
pub type Bodies = HashMap<(BodyOf, String), Rendered>;

/// How pages are rendered: once (`marsad build`), or to be rendered again after edits
/// (`serve`).
#[derive(Debug, Clone, Copy)]
pub enum Rendering<'a> {
    /// Each page renders its own Markdown body and drops it once written, so the bodies of
    /// the whole site are never in memory at once; what pages read is not recorded.
    Once,
    /// The bodies are rendered already and kept between edits, and each page records what it
    /// read, so that an edit re-renders only the pages it touches.
    Incremental(&'a Bodies),
}

/// One page rendered: where it goes, its HTML and what it showed.
#[derive(Debug)]
pub struct RenderedPage {
    /// The job that drew it.
    pub page: pages::Page,
    /// Its language.
    pub lang: String,
    /// Output file, relative to the output folder.
    pub file: PathBuf,
    /// The HTML, as UTF-8 bytes.
    pub html: Vec<u8>,
    /// What it read (see [`deps`]).
    pub deps: Vec<deps::Dep>,
}

/// A page written by [`render_all`]: everything but its text, which is dropped once written.
#[derive(Debug)]
pub struct WrittenPage {
    /// The job that drew it.
    pub page: pages::Page,
    /// Its language.
    pub lang: String,
    /// Output file, relative to the output folder.
    pub file: PathBuf,
    /// Hash of the HTML written.
    pub hash: ContentHash,
    /// Time taken to render and write it.
    pub elapsed: Duration,
    /// Size of the HTML.
    pub bytes: usize,
    /// What it read.
    pub deps: Vec<deps::Dep>,
}

/// Everything [`render_all`] wrote, as `serve` records it to rewrite only what changes.
#[derive(Debug, Default)]
pub struct Written {
    /// Pages, with what each read.
    pub pages: Vec<WrittenPage>,
    /// Root pages (language chooser, 404), by file: hash of their bytes.
    pub root_pages: HashMap<PathBuf, ContentHash>,
    /// Feeds, sitemap, robots.txt and open data files, by file: hash of their bytes.
    pub site_files: HashMap<PathBuf, ContentHash>,
}

pub use crate::write::{ContentHash, content_hash};

/// Renders every page, the root pages, the assets and the open data files into `output`, and
/// (when `rendering` is incremental) says what each page read.
pub fn render_all(
    site: &Site,
    templates: &Templates,
    rendering: Rendering,
    output: &dyn Output,
) -> Result<(RenderSummary, Written), Diagnostics> {
    // Validates the locales once; workers then build their own formatters.
    Locales::new(&site.config)?;
    let renderer = Renderer::new(site, templates, rendering);
    let jobs = pages::jobs(site);
    // The files about the whole site are made and written while the pages render: each is
    // one long job that would otherwise keep a core idle at the end.
    let (results, (files, site_files_time)) = rayon::join(
        || render_pages(&renderer, site, &jobs, output),
        || {
            let started = Instant::now();
            let written = site_files(site, templates, SiteFiles::ALL).map(|files| {
                files
                    .into_iter()
                    .map(|(file, bytes)| write(output, &file, &bytes).map(|hash| (file, hash)))
                    .collect::<Vec<_>>()
            });
            (written, started.elapsed())
        },
    );

    let mut problems = Diagnostics::new();
    let mut summary = RenderSummary {
        site_files: site_files_time,
        ..RenderSummary::default()
    };
    let mut written = Written {
        pages: Vec::with_capacity(results.len()),
        ..Written::default()
    };
    for result in results {
        match result {
            Ok(page) => {
                *summary.pages.entry(page.lang.clone()).or_default() += 1;
                let time = summary.templates.entry(page.page.template()).or_default();
                time.pages += 1;
                time.time += page.elapsed;
                time.bytes += page.bytes;
                written.pages.push(page);
            }
            Err(found) => problems.extend(found),
        }
    }
    for result in renderer.root_pages() {
        let outcome = result.and_then(|(file, html)| {
            let hash = write(output, &file, html.as_bytes())?;
            written.root_pages.insert(file, hash);
            Ok(())
        });
        match outcome {
            Ok(()) => *summary.pages.entry(String::new()).or_default() += 1,
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if let Err(diagnostic) = copy_assets(site, output) {
        problems.push(diagnostic);
    }
    match files {
        Ok(files) => {
            for file in files {
                match file {
                    Ok((file, hash)) => {
                        written.site_files.insert(file, hash);
                    }
                    Err(diagnostic) => problems.push(diagnostic),
                }
            }
        }
        Err(found) => problems.extend(found),
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok((summary, written))
}

/// Renders and writes every page job, dropping each page's text once written. The results
/// come in the order of `jobs`.
fn render_pages(
    renderer: &Renderer<'_>,
    site: &Site,
    jobs: &[pages::Job<'_>],
    output: &dyn Output,
) -> Vec<Result<WrittenPage, Diagnostics>> {
    // Pages that list many others (a region's, a partner's) take up to a hundred times an
    // article's time: started last, they kept one core busy after the other had run out of
    // work. So they go first, and rayon hands out the rest in short runs that an idle
    // worker can take over.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| !jobs[i].page.lists_many());
    let mut results: Vec<(usize, Result<WrittenPage, Diagnostics>)> = order
        .par_iter()
        .with_max_len(PAGES_PER_RUN)
        .map(|&i| (i, render_page(renderer, site, jobs[i], output)))
        .collect();
    results.sort_unstable_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, result)| result).collect()
}

/// The most pages a worker renders before another may take over the rest of its share.
const PAGES_PER_RUN: usize = 32;

/// Renders and writes one page.
fn render_page(
    renderer: &Renderer<'_>,
    site: &Site,
    job: pages::Job<'_>,
    output: &dyn Output,
) -> Result<WrittenPage, Diagnostics> {
    let locales = Locales::for_thread(&site.config)?;
    let started = Instant::now();
    let page = renderer.page(&locales, job)?;
    let hash = write(output, &page.file, &page.html)?;
    Ok(WrittenPage {
        elapsed: started.elapsed(),
        bytes: page.html.len(),
        hash,
        page: page.page,
        lang: page.lang,
        file: page.file,
        deps: page.deps,
    })
}

/// Which of the files about the whole site to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SiteFiles {
    /// The Atom feeds and the open data files: they show articles' titles, summaries, dates.
    pub listings: bool,
    /// The sitemap and `robots.txt`: they show pages' addresses and dates only.
    pub sitemap: bool,
}

impl SiteFiles {
    /// Every one of them.
    pub const ALL: SiteFiles = SiteFiles {
        listings: true,
        sitemap: true,
    };

    /// True when there is something to make.
    pub fn any(self) -> bool {
        self.listings || self.sitemap
    }

    /// True when `file`, one of the site files, is of a kind this selection makes.
    pub fn makes(self, file: &Path) -> bool {
        let is_sitemap = sitemap::FILES.iter().any(|name| file == Path::new(name));
        if is_sitemap {
            self.sitemap
        } else {
            self.listings
        }
    }
}

/// The files about the whole site rather than one page: Atom feeds, the sitemap,
/// `robots.txt` and the open data files (those `which` asks for), as `(output file, bytes)`.
/// `serve` makes them again after a change that may show in them and writes those whose
/// bytes changed.
pub fn site_files(
    site: &Site,
    templates: &Templates,
    which: SiteFiles,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Diagnostics> {
    let mut problems = Diagnostics::new();
    let mut files = Vec::new();
    let ((feeds, sitemap), data) = rayon::join(
        || {
            rayon::join(
                || which.listings.then(|| feeds::render(site, templates)),
                || {
                    which
                        .sitemap
                        .then(|| [Ok(sitemap::render(site)), Ok(sitemap::robots(site))])
                },
            )
        },
        || which.listings.then(|| data::data_files(site)),
    );
    let sitemap = sitemap
        .into_iter()
        .flatten()
        .map(|made| made.map(|(file, text)| (file, text.into_bytes())));
    for result in feeds.into_iter().flatten().chain(sitemap) {
        match result {
            Ok(file) => files.push(file),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    match data.unwrap_or_else(|| Ok(Vec::new())) {
        Ok(data) => files.extend(data),
        Err(diagnostic) => problems.push(diagnostic),
    }
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(files)
}

/// Renders single pages from data prepared once.
pub struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    rendering: Rendering<'a>,
    urls: Urls,
}

impl<'a> Renderer<'a> {
    /// Prepares to render pages of `site` the way `rendering` says.
    pub fn new(site: &'a Site, templates: &'a Templates, rendering: Rendering<'a>) -> Self {
        Renderer {
            site,
            templates,
            rendering,
            urls: Urls::new(&site.config),
        }
    }

    /// Renders one page.
    pub fn page(&self, locales: &Locales, job: pages::Job) -> Result<RenderedPage, Diagnostics> {
        let rendered_here;
        let body = match (job.page.body(), self.rendering) {
            (None, _) => None,
            (Some(of), Rendering::Incremental(bodies)) => bodies.get(&(of, job.lang.to_owned())),
            (Some(of), Rendering::Once) => {
                rendered_here = render_body(self.site, &self.urls, of, job.lang)?;
                Some(&rendered_here)
            }
        };
        let recorder = match self.rendering {
            Rendering::Once => deps::Recorder::off(),
            Rendering::Incremental(_) => deps::Recorder::default(),
        };
        let views = Views {
            site: self.site,
            locales,
            urls: &self.urls,
            lang: job.lang,
            deps: &recorder,
        };
        let context = pages::context(&views, job.page, body)
            .map_err(|error| Diagnostic::error(format!("cannot prepare the page data: {error}")))?;
        let html = if recorder.is_on() {
            let (html, messages) = self
                .templates
                .render_noting_messages(job.page.template(), &context)?;
            for message in messages {
                recorder.read(deps::Dep::Message(message));
            }
            html
        } else {
            self.templates.render_bytes(job.page.template(), &context)?
        };
        Ok(RenderedPage {
            page: job.page,
            lang: job.lang.to_owned(),
            file: Urls::output_file(&job.page.path(self.site, job.lang)),
            html,
            deps: recorder.into_deps(),
        })
    }

    /// The language chooser and the root 404 page, which speak every language.
    pub fn root_pages(&self) -> Vec<Result<(PathBuf, String), Diagnostic>> {
        let root = pages::root_context(self.site, &self.urls);
        [
            ("root.html", Urls::root()),
            ("root-404.html", Urls::root_not_found()),
        ]
        .into_iter()
        .map(|(template, path)| {
            let html = self.templates.render(template, &root)?;
            Ok((Urls::output_file(&path), html))
        })
        .collect()
    }
}

/// Checks the article bodies (internal links, unsafe URLs) without writing anything. Each
/// body's HTML is dropped as soon as it is made: only the problems are kept.
pub fn check_bodies(site: &Site) -> Result<(), Diagnostics> {
    let urls = Urls::new(&site.config);
    let found: Vec<Vec<Diagnostic>> = bodies(site)
        .par_iter()
        .map(|body| render_one(site, &urls, body).1)
        .collect();
    let mut problems = Diagnostics::new();
    found.into_iter().flatten().for_each(|d| problems.push(d));
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(())
    }
}

/// Ids that `article.html`, `page.html` and the base layout give to their own elements.
const ARTICLE_TEMPLATE_IDS: &[&str] = &["main", "sources-cited"];

/// A Markdown body to render: whose it is, its language, its file and where it sits in it.
struct Body<'a> {
    of: BodyOf,
    lang: &'a str,
    file: &'a std::sync::Arc<crate::diagnostics::SourceFile>,
    range: std::ops::Range<usize>,
}

/// Every translation of every article and standalone page.
fn bodies(site: &Site) -> Vec<Body<'_>> {
    let articles = site.articles.iter().enumerate().flat_map(|(i, a)| {
        a.translations.values().map(move |t| Body {
            of: BodyOf::Article(i),
            lang: &t.lang,
            file: &t.file,
            range: t.body.clone(),
        })
    });
    let pages = site.pages.iter().enumerate().flat_map(|(i, p)| {
        p.translations.values().map(move |t| Body {
            of: BodyOf::Static(i),
            lang: &t.lang,
            file: &t.file,
            range: t.body.clone(),
        })
    });
    articles.chain(pages).collect()
}

/// Renders every translation's Markdown once, reporting broken internal links with their
/// position in the file.
pub fn render_bodies(site: &Site, urls: &Urls) -> Result<Bodies, Diagnostics> {
    render_some_bodies(site, urls, bodies(site))
}

/// Like [`render_bodies`], but takes the bodies `reuse` returns (given whose body it is, its
/// language and its Markdown) instead of rendering them again.
pub fn render_bodies_reusing(
    site: &Site,
    reuse: &(dyn Fn(BodyOf, &str, &str) -> Option<Rendered> + Sync),
) -> Result<Bodies, Diagnostics> {
    let all = bodies(site);
    let reused: Vec<Option<Rendered>> = all
        .par_iter()
        .map(|b| reuse(b.of, b.lang, &b.file.text[b.range.clone()]))
        .collect();
    let mut kept = Bodies::with_capacity(all.len());
    let mut to_render = Vec::new();
    for (body, reused) in all.into_iter().zip(reused) {
        match reused {
            Some(rendered) => {
                kept.insert((body.of, body.lang.to_owned()), rendered);
            }
            None => to_render.push(body),
        }
    }
    let rendered = render_some_bodies(site, &Urls::new(&site.config), to_render)?;
    kept.extend(rendered);
    Ok(kept)
}

/// Renders the body of one translation of an article or standalone page.
pub fn render_body(
    site: &Site,
    urls: &Urls,
    of: BodyOf,
    lang: &str,
) -> Result<Rendered, Diagnostics> {
    // Looked up directly: the site may have tens of thousands of bodies.
    let translation = match of {
        BodyOf::Article(i) => site
            .articles
            .get(i)
            .and_then(|a| a.translations.get(lang))
            .map(|t| (&t.lang, &t.file, &t.body)),
        BodyOf::Static(i) => site
            .pages
            .get(i)
            .and_then(|p| p.translations.get(lang))
            .map(|t| (&t.lang, &t.file, &t.body)),
    };
    let (lang, file, range) = translation
        .ok_or_else(|| Diagnostics::from(Diagnostic::error("no such body to render")))?;
    let (rendered, problems) = render_one(
        site,
        urls,
        &Body {
            of,
            lang,
            file,
            range: range.clone(),
        },
    );
    if problems.is_empty() {
        Ok(rendered)
    } else {
        Err(problems.into_iter().collect())
    }
}

fn render_some_bodies(
    site: &Site,
    urls: &Urls,
    list: Vec<Body<'_>>,
) -> Result<Bodies, Diagnostics> {
    let results: Vec<((BodyOf, String), Rendered, Vec<Diagnostic>)> = list
        .par_iter()
        .map(|body| {
            let (rendered, diagnostics) = render_one(site, urls, body);
            ((body.of, body.lang.to_owned()), rendered, diagnostics)
        })
        .collect();
    let mut problems = Diagnostics::new();
    let mut bodies = HashMap::with_capacity(results.len());
    for (key, rendered, diagnostics) in results {
        diagnostics.into_iter().for_each(|d| problems.push(d));
        bodies.insert(key, rendered);
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(bodies)
    }
}

/// Renders one body, and says where each of its broken links is.
fn render_one(site: &Site, urls: &Urls, body: &Body<'_>) -> (Rendered, Vec<Diagnostic>) {
    let lang = body.lang;
    let resolve = |target: &str| resolve_internal(site, urls, lang, target);
    let anchor_label = site.messages.text(lang, crate::i18n::HEADING_ANCHOR);
    let env = MarkdownEnv {
        anchor_label: &anchor_label,
        resolve: &resolve,
        reserved_ids: ARTICLE_TEMPLATE_IDS,
    };
    let (rendered, errors) = markdown::render(&body.file.text[body.range.clone()], &env);
    let offset = body.range.start;
    let diagnostics = errors
        .into_iter()
        .map(|e| {
            Diagnostic::error(e.message)
                .at(body.file, offset + e.span.start..offset + e.span.end)
                .label(e.label)
                .hint(e.hint)
        })
        .collect();
    (rendered, diagnostics)
}

/// Resolves an internal link target `kind/slug[#fragment]` for the page's language.
///
/// A fragment on a region names one of its institutes (`@/regions/oriental#al-jazari-nador`);
/// on an article, one of its headings (checked in the rendered page by `marsad check`); other
/// pages take none.
fn resolve_internal(site: &Site, urls: &Urls, lang: &str, target: &str) -> Result<String, String> {
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    let (kind, slug) = path
        .trim_end_matches('/')
        .split_once('/')
        .ok_or_else(|| format!("`@/{target}` does not name a page: write @/<kind>/<slug>"))?;
    if site.broken.contains(&(kind.to_owned(), slug.to_owned())) {
        // The target's file failed to load and is reported already; the build fails, so the
        // path only has to be plausible.
        let path = match kind {
            "pages" => Urls::page(lang, slug),
            _ => format!("/{lang}/{kind}/{slug}/"),
        };
        return Ok(urls.href(&path));
    }
    let unknown = |noun: &str| format!("`@/{target}` links to an unknown {noun} `{slug}`");
    let no_fragment = |noun: &str| -> Result<(), String> {
        match fragment {
            Some(fragment) => Err(format!(
                "`@/{target}`: a {noun} link takes no `#{fragment}`"
            )),
            None => Ok(()),
        }
    };
    let site_path = match kind {
        "articles" => {
            let article = site
                .article_index(slug)
                .map(|i| &site.articles[i])
                .ok_or_else(|| unknown("article"))?;
            let shown = if article.translations.contains_key(lang) {
                lang
            } else {
                article
                    .translations
                    .keys()
                    .next()
                    .map_or(lang, String::as_str)
            };
            let page = Urls::article(shown, slug);
            match fragment {
                Some(fragment) => format!("{page}#{fragment}"),
                None => page,
            }
        }
        "regions" => {
            let (index, _) = site
                .regions
                .iter()
                .enumerate()
                .find(|(_, r)| r.slug == slug)
                .ok_or_else(|| unknown("region"))?;
            match fragment {
                None => Urls::region(lang, slug),
                Some(id) => {
                    let found = site
                        .institutes
                        .iter()
                        .any(|i| i.region == index && i.id == id);
                    if !found {
                        return Err(format!(
                            "`@/{target}`: region `{slug}` has no institute `{id}`"
                        ));
                    }
                    Urls::institute(lang, slug, id)
                }
            }
        }
        "partners" if site.partners.iter().any(|p| p.slug == slug) => {
            no_fragment("partner").map(|()| Urls::partner(lang, slug))?
        }
        "mous" if site.mous.iter().any(|m| m.slug == slug) => {
            no_fragment("agreement").map(|()| Urls::mou(lang, slug))?
        }
        "programmes" if site.programmes.iter().any(|p| p.slug == slug) => {
            no_fragment("programme").map(|()| Urls::programme(lang, slug))?
        }
        "sources" if site.sources.iter().any(|s| s.slug == slug) => {
            no_fragment("source").map(|()| Urls::source(lang, slug))?
        }
        "events" if site.events.iter().any(|e| e.slug == slug) => {
            no_fragment("event").map(|()| Urls::event(lang, slug))?
        }
        "pages" => {
            let page = site
                .pages
                .iter()
                .find(|p| p.slug == slug)
                .ok_or_else(|| unknown("page"))?;
            no_fragment("page")?;
            let shown = if page.translations.contains_key(lang) {
                lang
            } else {
                page.translations.keys().next().map_or(lang, String::as_str)
            };
            Urls::page(shown, slug)
        }
        "partners" => return Err(unknown("partner")),
        "mous" => return Err(unknown("agreement")),
        "programmes" => return Err(unknown("programme")),
        "sources" => return Err(unknown("source")),
        "events" => return Err(unknown("event")),
        other => return Err(format!("`@/{target}`: `{other}` is not a kind of page")),
    };
    Ok(urls.href(&site_path))
}

/// Writes `bytes` at `relative` in `output` and returns their [`content_hash`]; a failure is
/// a diagnostic naming the file.
pub fn write(
    output: &dyn Output,
    relative: &Path,
    bytes: &[u8],
) -> Result<ContentHash, Diagnostic> {
    let hash = content_hash(bytes);
    write_hashed(output, relative, bytes, hash).map(|()| hash)
}

/// Like [`write`], for bytes whose [`content_hash`] the caller has already.
pub fn write_hashed(
    output: &dyn Output,
    relative: &Path,
    bytes: &[u8],
    hash: ContentHash,
) -> Result<(), Diagnostic> {
    output.write(relative, bytes, hash).map_err(|error| {
        Diagnostic::error(format!("cannot write {}: {error}", relative.display()))
            .in_file(output.dir().join(relative))
            .hint("check that the output folder is writable and the disk is not full")
    })
}

/// Publishes the theme's static files under `/assets/` (copied, or written as rewritten:
/// stylesheets naming other files by their published names) and writes the highlighting
/// stylesheet.
pub fn copy_assets(site: &Site, output: &dyn Output) -> Result<(), Diagnostic> {
    for asset in &site.assets {
        let relative = PathBuf::from("assets").join(&asset.published);
        let written = match &asset.rewritten {
            Some(text) => output.write(&relative, text.as_bytes(), content_hash(text.as_bytes())),
            None => output.copy(&asset.absolute, &relative),
        };
        written.map_err(|error| {
            Diagnostic::error(format!("cannot copy a theme file: {error}"))
                .in_file(crate::load::display(&site.root, &asset.absolute))
        })?;
    }
    let (highlight, css) = highlight::stylesheet();
    write(output, &Path::new("assets").join(highlight), css.as_bytes()).map(drop)
}
