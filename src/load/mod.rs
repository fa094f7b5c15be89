//! Stage 1, **load**: read every file of the site and parse it into typed values.
//!
//! Walks `content/`, `seeds/`, `i18n/` and the theme, reads files in parallel, and parses
//! front matter and fact sheets with strict schemas. Nothing here knows about other files:
//! whether a referenced region exists is the link stage's question. Every problem becomes a
//! diagnostic and loading goes on, so one run reports all of them.

pub mod css;
pub mod date;
pub mod front_matter;
pub mod schema;
pub mod toml_file;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, SourceFile, escape_controls};
use crate::i18n::Messages;
use schema::{
    ArticleFrontMatter, EventSheet, MouSheet, PageFrontMatter, PartnerSheet, ProgrammeSheet,
    RegionSheet, SourceSheet,
};

/// A fact sheet: its slug (the file name), its file and its parsed data.
#[derive(Debug)]
pub struct Sheet<T> {
    /// The slug, taken from the file name.
    pub slug: String,
    /// The file, kept for diagnostics.
    pub file: Arc<SourceFile>,
    /// The parsed data.
    pub data: T,
}

/// One language version of a Markdown document: `<slug>.<lang>.md` with front matter `F`.
#[derive(Debug)]
pub struct Document<F> {
    /// The slug shared by all translations.
    pub slug: String,
    /// Language code from the file name.
    pub lang: String,
    /// The file.
    pub file: Arc<SourceFile>,
    /// Parsed front matter.
    pub front: F,
    /// Byte offset of the front matter's TOML within the file.
    pub front_matter_offset: usize,
    /// Byte range of the Markdown body within the file.
    pub body: std::ops::Range<usize>,
}

/// One language version of an article: `content/articles/<slug>.<lang>.md`.
pub type ArticleFile = Document<ArticleFrontMatter>;

/// One language version of a standalone page: `content/pages/<slug>.<lang>.md`.
pub type PageFile = Document<PageFrontMatter>;

impl<F> Document<F> {
    /// The Markdown text of the body.
    pub fn body_text(&self) -> &str {
        &self.file.text[self.body.clone()]
    }
}

/// A template of the theme.
#[derive(Debug, Clone)]
pub struct Template {
    /// Name relative to the theme's `templates/` folder, e.g. `region.html`.
    pub name: String,
    /// The file.
    pub file: Arc<SourceFile>,
}

/// A static file of the theme, published under a name that carries a hash of its content
/// (`style.css` → `style.3f9a1c2b7d.css`), so it can be cached forever: a change makes a new
/// name, and every page links the new one. Stylesheets are published with their `url()`s
/// naming the other files' published names ([`css`]), and hashed as published.
#[derive(Clone)]
pub struct Asset {
    /// Path relative to the theme's `static/` folder.
    pub relative: PathBuf,
    /// Where it is on disk.
    pub absolute: PathBuf,
    /// Path relative to the output's `assets/` folder, with the content hash.
    pub published: PathBuf,
    /// What to publish when it is not the file as it is on disk: a stylesheet whose
    /// references to other theme files were rewritten.
    pub rewritten: Option<Arc<str>>,
}

impl std::fmt::Debug for Asset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Asset")
            .field("relative", &self.relative)
            .field("published", &self.published)
            .field("rewritten", &self.rewritten.is_some())
            .finish_non_exhaustive()
    }
}

/// `name.ext` → `name.<hash>.ext`, with the first 10 hex digits of the content's SHA-256.
pub fn fingerprinted(relative: &Path, bytes: &[u8]) -> PathBuf {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let hash: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match relative.extension() {
        Some(ext) => format!("{stem}.{hash}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{hash}"),
    };
    relative.with_file_name(name)
}

