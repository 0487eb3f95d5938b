//! ROUGE-1.5.5's corpus averages (`-t 0`): the bootstrap mean it prints as `Average_R` and its
//! confidence interval, drawn exactly as the Perl script draws them.
//!
//! Resample `i` is seeded with `srand(i)`; Perl >= 5.20 implements `rand` with its own
//! drand48 (the same 48-bit LCG as glibc's), which [`Drand48`] reproduces, so the printed
//! averages match the Perl output digit for digit.

use serde::Serialize;

use super::Prf;

/// Perl's `srand($seed)` / `rand()`: the drand48 linear congruential generator.
#[derive(Clone, Debug)]
pub struct Drand48 {
    state: u64,
}

impl Drand48 {
    const A: u64 = 0x5_DEEC_E66D;
    const C: u64 = 0xB;
    const MASK: u64 = (1 << 48) - 1;

    /// `srand(seed)`: the seed's low 32 bits above the fixed 0x330E.
    pub fn new(seed: u32) -> Self {
        Drand48 {
            state: ((seed as u64) << 16) + 0x330E,
        }
    }

    /// `rand()`: a double in [0, 1) with 48 random bits.
    pub fn next_f64(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(Self::A).wrapping_add(Self::C) & Self::MASK;
        self.state as f64 / (1u64 << 48) as f64
    }
}

/// `sprintf("%7.5f", x)` read back as a number: round half to even on the exact binary value,
/// which is what both C's printf and Rust's formatter do.
pub fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

/// A bootstrap estimate: the mean of the resample means and the confidence interval.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// The corpus average of one metric, as ROUGE-1.5.5 prints it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Average {
    pub recall: Estimate,
    pub precision: Estimate,
    pub f: Estimate,
    /// The plain mean of the per-eval scores (rounded to 5 decimals), for reference.
    pub plain: Prf,
}

/// The order ROUGE walks its evals in when resampling: `sort keys` over "evalID.peerID"
/// strings, where eval ids are 1..n in input order, so "1." < "10." < "11." < ... < "2.".
pub fn bootstrap_order(n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_cached_key(|&i| format!("{}.", i + 1));
    order
}

/// ROUGE's averages over `per_eval` (scores in [`bootstrap_order`]) with `confidence`% CIs.
pub fn average(per_eval: &[Prf], resamples: usize, confidence: f64) -> Average {
    let n = per_eval.len();
    let mean_of = |get: fn(&Prf) -> f64| {
        if n == 0 {
            return 0.0;
        }
        round5(per_eval.iter().map(get).sum::<f64>() / n as f64)
    };
    let plain = Prf {
        recall: mean_of(|p| p.recall),
        precision: mean_of(|p| p.precision),
        f: mean_of(|p| p.f),
    };

    let mut samples: [Vec<f64>; 3] = std::array::from_fn(|_| Vec::with_capacity(resamples));
    for r in 0..resamples {
        // srand takes an unsigned int; wrap like it does for absurd resample counts.
        let mut rng = Drand48::new(r as u32);
        let mut sum = [0.0f64; 3];
        for _ in 0..n {
            let pick = ((rng.next_f64() * n as f64) as usize).min(n - 1);
            let x = &per_eval[pick];
            sum[0] += x.recall;
            sum[1] += x.precision;
            sum[2] += x.f;
        }
        for k in 0..3 {
            samples[k].push(if n > 0 { sum[k] / n as f64 } else { 0.0 });
        }
    }

    // The interval's interpolation points, computed in floating point as the Perl script does.
    let r = resamples as f64;
    let delta = r * ((100.0 - confidence) / 2.0) / 100.0;
    let upper_a = (r - delta - 1.0) as i64;
    let upper_b = upper_a + 1;
    let lower_a = delta as i64;
    let lower_b = lower_a + 1;
    let frac = r - delta - 1.0 - upper_a as f64;

    let estimate = |values: &mut Vec<f64>| {
        values.sort_by(f64::total_cmp);
        let total: f64 = values.iter().sum();
        let mean = if values.is_empty() {
            0.0
        } else {
            round5(total / values.len() as f64)
        };
        let at = |j: i64| {
            usize::try_from(j)
                .ok()
                .and_then(|j| values.get(j))
                .copied()
                .unwrap_or(0.0)
        };
        Estimate {
            mean,
            low: round5(at(lower_a) + (at(lower_b) - at(lower_a)) * frac),
            high: round5(at(upper_a) + (at(upper_b) - at(upper_a)) * frac),
        }
    };
    let [mut rs, mut ps, mut fs] = samples;
    Average {
        recall: estimate(&mut rs),
        precision: estimate(&mut ps),
        f: estimate(&mut fs),
        plain,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_matches_the_libc_sequence() {
        // glibc: srand48(0); drand48() -> 0.170828036106..., srand48(1) -> 0.041630344771...
        let mut r0 = Drand48::new(0);
        assert!((r0.next_f64() - 0.170_828_036_106_307).abs() < 1e-12);
        let mut r1 = Drand48::new(1);
        assert!((r1.next_f64() - 0.041_630_344_771_475).abs() < 1e-12);
    }

    #[test]
    fn round5_is_half_even_on_the_binary_value() {
        assert_eq!(round5(0.015625), 0.01562);
        assert_eq!(round5(0.046875), 0.04688);
        assert_eq!(round5(2.0 / 3.0), 0.66667);
        assert_eq!(round5(0.0), 0.0);
    }

    #[test]
    fn eval_order_is_string_order() {
        assert_eq!(
            bootstrap_order(12),
            vec![0, 9, 10, 11, 1, 2, 3, 4, 5, 6, 7, 8]
        );
    }

    #[test]
    fn constant_scores_average_to_themselves() {
        let prf = Prf {
            recall: 0.25,
            precision: 0.5,
            f: 0.33333,
        };
        let per = vec![prf; 7];
        let avg = average(&per, 100, 95.0);
        assert_eq!(avg.recall.mean, 0.25);
        assert_eq!(avg.recall.low, 0.25);
        assert_eq!(avg.recall.high, 0.25);
        assert_eq!(avg.f.mean, 0.33333);
        assert_eq!(avg.plain, prf);
    }

    #[test]
    fn interval_brackets_the_mean() {
        let per: Vec<Prf> = (0..20)
            .map(|i| Prf {
                recall: i as f64 / 20.0,
                precision: 0.5,
                f: 0.5,
            })
            .collect();
        let avg = average(&per, 1000, 95.0);
        assert!(avg.recall.low < avg.recall.mean && avg.recall.mean < avg.recall.high);
        assert!((avg.recall.mean - 0.475).abs() < 0.01);
        assert_eq!(avg.plain.recall, 0.475);
    }

    #[test]
    fn empty_and_tiny_inputs_do_not_panic() {
        let avg = average(&[], 10, 95.0);
        assert_eq!(avg.recall.mean, 0.0);
        let one = [Prf {
            recall: 1.0,
            precision: 1.0,
            f: 1.0,
        }];
        let avg = average(&one, 1, 95.0);
        assert_eq!(avg.recall.mean, 1.0);
        let avg = average(&one, 0, 95.0);
        assert_eq!(avg.recall.mean, 0.0);
    }
}
