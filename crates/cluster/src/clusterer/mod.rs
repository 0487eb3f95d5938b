//! [`Clusterer`]: single-pass story clustering with incrementally maintained document
//! frequencies, a bounded set of active stories and story merging.

use std::collections::{BTreeMap, VecDeque};

use crosswire_dedup::hashing::{U64Map, U64Set};

use serde::{Deserialize, Serialize};

use crate::features::{Counts, Feature, Weights, count, is_phrase};

mod rehome;
mod similarity;
mod split;
mod state;

use similarity::{average_link, cosine, dot};
use split::{Member, Members};
pub use state::{Changes, StoryState};

/// A story id, unique within one clusterer's lifetime (and across restores).
pub type StoryId = u64;

/// The few knobs of the clusterer. Defaults were chosen on a development stream and are
/// deliberately round: held-out streams decide.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Config {
    /// Least (time-discounted) cosine to a story's centroid for an article to join it.
    pub join: f32,
    /// Least *average-link* similarity for two stories to merge (plus
    /// [`Config::merge_margin`] for stories of few articles): the mean cosine between an
    /// article of one and an article of the other (the dot product of their summed
    /// centroids over the product of their sizes). Unlike the cosine of two centroids, it
    /// does not grow as a broad story's centroid smooths out, so a subject followed for
    /// years can gather its scattered pieces while two busy stories on neighbouring events
    /// stay apart.
    ///
    /// 0.10 since the lead paragraphs of title-less feed items stay in the text (they were
    /// taken for chrome before a title): fuller articles resemble each other more, and
    /// 0.08 then merged neighbouring events (dev robustness bench: 0.11 is within 0.005 of
    /// 0.10 on every stream type, 0.09 loses 0.008 on skewed streams).
    pub merge: f32,
    /// Extra average-link similarity two stories need to merge, divided by the number of
    /// article pairs behind the average: two single articles need `merge + merge_margin`,
    /// a story of 10 and one article `merge + merge_margin / 10`. Why: an average over few
    /// pairs is noisy (one pair of articles on neighbouring events can reach `merge` by
    /// chance), and the small stories it would join are where a stream of many small
    /// stories loses precision. On the dev robustness bench, 0.025 lifts the thinned and
    /// skewed streams' B-cubed F1 by 0.017 and 0.010 and whole streams by 0.003.
    pub merge_margin: f32,
    /// Days over which the similarity needed to join grows: an article `d` days after a
    /// story's last article has its similarity multiplied by `1 / (1 + d / time_scale)`.
    pub time_scale_days: f32,
    /// Stories not updated for this many days leave the active set.
    pub horizon_days: i64,
    /// At most this many active stories (the least recently updated leave first).
    pub max_active: usize,
    /// Title terms count this many times more, on top of the lead's weight, when the title
    /// is not just the opening of the body ([`crate::features::count`]).
    pub title_weight: f32,
    /// Terms of the lead, the first [`Config::lead_chars`] characters of the body's first
    /// line, count this many times more ([`crate::features::lead`]). Counted whether or not
    /// a headline is given: before, a title-less item's derived title (that same opening)
    /// was its only emphasis, so streams with headlines lost it. On the dev stream given
    /// headline-like titles (content words of the first sentence), the lead lifts the full
    /// stream's B-cubed F1 from 0.928 to 0.942 and task 2's from 0.893 to 0.912; title-less
    /// streams are clustered as before.
    pub lead_weight: f32,
    pub lead_chars: usize,
    /// Phrases (two content terms in a row within a sentence) count this many times, on
    /// top of their terms ([`crate::features::Weights::phrase`]); 0 (the default) counts
    /// none. Off by default: with [`Config::merge_margin`] in place, weight 0.4 with `join`
    /// 0.14 gains at most 0.004 B-cubed F1 on the dev robustness bench's thinned and skewed
    /// streams and loses 0.01 on the whole stream (without the margin it gained about 0.02
    /// on those: related events share words but rarely the pairs that name them), while
    /// clustering costs ~40% more CPU and the document frequencies hold about twice as
    /// many features (100k-article ingest: 3,170 → 2,220 articles/s per core, peak RSS
    /// 489 → 760 MB).
    pub phrase_weight: f32,
    /// Terms kept per article vector and per story centroid (bounded memory per story).
    pub doc_terms: usize,
    pub centroid_terms: usize,
    /// At most this many document frequencies are kept: past it, the rarest quarter is
    /// forgotten (a forgotten term counts as new if it comes back), so memory stays flat
    /// however many new names a stream brings.
    pub max_features: usize,
    /// Document frequencies are read as if at least this many documents had been seen
    /// (the missing ones without the term). On a cold start — a handful of reports of one
    /// event — the story's own terms are in every document, plain IDF weighs them zero and
    /// the reports split on their incidental words; past this many documents it is plain
    /// IDF.
    pub idf_min_docs: u32,
    /// Member vectors kept per story for the closest-member similarity.
    pub recent_members: usize,
    /// Weight of the closest-member similarity against the centroid similarity.
    pub member_weight: f32,
    /// Two groups of at least [`Config::split_min`] articles are distinct stories when the
    /// mean cosine between them is below this fraction of their cohesions' geometric mean
    /// (cohesion: the mean cosine within a group). A story whose members form two such
    /// groups is split in two, and two such stories do not merge. 0 turns both off.
    pub split_ratio: f32,
    /// Least join similarity (as for [`Config::join`]) for a one-article story to be
    /// folded, when it leaves the active set or a complete stream ends, into the story
    /// that is clearly its closest
    /// ([`Clusterer::rehome_singletons`]). Far below `join`: the clear lead over every
    /// other story ([`Config::rehome_ratio`]) is the evidence.
    pub rehome: f32,
    /// How many times the next candidate story's similarity the closest story's must be
    /// for a one-article story to be folded into it; 0 turns folding off. On the dev
    /// robustness bench, 0.08 and 1.5 lift whole streams' B-cubed F1 by 0.008 (the full
    /// stream 0.923 → 0.936), thinned ones by 0.002 and skewed ones by 0.001 to 0.004;
    /// 0.06–0.10 and 1.3–2.0 are all within 0.003 of it (measured with `merge` 0.08).
    pub rehome_ratio: f32,
    /// Least size of each group for the split test.
    pub split_min: u32,
    /// Stories are watched for splitting (their member vectors kept) up to this size; a
    /// story that grows past it is settled.
    pub split_watch: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            join: 0.18,
            merge: 0.10,
            merge_margin: 0.025,
            time_scale_days: 300.0,
            horizon_days: 730,
            max_active: 5000,
            title_weight: 1.0,
            lead_weight: 2.0,
            lead_chars: 120,
            phrase_weight: 0.0,
            doc_terms: 200,
            centroid_terms: 400,
            max_features: 2_000_000,
            idf_min_docs: 50,
            recent_members: 6,
            member_weight: 0.5,
            split_ratio: 0.6,
            split_min: 4,
            rehome: 0.08,
            rehome_ratio: 1.5,
            split_watch: 32,
        }
    }
}

