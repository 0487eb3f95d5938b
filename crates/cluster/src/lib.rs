//! Incremental story clustering of an article stream.
//!
//! ```text
//! article ──features──▶ TF-IDF vector (DF maintained as articles arrive; the lead, title and
//!         capitalized names weigh extra) ──Clusterer::add──▶ join the most similar active
//!         story (cosine to its centroid, discounted by the time gap) or start one
//!         ──▶ merge stories whose articles converged (average link, with a margin
//!         when few articles back it) ──▶ split a small story whose members form two
//!         distinct groups (its normalized spectral cut, clusterer/split.rs) ──▶ age out
//!         idle stories
//! a one-article story leaving the active set, or at the end of a complete stream
//!         ──Clusterer::rehome_singletons──▶ folded into the story that has become clearly
//!         its closest (clusterer/rehome.rs)
//! ```
//!
//! [`Clusterer`] never looks ahead: each article is assigned when it arrives, with what has
//! arrived so far. Later evidence may revise earlier assignments the way a newsroom would:
//! two stories merge when they converge, and a story splits when its articles turn out to
//! be two events (an [`Assignment`] reports both, so callers move the articles), and an
//! article left alone is folded into the story that has since become plainly its own when
//! it leaves the active set or a complete stream ends ([`Assignment::folded`],
//! [`StoryStream::finish`]). Its memory is
//! bounded: stories idle past a horizon, or beyond a maximum count, leave the active set;
//! centroids keep their heaviest terms only. [`StoryStream`] puts dedup in front of it (a
//! copy joins its original's story; one that repeats its text adds nothing else to it, and
//! moves with it when a split moves it) and is what `crosswire cluster` and `crosswire
//! ingest` run. [`Clusterer::take_changes`] / [`Clusterer::restore`] let a store persist the state
//! and continue later.

pub mod clusterer;
pub mod features;
pub mod stream;

pub use clusterer::{Assignment, Changes, Clusterer, Config, Doc, Split, StoryId, StoryState};
pub use stream::{Added, StoryStream};

/// Days since 1970-01-01 of a date (the clusterer's unit of time).
pub fn day_number(date: chrono::NaiveDate) -> i64 {
    date.signed_duration_since(chrono::NaiveDate::default())
        .num_days()
}

#[cfg(test)]
mod tests;
