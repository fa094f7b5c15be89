//! Page metadata: builds the fixture site and reads every page's `<head>` with a real HTML
//! parser — title and description, Open Graph and Twitter tags, JSON-LD blocks — and checks a
//! title that tries to close its JSON-LD block stays inside it.

mod common;

use std::collections::BTreeMap;

use common::serving::{Served, built};
use common::{Output, attr, build_ok, copy_dir, fixture, repo, select, text};
use scraper::Html;
use serde_json::Value;

const BASE: &str = "https://example.org";

fn built_site() -> (tempfile::TempDir, Output) {
    let site = fixture("site");
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    (site, output)
}

/// The base URL of the repository's observatory.
const REPOSITORY_BASE: &str = "https://marsad.netlify.app";

/// The repository's own observatory, built into a temporary folder.
fn built_repository() -> (tempfile::TempDir, Output) {
    let temp = common::repository_copy();
    build_ok(temp.path());
    let output = Output::read(&temp.path().join("public"));
    (temp, output)
}

/// Runs `check` on the fixture site and on the repository's observatory, with their base
/// URLs.
fn on_both_sites(check: impl Fn(&Output, &str)) {
    let (_fixture, output) = built_site();
    check(&output, BASE);
    let (_repository, output) = built_repository();
    check(&output, REPOSITORY_BASE);
}

/// The pages of one language, by site path.
fn pages_of<'a>(output: &'a Output, lang: &str) -> Vec<(&'a String, &'a Html)> {
    let prefix = format!("/{lang}/");
    output
        .pages
        .iter()
        .filter(|(path, _)| path.starts_with(&prefix))
        .collect()
}

/// The `content` of `<meta property=…>` (Open Graph) or `<meta name=…>` (the rest).
fn meta(html: &Html, key: &str) -> Option<String> {
    let selector = if key.starts_with("og:") || key.starts_with("article:") {
        format!("meta[property=\"{key}\"]")
    } else {
        format!("meta[name=\"{key}\"]")
    };
    attr(html, &selector, "content")
}

/// Every JSON-LD block of a page, parsed.
fn json_ld(path: &str, html: &Html) -> Vec<Value> {
    select(html, "script[type=\"application/ld+json\"]")
        .iter()
        .map(|script| {
            let text: String = script.text().collect();
            serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("{path}: JSON-LD does not parse: {error}\n{text}"))
        })
        .collect()
}

fn of_type<'a>(blocks: &'a [Value], kind: &str) -> Option<&'a Value> {
    blocks.iter().find(|b| b["@type"] == kind)
}

/// What kind of page a site path is, from its section.
fn kind(path: &str) -> &'static str {
    if path == "/" || path == "/404.html" {
        return "root";
    }
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        [_] => "home",
        [_, "404.html"] => "404",
        [_, "articles"] | [_, "articles", "page", _] => "articles",
        [_, "articles", _] => "article",
        [_, "regions", _] => "region",
        [_, "partners", _] => "partner",
        [_, section] => match *section {
            "regions" | "partners" | "mous" | "programmes" | "events" | "sources" => "index",
            _ => "page",
        },
        _ => "item",
    }
}

#[test]
fn every_page_has_one_title_and_one_description() {
    on_both_sites(|output, _base| {
        assert!(output.pages.len() > 40, "{}", output.pages.len());
        for (path, html) in &output.pages {
            if path == "/404.html" {
                // The root 404 page speaks both languages and is not indexed: title only.
                assert_eq!(select(html, "head > title").len(), 1, "{path}");
                continue;
            }
            let titles = select(html, "head > title");
            assert_eq!(titles.len(), 1, "{path}: {} titles", titles.len());
            assert!(
                !text(html, "head > title").is_empty(),
                "{path}: empty title"
            );
            let descriptions = select(html, "meta[name=description]");
            assert_eq!(
                descriptions.len(),
                1,
                "{path}: {} descriptions",
                descriptions.len()
            );
            let description = meta(html, "description").unwrap_or_default();
            assert!(!description.trim().is_empty(), "{path}: empty description");
            assert_eq!(
                meta(html, "og:description").as_deref(),
                Some(description.as_str()),
                "{path}"
            );
            assert_eq!(
                meta(html, "twitter:description").as_deref(),
                Some(description.as_str()),
                "{path}"
            );
        }
    });
}

