//! What the observatory publishes beside its pages, read back as a crawler, a feed reader and
//! the search script would: the sitemap (absolute `loc`, reciprocal `hreflang`, `x-default`),
//! `robots.txt`, the Atom feeds (ids, dates, links), the search index (one per language) and
//! the fingerprinted assets.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use common::{attr, build_ok, repo, select};
use scraper::Html;
use tempfile::TempDir;

const BASE: &str = "https://marsad.netlify.app/";
const ATOM: &str = "http://www.w3.org/2005/Atom";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// The repository's observatory, built once per test into a temporary folder.
fn built() -> (TempDir, PathBuf) {
    let temp = common::repository_copy();
    build_ok(temp.path());
    let public = temp.path().join("public");
    (temp, public)
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The built file an absolute URL of the site leads to.
fn file_of(public: &Path, url: &str) -> PathBuf {
    let path = url
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{url} is not under {BASE}"));
    if path.is_empty() || path.ends_with('/') {
        public.join(path).join("index.html")
    } else {
        public.join(path)
    }
}

/// `2025-07-03T00:00:00Z` and other RFC 3339 date-times.
fn is_rfc3339(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| range.clone().all(|i| bytes[i].is_ascii_digit());
    bytes.len() >= 20
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && bytes[10] == b'T'
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19)
        && (text.ends_with('Z') || text[19..].contains(['+', '-']))
}

fn child<'a>(
    node: roxmltree::Node<'a, 'a>,
    ns: &str,
    name: &str,
) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name((ns, name)))
}

fn child_text(node: roxmltree::Node<'_, '_>, ns: &str, name: &str) -> String {
    child(node, ns, name)
        .and_then(|c| c.text())
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// Every built HTML page, by site-relative path.
fn html_pages(public: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| e.path().strip_prefix(public).expect("inside").to_path_buf())
        .collect()
}

#[test]
fn the_sitemap_lists_every_page_with_reciprocal_hreflang_and_x_default() {
    let (_temp, public) = built();
    let xml = read(&public.join("sitemap.xml"));
    let document = roxmltree::Document::parse(&xml).expect("the sitemap is well-formed XML");
    let root = document.root_element();
    assert!(root.has_tag_name((SITEMAP, "urlset")));

    // loc → (hreflang → href)
    let mut entries: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in root.children().filter(|n| n.has_tag_name((SITEMAP, "url"))) {
        let loc = child_text(url, SITEMAP, "loc");
        assert!(
            loc.starts_with(BASE),
            "absolute loc under the base URL: {loc}"
        );
        assert!(file_of(&public, &loc).is_file(), "{loc} is a built page");
        let mut alternates = BTreeMap::new();
        for link in url.children().filter(|n| n.has_tag_name((XHTML, "link"))) {
            assert_eq!(link.attribute("rel"), Some("alternate"));
            let hreflang = link.attribute("hreflang").expect("hreflang").to_owned();
            let href = link.attribute("href").expect("href").to_owned();
            assert!(href.starts_with(BASE), "absolute alternate: {href}");
            assert!(
                alternates.insert(hreflang.clone(), href).is_none(),
                "{loc}: one alternate per language, {hreflang} twice"
            );
        }
        assert!(
            entries.insert(loc.clone(), alternates).is_none(),
            "{loc} listed twice"
        );
    }
    assert!(entries.len() > 100, "{} urls", entries.len());

    for (loc, alternates) in &entries {
        let lang = loc[BASE.len()..].split('/').next().expect("language");
        assert_eq!(
            alternates.get(lang),
            Some(loc),
            "{loc} names itself for its own language"
        );
        for (hreflang, href) in alternates.iter().filter(|(h, _)| *h != "x-default") {
            let other = entries
                .get(href)
                .unwrap_or_else(|| panic!("{loc} → {href} ({hreflang}) is listed too"));
            assert_eq!(other, alternates, "{href} names the same versions as {loc}");
        }
        match (alternates.get("fr"), alternates.get("x-default")) {
            (Some(fr), Some(default)) => assert_eq!(fr, default, "{loc}: x-default is French"),
            (Some(_), None) => panic!("{loc} has a French version but no x-default"),
            (None, Some(_)) => panic!("{loc}: x-default without a French version"),
            (None, None) => {}
        }
    }

    // Every page a reader may land on is listed; error and search pages are not.
    for page in html_pages(&public) {
        let relative = page.to_string_lossy().replace('\\', "/");
        let url = format!(
            "{BASE}{}",
            relative.strip_suffix("index.html").unwrap_or(&relative)
        );
        let listed = entries.contains_key(&url);
        let excluded = relative.ends_with("404.html")
            || relative.contains("/search/")
            || relative == "index.html";
        assert_eq!(listed, !excluded, "{relative} listed: {listed}");
        if listed {
            // The page's head says the same as the sitemap.
            let html = Html::parse_document(&read(&public.join(&page)));
            let head: BTreeMap<String, String> = select(&html, "link[rel=alternate][hreflang]")
                .iter()
                .map(|l| {
                    (
                        l.value().attr("hreflang").unwrap_or_default().to_owned(),
                        l.value().attr("href").unwrap_or_default().to_owned(),
                    )
                })
                .collect();
            assert_eq!(&head, &entries[&url], "{url}: head and sitemap agree");
            assert_eq!(
                attr(&html, "link[rel=canonical]", "href").as_deref(),
                Some(url.as_str())
            );
        }
    }

    let robots = read(&public.join("robots.txt"));
    assert!(
        robots
            .lines()
            .any(|l| l == format!("Sitemap: {BASE}sitemap.xml")),
        "{robots}"
    );
}

