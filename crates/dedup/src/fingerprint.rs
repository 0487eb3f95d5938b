//! What dedup knows about one text, and how two texts are judged copies of each other.

use crosswire_model::CopyKind;

use crate::minhash::Signature;
use crate::shingle::{content_hash, intersection_size, shingles, word_hashes};

/// Jaccard similarity of shingle sets from which two texts count as near-duplicates: the
/// same article with small edits, added or dropped lines.
pub const NEAR_JACCARD: f64 = 0.5;

/// Share of the shorter text's shingles found in the longer one from which the shorter is a
/// syndicated copy: one wire story carried by two outlets, one of them cutting, adding
/// paragraphs or rewording more than a near-duplicate would. A third of the shingles means
/// long verbatim runs (four-word shingles almost never repeat between independent reports
/// of one event: those share names and facts, not sentences).
pub const SYNDICATED_CONTAINMENT: f64 = 0.33;

/// Fewest shingles the shorter text needs for containment to count: a one-line text
/// contained in a long one is a quote, not a copy.
pub const MIN_SYNDICATED_SHINGLES: usize = 25;

/// The compact, persistable part of a fingerprint: enough for [`crate::Index`] to find and
/// judge copies without the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sketch {
    /// Hash of the whole normalized text (exact copies).
    pub content_hash: u64,
    /// Number of distinct shingles (turns a Jaccard estimate into a containment estimate).
    pub shingle_count: u32,
    pub signature: Signature,
}

/// A text's exact shingle set plus its [`Sketch`].
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub shingles: Vec<u64>,
    pub sketch: Sketch,
}

impl Fingerprint {
    pub fn of(text: &str) -> Fingerprint {
        let words = word_hashes(text);
        let shingles = shingles(&words);
        let sketch = Sketch {
            content_hash: content_hash(&words),
            shingle_count: u32::try_from(shingles.len()).unwrap_or(u32::MAX),
            signature: Signature::of(&shingles),
        };
        Fingerprint { shingles, sketch }
    }

    /// Exact comparison of two fingerprints: `(kind, Jaccard)` when `self` and `other` are
    /// copies.
    pub fn compare(&self, other: &Fingerprint) -> Option<(CopyKind, f64)> {
        if self.shingles.is_empty() || other.shingles.is_empty() {
            return None;
        }
        if self.sketch.content_hash == other.sketch.content_hash {
            return Some((CopyKind::Exact, 1.0));
        }
        let common = intersection_size(&self.shingles, &other.shingles) as f64;
        let (a, b) = (self.shingles.len() as f64, other.shingles.len() as f64);
        let jaccard = common / (a + b - common);
        classify(jaccard, common, a.min(b))
    }
}

impl Sketch {
    /// Comparison from sketches alone: Jaccard estimated by MinHash, the common shingle
    /// count derived from it and the two set sizes (|A∩B| = J·(|A|+|B|)/(1+J)).
    pub fn compare(&self, other: &Sketch) -> Option<(CopyKind, f64)> {
        if self.shingle_count == 0 || other.shingle_count == 0 {
            return None;
        }
        if self.content_hash == other.content_hash {
            return Some((CopyKind::Exact, 1.0));
        }
        let jaccard = self.signature.jaccard(&other.signature);
        let (a, b) = (
            f64::from(self.shingle_count),
            f64::from(other.shingle_count),
        );
        let common = jaccard * (a + b) / (1.0 + jaccard);
        classify(jaccard, common, a.min(b))
    }
}

fn classify(jaccard: f64, common: f64, shorter: f64) -> Option<(CopyKind, f64)> {
    if jaccard >= NEAR_JACCARD {
        Some((CopyKind::Near, jaccard))
    } else if shorter >= MIN_SYNDICATED_SHINGLES as f64
        && common / shorter >= SYNDICATED_CONTAINMENT
    {
        Some((CopyKind::Syndicated, jaccard))
    } else {
        None
    }
}

/// Order of preference between matches: exact over near over syndicated, then by similarity.
pub fn rank(kind: CopyKind) -> u8 {
    match kind {
        CopyKind::Exact => 3,
        CopyKind::Near => 2,
        CopyKind::Syndicated => 1,
    }
}
