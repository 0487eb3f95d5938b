//! Text-level boilerplate removal.
//!
//! Input: documents whose text some extractor already produced, one block (paragraph or
//! visible line) per line. Output: for each document a [`Cleaned`]: the blocks kept as article
//! content, and every removed block with the reason it was removed ([`Removal`]).
//!
//! The principal type is [`Cleaner`], a trait so that cleaning strategies can be swapped and
//! compared; [`default_cleaner`] returns the best one. Cleaning works on a *batch* of documents
//! given together because repetition across documents (the same promo on every page of an
//! outlet) is evidence of boilerplate.

use crosswire_model::Removal;

/// One document to clean: its blocks in reading order (empty lines already dropped or not;
/// cleaners must tolerate both). `title` helps recognise repeated title lines.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    pub title: Option<&'a str>,
    pub blocks: &'a [String],
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Blocks kept as content, in order.
    pub kept: Vec<String>,
    /// Blocks removed, in order, each with its reason.
    pub removed: Vec<Removal>,
}

/// A boilerplate-removal strategy over a batch of documents.
pub trait Cleaner: Send + Sync {
    /// Clean every document of the batch; the result has one entry per input, same order.
    fn clean_batch(&self, docs: &[Document<'_>]) -> Vec<Cleaned>;
}

/// Keeps every non-empty block: the "return everything" baseline.
#[derive(Debug, Default, Clone, Copy)]
pub struct KeepAll;

impl Cleaner for KeepAll {
    fn clean_batch(&self, docs: &[Document<'_>]) -> Vec<Cleaned> {
        docs.iter()
            .map(|d| Cleaned {
                kept: d
                    .blocks
                    .iter()
                    .filter(|b| !b.trim().is_empty())
                    .map(|b| b.trim().to_string())
                    .collect(),
                removed: Vec::new(),
            })
            .collect()
    }
}

/// The best cleaner available.
pub fn default_cleaner() -> Box<dyn Cleaner> {
    Box::new(KeepAll)
}
