//! `marsad serve`: build, serve the output on 127.0.0.1, and after every saved change
//! rebuild only what it touches ([`crate::rebuild`]) and tell open pages to reload.
//!
//! Three parts run side by side: the HTTP server ([`http`], on a small tokio runtime), the
//! watcher ([`watch`], notify), and the rebuild loop on its own thread, which owns the
//! [`Workspace`]. A change that breaks the site is printed in the terminal and shown in a
//! panel on every served page, while the last good site stays served.

pub mod http;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::Instant;

use tokio::sync::broadcast;

use crate::build::{BuildError, BuildOptions};
use crate::config::Config;
use crate::diagnostics::{self, Diagnostics};
use crate::rebuild::{Outcome, Workspace};
use http::{ProblemsPanel, Shared};
use watch::SourceWatcher;

/// Options of `marsad serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The site root, which holds observatory.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Output folder (by default `<root>/.serve`), kept apart from public/ because its pages
    /// link to the local server.
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Address to listen on; 0.0.0.0 shows the site to other machines on the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub interface: IpAddr,
    /// Port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Include articles marked draft = true.
    #[arg(long)]
    pub drafts: bool,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The site root or its configuration cannot be read.
    #[error("cannot serve the site")]
    Site(Diagnostics),
    /// The address is taken or not allowed.
    #[error("cannot listen on {address}: {source}")]
    Listen {
        /// The address asked for.
        address: SocketAddr,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The output folder would replace the site or its sources.
    #[error(transparent)]
    Output(BuildError),
    /// The output folder or the watcher could not be set up.
    #[error("cannot {action}: {reason}")]
    Setup {
        /// What was being done.
        action: &'static str,
        /// Why it failed.
        reason: String,
    },
}

/// What `serve` reports as it goes: the initial build and each rebuild.
#[derive(Debug, Clone)]
pub enum Report {
    /// The site was built (or rebuilt) from `changed`.
    Built {
        /// The files whose change caused it (empty for the first build).
        changed: Vec<PathBuf>,
        /// What was done.
        outcome: Outcome,
    },
    /// The sources do not build; the last good site is still served.
    Failed {
        /// The files whose change caused it (empty for the first build).
        changed: Vec<PathBuf>,
        /// Why.
        error: String,
        /// The diagnostics, when the site itself is at fault.
        problems: Option<Diagnostics>,
    },
}

/// A running dev server.
pub struct Server {
    address: SocketAddr,
    output: PathBuf,
    runtime: Option<tokio::runtime::Runtime>,
    stop: Sender<watch::Signal>,
    rebuilder: Option<JoinHandle<()>>,
}

impl Server {
    /// Builds the site and starts serving it. `report` is called from the rebuild thread
    /// after the first build and after every rebuild.
    pub fn start(
        args: &ServeArgs,
        report: impl Fn(&Report) + Send + 'static,
    ) -> Result<Server, ServeError> {
        let root = std::fs::canonicalize(&args.root).map_err(|error| {
            ServeError::Site(
                diagnostics::Diagnostic::error(format!(
                    "cannot open the site folder {}: {error}",
                    args.root.display()
                ))
                .hint("run marsad from the site root or pass --root")
                .into(),
            )
        })?;
        let config = Config::load(&root).map_err(ServeError::Site)?;
        let requested = SocketAddr::new(args.interface, args.port);
        let listener = TcpListener::bind(requested).map_err(|source| ServeError::Listen {
            address: requested,
            source,
        })?;
        let address = listener.local_addr().map_err(|source| ServeError::Listen {
            address: requested,
            source,
        })?;
        let output = args.output.clone().unwrap_or_else(|| root.join(".serve"));
        let output = if output.is_absolute() {
            output
        } else {
            std::env::current_dir().unwrap_or_default().join(output)
        };
        // Its first build replaces the output folder wholesale, as `marsad build` does.
        crate::build::check_output_is_safe(&root, &output).map_err(ServeError::Output)?;
        let options = BuildOptions {
            root: root.clone(),
            output: Some(output.clone()),
            base_url: Some(format!("http://{}/", browsable(address))),
            drafts: args.drafts,
            search: true,
        };

        let (signals, receiver) = mpsc::channel();
        let watcher = SourceWatcher::new(&root, &output, signals.clone()).map_err(|error| {
            ServeError::Setup {
                action: "watch the site's files",
                reason: error.to_string(),
            }
        })?;
        let started = Instant::now();
        let (workspace, first) = Workspace::open(options);
        std::fs::create_dir_all(&output).map_err(|error| ServeError::Setup {
            action: "create the output folder",
            reason: error.to_string(),
        })?;
        let resolved_output =
            std::fs::canonicalize(&output).map_err(|error| ServeError::Setup {
                action: "find the output folder",
                reason: error.to_string(),
            })?;
        let (reload, _) = broadcast::channel(16);
        let shared = Arc::new(Shared {
            output: resolved_output,
            languages: config.language_codes().map(str::to_owned).collect(),
            problems: RwLock::new(None),
            reload,
            version: std::sync::atomic::AtomicU64::new(0),
        });
        let first_report = report_of(Vec::new(), first, started);
        publish(&shared, &workspace, &first_report, 0);
        report(&first_report);

        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|error| ServeError::Setup {
                action: "start the HTTP server",
                reason: error.to_string(),
            })?;
        listener
            .set_nonblocking(true)
            .map_err(|source| ServeError::Listen { address, source })?;
        let router = http::router(Arc::clone(&shared));
        runtime.spawn(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
                return;
            };
            // Runs until the runtime is shut down.
            let _ = axum::serve(listener, router).await;
        });

        let rebuilder = std::thread::Builder::new()
            .name("marsad-rebuild".into())
            .spawn(move || rebuild_loop(workspace, watcher, receiver, shared, report))
            .map_err(|error| ServeError::Setup {
                action: "start the rebuild thread",
                reason: error.to_string(),
            })?;
        Ok(Server {
            address,
            output,
            runtime: Some(runtime),
            stop: signals,
            rebuilder: Some(rebuilder),
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The site's URL, e.g. `http://127.0.0.1:1111/`.
    pub fn url(&self) -> String {
        format!("http://{}/", browsable(self.address))
    }

    /// The output folder being served.
    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Stops watching and serving.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        let _ = self.stop.send(watch::Signal::Stop);
        if let Some(handle) = self.rebuilder.take() {
            let _ = handle.join();
        }
        if let Some(runtime) = self.runtime.take() {
            // Open event streams never end by themselves: don't wait for them.
            runtime.shutdown_background();
        }
    }

    /// Blocks until the rebuild loop ends (when the process is interrupted).
    pub fn wait(mut self) {
        if let Some(handle) = self.rebuilder.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.shut_down();
    }
}

