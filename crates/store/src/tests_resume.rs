//! A stream ingested across restarts clusters as it does in one run: a resumed clusterer
//! gets its stories' member articles back from the store, so it still judges a story by
//! its closest member and still splits a story it started before the restart.

use std::collections::BTreeMap;

use crosswire_cluster::Config;
use crosswire_model::Article;

use crate::Store;
use crate::tests_copies::story_of_docs;
use crate::tests_scale::{article, word};

/// `words` words drawn from topic `topic`'s 25-word vocabulary, in an order set by `seed`.
fn topic_words(topic: u64, seed: u64, words: usize) -> Vec<String> {
    let mut state = (seed + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..words)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            word(topic * 1000 + (state >> 33) % 25)
        })
        .collect()
}

/// Six reports of event 0; a report of event 1 mostly about event 0's subject; seven
/// reports of event 1 that mention event 0's subject in passing. With thresholds so low
/// that every report joins one story, only a split separates the two events.
fn reports() -> Vec<Article> {
    (0..14u64)
        .map(|n| {
            let subject = topic_words(0, n, 60);
            let own = topic_words(1, n, 60);
            let body = match n {
                0..6 => subject,
                6 => [subject, own[..20].to_vec()].concat(),
                _ => [subject[..15].to_vec(), own].concat(),
            };
            let id = format!("r{n}");
            article(&id, Some(&id), 1 + n as u32 / 4, "", &body.join(" "))
        })
        .collect()
}

fn loose() -> Config {
    Config {
        join: 0.01,
        merge: 0.01,
        ..Config::default()
    }
}

/// Ingest the reports one batch each, resuming (a fresh process) before every batch or
/// never; article → story by document id.
fn ingest(resume_each_batch: bool) -> BTreeMap<String, i64> {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(loose(), 100).expect("resume");
    for report in reports() {
        if resume_each_batch {
            stream = store.resume(loose(), 100).expect("resume");
        }
        store.add_batch(&[report], &mut stream).expect("add");
    }
    story_of_docs(&store)
}

#[test]
fn a_story_started_before_a_restart_is_still_split() {
    let one = ingest(false);
    // The premise: in one run, the two events end up in two stories.
    let (first, second) = (one["r0"], one["r13"]);
    assert_ne!(first, second, "{one:?}");
    for n in 0..6 {
        assert_eq!(one[&format!("r{n}")], first, "{one:?}");
    }
    for n in 7..14 {
        assert_eq!(one[&format!("r{n}")], second, "{one:?}");
    }
    assert_eq!(ingest(true), one);
}
