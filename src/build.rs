//! The pipeline end to end: load → link → render → write.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::diagnostics::Diagnostics;
use crate::link::model::Site;
use crate::link::{self, LinkOptions};
use crate::load;
use crate::render::templates::Templates;
use crate::render::{self, RenderSummary, Rendering, Written};
use crate::search::{self, SearchSummary};
use crate::write::Staging;

/// What `marsad build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root (holds `observatory.toml`).
    pub root: PathBuf,
    /// Output directory; `<root>/public` by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` (deploy previews publish under their own URL).
    pub base_url: Option<String>,
    /// Include draft articles.
    pub drafts: bool,
    /// Make the search index (`--no-search` skips it, to time the rest of the build alone).
    pub search: bool,
}

impl BuildOptions {
    /// Default options for the site at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            search: true,
        }
    }

    /// The output directory.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// A successful build.
#[derive(Debug)]
pub struct BuildReport {
    /// Pages written.
    pub summary: RenderSummary,
    /// The search index, unless the build was asked not to make one.
    pub search: Option<SearchSummary>,
    /// Files written, and how many of them were kept from the previous output unchanged.
    pub files: FileCounts,
    /// How long each stage took (`marsad build --timings`).
    pub stages: Stages,
    /// What the build noticed without refusing the site (missing translations, …).
    pub warnings: Diagnostics,
    /// Where they are.
    pub output: PathBuf,
    /// How long it took.
    pub elapsed: Duration,
}

/// The stages of a build, as `--timings` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading, parsing and checking the sources; linking; compiling templates.
    Load,
    /// Rendering and writing the pages, with the feeds, sitemap and open data alongside.
    Render,
    /// Making the search index.
    Search,
    /// Swapping the new output in and removing the previous one.
    Swap,
}

impl Stage {
    /// How `--timings` calls it.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Load => "load, link and check",
            Stage::Render => "render and write",
            Stage::Search => "search index",
            Stage::Swap => "swap into place",
        }
    }
}

/// Wall time per stage, in order.
#[derive(Debug, Clone, Default)]
pub struct Stages(pub Vec<(Stage, Duration)>);

impl Stages {
    fn time<T>(&mut self, stage: Stage, work: impl FnOnce() -> T) -> T {
        let started = Instant::now();
        let result = work();
        self.0.push((stage, started.elapsed()));
        result
    }
}

/// Files a build put in the output.
#[derive(Debug, Clone, Copy, Default)]
pub struct FileCounts {
    /// Files written (pages, feeds, data, search bundle; copied theme files aside).
    pub written: usize,
    /// Of those, files whose bytes had not changed since the previous build: linked, not
    /// rewritten.
    pub unchanged: usize,
}

/// Why a build failed. In every case the previous output is left as it was.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The site has errors; each is a diagnostic.
    #[error("the site has {} error(s)", .0.error_count())]
    Invalid(Diagnostics),
    /// The output directory could not be prepared or replaced.
    #[error("cannot {action} {}: {source}", .path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// On what.
        path: PathBuf,
        /// The system's reason.
        #[source]
        source: io::Error,
    },
    /// The output directory would overwrite the site's own files.
    #[error("refusing to write the site into {}: {reason}", .path.display())]
    UnsafeOutput {
        /// The requested output.
        path: PathBuf,
        /// Why it is refused.
        reason: &'static str,
    },
}

impl From<Diagnostics> for BuildError {
    fn from(diagnostics: Diagnostics) -> Self {
        BuildError::Invalid(diagnostics)
    }
}

/// A site that passed every check, ready to render.
pub struct CheckedSite {
    /// The linked model.
    pub site: Site,
    /// The compiled templates.
    pub templates: Templates,
    /// Problems that do not stop the build (missing translations, …).
    pub warnings: Diagnostics,
}

/// Loads and links the site and compiles its templates: everything `build` checks before
/// writing anything. Problems of every stage are reported together.
pub fn load_site(
    root: &Path,
    base_url: Option<&str>,
    drafts: bool,
) -> Result<CheckedSite, Diagnostics> {
    let mut config = Config::load(root)?;
    if let Some(base_url) = base_url {
        if !load::schema::is_http_url(base_url) {
            return Err(crate::diagnostics::Diagnostic::error(format!(
                "--base-url must be an absolute http(s) URL, not `{base_url}`"
            ))
            .hint("deploy previews pass $DEPLOY_PRIME_URL, which Netlify sets; check that it is not empty")
            .into());
        }
        config.base_url = base_url.to_owned();
    }
    let loaded = load::load(root, config);
    // Templates compile while the content links: linking leaves a core idle at times.
    let template_files = loaded.templates.clone();
    let messages = Arc::clone(&loaded.messages);
    let (templates, (site, mut problems)) = rayon::join(
        || Templates::compile(&template_files, messages),
        || {
            link::link(
                loaded,
                LinkOptions {
                    include_drafts: drafts,
                },
            )
        },
    );
    let templates = match templates {
        Ok(templates) => Some(templates),
        Err(template_problems) => {
            problems.extend(template_problems);
            None
        }
    };
    match templates {
        Some(templates) if !problems.has_errors() => Ok(CheckedSite {
            site,
            templates,
            warnings: problems,
        }),
        _ => {
            // Links inside article bodies are otherwise checked while rendering, which a
            // site with problems never reaches: check them now so one run reports all.
            if let Err(body_problems) = render::check_bodies(&site) {
                problems.extend(body_problems);
            }
            Err(problems)
        }
    }
}

