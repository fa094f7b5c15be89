//! netlify.toml says what we mean, for the site the build writes: the README's build
//! command, the language redirects at `/`, the languages' 404 pages, the security headers, and
//! cache rules that give every file exactly one `Cache-Control` (Netlify applies every
//! matching `[[headers]]` block, so two blocks matching one file would both be sent).
//!
//! tests/browser/netlify-config.mjs checks the same file with Netlify's own parser; this test
//! needs only cargo.

mod common;

use std::path::{Path, PathBuf};

use common::repo;
use marsad::BuildOptions;
use tempfile::TempDir;
use toml::{Table, Value};
use walkdir::WalkDir;

const LANGUAGES: [&str; 2] = ["fr", "ar"];

fn netlify() -> Table {
    let text = std::fs::read_to_string(repo().join("netlify.toml")).expect("netlify.toml");
    text.parse::<Table>().expect("netlify.toml is TOML")
}

/// The README's build command: the line of its first `sh` block that says it builds.
fn readme_build_command() -> String {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let line = readme
        .lines()
        .skip_while(|line| line.trim() != "```sh")
        .take_while(|line| line.trim() != "```")
        .find(|line| line.contains("# builds"))
        .expect("the README's first ```sh block has a `# builds …` line");
    let command = line.split('#').next().unwrap_or_default().trim();
    assert!(command.starts_with("cargo "), "not a command: {line}");
    command.to_owned()
}

/// The repository's observatory, built into a temporary folder.
fn built_site() -> (TempDir, PathBuf) {
    let temp = tempfile::tempdir().expect("temporary folder");
    let output = temp.path().join("public");
    let options = BuildOptions {
        output: Some(output.clone()),
        ..BuildOptions::new(repo())
    };
    if let Err(error) = marsad::build(&options) {
        panic!("the observatory does not build: {error}");
    }
    (temp, output)
}

fn text<'a>(table: &'a Table, key: &str) -> Option<&'a str> {
    table.get(key).and_then(Value::as_str)
}

fn tables<'a>(config: &'a Table, key: &str) -> Vec<&'a Table> {
    config
        .get(key)
        .and_then(Value::as_array)
        .map(|array| array.iter().filter_map(Value::as_table).collect())
        .unwrap_or_default()
}

#[test]
fn netlify_builds_with_the_readmes_command_and_previews_with_their_own_url() {
    let config = netlify();
    let command = readme_build_command();
    let build = config["build"].as_table().expect("[build]");
    assert_eq!(text(build, "command"), Some(command.as_str()));
    assert_eq!(text(build, "publish"), Some("public"));
    for context in ["deploy-preview", "branch-deploy"] {
        let table = config["context"][context]
            .as_table()
            .unwrap_or_else(|| panic!("[context.{context}]"));
        assert_eq!(
            text(table, "command"),
            Some(format!("{command} --base-url \"$DEPLOY_PRIME_URL\"").as_str()),
            "[context.{context}]"
        );
    }
}

#[test]
fn the_root_redirects_by_accept_language_and_each_language_has_its_404() {
    let config = netlify();
    let redirects = tables(&config, "redirects");
    let (_temp, site) = built_site();

    // `/`: Arabic readers first, then everyone else to French. Both forced (the root has a
    // file, the chooser) and temporary (the answer depends on the reader).
    let root: Vec<&Table> = redirects
        .iter()
        .copied()
        .filter(|r| text(r, "from") == Some("/"))
        .collect();
    assert_eq!(root.len(), 2, "two rules for `/`: {root:?}");
    let (arabic, other) = (root[0], root[1]);
    assert_eq!(text(arabic, "to"), Some("/ar/"));
    assert_eq!(
        arabic.get("conditions"),
        Some(&Value::Table(toml::toml! { Language = ["ar"] })),
        "the Arabic rule is conditional on Accept-Language"
    );
    assert_eq!(text(other, "to"), Some("/fr/"));
    assert_eq!(other.get("conditions"), None, "French is the fallback");
    for rule in root {
        assert_eq!(rule.get("status").and_then(Value::as_integer), Some(302));
        assert_eq!(rule.get("force").and_then(Value::as_bool), Some(true));
        let target = text(rule, "to").unwrap_or_default();
        assert!(
            site.join(&target[1..]).join("index.html").is_file(),
            "{target}"
        );
    }
    // The chooser stays what the build writes at `/`.
    assert!(site.join("index.html").is_file());

    for lang in LANGUAGES {
        let from = format!("/{lang}/*");
        let rule = redirects
            .iter()
            .find(|r| text(r, "from") == Some(from.as_str()))
            .unwrap_or_else(|| panic!("no rule for {from}"));
        let to = format!("/{lang}/404.html");
        assert_eq!(text(rule, "to"), Some(to.as_str()));
        assert_eq!(rule.get("status").and_then(Value::as_integer), Some(404));
        assert_ne!(
            rule.get("force").and_then(Value::as_bool),
            Some(true),
            "{from} must let existing files through"
        );
        assert!(site.join(&to[1..]).is_file(), "{to} is not built");
    }
    // Other missing paths get Netlify's default, the publish folder's /404.html.
    assert!(site.join("404.html").is_file());
}

