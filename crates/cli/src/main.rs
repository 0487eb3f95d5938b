//! The `crosswire` binary: a thin clap layer over the `crosswire` library. Each subcommand
//! lives in `cmd/<name>.rs` and only parses arguments, calls the library and prints.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(
    name = "crosswire",
    version,
    about = "Turn raw news from many outlets into cited, de-duplicated story digests"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the whole pipeline on inputs about one story and print its digest.
    Digest(cmd::digest::Args),
    /// Remove boilerplate lines from plain-text articles.
    Clean(cmd::clean::Args),
    /// Extract the main text and metadata of HTML pages.
    Extract(cmd::extract::Args),
    /// Summarize clusters of documents (JSONL) to a word budget.
    Summarize(cmd::summarize::Args),
    /// Cluster a stream of documents (JSONL, in stream order) into stories.
    Cluster(cmd::cluster::Args),
    /// Evaluate outputs against references (ROUGE).
    Eval(cmd::eval::Args),
    /// Extract facts (quantities, quotes, dates, timeline) from articles about one story.
    Facts(cmd::facts::Args),
    /// Add articles to the store incrementally (dedup + story clustering).
    Ingest(cmd::ingest::Args),
    /// List the stories in the store.
    Stories(cmd::stories::Args),
    /// Serve the stored stories: web pages and a JSON API (read only, localhost by default).
    Serve(cmd::serve::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Digest(a) => cmd::digest::run(a),
        Command::Clean(a) => cmd::clean::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Summarize(a) => cmd::summarize::run(a),
        Command::Cluster(a) => cmd::cluster::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Facts(a) => cmd::facts::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Stories(a) => cmd::stories::run(a),
        Command::Serve(a) => cmd::serve::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosswire: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
