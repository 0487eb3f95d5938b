//! Summarize a clusters JSONL file without the full CLI: handy while tuning a method.
//!
//! `cargo run --release -p crosswire-summarize --example summarize_jsonl -- FILE [METHOD] [WORDS]`
//! prints `{"id", "sentences"}` lines, like `crosswire summarize`.

use std::io::{BufRead, Write};

use crosswire_summarize::{Document, Method};

fn method_name(args: &[String]) -> String {
    args.get(2).cloned().unwrap_or_default()
}

/// `concepts` with settings from `CW_*` environment variables, for parameter sweeps.
fn tuned(name: &str) -> Option<Box<dyn crosswire_summarize::Summarizer>> {
    if !name.starts_with("tune") {
        return None;
    }
    let var = |k: &str| std::env::var(k).ok();
    if name == "tune-sub" {
        let mut s = crosswire_summarize::Submodular::default();
        if let Some(v) = var("CW_SAT") {
            s.saturation = v.parse().expect("CW_SAT");
        }
        if let Some(v) = var("CW_DIV") {
            s.diversity = v.parse().expect("CW_DIV");
        }
        if let Some(v) = var("CW_R") {
            s.cost_exponent = v.parse().expect("CW_R");
        }
        return Some(Box::new(s));
    }
    let mut c = crosswire_summarize::Concepts::default();
    if let Some(v) = var("CW_MIN_DF_SHARE") {
        c.min_df_share = v.parse().expect("CW_MIN_DF_SHARE");
    }
    if let Some(v) = var("CW_MIN_WORDS") {
        c.min_words = v.parse().expect("CW_MIN_WORDS");
    }
    if let Some(v) = var("CW_MAX_WORDS") {
        c.max_words = v.parse().expect("CW_MAX_WORDS");
    }
    if let Some(v) = var("CW_LEAD_BONUS") {
        c.lead_bonus = v.parse().expect("CW_LEAD_BONUS");
    }
    if let Some(v) = var("CW_LEAD_N") {
        c.lead_sentences = v.parse().expect("CW_LEAD_N");
    }
    if let Some(v) = var("CW_QUOTES") {
        c.allow_unattributed_quotes = v == "1";
    }
    if let Some(v) = var("CW_DANGLING") {
        c.allow_dangling_openers = v == "1";
    }
    if let Some(v) = var("CW_UNI") {
        c.unigram_weight = v.parse().expect("CW_UNI");
    }
    if let Some(v) = var("CW_COMPRESS") {
        // Flags: trailing attribution, leading connective, inner attribution, weekdays,
        // leading phrase, appositive, parenthetical, trailing clause, leading attribution
        // (the same order for CW_VARIANTS, the rules offered as shortened variants).
        c.compress = compression_flags(&v);
    }
    if let Some(v) = var("CW_FIRST") {
        c.first_sentence_bonus = v.parse().expect("CW_FIRST");
    }
    if let Some(v) = var("CW_SLACKS") {
        c.fill_slacks = v
            .split(',')
            .map(|x| x.parse().expect("CW_SLACKS"))
            .collect();
    }
    if let Some(v) = var("CW_SKIP_REPORTING") {
        c.skip_reporting = v == "1";
    }
    if let Some(v) = var("CW_DF_POW") {
        c.df_power = v.parse().expect("CW_DF_POW");
    }
    if let Some(v) = var("CW_VARIANTS") {
        c.variants = compression_flags(&v);
    }
    if let Some(v) = var("CW_FILL") {
        c.fill = v == "1";
    }
    Some(Box::new(c))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: summarize_jsonl FILE [METHOD] [WORDS]");
        std::process::exit(2);
    };
    let method = args
        .get(2)
        .filter(|m| !m.starts_with("tune"))
        .map(|m| Method::parse(m).unwrap_or_else(|| panic!("unknown method {m}")))
        .unwrap_or_default();
    let words: usize = args.get(3).and_then(|w| w.parse().ok()).unwrap_or(100);
    let summarizer = tuned(&method_name(&args)).unwrap_or_else(|| method.summarizer());
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
        let supporting: Vec<&[usize]> = summary
            .sentences
            .iter()
            .map(|s| s.supporting.as_slice())
            .collect();
        let o =
            serde_json::json!({"id": v["id"], "sentences": sentences, "supporting": supporting});
        writeln!(out, "{o}").expect("write");
    }
}

/// A 0/1 string in the order trailing attribution, leading connective, inner attribution,
/// weekdays, leading phrase, appositive, parenthetical, trailing clause, leading attribution.
fn compression_flags(v: &str) -> crosswire_summarize::Compression {
    let f: Vec<bool> = v.chars().map(|c| c == '1').collect();
    let flag = |i: usize| f.get(i).copied().unwrap_or(false);
    crosswire_summarize::Compression {
        trailing_attribution: flag(0),
        leading_connective: flag(1),
        inner_attribution: flag(2),
        weekdays: flag(3),
        leading_phrase: flag(4),
        appositive: flag(5),
        parenthetical: flag(6),
        trailing_clause: flag(7),
        leading_attribution: flag(8),
    }
}
