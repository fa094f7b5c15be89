//! The pictures drawn at build time (render/pictures.rs), read back from the repository's
//! built observatory: the regions' tile map on the home and regions pages, the agreements'
//! timeline, the targets' bars. Each link leads to a built page, each picture is named by its
//! caption, and what the picture shows agrees with the text beside it.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{Output, build_ok, normalise, select};
use scraper::{ElementRef, Html};

fn built() -> Output {
    let temp = common::repository_copy();
    build_ok(temp.path());
    let output = Output::read(&temp.path().join("public"));
    // The folder goes with `temp`; the parsed pages stay.
    Output {
        dir: std::path::PathBuf::new(),
        pages: output.pages,
    }
}

fn number(element: &ElementRef, name: &str) -> f64 {
    element
        .value()
        .attr(name)
        .unwrap_or_else(|| panic!("no {name}"))
        .parse()
        .unwrap_or_else(|_| panic!("{name} is not a number"))
}

/// The first element under `element` matching `selector`.
fn first<'a>(element: &ElementRef<'a>, selector: &str) -> Option<ElementRef<'a>> {
    let selector = scraper::Selector::parse(selector).expect("selector");
    element.select(&selector).next()
}

fn own_text(element: &ElementRef, selector: &str) -> String {
    first(element, selector)
        .map(|e| normalise(&e.text().collect::<String>()))
        .unwrap_or_default()
}

/// A picture's `<svg>` is named by its figure's caption.
fn assert_named_by_caption(page: &Html, figure: &str, path: &str) {
    let figures = select(page, figure);
    assert_eq!(figures.len(), 1, "{path}: one {figure}");
    let caption_id = select(page, &format!("{figure} figcaption"))[0]
        .value()
        .attr("id")
        .expect("captions have ids")
        .to_owned();
    assert!(
        !normalise(
            &select(page, &format!("{figure} figcaption"))[0]
                .text()
                .collect::<String>()
        )
        .is_empty()
    );
    for svg in select(page, &format!("{figure} svg[role=group]")) {
        assert_eq!(
            svg.value().attr("aria-labelledby"),
            Some(caption_id.as_str())
        );
    }
    assert!(select(page, &format!("{figure} script")).is_empty());
}

struct Tile {
    href: String,
    name: String,
    x: f64,
    y: f64,
    shade: usize,
    activity: usize,
}

fn tiles(page: &Html) -> Vec<Tile> {
    select(page, "figure.region-map svg a")
        .iter()
        .map(|a| {
            let rect = first(a, "rect").expect("a tile has a rect");
            let class = a.value().attr("class").unwrap_or_default();
            Tile {
                href: a.value().attr("href").expect("href").to_owned(),
                name: own_text(a, "title"),
                x: number(&rect, "x"),
                y: number(&rect, "y"),
                shade: class
                    .split_whitespace()
                    .find_map(|c| c.strip_prefix("shade-"))
                    .expect("a shade class")
                    .parse()
                    .expect("shade number"),
                activity: own_text(a, "text.activity").parse().expect("activity"),
            }
        })
        .collect()
}

