//! Submodular coverage + diversity (Lin & Bilmes 2011):
//!
//! F(S) = Σ_i min(C_i(S), α·C_i(V)) + λ·Σ_k sqrt(Σ_{j ∈ S ∩ P_k} r_j)
//!
//! where C_i(S) is how similar the selection is to sentence i (sum of TF-IDF cosines),
//! capped at a share α of what the whole cluster gives it, so that covering one part of the
//! story well saturates and the rest gets attention; P_k partitions the sentences into
//! groups of similar ones and r_j is sentence j's mean similarity to the cluster, so the
//! square root rewards picking from different groups. F is monotone submodular and is
//! maximized greedily by gain per (length^r), with the best single sentence as a fallback.

use crate::compress::Compression;
use crate::hash::FxHashMap as HashMap;
use crate::prepare::Cluster;
use crate::quality::{is_unattributed_quote, opens_with_dangling_word};
use crate::{Document, Summarizer, Summary, assemble};

/// Settings of the submodular method.
#[derive(Debug, Clone)]
pub struct Submodular {
    /// Coverage saturation: α = `saturation` / number of sentences.
    pub saturation: f64,
    /// Weight λ of the diversity reward.
    pub diversity: f64,
    /// Cost scaling exponent r of the greedy rule gain / length^r.
    pub cost_exponent: f64,
    /// Average number of sentences per diversity group.
    pub group_size: usize,
    pub min_words: usize,
    pub max_words: usize,
    /// Sentence compression rules applied to candidates.
    pub compress: Compression,
    /// Cosine above which a candidate repeats a chosen sentence and is skipped.
    pub redundancy: f32,
}

impl Default for Submodular {
    fn default() -> Self {
        Submodular {
            saturation: 10.0,
            diversity: 6.0,
            cost_exponent: 0.3,
            group_size: 5,
            min_words: 12,
            max_words: 50,
            compress: Compression {
                trailing_attribution: true,
                ..Compression::NONE
            },
            redundancy: 0.5,
        }
    }
}

/// Dense sentence-by-sentence cosine similarities of TF-IDF content-word vectors.
fn similarities(cluster: &Cluster) -> Vec<Vec<f32>> {
    let n = cluster.sentences.len();
    // Sentence frequency of each stem, for IDF.
    let mut sf: HashMap<u32, usize> = HashMap::default();
    let vectors: Vec<HashMap<u32, f32>> = cluster
        .sentences
        .iter()
        .map(|s| {
            let mut tf: HashMap<u32, f32> = HashMap::default();
            for &t in s.tokens.iter().filter(|&&t| cluster.is_content(t)) {
                *tf.entry(t).or_default() += 1.0;
            }
            for &t in tf.keys() {
                *sf.entry(t).or_default() += 1;
            }
            tf
        })
        .collect();
    let mut postings: HashMap<u32, Vec<(usize, f32)>> = HashMap::default();
    let mut norms = vec![0f32; n];
    for (i, v) in vectors.iter().enumerate() {
        for (&t, &f) in v {
            let idf = ((n as f32 + 1.0) / (sf[&t] as f32)).ln();
            let w = f * idf;
            norms[i] += w * w;
            postings.entry(t).or_default().push((i, w));
        }
    }
    let mut sim = vec![vec![0f32; n]; n];
    for list in postings.values() {
        for &(i, wi) in list {
            for &(j, wj) in list {
                sim[i][j] += wi * wj;
            }
        }
    }
    for i in 0..n {
        for j in 0..n {
            let d = (norms[i] * norms[j]).sqrt();
            sim[i][j] = if d > 0.0 { sim[i][j] / d } else { 0.0 };
        }
    }
    sim
}

/// Groups of similar sentences: farthest-first seeds, each sentence joins its most similar
/// seed. Deterministic and cheap, standing in for the k-means of the paper.
fn groups(sim: &[Vec<f32>], k: usize) -> Vec<usize> {
    let n = sim.len();
    if n == 0 {
        return Vec::new();
    }
    let k = k.clamp(1, n);
    // First seed: the most central sentence.
    let centrality: Vec<f32> = sim.iter().map(|row| row.iter().sum()).collect();
    let first = (0..n)
        .max_by(|&a, &b| centrality[a].total_cmp(&centrality[b]))
        .unwrap_or(0);
    let mut seeds = vec![first];
    let mut closest: Vec<f32> = sim[first].clone();
    while seeds.len() < k {
        let next = (0..n)
            .filter(|i| !seeds.contains(i))
            .min_by(|&a, &b| closest[a].total_cmp(&closest[b]));
        let Some(next) = next else { break };
        seeds.push(next);
        for i in 0..n {
            closest[i] = closest[i].max(sim[next][i]);
        }
    }
    (0..n)
        .map(|i| {
            (0..seeds.len())
                .max_by(|&a, &b| sim[i][seeds[a]].total_cmp(&sim[i][seeds[b]]))
                .unwrap_or(0)
        })
        .collect()
}

