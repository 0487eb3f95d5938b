//! Print the timeline and the speakers of every story in a JSONL file of clusters, one
//! line per story: `{"id": ..., "docs": [{"id", "published": "YYYY-MM-DD", "text"}]}`
//! (paragraphs separated by blank lines). For reading the stage's output on many stories
//! at once, e.g. to compare two versions with `diff`.
//!
//! `cargo run -p crosswire-facts --example timeline_jsonl -- CLUSTERS.jsonl`

use chrono::NaiveDate;
use crosswire_model::{Article, CleanStats, Metadata};
use serde_json::Value;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: timeline_jsonl CLUSTERS.jsonl");
        std::process::exit(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(story) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let docs = story["docs"].as_array().cloned().unwrap_or_default();
        let articles: Vec<Article> = docs.iter().map(article).collect();
        let facts = crosswire_facts::extract(&articles);
        println!("## {}", story["id"].as_str().unwrap_or("?"));
        for e in &facts.timeline {
            let inferred = if e.date.inferred { " (inferred)" } else { "" };
            println!(
                "T {}{inferred} | {} | {}",
                e.date.iso,
                e.text,
                e.outlets.join(", ")
            );
        }
        for st in &facts.statements {
            let role = st.role.as_deref().unwrap_or("");
            println!("S {} [{role}] <- {}", st.speaker, st.speaker_text);
        }
    }
}

fn article(doc: &Value) -> Article {
    let id = doc["id"].as_str().unwrap_or("?").to_string();
    let published = doc["published"]
        .as_str()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let paragraphs = doc["text"]
        .as_str()
        .unwrap_or("")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    Article {
        id: id.clone(),
        origin: id.clone(),
        meta: Metadata {
            title: String::new(),
            published,
            outlet: Some(id),
            ..Metadata::default()
        },
        paragraphs,
        stats: CleanStats::default(),
        removed: Vec::new(),
    }
}
