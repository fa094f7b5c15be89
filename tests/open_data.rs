//! The open data files under `/data/`: built from the fixture site (plus a partner whose
//! name holds every character CSV must quote), parsed back with real JSON and CSV parsers,
//! compared with the content files they come from, and found from the documentation page.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{Output, build_ok, fixture, select};
use serde_json::Value;

const BASE: &str = "https://example.org";
const LANGS: [&str; 2] = ["fr", "ar"];

/// Every dataset, with the content it comes from: the folder of its sheets, or the folder
/// and the TOML array its records are written in.
const DATASETS: [&str; 10] = [
    "regions",
    "institutes",
    "partners",
    "mous",
    "programmes",
    "programme-targets",
    "events",
    "event-figures",
    "sources",
    "articles",
];

/// A partner name with a double quote, a comma and a line break in each language.
const TRICKY_FR: &str = "Société \"Atlas\", IA\net données";
const TRICKY_AR: &str = "أطلس، \"مختبرات\", الذكاء\nالاصطناعي";

fn tricky_partner() -> String {
    let toml_string = |s: &str| {
        s.replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('\n', "\\n")
    };
    format!(
        "kind = \"company\"\ncountry = \"MA\"\nsources = [\"source-a\"]\n[name]\nfr = \"{}\"\nar = \"{}\"\n[description]\nfr = \"Une entreprise, « fictive ».\"\nar = \"شركة متخيَّلة.\"\n",
        toml_string(TRICKY_FR),
        toml_string(TRICKY_AR),
    )
}

struct Built {
    site: tempfile::TempDir,
    data: BTreeMap<String, Vec<u8>>,
}

impl Built {
    fn root(&self) -> &Path {
        self.site.path()
    }

    fn public(&self) -> std::path::PathBuf {
        self.root().join("public")
    }

    fn json(&self, dataset: &str) -> Value {
        let bytes = &self.data[&format!("{dataset}.json")];
        serde_json::from_slice(bytes)
            .unwrap_or_else(|error| panic!("{dataset}.json does not parse: {error}"))
    }

    /// The CSV file's header and rows, as the `csv` crate reads them.
    fn csv(&self, dataset: &str) -> (Vec<String>, Vec<Vec<String>>) {
        let bytes = &self.data[&format!("{dataset}.csv")];
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let header = reader
            .headers()
            .unwrap_or_else(|error| panic!("{dataset}.csv has no header: {error}"))
            .iter()
            .map(str::to_owned)
            .collect();
        let rows = reader
            .records()
            .map(|row| {
                row.unwrap_or_else(|error| panic!("{dataset}.csv does not parse: {error}"))
                    .iter()
                    .map(str::to_owned)
                    .collect()
            })
            .collect();
        (header, rows)
    }
}

fn built() -> Built {
    let site = fixture("site");
    fs::write(
        site.path().join("content/partners/atlas.toml"),
        tricky_partner(),
    )
    .expect("write the partner");
    build_ok(site.path());
    let data_dir = site.path().join("public/data");
    let data = fs::read_dir(&data_dir)
        .expect("public/data exists")
        .map(|entry| {
            let entry = entry.expect("readable");
            (
                entry.file_name().to_string_lossy().into_owned(),
                fs::read(entry.path()).expect("readable"),
            )
        })
        .collect();
    Built { site, data }
}

/// Sheets in a content folder.
fn sheets(root: &Path, folder: &str) -> Vec<toml::Table> {
    let mut sheets = Vec::new();
    for entry in fs::read_dir(root.join(folder)).expect("content folder") {
        let path = entry.expect("readable").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = fs::read_to_string(&path).expect("readable");
            sheets.push(text.parse::<toml::Table>().expect("valid TOML"));
        }
    }
    sheets
}

/// How many records each file should have, counted from the content files themselves.
fn expected_counts(root: &Path) -> BTreeMap<&'static str, usize> {
    let nested = |folder: &str, key: &str| -> usize {
        sheets(root, folder)
            .iter()
            .map(|s| s.get(key).and_then(|v| v.as_array()).map_or(0, Vec::len))
            .sum()
    };
    let mut published_articles = BTreeSet::new();
    for entry in fs::read_dir(root.join("content/articles")).expect("articles") {
        let path = entry.expect("readable").path();
        let text = fs::read_to_string(&path).expect("readable");
        let front = text.split("+++").nth(1).expect("front matter");
        let front: toml::Table = front.parse().expect("front matter TOML");
        if front.get("draft").and_then(toml::Value::as_bool) == Some(true) {
            continue;
        }
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let slug = name.split('.').next().expect("slug").to_owned();
        published_articles.insert(slug);
    }
    BTreeMap::from([
        ("regions", sheets(root, "content/regions").len()),
        ("institutes", nested("content/regions", "institutes")),
        ("partners", sheets(root, "content/partners").len()),
        ("mous", sheets(root, "content/mous").len()),
        ("programmes", sheets(root, "content/programmes").len()),
        ("programme-targets", nested("content/programmes", "targets")),
        ("events", sheets(root, "content/events").len()),
        ("event-figures", nested("content/events", "figures")),
        ("sources", sheets(root, "seeds").len()),
        ("articles", published_articles.len()),
    ])
}

