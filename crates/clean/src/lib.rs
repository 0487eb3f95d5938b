//! Text-level boilerplate removal.
//!
//! Input: documents whose text some extractor already produced, one block (paragraph or
//! visible line) per line. Output: for each document a [`Cleaned`]: the blocks kept as article
//! content, and every removed block with the reason it was removed ([`Removal`]).
//!
//! The principal type is [`Cleaner`], a trait so that cleaning strategies can be swapped and
//! compared; [`default_cleaner`] returns the best one, [`LineModelCleaner`]. Cleaning works on a
//! *batch* of documents given together because repetition across documents (the same promo on
//! every page of an outlet) is evidence of boilerplate.
//!
//! How [`LineModelCleaner`] decides, block by block (after [`language`] has checked that the
//! page is in English, the language of its evidence; other pages are kept whole):
//! 0. [`pieces`]: a long run of prose on one line (an article whose paragraph breaks were
//!    lost) is cut at sentence ends into paragraph-sized pieces, each judged as a line.
//! 1. [`features`]: each non-empty line gets evidence about itself (is it a sentence: length,
//!    stopwords, punctuation; calls to action; share/subscribe/comment/donation/cookie/login
//!    vocabulary from [`lexicon`]; dates, bylines, list markers, captchas) and about its place in
//!    the page (inside or outside the densest run of prose, its neighbours, repetition within the
//!    page and across the batch, echo of the title line).
//! 2. [`model`]: boosted decision trees turn the features into a content probability.
//! 3. [`sequence`]: the probabilities are smoothed along the page (content is contiguous; a short
//!    subheading between kept paragraphs is kept), unmistakable furniture (captchas, vote
//!    counters, comment-form prompts, wire-desk notes from [`desk`]) is dropped, and a reader-comment section after the body is
//!    cut.
//! 4. [`reason`]: every removed block gets a short machine-readable reason for `--explain`.
//!
//! The trees in `model_data.rs` are generated: `bench/train_textclean.py` fits them on per-line
//! features dumped by `examples/dump_features.rs` (so training and run time share this crate's
//! feature code) and reports page-level cross-validated scores; `examples/apply_probs.rs` runs
//! the sequence pass on out-of-fold probabilities to score the whole cleaner honestly. Change a
//! feature and the model must be refit (the script's docstring has the commands).

use crosswire_model::Removal;

pub mod desk;
pub mod features;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod pieces;
#[rustfmt::skip]
mod model_data;
pub mod reason;
pub mod sequence;

pub use features::{FEATURE_COUNT, FEATURE_NAMES, Features};

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
    /// Blocks kept as content, in order (a block cut into [`pieces`] is kept piece by
    /// piece).
    pub kept: Vec<String>,
    /// Blocks removed, in order, each with its reason.
    pub removed: Vec<Removal>,
}

/// A boilerplate-removal strategy over a batch of documents.
pub trait Cleaner: Send + Sync {
    /// Clean every document of the batch; the result has one entry per input, same order.
    fn clean_batch(&self, docs: &[Document<'_>]) -> Vec<Cleaned>;
}

/// The non-empty lines of every document of a batch with their features: one pass shared by
/// the cleaner and the training dump, so both see exactly the same features.
fn batch_pages<'a>(docs: &[Document<'a>]) -> Vec<(Vec<features::PageLine<'a>>, Vec<Features>)> {
    let pages: Vec<Vec<features::PageLine<'a>>> = docs
        .iter()
        .map(|d| features::page_lines(d.blocks))
        .collect();
    let counts = features::batch_key_counts(&pages);
    pages
        .into_iter()
        .map(|lines| {
            let feats = features::page_features(&lines, &counts);
            (lines, feats)
        })
        .collect()
}

