//! Summarize a clusters JSONL file without the full CLI: handy while tuning a method.
//!
//! `cargo run --release -p crosswire-summarize --example summarize_jsonl -- FILE [METHOD] [WORDS]`
//! prints `{"id", "sentences"}` lines, like `crosswire summarize`.

use std::io::{BufRead, Write};

use crosswire_summarize::{Document, Method};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: summarize_jsonl FILE [METHOD] [WORDS]");
        std::process::exit(2);
    };
    let method = args
        .get(2)
        .map(|m| Method::parse(m).unwrap_or_else(|| panic!("unknown method {m}")))
        .unwrap_or_default();
    let words: usize = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(100);
    let summarizer = method.summarizer();
    let file = std::io::BufReader::new(std::fs::File::open(path).expect("open input"));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in file.lines() {
        let line = line.expect("read line");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("json");
        let paras: Vec<Vec<String>> = v["docs"]
            .as_array()
            .map(|a| a.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|d| {
                d["text"]
                    .as_str()
                    .unwrap_or_default()
                    .split("\n\n")
                    .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .collect();
        let docs: Vec<Document<'_>> = paras.iter().map(|p| Document { paragraphs: p }).collect();
        let summary = summarizer.summarize(&docs, words);
        let sentences: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        let o = serde_json::json!({"id": v["id"], "sentences": sentences});
        writeln!(out, "{o}").expect("write");
    }
}
