//! Time the default cleaner alone (files are read before the clock starts).
//!
//! usage: time_clean FILES...

use crosswire_clean::{Document, default_cleaner};

fn main() {
    let texts: Vec<Vec<String>> = std::env::args()
        .skip(1)
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .collect();
    let docs: Vec<Document<'_>> = texts
        .iter()
        .map(|blocks| Document {
            title: None,
            blocks,
        })
        .collect();
    let cleaner = default_cleaner();
    let start = std::time::Instant::now();
    let out = cleaner.clean_batch(&docs);
    let elapsed = start.elapsed();
    let kept: usize = out.iter().map(|c| c.kept.len()).sum();
    let lines: usize = texts.iter().map(Vec::len).sum();
    println!(
        "{} documents, {lines} lines, {kept} kept: {:.3}s",
        docs.len(),
        elapsed.as_secs_f64()
    );
}
