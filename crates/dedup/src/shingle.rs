//! Normalized text, word shingles and the stable hash they are keyed by.
//!
//! The hash must be the same on every run and machine (signatures and LSH buckets are
//! persisted by the store), so it is written out here rather than taken from `std`, whose
//! `DefaultHasher` is allowed to change between Rust releases.

/// Words per shingle. Four words survive light copy-editing ("defense" → "defence" breaks
/// only the four shingles around it) while still being specific enough that two different
/// reports of one event rarely share many.
pub const SHINGLE_WORDS: usize = 4;

/// Hashes of the words of `text`, lowercased and diacritic-folded, apostrophes and hyphens
/// dropped so that "north-western" = "northwestern" and "rebels’" = "rebels'".
pub fn word_hashes(text: &str) -> Vec<u64> {
    let mut folded = String::new();
    let mut out = Vec::new();
    for t in crosswire_text::words(text) {
        folded.clear();
        for c in t.text.chars() {
            crosswire_text::fold_char(c, &mut folded);
        }
        folded.retain(|c| !matches!(c, '\'' | '-'));
        if !folded.is_empty() {
            out.push(hash_bytes(folded.as_bytes()));
        }
    }
    out
}

/// Stable 64-bit hash of bytes (FNV-1a followed by a SplitMix64 finalizer for avalanche).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix64(h)
}

/// SplitMix64 finalizer: a cheap bijective scrambler of 64-bit values.
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of the whole normalized text: equal for exact copies (whitespace, case, accents
/// and punctuation aside).
pub fn content_hash(word_hashes: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for &w in word_hashes {
        h = mix64(h ^ w);
    }
    h
}

/// Sorted, de-duplicated hashes of the word shingles of a text given by its
/// [`word_hashes`]. A text shorter than one shingle yields one shingle of all its words (so
/// short texts can still match exactly).
pub fn shingles(word_hashes: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = if word_hashes.len() < SHINGLE_WORDS {
        if word_hashes.is_empty() {
            Vec::new()
        } else {
            vec![combine(word_hashes)]
        }
    } else {
        word_hashes.windows(SHINGLE_WORDS).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn combine(ws: &[u64]) -> u64 {
    ws.iter()
        .fold(0x2545_f491_4f6c_dd1d, |h, &w| mix64(h.rotate_left(17) ^ w))
}

/// Size of the intersection of two sorted, de-duplicated slices.
pub fn intersection_size(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_ignores_case_accents_and_joiners() {
        assert_eq!(
            word_hashes("North-Western Erdoğan’s"),
            word_hashes("northwestern ERDOGAN's")
        );
    }

    #[test]
    fn hash_is_stable() {
        // Persisted values depend on this: changing the hash needs a store migration.
        assert_eq!(hash_bytes(b""), mix64(0xcbf2_9ce4_8422_2325));
        assert_ne!(hash_bytes(b"a"), hash_bytes(b"b"));
    }

    #[test]
    fn shingles_of_short_and_empty_texts() {
        assert!(shingles(&[]).is_empty());
        assert_eq!(shingles(&word_hashes("two words")).len(), 1);
        assert_eq!(shingles(&word_hashes("a b c d e")).len(), 2);
    }

    #[test]
    fn intersection_counts_common_elements() {
        assert_eq!(intersection_size(&[1, 3, 5, 7], &[3, 4, 5, 8]), 2);
        assert_eq!(intersection_size(&[], &[1]), 0);
    }
}
