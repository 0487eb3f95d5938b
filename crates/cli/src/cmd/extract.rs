use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use crosswire::extract;

/// Arguments of `crosswire extract`.
#[derive(clap::Args)]
pub struct Args {
    /// HTML pages (optionally gzipped: `.html.gz`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Write `DIR/<stem>.txt` (or `.json`) per page instead of printing to stdout.
    #[arg(long)]
    pub out_dir: Option<PathBuf>,
    /// Output format: `text` (paragraphs separated by blank lines) or `json` (text + metadata).
    #[arg(long, default_value = "text", value_parser = ["text", "json"])]
    pub format: String,
    /// The page's URL (for metadata such as a date in the path); only with one file.
    #[arg(long)]
    pub url: Option<String>,
    /// Read all pages first, then report to stderr the CPU time of decoding + extraction
    /// alone (no file I/O) and pages per CPU-second.
    #[arg(long)]
    pub timing: bool,
    /// Also run the text-level cleaner on the extracted text, as `ingest` and `digest` do (all
    /// pages as one batch): the output is what the store keeps of each page.
    #[arg(long, conflicts_with = "timing")]
    pub clean: bool,
}

/// CPU time this thread has used, in seconds (Linux `schedstat`), if the OS tells.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

struct Output<'a> {
    args: &'a Args,
    stdout: std::io::Stdout,
}

impl Output<'_> {
    fn write(&self, path: &Path, page: &extract::Extracted) -> anyhow::Result<()> {
        let stem = crosswire::ingest::file_stem(path);
        self.write_text(
            &path.display().to_string(),
            &stem,
            page.text(),
            &page.metadata,
        )
    }

    /// One page's text (and, as JSON, its file and metadata) to `DIR/<stem>.txt|json` or stdout.
    fn write_text(
        &self,
        file: &str,
        stem: &str,
        text: String,
        metadata: &impl serde::Serialize,
    ) -> anyhow::Result<()> {
        let json = self.args.format == "json";
        let rendered = if json {
            serde_json::json!({ "file": file, "text": text, "metadata": metadata }).to_string()
        } else {
            text
        };
        match &self.args.out_dir {
            Some(dir) => {
                let ext = if json { "json" } else { "txt" };
                let out = dir.join(format!("{stem}.{ext}"));
                std::fs::write(&out, format!("{rendered}\n"))
                    .with_context(|| format!("writing {}", out.display()))
            }
            None => {
                let mut lock = self.stdout.lock();
                writeln!(lock, "{rendered}").context("writing to stdout")
            }
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let url = if args.files.len() == 1 {
        args.url.clone()
    } else {
        None
    };
    let out = Output {
        args: &args,
        stdout: std::io::stdout(),
    };
    if args.clean {
        return run_cleaned(&out);
    }
    let mut failed = 0usize;
    let read = |path: &Path| extract::read_page_file(path);
    if args.timing {
        // Phases, so the clock sees extraction only.
        let mut pages = Vec::new();
        for path in &args.files {
            match read(path) {
                Ok(b) => pages.push((path, b)),
                Err(e) => {
                    eprintln!("crosswire: {}: {e}", path.display());
                    failed += 1;
                }
            }
        }
        let (cpu0, wall0) = (thread_cpu_seconds(), Instant::now());
        let results: Vec<_> = pages
            .iter()
            .map(|(_, b)| extract::extract_bytes(b, None, url.as_deref()))
            .collect();
        let wall = wall0.elapsed().as_secs_f64();
        let cpu = cpu0.zip(thread_cpu_seconds()).map(|(a, b)| b - a);
        for ((path, _), page) in pages.iter().zip(&results) {
            if let Err(e) = out.write(path, page) {
                eprintln!("crosswire: {}: {e:#}", path.display());
                failed += 1;
            }
        }
        let n = results.len() as f64;
        match cpu {
            Some(c) => eprintln!(
                "extract timing: {n} pages, {c:.3} CPU-s ({:.0} pages per CPU-second), {wall:.3} s wall",
                n / c.max(1e-9)
            ),
            None => eprintln!(
                "extract timing: {n} pages, {wall:.3} s wall ({:.0} pages/s)",
                n / wall.max(1e-9)
            ),
        }
    } else {
        for path in &args.files {
            let page = match read(path) {
                Ok(b) => extract::extract_bytes(&b, None, url.as_deref()),
                Err(e) => {
                    eprintln!("crosswire: {}: {e}", path.display());
                    failed += 1;
                    continue;
                }
            };
            if let Err(e) = out.write(path, &page) {
                eprintln!("crosswire: {}: {e:#}", path.display());
                failed += 1;
            }
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--clean`: the pages through the pipeline's preparation (extraction, metadata, text
/// cleaning), written like plain extraction output.
fn run_cleaned(out: &Output<'_>) -> anyhow::Result<ExitCode> {
    let args = out.args;
    let mut batch = crosswire::ingest::read_inputs(&args.files);
    if let (Some(url), [doc]) = (&args.url, batch.documents.as_mut_slice()) {
        doc.url = Some(url.clone());
    }
    for p in &batch.problems {
        eprintln!("crosswire: {p}");
    }
    let mut failed = batch.problems.len();
    for article in crosswire::pipeline::prepare(batch.documents) {
        let stem = crosswire::ingest::file_stem(Path::new(&article.origin));
        let text = article.paragraphs.join("\n\n");
        if let Err(e) = out.write_text(&article.origin, &stem, text, &article.meta) {
            eprintln!("crosswire: {}: {e:#}", article.origin);
            failed += 1;
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
