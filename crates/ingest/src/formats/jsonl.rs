//! JSONL: one article per line, `{"id", "title", "text", "url"?, "published"?, "outlet"?}`;
//! unknown fields are ignored, a bad line is reported with its number and skipped.

use std::io::BufRead;

use crosswire_model::{RawDocument, SourceKind};
use serde::Deserialize;

use super::{Emit, Format};
use crate::InputProblem;

/// JSON Lines articles (`.jsonl`, `.ndjson`).
pub struct Jsonl;

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    title: Option<String>,
    text: String,
    url: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

impl Format for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn claims(&self, lower_name: &str) -> bool {
        lower_name.ends_with(".jsonl") || lower_name.ends_with(".ndjson")
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        first == Some(&b'{')
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        let mut buf = Vec::new();
        let mut number = 0usize;
        loop {
            buf.clear();
            number += 1;
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    emit(Err(InputProblem::new(
                        origin,
                        format!("cannot read line {number}: {e}"),
                    )));
                    break;
                }
            }
            let at = format!("{origin}:{number}");
            let Ok(line) = std::str::from_utf8(&buf) else {
                emit(Err(InputProblem::new(&at, "line is not valid UTF-8")));
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            let parsed: Line = match serde_json::from_str(line) {
                Ok(p) => p,
                Err(e) => {
                    emit(Err(InputProblem::new(
                        &at,
                        format!("bad JSON article: {e}"),
                    )));
                    continue;
                }
            };
            if parsed.text.trim().is_empty() {
                emit(Err(InputProblem::new(&at, "article has empty text")));
                continue;
            }
            let id = match parsed.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Number(n)) => n.to_string(),
                _ => format!("{stem}-{number}"),
            };
            emit(Ok(RawDocument {
                id,
                origin: at,
                kind: SourceKind::Jsonl,
                text: parsed.text,
                title: parsed.title.filter(|t| !t.trim().is_empty()),
                url: parsed.url,
                published: parsed.published,
                outlet: parsed.outlet,
            }));
        }
    }
}