/// True for `{ "fr": …, "ar": … }`.
fn is_localized(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| o.len() == LANGS.len() && LANGS.iter().all(|lang| o.contains_key(*lang)))
}

/// The CSV columns a JSON field becomes: one per language for a localized value or a list
/// of them, else one.
fn columns(name: &str, value: &Value, localized_list: bool) -> Vec<String> {
    if is_localized(value) || localized_list {
        LANGS.iter().map(|lang| format!("{name}_{lang}")).collect()
    } else {
        vec![name.to_owned()]
    }
}

fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// What the CSV cells of a JSON field must hold.
fn expected_cells(value: &Value, localized_list: bool) -> Vec<String> {
    if is_localized(value) {
        return LANGS.iter().map(|lang| cell(&value[*lang])).collect();
    }
    match value {
        Value::Array(items) if localized_list => LANGS
            .iter()
            .map(|lang| {
                let each: Vec<String> = items.iter().map(|i| cell(&i[*lang])).collect();
                each.join(";")
            })
            .collect(),
        Value::Array(items) => {
            let each: Vec<String> = items
                .iter()
                .map(|i| {
                    if i.is_object() {
                        cell(&i["slug"])
                    } else {
                        cell(i)
                    }
                })
                .collect();
            vec![each.join(";")]
        }
        Value::Object(reference) => vec![cell(&reference["slug"])],
        other => vec![cell(other)],
    }
}

/// Fields holding lists of localized texts (an empty list shows no language keys).
fn localized_lists(dataset: &str) -> &'static [&'static str] {
    match dataset {
        "regions" => &["focus"],
        _ => &[],
    }
}

#[test]
fn every_dataset_has_a_json_and_a_csv_file_and_nothing_else() {
    let built = built();
    let expected: BTreeSet<String> = DATASETS
        .iter()
        .flat_map(|d| [format!("{d}.json"), format!("{d}.csv")])
        .collect();
    let written: BTreeSet<String> = built.data.keys().cloned().collect();
    assert_eq!(written, expected);
}

#[test]
fn json_files_parse_and_count_every_entity_of_the_content() {
    let built = built();
    let counts = expected_counts(built.root());
    for dataset in DATASETS {
        let json = built.json(dataset);
        assert_eq!(json["dataset"], dataset);
        assert_eq!(json["site"], format!("{BASE}/"));
        assert_eq!(json["languages"], serde_json::json!(LANGS));
        assert_eq!(
            json["documentation"]["ar"],
            format!("{BASE}/ar/data/"),
            "{dataset}"
        );
        // The config names no licence: none is invented.
        assert!(json.get("license").is_none(), "{dataset}");
        let records = json["records"].as_array().expect("records");
        assert_eq!(records.len(), counts[dataset], "{dataset}: records");
        assert_eq!(json["count"], records.len(), "{dataset}: count");
        assert!(!records.is_empty(), "{dataset}: the fixture has some");
    }
}

#[test]
fn csv_files_parse_with_the_json_fields_as_header_and_the_same_values() {
    let built = built();
    for dataset in DATASETS {
        let raw = &built.data[&format!("{dataset}.csv")];
        assert!(
            std::str::from_utf8(raw).is_ok(),
            "{dataset}.csv is not UTF-8"
        );
        assert!(
            raw.ends_with(b"\r\n"),
            "{dataset}.csv: RFC 4180 lines end in CRLF"
        );
        let json = built.json(dataset);
        let records = json["records"].as_array().expect("records");
        let (header, rows) = built.csv(dataset);
        assert_eq!(rows.len(), records.len(), "{dataset}: rows");
        for (record, row) in records.iter().zip(&rows) {
            let object = record.as_object().expect("a record is an object");
            let expected_header: BTreeSet<String> = object
                .iter()
                .flat_map(|(name, value)| {
                    columns(
                        name,
                        value,
                        localized_lists(dataset).contains(&name.as_str()),
                    )
                })
                .collect();
            let actual_header: BTreeSet<String> = header.iter().cloned().collect();
            assert_eq!(actual_header, expected_header, "{dataset}: header");
            assert_eq!(
                header.len(),
                expected_header.len(),
                "{dataset}: repeated column"
            );
            let by_column: BTreeMap<&str, &str> = header
                .iter()
                .map(String::as_str)
                .zip(row.iter().map(String::as_str))
                .collect();
            for (name, value) in object {
                let list = localized_lists(dataset).contains(&name.as_str());
                let expected = expected_cells(value, list);
                let actual: Vec<&str> = columns(name, value, list)
                    .iter()
                    .map(|c| by_column[c.as_str()])
                    .collect();
                assert_eq!(actual, expected, "{dataset}: {name} of {record}");
            }
        }
    }
}

