//! Extractive multi-document summarization with citations.
//!
//! Input: a cluster of [`Document`]s (body paragraphs, publication order). Output: a
//! [`Summary`]: sentences chosen from the documents within a word budget, in reading order,
//! each with the documents that carry the same information ([`Selected::supporting`]).
//!
//! The principal type is [`Summarizer`], a trait with one implementation per method;
//! [`Method`] names them for the CLI (`--method`) and [`Method::default`] is the best on the
//! dev set (DUC 2003, `bench/run_summarize.sh`).
//!
//! Data flow of the default method, [`Concepts`]:
//! 1. `prepare`: split paragraphs into sentences, strip wire datelines, optionally compress
//!    (`compress`: trailing attribution clauses), add shortened variants of each sentence
//!    (`compress`: leading phrases and connectives, weekdays, parentheticals, pronoun
//!    asides), tokenize and stem once into small integer ids, and mark the sentences that
//!    read well alone (`quality`).
//! 2. `concepts`: word bigrams weighted by how many documents use them (plus a bonus for
//!    appearing in a document's lead) are the units of information.
//! 3. `coverage`: pick the sentences that cover the most concept weight within the budget,
//!    exactly, by branch and bound, at most one of a sentence, its variants and its wire
//!    copies (a variant frees budget when its deleted words carry no concept; one that
//!    loses nothing replaces its sentence before the search); then add one overflow
//!    sentence for the caller's truncation to cut. The room left for it (0-20 words) is
//!    chosen by the total weight the first `budget` words cover, since that is what a
//!    truncating scorer reads.
//! 4. `assemble`: order the picks by publication order and position, and cite for each
//!    the documents that restate it (`support`).
//!
//! [`Submodular`] (Lin & Bilmes 2011) and [`Centroid`] are alternatives. [`Style`] says
//! whether words may be deleted at all: [`Method::summarizer_for_reading`] (the digest)
//! prints every sentence as its source wrote it, attribution included.

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
    /// The sentence as printed: source sentence `sentence` of `document`, less a leading
    /// wire dateline and (in the ROUGE style) words deleted by compression.
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

/// How summary sentences may be printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Whether sentences may be shortened by deleting words (attributions, asides...).
    /// Deletion packs more content into a word budget but can change what a sentence
    /// claims on whose authority; a reader-facing summary keeps sentences whole.
    pub compress: bool,
}

impl Style {
    /// For automatic evaluation (`crosswire summarize`): compression on.
    pub const ROUGE: Style = Style { compress: true };
    /// For readers (`crosswire digest`): sentences as written.
    pub const READING: Style = Style { compress: false };
}

/// The methods `--method` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Method {
    /// TF-IDF centroid similarity with a lead bonus and a redundancy filter (baseline).
    Centroid,
    /// Bigram concept coverage solved exactly over sentences and their shortened variants
    /// (leading phrases and connectives, weekdays, parentheticals, pronoun asides), plus
    /// an overflow sentence (default).
    #[default]
    Concepts,
    /// The same objective solved greedily (gain per word).
    ConceptsGreedy,
    /// Concept coverage over sentences as written (less a trailing attribution): no
    /// shortened variants compete.
    ConceptsWhole,
    /// Concept coverage with every deletion rule's variants: also appositives and
    /// relative clauses, closing circumstance clauses and opening attributions.
    ConceptsAllDeletions,
    /// Concept coverage without the overflow sentence: the summary fits the budget.
    ConceptsNoFill,
    /// Lin & Bilmes coverage + diversity, greedy.
    Submodular,
}

impl Method {
    pub const ALL: &'static [(&'static str, Method)] = &[
        ("centroid", Method::Centroid),
        ("concepts", Method::Concepts),
        ("concepts-greedy", Method::ConceptsGreedy),
        ("concepts-whole", Method::ConceptsWhole),
        ("concepts-all-deletions", Method::ConceptsAllDeletions),
        ("concepts-nofill", Method::ConceptsNoFill),
        ("submodular", Method::Submodular),
    ];

    pub fn parse(name: &str) -> Option<Method> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
    }

    /// The method as tuned for ROUGE: sentences may be compressed (a trailing
    /// `, police said.` is removed) to fit more content in the budget.
    pub fn summarizer(self) -> Box<dyn Summarizer> {
        self.summarizer_styled(Style::ROUGE)
    }

    /// The method for people to read (the digest): the same selection, but every sentence
    /// is printed as its source wrote it (less a wire dateline), so who claims what is kept.
    pub fn summarizer_for_reading(self) -> Box<dyn Summarizer> {
        self.summarizer_styled(Style::READING)
    }

    /// The method with the output style `style`.
    pub fn summarizer_styled(self, style: Style) -> Box<dyn Summarizer> {
        let concepts = || {
            let mut c = Concepts::default();
            if !style.compress {
                c.compress = Compression::NONE;
                c.variants = Compression::NONE;
            }
            c
        };
        match self {
            Method::Centroid => Box::new(Centroid::default()),
            Method::Concepts => Box::new(concepts()),
            Method::ConceptsGreedy => Box::new(Concepts {
                solver: Solver::Greedy,
                ..concepts()
            }),
            Method::ConceptsWhole => Box::new(Concepts {
                variants: Compression::NONE,
                ..concepts()
            }),
            Method::ConceptsAllDeletions => {
                let mut c = concepts();
                if style.compress {
                    c.variants = Compression::ALL_DELETIONS;
                }
                Box::new(c)
            }
            Method::ConceptsNoFill => Box::new(Concepts {
                fill: false,
                ..concepts()
            }),
            Method::Submodular => {
                let mut s = Submodular::default();
                if !style.compress {
                    s.compress = Compression::NONE;
                }
                Box::new(s)
            }
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
