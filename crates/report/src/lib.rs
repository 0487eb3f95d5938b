//! Rendering a [`Digest`] for people and programs.
//!
//! * [`markdown`]: headline, cited summary, sources table, duplicate groups, facts, timeline.
//! * [`json`]: the documented JSON form (`schema_version`, see `docs/digest-schema.json`).
//! * [`html`]: one self-contained page (inline CSS, no remote assets, no scripts); every piece
//!   of article text goes through [`escape_html`].
//!
//! Several digests (one per story) render with the `*_many` functions.

mod html;
mod markdown;
pub mod sections;

use crosswire_model::{Digest, DigestSet};

pub use html::{escape_html, html, html_many};
pub use markdown::{markdown, markdown_many};

/// How a summary sentence cites an article: its row number in the sources table, with the
/// outlet name where known ("3 Example News", or "3"). Unescaped.
pub(crate) fn citation(d: &Digest, id: &str) -> String {
    match d.sources.iter().position(|r| r.id == id) {
        Some(i) => match &d.sources[i].outlet {
            Some(o) => format!("{} {}", i + 1, o),
            None => (i + 1).to_string(),
        },
        None => id.to_string(),
    }
}

/// Output formats of `crosswire digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
    Html,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "html" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The JSON form of one digest (pretty-printed).
pub fn json(digest: &Digest) -> String {
    serde_json::to_string_pretty(digest).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// The JSON form of several digests: a [`DigestSet`].
pub fn json_many(digests: &[Digest]) -> String {
    let set = DigestSet {
        schema_version: crosswire_model::DIGEST_SCHEMA_VERSION,
        stories: digests.to_vec(),
    };
    serde_json::to_string_pretty(&set).unwrap_or_default()
}

/// The JSON Schema of one digest, as published in `docs/digest.schema.json` (several digests
/// come as a [`DigestSet`] whose `stories` are such digests).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Digest);
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}

/// Render one or several digests in `format`.
pub fn render(digests: &[Digest], format: Format) -> String {
    match (format, digests) {
        (Format::Markdown, [d]) => markdown(d),
        (Format::Markdown, ds) => markdown_many(ds),
        (Format::Json, [d]) => json(d),
        (Format::Json, ds) => json_many(ds),
        (Format::Html, [d]) => html(d),
        (Format::Html, ds) => html_many(ds),
    }
}