/// Per-line feature vectors for a batch: for each document, `(block index, trimmed text,
/// features)` of every non-empty block. Used by the training dump.
pub fn batch_features<'a>(docs: &[Document<'a>]) -> Vec<Vec<(usize, &'a str, Features)>> {
    batch_pages(docs)
        .into_iter()
        .map(|(lines, feats)| {
            lines
                .iter()
                .zip(feats)
                .map(|(l, f)| (l.block, l.text, f))
                .collect()
        })
        .collect()
}

/// The line-model cleaner: features → boosted trees → sequence smoothing → reasons.
#[derive(Debug, Clone, Copy)]
pub struct LineModelCleaner {
    /// Content probability at or above which a line is kept before smoothing.
    pub threshold: f32,
    /// Which sequence rules run (all by default).
    pub rules: sequence::Rules,
}

impl Default for LineModelCleaner {
    fn default() -> Self {
        LineModelCleaner {
            threshold: crate::model_data::THRESHOLD,
            rules: sequence::Rules::default(),
        }
    }
}

impl LineModelCleaner {
    /// Clean with content probabilities supplied from outside instead of the built-in model:
    /// `probs(doc index, block index)`, `None` to use the model. This is how the training script
    /// scores the whole pipeline on out-of-fold probabilities (honest cross-validation).
    pub fn clean_batch_with(
        &self,
        docs: &[Document<'_>],
        probs: Option<&dyn Fn(usize, usize) -> f32>,
    ) -> Vec<Cleaned> {
        // The model learned from pages whose first line is their title (position and title
        // echo are features). A caller that took the title out gives it back here as a first
        // line the features see and the output leaves out.
        let titled: Vec<Option<Vec<String>>> = docs
            .iter()
            .map(|d| {
                let title = d.title.map(str::trim).filter(|t| !t.is_empty())?;
                let first = d.blocks.iter().map(|b| b.trim()).find(|b| !b.is_empty());
                (first != Some(title)).then(|| {
                    std::iter::once(title.to_string())
                        .chain(d.blocks.iter().cloned())
                        .collect()
                })
            })
            .collect();
        let seen: Vec<Document<'_>> = docs
            .iter()
            .zip(&titled)
            .map(|(d, t)| Document {
                title: d.title,
                blocks: t.as_deref().unwrap_or(d.blocks),
            })
            .collect();
        batch_pages(&seen)
            .iter()
            .zip(&seen)
            .zip(&titled)
            .enumerate()
            .map(|(doc_index, (((lines, feats), doc), titled))| {
                // Lines of the caller's blocks (the given title line is not one of them).
                let skip = usize::from(titled.is_some());
                if !language::model_reads(lines) {
                    // The model's evidence is English: keep what it cannot read.
                    return Cleaned {
                        kept: lines
                            .iter()
                            .skip(skip)
                            .map(|l| l.text.to_string())
                            .collect(),
                        removed: Vec::new(),
                    };
                }
                let probs: Vec<f32> = match probs {
                    Some(given) => lines
                        .iter()
                        .map(|l| given(doc_index, l.block.saturating_sub(skip)))
                        .collect(),
                    None => {
                        let words: Vec<usize> = lines.iter().map(|l| l.stats.words).collect();
                        model::page_probabilities(feats, &words)
                    }
                };
                let decisions =
                    sequence::decide(lines, feats, &probs, self.threshold, doc.title, &self.rules);
                let mut cleaned = Cleaned::default();
                for (line, decision) in lines.iter().zip(decisions).skip(skip) {
                    match decision {
                        None => cleaned.kept.push(line.text.to_string()),
                        Some(reason) => cleaned.removed.push(Removal {
                            text: line.text.to_string(),
                            reason: reason.as_str().to_string(),
                        }),
                    }
                }
                cleaned
            })
            .collect()
    }
}

impl Cleaner for LineModelCleaner {
    fn clean_batch(&self, docs: &[Document<'_>]) -> Vec<Cleaned> {
        self.clean_batch_with(docs, None)
    }
}

/// The best cleaner available.
pub fn default_cleaner() -> Box<dyn Cleaner> {
    Box::new(LineModelCleaner::default())
}
