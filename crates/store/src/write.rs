//! Adding articles: one transaction per batch, clusterer state saved with it.

use std::collections::BTreeSet;

use crosswire_cluster::{Clusterer, Config, Doc, StoryState, StoryStream};
use crosswire_dedup::{Fingerprint, Signature, Sketch, article_text};
use crosswire_model::{Article, CopyKind};
use rusqlite::{OptionalExtension, Transaction, params};

use crate::codec::{decode_centroid, encode_centroid, from_sql_u64, to_sql_u64};
use crate::{Error, Store};

/// What one batch did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Articles stored.
    pub added: usize,
    /// Of those, copies of an earlier article (exact, near or syndicated).
    pub copies: usize,
    /// Articles already in the store (same URL, or same text without a new URL): unchanged.
    pub already_stored: usize,
    /// Articles with no body text left after cleaning: not stored.
    pub empty: usize,
    /// Stories started.
    pub new_stories: usize,
}

impl BatchStats {
    pub fn absorb(&mut self, other: BatchStats) {
        self.added += other.added;
        self.copies += other.copies;
        self.already_stored += other.already_stored;
        self.empty += other.empty;
        self.new_stories += other.new_stories;
    }
}

fn kind_name(kind: CopyKind) -> &'static str {
    match kind {
        CopyKind::Exact => "exact",
        CopyKind::Near => "near",
        CopyKind::Syndicated => "syndicated",
    }
}

pub(crate) fn kind_from_name(name: &str) -> CopyKind {
    match name {
        "exact" => CopyKind::Exact,
        "near" => CopyKind::Near,
        _ => CopyKind::Syndicated,
    }
}

