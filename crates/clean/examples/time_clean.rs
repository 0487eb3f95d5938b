//! Time the default cleaner alone (files are read before the clock starts).
//!
//! usage: time_clean FILES...

mod common;

use crosswire_clean::default_cleaner;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts = common::read_line_files(&paths);
    let docs = common::untitled(&texts);
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
