//! External links, checked only with `marsad check --external`.
//!
//! Each URL is asked once, however many pages link to it: a `HEAD` request, then a `GET` when
//! the server does not accept `HEAD` (405 or 501). Redirects are followed. A few requests run
//! at once, each with a time limit, so that one slow server does not hold up the check.
//! Failures are warnings: a site elsewhere being down says nothing about this site.

use std::sync::Mutex;
use std::time::Duration;

use ureq::Agent;

/// How many URLs are checked at once.
const WORKERS: usize = 8;

/// How long one URL may take, redirects included.
pub const TIMEOUT: Duration = Duration::from_secs(15);

/// Checks every URL; returns, in the same order, `None` for a URL that answered, or what went
/// wrong ("answered 404 Not Found", "could not be reached: …").
pub fn check_urls(urls: &[&str], timeout: Duration) -> Vec<Option<String>> {
    let config = Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent(concat!("marsad-check/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent: Agent = config.into();
    let next = Mutex::new(0..urls.len());
    let results: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; urls.len()]);
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(urls.len()) {
            scope.spawn(|| {
                loop {
                    let index = match next.lock() {
                        Ok(mut next) => next.next(),
                        Err(_) => None,
                    };
                    let Some(index) = index else { break };
                    let outcome = probe(&agent, urls[index]);
                    if let Ok(mut results) = results.lock() {
                        results[index] = outcome;
                    }
                }
            });
        }
    });
    results.into_inner().unwrap_or_default()
}

/// Asks one URL.
fn probe(agent: &Agent, url: &str) -> Option<String> {
    let status = match agent.head(url).call() {
        Ok(response) => response.status(),
        Err(error) => return Some(format!("could not be reached: {error}")),
    };
    let status = if status.as_u16() == 405 || status.as_u16() == 501 {
        match agent.get(url).call() {
            Ok(response) => response.status(),
            Err(error) => return Some(format!("could not be reached: {error}")),
        }
    } else {
        status
    };
    if status.is_success() || status.is_redirection() {
        None
    } else {
        Some(format!(
            "answered {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or_default()
        ))
    }
}
