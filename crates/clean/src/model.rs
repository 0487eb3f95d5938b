//! The line model: two stages of gradient-boosted decision trees, fit offline by
//! `bench/train_textclean.py` with page-level cross-validation and baked into
//! `model_data` (a private module) as constant arrays (no file or network at run time).
//!
//! Stage 1 scores each line from its [`Features`]. Stage 2 sees the same features plus
//! [`context_features`] of the stage-1 probabilities along the page (how sure the model is about
//! the neighbours, how much content mass lies before the line, how far the nearest confident
//! content line is), which is how it learns that content is contiguous.

// Sequence passes walk several parallel per-line arrays by index; that reads clearer here.
#![allow(clippy::needless_range_loop)]

use crate::features::{FEATURE_COUNT, Features};
use crate::model_data::{BASE_SCORE, BASE_SCORE2, TREES, TREES2};

/// One node of a regression tree; `feature < 0` marks a leaf holding `value`.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    pub feature: i16,
    pub threshold: f32,
    pub left: u16,
    pub right: u16,
    pub value: f32,
}

/// Number of context features added by stage 2.
pub const CONTEXT_COUNT: usize = 13;

/// Stage-2 input: line features followed by context features.
pub type StackedFeatures = [f32; FEATURE_COUNT + CONTEXT_COUNT];

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

fn eval_forest(base: f32, trees: &[&[Node]], f: &[f32]) -> f32 {
    base + trees.iter().map(|t| eval_tree(t, f)).sum::<f32>()
}

fn eval_tree(nodes: &[Node], f: &[f32]) -> f32 {
    let mut i = 0usize;
    // A tree is a few levels deep; the bound only guards against a malformed table.
    for _ in 0..64 {
        let Some(node) = nodes.get(i) else { return 0.0 };
        if node.feature < 0 {
            return node.value;
        }
        let x = f.get(node.feature as usize).copied().unwrap_or(0.0);
        i = if x <= node.threshold {
            node.left as usize
        } else {
            node.right as usize
        };
    }
    0.0
}

/// Stage-1 probability that a line is article content, from its own features.
pub fn line_probability(f: &Features) -> f32 {
    sigmoid(eval_forest(BASE_SCORE, TREES, f))
}

/// Context of each line in the sequence of stage-1 probabilities `p` (with `words` per line).
pub fn context_features(p: &[f32], words: &[usize]) -> Vec<[f32; CONTEXT_COUNT]> {
    let n = p.len();
    let w: Vec<f32> = words.iter().map(|&x| x as f32).collect();
    let total_mass: f32 = p.iter().zip(&w).map(|(a, b)| a * b).sum();
    let at = |j: isize| -> f32 {
        if j >= 0 && (j as usize) < n {
            p[j as usize]
        } else {
            -1.0
        }
    };
    let mut max_before = vec![0f32; n];
    for i in 1..n {
        max_before[i] = max_before[i - 1].max(p[i - 1]);
    }
    let mut max_after = vec![0f32; n];
    for i in (0..n.saturating_sub(1)).rev() {
        max_after[i] = max_after[i + 1].max(p[i + 1]);
    }
    let mut since = vec![20f32; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        since[i] = last.map_or(20.0, |j| ((i - j) as f32).min(20.0));
        if p[i] >= 0.5 {
            last = Some(i);
        }
    }
    let mut until = vec![20f32; n];
    last = None;
    for i in (0..n).rev() {
        until[i] = last.map_or(20.0, |j| ((j - i) as f32).min(20.0));
        if p[i] >= 0.5 {
            last = Some(i);
        }
    }
    let window_mean = |i: usize, r: usize| -> f32 {
        let lo = i.saturating_sub(r);
        let hi = (i + r).min(n - 1);
        let (mut s, mut c) = (0f32, 0f32);
        for j in lo..=hi {
            if j != i {
                s += p[j];
                c += 1.0;
            }
        }
        if c > 0.0 { s / c } else { -1.0 }
    };
    let mut out = Vec::with_capacity(n);
    let mut mass_before = 0f32;
    for i in 0..n {
        let ii = i as isize;
        let (mut ws, mut ww) = (0f32, 0f32);
        for j in i.saturating_sub(5)..=(i + 5).min(n - 1) {
            if j != i {
                ws += p[j] * w[j];
                ww += w[j];
            }
        }
        out.push([
            p[i],
            at(ii - 1),
            at(ii - 2),
            at(ii + 1),
            at(ii + 2),
            window_mean(i, 3),
            window_mean(i, 10),
            max_before[i],
            max_after[i],
            mass_before / total_mass.max(1.0),
            since[i],
            until[i],
            if ww > 0.0 { ws / ww } else { -1.0 },
        ]);
        mass_before += p[i] * w[i];
    }
    out
}

/// Stage-2 probabilities for a page: stage 1 on each line, then stage 2 on line + context.
pub fn page_probabilities(feats: &[Features], words: &[usize]) -> Vec<f32> {
    let p1: Vec<f32> = feats.iter().map(line_probability).collect();
    stacked_probabilities(feats, &p1, words)
}

/// Stage 2 given stage-1 probabilities (exposed so cross-validation can feed out-of-fold ones).
pub fn stacked_probabilities(feats: &[Features], p1: &[f32], words: &[usize]) -> Vec<f32> {
    if TREES2.is_empty() {
        return p1.to_vec();
    }
    let ctx = context_features(p1, words);
    feats
        .iter()
        .zip(ctx)
        .map(|(f, c)| {
            let mut x: StackedFeatures = [0.0; FEATURE_COUNT + CONTEXT_COUNT];
            x[..FEATURE_COUNT].copy_from_slice(f);
            x[FEATURE_COUNT..].copy_from_slice(&c);
            sigmoid(eval_forest(BASE_SCORE2, TREES2, &x))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_of_a_short_page() {
        let ctx = context_features(&[0.9, 0.1, 0.8], &[20, 2, 30]);
        assert_eq!(ctx.len(), 3);
        assert_eq!(ctx[0][1], -1.0);
        assert!((ctx[1][1] - 0.9).abs() < 1e-6 && (ctx[1][3] - 0.8).abs() < 1e-6);
        assert_eq!(ctx[1][10], 1.0);
        assert_eq!(ctx[1][11], 1.0);
        assert!(ctx[2][9] > 0.4);
        assert!(context_features(&[], &[]).is_empty());
    }

    #[test]
    fn trees_are_well_formed() {
        for forest in [TREES, TREES2] {
            for tree in forest {
                for node in *tree {
                    if node.feature >= 0 {
                        assert!((node.left as usize) < tree.len());
                        assert!((node.right as usize) < tree.len());
                    }
                }
            }
        }
    }
}
