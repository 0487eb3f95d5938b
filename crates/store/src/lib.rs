//! The embedded SQLite store of articles, duplicate groups and stories.
//!
//! ```text
//! Vec<Article> ──Store::add_batch (one transaction)──▶ known URL / content hash? skip
//!              ──▶ a copy? the recent window (StoryStream::find_copy), else the same
//!                  text stored earlier, else lsh: band keys of older articles on disk
//!              ──▶ story: a copy's is its original's live story (merges followed; the
//!                  clusterer is bypassed when that story has left its active set),
//!                  otherwise StoryStream::add (Clusterer) decides (merges, splits and
//!                  one-article stories folded as they leave the active set come with it)
//!              ──▶ rows: articles, copies, stories (+ counts, story_outlets),
//!                  clusterer_log (the clusterer's changes), lsh_bands (as articles age)
//! Store::resume ──▶ a StoryStream restored from doc_freq + active_stories + the log,
//!                   each active story's member articles (re-weighed: the recent ones,
//!                   all of a story small enough to be watched for splitting), and the
//!                   window's articles
//! Store::stories / Store::story ──▶ listings and model::Story values for the digest
//! ```
//!
//! [`Store`] is the principal type. The database runs in WAL mode; each batch is one
//! transaction, so a killed process loses only the batch in flight and a rerun skips what
//! was committed (articles are keyed by URL and by the hash of their normalized text).
//! The schema is versioned by `PRAGMA user_version` with append-only migrations
//! ([`schema`]). Every value reaches SQL as a bound parameter.
//!
//! Scale: what a batch writes is kept close to what it adds, so speed does not fall as the
//! store grows. The clusterer's state is appended as one log row per batch and folded into
//! its tables every few dozen batches (`clusterer_state.rs`); story counts are kept on the
//! story rows (the listing reads no articles); LSH keys of older articles are written in
//! sorted chunks, with a filter in memory in front of them (`lsh.rs`), sized from the
//! table and persisted with it so that a start need not scan it (`key_filter.rs`).
//! `CROSSWIRE_PROFILE=1` makes [`Store::profile`] record CPU time per phase.

mod clusterer_state;
mod codec;
mod key_filter;
mod lsh;
pub mod profile;
mod read;
pub mod schema;
mod story_rows;
mod write;

use std::path::Path;

use rusqlite::Connection;

pub use read::{StorySummary, StoryVersion};
pub use write::BatchStats;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("store schema version {found} is newer than this build supports ({supported})")]
    NewerSchema { found: u32, supported: u32 },
    #[error(
        "store schema version {found} is older than this build reads ({supported}); \
         run `crosswire ingest` on it once to upgrade it"
    )]
    OlderSchema { found: u32, supported: u32 },
}

/// Default path of the store.
pub const DEFAULT_PATH: &str = "crosswire.db";

/// An open store.
pub struct Store {
    conn: Connection,
    profile: profile::Profile,
    /// The dedup window of the last [`Store::resume`]: articles older than its half are
    /// moved to the on-disk LSH table.
    window: usize,
    /// Which LSH keys the store's band table may hold (read on resume).
    lsh_filter: Option<key_filter::KeyFilter>,
}

impl Store {
    /// Open (creating if needed) the store at `path` and bring its schema up to date.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let conn = Connection::open(path)?;
        Store::init(conn)
    }

    /// Open an existing store for reading only (`crosswire serve`): SQLite's read-only
    /// flag, no migration, nothing written, so a reader can never alter or upgrade a store
    /// that `crosswire ingest` is writing. A missing file is an error, not a new store; a
    /// store older than [`schema::READ_MIN_VERSION`] is refused.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        use rusqlite::OpenFlags;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let found = schema::version(&conn)?;
        if found > schema::SCHEMA_VERSION {
            let supported = schema::SCHEMA_VERSION;
            return Err(Error::NewerSchema { found, supported });
        }
        if found < schema::READ_MIN_VERSION {
            let supported = schema::READ_MIN_VERSION;
            return Err(Error::OlderSchema { found, supported });
        }
        Ok(Store::with_connection(conn))
    }

    /// A store in memory (tests).
    pub fn open_in_memory() -> Result<Store, Error> {
        Store::init(Connection::open_in_memory()?)
    }

    fn init(mut conn: Connection) -> Result<Store, Error> {
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        // WAL: readers do not block the writer, and a commit is one append + fsync.
        // NORMAL sync is durable across process crashes (kill -9), which is what a batch
        // commit promises; only an OS crash can lose the last commits.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MB of page cache: the article indexes of a store of millions of articles stay
        // in memory, which keeps ingest speed from falling as the store grows.
        conn.pragma_update(None, "cache_size", -65_536)?;
        // add_batch and its helpers run a few dozen distinct statements per batch.
        conn.set_prepared_statement_cache_capacity(64);
        schema::migrate(&mut conn)?;
        Ok(Store::with_connection(conn))
    }

    /// A store over a connection that is ready (schema current), with nothing resumed yet.
    fn with_connection(conn: Connection) -> Store {
        Store {
            conn,
            profile: profile::Profile::from_env(),
            window: 100_000,
            lsh_filter: None,
        }
    }

    /// Where [`Store::add_batch`] spent its time so far.
    pub fn profile(&self) -> &profile::Profile {
        &self.profile
    }

    pub fn schema_version(&self) -> Result<u32, Error> {
        schema::version(&self.conn)
    }

    /// Number of stored articles.
    pub fn article_count(&self) -> Result<u64, Error> {
        Ok(self
            .conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))?
            as u64)
    }

    /// The document id of every stored article, in the order they were added.
    pub fn doc_ids(&self) -> Result<Vec<String>, Error> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id FROM articles ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(ids)
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_copies;
#[cfg(test)]
mod tests_key_filter;
#[cfg(test)]
mod tests_resume;
#[cfg(test)]
mod tests_scale;
