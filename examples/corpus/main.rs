//! A deterministic synthetic observatory, for benchmarks.
//!
//! ```sh
//! cargo run --release --example corpus -- --articles 1000 --seed 1 --out /tmp/corpus \
//!     [--hugo-out /tmp/corpus-hugo]
//! cargo run --release -- build --root /tmp/corpus
//! hugo --source /tmp/corpus-hugo
//! ```
//!
//! writes a complete marsad site: the repository's configuration, theme, interface strings and
//! twelve real region sheets (with the real sources they cite), then generated sources,
//! partners, the five programmes, events, `N / 20` agreements and `N` articles in French and in
//! Arabic, each of 500 to 1,200 words with headings, a list, a table, links to other articles
//! and, in one article of five, a code block. The same `N` and seed always give the same files.
//!
//! The corpus is decided first ([`generate`], [`text`], as [`model`] values whose links name
//! entities, not URLs), then written ([`marsad_site`]): another site generator's format needs only
//! another writer. [`hugo_site`] writes the same articles as a Hugo site doing the same work,
//! for `scripts/bench`.

mod generate;
mod hugo_site;
mod lexicon;
mod markup;
mod marsad_site;
mod model;
mod rng;
mod text;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

use model::{Bi, Region};

/// Writes a synthetic marsad site for benchmarks.
#[derive(Debug, Parser)]
struct Args {
    /// Articles per language.
    #[arg(long, default_value_t = 100)]
    articles: usize,
    /// Seed of the pseudo-random generator.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder to write the site into; it must not exist or be empty.
    #[arg(long)]
    out: PathBuf,
    /// Also write the same articles as a Hugo site into this folder (new or empty).
    #[arg(long)]
    hugo_out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), String> {
    if args.articles == 0 {
        return Err(String::from("--articles must be at least 1"));
    }
    let started = Instant::now();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    prepare_output(&args.out)?;
    let hugo = args
        .hugo_out
        .as_deref()
        .map(|dir| -> Result<_, String> {
            prepare_output(dir)?;
            Ok((dir, hugo_site::Settings::read(repo)?))
        })
        .transpose()?;
    let corpus = generate(repo, args.articles, args.seed)?;
    marsad_site::write_site(&corpus, repo, &args.out)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    if let Some((dir, settings)) = hugo {
        hugo_site::write_site(&corpus, &settings, dir)
            .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
        eprintln!(
            "wrote the same articles as a Hugo site into {}",
            dir.display()
        );
    }
    eprintln!(
        "wrote {} articles in fr and ar, {} partners, {} agreements, {} events, {} programmes, {} generated sources into {} in {:.2} s",
        corpus.articles.len(),
        corpus.partners.len(),
        corpus.mous.len(),
        corpus.events.len(),
        corpus.programmes.len(),
        corpus.sources.len(),
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The corpus for `articles` and `seed`, around the repository's regions.
fn generate(repo: &Path, articles: usize, seed: u64) -> Result<model::Corpus, String> {
    let regions = read_regions(repo)?;
    Ok(generate::corpus(regions, articles, seed))
}

fn prepare_output(out: &Path) -> Result<(), String> {
    if out.exists() {
        let mut entries =
            fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty: give a new folder or an empty one",
                out.display()
            ));
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

/// The twelve real regions: slug, name and capital in both languages.
fn read_regions(repo: &Path) -> Result<Vec<Region>, String> {
    let dir = repo.join("content/regions");
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let sheet: toml::Table =
                toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            let both = |key: &str| -> Result<Bi, String> {
                let get = |lang: &str| {
                    sheet
                        .get(key)
                        .and_then(|t| t.get(lang))
                        .and_then(|v| v.as_str())
                        .map(str::to_owned)
                        .ok_or_else(|| format!("{}: no {key}.{lang}", path.display()))
                };
                Ok(Bi::new(get("fr")?, get("ar")?))
            };
            Ok(Region {
                slug: path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_owned(),
                name: both("name")?,
                capital: both("capital")?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Block, Lang, word_count};

    fn corpus(articles: usize, seed: u64) -> model::Corpus {
        generate(Path::new(env!("CARGO_MANIFEST_DIR")), articles, seed).expect("corpus")
    }

    #[test]
    fn every_article_has_500_to_1200_words_headings_a_list_a_table_and_links() {
        let corpus = corpus(200, 3);
        let mut with_code = 0;
        for i in 0..corpus.articles.len() {
            for lang in Lang::ALL {
                let body = text::body(&corpus, i, lang);
                let words = word_count(&body);
                let slug = &corpus.articles[i].slug;
                assert!(
                    (500..=1200).contains(&words),
                    "{slug} ({lang:?}): {words} words"
                );
                let count = |f: fn(&Block) -> bool| body.iter().filter(|b| f(b)).count();
                assert!(count(|b| matches!(b, Block::Heading(_))) >= 2, "{slug}");
                assert_eq!(count(|b| matches!(b, Block::List(_))), 1, "{slug}");
                assert_eq!(count(|b| matches!(b, Block::Table { .. })), 1, "{slug}");
                if lang == Lang::Fr && count(|b| matches!(b, Block::Code { .. })) == 1 {
                    with_code += 1;
                }
                let file = marsad_site::article_file(&corpus, i, lang);
                let article_links = file.matches("](@/articles/").count();
                assert!((2..=3).contains(&article_links), "{slug}: {article_links}");
            }
        }
        assert!(
            (20..=60).contains(&with_code),
            "{with_code} of 200 with code"
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_site() {
        let a = corpus(30, 9);
        let b = corpus(30, 9);
        let c = corpus(30, 10);
        let file = |corpus: &model::Corpus, i| marsad_site::article_file(corpus, i, Lang::Ar);
        for i in 0..30 {
            assert_eq!(file(&a, i), file(&b, i));
        }
        assert!((0..30).any(|i| file(&a, i) != file(&c, i)));
    }

    /// Every file under `dir`, by relative path.
    fn files(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|entry| entry.expect("readable"))
            .filter(|entry| entry.file_type().is_file())
            .map(|entry| {
                let path = entry
                    .path()
                    .strip_prefix(dir)
                    .expect("inside")
                    .to_path_buf();
                (path, fs::read(entry.path()).expect("readable"))
            })
            .collect()
    }

    /// The TOML front matter of a Markdown file, and its body.
    fn front_matter(text: &str) -> (toml::Table, &str) {
        let rest = text.strip_prefix("+++\n").expect("front matter opens");
        let (front, body) = rest.split_once("\n+++\n").expect("front matter closes");
        (toml::from_str(front).expect("TOML front matter"), body)
    }

    #[test]
    fn the_hugo_site_is_deterministic_and_has_every_article_in_both_languages() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let write = |name: &str| {
            let hugo = dir.path().join(format!("{name}-hugo"));
            run(&Args {
                articles: 40,
                seed: 7,
                out: dir.path().join(name),
                hugo_out: Some(hugo.clone()),
            })
            .expect("generated");
            files(&hugo)
        };
        let first = write("a");
        assert!(first == write("b"), "the same seed wrote other files");

        let config: toml::Table =
            toml::from_str(std::str::from_utf8(&first[Path::new("hugo.toml")]).expect("UTF-8"))
                .expect("hugo.toml");
        assert_eq!(config["pagination"]["pagerSize"].as_integer(), Some(10));
        assert_eq!(config["languages"]["ar"]["direction"].as_str(), Some("rtl"));

        let corpus = corpus(40, 7);
        let read = |path: String| {
            String::from_utf8(first.get(Path::new(&path)).cloned().unwrap_or_else(|| {
                panic!("{path} is missing");
            }))
            .expect("UTF-8")
        };
        let slugs = |table: &toml::Table, key: &str| -> Vec<String> {
            table[key]
                .as_array()
                .expect("a list")
                .iter()
                .map(|v| v.as_str().expect("a slug").to_owned())
                .collect()
        };
        for article in &corpus.articles {
            for lang in Lang::ALL {
                let code = lang.code();
                let text = read(format!("content/articles/{}.{code}.md", article.slug));
                let (front, body) = front_matter(&text);
                assert_eq!(front["title"].as_str(), Some(article.title.get(lang)));
                assert_eq!(front["summary"].as_str(), Some(article.summary.get(lang)));
                assert_eq!(front["date"].to_string(), article.date.to_string());
                let regions: Vec<String> = article
                    .refs
                    .regions
                    .iter()
                    .map(|&r| corpus.regions[r].slug.clone())
                    .collect();
                let partners: Vec<String> = article
                    .refs
                    .partners
                    .iter()
                    .map(|&p| corpus.partners[p].slug.clone())
                    .collect();
                assert_eq!(slugs(&front, "regions"), regions);
                assert_eq!(slugs(&front, "partners"), partners);
                assert!(!body.contains("](@/"), "{}: a marsad link", article.slug);
                assert!(body.contains(&format!("](/{code}/articles/")));
            }
        }
        for lang in ["fr", "ar"] {
            for region in &corpus.regions {
                read(format!("content/regions/{}/_index.{lang}.md", region.slug));
            }
            for partner in &corpus.partners {
                read(format!(
                    "content/partners/{}/_index.{lang}.md",
                    partner.slug
                ));
            }
        }
    }

    #[test]
    fn the_generated_site_builds_without_errors_or_warnings() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let out = dir.path().join("site");
        run(&Args {
            articles: 60,
            seed: 5,
            out: out.clone(),
            hugo_out: None,
        })
        .expect("generated");
        let report = match marsad::build(&marsad::BuildOptions::new(&out)) {
            Ok(report) => report,
            Err(marsad::BuildError::Invalid(found)) => panic!(
                "{}",
                found
                    .sorted()
                    .iter()
                    .take(20)
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            Err(error) => panic!("{error}"),
        };
        let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
        assert!(warnings.is_empty(), "{warnings:#?}");
        for lang in ["fr", "ar"] {
            assert!(
                out.join(format!("public/{lang}/articles/index.html"))
                    .is_file()
            );
        }
        // An output folder that is not empty is refused.
        assert!(
            run(&Args {
                articles: 1,
                seed: 5,
                out,
                hugo_out: None,
            })
            .is_err()
        );
    }
}