/// Builds the site into the output directory, replacing it only on success.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let output = options.output_dir();
    check_output_is_safe(&options.root, &output)?;
    let CheckedSite {
        site,
        templates,
        warnings,
    } = load_site(&options.root, options.base_url.as_deref(), options.drafts)?;
    let loaded = started.elapsed();
    let mut published = publish(&site, &templates, Rendering::Once, &output, options.search)
        .map_err(|error| match error {
            // A failed build reports everything it noticed, warnings included.
            BuildError::Invalid(mut problems) => {
                problems.extend(warnings.clone());
                BuildError::Invalid(problems)
            }
            other => other,
        })?;
    published.stages.0.insert(0, (Stage::Load, loaded));
    // The model holds every source file and the record of every page written: freeing
    // them took a large build's last tens of milliseconds, which nobody needs to wait for.
    drop_in_background((site, templates, published.written));
    Ok(BuildReport {
        summary: published.summary,
        search: published.search,
        files: published.files,
        stages: published.stages,
        warnings,
        output,
        elapsed: started.elapsed(),
    })
}

/// Frees `value` on a thread of its own. When the process ends first (`marsad build` exits
/// right after its report), the system takes the memory back at once.
fn drop_in_background<T: Send + 'static>(value: T) {
    // Should no thread start, the closure, and `value` with it, is dropped here.
    let _ = std::thread::Builder::new()
        .name(String::from("drop"))
        .spawn(move || drop(value));
}

/// What [`publish`] wrote.
pub struct Published {
    /// Pages written.
    pub summary: RenderSummary,
    /// Each file written, and what each page read (for `serve`'s incremental rebuilds).
    pub written: Written,
    /// The search index, when `search` was asked for.
    pub search: Option<SearchSummary>,
    /// Files written and kept.
    pub files: FileCounts,
    /// How long each stage took.
    pub stages: Stages,
}

/// Renders every page, the files about the whole site and, when `search` is true, the search
/// index into a staging folder beside `output`, then swaps it in: until everything is
/// written, the previous output stays as it was. `marsad build` and `serve`'s full builds
/// both publish this way, `rendering` saying which (see [`Rendering`]). The staging folder
/// starts empty, so a build without search leaves no index of an earlier build behind.
pub fn publish(
    site: &Site,
    templates: &Templates,
    rendering: Rendering,
    output: &Path,
    search: bool,
) -> Result<Published, BuildError> {
    let staging = Staging::create(output).map_err(|source| BuildError::Io {
        action: "prepare a staging folder beside",
        path: output.to_path_buf(),
        source,
    })?;
    let mut stages = Stages::default();
    let (summary, written) = stages.time(Stage::Render, || {
        render::render_all(site, templates, rendering, &staging)
    })?;
    let search = if search {
        let index = stages.time(Stage::Search, || search::index(staging.dir(), &staging));
        Some(index.map_err(Diagnostics::from)?)
    } else {
        None
    };
    let files = FileCounts {
        written: staging.written(),
        unchanged: staging.unchanged(),
    };
    stages
        .time(Stage::Swap, || staging.commit())
        .map_err(|source| BuildError::Io {
            action: "replace",
            path: output.to_path_buf(),
            source,
        })?;
    Ok(Published {
        summary,
        written,
        search,
        files,
        stages,
    })
}

/// The output folder is replaced wholesale, so it must never be the site itself, one of its
/// parents, or one of its source folders.
pub fn check_output_is_safe(root: &Path, output: &Path) -> Result<(), BuildError> {
    let absolute = |p: &Path| -> PathBuf {
        let p = if p.is_absolute() {
            p.to_path_buf()
        } else {
            std::env::current_dir().unwrap_or_default().join(p)
        };
        normalise(&p)
    };
    let root = absolute(root);
    let output_abs = absolute(output);
    let refuse = |reason| {
        Err(BuildError::UnsafeOutput {
            path: output.to_path_buf(),
            reason,
        })
    };
    if root.starts_with(&output_abs) {
        return refuse("it is the site folder or contains it");
    }
    for source_dir in ["content", "seeds", "i18n", "themes", "src", ".git"] {
        if output_abs.starts_with(root.join(source_dir)) {
            return refuse("it is inside one of the site's source folders");
        }
    }
    Ok(())
}

/// Resolves `.` and `..` without touching the disk (the output may not exist yet).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_outputs_that_would_replace_sources() {
        let root = Path::new("/site");
        assert!(check_output_is_safe(root, Path::new("/site/public")).is_ok());
        assert!(check_output_is_safe(root, Path::new("/tmp/out")).is_ok());
        assert!(check_output_is_safe(root, Path::new("/site")).is_err());
        assert!(check_output_is_safe(root, Path::new("/")).is_err());
        assert!(check_output_is_safe(root, Path::new("/site/content/x")).is_err());
        assert!(check_output_is_safe(root, Path::new("/site/public/../content")).is_err());
    }
}
