//! Input formats. Each [`Format`] turns one input (a file's bytes or a stream) into raw
//! documents, reporting per-document problems without stopping.
//!
//! To add a format: implement [`Format`] in its own module and list it in [`FORMATS`]. The
//! first format whose [`Format::claims`] accepts a path (by extension) or, for stdin, whose
//! [`Format::sniff`] accepts the first bytes, reads it.

use std::io::BufRead;

use crosswire_model::RawDocument;

use crate::InputProblem;

mod feed;
mod html;
mod jsonl;
mod text;
mod warc;

pub use feed::Feed;
pub use html::Html;
pub use jsonl::Jsonl;
pub use text::PlainText;
pub use warc::Warc;

/// What a format reports for each document it reads.
pub type Emit<'a> = dyn FnMut(Result<RawDocument, InputProblem>) + 'a;

/// One input format.
pub trait Format: Sync {
    /// Short name, for messages.
    fn name(&self) -> &'static str;
    /// Whether a file name (lowercase, `.gz` already stripped) belongs to this format.
    fn claims(&self, lower_name: &str) -> bool;
    /// Whether the first bytes of an unnamed input (stdin) look like this format.
    fn sniff(&self, head: &[u8]) -> bool;
    /// Read every document of one input. `origin` names the input in messages; `stem` is the
    /// file stem, used as the id of single-document inputs.
    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>);
}

/// Every known format, most specific first; plain text is the fallback.
pub static FORMATS: &[&dyn Format] = &[&Warc, &Feed, &Html, &Jsonl, &PlainText];

/// The format for a file name, if any claims it.
pub fn for_name(name: &str) -> Option<&'static dyn Format> {
    let lower = name.to_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    FORMATS.iter().copied().find(|f| f.claims(lower))
}

/// The format for unnamed input, by its first bytes (plain text if none recognizes it).
pub fn for_head(head: &[u8]) -> &'static dyn Format {
    FORMATS
        .iter()
        .copied()
        .find(|f| f.sniff(head))
        .unwrap_or(&PlainText)
}
