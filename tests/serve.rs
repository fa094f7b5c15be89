//! `marsad serve` over real HTTP on an ephemeral port: pages, types, HEAD, 404, path
//! traversal, live reload after edits, additions and deletions, the problems panel, and
//! incremental output that matches a full build byte for byte.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use common::serving::{ReloadListener, Served, built, request, serve_command};
use marsad::BuildOptions;
use marsad::serve::Report;
use tempfile::TempDir;

#[test]
fn serves_pages_with_types_head_and_language_404s() {
    let served = Served::start();
    let home = served.get("/fr/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("content-type"), "text/html; charset=utf-8");
    assert!(
        home.body
            .contains("<script src=\"/__marsad/live.js?v=0\" defer></script></head>")
    );
    assert!(!home.body.contains("marsad-problems"));

    let stylesheet = home
        .body
        .split("<link rel=\"stylesheet\" href=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the page links its stylesheet");
    assert!(stylesheet.starts_with("/assets/style."), "{stylesheet}");
    let css = served.get(stylesheet);
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(!css.body.contains("__marsad"), "only HTML gets the script");
    // The event stream first says which version of the site is current.
    let mut stream = TcpStream::connect(served.address()).expect("connect");
    write!(
        stream,
        "GET /__marsad/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut opened = String::new();
    let mut buffer = [0u8; 1024];
    while !opened.contains("event: version\ndata: 0\n") {
        let n = stream.read(&mut buffer).expect("the event stream");
        assert!(n > 0, "the stream closed: {opened}");
        opened.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
    assert!(
        opened.contains("content-type: text/event-stream"),
        "{opened}"
    );
    let script = served.get("/__marsad/live.js");
    assert_eq!(
        script.header("content-type"),
        "text/javascript; charset=utf-8"
    );
    assert!(script.body.contains("EventSource(\"/__marsad/events\")"));

    let head = request(served.address(), "HEAD", "/fr/");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("content-type"), "text/html; charset=utf-8");
    assert_eq!(head.header("content-length"), home.body.len().to_string());
    assert!(head.body.is_empty());

    let folder = served.get("/fr/regions");
    assert_eq!(folder.status, 308);
    assert_eq!(folder.header("location"), "/fr/regions/");

    let missing_ar = served.get("/ar/no-such-page/");
    assert_eq!(missing_ar.status, 404);
    assert_eq!(
        missing_ar.header("content-type"),
        "text/html; charset=utf-8"
    );
    assert!(missing_ar.body.contains("<html lang=\"ar\" dir=\"rtl\""));
    let missing_fr = served.get("/fr/no-such-page.html");
    assert_eq!(missing_fr.status, 404);
    assert!(missing_fr.body.contains("<html lang=\"fr\" dir=\"ltr\""));
    let missing_root = served.get("/nothing-here");
    assert_eq!(missing_root.status, 404);
    let root_404 = fs::read_to_string(served.server.output().join("404.html")).expect("404");
    let title = root_404
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next())
        .expect("title");
    assert!(missing_root.body.contains(title));
    let head_404 = request(served.address(), "HEAD", "/ar/no-such-page/");
    assert_eq!(head_404.status, 404);
    assert!(head_404.body.is_empty());
}

#[test]
fn never_serves_a_file_outside_the_output() {
    let served = Served::start();
    let secret = "SECRET-OUTSIDE-THE-OUTPUT";
    fs::write(served.root().join("secret.txt"), secret).expect("write");
    let output = served.server.output().to_path_buf();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(served.root().join("secret.txt"), output.join("leak.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink(served.root(), output.join("site-link")).expect("symlink");
    }
    for path in [
        "/../secret.txt",
        "/fr/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/fr/..%2f..%2fsecret.txt",
        "/fr/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/..%5csecret.txt",
        "/./../secret.txt",
        "//secret.txt",
        "/leak.txt",
        "/site-link/secret.txt",
        "/site-link/observatory.toml",
        "/%00/../secret.txt",
        "/.git/config",
    ] {
        let response = served.get(path);
        assert_ne!(response.status, 200, "{path} was served");
        assert!(!response.body.contains(secret), "{path} leaked the file");
    }
    // An absolute path in the request line is not a way out either.
    let absolute = request(
        served.address(),
        "GET",
        &format!("http://{}/../secret.txt", served.address()),
    );
    assert!(!absolute.body.contains(secret));
    let absolute_file = served.get(&format!("{}", served.root().join("secret.txt").display()));
    assert!(!absolute_file.body.contains(secret));
}

#[test]
fn an_edited_article_reloads_the_browser_and_only_its_pages_are_rendered() {
    let served = Served::start();
    let reloads = ReloadListener::open(served.address());
    let before = served.get("/fr/articles/alpha/");
    assert!(before.body.contains("Une section"));

    let outcome = built(served.edit(
        "content/articles/alpha.fr.md",
        "## Une section",
        "## Une section révisée",
    ));
    reloads.wait();
    assert!(!outcome.reloaded, "a wording edit takes the fast path");
    // The article's two language versions read it whole; nothing else shows its body.
    assert_eq!(outcome.rendered, 2, "{outcome:?}");
    assert_eq!(
        outcome.written, 1,
        "only the French page changed: {outcome:?}"
    );
    let after = served.get("/fr/articles/alpha/");
    assert!(after.body.contains("Une section révisée"));

    // A new title is shown in lists: those pages are rendered too, and still nothing else.
    let outcome = built(served.edit(
        "content/articles/alpha.fr.md",
        "title = \"Article alpha\"",
        "title = \"Article alpha, nouveau titre\"",
    ));
    reloads.wait();
    assert!(!outcome.reloaded);
    assert!(outcome.rendered > 2 && outcome.rendered < 40, "{outcome:?}");
    assert!(
        served
            .get("/fr/regions/north/")
            .body
            .contains("Article alpha, nouveau titre")
    );
    assert!(
        served
            .get("/fr/")
            .body
            .contains("Article alpha, nouveau titre")
    );
    assert!(
        !served
            .get("/fr/regions/south/")
            .body
            .contains("nouveau titre")
    );
}

#[test]
fn added_renamed_and_deleted_articles_appear_and_disappear() {
    let served = Served::start();
    let reloads = ReloadListener::open(served.address());
    let alpha =
        fs::read_to_string(served.root().join("content/articles/alpha.fr.md")).expect("alpha");
    let delta = alpha
        .replace("Article alpha", "Article delta")
        .replace("[bêta](@/articles/beta)", "bêta")
        .replace("date = 2025-07-03", "date = 2026-03-01");
    built(served.write("content/articles/delta.fr.md", &delta));
    reloads.wait();
    let page = served.get("/fr/articles/delta/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Article delta"));
    assert!(
        served
            .get("/fr/articles/")
            .body
            .contains("/fr/articles/delta/")
    );
    assert!(
        served
            .get("/fr/regions/north/")
            .body
            .contains("Article delta")
    );

    // Renaming is a deletion and a creation; the watcher may report them as one batch.
    fs::rename(
        served.root().join("content/articles/delta.fr.md"),
        served.root().join("content/articles/epsilon.fr.md"),
    )
    .expect("rename");
    built(served.next_report());
    reloads.wait();
    assert_eq!(served.get("/fr/articles/delta/").status, 404);
    assert!(!served.server.output().join("fr/articles/delta").exists());
    assert_eq!(served.get("/fr/articles/epsilon/").status, 200);
    assert!(
        !served
            .get("/fr/regions/north/")
            .body
            .contains("/fr/articles/delta/")
    );

    let outcome = built(served.remove("content/articles/epsilon.fr.md"));
    reloads.wait();
    assert!(outcome.removed >= 1, "{outcome:?}");
    assert_eq!(served.get("/fr/articles/epsilon/").status, 404);
    assert!(!served.get("/fr/articles/").body.contains("epsilon"));
}

#[test]
fn a_broken_edit_shows_the_error_and_keeps_the_last_good_site() {
    let served = Served::start();
    let reloads = ReloadListener::open(served.address());
    let report = served.edit(
        "content/articles/alpha.fr.md",
        "date = 2025-07-03",
        "date = 2025-13-40",
    );
    reloads.wait();
    let Report::Failed { problems, .. } = report else {
        panic!("the broken edit built");
    };
    let text: Vec<String> = problems
        .expect("diagnostics")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        text.iter()
            .any(|t| t.contains("content/articles/alpha.fr.md:3:8")),
        "{text:?}"
    );
    let page = served.get("/fr/articles/alpha/");
    assert_eq!(page.status, 200, "the last good page is still served");
    assert!(page.body.contains("Article alpha"));
    assert!(
        page.body
            .contains("<div id=\"marsad-problems\" role=\"alert\">")
    );
    assert!(page.body.contains("content/articles/alpha.fr.md:3:8"));
    assert!(page.body.contains("date = 2025-13-40"));
    assert!(page.body.contains("help:"));
    let arabic = served.get("/ar/");
    assert!(arabic.body.contains("<p lang=\"ar\" dir=\"auto\">"));
    // On disk, the output is still the last good site.
    let on_disk = fs::read_to_string(served.server.output().join("fr/articles/alpha/index.html"))
        .expect("page");
    assert!(on_disk.contains("2025-07-03"));

    built(served.edit(
        "content/articles/alpha.fr.md",
        "date = 2025-13-40",
        "date = 2025-07-03",
    ));
    reloads.wait();
    assert!(
        !served
            .get("/fr/articles/alpha/")
            .body
            .contains("marsad-problems")
    );
}

