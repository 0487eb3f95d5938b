//! Extractive multi-document summarization with citations.
//!
//! Input: a cluster of [`Document`]s (body paragraphs, publication order). Output: a
//! [`Summary`]: sentences chosen from the documents within a word budget, in reading order,
//! each with the documents that carry the same information ([`Selected::supporting`]).
//!
//! The principal type is [`Summarizer`], a trait with one implementation per method;
//! [`Method`] names them for the CLI (`--method`) and [`Method::default`] is the best on the
//! dev set.

mod centroid;
mod compress;
mod concepts;
mod coverage;
mod hash;
mod prepare;
mod quality;
mod submodular;
mod support;

pub use centroid::Centroid;
pub use compress::Compression;
pub use concepts::{Concepts, Solver};
pub use submodular::Submodular;
pub use support::supporting_documents;

use prepare::Cluster;

/// One document of a cluster.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// Body paragraphs in order.
    pub paragraphs: &'a [String],
}

/// A sentence chosen for the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Selected {
    pub text: String,
    /// Index of the document the sentence was taken from.
    pub document: usize,
    /// Index of the sentence within that document (over all its paragraphs).
    pub sentence: usize,
    /// Documents that carry the same information, `document` first.
    pub supporting: Vec<usize>,
}

/// A summary: the selected sentences in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub sentences: Vec<Selected>,
}

/// A summarization method.
pub trait Summarizer: Send + Sync {
    /// Choose sentences from `docs` totalling at most `budget_words` whitespace words (the
    /// last sentence may be cut by the caller's truncation rule, never here).
    fn summarize(&self, docs: &[Document<'_>], budget_words: usize) -> Summary;
}

/// The methods `--method` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    Centroid,
    #[default]
    Concepts,
    ConceptsGreedy,
    ConceptsNoFill,
    Submodular,
}

impl Method {
    pub const ALL: &'static [(&'static str, Method)] = &[
        ("centroid", Method::Centroid),
        ("concepts", Method::Concepts),
        ("concepts-greedy", Method::ConceptsGreedy),
        ("concepts-nofill", Method::ConceptsNoFill),
        ("submodular", Method::Submodular),
    ];

    pub fn parse(name: &str) -> Option<Method> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
    }

    pub fn summarizer(self) -> Box<dyn Summarizer> {
        match self {
            Method::Centroid => Box::new(Centroid::default()),
            Method::Concepts => Box::new(Concepts::default()),
            Method::ConceptsGreedy => Box::new(Concepts {
                solver: Solver::Greedy,
                ..Concepts::default()
            }),
            Method::ConceptsNoFill => Box::new(Concepts {
                fill: false,
                ..Concepts::default()
            }),
            Method::Submodular => Box::new(Submodular::default()),
        }
    }
}

/// Turn selected sentences (indices into `cluster.sentences`) into a [`Summary`]: in
/// reading order (document publication order, then position), the overflow `filler` last,
/// each with its supporting documents.
pub(crate) fn assemble(cluster: &Cluster, chosen: &[usize], filler: Option<usize>) -> Summary {
    let mut order: Vec<usize> = chosen.to_vec();
    order.sort_by_key(|&i| (cluster.sentences[i].document, cluster.sentences[i].index));
    order.dedup();
    order.extend(filler.filter(|f| !chosen.contains(f)));
    Summary {
        sentences: order
            .into_iter()
            .map(|i| {
                let s = &cluster.sentences[i];
                Selected {
                    text: s.text.clone(),
                    document: s.document,
                    sentence: s.index,
                    supporting: support::supporting(cluster, i),
                }
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
