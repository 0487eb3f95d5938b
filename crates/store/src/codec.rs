//! Blob and integer encodings of values SQLite has no type for.

/// SQLite integers are signed: 64-bit hashes are stored with the same bits.
pub fn to_sql_u64(v: u64) -> i64 {
    v as i64
}

pub fn from_sql_u64(v: i64) -> u64 {
    v as u64
}

/// A centroid as little-endian (feature u64, weight f32) pairs.
pub fn encode_centroid(terms: &[(u64, f32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(terms.len() * 12);
    for (f, w) in terms {
        out.extend_from_slice(&f.to_le_bytes());
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// Inverse of [`encode_centroid`]; a trailing partial record is ignored.
pub fn decode_centroid(bytes: &[u8]) -> Vec<(u64, f32)> {
    bytes
        .chunks_exact(12)
        .map(|c| {
            let mut f = [0u8; 8];
            f.copy_from_slice(&c[..8]);
            let mut w = [0u8; 4];
            w.copy_from_slice(&c[8..]);
            (u64::from_le_bytes(f), f32::from_le_bytes(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let c = vec![(u64::MAX, 0.5), (1, -2.0)];
        assert_eq!(decode_centroid(&encode_centroid(&c)), c);
        assert_eq!(from_sql_u64(to_sql_u64(u64::MAX - 3)), u64::MAX - 3);
    }
}
