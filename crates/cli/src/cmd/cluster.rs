//! `crosswire cluster`: assign each document of a stream to a story, in stream order.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crosswire::cluster::{Assignment, Clusterer, Config, Doc, StoryStream};
use crosswire::dedup::{Fingerprint, article_text};
use crosswire::model::{Article, RawDocument};

/// Arguments of `crosswire cluster`.
#[derive(clap::Args)]
pub struct Args {
    /// Least time-discounted cosine for an article to join a story.
    #[arg(long)]
    join: Option<f32>,
    /// Least average-link similarity (mean article-to-article cosine) for two stories to merge.
    #[arg(long)]
    merge: Option<f32>,
    /// Extra average link two stories need to merge, divided by their number of article
    /// pairs (a merge backed by few pairs needs more).
    #[arg(long)]
    merge_margin: Option<f32>,
    /// Days of gap after which a story's similarity counts half.
    #[arg(long)]
    time_scale: Option<f32>,
    /// Two groups of articles are distinct stories when the mean cosine between them is
    /// below this fraction of their cohesion (0: never split a story).
    #[arg(long)]
    split_ratio: Option<f32>,
    /// Least size of each group for the split test.
    #[arg(long)]
    split_min: Option<u32>,
    /// Least join similarity for a one-article story to be folded into the story that is
    /// clearly its closest (when it leaves the active set, and at the end of the stream).
    #[arg(long)]
    rehome: Option<f32>,
    /// How many times the next candidate's similarity that story's must be (0: leave
    /// one-article stories alone).
    #[arg(long)]
    rehome_ratio: Option<f32>,
    /// How much a phrase (two content terms in a row within a sentence) counts beside its
    /// terms (0: no phrases).
    #[arg(long)]
    phrase_weight: Option<f32>,
    /// Stream files (JSONL `{"id","title","published","text"}`, text files, dirs), `-` for
    /// stdin, in stream order.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Documents prepared (cleaned) at once: bounds memory on long streams.
const BATCH: usize = 256;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let defaults = Config::default();
    let config = Config {
        join: args.join.unwrap_or(defaults.join),
        merge: args.merge.unwrap_or(defaults.merge),
        merge_margin: args.merge_margin.unwrap_or(defaults.merge_margin),
        time_scale_days: args.time_scale.unwrap_or(defaults.time_scale_days),
        split_ratio: args.split_ratio.unwrap_or(defaults.split_ratio),
        split_min: args.split_min.unwrap_or(defaults.split_min),
        phrase_weight: args.phrase_weight.unwrap_or(defaults.phrase_weight),
        rehome: args.rehome.unwrap_or(defaults.rehome),
        rehome_ratio: args.rehome_ratio.unwrap_or(defaults.rehome_ratio),
        ..defaults
    };
    let mut stream = StoryStream::new(Clusterer::new(config), 100_000);
    let mut assigned: Vec<(String, u64)> = Vec::new();
    let mut pending: Vec<RawDocument> = Vec::new();
    let mut problems = 0usize;
    let cleaner = crosswire::clean::default_cleaner();
    let mut flush = |pending: &mut Vec<RawDocument>, assigned: &mut Vec<(String, u64)>| {
        let docs = std::mem::take(pending);
        for article in crosswire::pipeline::prepare_with(docs, cleaner.as_ref()) {
            let key = assigned.len() as u64;
            let assignment = add(&mut stream, key, &article);
            assigned.push((article.id, assignment.final_story()));
            // A split moves earlier articles (keys are positions in `assigned`).
            if let Some(split) = assignment.split {
                for k in split.keys {
                    if let Some(entry) = assigned.get_mut(k as usize) {
                        entry.1 = split.into;
                    }
                }
            }
        }
    };
    crosswire::ingest::read_inputs_with(&args.inputs, &mut |r| match r {
        Ok(doc) => {
            pending.push(doc);
            if pending.len() >= BATCH {
                flush(&mut pending, &mut assigned);
            }
        }
        Err(p) => {
            problems += 1;
            eprintln!("crosswire: skipped {p}");
        }
    });
    flush(&mut pending, &mut assigned);
    // The stream is complete: one-article stories that a later story is clearly the home
    // of join it.
    stream.finish();
    if assigned.is_empty() {
        anyhow::bail!("no document could be read from the inputs");
    }
    // Stories merged after an article was assigned (or split off): report the story it
    // ended in.
    let mut final_story: HashMap<u64, u64> = HashMap::new();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for (id, story) in &assigned {
        let s = *final_story
            .entry(*story)
            .or_insert_with(|| stream.resolve(*story));
        serde_json::to_writer(&mut out, &serde_json::json!({ "id": id, "story": s }))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn add(stream: &mut StoryStream, key: u64, article: &Article) -> Assignment {
    let text = article_text(article);
    let print = Fingerprint::of(&text);
    let added = stream.add(key, &print.sketch, Doc::of_article(article, &text));
    added.assignment
}
