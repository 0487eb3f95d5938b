//! Cluster preparation shared by every method: split documents into sentences, strip
//! datelines, tokenize and stem once (interning stems as small integer ids), and mark the
//! sentences that may be quoted alone.

use crate::hash::FxHashMap as HashMap;

use crosswire_text::{fold, is_stopword, sentences, stem, word_count, words};

use crate::Document;
use crate::compress::Compression;
use crate::quality::{is_quotable, strip_dateline};

/// A sentence of the cluster with everything the methods need.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    /// The sentence as it would be printed (dateline removed).
    pub text: String,
    /// Index of its document.
    pub document: usize,
    /// Index within its document, over all paragraphs (as [`crate::Selected::sentence`]).
    pub index: usize,
    /// Whitespace words of `text`: what the budget counts.
    pub words: usize,
    /// Stem ids of its word tokens, in order, stopwords included.
    pub tokens: Vec<u32>,
    /// Whether it may be selected (see [`is_quotable`]).
    pub quotable: bool,
    /// Position (in [`Cluster::sentences`]) of the sentence this one is a shortened variant
    /// of; its own position for a sentence as written. At most one of a group is selected.
    pub group: usize,
}

/// A cluster ready for selection.
#[derive(Debug, Default)]
pub(crate) struct Cluster {
    pub sentences: Vec<Sentence>,
    /// Per stem id: whether the stem is a stopword.
    pub stop: Vec<bool>,
    /// Per stem id: whether the word is a number (`12`, `1.5`, `150,000`).
    pub number: Vec<bool>,
    /// Per stem id: whether the word is a verb of reporting (`said`, `told`).
    pub reporting: Vec<bool>,
    pub n_docs: usize,
}

