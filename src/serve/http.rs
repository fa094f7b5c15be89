//! The dev server's HTTP side: the output folder as a static site, the reload event stream,
//! and the problems panel injected into pages while the sources do not build.
//!
//! Only files inside the output folder are ever served: the path is percent-decoded, any
//! `..`, `.`, hidden or empty segment, backslash or NUL is refused, and the file found is
//! resolved (symlinks included) and must still be inside the output folder.

use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use percent_encoding::percent_decode_str;
use tokio::sync::broadcast;

/// Characters escaped in a path segment of a redirect.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'\\')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// Where the reload stream and the injected files live; no page of the site can be there.
pub const PREFIX: &str = "/__marsad";

/// What the request handlers share with the rebuild loop.
pub struct Shared {
    /// The output folder, resolved.
    pub output: PathBuf,
    /// The site's language codes, to find a language's 404 page.
    pub languages: Vec<String>,
    /// The panel to inject while the sources do not build, per language code (with `""` for
    /// pages outside any language).
    pub problems: RwLock<Option<ProblemsPanel>>,
    /// One message per rebuild, carrying the new site version.
    pub reload: broadcast::Sender<u64>,
    /// The site version: how many rebuilds there have been.
    pub version: AtomicU64,
}

/// The problems panel, ready to inject.
#[derive(Debug, Clone)]
pub struct ProblemsPanel {
    /// The panel's heading in each language, by code.
    pub titles: Vec<(String, String)>,
    /// The diagnostics as plain text.
    pub text: String,
}

/// The server's routes.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route(&format!("{PREFIX}/events"), get(events))
        .route(&format!("{PREFIX}/live.js"), get(live_js))
        .route(&format!("{PREFIX}/live.css"), get(live_css))
        .fallback(get(file))
        .with_state(shared)
}

async fn live_js() -> Response {
    asset(include_str!("live.js"), "text/javascript; charset=utf-8")
}

async fn live_css() -> Response {
    asset(include_str!("live.css"), "text/css; charset=utf-8")
}

fn asset(text: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response()
}

/// The reload stream (server-sent events): `event: version` with the current site version
/// when it opens, then `event: reload` after each rebuild.
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, std::convert::Infallible>>> {
    let receiver = shared.reload.subscribe();
    let current = Event::default()
        .event("version")
        .data(shared.version.load(Ordering::SeqCst).to_string());
    let hello = stream::once(async move { Ok(current) });
    let reloads = stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(version) => {
                    let event = Event::default().event("reload").data(version.to_string());
                    return Some((Ok(event), receiver));
                }
                // Several rebuilds while this client was slow: one reload is enough.
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    Sse::new(hello.chain(reloads)).keep_alive(KeepAlive::default())
}

/// A file of the output folder, the folder's `index.html`, or the 404 page.
async fn file(State(shared): State<Arc<Shared>>, request: Request<Body>) -> Response {
    let uri = request.uri().clone();
    let Some(relative) = safe_relative_path(uri.path()) else {
        return not_found(&shared, uri.path()).await;
    };
    let candidate = shared.output.join(&relative);
    let is_dir = tokio::fs::metadata(&candidate)
        .await
        .is_ok_and(|m| m.is_dir());
    if is_dir && !uri.path().ends_with('/') {
        return redirect_to_folder(&relative, uri.query());
    }
    let path = if is_dir {
        candidate.join("index.html")
    } else {
        candidate
    };
    match read_inside(&shared.output, &path).await {
        Some(bytes) => respond(&shared, &path, bytes, StatusCode::OK, uri.path()),
        None => not_found(&shared, uri.path()).await,
    }
}

/// `/fr/regions` → `/fr/regions/`, keeping the query. The location is rebuilt from the
/// checked path, so `//host` can never send the browser to another site.
fn redirect_to_folder(relative: &Path, query: Option<&str>) -> Response {
    let mut path = String::from("/");
    for segment in relative.iter() {
        path.push_str(
            &percent_encoding::utf8_percent_encode(&segment.to_string_lossy(), PATH_SEGMENT)
                .to_string(),
        );
        path.push('/');
    }
    let location = match query {
        Some(query) => format!("{path}?{query}"),
        None => path,
    };
    (
        StatusCode::PERMANENT_REDIRECT,
        [(header::LOCATION, location)],
    )
        .into_response()
}

/// The URL path as a path relative to the output folder, or `None` if it could lead
/// anywhere else (or to a hidden file, such as a file being written).
pub fn safe_relative_path(url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(url_path).decode_utf8().ok()?;
    if decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut relative = PathBuf::new();
    for segment in decoded.split('/') {
        if segment.is_empty() {
            continue;
        }
        // Hidden files (and files being written) are never served; `.well-known` is a
        // public folder by convention.
        if segment.starts_with('.') && segment != ".well-known" {
            return None;
        }
        relative.push(segment);
    }
    // Belt and braces: only plain names may remain.
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then_some(relative)
}

/// Reads `path` if, once symlinks are resolved, it is a file inside `output`.
async fn read_inside(output: &Path, path: &Path) -> Option<Vec<u8>> {
    let resolved = tokio::fs::canonicalize(path).await.ok()?;
    if !resolved.starts_with(output) {
        return None;
    }
    let metadata = tokio::fs::metadata(&resolved).await.ok()?;
    if !metadata.is_file() {
        return None;
    }
    tokio::fs::read(&resolved).await.ok()
}

