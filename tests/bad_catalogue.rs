//! The catalogue of bad inputs: one folder per case under `tests/fixtures/bad/`, each breaking
//! the base site (`tests/fixtures/site`) in one way, described by its `case.toml`.
//!
//! For every case the runner builds the base site once, applies the case, runs the real
//! `marsad build` and checks: the exit status; no panic; for an error case, standard error
//! byte for byte against `expected.txt` and `public/` exactly as it was; for an ok case, the
//! strings that must or must not appear in the output; and always, that nothing was written
//! outside `public/` (neither in the site nor in the folder the outside-pointing symlinks
//! lead to) and no staging folder was left behind.
//!
//! `MARSAD_BLESS=1 cargo test --test bad_catalogue` rewrites the `expected.txt` files; read
//! every one you bless.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use common::{copy_dir, repo, snapshot};

/// The placeholder standing for the temporary site folder in `expected.txt`.
const SITE: &str = "<SITE>";
/// The placeholder standing for the folder outside the site (symlink targets).
const OUTSIDE: &str = "<OUTSIDE>";

/// What a `case.toml` says.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// One line: what the case checks.
    about: String,
    /// `error` (the build must fail) or `ok` (it must succeed).
    expect: Expect,
    /// Paths of the base site to delete.
    #[serde(default)]
    remove: Vec<String>,
    /// Texts to replace (once each) in files of the base site.
    #[serde(default)]
    edits: Vec<Edit>,
    /// Files of the base site to rename (for names too odd to commit: control characters…).
    #[serde(default)]
    rename: Vec<Rename>,
    /// Symbolic links to make; `<OUTSIDE>` in a target stands for the outside folder.
    #[serde(default)]
    symlinks: Vec<Symlink>,
    /// Inputs made by the runner: too big or too odd to commit.
    #[serde(default)]
    generated: Vec<Generated>,
    /// Ok cases: strings that must appear in at least one output file.
    #[serde(default)]
    present: Vec<String>,
    /// Ok cases: strings that must appear in no HTML, XML or JSON output file.
    #[serde(default)]
    absent: Vec<String>,
    /// Ok cases: the output must be byte for byte the base site's.
    #[serde(default)]
    same_output: bool,
}

/// What the build of a case must do.
#[derive(Debug, Deserialize, PartialEq, Eq, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Expect {
    Error,
    Ok,
}

/// Replace the first `from` in the file at `path` with `to`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edit {
    path: String,
    from: String,
    to: String,
}

/// Rename the file `from` to `to` (paths in the site; TOML escapes allowed).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rename {
    from: String,
    to: String,
}

/// Make a symbolic link at `path` (in the site) to `target` (as written in the link).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Symlink {
    path: String,
    target: String,
}

/// An input the runner makes at `path` (deterministically).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Generated {
    path: String,
    kind: GeneratedKind,
}

/// The kinds of generated inputs.
#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "kebab-case")]
enum GeneratedKind {
    /// The existing file with CRLF line endings.
    Crlf,
    /// The existing file with a UTF-8 byte-order mark in front.
    Bom,
    /// A valid article of 50 MB.
    HugeArticle,
    /// An article whose body nests 10,000 lists on one line (`- - - … a`).
    NestedLists,
    /// An article whose body nests 10,000 lists by indentation (about 100 MB).
    NestedListsIndented,
    /// An article whose body nests 10,000 blockquotes.
    NestedQuotes,
    /// A named pipe (a FIFO): reading it would wait forever for a writer.
    Fifo,
    /// A folder.
    Folder,
    /// The existing file with no permissions at all (`chmod 000`). Root reads it anyway, so
    /// when the tests run as root the build of this case runs as `nobody` (see
    /// [`marsad_build`]).
    Unreadable,
    /// Every text field of every fact sheet and front matter under this folder (the
    /// localized `fr`/`ar` texts, titles, summaries, publishers, authors) begins with markup.
    InjectMarkup,
}

/// What [`GeneratedKind::InjectMarkup`] puts in front of every text.
const INJECTED: &str = "<script>alert(1)</script><b>injected</b>\\\"'&amp;";

/// The folder of every case.
fn catalogue() -> PathBuf {
    repo().join("tests/fixtures/bad")
}

