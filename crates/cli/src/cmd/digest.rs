//! `crosswire digest`: the whole pipeline on inputs about one story.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosswire::pipeline::{self, DigestOptions};
use crosswire::report::{self, Format};
use crosswire::summarize::Method;

/// Arguments of `crosswire digest`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format: md (Markdown), json or html.
    #[arg(long, short = 'f', default_value = "md")]
    format: String,
    /// Write the digest to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    out: Option<PathBuf>,
    /// Word budget of the summary.
    #[arg(long, default_value_t = 100)]
    words: usize,
    /// Summarization method (as `crosswire summarize --method`).
    #[arg(long)]
    method: Option<String>,
    /// Include every cleaned article (kept paragraphs, removed blocks with reasons) in the
    /// JSON output.
    #[arg(long)]
    with_articles: bool,
    /// Print the JSON Schema of the JSON output and exit.
    #[arg(long)]
    schema: bool,
    /// Digest the stories of a store made by `crosswire ingest` instead of reading inputs.
    #[arg(long, value_name = "PATH", conflicts_with = "inputs")]
    db: Option<PathBuf>,
    /// With --db: only this story (an id from `crosswire stories`).
    #[arg(long, value_name = "ID", requires = "db")]
    story: Option<String>,
    /// Files and directories (recursively: .txt, .jsonl, .html, .warc.gz, .xml ...), `-` for
    /// stdin.
    #[arg(required_unless_present_any = ["schema", "db"])]
    inputs: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.schema {
        print!("{}", report::json_schema());
        return Ok(ExitCode::SUCCESS);
    }
    let format = Format::parse(&args.format).with_context(|| {
        format!(
            "unknown --format {:?}; choose md, json or html",
            args.format
        )
    })?;
    let method = match &args.method {
        Some(m) => Method::parse(m).with_context(|| format!("unknown --method {m:?}"))?,
        None => Method::default(),
    };
    let (stories, skipped) = match &args.db {
        Some(db) => (
            super::digest_db::load_stories(db, args.story.as_deref())?,
            false,
        ),
        None => {
            let (story, skipped) = super::common::read_story(&args.inputs)?;
            (vec![story], skipped)
        }
    };
    if stories.is_empty() {
        anyhow::bail!("the store has no story yet");
    }
    let options = DigestOptions {
        words: args.words,
        method,
        with_articles: args.with_articles,
        ..Default::default()
    };
    let digests: Vec<_> = stories
        .iter()
        .map(|story| pipeline::digest(story, &options))
        .collect();
    let text = report::render(&digests, format);
    match &args.out {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => print!("{text}"),
    }
    Ok(super::common::exit_code(skipped))
}
