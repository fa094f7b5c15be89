//! `marsad check`: everything the build validates, without writing the site, plus links,
//! anchors, translation parity and Fluent parity.

use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `marsad check`.
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// The site root, which holds observatory.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Runs `marsad check`.
pub fn run(_args: &CheckArgs) -> ExitCode {
    ExitCode::FAILURE
}
