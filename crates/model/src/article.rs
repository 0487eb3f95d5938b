use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What is known about an article besides its body. Every field is optional except the
/// title: a field is left empty rather than guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metadata {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (the day; times are not needed downstream).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The publishing outlet (site name), when it can be told.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Wire services or papers the article credits ("Reuters", "Asharq Al-Awsat").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wire: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One block the cleaner (or metadata extraction) took out of the body, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Removal {
    pub text: String,
    /// Short machine-readable reason, e.g. `comment-section`, `call-to-action`, `metadata:date`.
    pub reason: String,
}

/// How much of the raw text survived cleaning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CleanStats {
    pub raw_words: usize,
    pub kept_words: usize,
}

impl CleanStats {
    /// Share of raw words removed as boilerplate or metadata, 0.0..=1.0.
    pub fn removed_share(&self) -> f64 {
        if self.raw_words == 0 {
            0.0
        } else {
            1.0 - self.kept_words as f64 / self.raw_words as f64
        }
    }
}

/// A cleaned article: metadata plus body paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Article {
    pub id: String,
    pub origin: String,
    pub meta: Metadata,
    /// Body paragraphs, boilerplate removed, in reading order.
    pub paragraphs: Vec<String>,
    pub stats: CleanStats,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<Removal>,
}

impl Article {
    /// The body as one string, paragraphs separated by blank lines.
    pub fn body(&self) -> String {
        self.paragraphs.join("\n\n")
    }

    /// The outlet if known, else the article id: what a citation shows.
    pub fn label(&self) -> &str {
        self.meta.outlet.as_deref().unwrap_or(&self.id)
    }
}
