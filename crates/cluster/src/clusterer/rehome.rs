//! Re-homing stray single articles: an article that started a story of its own because,
//! when it came, no story was close enough, is folded into the story that has since
//! become clearly its closest, when it leaves the active set or the stream ends.

use super::{Clusterer, StoryId};
use crate::features::Feature;

impl Clusterer {
    /// Fold every active one-article story into the story it is clearly closest to: a
    /// story of at least two articles whose join similarity (what [`Clusterer::add`]
    /// compares with [`crate::Config::join`]) is at least [`crate::Config::rehome`] and
    /// [`crate::Config::rehome_ratio`] times that of any other candidate story. Returns
    /// the `(from, into)` folds, in order. For a stream that is complete (no article will
    /// come): [`crate::StoryStream::finish`]. One-article stories leaving the active set
    /// meanwhile get the same test ([`crate::Assignment::folded`]).
    ///
    /// Why: a report that comes before its story has formed, or that tells it from an
    /// angle of its own, misses the join threshold and stays alone, though among all the
    /// stories one is plainly its own (on the dev stream most such strays score about
    /// twice as close to their story as to any other). Telling that needs the stories it
    /// could still join, so it is decided when the article has no more chance to gather a
    /// story: not at the end of every run of a stream that goes on (ingesting the dev
    /// stream in 40 runs that way lost 0.01 B-cubed precision against one run).
    /// All decisions are taken against the stories as they are before any fold.
    pub fn rehome_singletons(&mut self) -> Vec<(StoryId, StoryId)> {
        let mut ids: Vec<StoryId> = self.stories.keys().copied().collect();
        ids.sort_unstable();
        let moves: Vec<(StoryId, StoryId)> = ids
            .into_iter()
            .filter_map(|id| Some((id, self.clear_home(id)?)))
            .collect();
        for &(from, into) in &moves {
            self.merge_into(from, into);
        }
        moves
    }

    /// The story that story `id` clearly belongs to, if it is a one-article story and
    /// folding is on.
    pub(super) fn clear_home(&self, id: StoryId) -> Option<StoryId> {
        let single = self.stories.get(&id)?;
        if single.size != 1 || single.norm <= 0.0 || self.config.rehome_ratio <= 0.0 {
            return None;
        }
        // A one-article centroid is the article's vector (its terms fit the centroid's
        // budget); it is also there when a restored story's members were not recalled.
        let mut by_feature: Vec<(Feature, f32)> = single
            .centroid
            .iter()
            .map(|(&f, &w)| (f, w / single.norm))
            .collect();
        by_feature.sort_unstable_by_key(|&(f, _)| f);
        let mut by_weight = by_feature.clone();
        by_weight.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let day = (single.last_day != i64::MIN).then_some(single.last_day);
        let scored: Vec<(f32, StoryId, u32)> = self
            .candidates(&by_weight)
            .into_iter()
            .filter(|&other| other != id)
            .filter_map(|other| {
                let story = self.stories.get(&other)?;
                Some((
                    self.join_similarity(&by_feature, story, day),
                    other,
                    story.size,
                ))
            })
            .collect();
        let (sim, into, _) = scored
            .iter()
            .copied()
            .filter(|&(_, _, size)| size >= 2)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))?;
        let runner_up = scored
            .iter()
            .filter(|&&(_, other, _)| other != into)
            .map(|&(sim, _, _)| sim)
            .fold(0.0f32, f32::max);
        (sim >= self.config.rehome && sim >= self.config.rehome_ratio * runner_up).then_some(into)
    }
}