#[test]
fn titles_name_the_page_then_the_site() {
    let (_site, output) = built_site();
    let title = |path: &str| text(output.page(path), "head > title");
    assert_eq!(title("/fr/"), "Observatoire de test");
    assert_eq!(title("/ar/"), "مرصد الاختبار");
    assert_eq!(
        title("/fr/articles/alpha/"),
        "Article alpha · Observatoire de test"
    );
    assert_eq!(title("/ar/regions/north/"), "جهة الشمال · مرصد الاختبار");
    assert_eq!(title("/fr/partners/"), "Partenaires · Observatoire de test");
    assert_eq!(
        title("/fr/articles/page/2/"),
        "Articles — page 2 sur 2 · Observatoire de test"
    );
    assert_eq!(title("/ar/404.html"), "الصفحة غير موجودة · مرصد الاختبار");
    assert_eq!(title("/"), "Observatoire de test · مرصد الاختبار");
    // og:title and twitter:title are the page's own title.
    let alpha = output.page("/fr/articles/alpha/");
    assert_eq!(meta(alpha, "og:title").as_deref(), Some("Article alpha"));
    assert_eq!(
        meta(alpha, "twitter:title").as_deref(),
        Some("Article alpha")
    );
}

/// Fact sheets are described by a sentence built from their data, in each language, with
/// the language's plural forms.
#[test]
fn fact_sheet_descriptions_come_from_their_data() {
    let (_site, output) = built_site();
    let description = |path: &str| meta(output.page(path), "description").unwrap_or_default();
    assert_eq!(
        description("/fr/partners/acme/"),
        "Acme IA (Entreprise, France) : partie à un accord recensé par l'observatoire. Une entreprise d'IA."
    );
    assert_eq!(
        description("/ar/partners/acme/"),
        "أكمي (شركة، فرنسا): طرف في اتفاقية واحدة يرصدها المرصد. شركة ذكاء اصطناعي."
    );
    assert!(
        description("/fr/regions/north/").starts_with("Région Nord, capitale Nordville."),
        "{}",
        description("/fr/regions/north/")
    );
    assert!(
        description("/fr/mous/acme-2025/").contains("Parties : Acme IA, Ministère du Numérique.")
    );
    assert!(description("/ar/mous/acme-2025/").contains("الأطراف: أكمي، وزارة الرقمنة."));
    assert_eq!(
        description("/ar/partners/"),
        "شريكان لاستراتيجية المغرب في مجال الذكاء الاصطناعي يرصدهما المرصد، واتفاقياتهما."
    );
    assert_eq!(
        description("/fr/articles/alpha/"),
        "Le résumé d'alpha.",
        "an article is described by its summary"
    );
}

/// The exceptions, none on the fixture site: two entities may share a name (the title
/// then differs only if the content does), and an article whose summary repeats another's.
#[test]
fn titles_and_descriptions_are_unique_within_a_language() {
    on_both_sites(|output, _base| {
        for lang in ["fr", "ar"] {
            let mut titles: BTreeMap<String, &str> = BTreeMap::new();
            let mut descriptions: BTreeMap<String, &str> = BTreeMap::new();
            for (path, html) in pages_of(output, lang) {
                if let Some(other) = titles.insert(text(html, "head > title"), path) {
                    panic!("{path} and {other} have the same title");
                }
                let description = meta(html, "description").unwrap_or_default();
                if let Some(other) = descriptions.insert(description, path) {
                    panic!("{path} and {other} have the same description");
                }
            }
        }
    });
}

#[test]
fn og_url_is_the_canonical_url_and_og_locale_follows_the_language() {
    on_both_sites(|output, base| {
        for (path, html) in &output.pages {
            if path == "/404.html" {
                continue;
            }
            let canonical = attr(html, "link[rel=canonical]", "href").expect("canonical");
            assert_eq!(meta(html, "og:url"), Some(canonical.clone()), "{path}");
            assert!(canonical.starts_with(base), "{path}: {canonical}");
            let (locale, others) = if path.starts_with("/ar/") {
                ("ar_MA", "fr_MA")
            } else {
                ("fr_MA", "ar_MA")
            };
            assert_eq!(meta(html, "og:locale").as_deref(), Some(locale), "{path}");
            // Alternates: the other languages the page exists in, as its hreflang links say.
            let alternates: Vec<String> = select(html, "meta[property=\"og:locale:alternate\"]")
                .iter()
                .filter_map(|m| m.value().attr("content").map(str::to_owned))
                .collect();
            let other_lang = &others[..2];
            let exists_in_other = path == "/"
                || select(html, &format!("link[rel=alternate][hreflang={other_lang}]")).len() == 1;
            let expected: Vec<String> = if exists_in_other {
                vec![others.to_owned()]
            } else {
                Vec::new()
            };
            assert_eq!(alternates, expected, "{path}");
            assert!(
                meta(html, "og:site_name").is_some_and(|s| !s.is_empty()),
                "{path}"
            );
        }
    });
    let (_site, output) = built_site();
    let beta = output.page("/fr/articles/beta/");
    assert!(select(beta, "meta[property=\"og:locale:alternate\"]").is_empty());
}

