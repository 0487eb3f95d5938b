//! Any bytes, as a batch of plain-text or JSONL articles run through the whole text
//! pipeline (metadata, cleaning, dedup, summary, facts, every report format) and through
//! the story clusterer: never a panic.
//!
//! The input is cut into documents at 0x1E (record separator) bytes; a document starting
//! with `{` is read as JSONL, any other as plain text (first line = title). Clustering gets
//! the same texts, a day each taken from its text's first byte, so that age-out,
//! merges and splits run too.
#![no_main]
use crosswire::cluster::{Clusterer, Config, Doc};
use crosswire::ingest::formats::{Format, Jsonl, PlainText};
use crosswire::pipeline::{DigestOptions, digest, prepare, story};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut raw = Vec::new();
    for (i, part) in data.split(|&b| b == 0x1E).take(8).enumerate() {
        let format: &dyn Format = if part.first() == Some(&b'{') { &Jsonl } else { &PlainText };
        let mut input = std::io::BufReader::new(part);
        format.read(&format!("fuzz{i}"), &format!("doc{i}"), &mut input, &mut |r| {
            if let Ok(doc) = r {
                raw.push(doc);
            }
        });
    }
    let articles = prepare(raw);
    let config = Config {
        max_active: 3,
        ..Config::default()
    };
    let mut clusterer = Clusterer::new(config);
    for (key, a) in articles.iter().enumerate() {
        let body = a.paragraphs.join("\n\n");
        let day = body.bytes().next().map(|b| i64::from(b) * 3);
        clusterer.add(&Doc {
            title: &a.meta.title,
            body: &body,
            day,
            copy_of: None,
            repeats: false,
            key: key as u64,
        });
    }
    clusterer.rehome_singletons();
    let story = story("fuzz", articles);
    let digest = digest(&story, &DigestOptions::default());
    let _ = crosswire::report::markdown(&digest);
    let _ = crosswire::report::html(&digest);
    let _ = crosswire::report::json(&digest);
});
