//! Render the facts of plain-text articles (title = first line, paragraphs = other non-empty
//! lines) as Markdown or JSON, for looking at the stage without the rest of the pipeline.
//!
//! `cargo run -p crosswire-facts --example render -- [--json] [FILE[=YYYY-MM-DD]]...`

use chrono::NaiveDate;
use crosswire_model::{Article, CleanStats, Metadata};

fn main() {
    let mut json = false;
    let mut articles = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
            continue;
        }
        let (path, date) = match arg.split_once('=') {
            Some((p, d)) => (p.to_string(), NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            None => (arg.clone(), None),
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            std::process::exit(2);
        };
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let title = lines.next().unwrap_or_default().to_string();
        let id = std::path::Path::new(&path)
            .file_stem()
            .map(|s| s.to_string_lossy().chars().take(3).collect())
            .unwrap_or_default();
        articles.push(Article {
            id,
            origin: path.clone(),
            meta: Metadata {
                title,
                published: date,
                ..Metadata::default()
            },
            paragraphs: lines.map(str::to_string).collect(),
            stats: CleanStats::default(),
            removed: Vec::new(),
        });
    }
    let facts = crosswire_facts::extract(&articles);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&facts).unwrap_or_default()
        );
    } else {
        print!(
            "{}",
            crosswire_report::sections::facts::markdown(
                &facts,
                &crosswire_report::sections::facts::own_label
            )
        );
    }
}
