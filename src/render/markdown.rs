//! Markdown bodies to HTML: pulldown-cmark's events, changed in one pass on their way to its
//! HTML writer.
//!
//! Each concern — internal `@/` links, raw HTML, link isolation, footnote ids, heading
//! anchors, code highlighting — is one small method of [`Pass`]. Internal links
//! (`[x](@/regions/oriental)`) are resolved for the page's language and checked: a link to
//! nothing is an error with its position.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::highlight;
use crate::load::schema::is_safe_url;

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
#[derive(Debug, Default, Clone)]
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
    /// The text under the caret.
    pub label: &'static str,
    /// How to fix it.
    pub hint: String,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// How deeply lists and blockquotes may nest in a body. No readable article goes past a few
/// levels; browsers stop nesting elements at a few hundred (Blink's parser at 512) and show
/// the rest flattened, and every later pass (the search indexer, `marsad check`) pays for the
/// depth. Pulldown-cmark itself parses 10,000 levels in milliseconds (indented lists take
/// quadratic time, but their size is bounded by [`crate::load::MAX_SOURCE_BYTES`]).
pub const MAX_NESTING: usize = 100;

/// Renders Markdown `text`, collecting every broken or unsafe link.
pub fn render(text: &str, env: &MarkdownEnv) -> (Rendered, Vec<BodyError>) {
    let mut rendered = Rendered::default();
    let mut errors = Vec::new();
    let mut ids: HashSet<String> = env.reserved_ids.iter().map(|id| (*id).to_owned()).collect();

    // About one event per 50 bytes of an article: sized once rather than grown.
    let mut events: Vec<(Event, Range<usize>)> = Vec::with_capacity(text.len() / 32 + 16);
    events.extend(Parser::new_ext(text, options()).into_offset_iter());
    if let Some(error) = too_deep(&events) {
        // Nothing is rendered: the build fails, and the later passes would pay for the depth.
        return (rendered, vec![error]);
    }
    reserve_footnote_ids(&events, &mut ids);
    let mut pass = Pass {
        env,
        errors: &mut errors,
        ids: &mut ids,
        rendered: &mut rendered,
        out: Vec::with_capacity(events.len() + events.len() / 8),
        in_comment: false,
        heading_start: None,
        code: None,
    };
    for (event, range) in events {
        pass.event(event, &range);
    }
    let Pass { out, .. } = pass;
    rendered.html.reserve(text.len() + text.len() / 2);
    pulldown_cmark::html::push_html(&mut rendered.html, out.into_iter());
    (rendered, errors)
}

/// The first list or blockquote nested deeper than [`MAX_NESTING`], as an error.
fn too_deep(events: &[(Event, Range<usize>)]) -> Option<BodyError> {
    let mut depth = 0usize;
    for (event, range) in events {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    // The span of a nested block runs to its end: point at where it opens.
                    let start = range.start;
                    return Some(BodyError {
                        span: start..start + 1,
                        label: "one level too many here",
                        message: format!(
                            "lists and blockquotes nested more than {MAX_NESTING} levels deep"
                        ),
                        hint: format!(
                            "at most {MAX_NESTING} levels of lists (-) and quotes (>) inside one another: flatten the structure, or put the text in a code block"
                        ),
                    });
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Footnote ids get an `fn-` prefix so that a footnote `[^main]` or `[^note]` cannot take the
/// id of the page's `<main>` or of a heading. They are reserved before any heading is given
/// an id, wherever the footnote is in the text.
fn reserve_footnote_ids(events: &[(Event, Range<usize>)], ids: &mut HashSet<String>) {
    for (event, _) in events {
        if let Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label)) =
            event
        {
            ids.insert(footnote_id(label));
        }
    }
}

fn footnote_id(label: &str) -> String {
    format!("fn-{label}")
}

/// One pass over a body's events, each changed as the site needs on its way to the HTML
/// writer (one loop rather than a loop and a vector per concern: the passes were most of the
/// Markdown time that was not pulldown-cmark's own):
///
/// - `@/` links and images are resolved for the page's language, and URLs with a scheme
///   other than http, https and mailto rejected (`javascript:` in an article would run on
///   readers' machines);
/// - raw HTML is shown as text, never passed through: the site allows no inline scripts or
///   styles, and editors write Markdown. HTML comments — editors' notes, possibly over
///   several lines — are dropped whole;
/// - a link's text is a `<bdi>`: links name things (a partner, a source, a place), and a
///   name may run the other way from the sentence around it — `[OpenAI](@/partners/openai)،`
///   in an Arabic paragraph, a French source title in an Arabic one. Isolated, a Latin name
///   cannot pull the neighbouring punctuation or numbers into its direction;
/// - footnotes take their `fn-` ids;
/// - every heading gets an id (its explicit `{#id}` or one made from its text, unique on the
///   page) and a "link to this section" anchor;
/// - fenced and indented code blocks are replaced by their highlighted HTML.
struct Pass<'a, 'e> {
    env: &'e MarkdownEnv<'e>,
    errors: &'e mut Vec<BodyError>,
    ids: &'e mut HashSet<String>,
    rendered: &'e mut Rendered,
    out: Vec<Event<'a>>,
    in_comment: bool,
    /// Where the open heading's start event is in `out`.
    heading_start: Option<usize>,
    /// The open code block: its info string and text so far.
    code: Option<(String, String)>,
}

