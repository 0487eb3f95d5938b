//! `crosswire eval rouge`: ROUGE-1.5.5 scores of system outputs against reference summaries.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Subcommand, ValueEnum};
use crosswire::eval::rouge::{
    self, Evaluator, Limit, ModelMode, RougeConfig,
    report::{self, NamedScores, ReportHeader},
};

/// Arguments of `crosswire eval`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: EvalCommand,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// ROUGE-N / ROUGE-L exactly as ROUGE-1.5.5 computes them (DUC settings by default:
    /// -n 2 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a).
    Rouge(RougeArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Mode {
    /// Pool n-gram hits and counts over the references.
    #[value(name = "A")]
    A,
    /// Take the reference with the best recall.
    #[value(name = "B")]
    B,
}

#[derive(clap::Args)]
struct RougeArgs {
    /// System outputs: JSONL files of {"id", "sentences": [...]} or {"id", "summary": "..."}
    /// lines, optionally named as NAME=PATH ("-" reads stdin).
    systems: Vec<String>,
    /// References: JSONL of {"id", "refs": ["one sentence per line", ...], "task"?}.
    #[arg(long)]
    refs: String,
    /// Score only the clusters whose "task" is this.
    #[arg(long)]
    task: Option<i64>,
    /// ROUGE -n: score ROUGE-1 up to ROUGE-N.
    #[arg(short = 'n', long = "ngram", default_value_t = 2, value_parser = clap::value_parser!(u32).range(1..=9))]
    max_n: u32,
    /// ROUGE -l: keep the first N words of summaries and references (0 = no limit).
    #[arg(
        short = 'l',
        long = "words",
        default_value_t = 100,
        conflicts_with = "bytes"
    )]
    words: usize,
    /// ROUGE -b: keep the first N bytes instead of a word limit.
    #[arg(short = 'b', long)]
    bytes: Option<usize>,
    /// ROUGE -m: Porter stemming with WordNet 2.0 exceptions (the default).
    #[arg(short = 'm', long = "stem", overrides_with = "no_stem")]
    _stem: bool,
    /// Turn stemming off.
    #[arg(long = "no-stem")]
    no_stem: bool,
    /// ROUGE -x: skip ROUGE-L.
    #[arg(short = 'x', long = "no-lcs")]
    no_lcs: bool,
    /// ROUGE -f: A = average over references (pooled counts), B = best reference.
    #[arg(short = 'f', value_enum, default_value = "A", ignore_case = true)]
    mode: Mode,
    /// ROUGE -p: F = PR / ((1-alpha)P + alpha R); 1 favours precision, 0 recall.
    #[arg(short = 'p', long = "alpha", default_value_t = 0.5)]
    alpha: f64,
    /// ROUGE -r: bootstrap resamples.
    #[arg(short = 'r', long = "resamples", default_value_t = 1000)]
    resamples: usize,
    /// ROUGE -c: confidence level (percent) of the intervals.
    #[arg(short = 'c', long = "confidence", default_value_t = 95.0)]
    confidence: f64,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Same as --format json.
    #[arg(long)]
    json: bool,
    /// Write per-cluster R/P/F of every system to this TSV file.
    #[arg(long)]
    per_cluster: Option<String>,
    /// Add a row scoring each reference against the other references of its cluster.
    #[arg(long)]
    human: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        EvalCommand::Rouge(a) => run_rouge(a),
    }
}

fn read_input(path: &str) -> anyhow::Result<String> {
    if path == "-" {
        return std::io::read_to_string(std::io::stdin()).context("reading stdin");
    }
    std::fs::read_to_string(path).with_context(|| format!("reading {path}"))
}

/// `NAME=PATH`, unless the whole argument is an existing file; else the file stem.
fn system_name(spec: &str) -> (String, String) {
    if let Some((name, path)) = spec.split_once('=')
        && !std::path::Path::new(spec).exists()
    {
        return (name.to_string(), path.to_string());
    }
    let name = if spec == "-" {
        "stdin".to_string()
    } else {
        std::path::Path::new(spec)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| spec.to_string())
    };
    (name, spec.to_string())
}

fn run_rouge(a: RougeArgs) -> anyhow::Result<ExitCode> {
    if a.systems.is_empty() && !a.human {
        anyhow::bail!("give at least one system file (or --human)");
    }
    if !(0.0..=1.0).contains(&a.alpha) || !(0.0..100.0).contains(&a.confidence) {
        anyhow::bail!("-p must be in [0, 1] and -c in [0, 100)");
    }
    let config = RougeConfig {
        max_n: a.max_n as usize,
        lcs: !a.no_lcs,
        stem: !a.no_stem,
        limit: match a.bytes {
            Some(b) => Limit::Bytes(b),
            None => Limit::Words(a.words),
        },
        alpha: a.alpha,
        mode: match a.mode {
            Mode::A => ModelMode::Average,
            Mode::B => ModelMode::Best,
        },
        resamples: a.resamples,
        confidence: a.confidence,
    };
    let refs_text = read_input(&a.refs)?;
    let refs = rouge::input::parse_references(&refs_text, a.task)
        .with_context(|| format!("references {}", a.refs))?;
    let mut evaluator = Evaluator::new(config.clone(), &refs.clusters);

    let mut systems = Vec::new();
    for spec in &a.systems {
        let (name, path) = system_name(spec);
        let text = read_input(&path)?;
        let summaries =
            rouge::input::parse_system(&text, &refs).with_context(|| format!("system {path}"))?;
        if !summaries.unknown.is_empty() {
            eprintln!(
                "WARNING: {path}: {} ids not in the references (ignored): {}",
                summaries.unknown.len(),
                summaries
                    .unknown
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        if !summaries.missing.is_empty() {
            eprintln!(
                "WARNING: {path}: no summary for {} of {} clusters (scored as empty): {}",
                summaries.missing.len(),
                refs.clusters.len(),
                summaries
                    .missing
                    .iter()
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ")
            );
        }
        let scores = evaluator.score_system(|id| summaries.by_id.get(id).map(String::as_str));
        systems.push(NamedScores {
            name,
            scores,
            missing: summaries.missing,
        });
    }
    let human = if a.human { evaluator.human() } else { None };

    let header = ReportHeader {
        config: &config,
        refs: &a.refs,
        task: a.task,
        clusters: refs.clusters.len(),
    };
    if let Some(path) = &a.per_cluster {
        std::fs::write(path, report::per_cluster_tsv(&systems))
            .with_context(|| format!("writing {path}"))?;
    }
    if a.json || matches!(a.format, Format::Json) {
        let value = report::to_json(&header, &systems, human.as_ref());
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        print!("{}", report::to_table(&header, &systems, human.as_ref()));
    }
    Ok(ExitCode::SUCCESS)
}
