use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What container a document came from; decides which extractor handles its `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// Plain text: first non-empty line is the title.
    Text,
    /// HTML source (a saved page or a WARC response body).
    Html,
    /// One line of a JSONL file.
    Jsonl,
    /// An RSS or Atom item.
    Feed,
}

/// One decoded input document, before metadata extraction and cleaning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RawDocument {
    /// Stable identifier: the JSONL `id`, else the file stem (made unique within a batch).
    pub id: String,
    /// Where it came from, for messages: a path, `path:LINE`, `path#record`, or `-`.
    pub origin: String,
    pub kind: SourceKind,
    /// Decoded text (for [`SourceKind::Html`], the HTML source).
    pub text: String,
    /// Title given by the container (JSONL, feed, HTML extraction), if any.
    pub title: Option<String>,
    pub url: Option<String>,
    /// Publication date/time as the container gave it (any format; parsed later).
    pub published: Option<String>,
    pub outlet: Option<String>,
}

impl RawDocument {
    /// A plain-text document with no container metadata.
    pub fn text(id: impl Into<String>, origin: impl Into<String>, text: impl Into<String>) -> Self {
        RawDocument {
            id: id.into(),
            origin: origin.into(),
            kind: SourceKind::Text,
            text: text.into(),
            title: None,
            url: None,
            published: None,
            outlet: None,
        }
    }
}
