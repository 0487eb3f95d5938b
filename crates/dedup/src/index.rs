//! [`Index`]: an incremental LSH index of sketches that finds an article's exact or near
//! copy in time independent of how many articles it holds.
//!
//! Each signature is cut into [`BANDS`] bands of [`ROWS`] values; two texts become
//! candidates when any band agrees. With two rows per band, a pair of Jaccard 0.3 is a
//! candidate with probability 1-(1-0.09)^32 ≈ 0.95, a pair of Jaccard 0.02 (unrelated texts)
//! with about 0.013. Candidates are then judged by [`Sketch::compare`]; exact copies are
//! found through a content-hash map.
//!
//! Memory is bounded by an optional capacity: past it, the oldest entries are forgotten
//! (copies of a story are published within days, so a window of recent articles suffices;
//! older articles are found by the store: exact copies through its content-hash key, near
//! copies through its on-disk table of [`band_keys`]).

use std::collections::VecDeque;
use std::collections::hash_map::Entry;

use crosswire_model::CopyKind;

use crate::fingerprint::{Sketch, rank};
use crate::hashing::U64Map;
use crate::minhash::NUM_HASHES;
use crate::shingle::mix64;

/// Signature values per band.
pub const ROWS: usize = 2;
/// Bands per signature.
pub const BANDS: usize = NUM_HASHES / ROWS;

/// The keys in one LSH bucket. Most buckets hold one key; keeping it inline saves an
/// allocation per band per article (the index's main memory cost).
#[derive(Debug, Clone)]
enum Bucket {
    One(u64),
    Many(Vec<u64>),
}

/// A copy found in the index.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Match {
    pub key: u64,
    pub kind: CopyKind,
    pub similarity: f64,
}

/// Incremental LSH index from caller-chosen keys (e.g. store row ids) to sketches.
#[derive(Debug, Default)]
pub struct Index {
    capacity: Option<usize>,
    /// Each key's sketch and insertion number.
    sketches: U64Map<(Sketch, u64)>,
    /// Insertion order, (key, insertion number); stale pairs are skipped on eviction.
    order: VecDeque<(u64, u64)>,
    inserted: u64,
    buckets: U64Map<Bucket>,
    exact: U64Map<u64>,
}

impl Index {
    /// An unbounded index.
    pub fn new() -> Index {
        Index::default()
    }

    /// An index that keeps only the `capacity` most recently inserted sketches.
    pub fn with_capacity(capacity: usize) -> Index {
        Index {
            capacity: Some(capacity.max(1)),
            ..Index::default()
        }
    }

    pub fn len(&self) -> usize {
        self.sketches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sketches.is_empty()
    }

    /// Keys sharing a band with `sketch` (or its content hash), without judging them.
    pub fn candidates(&self, sketch: &Sketch) -> Vec<u64> {
        let mut out: Vec<u64> = Vec::new();
        if let Some(&k) = self.exact.get(&sketch.content_hash) {
            out.push(k);
        }
        if sketch.shingle_count > 0 {
            for key in band_keys(sketch) {
                match self.buckets.get(&key) {
                    Some(Bucket::One(k)) => out.push(*k),
                    Some(Bucket::Many(keys)) => out.extend_from_slice(keys),
                    None => {}
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The best copy of `sketch` in the index: exact over near over syndicated, then the
    /// most similar, then the oldest key.
    pub fn find(&self, sketch: &Sketch) -> Option<Match> {
        let mut best: Option<Match> = None;
        for key in self.candidates(sketch) {
            let Some((other, _)) = self.sketches.get(&key) else {
                continue;
            };
            if let Some((kind, similarity)) = sketch.compare(other) {
                let better =
                    best.is_none_or(|b| (rank(kind), similarity) > (rank(b.kind), b.similarity));
                if better {
                    best = Some(Match {
                        key,
                        kind,
                        similarity,
                    });
                }
            }
        }
        best
    }

    /// Add (or replace) the sketch stored under `key`, forgetting the oldest entry when over
    /// capacity.
    pub fn insert(&mut self, key: u64, sketch: Sketch) {
        self.remove(key);
        if sketch.shingle_count > 0 {
            for band in band_keys(&sketch) {
                match self.buckets.entry(band) {
                    Entry::Vacant(v) => {
                        v.insert(Bucket::One(key));
                    }
                    Entry::Occupied(mut o) => {
                        let bucket = o.get_mut();
                        match bucket {
                            Bucket::One(k) => *bucket = Bucket::Many(vec![*k, key]),
                            Bucket::Many(keys) => keys.push(key),
                        }
                    }
                }
            }
            self.exact.entry(sketch.content_hash).or_insert(key);
        }
        self.inserted += 1;
        self.sketches.insert(key, (sketch, self.inserted));
        self.order.push_back((key, self.inserted));
        if let Some(cap) = self.capacity {
            while self.sketches.len() > cap {
                match self.order.pop_front() {
                    Some((old, n)) if self.sketches.get(&old).is_some_and(|e| e.1 == n) => {
                        self.remove(old)
                    }
                    Some(_) => {}
                    None => break,
                }
            }
        }
    }

    /// Forget `key` (no-op when absent).
    pub fn remove(&mut self, key: u64) {
        let Some((sketch, _)) = self.sketches.remove(&key) else {
            return;
        };
        for band in band_keys(&sketch) {
            let now_empty = match self.buckets.get_mut(&band) {
                Some(Bucket::One(k)) => *k == key,
                Some(Bucket::Many(keys)) => {
                    keys.retain(|&k| k != key);
                    keys.is_empty()
                }
                None => false,
            };
            if now_empty {
                self.buckets.remove(&band);
            }
        }
        if self.exact.get(&sketch.content_hash) == Some(&key) {
            self.exact.remove(&sketch.content_hash);
        }
        // `order` may still name the key; eviction skips stale pairs, and they are swept
        // when they outnumber live ones.
        if self.order.len() > 2 * self.sketches.len() + 16 {
            let sketches = &self.sketches;
            self.order
                .retain(|(k, n)| sketches.get(k).is_some_and(|e| e.1 == *n));
        }
    }
}

/// The LSH bucket keys of a sketch: one per band, mixing the band number in so that equal
/// values in different bands do not collide.
pub fn band_keys(sketch: &Sketch) -> impl Iterator<Item = u64> + '_ {
    sketch
        .signature
        .0
        .chunks_exact(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            rows.iter()
                .fold(mix64(band as u64 + 1), |h, &v| mix64(h ^ u64::from(v)))
        })
}
