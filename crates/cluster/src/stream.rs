//! [`StoryStream`]: dedup and clustering together, as a stream of articles needs them: each
//! article is first looked up among recent articles (a copy joins its original's story),
//! then clustered.

use std::collections::VecDeque;

use crosswire_dedup::hashing::U64Map;
use crosswire_dedup::{Index, Match, Sketch};

use crate::clusterer::{Assignment, Clusterer, Doc, StoryId};

/// The outcome of adding one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    /// The earlier article (by key) this one copies, if any.
    pub copy_of: Option<Match>,
    pub assignment: Assignment,
}

/// Dedup index + clusterer over a stream, with bounded memory: the index, the article →
/// story map and the copies of each original keep the `window` most recent articles.
#[derive(Debug)]
pub struct StoryStream {
    pub clusterer: Clusterer,
    index: Index,
    story_of: U64Map<StoryId>,
    /// Recent originals → the keys of the copies that repeat them: the clusterer does not
    /// know those copies ([`Doc::repeats`]), so when a split moves an original, its copies
    /// are moved with it here.
    copies: U64Map<Vec<u64>>,
    /// Recent copies → their original (a copy of a copy leads to the first).
    original_of: U64Map<u64>,
    order: VecDeque<u64>,
    window: usize,
    /// Stories merged away → the story they were merged into.
    redirect: U64Map<StoryId>,
}

impl StoryStream {
    pub fn new(clusterer: Clusterer, window: usize) -> StoryStream {
        StoryStream {
            clusterer,
            index: Index::with_capacity(window),
            story_of: U64Map::default(),
            copies: U64Map::default(),
            original_of: U64Map::default(),
            order: VecDeque::new(),
            window: window.max(1),
            redirect: U64Map::default(),
        }
    }

    /// The story a (possibly merged-away) story id now lives in. Merged-away ids never
    /// come back, so the chain ends; the hop limit only guards against a corrupt restore.
    pub fn resolve(&self, mut id: StoryId) -> StoryId {
        let limit = self.redirect.len() + 1;
        let mut hops = 0;
        while let Some(&next) = self.redirect.get(&id) {
            if next == id || hops >= limit {
                break;
            }
            id = next;
            hops += 1;
        }
        id
    }

    /// Remember an earlier article (e.g. when resuming from a store) so that copies of it
    /// are found and join its story.
    pub fn remember(&mut self, key: u64, sketch: Sketch, story: StoryId) {
        self.index.insert(key, sketch);
        self.story_of.insert(key, story);
        self.order.push_back(key);
        while self.order.len() > self.window {
            if let Some(old) = self.order.pop_front() {
                self.story_of.remove(&old);
                self.copies.remove(&old);
                self.original_of.remove(&old);
            }
        }
    }

    /// The recent article `sketch` copies, if any, without adding anything: lets a caller
    /// (the store) decide an article's story before [`StoryStream::add`] clusters it.
    pub fn find_copy(&self, sketch: &Sketch) -> Option<Match> {
        self.index.find(sketch)
    }

    /// Look up, cluster and remember one article under `key`.
    pub fn add(&mut self, key: u64, sketch: &Sketch, doc: Doc<'_>) -> Added {
        let copy_of = self.index.find(sketch);
        self.add_found(key, sketch, doc, copy_of)
    }

    /// [`StoryStream::add`] for a caller that has just run [`StoryStream::find_copy`] on
    /// `sketch` (and changed nothing since): reuses its answer instead of a second lookup.
    pub fn add_found(
        &mut self,
        key: u64,
        sketch: &Sketch,
        doc: Doc<'_>,
        copy_of: Option<Match>,
    ) -> Added {
        let linked = copy_of
            .and_then(|m| self.story_of.get(&m.key))
            .map(|&s| self.resolve(s));
        // A copy found here, or one the caller found elsewhere (`doc.copy_of`, e.g. on disk).
        let original_story = linked.or(doc.copy_of);
        if let Some(story) = original_story.filter(|&s| !self.clusterer.is_active(s)) {
            // The original's story has left the active set (aged out or evicted): the copy
            // still belongs to it, not to a new story of its own. It does not bring the
            // story back: the clusterer no longer has its centroid.
            self.remember(key, sketch.clone(), story);
            return Added {
                copy_of,
                assignment: Assignment {
                    story,
                    new_story: false,
                    similarity: 1.0,
                    merged: Vec::new(),
                    split: None,
                    folded: Vec::new(),
                },
            };
        }
        let repeats = doc.repeats || copy_of.is_some_and(|m| m.kind.repeats_original());
        let mut assignment = self.clusterer.add(&Doc {
            copy_of: original_story,
            repeats,
            key,
            ..doc
        });
        let window_original = copy_of.filter(|_| linked.is_some() && repeats);
        if let Some(original) = window_original.map(|m| m.key) {
            let original = self.original_of.get(&original).copied().unwrap_or(original);
            self.original_of.insert(key, original);
            self.copies.entry(original).or_default().push(key);
        }
        for &m in &assignment.merged {
            self.redirect.insert(m, assignment.story);
        }
        self.redirect_folds(&assignment.folded);
        if let Some(split) = &mut assignment.split {
            // The copies of the articles that moved move with them.
            let moved_copies: Vec<u64> = split
                .keys
                .iter()
                .filter_map(|k| self.copies.get(k))
                .flatten()
                .copied()
                .collect();
            split.keys.extend(moved_copies);
            for k in &split.keys {
                if let Some(s) = self.story_of.get_mut(k) {
                    *s = split.into;
                }
            }
        }
        self.remember(key, sketch.clone(), assignment.final_story());
        Added {
            copy_of,
            assignment,
        }
    }

    /// Fold stray one-article stories into the stories that are clearly theirs
    /// ([`Clusterer::rehome_singletons`]) when the stream is complete (`crosswire
    /// cluster` at its end; not a store that more runs will add to). Returns the
    /// `(from, into)` folds.
    pub fn finish(&mut self) -> Vec<(StoryId, StoryId)> {
        let moves = self.clusterer.rehome_singletons();
        self.redirect_folds(&moves);
        moves
    }

    /// Folded-away stories now resolve to the stories they were folded into.
    fn redirect_folds(&mut self, folds: &[(StoryId, StoryId)]) {
        self.redirect.extend(folds.iter().copied());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    #[test]
    fn a_long_chain_of_merges_resolves_to_the_last_survivor() {
        let mut s = StoryStream::new(Clusterer::new(Config::default()), 10);
        // Story k was merged into story k + 1, for 500 merges in a row.
        for k in 1..=500 {
            s.redirect.insert(k, k + 1);
        }
        assert_eq!(s.resolve(1), 501);
        assert_eq!(s.resolve(501), 501);
        // A corrupt cycle still ends.
        s.redirect.insert(501, 1);
        let _ = s.resolve(1);
    }
}
