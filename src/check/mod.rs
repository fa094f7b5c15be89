//! `marsad check`: everything the build validates, without writing the site, plus links,
//! anchors, translation parity and Fluent parity.
//!
//! The command never writes into the site or its `public/`: it builds with [`crate::build()`]
//! into a temporary folder (removed afterwards) and scans that, or, with `--built <dir>`,
//! scans a folder built earlier. It reports everything at once, rustc-style or as one JSON
//! document, and exits with status 1 when there is at least one error (warnings alone exit 0).
//!
//! | what | where | severity |
//! | --- | --- | --- |
//! | everything `marsad build` checks (load, link, templates, Markdown links) | [`crate::build()`] | as the build says |
//! | internal links and `#anchors` of the rendered pages | `links`, `broken` | error |
//! | translation parity (missing text, `updated`, out-of-date translations) | `translations` | warning |
//! | Fluent attributes, terms and plural categories | [`fluent`] | error |
//! | Fluent messages nothing uses | [`fluent`] | warning |
//! | external links, with `--external` | [`external`] | warning |
//!
//! When the site does not build, the build's diagnostics are reported with translation and
//! Fluent parity, which need no rendered page; links are then not checked.

mod broken;
pub mod external;
pub mod fluent;
mod html;
mod links;
mod origin;
mod translations;
mod xml;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::build::{BuildError, BuildOptions};
use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Diagnostics, JsonDiagnostic, Severity};
use crate::link::model::Site;
use crate::link::{self, LinkOptions};
use crate::load;

/// How `marsad check` reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics on standard error, then a summary line.
    #[default]
    Text,
    /// One JSON document on standard output, for CI.
    Json,
}

/// Options of `marsad check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// The site root, which holds observatory.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Include articles marked draft = true.
    #[arg(long)]
    pub drafts: bool,
    /// Check the site as published under this URL instead of observatory.toml's base_url.
    #[arg(long)]
    pub base_url: Option<String>,
    /// Check the links of this already built output folder instead of rendering the site.
    #[arg(long, value_name = "DIR")]
    pub built: Option<PathBuf>,
    /// Also check external http(s) links (needs the network; off by default).
    #[arg(long)]
    pub external: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

impl CheckArgs {
    /// The default options for the site at `root`.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        CheckArgs {
            root: root.into(),
            drafts: false,
            base_url: None,
            built: None,
            external: false,
            format: Format::Text,
        }
    }
}

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Every problem, sorted by file and position, each once.
    pub diagnostics: Vec<Diagnostic>,
    /// HTML pages scanned, `None` when links were not checked (the site did not build).
    pub pages: Option<usize>,
    /// XML files scanned (Atom feeds, the sitemap).
    pub xml_files: usize,
    /// Internal links checked.
    pub links: usize,
    /// External links checked (with `--external`).
    pub external: usize,
}

impl CheckReport {
    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// 1 when there is an error, 0 otherwise.
    pub fn exit_code(&self) -> ExitCode {
        if self.errors() > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }

    /// The report as one JSON document:
    /// `{"errors": n, "warnings": n, "diagnostics": [{"severity", "message", "path", "line",
    /// "column", "hint", "label"}, …]}`.
    pub fn to_json(&self) -> String {
        #[derive(serde::Serialize)]
        struct Document<'a> {
            errors: usize,
            warnings: usize,
            diagnostics: Vec<JsonDiagnostic<'a>>,
        }
        let document = Document {
            errors: self.errors(),
            warnings: self.warnings(),
            diagnostics: self.diagnostics.iter().map(Diagnostic::to_json).collect(),
        };
        serde_json::to_string_pretty(&document).unwrap_or_default()
    }

    /// The last line of the text report.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let counts = format!(
            "{}, {}",
            plural(self.errors(), "error"),
            plural(self.warnings(), "warning")
        );
        match self.pages {
            Some(pages) => {
                let external = if self.external > 0 {
                    format!(" and {}", plural(self.external, "external link"))
                } else {
                    String::new()
                };
                format!(
                    "checked {}, {} and {}{external}: {counts}",
                    plural(pages, "page"),
                    plural(self.xml_files, "XML file"),
                    plural(self.links, "internal link")
                )
            }
            None => format!("{counts}; links were not checked (see the errors above)"),
        }
    }
}

/// Runs `marsad check` and prints its report.
pub fn run(args: &CheckArgs) -> ExitCode {
    let report = check(args);
    let code = report.exit_code();
    match args.format {
        Format::Json => println!("{}", report.to_json()),
        Format::Text => {
            let summary = report.summary();
            diagnostics::print(report.diagnostics.into_iter().collect());
            eprintln!("{summary}");
        }
    }
    code
}

