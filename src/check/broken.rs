//! Broken links become diagnostics at the place they can be fixed.
//!
//! A link an editor wrote in Markdown is reported at its line in the Markdown file; any other
//! at its line in the rendered page (`public/fr/x/index.html:40:14`), with a hint naming the
//! template that drew the page. A link repeated on many pages (a broken link in `base.html`
//! is on every page) is one problem: it is reported once, at its first page, saying on how
//! many pages it is.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::html::RawLink;
use super::links::{Broken, External, Problem, Scan, site_path};
use super::origin::{Origins, find_in_markdown};
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, did_you_mean};

/// Where a link of a page is, as precisely as it can be said.
enum Place {
    /// In the Markdown an editor wrote: the file, the destination as written and its span.
    Markdown {
        file: Arc<SourceFile>,
        dest: String,
        span: Range<usize>,
    },
    /// In the rendered page.
    Page {
        file: Arc<SourceFile>,
        span: Range<usize>,
    },
}

/// Turns the problems of a scan into diagnostics.
pub struct Reporter<'a> {
    scan: &'a Scan,
    origins: &'a Origins<'a>,
    dir: &'a Path,
    shown: &'a Path,
    prefix: &'a str,
    languages: Vec<String>,
}

/// Problems found on several pages are grouped by where they come from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    /// A Markdown link: file and position.
    Markdown(PathBuf, usize),
    /// A link drawn by the theme: its value, with the language code made generic
    /// (`/fr/x/` and `/ar/x/` are one link of a template), and what is wrong (the fragment
    /// for a missing anchor).
    Page(String, u8, String),
}

impl<'a> Reporter<'a> {
    /// A reporter for the pages of `scan`, found in `dir` and shown as `shown`.
    pub fn new(
        scan: &'a Scan,
        origins: &'a Origins<'a>,
        dir: &'a Path,
        shown: &'a Path,
        prefix: &'a str,
        languages: Vec<String>,
    ) -> Self {
        Reporter {
            scan,
            origins,
            dir,
            shown,
            prefix,
            languages,
        }
    }

    /// The key grouping a link drawn by the theme across pages and languages.
    fn page_key(&self, broken: &Broken) -> Key {
        let mut value = broken.link.value.clone();
        if let Some((at, len)) = self
            .languages
            .iter()
            .filter_map(|code| value.find(&format!("/{code}/")).map(|at| (at, code.len())))
            .min()
        {
            value.replace_range(at + 1..at + 1 + len, "{lang}");
        }
        let (kind, detail) = match &broken.problem {
            Problem::NoFile { .. } => (0, String::new()),
            Problem::NoAnchor { fragment, .. } => (1, fragment.clone()),
            Problem::Outside => (2, String::new()),
        };
        Key::Page(value, kind, detail)
    }

    /// One diagnostic per broken link, grouped across pages.
    pub fn broken_links(&self) -> Diagnostics {
        let mut groups: Vec<(Place, &Broken, BTreeSet<usize>)> = Vec::new();
        let mut by_key: HashMap<Key, usize> = HashMap::new();
        let mut pages = PageFiles::default();
        for broken in &self.scan.broken {
            let markdown = self.markdown_link(broken.page, &broken.link);
            let key = match &markdown {
                Some(place) => Key::Markdown(place.0.path.clone(), place.2.start),
                None => self.page_key(broken),
            };
            if let Some(&group) = by_key.get(&key) {
                groups[group].2.insert(broken.page);
                continue;
            }
            let place = match markdown {
                Some((file, dest, span)) => Place::Markdown { file, dest, span },
                None => match pages.get(self, broken.page) {
                    Some(file) => Place::Page {
                        file,
                        span: broken.link.span.clone(),
                    },
                    None => continue,
                },
            };
            by_key.insert(key, groups.len());
            groups.push((place, broken, BTreeSet::from([broken.page])));
        }
        groups
            .into_iter()
            .map(|(place, broken, on)| self.broken_link(place, broken, &on))
            .collect()
    }

    /// A warning for each external link that failed, at its first page.
    pub fn external_links(&self, failed: &[(&External, String)]) -> Diagnostics {
        let mut pages = PageFiles::default();
        let mut found = Diagnostics::new();
        for (external, problem) in failed {
            let (page, link) = &external.first;
            let message = format!("external link `{}` {problem}", external.url);
            let on = if external.pages == 1 {
                String::from("found on 1 page")
            } else {
                format!("found on {} pages", external.pages)
            };
            let hint = format!("{on}; check the address, or link to where the document is now");
            let diagnostic = match self.markdown_link(*page, link) {
                Some((file, _, span)) => Diagnostic::warning(message)
                    .at(&file, span)
                    .label("this link")
                    .hint(hint),
                None => match pages.get(self, *page) {
                    Some(file) => Diagnostic::warning(message)
                        .at(&file, link.span.clone())
                        .label("this link")
                        .hint(format!(
                            "{on}; {}",
                            self.template_hint(&BTreeSet::from([*page]))
                        )),
                    None => continue,
                },
            };
            found.push(diagnostic);
        }
        found
    }

