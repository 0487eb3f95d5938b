//! Concept coverage (Gillick & Favre 2009): concepts are stemmed word bigrams, weighted by
//! the number of documents that use them; the summary is the set of sentences, within the
//! budget, covering the most concept weight, each concept counted once. Redundancy is
//! penalised for free: a sentence repeating covered bigrams adds nothing.

use crate::hash::FxHashMap as HashMap;

use crate::compress::Compression;
use crate::coverage::{Item, Problem};
use crate::prepare::Cluster;
use crate::quality::{is_unattributed_quote, opens_with_dangling_word};
use crate::{Document, Summarizer, Summary, assemble};

/// How the coverage problem is solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Solver {
    /// Branch and bound, exact up to a node limit.
    Exact,
    /// Greedy by gain per word.
    Greedy,
}

/// Settings of the concept-coverage method.
#[derive(Debug, Clone)]
pub struct Concepts {
    pub solver: Solver,
    /// Sentences shorter or longer than this (words) are not selected.
    pub min_words: usize,
    pub max_words: usize,
    /// Concepts must appear in at least this share of the documents (and at least two;
    /// a single document counts sentences instead).
    pub min_df_share: f64,
    /// Extra weight per document whose first `lead_sentences` sentences use the concept.
    pub lead_bonus: f64,
    pub lead_sentences: usize,
    /// Whether sentences opening with a quotation that names no speaker may be selected.
    pub allow_unattributed_quotes: bool,
    /// Whether sentences opening with a word that needs the previous sentence (`But`,
    /// `He`, `This`...) may be selected.
    pub allow_dangling_openers: bool,
    /// Sentence compression rules applied to candidates.
    pub compress: Compression,
    /// Deletion rules offered as alternatives: each sentence also competes in shortened
    /// variants ([`Compression::variants`]), and the solver picks at most one of them.
    pub variants: Compression,
    /// Exponent applied to a concept's document count (with its lead bonus): 1 is
    /// Gillick & Favre's linear weight; above 1 favours what most documents repeat.
    pub df_power: f64,
    /// Weight of a concept of its own that each document's first sentence covers; 0 for
    /// none.
    pub first_sentence_bonus: f64,
    /// Whether bigrams with a verb of reporting (`police said`) are left out of the
    /// concepts.
    pub skip_reporting: bool,
    /// Weight of content-word (unigram) concepts relative to bigram concepts; 0 for none.
    pub unigram_weight: f64,
    /// After solving within the budget, append the sentence that adds the most concept
    /// weight within the remaining words (the scorer's truncation cuts it).
    pub fill: bool,
    /// Room (words) to try leaving for the overflow sentence, ascending, starting at 0:
    /// the core is solved for `budget - slack` for each and the best core + overflow
    /// total is kept.
    pub fill_slacks: Vec<usize>,
    /// Branch-and-bound node limit.
    pub node_limit: usize,
}

impl Default for Concepts {
    fn default() -> Self {
        Concepts {
            solver: Solver::Exact,
            min_words: 12,
            max_words: 50,
            min_df_share: 0.25,
            lead_bonus: 1.0,
            lead_sentences: 3,
            allow_unattributed_quotes: false,
            allow_dangling_openers: false,
            unigram_weight: 0.0,
            df_power: 1.0,
            skip_reporting: false,
            first_sentence_bonus: 0.0,
            compress: Compression {
                trailing_attribution: true,
                ..Compression::NONE
            },
            // Every deletion rule but appositives, which lost on the dev set.
            variants: Compression {
                appositive: false,
                trailing_attribution: false,
                trailing_clause: false,
                leading_attribution: false,
                ..Compression::ALL_DELETIONS
            },
            fill: true,
            fill_slacks: vec![0, 5, 10, 15, 20],
            node_limit: 20_000,
        }
    }
}

/// Concept ids of every sentence (deduplicated per sentence) and their weights.
pub(crate) struct ConceptIndex {
    /// Per sentence: its concept ids, sorted, without duplicates.
    pub of_sentence: Vec<Vec<u32>>,
    /// Per sentence: (position of the bigram's first token, concept id), in text order.
    pub in_order: Vec<Vec<(usize, u32)>>,
    /// Per concept: its weight (0 when below the document-frequency threshold).
    pub weights: Vec<f64>,
}

