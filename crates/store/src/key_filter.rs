//! [`KeyFilter`]: which band keys the `lsh_bands` table may hold, kept in memory in front
//! of it (a clear bit means a lookup needs no B-tree probe for that key) and persisted, so
//! that a start reads it instead of scanning the whole table.
//!
//! Sized from the store: at least [`BITS_PER_KEY`] bits per key in the table (rounded up
//! to a power of two), so about one bit in twelve or fewer is set and a lookup's eight
//! keys cost ~0.5 probes however large the store grows; it doubles (rebuilt from the
//! table, once per doubling of the store) when a flush would make it denser.
//!
//! Persisted like the clusterer's state: a base (table `lsh_filter`, the bitmap in 1 MB
//! chunks, its size in state `lsh_filter_log2`) plus one log row per flush of the keys it
//! added (`lsh_filter_log`, each key's top 32 bits), folded into the base when the log
//! is as large as the base. Both are written in the flush's transaction, so the persisted
//! filter always covers exactly the keys in the table. Each write raises a generation
//! number (state `lsh_filter_gen`): a writer whose copy is of an older generation (another
//! process flushed since) reads the filter again before its next batch.

use rusqlite::{Connection, params};

use crate::Error;
use crate::clusterer_state::state;
use crate::codec::from_sql_u64;

/// Bits per key the filter keeps at least (between 12 and 24 with power-of-two sizes).
pub const BITS_PER_KEY: i64 = 12;
/// Smallest filter: 2^20 bits (128 KB).
const MIN_LOG2: u32 = 20;
/// Largest filter: 2^31 bits (256 MB, enough for ~20M articles at 12 bits per key; past
/// that it fills gradually and lookups probe more).
const MAX_LOG2: u32 = 31;
/// Bytes per row of the persisted base.
const CHUNK_BYTES: usize = 1 << 20;

/// A bitmap over band keys, indexed by a key's top `log2` bits. No false negatives: every
/// key written to the table sets its bit.
#[derive(Debug, Clone)]
pub struct KeyFilter {
    log2: u32,
    bits: Vec<u64>,
    /// Top 32 bits of the keys inserted since the filter was last persisted.
    unsaved: Vec<u32>,
    /// The persisted filter's generation (state `lsh_filter_gen`, raised by every write of
    /// it) this one matches: another value in the store means another writer flushed keys
    /// since, and this copy must be read again before use.
    generation: i64,
}

/// The same keys (whatever the generation and unsaved keys).
impl PartialEq for KeyFilter {
    fn eq(&self, other: &KeyFilter) -> bool {
        self.log2 == other.log2 && self.bits == other.bits
    }
}

/// The filter size (log2 of its bits) for a table of `articles`' keys.
pub fn log2_for(articles: i64) -> u32 {
    let bits = articles
        .max(1)
        .saturating_mul(crate::lsh::STORE_BANDS as i64)
        .saturating_mul(BITS_PER_KEY) as u64;
    let log2 = u64::BITS - (bits - 1).leading_zeros();
    log2.clamp(MIN_LOG2, MAX_LOG2)
}

impl KeyFilter {
    fn empty(log2: u32) -> KeyFilter {
        KeyFilter {
            log2,
            bits: vec![0; 1 << (log2 - 6)],
            unsaved: Vec::new(),
            generation: 0,
        }
    }

    /// The filter of a writable store whose table holds the keys of `articles` articles:
    /// the persisted one, or (a store written before it was persisted, or a damaged one)
    /// one rebuilt from the table and saved. `conn` should be in a transaction.
    pub fn load(conn: &Connection, articles: i64) -> Result<KeyFilter, Error> {
        let want = log2_for(articles);
        match KeyFilter::read(conn)? {
            Some(mut filter) if filter.log2 >= want => {
                filter.generation = state(conn, "lsh_filter_gen")?;
                Ok(filter)
            }
            _ => {
                let mut filter = KeyFilter::rebuild(conn, want)?;
                filter.save_base(conn)?;
                Ok(filter)
            }
        }
    }

    /// Whether this is still the persisted filter (no other writer has flushed since).
    pub fn is_current(&self, conn: &Connection) -> Result<bool, Error> {
        Ok(state(conn, "lsh_filter_gen")? == self.generation)
    }

