//! Writing a [`Corpus`] to disk as a marsad site: fact sheets in TOML, articles in Markdown
//! with TOML front matter and `@/` links, plus the repository's configuration, theme,
//! interface strings, region sheets and the sources those sheets cite.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::markup::{self, quote};
use crate::model::{Bi, Corpus, Lang, Link};
use crate::text;

/// Writes the whole site under `out`, which must exist and be empty.
pub fn write_site(corpus: &Corpus, repo: &Path, out: &Path) -> io::Result<()> {
    fs::copy(repo.join("observatory.toml"), out.join("observatory.toml"))?;
    copy_dir(&repo.join("themes"), &out.join("themes"))?;
    copy_dir(&repo.join("i18n"), &out.join("i18n"))?;
    copy_dir(&repo.join("content/regions"), &out.join("content/regions"))?;
    copy_cited_sources(repo, out)?;

    let content = out.join("content");
    let seeds = out.join("seeds");
    for source in &corpus.sources {
        fs::write(
            seeds.join(format!("{}.toml", source.id)),
            source_sheet(source),
        )?;
    }
    write_all(
        &content.join("partners"),
        corpus
            .partners
            .iter()
            .map(|p| (&p.slug, partner_sheet(corpus, p))),
    )?;
    write_all(
        &content.join("programmes"),
        corpus
            .programmes
            .iter()
            .map(|p| (p.slug, programme_sheet(corpus, p))),
    )?;
    write_all(
        &content.join("events"),
        corpus
            .events
            .iter()
            .map(|e| (&e.slug, event_sheet(corpus, e))),
    )?;
    write_all(
        &content.join("mous"),
        corpus.mous.iter().map(|m| (&m.slug, mou_sheet(corpus, m))),
    )?;

    let articles = content.join("articles");
    fs::create_dir_all(&articles)?;
    (0..corpus.articles.len())
        .into_par_iter()
        .try_for_each(|i| {
            let slug = &corpus.articles[i].slug;
            Lang::ALL.iter().try_for_each(|&lang| {
                let path = articles.join(format!("{slug}.{}.md", lang.code()));
                fs::write(path, article_file(corpus, i, lang))
            })
        })
}

