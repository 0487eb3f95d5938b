//! Print each line's content probability and the cleaner's decision, for debugging one page.
//!
//! usage: line_probs FILE

use crosswire_clean::features::{batch_key_counts, page_features, page_lines};
use crosswire_clean::model::page_probabilities;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let blocks: Vec<String> = String::from_utf8_lossy(&bytes)
        .lines()
        .map(str::to_string)
        .collect();
    let lines = page_lines(&blocks);
    let counts = batch_key_counts(std::slice::from_ref(&lines));
    let feats = page_features(&lines, &counts);
    let words: Vec<usize> = lines.iter().map(|l| l.stats.words).collect();
    let probs = page_probabilities(&feats, &words);
    for ((l, p), f) in lines.iter().zip(probs).zip(&feats) {
        let text: String = l.text.chars().take(100).collect();
        println!("{p:.2} body={:>4} {text}", f[40]);
    }
}
