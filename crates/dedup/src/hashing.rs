//! Hash maps keyed by 64-bit values that are already hashes (shingles, features, bucket
//! keys) or small counters (ids): SipHash's protection against chosen keys buys nothing
//! there and costs a third of the clustering time, so keys are only scrambled by one
//! multiply.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A hasher for `u64`-like keys: one multiply-xorshift (any other input is FNV-1a hashed).
#[derive(Debug, Default, Clone, Copy)]
pub struct U64Hasher(u64);

impl Hasher for U64Hasher {
    fn finish(&self) -> u64 {
        let z = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        z ^ (z >> 29)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0 ^ 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = self.0.rotate_left(5) ^ v;
    }
}

pub type U64Map<V> = HashMap<u64, V, BuildHasherDefault<U64Hasher>>;
pub type U64Set = HashSet<u64, BuildHasherDefault<U64Hasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequential_and_hashed_keys_work() {
        let mut m: U64Map<u64> = U64Map::default();
        for i in 0..10_000u64 {
            m.insert(i, i * 2);
            m.insert(crate::shingle::mix64(i + 1_000_000), i);
        }
        assert_eq!(m.len(), 20_000);
        assert_eq!(m.get(&77), Some(&154));
    }
}