    /// Record a write of the persisted filter.
    fn bump_generation(&mut self, conn: &Connection) -> Result<(), Error> {
        self.generation = state(conn, "lsh_filter_gen")?.wrapping_add(1);
        conn.prepare_cached(
            "INSERT INTO state (key, value) VALUES ('lsh_filter_gen', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?
        .execute([self.generation])?;
        Ok(())
    }

    /// The persisted filter (base, then the log in order); `None` if there is none or it
    /// does not have the size it claims.
    fn read(conn: &Connection) -> Result<Option<KeyFilter>, Error> {
        let log2 = state(conn, "lsh_filter_log2")?;
        let Ok(log2) = u32::try_from(log2) else {
            return Ok(None);
        };
        if !(MIN_LOG2..=MAX_LOG2).contains(&log2) {
            return Ok(None);
        }
        let mut filter = KeyFilter::empty(log2);
        let mut stmt = conn.prepare("SELECT chunk, bits FROM lsh_filter ORDER BY chunk")?;
        let mut rows = stmt.query([])?;
        let mut filled = 0usize;
        while let Some(r) = rows.next()? {
            let chunk: i64 = r.get(0)?;
            let bytes: Vec<u8> = r.get(1)?;
            let start = usize::try_from(chunk)
                .ok()
                .and_then(|c| c.checked_mul(CHUNK_BYTES / 8));
            let Some(start) = start.filter(|&s| s == filled) else {
                return Ok(None);
            };
            let Some(words) = filter.bits.get_mut(start..start + bytes.len() / 8) else {
                return Ok(None);
            };
            for (w, b) in words.iter_mut().zip(bytes.chunks_exact(8)) {
                let mut a = [0u8; 8];
                a.copy_from_slice(b);
                *w = u64::from_le_bytes(a);
            }
            filled += bytes.len() / 8;
        }
        if filled != filter.bits.len() {
            return Ok(None);
        }
        let mut stmt = conn.prepare("SELECT keys FROM lsh_filter_log ORDER BY flush")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let keys: Vec<u8> = r.get(0)?;
            for k in keys.chunks_exact(4) {
                let mut a = [0u8; 4];
                a.copy_from_slice(k);
                filter.set(u32::from_le_bytes(a));
            }
        }
        Ok(Some(filter))
    }

    /// The filter of the keys in the table (one pass over it).
    pub fn rebuild(conn: &Connection, log2: u32) -> Result<KeyFilter, Error> {
        let mut filter = KeyFilter::empty(log2.clamp(MIN_LOG2, MAX_LOG2));
        let mut stmt = conn.prepare("SELECT band FROM lsh_bands")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            filter.set(top32(r.get(0)?));
        }
        Ok(filter)
    }

    /// Write the whole bitmap as the base and empty the log.
    fn save_base(&mut self, conn: &Connection) -> Result<(), Error> {
        conn.execute("DELETE FROM lsh_filter", [])?;
        conn.execute("DELETE FROM lsh_filter_log", [])?;
        let mut insert = conn.prepare("INSERT INTO lsh_filter (chunk, bits) VALUES (?1, ?2)")?;
        for (i, words) in self.bits.chunks(CHUNK_BYTES / 8).enumerate() {
            let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
            insert.execute(params![i as i64, bytes])?;
        }
        conn.prepare_cached(
            "INSERT INTO state (key, value) VALUES ('lsh_filter_log2', ?1)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        )?
        .execute([i64::from(self.log2)])?;
        self.bump_generation(conn)
    }

    /// Persist the keys inserted since the last call, after a flush that left the keys of
    /// `articles` articles in the table: grow the filter if it has become too dense
    /// (rebuilt from the table), else append them to the log, folding it when long.
    pub fn persist(&mut self, tx: &rusqlite::Transaction<'_>, articles: i64) -> Result<(), Error> {
        let want = log2_for(articles);
        if want > self.log2 {
            *self = KeyFilter::rebuild(tx, want)?;
            return self.save_base(tx);
        }
        if self.unsaved.is_empty() {
            return Ok(());
        }
        let keys: Vec<u8> = self.unsaved.iter().flat_map(|k| k.to_le_bytes()).collect();
        self.unsaved.clear();
        tx.prepare_cached("INSERT INTO lsh_filter_log (keys) VALUES (?1)")?
            .execute([keys])?;
        self.bump_generation(tx)?;
        let logged: i64 = tx
            .prepare_cached("SELECT COALESCE(SUM(length(keys)), 0) FROM lsh_filter_log")?
            .query_row([], |r| r.get(0))?;
        if logged >= (self.bits.len() * 8) as i64 {
            self.save_base(tx)?;
        }
        Ok(())
    }

    /// Add a key written to the table.
    pub fn insert(&mut self, key: i64) {
        let top = top32(key);
        self.set(top);
        self.unsaved.push(top);
    }

    pub fn may_contain(&self, key: i64) -> bool {
        let (word, mask) = self.slot(top32(key));
        self.bits.get(word).is_none_or(|w| w & mask != 0)
    }

    fn set(&mut self, top: u32) {
        let (word, mask) = self.slot(top);
        if let Some(w) = self.bits.get_mut(word) {
            *w |= mask;
        }
    }

    fn slot(&self, top: u32) -> (usize, u64) {
        let bit = (u64::from(top) >> (32 - self.log2)) as usize;
        (bit / 64, 1u64 << (bit % 64))
    }

    /// log2 of the number of bits.
    #[cfg(test)]
    pub fn log2(&self) -> u32 {
        self.log2
    }

    /// Share of bits set.
    #[cfg(test)]
    pub fn fill(&self) -> f64 {
        let set: u64 = self.bits.iter().map(|w| u64::from(w.count_ones())).sum();
        set as f64 / (self.bits.len() as f64 * 64.0)
    }
}

/// A band key's top 32 bits (the filter indexes by a prefix of them).
fn top32(key: i64) -> u32 {
    (from_sql_u64(key) >> 32) as u32
}
