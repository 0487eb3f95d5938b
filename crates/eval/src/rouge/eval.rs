//! One ROUGE "eval": a peer (system) summary against the model (reference) summaries of
//! the same input, as `computeNGramScore` and `computeLCSScore` compute it.

use std::collections::HashMap;

use super::bootstrap::round5;
use super::{ModelMode, Prepared, Prf};

/// `ngramScore` + the `-f A|B` collection of `computeNGramScore`: ROUGE-N of `peer` against
/// `models`, with n-gram counts clipped per model.
pub(crate) fn ngram_score(
    peer: &Prepared,
    models: &[Prepared],
    n: usize,
    mode: ModelMode,
    alpha: f64,
) -> Prf {
    let (peer_grams, peer_count) = ngram_counts(&peer.tokens, n);
    let mut totals = ModelTotals::new(mode);
    for model in models {
        let (model_grams, model_count) = ngram_counts(&model.tokens, n);
        let hit: u64 = model_grams
            .iter()
            .filter_map(|(gram, &m)| peer_grams.get(gram).map(|&p| p.min(m)))
            .sum();
        let this = Totals {
            hit,
            model_count,
            peer_count,
        };
        // `sprintf("%07.5f", hit/count)`, compared numerically.
        totals.add(this, round5(this.recall()));
    }
    totals.total.prf(alpha)
}

/// `computeLCSScore`: ROUGE-L as the union LCS of each model sentence against every peer
/// sentence, clipped by the unigram counts of peer and model.
pub(crate) fn lcs_score(peer: &Prepared, models: &[Prepared], mode: ModelMode, alpha: f64) -> Prf {
    let (peer_unigrams, peer_count) = unigram_counts(&peer.tokens);
    let mut totals = ModelTotals::new(mode);
    let mut scratch = LcsScratch::default();
    for model in models {
        let (mut model_unigrams, _) = unigram_counts(&model.tokens);
        let mut peer_left = peer_unigrams.clone();
        let mut hit = 0u64;
        let mut base = 0u64;
        for unit in &model.units {
            let mut mask = vec![false; unit.len()];
            base += unit.len() as u64;
            if !unit.is_empty() {
                for peer_unit in &peer.units {
                    scratch.mark(unit, peer_unit, &mut mask);
                }
            }
            for (token, _) in unit.iter().zip(&mask).filter(|(_, hit)| **hit) {
                let (Some(m), Some(p)) = (model_unigrams.get_mut(token), peer_left.get_mut(token))
                else {
                    continue;
                };
                if *m > 0 && *p > 0 {
                    hit += 1;
                    *m -= 1;
                    *p -= 1;
                }
            }
        }
        let this = Totals {
            hit,
            model_count: base,
            peer_count,
        };
        // Unlike ROUGE-N, `lcs` compares the unrounded hit/base.
        totals.add(this, this.recall());
    }
    totals.total.prf(alpha)
}

/// The totals of an eval over its models: summed (`-f A`), or those of the model with the
/// best score (`-f B`; the first best wins).
struct ModelTotals {
    mode: ModelMode,
    total: Totals,
    best: f64,
}

impl ModelTotals {
    fn new(mode: ModelMode) -> Self {
        ModelTotals {
            mode,
            total: Totals::default(),
            best: -1.0,
        }
    }

    fn add(&mut self, this: Totals, score: f64) {
        match self.mode {
            ModelMode::Average => self.total.add(&this),
            ModelMode::Best if score > self.best => {
                self.best = score;
                self.total = this;
            }
            ModelMode::Best => {}
        }
    }
}

/// Hits and counts collected over the models of an eval.
#[derive(Clone, Copy, Debug, Default)]
struct Totals {
    hit: u64,
    model_count: u64,
    peer_count: u64,
}

impl Totals {
    /// hit / model count, 0 for an empty model.
    fn recall(&self) -> f64 {
        if self.model_count > 0 {
            self.hit as f64 / self.model_count as f64
        } else {
            0.0
        }
    }

    fn add(&mut self, other: &Totals) {
        self.hit += other.hit;
        self.model_count += other.model_count;
        self.peer_count += other.peer_count;
    }

