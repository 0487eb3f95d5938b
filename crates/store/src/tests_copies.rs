//! A copy belongs to its original's story: found in the window or on disk, exact or near,
//! whether or not that story is still among the clusterer's active ones, and the same
//! whether the articles came in one process or across resumes.

use std::collections::BTreeMap;

use crosswire_cluster::Config;
use crosswire_model::Article;

use crate::Store;
use crate::story_rows::live_story;
use crate::tests_scale::{article, listing_by_group_by, merged_stories, text};

/// At most two active stories: an idle story leaves the active set after two others.
fn small_config() -> Config {
    Config {
        max_active: 2,
        ..Config::default()
    }
}

const WINDOW: usize = 4;

/// `original` with a word changed and a sentence added: a near copy.
fn edited(original: &str) -> String {
    let mut words: Vec<&str> = original.split(' ').collect();
    words[60] = "changed";
    format!("{} and a sentence added at the end", words.join(" "))
}

/// The batches of the scenario: an original, ten unrelated articles (its story leaves the
/// active set, the article leaves the window), an edited copy, an exact copy under a new
/// URL, then a copy of the copy while the copy is still in the window.
fn batches() -> Vec<Vec<Article>> {
    let original = text(42, 120);
    let mut out = vec![vec![article("orig", Some("a"), 1, "Original", &original)]];
    for i in 0..10 {
        let body = text(100 + i, 120);
        out.push(vec![article(
            &format!("other{i}"),
            Some("b"),
            2,
            "Other",
            &body,
        )]);
    }
    let copy = edited(&original);
    out.push(vec![article("copy", Some("c"), 9, "Copy", &copy)]);
    out.push(vec![article("exact", Some("d"), 11, "Exact", &original)]);
    out.push(vec![article("copy2", None, 12, "Copy again", &copy)]);
    out
}

/// Article → story, by document id.
pub(crate) fn story_of_docs(store: &Store) -> BTreeMap<String, i64> {
    let mut stmt = store
        .conn
        .prepare("SELECT doc_id, story FROM articles")
        .expect("prepare");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Ingest the scenario, resuming (a fresh process) before every batch or never.
fn ingest(resume_each_batch: bool) -> Store {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(small_config(), WINDOW).expect("resume");
    for batch in batches() {
        if resume_each_batch {
            stream = store.resume(small_config(), WINDOW).expect("resume");
        }
        store.add_batch(&batch, &mut stream).expect("add");
    }
    store
}

#[test]
fn a_copy_joins_its_originals_story_after_the_story_aged_out() {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(small_config(), WINDOW).expect("resume");
    let mut batches = batches().into_iter();
    for batch in batches.by_ref().take(11) {
        store.add_batch(&batch, &mut stream).expect("add");
    }
    let orig_story = story_of_docs(&store)["orig"];
    let stories_before = store.stories().expect("stories").len();
    // The premise: the story has left the active set and the article the window.
    let mut stream = store.resume(small_config(), WINDOW).expect("resume");
    assert!(stream.clusterer.story_state(orig_story as u64).is_none());

    // The edited copy is found on disk and joins the original's story.
    let copy = batches.next().expect("copy batch");
    let stats = store.add_batch(&copy, &mut stream).expect("add");
    assert_eq!((stats.added, stats.copies, stats.new_stories), (1, 1, 0));
    // An exact copy under a new URL (found by its content hash), and a copy of the copy
    // (found in the window, its story still inactive): the same story.
    for batch in batches {
        let stats = store.add_batch(&batch, &mut stream).expect("add");
        assert_eq!((stats.added, stats.copies, stats.new_stories), (1, 1, 0));
    }
    let stories = story_of_docs(&store);
    for doc in ["copy", "exact", "copy2"] {
        assert_eq!(stories[doc], orig_story, "{doc}");
    }

    // The listing counts them on the original's story, as a count over the articles does.
    let listing = store.stories().expect("stories");
    assert_eq!(listing, listing_by_group_by(&store.conn));
    let story = listing
        .iter()
        .find(|s| s.id == orig_story as u64)
        .expect("listed");
    assert_eq!((story.articles, story.outlets), (4, 4));
    assert_eq!(
        (story.first_seen.as_str(), story.last_seen.as_str()),
        ("2024-03-01", "2024-03-12")
    );
    assert_eq!(
        listing.len(),
        stories_before,
        "no story was started for a copy"
    );

    // And the story (what `digest --db --story` reads) has them as one duplicate group.
    let full = store
        .story(orig_story as u64)
        .expect("story")
        .expect("live");
    let ids: Vec<&str> = full.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["orig", "copy", "exact", "copy2"]);
    assert_eq!(full.duplicates.len(), 1);
    assert_eq!(full.duplicates[0].representative, "orig");
    let copies: Vec<&str> = full.duplicates[0]
        .copies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(copies, ["copy", "exact", "copy2"]);
}

