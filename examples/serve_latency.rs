//! Save-to-updated-output latency of `marsad serve`: edits one article of a site again and
//! again and measures, for each save, the time until the rebuilt page is on disk and until
//! an open page has received its reload event.
//!
//! ```text
//! cargo run --release --example corpus -- --articles 10000 --out /tmp/corpus-10k
//! cargo run --release --example serve_latency -- --site /tmp/corpus-10k
//! ```
//!
//! Options: `--site DIR` (required), `--edits N` body edits (default 40; a third as many
//! title edits follow), `--output DIR` (default: a
//! folder under /dev/shm when it exists, so the disk's speed is left out, else beside the
//! site). Prints the medians and spreads; nothing is timed inside the test suite.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use marsad::rebuild::Outcome;
use marsad::serve::{Report, ServeArgs, Server};

struct Options {
    site: PathBuf,
    edits: usize,
    output: Option<PathBuf>,
}

fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut options = Options {
        site: PathBuf::new(),
        edits: 40,
        output: None,
    };
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--site" => options.site = PathBuf::from(value),
            "--edits" => options.edits = value.parse().expect("--edits takes a number"),
            "--output" => options.output = Some(PathBuf::from(value)),
            other => panic!("unknown option {other}; see the doc comment of serve_latency.rs"),
        }
    }
    assert!(
        options.site.join("observatory.toml").is_file(),
        "--site must name a site folder (one with observatory.toml)"
    );
    options
}

/// One measured save.
struct Sample {
    on_disk: Duration,
    reloaded: Duration,
    outcome: Outcome,
}

fn main() {
    let options = options();
    let output = options.output.clone().unwrap_or_else(|| {
        let shm = Path::new("/dev/shm");
        if shm.is_dir() {
            shm.join(format!("marsad-serve-latency-{}", std::process::id()))
        } else {
            options.site.join(".serve-latency")
        }
    });
    let (sender, reports) = mpsc::channel();
    let args = ServeArgs {
        root: options.site.clone(),
        output: Some(output.clone()),
        interface: [127, 0, 0, 1].into(),
        port: 0,
        drafts: false,
    };
    let started = Instant::now();
    let server = Server::start(&args, move |report: &Report| {
        let _ = sender.send(summary(report));
    })
    .expect("the server starts");
    let first = reports.recv().expect("first build");
    let first = first.expect("the site builds");
    println!(
        "site: {} ({} pages), first build {:.2} s, output on {}",
        options.site.display(),
        first.rendered,
        started.elapsed().as_secs_f64(),
        output.display()
    );

    let article = first_article(&options.site);
    let original = std::fs::read_to_string(&article).expect("the article is readable");
    let relative = article
        .strip_prefix(&options.site)
        .expect("inside the site");
    let slug = article
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.rsplit_once('.'))
        .map(|(slug, lang)| (slug.to_owned(), lang.to_owned()))
        .expect("slug.lang.md");
    let page = output
        .join(&slug.1)
        .join("articles")
        .join(&slug.0)
        .join("index.html");
    println!("editing {} → {}", relative.display(), page.display());

    let mut stream = open_event_stream(server.address());
    // First the body only (the article's own pages), then the title, which every list
    // showing the article's card displays too.
    let mut body_samples = Vec::new();
    let mut title_samples = Vec::new();
    let title_edits = options.edits.div_ceil(3);
    for round in 0..options.edits + title_edits {
        let marker = format!("latency-marker-{round}");
        let is_title = round >= options.edits;
        let edited = if is_title {
            original.replacen("title = \"", &format!("title = \"{marker} "), 1)
        } else {
            format!("{original}\n\nParagraphe ajouté {marker}.\n")
        };
        let saved = Instant::now();
        std::fs::write(&article, &edited).expect("write the article");
        let outcome = reports
            .recv_timeout(Duration::from_secs(60))
            .expect("a rebuild")
            .unwrap_or_else(|error| panic!("the rebuild failed: {error}"));
        let on_disk = saved.elapsed();
        wait_for_reload(&mut stream);
        let reloaded = saved.elapsed();
        let html = std::fs::read_to_string(&page).expect("the page exists");
        assert!(html.contains(&marker), "the page shows the edit");
        let sample = Sample {
            on_disk,
            reloaded,
            outcome,
        };
        if is_title {
            title_samples.push(sample);
        } else {
            body_samples.push(sample);
        }
    }
    std::fs::write(&article, &original).expect("restore the article");
    let _ = reports.recv_timeout(Duration::from_secs(60));
    wait_for_reload(&mut stream);

    // A new article, then its deletion: the whole site is reloaded and relinked.
    let mut structure_samples = Vec::new();
    let added = article.with_file_name("serve-latency-new-article.fr.md");
    for add in [true, false] {
        let saved = Instant::now();
        if add {
            std::fs::write(&added, &original).expect("add an article");
        } else {
            std::fs::remove_file(&added).expect("delete the article");
        }
        let outcome = reports
            .recv_timeout(Duration::from_secs(120))
            .expect("a rebuild")
            .unwrap_or_else(|error| panic!("the rebuild failed: {error}"));
        let on_disk = saved.elapsed();
        wait_for_reload(&mut stream);
        structure_samples.push(Sample {
            on_disk,
            reloaded: saved.elapsed(),
            outcome,
        });
    }
    server.stop();
    let _ = std::fs::remove_dir_all(&output);

    print_samples("body edit (the article's pages)", &body_samples);
    print_samples(
        "title edit (its pages and every list showing it)",
        &title_samples,
    );
    print_samples(
        "an article added, then deleted (reload and relink)",
        &structure_samples,
    );
}

