//! Persistence of a [`Clusterer`]: what changed since the last save ([`Changes`]), the
//! state of one active story ([`StoryState`]), and restoring a clusterer from them.

use serde::{Deserialize, Serialize};

use super::split::{Member, Members};
use super::{Clusterer, Config, Doc, Story, StoryId};
use crate::features::{Feature, count};

/// The persistable state of one active story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    pub id: StoryId,
    /// Sum of member article vectors, truncated to the heaviest terms.
    pub centroid: Vec<(Feature, f32)>,
    pub size: u32,
    /// First and last publication day of its dated articles; `i64::MAX` / `i64::MIN` when
    /// it has none.
    pub first_day: i64,
    pub last_day: i64,
}

/// What changed since the last [`Clusterer::take_changes`]: what a store writes to be able
/// to [`Clusterer::restore`] and continue.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// New document frequencies of the features counted since.
    pub df: Vec<(Feature, u32)>,
    pub docs_seen: u64,
    pub next_id: StoryId,
    /// Active stories updated since (their full state).
    pub stories: Vec<StoryState>,
    /// Stories that left the active set (aged out, evicted or merged away).
    pub retired: Vec<StoryId>,
    /// Features whose document frequency was forgotten.
    pub df_removed: Vec<Feature>,
}

impl Clusterer {
    /// Continue from persisted state: document frequencies, counters and active stories.
    pub fn restore(
        config: Config,
        df: impl IntoIterator<Item = (Feature, u32)>,
        docs_seen: u64,
        next_id: StoryId,
        stories: Vec<StoryState>,
    ) -> Clusterer {
        let mut c = Clusterer::new(config);
        c.df = df.into_iter().collect();
        c.docs_seen = docs_seen;
        let mut stories = stories;
        stories.sort_by_key(|s| (s.last_day, s.id));
        // The clock is not saved; the last days of the most recently active stories stand in
        // for the recent articles' days: one story with a far-future date must not set it.
        let dated: Vec<i64> = stories
            .iter()
            .map(|s| s.last_day)
            .filter(|&d| d != i64::MIN)
            .collect();
        let recent = &dated[dated.len().saturating_sub(super::CLOCK_WINDOW)..];
        if recent.len() >= super::CLOCK_MIN_SAMPLES {
            c.clock = recent[recent.len() / 2];
            c.recent_days = recent.iter().copied().collect();
        }
        for s in stories {
            c.next_id = c.next_id.max(s.id + 1);
            c.ticks += 1;
            c.by_recency.insert(c.ticks, s.id);
            c.stories.insert(
                s.id,
                Story {
                    centroid: s.centroid.into_iter().collect(),
                    norm: 0.0,
                    size: s.size,
                    first_day: s.first_day,
                    last_day: s.last_day,
                    touched: c.ticks,
                    recent: Vec::new(),
                    // Member vectors are not saved: the caller gives the members back
                    // (`recall_members`) for the story to be judged by its closest
                    // member and watched for splitting again.
                    members: None,
                },
            );
            let terms: Vec<Feature> = c
                .stories
                .get(&s.id)
                .map(|st| st.centroid.keys().copied().collect())
                .unwrap_or_default();
            c.reindex(s.id, &terms, true);
        }
        c.next_id = c.next_id.max(next_id);
        c
    }

    /// Active stories restored without their member vectors, each with how many of its
    /// latest members a caller that kept the articles should give back through
    /// [`Clusterer::recall_members`]: the recent ones, or for a story small enough to be
    /// watched for splitting all of them, plus one (so that a caller holding more articles
    /// than the story counts is noticed, and the story left unwatched).
    pub fn stories_to_recall(&self) -> Vec<(StoryId, usize)> {
        self.stories
            .iter()
            .filter(|(_, s)| s.recent.is_empty() && s.members.is_none())
            .map(|(&id, s)| {
                let wanted = if self.watchable(s.size) {
                    s.size as usize + 1
                } else {
                    self.config.recent_members
                };
                (id, wanted)
            })
            .collect()
    }

    /// Whether a story of `size` articles is watched for splitting.
    fn watchable(&self, size: u32) -> bool {
        self.config.split_ratio > 0.0 && size <= self.config.split_watch
    }

    /// Give a restored story its members back, in stream order: the last
    /// [`Config::recent_members`] become its recent members again, and when `members`
    /// holds every article of a story small enough to watch, it is watched for splitting
    /// again, as if the clusterer had never stopped. Vectors are weighed with today's
    /// document frequencies (which already count these articles: nothing is observed).
    pub fn recall_members(&mut self, id: StoryId, members: &[Doc<'_>]) {
        let weights = self.feature_weights();
        let Some(size) = self.stories.get(&id).map(|s| s.size) else {
            return;
        };
        let watch = self.watchable(size) && members.len() == size as usize;
        let keep = if watch {
            members.len()
        } else {
            self.config.recent_members
        };
        let recalled: Vec<Member> = members[members.len().saturating_sub(keep)..]
            .iter()
            .map(|doc| {
                let title = self.headline(doc.title);
                let mut vector = self.weigh(&count(title, doc.body, &weights));
                vector.sort_unstable_by_key(|&(f, _)| f);
                Member {
                    key: doc.key,
                    day: doc.day,
                    vector,
                }
            })
            .collect();
        let recent_from = recalled.len().saturating_sub(self.config.recent_members);
        let Some(story) = self.stories.get_mut(&id) else {
            return;
        };
        story.recent = recalled[recent_from..]
            .iter()
            .map(|m| m.vector.clone())
            .collect();
        if watch {
            let mut watched = Members::default();
            for member in recalled {
                watched.push(member);
            }
            story.members = Some(watched);
        }
    }

    /// Drain what changed since the last call.
    pub fn take_changes(&mut self) -> Changes {
        let mut df: Vec<(Feature, u32)> = self
            .df_dirty
            .drain()
            .filter_map(|f| self.df.get(&f).map(|&n| (f, n)))
            .collect();
        df.sort_unstable();
        let mut ids: Vec<StoryId> = self.dirty.drain().collect();
        ids.sort_unstable();
        let stories = ids
            .into_iter()
            .filter_map(|id| self.story_state(id))
            .collect();
        let mut df_removed = std::mem::take(&mut self.df_removed);
        df_removed.retain(|f| !self.df.contains_key(f));
        df_removed.sort_unstable();
        df_removed.dedup();
        let mut retired = std::mem::take(&mut self.retired);
        retired.sort_unstable();
        retired.dedup();
        Changes {
            df,
            docs_seen: self.docs_seen,
            next_id: self.next_id,
            stories,
            retired,
            df_removed,
        }
    }

    /// The persistable state of an active story.
    pub fn story_state(&self, id: StoryId) -> Option<StoryState> {
        let s = self.stories.get(&id)?;
        let mut centroid: Vec<(Feature, f32)> = s.centroid.iter().map(|(&f, &w)| (f, w)).collect();
        centroid.sort_unstable_by_key(|&(f, _)| f);
        Some(StoryState {
            id,
            centroid,
            size: s.size,
            first_day: s.first_day,
            last_day: s.last_day,
        })
    }
}