#[test]
fn resuming_before_every_batch_gives_the_same_stories() {
    let one = ingest(false);
    let many = ingest(true);
    assert_eq!(story_of_docs(&one), story_of_docs(&many));
    let strip = |store: &Store| {
        let mut listing = store.stories().expect("stories");
        for s in &mut listing {
            s.updated.clear();
        }
        listing.sort_by_key(|s| s.id);
        listing
    };
    assert_eq!(strip(&one), strip(&many));
    let docs = story_of_docs(&one);
    assert_eq!(docs["orig"], docs["copy2"]);
}

#[test]
fn a_copy_of_an_article_in_a_merged_story_joins_the_survivor() {
    let mut store = Store::open_in_memory().expect("open");
    // Nothing joins by similarity, close stories merge.
    let config = Config {
        join: 1.01,
        merge: 0.3,
        max_active: 2,
        ..Config::default()
    };
    let mut stream = store.resume(config.clone(), WINDOW).expect("resume");
    let original = text(42, 120);
    // The report reworded (every third word replaced): no shingle in common, so not a
    // copy, but most of its words: the two stories merge.
    let other_words = text(7, 120);
    let follow_up: Vec<&str> = original
        .split(' ')
        .zip(other_words.split(' '))
        .enumerate()
        .map(|(i, (mine, other))| if i % 3 == 2 { other } else { mine })
        .collect();
    let follow_up = follow_up.join(" ");
    for (id, body) in [("orig", original.as_str()), ("follow", follow_up.as_str())] {
        let a = article(id, Some(id), 1, "Report", body);
        store.add_batch(&[a], &mut stream).expect("add");
    }
    let merged = merged_stories(&store);
    assert_eq!(merged, 1, "the test needs the two stories merged");
    let survivor = story_of_docs(&store)["follow"];
    assert_eq!(story_of_docs(&store)["orig"], survivor);
    for i in 0..10 {
        let a = article(&format!("o{i}"), Some("b"), 2, "Other", &text(100 + i, 120));
        store.add_batch(&[a], &mut stream).expect("add");
    }
    let mut stream = store.resume(config, WINDOW).expect("resume");
    assert!(stream.clusterer.story_state(survivor as u64).is_none());
    let copy = article("copy", Some("c"), 9, "Copy", &edited(&original));
    let stats = store.add_batch(&[copy], &mut stream).expect("add");
    assert_eq!((stats.copies, stats.new_stories), (1, 0));
    assert_eq!(story_of_docs(&store)["copy"], survivor);
    assert_eq!(
        store.stories().expect("list"),
        listing_by_group_by(&store.conn)
    );
}

#[test]
fn merge_chains_resolve_to_the_live_story_and_cycles_end() {
    let store = Store::open_in_memory().expect("open");
    store
        .conn
        .execute_batch(
            "INSERT INTO stories (id, headline, created_at, updated_at, merged_into) VALUES
                 (4, 'd', 't', 't', NULL), (3, 'c', 't', 't', 4),
                 (2, 'b', 't', 't', 3), (1, 'a', 't', 't', 2),
                 (8, 'x', 't', 't', 9), (9, 'y', 't', 't', 8);",
        )
        .expect("rows");
    assert_eq!(live_story(&store.conn, 1).expect("q"), Some(4));
    assert_eq!(live_story(&store.conn, 4).expect("q"), Some(4));
    assert_eq!(live_story(&store.conn, 77).expect("q"), None);
    assert!(live_story(&store.conn, 8).expect("q").is_some());
}
