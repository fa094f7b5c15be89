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
        /// Print how long each stage and each template took.
        #[arg(long)]
        timings: bool,
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

// Rendering allocates many small strings and maps on every thread; glibc's allocator spent a
// fifth of a large build in malloc/free (profile in the README's Benchmarks section).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` of mimalloc.h, which libmimalloc-sys does not name: the option
/// just before `mi_option_use_numa_nodes`.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t =
    libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// Makes the allocator keep the memory a run frees for its own later allocations instead of
/// handing it back to the system after a delay (mimalloc's default, a second). A build frees
/// and allocates hundreds of megabytes in three seconds; each page handed back came back
/// zero-filled by the kernel at its next use, which cost a sixth of the CPU time of a large
/// build (a profile in the README's Benchmarks section). Only for the commands that exit when
/// done: `serve` stays up for hours and should give memory back.
fn keep_freed_memory() {
    // SAFETY: called before any other thread exists (mimalloc's options are not
    // thread-safe); the option takes a number of milliseconds, -1 meaning never.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

/// Seeds for the hash maps Tera makes, a thread's own. Tera builds a map with a freshly seeded
/// `ahash` state for every struct of a page's context and every function call's arguments;
/// ahash's default source takes each seed from one counter shared by all threads, and the
/// two cores of a build contended for its cache line (a hundredth of a large build's CPU
/// time in `perf`). The maps hold template values, never input chosen by a stranger, so
/// seeds need only differ, not be unpredictable.
struct ThreadSeeds;

impl ahash::random_state::RandomSource for ThreadSeeds {
    fn gen_hasher_seed(&self) -> usize {
        thread_local! {
            static NEXT: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        NEXT.with(|next| {
            // A different start per thread: the address of its counter.
            let seed = next.get().wrapping_add(next as *const _ as usize);
            next.set(seed.wrapping_add(0x9E37_79B9));
            seed
        })
    }
}

fn main() -> ExitCode {
    // Before anything makes a map: the source can only be set first.
    let _ = ahash::random_state::set_random_source(ThreadSeeds);
    let cli = Cli::parse();
    if matches!(cli.command, Command::Build { .. } | Command::Check(_)) {
        keep_freed_memory();
    }
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
            no_search,
            timings,
        } => {
            let options = BuildOptions {
                root,
                output,
                base_url,
                drafts,
                search: !no_search,
            };
            run_build(&options, timings)
        }
        Command::Serve(args) => marsad::serve::run(&args),
        Command::Check(args) => marsad::check::run(&args),
        Command::New { what } => marsad::new::run(&what),
    }
}

fn run_build(options: &BuildOptions, timings: bool) -> ExitCode {
    match marsad::build(options) {
        Ok(report) => {
            if !report.warnings.is_empty() {
                diagnostics::print(report.warnings.clone());
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
            if timings {
                print_timings(&report);
            }
            if report.files.unchanged > 0 {
                eprintln!(
                    "{} of {} files unchanged since the previous build: kept, not rewritten",
                    report.files.unchanged, report.files.written
                );
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

/// `--timings`: wall time per stage, then the pages of each template, slowest first (their
/// time is summed over the threads that rendered them, so it exceeds the stage's wall time).
fn print_timings(report: &marsad::BuildReport) {
    eprintln!("stages (wall time):");
    for (stage, elapsed) in &report.stages.0 {
        eprintln!("  {:<24} {:>8.3} s", stage.name(), elapsed.as_secs_f64());
        if *stage == marsad::build::Stage::Render {
            eprintln!(
                "    of which feeds, sitemap and open data, made and written alongside the pages: {:.3} s",
                report.summary.site_files.as_secs_f64()
            );
        }
    }
    eprintln!("templates (render, body included, and write; summed over threads):");
    let mut templates: Vec<_> = report.summary.templates.iter().collect();
    templates.sort_by_key(|(_, time)| std::cmp::Reverse(time.time));
    for (template, time) in templates {
        let pages = time.pages.max(1);
        eprintln!(
            "  {:<16} {:>7} pages {:>8.3} s {:>8.1} µs/page {:>8.1} KiB/page",
            template,
            time.pages,
            time.time.as_secs_f64(),
            time.time.as_secs_f64() * 1e6 / pages as f64,
            time.bytes as f64 / 1024.0 / pages as f64
        );
    }
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    const CHILD: &str = "MARSAD_TEST_EXPECTED_PURGE_DELAY";

    /// `MI_OPTION_PURGE_DELAY` is the option `MIMALLOC_PURGE_DELAY` sets: this test runs
    /// itself again with that variable, and the second run reads the value back through the
    /// constant.
    #[test]
    fn the_purge_delay_constant_names_mimallocs_purge_delay() {
        if let Ok(expected) = std::env::var(CHILD) {
            // SAFETY: reading an option is allowed at any time.
            let value = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
            assert_eq!(value.to_string(), expected);
            return;
        }
        let exe = std::env::current_exe().expect("the test binary has a path");
        let output = Command::new(exe)
            .args([
                "--exact",
                "tests::the_purge_delay_constant_names_mimallocs_purge_delay",
                "--test-threads=1",
            ])
            .env("MIMALLOC_PURGE_DELAY", "4321")
            .env(CHILD, "4321")
            .output()
            .expect("the test binary runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{stdout}");
        assert!(stdout.contains("1 passed"), "{stdout}");
    }
}
