//! What the cleaner's dev tools share: files read as one block per line, as untitled documents.

use crosswire_clean::Document;

/// Each file's lines (lossy UTF-8; an unreadable file counts as empty).
pub fn read_line_files<S: AsRef<str>>(paths: &[S]) -> Vec<Vec<String>> {
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p.as_ref()).unwrap_or_default();
            String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The files' lines as documents without a known title.
pub fn untitled(texts: &[Vec<String>]) -> Vec<Document<'_>> {
    texts
        .iter()
        .map(|blocks| Document {
            title: None,
            blocks,
        })
        .collect()
}
