//! Every internal link and `#anchor` of a folder of HTML pages, Atom feeds and sitemaps
//! resolves.
//!
//! The checker works on files, not on the site model, so it checks exactly what is published,
//! whoever wrote the folder (`marsad check` renders into a temporary one; `--built` names an
//! existing one). It runs in two passes so that memory does not grow with the site: pages are
//! scanned in parallel, each read, parsed and dropped, keeping only its ids and the
//! `#fragment`s it asks of other pages; then those fragments are looked up.
//!
//! A link is internal when it is relative, root-relative, or absolute under the site's base
//! URL. It resolves when its file exists (`/x/` → `x/index.html`, percent-decoded; `/x`
//! when `x/index.html` exists, as servers redirect) and its `#fragment`, if any, is an `id`
//! (or an `<a name>`) of the target page. `#` alone and `#top` always resolve.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use super::html::{self, RawLink};
use crate::diagnostics::Diagnostic;

/// The site's base URL, split the ways links are compared with it.
#[derive(Debug, Clone)]
pub struct Base {
    /// `https://example.org/folder` (no trailing slash).
    origin_and_prefix: String,
    /// `//example.org/folder`, for scheme-relative links.
    scheme_relative: String,
    /// `/folder`, or empty for a site at the root of its domain.
    prefix: String,
}

impl Base {
    /// Splits `base_url` (`https://example.org/` or `https://example.org/folder/`).
    pub fn new(base_url: &str) -> Self {
        let origin_and_prefix = base_url.trim_end_matches('/').to_owned();
        let after_scheme = origin_and_prefix
            .split_once("://")
            .map_or(origin_and_prefix.as_str(), |(_, rest)| rest);
        let prefix = after_scheme
            .find('/')
            .map_or("", |i| &after_scheme[i..])
            .to_owned();
        Base {
            scheme_relative: format!("//{after_scheme}"),
            origin_and_prefix,
            prefix,
        }
    }

    /// The path of the site's folder (`/folder`, or empty).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// What a URL found in a page points to.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A path of the site (`/fr/regions/`, decoded, without the base URL's folder) and its
    /// fragment.
    Internal {
        path: String,
        fragment: Option<String>,
    },
    /// A root-relative path outside the base URL's folder.
    Outside,
    /// An http(s) URL elsewhere.
    External(String),
    /// `mailto:`, `tel:`, `data:`, an empty value…
    Ignored,
}

/// Why a link does not resolve.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Problem {
    /// No file at the path: `expected` is the file looked for, relative to the output.
    NoFile {
        /// E.g. `fr/nowhere/index.html`.
        expected: String,
    },
    /// The target page has no element with this id.
    NoAnchor {
        /// Index of the target page.
        target: usize,
        /// The fragment, decoded.
        fragment: String,
    },
    /// A root-relative link that leaves the base URL's folder.
    Outside,
}

/// A link that does not resolve, where it was found.
#[derive(Debug, Clone)]
pub struct Broken {
    /// Index of the page holding it.
    pub page: usize,
    /// The link.
    pub link: RawLink,
    /// What is wrong.
    pub problem: Problem,
}

/// An external link, where it was first found and on how many pages.
#[derive(Debug, Clone)]
pub struct External {
    /// The URL.
    pub url: String,
    /// The first page (in path order) holding it, and the link there.
    pub first: (usize, RawLink),
    /// How many pages hold it.
    pub pages: usize,
}

/// Everything found in an output folder.
#[derive(Debug, Default)]
pub struct Scan {
    /// The HTML pages, relative to the folder, `/`-separated, sorted.
    pub pages: Vec<String>,
    /// The ids of each page.
    pub ids: Vec<HashSet<String>>,
    /// Internal links checked (every occurrence).
    pub links: usize,
    /// Links that do not resolve.
    pub broken: Vec<Broken>,
    /// External links, when asked for.
    pub external: Vec<External>,
    /// Pages or folders that could not be read.
    pub unreadable: Vec<Diagnostic>,
}