/// An address a browser can open: listening on every interface is reached via loopback.
fn browsable(address: SocketAddr) -> SocketAddr {
    if address.ip().is_unspecified() {
        SocketAddr::new(IpAddr::from([127, 0, 0, 1]), address.port())
    } else {
        address
    }
}

fn rebuild_loop(
    mut workspace: Workspace,
    mut watcher: SourceWatcher,
    signals: Receiver<watch::Signal>,
    shared: Arc<Shared>,
    report: impl Fn(&Report),
) {
    let mut version = 0;
    while let Some(changed) = watcher.next_batch(&signals) {
        let started = Instant::now();
        let result = workspace.apply(&changed);
        let shown = changed
            .iter()
            .map(|path| crate::load::display(workspace.root(), path))
            .collect();
        let current = report_of(shown, result, started);
        version += 1;
        publish(&shared, &workspace, &current, version);
        report(&current);
    }
}

fn report_of(
    changed: Vec<PathBuf>,
    result: Result<Outcome, BuildError>,
    started: Instant,
) -> Report {
    match result {
        Ok(mut outcome) => {
            outcome.elapsed = started.elapsed();
            Report::Built { changed, outcome }
        }
        Err(BuildError::Invalid(problems)) => Report::Failed {
            changed,
            error: format!("the site has {} error(s)", problems.error_count()),
            problems: Some(problems),
        },
        Err(error) => Report::Failed {
            changed,
            error: error.to_string(),
            problems: None,
        },
    }
}

/// Updates what the server shows (the problems panel) and tells open pages to reload.
fn publish(shared: &Shared, workspace: &Workspace, report: &Report, version: u64) {
    let panel = match report {
        Report::Built { .. } => None,
        Report::Failed {
            error, problems, ..
        } => {
            let text = match problems {
                Some(problems) => problems
                    .clone()
                    .sorted()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n\n"),
                None => error.clone(),
            };
            Some(ProblemsPanel {
                titles: workspace.message_in_every_language(crate::i18n::SERVE_PROBLEMS),
                text,
            })
        }
    };
    if let Ok(mut current) = shared.problems.write() {
        *current = panel;
    }
    shared
        .version
        .store(version, std::sync::atomic::Ordering::SeqCst);
    // No open page is not an error.
    let _ = shared.reload.send(version);
}

/// Runs `marsad serve` until interrupted.
pub fn run(args: &ServeArgs) -> ExitCode {
    let server = match Server::start(args, print_report) {
        Ok(server) => server,
        Err(ServeError::Site(problems)) => {
            diagnostics::print(problems);
            return ExitCode::FAILURE;
        }
        Err(ServeError::Listen { address, source }) => {
            eprintln!("error: cannot listen on {address}: {source}");
            eprintln!(
                "help: another server may use this port; pass --port <n>, or --port 0 for any free port"
            );
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    println!("serving {} at {}", server.output().display(), server.url());
    eprintln!("watching for changes; press Ctrl-C to stop");
    server.wait();
    ExitCode::SUCCESS
}

fn print_report(report: &Report) {
    let cause = |changed: &[PathBuf]| match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", one.display()),
        many => format!(" after changes to {} files", many.len()),
    };
    match report {
        Report::Built { changed, outcome } => {
            if !outcome.warnings.is_empty() {
                diagnostics::print(outcome.warnings.clone());
            }
            eprintln!(
                "{}{}: {} page(s) rendered, {} file(s) written, {} removed in {:.1} ms",
                if outcome.reloaded { "built" } else { "updated" },
                cause(changed),
                outcome.rendered,
                outcome.written,
                outcome.removed,
                outcome.elapsed.as_secs_f64() * 1000.0
            );
        }
        Report::Failed {
            changed,
            error,
            problems,
        } => {
            if let Some(problems) = problems {
                diagnostics::print(problems.clone());
            }
            eprintln!(
                "error{}: {error}; still serving the last good site",
                cause(changed)
            );
        }
    }
}