#[test]
fn every_response_carries_the_security_headers() {
    let config = netlify();
    let headers = tables(&config, "headers");
    let all: Vec<&Table> = headers
        .iter()
        .copied()
        .filter(|h| text(h, "for") == Some("/*"))
        .collect();
    assert_eq!(all.len(), 1, "one [[headers]] block for /*");
    let values = all[0]["values"].as_table().expect("values");
    let value = |name: &str| text(values, name).unwrap_or_else(|| panic!("/* does not set {name}"));

    let csp = value("Content-Security-Policy");
    let directives: Vec<(&str, Vec<&str>)> = csp
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace();
            (words.next().unwrap_or_default(), words.collect())
        })
        .collect();
    let directive = |name: &str| {
        directives
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, sources)| sources.clone())
            .unwrap_or_else(|| panic!("the CSP has no {name}: {csp}"))
    };
    assert_eq!(directive("default-src"), ["'none'"]);
    assert_eq!(directive("script-src"), ["'self'", "'wasm-unsafe-eval'"]);
    assert_eq!(directive("style-src"), ["'self'"]);
    assert_eq!(directive("img-src"), ["'self'", "data:"]);
    for name in [
        "font-src",
        "connect-src",
        "manifest-src",
        "form-action",
        "base-uri",
    ] {
        assert_eq!(directive(name), ["'self'"], "{name}");
    }
    assert_eq!(directive("frame-ancestors"), ["'none'"]);
    assert_eq!(directive("upgrade-insecure-requests"), Vec::<&str>::new());
    for (name, sources) in &directives {
        for forbidden in ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*"] {
            assert!(!sources.contains(&forbidden), "{name} allows {forbidden}");
        }
    }

    assert_eq!(
        value("Strict-Transport-Security"),
        "max-age=63072000; includeSubDomains; preload"
    );
    assert_eq!(value("X-Content-Type-Options"), "nosniff");
    assert_eq!(value("Referrer-Policy"), "strict-origin-when-cross-origin");
    assert_eq!(value("X-Frame-Options"), "DENY");
    assert_eq!(value("Cross-Origin-Opener-Policy"), "same-origin");
    let permissions = value("Permissions-Policy");
    for feature in [
        "camera",
        "microphone",
        "geolocation",
        "interest-cohort",
        "browsing-topics",
        "payment",
        "usb",
    ] {
        assert!(
            permissions
                .split(',')
                .any(|p| p.trim() == format!("{feature}=()")),
            "Permissions-Policy does not deny {feature}: {permissions}"
        );
    }
    assert!(
        !values
            .keys()
            .any(|k| k.eq_ignore_ascii_case("cache-control")),
        "/* must not set Cache-Control: it would be sent beside the assets' own"
    );
}

/// The `Cache-Control` blocks: (`for`, value).
fn cache_rules(config: &Table) -> Vec<(String, String)> {
    tables(config, "headers")
        .into_iter()
        .filter_map(|h| {
            let values = h.get("values")?.as_table()?;
            let value = values
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("cache-control"))?
                .1
                .as_str()?;
            Some((text(h, "for")?.to_owned(), value.to_owned()))
        })
        .collect()
}