fn write_all<S: AsRef<str>>(
    dir: &Path,
    sheets: impl Iterator<Item = (S, String)>,
) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (slug, text) in sheets {
        fs::write(dir.join(format!("{}.toml", slug.as_ref())), text)?;
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    for entry in WalkDir::new(from) {
        let entry = entry.map_err(io::Error::other)?;
        let target = to.join(entry.path().strip_prefix(from).map_err(io::Error::other)?);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// The region sheets are the real ones: the real sources they cite come with them.
fn copy_cited_sources(repo: &Path, out: &Path) -> io::Result<()> {
    let mut cited = BTreeSet::new();
    for entry in fs::read_dir(repo.join("content/regions"))? {
        let text = fs::read_to_string(entry?.path())?;
        let sheet: toml::Table = toml::from_str(&text).map_err(io::Error::other)?;
        let institutes = sheet
            .get("institutes")
            .and_then(|i| i.as_array())
            .into_iter()
            .flatten();
        for owner in std::iter::once(&toml::Value::Table(sheet.clone())).chain(institutes) {
            let ids = owner
                .get("sources")
                .and_then(|s| s.as_array())
                .into_iter()
                .flatten();
            cited.extend(ids.filter_map(|id| id.as_str().map(str::to_owned)));
        }
    }
    fs::create_dir_all(out.join("seeds"))?;
    for id in cited {
        let name = format!("{id}.toml");
        fs::copy(
            repo.join("seeds").join(&name),
            out.join("seeds").join(&name),
        )?;
    }
    Ok(())
}

fn list<'a>(slugs: impl IntoIterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = slugs.into_iter().map(quote).collect();
    format!("[{}]", quoted.join(", "))
}

/// `[name]` then `fr = "…"` and `ar = "…"`.
fn localized(out: &mut String, table: &str, text: &Bi) {
    let _ = write!(
        out,
        "\n[{table}]\nfr = {}\nar = {}\n",
        quote(&text.fr),
        quote(&text.ar)
    );
}

fn source_ids<'a>(corpus: &'a Corpus, sources: &'a [usize]) -> impl Iterator<Item = &'a str> {
    sources.iter().map(|&s| corpus.sources[s].id.as_str())
}

fn source_sheet(source: &crate::model::Source) -> String {
    let mut out = format!(
        "publisher = {}\ndate = {}\nlanguage = {}\nurl = {}\n",
        quote(&source.publisher),
        quote(&source.date.month_text()),
        quote(source.language.code()),
        quote(&source.url)
    );
    localized(&mut out, "title", &source.title);
    localized(&mut out, "summary", &source.summary);
    out
}

fn partner_sheet(corpus: &Corpus, partner: &crate::model::Partner) -> String {
    let mut out = format!("kind = {}\n", quote(partner.kind));
    if let Some(country) = partner.country {
        let _ = writeln!(out, "country = {}", quote(country));
    }
    let _ = write!(
        out,
        "website = {}\nsources = {}\n",
        quote(&partner.website),
        list(source_ids(corpus, &partner.sources))
    );
    localized(&mut out, "name", &partner.name);
    localized(&mut out, "description", &partner.description);
    out
}

fn programme_sheet(corpus: &Corpus, programme: &crate::model::Programme) -> String {
    let mut out = String::new();
    if let Some(launched) = programme.launched {
        let _ = writeln!(out, "launched = {}", quote(&launched.month_text()));
    }
    let _ = write!(
        out,
        "status = {}\npartners = {}\nregions = {}\nsources = {}\n",
        quote(programme.status),
        list(
            programme
                .partners
                .iter()
                .map(|&p| corpus.partners[p].slug.as_str())
        ),
        list(
            programme
                .regions
                .iter()
                .map(|&r| corpus.regions[r].slug.as_str())
        ),
        list(source_ids(corpus, &programme.sources))
    );
    localized(&mut out, "name", &programme.name);
    localized(&mut out, "summary", &programme.summary);
    for target in &programme.targets {
        out.push_str("\n[[targets]]\n");
        if let Some(value) = target.value {
            let _ = writeln!(out, "value = {value}");
        }
        if let Some(unit) = target.unit {
            let _ = writeln!(out, "unit = {}", quote(unit));
        }
        if let Some(deadline) = target.deadline {
            let _ = writeln!(out, "deadline = {deadline}");
        }
        let _ = writeln!(out, "source = {}", quote(&corpus.sources[target.source].id));
        localized(&mut out, "targets.label", &target.label);
    }
    out
}

fn event_sheet(corpus: &Corpus, event: &crate::model::Event) -> String {
    let mut out = format!(
        "date = {}\nregion = {}\npartners = {}\nprogrammes = {}\nsources = {}\n",
        event.date,
        quote(&corpus.regions[event.region].slug),
        list(
            event
                .partners
                .iter()
                .map(|&p| corpus.partners[p].slug.as_str())
        ),
        list(event.programmes.iter().map(|&p| corpus.programmes[p].slug)),
        list(source_ids(corpus, &event.sources))
    );
    localized(&mut out, "name", &event.name);
    localized(&mut out, "place", &event.place);
    localized(&mut out, "summary", &event.summary);
    if let Some(announced) = event.agreements_announced {
        let _ = write!(
            out,
            "\n[[figures]]\nvalue = {announced}\nunit = \"agreements\"\nsource = {}\n",
            quote(&corpus.sources[event.sources[0]].id)
        );
        localized(
            &mut out,
            "figures.label",
            &Bi::new(
                "Accords signés lors de l'événement",
                "الاتفاقيات الموقعة خلال الحدث",
            ),
        );
    }
    out
}

fn mou_sheet(corpus: &Corpus, mou: &crate::model::Mou) -> String {
    let mut out = format!(
        "date = {}\nstatus = {}\npartners = {}\nthemes = {}\nregions = {}\nprogrammes = {}\n",
        mou.date,
        quote(mou.status),
        list(
            mou.partners
                .iter()
                .map(|&p| corpus.partners[p].slug.as_str())
        ),
        list(mou.themes.iter().copied()),
        list(mou.regions.iter().map(|&r| corpus.regions[r].slug.as_str())),
        list(mou.programmes.iter().map(|&p| corpus.programmes[p].slug)),
    );
    if let Some(event) = mou.event {
        let _ = writeln!(out, "event = {}", quote(&corpus.events[event].slug));
    }
    let _ = writeln!(out, "sources = {}", list(source_ids(corpus, &mou.sources)));
    localized(&mut out, "title", &mou.title);
    localized(&mut out, "summary", &mou.summary);
    out
}

/// `content/articles/<slug>.<lang>.md`.
pub fn article_file(corpus: &Corpus, index: usize, lang: Lang) -> String {
    let article = &corpus.articles[index];
    let refs = &article.refs;
    let mut out = String::with_capacity(8 * 1024);
    let _ = writeln!(
        out,
        "+++\ntitle = {}\ndate = {}",
        quote(article.title.get(lang)),
        article.date
    );
    if let Some(updated) = article.updated {
        let _ = writeln!(out, "updated = {updated}");
    }
    let _ = writeln!(out, "summary = {}", quote(article.summary.get(lang)));
    let _ = writeln!(
        out,
        "regions = {}",
        list(
            refs.regions
                .iter()
                .map(|&r| corpus.regions[r].slug.as_str())
        )
    );
    let _ = writeln!(
        out,
        "partners = {}",
        list(
            refs.partners
                .iter()
                .map(|&p| corpus.partners[p].slug.as_str())
        )
    );
    if !refs.mous.is_empty() {
        let _ = writeln!(
            out,
            "mous = {}",
            list(refs.mous.iter().map(|&m| corpus.mous[m].slug.as_str()))
        );
    }
    if !refs.programmes.is_empty() {
        let _ = writeln!(
            out,
            "programmes = {}",
            list(refs.programmes.iter().map(|&p| corpus.programmes[p].slug))
        );
    }
    if !refs.events.is_empty() {
        let _ = writeln!(
            out,
            "events = {}",
            list(refs.events.iter().map(|&e| corpus.events[e].slug.as_str()))
        );
    }
    let _ = writeln!(
        out,
        "sources = {}\n+++",
        list(source_ids(corpus, &refs.sources))
    );
    markup::body(&mut out, &text::body(corpus, index, lang), |link| {
        target(corpus, link)
    });
    out
}

/// marsad's internal link syntax.
fn target(corpus: &Corpus, link: Link) -> String {
    match link {
        Link::Article(a) => format!("@/articles/{}", corpus.articles[a].slug),
        Link::Region(r) => format!("@/regions/{}", corpus.regions[r].slug),
        Link::Partner(p) => format!("@/partners/{}", corpus.partners[p].slug),
        Link::Programme(p) => format!("@/programmes/{}", corpus.programmes[p].slug),
        Link::Mou(m) => format!("@/mous/{}", corpus.mous[m].slug),
        Link::Event(e) => format!("@/events/{}", corpus.events[e].slug),
        Link::Source(s) => format!("@/sources/{}", corpus.sources[s].id),
    }
}