/// Everything read from disk, parsed but not yet cross-checked.
#[derive(Debug)]
pub struct Loaded {
    /// The site root.
    pub root: PathBuf,
    /// `observatory.toml`.
    pub config: Config,
    /// Every article file.
    pub articles: Vec<ArticleFile>,
    /// Every standalone page file.
    pub pages: Vec<PageFile>,
    /// Partner fact sheets.
    pub partners: Vec<Sheet<PartnerSheet>>,
    /// Region fact sheets.
    pub regions: Vec<Sheet<RegionSheet>>,
    /// Agreement fact sheets.
    pub mous: Vec<Sheet<MouSheet>>,
    /// Programme fact sheets.
    pub programmes: Vec<Sheet<ProgrammeSheet>>,
    /// Event fact sheets.
    pub events: Vec<Sheet<EventSheet>>,
    /// The source register.
    pub sources: Vec<Sheet<SourceSheet>>,
    /// Interface strings, one bundle per language (shared with the template engine).
    pub messages: Arc<Messages>,
    /// The theme's templates.
    pub templates: Vec<Template>,
    /// The theme's static files.
    pub assets: Vec<Asset>,
    /// Problems found while loading. Loading goes on past them so that the link stage can
    /// report its own problems in the same run.
    pub problems: Diagnostics,
    /// Files that could not be parsed, as `(kind, slug)` with the kind as `@/` links name it
    /// (`partners`, `sources`, …): references to them are not reported again as unknown.
    pub broken: HashSet<(String, String)>,
}

/// Content folders and what they hold.
const CONTENT_DIRS: &[&str] = &[
    "articles",
    "pages",
    "partners",
    "regions",
    "mous",
    "programmes",
    "events",
];

/// Reads and parses the site under `root`, keeping what parsed and the problems of the rest.
pub fn load(root: &Path, config: Config) -> Loaded {
    let mut problems = Diagnostics::new();
    let mut broken = HashSet::new();
    let files = list_files(root, &config, &mut problems);

    let read: Vec<(Kind, PathBuf, Result<Arc<SourceFile>, Diagnostic>)> = files
        .into_par_iter()
        .map(|(kind, path)| {
            let file = read_source(root, &path);
            (kind, path, file)
        })
        .collect();
    let mut by_kind: Vec<(Kind, Arc<SourceFile>)> = Vec::with_capacity(read.len());
    for (kind, path, result) in read {
        match result {
            Ok(file) => by_kind.push((kind, file)),
            Err(diagnostic) => {
                problems.push(diagnostic);
                broken.insert((kind.segment().to_owned(), stem(&path).to_owned()));
            }
        }
    }

    let of = |kind: Kind| -> Vec<Arc<SourceFile>> {
        by_kind
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, f)| Arc::clone(f))
            .collect()
    };
    let codes: Vec<&str> = config.language_codes().collect();

    let articles = load_documents(
        Kind::Article,
        of(Kind::Article),
        &codes,
        &mut problems,
        &mut broken,
    );
    let pages = load_documents(
        Kind::Page,
        of(Kind::Page),
        &codes,
        &mut problems,
        &mut broken,
    );
    let partners = load_sheets(Kind::Partner, of(Kind::Partner), &mut problems, &mut broken);
    let regions = load_sheets(Kind::Region, of(Kind::Region), &mut problems, &mut broken);
    let mous = load_sheets(Kind::Mou, of(Kind::Mou), &mut problems, &mut broken);
    let programmes = load_sheets(
        Kind::Programme,
        of(Kind::Programme),
        &mut problems,
        &mut broken,
    );
    let events = load_sheets(Kind::Event, of(Kind::Event), &mut problems, &mut broken);
    let sources = load_sheets(Kind::Source, of(Kind::Source), &mut problems, &mut broken);
    let messages = Arc::new(Messages::load(&config, of(Kind::Messages), &mut problems));
    let templates = of(Kind::Template)
        .into_iter()
        .map(|file| Template {
            name: template_name(root, &config, &file.path),
            file,
        })
        .collect();
    let assets = list_assets(root, &config, &mut problems);

    Loaded {
        root: root.to_path_buf(),
        config,
        articles,
        pages,
        partners,
        regions,
        mous,
        programmes,
        events,
        sources,
        messages,
        templates,
        assets,
        problems,
        broken,
    }
}

/// What a file is, decided by where it lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    Page,
    Partner,
    Region,
    Mou,
    Programme,
    Event,
    Source,
    Messages,
    Template,
}

