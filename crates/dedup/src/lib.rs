//! De-duplication: exact, near-duplicate and syndicated copies among articles.
//!
//! Principal entry point: [`find_duplicates`], which takes the articles of a batch and returns
//! [`DuplicateGroup`]s (a representative plus its copies with their similarity).
//! (Baseline implementation: exact body matches only; MinHash-LSH comes next.)

use std::collections::HashMap;

use crosswire_model::{Article, Copy, CopyKind, DuplicateGroup};

/// Group articles whose bodies are copies of one another.
pub fn find_duplicates(articles: &[Article]) -> Vec<DuplicateGroup> {
    let mut by_body: HashMap<String, Vec<&Article>> = HashMap::new();
    for a in articles {
        let key = crosswire_text::fold(&a.body().split_whitespace().collect::<Vec<_>>().join(" "));
        by_body.entry(key).or_default().push(a);
    }
    let mut groups: Vec<DuplicateGroup> = by_body
        .into_values()
        .filter(|g| g.len() > 1)
        .map(|g| DuplicateGroup {
            representative: g[0].id.clone(),
            copies: g[1..]
                .iter()
                .map(|a| Copy {
                    id: a.id.clone(),
                    similarity: 1.0,
                    kind: CopyKind::Exact,
                })
                .collect(),
        })
        .collect();
    groups.sort_by(|a, b| a.representative.cmp(&b.representative));
    groups
}
