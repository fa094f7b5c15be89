//! `marsad new`: creates content files with their front matter filled in.

use std::process::ExitCode;

/// What `marsad new` creates.
#[derive(Debug, Clone, clap::Subcommand)]
pub enum NewCommand {
    /// An article in every language of the site: content/articles/<slug>.<lang>.md.
    Article {
        /// Lowercase ASCII words joined by hyphens, e.g. `jazari-oujda-opens`.
        slug: String,
    },
}

/// Runs `marsad new`.
pub fn run(_what: &NewCommand) -> ExitCode {
    ExitCode::FAILURE
}
