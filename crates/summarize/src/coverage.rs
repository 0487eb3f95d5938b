//! Budgeted maximum coverage: pick items (sentences) of given lengths, within a length
//! budget, maximizing the total weight of the concepts they cover (each concept counted
//! once). This is the integer program of Gillick & Favre (2009); it is solved here by
//! branch and bound, which is exact unless the node limit is reached, in which case the
//! best selection found so far is returned (never worse than greedy, which seeds it).
//!
//! The bound at a node is the fractional knapsack over the items' marginal gains given
//! what is already covered. Coverage is submodular, so the true gain of any set of
//! remaining items is at most the sum of their marginal gains, and the bound is valid.

/// One selectable item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Item {
    /// Length counted against the budget.
    pub len: usize,
    /// Concept ids, without duplicates.
    pub concepts: Vec<u32>,
    /// Items of one group exclude each other (variants of one sentence); ids are below the
    /// number of items.
    pub group: u32,
}

/// A coverage problem: concept weights, items and a budget.
#[derive(Debug, Clone, Default)]
pub(crate) struct Problem {
    pub weights: Vec<f64>,
    pub items: Vec<Item>,
    pub budget: usize,
}

/// Tolerance below which two objective values are equal.
const EPS: f64 = 1e-9;

impl Problem {
    /// Marginal gain of item `i` given per-concept cover counts.
    fn gain(&self, i: usize, covered: &[u32]) -> f64 {
        self.items[i]
            .concepts
            .iter()
            .filter(|&&c| covered[c as usize] == 0)
            .map(|&c| self.weights[c as usize])
            .sum()
    }

    /// Total weight covered by `chosen`.
    pub fn value(&self, chosen: &[usize]) -> f64 {
        let mut covered = vec![false; self.weights.len()];
        let mut v = 0.0;
        for &i in chosen {
            for &c in &self.items[i].concepts {
                if !std::mem::replace(&mut covered[c as usize], true) {
                    v += self.weights[c as usize];
                }
            }
        }
        v
    }

    /// Greedy by gain per unit length, skipping items that no longer fit, then compared
    /// with the best single item (the classic guarantee of Khuller et al.).
    pub fn greedy(&self) -> Vec<usize> {
        let mut covered = vec![0u32; self.weights.len()];
        let mut chosen = Vec::new();
        let mut used = 0;
        let mut open: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].len <= self.budget)
            .collect();
        loop {
            let best = open
                .iter()
                .enumerate()
                .filter(|&(_, &i)| used + self.items[i].len <= self.budget)
                .map(|(k, &i)| (k, self.gain(i, &covered) / self.items[i].len.max(1) as f64))
                .filter(|&(_, r)| r > EPS)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let Some((k, _)) = best else { break };
            let i = open.swap_remove(k);
            open.retain(|&j| self.items[j].group != self.items[i].group);
            used += self.items[i].len;
            for &c in &self.items[i].concepts {
                covered[c as usize] += 1;
            }
            chosen.push(i);
        }
        // Concepts of one item are distinct, so its value alone is the sum of their weights.
        let alone = |i: usize| -> f64 {
            self.items[i]
                .concepts
                .iter()
                .map(|&c| self.weights[c as usize])
                .sum()
        };
        let single = (0..self.items.len())
            .filter(|&i| self.items[i].len <= self.budget)
            .map(|i| (i, alone(i)))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match single {
            Some((s, v)) if v > self.value(&chosen) + EPS => vec![s],
            _ => chosen,
        }
    }

    /// Exact (within `node_limit` branch-and-bound nodes) maximum coverage selection. Each
    /// node costs time linear in the number of items, so on very large problems the node
    /// limit shrinks to keep the work near `WORK_LIMIT` item visits.
    #[cfg(test)]
    pub fn solve(&self, node_limit: usize) -> Vec<usize> {
        self.solve_from(node_limit, &[])
    }

    /// [`Problem::solve`] starting from a known selection `start` (e.g. the optimum for a
    /// smaller budget) when it fits and beats greedy: a better first incumbent prunes more.
    pub fn solve_from(&self, node_limit: usize, start: &[usize]) -> Vec<usize> {
        const WORK_LIMIT: usize = 20_000_000;
        let node_limit = node_limit.min((WORK_LIMIT / self.items.len().max(1)).max(100));
        let greedy = self.greedy();
        let fits = start.iter().all(|&i| i < self.items.len())
            && start.iter().map(|&i| self.items[i].len).sum::<usize>() <= self.budget;
        let seed = if fits && self.value(start) > self.value(&greedy) {
            start.to_vec()
        } else {
            greedy
        };
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.weights.len()];
        for (i, item) in self.items.iter().enumerate() {
            for &c in &item.concepts {
                postings[c as usize].push(i as u32);
            }
        }
        let covered = vec![0; self.weights.len()];
        let gains = (0..self.items.len())
            .map(|i| self.gain(i, &covered))
            .collect();
        let mut search = Search {
            problem: self,
            covered,
            gains,
            postings,
            in_chosen: vec![false; self.items.len()],
            group_taken: vec![false; self.items.len()],
            excluded: vec![false; self.items.len()],
            chosen: Vec::new(),
            best: seed.clone(),
            best_value: self.value(&seed),
            nodes: 0,
            node_limit,
        };
        let all: Vec<usize> = (0..self.items.len()).collect();
        search.branch(0.0, 0, &all);
        if std::env::var_os("CW_NODES").is_some() {
            eprintln!(
                "budget {} nodes {} items {}",
                self.budget,
                search.nodes,
                self.items.len()
            );
        }
        search.best
    }
}

