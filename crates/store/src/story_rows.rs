//! The `stories` rows as articles arrive: kept counts, merges, splits, and which story is
//! live.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crosswire_model::CopyKind;

use crate::Error;

/// The live story `id` now is: itself, or the end of its `merged_into` chain (`None` when
/// there is no such story). Merged-away ids never come back, so a chain ends; a cycle
/// (a corrupt store) stops at the first repeated id.
pub fn live_story(conn: &Connection, id: i64) -> Result<Option<i64>, Error> {
    let mut stmt = conn.prepare_cached("SELECT merged_into FROM stories WHERE id = ?1")?;
    let mut id = id;
    let mut seen: HashSet<i64> = HashSet::new();
    loop {
        let merged: Option<Option<i64>> = stmt.query_row([id], |r| r.get(0)).optional()?;
        match merged {
            None => return Ok(None),
            Some(Some(next)) if seen.insert(id) => id = next,
            Some(_) => return Ok(Some(id)),
        }
    }
}

/// The live story of a stored article (`None` for an unknown article).
pub fn story_of_article(conn: &Connection, article: i64) -> Result<Option<i64>, Error> {
    let story: Option<i64> = conn
        .prepare_cached("SELECT story FROM articles WHERE id = ?1")?
        .query_row([article], |r| r.get(0))
        .optional()?;
    match story {
        Some(s) => live_story(conn, s),
        None => Ok(None),
    }
}

/// Per-story counts of a batch's articles, written when the batch ends (or before a merge
/// reads them): articles, distinct outlets, and the first and last publication dates.
/// Undated articles leave the dates alone: an archive of 2019 reports ingested today is
/// not "last seen" today because one of them carried no date. A story with no dated
/// article is listed by the days it was created and updated ([`crate::Store::stories`]).
#[derive(Default)]
pub struct StoryCounts {
    pending: BTreeMap<i64, Pending>,
}

#[derive(Default)]
struct Pending {
    articles: i64,
    first: Option<String>,
    last: Option<String>,
    outlets: BTreeSet<String>,
}

impl StoryCounts {
    pub fn add(&mut self, story: i64, published: Option<String>, outlet: String) {
        let p = self.pending.entry(story).or_default();
        p.articles += 1;
        if let Some(day) = published {
            if p.first.as_ref().is_none_or(|f| day < *f) {
                p.first = Some(day.clone());
            }
            if p.last.as_ref().is_none_or(|l| day > *l) {
                p.last = Some(day);
            }
        }
        p.outlets.insert(outlet);
    }

    pub fn flush(&mut self, tx: &Transaction<'_>, now: &str) -> Result<(), Error> {
        let mut outlet = tx.prepare_cached(
            "INSERT OR IGNORE INTO story_outlets (story, outlet) VALUES (?1, ?2)",
        )?;
        let mut update = tx.prepare_cached(
            "UPDATE stories SET articles = articles + ?2, outlets = outlets + ?3,
                first_seen = CASE WHEN ?4 IS NULL THEN first_seen
                                  ELSE min(COALESCE(first_seen, ?4), ?4) END,
                last_seen = CASE WHEN ?5 IS NULL THEN last_seen
                                 ELSE max(COALESCE(last_seen, ?5), ?5) END,
                updated_at = ?6
             WHERE id = ?1",
        )?;
        for (story, p) in std::mem::take(&mut self.pending) {
            let mut new_outlets = 0i64;
            for o in &p.outlets {
                new_outlets += outlet.execute(params![story, o])? as i64;
            }
            update.execute(params![
                story,
                p.articles,
                new_outlets,
                p.first,
                p.last,
                now
            ])?;
        }
        Ok(())
    }
}

/// Move story `from`'s articles, outlets and counts into `into`.
pub fn merge_story(tx: &Transaction<'_>, from: i64, into: i64, now: &str) -> Result<(), Error> {
    tx.prepare_cached("UPDATE articles SET story = ?1 WHERE story = ?2")?
        .execute(params![into, from])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO story_outlets (story, outlet)
         SELECT ?1, outlet FROM story_outlets WHERE story = ?2",
    )?
    .execute(params![into, from])?;
    tx.prepare_cached("DELETE FROM story_outlets WHERE story = ?1")?
        .execute([from])?;
    tx.prepare_cached(
        "UPDATE stories SET
            articles = articles + (SELECT articles FROM stories WHERE id = ?2),
            outlets = (SELECT COUNT(*) FROM story_outlets WHERE story = ?1),
            first_seen = min(COALESCE(first_seen, (SELECT first_seen FROM stories WHERE id = ?2)),
                             COALESCE((SELECT first_seen FROM stories WHERE id = ?2), first_seen)),
            last_seen = max(COALESCE(last_seen, (SELECT last_seen FROM stories WHERE id = ?2)),
                            COALESCE((SELECT last_seen FROM stories WHERE id = ?2), last_seen)),
            updated_at = ?3
         WHERE id = ?1",
    )?
    .execute(params![into, from, now])?;
    tx.prepare_cached(
        "UPDATE stories SET merged_into = ?1, updated_at = ?2, articles = 0, outlets = 0
         WHERE id = ?3",
    )?
    .execute(params![into, now, from])?;
    Ok(())
}

