//! Where a link of a rendered page comes from: the Markdown an editor wrote, or the theme.
//!
//! A problem is worth most where it can be fixed. A broken link found in
//! `fr/articles/x/index.html` that the article's Markdown contains is reported at the
//! Markdown line; any other is reported in the rendered page, naming the template that drew
//! it ([`crate::render::pages::Page::template`]).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::diagnostics::SourceFile;
use crate::link::model::Site;
use crate::render::pages::{self, Page};
use crate::render::urls::Urls;

/// What drew one output file.
#[derive(Debug, Clone)]
pub struct PageOrigin<'a> {
    /// The template, relative to the theme's `templates/`.
    pub template: &'static str,
    /// The Markdown body the page shows: its file and byte range.
    pub body: Option<(&'a Arc<SourceFile>, Range<usize>)>,
}

/// Output file (`fr/articles/x/index.html`) → what drew it.
#[derive(Debug, Default)]
pub struct Origins<'a> {
    pages: HashMap<String, PageOrigin<'a>>,
    templates_dir: String,
}

impl<'a> Origins<'a> {
    /// The origin of every page `site` renders.
    pub fn new(site: &'a Site) -> Self {
        let mut pages = HashMap::new();
        for job in pages::jobs(site) {
            let body = match job.page {
                Page::Article(i) => site.articles[i]
                    .translations
                    .get(job.lang)
                    .map(|t| (&t.file, t.body.clone())),
                Page::Static(i) => site.pages[i]
                    .translations
                    .get(job.lang)
                    .map(|t| (&t.file, t.body.clone())),
                _ => None,
            };
            let file = Urls::output_file(&job.page.path(site, job.lang));
            pages.insert(
                file.to_string_lossy().replace('\\', "/"),
                PageOrigin {
                    template: job.page.template(),
                    body,
                },
            );
        }
        for (template, path) in [
            ("root.html", Urls::root()),
            ("root-404.html", Urls::root_not_found()),
        ] {
            let file = Urls::output_file(&path);
            pages.insert(
                file.to_string_lossy().replace('\\', "/"),
                PageOrigin {
                    template,
                    body: None,
                },
            );
        }
        Origins {
            pages,
            templates_dir: format!("themes/{}/templates/", site.config.theme),
        }
    }

    /// What drew `file` (relative to the output folder, `/`-separated), if the site draws it.
    pub fn get(&self, file: &str) -> Option<&PageOrigin<'a>> {
        self.pages.get(file)
    }

    /// The folder of the theme's templates, as shown to editors.
    pub fn templates_dir(&self) -> &str {
        if self.templates_dir.is_empty() {
            "themes/"
        } else {
            &self.templates_dir
        }
    }
}

/// A link of a Markdown body that rendered as `href`: its destination as written and the
/// byte range of that destination in the file.
#[derive(Debug, Clone)]
pub struct MarkdownLink {
    /// The destination as the editor wrote it (`@/articles/x#part`, `/fr/…`, `#part`).
    pub dest: String,
    /// Byte range within the file (the destination, or the whole link when the destination
    /// is not written out, as in a reference link).
    pub span: Range<usize>,
}

/// Finds the link of a Markdown body that rendered as `href` (as it appears in the page,
/// references decoded).
///
/// `@/kind/slug#fragment` links are matched on their slug and fragment (the build resolved
/// them to `/<lang>/kind/slug/#fragment`, under the base URL's folder); any other destination
/// must equal `href` once both are percent-decoded.
pub fn find_in_markdown(
    file: &SourceFile,
    body: &Range<usize>,
    href: &str,
) -> Option<MarkdownLink> {
    let text = &file.text[body.clone()];
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES;
    Parser::new_ext(text, options)
        .into_offset_iter()
        .find_map(|(event, range)| {
            let dest = match event {
                Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => dest_url,
                _ => return None,
            };
            if !renders_as(&dest, href) {
                return None;
            }
            let written = &text[range.clone()];
            let span = match written.rfind(dest.as_ref()) {
                Some(at) => range.start + at..range.start + at + dest.len(),
                None => range,
            };
            Some(MarkdownLink {
                dest: dest.into_string(),
                span: body.start + span.start..body.start + span.end,
            })
        })
}

/// True when a Markdown destination is the one that rendered as `href`.
fn renders_as(dest: &str, href: &str) -> bool {
    let split = |url: &str| -> (String, Option<String>) {
        match url.split_once('#') {
            Some((path, fragment)) => (decode(path), Some(decode(fragment))),
            None => (decode(url), None),
        }
    };
    let (href_path, href_fragment) = split(href);
    match dest.strip_prefix("@/") {
        Some(target) => {
            let (path, fragment) = split(target);
            let slug = path
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            !slug.is_empty()
                && fragment == href_fragment
                && href_path
                    .trim_end_matches('/')
                    .ends_with(&format!("/{slug}"))
        }
        None => dest == href || split(dest) == (href_path, href_fragment),
    }
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_markdown_destinations_to_rendered_links() {
        assert!(renders_as(
            "@/articles/beta#nope",
            "/fr/articles/beta/#nope"
        ));
        assert!(renders_as(
            "@/articles/beta#nope",
            "/site/ar/articles/beta/#nope"
        ));
        assert!(!renders_as("@/articles/beta#nope", "/fr/articles/beta/"));
        assert!(!renders_as("@/articles/beta", "/fr/articles/alphabeta/"));
        assert!(renders_as("/fr/r%C3%A9gions/", "/fr/régions/"));
        assert!(renders_as("#part", "#part"));
        assert!(!renders_as("#part", "#other"));
    }

    #[test]
    fn points_at_the_destination_in_the_file() {
        let file = SourceFile::new(
            "content/articles/a.fr.md",
            "+++\ntitle = \"a\"\n+++\nVoir [x](@/articles/b#nope) et [y](/fr/z/).\n",
        );
        let body = file.text.find("Voir").unwrap()..file.text.len();
        let found = find_in_markdown(&file, &body, "/fr/z/").unwrap();
        assert_eq!(&file.text[found.span], "/fr/z/");
        let found = find_in_markdown(&file, &body, "/fr/articles/b/#nope").unwrap();
        assert_eq!(found.dest, "@/articles/b#nope");
        assert!(find_in_markdown(&file, &body, "/fr/elsewhere/").is_none());
    }
}
