//! HTML pages (`.html`, `.htm`, `.xhtml`): one [`SourceKind::Html`] document per file, the
//! bytes decoded by `crosswire_extract::decode_html` (BOM, `<meta charset>`, else
//! detection). Main-content extraction happens later, on the document's text.

use std::io::{BufRead, Read};

use crosswire_model::{RawDocument, SourceKind};

use super::{Emit, Format};
use crate::InputProblem;
use crate::decode::MAX_FILE_BYTES;

/// Saved web pages.
pub struct Html;

impl Format for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn claims(&self, lower_name: &str) -> bool {
        [".html", ".htm", ".xhtml"]
            .iter()
            .any(|e| lower_name.ends_with(e))
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let head = String::from_utf8_lossy(&head[..head.len().min(512)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        head.starts_with("<!doctype html") || head.starts_with("<html")
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        let mut bytes = Vec::new();
        if let Err(e) = input.take(MAX_FILE_BYTES).read_to_end(&mut bytes) {
            emit(Err(InputProblem::new(origin, format!("cannot read: {e}"))));
            return;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            emit(Err(InputProblem::new(origin, "empty HTML file")));
            return;
        }
        let decoded = crosswire_extract::decode_html(&bytes, None);
        emit(Ok(RawDocument {
            id: stem.to_string(),
            origin: origin.to_string(),
            kind: SourceKind::Html,
            text: decoded.text,
            title: None,
            url: None,
            published: None,
            outlet: None,
        }));
    }
}