#[test]
fn templates_interface_strings_and_fact_sheets_rebuild_the_pages_that_use_them() {
    let served = Served::start();
    let count = |lang: &str| {
        common::snapshot(served.server.output())
            .keys()
            .filter(|p| p.starts_with(lang) && p.extension().is_some_and(|e| e == "html"))
            .count()
    };
    let (french_pages, arabic_pages) = (count("fr"), count("ar"));

    let outcome = built(served.edit(
        "themes/observatory/templates/region.html",
        "{% block content %}",
        "{% block content %}<!-- region-marker -->",
    ));
    let regions = fs::read_dir(served.root().join("content/regions"))
        .expect("regions")
        .count();
    assert_eq!(outcome.rendered, regions * 2, "{outcome:?}");
    assert!(
        served
            .get("/ar/regions/north/")
            .body
            .contains("region-marker")
    );
    assert!(!served.get("/ar/").body.contains("region-marker"));

    let outcome = built(served.edit("i18n/ar.ftl", "nav-regions = ", "nav-regions = ◆"));
    assert_eq!(outcome.rendered, arabic_pages, "{outcome:?}");
    assert!(served.get("/ar/").body.contains('◆'));
    assert!(!served.get("/fr/").body.contains('◆'));

    let outcome = built(served.edit("content/partners/acme.toml", "fr = \"Acme", "fr = \"Acmé"));
    // Acme shows on most pages of so small a site, but not on every one.
    assert!(
        outcome.rendered < french_pages + arabic_pages,
        "{outcome:?}"
    );
    assert!(served.get("/fr/partners/acme/").body.contains("Acmé"));
    assert!(served.get("/fr/articles/alpha/").body.contains("Acmé"));
}

