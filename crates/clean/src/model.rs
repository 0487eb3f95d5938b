//! The line model: gradient-boosted decision trees over [`Features`], fit offline by
//! `bench/textclean_train.py` on page-level cross-validation and baked into
//! [`model_data`](crate::model_data) as plain constant arrays (no file or network at run time).

use crate::features::Features;
use crate::model_data::{BASE_SCORE, TREES};

/// One node of a regression tree; `feature < 0` marks a leaf holding `value`.
#[derive(Debug, Clone, Copy)]
pub struct Node {
    pub feature: i16,
    pub threshold: f32,
    pub left: u16,
    pub right: u16,
    pub value: f32,
}

/// Log-odds that the line is article content.
pub fn content_logit(f: &Features) -> f32 {
    let mut score = BASE_SCORE;
    for tree in TREES {
        score += eval_tree(tree, f);
    }
    score
}

/// Probability that the line is article content.
pub fn content_probability(f: &Features) -> f32 {
    1.0 / (1.0 + (-content_logit(f)).exp())
}

fn eval_tree(nodes: &[Node], f: &Features) -> f32 {
    let mut i = 0usize;
    // A tree is at most a few levels deep; the bound only guards against a malformed table.
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
