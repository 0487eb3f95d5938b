//! `crosswire ingest`: add articles to the store incrementally (dedup + story clustering).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use crosswire::cluster::Config;
use crosswire::model::RawDocument;
use crosswire::store::{BatchStats, Store};

/// Arguments of `crosswire ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// The store (created if missing).
    #[arg(long, default_value = crosswire::store::DEFAULT_PATH)]
    db: PathBuf,
    /// No progress display.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// The stream is complete (e.g. an archive ingested whole): after adding, fold each
    /// stray one-article story into the story clearly its own, as `crosswire cluster` does
    /// at its end. Leave it off while more reports of the same stories may come: ingest
    /// folds strays anyway as they leave the active set.
    #[arg(long)]
    complete: bool,
    /// Files and directories (recursively: .txt, .jsonl, ...), `-` for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
}

/// Documents prepared and committed together: one transaction each, bounded memory. Larger
/// batches share more index and story pages per commit (1024 instead of 256 took ~40% off
/// the commit time at 100k articles).
const BATCH: usize = 1024;
/// Recent articles kept in memory for copy detection (older ones are found through the
/// store's on-disk LSH table).
const DEDUP_WINDOW: usize = 100_000;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(&args.db).with_context(|| format!("cannot open {}", args.db.display()))?;
    let mut stream = store
        .resume(Config::default(), DEDUP_WINDOW)
        .context("cannot load the clusterer state")?;
    let cleaner = crosswire::clean::default_cleaner();
    let mut progress = Progress::new(!args.quiet && std::io::stderr().is_terminal());
    let mut totals = BatchStats::default();
    let mut read = 0usize;
    let mut problems = 0usize;
    let mut failure: Option<anyhow::Error> = None;
    let mut pending: Vec<RawDocument> = Vec::new();
    let mut prepare_time = Duration::ZERO;

    let mut flush = |pending: &mut Vec<RawDocument>,
                     totals: &mut BatchStats,
                     failure: &mut Option<anyhow::Error>| {
        if pending.is_empty() || failure.is_some() {
            pending.clear();
            return;
        }
        let started = Instant::now();
        let articles = crosswire::pipeline::prepare_with(std::mem::take(pending), cleaner.as_ref());
        prepare_time += started.elapsed();
        match store.add_batch(&articles, &mut stream) {
            Ok(stats) => totals.absorb(stats),
            Err(e) => *failure = Some(anyhow::Error::new(e).context("cannot write to the store")),
        }
    };
    crosswire::ingest::read_inputs_with(&args.inputs, &mut |r| {
        match r {
            Ok(doc) => {
                read += 1;
                pending.push(doc);
                if pending.len() >= BATCH {
                    flush(&mut pending, &mut totals, &mut failure);
                }
            }
            Err(p) => {
                problems += 1;
                progress.clear();
                eprintln!("crosswire: skipped {p}");
            }
        }
        progress.update(read, &totals);
    });
    flush(&mut pending, &mut totals, &mut failure);
    progress.clear();
    if let Some(e) = failure {
        return Err(e);
    }
    if read == 0 {
        anyhow::bail!("no article could be read from the inputs");
    }
    let folded = if args.complete {
        store
            .finish_stream(&mut stream)
            .context("cannot write to the store")?
    } else {
        0
    };
    if std::env::var_os("CROSSWIRE_PROFILE").is_some() {
        eprintln!("prepare (clean): {:.2}s", prepare_time.as_secs_f64());
        eprint!("{}", store.profile().report());
    }
    let skipped = problems + totals.empty;
    eprintln!(
        "crosswire: {} added ({} copies of earlier articles, {} new stories), {} already stored, {} skipped",
        totals.added, totals.copies, totals.new_stories, totals.already_stored, skipped
    );
    if args.complete {
        eprintln!(
            "crosswire: stream complete, {folded} stray one-article stories folded into their stories"
        );
    }
    Ok(if problems > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A one-line progress display on stderr, redrawn at most a few times a second.
struct Progress {
    enabled: bool,
    start: Instant,
    last: Instant,
}

impl Progress {
    fn new(enabled: bool) -> Progress {
        let now = Instant::now();
        Progress {
            enabled,
            start: now,
            last: now,
        }
    }

    fn update(&mut self, read: usize, totals: &BatchStats) {
        if !self.enabled || self.last.elapsed() < Duration::from_millis(200) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K{read} read, {} added, {} already stored ({:.0} articles/s)",
            totals.added,
            totals.already_stored,
            read as f64 / secs
        );
        let _ = err.flush();
    }

    fn clear(&mut self) {
        if self.enabled {
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}