/// What one page yields in the first pass.
#[derive(Debug, Default)]
struct PageScan {
    ids: HashSet<String>,
    links: usize,
    broken: Vec<Broken>,
    /// `(target page, fragment, link)` to look up once every page's ids are known.
    pending: Vec<(usize, String, RawLink)>,
    external: Vec<(String, RawLink)>,
    unreadable: Option<Diagnostic>,
}

/// Scans every HTML page under `dir` and checks its links; `shown` is how `dir` is named in
/// diagnostics. External links are collected only when `collect_external` is set.
pub fn scan(dir: &Path, shown: &Path, base: &Base, collect_external: bool) -> Scan {
    let mut scan = Scan::default();
    let mut files = Vec::new();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
            Ok(_) => {}
            Err(error) => scan.unreadable.push(
                Diagnostic::error(format!("cannot read the output folder: {error}"))
                    .in_file(error.path().map_or(shown, |p| p).to_path_buf()),
            ),
        }
    }
    files.sort();
    let pages: Vec<String> = files
        .iter()
        .filter(|f| f.ends_with(".html") || f.ends_with(".xml"))
        .cloned()
        .collect();
    let page_index: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let output = Output {
        dir,
        shown,
        base,
        files: files.iter().map(String::as_str).collect(),
        page_index,
        collect_external,
    };
    let scanned: Vec<PageScan> = pages
        .par_iter()
        .enumerate()
        .map(|(index, page)| output.scan_page(index, page))
        .collect();

    let mut pending = Vec::new();
    let mut external: HashMap<String, External> = HashMap::new();
    for (page, page_scan) in scanned.into_iter().enumerate() {
        scan.ids.push(page_scan.ids);
        scan.links += page_scan.links;
        scan.broken.extend(page_scan.broken);
        scan.unreadable.extend(page_scan.unreadable);
        pending.extend(
            page_scan
                .pending
                .into_iter()
                .map(|(target, fragment, link)| (page, target, fragment, link)),
        );
        let mut seen_here = HashSet::new();
        for (url, link) in page_scan.external {
            if !seen_here.insert(url.clone()) {
                continue;
            }
            external
                .entry(url.clone())
                .and_modify(|e| e.pages += 1)
                .or_insert(External {
                    url,
                    first: (page, link),
                    pages: 1,
                });
        }
    }
    for (page, target, fragment, link) in pending {
        if !scan.ids[target].contains(&fragment) {
            scan.broken.push(Broken {
                page,
                link,
                problem: Problem::NoAnchor { target, fragment },
            });
        }
    }
    scan.broken.sort_by_key(|b| (b.page, b.link.span.start));
    let mut external: Vec<External> = external.into_values().collect();
    external.sort_by(|a, b| a.url.cmp(&b.url));
    scan.external = external;
    scan.pages = pages;
    scan
}

/// The output folder, shared by the page scans.
struct Output<'a> {
    dir: &'a Path,
    shown: &'a Path,
    base: &'a Base,
    files: HashSet<&'a str>,
    page_index: HashMap<&'a str, usize>,
    collect_external: bool,
}