impl<'a> Pass<'a, '_> {
    fn event(&mut self, event: Event<'a>, range: &Range<usize>) {
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.end_code_block(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.checked(dest_url, range);
                self.out.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
                self.out.push(Event::InlineHtml(CowStr::Borrowed("<bdi>")));
            }
            Event::End(TagEnd::Link) => {
                self.out.push(Event::InlineHtml(CowStr::Borrowed("</bdi>")));
                self.out.push(event);
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = self.checked(dest_url, range);
                self.out.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html),
            Event::FootnoteReference(label) => {
                let id = footnote_id(&label);
                self.out.push(Event::FootnoteReference(id.into()));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let id = footnote_id(&label);
                self.out
                    .push(Event::Start(Tag::FootnoteDefinition(id.into())));
            }
            Event::Start(Tag::Heading { .. }) => {
                self.heading_start = Some(self.out.len());
                self.out.push(event);
            }
            Event::End(TagEnd::Heading(level)) => self.end_heading(level),
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            other => self.out.push(other),
        }
    }

    /// `dest`, resolved when it is an `@/` link; a link to nothing or an unsafe URL is
    /// reported.
    fn checked(&mut self, dest: CowStr<'a>, range: &Range<usize>) -> CowStr<'a> {
        if let Some(target) = dest.strip_prefix("@/") {
            return match (self.env.resolve)(target) {
                Ok(href) => CowStr::from(href),
                Err(message) => {
                    self.errors.push(BodyError {
                        span: range.clone(),
                        label: "this link leads nowhere",
                        message,
                        hint: String::from(
                            "internal links look like @/articles/slug, @/regions/slug, @/partners/slug, @/mous/slug, @/programmes/slug, @/events/slug, @/pages/slug or @/sources/id",
                        ),
                    });
                    dest
                }
            };
        }
        if !is_safe_url(&dest) {
            self.errors.push(BodyError {
                span: range.clone(),
                label: "not an allowed address",
                message: format!("`{}` is not an allowed link", dest.escape_debug()),
                hint: String::from(
                    "links go to http(s):// or mailto: addresses, or to pages of the site with @/kind/slug",
                ),
            });
        }
        dest
    }

    fn raw_html(&mut self, html: CowStr<'a>) {
        if self.in_comment {
            self.in_comment = !html.contains("-->");
        } else if let Some(rest) = html.trim_start().strip_prefix("<!--") {
            self.in_comment = !rest.contains("-->");
        } else {
            self.out.push(Event::Text(html));
        }
    }

    fn end_heading(&mut self, level: pulldown_cmark::HeadingLevel) {
        let Some(start) = self.heading_start.take() else {
            self.out.push(Event::End(TagEnd::Heading(level)));
            return;
        };
        let (level, id, classes, attrs) =
            match std::mem::replace(&mut self.out[start], Event::SoftBreak) {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => (level, id, classes, attrs),
                other => {
                    self.out[start] = other;
                    self.out.push(Event::End(TagEnd::Heading(level)));
                    return;
                }
            };
        let id = unique_id(
            id.map(|i| i.into_string())
                .unwrap_or_else(|| slug(&plain_text(&self.out[start + 1..]))),
            self.ids,
        );
        self.rendered.heading_ids.push(id.clone());
        let anchor = anchor_html(&id, self.env.anchor_label);
        self.out[start] = Event::Start(Tag::Heading {
            level,
            id: Some(id.into()),
            classes,
            attrs,
        });
        self.out.push(Event::InlineHtml(anchor.into()));
        self.out.push(Event::End(TagEnd::Heading(level)));
    }

    fn end_code_block(&mut self) {
        if let Some((lang, code)) = self.code.take() {
            self.rendered.has_code = true;
            self.out
                .push(Event::Html(highlight::highlight(&code, &lang).into()));
        }
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
    [
        " <a class=\"heading-anchor\" data-pagefind-ignore href=\"#",
        &href,
        "\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">",
        &label_html,
        "</span></a>",
    ]
    .concat()
}

/// A heading's id from its text, keeping Arabic and accented letters (no lossy ASCII
/// transliteration) and dropping Arabic diacritics and tatweel.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    let mut push = |c: char| {
        if is_arabic_mark(c) {
            return;
        }
        if is_letter_or_digit(c) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    };
    for c in text.chars() {
        // Arabic has no case, and ASCII's is a bit: neither needs the lowercase tables
        // (their lookups were most of the time spent here).
        if c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c) {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    if out.is_empty() {
        String::from("section")
    } else {
        out
    }
}