/// One entry of a feed, as read back.
#[derive(Debug)]
struct Entry {
    id: String,
    href: String,
    published: String,
}

#[test]
fn every_feed_is_atom_with_ids_dates_and_links_that_resolve() {
    let (_temp, public) = built();
    let feeds: Vec<PathBuf> = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "atom.xml")
        .map(|e| e.into_path())
        .collect();
    // A feed per language, and per region (12) and partner in each.
    assert!(feeds.len() >= 2 * (1 + 12 + 3), "{} feeds", feeds.len());
    let mut entries_of: HashMap<String, Vec<Entry>> = HashMap::new();
    for path in &feeds {
        let relative = path.strip_prefix(&public).expect("inside");
        let lang = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("language folder")
            .to_owned();
        let xml = read(path);
        let document =
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{relative:?}: {e}"));
        let feed = document.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")), "{relative:?}");
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang.as_str()),
            "{relative:?}: xml:lang"
        );
        let own_url = format!("{BASE}{}", relative.to_string_lossy().replace('\\', "/"));
        assert!(!child_text(feed, ATOM, "title").is_empty());
        let id = child_text(feed, ATOM, "id");
        assert!(id.starts_with(BASE), "{relative:?}: feed id {id}");
        let updated = child_text(feed, ATOM, "updated");
        assert!(is_rfc3339(&updated), "{relative:?}: updated {updated}");
        assert!(
            child(feed, ATOM, "author").is_some(),
            "{relative:?}: author"
        );
        let links: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((ATOM, "link")))
            .collect();
        let link = |rel: &str| {
            links
                .iter()
                .find(|l| l.attribute("rel") == Some(rel))
                .and_then(|l| l.attribute("href"))
                .unwrap_or_else(|| panic!("{relative:?}: no {rel} link"))
                .to_owned()
        };
        assert_eq!(link("self"), own_url);
        assert!(file_of(&public, &link("alternate")).is_file());

        let mut entries = Vec::new();
        for entry in feed.children().filter(|n| n.has_tag_name((ATOM, "entry"))) {
            let href = entry
                .children()
                .find(|n| n.has_tag_name((ATOM, "link")) && n.attribute("rel") == Some("alternate"))
                .and_then(|l| l.attribute("href"))
                .expect("entry link")
                .to_owned();
            assert!(
                href.starts_with(&format!("{BASE}{lang}/articles/")),
                "{relative:?}: an article of its language: {href}"
            );
            assert!(file_of(&public, &href).is_file(), "{href} is built");
            assert!(!child_text(entry, ATOM, "title").is_empty());
            assert!(!child_text(entry, ATOM, "summary").is_empty());
            let entry_updated = child_text(entry, ATOM, "updated");
            let published = child_text(entry, ATOM, "published");
            assert!(is_rfc3339(&entry_updated) && is_rfc3339(&published));
            assert!(
                entry_updated >= published,
                "{href}: updated after published"
            );
            assert!(
                updated >= entry_updated,
                "{relative:?}: feed updated is the newest"
            );
            entries.push(Entry {
                id: child_text(entry, ATOM, "id"),
                href,
                published,
            });
        }
        let ids: BTreeSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), entries.len(), "{relative:?}: unique entry ids");
        assert!(
            entries.windows(2).all(|w| w[0].published >= w[1].published),
            "{relative:?}: newest first"
        );
        entries_of.insert(relative.to_string_lossy().replace('\\', "/"), entries);
    }

    // The language feed lists every article of its language; a region's feed lists exactly
    // the articles that name the region (they link to its page from their "regions" list).
    let articles_fr = walkdir::WalkDir::new(public.join("fr/articles"))
        .min_depth(2)
        .max_depth(2)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html" && !e.path().to_string_lossy().contains("/page/"))
        .count();
    assert_eq!(entries_of["fr/atom.xml"].len(), articles_fr.min(50));
    let region_feed = &entries_of["fr/regions/dakhla-oued-ed-dahab/atom.xml"];
    assert!(!region_feed.is_empty());
    for entry in region_feed {
        let page = read(&file_of(&public, &entry.href));
        assert!(
            page.contains("href=\"/fr/regions/dakhla-oued-ed-dahab/\""),
            "{} is about the region",
            entry.href
        );
    }

    // Pages offer their feeds in their head.
    let region = Html::parse_document(&read(&public.join("ar/regions/oriental/index.html")));
    let offered: Vec<String> = select(
        &region,
        "link[rel=alternate][type=\"application/atom+xml\"]",
    )
    .iter()
    .filter_map(|l| l.value().attr("href").map(str::to_owned))
    .collect();
    assert_eq!(offered, ["/ar/regions/oriental/atom.xml", "/ar/atom.xml"]);
}