/// Bigram keys of a sentence with the position of their first token: consecutive stems, at
/// least one of them a content word.
pub(crate) fn bigrams(cluster: &Cluster, i: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    cluster.sentences[i]
        .tokens
        .windows(2)
        .enumerate()
        .filter(|(_, w)| cluster.is_content(w[0]) || cluster.is_content(w[1]))
        .map(|(k, w)| (k, ((w[0] as u64) << 32) | w[1] as u64))
}

/// Content-word keys of a sentence, with positions; marked apart from bigram keys by the
/// high bit (stem ids never reach it).
pub(crate) fn unigrams(cluster: &Cluster, i: usize) -> impl Iterator<Item = (usize, u64)> + '_ {
    cluster.sentences[i]
        .tokens
        .iter()
        .enumerate()
        .filter(|&(_, &t)| cluster.is_content(t))
        .map(|(k, &t)| (k, (1u64 << 63) | t as u64))
}

impl ConceptIndex {
    pub fn new(
        cluster: &Cluster,
        min_df_share: f64,
        lead_bonus: f64,
        lead_sentences: usize,
        unigram_weight: f64,
        df_power: f64,
        skip_reporting: bool,
    ) -> Self {
        let mut ids: HashMap<u64, u32> = HashMap::default();
        let mut is_unigram: Vec<bool> = Vec::new();
        let mut of_sentence = Vec::with_capacity(cluster.sentences.len());
        let mut in_order = Vec::with_capacity(cluster.sentences.len());
        for i in 0..cluster.sentences.len() {
            let tokens = &cluster.sentences[i].tokens;
            let mut keys: Vec<(usize, u64)> = bigrams(cluster, i)
                .filter(|&(k, _)| {
                    !skip_reporting
                        || !(cluster.is_reporting(tokens[k]) || cluster.is_reporting(tokens[k + 1]))
                })
                .collect();
            if unigram_weight > 0.0 {
                keys.extend(unigrams(cluster, i));
                keys.sort_by_key(|&(k, _)| k);
            }
            let seq: Vec<(usize, u32)> = keys
                .into_iter()
                .map(|(k, key)| {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert(next);
                    if id == next {
                        is_unigram.push(key >> 63 == 1);
                    }
                    (k, id)
                })
                .collect();
            let mut cs: Vec<u32> = seq.iter().map(|&(_, c)| c).collect();
            cs.sort_unstable();
            cs.dedup();
            of_sentence.push(cs);
            in_order.push(seq);
        }
        // Document frequency, and in how many documents the concept is in the lead.
        let n = ids.len();
        let mut df = vec![0usize; n];
        let mut lead = vec![0usize; n];
        let mut sentence_freq = vec![0usize; n];
        let mut last_doc = vec![usize::MAX; n];
        let mut last_lead_doc = vec![usize::MAX; n];
        for (i, (s, cs)) in cluster.sentences.iter().zip(&of_sentence).enumerate() {
            // Variants repeat their sentence, and the word pairs a deletion joins were
            // never written: only sentences as written count.
            if !cluster.is_base(i) {
                continue;
            }
            for &c in cs {
                let c = c as usize;
                sentence_freq[c] += 1;
                if last_doc[c] != s.document {
                    last_doc[c] = s.document;
                    df[c] += 1;
                }
                if s.index < lead_sentences && last_lead_doc[c] != s.document {
                    last_lead_doc[c] = s.document;
                    lead[c] += 1;
                }
            }
        }
        // Small clusters: fall back from documents to sentences as the unit of repetition.
        // At least a share of the documents, and never fewer than two.
        let min_df = ((min_df_share * cluster.n_docs as f64).round() as usize).max(2);
        let few_docs = cluster.n_docs < min_df;
        let threshold = if few_docs { 2 } else { min_df };
        let weights = (0..n)
            .map(|c| {
                let count = if few_docs { sentence_freq[c] } else { df[c] };
                let scale = if is_unigram[c] { unigram_weight } else { 1.0 };
                if count >= threshold {
                    scale * (count as f64 + lead_bonus * lead[c] as f64).powf(df_power)
                } else {
                    0.0
                }
            })
            .collect();
        ConceptIndex {
            of_sentence,
            in_order,
            weights,
        }
    }