/// Checks the site: see the [module documentation](self).
pub fn check(args: &CheckArgs) -> CheckReport {
    let mut found = Diagnostics::new();
    let site = load_model(&args.root, args.base_url.as_deref(), args.drafts);

    // What the build checks, and the output folder to scan.
    let temp = match &args.built {
        Some(_) => None,
        None => match tempfile::tempdir() {
            Ok(temp) => Some(temp),
            Err(error) => {
                found.push(Diagnostic::error(format!(
                    "cannot create a temporary folder to build the site in: {error}"
                )));
                None
            }
        },
    };
    let output: Option<(PathBuf, PathBuf)> = match (&args.built, &temp) {
        (Some(built), _) => {
            match crate::build::load_site(&args.root, args.base_url.as_deref(), args.drafts) {
                Ok(checked) => found.extend(checked.warnings),
                Err(problems) => found.extend(problems),
            }
            if built.is_dir() {
                Some((built.clone(), built.clone()))
            } else {
                found.push(
                    Diagnostic::error("the folder given to --built does not exist")
                        .in_file(built)
                        .hint("build the site first (marsad build), or leave out --built"),
                );
                None
            }
        }
        (None, Some(temp)) => {
            let dir = temp.path().join("public");
            let options = BuildOptions {
                root: args.root.clone(),
                output: Some(dir.clone()),
                base_url: args.base_url.clone(),
                drafts: args.drafts,
                search: true,
            };
            match crate::build(&options) {
                Ok(report) => {
                    found.extend(report.warnings);
                    // Shown as `marsad build` would write it.
                    Some((dir, PathBuf::from("public")))
                }
                Err(BuildError::Invalid(problems)) => {
                    found.extend(problems);
                    None
                }
                Err(error) => {
                    found.push(Diagnostic::error(format!("cannot build the site: {error}")));
                    None
                }
            }
        }
        (None, None) => None,
    };

    if let Some(site) = &site {
        found.extend(translations::check(site));
        found.extend(fluent::check(&args.root, &site.config, &site.templates));
    }

    let mut pages = None;
    let mut xml_files = 0;
    let mut links = 0;
    let mut external = 0;
    if let Some((dir, shown)) = &output {
        let base_url = site
            .as_ref()
            .map(|s| s.config.base_url.clone())
            .or_else(|| args.base_url.clone())
            .unwrap_or_default();
        let base = links::Base::new(&base_url);
        let scan = links::scan(dir, shown, &base, args.external);
        let origins = site.as_ref().map(origin::Origins::new).unwrap_or_default();
        let languages = site
            .as_ref()
            .map(|s| s.config.language_codes().map(str::to_owned).collect())
            .unwrap_or_default();
        let reporter = broken::Reporter::new(&scan, &origins, dir, shown, base.prefix(), languages);
        found.extend(reporter.broken_links());
        found.extend(scan.unreadable.iter().cloned().collect());
        if args.external {
            let urls: Vec<&str> = scan.external.iter().map(|e| e.url.as_str()).collect();
            let outcomes = external::check_urls(&urls, external::TIMEOUT);
            let failed: Vec<_> = scan
                .external
                .iter()
                .zip(outcomes)
                .filter_map(|(link, outcome)| outcome.map(|problem| (link, problem)))
                .collect();
            found.extend(reporter.external_links(&failed));
            external = urls.len();
        }
        xml_files = scan.pages.iter().filter(|p| p.ends_with(".xml")).count();
        pages = Some(scan.pages.len() - xml_files);
        links = scan.links;
    }
    drop(temp);

    CheckReport {
        diagnostics: found.sorted(),
        pages,
        xml_files,
        links,
        external,
    }
}

/// The linked site model, for what the checks need beyond the build's verdict (Markdown
/// bodies, translations, templates). It is loaded even when the site has errors: linking
/// keeps what it could link. `None` only when `observatory.toml` itself is unusable, which
/// the build reports.
fn load_model(root: &Path, base_url: Option<&str>, drafts: bool) -> Option<Site> {
    let mut config = Config::load(root).ok()?;
    if let Some(base_url) = base_url.filter(|url| load::schema::is_http_url(url)) {
        config.base_url = base_url.to_owned();
    }
    let loaded = load::load(root, config);
    let (site, _already_reported_by_the_build) = link::link(
        loaded,
        LinkOptions {
            include_drafts: drafts,
        },
    );
    Some(site)
}
