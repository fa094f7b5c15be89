//! Builds the fixture site and inspects its pages with a real HTML parser.

mod common;

use common::{Output, attr, build_ok, fixture, select, text};
use scraper::Html;

const BASE: &str = "https://example.org";

fn built() -> (tempfile::TempDir, Output) {
    let site = fixture("site");
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    (site, output)
}

#[test]
fn every_internal_link_and_asset_resolves() {
    let (_site, output) = built();
    let checked = output.assert_links_resolve(BASE);
    assert!(checked > 300, "only {checked} links checked");
}

#[test]
fn html_lang_and_dir_follow_the_language() {
    let (_site, output) = built();
    for (path, html) in &output.pages {
        let lang = attr(html, "html", "lang");
        let dir = attr(html, "html", "dir");
        if path.starts_with("/ar/") {
            assert_eq!(
                (lang.as_deref(), dir.as_deref()),
                (Some("ar"), Some("rtl")),
                "{path}"
            );
        } else if path.starts_with("/fr/") {
            assert_eq!(
                (lang.as_deref(), dir.as_deref()),
                (Some("fr"), Some("ltr")),
                "{path}"
            );
        }
    }
}

#[test]
fn hreflang_alternates_are_reciprocal_and_canonical_is_self() {
    let (_site, output) = built();
    for (path, html) in output
        .pages
        .iter()
        .filter(|(p, _)| p.starts_with("/fr/") || p.starts_with("/ar/"))
    {
        let canonical = attr(html, "link[rel=canonical]", "href").expect("canonical");
        assert_eq!(
            canonical,
            format!("{BASE}{path}").replace("/index.html", "/"),
            "{path}"
        );
        let alternates = select(html, "link[rel=alternate][hreflang]");
        assert!(!alternates.is_empty(), "{path} has no alternates");
        let mut langs = Vec::new();
        for alternate in alternates {
            let hreflang = alternate.value().attr("hreflang").unwrap_or_default();
            let href = alternate.value().attr("href").unwrap_or_default();
            langs.push(hreflang.to_owned());
            let (target_path, _) = common::internal(href, BASE).expect("alternate within the site");
            let target = output.page(&target_path);
            let back: Vec<String> = select(target, "link[rel=alternate][hreflang]")
                .iter()
                .filter_map(|l| l.value().attr("href").map(str::to_owned))
                .collect();
            assert!(
                back.contains(&canonical),
                "{path} → {hreflang} {href} does not link back"
            );
        }
        let own_lang = &path[1..3];
        assert!(
            langs.iter().any(|l| l == own_lang),
            "{path} lacks a self alternate"
        );
    }
}

#[test]
fn language_switcher_leads_to_the_same_page() {
    let (_site, output) = built();
    let fr = output.page("/fr/regions/north/");
    assert_eq!(
        attr(fr, ".language-switcher a", "href").as_deref(),
        Some("/ar/regions/north/")
    );
    assert_eq!(
        attr(fr, ".language-switcher a", "lang").as_deref(),
        Some("ar")
    );
    assert_eq!(text(fr, ".language-switcher a"), "العربية");
    let ar = output.page("/ar/articles/alpha/");
    assert_eq!(
        attr(ar, ".language-switcher a", "href").as_deref(),
        Some("/fr/articles/alpha/")
    );
    assert_eq!(text(ar, ".language-switcher a"), "Français");
}

#[test]
fn untranslated_article_says_so_everywhere() {
    let (site, output) = built();
    assert!(!site.path().join("public/ar/articles/beta").exists());
    let fr = output.page("/fr/articles/beta/");
    assert!(
        select(fr, ".language-switcher a").is_empty(),
        "dead switcher link"
    );
    assert_eq!(
        text(fr, ".language-switcher .unavailable"),
        "لا توجد نسخة عربية"
    );
    assert_eq!(
        text(fr, ".notice"),
        "Cet article n'est pas encore disponible en arabe."
    );
    let alternates = select(fr, "link[rel=alternate][hreflang=ar]");
    assert!(
        alternates.is_empty(),
        "hreflang to a page that does not exist"
    );

    // Arabic lists show it, in French, marked as such.
    let region = output.page("/ar/regions/north/");
    let cards = select(region, "section[aria-labelledby=articles] .card");
    let beta = cards
        .iter()
        .find(|c| c.html().contains("/fr/articles/beta/"))
        .expect("beta listed on the Arabic region page");
    let html = Html::parse_fragment(&beta.html());
    assert_eq!(attr(&html, "h3", "lang").as_deref(), Some("fr"));
    assert_eq!(attr(&html, "h3", "dir").as_deref(), Some("ltr"));
    assert_eq!(text(&html, ".badge"), "متوفر باللغة الفرنسية فقط");
}

