//! Dump per-line features as JSON lines for `bench/train_textclean.py`.
//!
//! usage: cargo run --release -p crosswire-clean --example dump_features -- FILES... > features.jsonl

use crosswire_clean::{Document, batch_features};

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<Vec<String>> = paths
        .iter()
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
    let all = batch_features(&docs);
    let mut out = String::new();
    for (path, lines) in paths.iter().zip(&all) {
        for (block, text, f) in lines {
            let words = crosswire_text::words(text).len();
            let row = serde_json::json!({
                "doc": path, "block": block, "text": text, "w": words, "f": f.to_vec()
            });
            out.push_str(&row.to_string());
            out.push('\n');
        }
    }
    print!("{out}");
}