#[test]
fn the_region_map_links_every_region_and_shades_it_by_activity() {
    let output = built();
    let mut positions: Vec<Vec<(f64, f64)>> = Vec::new();
    for lang in ["fr", "ar"] {
        let index_path = format!("/{lang}/regions/");
        let index = &output.pages[&index_path];
        let table_links: BTreeSet<String> = select(index, "table.region-table th a")
            .iter()
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert_eq!(table_links.len(), 12);
        for path in [index_path.clone(), format!("/{lang}/")] {
            let page = &output.pages[&path];
            assert_named_by_caption(page, "figure.region-map", &path);
            let tiles = tiles(page);
            let hrefs: BTreeSet<String> = tiles.iter().map(|t| t.href.clone()).collect();
            assert_eq!(
                hrefs, table_links,
                "{path}: the map's links are the regions'"
            );
            for tile in &tiles {
                let target = &output.pages[&tile.href];
                let h1 = normalise(&select(target, "h1")[0].text().collect::<String>());
                assert!(
                    tile.name.starts_with(&h1),
                    "{path}: the tile of {} is named {:?}",
                    tile.href,
                    tile.name
                );
            }
            // Shades grow with activity, and the most active region is the darkest.
            let most = tiles.iter().map(|t| t.activity).max().expect("tiles");
            for a in &tiles {
                assert_eq!(a.shade == 0, a.activity == 0, "{}", a.href);
                assert_eq!(a.shade == 4, a.activity * 4 > most * 3, "{}", a.href);
                for b in &tiles {
                    if a.activity < b.activity {
                        assert!(a.shade <= b.shade, "{} vs {}", a.href, b.href);
                    }
                }
            }
            // The legend names every shade used.
            let legend = select(page, "figure.region-map .legend li").len();
            let used: BTreeSet<usize> = tiles.iter().map(|t| t.shade).collect();
            assert!(legend >= used.len());
            positions.push(tiles_by_slug(&tiles));
        }
        // North at the top, south at the bottom.
        let tiles = tiles(index);
        let y = |slug: &str| {
            tiles
                .iter()
                .find(|t| t.href.contains(slug))
                .map(|t| t.y)
                .expect("tile")
        };
        assert!(y("tanger") < y("casablanca") && y("casablanca") < y("dakhla"));
    }
    // A map is not mirrored: French and Arabic tiles sit at the same places.
    assert!(positions.windows(2).all(|w| w[0] == w[1]));
}

fn tiles_by_slug(tiles: &[Tile]) -> Vec<(f64, f64)> {
    let by_slug: BTreeMap<&str, (f64, f64)> = tiles
        .iter()
        .map(|t| {
            let slug = t
                .href
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or("");
            (slug, (t.x, t.y))
        })
        .collect();
    by_slug.into_values().collect()
}

#[test]
fn the_timeline_places_every_agreement_in_reading_order() {
    let output = built();
    for (lang, rtl) in [("fr", false), ("ar", true)] {
        let path = format!("/{lang}/mous/");
        let page = &output.pages[&path];
        assert_named_by_caption(page, "figure.mou-timeline", &path);
        // The list after the picture: href → ISO date.
        let listed: BTreeMap<String, String> = select(page, "ol.timeline > li")
            .iter()
            .map(|li| {
                let href = first(li, "h2 a")
                    .and_then(|a| a.value().attr("href"))
                    .expect("a link")
                    .to_owned();
                let date = first(li, "time")
                    .and_then(|t| t.value().attr("datetime"))
                    .expect("a date")
                    .to_owned();
                (href, date)
            })
            .collect();
        let marks = select(page, "figure.mou-timeline svg a.mark");
        assert_eq!(marks.len(), listed.len(), "{path}: one mark per agreement");
        let mut days: Vec<(String, f64)> = Vec::new();
        for mark in &marks {
            let href = mark.value().attr("href").expect("href").to_owned();
            let date = &listed[&href];
            assert!(output.pages.contains_key(&href), "{href} is built");
            assert!(!own_text(mark, "title").is_empty(), "{href} has a name");
            let class = mark.value().attr("class").unwrap_or_default();
            let precision = match date.len() {
                10 => "day",
                7 => "month",
                _ => "year",
            };
            assert!(
                class.contains(precision),
                "{href}: {date} drawn as a {precision}"
            );
            if precision == "day" {
                let circle = first(mark, "circle").expect("a day is a dot");
                days.push((date.clone(), number(&circle, "cx")));
            } else {
                let rect = first(mark, "rect").expect("a month or a year is a bar");
                assert!(number(&rect, "width") > 20.0);
            }
        }
        days.sort_by(|a, b| a.0.cmp(&b.0));
        assert!(days.len() >= 2);
        for pair in days.windows(2) {
            let ((d1, x1), (d2, x2)) = (&pair[0], &pair[1]);
            if d1 < d2 {
                assert!(
                    if rtl { x1 > x2 } else { x1 < x2 },
                    "{path}: {d1} then {d2}"
                );
            }
        }
    }
}