    /// Concepts of sentence `i` that carry weight.
    pub fn weighted(&self, i: usize) -> Vec<u32> {
        self.of_sentence[i]
            .iter()
            .copied()
            .filter(|&c| self.weights[c as usize] > 0.0)
            .collect()
    }
}

impl Concepts {
    fn eligible(&self, cluster: &Cluster, i: usize) -> bool {
        let s = &cluster.sentences[i];
        s.quotable
            && s.words >= self.min_words
            && s.words <= self.max_words
            && (self.allow_unattributed_quotes || !is_unattributed_quote(&s.text))
            && (self.allow_dangling_openers || !opens_with_dangling_word(&s.text))
    }

    /// Indices (into `cluster.sentences`) of the selected sentences, the overflow filler
    /// (if any) last.
    pub(crate) fn select(&self, cluster: &Cluster, budget: usize) -> (Vec<usize>, Option<usize>) {
        let index = ConceptIndex::new(
            cluster,
            self.min_df_share,
            self.lead_bonus,
            self.lead_sentences,
            self.unigram_weight,
            self.df_power,
            self.skip_reporting,
        );
        let candidates: Vec<usize> = (0..cluster.sentences.len())
            .filter(|&i| self.eligible(cluster, i))
            .collect();
        // Only sentences with some weighted concept can add anything.
        let useful: Vec<(usize, Vec<u32>)> = candidates
            .iter()
            .map(|&i| (i, index.weighted(i)))
            .filter(|(_, concepts)| !concepts.is_empty())
            .collect();
        let useful = drop_dominated(cluster, useful);
        // Renumber the weighted concepts densely: the solver's tables are per concept.
        let mut dense: HashMap<u32, u32> = HashMap::default();
        let mut weights: Vec<f64> = Vec::new();
        let mut groups: HashMap<&str, u32> = HashMap::default();
        let items: Vec<Item> = useful
            .iter()
            .map(|(i, concepts)| Item {
                len: cluster.sentences[*i].words,
                // Copies of one sentence in several documents (wire copies) and their
                // variants form one group: a variant of one copy plus another copy whole
                // would say the same thing twice.
                group: {
                    let base = &cluster.sentences[cluster.sentences[*i].group].text;
                    let next = groups.len() as u32;
                    *groups.entry(base.as_str()).or_insert(next)
                },
                concepts: concepts
                    .iter()
                    .map(|&c| {
                        *dense.entry(c).or_insert_with(|| {
                            weights.push(index.weights[c as usize]);
                            weights.len() as u32 - 1
                        })
                    })
                    .collect(),
            })
            .collect();
        let mut items = items;
        if self.first_sentence_bonus > 0.0 {
            // The opening sentence of a report states its news: a concept of its own,
            // shared by its variants and copies (so counted once).
            let mut own: HashMap<u32, u32> = HashMap::default();
            for (item, (i, _)) in items.iter_mut().zip(&useful) {
                if cluster.sentences[*i].index == 0 {
                    let c = *own.entry(item.group).or_insert_with(|| {
                        weights.push(self.first_sentence_bonus);
                        weights.len() as u32 - 1
                    });
                    item.concepts.push(c);
                }
            }
        }
        let mut problem = Problem {
            weights,
            items,
            budget,
        };
        let slacks = match self.fill && !self.fill_slacks.is_empty() {
            true => self.fill_slacks.clone(),
            false => vec![0],
        };
        // The scorer reads the first `budget` words, the overflow sentence's beginning
        // included; so try leaving some room for it and keep the best total.
        let mut best: Option<(f64, Vec<usize>, Option<usize>)> = None;
        let mut previous: Vec<usize> = Vec::new();
        // Largest slack first: each optimum seeds the next, larger budget.
        for &slack in slacks.iter().rev() {
            problem.budget = budget.saturating_sub(slack);
            let picked = match self.solver {
                Solver::Exact => problem.solve_from(self.node_limit, &previous),
                Solver::Greedy => problem.greedy(),
            };
            let value = problem.value(&picked);
            let mut chosen: Vec<usize> = picked.iter().map(|&k| useful[k].0).collect();
            previous = picked;
            if chosen.is_empty() && budget > 0 {
                // Nothing repeated across the cluster, or nothing fits: the first quotable
                // sentence, which the caller's truncation may cut.
                if let Some(&first) = candidates.first() {
                    chosen.push(first);
                }
            }
            let filler = if self.fill {
                self.filler(cluster, &index, &candidates, &chosen, budget)
            } else {
                None
            };
            let total = value + filler.map_or(0.0, |(_, g)| g);
            // Ties go to the smaller slack (visited later).
            if best.as_ref().is_none_or(|(v, _, _)| total >= *v - 1e-9) {
                best = Some((total, chosen, filler.map(|(i, _)| i)));
            }
        }
        best.map(|(_, c, f)| (c, f)).unwrap_or_default()
    }