/// Every case folder, sorted by name.
fn case_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(catalogue())
        .expect("tests/fixtures/bad exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Parses a case folder's `case.toml`.
fn read_case(dir: &Path) -> Result<Case, String> {
    let text = fs::read_to_string(dir.join("case.toml")).map_err(|e| format!("case.toml: {e}"))?;
    toml::from_str(&text).map_err(|e| format!("case.toml: {e}"))
}

/// A case's name: its folder's.
fn name(dir: &Path) -> String {
    dir.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// The catalogue is big enough and every case is well formed.
#[test]
fn the_catalogue_has_at_least_30_well_formed_cases() {
    let dirs = case_dirs();
    assert!(dirs.len() >= 30, "only {} cases", dirs.len());
    let mut problems = Vec::new();
    for dir in &dirs {
        match read_case(dir) {
            Ok(case) => {
                if case.about.trim().is_empty() || case.about.contains('\n') {
                    problems.push(format!("{}: `about` must be one line", name(dir)));
                }
                if case.expect == Expect::Error && !dir.join("expected.txt").is_file() {
                    problems.push(format!("{}: no expected.txt", name(dir)));
                }
            }
            Err(error) => problems.push(format!("{}: {error}", name(dir))),
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Runs every case and reports all the failing ones at once, each under its name.
#[test]
fn every_bad_input_is_reported_and_harmless() {
    let bless = std::env::var_os("MARSAD_BLESS").is_some();
    let failures: Vec<String> = case_dirs()
        .iter()
        .filter_map(|dir| {
            run_case(dir, bless)
                .err()
                .map(|e| format!("{}: {e}", name(dir)))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// A temporary folder holding the site (`site/`) and a folder outside it (`outside/`).
struct Workspace {
    temp: tempfile::TempDir,
    site: PathBuf,
    outside: PathBuf,
}

impl Workspace {
    /// The base site, with the repository's theme and interface strings, and an outside
    /// folder holding a valid article and a secret.
    fn new() -> Workspace {
        let temp = tempfile::tempdir().expect("temporary folder");
        // Canonical, so that the paths in messages are those the build sees.
        let base = temp.path().canonicalize().expect("temporary folder");
        let site = base.join("site");
        let outside = base.join("outside");
        copy_dir(&repo().join("tests/fixtures/site"), &site);
        copy_dir(&repo().join("themes"), &site.join("themes"));
        copy_dir(&repo().join("i18n"), &site.join("i18n"));
        fs::create_dir_all(&outside).expect("outside folder");
        let article = fs::read_to_string(site.join("content/articles/gamma.fr.md"))
            .expect("gamma")
            .replace("title = \"", "title = \"OUTSIDE SECRET ");
        fs::write(outside.join("article.fr.md"), article).expect("outside article");
        fs::write(outside.join("passwd"), "root:x:0:0:root:/root:/bin/bash\n").expect("secret");
        Workspace {
            temp,
            site,
            outside,
        }
    }

    /// Replaces the temporary paths in `text` with the placeholders.
    fn anonymise(&self, text: &str) -> String {
        text.replace(&self.outside.display().to_string(), OUTSIDE)
            .replace(&self.site.display().to_string(), SITE)
    }
}

/// Runs one case; `Err` says what went wrong.
fn run_case(dir: &Path, bless: bool) -> Result<(), String> {
    let case = read_case(dir)?;
    let ws = Workspace::new();
    let (status, _) = marsad_build(&ws.site, None);
    if status != Some(0) {
        return Err("the base site does not build".into());
    }
    let public_before = snapshot(&ws.site.join("public"));
    apply(dir, &case, &ws)?;
    let mut sources_before = sources_snapshot(&ws);

    let unreadable = case
        .generated
        .iter()
        .any(|g| matches!(g.kind, GeneratedKind::Unreadable));
    let user = if unreadable && is_root() {
        open_to_everyone(&ws)?;
        Some(NOBODY)
    } else {
        None
    };
    let (status, stderr) = marsad_build(&ws.site, user);
    let stderr = ws.anonymise(&stderr);
    let mut errors = Vec::new();
    let wanted = if case.expect == Expect::Error { 1 } else { 0 };
    if status != Some(wanted) {
        errors.push(format!("exit status {status:?}, expected {wanted}"));
    }
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        errors.push("a panic".to_owned());
    }
    let mut sources_after = sources_snapshot(&ws);
    if case.expect == Expect::Ok {
        // A successful build rewrites its own list of what it wrote, beside the output.
        sources_after.remove(Path::new("site/.public.manifest"));
        sources_before.remove(Path::new("site/.public.manifest"));
    }
    if sources_after != sources_before {
        errors.push("files outside public/ were written or changed".to_owned());
    }
    if let Some(leftover) = staging_leftover(&ws.site) {
        errors.push(format!("left behind: {leftover}"));
    }
    let public_after = snapshot(&ws.site.join("public"));
    match case.expect {
        Expect::Error => {
            if public_after != public_before {
                errors.push("the failed build changed public/".to_owned());
            }
            check_expected(dir, &stderr, bless, &mut errors);
        }
        Expect::Ok => check_output(&case, &public_before, &public_after, &mut errors),
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}\n  standard error:\n{}",
            errors.join("\n"),
            indent(&stderr)
        ))
    }
}

/// The user id and group id of `nobody`, who runs the build of an unreadable-file case when
/// the tests run as root (root reads a `chmod 000` file, so the case would prove nothing).
const NOBODY: (u32, u32) = (65534, 65534);

/// True when the tests run as root (as in CI).
fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Lets `nobody` read and write the whole workspace (but the unreadable file, whose mode
/// stays 000), as its owner would.
fn open_to_everyone(ws: &Workspace) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    for entry in walkdir::WalkDir::new(ws.temp.path()).follow_links(false) {
        let entry = entry.map_err(|e| e.to_string())?;
        if entry.file_type().is_symlink() {
            continue;
        }
        let mode = entry
            .metadata()
            .map_err(|e| e.to_string())?
            .permissions()
            .mode();
        if mode & 0o777 == 0 {
            continue;
        }
        let open = if entry.file_type().is_dir() {
            0o777
        } else {
            0o666
        };
        fs::set_permissions(entry.path(), fs::Permissions::from_mode(open))
            .map_err(|e| format!("chmod {}: {e}", entry.path().display()))?;
    }
    Ok(())
}

/// Runs `marsad build --root <site>` (as `user`, a uid and gid, when given): its exit status
/// and standard error. A build that runs for more than a minute is killed and reported as a
/// hang.
fn marsad_build(site: &Path, user: Option<(u32, u32)>) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_marsad"));
    if let Some((uid, gid)) = user {
        use std::os::unix::process::CommandExt;
        command.uid(uid).gid(gid);
    }
    let mut child = command
        .arg("build")
        .arg("--root")
        .arg(site)
        .env_remove("RUST_BACKTRACE")
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("marsad runs");
    let stderr = child.stderr.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let mut stderr = stderr;
        std::io::Read::read_to_string(&mut stderr, &mut text).ok();
        text
    });
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if started.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().ok();
            child.wait().ok();
            return (None, "the build hung: killed after 60 s".to_owned());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    (status, reader.join().unwrap_or_default())
}

/// Applies the case to the site: copy `files/`, remove, rename, generate, link.
fn apply(dir: &Path, case: &Case, ws: &Workspace) -> Result<(), String> {
    let files = dir.join("files");
    if files.is_dir() {
        copy_dir(&files, &ws.site);
    }
    for edit in &case.edits {
        let path = ws.site.join(&edit.path);
        let text = fs::read_to_string(&path).map_err(|e| format!("edit {}: {e}", edit.path))?;
        if !text.contains(&edit.from) {
            return Err(format!(
                "edit {}: {:?} is not in the file",
                edit.path, edit.from
            ));
        }
        fs::write(&path, text.replacen(&edit.from, &edit.to, 1))
            .map_err(|e| format!("edit {}: {e}", edit.path))?;
    }
    for path in &case.remove {
        let path = ws.site.join(path);
        let removed = if path.is_dir() {
            fs::remove_dir_all(&path)
        } else {
            fs::remove_file(&path)
        };
        removed.map_err(|e| format!("remove {}: {e}", path.display()))?;
    }
    for rename in &case.rename {
        fs::rename(ws.site.join(&rename.from), ws.site.join(&rename.to))
            .map_err(|e| format!("rename {}: {e}", rename.from))?;
    }
    for generated in &case.generated {
        generate(&ws.site.join(&generated.path), generated.kind)
            .map_err(|e| format!("generate {}: {e}", generated.path))?;
    }
    for link in &case.symlinks {
        let target = link
            .target
            .replace(OUTSIDE, &ws.outside.display().to_string());
        std::os::unix::fs::symlink(&target, ws.site.join(&link.path))
            .map_err(|e| format!("symlink {}: {e}", link.path))?;
    }
    Ok(())
}

/// Makes one generated input.
fn generate(path: &Path, kind: GeneratedKind) -> std::io::Result<()> {
    match kind {
        GeneratedKind::Crlf => {
            let text = fs::read_to_string(path)?;
            fs::write(path, text.replace('\n', "\r\n"))
        }
        GeneratedKind::Bom => {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(fs::read(path)?);
            fs::write(path, bytes)
        }
        GeneratedKind::HugeArticle => {
            let paragraph =
                "Un paragraphe de texte ordinaire, répété pour faire un article énorme.\n\n";
            let mut text = article_head("Un article énorme");
            while text.len() < 50 * 1024 * 1024 {
                text.push_str(paragraph);
            }
            fs::write(path, text)
        }
        GeneratedKind::NestedLists => {
            let mut text = article_head("Des listes imbriquées");
            text.push_str(&"- ".repeat(10_000));
            text.push_str("a\n");
            fs::write(path, text)
        }
        GeneratedKind::NestedListsIndented => {
            let mut text = article_head("Des listes imbriquées");
            for depth in 0..10_000 {
                text.push_str(&"  ".repeat(depth));
                text.push_str("- a\n");
            }
            fs::write(path, text)
        }
        GeneratedKind::NestedQuotes => {
            let mut text = article_head("Des citations imbriquées");
            text.push_str(&"> ".repeat(10_000));
            text.push_str("a\n");
            fs::write(path, text)
        }
        GeneratedKind::Fifo => {
            let status = Command::new("mkfifo").arg(path).status()?;
            if status.success() {
                Ok(())
            } else {
                Err(std::io::Error::other("mkfifo failed"))
            }
        }
        GeneratedKind::Folder => fs::create_dir_all(path),
        GeneratedKind::Unreadable => {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(path, fs::Permissions::from_mode(0o000))
        }
        GeneratedKind::InjectMarkup => inject_markup(path),
    }
}

/// See [`GeneratedKind::InjectMarkup`].
fn inject_markup(dir: &Path) -> std::io::Result<()> {
    const TEXT_KEYS: &[&str] = &[
        "fr",
        "ar",
        "title",
        "summary",
        "publisher",
        "author",
        "original_title",
    ];
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry?;
        let ext = entry.path().extension().and_then(|e| e.to_str());
        if !matches!(ext, Some("toml" | "md")) || entry.path().ends_with("observatory.toml") {
            continue;
        }
        let text = fs::read_to_string(entry.path())?;
        let injected: Vec<String> = text
            .lines()
            .map(|line| {
                let key = line.split(" = \"").next().unwrap_or_default();
                if TEXT_KEYS.contains(&key) && line.contains(" = \"") {
                    line.replacen(" = \"", &format!(" = \"{INJECTED}"), 1)
                } else {
                    line.to_owned()
                }
            })
            .collect();
        fs::write(entry.path(), injected.join("\n") + "\n")?;
    }
    Ok(())
}

