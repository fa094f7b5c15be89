//! The dev server under load: `marsad serve` (the real command, in its own process) answers a
//! fixed number of requests from many concurrent clients on 127.0.0.1 while an editor keeps
//! saving an article. No request fails, every page is whole (one version from its `<title>`
//! to its `</html>`, never half an old page and half a new one), and the server's memory
//! does not grow with the requests it serves.
#![cfg(target_os = "linux")]

mod common;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use common::serving::{request, serve_command};

/// Concurrent clients, each sending [`REQUESTS_EACH`] requests a round, one after the other.
const CLIENTS: usize = 32;
const REQUESTS_EACH: usize = 80;
/// Rounds of requests during which the article is saved, then [`QUIET_ROUNDS`] without saves.
const ROUNDS: usize = 4;
const QUIET_ROUNDS: usize = 6;
/// Saves of the article during a round, at most, one every [`EDIT_EVERY`].
const EDITS: usize = 10;
const EDIT_EVERY: Duration = Duration::from_millis(150);

/// Paths the clients ask for, and the status each must get.
const PATHS: [(&str, u16); 6] = [
    ("/fr/articles/alpha/", 200),
    ("/ar/articles/alpha/", 200),
    ("/fr/", 200),
    ("/ar/regions/north/", 200),
    ("/fr/articles/", 200),
    ("/fr/no-such-page/", 404),
];

const ARTICLE: &str = "content/articles/alpha.fr.md";

/// The resident memory of a process, in KiB (`VmRSS` in `/proc/<pid>/status`).
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .expect("VmRSS")
}

/// The version numbers a French alpha page shows in its `<title>`, its `<h1>` and its
/// description: `Article alpha v7` → 7; the original page is version 0.
fn versions(page: &str) -> Vec<usize> {
    let version = |text: &str| -> usize {
        text.split("Article alpha v")
            .nth(1)
            .and_then(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .unwrap_or(0)
    };
    let between = |open: &str, close: &str| -> String {
        page.split_once(open)
            .and_then(|(_, rest)| rest.split_once(close))
            .map(|(inside, _)| inside.to_owned())
            .unwrap_or_default()
    };
    vec![
        version(&between("<title>", "</title>")),
        version(&between("<h1>", "</h1>")),
        version(&between("name=\"description\" content=\"", "\"")),
    ]
}

/// Checks one response; returns what is wrong with it.
fn problem(path: &str, expected: u16, status: u16, body: &str) -> Option<String> {
    if status != expected {
        return Some(format!("{path}: status {status}, not {expected}"));
    }
    if expected == 200 && !body.trim_end().ends_with("</html>") {
        return Some(format!("{path}: the page is cut ({} bytes)", body.len()));
    }
    if path == "/fr/articles/alpha/" {
        let seen = versions(body);
        if seen.iter().any(|v| *v != seen[0]) {
            return Some(format!("{path}: a torn page, versions {seen:?}"));
        }
    }
    None
}

/// What one phase of load found.
struct Phase {
    problems: Vec<String>,
    slowest: Duration,
    /// The version of the article last saved.
    last_version: usize,
}

/// [`CLIENTS`] clients send `requests_each` requests each while the editor saves the article
/// up to `edits` times (versions `first_version`, `first_version + 1`, …), stopping when the
/// clients are done.
fn load(
    address: SocketAddr,
    root: &Path,
    original: &str,
    requests_each: usize,
    first_version: usize,
    edits: usize,
) -> Phase {
    let done = Arc::new(AtomicBool::new(false));
    let editor = {
        let (root, original, done) = (root.to_path_buf(), original.to_owned(), Arc::clone(&done));
        thread::spawn(move || {
            let mut version = first_version - 1;
            while version + 1 < first_version + edits && !done.load(Ordering::Relaxed) {
                version += 1;
                let text = original
                    .replacen(
                        "title = \"Article alpha\"",
                        &format!("title = \"Article alpha v{version}\""),
                        1,
                    )
                    .replacen(
                        "summary = \"Le résumé d'alpha.\"",
                        &format!("summary = \"Le résumé d'Article alpha v{version}.\""),
                        1,
                    );
                std::fs::write(root.join(ARTICLE), text).expect("save");
                thread::sleep(EDIT_EVERY);
            }
            version
        })
    };
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            thread::spawn(move || {
                let mut problems = Vec::new();
                let mut slowest = Duration::ZERO;
                for n in 0..requests_each {
                    let (path, expected) = PATHS[(client + n) % PATHS.len()];
                    let start = Instant::now();
                    let response = request(address, "GET", path);
                    slowest = slowest.max(start.elapsed());
                    problems.extend(problem(path, expected, response.status, &response.body));
                }
                (problems, slowest)
            })
        })
        .collect();
    let mut phase = Phase {
        problems: Vec::new(),
        slowest: Duration::ZERO,
        last_version: 0,
    };
    for client in clients {
        let (problems, slowest) = client.join().expect("a client thread");
        phase.problems.extend(problems);
        phase.slowest = phase.slowest.max(slowest);
    }
    done.store(true, Ordering::Relaxed);
    phase.last_version = editor.join().expect("the editor thread");
    phase
}