/// Record a split: a new story row for `split.into` (headlined by the earliest stored
/// article it takes, else `fallback_headline`), its articles moved to it, and both
/// stories' counts recomputed from their articles (split stories are small: the clusterer
/// only watches stories of a few dozen articles).
pub fn split_story(
    tx: &Transaction<'_>,
    split: &crosswire_cluster::Split,
    fallback_headline: &str,
    now: &str,
) -> Result<(), Error> {
    let into = split.into as i64;
    let first_stored = split.keys.iter().map(|&k| k as i64).min();
    let headline = match first_stored {
        Some(id) => tx
            .prepare_cached("SELECT title, paragraphs FROM articles WHERE id = ?1")?
            .query_row([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .optional()?
            .map(|(title, paragraphs)| stored_headline(&title, &paragraphs))
            .transpose()?,
        None => None,
    };
    tx.prepare_cached(
        "INSERT INTO stories (id, headline, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
    )?
    .execute(params![
        into,
        headline.as_deref().unwrap_or(fallback_headline),
        now
    ])?;
    let mut move_article = tx.prepare_cached("UPDATE articles SET story = ?1 WHERE id = ?2")?;
    // The copies that repeat a moved article move with it: the clusterer never saw them
    // (`Doc::repeats`), so the split's keys name only those in the stream's recent window.
    // Found here as the exact and near copies of the group it represents, and the articles
    // of the same text (an exact copy filed under another group's representative).
    let mut repeats_of = tx.prepare_cached(
        "SELECT c.article FROM copies c JOIN articles a ON a.id = c.article
         WHERE c.original = ?1 AND c.kind != ?3 AND a.story = ?2
         UNION
         SELECT a.id FROM articles a JOIN articles m ON m.id = ?1
         WHERE a.content_hash = m.content_hash AND a.story = ?2",
    )?;
    let syndicated = crate::write::kind_name(CopyKind::Syndicated);
    let mut moving: Vec<i64> = split.keys.iter().map(|&k| k as i64).collect();
    let mut moved = HashSet::new();
    while let Some(k) = moving.pop() {
        if !moved.insert(k) {
            continue;
        }
        move_article.execute(params![into, k])?;
        let copies = repeats_of
            .query_map(params![k, split.from as i64, syndicated], |r| {
                r.get::<_, i64>(0)
            })?
            .collect::<Result<Vec<_>, _>>()?;
        moving.extend(copies);
    }
    for story in [split.from as i64, into] {
        recount_story(tx, story, now)?;
    }
    Ok(())
}

/// Recompute a story's kept counts (articles, outlets, first and last publication dates)
/// from its stored articles.
fn recount_story(tx: &Transaction<'_>, story: i64, now: &str) -> Result<(), Error> {
    tx.prepare_cached("DELETE FROM story_outlets WHERE story = ?1")?
        .execute([story])?;
    tx.prepare_cached(
        "INSERT OR IGNORE INTO story_outlets (story, outlet)
         SELECT story, COALESCE(outlet, 'article:' || id) FROM articles WHERE story = ?1",
    )?
    .execute([story])?;
    tx.prepare_cached(
        "UPDATE stories SET
            articles = (SELECT COUNT(*) FROM articles WHERE story = ?1),
            outlets = (SELECT COUNT(*) FROM story_outlets WHERE story = ?1),
            first_seen = (SELECT MIN(published) FROM articles WHERE story = ?1),
            last_seen = (SELECT MAX(published) FROM articles WHERE story = ?1),
            updated_at = ?2
         WHERE id = ?1",
    )?
    .execute(params![story, now])?;
    Ok(())
}

/// The headline of a stored article ([`crosswire_text::headline_or_lead`] over its title and
/// its stored paragraphs, a JSON array). Only a split asks, so parsing them is no cost.
fn stored_headline(title: &str, paragraphs: &str) -> Result<String, Error> {
    let paragraphs: Vec<String> = serde_json::from_str(paragraphs)?;
    Ok(crosswire_text::headline_or_lead(title, &paragraphs).into_owned())
}