#[test]
fn open_graph_type_twitter_card_and_no_invented_image() {
    let (_site, output) = built_site();
    for (path, html) in &output.pages {
        if path == "/404.html" {
            continue;
        }
        let expected = if kind(path) == "article" {
            "article"
        } else {
            "website"
        };
        assert_eq!(meta(html, "og:type").as_deref(), Some(expected), "{path}");
        assert_eq!(
            meta(html, "twitter:card").as_deref(),
            Some("summary"),
            "{path}"
        );
        assert!(meta(html, "og:image").is_none() && meta(html, "twitter:image").is_none());
    }
    // Full dates are Open Graph times; alpha was revised on a known day.
    let alpha = output.page("/fr/articles/alpha/");
    assert_eq!(
        meta(alpha, "article:published_time").as_deref(),
        Some("2025-07-03")
    );
    assert_eq!(
        meta(alpha, "article:modified_time").as_deref(),
        Some("2025-07-05")
    );
    let beta = output.page("/fr/articles/beta/");
    assert_eq!(
        meta(beta, "article:published_time").as_deref(),
        Some("2025-09-12")
    );
    assert!(
        meta(beta, "article:modified_time").is_none(),
        "never revised"
    );
}

#[test]
fn json_ld_has_the_type_of_each_page_kind() {
    on_both_sites(|output, _base| {
        for (path, html) in &output.pages {
            let blocks = json_ld(path, html);
            for block in &blocks {
                assert_eq!(block["@context"], "https://schema.org", "{path}");
            }
            let main = match kind(path) {
                "article" => Some("NewsArticle"),
                "partner" => Some("Organization"),
                "region" => Some("Place"),
                "home" => Some("WebSite"),
                _ => None,
            };
            if let Some(main) = main {
                assert!(of_type(&blocks, main).is_some(), "{path} has no {main}");
            }
            let below_home = !matches!(kind(path), "root" | "home");
            assert_eq!(
                of_type(&blocks, "BreadcrumbList").is_some(),
                below_home,
                "{path}"
            );
        }
    });
}

#[test]
fn news_article_names_what_it_is_about_in_the_page_language() {
    let (_site, output) = built_site();
    let blocks = json_ld("/ar/articles/alpha/", output.page("/ar/articles/alpha/"));
    let article = of_type(&blocks, "NewsArticle").expect("NewsArticle");
    assert_eq!(article["inLanguage"], "ar");
    assert_eq!(article["url"], format!("{BASE}/ar/articles/alpha/"));
    assert_eq!(article["mainEntityOfPage"], article["url"]);
    assert_eq!(article["datePublished"], "2025-07-03");
    // Not revised in Arabic: modified when published.
    assert_eq!(article["dateModified"], "2025-07-03");
    assert_eq!(article["publisher"]["@type"], "Organization");
    assert_eq!(article["publisher"]["name"], "مرصد الاختبار");
    let about = article["about"].as_array().expect("about");
    assert!(about.iter().any(|a| a["@type"] == "Place"
        && a["name"] == "جهة الشمال"
        && a["url"] == format!("{BASE}/ar/regions/north/")));
    assert!(about.iter().any(|a| a["@type"] == "Organization"
        && a["name"] == "أكمي"
        && a["url"] == format!("{BASE}/ar/partners/acme/")));
    let mentions = article["mentions"].as_array().expect("mentions");
    assert!(
        mentions
            .iter()
            .any(|m| m["url"] == format!("{BASE}/ar/mous/acme-2025/"))
    );
}

#[test]
fn partners_are_organizations_and_regions_places_in_morocco() {
    let (_site, output) = built_site();
    let blocks = json_ld("/fr/partners/acme/", output.page("/fr/partners/acme/"));
    let acme = of_type(&blocks, "Organization").expect("Organization");
    assert_eq!(acme["name"], "Acme IA");
    assert_eq!(acme["url"], format!("{BASE}/fr/partners/acme/"));
    assert_eq!(acme["sameAs"], "https://acme.example");
    assert_eq!(acme["description"], "Une entreprise d'IA.");
    let blocks = json_ld(
        "/fr/partners/ministry/",
        output.page("/fr/partners/ministry/"),
    );
    let ministry = of_type(&blocks, "Organization").expect("Organization");
    assert!(ministry.get("sameAs").is_none(), "no website, no sameAs");

    let blocks = json_ld("/ar/regions/north/", output.page("/ar/regions/north/"));
    let north = of_type(&blocks, "Place").expect("Place");
    assert_eq!(north["name"], "جهة الشمال");
    assert_eq!(north["url"], format!("{BASE}/ar/regions/north/"));
    assert_eq!(north["containedInPlace"]["@type"], "Country");
    assert_eq!(north["containedInPlace"]["name"], "المغرب");
    assert!(north.get("geo").is_none(), "the model has no coordinates");
}

