//! ROUGE-N and ROUGE-L exactly as ROUGE-1.5.5 computes them for SPL summaries.
//!
//! [`RougeConfig`] holds the ROUGE-1.5.5 options (its [`Default`] is the DUC setting
//! `-n 2 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a`). [`Evaluator`] prepares the references
//! of every cluster once; [`Evaluator::score_system`] then scores one system: each summary is
//! read like `readText` (lower-case, cut to the limit, punctuation dropped, `-m` stemming),
//! scored against its cluster's references ([`Rouge::score_eval`]), and the per-cluster scores
//! are averaged with ROUGE's bootstrap ([`bootstrap::average`]). [`score`] does all of it in
//! one call.
//!
//! ```
//! use std::collections::HashMap;
//! use crosswire_eval::rouge::{self, input, RougeConfig};
//!
//! let refs = input::parse_references(r#"{"id": "c1", "refs": ["The cat sat on the mat."]}"#, None)
//!     .expect("valid references");
//! let summaries: HashMap<String, String> = [("c1".into(), "The cat sat.".into())].into();
//! let scores = rouge::score(&RougeConfig::default(), &refs.clusters, &summaries);
//! let rouge_1 = &scores.metrics[0];
//! assert_eq!(rouge_1.name, "ROUGE-1");
//! assert_eq!(rouge_1.per_cluster[0].recall, 0.5); // 3 of the reference's 6 words
//! assert_eq!(rouge_1.average.recall.mean, 0.5);
//! ```

pub mod bootstrap;
mod eval;
pub mod input;
pub mod report;
pub mod stem;
pub mod text;

use std::collections::HashMap;

use serde::Serialize;

pub use bootstrap::{Average, Estimate};
pub use input::{InputError, ReferenceCluster, ReferenceSet, SystemSummaries};
pub use text::Limit;

/// How the scores against several references are combined (ROUGE `-f`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelMode {
    /// `-f A`: hits and counts summed over the references ("pooled").
    Average,
    /// `-f B`: the reference with the best recall.
    Best,
}

/// The ROUGE-1.5.5 options crosswire supports. `-t 0` (sentence units) and `-a` are implied;
/// stopwords are always kept (no `-s`).
#[derive(Clone, Debug, PartialEq)]
pub struct RougeConfig {
    /// `-n`: ROUGE-1 .. ROUGE-max_n.
    pub max_n: usize,
    /// ROUGE-L (ROUGE's `-x` turns it off).
    pub lcs: bool,
    /// `-m`: Porter stemming with the WordNet 2.0 exceptions.
    pub stem: bool,
    /// `-l` / `-b`.
    pub limit: Limit,
    /// `-p`: F weight; F = PR / ((1 - alpha) P + alpha R).
    pub alpha: f64,
    /// `-f`.
    pub mode: ModelMode,
    /// `-r`: bootstrap resamples.
    pub resamples: usize,
    /// `-c`: confidence level of the interval, in percent.
    pub confidence: f64,
}

impl Default for RougeConfig {
    fn default() -> Self {
        RougeConfig {
            max_n: 2,
            lcs: true,
            stem: true,
            limit: Limit::Words(100),
            alpha: 0.5,
            mode: ModelMode::Average,
            resamples: 1000,
            confidence: 95.0,
        }
    }
}

impl RougeConfig {
    /// The equivalent ROUGE-1.5.5.pl arguments, for reports.
    pub fn rouge_args(&self) -> String {
        let mut args = format!("-n {}", self.max_n);
        if !self.lcs {
            args.push_str(" -x");
        }
        if self.stem {
            args.push_str(" -m");
        }
        match self.limit.effective() {
            Limit::Words(n) => args.push_str(&format!(" -l {n}")),
            Limit::Bytes(n) => args.push_str(&format!(" -b {n}")),
            Limit::None => {}
        }
        let mode = match self.mode {
            ModelMode::Average => "A",
            ModelMode::Best => "B",
        };
        args.push_str(&format!(
            " -p {} -c {} -r {} -f {mode} -t 0 -a",
            self.alpha, self.confidence, self.resamples
        ));
        args
    }