#[test]
fn region_page_lists_exactly_what_references_it() {
    let (_site, output) = built();
    let north = output.page("/fr/regions/north/");
    assert_eq!(
        common::section_links(north, "articles"),
        ["/fr/articles/alpha/", "/fr/articles/beta/"],
        "articles referencing north (the draft referencing south is excluded)"
    );
    assert_eq!(
        common::section_links(north, "mous"),
        ["/fr/mous/acme-2025/"]
    );
    assert_eq!(
        common::section_links(north, "programmes"),
        ["/fr/programmes/network/"],
        "programme reached through the institute"
    );
    assert_eq!(
        common::section_links(north, "partners"),
        ["/fr/partners/acme/", "/fr/partners/ministry/"],
        "parties of the agreement concerning the region"
    );
    assert_eq!(select(north, "#institute-north-institute").len(), 1);

    let south = output.page("/fr/regions/south/");
    assert!(common::section_links(south, "articles").is_empty());
    assert!(
        common::section_links(south, "mous").is_empty(),
        "no agreement concerns the south"
    );
    assert_eq!(
        common::section_links(south, "signed-here"),
        ["/fr/mous/acme-2025/"],
        "signed at the forum held in the south"
    );
    assert_eq!(
        common::section_links(south, "events"),
        ["/fr/events/forum-2025/"]
    );
    assert_eq!(
        text(south, ".counts"),
        "Aucun article · 1 accord · Aucun institut"
    );
    let south_ar = output.page("/ar/regions/south/");
    assert_eq!(
        text(south_ar, ".counts"),
        "لا توجد مقالات · اتفاقية واحدة · لا توجد معاهد"
    );
}

#[test]
fn partner_page_lists_its_agreements_regions_and_articles() {
    let (_site, output) = built();
    let acme = output.page("/fr/partners/acme/");
    assert_eq!(common::section_links(acme, "mous"), ["/fr/mous/acme-2025/"]);
    assert_eq!(
        common::section_links(acme, "regions"),
        ["/fr/regions/north/"],
        "north, which its agreement concerns; not south, where it was only signed"
    );
    assert_eq!(
        common::section_links(acme, "articles"),
        ["/fr/articles/alpha/"]
    );
    assert_eq!(
        common::section_links(acme, "programmes"),
        ["/fr/programmes/network/"]
    );
}

#[test]
fn dates_and_numbers_follow_cldr() {
    let (_site, output) = built();
    let ar = output.page("/ar/mous/acme-2025/");
    assert_eq!(text(ar, "header.entity time"), "3 يوليوز 2025");
    assert_eq!(
        attr(ar, "header.entity time", "datetime").as_deref(),
        Some("2025-07-03")
    );
    let fr = output.page("/fr/mous/talks-2025/");
    assert_eq!(text(fr, "header.entity time"), "septembre 2025");
    let programme = output.page("/ar/programmes/network/");
    assert_eq!(
        text(programme, "table.targets tbody tr td"),
        "240.000 منصب شغل"
    );
    let programme = output.page("/fr/programmes/network/");
    assert_eq!(
        text(programme, "table.targets tbody tr td"),
        "240.000 emplois"
    );
}

#[test]
fn mou_index_is_in_date_order() {
    let (_site, output) = built();
    let index = output.page("/fr/mous/");
    let dates: Vec<String> = select(index, ".timeline time")
        .iter()
        .filter_map(|t| t.value().attr("datetime").map(str::to_owned))
        .collect();
    assert_eq!(dates, ["2025-07-03", "2025-09"]);
}

