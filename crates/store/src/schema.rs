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
    // 2: scale. Per-story counts kept as batches commit (the listing reads no articles);
    // clusterer changes appended as one log row per batch and folded into doc_freq /
    // active_stories every few dozen batches (random updates of those tables dirtied most
    // of their pages on every commit); LSH band keys of older articles, so that near
    // copies are found over the whole store.
    "
    ALTER TABLE stories ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN outlets INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN first_seen TEXT;
    ALTER TABLE stories ADD COLUMN last_seen TEXT;
    -- Each story's distinct outlets (an article without one counts as its own).
    CREATE TABLE story_outlets (
        story  INTEGER NOT NULL,
        outlet TEXT NOT NULL,
        PRIMARY KEY (story, outlet)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO story_outlets (story, outlet)
        SELECT story, COALESCE(outlet, 'article:' || id) FROM articles;
    UPDATE stories SET
        articles = (SELECT COUNT(*) FROM articles a WHERE a.story = stories.id),
        outlets = (SELECT COUNT(*) FROM story_outlets o WHERE o.story = stories.id),
        first_seen = (SELECT MIN(COALESCE(a.published, substr(a.added_at, 1, 10)))
                      FROM articles a WHERE a.story = stories.id),
        last_seen = (SELECT MAX(COALESCE(a.published, substr(a.added_at, 1, 10)))
                     FROM articles a WHERE a.story = stories.id);

    -- One row per batch: the clusterer's changes (codec.rs encodings), replayed over
    -- doc_freq and active_stories on resume until folded into them.
    CREATE TABLE clusterer_log (
        batch      INTEGER PRIMARY KEY,
        df         BLOB NOT NULL,
        df_removed BLOB NOT NULL,
        stories    BLOB NOT NULL,
        retired    BLOB NOT NULL
    );

    -- LSH band keys of the articles up to state 'lsh_flushed' (see lsh.rs).
    CREATE TABLE lsh_bands (
        band    INTEGER NOT NULL,
        article INTEGER NOT NULL,
        PRIMARY KEY (band, article)
    ) WITHOUT ROWID;
    ",
    // 3: the LSH key filter persisted (key_filter.rs), so that a start reads it instead of
    // scanning lsh_bands: a base bitmap in chunks plus one row of keys per flush. A store
    // upgraded from version 2 builds it on its first resume.
    "
    CREATE TABLE lsh_filter (
        chunk INTEGER PRIMARY KEY,
        bits  BLOB NOT NULL
    );
    CREATE TABLE lsh_filter_log (
        flush INTEGER PRIMARY KEY,
        keys  BLOB NOT NULL
    );
    ",
    // 4: a story's first and last seen are its articles' publication dates only (NULL when
    // none is dated; listed by the days the story was created and updated). Before, an
    // undated article counted as published on the day it was added.
    "
    UPDATE stories SET
        first_seen = (SELECT MIN(a.published) FROM articles a WHERE a.story = stories.id),
        last_seen = (SELECT MAX(a.published) FROM articles a WHERE a.story = stories.id)
    WHERE merged_into IS NULL;
    ",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// The oldest schema the read path (`Store::open_read_only`, listings and stories) reads:
/// version 3 only added the writer's key filter tables, and version 4 only recomputed the
/// stories' first and last seen (an older store lists them as it kept them).
pub const READ_MIN_VERSION: u32 = 2;

pub fn version(conn: &Connection) -> Result<u32, Error> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring the store up to [`SCHEMA_VERSION`]; refuse one written by a newer build.
pub fn migrate(conn: &mut Connection) -> Result<(), Error> {
    migrate_to(conn, SCHEMA_VERSION)
}

/// Apply the migrations up to version `target` (tests build old stores with it).
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), Error> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    let upto = MIGRATIONS.iter().take(target as usize).enumerate();
    for (i, sql) in upto.skip(current as usize) {
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
