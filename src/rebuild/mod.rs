//! Incremental rebuilds for `marsad serve`: after a change, re-render only the pages that
//! show something that changed, and rewrite only the files whose bytes changed.
//!
//! The first build is a full one ([`crate::build()`]'s pipeline, staged and swapped in) that
//! also records, for every page, what it read ([`crate::render::deps`]). After that:
//!
//! - an edit to an article that keeps its date, references and draft status (the common
//!   case: wording, title, summary) is patched into the site model without reloading
//!   anything else (`article_edit.rs`);
//! - any other change (a fact sheet, a new, renamed or deleted file, a template, the
//!   interface strings, the configuration) reloads and relinks the site, which re-checks
//!   everything, and compares [fingerprints](fingerprint) of every entity to find what
//!   changed.
//!
//! Either way the pages to re-render are those that read a changed entity, use a changed
//! template, speak a language whose `.ftl` changed, or are new; pages that no longer exist
//! are deleted. A change that breaks the site is reported and leaves the last good site in
//! place; the next change reloads everything.

mod article_edit;
mod bodies;
pub mod fingerprint;
pub mod templates;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::{self, BuildError, BuildOptions, CheckedSite};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::link::model::Site;
use crate::render::deps::Dep;
use crate::render::locale::Locales;
use crate::render::pages::{self, Job, Page};
use crate::render::templates::Templates;
use crate::render::{self, Bodies, RenderedPage, Renderer, Rendering};
use crate::write::{LiveOutput, Output};
use fingerprint::{Fingerprints, Key};

/// What the last rebuild did.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    /// True when the whole site was reloaded (not only the edited articles).
    pub reloaded: bool,
    /// Pages rendered.
    pub rendered: usize,
    /// Files written (pages whose bytes changed, and assets).
    pub written: usize,
    /// Files deleted (pages that no longer exist).
    pub removed: usize,
    /// Time from the start of the rebuild to the last file written.
    pub elapsed: Duration,
    /// What the site's checks noticed without refusing it (missing translations, …), after
    /// a rebuild that checked the whole site; empty after an article edit.
    pub warnings: Diagnostics,
}

/// What a page read when it was last rendered.
#[derive(Debug)]
struct PageRecord {
    /// The job that draws it, with indexes valid in the current site model.
    page: Page,
    template: &'static str,
    lang: String,
    /// The entities and lists it showed.
    deps: Vec<Key>,
    /// The interface messages it showed (apart: an article edit never changes them, and
    /// pages show many).
    messages: Vec<Key>,
    hash: render::ContentHash,
}

impl PageRecord {
    fn new(page: Page, lang: String, deps: &[Dep], hash: render::ContentHash, site: &Site) -> Self {
        let (messages, deps): (Vec<Dep>, Vec<Dep>) =
            deps.iter().partition(|d| matches!(d, Dep::Message(_)));
        let keys = |deps: Vec<Dep>| {
            deps.into_iter()
                .map(|d| fingerprint::key(site, d))
                .collect()
        };
        PageRecord {
            page,
            template: page.template(),
            lang,
            deps: keys(deps),
            messages: keys(messages),
            hash,
        }
    }

    /// True when the page showed something whose key is in `changed`.
    fn reads_any(&self, changed: &HashSet<Key>) -> bool {
        self.deps
            .iter()
            .chain(&self.messages)
            .any(|d| changed.contains(d))
    }
}

/// The last good site and everything needed to update it.
struct Built {
    site: Site,
    templates: Templates,
    bodies: Bodies,
    prints: Fingerprints,
    /// Every page, by output file.
    pages: HashMap<PathBuf, PageRecord>,
    /// Hashes of the root pages (language chooser, root 404).
    root_pages: HashMap<PathBuf, render::ContentHash>,
    /// Hashes of the files about the whole site (feeds, sitemap, open data).
    site_files: HashMap<PathBuf, render::ContentHash>,
    warnings: Diagnostics,
}

/// The site being served: the last good build, and the problems of the current sources if
/// they do not build.
pub struct Workspace {
    options: BuildOptions,
    output: LiveOutput,
    built: Option<Built>,
    problems: Option<Diagnostics>,
    /// True when a rebuild changed the model but could not write every page it touched:
    /// the next rebuild is a full one.
    stale: bool,
}

