//! The `marsad` command line.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use annotate_snippets::Renderer;
use clap::{Parser, Subcommand};
use marsad::diagnostics::Diagnostics;
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
        } => {
            let options = BuildOptions {
                root,
                output,
                base_url,
                drafts,
            };
            run_build(&options)
        }
    }
}

fn run_build(options: &BuildOptions) -> ExitCode {
    match marsad::build(options) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                print_diagnostics(report.warnings);
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
            ExitCode::SUCCESS
        }
        Err(BuildError::Invalid(diagnostics)) => {
            let errors = diagnostics.error_count();
            print_diagnostics(diagnostics);
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

fn print_diagnostics(diagnostics: Diagnostics) {
    let renderer = if std::io::stderr().is_terminal() {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for diagnostic in diagnostics.sorted() {
        eprintln!("{}\n", diagnostic.render(&renderer));
    }
}