/// `char::is_alphanumeric`, answered without its Unicode tables for the letters of the Arabic
/// alphabet (U+0621–U+064A, every one a letter), the most common characters of Arabic
/// headings.
fn is_letter_or_digit(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphanumeric()
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

    #[test]
    fn the_arabic_fast_paths_agree_with_the_unicode_tables() {
        for c in ('\u{0600}'..='\u{06FF}').chain('\0'..='\u{7F}') {
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                c.to_ascii_lowercase().to_string(),
                "{c:?}"
            );
        }
    }

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
    fn nesting_deeper_than_the_limit_is_an_error_where_it_starts() {
        let (_, errors) = render_fr(&"> ".repeat(MAX_NESTING));
        assert!(errors.is_empty());
        let text = format!("intro\n\n{}a\n", "- ".repeat(10_000));
        let (out, errors) = render_fr(&text);
        assert!(out.html.is_empty());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("nested more than 100"));
        assert_eq!(errors[0].span.start, "intro\n\n".len() + 2 * MAX_NESTING);
        let (_, errors) = render_fr(&format!("{}a\n", "> ".repeat(10_000)));
        assert_eq!(errors.len(), 1);
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
                .contains("<h2 id=\"mon-id\">Fixe <a class=\"heading-anchor\" data-pagefind-ignore href=\"#mon-id\">"),
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
    fn link_text_is_isolated() {
        let (out, _) = render_fr("Avec [OpenAI](https://openai.com), [ici](@/regions/oriental).");
        assert!(
            out.html.contains(
                "<a href=\"https://openai.com\"><bdi>OpenAI</bdi></a>, <a href=\"/fr/regions/oriental/\"><bdi>ici</bdi></a>"
            ),
            "{}",
            out.html
        );
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
    fn multi_line_comments_are_dropped_whole() {
        let (out, _) = render_fr("Avant.\n\n<!--\nNote interne confidentielle\n-->\n\nAprès.\n");
        assert!(!out.html.contains("confidentielle"), "{}", out.html);
        assert!(!out.html.contains("--&gt;"), "{}", out.html);
        assert!(out.html.contains("Après."), "{}", out.html);
    }

    #[test]
    fn links_in_headings_and_images_are_resolved_and_checked() {
        let (out, errors) = render_fr(
            "## Voir [x](@/regions/oriental) et [y](@/regions/atlantis)\n\n![i](@/regions/nope)\n",
        );
        assert!(
            out.html.contains("href=\"/fr/regions/oriental/\""),
            "{}",
            out.html
        );
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn unsafe_schemes_are_rejected() {
        let text = "[a](javascript:alert(1)) <JavaScript:alert(2)> ![b](data:text/html,x) [ok](https://x.org) [m](mailto:a@b.ma) [r](#top)";
        let (_, errors) = render_fr(text);
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("javascript:alert(1)"), "{messages:?}");
    }

    #[test]
    fn footnote_ids_cannot_take_heading_or_template_ids() {
        let (out, _) =
            render_fr("## Note\n\nTexte[^note] et[^main].\n\n[^note]: Une.\n[^main]: Deux.\n");
        assert!(out.html.contains("id=\"fn-note\""), "{}", out.html);
        assert!(out.html.contains("id=\"fn-main\""), "{}", out.html);
        assert!(out.html.contains("<h2 id=\"note\">"), "{}", out.html);
        // A heading before the footnote it would collide with still gives way to it.
        let (out, _) = render_fr("## Fn note\n\nTexte[^note].\n\n[^note]: Une.\n");
        assert_eq!(out.heading_ids, ["fn-note-2"]);
        assert!(out.html.contains("id=\"fn-note\""), "{}", out.html);
    }

    #[test]
    fn code_blocks_are_highlighted() {
        let (out, _) = render_fr("```rust\nfn main() {}\n```\n");
        assert!(out.has_code);
        assert!(out.html.contains("hl-"), "{}", out.html);
    }
}
