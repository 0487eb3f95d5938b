//! `crosswire clean`: text-level boilerplate removal, one block per line in, kept blocks out.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosswire::clean::{Document, default_cleaner};
use crosswire::ingest::decode_text;

/// Arguments of `crosswire clean`.
#[derive(clap::Args)]
pub struct Args {
    /// Write `<DIR>/<stem>.txt` per input (stem = name without .raw.txt/.txt) instead of stdout.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Show every removed block with its reason (on stderr when writing files).
    #[arg(long)]
    explain: bool,
    /// Plain-text files, one block per line (`-` for stdin).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut failed = 0usize;
    let mut loaded: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for path in &args.inputs {
        match decode_text(path) {
            Ok(text) => loaded.push((path.clone(), text.lines().map(str::to_string).collect())),
            Err(e) => {
                eprintln!("crosswire: {e}");
                failed += 1;
            }
        }
    }
    if loaded.is_empty() {
        anyhow::bail!("no input could be read");
    }
    let docs: Vec<Document<'_>> = loaded
        .iter()
        .map(|(_, lines)| Document {
            title: None,
            blocks: lines,
        })
        .collect();
    let cleaned = default_cleaner().clean_batch(&docs);
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    for ((path, _), result) in loaded.iter().zip(&cleaned) {
        let text = result.kept.join("\n") + "\n";
        match &args.out_dir {
            Some(dir) => {
                let out = dir.join(format!("{}.txt", crosswire::ingest::file_stem(path)));
                std::fs::write(&out, text)
                    .with_context(|| format!("cannot write {}", out.display()))?;
            }
            None => print!("{text}"),
        }
        if args.explain {
            for r in &result.removed {
                eprintln!("{}: removed [{}] {}", path.display(), r.reason, r.text);
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