/// One article as the clusterer sees it.
#[derive(Debug, Clone, Default)]
pub struct Doc<'a> {
    pub title: &'a str,
    pub body: &'a str,
    /// Publication day as days since 1970-01-01. Undated articles carry no time evidence:
    /// they are compared without a time discount.
    pub day: Option<i64>,
    /// The story of the article this one copies (from dedup): copies join their original.
    pub copy_of: Option<StoryId>,
    /// Whether the copy repeats its original's text
    /// ([`crosswire_model::CopyKind::repeats_original`]): then it adds nothing to the story
    /// ([`Clusterer::add`]).
    pub repeats: bool,
    /// The caller's key for the article, given back when a split moves it
    /// ([`Assignment::split`]).
    pub key: u64,
}

impl<'a> Doc<'a> {
    /// A cleaned article as the clusterer sees it: its title, `body` (the text dedup
    /// fingerprinted, `crosswire_dedup::article_text`) and publication day.
    pub fn of_article(article: &'a crosswire_model::Article, body: &'a str) -> Self {
        Doc {
            title: &article.meta.title,
            body,
            day: article.meta.published.map(crate::day_number),
            copy_of: None,
            repeats: false,
            key: 0,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The story the article joined or started, into which `merged` went; a `split` may
    /// then have moved the article on ([`Assignment::final_story`]).
    pub story: StoryId,
    pub new_story: bool,
    /// The (time-discounted) similarity that decided the join; 0 for a new story, 1 for a
    /// copy joining its original's story.
    pub similarity: f32,
    /// Stories merged into `story` as a result of this article (their articles now belong
    /// to `story`).
    pub merged: Vec<StoryId>,
    /// A story split in two as a result of this article (after the merges).
    pub split: Option<Split>,
    /// One-article stories that left the active set while the article was added, folded
    /// into the story clearly theirs ([`Clusterer::rehome_singletons`]): `(from, into)`.
    pub folded: Vec<(StoryId, StoryId)>,
}

impl Assignment {
    /// The story the article is in once this assignment's merges and split are done.
    pub fn final_story(&self) -> StoryId {
        match &self.split {
            Some(split) if split.with_article => split.into,
            _ => self.story,
        }
    }
}

/// Articles moved out of a story into a new one ([`Config::split_ratio`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Split {
    /// The story split: always the assignment's `story`.
    pub from: StoryId,
    /// The new story.
    pub into: StoryId,
    /// The keys ([`Doc::key`]) of the articles now in `into`.
    pub keys: Vec<u64>,
    /// Whether the article just added is among them.
    pub with_article: bool,
}

#[derive(Debug, Clone)]
struct Story {
    centroid: U64Map<f32>,
    norm: f32,
    size: u32,
    first_day: i64,
    last_day: i64,
    /// Recency rank (for eviction order).
    touched: u64,
    /// The most recent member vectors (a story is also judged by its closest member).
    recent: Vec<Vec<(Feature, f32)>>,
    /// Every member, while the story is small enough to be watched for splitting.
    members: Option<Members>,
}

/// Incremental story clusterer. Feed articles in stream order with [`Clusterer::add`].
#[derive(Debug)]
pub struct Clusterer {
    config: Config,
    df: U64Map<u32>,
    docs_seen: u64,
    df_dirty: U64Set,
    df_removed: Vec<Feature>,
    stories: U64Map<Story>,
    postings: U64Map<Vec<StoryId>>,
    by_recency: BTreeMap<u64, StoryId>,
    dirty: U64Set,
    retired: Vec<StoryId>,
    next_id: StoryId,
    /// The stream's "today": what stories age against. See [`Clusterer::advance_clock`].
    clock: i64,
    /// Publication days of the most recent dated articles (at most [`CLOCK_WINDOW`]).
    recent_days: VecDeque<i64>,
    aged_at: i64,
    ticks: u64,
    /// Folds done since the last [`Clusterer::add`] returned.
    folded: Vec<(StoryId, StoryId)>,
    /// How many articles carried each title (by the hash of its folded form): see
    /// [`Clusterer::headline`].
    titles_seen: U64Map<u32>,
}

/// How many of an article's heaviest terms look up candidate stories.
const QUERY_TERMS: usize = 12;
/// How many of the stories closest by centroid are also compared member by member.
const MEMBER_CHECKS: usize = 6;
/// How many candidate stories are compared in full (those sharing the most query terms).
const MAX_CANDIDATES: usize = 16;
/// The clock follows the median publication day of this many recent dated articles.
const CLOCK_WINDOW: usize = 31;
/// Dated articles needed before the clock starts.
const CLOCK_MIN_SAMPLES: usize = 5;
/// A title this many earlier articles carried is a standing head, not a headline.
const STANDING_TITLE_REPEATS: u32 = 2;
/// Titles remembered at most; past it the memory starts again (memory stays flat).
const TITLES_REMEMBERED: usize = 1 << 16;

impl Clusterer {
    pub fn new(config: Config) -> Clusterer {
        Clusterer {
            config,
            df: U64Map::default(),
            docs_seen: 0,
            df_dirty: U64Set::default(),
            df_removed: Vec::new(),
            stories: U64Map::default(),
            postings: U64Map::default(),
            by_recency: BTreeMap::new(),
            dirty: U64Set::default(),
            retired: Vec::new(),
            next_id: 1,
            clock: i64::MIN,
            recent_days: VecDeque::with_capacity(CLOCK_WINDOW),
            aged_at: i64::MIN,
            ticks: 0,
            folded: Vec::new(),
            titles_seen: U64Map::default(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Number of stories in the active set.
    pub fn active(&self) -> usize {
        self.stories.len()
    }

    /// Whether a story is in the active set (articles can join it).
    pub fn is_active(&self, id: StoryId) -> bool {
        self.stories.contains_key(&id)
    }

    /// Number of features with a document frequency.
    pub fn df_len(&self) -> usize {
        self.df.len()
    }

    pub fn docs_seen(&self) -> u64 {
        self.docs_seen
    }

    pub fn next_id(&self) -> StoryId {
        self.next_id
    }

    /// How much title terms and phrases count ([`count`]).
    fn feature_weights(&self) -> Weights {
        Weights {
            title: self.config.title_weight,
            lead: self.config.lead_weight,
            lead_chars: self.config.lead_chars,
            phrase: self.config.phrase_weight,
        }
    }

    /// Assign one article to a story, updating frequencies, centroids and the active set.
    ///
    /// A copy of an article in an active story ([`Doc::copy_of`]) joins that story. One
    /// that repeats its original's text ([`Doc::repeats`]) keeps the story active but adds
    /// nothing else: counting the same text again would make its terms look common
    /// (document frequencies), pull the story's centroid towards that one report (later
    /// reports from other angles would no longer join), and give the split test a knot of
    /// identical members. Dev stream with a third of its reports carried again, lightly
    /// edited, by one or two other outlets: B-cubed 0.864 when such copies counted, 0.939 now.
    pub fn add(&mut self, doc: &Doc<'_>) -> Assignment {
        let day = doc.day;
        if let Some(d) = day {
            self.advance_clock(d);
        }
        self.age_out();
        let linked = doc.copy_of.filter(|s| self.stories.contains_key(s));
        if let Some(story) = linked.filter(|_| doc.repeats) {
            return self.add_copy(story, day);
        }
        let title = self.note_headline(doc.title);
        let counts = count(title, doc.body, &self.feature_weights());
        self.observe(&counts);
        let vector = self.weigh(&counts);

        let (best, shortlist) = self.best_story(&vector, day);
        let (story, new_story, similarity) = match linked.map(|s| (1.0, s)).or(best) {
            Some((sim, s)) => (s, false, sim),
            None => (self.new_story(day), true, 0.0),
        };
        self.absorb(story, &vector, day, doc.key);
        let merged = self.merge_converged(story, &shortlist);
        let split = self.split_if_distinct(story, doc.key);
        self.enforce_capacity();
        Assignment {
            story,
            new_story,
            similarity,
            merged,
            split,
            folded: std::mem::take(&mut self.folded),
        }
    }

    /// The title as evidence: itself, or nothing if it is a standing head, a title that
    /// [`STANDING_TITLE_REPEATS`] earlier articles carried already ("World News | Daily
    /// Planet", a feed's name on every item, "NATIONAL FORECAST" over every weather column).
    /// Such a title says where an article runs, not what happened, and counted as a headline
    /// it pulls unrelated articles together (the dev stream with one of three feed names as
    /// every item's title: B-cubed 0.932 against 0.937). Not saved with the state: a
    /// restored stream learns its standing heads again from the next few articles.
    pub(crate) fn headline<'t>(&self, title: &'t str) -> &'t str {
        self.headline_by_key(title, title_key(title))
    }

    fn headline_by_key<'t>(&self, title: &'t str, key: u64) -> &'t str {
        let seen = self.titles_seen.get(&key).copied().unwrap_or(0);
        if seen >= STANDING_TITLE_REPEATS {
            ""
        } else {
            title
        }
    }