#[test]
fn article_lists_paginate_in_both_languages() {
    let (_site, output) = built();
    // 3 published articles, 2 per page.
    for lang in ["fr", "ar"] {
        let first = output.page(&format!("/{lang}/articles/"));
        assert_eq!(select(first, ".cards .card").len(), 2);
        assert_eq!(
            attr(first, ".pagination a[rel=next]", "href"),
            Some(format!("/{lang}/articles/page/2/"))
        );
        let second = output.page(&format!("/{lang}/articles/page/2/"));
        assert_eq!(select(second, ".cards .card").len(), 1);
        assert_eq!(
            attr(second, ".pagination a[rel=prev]", "href"),
            Some(format!("/{lang}/articles/"))
        );
        assert_eq!(
            attr(second, ".pagination a[aria-current=page]", "href"),
            Some(format!("/{lang}/articles/page/2/"))
        );
    }
}

#[test]
fn markdown_features_and_internal_links() {
    let (_site, output) = built();
    let alpha = output.page("/fr/articles/alpha/");
    let body = select(alpha, ".body").first().expect("body").html();
    assert!(body.contains("<table>"), "{body}");
    assert!(body.contains("class=\"hl-"), "highlighting classes: {body}");
    assert!(!body.contains("style="), "no inline styles: {body}");
    assert!(body.contains("href=\"/fr/regions/north/\""));
    assert!(body.contains("href=\"/fr/regions/north/#institute-north-institute\""));
    assert!(body.contains("href=\"/fr/articles/beta/\""));
    assert_eq!(
        attr(alpha, "h2#une-section a.heading-anchor", "href").as_deref(),
        Some("#une-section")
    );
    assert!(
        select(alpha, "link[href^=\"/assets/highlight.\"][href$=\".css\"]").len() == 1,
        "pages with code link the highlighting CSS"
    );
    let gamma = output.page("/fr/articles/gamma/");
    assert!(
        select(gamma, "link[href^=\"/assets/highlight.\"]").is_empty(),
        "pages without code do not"
    );
    // The Arabic translation links to the French-only article in French.
    let alpha_ar = output.page("/ar/articles/alpha/");
    assert!(select(alpha_ar, ".body a[href=\"/fr/articles/beta/\"]").len() == 1);
    assert_eq!(
        select(alpha_ar, "h2#قسم-أول").len(),
        1,
        "Arabic heading ids keep Arabic letters"
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = fixture("site");
    build_ok(site.path());
    assert!(!site.path().join("public/fr/articles/draft").exists());
    let mut options = marsad::BuildOptions::new(site.path());
    options.drafts = true;
    marsad::build(&options).expect("build with drafts");
    let output = Output::read(&site.path().join("public"));
    assert_eq!(
        text(output.page("/fr/articles/draft/"), ".draft"),
        "Brouillon"
    );
}

#[test]
fn root_pages_offer_both_languages() {
    let (_site, output) = built();
    let root = output.page("/");
    let links: Vec<String> = select(root, "a.enter")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links, ["/fr/", "/ar/"]);
    assert_eq!(
        attr(root, "section[lang=ar]", "dir").as_deref(),
        Some("rtl")
    );
    let not_found = output.page("/404.html");
    assert_eq!(select(not_found, "section[lang]").len(), 2);
    assert_eq!(text(output.page("/ar/404.html"), "h1"), "الصفحة غير موجودة");
}

#[test]
fn every_page_kind_exists_in_both_languages() {
    let (_site, output) = built();
    for lang in ["fr", "ar"] {
        for path in [
            "/",
            "articles/",
            "articles/page/2/",
            "articles/alpha/",
            "regions/",
            "regions/north/",
            "partners/",
            "partners/acme/",
            "mous/",
            "mous/acme-2025/",
            "programmes/",
            "programmes/network/",
            "events/",
            "events/forum-2025/",
            "about/",
            "sources/",
            "404.html",
        ] {
            let full = if path == "/" {
                format!("/{lang}/")
            } else {
                format!("/{lang}/{path}")
            };
            output.page(&full);
        }
    }
}

#[test]
fn no_bidi_isolation_marks_leak_into_pages() {
    let (_site, output) = built();
    for (path, html) in &output.pages {
        let source = html.html();
        assert!(
            !source.contains('\u{2068}') && !source.contains('\u{2069}'),
            "{path} has FSI/PDI marks"
        );
    }
}

