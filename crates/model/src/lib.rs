//! The types that flow one way through the crosswire pipeline.
//!
//! ```text
//! input bytes ──ingest──▶ RawDocument ──clean──▶ Article ──dedup/cluster──▶ Story ──summarize/facts──▶ Digest
//! ```
//!
//! * [`RawDocument`]: one decoded input document (a text file, a JSONL line, a WARC record, a
//!   feed item) with whatever metadata its container gave; its `text` is still raw.
//! * [`Article`]: a document after metadata extraction and boilerplate removal: clean
//!   paragraphs plus [`Metadata`] and a record of what was removed and why.
//! * [`Story`]: the articles about one event, with their [`DuplicateGroup`]s.
//! * [`Digest`]: what a reader gets: headline, cited summary, sources table, duplicates,
//!   facts and timeline. Its JSON form is the documented output of `crosswire digest`.
//!
//! Every stage crate consumes and produces these types, so each can be used alone.

mod article;
mod digest;
pub mod facts;
mod raw;
mod story;

pub use article::{Article, CleanStats, Metadata, Removal};
pub use digest::{DIGEST_SCHEMA_VERSION, Digest, DigestSet, SourceRow, SummarySentence};
pub use raw::{RawDocument, SourceKind};
pub use story::{Copy, CopyKind, DuplicateGroup, Story};