#[test]
fn a_partner_name_with_quotes_commas_and_newlines_round_trips() {
    let built = built();
    let json = built.json("partners");
    let atlas = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["slug"] == "atlas")
        .expect("the partner is published");
    assert_eq!(atlas["name"]["fr"], TRICKY_FR);
    assert_eq!(atlas["name"]["ar"], TRICKY_AR);

    let (header, rows) = built.csv("partners");
    let column = |name: &str| header.iter().position(|h| h == name).expect("column");
    let row = rows
        .iter()
        .find(|r| r[column("slug")] == "atlas")
        .expect("the partner's row");
    assert_eq!(row[column("name_fr")], TRICKY_FR);
    assert_eq!(row[column("name_ar")], TRICKY_AR);
    // Quoted as RFC 4180 says: the field in quotes, its quotes doubled.
    let raw = String::from_utf8(built.data["partners.csv"].clone()).expect("UTF-8");
    assert!(
        raw.contains("\"Société \"\"Atlas\"\", IA\net données\""),
        "{raw}"
    );
}

#[test]
fn arabic_text_round_trips_from_the_sheets() {
    let built = built();
    let json = built.json("regions");
    let (header, rows) = built.csv("regions");
    let name_ar = header.iter().position(|h| h == "name_ar").expect("column");
    let slug = header.iter().position(|h| h == "slug").expect("column");
    let mut checked = 0;
    for entry in fs::read_dir(built.root().join("content/regions")).expect("regions") {
        let path = entry.expect("readable").path();
        let sheet: toml::Table = fs::read_to_string(&path)
            .expect("readable")
            .parse()
            .expect("TOML");
        let region = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let arabic = sheet["name"]["ar"].as_str().expect("Arabic name");
        let record = json["records"]
            .as_array()
            .expect("records")
            .iter()
            .find(|r| r["slug"] == region.as_str())
            .expect("record");
        assert_eq!(record["name"]["ar"], arabic);
        let row = rows.iter().find(|r| r[slug] == region).expect("row");
        assert_eq!(row[name_ar], arabic);
        checked += 1;
    }
    assert!(checked >= 2);
}

#[test]
fn dates_keep_the_precision_the_sheets_give() {
    let built = built();
    let json = built.json("programme-targets");
    let deadlines: BTreeSet<String> = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(|r| r["deadline"].as_str().map(str::to_owned))
        .collect();
    assert!(deadlines.contains("2030"), "{deadlines:?}");
    let json = built.json("programmes");
    assert_eq!(json["records"][0]["launched"], "2024-09");
    let json = built.json("mous");
    let dates: BTreeSet<&str> = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .filter_map(|r| r["date"].as_str())
        .collect();
    assert!(dates.contains("2025-07-03"), "{dates:?}");
}

#[test]
fn references_give_slugs_and_absolute_page_urls() {
    let built = built();
    let json = built.json("mous");
    let record = &json["records"][0];
    let partners = record["partners"].as_array().expect("parties");
    assert!(!partners.is_empty());
    for partner in partners {
        let slug = partner["slug"].as_str().expect("slug");
        for lang in LANGS {
            assert_eq!(
                partner["url"][lang],
                format!("{BASE}/{lang}/partners/{slug}/")
            );
            let page = built.public().join(lang).join("partners").join(slug);
            assert!(page.join("index.html").is_file(), "{}", page.display());
        }
    }
}

#[test]
fn an_untranslated_article_has_null_in_the_missing_language() {
    let built = built();
    let json = built.json("articles");
    let beta = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["slug"] == "beta")
        .expect("beta is published in French only");
    assert_eq!(beta["languages"], serde_json::json!(["fr"]));
    assert!(beta["title"]["ar"].is_null());
    assert!(beta["url"]["ar"].is_null());
    assert_eq!(beta["url"]["fr"], format!("{BASE}/fr/articles/beta/"));
    // Metadata only: no article body.
    assert!(beta.get("body").is_none());
}