impl Kind {
    /// The word that names the kind in `@/` links and URLs (`partners`, `sources`, …).
    fn segment(self) -> &'static str {
        match self {
            Kind::Article => "articles",
            Kind::Page => "pages",
            Kind::Partner => "partners",
            Kind::Region => "regions",
            Kind::Mou => "mous",
            Kind::Programme => "programmes",
            Kind::Event => "events",
            Kind::Source => "sources",
            Kind::Messages => "i18n",
            Kind::Template => "themes",
        }
    }
}

/// Reads and parses one article file: `serve` re-reads only the files that changed.
pub fn load_article(
    root: &Path,
    path: &Path,
    languages: &[&str],
) -> Result<ArticleFile, Diagnostic> {
    let file = read_source(root, path)?;
    parse_document(&file, languages)
}

/// A file's name without its extension (the slug of a fact sheet, `slug.lang` of an article).
fn stem(path: &Path) -> &str {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
}

/// Parses the fact sheets of one kind, remembering which failed.
fn load_sheets<T: DeserializeOwned + Send>(
    kind: Kind,
    files: Vec<Arc<SourceFile>>,
    problems: &mut Diagnostics,
    broken: &mut HashSet<(String, String)>,
) -> Vec<Sheet<T>> {
    let (parsed, failed) = collect(problems, files, parse_sheet);
    broken.extend(
        failed
            .into_iter()
            .map(|slug| (kind.segment().to_owned(), slug)),
    );
    parsed
}

/// Parses the Markdown documents of one kind (`<slug>.<lang>.md`), remembering which failed.
fn load_documents<F: DeserializeOwned + Send>(
    kind: Kind,
    files: Vec<Arc<SourceFile>>,
    languages: &[&str],
    problems: &mut Diagnostics,
    broken: &mut HashSet<(String, String)>,
) -> Vec<Document<F>> {
    let (parsed, failed) = collect(problems, files, |f| parse_document(f, languages));
    // `slug.lang` → `slug`: links to a document whose file is broken are not reported again.
    broken.extend(failed.iter().map(|stem| {
        let slug = stem
            .rsplit_once('.')
            .map_or(stem.as_str(), |(slug, _)| slug);
        (kind.segment().to_owned(), slug.to_owned())
    }));
    parsed
}

/// Parses files in parallel; returns what parsed and the slugs (file stems) of what did not.
fn collect<T: Send>(
    problems: &mut Diagnostics,
    files: Vec<Arc<SourceFile>>,
    parse: impl Fn(&Arc<SourceFile>) -> Result<T, Diagnostic> + Sync + Send,
) -> (Vec<T>, Vec<String>) {
    let results: Vec<Result<T, Diagnostic>> = files.par_iter().map(parse).collect();
    let mut parsed = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for (result, file) in results.into_iter().zip(&files) {
        match result {
            Ok(value) => parsed.push(value),
            Err(diagnostic) => {
                problems.push(diagnostic);
                failed.push(stem(&file.path).to_owned());
            }
        }
    }
    (parsed, failed)
}

/// Lists the files to read, reporting files that sit where nothing is expected.
fn list_files(root: &Path, config: &Config, problems: &mut Diagnostics) -> Vec<(Kind, PathBuf)> {
    let mut files = Vec::new();
    let content = root.join("content");
    for dir in CONTENT_DIRS {
        let kind = match *dir {
            "articles" => Kind::Article,
            "pages" => Kind::Page,
            "partners" => Kind::Partner,
            "regions" => Kind::Region,
            "mous" => Kind::Mou,
            "events" => Kind::Event,
            _ => Kind::Programme,
        };
        let extension = if matches!(kind, Kind::Article | Kind::Page) {
            "md"
        } else {
            "toml"
        };
        walk(
            root,
            &content.join(dir),
            extension,
            kind,
            &mut files,
            problems,
        );
    }
    report_unknown_content_dirs(root, &content, problems);
    walk(
        root,
        &root.join("seeds"),
        "toml",
        Kind::Source,
        &mut files,
        problems,
    );
    walk(
        root,
        &root.join("i18n"),
        "ftl",
        Kind::Messages,
        &mut files,
        problems,
    );
    let templates = theme_template_paths(root, config, problems);
    files.extend(templates.into_iter().map(|path| (Kind::Template, path)));
    files
}

