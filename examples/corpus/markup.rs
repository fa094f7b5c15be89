//! Text formats every writer shares: TOML strings for front matter and sheets, and article
//! bodies as Markdown. Writers differ only in where a link leads, which they pass as a
//! function.

use std::fmt::Write as _;

use crate::model::{Block, Inline, Link};

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Appends `blocks` to `out` as Markdown, each link leading to `target(link)`.
pub fn body(out: &mut String, blocks: &[Block], target: impl Fn(Link) -> String) {
    for block in blocks {
        markdown(out, block, &target);
    }
}

fn inlines(out: &mut String, inlines: &[Inline], target: &impl Fn(Link) -> String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => out.push_str(text),
            Inline::Link { text, to } => {
                let _ = write!(out, "[{text}]({})", target(*to));
            }
        }
    }
}

fn markdown(out: &mut String, block: &Block, target: &impl Fn(Link) -> String) {
    match block {
        Block::Heading(text) => {
            let _ = write!(out, "\n## {text}\n");
        }
        Block::Paragraph(content) => {
            out.push('\n');
            inlines(out, content, target);
            out.push('\n');
        }
        Block::List(items) => {
            out.push('\n');
            for item in items {
                out.push_str("- ");
                inlines(out, item, target);
                out.push('\n');
            }
        }
        Block::Table { header, rows } => {
            let _ = write!(out, "\n| {} |\n|", header.join(" | "));
            out.push_str(&" --- |".repeat(header.len()));
            out.push('\n');
            for row in rows {
                let _ = writeln!(out, "| {} |", row.join(" | "));
            }
        }
        Block::Code { language, code } => {
            let _ = write!(out, "\n```{language}\n{code}\n```\n");
        }
    }
}
