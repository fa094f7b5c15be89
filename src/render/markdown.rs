//! Markdown bodies to HTML: small passes over pulldown-cmark's events.
//!
//! One pass per concern — heading anchors, internal `@/` links, code highlighting, raw HTML —
//! rather than one long function. Internal links (`[x](@/regions/oriental)`) are resolved for
//! the page's language and checked: a link to nothing is an error with its position.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::highlight;

/// What the Markdown pass needs from the rest of the site.
pub struct MarkdownEnv<'a> {
    /// Accessible name of the "link to this section" anchors, in the page's language.
    pub anchor_label: &'a str,
    /// Resolves `@/kind/slug[#fragment]` (without the `@/`) to an href, or says why not.
    pub resolve: &'a (dyn Fn(&str) -> Result<String, String> + Sync),
    /// Ids the page's template already uses; headings never take them.
    pub reserved_ids: &'a [&'a str],
}

/// A rendered body.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// True when the body has a code block (the page then links the highlighting CSS).
    pub has_code: bool,
    /// Ids given to headings, in order.
    pub heading_ids: Vec<String>,
}

/// A problem in a body: byte range within the Markdown text, and what is wrong.
#[derive(Debug)]
pub struct BodyError {
    /// Byte range within the text given to [`render`].
    pub span: Range<usize>,
    /// The message.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders Markdown `text`, collecting every broken internal link.
pub fn render(text: &str, env: &MarkdownEnv) -> (Rendered, Vec<BodyError>) {
    let mut rendered = Rendered::default();
    let mut errors = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut ids: HashSet<String> = env.reserved_ids.iter().map(|id| (*id).to_owned()).collect();
    let mut parser = Parser::new_ext(text, options()).into_offset_iter();

    while let Some((event, range)) = parser.next() {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let inner: Vec<Event> = parser
                    .by_ref()
                    .map(|(e, _)| e)
                    .take_while(|e| !matches!(e, Event::End(TagEnd::Heading(_))))
                    .collect();
                let id = unique_id(
                    id.map(|i| i.into_string())
                        .unwrap_or_else(|| slug(&plain_text(&inner))),
                    &mut ids,
                );
                rendered.heading_ids.push(id.clone());
                let anchor = anchor_html(&id, env.anchor_label);
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: Some(id.into()),
                    classes,
                    attrs,
                }));
                events.extend(inner.into_iter().map(escape_raw_html));
                events.push(Event::InlineHtml(anchor.into()));
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match dest_url.strip_prefix("@/") {
                    Some(target) => match (env.resolve)(target) {
                        Ok(href) => CowStr::from(href),
                        Err(message) => {
                            errors.push(BodyError {
                                span: range,
                                message,
                                hint: String::from(
                                    "internal links look like @/articles/slug, @/regions/slug, @/partners/slug, @/mous/slug, @/programmes/slug or @/sources/id",
                                ),
                            });
                            dest_url
                        }
                    },
                    None => dest_url,
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                let code: String = parser
                    .by_ref()
                    .map(|(e, _)| e)
                    .take_while(|e| !matches!(e, Event::End(TagEnd::CodeBlock)))
                    .filter_map(|e| match e {
                        Event::Text(t) => Some(t.into_string()),
                        _ => None,
                    })
                    .collect();
                rendered.has_code = true;
                events.push(Event::Html(highlight::highlight(&code, &lang).into()));
            }
            other => events.push(escape_raw_html(other)),
        }
    }
    pulldown_cmark::html::push_html(&mut rendered.html, events.into_iter());
    (rendered, errors)
}

/// Raw HTML in an article is shown as text, never passed through: the site's Content
/// Security Policy allows no inline scripts or styles, and editors write Markdown. HTML
/// comments (editors' notes) are dropped.
fn escape_raw_html(event: Event) -> Event {
    match event {
        Event::Html(html) | Event::InlineHtml(html) if html.trim_start().starts_with("<!--") => {
            Event::Text(CowStr::Borrowed(""))
        }
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        other => other,
    }
}

fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

fn anchor_html(id: &str, label: &str) -> String {
    let mut href = String::new();
    pulldown_cmark_escape::escape_href(&mut href, id).ok();
    let mut label_html = String::new();
    pulldown_cmark_escape::escape_html(&mut label_html, label).ok();
    format!(
        " <a class=\"heading-anchor\" href=\"#{href}\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{label_html}</span></a>"
    )
}

/// A heading's id from its text, keeping Arabic and accented letters (no lossy ASCII
/// transliteration) and dropping Arabic diacritics and tatweel.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_arabic_mark(c) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        String::from("section")
    } else {
        out
    }
}

fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}')
}

fn unique_id(base: String, ids: &mut HashSet<String>) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(target: &str) -> Result<String, String> {
        match target {
            "regions/oriental" => Ok("/fr/regions/oriental/".into()),
            _ => Err(format!("nothing at @/{target}")),
        }
    }

    fn render_fr(text: &str) -> (Rendered, Vec<BodyError>) {
        let env = MarkdownEnv {
            anchor_label: "Lien vers cette section",
            resolve: &resolve,
            reserved_ids: &["main"],
        };
        render(text, &env)
    }

    #[test]
    fn headings_get_unicode_ids_and_anchors() {
        let (out, _) = render_fr(
            "## Le réseau\n\n## الذكاءُ الاصطناعي\n\n## Le réseau\n\n## Fixe {#mon-id}\n\n## Main\n",
        );
        assert_eq!(
            out.heading_ids,
            [
                "le-réseau",
                "الذكاء-الاصطناعي",
                "le-réseau-2",
                "mon-id",
                "main-2"
            ],
            "repeats are numbered and the template's own ids are never taken"
        );
        assert!(
            out.html
                .contains("<h2 id=\"mon-id\">Fixe <a class=\"heading-anchor\" href=\"#mon-id\">"),
            "{}",
            out.html
        );
    }

    #[test]
    fn internal_links_resolve_or_report_their_position() {
        let text = "Voir [l'Oriental](@/regions/oriental) et [rien](@/regions/atlantis).";
        let (out, errors) = render_fr(text);
        assert!(
            out.html.contains("href=\"/fr/regions/oriental/\""),
            "{}",
            out.html
        );
        assert_eq!(errors.len(), 1);
        assert_eq!(&text[errors[0].span.clone()], "[rien](@/regions/atlantis)");
    }

    #[test]
    fn gfm_extensions_are_on() {
        let (out, _) =
            render_fr("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~non~~ texte[^1]\n\n[^1]: Note.\n");
        assert!(out.html.contains("<table>"), "{}", out.html);
        assert!(out.html.contains("<del>non</del>"), "{}", out.html);
        assert!(out.html.contains("footnote"), "{}", out.html);
    }

    #[test]
    fn raw_html_is_shown_not_executed() {
        let (out, _) = render_fr("<script>alert(1)</script>\n\nTexte <b>gras</b> <!-- note -->\n");
        assert!(!out.html.contains("<script>"), "{}", out.html);
        assert!(out.html.contains("&lt;script&gt;"), "{}", out.html);
        assert!(!out.html.contains("note"), "{}", out.html);
    }

    #[test]
    fn code_blocks_are_highlighted() {
        let (out, _) = render_fr("```rust\nfn main() {}\n```\n");
        assert!(out.has_code);
        assert!(out.html.contains("hl-"), "{}", out.html);
    }
}
