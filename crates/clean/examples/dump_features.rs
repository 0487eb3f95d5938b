//! Dump per-line features as JSON lines for `bench/train_textclean.py`.
//!
//! usage: cargo run --release -p crosswire-clean --example dump_features -- FILES... > features.jsonl

mod common;

use crosswire_clean::batch_features;

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts = common::read_line_files(&paths);
    let docs = common::untitled(&texts);
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