    /// The metrics scored, in output order: "ROUGE-1" .. "ROUGE-N", then "ROUGE-L".
    pub fn metric_names(&self) -> Vec<String> {
        let mut names: Vec<String> = (1..=self.max_n).map(|n| format!("ROUGE-{n}")).collect();
        if self.lcs {
            names.push("ROUGE-L".to_string());
        }
        names
    }
}

/// Recall, precision and F of one eval, each rounded to 5 decimals as ROUGE prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub recall: f64,
    pub precision: f64,
    pub f: f64,
}

/// A summary read and tokenized for scoring: the tokens of the whole (limited) text, and the
/// same per sentence for ROUGE-L. Tokens are ids from the [`Rouge`] that prepared them.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    tokens: Vec<u32>,
    units: Vec<Vec<u32>>,
}

impl Prepared {
    /// The number of scoring tokens (the ROUGE-1 count).
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Scores one peer against its models. Holds the token vocabulary and the stem cache, so
/// summaries compared with each other must be prepared by the same `Rouge`.
#[derive(Debug)]
pub struct Rouge {
    config: RougeConfig,
    /// Token (after stemming) -> id.
    vocab: HashMap<Vec<u8>, u32>,
    /// Id -> token, the inverse of `vocab`.
    names: Vec<Vec<u8>>,
    /// Raw token -> id of its stem.
    stems: HashMap<Vec<u8>, u32>,
}

impl Rouge {
    pub fn new(config: RougeConfig) -> Self {
        Rouge {
            config,
            vocab: HashMap::new(),
            names: Vec::new(),
            stems: HashMap::new(),
        }
    }

    pub fn config(&self) -> &RougeConfig {
        &self.config
    }

    /// Read a summary given one sentence per line (ROUGE's SPL format).
    pub fn prepare(&mut self, text: &str) -> Prepared {
        let lines = text::spl_lines(text);
        let limit = self.config.limit;
        let joined = text::read_text(&lines, limit);
        let tokens = self.token_ids(&joined);
        let units = if self.config.lcs {
            text::read_text_lcs(&lines, limit)
                .iter()
                .map(|unit| self.token_ids(unit))
                .collect()
        } else {
            Vec::new()
        };
        Prepared { tokens, units }
    }

    /// The scoring tokens of a summary as strings (stemmed if `-m`), for inspection.
    pub fn tokens(&mut self, text: &str) -> Vec<String> {
        let prepared = self.prepare(text);
        prepared
            .tokens
            .iter()
            .map(|&id| String::from_utf8_lossy(&self.names[id as usize]).into_owned())
            .collect()
    }

    fn token_ids(&mut self, cleaned: &[u8]) -> Vec<u32> {
        let mut ids = Vec::new();
        for raw in text::scoring_tokens(cleaned) {
            if let Some(&id) = self.stems.get(raw) {
                ids.push(id);
                continue;
            }
            // ROUGE stems only tokens longer than 3 bytes.
            let stemmed = if self.config.stem && raw.len() > 3 {
                stem::morph_stem(raw)
            } else {
                raw.to_vec()
            };
            let id = match self.vocab.get(&stemmed) {
                Some(&id) => id,
                None => {
                    let id = self.names.len() as u32;
                    self.names.push(stemmed.clone());
                    self.vocab.insert(stemmed, id);
                    id
                }
            };
            self.stems.insert(raw.to_vec(), id);
            ids.push(id);
        }
        ids
    }

