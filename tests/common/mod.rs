//! Helpers for integration tests: fixture sites in temporary folders, builds, and parsed
//! output.
#![allow(dead_code)]

pub mod serving;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use marsad::{BuildError, BuildOptions, BuildReport};
use scraper::{Html, Selector};
use tempfile::TempDir;
use walkdir::WalkDir;

/// Runs the `marsad build` command on the site at `root` into `output`, with `extra`
/// arguments, and checks it succeeded.
pub fn marsad_build(root: &Path, output: &Path, extra: &[&str]) -> std::process::Output {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_marsad"))
        .arg("build")
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(output)
        .args(extra)
        .output()
        .expect("marsad runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The repository root (where Cargo.toml is).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/<name>` into a temporary folder, with the repository's real theme
/// and interface strings, so tests exercise what the site ships.
pub fn fixture(name: &str) -> TempDir {
    let temp = tempfile::tempdir().expect("temporary folder");
    copy_dir(&repo().join("tests/fixtures").join(name), temp.path());
    copy_dir(&repo().join("themes"), &temp.path().join("themes"));
    copy_dir(&repo().join("i18n"), &temp.path().join("i18n"));
    temp
}

/// Copies the repository's own observatory (sources, theme, strings, configuration) into a
/// temporary folder, where it can be built or changed without touching the repository.
pub fn repository_copy() -> TempDir {
    let temp = tempfile::tempdir().expect("temporary folder");
    for dir in ["content", "seeds", "i18n", "themes"] {
        copy_dir(&repo().join(dir), &temp.path().join(dir));
    }
    fs::copy(
        repo().join("observatory.toml"),
        temp.path().join("observatory.toml"),
    )
    .expect("config");
    temp
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.expect("readable fixture");
        let target = to.join(entry.path().strip_prefix(from).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Builds the site at `root` into `root/public`.
pub fn build(root: &Path) -> Result<BuildReport, BuildError> {
    marsad::build(&BuildOptions::new(root))
}

/// Builds and panics with the diagnostics if the build fails.
pub fn build_ok(root: &Path) -> BuildReport {
    match build(root) {
        Ok(report) => report,
        Err(BuildError::Invalid(diagnostics)) => {
            let text: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("build failed:\n{}", text.join("\n"))
        }
        Err(error) => panic!("build failed: {error}"),
    }
}

/// The build's errors as text (warnings left out), or a panic if it succeeded.
pub fn build_errors(root: &Path) -> Vec<String> {
    match build(root) {
        Ok(_) => panic!("the build succeeded but should have failed"),
        Err(BuildError::Invalid(diagnostics)) => diagnostics
            .sorted()
            .iter()
            .map(ToString::to_string)
            .filter(|text| !text.starts_with("warning"))
            .collect(),
        Err(error) => vec![error.to_string()],
    }
}

/// Like [`snapshot`], without the search index, which `serve` makes at full builds only (see
/// `rebuild::full_build`): what an incremental rebuild must match byte for byte.
pub fn snapshot_without_search(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = snapshot(dir);
    files.retain(|path, _| !path.starts_with(marsad::search::BUNDLE_DIR));
    files
}

/// Every file under a folder, relative path → bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).expect("inside").to_path_buf();
            (relative, fs::read(e.path()).expect("readable"))
        })
        .collect()
}

/// A built site's pages, parsed.
pub struct Output {
    /// The output folder.
    pub dir: PathBuf,
    /// Site path (`/fr/regions/`) → parsed page.
    pub pages: BTreeMap<String, Html>,
}

impl Output {
    /// Parses every HTML file under `dir`.
    pub fn read(dir: &Path) -> Output {
        let mut pages = BTreeMap::new();
        for entry in WalkDir::new(dir).into_iter().filter_map(Result::ok) {
            if entry.path().extension().and_then(|e| e.to_str()) != Some("html") {
                continue;
            }
            let relative = entry.path().strip_prefix(dir).expect("inside");
            let mut path = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
            if path.ends_with("/index.html") {
                path.truncate(path.len() - "index.html".len());
            }
            let text = fs::read_to_string(entry.path()).expect("UTF-8 page");
            pages.insert(path, Html::parse_document(&text));
        }
        Output {
            dir: dir.to_path_buf(),
            pages,
        }
    }

    /// A page by site path.
    pub fn page(&self, path: &str) -> &Html {
        self.pages.get(path).unwrap_or_else(|| {
            panic!(
                "no page at {path}; pages: {:?}",
                self.pages.keys().collect::<Vec<_>>()
            )
        })
    }
}

impl Output {
    /// Checks that every link, stylesheet, script and image of every page leads to a file of
    /// the output, and every `#fragment` to an element with that id. Returns how many were
    /// checked.
    pub fn assert_links_resolve(&self, base: &str) -> usize {
        let mut checked = 0;
        for (page_path, html) in &self.pages {
            for element in select(html, "a[href], link[href], script[src], img[src]") {
                let value = element.value();
                let href = value
                    .attr("href")
                    .or_else(|| value.attr("src"))
                    .unwrap_or_default();
                if let Some(fragment) = href.strip_prefix('#') {
                    let fragment = decode(fragment);
                    assert!(
                        ids(html).contains(&fragment),
                        "{page_path}: no #{fragment} on the page"
                    );
                    checked += 1;
                    continue;
                }
                let Some((path, fragment)) = internal(href, base) else {
                    continue;
                };
                let file = if path.ends_with('/') {
                    self.dir
                        .join(path.trim_start_matches('/'))
                        .join("index.html")
                } else {
                    self.dir.join(path.trim_start_matches('/'))
                };
                assert!(
                    file.is_file(),
                    "{page_path}: {href} leads to no file ({})",
                    file.display()
                );
                if let Some(fragment) = fragment {
                    let fragment = decode(&fragment);
                    assert!(
                        ids(self.page(&path)).contains(&fragment),
                        "{page_path}: {href} has no #{fragment} at {path}"
                    );
                }
                checked += 1;
            }
        }
        checked
    }
}

/// Splits a link within the site (root-relative, or absolute under `base`) into its site
/// path and fragment; `None` for links elsewhere.
pub fn internal(href: &str, base: &str) -> Option<(String, Option<String>)> {
    let path = match href.strip_prefix(base) {
        Some(rest) => rest.to_owned(),
        None if href.starts_with('/') => href.to_owned(),
        None => return None,
    };
    match path.split_once('#') {
        Some((path, fragment)) => Some((path.to_owned(), Some(fragment.to_owned()))),
        None => Some((path, None)),
    }
}

fn ids(html: &Html) -> std::collections::BTreeSet<String> {
    select(html, "[id]")
        .iter()
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect()
}

fn decode(fragment: &str) -> String {
    percent_encoding::percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned()
}

/// All matches of a CSS selector.
pub fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("valid selector");
    html.select(&selector).collect()
}

/// The text of the first match, whitespace-normalised.
pub fn text(html: &Html, selector: &str) -> String {
    select(html, selector)
        .first()
        .map(|e| normalise(&e.text().collect::<String>()))
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Collapses runs of white space.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An attribute of the first match.
pub fn attr(html: &Html, selector: &str, name: &str) -> Option<String> {
    select(html, selector)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_owned)
}

/// The hrefs of the links inside the `<section>` whose heading has id `heading_id`.
pub fn section_links(html: &Html, heading_id: &str) -> Vec<String> {
    let selector = format!(
        "section[aria-labelledby=\"{heading_id}\"] h3 a, section[aria-labelledby=\"{heading_id}\"] ul.links a"
    );
    let mut links: Vec<String> = select(html, &selector)
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    links.sort();
    links
}
