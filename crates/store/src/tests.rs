//! Store behaviour on small synthetic articles.

use crosswire_cluster::{Config, StoryStream};
use crosswire_model::{Article, CleanStats, CopyKind, Metadata};

use crate::schema::SCHEMA_VERSION;
use crate::{BatchStats, Error, Store};

fn article(id: &str, url: Option<&str>, title: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        origin: format!("test:{id}"),
        meta: Metadata {
            title: title.to_string(),
            url: url.map(str::to_string),
            published: "2024-03-01".parse().ok(),
            outlet: Some(format!("outlet-{id}")),
            ..Metadata::default()
        },
        paragraphs: body.split("\n\n").map(str::to_string).collect(),
        stats: CleanStats {
            raw_words: 100,
            kept_words: 80,
        },
        removed: Vec::new(),
    }
}

const QUAKE: &str = "A magnitude 7.1 earthquake struck off the coast of Honshu on Friday, \
    collapsing buildings in three coastal towns and prompting a tsunami warning for the \
    whole prefecture.\n\nRescuers searched the rubble through the night while aftershocks \
    shook the region, officials at the national disaster agency said in a statement.";
const VOTE: &str = "Voters in Brasilia queued for hours to cast ballots in the presidential \
    runoff, with the incumbent leading every poll published during the final week of the \
    campaign.\n\nElection officials said turnout was the highest recorded since the return \
    of direct elections, and results were expected late on Sunday evening.";

#[test]
fn fresh_store_is_at_current_version_and_reopens() {
    let dir = tempdir();
    let path = dir.join("s.db");
    let store = Store::open(&path).expect("open");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    drop(store);
    let again = Store::open(&path).expect("reopen");
    assert_eq!(again.schema_version().expect("version"), SCHEMA_VERSION);
    // A store from a newer build is refused, not damaged.
    again
        .conn
        .execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1))
        .expect("bump");
    drop(again);
    assert!(matches!(Store::open(&path), Err(Error::NewerSchema { .. })));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_read_only_store_reads_and_writes_nothing() {
    let dir = tempdir();
    let path = dir.join("s.db");
    // Missing: an error, and no file is created.
    assert!(Store::open_read_only(&path).is_err());
    assert!(!path.exists());
    let mut store = Store::open(&path).expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let batch = vec![article("a", None, "Quake hits Honshu", QUAKE)];
    store.add_batch(&batch, &mut stream).expect("add");
    drop(store);
    let reader = Store::open_read_only(&path).expect("read-only");
    assert_eq!(reader.article_count().expect("count"), 1);
    assert_eq!(reader.stories().expect("stories").len(), 1);
    assert!(reader.conn.execute_batch("DELETE FROM articles").is_err());
    drop(reader);
    // A store from an older build is not upgraded by a reader.
    let old = dir.join("old.db");
    let mut conn = rusqlite::Connection::open(&old).expect("old");
    crate::schema::migrate_to(&mut conn, 1).expect("v1 schema");
    drop(conn);
    assert!(matches!(
        Store::open_read_only(&old),
        Err(Error::OlderSchema { found: 1, .. })
    ));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn reingesting_changes_nothing() {
    let mut store = Store::open_in_memory().expect("open");
    let batch = vec![
        article("a", Some("https://x.example/a"), "Quake hits Honshu", QUAKE),
        article("b", None, "Brazil votes", VOTE),
    ];
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let first = store.add_batch(&batch, &mut stream).expect("add");
    assert_eq!((first.added, first.already_stored), (2, 0));
    let before = store.stories().expect("stories");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let second = store.add_batch(&batch, &mut stream).expect("add");
    assert_eq!((second.added, second.already_stored), (0, 2));
    assert_eq!(store.article_count().expect("count"), 2);
    let after = store.stories().expect("stories");
    assert_eq!(before.len(), after.len());
    // Same text under the same URL within one batch is stored once too.
    let dup = vec![article("c", Some("https://x.example/c"), "t", VOTE); 2];
    let third = store.add_batch(&dup, &mut stream).expect("add");
    assert_eq!(third.added, 1);
    assert_eq!(third.already_stored, 1);
}

#[test]
fn hostile_strings_are_stored_verbatim() {
    let mut store = Store::open_in_memory().expect("open");
    let title = "Robert'); DROP TABLE articles;-- \"quoted\" \u{0} 💥";
    let url = "https://x.example/?q=' OR '1'='1";
    let body = format!("{QUAKE}\n\n'; DELETE FROM stories; -- ünïcode ✓");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    store
        .add_batch(&[article("x'y", Some(url), title, &body)], &mut stream)
        .expect("add");
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].headline, title);
    let story = store.story(stories[0].id).expect("story").expect("exists");
    let a = &story.articles[0];
    assert_eq!(a.id, "x'y");
    assert_eq!(a.meta.title, title);
    assert_eq!(a.meta.url.as_deref(), Some(url));
    assert_eq!(
        a.paragraphs.last().map(String::as_str),
        body.split("\n\n").last()
    );
}

