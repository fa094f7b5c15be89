//! Reads one rendered page with a real HTML parser: the ids it defines and the URLs it
//! points to, each with the byte range of its attribute value.
//!
//! lol_html is a streaming parser (Cloudflare's HTML rewriter): it tokenises a page without
//! building a tree and reports where each attribute value sits in the input, which is what
//! a diagnostic needs to quote the rendered line. Attribute values come as written, so HTML
//! character references (`&amp;`, `&#x2F;`) are decoded here.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use lol_html::{HtmlRewriter, Settings, element};

/// A URL found in a page.
#[derive(Debug, Clone)]
pub struct RawLink {
    /// The URL, with character references decoded.
    pub value: String,
    /// Byte range of the attribute value in the page.
    pub span: Range<usize>,
}

/// What a page defines and points to.
#[derive(Debug, Default)]
pub struct Scanned {
    /// Every `id`, and every `name` of an `<a>`: what a `#fragment` can name.
    pub ids: HashSet<String>,
    /// Every `href` of `<a>`, `<area>` and `<link>`, `src` of `<img>`, `<script>`, `<source>`,
    /// `<iframe>`, `<audio>`, `<video>` and `<track>`, and every URL of a `srcset`, in order.
    pub links: Vec<RawLink>,
}

/// Scans a page.
pub fn scan(html: &[u8]) -> Result<Scanned, String> {
    let mut scanned = Scanned::default();
    {
        let handler = element!("*", |el| {
            let tag = el.tag_name();
            for attribute in el.attributes() {
                let name = attribute.name();
                let span = attribute
                    .value_source_location()
                    .map_or(0..0, |location| location.bytes());
                let value = || decode_entities(&attribute.value()).into_owned();
                match name.as_str() {
                    "id" => {
                        scanned.ids.insert(value());
                    }
                    "name" if tag == "a" => {
                        scanned.ids.insert(value());
                    }
                    "href" if matches!(tag.as_str(), "a" | "area" | "link") => {
                        scanned.links.push(RawLink {
                            value: value(),
                            span,
                        });
                    }
                    "src"
                        if matches!(
                            tag.as_str(),
                            "img" | "script" | "source" | "iframe" | "audio" | "video" | "track"
                        ) =>
                    {
                        scanned.links.push(RawLink {
                            value: value(),
                            span,
                        });
                    }
                    "srcset" => {
                        for candidate in srcset_urls(&value()) {
                            scanned.links.push(RawLink {
                                value: candidate,
                                span: span.clone(),
                            });
                        }
                    }
                    _ => {}
                }
            }
            Ok(())
        });
        let settings = Settings::new().append_element_content_handler(handler);
        let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
        rewriter.write(html).map_err(|error| error.to_string())?;
        rewriter.end().map_err(|error| error.to_string())?;
    }
    Ok(scanned)
}

/// The URLs of a `srcset` (`a.png 1x, b.png 2x`): each candidate's first word.
fn srcset_urls(srcset: &str) -> Vec<String> {
    srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// Decodes the character references templates and Markdown produce: numeric ones and the
/// few named ones an escaper writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`).
/// Anything else is left as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_links_and_their_positions() {
        let html = br#"<!doctype html><html><body id="top">
<a href="/fr/a&#x2F;b/?x=1&amp;y=2#s" name="anchor">x</a>
<img src="i.png" srcset="i.png 1x, i@2.png 2x"><p id=" sp">t</p></body></html>"#;
        let scanned = scan(html).unwrap();
        let mut ids: Vec<_> = scanned.ids.iter().map(String::as_str).collect();
        ids.sort_unstable();
        assert_eq!(ids, [" sp", "anchor", "top"]);
        let values: Vec<_> = scanned.links.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(values, ["/fr/a/b/?x=1&y=2#s", "i.png", "i.png", "i@2.png"]);
        let first = &scanned.links[0].span;
        assert_eq!(
            &html[first.clone()],
            b"/fr/a&#x2F;b/?x=1&amp;y=2#s".as_slice()
        );
    }

    #[test]
    fn decodes_only_real_references() {
        assert_eq!(decode_entities("a &amp; b &#39; &#x41;"), "a & b ' A");
        assert_eq!(decode_entities("AT&T &unknown; &"), "AT&T &unknown; &");
    }
}