    /// The Markdown link that rendered as `link` on `page`, if the page shows a body that has
    /// it.
    fn markdown_link(
        &self,
        page: usize,
        link: &RawLink,
    ) -> Option<(Arc<SourceFile>, String, Range<usize>)> {
        let origin = self.origins.get(&self.scan.pages[page])?;
        let (file, body) = origin.body.as_ref()?;
        let found = find_in_markdown(file, body, &link.value)?;
        Some((Arc::clone(file), found.dest, found.span))
    }

    fn broken_link(&self, place: Place, broken: &Broken, on: &BTreeSet<usize>) -> Diagnostic {
        match place {
            Place::Markdown { file, dest, span } => {
                let (message, label, hint) = match &broken.problem {
                    Problem::NoFile { .. } => (
                        format!("broken link: `{dest}` leads to no page of the site"),
                        String::from("no such page"),
                        String::from(
                            "link to pages of the site with @/kind/slug (e.g. @/regions/oriental): the build checks those in every language",
                        ),
                    ),
                    Problem::NoAnchor { target, fragment } => (
                        self.no_anchor_message(&dest, broken.page, *target, fragment),
                        String::from("no such anchor"),
                        self.anchor_hint(*target, fragment),
                    ),
                    Problem::Outside => (
                        format!("broken link: `{dest}` is outside the site"),
                        format!("not under {}/", self.prefix),
                        String::from("link to pages of the site with @/kind/slug"),
                    ),
                };
                Diagnostic::error(message)
                    .at(&file, span)
                    .label(label)
                    .hint(hint)
            }
            Place::Page { file, span } => {
                let value = &broken.link.value;
                let (message, label) = match &broken.problem {
                    Problem::NoFile { expected } => (
                        format!("broken link: `{value}` leads to no page of the site"),
                        format!("no {expected}"),
                    ),
                    Problem::NoAnchor { target, fragment } => (
                        self.no_anchor_message(value, broken.page, *target, fragment),
                        String::from("no such anchor"),
                    ),
                    Problem::Outside => (
                        format!("broken link: `{value}` is outside the site"),
                        format!("not under {}/", self.prefix),
                    ),
                };
                Diagnostic::error(message)
                    .at(&file, span)
                    .label(label)
                    .hint(self.template_hint(on))
            }
        }
    }

    fn no_anchor_message(&self, link: &str, page: usize, target: usize, fragment: &str) -> String {
        if page == target {
            format!("broken anchor: `{link}`: this page has no element with id `{fragment}`")
        } else {
            format!(
                "broken anchor: `{link}`: {} has no element with id `{fragment}`",
                site_path(&self.scan.pages[target])
            )
        }
    }

    /// For an anchor an editor wrote: the closest id of the target page, if one is close.
    fn anchor_hint(&self, target: usize, fragment: &str) -> String {
        let ids = self.scan.ids[target].iter().map(String::as_str);
        match did_you_mean(fragment, ids) {
            Some(close) => format!(
                "did you mean `#{close}`? A #fragment names a heading of the page; give a heading a stable id with `## Title {{#id}}`"
            ),
            None => String::from(
                "a #fragment names a heading of the page; give a heading a stable id with `## Title {#id}`",
            ),
        }
    }

    /// Which template probably drew a link found on `pages`.
    fn template_hint(&self, pages: &BTreeSet<usize>) -> String {
        let dir = self.origins.templates_dir();
        let templates: BTreeSet<&str> = pages
            .iter()
            .filter_map(|&p| self.origins.get(&self.scan.pages[p]))
            .map(|origin| origin.template)
            .collect();
        let n = pages.len();
        let on = if n == 1 {
            String::from("this page is")
        } else {
            format!("found on {n} pages,")
        };
        match templates.len() {
            0 => format!(
                "{} the link comes from the theme's templates ({dir})",
                if n == 1 {
                    String::from("it is not a page the site draws;")
                } else {
                    format!("found on {n} pages;")
                }
            ),
            1 => {
                let template = templates.first().copied().unwrap_or_default();
                let all = if n == 1 { "" } else { " all" };
                format!(
                    "{on}{all} drawn by {dir}{template}: the link comes from it or from a template it extends or includes"
                )
            }
            k => {
                let mut names: Vec<&str> = templates.iter().copied().take(3).collect();
                if k > 3 {
                    names.push("…");
                }
                format!(
                    "found on {n} pages drawn by {k} templates ({}): the link comes from a template they share, such as base.html or one of partials/",
                    names.join(", ")
                )
            }
        }
    }
}

/// Rendered pages read back for quoting, each at most once.
#[derive(Default)]
struct PageFiles {
    read: HashMap<usize, Option<Arc<SourceFile>>>,
}

impl PageFiles {
    fn get(&mut self, reporter: &Reporter, page: usize) -> Option<Arc<SourceFile>> {
        self.read
            .entry(page)
            .or_insert_with(|| {
                let relative = &reporter.scan.pages[page];
                let bytes = std::fs::read(reporter.dir.join(relative)).ok()?;
                Some(SourceFile::new(
                    reporter.shown.join(relative),
                    String::from_utf8_lossy(&bytes).into_owned(),
                ))
            })
            .clone()
    }
}
