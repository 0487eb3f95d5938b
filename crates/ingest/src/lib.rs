//! Reading inputs into [`RawDocument`]s, and metadata from plain text.
//!
//! ```text
//! paths / stdin ──[walk dirs, pick Format by extension or first bytes]──▶ Format::read
//!               ──▶ Batch { documents: Vec<RawDocument>, problems: Vec<InputProblem> }
//! ```
//!
//! Formats live in [`formats`] (text, JSONL; HTML, WARC and feeds register there too).
//! [`decode`] turns bytes into text (BOMs, UTF-8, detected legacy encodings) and refuses
//! binary data. [`metadata`] reads title, date, byline, outlet tag and wire attribution from
//! the top and bottom lines of a plain-text article.
//!
//! Bad input never stops a batch: each unreadable file, binary file, empty file or bad JSONL
//! line becomes an [`InputProblem`] naming where it was, and reading goes on.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use crosswire_model::RawDocument;

pub mod decode;
pub mod formats;
pub mod metadata;

pub use decode::{decode_bytes, decode_text};

/// An input (file, line, record) that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct InputProblem {
    pub origin: String,
    pub message: String,
}

impl InputProblem {
    pub fn new(origin: &str, message: impl Into<String>) -> Self {
        InputProblem {
            origin: origin.to_string(),
            message: message.into(),
        }
    }
}

/// Everything read from a set of inputs.
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<RawDocument>,
    pub problems: Vec<InputProblem>,
}

/// Read every input (files, directories recursively by extension, `-` for stdin) and stream
/// each document or problem to `emit`, in input order.
pub fn read_inputs_with(inputs: &[PathBuf], emit: &mut formats::Emit<'_>) {
    for input in inputs {
        if input.as_os_str() == "-" {
            read_stdin(emit);
        } else if input.is_dir() {
            let mut files = Vec::new();
            if let Err(p) = walk(input, &mut files) {
                emit(Err(p));
            }
            for f in files {
                read_file(&f, emit);
            }
        } else if input.exists() {
            read_file(input, emit);
        } else {
            emit(Err(InputProblem::new(
                &input.display().to_string(),
                "no such file or directory",
            )));
        }
    }
}

/// Read every input into a [`Batch`], making document ids unique within it.
pub fn read_inputs(inputs: &[PathBuf]) -> Batch {
    let mut batch = Batch::default();
    read_inputs_with(inputs, &mut |r| match r {
        Ok(d) => batch.documents.push(d),
        Err(p) => batch.problems.push(p),
    });
    make_ids_unique(&mut batch.documents);
    batch
}

/// Suffix repeated ids with `#2`, `#3`... so that every document of a batch can be named.
pub fn make_ids_unique(docs: &mut [RawDocument]) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for d in docs {
        let n = seen.entry(d.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            d.id = format!("{}#{}", d.id, n);
        }
    }
}

/// Files below `dir` that some format claims, sorted, skipping hidden entries.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputProblem> {
    let origin = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| InputProblem::new(&origin, format!("cannot list directory: {e}")))?;
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if formats::for_name(&name).is_some() {
            out.push(p);
        }
    }
    Ok(())
}

/// File name without its format extensions (`a.warc.gz` → `a`).
pub fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stem = name.as_str();
    stem = stem.strip_suffix(".gz").unwrap_or(stem);
    if let Some(dot) = stem.rfind('.').filter(|&i| i > 0) {
        stem = &stem[..dot];
    }
    stem = stem.strip_suffix(".raw").unwrap_or(stem);
    stem.to_string()
}

fn read_file(path: &Path, emit: &mut formats::Emit<'_>) {
    let origin = path.display().to_string();
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return emit(Err(InputProblem::new(&origin, format!("cannot read: {e}")))),
    };
    let mut reader = BufReader::new(file);
    let gz = reader
        .fill_buf()
        .map(|h| h.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let mut input: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    let format = match formats::for_name(&name) {
        Some(f) => f,
        None => match input.fill_buf() {
            Ok(head) => formats::for_head(head),
            Err(e) => return emit(Err(InputProblem::new(&origin, format!("cannot read: {e}")))),
        },
    };
    format.read(&origin, &file_stem(path), &mut input, emit);
}

fn read_stdin(emit: &mut formats::Emit<'_>) {
    let stdin = std::io::stdin();
    let mut reader = BufReader::new(stdin.lock());
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            return emit(Err(InputProblem::new(
                "-",
                format!("cannot read stdin: {e}"),
            )));
        }
    };
    let mut input: Box<dyn BufRead> = if head.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(reader)))
    } else {
        Box::new(reader)
    };
    let head = input.fill_buf().map(|h| h.to_vec()).unwrap_or_default();
    formats::for_head(&head).read("-", "stdin", &mut input, emit);
}