    /// R and P rounded to 5 decimals, then F from the rounded values (and rounded), as ROUGE
    /// does with its `sprintf("%7.5f")` strings.
    fn prf(&self, alpha: f64) -> Prf {
        let ratio = |den: u64| {
            if den > 0 {
                round5(self.hit as f64 / den as f64)
            } else {
                0.0
            }
        };
        let recall = ratio(self.model_count);
        let precision = ratio(self.peer_count);
        let den = (1.0 - alpha) * precision + alpha * recall;
        let f = if den > 0.0 {
            round5(precision * recall / den)
        } else {
            0.0
        };
        Prf {
            recall,
            precision,
            f,
        }
    }
}

/// `createNGram`: n-gram multiset and the number of n-grams.
fn ngram_counts(tokens: &[u32], n: usize) -> (HashMap<&[u32], u64>, u64) {
    let mut grams: HashMap<&[u32], u64> = HashMap::new();
    if n == 0 || tokens.len() < n {
        return (grams, 0);
    }
    for gram in tokens.windows(n) {
        *grams.entry(gram).or_default() += 1;
    }
    (grams, (tokens.len() - n + 1) as u64)
}

fn unigram_counts(tokens: &[u32]) -> (HashMap<u32, u64>, u64) {
    let mut counts: HashMap<u32, u64> = HashMap::new();
    for &t in tokens {
        *counts.entry(t).or_default() += 1;
    }
    (counts, tokens.len() as u64)
}

/// Reused DP tables for `lcs_inner`.
#[derive(Default)]
struct LcsScratch {
    length: Vec<u32>,
    /// 1 = diagonal (match), 2 = up, 3 = left.
    step: Vec<u8>,
}

impl LcsScratch {
    /// `lcs_inner`: one LCS of `model` and `peer` with ROUGE's tie-breaking (up before left),
    /// its model positions OR-ed into `mask`.
    fn mark(&mut self, model: &[u32], peer: &[u32], mask: &mut [bool]) {
        let (m, n) = (model.len(), peer.len());
        if m == 0 {
            return;
        }
        let width = n + 1;
        self.length.clear();
        self.length.resize((m + 1) * width, 0);
        self.step.clear();
        self.step.resize((m + 1) * width, 0);
        for i in 1..=m {
            for j in 1..=n {
                let here = i * width + j;
                if model[i - 1] == peer[j - 1] {
                    self.length[here] = self.length[here - width - 1] + 1;
                    self.step[here] = 1;
                } else if self.length[here - width] >= self.length[here - 1] {
                    self.length[here] = self.length[here - width];
                    self.step[here] = 2;
                } else {
                    self.length[here] = self.length[here - 1];
                    self.step[here] = 3;
                }
            }
        }
        let (mut i, mut j) = (m, n);
        while i != 0 && j != 0 {
            match self.step[i * width + j] {
                1 => {
                    i -= 1;
                    j -= 1;
                    mask[i] = true;
                }
                2 => i -= 1,
                _ => j -= 1,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_marks_one_subsequence() {
        let mut s = LcsScratch::default();
        let mut mask = vec![false; 4];
        // model: a b c d, peer: a c x d -> LCS a c d
        s.mark(&[1, 2, 3, 4], &[1, 3, 9, 4], &mut mask);
        assert_eq!(mask, vec![true, false, true, true]);
        // A second peer sentence adds to the union.
        s.mark(&[1, 2, 3, 4], &[2], &mut mask);
        assert_eq!(mask, vec![true, true, true, true]);
    }

    #[test]
    fn lcs_traceback_starts_from_the_end() {
        // model: a a, peer: a -> the traceback starts at the last cells and keeps the last "a".
        let mut s = LcsScratch::default();
        let mut mask = vec![false; 2];
        s.mark(&[7, 7], &[7], &mut mask);
        assert_eq!(mask, vec![false, true]);
    }

    #[test]
    fn ngram_windows() {
        let (g, c) = ngram_counts(&[1, 2, 1, 2], 2);
        assert_eq!(c, 3);
        assert_eq!(g[&[1u32, 2][..]], 2);
        assert_eq!(ngram_counts(&[1], 2).1, 0);
    }
}
