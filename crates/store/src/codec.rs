//! Blob and integer encodings of values SQLite has no type for.

use crosswire_cluster::StoryState;

/// SQLite integers are signed: 64-bit hashes are stored with the same bits.
pub fn to_sql_u64(v: u64) -> i64 {
    v as i64
}

pub fn from_sql_u64(v: i64) -> u64 {
    v as u64
}

/// A centroid as little-endian (feature u64, weight f32) pairs.
/// A dedup sketch from the columns an article row stores it in (`content_hash`,
/// `shingles`, `signature`); `None` for a signature blob of the wrong size.
pub fn stored_sketch(
    hash: i64,
    shingles: i64,
    signature: &[u8],
) -> Option<crosswire_dedup::Sketch> {
    Some(crosswire_dedup::Sketch {
        content_hash: from_sql_u64(hash),
        shingle_count: shingles.clamp(0, i64::from(u32::MAX)) as u32,
        signature: crosswire_dedup::Signature::from_bytes(signature)?,
    })
}

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
        .map(|c| (read_u64(&c[..8]), f32::from_bits(read_u32(&c[8..]))))
        .collect()
}

/// Document frequencies as little-endian (feature u64, count u32) records.
pub fn encode_df(df: &[(u64, u32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(df.len() * 12);
    for (f, n) in df {
        out.extend_from_slice(&f.to_le_bytes());
        out.extend_from_slice(&n.to_le_bytes());
    }
    out
}

/// Inverse of [`encode_df`]; a trailing partial record is ignored.
pub fn decode_df(bytes: &[u8]) -> Vec<(u64, u32)> {
    bytes
        .chunks_exact(12)
        .map(|c| (read_u64(&c[..8]), read_u32(&c[8..])))
        .collect()
}

/// Little-endian u64s.
pub fn encode_u64s(values: &[u64]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn decode_u64s(bytes: &[u8]) -> Vec<u64> {
    bytes.chunks_exact(8).map(read_u64).collect()
}

/// Story states, each as id u64, size u32, first_day i64, last_day i64, term count u32,
/// then its centroid as in [`encode_centroid`].
pub fn encode_stories(stories: &[StoryState]) -> Vec<u8> {
    let mut out = Vec::new();
    for s in stories {
        out.extend_from_slice(&s.id.to_le_bytes());
        out.extend_from_slice(&s.size.to_le_bytes());
        out.extend_from_slice(&s.first_day.to_le_bytes());
        out.extend_from_slice(&s.last_day.to_le_bytes());
        let n = u32::try_from(s.centroid.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&n.to_le_bytes());
        out.extend(encode_centroid(&s.centroid[..n as usize]));
    }
    out
}

/// Inverse of [`encode_stories`]; decoding stops at the first truncated record.
pub fn decode_stories(mut bytes: &[u8]) -> Vec<StoryState> {
    const HEAD: usize = 8 + 4 + 8 + 8 + 4;
    let mut out = Vec::new();
    while bytes.len() >= HEAD {
        let n = read_u32(&bytes[28..32]) as usize;
        let Some(end) = n.checked_mul(12).and_then(|b| b.checked_add(HEAD)) else {
            break;
        };
        if bytes.len() < end {
            break;
        }
        out.push(StoryState {
            id: read_u64(&bytes[..8]),
            size: read_u32(&bytes[8..12]),
            first_day: read_u64(&bytes[12..20]) as i64,
            last_day: read_u64(&bytes[20..28]) as i64,
            centroid: decode_centroid(&bytes[HEAD..end]),
        });
        bytes = &bytes[end..];
    }
    out
}

fn read_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

fn read_u32(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let c = vec![(u64::MAX, 0.5), (1, -2.0)];
        assert_eq!(decode_centroid(&encode_centroid(&c)), c);
        assert_eq!(from_sql_u64(to_sql_u64(u64::MAX - 3)), u64::MAX - 3);
        let df = vec![(7, 3), (u64::MAX, u32::MAX)];
        assert_eq!(decode_df(&encode_df(&df)), df);
        assert_eq!(decode_u64s(&encode_u64s(&[1, u64::MAX])), vec![1, u64::MAX]);
        let stories = vec![
            StoryState {
                id: 9,
                centroid: c.clone(),
                size: 4,
                first_day: i64::MAX,
                last_day: i64::MIN,
            },
            StoryState {
                id: 10,
                centroid: Vec::new(),
                size: 1,
                first_day: -3,
                last_day: 19_000,
            },
        ];
        let bytes = encode_stories(&stories);
        assert_eq!(decode_stories(&bytes), stories);
        // Truncated input decodes the whole records only, without panicking.
        assert_eq!(decode_stories(&bytes[..bytes.len() - 1]).len(), 1);
        assert!(decode_stories(&[0xff; 40]).is_empty());
    }
}
