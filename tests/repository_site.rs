//! The repository's own observatory builds, and every page kind exists in both languages.

mod common;

use common::{Output, attr, build_ok, select};

#[test]
fn the_observatory_builds_with_every_page_kind_in_both_languages() {
    let temp = common::repository_copy();
    let report = build_ok(temp.path());
    let output = Output::read(&temp.path().join("public"));

    let site = marsad::build::load_site(temp.path(), None, false)
        .expect("site loads")
        .site;
    assert_eq!(site.regions.len(), 12, "the 12 regions of Morocco");
    for slug in ["digital-morocco-2030", "jazari-root"] {
        assert!(
            site.programmes.iter().any(|p| p.slug == slug),
            "programme {slug}"
        );
    }
    assert!(site.partners.len() >= 3 && site.mous.len() >= 3 && site.articles.len() >= 3);

    for lang in ["fr", "ar"] {
        let mut paths = vec![
            format!("/{lang}/"),
            format!("/{lang}/articles/"),
            format!("/{lang}/regions/"),
            format!("/{lang}/partners/"),
            format!("/{lang}/mous/"),
            format!("/{lang}/programmes/"),
            format!("/{lang}/sources/"),
            format!("/{lang}/404.html"),
        ];
        paths.extend(
            site.articles
                .iter()
                .map(|a| format!("/{lang}/articles/{}/", a.slug)),
        );
        paths.extend(
            site.regions
                .iter()
                .map(|r| format!("/{lang}/regions/{}/", r.slug)),
        );
        paths.extend(
            site.partners
                .iter()
                .map(|p| format!("/{lang}/partners/{}/", p.slug)),
        );
        paths.extend(
            site.mous
                .iter()
                .map(|m| format!("/{lang}/mous/{}/", m.slug)),
        );
        paths.extend(
            site.programmes
                .iter()
                .map(|p| format!("/{lang}/programmes/{}/", p.slug)),
        );
        for path in paths {
            let page = output.page(&path);
            assert_eq!(attr(page, "html", "lang").as_deref(), Some(lang), "{path}");
            assert!(!select(page, "main h1").is_empty(), "{path} has a heading");
        }
    }
    output.page("/");
    output.page("/404.html");
    let checked = output.assert_links_resolve("https://marsad.netlify.app");
    assert!(checked > 1000, "only {checked} links checked");
    assert_eq!(
        report.summary.pages["fr"], report.summary.pages["ar"],
        "every page exists in both languages"
    );
}
