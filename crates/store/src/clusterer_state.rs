//! The clusterer's state in the store: a base (tables `doc_freq`, `active_stories`) plus a
//! log of later changes (`clusterer_log`, one row per batch), folded into the base every
//! [`FOLD_EVERY`] batches.
//!
//! Why a log: a batch changes the document frequency of ~10k features and the centroids of
//! ~100 stories, scattered over the whole of both tables, so updating them in place dirtied
//! most of their pages (megabytes of WAL) on every commit. One appended row per batch is
//! written sequentially; the fold rewrites each changed row once per [`FOLD_EVERY`]
//! batches. Both happen in the batch's own transaction, so a kill -9 never leaves the base
//! and the log out of step.

use std::collections::HashMap;

use crosswire_cluster::{Changes, Clusterer, Config, Doc, StoryState};
use crosswire_dedup::article_text;
use crosswire_model::{Article, CleanStats, CopyKind, Metadata};
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::Error;
use crate::codec::{
    decode_centroid, decode_df, decode_stories, decode_u64s, encode_centroid, encode_df,
    encode_stories, encode_u64s, from_sql_u64, to_sql_u64,
};

/// Log rows that trigger a fold into the base tables.
pub const FOLD_EVERY: i64 = 64;

/// The clusterer as of the last committed batch: base tables, then the log in order.
pub fn load(conn: &Connection, config: Config) -> Result<Clusterer, Error> {
    let mut stmt = conn.prepare("SELECT feature, n FROM doc_freq")?;
    let mut df: HashMap<u64, u32> = stmt
        .query_map([], |r| {
            Ok((from_sql_u64(r.get(0)?), r.get::<_, i64>(1)?.max(0) as u32))
        })?
        .collect::<Result<_, _>>()?;
    let mut stmt =
        conn.prepare("SELECT id, centroid, size, first_day, last_day FROM active_stories")?;
    let mut stories: HashMap<u64, StoryState> = stmt
        .query_map([], |r| {
            let id = r.get::<_, i64>(0)? as u64;
            Ok((
                id,
                StoryState {
                    id,
                    centroid: decode_centroid(&r.get::<_, Vec<u8>>(1)?),
                    size: r.get::<_, i64>(2)?.max(0) as u32,
                    first_day: r.get(3)?,
                    last_day: r.get(4)?,
                },
            ))
        })?
        .collect::<Result<_, _>>()?;
    let mut log =
        conn.prepare("SELECT df, df_removed, stories, retired FROM clusterer_log ORDER BY batch")?;
    let mut rows = log.query([])?;
    while let Some(r) = rows.next()? {
        let entry = LogEntry::read(r)?;
        entry.apply(&mut df, &mut stories);
    }
    let docs_seen = state(conn, "docs_seen")?.max(0) as u64;
    let next_id = state(conn, "next_story")?.max(1) as u64;
    let mut clusterer = Clusterer::restore(
        config,
        df,
        docs_seen,
        next_id,
        stories.into_values().collect(),
    );
    recall_members(conn, &mut clusterer)?;
    Ok(clusterer)
}

/// Give each restored story its latest member articles back from the `articles` table, as
/// many as the clusterer asks for ([`Clusterer::stories_to_recall`]; member vectors are
/// not saved; copies that repeat their original are not members, `Doc::repeats`). Why:
/// without them a resumed ingest judged stories by their centroids alone and never split a
/// story it had started before the restart, so the same stream ingested in two runs
/// clustered differently from one run.
fn recall_members(conn: &Connection, clusterer: &mut Clusterer) -> Result<(), Error> {
    let mut stmt = conn.prepare(
        "SELECT id, title, published, paragraphs FROM articles a
         WHERE story = ?1
           AND NOT EXISTS (SELECT 1 FROM copies c
                           WHERE c.article = a.id AND c.kind != ?3)
         ORDER BY id DESC LIMIT ?2",
    )?;
    for (story, wanted) in clusterer.stories_to_recall() {
        let mut rows = stmt.query(params![
            story as i64,
            wanted as i64,
            crate::write::kind_name(CopyKind::Syndicated)
        ])?;
        let mut members: Vec<(u64, Article)> = Vec::new();
        while let Some(r) = rows.next()? {
            let published: Option<String> = r.get(2)?;
            let article = Article {
                id: String::new(),
                origin: String::new(),
                meta: Metadata {
                    title: r.get(1)?,
                    published: published.and_then(|p| p.parse().ok()),
                    ..Metadata::default()
                },
                paragraphs: serde_json::from_str(&r.get::<_, String>(3)?)?,
                stats: CleanStats::default(),
                removed: Vec::new(),
            };
            members.push((r.get::<_, i64>(0)? as u64, article));
        }
        members.reverse();
        // The text the clusterer saw when each joined ([`article_text`], as in a batch).
        let bodies: Vec<String> = members.iter().map(|(_, a)| article_text(a)).collect();
        let docs: Vec<Doc<'_>> = members
            .iter()
            .zip(&bodies)
            .map(|((key, article), body)| Doc {
                key: *key,
                ..Doc::of_article(article, body)
            })
            .collect();
        clusterer.recall_members(story, &docs);
    }
    Ok(())
}