impl Output<'_> {
    fn scan_page(&self, index: usize, page: &str) -> PageScan {
        let mut result = PageScan::default();
        let parse = if page.ends_with(".xml") {
            super::xml::scan
        } else {
            html::scan
        };
        let scanned = std::fs::read(self.dir.join(page))
            .map_err(|error| error.to_string())
            .and_then(|bytes| parse(&bytes));
        let scanned = match scanned {
            Ok(scanned) => scanned,
            Err(error) => {
                result.unreadable = Some(
                    Diagnostic::error(format!("cannot read this page: {error}"))
                        .in_file(self.shown.join(page)),
                );
                return result;
            }
        };
        let mut asked = HashSet::new();
        let mut same_page = Vec::new();
        for link in scanned.links {
            let (path, fragment) = match classify(&link.value, page, self.base) {
                Target::Internal { path, fragment } => (path, fragment),
                Target::Outside => {
                    result.links += 1;
                    result.broken.push(Broken {
                        page: index,
                        link,
                        problem: Problem::Outside,
                    });
                    continue;
                }
                Target::External(url) => {
                    if self.collect_external {
                        result.external.push((url, link));
                    }
                    continue;
                }
                Target::Ignored => continue,
            };
            result.links += 1;
            let Some(file) = self.resolve(&path) else {
                result.broken.push(Broken {
                    page: index,
                    problem: Problem::NoFile {
                        expected: expected_file(&path),
                    },
                    link,
                });
                continue;
            };
            let Some(fragment) = fragment.filter(|f| !f.is_empty() && f != "top") else {
                continue;
            };
            let Some(&target) = self.page_index.get(file.as_str()) else {
                continue;
            };
            if target == index {
                same_page.push((fragment, link));
            } else if asked.insert((target, fragment.clone())) {
                result.pending.push((target, fragment, link));
            }
        }
        for (fragment, link) in same_page {
            if !scanned.ids.contains(&fragment) {
                result.broken.push(Broken {
                    page: index,
                    link,
                    problem: Problem::NoAnchor {
                        target: index,
                        fragment,
                    },
                });
            }
        }
        result.ids = scanned.ids;
        result
    }

    /// The output file a site path leads to, if it exists.
    fn resolve(&self, path: &str) -> Option<String> {
        let relative = path.trim_start_matches('/');
        if relative.is_empty() || relative.ends_with('/') {
            let file = format!("{relative}index.html");
            return self.files.contains(file.as_str()).then_some(file);
        }
        if self.files.contains(relative) {
            return Some(relative.to_owned());
        }
        let index = format!("{relative}/index.html");
        self.files.contains(index.as_str()).then_some(index)
    }
}

/// The file a site path is expected at, for messages.
fn expected_file(path: &str) -> String {
    let relative = path.trim_start_matches('/');
    if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_owned()
    }
}

/// The site path of an output page (`fr/x/index.html` → `/fr/x/`).
pub fn site_path(page: &str) -> String {
    let path = format!("/{page}");
    match path.strip_suffix("index.html") {
        Some(folder) => folder.to_owned(),
        None => path,
    }
}

/// What a URL found in `page` (an output file) points to.
fn classify(value: &str, page: &str, base: &Base) -> Target {
    let value = value.trim();
    if value.is_empty() {
        return Target::Ignored;
    }
    let here = site_path(page);
    let within_site = if value.starts_with('#') {
        Some(format!("{here}{value}"))
    } else if let Some(rest) = value.strip_prefix("//") {
        match strip_base(value, &base.scheme_relative) {
            Some(rest) => Some(rest),
            None => return Target::External(format!("https://{rest}")),
        }
    } else if value.starts_with('/') {
        if base.prefix.is_empty() {
            Some(value.to_owned())
        } else {
            match strip_base(value, &base.prefix) {
                Some(rest) => Some(rest),
                None => return Target::Outside,
            }
        }
    } else if let Some(scheme) = scheme(value) {
        if !matches!(scheme.as_str(), "http" | "https") {
            return Target::Ignored;
        }
        match strip_base(value, &base.origin_and_prefix) {
            Some(rest) => Some(rest),
            None => return Target::External(value.to_owned()),
        }
    } else {
        None
    };
    let url = match within_site {
        Some(url) => url,
        None => {
            let folder = &here[..here.rfind('/').map_or(0, |i| i + 1)];
            join(folder, value)
        }
    };
    let (path, fragment) = match url.split_once('#') {
        Some((path, fragment)) => (path, Some(decode(fragment))),
        None => (url.as_str(), None),
    };
    let path = path.split('?').next().unwrap_or_default();
    Target::Internal {
        path: decode(path),
        fragment,
    }
}

