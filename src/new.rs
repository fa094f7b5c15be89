//! `marsad new`: creates content files with their front matter filled in.
//!
//! `marsad new article <slug>` writes `content/articles/<slug>.<lang>.md` for every language
//! of `observatory.toml`. Each file is a **draft** dated today, with an empty title, summary
//! and references, and above every key a comment saying what to write, in the file's own
//! language. Those comments are interface text, so they come from `i18n/<lang>.ftl`
//! (`new-article-<key>`), never from Rust.
//!
//! Why a draft with empty fields rather than placeholders: a placeholder title is one
//! forgotten edit away from being published. The link stage does not ask a draft that is
//! left out of the build to be complete, so a new article never breaks the published site,
//! while `marsad build --drafts` lists exactly what it still lacks (title, summary, a region or
//! partner, a source).
//!
//! Creation is all or nothing: if any of the files exists, none is written; if writing one
//! fails, those already written are removed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use crate::config::Config;
use crate::diagnostics::{Diagnostics, SourceFile};
use crate::i18n::Messages;
use crate::load::date::FlexDate;
use crate::load::{is_valid_slug, suggest_slug};

/// What `marsad new` creates.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum NewCommand {
    /// An article in every language of the site: `content/articles/<slug>.<lang>.md`, as a
    /// draft dated today.
    Article {
        /// Lowercase ASCII words joined by hyphens, e.g. `jazari-oujda-opens`.
        slug: String,
        /// The site root, which holds observatory.toml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

/// Why `marsad new` created nothing.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The slug is not lowercase ASCII words joined by hyphens.
    #[error("`{}` is not a valid slug", slug.escape_debug())]
    InvalidSlug {
        /// What was given.
        slug: String,
        /// A valid slug made of its ASCII words.
        suggestion: String,
    },
    /// `observatory.toml` is missing or invalid.
    #[error("cannot read the site configuration")]
    Config(Diagnostics),
    /// Some of the files to create already exist.
    #[error("{} already exist{}", list(paths), if paths.len() == 1 { "s" } else { "" })]
    AlreadyExists {
        /// The files that exist.
        paths: Vec<PathBuf>,
    },
    /// A folder or file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The folder or file.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
}

impl NewError {
    /// How to get past the error, when there is something to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            NewError::InvalidSlug { suggestion, .. } => Some(format!(
                "a slug is lowercase ASCII words (a-z, 0-9) joined by hyphens, the same in every \
                 language; it becomes the file names and the URL: try `{suggestion}`"
            )),
            NewError::AlreadyExists { .. } => Some(String::from(
                "nothing was created: choose another slug, or edit the existing files",
            )),
            NewError::Config(_) | NewError::Write { .. } => None,
        }
    }
}

fn list(paths: &[PathBuf]) -> String {
    let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    shown.join(" and ")
}

/// Runs `marsad new`.
pub fn run(what: &NewCommand) -> ExitCode {
    match what {
        NewCommand::Article { slug, root } => match create_article(root, slug) {
            Ok(paths) => {
                for path in &paths {
                    println!("created {}", path.display());
                }
                println!("{}", next_steps(root, slug));
                ExitCode::SUCCESS
            }
            Err(NewError::Config(problems)) => {
                crate::diagnostics::print(problems);
                eprintln!("error: nothing was created");
                ExitCode::FAILURE
            }
            Err(error) => {
                eprintln!("error: {error}");
                if let Some(hint) = error.hint() {
                    eprintln!("  = help: {hint}");
                }
                ExitCode::FAILURE
            }
        },
    }
}

/// What to do once the files exist.
fn next_steps(root: &Path, slug: &str) -> String {
    let root_option = if root == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", root.display())
    };
    format!(
        "\nnext:\n  \
         1. in every file, write the title and summary, the regions or partners the article is \
         about and at least one source (the same references in every language), then the text;\n  \
         2. preview: marsad serve --drafts{root_option}, then open \
         http://127.0.0.1:1111/fr/articles/{slug}/ (it shows what is still missing, and \
         reloads on every save);\n  \
         3. publish: set draft = false in every file."
    )
}

/// Creates `content/articles/<slug>.<lang>.md` under `root` for every language of the site,
/// dated today, and returns their paths in the configuration's language order.
pub fn create_article(root: &Path, slug: &str) -> Result<Vec<PathBuf>, NewError> {
    create_article_dated(root, slug, today())
}

