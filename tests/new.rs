//! `marsad new article`: the files it creates parse with the real schema, are drafts dated
//! today that the published build skips, become a built page once filled in, are never
//! written over, and only under a valid slug.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{build, build_ok, copy_dir, fixture, repo};
use marsad::diagnostics::SourceFile;
use marsad::load::front_matter;
use marsad::load::schema::ArticleFrontMatter;
use marsad::new::{NewError, create_article, today};
use marsad::{BuildError, BuildOptions};

/// The front matter of an article file, parsed with the schema the build uses.
fn front_matter(path: &Path) -> ArticleFrontMatter {
    let text = fs::read_to_string(path).expect("readable article");
    let file = SourceFile::new(path, text);
    let split = front_matter::split(&file).expect("front matter between +++ lines");
    toml::from_str(&file.text[split.front_matter]).expect("front matter matches the schema")
}

fn articles_dir(root: &Path) -> PathBuf {
    root.join("content/articles")
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn creates_a_draft_per_language_dated_today_with_empty_references() {
    let site = fixture("site");
    let before = today();
    let paths = create_article(site.path(), "jazari-oujda").expect("created");
    let after = today();
    let dir = articles_dir(site.path());
    assert_eq!(
        paths,
        [
            dir.join("jazari-oujda.fr.md"),
            dir.join("jazari-oujda.ar.md")
        ]
    );
    for path in &paths {
        let front = front_matter(path);
        let date = *front.date.get_ref();
        assert!(
            date == before || date == after,
            "{}: dated {date}",
            path.display()
        );
        assert_eq!(front.title, "");
        assert_eq!(front.summary, "");
        assert!(front.draft, "a new article must not publish by accident");
        assert!(front.updated.is_none());
        for (name, refs) in [
            ("regions", &front.regions),
            ("partners", &front.partners),
            ("mous", &front.mous),
            ("programmes", &front.programmes),
            ("events", &front.events),
            ("sources", &front.sources),
        ] {
            assert!(refs.is_empty(), "{name}");
        }
    }
}

#[test]
fn keys_come_in_the_readme_order_with_comments_in_the_file_language() {
    let site = fixture("site");
    let paths = create_article(site.path(), "ordre").expect("created");
    let keys = [
        "title",
        "date",
        "# updated",
        "summary",
        "draft",
        "regions",
        "partners",
        "mous",
        "programmes",
        "events",
        "sources",
    ];
    // A comment line from each language's .ftl file, and one that must not appear.
    let comments = [
        ("fr", "# Le titre, entre les guillemets.", "# العنوان"),
        ("ar", "# العنوان، بين علامتي التنصيص.", "# Le titre"),
    ];
    for (path, (lang, expected, foreign)) in paths.iter().zip(comments) {
        let text = fs::read_to_string(path).expect("readable");
        assert!(path.to_string_lossy().ends_with(&format!(".{lang}.md")));
        let found: Vec<&str> = text
            .lines()
            .filter_map(|line| line.split_once(" = ").map(|(key, _)| key))
            .collect();
        assert_eq!(found, keys, "{}", path.display());
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.contains(" = ") && !line.starts_with("# updated") {
                assert!(
                    i > 0 && lines[i - 1].starts_with("# "),
                    "{}: no comment above `{line}`",
                    path.display()
                );
            }
        }
        assert!(text.contains(expected), "{text}");
        assert!(!text.contains(foreign), "{text}");
        assert!(
            text.trim_end().ends_with("-->"),
            "the note on the text is an HTML comment: {text}"
        );
    }
}

#[test]
fn the_commented_updated_line_is_valid_once_uncommented() {
    let site = fixture("site");
    let paths = create_article(site.path(), "revision").expect("created");
    let text = fs::read_to_string(&paths[0]).expect("readable");
    fs::write(&paths[0], text.replace("# updated = ", "updated = ")).expect("write");
    let front = front_matter(&paths[0]);
    assert_eq!(
        front.updated.map(|d| *d.get_ref()),
        Some(*front.date.get_ref())
    );
}

#[test]
fn the_published_build_skips_a_new_article_without_a_word() {
    let site = fixture("site");
    let without = build_ok(site.path()).warnings.iter().count();
    create_article(site.path(), "jazari-oujda").expect("created");
    let report = build_ok(site.path());
    assert_eq!(report.warnings.iter().count(), without);
    assert!(
        report
            .warnings
            .iter()
            .all(|w| !w.to_string().contains("jazari-oujda")),
        "{:?}",
        report.warnings
    );
    assert!(!site.path().join("public/fr/articles/jazari-oujda").exists());
    assert!(!site.path().join("public/ar/articles/jazari-oujda").exists());
}