#[test]
fn incremental_output_is_byte_for_byte_a_full_build() {
    let served = Served::start();
    built(served.edit("content/articles/alpha.fr.md", "## Une section", "## Autre"));
    built(served.write("themes/observatory/static/extra.css", "p { color: red }"));
    built(served.write("themes/observatory/static/more.css", "a { color: red }"));
    built(served.remove("themes/observatory/static/extra.css"));
    built(served.edit(
        "content/articles/gamma.ar.md",
        "title = \"",
        "title = \"جديد ",
    ));
    built(served.edit("content/partners/acme.toml", "fr = \"Acme", "fr = \"Acmé"));
    let alpha =
        fs::read_to_string(served.root().join("content/articles/alpha.fr.md")).expect("alpha");
    built(
        served.write(
            "content/articles/zeta.fr.md",
            &alpha
                .replace("Article alpha", "Article zêta")
                .replace("[bêta](@/articles/beta)", "bêta")
                .replace("date = 2025-07-03", "date = 2026-01-02"),
        ),
    );
    built(served.edit(
        "content/articles/alpha.fr.md",
        "[bêta](@/articles/beta)",
        "bêta",
    ));
    built(served.edit(
        "content/articles/alpha.ar.md",
        "[بيتا](@/articles/beta)",
        "بيتا",
    ));
    built(served.remove("content/articles/beta.fr.md"));
    built(served.edit(
        "themes/observatory/templates/partials/article-cards.html",
        "</",
        "<!-- cards --></",
    ));
    built(served.edit("i18n/fr.ftl", "nav-regions = ", "nav-regions = R "));
    built(served.edit("content/regions/north.toml", "fr = \"", "fr = \"Grand "));

    let fresh = TempDir::new().expect("temp");
    marsad::build(&BuildOptions {
        root: served.root().to_path_buf(),
        output: Some(fresh.path().join("out")),
        base_url: Some(served.server.url()),
        drafts: false,
        search: true,
    })
    .expect("a full build of the same sources");
    let incremental = common::snapshot_without_search(served.server.output());
    let full = common::snapshot_without_search(&fresh.path().join("out"));
    let names = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&incremental), names(&full), "the same files");
    for (path, bytes) in &full {
        assert!(
            incremental[path] == *bytes,
            "{} differs from a full build",
            path.display()
        );
    }
}