/// [`create_article`] with a given date.
pub fn create_article_dated(
    root: &Path,
    slug: &str,
    date: FlexDate,
) -> Result<Vec<PathBuf>, NewError> {
    if !is_valid_slug(slug) {
        return Err(NewError::InvalidSlug {
            slug: slug.to_owned(),
            suggestion: suggest_slug(slug),
        });
    }
    let config = Config::load(root).map_err(NewError::Config)?;
    let dir = root.join("content").join("articles");
    let paths: Vec<(PathBuf, &str)> = config
        .language_codes()
        .map(|lang| (dir.join(format!("{slug}.{lang}.md")), lang))
        .collect();
    // `symlink_metadata` also sees a dangling link, which `create_new` would refuse.
    let existing: Vec<PathBuf> = paths
        .iter()
        .filter(|(path, _)| path.symlink_metadata().is_ok())
        .map(|(path, _)| path.clone())
        .collect();
    if !existing.is_empty() {
        return Err(NewError::AlreadyExists { paths: existing });
    }
    let messages = comment_messages(root, &config);
    let files: Vec<(PathBuf, String)> = paths
        .into_iter()
        .map(|(path, lang)| (path, article_text(messages.as_ref(), lang, date)))
        .collect();
    fs::create_dir_all(&dir).map_err(|source| NewError::Write {
        path: dir.clone(),
        source,
    })?;
    write_all_or_nothing(&files)?;
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The keys of an article's front matter that an editor fills, in the order the README
/// documents them, and what a new article starts with.
const FIELDS: [(&str, Initial); 11] = [
    ("title", Initial::EmptyText),
    ("date", Initial::Today),
    ("updated", Initial::CommentedOut),
    ("summary", Initial::EmptyText),
    ("draft", Initial::True),
    ("regions", Initial::EmptyList),
    ("partners", Initial::EmptyList),
    ("mous", Initial::EmptyList),
    ("programmes", Initial::EmptyList),
    ("events", Initial::EmptyList),
    ("sources", Initial::EmptyList),
];

/// The value a key of a new article starts with.
#[derive(Debug, Clone, Copy)]
enum Initial {
    /// `""`: to be written; a draft may leave it empty, a published article may not.
    EmptyText,
    /// Today's date.
    Today,
    /// Today's date on a commented-out line: optional, and not true yet.
    CommentedOut,
    /// `true`.
    True,
    /// `[]`.
    EmptyList,
}

/// The text of a new article in `lang`: front matter with a comment above each key (when
/// `i18n/<lang>.ftl` has one) and a note in place of the text.
fn article_text(messages: Option<&Messages>, lang: &str, date: FlexDate) -> String {
    let help = |id: &str| {
        messages.and_then(|m| {
            m.format(
                lang,
                &format!("{}{id}", crate::i18n::NEW_ARTICLE_PREFIX),
                None,
            )
            .ok()
        })
    };
    let mut lines = vec![String::from("+++")];
    for (key, initial) in FIELDS {
        if let Some(help) = help(key) {
            lines.extend(help.lines().map(|line| format!("# {line}")));
        }
        lines.push(match initial {
            Initial::EmptyText => format!("{key} = \"\""),
            Initial::Today => format!("{key} = {date}"),
            Initial::CommentedOut => format!("# {key} = {date}"),
            Initial::True => format!("{key} = true"),
            Initial::EmptyList => format!("{key} = []"),
        });
    }
    lines.push(String::from("+++"));
    if let Some(note) = help("body") {
        // An HTML comment is dropped from the page; `-->` would end it early.
        lines.push(format!("<!-- {} -->", note.replace("-->", "→")));
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// The site's interface strings, for the comments; `None` when there are none to read (the
/// files are then created without comments, and the build reports the missing `.ftl`).
fn comment_messages(root: &Path, config: &Config) -> Option<Messages> {
    let files: Vec<Arc<SourceFile>> = config
        .language_codes()
        .filter_map(|lang| {
            let shown = PathBuf::from("i18n").join(format!("{lang}.ftl"));
            let text = fs::read_to_string(root.join(&shown)).ok()?;
            Some(SourceFile::new(shown, text))
        })
        .collect();
    if files.is_empty() {
        return None;
    }
    // Problems in the .ftl files are the build's to report; a message that does not format
    // only loses its comment here.
    Some(Messages::load(config, files, &mut Diagnostics::new()))
}

/// Writes every file or none: each is created new (never replacing a file that appeared
/// since the check), and on the first failure the files written so far are removed.
fn write_all_or_nothing(files: &[(PathBuf, String)]) -> Result<(), NewError> {
    let mut written: Vec<&Path> = Vec::new();
    for (path, text) in files {
        let result = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .and_then(|mut file| {
                written.push(path);
                file.write_all(text.as_bytes())?;
                file.sync_all()
            });
        if let Err(source) = result {
            for done in &written {
                // Best effort: the error below is what the editor needs to see.
                let _ = fs::remove_file(done);
            }
            return Err(if source.kind() == io::ErrorKind::AlreadyExists {
                NewError::AlreadyExists {
                    paths: vec![path.clone()],
                }
            } else {
                NewError::Write {
                    path: path.clone(),
                    source,
                }
            });
        }
    }
    Ok(())
}

/// Today's date in the local time zone (in UTC where the time zone cannot be read).
pub fn today() -> FlexDate {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    local_date(seconds).unwrap_or_else(|| utc_date(seconds))
}

/// The local calendar date at `seconds` after the Unix epoch.
#[cfg(unix)]
fn local_date(seconds: i64) -> Option<FlexDate> {
    let time = libc::time_t::try_from(seconds).ok()?;
    // SAFETY: `tm` is plain data for which all-zero bytes are a valid value (a null
    // `tm_zone`); `localtime_r`, unlike `localtime`, writes only into the struct it is given.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers come from live references.
    let result = unsafe { libc::localtime_r(&time, &mut tm) };
    if result.is_null() {
        return None;
    }
    FlexDate::new(
        tm.tm_year.checked_add(1900)?,
        Some(u8::try_from(tm.tm_mon.checked_add(1)?).ok()?),
        Some(u8::try_from(tm.tm_mday).ok()?),
    )
    .ok()
}

#[cfg(not(unix))]
fn local_date(_seconds: i64) -> Option<FlexDate> {
    None
}

/// The UTC calendar date at `seconds` after the Unix epoch.
fn utc_date(seconds: i64) -> FlexDate {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    FlexDate {
        year: i32::try_from(year).unwrap_or(i32::MAX),
        month: Some(month),
        day: Some(day),
    }
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: 1..=12 and 1..=31.
    (year, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_723), (2024, 1, 1));
        assert_eq!(civil_from_days(19_723 + 59), (2024, 2, 29));
        assert_eq!(civil_from_days(19_723 + 365), (2024, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn local_date_is_within_a_day_of_utc() {
        let seconds = 1_750_000_000; // 2025-06-15 15:06:40 UTC
        assert_eq!(utc_date(seconds).to_string(), "2025-06-15");
        if let Some(local) = local_date(seconds) {
            let day = local.to_string();
            assert!(
                ["2025-06-14", "2025-06-15", "2025-06-16"].contains(&day.as_str()),
                "{day}"
            );
        }
    }

    #[test]
    fn a_failed_write_removes_the_files_already_written() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let first = dir.path().join("a.fr.md");
        let second = dir.path().join("missing-folder").join("a.ar.md");
        let files = vec![
            (first.clone(), String::from("fr")),
            (second.clone(), String::from("ar")),
        ];
        let error = write_all_or_nothing(&files).expect_err("the second file cannot be written");
        assert!(matches!(error, NewError::Write { ref path, .. } if *path == second));
        assert!(!first.exists(), "the first file was left behind");
    }

    #[test]
    fn a_file_that_appears_meanwhile_is_not_replaced() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let first = dir.path().join("a.fr.md");
        let second = dir.path().join("a.ar.md");
        fs::write(&second, "already here").expect("write");
        let files = vec![
            (first.clone(), String::from("fr")),
            (second.clone(), String::from("ar")),
        ];
        let error = write_all_or_nothing(&files).expect_err("the second file exists");
        assert!(
            matches!(error, NewError::AlreadyExists { ref paths } if *paths == [second.clone()])
        );
        assert!(!first.exists());
        assert_eq!(fs::read_to_string(&second).expect("read"), "already here");
    }

    #[test]
    fn without_interface_strings_the_front_matter_has_no_comments() {
        let date = FlexDate::parse("2026-01-15").expect("date");
        let text = article_text(None, "fr", date);
        assert!(
            !text
                .lines()
                .any(|l| l.starts_with("# ") && !l.contains("updated"))
        );
        assert!(text.contains("date = 2026-01-15\n"));
        assert!(text.contains("# updated = 2026-01-15\n"));
    }
}