impl Workspace {
    /// Builds the site in full into the output folder.
    pub fn open(options: BuildOptions) -> (Workspace, Result<Outcome, BuildError>) {
        let output = LiveOutput::new(options.output_dir());
        let mut workspace = Workspace {
            options,
            output,
            built: None,
            problems: None,
            stale: false,
        };
        let result = workspace.full_build();
        (workspace, result)
    }

    /// Interface message `id` in every language of the last good site, as `(code, text)`.
    pub fn message_in_every_language(&self, id: &str) -> Vec<(String, String)> {
        let Some(built) = &self.built else {
            return Vec::new();
        };
        built
            .site
            .config
            .language_codes()
            .map(|code| (code.to_owned(), built.site.messages.text(code, id)))
            .collect()
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Brings the output up to date after `changed` files (any paths under the site root)
    /// were created, modified or deleted.
    pub fn apply(&mut self, changed: &[PathBuf]) -> Result<Outcome, BuildError> {
        let started = Instant::now();
        // Tools save through short-lived files without an extension (`sed -i` writes
        // `sedAb12Cd` and renames it): once gone they changed nothing the site reads.
        let kept: Vec<PathBuf> = changed
            .iter()
            .filter(|path| path.exists() || path.extension().is_some())
            .cloned()
            .collect();
        let result = if self.built.is_none() || self.stale {
            self.full_build()
        } else if kept.is_empty() {
            // Nothing but vanished extensionless paths: a deleted `CNAME`, a folder moved
            // away. Reloading finds out whether they mattered.
            self.reload()
        } else if self.problems.is_none()
            && let Some(result) = self.try_article_edit(&kept)
        {
            result
        } else {
            self.reload()
        };
        result.map(|mut outcome| {
            outcome.elapsed = started.elapsed();
            outcome
        })
    }

    /// A full build, staged and swapped in like `marsad build`, recording every page.
    fn full_build(&mut self) -> Result<Outcome, BuildError> {
        let started = Instant::now();
        build::check_output_is_safe(&self.options.root, self.output.dir())?;
        let checked = match self.load() {
            Ok(checked) => checked,
            Err(problems) => return Err(self.failed(problems)),
        };
        let bodies = match render::render_bodies(
            &checked.site,
            &render::urls::Urls::new(&checked.site.config),
        ) {
            Ok(bodies) => bodies,
            Err(problems) => return Err(self.failed(problems)),
        };
        // The search index is made here only: an edit is on screen in milliseconds, indexing
        // the whole site again would take seconds. Search in `serve` shows the site as it was
        // at the last full build (start, configuration change, or after a failure).
        let written = match build::publish(
            &checked.site,
            &checked.templates,
            Rendering::Incremental(&bodies),
            self.output.dir(),
            true,
        ) {
            Ok(published) => published.written,
            Err(BuildError::Invalid(problems)) => return Err(self.failed(problems)),
            Err(other) => return Err(other),
        };
        let CheckedSite {
            site,
            templates,
            warnings,
        } = checked;
        let pages: HashMap<PathBuf, PageRecord> = written
            .pages
            .into_iter()
            .map(|page| {
                let record = PageRecord::new(page.page, page.lang, &page.deps, page.hash, &site);
                (page.file, record)
            })
            .collect();
        let rendered = pages.len();
        self.built = Some(Built {
            prints: Fingerprints::of_site(&site, &bodies),
            site,
            templates,
            bodies,
            pages,
            root_pages: written.root_pages,
            site_files: written.site_files,
            warnings,
        });
        self.problems = None;
        self.stale = false;
        Ok(Outcome {
            reloaded: true,
            rendered,
            written: rendered,
            removed: 0,
            elapsed: started.elapsed(),
            warnings: self
                .built
                .as_ref()
                .map(|b| b.warnings.clone())
                .unwrap_or_default(),
        })
    }

    /// Loads, links and checks the whole site as it is on disk.
    fn load(&self) -> Result<CheckedSite, Diagnostics> {
        build::load_site(
            &self.options.root,
            self.options.base_url.as_deref(),
            self.options.drafts,
        )
    }

    fn failed(&mut self, problems: Diagnostics) -> BuildError {
        self.problems = Some(problems.clone());
        BuildError::Invalid(problems)
    }

    /// The general path: reload and relink the whole site, then re-render what changed.
    fn reload(&mut self) -> Result<Outcome, BuildError> {
        let checked = match self.load() {
            Ok(checked) => checked,
            Err(problems) => return Err(self.failed(problems)),
        };
        let Some(built) = self.built.as_mut() else {
            return self.full_build();
        };
        let bodies = match bodies::render_bodies_reusing(built, &checked.site) {
            Ok(bodies) => bodies,
            Err(problems) => return Err(self.failed(problems)),
        };
        let old_site = &built.site;
        let new_site = &checked.site;
        if format!("{:?}", old_site.config) != format!("{:?}", new_site.config) {
            // The base URL, languages or pagination changed: everything changes.
            return self.full_build();
        }
        let prints = Fingerprints::of_site(new_site, &bodies);
        let changed_keys = built.prints.changed(&prints);
        let changed_templates = templates::changed(&old_site.templates, &new_site.templates);
        // Pages note which messages they show, in which language (a French page names
        // Arabic in Arabic): a changed message is a changed key like any entity.
        let mut changed_keys = changed_keys;
        for lang in new_site.config.language_codes() {
            let empty = std::collections::BTreeMap::new();
            let old = old_site.messages.digests(lang).unwrap_or(&empty);
            let new = new_site.messages.digests(lang).unwrap_or(&empty);
            changed_keys.extend(
                old.iter()
                    .filter(|(id, digest)| new.get(*id) != Some(digest))
                    .chain(new.iter().filter(|(id, _)| !old.contains_key(*id)))
                    .map(|(id, _)| crate::render::deps::message_key(lang, id)),
            );
        }

        // Theme files are published under names that carry their content's hash: a changed
        // file is a new name that every page links, and the old name leaves the output.
        let assets = |site: &Site| -> HashSet<PathBuf> {
            site.assets
                .iter()
                .map(|a| Path::new("assets").join(&a.published))
                .collect()
        };
        let (old_assets, new_assets) = (assets(old_site), assets(new_site));
        let assets_renamed = old_assets != new_assets;

        let all_jobs = pages::jobs(new_site);
        let mut dirty = Vec::new();
        let mut current = HashSet::with_capacity(all_jobs.len());
        for job in &all_jobs {
            let file = crate::render::urls::Urls::output_file(&job.page.path(new_site, job.lang));
            let is_dirty = match built.pages.get_mut(&file) {
                None => true,
                Some(record) => {
                    // Indexes may have moved in the new model.
                    record.page = job.page;
                    assets_renamed
                        || record.template != job.page.template()
                        || changed_templates.contains(record.template)
                        || record.reads_any(&changed_keys)
                }
            };
            if is_dirty {
                dirty.push(*job);
            }
            current.insert(file);
        }
        let mut gone: Vec<PathBuf> = built
            .pages
            .keys()
            .filter(|file| !current.contains(*file))
            .cloned()
            .collect();
        gone.extend(old_assets.difference(&new_assets).cloned());
        let dirty: Vec<(Page, String)> = dirty
            .into_iter()
            .map(|job| (job.page, job.lang.to_owned()))
            .collect();
        let CheckedSite {
            site,
            templates,
            warnings,
        } = checked;
        built.site = site;
        built.templates = templates;
        built.bodies = bodies;
        built.prints = prints;
        built.warnings = warnings;
        self.render_and_write(dirty, gone, true, render::SiteFiles::ALL)
    }

    /// Renders `jobs` in memory; only if all succeed, writes the pages whose bytes changed,
    /// deletes `gone`, refreshes the root pages and assets (after a reload) and the site files
    /// (feeds, sitemap, open data: those `site_files` names, what they show may have
    /// changed), and records what each page read.
    fn render_and_write(
        &mut self,
        jobs: Vec<(Page, String)>,
        gone: Vec<PathBuf>,
        reloaded: bool,
        site_files: render::SiteFiles,
    ) -> Result<Outcome, BuildError> {
        let Some(built) = self.built.as_mut() else {
            return self.full_build();
        };
        let site = &built.site;
        let renderer = Renderer::new(
            site,
            &built.templates,
            Rendering::Incremental(&built.bodies),
        );
        let templates = &built.templates;
        // The site files are made while the pages render, as in a full build.
        let which = site_files;
        let (results, site_files) = rayon::join(
            || render_jobs(&renderer, site, &jobs),
            || {
                which
                    .any()
                    .then(|| render::site_files(site, templates, which))
            },
        );
        let mut problems = Diagnostics::new();
        let mut rendered = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(page) => rendered.push(page),
                Err(found) => problems.extend(found),
            }
        }
        let root_pages: Vec<(PathBuf, String)> = if reloaded {
            renderer
                .root_pages()
                .into_iter()
                .filter_map(|r| r.map_err(|d| problems.push(d)).ok())
                .collect()
        } else {
            Vec::new()
        };
        let site_files = match site_files {
            Some(Ok(files)) => Some(files),
            Some(Err(found)) => {
                problems.extend(found);
                None
            }
            None => None,
        };
        if problems.has_errors() {
            // The model already holds the change; only a full build can be sure to show it.
            self.stale = true;
            return Err(self.failed(problems));
        }