#[test]
fn search_has_one_index_per_language_holding_the_searchable_pages() {
    let (_temp, public) = built();
    let entry: serde_json::Value =
        serde_json::from_str(&read(&public.join("pagefind/pagefind-entry.json")))
            .expect("pagefind-entry.json");
    let languages = entry["languages"].as_object().expect("languages");
    let names: BTreeSet<&str> = languages.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        BTreeSet::from(["ar", "fr"]),
        "one index per language, no ar-MA"
    );

    let mut searchable: BTreeMap<String, u64> = BTreeMap::new();
    for page in html_pages(&public) {
        let html = Html::parse_document(&read(&public.join(&page)));
        let lang = attr(&html, "html", "lang").expect("lang");
        assert!(
            lang == "fr" || lang == "ar",
            "{page:?}: one tag per language, not {lang}"
        );
        if !select(&html, "[data-pagefind-body]").is_empty() {
            *searchable.entry(lang).or_default() += 1;
        }
    }
    for (lang, count) in &searchable {
        assert_eq!(
            languages[lang]["page_count"].as_u64(),
            Some(*count),
            "{lang}: every searchable page is indexed"
        );
    }
    assert!(public.join("pagefind/pagefind.js").is_file());

    // The search page loads the theme's script (fingerprinted) and nothing else.
    let search = Html::parse_document(&read(&public.join("ar/search/index.html")));
    let scripts: Vec<String> = select(&search, "script[src]")
        .iter()
        .filter_map(|s| s.value().attr("src").map(str::to_owned))
        .collect();
    assert_eq!(scripts.len(), 1, "{scripts:?}");
    assert!(scripts[0].starts_with("/assets/search.") && scripts[0].ends_with(".js"));
    assert!(public.join(scripts[0].trim_start_matches('/')).is_file());
    assert_eq!(
        attr(&search, "#search-app", "data-bundle").as_deref(),
        Some("/pagefind/")
    );
    // Only articles, fact sheets and standalone pages are searchable.
    let list = Html::parse_document(&read(&public.join("fr/articles/index.html")));
    assert!(select(&list, "[data-pagefind-body]").is_empty());
    let article = Html::parse_document(&read(&public.join("fr/articles/hps-enigma/index.html")));
    assert_eq!(select(&article, "main[data-pagefind-body]").len(), 1);
}

#[test]
fn stylesheets_are_linked_by_their_fingerprinted_names() {
    let (_temp, public) = built();
    let home = Html::parse_document(&read(&public.join("fr/index.html")));
    let style = attr(&home, "link[rel=stylesheet]", "href").expect("stylesheet");
    let name = style.trim_start_matches("/assets/");
    let hash = name
        .strip_prefix("style.")
        .and_then(|rest| rest.strip_suffix(".css"))
        .expect("style.<hash>.css");
    assert!(
        hash.len() == 10 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{hash}"
    );
    let css = fs::read(public.join("assets").join(name)).expect("the linked file exists");
    let theme_css =
        fs::read_to_string(repo().join("themes/observatory/static/style.css")).expect("theme");
    // Published as written, but for its url()s, which name the fingerprinted files; its own
    // hash is that of the published text.
    let published = String::from_utf8(css.clone()).expect("UTF-8");
    let font = fs::read_dir(public.join("assets/fonts"))
        .expect("fonts")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".woff2"))
        .expect("the font is published");
    assert_eq!(
        published,
        theme_css.replace(
            "url(fonts/noto-naskh-arabic.woff2)",
            &format!("url(fonts/{font})")
        ),
        "published as written, url()s aside"
    );
    use sha2::Digest;
    let digest = sha2::Sha256::digest(&css);
    let expected: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hash, expected, "named by the hash of what is published");
    assert!(
        !public.join("assets/style.css").exists(),
        "only the hashed name"
    );
}