impl Cluster {
    /// Split and tokenize `docs`, compressing each sentence as `compress` says. Sentences
    /// with no words at all are dropped.
    pub fn new(docs: &[Document<'_>], compress: Compression) -> Cluster {
        Cluster::with_variants(docs, compress, Compression::NONE, 0)
    }

    /// As [`Cluster::new`], and after each quotable sentence of more than `min_words`
    /// words its shortened variants under the rules of `variants` (see
    /// [`Compression::variants`]), in the sentence's group. (A variant of a shorter
    /// sentence would be too short to select.)
    pub fn with_variants(
        docs: &[Document<'_>],
        compress: Compression,
        variants: Compression,
        min_words: usize,
    ) -> Cluster {
        LEXICON.with(|lexicon| {
            let mut lexicon = lexicon.borrow_mut();
            Cluster::build(docs, compress, (variants, min_words), &mut lexicon)
        })
    }

    /// Whether sentence `i` is printed as its source wrote it (not a variant).
    pub fn is_base(&self, i: usize) -> bool {
        self.sentences.get(i).is_some_and(|s| s.group == i)
    }

    fn build(
        docs: &[Document<'_>],
        compress: Compression,
        (variants, min_words): (Compression, usize),
        lexicon: &mut Lexicon,
    ) -> Cluster {
        let mut vocab = Vocabulary::new(lexicon);
        let mut out = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let mut index = 0;
            for paragraph in doc.paragraphs {
                for (k, raw) in sentences(paragraph).into_iter().enumerate() {
                    let stripped = if k == 0 { strip_dateline(raw) } else { raw };
                    let text = compress.apply(stripped);
                    let group = out.len();
                    let n = word_count(&text);
                    let quotable = is_quotable(&text, n);
                    let shorter = if n > min_words && quotable {
                        variants.variants(&text)
                    } else {
                        Vec::new()
                    };
                    let mut known = Some((n, quotable));
                    for text in std::iter::once(text).chain(shorter) {
                        let tokens: Vec<u32> =
                            words(&text).into_iter().map(|t| vocab.id(t.text)).collect();
                        if tokens.is_empty() {
                            // A base without words has no variants either.
                            break;
                        }
                        let (n, quotable) = known.take().unwrap_or_else(|| {
                            let n = word_count(&text);
                            (n, is_quotable(&text, n))
                        });
                        out.push(Sentence {
                            quotable,
                            text,
                            document: d,
                            index,
                            words: n,
                            tokens,
                            group,
                        });
                    }
                    index += 1;
                }
            }
        }
        Cluster {
            sentences: out,
            stop: vocab.stop,
            number: vocab.number,
            reporting: vocab.reporting,
            n_docs: docs.len(),
        }
    }

    /// The cluster restricted to the sentences at `keep` (indices, ascending).
    /// Every kept sentence forms its own group there.
    pub fn subset(&self, keep: &[usize]) -> Cluster {
        Cluster {
            sentences: keep
                .iter()
                .filter_map(|&i| self.sentences.get(i).cloned())
                .enumerate()
                .map(|(k, mut s)| {
                    s.group = k;
                    s
                })
                .collect(),
            stop: self.stop.clone(),
            number: self.number.clone(),
            reporting: self.reporting.clone(),
            n_docs: self.n_docs,
        }
    }

    /// Whether a stem id is a content word (not a stopword).
    pub fn is_content(&self, id: u32) -> bool {
        !self.stop.get(id as usize).copied().unwrap_or(true)
    }

    /// Whether a stem id is a verb of reporting.
    pub fn is_reporting(&self, id: u32) -> bool {
        self.reporting.get(id as usize).copied().unwrap_or(false)
    }

    /// Whether a stem id is a number.
    pub fn is_number(&self, id: u32) -> bool {
        self.number.get(id as usize).copied().unwrap_or(false)
    }
}

/// Words seen on this thread, kept across clusters: news vocabulary repeats, and folding
/// and stemming are the costliest steps of preparation. Each surface word maps to a stem
/// id; ids are global to the lexicon and renumbered per cluster by [`Vocabulary`].
#[derive(Default)]
struct Lexicon {
    by_surface: HashMap<String, u32>,
    by_stem: HashMap<String, u32>,
    stop: Vec<bool>,
    number: Vec<bool>,
    reporting: Vec<bool>,
    /// Per stem id: its id in the current cluster, valid when `stamp` equals `generation`.
    local: Vec<u32>,
    stamp: Vec<u32>,
    generation: u32,
}

/// Verbs that report speech: their bigrams (`officials said`) say who spoke, not what
/// happened.
const REPORTING_VERBS: &[&str] = &[
    "added",
    "announced",
    "reported",
    "said",
    "say",
    "saying",
    "says",
    "stated",
    "told",
];

/// Lexicon size past which it is cleared (between clusters), bounding memory on endless
/// streams.
const LEXICON_LIMIT: usize = 300_000;

thread_local! {
    static LEXICON: std::cell::RefCell<Lexicon> = std::cell::RefCell::new(Lexicon::default());
}

impl Lexicon {
    fn id(&mut self, surface: &str) -> u32 {
        if let Some(&id) = self.by_surface.get(surface) {
            return id;
        }
        let folded = fold(surface);
        let is_stop = is_stopword(&folded)
            || (folded.chars().count() < 2 && !folded.chars().all(|c| c.is_ascii_digit()));
        let next = self.stop.len() as u32;
        let id = *self.by_stem.entry(stem(&folded)).or_insert(next);
        if id == next {
            self.stop.push(is_stop);
            self.local.push(0);
            self.stamp.push(0);
            self.reporting
                .push(REPORTING_VERBS.contains(&folded.as_str()));
            self.number.push(
                folded
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ','),
            );
        }
        self.by_surface.insert(surface.to_string(), id);
        id
    }
}

/// Stem ids of one cluster: lexicon ids renumbered densely from 0, so per-stem tables are
/// as small as the cluster's vocabulary.
struct Vocabulary<'l> {
    lexicon: &'l mut Lexicon,
    stop: Vec<bool>,
    number: Vec<bool>,
    reporting: Vec<bool>,
}

impl<'l> Vocabulary<'l> {
    fn new(lexicon: &'l mut Lexicon) -> Self {
        if lexicon.by_surface.len() > LEXICON_LIMIT || lexicon.generation == u32::MAX {
            *lexicon = Lexicon::default();
        }
        lexicon.generation += 1;
        Vocabulary {
            lexicon,
            stop: Vec::new(),
            number: Vec::new(),
            reporting: Vec::new(),
        }
    }

    fn id(&mut self, surface: &str) -> u32 {
        let global = self.lexicon.id(surface) as usize;
        let lex = &mut *self.lexicon;
        if lex.stamp[global] != lex.generation {
            lex.stamp[global] = lex.generation;
            lex.local[global] = self.stop.len() as u32;
            self.stop.push(lex.stop[global]);
            self.number.push(lex.number[global]);
            self.reporting.push(lex.reporting[global]);
        }
        lex.local[global]
    }
}
