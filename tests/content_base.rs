//! The observatory's own content base, checked as data: every fact sheet complete in both
//! languages, every figure sourced, every article sourced and attached to a region or a
//! partner, no entity described twice, and the facts the five sources establish present.

mod common;

use std::collections::HashMap;

use common::{Output, build_ok, select};
use marsad::link::model::{Site, Text};
use marsad::load::schema::{Status, Unit};

const LANGUAGES: [&str; 2] = ["fr", "ar"];

/// The repository's site, copied to a temporary folder and built once.
fn built() -> (tempfile::TempDir, Site, Output, marsad::BuildReport) {
    let temp = common::repository_copy();
    let report = build_ok(temp.path());
    let site = marsad::build::load_site(temp.path(), None, false)
        .expect("site loads")
        .site;
    let output = Output::read(&temp.path().join("public"));
    (temp, site, output, report)
}

/// Every text of every fact sheet, named for failure messages.
fn localized_texts(site: &Site) -> Vec<(String, &Text)> {
    let mut texts: Vec<(String, &Text)> = Vec::new();
    for r in &site.regions {
        let name = |field: &str| format!("region {} {field}", r.slug);
        texts.push((name("name"), &r.name));
        texts.push((name("capital"), &r.capital));
        texts.push((name("summary"), &r.summary));
        texts.extend(r.focus.iter().map(|f| (name("focus"), f)));
    }
    for i in &site.institutes {
        texts.push((format!("institute {} name", i.id), &i.name));
        texts.extend(
            i.description
                .iter()
                .map(|d| (format!("institute {}", i.id), d)),
        );
    }
    for p in &site.partners {
        texts.push((format!("partner {} name", p.slug), &p.name));
        texts.push((format!("partner {} description", p.slug), &p.description));
        texts.extend(
            p.short_name
                .iter()
                .map(|s| (format!("partner {}", p.slug), s)),
        );
    }
    for m in &site.mous {
        texts.push((format!("agreement {} title", m.slug), &m.title));
        texts.push((format!("agreement {} summary", m.slug), &m.summary));
        texts.extend(
            m.unknowns
                .iter()
                .map(|u| (format!("agreement {}", m.slug), u)),
        );
    }
    for p in &site.programmes {
        texts.push((format!("programme {} name", p.slug), &p.name));
        texts.push((format!("programme {} summary", p.slug), &p.summary));
        texts.extend(
            p.unknowns
                .iter()
                .map(|u| (format!("programme {}", p.slug), u)),
        );
        texts.extend(
            p.targets
                .iter()
                .map(|t| (format!("programme {} target", p.slug), &t.label)),
        );
    }
    for e in &site.events {
        texts.push((format!("event {} name", e.slug), &e.name));
        texts.push((format!("event {} summary", e.slug), &e.summary));
        texts.extend(
            e.place
                .iter()
                .map(|p| (format!("event {} place", e.slug), p)),
        );
        texts.extend(e.unknowns.iter().map(|u| (format!("event {}", e.slug), u)));
        texts.extend(
            e.figures
                .iter()
                .map(|f| (format!("event {} figure", e.slug), &f.label)),
        );
    }
    for s in &site.sources {
        texts.push((format!("source {} title", s.slug), &s.title));
        texts.push((format!("source {} summary", s.slug), &s.summary));
    }
    texts
}

