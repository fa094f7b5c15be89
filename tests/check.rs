//! `marsad check`: one fixture per problem it reports, each with its exact diagnostic.
//!
//! Every case starts from the fixture site made clean (`tests/fixtures/check/clean/` laid
//! over `tests/fixtures/site/`: every article and page translated and up to date), then lays
//! `tests/fixtures/check/<case>/` over it or makes one edit, so that the diagnostics asserted
//! are all the check reports.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::{copy_dir, fixture, repo, snapshot};
use marsad::check::{self, CheckArgs, CheckReport};
use tempfile::TempDir;

/// The fixture site, made clean, with `tests/fixtures/check/<case>/` laid over it.
fn site(case: &str) -> TempDir {
    let site = fixture("site");
    for overlay in ["clean", case] {
        let dir = repo().join("tests/fixtures/check").join(overlay);
        if dir.exists() {
            copy_dir(&dir, site.path());
        }
    }
    site
}

/// Replaces `from` with `to` in a file of the site, checking the text was there.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = fs::read_to_string(&path).expect("fixture file");
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).expect("write fixture");
}

/// Puts `text` at the start of a file of the site.
fn prepend(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    let old = fs::read_to_string(&path).expect("fixture file");
    fs::write(&path, format!("{text}{old}")).expect("write fixture");
}

fn check_site(root: &Path) -> CheckReport {
    check::check(&CheckArgs::new(root))
}

/// Every diagnostic, rendered plain (rustc style, no colours).
fn rendered(report: &CheckReport) -> Vec<String> {
    report.diagnostics.iter().map(ToString::to_string).collect()
}

/// Asserts the report holds exactly these diagnostics, in order.
fn assert_diagnostics(report: &CheckReport, expected: &[&str]) {
    let actual = rendered(report);
    assert!(
        actual == expected,
        "diagnostics differ.\n--- actual:\n{}\n--- expected:\n{}",
        actual.join("\n\n"),
        expected.join("\n\n")
    );
}

fn marsad(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(args)
        .output()
        .expect("run marsad")
}

