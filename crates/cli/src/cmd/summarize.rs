//! `crosswire summarize`: extractive summaries of document clusters given as JSONL.
//!
//! Output lines: `{"id", "sentences": [...], "supporting": [[doc id, ...], ...]}`, one
//! citation list per sentence, the sentence's own document first.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosswire::summarize::{Document, Method};
use serde::Deserialize;

/// Arguments of `crosswire summarize`.
#[derive(clap::Args)]
pub struct Args {
    /// Word budget of each summary.
    #[arg(long, default_value_t = 100)]
    words: usize,
    /// Summarization method; the default is the best on the dev set. One of:
    /// concepts (bigram concept coverage, exact branch and bound, each sentence competing
    /// with its shortened variants; default),
    /// concepts-whole (no shortened variants), concepts-all-deletions (also appositives,
    /// relative and closing clauses, opening attributions),
    /// concepts-greedy (same objective, greedy), concepts-nofill (no overflow sentence),
    /// submodular (Lin & Bilmes coverage + diversity, greedy),
    /// centroid (TF-IDF centroid similarity with a lead bonus).
    #[arg(long)]
    method: Option<String>,
    /// Clusters JSONL: one `{"id", "docs": [{"id", "text", ...}]}` per line; `-` for stdin.
    input: PathBuf,
}

#[derive(Deserialize)]
struct ClusterLine {
    id: String,
    docs: Vec<DocLine>,
}

#[derive(Deserialize)]
struct DocLine {
    #[serde(default)]
    id: Option<String>,
    text: String,
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let method = match &args.method {
        None => Method::default(),
        Some(name) => Method::parse(name).with_context(|| {
            let names: Vec<_> = Method::ALL.iter().map(|(n, _)| *n).collect();
            format!(
                "unknown --method {name:?}; choose one of {}",
                names.join(", ")
            )
        })?,
    };
    let summarizer = method.summarizer();
    let reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let f = std::fs::File::open(&args.input)
            .with_context(|| format!("cannot open {}", args.input.display()))?;
        Box::new(std::io::BufReader::new(f))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut bad = 0usize;
    for (n, line) in reader.lines().enumerate() {
        let line =
            line.with_context(|| format!("{}: cannot read line {}", args.input.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let cluster: ClusterLine = match serde_json::from_str(&line) {
            Ok(c) => c,
            Err(e) => {
                eprintln!(
                    "crosswire: {}:{}: bad cluster line: {e}",
                    args.input.display(),
                    n + 1
                );
                bad += 1;
                continue;
            }
        };
        let paras: Vec<Vec<String>> = cluster.docs.iter().map(|d| paragraphs(&d.text)).collect();
        let docs: Vec<Document<'_>> = paras.iter().map(|p| Document { paragraphs: p }).collect();
        let summary = summarizer.summarize(&docs, args.words);
        let sentences: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        // Citations: the ids of the documents that carry each sentence (its source first),
        // or their positions in the cluster when the input has no ids.
        let supporting: Vec<Vec<serde_json::Value>> = summary
            .sentences
            .iter()
            .map(|s| {
                s.supporting
                    .iter()
                    .map(
                        |&d| match cluster.docs.get(d).and_then(|doc| doc.id.clone()) {
                            Some(id) => serde_json::Value::from(id),
                            None => serde_json::Value::from(d),
                        },
                    )
                    .collect()
            })
            .collect();
        serde_json::to_writer(
            &mut out,
            &serde_json::json!({"id": cluster.id, "sentences": sentences, "supporting": supporting}),
        )?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if bad > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