/// The URL paths a built file answers: its own, and for `x/index.html` also `x/`.
fn url_paths(site: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(site).expect("inside the site");
    let path = format!("/{}", relative.to_string_lossy().replace('\\', "/"));
    let mut paths = vec![path.clone()];
    if let Some(folder) = path.strip_suffix("index.html") {
        paths.push(folder.to_owned());
    }
    paths
}

#[test]
fn every_built_file_gets_exactly_the_cache_rule_meant_for_it() {
    let config = netlify();
    let rules = cache_rules(&config);
    let (_temp, site) = built_site();

    let asset = rules
        .iter()
        .find(|(path, _)| path == "/assets/*")
        .expect("a Cache-Control rule for /assets/*");
    assert_eq!(asset.1, "public, max-age=31536000, immutable");
    for pagefind in ["/pagefind/fragment/*", "/pagefind/index/*"] {
        let rule = rules.iter().find(|(path, _)| path == pagefind);
        assert!(
            rule.is_some_and(|(_, v)| v.contains("immutable")),
            "{pagefind}"
        );
    }
    for short in [
        "/data/*",
        "/pagefind/*.js",
        "/pagefind/*.json",
        "/pagefind/*.pagefind",
    ] {
        let rule = rules.iter().find(|(path, _)| path == short);
        assert!(
            rule.is_some_and(|(_, v)| !v.contains("immutable")),
            "{short} needs a short Cache-Control"
        );
    }

    let mut checked = 0;
    for entry in WalkDir::new(&site).into_iter().filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        for path in url_paths(&site, entry.path()) {
            let matching: Vec<&(String, String)> = rules
                .iter()
                .filter(|(pattern, _)| netlify_path_matches(pattern, &path))
                .collect();
            assert!(
                matching.len() <= 1,
                "{path} matches several Cache-Control rules, Netlify would send them all: \
                 {matching:?}"
            );
            let value = matching.first().map(|(_, v)| v.as_str());
            if path.ends_with(".html") || path.ends_with('/') {
                assert_eq!(
                    value,
                    Some("public, max-age=0, must-revalidate"),
                    "{path} is a page: it must be revalidated"
                );
            }
            if path.starts_with("/assets/") {
                assert!(
                    value.is_some_and(|v| v.contains("immutable")),
                    "{path}: {value:?}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 200, "only {checked} paths checked");
}

/// Every file the build writes under `/assets/` carries a hash of its content in its name
/// (`style.3f9a1c2b.css`), which is what makes the `immutable` of `/assets/*` safe.
#[test]
fn every_asset_name_carries_a_content_hash() {
    let (_temp, site) = built_site();
    let assets = site.join("assets");
    let mut names = Vec::new();
    for entry in WalkDir::new(&assets).into_iter().filter_map(Result::ok) {
        if entry.file_type().is_file() {
            names.push(
                entry
                    .path()
                    .strip_prefix(&assets)
                    .expect("inside")
                    .to_path_buf(),
            );
        }
    }
    assert!(!names.is_empty(), "no file under /assets/");
    let unhashed: Vec<&PathBuf> = names
        .iter()
        .filter(|name| !has_content_hash(name))
        .collect();
    assert!(
        unhashed.is_empty(),
        "assets without a hash in their name: {unhashed:?}"
    );
}

/// `style.3f9a1c2b.css`, `app-3f9a1c2b.js`: at least 8 hex digits right before the
/// extension, after a `.`, `-` or `_`.
fn has_content_hash(name: &Path) -> bool {
    let Some(stem) = name.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let hex: String = stem
        .chars()
        .rev()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    hex.len() >= 8
        && stem.len() > hex.len()
        && matches!(
            stem.as_bytes()[stem.len() - hex.len() - 1],
            b'.' | b'-' | b'_'
        )
}

#[test]
fn content_hashes_are_recognised() {
    assert!(has_content_hash(Path::new("style.3f9a1c2b.css")));
    assert!(has_content_hash(Path::new(
        "fonts/x-0123456789abcdef.woff2"
    )));
    assert!(!has_content_hash(Path::new("style.css")));
    assert!(!has_content_hash(Path::new("highlight.css")));
    assert!(!has_content_hash(Path::new("deadbeef.css")));
    assert!(!has_content_hash(Path::new("style.3f9a1c.css")));
}

// ---------------------------------------------------------------------------------------
// Netlify's path matching for [[headers]] `for`, as @netlify/headers-parser compiles it into
// a regular expression: each `/`-separated part is a literal, `:name` (one segment), `*`
// alone (anything, the slash before it optional) or a literal with `*` inside (anything);
// the whole is case-insensitive and takes an optional trailing slash.

#[derive(Debug, Clone, Copy, PartialEq)]
enum Token {
    Char(char),
    OptionalSlash,
    Anything,
    Segment,
}

fn netlify_path_matches(pattern: &str, path: &str) -> bool {
    let mut tokens = vec![Token::Char('/')];
    let parts: Vec<&str> = pattern
        .split('/')
        .map(str::trim_end)
        .filter(|p| !p.is_empty())
        .collect();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            tokens.push(Token::Char('/'));
        }
        if part.starts_with(':') {
            tokens.push(Token::Segment);
        } else if *part == "*" {
            // `?(.*)` after the `/` before it: that slash becomes optional.
            tokens.pop();
            tokens.push(Token::OptionalSlash);
            tokens.push(Token::Anything);
        } else {
            for c in part.chars() {
                tokens.push(if c == '*' {
                    Token::Anything
                } else {
                    Token::Char(c.to_ascii_lowercase())
                });
            }
        }
    }
    tokens.push(Token::OptionalSlash);
    let path: Vec<char> = path.to_lowercase().chars().collect();
    matches_from(&tokens, &path)
}

fn matches_from(tokens: &[Token], path: &[char]) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return path.is_empty();
    };
    match first {
        Token::Char(c) => path.first() == Some(c) && matches_from(rest, &path[1..]),
        Token::OptionalSlash => {
            (path.first() == Some(&'/') && matches_from(rest, &path[1..]))
                || matches_from(rest, path)
        }
        Token::Anything => (0..=path.len()).any(|n| matches_from(rest, &path[n..])),
        Token::Segment => (1..=path.len())
            .take_while(|&n| path[n - 1] != '/')
            .any(|n| matches_from(rest, &path[n..])),
    }
}