impl Submodular {
    pub(crate) fn select(&self, cluster: &Cluster, budget: usize) -> (Vec<usize>, Option<usize>) {
        let n = cluster.sentences.len();
        if n == 0 || budget == 0 {
            return (Vec::new(), None);
        }
        let sim = similarities(cluster);
        let group = groups(&sim, n.div_ceil(self.group_size.max(1)));
        let n_groups = group.iter().copied().max().map_or(0, |g| g + 1);
        let alpha = self.saturation / n as f64;
        let cap: Vec<f64> = sim
            .iter()
            .map(|row| alpha * row.iter().map(|&x| x as f64).sum::<f64>())
            .collect();
        let reward: Vec<f64> = (0..n)
            .map(|j| sim.iter().map(|row| row[j] as f64).sum::<f64>() / n as f64)
            .collect();
        let candidates: Vec<usize> = (0..n)
            .filter(|&i| {
                let s = &cluster.sentences[i];
                s.quotable
                    && s.words >= self.min_words
                    && s.words <= self.max_words
                    && !opens_with_dangling_word(&s.text)
                    && !is_unattributed_quote(&s.text)
            })
            .collect();

        let mut covered = vec![0f64; n];
        let mut group_mass = vec![0f64; n_groups];
        let gain = |j: usize, covered: &[f64], group_mass: &[f64]| -> f64 {
            let coverage: f64 = (0..n)
                .map(|i| {
                    let before = covered[i].min(cap[i]);
                    let after = (covered[i] + sim[i][j] as f64).min(cap[i]);
                    after - before
                })
                .sum();
            let g = group[j];
            let diversity = (group_mass[g] + reward[j]).sqrt() - group_mass[g].sqrt();
            coverage + self.diversity * diversity
        };
        let mut chosen: Vec<usize> = Vec::new();
        let mut used = 0;
        let mut open = candidates.clone();
        let repeats =
            |j: usize, chosen: &[usize]| chosen.iter().any(|&c| sim[c][j] > self.redundancy);
        loop {
            let best = open
                .iter()
                .enumerate()
                .filter(|&(_, &j)| used + cluster.sentences[j].words <= budget)
                .filter(|&(_, &j)| !repeats(j, &chosen))
                .map(|(k, &j)| {
                    let cost = (cluster.sentences[j].words.max(1) as f64).powf(self.cost_exponent);
                    (k, gain(j, &covered, &group_mass) / cost)
                })
                .filter(|&(_, r)| r > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((k, _)) = best else { break };
            let j = open.swap_remove(k);
            used += cluster.sentences[j].words;
            for i in 0..n {
                covered[i] += sim[i][j] as f64;
            }
            group_mass[group[j]] += reward[j];
            chosen.push(j);
        }
        // Overflow filler: the best remaining sentence by gain; the scorer truncates it.
        let filler = if used < budget {
            open.iter()
                .copied()
                .filter(|&j| !repeats(j, &chosen))
                .map(|j| (j, gain(j, &covered, &group_mass)))
                .filter(|&(_, g)| g > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(j, _)| j)
        } else {
            None
        };
        if chosen.is_empty() && filler.is_none() && budget > 0 {
            return (candidates.first().copied().into_iter().collect(), None);
        }
        (chosen, filler)
    }
}

/// Most sentences the similarity matrix is built over: it is quadratic in time and memory,
/// so larger clusters are cut to their documents' leading sentences.
const POOL_MAX: usize = 1500;

impl Summarizer for Submodular {
    fn summarize(&self, docs: &[Document<'_>], budget_words: usize) -> Summary {
        let cluster = Cluster::new(docs, self.compress);
        // Leading sentences first, across all documents, up to POOL_MAX.
        let mut pool: Vec<usize> = (0..cluster.sentences.len()).collect();
        pool.sort_by_key(|&i| (cluster.sentences[i].index, i));
        pool.truncate(POOL_MAX);
        pool.sort_unstable();
        let (chosen, filler) = self.select(&cluster.subset(&pool), budget_words);
        let chosen: Vec<usize> = chosen.into_iter().map(|k| pool[k]).collect();
        assemble(&cluster, &chosen, filler.map(|k| pool[k]))
    }
}
