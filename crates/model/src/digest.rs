use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::facts::Facts;
use crate::{Article, DuplicateGroup};

/// Bumped whenever the JSON form of [`Digest`] changes incompatibly.
pub const DIGEST_SCHEMA_VERSION: u32 = 1;

/// One summary sentence and the articles that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SummarySentence {
    pub text: String,
    /// Ids of the articles that carry this information (the sentence's own article first).
    pub sources: Vec<String>,
    /// Known outlet names of `sources`, deduplicated, same order (articles whose outlet is
    /// unknown are cited by id in `sources` only).
    pub outlets: Vec<String>,
}

/// One row of the sources table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRow {
    pub id: String,
    pub origin: String,
    pub outlet: Option<String>,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub byline: Option<String>,
    pub wire: Vec<String>,
    pub raw_words: usize,
    pub kept_words: usize,
    /// Share of words removed as boilerplate/metadata, 0..=1.
    pub boilerplate_removed: f64,
    /// If this article is a copy: the representative's id.
    pub copy_of: Option<String>,
    pub similarity: Option<f64>,
}

/// What `crosswire digest` produces for one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Digest {
    pub schema_version: u32,
    pub story_id: String,
    pub headline: String,
    pub summary: Vec<SummarySentence>,
    pub sources: Vec<SourceRow>,
    pub duplicates: Vec<DuplicateGroup>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts: Option<Facts>,
    /// The cleaned articles themselves (paragraphs kept, blocks removed with reasons), when
    /// asked for (`crosswire digest --with-articles`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub articles: Option<Vec<Article>>,
}

/// Several digests in one document (`crosswire digest --db` without `--story`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DigestSet {
    pub schema_version: u32,
    pub stories: Vec<Digest>,
}
