//! `crosswire facts`: the facts stage alone on inputs about one story: quantity claims
//! compared across sources, who said what, entities, resolved dates and the timeline.

use std::process::ExitCode;

use anyhow::Context;

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
    let (story, skipped) = super::common::read_story(&args.inputs)?;
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
    Ok(super::common::exit_code(skipped))
}
