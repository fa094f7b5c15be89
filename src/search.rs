//! Stage 4b, **search**: the full-text index of the written pages, made with Pagefind.
//!
//! Pagefind reads the HTML the build just wrote (only what a template marks
//! `data-pagefind-body`: articles, fact sheets and standalone pages, not lists or navigation)
//! and splits it into one index per `<html lang>`, so a search from an Arabic page finds
//! Arabic pages. It stems French and Arabic words and ignores diacritics; the search page's
//! script (`themes/*/static/search.js`) folds the Arabic letter variants Pagefind keeps apart.
//! The bundle (index chunks, the `pagefind.js` API and its WebAssembly) is written under
//! `pagefind/` through the same [`Output`] as the pages, so a failed build leaves no
//! half-written index behind.

use std::path::Path;
use std::time::{Duration, Instant};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diagnostics::Diagnostic;
use crate::write::Output;

/// The folder of the search bundle inside the output.
pub const BUNDLE_DIR: &str = "pagefind";

/// What indexing did.
#[derive(Debug, Clone, Default)]
pub struct SearchSummary {
    /// Pages indexed.
    pub pages: usize,
    /// Files of the bundle written.
    pub files: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// Indexes the HTML pages under `site_dir` and writes the bundle into `output`.
pub fn index(site_dir: &Path, output: &dyn Output) -> Result<SearchSummary, Diagnostic> {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| failure(format!("cannot start the indexer: {error}")))?;
    let files = runtime.block_on(bundle(site_dir))?;
    // One fragment per page indexed (pages without `data-pagefind-body` are read, not kept).
    let pages = files
        .iter()
        .filter(|file| file.filename.starts_with("fragment"))
        .count();
    for file in &files {
        crate::render::write(
            output,
            &Path::new(BUNDLE_DIR).join(&file.filename),
            &file.contents,
        )?;
    }
    Ok(SearchSummary {
        pages,
        files: files.len(),
        elapsed: started.elapsed(),
    })
}

/// The bundle's files, by path relative to [`BUNDLE_DIR`].
async fn bundle(site_dir: &Path) -> Result<Vec<pagefind::api::SyntheticFile>, Diagnostic> {
    let config = PagefindServiceConfig::builder().build();
    let mut index = PagefindIndex::new(Some(config))
        .map_err(|error| failure(format!("cannot configure the indexer: {error}")))?;
    index
        .add_directory(site_dir.to_string_lossy().into_owned(), Some(pages_glob()))
        .await
        .map_err(|error| failure(format!("cannot read the pages to index: {error}")))?;
    let files = index
        .get_files()
        .await
        .map_err(|error| failure(format!("cannot build the search index: {error}")))?;
    Ok(files)
}

/// Pages of the languages only: the root chooser and 404 pages say nothing to find.
fn pages_glob() -> String {
    String::from("*/**/*.html")
}

fn failure(message: String) -> Diagnostic {
    Diagnostic::error(message).hint(
        "the search index is made from the pages just rendered; check the disk has space and \
         that a template still marks the searchable part of pages with data-pagefind-body",
    )
}