        let mut outcome = Outcome {
            reloaded,
            rendered: rendered.len(),
            warnings: if reloaded {
                built.warnings.clone()
            } else {
                Diagnostics::new()
            },
            ..Outcome::default()
        };
        let mut io_problems = Diagnostics::new();
        let write = |file: &Path, bytes: &[u8], hash, problems: &mut Diagnostics| {
            if let Err(diagnostic) = render::write_hashed(&self.output, file, bytes, hash) {
                problems.push(diagnostic);
            }
        };
        for page in rendered {
            let hash = render::content_hash(&page.html);
            let unchanged = built.pages.get(&page.file).is_some_and(|r| r.hash == hash)
                && self.output.dir().join(&page.file).is_file();
            if !unchanged {
                write(&page.file, &page.html, hash, &mut io_problems);
                outcome.written += 1;
            }
            let record = PageRecord::new(page.page, page.lang, &page.deps, hash, site);
            built.pages.insert(page.file, record);
        }
        for (file, html) in root_pages {
            let hash = render::content_hash(html.as_bytes());
            if built.root_pages.get(&file) != Some(&hash) {
                write(&file, html.as_bytes(), hash, &mut io_problems);
                built.root_pages.insert(file, hash);
                outcome.written += 1;
            }
        }
        let mut gone = gone;
        if let Some(files) = site_files {
            // A feed of a region or partner that no longer exists goes too; files of the
            // kinds not made again stay as they are.
            let kept: HashSet<&PathBuf> = files.iter().map(|(file, _)| file).collect();
            let dropped: Vec<PathBuf> = built
                .site_files
                .keys()
                .filter(|file| which.makes(file) && !kept.contains(file))
                .cloned()
                .collect();
            for file in dropped {
                built.site_files.remove(&file);
                gone.push(file);
            }
            for (file, bytes) in files {
                let hash = render::content_hash(&bytes);
                let unchanged = built.site_files.get(&file) == Some(&hash)
                    && self.output.dir().join(&file).is_file();
                if !unchanged {
                    write(&file, &bytes, hash, &mut io_problems);
                    built.site_files.insert(file, hash);
                    outcome.written += 1;
                }
            }
        }
        for file in gone {
            built.pages.remove(&file);
            if let Err(error) = self.output.remove(&file) {
                io_problems.push(
                    Diagnostic::error(format!("cannot delete {}: {error}", file.display()))
                        .in_file(self.output.dir().join(&file)),
                );
            }
            outcome.removed += 1;
        }
        if reloaded && let Err(diagnostic) = render::copy_assets(site, &self.output) {
            io_problems.push(diagnostic);
        }
        if io_problems.has_errors() {
            self.stale = true;
            return Err(self.failed(io_problems));
        }
        self.problems = None;
        Ok(outcome)
    }
}

/// Renders `jobs` in parallel, in memory.
fn render_jobs(
    renderer: &Renderer<'_>,
    site: &Site,
    jobs: &[(Page, String)],
) -> Vec<Result<RenderedPage, Diagnostics>> {
    jobs.par_iter()
        .map(|(page, lang)| {
            let locales = Locales::for_thread(&site.config)?;
            renderer.page(
                &locales,
                Job {
                    lang: lang.as_str(),
                    page: *page,
                },
            )
        })
        .collect()
}
