//! Arabic plural categories in real output: a generated site whose regions are referenced by
//! 0, 1, 2, 3, 11 and 100 articles (zero, one, two, few, many, other).

mod common;

use std::fs;
use std::path::Path;

use common::{Output, build_ok, fixture, text};

const COUNTS: [usize; 6] = [0, 1, 2, 3, 11, 100];

fn write_articles(root: &Path) {
    let articles = root.join("content/articles");
    fs::remove_dir_all(&articles).expect("remove fixture articles");
    fs::create_dir_all(&articles).expect("articles folder");
    let regions = root.join("content/regions");
    for (i, count) in COUNTS.iter().enumerate() {
        let slug = format!("r{count}");
        let region = format!(
            "iso_code = \"MA-{:02}\"\n[name]\nfr = \"R{count}\"\nar = \"ج{count}\"\n[capital]\nfr = \"C\"\nar = \"ع\"\n[summary]\nfr = \"S\"\nar = \"م\"\n",
            i + 3
        );
        fs::write(regions.join(format!("{slug}.toml")), region).expect("region");
        for n in 0..*count {
            for (lang, title) in [("fr", "Article"), ("ar", "مقال")] {
                let text = format!(
                    "+++\ntitle = \"{title} {n}\"\ndate = 2025-07-03\nsummary = \"{title}\"\nregions = [\"{slug}\"]\nsources = [\"source-a\"]\n+++\n{title}\n"
                );
                fs::write(articles.join(format!("{slug}-{n}.{lang}.md")), text).expect("article");
            }
        }
    }
}

#[test]
fn arabic_counts_use_all_six_plural_categories() {
    let site = fixture("site");
    write_articles(site.path());
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    let expected = [
        (0, "لا توجد مقالات"),
        (1, "مقال واحد"),
        (2, "مقالان"),
        (3, "3 مقالات"),
        (11, "11 مقالًا"),
        (100, "100 مقال"),
    ];
    for (count, words) in expected {
        let page = output.page(&format!("/ar/regions/r{count}/"));
        let counts = text(page, ".counts");
        assert!(counts.starts_with(words), "{count}: {counts}");
    }
    let french = [
        (0, "Aucun article"),
        (1, "1 article"),
        (2, "2 articles"),
        (100, "100 articles"),
    ];
    for (count, words) in french {
        let counts = text(output.page(&format!("/fr/regions/r{count}/")), ".counts");
        assert!(counts.starts_with(words), "{count}: {counts}");
    }
}
