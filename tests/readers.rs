//! Readers' experience (issue 6): the Arabic web font (it covers every Arabic character the
//! site prints, is published under its fingerprinted name and preloaded by Arabic pages),
//! visible breadcrumbs made from the same trail as the JSON-LD, and bidi isolation of values
//! that may run the other way.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use common::{Output, build_ok, repo, select};
use scraper::{ElementRef, Html};
use walkdir::WalkDir;

const FONT: &str = "themes/observatory/static/fonts/noto-naskh-arabic.woff2";
const STYLE: &str = "themes/observatory/static/style.css";

fn built() -> (tempfile::TempDir, Output) {
    let temp = common::repository_copy();
    build_ok(temp.path());
    let output = Output::read(&temp.path().join("public"));
    (temp, output)
}

// ---------------------------------------------------------------------------------------
// The font
// ---------------------------------------------------------------------------------------

/// Reads a WOFF2 file's `cmap` table: the table directory, then the Brotli stream that holds
/// every table back to back (`cmap` is never transformed, so its bytes are as in the font).
fn woff2_cmap(woff2: &[u8]) -> Vec<u8> {
    assert_eq!(&woff2[..4], b"wOF2", "not a WOFF2 file");
    let u16_at = |at: usize| u16::from_be_bytes([woff2[at], woff2[at + 1]]);
    let u32_at = |at: usize| u32::from_be_bytes(woff2[at..at + 4].try_into().expect("4 bytes"));
    assert_ne!(
        &woff2[4..8],
        b"ttcf",
        "font collections are not expected here"
    );
    let tables = usize::from(u16_at(12));
    let compressed_length = u32_at(20) as usize;
    let mut at = 48;
    let base128 = |at: &mut usize| -> usize {
        let mut value = 0usize;
        loop {
            let byte = woff2[*at];
            *at += 1;
            value = (value << 7) | usize::from(byte & 0x7f);
            if byte & 0x80 == 0 {
                return value;
            }
        }
    };
    // (is cmap, length of its data in the stream)
    let mut directory = Vec::with_capacity(tables);
    for _ in 0..tables {
        let flags = woff2[at];
        at += 1;
        let tag_index = flags & 0x3f;
        let tag: [u8; 4] = if tag_index == 0x3f {
            let tag = woff2[at..at + 4].try_into().expect("tag");
            at += 4;
            tag
        } else {
            // The WOFF2 known-tag table starts with cmap (0), head, hhea, hmtx, maxp, name,
            // OS/2, post, cvt, fpgm, glyf (10), loca (11).
            *[
                b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"OS/2", b"post", b"cvt ",
                b"fpgm", b"glyf", b"loca",
            ]
            .get(usize::from(tag_index))
            .copied()
            .unwrap_or(b"????")
        };
        let version = flags >> 6;
        let original = base128(&mut at);
        let transformed = if &tag == b"glyf" || &tag == b"loca" {
            version != 3
        } else {
            version != 0
        };
        let length = if transformed {
            base128(&mut at)
        } else {
            original
        };
        directory.push((tag, length));
    }
    let mut stream = Vec::new();
    brotli_decompressor::Decompressor::new(&woff2[at..at + compressed_length], 4096)
        .read_to_end(&mut stream)
        .expect("the font's Brotli stream decompresses");
    let mut offset = 0;
    for (tag, length) in directory {
        if &tag == b"cmap" {
            return stream[offset..offset + length].to_vec();
        }
        offset += length;
    }
    panic!("the font has no cmap table");
}

/// The code points the font maps to a glyph, from its Unicode cmap subtables.
fn covered(cmap: &[u8]) -> impl Fn(char) -> bool + '_ {
    let table = ttf_parser::cmap::Table::parse(cmap).expect("a valid cmap");
    move |c: char| {
        table
            .subtables
            .into_iter()
            .filter(|subtable| subtable.is_unicode())
            .any(|subtable| subtable.glyph_index(u32::from(c)).is_some_and(|g| g.0 != 0))
    }
}

