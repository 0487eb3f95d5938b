//! What several subcommands share: reading inputs into one story, and exit codes.

use std::path::PathBuf;
use std::process::ExitCode;

use crosswire::model::Story;
use crosswire::pipeline;

/// Read inputs (reporting each skipped one on stderr), clean them, and group them as one
/// story. Returns the story and whether any input was skipped; fails when nothing was read.
pub fn read_story(inputs: &[PathBuf]) -> anyhow::Result<(Story, bool)> {
    let batch = crosswire::ingest::read_inputs(inputs);
    for p in &batch.problems {
        eprintln!("crosswire: skipped {p}");
    }
    if batch.documents.is_empty() {
        anyhow::bail!("no article could be read from the inputs");
    }
    let skipped = !batch.problems.is_empty();
    let story = pipeline::story("story-1", pipeline::prepare(batch.documents));
    Ok((story, skipped))
}

/// Exit code 1 when some inputs were skipped, else 0.
pub fn exit_code(skipped: bool) -> ExitCode {
    if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
