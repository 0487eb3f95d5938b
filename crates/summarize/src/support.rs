//! Citations: which documents carry the information of a sentence.

use std::collections::HashSet;

use crosswire_text::{content_terms, sentences};

use crate::Document;

/// Share of a sentence's content terms another sentence must cover to count as carrying the
/// same information. High enough that topical overlap alone does not qualify.
const SUPPORT_COVERAGE: f64 = 0.6;

/// Documents (indices) with a sentence covering most of `sentence`'s content terms; `own`
/// first. Coverage is measured over the selected sentence's terms so that a longer sentence
/// elsewhere that contains the same facts still supports it.
pub fn supporting_documents(sentence: &str, own: usize, docs: &[Document<'_>]) -> Vec<usize> {
    let target: HashSet<String> = content_terms(sentence).into_iter().collect();
    let mut out = vec![own];
    if target.is_empty() {
        return out;
    }
    for (i, d) in docs.iter().enumerate() {
        if i == own {
            continue;
        }
        let supported = d.paragraphs.iter().flat_map(|p| sentences(p)).any(|s| {
            let terms: HashSet<String> = content_terms(s).into_iter().collect();
            let shared = target.intersection(&terms).count();
            shared as f64 / target.len() as f64 >= SUPPORT_COVERAGE
        });
        if supported {
            out.push(i);
        }
    }
    out
}
