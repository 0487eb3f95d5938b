//! Citations: which documents carry the information of a sentence.
//!
//! A document supports a selected sentence when one of its sentences restates it: it
//! covers most of the sentence's content words (`SUPPORT_TERMS`), a good share of its word
//! bigrams (`SUPPORT_BIGRAMS`, so that the words stand in the same relations, not merely
//! on the same topic), and every number the sentence states (a different count or date is a
//! different claim).
//!
//! A sentence that fuses two statements ("…150,000 people have fled, the UN says, while
//! more than 120 civilians have been killed") is often carried by another outlet as two
//! sentences in a row; such a pair supports it when the two together pass the same test
//! by a stricter test (`PAIR_TERMS`, `PAIR_BIGRAMS`: two sentences hold more words, so
//! topic overlap passes the single-sentence bar more easily) and each of them carries a
//! real part of it (`PAIR_SHARE`).

use crate::hash::FxHashSet as HashSet;

use crate::Document;
use crate::compress::Compression;
use crate::prepare::{Cluster, Sentence};

/// Share of a sentence's distinct content words another sentence must contain.
const SUPPORT_TERMS: f64 = 0.6;
/// Share of a sentence's distinct bigrams (with at least one content word) another
/// sentence must contain.
const SUPPORT_BIGRAMS: f64 = 0.3;

/// The bars for a pair of sentences in a row.
const PAIR_TERMS: f64 = 0.85;
const PAIR_BIGRAMS: f64 = 0.5;
/// Least share of a sentence's content words each sentence of a supporting pair must
/// contain on its own: a pair is two halves of a restatement, not one restatement and a
/// neighbour that happens to share a word.
const PAIR_SHARE: f64 = 0.25;

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

    /// Whether `passage` (one sentence, or two in a row of one document) restates this
    /// claim.
    fn restated_by(&self, passage: &[&Sentence]) -> bool {
        if self.terms.is_empty() || passage.is_empty() {
            return false;
        }
        let mut tokens: Vec<u32> = passage
            .iter()
            .flat_map(|s| s.tokens.iter().copied())
            .collect();
        tokens.sort_unstable();
        let has = |t: &u32| tokens.binary_search(t).is_ok();
        let (bar_terms, bar_bigrams) = if passage.len() > 1 {
            (PAIR_TERMS, PAIR_BIGRAMS)
        } else {
            (SUPPORT_TERMS, SUPPORT_BIGRAMS)
        };
        let terms = self.terms.iter().filter(|t| has(t)).count();
        if (terms as f64) < bar_terms * self.terms.len() as f64 {
            return false;
        }
        if !self.numbers.iter().all(has) {
            return false;
        }
        if passage.len() > 1
            && !passage
                .iter()
                .all(|s| self.share_of_terms_in(s) >= PAIR_SHARE)
        {
            return false;
        }
        let pairs: HashSet<(u32, u32)> = passage
            .iter()
            .flat_map(|s| s.tokens.windows(2).map(|w| (w[0], w[1])))
            .collect();
        let shared = self.bigrams.iter().filter(|b| pairs.contains(b)).count();
        shared as f64 >= bar_bigrams * self.bigrams.len() as f64
    }

    /// Share of the claim's content words that sentence `s` contains.
    fn share_of_terms_in(&self, s: &Sentence) -> f64 {
        let found = self.terms.iter().filter(|t| s.tokens.contains(t)).count();
        found as f64 / self.terms.len().max(1) as f64
    }
}

/// Documents supporting sentence `i` of the cluster, its own document first, then the
/// others in order.
pub(crate) fn supporting(cluster: &Cluster, i: usize) -> Vec<usize> {
    let own = &cluster.sentences[i];
    let claim = Claim::of(cluster, own);
    let mut out = vec![own.document];
    // Variants say no more than their sentence as written.
    let written: Vec<&Sentence> = (0..cluster.sentences.len())
        .filter(|&k| cluster.is_base(k))
        .map(|k| &cluster.sentences[k])
        .collect();
    for (k, s) in written.iter().enumerate() {
        if out.contains(&s.document) {
            continue;
        }
        let next = written
            .get(k + 1)
            .filter(|n| n.document == s.document && n.index == s.index + 1);
        let by_pair = || next.is_some_and(|n| claim.restated_by(&[s, n]));
        if claim.restated_by(&[s]) || by_pair() {
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
