use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
    /// Print to stderr the time spent decoding + extracting only (no file I/O), and pages/s.
    #[arg(long)]
    pub timing: bool,
}

/// The file name without `.gz` and then `.html`/`.htm`/`.xhtml`.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    for ext in [".html", ".htm", ".xhtml"] {
        if let Some(s) = name.strip_suffix(ext) {
            return s.to_string();
        }
    }
    name.to_string()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let url = if args.files.len() == 1 { args.url.as_deref() } else { None };
    let json = args.format == "json";
    let mut failed = 0usize;
    let mut spent = Duration::ZERO;
    let stdout = std::io::stdout();
    for path in &args.files {
        let bytes = match extract::read_page_file(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("crosswire: {}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let t0 = Instant::now();
        let page = extract::extract_bytes(&bytes, None, url);
        spent += t0.elapsed();
        let rendered = if json {
            serde_json::json!({
                "file": path.display().to_string(),
                "text": page.text(),
                "metadata": page.metadata,
            })
            .to_string()
        } else {
            page.text()
        };
        let result = match &args.out_dir {
            Some(dir) => {
                let ext = if json { "json" } else { "txt" };
                let out = dir.join(format!("{}.{ext}", stem(path)));
                std::fs::write(&out, format!("{rendered}\n"))
                    .with_context(|| format!("writing {}", out.display()))
            }
            None => {
                let mut lock = stdout.lock();
                writeln!(lock, "{rendered}").context("writing to stdout")
            }
        };
        if let Err(e) = result {
            eprintln!("crosswire: {}: {e:#}", path.display());
            failed += 1;
        }
    }
    if args.timing {
        let secs = spent.as_secs_f64();
        let n = args.files.len() - failed;
        eprintln!(
            "extract timing: {n} pages in {secs:.3} s of extraction ({:.0} pages/s)",
            n as f64 / secs.max(1e-9)
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