#[test]
fn pages_stay_whole_under_concurrent_requests_while_rebuilding() {
    let served = Served::start();
    let address = served.address();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let clients: Vec<_> = (0..6)
        .map(|n| {
            let stop = std::sync::Arc::clone(&stop);
            std::thread::spawn(move || {
                let paths = [
                    "/fr/",
                    "/ar/articles/alpha/",
                    "/fr/regions/north/",
                    "/fr/articles/alpha/",
                ];
                let mut served = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let path = paths[(served + n) % paths.len()];
                    let response = request(address, "GET", path);
                    assert_eq!(response.status, 200, "{path}");
                    assert!(
                        response.body.trim_end().ends_with("</html>"),
                        "{path} is cut"
                    );
                    served += 1;
                }
                served
            })
        })
        .collect();
    for round in 0..6 {
        built(served.edit(
            "content/articles/alpha.fr.md",
            "## Une section",
            &format!("## Une section {round}\n\nTexte {round}.\n\n## Une section"),
        ));
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let total: usize = clients
        .into_iter()
        .map(|c| c.join().expect("no failed request"))
        .sum();
    assert!(total > 0);
}

#[test]
fn the_command_prints_its_url_and_build_output_has_no_reload_script() {
    let site = common::fixture("site");
    let (mut child, address) = serve_command(site.path());
    let home = request(address, "GET", "/ar/");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(home.status, 200);
    assert!(home.body.contains("/__marsad/live.js"));

    common::build_ok(site.path());
    for (path, bytes) in common::snapshot(&site.path().join("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__marsad"),
            "{} has serve's script",
            path.display()
        );
    }
    // serve's own output folder holds the site as built, never the injected script.
    for (path, bytes) in common::snapshot(&site.path().join(".serve")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__marsad"),
            "{} has serve's script",
            path.display()
        );
    }
}

#[test]
fn builds_that_check_the_whole_site_report_its_warnings() {
    let site = common::fixture("site");
    let args = marsad::serve::ServeArgs {
        root: site.path().to_path_buf(),
        output: Some(site.path().join("served")),
        interface: [127, 0, 0, 1].into(),
        port: 0,
        drafts: false,
    };
    let (sender, reports) = std::sync::mpsc::channel();
    let server = marsad::serve::Server::start(&args, move |report: &Report| {
        let _ = sender.send(report.clone());
    })
    .expect("the server starts");
    let first = built(
        reports
            .recv_timeout(Duration::from_secs(20))
            .expect("first build"),
    );
    // `notes` exists in French only: every build says so, as `marsad build` does.
    let warnings: Vec<String> = first.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("warning") && w.contains("content/pages/notes.fr.md")),
        "{warnings:?}"
    );
    server.stop();
}
