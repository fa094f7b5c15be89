//! Serving a fixture site in tests: a [`Served`] site with the reports of its rebuilds, a raw
//! HTTP/1.1 client that never normalises paths, and a listener for the reload stream.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use marsad::BuildOptions;
use marsad::serve::{Report, ServeArgs, Server};
use tempfile::TempDir;

/// A server on a fixture site, with the reports of its rebuilds.
pub struct Served {
    pub site: TempDir,
    pub server: Server,
    pub reports: Receiver<Report>,
}

/// A short description of a report, for assertion messages.
pub fn describe(report: &Report) -> String {
    match report {
        Report::Built { changed, outcome } => format!(
            "built after {changed:?}: reloaded={} rendered={} written={} removed={}",
            outcome.reloaded, outcome.rendered, outcome.written, outcome.removed
        ),
        Report::Failed {
            changed,
            error,
            problems,
        } => format!(
            "FAILED after {changed:?}: {error}\n{}",
            problems
                .as_ref()
                .map(|p| p
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"))
                .unwrap_or_default()
        ),
    }
}

impl Served {
    pub fn start() -> Served {
        Served::start_on(super::fixture("site"), false)
    }

    pub fn start_on(site: TempDir, drafts: bool) -> Served {
        let args = ServeArgs {
            root: site.path().to_path_buf(),
            output: Some(site.path().join("served")),
            interface: [127, 0, 0, 1].into(),
            port: 0,
            drafts,
        };
        let (sender, reports) = mpsc::channel();
        let server = Server::start(&args, move |report: &Report| {
            let _ = sender.send(report.clone());
        })
        .expect("the server starts");
        let served = Served {
            site,
            server,
            reports,
        };
        let first = served.next_report();
        assert!(
            matches!(first, Report::Built { .. }),
            "{}",
            describe(&first)
        );
        served
    }

    pub fn root(&self) -> &Path {
        self.site.path()
    }

    pub fn address(&self) -> SocketAddr {
        self.server.address()
    }

    pub fn get(&self, path: &str) -> Response {
        request(self.address(), "GET", path)
    }

    pub fn next_report(&self) -> Report {
        self.reports
            .recv_timeout(Duration::from_secs(20))
            .expect("a rebuild within 20 s")
    }

    /// Waits for rebuilds until none comes for `quiet`; returns the last one.
    pub fn settle(&self, quiet: Duration) -> Option<Report> {
        let mut last = None;
        while let Ok(report) = self.reports.recv_timeout(quiet) {
            last = Some(report);
        }
        last
    }

    pub fn write(&self, relative: &str, text: &str) -> Report {
        let path = self.root().join(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        fs::write(&path, text).expect("write");
        self.next_report()
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.root().join(relative)).expect("readable")
    }

    pub fn edit(&self, relative: &str, from: &str, to: &str) -> Report {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1))
    }

    pub fn remove(&self, relative: &str) -> Report {
        fs::remove_file(self.root().join(relative)).expect("remove");
        self.next_report()
    }

    /// The files of the served folder that differ from a fresh full build (or exist in only
    /// one of them).
    pub fn differences_from_a_full_build(&self, drafts: bool) -> Vec<String> {
        let fresh = TempDir::new().expect("temp");
        let result = marsad::build(&BuildOptions {
            root: self.root().to_path_buf(),
            output: Some(fresh.path().join("out")),
            base_url: Some(self.server.url()),
            drafts,
            search: true,
        });
        if let Err(error) = result {
            return vec![format!("the full build fails: {error:?}")];
        }
        let incremental = super::snapshot_without_search(self.server.output());
        let full = super::snapshot_without_search(&fresh.path().join("out"));
        let mut differences = Vec::new();
        for (path, bytes) in &full {
            match incremental.get(path) {
                None => differences.push(format!("missing from serve: {}", path.display())),
                Some(served) if served != bytes => {
                    differences.push(format!("differs: {}", path.display()))
                }
                Some(_) => {}
            }
        }
        for path in incremental.keys().filter(|p| !full.contains_key(*p)) {
            differences.push(format!("stale in serve: {}", path.display()));
        }
        differences
    }

    pub fn assert_same_as_full_build(&self, after: &str) {
        let differences = self.differences_from_a_full_build(false);
        assert!(
            differences.is_empty(),
            "after {after}, the served output is not a full build:\n{}",
            differences.join("\n")
        );
    }
}

pub fn built(report: Report) -> marsad::rebuild::Outcome {
    match report {
        Report::Built { outcome, .. } => outcome,
        failed => panic!("the rebuild failed: {}", describe(&failed)),
    }
}

pub fn failed(report: Report) {
    assert!(
        matches!(report, Report::Failed { .. }),
        "expected a failure: {}",
        describe(&report)
    );
}

/// An HTTP response, read whole.
#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: BTreeMap<String, String>,
    pub body: String,
}

impl Response {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

/// Sends a raw HTTP/1.1 request (the path exactly as given, never normalised).
pub fn request(address: SocketAddr, method: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(address).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("UTF-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("headers end");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_ascii_lowercase(), v.to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// Listens to the reload stream in the background; `wait` returns once a reload arrives.
pub struct ReloadListener {
    pub received: Receiver<String>,
}

impl ReloadListener {
    pub fn open(address: SocketAddr) -> ReloadListener {
        let mut stream = TcpStream::connect(address).expect("connect");
        write!(
            stream,
            "GET /__marsad/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        let (sender, received) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            let mut seen = String::new();
            while let Ok(n) = stream.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
                while let Some(at) = seen.find("event: reload") {
                    seen.drain(..at + "event: reload".len());
                    if sender.send("reload".to_owned()).is_err() {
                        return;
                    }
                }
            }
        });
        // The stream is open once the response headers came back; give it a moment.
        std::thread::sleep(Duration::from_millis(200));
        ReloadListener { received }
    }

    pub fn wait(&self) {
        self.received
            .recv_timeout(Duration::from_secs(20))
            .expect("a reload event within 20 s");
    }
}

/// Starts the real `marsad serve --port 0` on `root` in its own process, and returns it with
/// the address it printed.
pub fn serve_command(root: &Path) -> (std::process::Child, SocketAddr) {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["serve", "--port", "0", "--root"])
        .arg(root)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("marsad serve runs");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut line = Vec::new();
    let mut byte = [0u8; 1];
    while stdout.read(&mut byte).is_ok_and(|n| n == 1) && byte[0] != b'\n' {
        line.push(byte[0]);
    }
    let line = String::from_utf8(line).expect("UTF-8");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no URL in {line:?}"));
    let address = url
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .parse()
        .expect("address");
    (child, address)
}
