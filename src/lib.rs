//! marsad — the static site generator of a bilingual French / Arabic observatory of
//! Morocco's AI strategy.
//!
//! The pipeline runs in one direction, one module per stage:
//!
//! 1. [`load`] reads `content/`, `seeds/`, `i18n/` and the theme into typed values;
//! 2. [`link`] resolves every reference into one [`link::model::Site`] and computes the
//!    reverse indexes;
//! 3. [`render`] turns Markdown and templates into pages, in parallel;
//! 4. [`mod@write`] stages the output and swaps it into place only when everything succeeded.
//!
//! [`build()`] runs the four stages; [`diagnostics`] is how every stage reports problems.
//! Where a page's URL comes from: [`render::urls`]; its template: [`render::pages::Page::template`];
//! its data: [`render::context`]; its interface strings: [`i18n`].

pub mod build;
pub mod check;
pub mod config;
pub mod diagnostics;
pub mod i18n;
pub mod link;
pub mod load;
pub mod new;
pub mod rebuild;
pub mod render;
pub mod search;
pub mod serve;
pub mod write;

pub use build::{BuildError, BuildOptions, BuildReport, build};
