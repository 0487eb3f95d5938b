//! Reading stories back: listings, and whole [`Story`] values for the digest.

use std::collections::{BTreeMap, HashMap, HashSet};

use crosswire_model::{Article, CleanStats, Copy, DuplicateGroup, Metadata, Story};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::write::kind_from_name;
use crate::{Error, Store};

/// One line of `crosswire stories`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: u64,
    pub headline: String,
    pub articles: u64,
    /// Distinct outlets (articles without a known outlet count as their own).
    pub outlets: u64,
    /// Earliest and latest publication date of its dated articles; for a story none of
    /// whose articles is dated, the days it was created and last updated. An undated
    /// article does not stretch a dated story's range to the day it was ingested.
    pub first_seen: String,
    pub last_seen: String,
    /// When an ingest last changed the story (UTC).
    pub updated: String,
}

/// What identifies the state of a story's content: its articles only ever grow (an ingest
/// adds articles or merges a story in, and bumps the count on the story row in the same
/// transaction), so the live id with its article count names one set of articles. The
/// times tell apart two stores written at the same path one after the other.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StoryVersion {
    /// The live story (a merged-away id resolved to the story it joined).
    pub id: u64,
    pub articles: u64,
    pub created: String,
    pub updated: String,
}

impl Store {
    /// The version of live story `id` (merges followed), one row read: `None` if there is
    /// no such story. A reader that reads it before and after [`Store::story`] and finds
    /// it unchanged knows no ingest changed the story in between.
    pub fn story_version(&self, id: u64) -> Result<Option<StoryVersion>, Error> {
        let Some(live) = crate::story_rows::live_story(&self.conn, id as i64)? else {
            return Ok(None);
        };
        let row = self
            .conn
            .prepare_cached("SELECT articles, created_at, updated_at FROM stories WHERE id = ?1")?
            .query_row([live], |r| {
                Ok(StoryVersion {
                    id: live as u64,
                    articles: r.get::<_, i64>(0)?.max(0) as u64,
                    created: r.get(1)?,
                    updated: r.get(2)?,
                })
            })
            .optional()?;
        Ok(row.filter(|v| v.articles > 0))
    }

    /// Every live (not merged-away) story, most recently updated first.
    pub fn stories(&self) -> Result<Vec<StorySummary>, Error> {
        // Counts are kept on the story rows as batches commit: no pass over the articles.
        let mut stmt = self.conn.prepare(
            "SELECT id, headline, articles, outlets,
                    COALESCE(first_seen, substr(created_at, 1, 10)),
                    COALESCE(last_seen, substr(updated_at, 1, 10)), updated_at
             FROM stories
             WHERE merged_into IS NULL AND articles > 0
             ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(StorySummary {
                    id: r.get::<_, i64>(0)? as u64,
                    headline: r.get(1)?,
                    articles: r.get::<_, i64>(2)? as u64,
                    outlets: r.get::<_, i64>(3)? as u64,
                    first_seen: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    last_seen: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                    updated: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(rows)
    }

    /// A story with its articles (by publication date) and duplicate groups; `None` if
    /// there is no such live story. A merged-away id resolves to the story it joined.
    pub fn story(&self, id: u64) -> Result<Option<Story>, Error> {
        let Some(id) = crate::story_rows::live_story(&self.conn, id as i64)? else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare(
            "SELECT id, doc_id, origin, url, title, published, byline, outlet, language, wire,
                    paragraphs, removed, raw_words, kept_words
             FROM articles WHERE story = ?1
             ORDER BY COALESCE(published, '9999'), id",
        )?;
        let mut rows = stmt.query(params![id])?;
        let mut articles: Vec<(i64, Article)> = Vec::new();
        let mut seen_ids: HashSet<String> = HashSet::new();
        while let Some(r) = rows.next()? {
            let row_id: i64 = r.get(0)?;
            let mut doc_id: String = r.get(1)?;
            // Ids from different ingests may repeat; within a story each must be unique.
            if !seen_ids.insert(doc_id.clone()) {
                doc_id = format!("{doc_id}#{row_id}");
                seen_ids.insert(doc_id.clone());
            }
            let published: Option<String> = r.get(5)?;
            let article = Article {
                id: doc_id,
                origin: r.get(2)?,
                meta: Metadata {
                    url: r.get(3)?,
                    title: r.get(4)?,
                    published: published.and_then(|p| p.parse().ok()),
                    byline: r.get(6)?,
                    outlet: r.get(7)?,
                    language: r.get(8)?,
                    wire: serde_json::from_str(&r.get::<_, String>(9)?)?,
                },
                paragraphs: serde_json::from_str(&r.get::<_, String>(10)?)?,
                removed: serde_json::from_str(&r.get::<_, String>(11)?)?,
                stats: CleanStats {
                    raw_words: r.get::<_, i64>(12)?.max(0) as usize,
                    kept_words: r.get::<_, i64>(13)?.max(0) as usize,
                },
            };
            articles.push((row_id, article));
        }
        if articles.is_empty() {
            return Ok(None);
        }
        let name_of: HashMap<i64, String> = articles
            .iter()
            .map(|(row, a)| (*row, a.id.clone()))
            .collect();
        let mut stmt = self.conn.prepare(
            "SELECT c.article, c.original, c.kind, c.similarity
             FROM copies c JOIN articles a ON a.id = c.article
             WHERE a.story = ?1 ORDER BY c.original, c.article",
        )?;
        let mut groups: BTreeMap<i64, Vec<Copy>> = BTreeMap::new();
        let mut rows = stmt.query(params![id])?;
        while let Some(r) = rows.next()? {
            let (copy, original): (i64, i64) = (r.get(0)?, r.get(1)?);
            // Only groups whose representative is in this story: a digest summarizes
            // representatives, so a copy whose original lives elsewhere stands alone.
            let (Some(copy_id), true) = (name_of.get(&copy), name_of.contains_key(&original))
            else {
                continue;
            };
            groups.entry(original).or_default().push(Copy {
                id: copy_id.clone(),
                similarity: r.get(3)?,
                kind: kind_from_name(&r.get::<_, String>(2)?),
            });
        }
        let duplicates = groups
            .into_iter()
            .filter_map(|(original, copies)| {
                Some(DuplicateGroup {
                    representative: name_of.get(&original)?.clone(),
                    copies,
                })
            })
            .collect();
        Ok(Some(Story {
            id: format!("story-{id}"),
            articles: articles.into_iter().map(|(_, a)| a).collect(),
            duplicates,
        }))
    }
}