impl Store {
    /// A [`StoryStream`] continuing from the stored state: document frequencies, active
    /// stories, and the `window` most recent articles for copy detection.
    pub fn resume(&self, config: Config, window: usize) -> Result<StoryStream, Error> {
        let mut stmt = self.conn.prepare("SELECT feature, n FROM doc_freq")?;
        let df = stmt
            .query_map([], |r| {
                Ok((from_sql_u64(r.get(0)?), r.get::<_, i64>(1)?.max(0) as u32))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let mut stmt = self
            .conn
            .prepare("SELECT id, centroid, size, first_day, last_day FROM active_stories")?;
        let stories = stmt
            .query_map([], |r| {
                Ok(StoryState {
                    id: r.get::<_, i64>(0)? as u64,
                    centroid: decode_centroid(&r.get::<_, Vec<u8>>(1)?),
                    size: r.get::<_, i64>(2)?.max(0) as u32,
                    first_day: r.get(3)?,
                    last_day: r.get(4)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let docs_seen = self.state("docs_seen")?.max(0) as u64;
        let next_id = self.state("next_story")?.max(1) as u64;
        let clusterer = Clusterer::restore(config, df, docs_seen, next_id, stories);
        let mut stream = StoryStream::new(clusterer, window);

        let mut stmt = self.conn.prepare(
            "SELECT id, content_hash, shingles, signature, story FROM articles
             ORDER BY id DESC LIMIT ?1",
        )?;
        let mut recent = stmt
            .query_map([window as i64], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Vec<u8>>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        recent.reverse();
        for (id, hash, shingles, sig, story) in recent {
            let Some(signature) = Signature::from_bytes(&sig) else {
                continue;
            };
            let sketch = Sketch {
                content_hash: from_sql_u64(hash),
                shingle_count: shingles.clamp(0, i64::from(u32::MAX)) as u32,
                signature,
            };
            stream.remember(id as u64, sketch, story as u64);
        }
        Ok(stream)
    }

    fn state(&self, key: &str) -> Result<i64, Error> {
        Ok(self
            .conn
            .query_row("SELECT value FROM state WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(0))
    }

    /// Add a batch of articles in one transaction: skip those already stored, find copies,
    /// assign stories, and save the clusterer's changes. `stream` must come from
    /// [`Store::resume`] on this store; if this returns an error the stream is ahead of the
    /// store and must be dropped (resume again).
    pub fn add_batch(
        &mut self,
        articles: &[Article],
        stream: &mut StoryStream,
    ) -> Result<BatchStats, Error> {
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let tx = self.conn.transaction()?;
        let mut stats = BatchStats::default();
        let mut next_id: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })?;
        let mut touched: BTreeSet<u64> = BTreeSet::new();
        {
            let mut by_url = tx.prepare("SELECT id FROM articles WHERE url = ?1")?;
            let mut by_hash =
                tx.prepare("SELECT id FROM articles WHERE content_hash = ?1 ORDER BY id LIMIT 1")?;
            let mut insert_article = tx.prepare(
                "INSERT INTO articles (id, doc_id, origin, url, content_hash, title, published,
                byline, outlet, language, wire, paragraphs, removed, raw_words, kept_words,
                shingles, signature, story, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                ?17, ?18, ?19)",
            )?;
            let mut original_of = tx.prepare("SELECT original FROM copies WHERE article = ?1")?;
            let mut insert_copy = tx.prepare(
                "INSERT INTO copies (article, original, kind, similarity) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for article in articles {
                let text = article_text(article);
                let print = Fingerprint::of(&text);
                if print.sketch.shingle_count == 0 {
                    stats.empty += 1;
                    continue;
                }
                let hash = to_sql_u64(print.sketch.content_hash);
                let url = article.meta.url.as_deref().filter(|u| !u.trim().is_empty());
                if let Some(u) = url {
                    let known: Option<i64> = by_url.query_row([u], |r| r.get(0)).optional()?;
                    if known.is_some() {
                        stats.already_stored += 1;
                        continue;
                    }
                }
                let same_text: Option<i64> = by_hash.query_row([hash], |r| r.get(0)).optional()?;
                if same_text.is_some() && url.is_none() {
                    stats.already_stored += 1;
                    continue;
                }

                let id = next_id;
                next_id += 1;
                let added = stream.add(id as u64, &print.sketch, Doc::of_article(article, &text));
                let a = &added.assignment;
                let story = a.story as i64;
                if a.new_story {
                    stats.new_stories += 1;
                    tx.execute(
                        "INSERT INTO stories (id, headline, created_at, updated_at)
                     VALUES (?1, ?2, ?3, ?3)",
                        params![story, article.meta.title, now],
                    )?;
                }
                for &m in &a.merged {
                    tx.execute(
                        "UPDATE articles SET story = ?1 WHERE story = ?2",
                        params![story, m as i64],
                    )?;
                    tx.execute(
                        "UPDATE stories SET merged_into = ?1, updated_at = ?2 WHERE id = ?3",
                        params![story, now, m as i64],
                    )?;
                }
                touched.insert(a.story);
                insert_article.execute(params![
                    id,
                    article.id,
                    article.origin,
                    url,
                    hash,
                    article.meta.title,
                    article.meta.published.map(|d| d.to_string()),
                    article.meta.byline,
                    article.meta.outlet,
                    article.meta.language,
                    serde_json::to_string(&article.meta.wire)?,
                    serde_json::to_string(&article.paragraphs)?,
                    serde_json::to_string(&article.removed)?,
                    article.stats.raw_words as i64,
                    article.stats.kept_words as i64,
                    i64::from(print.sketch.shingle_count),
                    print.sketch.signature.to_bytes(),
                    story,
                    now,
                ])?;
                let copy = match (added.copy_of, same_text) {
                    (Some(m), _) => Some((m.key as i64, m.kind, m.similarity)),
                    // An exact copy older than the dedup window.
                    (None, Some(original)) => Some((original, CopyKind::Exact, 1.0)),
                    (None, None) => None,
                };
                if let Some((original, kind, similarity)) = copy {
                    // Groups are flat: a copy of a copy names the group's representative.
                    let representative: i64 = original_of
                        .query_row([original], |r| r.get(0))
                        .optional()?
                        .unwrap_or(original);
                    insert_copy.execute(params![
                        id,
                        representative,
                        kind_name(kind),
                        similarity
                    ])?;
                    stats.copies += 1;
                }
                stats.added += 1;
            }
        }
        for s in &touched {
            tx.execute(
                "UPDATE stories SET updated_at = ?1 WHERE id = ?2",
                params![now, *s as i64],
            )?;
        }
        save_clusterer(&tx, stream)?;
        tx.commit()?;
        Ok(stats)
    }
}

fn save_clusterer(tx: &Transaction<'_>, stream: &mut StoryStream) -> Result<(), Error> {
    let changes = stream.clusterer.take_changes();
    let mut df = tx.prepare(
        "INSERT INTO doc_freq (feature, n) VALUES (?1, ?2)
         ON CONFLICT(feature) DO UPDATE SET n = excluded.n",
    )?;
    for (f, n) in &changes.df {
        df.execute(params![to_sql_u64(*f), i64::from(*n)])?;
    }
    let mut forget = tx.prepare("DELETE FROM doc_freq WHERE feature = ?1")?;
    for f in &changes.df_removed {
        forget.execute([to_sql_u64(*f)])?;
    }
    let mut upsert = tx.prepare(
        "INSERT INTO active_stories (id, centroid, size, first_day, last_day)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET centroid = excluded.centroid, size = excluded.size,
            first_day = excluded.first_day, last_day = excluded.last_day",
    )?;
    for s in &changes.stories {
        upsert.execute(params![
            s.id as i64,
            encode_centroid(&s.centroid),
            i64::from(s.size),
            s.first_day,
            s.last_day
        ])?;
    }
    let mut retire = tx.prepare("DELETE FROM active_stories WHERE id = ?1")?;
    for id in &changes.retired {
        retire.execute([*id as i64])?;
    }
    let mut state = tx.prepare(
        "INSERT INTO state (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?;
    state.execute(params!["docs_seen", changes.docs_seen as i64])?;
    state.execute(params!["next_story", changes.next_id as i64])?;
    Ok(())
}
