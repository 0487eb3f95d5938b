//! Plain text: one article per file, first title-worthy line is the title (see
//! `metadata::from_text`, which runs later on the document's text).

use std::io::{BufRead, Read};

use crosswire_model::RawDocument;

use super::{Emit, Format};
use crate::InputProblem;
use crate::decode::{MAX_FILE_BYTES, decode_bytes};

/// Plain-text articles (`.txt`, `.text`, `.md`).
pub struct PlainText;

impl Format for PlainText {
    fn name(&self) -> &'static str {
        "text"
    }

    fn claims(&self, lower_name: &str) -> bool {
        [".txt", ".text", ".md"]
            .iter()
            .any(|e| lower_name.ends_with(e))
    }

    fn sniff(&self, _head: &[u8]) -> bool {
        true
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        let mut bytes = Vec::new();
        if let Err(e) = input.take(MAX_FILE_BYTES).read_to_end(&mut bytes) {
            emit(Err(InputProblem::new(origin, format!("cannot read: {e}"))));
            return;
        }
        emit(decode_bytes(origin, &bytes).map(|text| RawDocument::text(stem, origin, text)));
    }
}