/// Waits until the server shows `version` of the article and has been quiet for a moment;
/// returns the versions the page shows then.
fn settle(address: SocketAddr, version: usize) -> Vec<usize> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let seen = versions(&request(address, "GET", "/fr/articles/alpha/").body);
        if seen.iter().all(|v| *v == version) || Instant::now() > deadline {
            thread::sleep(Duration::from_millis(500));
            return seen;
        }
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn many_clients_while_an_article_is_saved_over_and_over() {
    let site = common::fixture("site");
    let root = site.path();
    let original = std::fs::read_to_string(root.join(ARTICLE)).expect("article");
    assert!(original.contains("title = \"Article alpha\""));
    assert!(original.contains("summary = \"Le résumé d'alpha.\""));
    let (mut server, address) = serve_command(root);
    let pid = server.id();

    // Rounds of requests while the article is saved, the memory read once the server has
    // caught up with each round's last save; then a round with no saves at all.
    let mut rounds = Vec::new();
    let mut memory = Vec::new();
    let mut version = 0;
    for _ in 0..ROUNDS {
        let round = load(address, root, &original, REQUESTS_EACH, version + 1, EDITS);
        version = round.last_version;
        assert_eq!(
            settle(address, version),
            vec![version; 3],
            "after save {version}"
        );
        memory.push(resident_kib(pid));
        rounds.push(round);
    }
    // Rounds without saves: the allocator and tokio's pool of threads for file reads make the
    // resident memory move by steps of a few megabytes; a leak would make it climb.
    let mut quiet_memory = Vec::new();
    for _ in 0..QUIET_ROUNDS {
        rounds.push(load(
            address,
            root,
            &original,
            REQUESTS_EACH,
            version + 1,
            0,
        ));
        quiet_memory.push(resident_kib(pid));
    }
    let _ = server.kill();
    let _ = server.wait();

    let requests = CLIENTS * REQUESTS_EACH * rounds.len();
    let slowest = rounds.iter().map(|r| r.slowest).max().unwrap_or_default();
    eprintln!(
        "{requests} requests from {CLIENTS} clients, {version} saves; slowest answer \
         {slowest:?}; server memory (KiB) after each round of saves {memory:?}, then after \
         each round without saves {quiet_memory:?}"
    );
    let problems: Vec<_> = rounds.iter().flat_map(|r| &r.problems).collect();
    assert!(
        problems.is_empty(),
        "failed or torn responses: {problems:#?}"
    );
    assert!(
        version >= ROUNDS * 2,
        "the clients were done after {version} saves"
    );
    // Rebuilds leave the allocator holding some memory, more or less from one to the next:
    // the later rounds may not go past the highest of the first ones by more than 32 MiB.
    let (first, later) = memory.split_at(ROUNDS / 2);
    let first = first.iter().max().copied().unwrap_or_default();
    let later = later.iter().max().copied().unwrap_or_default();
    assert!(
        later <= first + 32 * 1024,
        "the server grew from {first} to {later} KiB over rounds of saves: {memory:?}"
    );
    // A leak climbs at every round (1 KB a request is 2.5 MB a round); the allocator and the
    // thread pool grow by steps, then stay. So: a round in the later half that adds at most
    // 1 MiB, and at most 16 MiB over all the rounds without saves.
    let rises: Vec<i64> = quiet_memory
        .windows(2)
        .map(|w| w[1] as i64 - w[0] as i64)
        .collect();
    let settled = rises[rises.len() / 2..].iter().any(|rise| *rise <= 1024);
    let total = quiet_memory[QUIET_ROUNDS - 1] as i64 - quiet_memory[0] as i64;
    assert!(
        settled && total <= 16 * 1024,
        "serving alone kept growing the server (KiB after each round): {quiet_memory:?}"
    );
}