#[test]
fn netlify_path_matching_follows_the_headers_parser() {
    let yes = [
        ("/*", "/"),
        ("/*", "/fr/regions/"),
        ("/", "/"),
        ("/fr/*", "/fr"),
        ("/fr/*", "/fr/"),
        ("/fr/*", "/fr/atom.xml"),
        ("/assets/*", "/assets/style.3f9a1c2b.css"),
        ("/pagefind/*.js", "/pagefind/pagefind.js"),
        ("/pagefind/*.pf_meta", "/pagefind/pagefind.ar_1a2b.pf_meta"),
        ("/news/:year/x", "/news/2025/x"),
        ("/Robots.txt", "/robots.txt"),
        ("/404.html", "/404.html/"),
        // The slash before a lone `*` is optional, so `/fr/*` is `/fr` followed by anything:
        // no root file of the site starts with `fr` or `ar`, and the overlap check over the
        // built files would see one that did.
        ("/fr/*", "/france"),
    ];
    for (pattern, path) in yes {
        assert!(
            netlify_path_matches(pattern, path),
            "{pattern} should match {path}"
        );
    }
    let no = [
        ("/", "/fr/"),
        ("/fr/*", "/ar/"),
        ("/assets/*", "/fr/assets/x.css"),
        ("/pagefind/*.js", "/pagefind/pagefind-entry.json"),
        ("/news/:year/x", "/news/x"),
        ("/news/:year/x", "/news/2025/09/x"),
        ("/index.html", "/"),
    ];
    for (pattern, path) in no {
        assert!(
            !netlify_path_matches(pattern, path),
            "{pattern} should not match {path}"
        );
    }
}