#[test]
fn the_build_reports_nothing_missing() {
    let (_temp, _site, _output, report) = built();
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn every_fact_sheet_text_exists_in_both_languages() {
    let (_temp, site, _output, _report) = built();
    let texts = localized_texts(&site);
    assert!(texts.len() > 150, "only {} texts", texts.len());
    for (what, text) in texts {
        let languages: Vec<&str> = text.0.keys().map(String::as_str).collect();
        assert_eq!(languages, ["ar", "fr"], "{what}");
        for lang in LANGUAGES {
            assert!(
                !text.get(lang).trim().is_empty(),
                "{what} is empty in {lang}"
            );
        }
        let arabic = text.get("ar");
        assert!(
            arabic
                .chars()
                .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
                || arabic.is_ascii(),
            "{what}: the Arabic text has no Arabic letters: {arabic}"
        );
    }
}

#[test]
fn every_figure_has_a_source_on_every_page_that_shows_it() {
    let (_temp, site, output, _report) = built();
    let figures: usize = site
        .programmes
        .iter()
        .map(|p| p.targets.len())
        .sum::<usize>()
        + site.events.iter().map(|e| e.figures.len()).sum::<usize>();
    assert!(figures >= 8, "only {figures} figures");
    let mut rows_checked = 0;
    for (path, page) in &output.pages {
        for row in select(page, "table.targets tbody tr") {
            let source = row
                .select(&scraper::Selector::parse("td a").expect("selector"))
                .filter_map(|a| a.value().attr("href"))
                .find(|href| href.contains("/sources/#source-"));
            assert!(source.is_some(), "{path}: a target row without its source");
            rows_checked += 1;
        }
        for item in select(page, "ul.figures li") {
            let source = item
                .select(&scraper::Selector::parse("a").expect("selector"))
                .filter_map(|a| a.value().attr("href"))
                .find(|href| href.contains("/sources/#source-"));
            assert!(source.is_some(), "{path}: a key figure without its source");
            rows_checked += 1;
        }
    }
    assert!(rows_checked >= 2 * figures, "{rows_checked} figures shown");
}

#[test]
fn every_article_is_sourced_attached_and_long_enough_in_both_languages() {
    let (_temp, site, _output, _report) = built();
    assert!(
        site.articles.len() >= 12,
        "{} articles",
        site.articles.len()
    );
    for article in &site.articles {
        assert!(
            !article.refs.sources.is_empty(),
            "{} cites no source",
            article.slug
        );
        assert!(
            !article.refs.regions.is_empty() || !article.refs.partners.is_empty(),
            "{} names no region and no partner",
            article.slug
        );
        for lang in LANGUAGES {
            let translation = article
                .translations
                .get(lang)
                .unwrap_or_else(|| panic!("{} has no {lang} version", article.slug));
            let words = translation.body_text().split_whitespace().count();
            assert!(words >= 300, "{}.{lang} has {words} words", article.slug);
        }
    }
    let about = site
        .pages
        .iter()
        .find(|p| p.slug == "about")
        .expect("an about / methodology page");
    for lang in LANGUAGES {
        assert!(
            about.translations.contains_key(lang),
            "about page in {lang}"
        );
    }
}

/// Case, punctuation and spacing aside, two sheets of a kind never share a name.
#[test]
fn no_two_fact_sheets_describe_the_same_entity() {
    let (_temp, site, _output, _report) = built();
    let fold = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut groups: Vec<(&str, Vec<(&str, &Text)>)> = vec![
        (
            "region",
            site.regions
                .iter()
                .map(|r| (r.slug.as_str(), &r.name))
                .collect(),
        ),
        (
            "partner",
            site.partners
                .iter()
                .map(|p| (p.slug.as_str(), &p.name))
                .collect(),
        ),
        (
            "programme",
            site.programmes
                .iter()
                .map(|p| (p.slug.as_str(), &p.name))
                .collect(),
        ),
        (
            "event",
            site.events
                .iter()
                .map(|e| (e.slug.as_str(), &e.name))
                .collect(),
        ),
        (
            "agreement",
            site.mous
                .iter()
                .map(|m| (m.slug.as_str(), &m.title))
                .collect(),
        ),
    ];
    for (kind, sheets) in &mut groups {
        for lang in LANGUAGES {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for (slug, name) in sheets.iter() {
                if let Some(first) = seen.insert(fold(name.get(lang)), slug) {
                    panic!("{kind}s {first} and {slug} have the same {lang} name");
                }
            }
        }
    }
    let mut parties: HashMap<(Vec<usize>, String), &str> = HashMap::new();
    for mou in &site.mous {
        let mut key = mou.refs.partners.clone();
        key.sort_unstable();
        if let Some(first) = parties.insert((key, mou.date.to_string()), &mou.slug) {
            panic!(
                "agreements {first} and {} have the same parties and date",
                mou.slug
            );
        }
    }
    let mut codes: Vec<&str> = site.regions.iter().map(|r| r.iso_code.as_str()).collect();
    codes.sort_unstable();
    let expected: Vec<String> = (1..=12).map(|n| format!("MA-{n:02}")).collect();
    assert_eq!(codes, expected, "the twelve regions of Morocco, once each");
}

#[test]
fn the_facts_of_the_sources_are_in_the_base() {
    let (_temp, site, _output, _report) = built();
    let programme = |slug: &str| {
        site.programmes
            .iter()
            .find(|p| p.slug == slug)
            .unwrap_or_else(|| panic!("programme {slug}"))
    };
    let has_target = |slug: &str, value: f64, unit: Unit| {
        programme(slug)
            .targets
            .iter()
            .any(|t| t.value == Some(value) && t.unit == Some(unit))
    };
    assert!(has_target("digital-morocco-2030", 240_000.0, Unit::Jobs));
    assert_eq!(
        programme("digital-morocco-2030")
            .launched
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-09")
    );
    assert!(has_target(
        "venture-building-fund",
        700_000_000.0,
        Unit::Dirhams
    ));
    assert!(has_target("dakhla-data-centre", 500.0, Unit::Megawatts));
    assert!(has_target("jazari-root", 12.0, Unit::Regions));
    assert!(
        programme("5g-network").targets.len() >= 2,
        "AFCON 2025 and World Cup 2030"
    );

    let mou = |slug: &str| {
        site.mous
            .iter()
            .find(|m| m.slug == slug)
            .unwrap_or_else(|| panic!("agreement {slug}"))
    };
    assert_eq!(mou("mistral-ai-2025").date.to_string(), "2025-09-12");
    assert_eq!(mou("mistral-ai-2025").status, Status::Signed);
    assert_eq!(mou("openai-talks-2025").status, Status::InDiscussion);
    assert_eq!(mou("openai-talks-2025").date.to_string(), "2025-09");
    assert_eq!(mou("china-5g-stance").status, Status::Position);
    mou("hps-enigma-2025");

    let assises = site
        .events
        .iter()
        .position(|e| e.slug == "assises-nationales-ia-2025")
        .expect("the first national AI conference");
    let assises = &site.events[assises];
    assert_eq!(assises.date.to_string(), "2025-07-03");
    assert_eq!(assises.agreements_announced, Some(9));
    let counterparts: Vec<&str> = assises
        .mous
        .iter()
        .flat_map(|&m| &site.mous[m].refs.partners)
        .map(|&p| site.partners[p].slug.as_str())
        .collect();
    for named in [
        "ministry-national-education",
        "ministry-economic-inclusion",
        "ministry-energy-transition",
        "um6p",
        "credit-agricole-du-maroc",
        "undp",
        "dco",
        "current-ai",
    ] {
        assert!(
            counterparts.contains(&named),
            "{named} signed at the Assises"
        );
    }
    assert_eq!(assises.mous.len(), 8, "the sources name eight of the nine");
    assert!(
        site.events
            .iter()
            .any(|e| e.slug == "ai-action-summit-2025")
    );

    let region = |slug: &str| site.regions.iter().find(|r| r.slug == slug).expect(slug);
    assert!(
        site.institutes
            .iter()
            .any(|i| i.id == "al-jazari-nador" && site.regions[i.region].slug == "oriental")
    );
    assert!(
        region("dakhla-oued-ed-dahab")
            .programmes
            .iter()
            .any(|&p| site.programmes[p].slug == "dakhla-data-centre")
    );
}

#[test]
fn from_any_region_page_to_its_agreements_and_partners_and_back() {
    let (_temp, site, output, _report) = built();
    let mut followed = 0;
    for lang in LANGUAGES {
        for region in &site.regions {
            let path = format!("/{lang}/regions/{}/", region.slug);
            let page = output.page(&path);
            let mut targets = Vec::new();
            for section in ["mous", "signed-here", "partners"] {
                targets.extend(common::section_links(page, section));
            }
            assert!(
                !common::section_links(page, "partners").is_empty(),
                "{path} lists no partner"
            );
            for target in targets {
                let back: Vec<String> = select(output.page(&target), "main a")
                    .iter()
                    .filter_map(|a| a.value().attr("href").map(str::to_owned))
                    .collect();
                assert!(
                    back.contains(&path),
                    "{target} does not link back to {path}"
                );
                followed += 1;
            }
        }
    }
    assert!(followed > 40, "only {followed} round trips");
    let rabat = output.page("/ar/regions/rabat-sale-kenitra/");
    assert!(
        common::section_links(rabat, "signed-here").len() >= 8,
        "the agreements of the Assises were signed in Rabat"
    );
}
