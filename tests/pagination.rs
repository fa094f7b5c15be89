//! The article list's page links on a long list: the first and last pages, the current one
//! and its neighbours, gaps between, and every page reachable.

mod common;

use std::fs;

use common::{Output, attr, build_ok, fixture, select};

/// The fixture site with `extra` more French articles (lists show every article in every
/// language), two per page.
fn long_list(extra: usize) -> (tempfile::TempDir, Output) {
    let site = fixture("site");
    let articles = site.path().join("content/articles");
    for n in 0..extra {
        let text = format!(
            "+++\ntitle = \"Article {n}\"\ndate = 2024-01-{:02}\nsummary = \"Résumé {n}.\"\nregions = [\"north\"]\nsources = [\"source-b\"]\n+++\nTexte {n}.\n",
            n % 28 + 1
        );
        fs::write(articles.join(format!("extra-{n}.fr.md")), text).expect("article written");
    }
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    (site, output)
}

fn list_page(lang: &str, number: usize) -> String {
    match number {
        1 => format!("/{lang}/articles/"),
        n => format!("/{lang}/articles/page/{n}/"),
    }
}

/// The page links as shown: numbers, and `…` for gaps.
fn shown(output: &Output, path: &str) -> Vec<String> {
    select(output.page(path), ".pagination ol li")
        .iter()
        .map(|li| li.text().collect::<String>().trim().to_owned())
        .collect()
}

#[test]
fn long_lists_link_the_ends_and_the_neighbours() {
    // 3 fixture articles + 30 = 33, two per page: 17 pages.
    let (_site, output) = long_list(30);
    for lang in ["fr", "ar"] {
        assert_eq!(
            shown(&output, &list_page(lang, 9)),
            ["1", "…", "7", "8", "9", "10", "11", "…", "17"]
        );
        assert_eq!(
            shown(&output, &list_page(lang, 1)),
            ["1", "2", "3", "…", "17"]
        );
        assert_eq!(
            shown(&output, &list_page(lang, 17)),
            ["1", "…", "15", "16", "17"]
        );
        let ninth = output.page(&list_page(lang, 9));
        assert_eq!(
            attr(ninth, ".pagination a[aria-current=page]", "href"),
            Some(list_page(lang, 9))
        );
        let gaps = select(ninth, ".pagination .gap");
        assert_eq!(gaps.len(), 2, "a gap is not a link");
        assert!(gaps.iter().all(|gap| gap.value().name() == "span"));
    }
}

#[test]
fn every_page_of_a_long_list_is_reachable_by_next_and_the_links_resolve() {
    let (_site, output) = long_list(30);
    for lang in ["fr", "ar"] {
        let mut path = list_page(lang, 1);
        let mut visited = vec![path.clone()];
        while let Some(next) = attr(output.page(&path), ".pagination a[rel=next]", "href") {
            path = next;
            visited.push(path.clone());
        }
        let expected: Vec<String> = (1..=17).map(|n| list_page(lang, n)).collect();
        assert_eq!(visited, expected);
    }
    assert!(output.assert_links_resolve("https://example.org") > 0);
}