    /// [`Clusterer::headline`] for an arriving article, which then counts as one more
    /// carrier of its title.
    fn note_headline<'t>(&mut self, title: &'t str) -> &'t str {
        if title.trim().is_empty() {
            return title;
        }
        let key = title_key(title);
        let headline = self.headline_by_key(title, key);
        if self.titles_seen.len() >= TITLES_REMEMBERED {
            self.titles_seen.clear();
        }
        *self.titles_seen.entry(key).or_default() += 1;
        headline
    }

    /// A copy joins its original's active story: the story's dates and recency move, nothing
    /// else ([`Clusterer::add`]).
    fn add_copy(&mut self, id: StoryId, day: Option<i64>) -> Assignment {
        if let Some(story) = self.stories.get_mut(&id) {
            if let Some(d) = day {
                story.first_day = story.first_day.min(d);
                story.last_day = story.last_day.max(d);
            }
            touch(&mut self.ticks, &mut self.by_recency, story, id);
            self.dirty.insert(id);
        }
        Assignment {
            story: id,
            new_story: false,
            similarity: 1.0,
            merged: Vec::new(),
            split: None,
            folded: std::mem::take(&mut self.folded),
        }
    }

    /// Move the clock to the median publication day of the recent dated articles, never back.
    /// Not to the newest day: one article with a wrong date (a year in the future, a parsing
    /// slip) would otherwise age every active story out at once, and the rest of the stream
    /// would cluster against nothing. A real move of the stream carries the median with it
    /// within half a window.
    fn advance_clock(&mut self, day: i64) {
        if self.recent_days.len() == CLOCK_WINDOW {
            self.recent_days.pop_front();
        }
        self.recent_days.push_back(day);
        if self.recent_days.len() < CLOCK_MIN_SAMPLES {
            return;
        }
        let mut days: Vec<i64> = self.recent_days.iter().copied().collect();
        let mid = days.len() / 2;
        let (_, &mut median, _) = days.select_nth_unstable(mid);
        self.clock = self.clock.max(median);
    }

    /// Count the article's features into the document frequencies.
    fn observe(&mut self, counts: &Counts) {
        self.docs_seen += 1;
        for &f in counts.0.keys() {
            *self.df.entry(f).or_default() += 1;
            self.df_dirty.insert(f);
        }
        if self.df.len() > self.config.max_features {
            self.forget_rare_features();
        }
    }

    /// Drop at least the rarest quarter of the document frequencies.
    fn forget_rare_features(&mut self) {
        let mut counts: Vec<u32> = self.df.values().copied().collect();
        let cut = counts.len() / 4;
        let (_, &mut threshold, _) = counts.select_nth_unstable(cut);
        let removed = &mut self.df_removed;
        self.df.retain(|f, n| {
            let keep = *n > threshold;
            if !keep {
                removed.push(*f);
            }
            keep
        });
        let df = &self.df;
        self.df_dirty.retain(|f| df.contains_key(f));
    }

    /// Sublinear TF × smoothed IDF, truncated to the heaviest terms, L2-normalized.
    fn weigh(&self, counts: &Counts) -> Vec<(Feature, f32)> {
        let n = (self.docs_seen as f32).max(self.config.idf_min_docs as f32);
        let mut v: Vec<(Feature, f32)> = counts
            .0
            .iter()
            .map(|(&f, &tf)| {
                let df = self.df.get(&f).copied().unwrap_or(1) as f32;
                let idf = ((n + 1.0) / (df + 0.5)).ln().max(0.0);
                (f, (1.0 + tf.ln()) * idf)
            })
            .filter(|&(_, w)| w > 0.0)
            .collect();
        // Only the heaviest `doc_terms` are kept: select them, then order just those.
        let heavier =
            |a: &(Feature, f32), b: &(Feature, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        if v.len() > self.config.doc_terms {
            v.select_nth_unstable_by(self.config.doc_terms, heavier);
            v.truncate(self.config.doc_terms);
        }
        v.sort_unstable_by(heavier);
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }

    /// Active stories sharing the most of the vector's heaviest terms, phrases aside (at most
    /// [`MAX_CANDIDATES`]): the only ones worth a full comparison.
    fn candidates(&self, vector: &[(Feature, f32)]) -> Vec<StoryId> {
        let mut hits: Vec<StoryId> = vector
            .iter()
            .filter(|(f, _)| !is_phrase(*f))
            .take(QUERY_TERMS)
            .filter_map(|(f, _)| self.postings.get(f))
            .flatten()
            .copied()
            .collect();
        hits.sort_unstable();
        let mut counted: Vec<(usize, StoryId)> = Vec::new();
        for chunk in hits.chunk_by(|a, b| a == b) {
            counted.push((chunk.len(), chunk[0]));
        }
        if counted.len() > MAX_CANDIDATES {
            counted.sort_unstable_by(|a, b| b.cmp(a));
            counted.truncate(MAX_CANDIDATES);
        }
        let mut out: Vec<StoryId> = counted.into_iter().map(|(_, s)| s).collect();
        out.sort_unstable();
        out
    }

    /// The story the article should join, if any, and the stories closest to it (the
    /// shortlist, which is where merges are looked for).
    fn best_story(
        &self,
        vector: &[(Feature, f32)],
        day: Option<i64>,
    ) -> (Option<(f32, StoryId)>, Vec<StoryId>) {
        // Centroid similarity (time-discounted) for every candidate first; the dearer
        // closest-member similarity only for the best few of them.
        let mut scored: Vec<(f32, f32, StoryId)> = Vec::new();
        for s in self.candidates(vector) {
            let Some(story) = self.stories.get(&s) else {
                continue;
            };
            let discount = self.time_discount(story, day);
            scored.push((
                cosine(vector, &story.centroid, story.norm) * discount,
                discount,
                s,
            ));
        }
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
        scored.truncate(MEMBER_CHECKS);
        let shortlist = scored.iter().map(|&(_, _, s)| s).collect();
        let mut by_feature = vector.to_vec();
        by_feature.sort_unstable_by_key(|&(f, _)| f);
        let mut best: Option<(f32, StoryId)> = None;
        for (to_centroid, discount, s) in scored {
            let Some(story) = self.stories.get(&s) else {
                continue;
            };
            let sim = self.with_closest_member(to_centroid, &by_feature, story, discount);
            if best.is_none_or(|(b, id)| (sim, s) > (b, id)) {
                best = Some((sim, s));
            }
        }
        (best.filter(|&(b, _)| b >= self.config.join), shortlist)
    }

    /// How much a similarity to `story` counts for an article of `day`: it falls with the
    /// days between the article and the story's span ([`Config::time_scale_days`]).
    fn time_discount(&self, story: &Story, day: Option<i64>) -> f32 {
        let gap = match day {
            Some(d) if story.last_day >= story.first_day => d
                .saturating_sub(story.last_day)
                .max(story.first_day.saturating_sub(d))
                .max(0) as f32,
            _ => 0.0,
        };
        1.0 / (1.0 + gap / self.config.time_scale_days)
    }

    /// The similarity that decides whether an article (`by_feature`: its vector sorted by
    /// feature) joins `story`: centroid and closest-member cosines, time-discounted.
    fn join_similarity(
        &self,
        by_feature: &[(Feature, f32)],
        story: &Story,
        day: Option<i64>,
    ) -> f32 {
        let discount = self.time_discount(story, day);
        let to_centroid = cosine(by_feature, &story.centroid, story.norm) * discount;
        self.with_closest_member(to_centroid, by_feature, story, discount)
    }

    /// [`Clusterer::join_similarity`] from the (discounted) centroid cosine, which
    /// [`Clusterer::best_story`] has already computed to rank its candidates.
    fn with_closest_member(
        &self,
        to_centroid: f32,
        by_feature: &[(Feature, f32)],
        story: &Story,
        discount: f32,
    ) -> f32 {
        let w = self.config.member_weight;
        (1.0 - w) * to_centroid + w * closest_member(by_feature, story) * discount
    }

    fn new_story(&mut self, day: Option<i64>) -> StoryId {
        let id = self.next_id;
        self.next_id += 1;
        self.stories.insert(
            id,
            Story {
                centroid: U64Map::default(),
                norm: 0.0,
                size: 0,
                first_day: day.unwrap_or(i64::MAX),
                last_day: day.unwrap_or(i64::MIN),
                touched: 0,
                recent: Vec::new(),
                members: (self.config.split_ratio > 0.0).then(Members::default),
            },
        );
        id
    }

    /// Add an article vector to a story's centroid.
    fn absorb(&mut self, id: StoryId, vector: &[(Feature, f32)], day: Option<i64>, key: u64) {
        let Some(story) = self.stories.get_mut(&id) else {
            return;
        };
        let mut new_terms = Vec::new();
        let mut norm_sq = story.norm * story.norm;
        for &(f, w) in vector {
            let slot = story.centroid.entry(f).or_insert_with(|| {
                new_terms.push(f);
                0.0
            });
            norm_sq += (*slot + w) * (*slot + w) - *slot * *slot;
            *slot += w;
        }
        story.norm = norm_sq.max(0.0).sqrt();
        story.size += 1;
        let mut member = vector.to_vec();
        member.sort_unstable_by_key(|&(f, _)| f);
        if story.size > self.config.split_watch {
            story.members = None;
        }
        if let Some(members) = &mut story.members {
            members.push(Member {
                key,
                day,
                vector: member.clone(),
            });
        }
        if self.config.recent_members > 0 {
            if story.recent.len() >= self.config.recent_members {
                story.recent.remove(0);
            }
            story.recent.push(member);
        }
        if let Some(d) = day {
            story.first_day = story.first_day.min(d);
            story.last_day = story.last_day.max(d);
        }
        touch(&mut self.ticks, &mut self.by_recency, story, id);
        self.reindex(id, &new_terms, false);
        self.dirty.insert(id);
    }

    /// Truncate a story's centroid, recompute its norm, and post the story under its
    /// `new_terms` (terms just added to the centroid) that survived truncation.
    fn reindex(&mut self, id: StoryId, new_terms: &[Feature], recompute_norm: bool) {
        let Some(story) = self.stories.get_mut(&id) else {
            return;
        };
        let limit = self.config.centroid_terms;
        if story.centroid.len() > limit + limit / 2 {
            let mut terms: Vec<(Feature, f32)> = story.centroid.drain().collect();
            terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for (f, _) in terms.drain(limit..) {
                if let Some(p) = self.postings.get_mut(&f) {
                    p.retain(|&s| s != id);
                    if p.is_empty() {
                        self.postings.remove(&f);
                    }
                }
            }
            story.centroid = terms.into_iter().collect();
            story.norm = story.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        } else if recompute_norm {
            story.norm = story.centroid.values().map(|w| w * w).sum::<f32>().sqrt();
        }
        for f in new_terms {
            if !is_phrase(*f) && story.centroid.contains_key(f) {
                self.postings.entry(*f).or_default().push(id);
            }
        }
    }

    /// Merge into `id` every shortlisted story whose articles have become, on average, close
    /// to its own (average link, see [`Config::merge`]): the stories closest to the new
    /// article are those it may have bridged to.
    fn merge_converged(&mut self, id: StoryId, shortlist: &[StoryId]) -> Vec<StoryId> {
        let mut merged = Vec::new();
        for &other in shortlist {
            if other == id {
                continue;
            }
            let (Some(a), Some(b)) = (self.stories.get(&id), self.stories.get(&other)) else {
                continue;
            };
            let link = average_link(&a.centroid, a.size, &b.centroid, b.size);
            if link < self.merge_threshold(a.size, b.size) || self.distinct_stories(a, b, link) {
                continue;
            }
            self.merge_into(other, id);
            merged.push(other);
        }
        merged
    }

    /// The least average link for stories of these sizes to merge ([`Config::merge_margin`]).
    pub(crate) fn merge_threshold(&self, size_a: u32, size_b: u32) -> f32 {
        let pairs = (size_a.max(1) as f32) * (size_b.max(1) as f32);
        self.config.merge + self.config.merge_margin / pairs
    }

    fn merge_into(&mut self, from: StoryId, into: StoryId) {
        let Some(gone) = self.remove_story(from) else {
            return;
        };
        let mut new_terms = Vec::new();
        if let Some(story) = self.stories.get_mut(&into) {
            for (f, w) in gone.centroid {
                let slot = story.centroid.entry(f).or_insert_with(|| {
                    new_terms.push(f);
                    0.0
                });
                *slot += w;
            }
            story.size += gone.size;
            story.first_day = story.first_day.min(gone.first_day);
            story.last_day = story.last_day.max(gone.last_day);
            story.members = match (story.members.take(), gone.members) {
                (Some(mut mine), Some(theirs)) if story.size <= self.config.split_watch => {
                    for m in theirs.list {
                        mine.push(m);
                    }
                    Some(mine)
                }
                _ => None,
            };
        }
        self.reindex(into, &new_terms, true);
        self.dirty.insert(into);
    }

    fn remove_story(&mut self, id: StoryId) -> Option<Story> {
        let story = self.stories.remove(&id)?;
        unpost(&mut self.postings, id, story.centroid.keys());
        self.by_recency.remove(&story.touched);
        self.dirty.remove(&id);
        self.retired.push(id);
        Some(story)
    }

    /// Stories idle for longer than the horizon leave the active set.
    fn age_out(&mut self) {
        if self.clock == self.aged_at || self.clock == i64::MIN {
            return;
        }
        self.aged_at = self.clock;
        let horizon = self.config.horizon_days;
        let stale: Vec<StoryId> = self
            .stories
            .iter()
            .filter(|(_, s)| {
                s.last_day != i64::MIN && self.clock.saturating_sub(s.last_day) > horizon
            })
            .map(|(&id, _)| id)
            .collect();
        if stale.is_empty() {
            return;
        }
        // Stories of several articles first: a one-article story leaving with them may
        // still be folded into a story that stays.
        let (singles, others): (Vec<StoryId>, Vec<StoryId>) = stale
            .into_iter()
            .partition(|id| self.stories.get(id).is_some_and(|s| s.size == 1));
        for id in others {
            self.remove_story(id);
        }
        for id in singles {
            self.retire(id);
        }
    }

    /// Take story `id` out of the active set: into the story clearly its own if it is a
    /// single article ([`Clusterer::rehome_singletons`]), else just out.
    fn retire(&mut self, id: StoryId) {
        match self.clear_home(id) {
            Some(into) => {
                self.merge_into(id, into);
                self.folded.push((id, into));
            }
            None => {
                self.remove_story(id);
            }
        }
    }

    fn enforce_capacity(&mut self) {
        while self.stories.len() > self.config.max_active {
            let Some((_, &id)) = self.by_recency.iter().next() else {
                break;
            };
            self.retire(id);
        }
    }
}