fn walk(
    root: &Path,
    dir: &Path,
    extension: &str,
    kind: Kind,
    files: &mut Vec<(Kind, PathBuf)>,
    problems: &mut Diagnostics,
) {
    if !dir.exists() {
        return;
    }
    // With each entry, whether it is a symbolic link: the folder listing says so, where
    // asking the file system for each of 20,000 articles took a tenth of a second.
    let mut entries: Vec<(PathBuf, bool)> = Vec::new();
    // Siblings share their folder's path, so comparing their paths' bytes compares their
    // names: without `sort_by_file_name`'s parsing of both names at each of the 300,000
    // comparisons that 20,000 articles take (a hundredth of a build's instructions).
    let walker = WalkDir::new(dir)
        .follow_links(false)
        .sort_by(|a, b| a.path().as_os_str().cmp(b.path().as_os_str()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_dir() => {}
            Ok(entry) if is_ignored(entry.path()) => {}
            Ok(entry) => {
                let is_symlink = entry.path_is_symlink();
                entries.push((entry.into_path(), is_symlink));
            }
            Err(error) => problems.push(walk_error(root, &error)),
        }
    }
    for (path, is_symlink) in entries {
        if is_symlink && path.is_dir() {
            // Not followed: a link to a folder could lead out of the site or back into itself.
            problems.push(
                Diagnostic::error("a symbolic link to a folder: the build does not follow them")
                    .in_file(display(root, &path))
                    .hint(format!(
                        "move the files themselves into {}, or delete the link",
                        display(root, dir).display()
                    )),
            );
        } else if path.extension().and_then(|e| e.to_str()) == Some(extension) {
            files.push((kind, path));
        } else {
            problems.push(
                Diagnostic::error(format!(
                    "unexpected file: only .{extension} files belong in {}",
                    display(root, dir).display()
                ))
                .in_file(display(root, &path))
                .hint("move or delete it (files starting with a dot or ending in ~ are ignored)"),
            );
        }
    }
}

fn walk_error(root: &Path, error: &walkdir::Error) -> Diagnostic {
    let path = error.path().map(|p| display(root, p)).unwrap_or_default();
    Diagnostic::error(format!("cannot read this folder: {error}"))
        .in_file(path)
        .hint("check that the folder exists and that you may read it")
}

fn report_unknown_content_dirs(root: &Path, content: &Path, problems: &mut Diagnostics) {
    let Ok(entries) = std::fs::read_dir(content) else {
        return;
    };
    let mut names: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    names.sort();
    for path in names {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if is_ignored(&path) || CONTENT_DIRS.contains(&name) {
            continue;
        }
        let suggestion = crate::diagnostics::did_you_mean(name, CONTENT_DIRS.iter().copied());
        let hint = match suggestion {
            Some(close) => format!("did you mean content/{close}/?"),
            None => format!(
                "content/ holds only these folders: {}",
                CONTENT_DIRS.join(", ")
            ),
        };
        problems.push(
            Diagnostic::error("unexpected entry in content/")
                .in_file(display(root, &path))
                .hint(hint),
        );
    }
}