/// A counter from the `state` table (0 when unset).
pub fn state(conn: &Connection, key: &str) -> Result<i64, Error> {
    Ok(conn
        .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?
        .unwrap_or(0))
}

pub fn set_state(tx: &Transaction<'_>, key: &str, value: i64) -> Result<(), Error> {
    tx.prepare_cached(
        "INSERT INTO state (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// Append one batch's changes to the log (folding it when long enough) and save counters.
pub fn save(tx: &Transaction<'_>, changes: &Changes) -> Result<(), Error> {
    tx.prepare_cached(
        "INSERT INTO clusterer_log (df, df_removed, stories, retired) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        encode_df(&changes.df),
        encode_u64s(&changes.df_removed),
        encode_stories(&changes.stories),
        encode_u64s(&changes.retired),
    ])?;
    set_state(tx, "docs_seen", changes.docs_seen as i64)?;
    set_state(tx, "next_story", changes.next_id as i64)?;
    let rows: i64 = tx
        .prepare_cached("SELECT COUNT(*) FROM clusterer_log")?
        .query_row([], |r| r.get(0))?;
    if rows >= FOLD_EVERY {
        fold(tx)?;
    }
    Ok(())
}

/// Apply the whole log to the base tables (each changed row written once, in key order)
/// and empty it.
pub fn fold(tx: &Transaction<'_>) -> Result<(), Error> {
    let mut df: HashMap<u64, Option<u32>> = HashMap::new();
    let mut stories: HashMap<u64, Option<StoryState>> = HashMap::new();
    {
        let mut log = tx
            .prepare("SELECT df, df_removed, stories, retired FROM clusterer_log ORDER BY batch")?;
        let mut rows = log.query([])?;
        while let Some(r) = rows.next()? {
            let entry = LogEntry::read(r)?;
            for (f, n) in entry.df {
                df.insert(f, Some(n));
            }
            for f in entry.df_removed {
                df.insert(f, None);
            }
            for s in entry.stories {
                stories.insert(s.id, Some(s));
            }
            for id in entry.retired {
                stories.insert(id, None);
            }
        }
    }
    let mut df: Vec<(u64, Option<u32>)> = df.into_iter().collect();
    df.sort_unstable_by_key(|&(f, _)| to_sql_u64(f));
    let mut upsert_df = tx.prepare_cached(
        "INSERT INTO doc_freq (feature, n) VALUES (?1, ?2)
         ON CONFLICT(feature) DO UPDATE SET n = excluded.n",
    )?;
    let mut forget_df = tx.prepare_cached("DELETE FROM doc_freq WHERE feature = ?1")?;
    for (f, n) in df {
        match n {
            Some(n) => upsert_df.execute(params![to_sql_u64(f), i64::from(n)])?,
            None => forget_df.execute([to_sql_u64(f)])?,
        };
    }
    let mut stories: Vec<(u64, Option<StoryState>)> = stories.into_iter().collect();
    stories.sort_unstable_by_key(|&(id, _)| id);
    let mut upsert = tx.prepare_cached(
        "INSERT INTO active_stories (id, centroid, size, first_day, last_day)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET centroid = excluded.centroid, size = excluded.size,
            first_day = excluded.first_day, last_day = excluded.last_day",
    )?;
    let mut retire = tx.prepare_cached("DELETE FROM active_stories WHERE id = ?1")?;
    for (id, s) in stories {
        match s {
            Some(s) => upsert.execute(params![
                s.id as i64,
                encode_centroid(&s.centroid),
                i64::from(s.size),
                s.first_day,
                s.last_day
            ])?,
            None => retire.execute([id as i64])?,
        };
    }
    tx.execute("DELETE FROM clusterer_log", [])?;
    Ok(())
}

/// One decoded log row.
struct LogEntry {
    df: Vec<(u64, u32)>,
    df_removed: Vec<u64>,
    stories: Vec<StoryState>,
    retired: Vec<u64>,
}

impl LogEntry {
    fn read(r: &rusqlite::Row<'_>) -> Result<LogEntry, Error> {
        Ok(LogEntry {
            df: decode_df(&r.get::<_, Vec<u8>>(0)?),
            df_removed: decode_u64s(&r.get::<_, Vec<u8>>(1)?),
            stories: decode_stories(&r.get::<_, Vec<u8>>(2)?),
            retired: decode_u64s(&r.get::<_, Vec<u8>>(3)?),
        })
    }

    /// Upserts before removals, as the clusterer reports them.
    fn apply(self, df: &mut HashMap<u64, u32>, stories: &mut HashMap<u64, StoryState>) {
        df.extend(self.df);
        for f in self.df_removed {
            df.remove(&f);
        }
        for s in self.stories {
            stories.insert(s.id, s);
        }
        for id in self.retired {
            stories.remove(&id);
        }
    }
}