/// `value` without `base` in front, when it is under it: the rest starts with `/`, or is
/// empty (the base itself, `/`), or is a query or fragment of the base.
fn strip_base(value: &str, base: &str) -> Option<String> {
    let rest = value
        .get(..base.len())
        .filter(|head| head.eq_ignore_ascii_case(base))?;
    let rest = &value[rest.len()..];
    match rest.chars().next() {
        None => Some(String::from("/")),
        Some('/') => Some(rest.to_owned()),
        Some('#' | '?') => Some(format!("/{rest}")),
        Some(_) => None,
    }
}

/// The lowercased scheme of an absolute URL (`https`, `mailto`), if it has one.
fn scheme(value: &str) -> Option<String> {
    let colon = value.find(':')?;
    let scheme = &value[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// Resolves a relative URL against a folder path (`/fr/regions/`), handling `.` and `..`.
fn join(folder: &str, relative: &str) -> String {
    let (path, suffix) = match relative.find(['?', '#']) {
        Some(at) => (&relative[..at], &relative[at..]),
        None => (relative, ""),
    };
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = path.split('/').collect();
    for part in &parts {
        match *part {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    let ends_in_folder =
        path.is_empty() || path.ends_with('/') || matches!(parts.last(), Some(&"." | &".."));
    let mut joined = format!("/{}", segments.join("/"));
    if ends_in_folder && !joined.ends_with('/') {
        joined.push('/');
    }
    joined + suffix
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal(path: &str, fragment: Option<&str>) -> Target {
        Target::Internal {
            path: path.to_owned(),
            fragment: fragment.map(str::to_owned),
        }
    }

    #[test]
    fn classifies_links_of_a_root_site() {
        let base = Base::new("https://example.org/");
        let page = "fr/regions/north/index.html";
        let c = |v| classify(v, page, &base);
        assert_eq!(c("/fr/x/#a"), internal("/fr/x/", Some("a")));
        assert_eq!(c("#main"), internal("/fr/regions/north/", Some("main")));
        assert_eq!(c("../south/"), internal("/fr/regions/south/", None));
        assert_eq!(
            c("img.png?v=2"),
            internal("/fr/regions/north/img.png", None)
        );
        assert_eq!(c("https://example.org/ar/"), internal("/ar/", None));
        assert_eq!(c("https://EXAMPLE.org"), internal("/", None));
        assert_eq!(c("//example.org/a"), internal("/a", None));
        assert_eq!(c("/fr/r%C3%A9gion/"), internal("/fr/région/", None));
        assert_eq!(
            c("https://example.org.evil/x"),
            Target::External("https://example.org.evil/x".into())
        );
        assert_eq!(
            c("//cdn.example/x"),
            Target::External("https://cdn.example/x".into())
        );
        assert_eq!(c("mailto:a@b.c"), Target::Ignored);
        assert_eq!(c(""), Target::Ignored);
    }

    #[test]
    fn classifies_links_of_a_site_in_a_folder() {
        let base = Base::new("https://example.org/marsad/");
        let page = "fr/404.html";
        let c = |v| classify(v, page, &base);
        assert_eq!(c("/marsad/fr/"), internal("/fr/", None));
        assert_eq!(c("/fr/"), Target::Outside);
        assert_eq!(c("/marsadx/"), Target::Outside);
        assert_eq!(c("https://example.org/marsad/ar/"), internal("/ar/", None));
        assert_eq!(
            c("https://example.org/other/"),
            Target::External("https://example.org/other/".into())
        );
        assert_eq!(c("./"), internal("/fr/", None));
        assert_eq!(c(".."), internal("/", None));
    }

    #[test]
    fn site_paths_of_output_files() {
        assert_eq!(site_path("index.html"), "/");
        assert_eq!(site_path("fr/x/index.html"), "/fr/x/");
        assert_eq!(site_path("fr/404.html"), "/fr/404.html");
    }
}