/// Editor backups and hidden files are never content.
fn is_ignored(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

/// The path shown to editors: relative to the site root.
pub fn display(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The largest source file read, in bytes (8 MiB). The longest article of the observatory
/// is a few dozen kilobytes; a file a hundred times longer is a mistake (a pasted data dump, a
/// wrong file), and reading, rendering and indexing it would take the build's memory and time
/// for every page that lists it.
pub const MAX_SOURCE_BYTES: u64 = 8 * 1024 * 1024;

/// Reads a file as UTF-8 text. A byte-order mark is dropped; anything not UTF-8 is an error
/// that points at the first bad byte. The file is first checked by [`check_readable`].
pub fn read_source(root: &Path, path: &Path) -> Result<Arc<SourceFile>, Diagnostic> {
    let shown = display(root, path);
    check_readable(root, path).map_err(|d| d.in_file(&shown))?;
    let bytes = std::fs::read(path).map_err(|error| {
        Diagnostic::error(format!("cannot read this file: {error}"))
            .in_file(&shown)
            .hint("check that the file exists and that you may read it")
    })?;
    decode_source(shown, bytes)
}

/// Refuses what must not be read as a source file, before reading it:
/// - a symbolic link that leads outside the site (it would publish, or quote in a
///   diagnostic, any file of the machine, `/etc/passwd` included), that leads to nothing, or
///   that loops;
/// - anything but a regular file: reading a named pipe waits forever for a writer, and a
///   folder cannot be read;
/// - a file larger than [`MAX_SOURCE_BYTES`].
///
/// The diagnostic has no file yet: the caller names it.
fn check_readable(root: &Path, path: &Path) -> Result<(), Diagnostic> {
    let cannot_read = |error: std::io::Error| {
        Diagnostic::error(format!("cannot read this file: {error}"))
            .hint("check that the file exists and that you may read it")
    };
    // One `lstat` for the usual regular file; links are followed only once checked.
    let mut metadata = std::fs::symlink_metadata(path).map_err(cannot_read)?;
    if metadata.file_type().is_symlink() {
        let target = std::fs::read_link(path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        let shown_target = escape_controls(&target);
        let resolved = match std::fs::canonicalize(path) {
            Ok(resolved) => resolved,
            Err(error) if error.raw_os_error() == Some(libc::ELOOP) => {
                return Err(Diagnostic::error(format!(
                    "this symbolic link loops: it leads back to itself through `{shown_target}`"
                ))
                .hint("replace the link with the file itself, or point it at an existing file of the site"));
            }
            Err(_) => {
                return Err(Diagnostic::error(format!(
                    "this symbolic link leads to nothing: `{shown_target}` does not exist"
                ))
                .hint("delete the link, or point it at an existing file of the site"));
            }
        };
        let inside = std::fs::canonicalize(root).is_ok_and(|root| resolved.starts_with(root));
        if !inside {
            return Err(Diagnostic::error(format!(
                "this symbolic link leads outside the site, to `{shown_target}`"
            ))
            .hint("the build reads only files inside the site folder, so that a link cannot publish another file of the machine: copy the file into the site instead"));
        }
        metadata = std::fs::metadata(path).map_err(cannot_read)?;
    }
    if !metadata.is_file() {
        let what = if metadata.is_dir() {
            "a folder"
        } else {
            "not a regular file (a named pipe, a socket or a device)"
        };
        return Err(
            Diagnostic::error(format!("cannot read this file: it is {what}"))
                .hint("sources are regular files: replace it with one, or delete it"),
        );
    }
    if metadata.len() > MAX_SOURCE_BYTES {
        return Err(Diagnostic::error(format!(
            "this file is too large: {} bytes, and a source file may have at most {MAX_SOURCE_BYTES} (8 MiB)",
            metadata.len()
        ))
        .hint("split it into several articles, or publish large data as a linked file rather than as text of the site"));
    }
    Ok(())
}

/// A file's bytes as UTF-8 text, shown as `shown`; see [`read_source`].
/// Takes the bytes by value: a site's text is read once and kept, not copied.
/// Public for the fuzz targets (`fuzz/`).
pub fn decode_source(shown: PathBuf, mut bytes: Vec<u8>) -> Result<Arc<SourceFile>, Diagnostic> {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // std's check goes byte by byte through Arabic text; simdutf8 checks 32 bytes at a time
    // (a twentieth of a large build's work was here). std's error, with the position of the
    // bad byte, is then made only for a file that is not UTF-8.
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: simdutf8 has just checked that `bytes` is UTF-8.
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(SourceFile::new(shown, text));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown, text)),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let file = SourceFile::new(shown, String::from_utf8_lossy(&bytes).into_owned());
            Err(Diagnostic::error("this file is not valid UTF-8 text")
                .at(&file, valid..valid + 1)
                .label("this byte is not UTF-8")
                .hint("save the file with the UTF-8 encoding (most editors: File › Save with Encoding › UTF-8)"))
        }
    }
}

