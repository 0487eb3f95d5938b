//! Centroid summarizer: sentences closest to the cluster's TF-IDF centroid, with a lead
//! bonus, a redundancy filter, and sentence-quality filters.

use std::collections::HashMap;

use crosswire_text::{content_terms, sentences, word_count};

use crate::{Document, Selected, Summarizer, Summary, supporting_documents};

/// Settings of the centroid method.
#[derive(Debug, Clone)]
pub struct Centroid {
    /// Cosine above which a candidate repeats an already chosen sentence.
    pub redundancy: f64,
    pub min_words: usize,
    pub max_words: usize,
}

impl Default for Centroid {
    fn default() -> Self {
        Centroid {
            redundancy: 0.5,
            min_words: 8,
            max_words: 55,
        }
    }
}

struct Candidate {
    text: String,
    document: usize,
    sentence: usize,
    vector: HashMap<String, f64>,
    score: f64,
}

fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let (small, large) = if a.len() < b.len() { (a, b) } else { (b, a) };
    let dot: f64 = small
        .iter()
        .filter_map(|(k, v)| large.get(k).map(|w| v * w))
        .sum();
    let na: f64 = a.values().map(|v| v * v).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|v| v * v).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// A sentence worth quoting alone: long enough, ends like a sentence, not a dangling quote.
fn is_quality_sentence(s: &str, min: usize, max: usize) -> bool {
    let n = word_count(s);
    let ends_well = s.ends_with(['.', '!', '?', '"', '\u{201D}']);
    let quotes = s.matches(['"', '\u{201C}', '\u{201D}']).count();
    n >= min && n <= max && ends_well && quotes & 1 == 0 && !s.ends_with('?')
}

impl Summarizer for Centroid {
    fn summarize(&self, docs: &[Document<'_>], budget_words: usize) -> Summary {
        let mut df: HashMap<String, usize> = HashMap::new();
        let mut raw = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            let mut idx = 0;
            for p in doc.paragraphs {
                for s in sentences(p) {
                    let terms = content_terms(s);
                    for t in &terms {
                        if seen.insert(t.clone()) {
                            *df.entry(t.clone()).or_default() += 1;
                        }
                    }
                    raw.push((d, idx, s.to_string(), terms));
                    idx += 1;
                }
            }
        }
        let n_docs = docs.len().max(1) as f64;
        let idf = |t: &str| {
            ((n_docs + 1.0) / (*df.get(t).unwrap_or(&0) as f64 + 0.5))
                .ln()
                .max(0.0)
                + 0.1
        };
        let mut centroid: HashMap<String, f64> = HashMap::new();
        let mut candidates = Vec::new();
        for (d, idx, text, terms) in raw {
            let mut tf: HashMap<String, f64> = HashMap::new();
            for t in terms {
                *tf.entry(t).or_default() += 1.0;
            }
            let vector: HashMap<String, f64> = tf
                .into_iter()
                .map(|(t, f)| {
                    let w = f * idf(&t);
                    (t, w)
                })
                .collect();
            for (t, w) in &vector {
                *centroid.entry(t.clone()).or_default() += w;
            }
            if is_quality_sentence(&text, self.min_words, self.max_words) {
                candidates.push(Candidate {
                    text,
                    document: d,
                    sentence: idx,
                    vector,
                    score: 0.0,
                });
            }
        }
        for c in &mut candidates {
            let position = 1.0 / (1.0 + c.sentence as f64).sqrt();
            c.score = cosine(&c.vector, &centroid) + 0.25 * position;
        }
        candidates.sort_by(|a, b| b.score.total_cmp(&a.score));
        let mut chosen: Vec<&Candidate> = Vec::new();
        let mut used = 0;
        for c in &candidates {
            if used >= budget_words {
                break;
            }
            if chosen
                .iter()
                .any(|s| cosine(&s.vector, &c.vector) > self.redundancy)
            {
                continue;
            }
            let n = word_count(&c.text);
            if used + n > budget_words + budget_words / 5 && !chosen.is_empty() {
                continue;
            }
            used += n;
            chosen.push(c);
        }
        chosen.sort_by_key(|c| (c.document, c.sentence));
        Summary {
            sentences: chosen
                .into_iter()
                .map(|c| Selected {
                    text: c.text.clone(),
                    document: c.document,
                    sentence: c.sentence,
                    supporting: supporting_documents(&c.text, c.document, docs),
                })
                .collect(),
        }
    }
}