    /// The sentence whose first `budget - used` words add the most uncovered concept
    /// weight; `None` if the budget is full or nothing adds weight.
    fn filler(
        &self,
        cluster: &Cluster,
        index: &ConceptIndex,
        candidates: &[usize],
        chosen: &[usize],
        budget: usize,
    ) -> Option<(usize, f64)> {
        let used: usize = chosen.iter().map(|&i| cluster.sentences[i].words).sum();
        let room = budget.checked_sub(used).filter(|&r| r > 0)?;
        let mut covered = vec![false; index.weights.len()];
        for &i in chosen {
            for &c in &index.of_sentence[i] {
                covered[c as usize] = true;
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for &i in candidates {
            let base = |k: usize| &cluster.sentences[cluster.sentences[k].group].text;
            if chosen.iter().any(|&c| base(c) == base(i)) {
                continue;
            }
            // Concepts within the words the scorer will keep (tokens approximate words).
            let s = &cluster.sentences[i];
            let keep = room.min(s.tokens.len());
            let mut seen: Vec<u32> = Vec::new();
            let mut gain = 0.0;
            for &(_, c) in index.in_order[i].iter().take_while(|&&(k, _)| k + 1 < keep) {
                if !covered[c as usize] && !seen.contains(&c) {
                    seen.push(c);
                    gain += index.weights[c as usize];
                }
            }
            if gain > 0.0 && best.is_none_or(|(_, g)| gain > g) {
                best = Some((i, gain));
            }
        }
        best
    }
}

/// Whether sorted, deduplicated `a` is a subset of sorted, deduplicated `b`.
fn is_subset(a: &[u32], b: &[u32]) -> bool {
    let mut b = b.iter();
    a.iter().all(|x| b.any(|y| y == x))
}

/// `useful` without the sentences another of their group beats for sure: one at most as
/// long covering at least the same weighted concepts (ties keep the first). At most one
/// sentence of a group is selected, so the optimum is unchanged, and the search is
/// smaller: a variant that only deleted weightless words dominates its sentence.
fn drop_dominated(cluster: &Cluster, useful: Vec<(usize, Vec<u32>)>) -> Vec<(usize, Vec<u32>)> {
    let group = |i: usize| cluster.sentences[i].group;
    let mut by_group: HashMap<usize, Vec<usize>> = HashMap::default();
    for (k, (i, _)) in useful.iter().enumerate() {
        by_group.entry(group(*i)).or_default().push(k);
    }
    let len = |k: usize| cluster.sentences[useful[k].0].words;
    let mut dropped = vec![false; useful.len()];
    for members in by_group.values().filter(|m| m.len() > 1) {
        for &a in members {
            dropped[a] = members.iter().any(|&b| {
                b != a
                    && !dropped[b]
                    && len(b) <= len(a)
                    && is_subset(&useful[a].1, &useful[b].1)
                    && (len(b) < len(a) || useful[b].1.len() > useful[a].1.len() || b < a)
            });
        }
    }
    useful
        .into_iter()
        .zip(dropped)
        .filter_map(|(u, d)| (!d).then_some(u))
        .collect()
}

impl Summarizer for Concepts {
    fn summarize(&self, docs: &[Document<'_>], budget_words: usize) -> Summary {
        let cluster = Cluster::with_variants(docs, self.compress, self.variants, self.min_words);
        let (chosen, filler) = self.select(&cluster, budget_words);
        assemble(&cluster, &chosen, filler)
    }
}
