use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Article;

/// How a copy relates to its group's representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CopyKind {
    /// Same normalized text.
    Exact,
    /// Nearly the same text (small edits, added or dropped lines).
    Near,
    /// The same wire story carried by another outlet, with more editing.
    Syndicated,
}

impl CopyKind {
    /// Whether the copy repeats its original's text (exact or near) rather than carrying
    /// text of its own beside it (syndicated): such a copy adds nothing to a story's
    /// evidence.
    pub fn repeats_original(self) -> bool {
        self != CopyKind::Syndicated
    }
}

/// An article that copies the group's representative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Copy {
    pub id: String,
    /// Estimated Jaccard similarity of word shingles with the representative, 0..=1.
    pub similarity: f64,
    pub kind: CopyKind,
}

/// Articles that are copies of one another: one representative is kept, the rest are listed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DuplicateGroup {
    pub representative: String,
    pub copies: Vec<Copy>,
}

/// The articles about one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Story {
    pub id: String,
    pub articles: Vec<Article>,
    pub duplicates: Vec<DuplicateGroup>,
}

impl Story {
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Articles that are not copies of another (representatives and singletons), in order.
    pub fn representatives(&self) -> impl Iterator<Item = &Article> {
        let copies: std::collections::HashSet<&str> = self
            .duplicates
            .iter()
            .flat_map(|g| g.copies.iter().map(|c| c.id.as_str()))
            .collect();
        self.articles
            .iter()
            .filter(move |a| !copies.contains(a.id.as_str()))
    }
}