/// The greatest cosine between an article (sorted by feature) and a story's recent members.
fn closest_member(by_feature: &[(Feature, f32)], story: &Story) -> f32 {
    story
        .recent
        .iter()
        .map(|m| dot(by_feature, m))
        .fold(0.0f32, f32::max)
}

/// Take story `id` off the postings of `terms`.
fn unpost<'a>(
    postings: &mut U64Map<Vec<StoryId>>,
    id: StoryId,
    terms: impl Iterator<Item = &'a Feature>,
) {
    for f in terms {
        if let Some(p) = postings.get_mut(f) {
            p.retain(|&s| s != id);
            if p.is_empty() {
                postings.remove(f);
            }
        }
    }
}

/// Make `story` (id `id`) the most recently updated (last in eviction order).
/// The key of a title: its folded words, so case and punctuation do not matter.
fn title_key(title: &str) -> u64 {
    let folded: Vec<String> = crosswire_text::words(title)
        .iter()
        .map(|t| crosswire_text::fold(t.text))
        .collect();
    crosswire_dedup::shingle::hash_bytes(folded.join(" ").as_bytes())
}

fn touch(ticks: &mut u64, by_recency: &mut BTreeMap<u64, StoryId>, story: &mut Story, id: StoryId) {
    *ticks += 1;
    by_recency.remove(&story.touched);
    story.touched = *ticks;
    by_recency.insert(*ticks, id);
}
