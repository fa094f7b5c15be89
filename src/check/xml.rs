//! Reads one XML file of the output (Atom feeds, the sitemap) with a real XML parser: a file
//! that is not well-formed is an error, and the URLs it points to are checked like a page's
//! links: every `href` attribute (Atom links, sitemap `xhtml:link` alternates) and the text
//! of sitemap `<loc>` and Atom `<uri>` elements.

use super::html::{RawLink, Scanned};

/// Elements whose text is a URL.
const URL_ELEMENTS: &[&str] = &["loc", "uri"];

/// Scans an XML file.
pub fn scan(bytes: &[u8]) -> Result<Scanned, String> {
    let text = std::str::from_utf8(bytes).map_err(|error| format!("not UTF-8: {error}"))?;
    let document = roxmltree::Document::parse(text).map_err(|error| error.to_string())?;
    let mut scanned = Scanned::default();
    for node in document.descendants().filter(|n| n.is_element()) {
        for attribute in node.attributes().filter(|a| a.name() == "href") {
            scanned.links.push(RawLink {
                value: attribute.value().to_owned(),
                span: attribute.range_value(),
            });
        }
        if URL_ELEMENTS.contains(&node.tag_name().name())
            && let Some(child) = node.first_child().filter(|c| c.is_text())
        {
            scanned.links.push(RawLink {
                value: child.text().unwrap_or_default().trim().to_owned(),
                span: child.range(),
            });
        }
    }
    Ok(scanned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_hrefs_and_url_elements() {
        let xml = br#"<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc> https://example.org/fr/ </loc>
    <xhtml:link rel="alternate" hreflang="ar" href="https://example.org/ar/?a=1&amp;b=2"/></url>
</urlset>"#;
        let scanned = scan(xml).expect("well-formed");
        let values: Vec<&str> = scanned.links.iter().map(|l| l.value.as_str()).collect();
        assert_eq!(
            values,
            ["https://example.org/fr/", "https://example.org/ar/?a=1&b=2"]
        );
        let text = std::str::from_utf8(xml).expect("utf-8");
        assert_eq!(
            &text[scanned.links[1].span.clone()],
            "https://example.org/ar/?a=1&amp;b=2"
        );
    }

    #[test]
    fn refuses_what_is_not_well_formed() {
        let error = scan(b"<feed><entry></feed>").expect_err("mismatched tags");
        assert!(error.contains("entry"), "{error}");
    }
}
