//! `crosswire stories`: list the stories in the store.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use crosswire::store::Store;

/// Arguments of `crosswire stories`.
#[derive(clap::Args)]
pub struct Args {
    /// The store.
    #[arg(long, default_value = crosswire::store::DEFAULT_PATH)]
    db: PathBuf,
    /// Output format: table or json.
    #[arg(long, short = 'f', default_value = "table")]
    format: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!(
            "no store at {} (run `crosswire ingest` first)",
            args.db.display()
        );
    }
    let store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let stories = store.stories()?;
    let mut text = String::new();
    match args.format.as_str() {
        "json" => {
            text = serde_json::to_string_pretty(&stories)?;
            text.push('\n');
        }
        "table" => {
            text.push_str(&format!(
                "{:>8}  {:>8}  {:>7}  {:<10}  {:<10}  {:<20}  HEADLINE\n",
                "STORY", "ARTICLES", "OUTLETS", "FIRST", "LAST", "UPDATED"
            ));
            for s in &stories {
                let headline = crosswire::text::shorten(&s.headline, 80);
                text.push_str(&format!(
                    "{:>8}  {:>8}  {:>7}  {:<10}  {:<10}  {:<20}  {}\n",
                    s.id, s.articles, s.outlets, s.first_seen, s.last_seen, s.updated, headline
                ));
            }
        }
        other => anyhow::bail!("unknown --format {other:?}; choose table or json"),
    }
    // A closed pipe (`| head`) is not an error worth a message.
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        r => r?,
    }
    Ok(ExitCode::SUCCESS)
}
