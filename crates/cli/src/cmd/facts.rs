//! `crosswire facts`: the facts stage alone on inputs about one story: quantity claims
//! compared across sources, who said what, entities, resolved dates and the timeline.

use std::process::ExitCode;

use anyhow::Context;
use crosswire::pipeline;

/// Arguments of `crosswire facts`.
#[derive(clap::Args)]
pub struct Args {
    /// Output format: md (the Facts and Timeline sections), json (every claim, group,
    /// statement, entity and date) or html.
    #[arg(long, short = 'f', default_value = "md")]
    format: String,
    /// Files and directories (recursively: .txt, .jsonl, ...), `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let format = args.format.to_ascii_lowercase();
    if !matches!(format.as_str(), "md" | "markdown" | "json" | "html") {
        anyhow::bail!(
            "unknown --format {:?}; choose md, json or html",
            args.format
        );
    }
    let batch = crosswire::ingest::read_inputs(&args.inputs);
    for p in &batch.problems {
        eprintln!("crosswire: skipped {p}");
    }
    if batch.documents.is_empty() {
        anyhow::bail!("no article could be read from the inputs");
    }
    let skipped = !batch.problems.is_empty();
    let articles = pipeline::prepare(batch.documents);
    // Copies stay in: an outlet carrying a wire story is one more source stating its claims.
    let story = pipeline::story("story-1", articles);
    let facts = crosswire::facts::extract(&story.articles);
    let text = match format.as_str() {
        "json" => serde_json::to_string_pretty(&facts).context("cannot serialize facts")? + "\n",
        "html" => crosswire::report::sections::facts::html(
            &facts,
            &crosswire::report::sections::facts::own_label,
        ),
        _ => crosswire::report::sections::facts::markdown(
            &facts,
            &crosswire::report::sections::facts::own_label,
        ),
    };
    print!("{text}");
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
