//! Crash safety: `marsad build` killed with SIGKILL at moments spread over a whole build of a
//! large site never leaves a partial `public/`. After every kill `public/` is a complete site,
//! byte for byte: the previous one, or the new one when the kill came after the swap. The
//! next build removes what the killed ones left (staging folders, half-written manifests).
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::fixture;

/// Articles added per language to the fixture site, so that a build takes long enough to be
/// killed in each of its stages (loading, rendering and writing, the search index, the swap).
const ARTICLES: usize = 120;
/// Builds killed, at moments spread evenly over the length of an uninterrupted build.
const KILLS: usize = 10;

/// Every file under `dir`: relative path → hash of its bytes.
type Fingerprint = BTreeMap<PathBuf, u64>;

fn fingerprint(dir: &Path) -> Fingerprint {
    common::snapshot(dir)
        .into_iter()
        .map(|(path, bytes)| {
            let mut hasher = DefaultHasher::new();
            hasher.write(&bytes);
            (path, hasher.finish())
        })
        .collect()
}

/// Adds [`ARTICLES`] copies of the fixture's article `alpha` in both languages, each with a
/// longer body, so the site writes a few thousand files.
fn grow(root: &Path) {
    let articles = root.join("content/articles");
    for lang in ["fr", "ar"] {
        let alpha = fs::read_to_string(articles.join(format!("alpha.{lang}.md"))).expect("alpha");
        let (front, body) = alpha.rsplit_once("+++\n").expect("front matter");
        let body = body.repeat(20);
        for i in 0..ARTICLES {
            let text = format!("{front}+++\n{body}");
            fs::write(articles.join(format!("bulk-{i:04}.{lang}.md")), text).expect("write");
        }
    }
}

/// Changes every generated article's title, so the next build rewrites all their pages.
fn revise(root: &Path) {
    let articles = root.join("content/articles");
    for entry in fs::read_dir(&articles).expect("articles").flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.starts_with("bulk-") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).expect("read");
        let revised = text.replacen("title = \"", "title = \"Révisé : ", 1);
        assert_ne!(text, revised, "{name} has no title");
        fs::write(entry.path(), revised).expect("write");
    }
}

fn build_command(root: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marsad"));
    command
        .arg("build")
        .arg("--root")
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Runs a whole build into `output` and returns how long it took.
fn build_to_the_end(root: &Path, output: &Path) -> Duration {
    let start = Instant::now();
    let result = build_command(root)
        .arg("--output")
        .arg(output)
        .output()
        .expect("marsad runs");
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    start.elapsed()
}

/// Starts a build, kills it (SIGKILL) after `delay`, and waits for it. Returns false when it
/// had already finished by then.
fn build_killed_after(root: &Path, delay: Duration) -> bool {
    let mut child = build_command(root).spawn().expect("marsad starts");
    std::thread::sleep(delay);
    let running = child.try_wait().expect("child status").is_none();
    if running {
        child.kill().expect("SIGKILL");
    }
    child.wait().expect("child ends");
    running
}

/// What killed builds may leave beside `public/`, which the next build must remove.
fn leftovers(root: &Path) -> Vec<String> {
    fs::read_dir(root)
        .expect("site folder")
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| {
            [".public.staging-", ".public.old-", ".public.manifest-"]
                .iter()
                .any(|prefix| name.starts_with(prefix))
        })
        .collect()
}

/// Why a fingerprint differs from an expected one: the first path missing, added or
/// changed, or `None` when they are the same.
fn difference(found: &Fingerprint, expected: &Fingerprint) -> Option<String> {
    if let Some(path) = expected.keys().find(|p| !found.contains_key(*p)) {
        return Some(format!("{} is missing", path.display()));
    }
    found
        .iter()
        .find_map(|(path, hash)| match expected.get(path) {
            None => Some(format!("{} should not be there", path.display())),
            Some(expected) if expected != hash => Some(format!("{} differs", path.display())),
            Some(_) => None,
        })
}

#[test]
fn a_killed_build_leaves_the_previous_site_whole() {
    let site = fixture("site");
    let root = site.path();
    let public = root.join("public");
    grow(root);
    build_to_the_end(root, &public);
    let previous = fingerprint(&public);
    assert!(previous.len() > 2 * ARTICLES, "{} files", previous.len());

    // The revised site, built whole elsewhere: what `public/` holds once a build gets through.
    revise(root);
    let elsewhere = tempfile::tempdir().expect("temporary folder");
    let length = build_to_the_end(root, &elsewhere.path().join("public"));
    let revised = fingerprint(&elsewhere.path().join("public"));
    assert!(
        difference(&revised, &previous).is_some(),
        "the revised titles changed no file"
    );

    let (mut killed, mut killed_mid_write, mut new_site) = (0, 0, 0);
    for kill in 0..KILLS {
        // Evenly spread, from the very start to a little past the end of a whole build.
        let delay = length.mul_f64(kill as f64 * 1.2 / (KILLS - 1) as f64);
        if build_killed_after(root, delay) {
            killed += 1;
        }
        assert!(public.is_dir(), "kill {kill} after {delay:?}: no public/");
        if !leftovers(root).is_empty() {
            killed_mid_write += 1;
        }
        let now = fingerprint(&public);
        match (difference(&now, &previous), difference(&now, &revised)) {
            (None, _) => {}
            (Some(_), None) => new_site += 1,
            (Some(old), Some(new)) => panic!(
                "kill {kill} after {delay:?}: public/ is neither the previous site ({old}) \
                 nor the new one ({new})"
            ),
        }
    }
    eprintln!(
        "{killed} of {KILLS} builds killed while running, {killed_mid_write} of them while \
         writing; public/ was the new site after {new_site} kills; a whole build: {length:?}"
    );
    assert!(
        killed >= KILLS / 2,
        "only {killed} of {KILLS} builds were still running when killed"
    );
    assert!(
        killed_mid_write > 0,
        "no kill left a staging folder: none came while the output was being written"
    );

    build_to_the_end(root, &public);
    assert_eq!(difference(&fingerprint(&public), &revised), None);
    assert_eq!(
        leftovers(root),
        Vec::<String>::new(),
        "the build after the kills left these"
    );
}