/// Parses a fact sheet or source already read (public for the fuzz targets, `fuzz/`).
/// The slug of a fact sheet or source: its file name without extension.
pub fn parse_sheet<T: DeserializeOwned>(file: &Arc<SourceFile>) -> Result<Sheet<T>, Diagnostic> {
    let stem = stem(&file.path);
    let slug = check_slug(file, stem)?;
    let data = toml_file::parse(file, 0, &file.text)?;
    Ok(Sheet {
        slug,
        file: Arc::clone(file),
        data,
    })
}

/// Parses an article or page already read: `<slug>.<lang>.md`, front matter, body (public
/// for the fuzz targets, `fuzz/`).
pub fn parse_document<F: DeserializeOwned>(
    file: &Arc<SourceFile>,
    languages: &[&str],
) -> Result<Document<F>, Diagnostic> {
    let stem = stem(&file.path);
    let Some((slug, lang)) = stem.rsplit_once('.') else {
        return Err(
            Diagnostic::error("a Markdown file's name must end in .<language>.md")
                .in_file(&file.path)
                .hint(format!(
                    "rename it to {stem}.{}.md (languages: {})",
                    languages.first().copied().unwrap_or("fr"),
                    languages.join(", ")
                )),
        );
    };
    if !languages.contains(&lang) {
        let hint = match crate::diagnostics::did_you_mean(lang, languages.iter().copied()) {
            Some(close) => format!("did you mean {slug}.{close}.md?"),
            None => format!("the site's languages are {}", languages.join(", ")),
        };
        return Err(
            Diagnostic::error(format!("`{lang}` is not one of the site's languages"))
                .in_file(&file.path)
                .hint(hint),
        );
    }
    let slug = check_slug(file, slug)?;
    let split = front_matter::split(file)?;
    let front = toml_file::parse(
        file,
        split.front_matter.start,
        &file.text[split.front_matter.clone()],
    )?;
    Ok(Document {
        slug,
        lang: lang.to_owned(),
        file: Arc::clone(file),
        front,
        front_matter_offset: split.front_matter.start,
        body: split.body,
    })
}

/// Slugs become URLs: lowercase ASCII words joined by single hyphens, nothing else.
fn check_slug(file: &Arc<SourceFile>, slug: &str) -> Result<String, Diagnostic> {
    if is_valid_slug(slug) {
        Ok(slug.to_owned())
    } else {
        // With no ASCII letter to keep (an Arabic name), `suggest_slug`'s `my-article` would
        // be a strange name for a partner or a region: ask for a transliteration instead.
        let example = if slug.chars().any(|c| c.is_ascii_alphanumeric()) {
            format!("e.g. `{}`", suggest_slug(slug))
        } else {
            String::from("in Latin letters, e.g. `jazari-oujda` for a name written in Arabic")
        };
        Err(
            Diagnostic::error(format!("`{}` is not a valid slug", slug.escape_debug()))
                .in_file(&file.path)
                .hint(format!(
                    "name the file with lowercase ASCII words joined by hyphens, {example}"
                )),
        )
    }
}

/// `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A valid slug made of the ASCII words of `slug` (`Mistral AI` → `mistral-ai`), or
/// `my-article` when it has none (an Arabic title).
pub fn suggest_slug(slug: &str) -> String {
    let words: Vec<String> = slug
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        String::from("my-article")
    } else {
        words.join("-")
    }
}

fn theme_dir(root: &Path, config: &Config) -> PathBuf {
    root.join("themes").join(&config.theme)
}