    /// One eval: `peer` against `models`, one [`Prf`] per metric of
    /// [`RougeConfig::metric_names`].
    pub fn score_eval(&self, peer: &Prepared, models: &[Prepared]) -> Vec<Prf> {
        let c = &self.config;
        let mut scores: Vec<Prf> = (1..=c.max_n)
            .map(|n| eval::ngram_score(peer, models, n, c.mode, c.alpha))
            .collect();
        if c.lcs {
            scores.push(eval::lcs_score(peer, models, c.mode, c.alpha));
        }
        scores
    }
}

/// One metric of one system: the corpus average and the per-cluster scores.
#[derive(Clone, Debug, Serialize)]
pub struct MetricScores {
    pub name: String,
    pub average: Average,
    /// In reference-file order.
    pub per_cluster: Vec<Prf>,
}

/// The scores of one system.
#[derive(Clone, Debug, Serialize)]
pub struct SystemScores {
    /// Cluster ids, in reference-file order.
    pub clusters: Vec<String>,
    pub metrics: Vec<MetricScores>,
}

/// The references-against-references row: each reference scored against the others of its
/// cluster, plain mean over references, then over clusters.
#[derive(Clone, Debug, Serialize)]
pub struct HumanScores {
    /// (metric, mean recall, mean F).
    pub metrics: Vec<(String, f64, f64)>,
}

/// A reference set prepared once, to score any number of systems against.
#[derive(Debug)]
pub struct Evaluator {
    rouge: Rouge,
    ids: Vec<String>,
    models: Vec<Vec<Prepared>>,
    order: Vec<usize>,
}

impl Evaluator {
    pub fn new(config: RougeConfig, clusters: &[ReferenceCluster]) -> Self {
        let mut rouge = Rouge::new(config);
        let models = clusters
            .iter()
            .map(|c| c.refs.iter().map(|r| rouge.prepare(r)).collect())
            .collect();
        Evaluator {
            rouge,
            ids: clusters.iter().map(|c| c.id.clone()).collect(),
            models,
            order: bootstrap::bootstrap_order(clusters.len()),
        }
    }

    pub fn config(&self) -> &RougeConfig {
        self.rouge.config()
    }

    /// Score a system. `summary_of(cluster id)` gives its summary, one sentence per line;
    /// `None` is scored as an empty summary.
    pub fn score_system<'a>(
        &mut self,
        mut summary_of: impl FnMut(&str) -> Option<&'a str>,
    ) -> SystemScores {
        let per_eval: Vec<Vec<Prf>> = (0..self.ids.len())
            .map(|i| {
                let peer = self.rouge.prepare(summary_of(&self.ids[i]).unwrap_or(""));
                self.rouge.score_eval(&peer, &self.models[i])
            })
            .collect();
        let metrics = self
            .config()
            .metric_names()
            .into_iter()
            .enumerate()
            .map(|(k, name)| {
                let per_cluster: Vec<Prf> = per_eval.iter().map(|scores| scores[k]).collect();
                let ordered: Vec<Prf> = self.order.iter().map(|&i| per_cluster[i]).collect();
                MetricScores {
                    name,
                    average: bootstrap::average(
                        &ordered,
                        self.config().resamples,
                        self.config().confidence,
                    ),
                    per_cluster,
                }
            })
            .collect();
        SystemScores {
            clusters: self.ids.clone(),
            metrics,
        }
    }

    /// Each reference against the other references of its cluster; `None` if no cluster has
    /// two references.
    pub fn human(&self) -> Option<HumanScores> {
        let names = self.config().metric_names();
        let mut sums = vec![(0.0f64, 0.0f64); names.len()];
        let mut clusters = 0usize;
        for models in &self.models {
            if models.len() < 2 {
                continue;
            }
            let k = models.len() as f64;
            for i in 0..models.len() {
                let others: Vec<Prepared> = models
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, m)| m.clone())
                    .collect();
                for (sum, prf) in sums
                    .iter_mut()
                    .zip(self.rouge.score_eval(&models[i], &others))
                {
                    sum.0 += prf.recall / k;
                    sum.1 += prf.f / k;
                }
            }
            clusters += 1;
        }
        (clusters > 0).then(|| HumanScores {
            metrics: names
                .into_iter()
                .zip(sums)
                .map(|(name, (r, f))| (name, r / clusters as f64, f / clusters as f64))
                .collect(),
        })
    }
}

/// Score one system against a reference set: `summaries` maps cluster id to the summary,
/// one sentence per line.
pub fn score(
    config: &RougeConfig,
    clusters: &[ReferenceCluster],
    summaries: &HashMap<String, String>,
) -> SystemScores {
    let mut evaluator = Evaluator::new(config.clone(), clusters);
    evaluator.score_system(|id| summaries.get(id).map(String::as_str))
}