/// Builds the fixture after `change`, for tests that need a variant of it.
fn built_with(change: impl FnOnce(&std::path::Path)) -> (tempfile::TempDir, Output) {
    let site = fixture("site");
    change(site.path());
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    (site, output)
}

fn replace_in(root: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("fixture file");
    assert!(text.contains(from), "{file} lacks {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn a_source_cited_only_by_an_institute_lists_its_region() {
    let (_site, output) = built_with(|root| {
        replace_in(
            root,
            "content/regions/north.toml",
            "status = \"announced\"\nsources = [\"source-a\"]",
            "status = \"announced\"\nsources = [\"source-b\"]",
        );
    });
    let sources = output.page("/fr/sources/");
    let cited: Vec<String> = select(sources, "#source-source-b details a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert!(
        cited.contains(&"/fr/regions/north/".to_owned()),
        "{cited:?}"
    );
}

#[test]
fn an_institute_brings_its_programme_and_partners_to_its_region() {
    let (_site, output) = built_with(|root| {
        let path = root.join("content/regions/south.toml");
        let mut text = std::fs::read_to_string(&path).expect("south");
        // Without the forum held there, only the institute links the south to anything.
        let event = root.join("content/events/forum-2025.toml");
        let without_region = std::fs::read_to_string(&event)
            .expect("event")
            .replace("region = \"south\"\n", "");
        std::fs::write(event, without_region).expect("write");
        text.push_str("[[institutes]]\nid = \"south-institute\"\nprogramme = \"network\"\nstatus = \"announced\"\nsources = [\"source-b\"]\n[institutes.name]\nfr = \"Institut du Sud\"\nar = \"معهد الجنوب\"\n");
        std::fs::write(path, text).expect("write");
    });
    let south = output.page("/fr/regions/south/");
    assert_eq!(
        common::section_links(south, "programmes"),
        ["/fr/programmes/network/"]
    );
    assert_eq!(
        common::section_links(south, "partners"),
        ["/fr/partners/acme/"]
    );
    let acme = output.page("/fr/partners/acme/");
    assert_eq!(
        common::section_links(acme, "regions"),
        ["/fr/regions/north/", "/fr/regions/south/"]
    );
}

#[test]
fn repeated_themes_are_shown_once() {
    let (_site, output) = built_with(|root| {
        replace_in(
            root,
            "content/mous/acme-2025.toml",
            "themes = [\"research\", \"skills\"]",
            "themes = [\"research\", \"skills\", \"research\"]",
        );
    });
    let mou = output.page("/fr/mous/acme-2025/");
    let tags: Vec<String> = select(mou, ".tags li")
        .iter()
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(tags, ["Recherche", "Compétences"]);
}

#[test]
fn an_event_counts_the_agreements_its_sources_announce() {
    let (_site, output) = built();
    let forum = output.page("/fr/events/forum-2025/");
    assert_eq!(
        common::section_links(forum, "mous"),
        ["/fr/mous/acme-2025/"]
    );
    assert_eq!(
        text(forum, "section[aria-labelledby=mous] .counts"),
        "Accords signés identifiés dans les sources : 1 sur 3 annoncés"
    );
    assert_eq!(
        text(forum, "section[aria-labelledby=mous] .notice"),
        "Les sources ne nomment pas les contreparties de 2 des accords annoncés."
    );
    assert_eq!(
        text(forum, ".figure-value"),
        "3 accords",
        "the figure with its unit"
    );
    assert_eq!(
        attr(forum, ".figures a", "href").as_deref(),
        Some("/fr/sources/#source-source-a"),
        "every figure links its source"
    );
    let forum_ar = output.page("/ar/events/forum-2025/");
    assert_eq!(
        text(forum_ar, "section[aria-labelledby=mous] .notice"),
        "لا تذكر المصادر الطرف الآخر في اتفاقيتين من الاتفاقيات المعلن عنها."
    );
    assert_eq!(
        attr(forum, "header.entity .meta a", "href").as_deref(),
        Some("/fr/regions/south/"),
        "the event links the region it was held in"
    );
    let events = output.page("/fr/events/");
    assert_eq!(text(events, ".counts"), "1 événement");
}

#[test]
fn an_agreement_links_its_event_and_where_it_was_signed() {
    let (_site, output) = built();
    let acme = output.page("/fr/mous/acme-2025/");
    let links: Vec<String> = select(acme, "header.entity .meta a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links, ["/fr/events/forum-2025/", "/fr/regions/south/"]);
    assert!(text(acme, "header.entity").contains("Sudville"));
    assert_eq!(
        text(acme, ".unknowns p"),
        "La durée de l'accord n'est pas connue."
    );
    let network = output.page("/ar/programmes/network/");
    assert_eq!(text(network, ".unknowns h2"), "ما لا تذكره المصادر");
    assert_eq!(text(network, "header.entity .status"), "معلن عنه");
}

#[test]
fn from_any_region_to_its_agreements_and_partners_and_back() {
    let (_site, output) = built();
    for lang in ["fr", "ar"] {
        for region in ["north", "south"] {
            let path = format!("/{lang}/regions/{region}/");
            let page = output.page(&path);
            let mut reached = Vec::new();
            for section in ["mous", "signed-here", "partners"] {
                reached.extend(common::section_links(page, section));
            }
            assert!(!reached.is_empty(), "{path} leads nowhere");
            for target in reached {
                let back: Vec<String> = select(output.page(&target), "main a")
                    .iter()
                    .filter_map(|a| a.value().attr("href").map(str::to_owned))
                    .collect();
                assert!(
                    back.contains(&path),
                    "{target} does not link back to {path}"
                );
            }
        }
    }
}

#[test]
fn standalone_pages_are_translated_or_say_they_are_not() {
    let (_site, output) = built();
    let about = output.page("/fr/about/");
    assert_eq!(text(about, "h1"), "À propos");
    assert_eq!(
        attr(about, ".body a", "href").as_deref(),
        Some("/fr/events/forum-2025/")
    );
    assert_eq!(
        attr(output.page("/ar/about/"), "html", "dir").as_deref(),
        Some("rtl")
    );
    let footer_fr: Vec<String> = select(output.page("/fr/"), ".footer-pages a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(footer_fr, ["À propos", "Notes de méthode"]);
    let footer_ar: Vec<String> = select(output.page("/ar/"), ".footer-pages a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(
        footer_ar,
        ["من نحن"],
        "no link to a page not written in Arabic"
    );
    assert!(!output.pages.contains_key("/ar/notes/"));
    assert_eq!(
        text(output.page("/fr/notes/"), ".language-switcher .unavailable"),
        "لا توجد نسخة عربية"
    );
    let about_ar_links: Vec<String> = select(output.page("/ar/about/"), ".body p a")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        about_ar_links,
        ["/ar/events/forum-2025/", "/fr/notes/"],
        "a link to a page missing in Arabic leads to its French version"
    );
}

#[test]
fn missing_translations_are_warned_about_without_failing() {
    let site = fixture("site");
    let report = build_ok(site.path());
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("the article `beta` has no ar translation")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("the page `notes` has no ar translation")
                && w.contains("content/pages/notes.ar.md")),
        "{warnings:?}"
    );
    assert_eq!(warnings.len(), 2, "{warnings:?}");
}

#[test]
fn talks_at_an_event_are_listed_but_not_counted_as_signed() {
    let (_site, output) = built_with(|root| {
        replace_in(
            root,
            "content/mous/talks-2025.toml",
            "sources = [",
            "event = \"forum-2025\"\nsources = [",
        );
    });
    let forum = output.page("/fr/events/forum-2025/");
    assert_eq!(
        common::section_links(forum, "mous"),
        ["/fr/mous/acme-2025/", "/fr/mous/talks-2025/"]
    );
    assert_eq!(
        text(forum, "section[aria-labelledby=mous] .counts"),
        "Accords signés identifiés dans les sources : 1 sur 3 annoncés"
    );
    assert_eq!(
        common::section_links(output.page("/fr/regions/south/"), "signed-here"),
        ["/fr/mous/acme-2025/"],
        "talks are not signed anywhere"
    );
    let talks = output.page("/fr/mous/talks-2025/");
    assert!(
        text(talks, "header.entity").contains("Lors de : Forum national"),
        "{}",
        text(talks, "header.entity")
    );
    assert_eq!(
        text(output.page("/fr/events/"), ".timeline .counts"),
        "1 accord"
    );
}