/// The language's 404 page (`/ar/…` → `ar/404.html`), else the root one, with status 404.
async fn not_found(shared: &Shared, url_path: &str) -> Response {
    let lang = url_path
        .trim_start_matches('/')
        .split('/')
        .next()
        .filter(|first| shared.languages.iter().any(|l| l == first));
    let mut candidates = Vec::new();
    if let Some(lang) = lang {
        candidates.push(shared.output.join(lang).join("404.html"));
    }
    candidates.push(shared.output.join("404.html"));
    for candidate in candidates {
        if let Some(bytes) = read_inside(&shared.output, &candidate).await {
            return respond(shared, &candidate, bytes, StatusCode::NOT_FOUND, url_path);
        }
    }
    // No site yet (the first build failed): show the problems on a bare page.
    let html = String::from(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>marsad</title></head><body></body></html>",
    );
    respond(
        shared,
        Path::new("404.html"),
        html.into_bytes(),
        StatusCode::NOT_FOUND,
        url_path,
    )
}

fn respond(
    shared: &Shared,
    path: &Path,
    bytes: Vec<u8>,
    status: StatusCode,
    url_path: &str,
) -> Response {
    let content_type = content_type(path);
    let body = if content_type.starts_with("text/html") {
        let panel = shared
            .problems
            .read()
            .map(|p| p.clone())
            .unwrap_or_default();
        let lang = url_path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or("");
        let version = shared.version.load(Ordering::SeqCst);
        inject(
            &String::from_utf8_lossy(&bytes),
            panel.as_ref(),
            lang,
            version,
        )
        .into_bytes()
    } else {
        bytes
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The content type of a file, by extension, with `charset=utf-8` for text.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json; charset=utf-8",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("csv") => "text/csv; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        _ => mime_guess::from_path(path)
            .first_raw()
            .unwrap_or("application/octet-stream"),
    }
}

/// Adds the live reload script and stylesheet to a page, and the problems panel if the
/// sources do not build. Never part of `marsad build`'s output.
pub fn inject(html: &str, panel: Option<&ProblemsPanel>, lang: &str, version: u64) -> String {
    let head = format!(
        "<link rel=\"stylesheet\" href=\"{PREFIX}/live.css\"><script src=\"{PREFIX}/live.js?v={version}\" defer></script>"
    );
    let mut out = String::with_capacity(html.len() + head.len() + 256);
    match html.find("</head>") {
        Some(at) => {
            out.push_str(&html[..at]);
            out.push_str(&head);
            out.push_str(&html[at..]);
        }
        None => {
            out.push_str(&head);
            out.push_str(html);
        }
    }
    if let Some(panel) = panel {
        let markup = panel_markup(panel, lang);
        match out.rfind("</body>") {
            Some(at) => out.insert_str(at, &markup),
            None => out.push_str(&markup),
        }
    }
    out
}

fn panel_markup(panel: &ProblemsPanel, lang: &str) -> String {
    let (title_lang, title) = panel
        .titles
        .iter()
        .find(|(code, _)| code == lang)
        .or_else(|| panel.titles.first())
        .map(|(code, title)| (code.as_str(), title.as_str()))
        .unwrap_or(("en", "The site does not build."));
    let mut text = String::new();
    pulldown_cmark_escape::escape_html(&mut text, &panel.text).ok();
    let mut escaped_title = String::new();
    pulldown_cmark_escape::escape_html(&mut escaped_title, title).ok();
    format!(
        "<div id=\"marsad-problems\" role=\"alert\"><p lang=\"{title_lang}\" dir=\"auto\">{escaped_title}</p><pre lang=\"en\" dir=\"ltr\">{text}</pre></div>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_could_leave_the_output_are_refused() {
        for bad in [
            "/../secret",
            "/fr/../../etc/passwd",
            "/%2e%2e/secret",
            "/fr/%2E%2E/%2e%2e/x",
            "/a%2f..%2f..%2fx",
            "/a%5c..%5cx",
            "/x%00.html",
            "/.git/config",
            "/fr/.marsad-write-1-2.tmp",
            "/%ff",
        ] {
            assert_eq!(safe_relative_path(bad), None, "{bad}");
        }
        assert_eq!(
            safe_relative_path("/fr/regions/oriental/"),
            Some(PathBuf::from("fr/regions/oriental"))
        );
        assert_eq!(
            safe_relative_path("//etc/passwd"),
            Some(PathBuf::from("etc/passwd"))
        );
        assert_eq!(safe_relative_path("/"), Some(PathBuf::new()));
    }

    #[test]
    fn pages_get_the_reload_script_and_the_panel_only_when_there_are_problems() {
        let html = "<html><head><title>t</title></head><body><p>x</p></body></html>";
        let clean = inject(html, None, "fr", 7);
        assert!(clean.contains("<script src=\"/__marsad/live.js?v=7\" defer></script></head>"));
        assert!(!clean.contains("marsad-problems"));
        let panel = ProblemsPanel {
            titles: vec![
                ("fr".into(), "Le site".into()),
                ("ar".into(), "الموقع".into()),
            ],
            text: "error: <bad>".into(),
        };
        let broken = inject(html, Some(&panel), "ar", 8);
        assert!(broken.contains("<p lang=\"ar\" dir=\"auto\">الموقع</p>"));
        assert!(broken.contains("error: &lt;bad&gt;</pre></div></body>"));
    }
}