#[test]
fn breadcrumbs_are_localized_absolute_and_lead_to_built_pages() {
    on_both_sites(|output, base| {
        let mut checked = 0;
        for (path, html) in &output.pages {
            let blocks = json_ld(path, html);
            let Some(list) = of_type(&blocks, "BreadcrumbList") else {
                continue;
            };
            let items = list["itemListElement"].as_array().expect("items");
            assert!(items.len() >= 2, "{path}");
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item["@type"], "ListItem");
                assert_eq!(item["position"], i + 1, "{path}");
                assert!(item["name"].as_str().is_some_and(|n| !n.is_empty()));
                let url = item["item"].as_str().expect("item URL");
                let (target, fragment) = common::internal(url, base)
                    .unwrap_or_else(|| panic!("{path}: {url} not absolute"));
                assert!(url.starts_with(base) && fragment.is_none(), "{path}: {url}");
                assert!(
                    output.pages.contains_key(&target),
                    "{path}: {url} leads nowhere"
                );
                checked += 1;
            }
            let last = items.last().expect("last")["item"]
                .as_str()
                .unwrap_or_default();
            assert_eq!(
                last,
                format!("{base}{path}"),
                "{path}: the trail ends at the page"
            );
            let lang = &path[1..3];
            assert_eq!(items[0]["item"], format!("{base}/{lang}/"), "{path}");
        }
        assert!(checked > 100, "{checked}");
    });
    let (_site, output) = built_site();
    let blocks = json_ld("/ar/partners/acme/", output.page("/ar/partners/acme/"));
    let names: Vec<&str> = of_type(&blocks, "BreadcrumbList").expect("trail")["itemListElement"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["name"].as_str())
        .collect();
    assert_eq!(names, ["الرئيسية", "الشركاء", "أكمي"]);
}

/// A title and a summary containing `</script>`, `<b>` and `&`: each JSON-LD block stays one
/// data block (no script element is added, nothing closes early), the escapes are `\u003c`,
/// `\u003e`, `\u0026`, and the JSON gives back the text exactly.
#[test]
fn a_title_with_script_and_markup_stays_inside_one_data_block() {
    let site = fixture("site");
    copy_dir(&repo().join("tests/fixtures/metadata"), site.path());
    build_ok(site.path());
    let file = site.path().join("public/fr/articles/alpha/index.html");
    let raw = std::fs::read_to_string(&file).expect("page");
    let output = Output::read(&site.path().join("public"));
    let html = output.page("/fr/articles/alpha/");
    let title = "Alpha </script><script>alert(1)</script> <b>gras</b> & co";

    let scripts = select(html, "script");
    assert_eq!(
        scripts.len(),
        2,
        "NewsArticle and BreadcrumbList, nothing else"
    );
    assert!(
        scripts
            .iter()
            .all(|s| s.value().attr("type") == Some("application/ld+json"))
    );
    assert_eq!(raw.matches("<script").count(), 2);
    assert!(select(html, "head b").is_empty() && select(html, "b").is_empty());
    for script in &scripts {
        let text: String = script.text().collect();
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
    }
    assert!(raw.contains(r#""headline":"Alpha \u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u003cb\u003egras\u003c/b\u003e \u0026 co""#));

    let blocks = json_ld("/fr/articles/alpha/", html);
    let article = of_type(&blocks, "NewsArticle").expect("NewsArticle");
    assert_eq!(article["headline"], title);
    assert_eq!(
        article["description"],
        "Un résumé qui ferme </script> et ouvre <b>, & le reste."
    );
    let trail = of_type(&blocks, "BreadcrumbList").expect("trail");
    assert_eq!(trail["itemListElement"][2]["name"], title);
    // The attributes and the title are escaped as HTML and read back as the same text.
    assert_eq!(
        text(html, "head > title"),
        format!("{title} · Observatoire de test")
    );
    assert_eq!(meta(html, "og:title").as_deref(), Some(title));
    // Known only to the month: a JSON-LD date at that precision, no Open Graph time.
    assert_eq!(article["datePublished"], "2025-07");
    assert!(meta(html, "article:published_time").is_none());
}

/// The metadata's messages are dependencies of the pages showing them: editing the
/// sentence that describes partners re-renders the partner pages of that language, and only
/// them.
#[test]
fn editing_a_metadata_message_rerenders_the_pages_that_show_it() {
    let served = Served::start();
    let outcome = built(served.edit(
        "i18n/fr.ftl",
        "meta-partner-description = { $name }",
        "meta-partner-description = ◆ { $name }",
    ));
    let partners = std::fs::read_dir(served.root().join("content/partners"))
        .expect("partners")
        .count();
    assert_eq!(outcome.rendered, partners, "{outcome:?}");
    let page = Html::parse_document(&served.get("/fr/partners/acme/").body);
    assert!(meta(&page, "description").is_some_and(|d| d.starts_with("◆ Acme IA")));
    served.assert_same_as_full_build("editing meta-partner-description");
}