fn template_name(root: &Path, config: &Config, shown: &Path) -> String {
    let templates = display(root, &theme_dir(root, config).join("templates"));
    shown
        .strip_prefix(&templates)
        .unwrap_or(shown)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Lists the theme's static files and decides their published names: other files by their
/// bytes, stylesheets by their text once their `url()`s name the published files.
fn list_assets(root: &Path, config: &Config, problems: &mut Diagnostics) -> Vec<Asset> {
    let dir = theme_dir(root, config).join("static");
    let mut files: Vec<(PathBuf, PathBuf, Vec<u8>)> = Vec::new();
    if !dir.exists() {
        return Vec::new();
    }
    for entry in WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && !is_ignored(entry.path()) => {
                let relative = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .to_path_buf();
                match std::fs::read(entry.path()) {
                    Ok(bytes) => files.push((relative, entry.into_path(), bytes)),
                    Err(error) => problems.push(
                        Diagnostic::error(format!("cannot read this theme file: {error}"))
                            .in_file(display(root, entry.path()))
                            .hint("check that the file exists and that you may read it"),
                    ),
                }
            }
            Ok(_) => {}
            Err(error) => problems.push(walk_error(root, &error)),
        }
    }
    let mut publishing = Publishing {
        root,
        files: &files,
        done: vec![None; files.len()],
        visiting: vec![false; files.len()],
        problems,
    };
    for index in 0..files.len() {
        publishing.publish(index);
    }
    let done = publishing.done;
    files
        .into_iter()
        .zip(done)
        .filter_map(|((relative, absolute, _), published)| {
            let (published, rewritten) = published?;
            Some(Asset {
                relative,
                absolute,
                published,
                rewritten,
            })
        })
        .collect()
}

/// Decides published names, a stylesheet after the files it refers to (a stylesheet may
/// import another: its name depends on the other's).
struct Publishing<'a> {
    root: &'a Path,
    /// Every static file: path in `static/`, path on disk, bytes.
    files: &'a [(PathBuf, PathBuf, Vec<u8>)],
    /// Published path and rewritten text of each file decided so far.
    done: Vec<Option<(PathBuf, Option<Arc<str>>)>>,
    /// Stylesheets being decided, to catch a cycle of imports.
    visiting: Vec<bool>,
    problems: &'a mut Diagnostics,
}

impl Publishing<'_> {
    /// The published path of file `index`, deciding it if need be; `None` when the file
    /// cannot be published (a stylesheet with a broken reference).
    fn publish(&mut self, index: usize) -> Option<PathBuf> {
        if let Some((published, _)) = &self.done[index] {
            return Some(published.clone());
        }
        let (relative, absolute, bytes) = &self.files[index];
        let is_css = relative
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("css"));
        if !is_css {
            let published = fingerprinted(relative, bytes);
            self.done[index] = Some((published.clone(), None));
            return Some(published);
        }
        if self.visiting[index] {
            return None;
        }
        self.visiting[index] = true;
        let file = match decode_source(display(self.root, absolute), bytes.to_vec()) {
            Ok(file) => file,
            Err(diagnostic) => {
                self.problems.push(diagnostic);
                return None;
            }
        };
        let mut replacements = Vec::new();
        let mut broken = false;
        for reference in css::references(&file.text) {
            let url = &file.text[reference.span.clone()];
            let target = css::target(relative, url);
            if reference.escaped && target != css::Target::Elsewhere {
                self.problems.push(
                    Diagnostic::error("a backslash escape in a theme file's URL")
                        .at(&file, reference.span.clone())
                        .label("written with a backslash")
                        .hint("write the path without escapes (put it in quotes if it has spaces or parentheses)"),
                );
                broken = true;
                continue;
            }
            let css::Target::Theme {
                path,
                directory,
                suffix,
            } = target
            else {
                if target == css::Target::Outside {
                    self.problems.push(self.missing(&file, reference.span, url));
                    broken = true;
                }
                continue;
            };
            let found = self.files.iter().position(|(other, _, _)| *other == path);
            let Some(other) = found else {
                self.problems.push(self.missing(&file, reference.span, url));
                broken = true;
                continue;
            };
            if self.visiting[other] {
                self.problems.push(
                    Diagnostic::error("stylesheets that import each other")
                        .at(&file, reference.span)
                        .label("this one is already being imported")
                        .hint("a stylesheet's published name depends on those it refers to: break the cycle"),
                );
                broken = true;
                continue;
            }
            match self.publish(other) {
                Some(published) => replacements.push((
                    reference.span,
                    css::rewritten_url(&directory, &published, &suffix),
                )),
                None => broken = true,
            }
        }
        self.visiting[index] = false;
        if broken {
            return None;
        }
        let (published, rewritten) = if replacements.is_empty() {
            (fingerprinted(relative, bytes), None)
        } else {
            let text = css::replace(&file.text, &replacements);
            (
                fingerprinted(relative, text.as_bytes()),
                Some(Arc::from(text)),
            )
        };
        self.done[index] = Some((published.clone(), rewritten));
        Some(published)
    }

    fn missing(
        &self,
        file: &Arc<SourceFile>,
        span: std::ops::Range<usize>,
        url: &str,
    ) -> Diagnostic {
        let static_dir = file
            .path
            .ancestors()
            .find(|a| a.ends_with("static"))
            .map_or_else(|| PathBuf::from("static"), Path::to_path_buf);
        Diagnostic::error(format!("`{url}` is not a file of the theme"))
            .at(file, span)
            .label(format!("no such file in {}", static_dir.display()))
            .hint("a relative url() names a file of the theme's static/ folder, from the stylesheet's folder: fix the path, add the file, or write an absolute URL for a file the theme does not ship")
    }
}

