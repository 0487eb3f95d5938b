//! Adding articles: one transaction per batch, clusterer state saved with it.

use crosswire_cluster::{Config, Doc, StoryStream};
use crosswire_dedup::{Fingerprint, article_text};
use crosswire_model::{Article, CopyKind};
use crosswire_text::headline_or_lead;
use rusqlite::{OptionalExtension, params};

use crate::codec::{stored_sketch, to_sql_u64};
use crate::key_filter::KeyFilter;
use crate::profile::Phase;
use crate::story_rows::{StoryCounts, merge_story, split_story, story_of_article};
use crate::{Error, Store, clusterer_state, lsh};

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

pub(crate) fn kind_name(kind: CopyKind) -> &'static str {
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
    /// stories, and the `window` most recent articles for copy detection (older ones are
    /// found through the store's LSH band table).
    pub fn resume(&mut self, config: Config, window: usize) -> Result<StoryStream, Error> {
        let clusterer = clusterer_state::load(&self.conn, config)?;
        let window = window.max(1);
        self.window = window;
        // Read (or, on a store that has none yet, built and saved) in a transaction of
        // its own, so that it is saved even if no batch follows.
        let t = self.profile.now();
        let tx = self.conn.transaction()?;
        let filter = KeyFilter::load(&tx, lsh::flushed(&tx)?)?;
        tx.commit()?;
        self.profile.add(Phase::ResumeKeyFilter, t);
        self.lsh_filter = Some(filter);
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
            let Some(sketch) = stored_sketch(hash, shingles, &sig) else {
                continue;
            };
            stream.remember(id as u64, sketch, story as u64);
        }
        Ok(stream)
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
        let now = timestamp();
        let profile = &mut self.profile;
        let tx = self.conn.transaction()?;
        let mut stats = BatchStats::default();
        let mut next_id: i64 =
            tx.query_row("SELECT COALESCE(MAX(id), 0) + 1 FROM articles", [], |r| {
                r.get(0)
            })?;
        let flushed = lsh::flushed(&tx)?;
        let on_disk = flushed > 0;
        // Taken for the batch and put back when it commits; read again from the store after
        // a failed batch (whose rollback left the store as it was) or when another writer
        // has flushed keys since.
        let mut filter = match self.lsh_filter.take() {
            Some(f) if f.is_current(&tx)? => f,
            _ => KeyFilter::load(&tx, flushed)?,
        };
        let mut counts = StoryCounts::default();
        {
            let mut by_url = tx.prepare_cached("SELECT id FROM articles WHERE url = ?1")?;
            let mut by_hash = tx.prepare_cached(
                "SELECT id FROM articles WHERE content_hash = ?1 ORDER BY id LIMIT 1",
            )?;
            let mut insert_article = tx.prepare_cached(
                "INSERT INTO articles (id, doc_id, origin, url, content_hash, title, published,
                byline, outlet, language, wire, paragraphs, removed, raw_words, kept_words,
                shingles, signature, story, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                ?17, ?18, ?19)",
            )?;
            let mut original_of =
                tx.prepare_cached("SELECT original FROM copies WHERE article = ?1")?;
            let mut insert_copy = tx.prepare_cached(
                "INSERT INTO copies (article, original, kind, similarity) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for article in articles {
                let t = profile.now();
                let text = article_text(article);
                let print = Fingerprint::of(&text);
                profile.add(Phase::Fingerprint, t);
                if print.sketch.shingle_count == 0 {
                    stats.empty += 1;
                    continue;
                }
                let t = profile.now();
                let hash = to_sql_u64(print.sketch.content_hash);
                let url = article.meta.url.as_deref().filter(|u| !u.trim().is_empty());
                if let Some(u) = url {
                    let known: Option<i64> = by_url.query_row([u], |r| r.get(0)).optional()?;
                    if known.is_some() {
                        stats.already_stored += 1;
                        profile.add(Phase::Lookup, t);
                        continue;
                    }
                }
                let same_text: Option<i64> = by_hash.query_row([hash], |r| r.get(0)).optional()?;
                profile.add(Phase::Lookup, t);
                if same_text.is_some() && url.is_none() {
                    stats.already_stored += 1;
                    continue;
                }

                let id = next_id;
                next_id += 1;
                // Copies first: a copy belongs to its original's story, whether or not that
                // story is still among the clusterer's active ones.
                let t = profile.now();
                let window_copy = stream.find_copy(&print.sketch);
                let copy = match (window_copy, same_text) {
                    (Some(m), _) => Some((m.key as i64, m.kind, m.similarity)),
                    // An exact copy older than the dedup window.
                    (None, Some(original)) => Some((original, CopyKind::Exact, 1.0)),
                    (None, None) if on_disk => {
                        profile.count("lsh lookups", 1);
                        let found = lsh::find(&tx, &print.sketch, &filter, profile)?
                            .map(|m| (m.key as i64, m.kind, m.similarity));
                        profile.count("lsh copies found", u64::from(found.is_some()));
                        found
                    }
                    (None, None) => None,
                };
                let original_story = match copy {
                    Some((original, ..)) => story_of_article(&tx, original)?,
                    None => None,
                };
                profile.add(Phase::StoreLsh, t);
                let t = profile.now();
                // A copy joins its original's story, also one that has left the
                // clusterer's active set (the stream attaches it without clustering).
                let doc = Doc {
                    copy_of: original_story.map(|s| s as u64),
                    repeats: copy.is_some_and(|(_, kind, _)| kind.repeats_original()),
                    ..Doc::of_article(article, &text)
                };
                let assignment = stream
                    .add_found(id as u64, &print.sketch, doc, window_copy)
                    .assignment;
                profile.add(Phase::Cluster, t);
                let a = &assignment;
                let headline = || headline_or_lead(&article.meta.title, &article.paragraphs);
                let story = a.story as i64;
                let t = profile.now();
                if a.new_story {
                    stats.new_stories += 1;
                    tx.prepare_cached(
                        "INSERT INTO stories (id, headline, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?3)",
                    )?
                    .execute(params![story, headline(), now])?;
                }
                for &m in &a.merged {
                    counts.flush(&tx, &now)?;
                    merge_story(&tx, m as i64, story, &now)?;
                }
                for &(from, into) in &a.folded {
                    counts.flush(&tx, &now)?;
                    merge_story(&tx, from as i64, into as i64, &now)?;
                }
                if let Some(split) = &a.split {
                    counts.flush(&tx, &now)?;
                    split_story(&tx, split, &headline(), &now)?;
                    stats.new_stories += 1;
                }
                // The article's own story, after a split that may have moved it.
                let story = a.final_story() as i64;
                let published = article.meta.published.map(|d| d.to_string());
                let outlet = article
                    .meta
                    .outlet
                    .clone()
                    .unwrap_or_else(|| format!("article:{id}"));
                counts.add(story, published, outlet);
                profile.add(Phase::Stories, t);
                let t = profile.now();
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
                profile.add(Phase::Insert, t);
                let t = profile.now();
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
                profile.add(Phase::Copies, t);
                stats.added += 1;
            }
        }
        let t = profile.now();
        counts.flush(&tx, &now)?;
        profile.add(Phase::Stories, t);
        let t = profile.now();
        let changes = stream.clusterer.take_changes();
        profile.add(Phase::TakeChanges, t);
        profile.count("df rows", changes.df.len() as u64);
        profile.count("story rows", changes.stories.len() as u64);
        let t = profile.now();
        clusterer_state::save(&tx, &changes)?;
        profile.add(Phase::SaveClusterer, t);
        let t = profile.now();
        lsh::flush_if_due(&tx, next_id - 1, (self.window / 2) as i64, &mut filter)?;
        profile.add(Phase::LshFlush, t);
        let t = profile.now();
        tx.commit()?;
        profile.add(Phase::Commit, t);
        self.lsh_filter = Some(filter);
        Ok(stats)
    }

    /// Declare the stream complete for now: fold every one-article story still in the
    /// active set into the story clearly its own ([`StoryStream::finish`], what `crosswire
    /// cluster` does at its end), in one transaction. Returns how many were folded.
    /// Why not after every batch: a run is not the end of a stream that goes on (a stray
    /// folded too early can no longer gather the story that was its own); ingest folds
    /// each stray as it leaves the active set instead, and this is for a caller that
    /// knows no more articles of these stories will come (an archive ingested whole).
    /// `stream` must come from [`Store::resume`] on this store; on error, drop it.
    pub fn finish_stream(&mut self, stream: &mut StoryStream) -> Result<usize, Error> {
        let now = timestamp();
        let tx = self.conn.transaction()?;
        let folds = stream.finish();
        for &(from, into) in &folds {
            merge_story(&tx, from as i64, into as i64, &now)?;
        }
        clusterer_state::save(&tx, &stream.clusterer.take_changes())?;
        tx.commit()?;
        Ok(folds.len())
    }
}

/// The current time as the store records it (RFC 3339, whole seconds, UTC).
fn timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
