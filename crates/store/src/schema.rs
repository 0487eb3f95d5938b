//! The schema and its migrations. `PRAGMA user_version` holds the number of migrations
//! applied; each migration runs in its own transaction, so a store is never left between
//! two versions.

use rusqlite::{Connection, TransactionBehavior};

use crate::Error;

/// Migrations in order; migration `i` brings the store from version `i` to `i + 1`.
/// Append only: never edit one that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: articles, copies, stories, clusterer state.
    "
    CREATE TABLE articles (
        id           INTEGER PRIMARY KEY,
        doc_id       TEXT NOT NULL,
        origin       TEXT NOT NULL,
        url          TEXT UNIQUE,
        content_hash INTEGER NOT NULL,
        title        TEXT NOT NULL,
        published    TEXT,
        byline       TEXT,
        outlet       TEXT,
        language     TEXT,
        wire         TEXT NOT NULL,
        paragraphs   TEXT NOT NULL,
        removed      TEXT NOT NULL,
        raw_words    INTEGER NOT NULL,
        kept_words   INTEGER NOT NULL,
        shingles     INTEGER NOT NULL,
        signature    BLOB NOT NULL,
        story        INTEGER NOT NULL,
        added_at     TEXT NOT NULL
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_story ON articles(story);

    -- Duplicate groups: each copy names the earlier article it copies (the group's
    -- representative: in a stream, the first-seen version, so ids stay stable).
    CREATE TABLE copies (
        article    INTEGER PRIMARY KEY REFERENCES articles(id),
        original   INTEGER NOT NULL REFERENCES articles(id),
        kind       TEXT NOT NULL,
        similarity REAL NOT NULL
    );
    CREATE INDEX copies_original ON copies(original);

    CREATE TABLE stories (
        id          INTEGER PRIMARY KEY,
        headline    TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        merged_into INTEGER REFERENCES stories(id)
    );

    -- Clusterer state: active stories' centroids, document frequencies, counters.
    CREATE TABLE active_stories (
        id        INTEGER PRIMARY KEY REFERENCES stories(id),
        centroid  BLOB NOT NULL,
        size      INTEGER NOT NULL,
        first_day INTEGER NOT NULL,
        last_day  INTEGER NOT NULL
    );
    CREATE TABLE doc_freq (
        feature INTEGER PRIMARY KEY,
        n       INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE state (
        key   TEXT PRIMARY KEY,
        value INTEGER NOT NULL
    );
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn version(conn: &Connection) -> Result<u32, Error> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring the store up to [`SCHEMA_VERSION`]; refuse one written by a newer build.
pub fn migrate(conn: &mut Connection) -> Result<(), Error> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        // IMMEDIATE takes the write lock first; re-reading the version under it means two
        // processes opening a new store at once apply each migration once.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        if version(&tx)? > i as u32 {
            continue;
        }
        tx.execute_batch(sql)?;
        // PRAGMA takes no bound parameters; the value is our own integer, not input.
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
        tx.commit()?;
    }
    Ok(())
}