struct Search<'p> {
    problem: &'p Problem,
    covered: Vec<u32>,
    /// Per item: its marginal gain given `covered`, kept up to date on every step.
    gains: Vec<f64>,
    /// Per concept: the items that contain it.
    postings: Vec<Vec<u32>>,
    in_chosen: Vec<bool>,
    /// Per group: whether one of its items is chosen.
    group_taken: Vec<bool>,
    excluded: Vec<bool>,
    chosen: Vec<usize>,
    best: Vec<usize>,
    best_value: f64,
    nodes: usize,
    node_limit: usize,
}

impl Search<'_> {
    /// Choose item `i`: cover its concepts, lowering the gains of items that share them.
    fn include(&mut self, i: usize) {
        let p = self.problem;
        for &c in &p.items[i].concepts {
            let c = c as usize;
            self.covered[c] += 1;
            if self.covered[c] == 1 {
                for &j in &self.postings[c] {
                    self.gains[j as usize] -= p.weights[c];
                }
            }
        }
        self.chosen.push(i);
        self.in_chosen[i] = true;
        self.group_taken[p.items[i].group as usize] = true;
    }

    /// Undo [`Search::include`] of the last chosen item `i`.
    fn remove(&mut self, i: usize) {
        let p = self.problem;
        for &c in &p.items[i].concepts {
            let c = c as usize;
            self.covered[c] -= 1;
            if self.covered[c] == 0 {
                for &j in &self.postings[c] {
                    self.gains[j as usize] += p.weights[c];
                }
            }
        }
        self.chosen.pop();
        self.in_chosen[i] = false;
        self.group_taken[p.items[i].group as usize] = false;
    }

    /// Search below the current node. `alive` holds the items open at the parent: going
    /// down, gains only fall, the room only shrinks and exclusions only grow, so no other
    /// item can be open here.
    fn branch(&mut self, value: f64, used: usize, alive: &[usize]) {
        if self.nodes >= self.node_limit {
            return;
        }
        self.nodes += 1;
        let p = self.problem;
        let room = p.budget - used;
        // Open items with their marginal gains and gain per word, best ratio first.
        let mut open: Vec<(usize, f64, f64)> = Vec::with_capacity(alive.len());
        open.extend(
            alive
                .iter()
                .copied()
                .filter(|&i| {
                    !self.excluded[i]
                        && !self.in_chosen[i]
                        && !self.group_taken[p.items[i].group as usize]
                        && p.items[i].len <= room
                        && self.gains[i] > EPS
                })
                .map(|i| {
                    (
                        i,
                        self.gains[i],
                        self.gains[i] / p.items[i].len.max(1) as f64,
                    )
                }),
        );
        if open.is_empty() {
            return;
        }
        // A loose bound first (best ratio times the room) prunes many nodes without sorting.
        let best_ratio = open.iter().map(|o| o.2).fold(0.0, f64::max);
        if value + best_ratio * room as f64 <= self.best_value + EPS {
            return;
        }
        // Only the best-ratio items that fill the room matter for the bound and the
        // branching: select a short head first, sort everything only if it falls short.
        let by_ratio =
            |a: &(usize, f64, f64), b: &(usize, f64, f64)| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0));
        const HEAD: usize = 12;
        if open.len() > HEAD {
            open.select_nth_unstable_by(HEAD - 1, by_ratio);
            open[..HEAD].sort_unstable_by(by_ratio);
            let head_len: usize = open[..HEAD].iter().map(|&(i, _, _)| p.items[i].len).sum();
            if head_len < room {
                open.sort_unstable_by(by_ratio);
            }
        } else {
            open.sort_unstable_by(by_ratio);
        }
        // Fractional knapsack bound.
        let mut bound = value;
        let mut left = room as f64;
        for &(i, g, _) in &open {
            let len = p.items[i].len.max(1) as f64;
            if len <= left {
                bound += g;
                left -= len;
            } else {
                bound += g * left / len;
                break;
            }
        }
        if bound <= self.best_value + EPS {
            return;
        }
        let (top, gain, _) = open[0];
        let open: Vec<usize> = open.iter().map(|o| o.0).collect();
        // Include the best-ratio item.
        self.include(top);
        let with = value + gain;
        if with > self.best_value + EPS {
            self.best_value = with;
            self.best = self.chosen.clone();
        }
        self.branch(with, used + p.items[top].len, &open);
        self.remove(top);
        // Exclude it.
        self.excluded[top] = true;
        self.branch(value, used, &open);
        self.excluded[top] = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(len: usize, concepts: &[u32]) -> Item {
        Item {
            len,
            concepts: concepts.to_vec(),
            group: 0,
        }
    }

    /// Each item in its own group.
    fn ungrouped(mut items: Vec<Item>) -> Vec<Item> {
        for (k, it) in items.iter_mut().enumerate() {
            it.group = k as u32;
        }
        items
    }

    /// Every subset within budget, for checking the solver on small problems.
    fn brute_force(p: &Problem) -> f64 {
        let n = p.items.len();
        let mut best: f64 = 0.0;
        for mask in 0u32..(1 << n) {
            let set: Vec<usize> = (0..n).filter(|i| mask & (1 << i) != 0).collect();
            let len: usize = set.iter().map(|&i| p.items[i].len).sum();
            if len <= p.budget {
                best = best.max(p.value(&set));
            }
        }
        best
    }

    #[test]
    fn exact_beats_greedy_where_greedy_is_fooled() {
        // Greedy takes the dense short item first and then cannot fit the two that cover
        // everything.
        let p = Problem {
            weights: vec![1.0; 6],
            items: ungrouped(vec![
                item(2, &[0, 1]),
                item(5, &[0, 1, 2]),
                item(5, &[3, 4, 5]),
            ]),
            budget: 10,
        };
        let g = p.value(&p.greedy());
        let e = p.value(&p.solve(10_000));
        assert!(g < e);
        assert_eq!(e, 6.0);
    }

    #[test]
    fn matches_brute_force_on_pseudo_random_problems() {
        let mut state = 12345u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        for _ in 0..40 {
            let n_concepts = 12;
            let weights: Vec<f64> = (0..n_concepts).map(|_| 1.0 + next(5) as f64).collect();
            let items: Vec<Item> = (0..10)
                .map(|_| {
                    let mut cs: Vec<u32> = (0..1 + next(4)).map(|_| next(12) as u32).collect();
                    cs.sort_unstable();
                    cs.dedup();
                    item(1 + next(6) as usize, &cs)
                })
                .collect();
            let p = Problem {
                weights,
                items: ungrouped(items),
                budget: 12,
            };
            let sol = p.solve(1_000_000);
            let len: usize = sol.iter().map(|&i| p.items[i].len).sum();
            assert!(len <= p.budget);
            assert!((p.value(&sol) - brute_force(&p)).abs() < 1e-9);
        }
    }

    #[test]
    fn one_item_per_group() {
        // Items 0 and 1 are variants of one sentence: together they would cover everything.
        let mut items = vec![item(4, &[0, 1]), item(4, &[2, 3]), item(4, &[0, 2])];
        items[1].group = 0;
        items[2].group = 2;
        let p = Problem {
            weights: vec![1.0, 1.0, 1.0, 1.0],
            items,
            budget: 8,
        };
        for sol in [p.solve(10_000), p.greedy()] {
            assert_eq!(sol.len(), 2, "{sol:?}");
            assert!(sol.contains(&2), "{sol:?}");
        }
    }

    #[test]
    fn empty_and_oversized() {
        let p = Problem {
            weights: vec![1.0],
            items: vec![item(50, &[0])],
            budget: 10,
        };
        assert!(p.solve(100).is_empty());
        assert!(Problem::default().solve(100).is_empty());
    }
}
