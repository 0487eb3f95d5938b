//! Citations: which documents carry the information of a sentence.
//!
//! A document supports a selected sentence when one of its sentences restates it: it
//! covers most of the sentence's content words (`SUPPORT_TERMS`), a good share of its word
//! bigrams (`SUPPORT_BIGRAMS`, so that the words stand in the same relations, not merely
//! on the same topic), and every number the sentence states (a different count or date is a
//! different claim).

use crate::hash::FxHashSet as HashSet;

use crate::Document;
use crate::compress::Compression;
use crate::prepare::{Cluster, Sentence};

/// Share of a sentence's distinct content words another sentence must contain.
const SUPPORT_TERMS: f64 = 0.6;
/// Share of a sentence's distinct bigrams (with at least one content word) another
/// sentence must contain.
const SUPPORT_BIGRAMS: f64 = 0.3;

/// What a sentence states, for comparing it with another: content words, bigrams, numbers.
struct Claim {
    terms: HashSet<u32>,
    bigrams: HashSet<(u32, u32)>,
    numbers: HashSet<u32>,
}

impl Claim {
    fn of(cluster: &Cluster, s: &Sentence) -> Claim {
        let content = |t: u32| cluster.is_content(t);
        Claim {
            terms: s.tokens.iter().copied().filter(|&t| content(t)).collect(),
            bigrams: s
                .tokens
                .windows(2)
                .filter(|w| content(w[0]) || content(w[1]))
                .map(|w| (w[0], w[1]))
                .collect(),
            numbers: s
                .tokens
                .iter()
                .copied()
                .filter(|&t| cluster.is_number(t))
                .collect(),
        }
    }

    /// Whether `other` restates this claim.
    fn restated_by(&self, other: &Sentence) -> bool {
        if self.terms.is_empty() {
            return false;
        }
        let mut tokens = other.tokens.clone();
        tokens.sort_unstable();
        let has = |t: &u32| tokens.binary_search(t).is_ok();
        let terms = self.terms.iter().filter(|t| has(t)).count();
        if (terms as f64) < SUPPORT_TERMS * self.terms.len() as f64 {
            return false;
        }
        if !self.numbers.iter().all(has) {
            return false;
        }
        let pairs: HashSet<(u32, u32)> = other.tokens.windows(2).map(|w| (w[0], w[1])).collect();
        let shared = self.bigrams.iter().filter(|b| pairs.contains(b)).count();
        shared as f64 >= SUPPORT_BIGRAMS * self.bigrams.len() as f64
    }
}

/// Documents supporting sentence `i` of the cluster, its own document first, then the
/// others in order.
pub(crate) fn supporting(cluster: &Cluster, i: usize) -> Vec<usize> {
    let own = &cluster.sentences[i];
    let claim = Claim::of(cluster, own);
    let mut out = vec![own.document];
    for (k, s) in cluster.sentences.iter().enumerate() {
        // Variants say no more than their sentence as written.
        if out.contains(&s.document) || !cluster.is_base(k) {
            continue;
        }
        if claim.restated_by(s) {
            out.push(s.document);
        }
    }
    out[1..].sort_unstable();
    out
}

/// Documents (indices) with a sentence restating `sentence` (see the module notes); `own`
/// first. For a sentence that is not from `docs` itself, pass the document it came from.
pub fn supporting_documents(sentence: &str, own: usize, docs: &[Document<'_>]) -> Vec<usize> {
    let extra = [sentence.to_string()];
    let mut all: Vec<Document<'_>> = docs.to_vec();
    all.push(Document { paragraphs: &extra });
    let cluster = Cluster::new(&all, Compression::NONE);
    let Some(i) = cluster
        .sentences
        .iter()
        .rposition(|s| s.document == docs.len())
    else {
        return vec![own];
    };
    let mut out = vec![own];
    out.extend(
        supporting(&cluster, i)
            .into_iter()
            .filter(|&d| d != own && d < docs.len()),
    );
    out
}
