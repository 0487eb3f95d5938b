//! Near copies over the whole store: LSH band keys of older articles in the `lsh_bands`
//! table, probed with bound parameters when the in-memory window (the recent articles a
//! [`crosswire_cluster::StoryStream`] keeps) finds no copy.
//!
//! An article's keys are the first [`STORE_BANDS`] of its in-memory LSH bands (two MinHash
//! values each): a pair of Jaccard 0.5 shares one with probability 1-(1-0.25)^8 ≈ 0.90,
//! of Jaccard 0.7 ≈ 0.996, while each lookup costs [`STORE_BANDS`] B-tree probes whatever
//! the store's size. Candidates are judged from their stored sketches, as in memory.
//!
//! A [`KeyFilter`] in memory (a bitmap of the keys in the table, sized from it and
//! persisted with it: `key_filter.rs`) skips the probes of keys no stored article has:
//! most keys of a new article. Probes cost a B-tree descent each, a few microseconds; the
//! filter leaves about one in twelve of them or fewer.
//!
//! Keys are written in chunks, not per batch: random keys inserted a batch at a time would
//! dirty one page of the table per key on every commit. Every article is always covered
//! by the window or the table: a chunk is written as soon as half a window of articles is
//! unwritten (state `lsh_flushed` is the last article written).

use crosswire_dedup::index::band_keys;
use crosswire_dedup::{Match, Signature, Sketch, fingerprint::rank};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::Error;
use crate::clusterer_state::{set_state, state};
use crate::codec::{stored_sketch, to_sql_u64};
use crate::key_filter::KeyFilter;
use crate::profile::Profile;

/// Band keys per article in the table.
pub const STORE_BANDS: usize = 8;
/// Articles read per step when writing keys (bounds memory when an old store catches up).
const CHUNK: i64 = 65_536;
/// Candidates read per band key, newest first: a key shared by many articles (a common
/// boilerplate line) costs a bounded number of sketch reads.
const PER_KEY: i64 = 8;

/// The table's keys of a sketch.
pub fn store_keys(sketch: &Sketch) -> impl Iterator<Item = i64> + '_ {
    band_keys(sketch).take(STORE_BANDS).map(to_sql_u64)
}

/// The last article whose keys are in the table.
pub fn flushed(conn: &Connection) -> Result<i64, Error> {
    state(conn, "lsh_flushed")
}

/// Write the keys of articles after `flushed` once `due` of them (or more) are waiting.
pub fn flush_if_due(
    tx: &Transaction<'_>,
    newest: i64,
    due: i64,
    filter: &mut KeyFilter,
) -> Result<(), Error> {
    let mut done = flushed(tx)?;
    if newest - done < due.max(1) {
        return Ok(());
    }
    let mut read = tx.prepare_cached(
        "SELECT id, shingles, signature FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
    )?;
    let mut insert =
        tx.prepare_cached("INSERT OR IGNORE INTO lsh_bands (band, article) VALUES (?1, ?2)")?;
    loop {
        let mut keys: Vec<(i64, i64)> = Vec::new();
        let mut last = done;
        let mut rows = read.query(params![done, CHUNK])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            last = id;
            let shingles: i64 = r.get(1)?;
            let Some(signature) = Signature::from_bytes(&r.get::<_, Vec<u8>>(2)?) else {
                continue;
            };
            if shingles <= 0 {
                continue;
            }
            let sketch = Sketch {
                content_hash: 0,
                shingle_count: shingles.clamp(0, i64::from(u32::MAX)) as u32,
                signature,
            };
            keys.extend(store_keys(&sketch).map(|k| (k, id)));
        }
        drop(rows);
        if last == done {
            break;
        }
        // In key order: each leaf page of the table is visited once per chunk.
        keys.sort_unstable();
        for (band, article) in keys {
            filter.insert(band);
            insert.execute(params![band, article])?;
        }
        done = last;
    }
    set_state(tx, "lsh_flushed", done)?;
    filter.persist(tx, done)
}

/// A copy of `sketch` among the articles in the table: exact over near over syndicated,
/// then the most similar, keyed by article id.
pub fn find(
    tx: &Transaction<'_>,
    sketch: &Sketch,
    filter: &KeyFilter,
    profile: &mut Profile,
) -> Result<Option<Match>, Error> {
    if sketch.shingle_count == 0 {
        return Ok(None);
    }
    let mut probe = tx.prepare_cached(
        "SELECT article FROM lsh_bands WHERE band = ?1 ORDER BY article DESC LIMIT ?2",
    )?;
    let mut candidates: Vec<i64> = Vec::new();
    for key in store_keys(sketch) {
        if !filter.may_contain(key) {
            continue;
        }
        profile.count("lsh probes", 1);
        let mut rows = probe.query(params![key, PER_KEY])?;
        while let Some(r) = rows.next()? {
            candidates.push(r.get(0)?);
        }
    }
    if candidates.is_empty() {
        return Ok(None);
    }
    candidates.sort_unstable();
    candidates.dedup();
    profile.count("lsh candidates", candidates.len() as u64);
    let mut read =
        tx.prepare_cached("SELECT content_hash, shingles, signature FROM articles WHERE id = ?1")?;
    let mut best: Option<Match> = None;
    for id in candidates {
        let row = read
            .query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .optional()?;
        let Some((hash, shingles, sig)) = row else {
            continue;
        };
        let Some(other) = stored_sketch(hash, shingles, &sig) else {
            continue;
        };
        let Some((kind, similarity)) = sketch.compare(&other) else {
            continue;
        };
        let better = best
            .as_ref()
            .is_none_or(|b| (rank(kind), similarity) > (rank(b.kind), b.similarity));
        if better {
            best = Some(Match {
                key: id as u64,
                kind,
                similarity,
            });
        }
    }
    Ok(best)
}