#[test]
fn clean_site_exits_0_and_writes_nothing() {
    let site = site("clean");
    let before = snapshot(site.path());
    let output = marsad(&["check", "--root", &site.path().to_string_lossy()]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.starts_with("checked "), "{stderr}");
    assert!(
        stderr.ends_with(" internal links: 0 errors, 0 warnings\n"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert!(
        snapshot(site.path()) == before,
        "check wrote into the site folder"
    );
    let report = check_site(site.path());
    assert!(report.pages.is_some_and(|pages| pages > 40), "{report:?}");
    assert!(report.links > 1000, "{report:?}");
}

#[test]
fn broken_link_in_a_template() {
    // The fixture's 404.html links to a page and an anchor that do not exist; both 404 pages
    // (fr and ar) have them: one diagnostic each, not one per page.
    let report = check_site(site("template-link").path());
    assert_diagnostics(
        &report,
        &["error: broken link: `/ar/nowhere/` leads to no page of the site
 --> public/ar/404.html:4:13
  |
4 | <p><a href=\"/ar/nowhere/\">الرئيسية</a> <a href=\"#contenu\">الانتقال إلى المحتوى</a></p>
  |             ^^^^^^^^^^^^ no ar/nowhere/index.html
  |
  = help: found on 2 pages, all drawn by themes/observatory/templates/404.html: the link comes from it or from a template it extends or includes",
        "error: broken anchor: `#contenu`: this page has no element with id `contenu`
 --> public/ar/404.html:4:49
  |
4 | <p><a href=\"/ar/nowhere/\">الرئيسية</a> <a href=\"#contenu\">الانتقال إلى المحتوى</a></p>
  |                                                 ^^^^^^^^ no such anchor
  |
  = help: found on 2 pages, all drawn by themes/observatory/templates/404.html: the link comes from it or from a template it extends or includes"],
    );
    assert_eq!(report.exit_code(), std::process::ExitCode::FAILURE);
}

#[test]
fn broken_anchor_from_markdown() {
    let report = check_site(site("markdown-anchor").path());
    assert_diagnostics(
        &report,
        &["error: broken anchor: `@/articles/alpha#une-sectoin`: /fr/articles/alpha/ has no element with id `une-sectoin`
 --> content/articles/gamma.fr.md:9:39
  |
9 | Gamma renvoie à [une section d'alpha](@/articles/alpha#une-sectoin).
  |                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no such anchor
  |
  = help: did you mean `#une-section`? A #fragment names a heading of the page; give a heading a stable id with `## Title {#id}`"],
    );
}

#[test]
fn broken_raw_link_and_same_page_anchor_in_markdown() {
    let report = check_site(site("markdown-link").path());
    assert_diagnostics(
        &report,
        &[
            "error: broken link: `/fr/regions/nord/` leads to no page of the site
 --> content/articles/gamma.fr.md:9:37
  |
9 | Gamma renvoie à [une page déplacée](/fr/regions/nord/) et [plus bas](#suite).
  |                                     ^^^^^^^^^^^^^^^^^ no such page
  |
  = help: link to pages of the site with @/kind/slug (e.g. @/regions/oriental): the build checks those in every language",
            "error: broken anchor: `#suite`: this page has no element with id `suite`
 --> content/articles/gamma.fr.md:9:70
  |
9 | Gamma renvoie à [une page déplacée](/fr/regions/nord/) et [plus bas](#suite).
  |                                                                      ^^^^^^ no such anchor
  |
  = help: did you mean `#ensuite`? A #fragment names a heading of the page; give a heading a stable id with `## Title {#id}`",
        ],
    );
}

#[test]
fn missing_arabic_translation_is_reported_once() {
    // The build warns of it; check keeps that warning and adds none of its own.
    let report = check_site(site("missing-translation").path());
    assert_diagnostics(
        &report,
        &["warning: the article `delta` has no ar translation
 |
 = note: in content/articles/delta.fr.md
 = help: in ar, readers see it in another language, marked as untranslated; add content/articles/delta.ar.md"],
    );
    assert_eq!(report.exit_code(), std::process::ExitCode::SUCCESS);
}

#[test]
fn missing_fields_in_a_translation() {
    let report = check_site(site("missing-field").path());
    assert_diagnostics(
        &report,
        &[
            "warning: the ar translation has no text
 --> content/articles/gamma.ar.md:8:1
  |
8 | +++
  | ^^^ nothing follows the front matter
  |
  = help: translate the text of content/articles/gamma.fr.md",
            "warning: the ar translation has no `updated`, but content/pages/about.fr.md has `updated = 2025-10-01`
 --> content/pages/about.ar.md:1:1
  |
1 | +++
  | ^^^ no `updated` in this front matter
  |
  = help: add `updated = …` with the day this translation last matched the fr text, so later revisions can be compared with it",
        ],
    );
}

#[test]
fn outdated_translation() {
    let report = check_site(site("outdated").path());
    assert_diagnostics(
        &report,
        &["warning: the ar translation may be out of date: content/articles/alpha.fr.md was revised on 2025-07-05, after it
 --> content/articles/alpha.ar.md:3:1
  |
3 | date = 2025-07-03
  | ^^^^ last revised on 2025-07-03
  |
  = help: compare it with the fr text and bring it up to date, then set `updated` here to that day"],
    );
}

#[test]
fn fluent_message_missing_in_arabic() {
    let site = site("clean");
    prepend(
        site.path(),
        "i18n/fr.ftl",
        "only-fr = Seulement en français\n",
    );
    let report = check_site(site.path());
    assert_diagnostics(
        &report,
        &["error: message `only-fr` has no ar translation
 --> i18n/fr.ftl:1:1
  |
1 | only-fr = Seulement en français
  | ^^^^^^^ defined in fr only
  |
  = help: add `only-fr = …` to i18n/ar.ftl"],
    );
    assert_eq!(report.pages, None, "the site does not build");
}

#[test]
fn fluent_extra_message_in_arabic() {
    let site = site("clean");
    prepend(site.path(), "i18n/ar.ftl", "only-ar = بالعربية فقط\n");
    let report = check_site(site.path());
    assert_diagnostics(
        &report,
        &["error: message `only-ar` has no fr translation
 --> i18n/ar.ftl:1:1
  |
1 | only-ar = بالعربية فقط
  | ^^^^^^^ defined in ar only
  |
  = help: add `only-ar = …` to i18n/fr.ftl"],
    );
}

#[test]
fn fluent_unused_message() {
    let site = site("clean");
    prepend(site.path(), "i18n/fr.ftl", "old-banner = Ancien bandeau\n");
    prepend(site.path(), "i18n/ar.ftl", "old-banner = لافتة قديمة\n");
    let report = check_site(site.path());
    assert_diagnostics(
        &report,
        &["warning: message `old-banner` is not used
 --> i18n/fr.ftl:1:1
  |
1 | old-banner = Ancien bandeau
  | ^^^^^^^^^^ no template, message or code uses it
  |
  = help: remove it from i18n/fr.ftl and i18n/ar.ftl, or use it in a template: {{ \"old-banner\" | t }}"],
    );
    assert_eq!(report.exit_code(), std::process::ExitCode::SUCCESS);
}

#[test]
fn fluent_messages_used_by_prefix_or_by_other_messages_are_used() {
    let site = site("clean");
    // `data-file-…` keys are named by `("data-file-" ~ file.name) | t`; `brand` by another
    // message.
    prepend(
        site.path(),
        "i18n/fr.ftl",
        "data-file-extra = Plus\nbrand = Marsad\nsite-name = { brand }\n",
    );
    prepend(
        site.path(),
        "i18n/ar.ftl",
        "data-file-extra = المزيد\nbrand = مرصد\nsite-name = { brand }\n",
    );
    let report = check_site(site.path());
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages, ["message `site-name` is not used"]);
}

#[test]
fn arabic_plural_lacking_categories() {
    let site = site("clean");
    prepend(
        site.path(),
        "i18n/fr.ftl",
        "unit-jobs-test = { $count ->\n    [0] aucun emploi\n   *[other] emplois\n}\n",
    );
    prepend(
        site.path(),
        "i18n/ar.ftl",
        "unit-jobs-test = { $count ->\n    [0] لا مناصب\n    [one] منصب\n    [few] مناصب\n   *[other] منصب\n}\n",
    );
    let report = check_site(site.path());
    let errors: Vec<String> = rendered(&report)
        .into_iter()
        .filter(|d| d.starts_with("error"))
        .collect();
    assert_eq!(
        errors,
        [
            "error: `unit-jobs-test` in ar lacks the plural categories two, many for `$count`
 --> i18n/ar.ftl:1:1
  |
1 | unit-jobs-test = { $count ->
  | ^^^^^^^^^^^^^^ has [0] [one] [few] *[other]
  |
  = help: add [two] and [many]: ar counts take the forms zero, one, two, few, many besides *[other], and *[other] alone reads wrong for them (repeat its text where it is right)",
            "error: `unit-jobs-test` in fr lacks the plural category one for `$count`
 --> i18n/fr.ftl:1:1
  |
1 | unit-jobs-test = { $count ->
  | ^^^^^^^^^^^^^^ has [0] *[other]
  |
  = help: add [one]: fr counts take the forms one besides *[other], and *[other] alone reads wrong for them (repeat its text where it is right)",
        ]
    );
}

#[test]
fn fluent_attribute_in_one_language_only() {
    let site = site("clean");
    // A message used by prefix (`("data-file-" ~ name) | t`), so only its attribute is wrong.
    prepend(
        site.path(),
        "i18n/fr.ftl",
        "data-file-more = Plus\n    .title = Plus de pages\n",
    );
    prepend(site.path(), "i18n/ar.ftl", "data-file-more = المزيد\n");
    let report = check_site(site.path());
    assert_diagnostics(
        &report,
        &[
            "error: message `data-file-more` has the attribute `.title` in fr but not in ar
 --> i18n/fr.ftl:2:5
  |
2 |     .title = Plus de pages
  |     ^^^^^^ defined in fr only
  |
  = help: add `.title = …` under `data-file-more` in i18n/ar.ftl",
        ],
    );
}

#[test]
fn error_from_the_build_is_reported_with_translation_parity() {
    // The site does not build: its error is reported, and so are the checks that need no
    // rendered page; links are not checked.
    let report = check_site(site("build-error").path());
    assert_diagnostics(
        &report,
        &[
            "warning: the ar translation may be out of date: content/articles/alpha.fr.md was revised on 2025-07-05, after it
 --> content/articles/alpha.ar.md:3:1
  |
3 | date = 2025-07-03
  | ^^^^ last revised on 2025-07-03
  |
  = help: compare it with the fr text and bring it up to date, then set `updated` here to that day",
            "error: unknown partner `ministri`
 --> content/articles/gamma.fr.md:5:13
  |
5 | partners = [\"ministri\"]
  |             ^^^^^^^^^^ no content/partners/ministri.toml
  |
  = help: did you mean `ministry`?",
        ],
    );
    assert_eq!(report.pages, None);
    assert_eq!(
        report.summary(),
        "1 error, 1 warning; links were not checked (see the errors above)"
    );
    let output = marsad(&[
        "check",
        "--root",
        &site("build-error").path().to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn json_output() {
    let site = site("markdown-anchor");
    let output = marsad(&[
        "check",
        "--root",
        &site.path().to_string_lossy(),
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        r#"{
  "errors": 1,
  "warnings": 0,
  "diagnostics": [
    {
      "severity": "error",
      "message": "broken anchor: `@/articles/alpha#une-sectoin`: /fr/articles/alpha/ has no element with id `une-sectoin`",
      "path": "content/articles/gamma.fr.md",
      "line": 9,
      "column": 39,
      "hint": "did you mean `#une-section`? A #fragment names a heading of the page; give a heading a stable id with `## Title {#id}`",
      "label": "no such anchor"
    }
  ]
}
"#
    );
    assert!(output.stderr.is_empty(), "JSON mode prints nothing else");
}

#[test]
fn built_folder_is_checked_without_rendering() {
    let site = site("clean");
    let public = site.path().join("public");
    marsad::build(&marsad::BuildOptions::new(site.path())).expect("the clean site builds");
    fs::write(
        public.join("extra.html"),
        "<!doctype html>\n<p><a href=\"https://example.org/fr/nowhere/\">a</a>\n\
         <a href=\"/fr/regions/#nope\">b</a> <a href=\"fr/regions/north/#main\">c</a></p>\n",
    )
    .expect("write a page");
    let before = snapshot(site.path());
    let mut args = CheckArgs::new(site.path());
    args.built = Some(public.clone());
    let report = check::check(&args);
    let shown = public.display();
    assert_diagnostics(
        &report,
        &[
            &format!("error: broken link: `https://example.org/fr/nowhere/` leads to no page of the site
 --> {shown}/extra.html:2:13
  |
2 | <p><a href=\"https://example.org/fr/nowhere/\">a</a>
  |             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ no fr/nowhere/index.html
  |
  = help: it is not a page the site draws; the link comes from the theme's templates (themes/observatory/templates/)"),
            &format!("error: broken anchor: `/fr/regions/#nope`: /fr/regions/ has no element with id `nope`
 --> {shown}/extra.html:3:10
  |
3 | <a href=\"/fr/regions/#nope\">b</a> <a href=\"fr/regions/north/#main\">c</a></p>
  |          ^^^^^^^^^^^^^^^^^ no such anchor
  |
  = help: it is not a page the site draws; the link comes from the theme's templates (themes/observatory/templates/)"),
        ],
    );
    assert!(snapshot(site.path()) == before, "check --built wrote files");
}

/// A web server on 127.0.0.1 that answers at most `requests` requests, then stops:
/// `/ok` 200, `/get-only` 405 to HEAD and 200 to GET, anything else 404.
fn local_server(requests: usize) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let port = listener.local_addr().expect("local address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
            let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
            let mut request = String::new();
            reader.read_line(&mut request).ok();
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let mut words = request.split_whitespace();
            let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let status = match (method, path) {
                (_, "/ok") | ("GET", "/get-only") => "200 OK",
                ("HEAD", "/get-only") => "405 Method Not Allowed",
                _ => "404 Not Found",
            };
            let response =
                format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            stream.write_all(response.as_bytes()).ok();
        }
    });
    port
}

#[test]
fn external_checker_against_a_local_server() {
    let port = local_server(8);
    let closed = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let urls = [
        format!("http://127.0.0.1:{port}/ok"),
        format!("http://127.0.0.1:{port}/missing"),
        format!("http://127.0.0.1:{port}/get-only"),
        format!("http://127.0.0.1:{closed}/"),
    ];
    let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
    let outcomes = check::external::check_urls(&urls, Duration::from_secs(5));
    assert_eq!(outcomes[0], None);
    assert_eq!(outcomes[1].as_deref(), Some("answered 404 Not Found"));
    assert_eq!(outcomes[2], None, "GET after a 405 to HEAD");
    assert!(
        outcomes[3]
            .as_deref()
            .is_some_and(|o| o.starts_with("could not be reached")),
        "{outcomes:?}"
    );
}

#[test]
fn external_links_only_with_the_option() {
    let port = local_server(8);
    let site = site("clean");
    // Every external link of the site goes to the local server: tests use no network.
    edit(
        site.path(),
        "content/partners/acme.toml",
        "https://acme.example",
        &format!("http://127.0.0.1:{port}/ok"),
    );
    edit(
        site.path(),
        "content/articles/gamma.fr.md",
        "+++\nGamma.",
        &format!("+++\nGamma, voir [le rapport](http://127.0.0.1:{port}/missing)."),
    );
    assert_diagnostics(&check_site(site.path()), &[]);
    let mut args = CheckArgs::new(site.path());
    args.external = true;
    let report = check::check(&args);
    assert_diagnostics(
        &report,
        &[&format!(
            "warning: external link `http://127.0.0.1:{port}/missing` answered 404 Not Found
 --> content/articles/gamma.fr.md:9:26
  |
9 | Gamma, voir [le rapport](http://127.0.0.1:{port}/missing).
  |                          {carets} this link
  |
  = help: found on 1 page; check the address, or link to where the document is now",
            carets = "^".repeat(format!("http://127.0.0.1:{port}/missing").len())
        )],
    );
    assert_eq!(report.external, 2);
}

#[test]
fn the_observatory_checks_clean() {
    assert_diagnostics(&check_site(&repo()), &[]);
}

#[test]
fn fact_sheet_text_in_one_language_is_the_builds_error_only() {
    let site = site("clean");
    edit(
        site.path(),
        "content/partners/acme.toml",
        "ar = \"شركة ذكاء اصطناعي.\"\n",
        "",
    );
    assert_diagnostics(
        &check_site(site.path()),
        &["error: `description` has no ar text
 --> content/partners/acme.toml:8:1
  |
8 | [description]
  | ^^^^^^^^^^^^^ ar is missing here
  |
  = help: add `ar = \"…\"` to `description`: every text is given in fr and ar"],
    );
}
