//! The `marsad` command line: `build`, `serve`, `check` and `new`, each a thin layer over
//! the library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use marsad::diagnostics;
use marsad::{BuildError, BuildOptions};

/// Static site generator of the marsad observatory (French / Arabic).
#[derive(Debug, Parser)]
#[command(name = "marsad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder (replaced only when the build succeeds).
    Build {
        /// The site root, which holds observatory.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Output folder [default: <root>/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Publish under this URL instead of observatory.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Include articles marked draft = true.
        #[arg(long)]
        drafts: bool,
        /// Skip the search index (no pagefind/ folder is written): to time the rest of the
        /// build alone, or for a preview that needs no search.
        #[arg(long)]
        no_search: bool,
    },
    /// Build, serve on 127.0.0.1 and rebuild what each saved change touches; open pages
    /// reload by themselves.
    Serve(marsad::serve::ServeArgs),
    /// Check everything the build checks, plus links, anchors and translation parity,
    /// without writing the site.
    Check(marsad::check::CheckArgs),
    /// Create new content.
    New {
        #[command(subcommand)]
        what: marsad::new::NewCommand,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            no_search,
        } => {
            let options = BuildOptions {
                root,
                output,
                base_url,
                drafts,
                search: !no_search,
            };
            run_build(&options)
        }
        Command::Serve(args) => marsad::serve::run(&args),
        Command::Check(args) => marsad::check::run(&args),
        Command::New { what } => marsad::new::run(&what),
    }
}

fn run_build(options: &BuildOptions) -> ExitCode {
    match marsad::build(options) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                diagnostics::print(report.warnings);
            }
            let per_language: Vec<String> = report
                .summary
                .pages
                .iter()
                .filter(|(lang, _)| !lang.is_empty())
                .map(|(lang, n)| format!("{lang} {n}"))
                .collect();
            eprintln!(
                "built {} pages ({}) in {:.2} s → {}",
                report.summary.total(),
                per_language.join(", "),
                report.elapsed.as_secs_f64(),
                report.output.display()
            );
            match &report.search {
                Some(search) => eprintln!(
                    "search index: {} pages in {:.2} s (included above)",
                    search.pages,
                    search.elapsed.as_secs_f64()
                ),
                None => eprintln!("search index: skipped (--no-search)"),
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid(found)) => {
            let errors = found.error_count();
            diagnostics::print(found);
            eprintln!(
                "error: the build failed with {errors} error{}; {} was left as it was",
                if errors == 1 { "" } else { "s" },
                options.output_dir().display()
            );
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("error: {error}");
            eprintln!("{} was left as it was", options.output_dir().display());
            ExitCode::FAILURE
        }
    }
}