/// The front matter of a valid article with `title`.
fn article_head(title: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndate = 2025-07-10\nsummary = \"Un cas.\"\nregions = [\"north\"]\nsources = [\"source-a\"]\n+++\n"
    )
}

/// The site except `public/`, and the outside folder: nothing there may change.
fn sources_snapshot(ws: &Workspace) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(ws.temp.path()).follow_links(false) {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if path.starts_with(ws.site.join("public")) {
            continue;
        }
        let relative = path
            .strip_prefix(ws.temp.path())
            .unwrap_or(path)
            .to_path_buf();
        let content = if entry.file_type().is_file() {
            fs::read(path).unwrap_or_default()
        } else if entry.file_type().is_symlink() {
            fs::read_link(path)
                .map(|t| t.to_string_lossy().into_owned().into_bytes())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        files.insert(relative, content);
    }
    files
}

/// A staging folder or manifest temporary left beside the output.
fn staging_leftover(site: &Path) -> Option<String> {
    fs::read_dir(site)
        .ok()?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.contains("staging") || n.ends_with(".tmp"))
}

/// Compares standard error with `expected.txt`, or rewrites it when blessing.
fn check_expected(dir: &Path, stderr: &str, bless: bool, errors: &mut Vec<String>) {
    let path = dir.join("expected.txt");
    if bless {
        fs::write(&path, stderr).expect("write expected.txt");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != stderr {
        errors.push(format!(
            "standard error differs from expected.txt (MARSAD_BLESS=1 rewrites it)\n  expected:\n{}",
            indent(&expected)
        ));
    }
}

/// Checks an ok case's output: `present`, `absent`, `same_output`.
fn check_output(
    case: &Case,
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    errors: &mut Vec<String>,
) {
    if case.same_output && before != after {
        let differing: Vec<String> = after
            .iter()
            .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
            .map(|(path, _)| path.display().to_string())
            .take(5)
            .collect();
        errors.push(format!(
            "the output differs from the base site's: {differing:?}"
        ));
    }
    for wanted in &case.present {
        if !after.values().any(|bytes| contains(bytes, wanted)) {
            errors.push(format!("no output file contains {wanted:?}"));
        }
    }
    for unwanted in &case.absent {
        for (path, bytes) in after {
            let scanned = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "html" | "xml" | "json"));
            if scanned && contains(bytes, unwanted) {
                errors.push(format!("{} contains {unwanted:?}", path.display()));
            }
        }
    }
}

/// True when `needle` occurs in `haystack`.
fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len().max(1))
        .any(|w| w == needle.as_bytes())
}

/// Indents a block of text under a failure message.
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    | {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
