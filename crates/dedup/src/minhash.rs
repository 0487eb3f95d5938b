//! MinHash signatures: a fixed-size sketch of a shingle set whose agreement rate with
//! another signature estimates the Jaccard similarity of the two sets.

use crate::shingle::mix64;

/// Hash functions per signature. 64 gives a standard error of about 0.06 on a Jaccard
/// estimate near 0.5, enough to tell copies (≥ 0.5) from related reports (< 0.2), at 256
/// bytes per article.
pub const NUM_HASHES: usize = 64;

/// A MinHash signature: for each of [`NUM_HASHES`] hash functions, the least hash of any
/// shingle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; NUM_HASHES]);

impl Signature {
    /// Signature of a set of shingle hashes. The empty set gets all `u32::MAX`.
    pub fn of(shingles: &[u64]) -> Signature {
        #[cfg(target_arch = "x86_64")]
        {
            // The same arithmetic, eight hash functions per instruction: a fifth of
            // ingest's dedup time goes here. Results are identical on every path.
            if std::arch::is_x86_feature_detected!("avx512dq") {
                // SAFETY: the CPU has the features `mins_avx512` is compiled for.
                return Signature(unsafe { mins_avx512(shingles) });
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: as above, for AVX2.
                return Signature(unsafe { mins_avx2(shingles) });
            }
        }
        Signature(mins(shingles))
    }

    /// Estimated Jaccard similarity: the share of positions where the two agree.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let same = self
            .0
            .iter()
            .zip(other.0.iter())
            .filter(|(a, b)| a == b && **a != u32::MAX)
            .count();
        same as f64 / NUM_HASHES as f64
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// Inverse of [`Signature::to_bytes`]; `None` when the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != NUM_HASHES * 4 {
            return None;
        }
        let mut mins = [0u32; NUM_HASHES];
        for (m, chunk) in mins.iter_mut().zip(bytes.chunks_exact(4)) {
            *m = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(mins))
    }
}

/// For each hash function, the least hash of any shingle (each function is the shingle
/// hash re-scrambled with its own seed). Written so that the compiler vectorizes it.
#[inline(always)]
fn mins(shingles: &[u64]) -> [u32; NUM_HASHES] {
    let mut mins = [u32::MAX; NUM_HASHES];
    for &s in shingles {
        for (m, seed) in mins.iter_mut().zip(SEEDS.iter()) {
            *m = (*m).min((mix64(s ^ seed) >> 32) as u32);
        }
    }
    mins
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn mins_avx512(shingles: &[u64]) -> [u32; NUM_HASHES] {
    mins(shingles)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn mins_avx2(shingles: &[u64]) -> [u32; NUM_HASHES] {
    mins(shingles)
}

const SEEDS: [u64; NUM_HASHES] = seeds();

const fn seeds() -> [u64; NUM_HASHES] {
    let mut out = [0u64; NUM_HASHES];
    let mut state: u64 = 0x1234_5678_9abc_def0;
    let mut i = 0;
    while i < NUM_HASHES {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        out[i] = z ^ (z >> 31);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(|i| mix64(i + 1)).collect()
    }

    #[test]
    fn estimates_jaccard_within_error() {
        // |A∩B| = 500, |A∪B| = 1500: J = 1/3.
        let a = set(0..1000);
        let b = set(500..1500);
        let est = Signature::of(&a).jaccard(&Signature::of(&b));
        assert!((est - 1.0 / 3.0).abs() < 0.15, "estimate {est}");
        assert_eq!(Signature::of(&a).jaccard(&Signature::of(&a)), 1.0);
        let c = set(5000..6000);
        assert!(Signature::of(&a).jaccard(&Signature::of(&c)) < 0.1);
    }

    #[test]
    fn every_code_path_computes_the_same_signature() {
        let shingles = set(0..777);
        let scalar = mins(&shingles);
        assert_eq!(Signature::of(&shingles).0, scalar);
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512dq") {
                // SAFETY: feature checked.
                assert_eq!(unsafe { mins_avx512(&shingles) }, scalar);
            }
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: feature checked.
                assert_eq!(unsafe { mins_avx2(&shingles) }, scalar);
            }
        }
        // A known value: signatures are stored, so the hash functions must never change.
        let one = Signature::of(&[42]);
        assert_eq!(one.0[0], (mix64(42 ^ SEEDS[0]) >> 32) as u32);
    }

    #[test]
    fn empty_sets_are_similar_to_nothing() {
        let e = Signature::of(&[]);
        assert_eq!(e.jaccard(&e), 0.0);
    }

    #[test]
    fn bytes_round_trip() {
        let s = Signature::of(&set(0..50));
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }
}