fn summary(report: &Report) -> Result<Outcome, String> {
    match report {
        Report::Built { outcome, .. } => Ok(outcome.clone()),
        Report::Failed { error, .. } => Err(error.clone()),
    }
}

/// The alphabetically first French article.
fn first_article(site: &Path) -> PathBuf {
    let mut articles: Vec<PathBuf> = std::fs::read_dir(site.join("content/articles"))
        .expect("content/articles")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".fr.md"))
        .collect();
    articles.sort();
    articles.into_iter().next().expect("at least one article")
}

fn open_event_stream(address: std::net::SocketAddr) -> TcpStream {
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "GET /__marsad/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let mut head = [0u8; 1024];
    let _ = stream.read(&mut head).expect("response headers");
    stream
}

fn wait_for_reload(stream: &mut TcpStream) {
    let mut seen = String::new();
    let mut buffer = [0u8; 512];
    while !seen.contains("event: reload") {
        let n = stream.read(&mut buffer).expect("the event stream");
        assert!(n > 0, "the event stream closed");
        seen.push_str(&String::from_utf8_lossy(&buffer[..n]));
    }
}

fn print_samples(what: &str, samples: &[Sample]) {
    if samples.is_empty() {
        return;
    }
    let stats = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
        format!(
            "median {:.1} ms, p90 {:.1} ms, min {:.1} ms, max {:.1} ms",
            at(0.5),
            at(0.9),
            values[0],
            values[values.len() - 1]
        )
    };
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\n{what}, {} saves:", samples.len());
    println!(
        "  save → page on disk:      {}",
        stats(samples.iter().map(|s| ms(s.on_disk)).collect())
    );
    println!(
        "  save → reload event:      {}",
        stats(samples.iter().map(|s| ms(s.reloaded)).collect())
    );
    println!(
        "  rebuild alone:            {}",
        stats(samples.iter().map(|s| ms(s.outcome.elapsed)).collect())
    );
    let mut rendered: Vec<usize> = samples.iter().map(|s| s.outcome.rendered).collect();
    rendered.sort_unstable();
    let mut written: Vec<usize> = samples.iter().map(|s| s.outcome.written).collect();
    written.sort_unstable();
    println!(
        "  pages rendered per save:  {} (median), files written: {} (median), full reloads: {}",
        rendered[rendered.len() / 2],
        written[written.len() / 2],
        samples.iter().filter(|s| s.outcome.reloaded).count()
    );
}