/// Characters of the Arabic script's blocks (letters, marks, digits, punctuation,
/// presentation forms), the byte-order mark aside.
fn is_arabic_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{0870}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
        | '\u{1EE00}'..='\u{1EEFF}')
}

/// Every Arabic-script character of the files readers see in Arabic, with the files that
/// use it: content, the source register and the Arabic interface strings.
fn arabic_characters() -> BTreeMap<char, BTreeSet<PathBuf>> {
    let root = repo();
    let mut files: Vec<PathBuf> = ["content", "seeds"]
        .iter()
        .flat_map(|dir| WalkDir::new(root.join(dir)))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            matches!(
                e.path().extension().and_then(|x| x.to_str()),
                Some("md" | "toml")
            )
        })
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.push(root.join("i18n/ar.ftl"));
    let mut found: BTreeMap<char, BTreeSet<PathBuf>> = BTreeMap::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("UTF-8 source");
        let shown = file.strip_prefix(&root).unwrap_or(&file).to_path_buf();
        for c in text.chars().filter(|&c| is_arabic_script(c)) {
            found.entry(c).or_default().insert(shown.clone());
        }
    }
    found
}

fn describe(missing: &BTreeMap<char, BTreeSet<PathBuf>>) -> String {
    missing
        .iter()
        .map(|(c, files)| {
            let files: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            format!("U+{:04X} {c:?} in {}", u32::from(*c), files.join(", "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_arabic_font_covers_every_arabic_character_of_the_site() {
    let woff2 = fs::read(repo().join(FONT)).expect("the font is in the theme");
    let cmap = woff2_cmap(&woff2);
    let has = covered(&cmap);
    assert!(
        has('ب') && has('،') && !has('A'),
        "the Arabic subset, read right"
    );
    let characters = arabic_characters();
    assert!(characters.len() > 40, "the site's Arabic text was found");
    let missing: BTreeMap<char, BTreeSet<PathBuf>> =
        characters.into_iter().filter(|(c, _)| !has(*c)).collect();
    assert!(
        missing.is_empty(),
        "characters the Arabic font lacks (readers would see them in a fallback font, \
         breaking the joining of letters):\n{}",
        describe(&missing)
    );
}

/// The `unicode-range` of the stylesheet's `@font-face`: the characters a browser asks the
/// font for. Each Arabic character of the site must be in it, or it is drawn by another font.
#[test]
fn the_font_face_unicode_range_takes_in_every_arabic_character() {
    let css = fs::read_to_string(repo().join(STYLE)).expect("stylesheet");
    let start = css.find("unicode-range:").expect("a unicode-range") + "unicode-range:".len();
    let end = start + css[start..].find(';').expect("ends");
    let ranges: Vec<(u32, u32)> = css[start..end]
        .split(',')
        .map(|range| {
            let range = range.trim().trim_start_matches("U+");
            let (low, high) = range.split_once('-').unwrap_or((range, range));
            let hex = |h: &str| u32::from_str_radix(h, 16).expect("hex");
            (hex(low), hex(high))
        })
        .collect();
    let missing: BTreeMap<char, BTreeSet<PathBuf>> = arabic_characters()
        .into_iter()
        .filter(|(c, _)| {
            !ranges
                .iter()
                .any(|&(low, high)| (low..=high).contains(&u32::from(*c)))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "outside unicode-range:\n{}",
        describe(&missing)
    );
}

#[test]
fn the_stylesheet_names_the_font_by_its_fingerprinted_name() {
    let (_temp, output) = built();
    let home = output.page("/fr/");
    let style = select(home, "link[rel=stylesheet]")[0]
        .value()
        .attr("href")
        .expect("href")
        .trim_start_matches('/')
        .to_owned();
    let css = fs::read_to_string(output.dir.join(&style)).expect("linked stylesheet");
    assert!(
        !css.contains("noto-naskh-arabic.woff2"),
        "the bare name is gone"
    );
    let at = css
        .find("url(fonts/noto-naskh-arabic.")
        .expect("the font's url()");
    let url = &css[at + 4..at + 4 + css[at + 4..].find(')').expect(")")];
    let font = output.dir.join("assets").join(url);
    assert_eq!(
        fs::read(&font).expect("the url() leads to the published font"),
        fs::read(repo().join(FONT)).expect("theme font")
    );
    // The font's licence is published beside it.
    let licence = fs::read_dir(output.dir.join("assets/fonts"))
        .expect("fonts folder")
        .filter_map(Result::ok)
        .any(|e| e.file_name().to_string_lossy().starts_with("OFL."));
    assert!(licence, "OFL licence published beside the font");
}

#[test]
fn arabic_pages_preload_the_font_and_french_pages_do_not() {
    let (_temp, output) = built();
    let mut arabic = 0;
    for (path, html) in &output.pages {
        let preloads = select(html, "link[rel=preload]");
        if path.starts_with("/ar/") {
            arabic += 1;
            assert_eq!(preloads.len(), 1, "{path}");
            let link = preloads[0].value();
            assert_eq!(link.attr("as"), Some("font"), "{path}");
            assert_eq!(link.attr("type"), Some("font/woff2"), "{path}");
            assert_eq!(link.attr("crossorigin"), Some(""), "{path}");
            let href = link.attr("href").expect("href");
            assert!(
                href.starts_with("/assets/fonts/noto-naskh-arabic.") && href.ends_with(".woff2"),
                "{path}: {href}"
            );
            assert!(output.dir.join(href.trim_start_matches('/')).is_file());
        } else {
            assert!(preloads.is_empty(), "{path} preloads {}", preloads.len());
        }
    }
    assert!(arabic > 10);
}

// ---------------------------------------------------------------------------------------
// Breadcrumbs
// ---------------------------------------------------------------------------------------

/// `(name, path)` of each step of the page's JSON-LD `BreadcrumbList`.
fn json_ld_trail(html: &Html) -> Vec<(String, String)> {
    for script in select(html, r#"script[type="application/ld+json"]"#) {
        let value: serde_json::Value =
            serde_json::from_str(&script.text().collect::<String>()).expect("JSON-LD");
        if value["@type"] == "BreadcrumbList" {
            return value["itemListElement"]
                .as_array()
                .expect("items")
                .iter()
                .map(|item| {
                    let url = item["item"].as_str().expect("item");
                    let path = url.find("://").map_or(url, |scheme| {
                        let rest = &url[scheme + 3..];
                        &rest[rest.find('/').unwrap_or(rest.len())..]
                    });
                    (
                        item["name"].as_str().expect("name").to_owned(),
                        path.to_owned(),
                    )
                })
                .collect();
        }
    }
    Vec::new()
}

#[test]
fn pages_below_an_index_show_the_breadcrumbs_of_their_json_ld() {
    let (_temp, output) = built();
    let mut shown = 0;
    for (path, html) in &output.pages {
        let navs = select(html, "nav.breadcrumbs");
        let below_an_index = [
            "articles",
            "regions",
            "partners",
            "mous",
            "programmes",
            "events",
        ]
        .iter()
        .any(|section| {
            path.strip_prefix("/fr/")
                .or_else(|| path.strip_prefix("/ar/"))
                .and_then(|rest| rest.strip_prefix(section))
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|rest| !rest.is_empty() && !rest.starts_with("page/"))
        }) || ["/fr/about/", "/ar/about/"].contains(&path.as_str());
        if !below_an_index {
            assert!(navs.is_empty(), "{path} shows breadcrumbs");
            continue;
        }
        assert_eq!(navs.len(), 1, "{path} has no breadcrumbs");
        shown += 1;
        let nav = navs[0];
        assert!(
            nav.value()
                .attr("aria-label")
                .is_some_and(|l| !l.is_empty())
        );
        let items: Vec<ElementRef> = nav
            .select(&scraper::Selector::parse("ol > li").expect("selector"))
            .collect();
        let trail = json_ld_trail(html);
        assert_eq!(items.len(), trail.len(), "{path}");
        assert!(trail.len() >= 2, "{path}: home and the page at least");
        for (i, (item, (name, href))) in items.iter().zip(&trail).enumerate() {
            let text = common::normalise(&item.text().collect::<String>());
            assert_eq!(&text, name, "{path}, step {i}");
            let link = item
                .select(&scraper::Selector::parse("a").expect("selector"))
                .next();
            if i + 1 == trail.len() {
                assert_eq!(item.value().attr("aria-current"), Some("page"), "{path}");
                assert!(link.is_none(), "{path}: the page itself is not a link");
                assert_eq!(href, path, "{path}: the trail ends at the page");
            } else {
                assert_eq!(
                    link.and_then(|a| a.value().attr("href")),
                    Some(href.as_str())
                );
            }
        }
    }
    assert!(shown > 50, "only {shown} pages with breadcrumbs");
}

// ---------------------------------------------------------------------------------------
// Bidi
// ---------------------------------------------------------------------------------------

/// Names and short names of partners that are written in Latin script in Arabic.
fn latin_partner_names() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for entry in fs::read_dir(repo().join("content/partners")).expect("partners") {
        let path = entry.expect("entry").path();
        let sheet: toml::Table = fs::read_to_string(&path)
            .expect("sheet")
            .parse()
            .expect("TOML");
        for key in ["name", "short_name"] {
            if let Some(ar) = sheet
                .get(key)
                .and_then(|v| v.get("ar"))
                .and_then(|v| v.as_str())
                && ar.chars().any(|c| c.is_ascii_alphabetic())
                && !ar.chars().any(is_arabic_script)
            {
                names.insert(ar.to_owned());
            }
        }
    }
    names
}

/// True when the element or one of its ancestors below `<html>` isolates its direction.
fn isolated(element: ElementRef) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .filter(|e| e.value().name() != "html")
        .any(|e| e.value().name() == "bdi" || e.value().attr("dir").is_some())
}

#[test]
fn latin_partner_names_on_arabic_pages_are_isolated() {
    let names = latin_partner_names();
    for expected in ["Mistral AI", "OpenAI", "UNDP"] {
        assert!(names.contains(expected), "{expected} in {names:?}");
    }
    let (_temp, output) = built();
    let mut checked = 0;
    let mut bare = Vec::new();
    for (path, html) in output.pages.iter().filter(|(p, _)| p.starts_with("/ar/")) {
        let body = select(html, "body")[0];
        for node in body.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            if !names.contains(text.trim()) {
                continue;
            }
            let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
                continue;
            };
            if matches!(parent.value().name(), "script" | "style") {
                continue;
            }
            checked += 1;
            if !isolated(parent) {
                bare.push(format!(
                    "{path}: <{}>{}",
                    parent.value().name(),
                    text.trim()
                ));
            }
        }
    }
    assert!(checked > 20, "only {checked} names found");
    assert!(bare.is_empty(), "not isolated:\n{}", bare.join("\n"));
}

#[test]
fn addresses_shown_as_text_are_left_to_right_and_isolated() {
    let (_temp, output) = built();
    for (path, html) in &output.pages {
        for link in select(html, "a[href^='http']") {
            let text = link.text().collect::<String>();
            if text.trim() == link.value().attr("href").unwrap_or_default() {
                let inner = link
                    .select(&scraper::Selector::parse("bdi[dir=ltr]").expect("selector"))
                    .next();
                assert!(inner.is_some(), "{path}: {text}");
            }
        }
    }
}

/// The published stylesheet's name is the hash of what it says once its url()s name the
/// published files: changing the font changes the stylesheet's name.
#[test]
fn a_new_font_makes_a_new_stylesheet_name() {
    let style_href = |root: &Path| -> String {
        build_ok(root);
        let output = Output::read(&root.join("public"));
        select(output.page("/fr/"), "link[rel=stylesheet]")[0]
            .value()
            .attr("href")
            .expect("href")
            .to_owned()
    };
    let temp = common::repository_copy();
    let before = style_href(temp.path());
    let font = temp.path().join(FONT);
    let mut bytes = fs::read(&font).expect("font");
    bytes.push(0);
    fs::write(&font, bytes).expect("write");
    let after = style_href(temp.path());
    assert_ne!(before, after);
}