#[test]
fn a_build_with_drafts_says_what_a_new_article_lacks() {
    let site = fixture("site");
    create_article(site.path(), "jazari-oujda").expect("created");
    let mut options = BuildOptions::new(site.path());
    options.drafts = true;
    let Err(BuildError::Invalid(found)) = marsad::build(&options) else {
        panic!("an empty article cannot be built with --drafts");
    };
    let errors: Vec<String> = found
        .sorted()
        .iter()
        .map(ToString::to_string)
        .filter(|e| e.contains("jazari-oujda"))
        .collect();
    for expected in [
        "`title` is empty",
        "`summary` is empty",
        "this article cites no source",
        "this article names no region and no partner",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(expected)),
            "no `{expected}` in {errors:#?}"
        );
    }
}

#[test]
fn once_filled_in_it_builds_with_drafts_on_the_real_site() {
    let site = tempfile::tempdir().expect("temporary folder");
    for dir in ["content", "seeds", "i18n", "themes"] {
        copy_dir(&repo().join(dir), &site.path().join(dir));
    }
    fs::copy(
        repo().join("observatory.toml"),
        site.path().join("observatory.toml"),
    )
    .expect("config");
    let paths = create_article(site.path(), "jazari-oujda").expect("created");
    let texts = [
        (
            "Un institut Jazari à Oujda",
            "Ce que l'on sait.",
            "Le texte.",
        ),
        ("معهد الجزري في وجدة", "ما نعرفه.", "النص."),
    ];
    for (path, (title, summary, body)) in paths.iter().zip(texts) {
        let text = fs::read_to_string(path).expect("readable");
        let filled = text
            .replace("title = \"\"", &format!("title = \"{title}\""))
            .replace("summary = \"\"", &format!("summary = \"{summary}\""))
            .replace("regions = []", "regions = [\"oriental\"]")
            .replace("sources = []", "sources = [\"assises-ia-rabat-2025\"]")
            + body;
        fs::write(path, filled).expect("write");
    }
    let mut options = BuildOptions::new(site.path());
    options.drafts = true;
    if let Err(error) = marsad::build(&options) {
        match error {
            BuildError::Invalid(found) => panic!(
                "{}",
                found
                    .sorted()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            other => panic!("{other}"),
        }
    }
    for (lang, title) in [("fr", texts[0].0), ("ar", texts[1].0)] {
        let page = site
            .path()
            .join(format!("public/{lang}/articles/jazari-oujda/index.html"));
        let html = fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(html.contains(title), "{lang} page without its title");
    }
}

#[test]
fn refuses_to_overwrite_and_creates_nothing() {
    let site = fixture("site");
    let dir = articles_dir(site.path());
    // `alpha` exists in both languages, `beta` in French only.
    let alpha_fr = fs::read(dir.join("alpha.fr.md")).expect("fixture");
    let before = listing(&dir);
    match create_article(site.path(), "alpha") {
        Err(NewError::AlreadyExists { paths }) => {
            assert_eq!(paths, [dir.join("alpha.fr.md"), dir.join("alpha.ar.md")]);
        }
        other => panic!("{other:?}"),
    }
    match create_article(site.path(), "beta") {
        Err(error @ NewError::AlreadyExists { .. }) => {
            let NewError::AlreadyExists { paths } = &error else {
                unreachable!()
            };
            assert_eq!(paths, &[dir.join("beta.fr.md")]);
            assert!(error.to_string().ends_with("beta.fr.md already exists"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(listing(&dir), before, "beta.ar.md must not be created");
    assert_eq!(
        fs::read(dir.join("alpha.fr.md")).expect("fixture"),
        alpha_fr
    );

    create_article(site.path(), "gamma-2").expect("a new slug");
    let created = fs::read(dir.join("gamma-2.fr.md")).expect("created");
    fs::write(dir.join("gamma-2.fr.md"), "edited").expect("write");
    assert!(matches!(
        create_article(site.path(), "gamma-2"),
        Err(NewError::AlreadyExists { .. })
    ));
    assert_eq!(
        fs::read(dir.join("gamma-2.fr.md")).expect("kept"),
        b"edited"
    );
    assert_ne!(created, b"edited");
}

#[test]
fn rejects_slugs_that_are_not_lowercase_ascii_words() {
    let site = fixture("site");
    let dir = articles_dir(site.path());
    let before = listing(&dir);
    let cases = [
        ("Jazari Oujda", "jazari-oujda"),
        ("Mistral-AI", "mistral-ai"),
        ("مرصد", "my-article"),
        ("معهد-oujda", "oujda"),
        ("", "my-article"),
        ("..", "my-article"),
        ("../alpha", "alpha"),
        ("a/b", "a-b"),
        ("a_b", "a-b"),
        ("-a", "a"),
        ("a--b", "a-b"),
        ("alpha.fr", "alpha-fr"),
        ("été", "t"),
        ("a\u{202e}b", "a-b"),
    ];
    for (slug, suggestion) in cases {
        match create_article(site.path(), slug) {
            Err(error @ NewError::InvalidSlug { .. }) => {
                let hint = error.hint().expect("a hint");
                assert!(
                    hint.contains(&format!("`{suggestion}`")),
                    "{slug:?}: {hint}"
                );
            }
            other => panic!("{slug:?}: {other:?}"),
        }
    }
    assert_eq!(listing(&dir), before);
    assert!(!site.path().join("content/alpha.fr.md").exists());
}

#[test]
fn one_file_per_language_of_the_configuration() {
    let site = tempfile::tempdir().expect("temporary folder");
    fs::write(
        site.path().join("observatory.toml"),
        r#"base_url = "https://example.org/"
default_language = "ar"
theme = "observatory"

[[languages]]
code = "ar"
title = "مرصد"
locale = "ar-MA"
direction = "rtl"

[[languages]]
code = "fr"
title = "Observatoire"
locale = "fr-MA"
direction = "ltr"

[[languages]]
code = "en"
title = "Observatory"
locale = "en-GB"
direction = "ltr"
"#,
    )
    .expect("config");
    copy_dir(&repo().join("i18n"), &site.path().join("i18n"));
    // No content/ folder yet: it is created. No en.ftl: the English file has no comments.
    let paths = create_article(site.path(), "jazari-oujda").expect("created");
    let dir = articles_dir(site.path());
    assert_eq!(
        paths,
        ["ar", "fr", "en"].map(|lang| dir.join(format!("jazari-oujda.{lang}.md")))
    );
    for path in &paths {
        assert!(front_matter(path).draft);
    }
    let english = fs::read_to_string(&paths[2]).expect("readable");
    assert!(
        english
            .lines()
            .all(|l| !l.starts_with("# ") || l.starts_with("# updated")),
        "{english}"
    );
}

#[test]
fn without_a_configuration_nothing_is_created() {
    let site = tempfile::tempdir().expect("temporary folder");
    assert!(matches!(
        create_article(site.path(), "jazari-oujda"),
        Err(NewError::Config(_))
    ));
    assert!(!site.path().join("content").exists());
}

#[test]
fn the_command_line_creates_refuses_and_explains() {
    let site = fixture("site");
    let marsad = |slug: &str| {
        Command::new(env!("CARGO_BIN_EXE_marsad"))
            .args(["new", "article", slug, "--root"])
            .arg(site.path())
            .output()
            .expect("marsad runs")
    };
    let created = marsad("jazari-oujda");
    let stdout = String::from_utf8_lossy(&created.stdout);
    assert!(created.status.success(), "{created:?}");
    for lang in ["fr", "ar"] {
        assert!(
            stdout.contains(&format!(
                "created {}",
                site.path()
                    .join(format!("content/articles/jazari-oujda.{lang}.md"))
                    .display()
            )),
            "{stdout}"
        );
    }
    assert!(stdout.contains("draft = false"), "{stdout}");
    assert!(stdout.contains("marsad serve --drafts"), "{stdout}");

    let again = marsad("jazari-oujda");
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr.contains("jazari-oujda.fr.md and"), "{stderr}");
    assert!(stderr.contains("already exist"), "{stderr}");
    assert!(stderr.contains("nothing was created"), "{stderr}");

    let bad = marsad("Jazari Oujda");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr.contains("error: `Jazari Oujda` is not a valid slug"),
        "{stderr}"
    );
    assert!(stderr.contains("try `jazari-oujda`"), "{stderr}");

    // The published build still succeeds with the new draft in place.
    assert!(build(site.path()).is_ok());
}