/// Lists the theme's templates: `.html` and `.xml` files under `templates/`.
pub(crate) fn theme_template_paths(
    root: &Path,
    config: &Config,
    problems: &mut Diagnostics,
) -> Vec<PathBuf> {
    let dir = theme_dir(root, config).join("templates");
    if !dir.is_dir() {
        problems.push(
            Diagnostic::error(format!("theme `{}` has no templates folder", config.theme))
                .in_file(display(root, &dir))
                .hint("check `theme` in observatory.toml: it names a folder under themes/"),
        );
        return Vec::new();
    }
    let mut paths = Vec::new();
    for entry in WalkDir::new(&dir).follow_links(false).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() && !is_ignored(entry.path()) => {
                let ext = entry.path().extension().and_then(|e| e.to_str());
                if matches!(ext, Some("html" | "xml")) {
                    paths.push(entry.into_path());
                }
            }
            Ok(_) => {}
            Err(error) => problems.push(walk_error(root, &error)),
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_words() {
        for good in ["a", "mistral-ai", "digital-morocco-2030"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in [
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a b",
            "../x",
            "a/b",
            "مرصد",
            "a_b",
            "a\u{202e}b",
        ] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn symlinks_outside_the_site_loops_pipes_and_huge_files_are_refused() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("site");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(temp.path().join("secret"), "x").unwrap();
        std::fs::write(root.join("ok.toml"), "x").unwrap();
        let link = |name: &str, target: &Path| {
            std::os::unix::fs::symlink(target, root.join(name)).unwrap();
            root.join(name)
        };
        let message = |path: &Path| read_source(&root, path).unwrap_err().message.clone();
        assert!(read_source(&root, &link("inside.toml", Path::new("ok.toml"))).is_ok());
        let outside = link("outside.toml", &temp.path().join("secret"));
        assert!(message(&outside).contains("leads outside the site"));
        assert!(message(&link("loop.toml", Path::new("loop.toml"))).contains("loops"));
        assert!(message(&link("dangling.toml", Path::new("nothing"))).contains("leads to nothing"));
        assert!(message(&link("dir.toml", Path::new("."))).contains("it is a folder"));
        let fifo = root.join("pipe.toml");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o644) }, 0);
        assert!(message(&fifo).contains("not a regular file"));
        let huge = root.join("huge.toml");
        let file = std::fs::File::create(&huge).unwrap();
        file.set_len(MAX_SOURCE_BYTES + 1).unwrap();
        assert!(message(&huge).contains("too large"));
    }

    #[test]
    fn a_link_to_a_folder_is_reported_not_followed() {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("articles");
        std::fs::create_dir(&dir).unwrap();
        std::os::unix::fs::symlink(".", dir.join("again.md")).unwrap();
        let (mut files, mut problems) = (Vec::new(), Diagnostics::new());
        walk(
            temp.path(),
            &dir,
            "md",
            Kind::Article,
            &mut files,
            &mut problems,
        );
        assert!(files.is_empty());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 1);
        assert!(
            text[0].contains("a symbolic link to a folder"),
            "{}",
            text[0]
        );
    }

    #[test]
    fn slug_suggestion_keeps_the_words() {
        assert_eq!(suggest_slug("Mistral AI"), "mistral-ai");
        assert_eq!(suggest_slug("مرصد"), "my-article");
    }
}