#[test]
fn a_story_begun_without_a_title_is_headlined_by_its_lead() {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let body = format!("TOKYO (AP) _ {QUAKE}");
    store
        .add_batch(&[article("q", None, "", &body)], &mut stream)
        .expect("add");
    let stories = store.stories().expect("stories");
    let headline = &stories[0].headline;
    assert!(
        headline.starts_with("A magnitude 7.1 earthquake struck") && headline.ends_with('…'),
        "{headline}"
    );
    // Nothing was guessed into the article's own title.
    let story = store.story(stories[0].id).expect("story").expect("exists");
    assert_eq!(story.articles[0].meta.title, "");
}

#[test]
fn undated_articles_do_not_stretch_a_storys_dates() {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let mut dated = article("dated", None, "Quake", QUAKE);
    dated.meta.published = "2019-05-15".parse().ok();
    let mut undated = article("undated", None, "Quake aftermath", QUAKE);
    undated.meta.published = None;
    undated.paragraphs.reverse();
    let mut alone = article("alone", None, "Vote", VOTE);
    alone.meta.published = None;
    store
        .add_batch(&[dated, undated], &mut stream)
        .expect("add");
    store.add_batch(&[alone], &mut stream).expect("add");
    let stories = store.stories().expect("stories");
    let quake = stories.iter().find(|s| s.articles == 2).expect("one story");
    assert_eq!(
        (quake.first_seen.as_str(), quake.last_seen.as_str()),
        ("2019-05-15", "2019-05-15")
    );
    // A story with no dated article is listed by the days it was created and updated.
    let vote = stories.iter().find(|s| s.headline == "Vote").expect("vote");
    assert_eq!(vote.first_seen, vote.updated[..10]);
    assert_eq!(vote.last_seen, vote.updated[..10]);
}

#[test]
fn copies_and_stories_survive_resume() {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    store
        .add_batch(
            &[
                article("q1", Some("u1"), "Quake hits Honshu", QUAKE),
                article("v1", Some("u2"), "Brazil votes", VOTE),
            ],
            &mut stream,
        )
        .expect("add");
    // A fresh process: state comes back from the store.
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let copy = format!("{QUAKE}\n\nThis story was reported by a news agency.");
    let stats = store
        .add_batch(
            &[article("q2", Some("u3"), "Honshu quake", &copy)],
            &mut stream,
        )
        .expect("add");
    assert_eq!((stats.added, stats.copies, stats.new_stories), (1, 1, 0));
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 2);
    let quake = stories
        .iter()
        .find(|s| s.articles == 2)
        .expect("quake story has both");
    assert_eq!(quake.outlets, 2);
    let story = store.story(quake.id).expect("story").expect("exists");
    assert_eq!(story.duplicates.len(), 1);
    assert_eq!(story.duplicates[0].representative, "q1");
    assert_eq!(story.duplicates[0].copies[0].id, "q2");
    assert_eq!(story.duplicates[0].copies[0].kind, CopyKind::Near);
    assert!(store.story(9999).expect("query").is_none());
}

#[test]
fn merged_stories_move_their_articles() {
    let mut store = Store::open_in_memory().expect("open");
    // Nothing joins (threshold out of reach); close stories merge.
    let config = Config {
        join: 1.01,
        merge: 0.3,
        ..Config::default()
    };
    let mut stream = store.resume(config.clone(), 100).expect("resume");
    store
        .add_batch(&[article("v", Some("u0"), "Vote", VOTE)], &mut stream)
        .expect("add");
    store
        .add_batch(
            &[article("q1", Some("u1"), "Quake hits Honshu", QUAKE)],
            &mut stream,
        )
        .expect("add");
    let old_id = store
        .stories()
        .expect("stories")
        .iter()
        .find(|s| s.headline.contains("Quake"))
        .expect("quake story")
        .id;
    // Reworded, not a copy: it starts its own story, which then merges with the first.
    let follow_up = "Honshu rescuers kept digging through rubble in coastal towns as \
        aftershocks followed the magnitude 7.1 earthquake. The tsunami warning for the \
        prefecture was lifted, the disaster agency said, and collapsed buildings were searched.";
    let stats = store
        .add_batch(
            &[article("q2", Some("u2"), "Honshu quake toll", follow_up)],
            &mut stream,
        )
        .expect("add");
    assert_eq!((stats.copies, stats.new_stories), (0, 1));
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 2, "{stories:?}");
    let quake = stories
        .iter()
        .find(|s| s.articles == 2)
        .expect("merged story");
    assert_ne!(quake.id, old_id);
    // The merged-away id still leads to the story.
    let story = store.story(old_id).expect("story").expect("resolves");
    assert_eq!(story.id, format!("story-{}", quake.id));
    assert_eq!(story.articles.len(), 2);
    // And a resumed stream knows the merged story is gone.
    let again = store.resume(config, 100).expect("resume");
    assert_eq!(again.clusterer.active(), 2);
}