#[test]
fn the_targets_bars_say_what_they_draw() {
    let output = built();
    for (lang, rtl) in [("fr", false), ("ar", true)] {
        let path = format!("/{lang}/programmes/digital-morocco-2030/");
        let page = &output.pages[&path];
        assert_named_by_caption(page, "figure.target-chart", &path);
        let fill = &select(page, "figure.target-chart svg.bar.elapsed rect.fill")[0];
        let width = number(fill, "width");
        let x = number(fill, "x");
        assert!(width > 0.0 && width < 100.0);
        assert_eq!(
            x,
            if rtl { 100.0 - width } else { 0.0 },
            "{path}: fills from the start"
        );
        // The sentence under the bar gives the same share.
        let text = normalise(
            &select(page, "figure.target-chart svg.bar.elapsed + p.bar-text")[0]
                .text()
                .collect::<String>(),
        );
        assert!(
            text.contains(&format!("{}", width.round())),
            "{path}: {text:?} vs {width}"
        );
        // No source reports progress: the bar says so rather than showing none.
        assert!(!select(page, "figure.target-chart svg.bar.unreported").is_empty());
        for svg in select(page, "figure.target-chart svg") {
            assert_eq!(svg.value().attr("aria-hidden"), Some("true"));
        }
    }
    // A programme with no figure and no deadline has no chart.
    let page = &output.pages["/fr/programmes/5g-network/"];
    assert!(select(page, "figure.target-chart").is_empty());
}

#[test]
fn reported_progress_fills_its_bar_and_is_published_with_its_source() {
    let site = common::fixture("site");
    let sheet = site.path().join("content/programmes/network.toml");
    let text = std::fs::read_to_string(&sheet).expect("fixture");
    let text = text.replacen(
        "fr = \"Emplois\"\nar = \"مناصب الشغل\"",
        "fr = \"Emplois\"\nar = \"مناصب الشغل\"\n[targets.progress]\nvalue = 60000\nas_of = \"2025-06\"\nsource = \"source-b\"",
        1,
    );
    std::fs::write(&sheet, text).expect("write fixture");
    build_ok(site.path());
    let output = Output::read(&site.path().join("public"));
    for (lang, x) in [("fr", 0.0), ("ar", 75.0)] {
        let path = format!("/{lang}/programmes/network/");
        let page = output.page(&path);
        let fill = &select(page, "figure.target-chart svg.bar.progress rect.fill")[0];
        assert_eq!(
            (number(fill, "x"), number(fill, "width")),
            (x, 25.0),
            "{path}"
        );
        let sentence = &select(page, "figure.target-chart svg.bar.progress + p.bar-text")[0];
        let text = normalise(&sentence.text().collect::<String>());
        assert!(
            text.contains("60.000") && text.contains("25"),
            "{path}: {text}"
        );
        let source = first(sentence, "a").expect("the source is linked");
        assert!(
            source
                .value()
                .attr("href")
                .is_some_and(|h| h.ends_with("#source-source-b")),
            "{path}"
        );
        // A target with progress is not drawn as unreported.
        assert_eq!(
            select(page, "figure.target-chart svg.bar.unreported").len(),
            0
        );
    }
    let targets: serde_json::Value = serde_json::from_slice(
        &std::fs::read(site.path().join("public/data/programme-targets.json"))
            .expect("programme-targets.json"),
    )
    .expect("JSON");
    let records = targets["records"].as_array().expect("records");
    let jobs = records
        .iter()
        .find(|r| r["progress_value"] == 60000)
        .expect("the target with progress");
    assert_eq!(jobs["progress_as_of"], "2025-06");
    assert_eq!(jobs["progress_source"]["slug"], "source-b");
}
