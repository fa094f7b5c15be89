//! `marsad serve`: build, serve on 127.0.0.1, rebuild what each change touches, reload.

use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `marsad serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// The site root, which holds observatory.toml.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
}

/// Runs `marsad serve` until interrupted.
pub fn run(_args: &ServeArgs) -> ExitCode {
    ExitCode::FAILURE
}