/// One batch: a quake report with a syndicated copy (the wire text with paragraphs of the
/// outlet's own, so that the story holds two texts), a stray follow-up of the quake too
/// far from it to join, and a vote report (three stories). Returns the resumed stream.
fn add_quake_with_stray(store: &mut Store, config: &Config) -> (StoryStream, BatchStats) {
    let mut stream = store.resume(config.clone(), 100).expect("resume");
    let wire_copy = format!(
        "{QUAKE}\n\nIn the prefecture's capital, trains were halted and schools closed while \
         engineers inspected bridges, tunnels and the main coastal highway for damage, the \
         regional government said in a late briefing.\n\nFishing crews in the northern \
         harbours moved their boats out to sea before the warning was lifted, and hundreds \
         of residents spent the night in school gymnasiums on higher ground."
    );
    let stray = "Honshu rescuers kept digging through rubble in coastal towns as aftershocks \
        followed the magnitude 7.1 earthquake, the disaster agency said.";
    let batch = [
        article("q0", Some("u0"), "Honshu quake toll", stray),
        article("q1", Some("u1"), "Quake hits Honshu", QUAKE),
        article("q2", Some("u2"), "Quake hits Honshu", &wire_copy),
        article("v", Some("u3"), "Vote", VOTE),
    ];
    let stats = store.add_batch(&batch, &mut stream).expect("add");
    (stream, stats)
}

#[test]
fn a_stray_article_leaving_the_active_set_is_folded_into_its_story_and_kept_there() {
    let mut store = Store::open_in_memory().expect("open");
    // The stray neither joins (threshold out of reach) nor merges: only the fold, when the
    // full active set evicts it, takes it home.
    let config = Config {
        join: 0.9,
        merge: 0.9,
        max_active: 3,
        ..Config::default()
    };
    let (mut stream, stats) = add_quake_with_stray(&mut store, &config);
    assert_eq!((stats.copies, stats.new_stories), (1, 3));
    let stray_id = store
        .stories()
        .expect("stories")
        .iter()
        .find(|s| s.headline.contains("toll"))
        .expect("stray story")
        .id;
    // A fourth story: the least recently updated, the stray's, leaves the active set.
    let other = "Shareholders of the two oil companies approved the merger on Tuesday, \
        and antitrust regulators are expected to rule on the acquisition within weeks.";
    store
        .add_batch(&[article("m", Some("u4"), "Merger", other)], &mut stream)
        .expect("add");
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 3, "{stories:?}");
    let quake = stories
        .iter()
        .find(|s| s.articles == 3)
        .expect("quake story");
    let story = store.story(stray_id).expect("story").expect("resolves");
    assert_eq!(story.id, format!("story-{}", quake.id));
    // The fold is saved: a resumed stream has the three live stories.
    let again = store.resume(config, 100).expect("resume");
    assert_eq!(again.clusterer.active(), 3);
}

#[test]
fn finishing_the_stream_folds_strays_still_active_and_saves_it() {
    let mut store = Store::open_in_memory().expect("open");
    // As above, but the active set has room: the stray stays a story of its own until the
    // caller declares the stream complete.
    let config = Config {
        join: 0.9,
        merge: 0.9,
        ..Config::default()
    };
    let (mut stream, _) = add_quake_with_stray(&mut store, &config);
    assert_eq!(store.stories().expect("stories").len(), 3);
    assert_eq!(store.finish_stream(&mut stream).expect("finish"), 1);
    let stories = store.stories().expect("stories");
    assert_eq!(stories.len(), 2, "{stories:?}");
    let quake = stories
        .iter()
        .find(|s| s.headline.contains("Quake"))
        .expect("quake story");
    assert_eq!(quake.articles, 3);
    // Saved: a resumed stream has two live stories, and finishing again changes nothing.
    let mut again = store.resume(config, 100).expect("resume");
    assert_eq!(again.clusterer.active(), 2);
    assert_eq!(store.finish_stream(&mut again).expect("finish"), 0);
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "crosswire-store-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::create_dir_all(&dir);
    dir
}