#[test]
fn the_documentation_page_links_every_file_in_both_languages() {
    let built = built();
    let output = Output::read(&built.public());
    let files: BTreeSet<String> = built.data.keys().map(|f| format!("/data/{f}")).collect();
    for lang in LANGS {
        let page = output.page(&format!("/{lang}/data/"));
        let linked: BTreeSet<String> = select(page, "main a[href]")
            .iter()
            .filter_map(|a| a.value().attr("href"))
            .filter(|href| href.starts_with("/data/"))
            .map(str::to_owned)
            .collect();
        assert_eq!(linked, files, "/{lang}/data/");
        for href in &linked {
            let file = built.public().join(href.trim_start_matches('/'));
            assert!(file.is_file(), "{href} leads to no file");
        }
        // Every field of every file is documented, in LTR code.
        for dataset in DATASETS {
            let json = built.json(dataset);
            let fields: BTreeSet<String> = json["records"][0]
                .as_object()
                .expect("record")
                .keys()
                .cloned()
                .collect();
            let selector = format!("#data-{dataset} tbody th code[dir=ltr]");
            let documented: BTreeSet<String> = select(page, &selector)
                .iter()
                .map(|c| c.text().collect())
                .collect();
            assert_eq!(documented, fields, "/{lang}/data/ #{dataset}");
        }
        // Reached from every page's footer and from the sources page.
        let data_href = format!("/{lang}/data/");
        for from in [format!("/{lang}/"), format!("/{lang}/sources/")] {
            let links: Vec<String> = select(output.page(&from), "a[href]")
                .iter()
                .filter_map(|a| a.value().attr("href").map(str::to_owned))
                .collect();
            assert!(links.contains(&data_href), "{from} does not link to it");
        }
        assert_eq!(
            common::attr(page, "html", "lang").as_deref(),
            Some(lang),
            "/{lang}/data/"
        );
    }
    output.assert_links_resolve(BASE);
}

#[test]
fn marsad_check_accepts_the_download_links() {
    let built = built();
    let report = marsad::check::check(&marsad::check::CheckArgs::new(built.root()));
    let about_data: Vec<String> = report
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .filter(|d| d.contains("/data/") || d.contains("data.html"))
        .collect();
    assert!(about_data.is_empty(), "{about_data:#?}");
    assert_eq!(report.errors(), 0);
}

#[test]
fn the_same_site_builds_the_same_bytes() {
    let first = built();
    // Same content, built again in another folder: the files differ in nothing.
    let second = built();
    assert_eq!(first.data, second.data);
}

/// `marsad serve`'s incremental path: an article edit that only changes its text leaves the
/// data files alone; one that changes its title rewrites them, to what a full build writes.
#[test]
fn serve_keeps_the_data_files_current_after_an_article_edit() {
    let site = fixture("site");
    let (mut workspace, first) =
        marsad::rebuild::Workspace::open(marsad::BuildOptions::new(site.path()));
    first.expect("the first build succeeds");
    let public = site.path().join("public");
    let articles_json = public.join("data/articles.json");
    let modified = |path: &Path| {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("mtime")
    };
    let before = fs::read(&articles_json).expect("written");
    let written_at = modified(&articles_json);

    let article = site.path().join("content/articles/alpha.fr.md");
    let text = fs::read_to_string(&article).expect("readable");
    fs::write(&article, format!("{text}\nUne phrase de plus.\n")).expect("edit");
    let outcome = workspace
        .apply(std::slice::from_ref(&article))
        .expect("rebuilt");
    assert!(!outcome.reloaded, "a text edit takes the fast path");
    assert_eq!(fs::read(&articles_json).expect("still there"), before);
    assert_eq!(
        modified(&articles_json),
        written_at,
        "rewritten for nothing"
    );

    let retitled = fs::read_to_string(&article).expect("readable").replace(
        "title = \"Article alpha\"",
        "title = \"Alpha, « retitré »\"",
    );
    fs::write(&article, retitled).expect("edit");
    let outcome = workspace
        .apply(std::slice::from_ref(&article))
        .expect("rebuilt");
    assert!(!outcome.reloaded, "a title edit takes the fast path");
    let served = common::snapshot(&public.join("data"));
    let json: Value = serde_json::from_slice(&served[Path::new("articles.json")]).expect("JSON");
    let alpha = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["slug"] == "alpha")
        .expect("alpha");
    assert_eq!(alpha["title"]["fr"], "Alpha, « retitré »");

    let fresh = tempfile::tempdir().expect("temporary folder");
    let mut options = marsad::BuildOptions::new(site.path());
    options.output = Some(fresh.path().join("public"));
    marsad::build(&options).expect("full build");
    assert_eq!(served, common::snapshot(&fresh.path().join("public/data")));
}
