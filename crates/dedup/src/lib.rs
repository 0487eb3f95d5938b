//! De-duplication: exact, near-duplicate and syndicated copies among articles.
//!
//! ```text
//! body ──normalized_words──▶ 4-word shingles ──▶ Fingerprint { shingles, Sketch { content hash,
//!      shingle count, MinHash Signature } } ──▶ compare: Exact | Near | Syndicated | none
//! ```
//!
//! * [`find_duplicates`] groups the articles of one batch (a digest's inputs): exact shingle
//!   sets are compared, and each group keeps one representative.
//! * [`Index`] is the incremental form for a stream: LSH buckets over MinHash
//!   [`Signature`]s find an article's copy among those already seen in time independent of
//!   their number, judging candidates from [`Sketch`]es alone (which the store persists,
//!   with the first bands' keys of every article, so that copies older than an in-memory
//!   window are found on disk).
//!
//! Kinds (see [`fingerprint`] for the thresholds): *exact* = same normalized text; *near* =
//! shingle Jaccard ≥ 0.5 (small edits, lines added or dropped); *syndicated* = a third or
//! more of the shorter text's shingles appear verbatim in the longer (one wire story in
//! several outlets, cut, extended or re-edited).

pub mod fingerprint;
pub mod hashing;
pub mod index;
pub mod minhash;
pub mod shingle;

use crosswire_model::{Article, Copy, DuplicateGroup};

pub use fingerprint::{Fingerprint, Sketch};
pub use index::{Index, Match};
pub use minhash::Signature;

/// Up to this many representatives are compared with each article directly; past it, only
/// the LSH candidates are.
const DIRECT_COMPARISONS: usize = 256;

/// The text dedup fingerprints for an article: its cleaned body, or its title when
/// cleaning left no body (a one-paragraph wire brief).
pub fn article_text(article: &Article) -> String {
    if article.paragraphs.iter().all(|p| p.trim().is_empty()) {
        article.meta.title.clone()
    } else {
        article.paragraphs.join("\n")
    }
}

/// Group articles whose bodies are copies of one another.
///
/// The representative of a group is its *fullest* version (most distinct shingles), ties
/// going to the earliest published, then to input order: the fullest copy carries every
/// fact the others do, so a digest built from representatives loses nothing. Articles are
/// visited fullest first and each joins the best-matching existing representative (exact
/// over near over syndicated, then most similar), so copies are always judged against the
/// version that is kept, never chained through a third text.
pub fn find_duplicates(articles: &[Article]) -> Vec<DuplicateGroup> {
    let prints: Vec<Fingerprint> = articles
        .iter()
        .map(|a| Fingerprint::of(&article_text(a)))
        .collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by(|&a, &b| {
        prints[b]
            .shingles
            .len()
            .cmp(&prints[a].shingles.len())
            .then_with(|| {
                let da = articles[a].meta.published.unwrap_or(chrono_max());
                let db = articles[b].meta.published.unwrap_or(chrono_max());
                da.cmp(&db)
            })
            .then(a.cmp(&b))
    });

    let mut reps: Vec<usize> = Vec::new();
    let mut rep_index = Index::new();
    let mut copies: Vec<Vec<(usize, Copy)>> = Vec::new();
    for &i in &order {
        if prints[i].shingles.is_empty() {
            continue;
        }
        let candidates: Vec<usize> = if reps.len() <= DIRECT_COMPARISONS {
            (0..reps.len()).collect()
        } else {
            rep_index
                .candidates(&prints[i].sketch)
                .into_iter()
                .map(|k| k as usize)
                .collect()
        };
        let mut best: Option<(usize, Copy)> = None;
        for g in candidates {
            let Some((kind, similarity)) = prints[i].compare(&prints[reps[g]]) else {
                continue;
            };
            let better = best.as_ref().is_none_or(|(_, b)| {
                (fingerprint::rank(kind), similarity) > (fingerprint::rank(b.kind), b.similarity)
            });
            if better {
                let copy = Copy {
                    id: articles[i].id.clone(),
                    similarity: (similarity * 1000.0).round() / 1000.0,
                    kind,
                };
                best = Some((g, copy));
            }
        }
        match best {
            Some((g, copy)) => copies[g].push((i, copy)),
            None => {
                rep_index.insert(reps.len() as u64, prints[i].sketch.clone());
                reps.push(i);
                copies.push(Vec::new());
            }
        }
    }

    let mut groups: Vec<(usize, DuplicateGroup)> = reps
        .into_iter()
        .zip(copies)
        .filter(|(_, c)| !c.is_empty())
        .map(|(r, mut c)| {
            c.sort_by_key(|(i, _)| *i);
            let group = DuplicateGroup {
                representative: articles[r].id.clone(),
                copies: c.into_iter().map(|(_, copy)| copy).collect(),
            };
            (r, group)
        })
        .collect();
    groups.sort_by_key(|(r, _)| *r);
    groups.into_iter().map(|(_, g)| g).collect()
}

fn chrono_max() -> chrono::NaiveDate {
    chrono::NaiveDate::MAX
}

#[cfg(test)]
mod tests;
