//! The scale machinery keeps the store's promises: the stories listing kept as batches
//! commit equals a count over the articles, the clusterer log folds without loss, near
//! copies older than the in-memory window are found on disk, and a version-1 store
//! upgrades in place.

use crosswire_cluster::Config;
use crosswire_model::{Article, CleanStats, CopyKind, Metadata};
use rusqlite::Connection;

use crate::schema::{SCHEMA_VERSION, migrate_to};
use crate::{Store, StorySummary};

/// A deterministic pseudo-word; `topic` words are shared by a topic's articles.
pub(crate) fn word(n: u64) -> String {
    const SYL: [&str; 12] = [
        "ka", "lo", "mi", "ten", "ra", "su", "vo", "del", "an", "pe", "ri", "gu",
    ];
    let mut n = n;
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYL[(n % 12) as usize]);
        n /= 12;
    }
    w
}

/// `words` words of text `seed` (distinct seeds share no four-word run).
pub(crate) fn text(seed: u64, words: usize) -> String {
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    let mut out = Vec::new();
    for _ in 0..words {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push(word((state >> 33) % 1700));
    }
    out.join(" ")
}

pub(crate) fn article(
    id: &str,
    outlet: Option<&str>,
    day: u32,
    title: &str,
    body: &str,
) -> Article {
    Article {
        id: id.to_string(),
        origin: format!("test:{id}"),
        meta: Metadata {
            title: title.to_string(),
            url: Some(format!("https://news.example/{id}")),
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, day),
            outlet: outlet.map(str::to_string),
            ..Metadata::default()
        },
        paragraphs: vec![body.to_string()],
        stats: CleanStats {
            raw_words: 100,
            kept_words: 100,
        },
        removed: Vec::new(),
    }
}

/// The listing as a GROUP BY over every article computes it (as version 1 did, with
/// version 4's dates).
pub(crate) fn listing_by_group_by(conn: &Connection) -> Vec<StorySummary> {
    let mut stmt = conn
        .prepare(
            "SELECT s.id, s.headline, COUNT(a.id),
                    COUNT(DISTINCT COALESCE(a.outlet, 'article:' || a.id)),
                    COALESCE(MIN(a.published), substr(s.created_at, 1, 10)),
                    COALESCE(MAX(a.published), substr(s.updated_at, 1, 10)),
                    s.updated_at
             FROM stories s JOIN articles a ON a.story = s.id
             WHERE s.merged_into IS NULL
             GROUP BY s.id
             ORDER BY s.updated_at DESC, s.id DESC",
        )
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok(StorySummary {
            id: r.get::<_, i64>(0)? as u64,
            headline: r.get(1)?,
            articles: r.get::<_, i64>(2)? as u64,
            outlets: r.get::<_, i64>(3)? as u64,
            first_seen: r.get(4)?,
            last_seen: r.get(5)?,
            updated: r.get(6)?,
        })
    })
    .expect("query")
    .collect::<Result<_, _>>()
    .expect("rows")
}

#[test]
fn kept_counts_equal_a_count_over_the_articles() {
    let mut store = Store::open_in_memory().expect("open");
    // Low thresholds: articles join and stories merge often, across batches. No lead
    // weight: these bodies are runs of numbered words, which open on the topic's words,
    // and weighing those twice more joins every article at once, leaving nothing to merge.
    let config = Config {
        join: 0.05,
        merge: 0.05,
        lead_weight: 0.0,
        ..Config::default()
    };
    let mut stream = store.resume(config.clone(), 50).expect("resume");
    let mut n = 0;
    for batch in 0..12u64 {
        let articles: Vec<Article> = (0..7u64)
            .map(|i| {
                n += 1;
                let topic = (batch * 7 + i) % 5;
                // Half the articles share topic words; some have no outlet; copies repeat.
                let body = if i == 3 {
                    text(topic * 1000, 80)
                } else {
                    format!("{} {}", text(topic * 1000, 30), text(n * 7919, 50))
                };
                let outlet = ["a", "b", "c"].get((n % 4) as usize).copied();
                article(&format!("d{n}"), outlet, 1 + (n % 27) as u32, "t", &body)
            })
            .collect();
        store.add_batch(&articles, &mut stream).expect("add");
        if batch == 5 {
            stream = store.resume(config.clone(), 50).expect("resume");
        }
    }
    let merged = merged_stories(&store);
    assert!(merged > 0, "no merge happened: the test needs one");
    let kept = store.stories().expect("stories");
    assert!(kept.len() > 1);
    assert_eq!(kept, listing_by_group_by(&store.conn));
}

/// A story split by the clusterer (a related event's reports that had joined an older
/// story) moves those articles to a new story row, and every kept count stays equal to a
/// count over the articles.
#[test]
fn a_split_story_moves_its_articles_and_keeps_counts() {
    let mut store = Store::open_in_memory().expect("open");
    // Everything would join one story: only a split can separate the two events.
    let config = Config {
        join: 0.01,
        merge: 0.01,
        ..Config::default()
    };
    let mut stream = store.resume(config.clone(), 50).expect("resume");
    let event = |n: u64, related: bool| {
        // Event B's first report is mostly about event A's subject (it joins A's story);
        // the others mention it in passing (they follow the first).
        let (own, aside) = match (related, n) {
            (false, _) => (text(1000, 30), String::new()),
            (true, 6) => (text(1000, 30), text(2000, 15)),
            (true, _) => (text(2000, 30), text(1000, 10)),
        };
        format!("{own} {aside} {}", text(n * 7919, 30))
    };
    let articles_of = |ids: std::ops::Range<u64>, related: bool| -> Vec<Article> {
        ids.map(|n| {
            let outlet = ["a", "b", "c"].get((n % 4) as usize).copied();
            article(
                &format!("d{n}"),
                outlet,
                1 + n as u32,
                "t",
                &event(n, related),
            )
        })
        .collect()
    };
    let story_of = |store: &Store, doc: &str| -> i64 {
        store
            .conn
            .query_row("SELECT story FROM articles WHERE doc_id = ?1", [doc], |r| {
                r.get(0)
            })
            .expect("article")
    };
    let d = |n: u64| format!("d{n}");
    store
        .add_batch(&articles_of(0..6, false), &mut stream)
        .expect("add");
    // The new event's first reports, one of them carried again by a wire outlet.
    let mut batch = articles_of(6..9, true);
    let mut copy = batch[1].clone();
    copy.id = "c7".to_string();
    copy.meta.url = Some("https://wire.example/c7".to_string());
    copy.meta.outlet = Some("wire".to_string());
    batch.push(copy);
    store.add_batch(&batch, &mut stream).expect("add");
    assert_eq!(
        story_of(&store, &d(8)),
        story_of(&store, &d(0)),
        "not split yet"
    );
    // Resumed, the stream no longer knows the copy; the split comes after, and the store
    // moves the copy with its original itself.
    let mut stream = store.resume(config.clone(), 50).expect("resume");
    store
        .add_batch(&articles_of(9..14, true), &mut stream)
        .expect("add");
    let a = story_of(&store, &d(0));
    let b = story_of(&store, &d(13));
    assert_ne!(a, b, "the two events were not split apart");
    assert!((0..6).all(|n| story_of(&store, &d(n)) == a));
    assert!((7..14).all(|n| story_of(&store, &d(n)) == b));
    assert_eq!(
        story_of(&store, "c7"),
        b,
        "the copy moved with its original"
    );
    assert_eq!(
        store.stories().expect("stories"),
        listing_by_group_by(&store.conn)
    );
}

#[test]
fn clusterer_log_folds_and_resumes_to_the_same_state() {
    let mut store = Store::open_in_memory().expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    let batches = crate::clusterer_state::FOLD_EVERY as u64 + 9;
    for i in 0..batches {
        let a = article(&format!("x{i}"), Some("o"), 1, "t", &text(i, 60));
        store.add_batch(&[a], &mut stream).expect("add");
    }
    let logged: i64 = store
        .conn
        .query_row("SELECT COUNT(*) FROM clusterer_log", [], |r| r.get(0))
        .expect("count");
    assert!(logged > 0 && logged < batches as i64, "{logged} log rows");
    let resumed = store.resume(Config::default(), 100).expect("resume");
    let (live, back) = (&stream.clusterer, &resumed.clusterer);
    assert_eq!(back.docs_seen(), live.docs_seen());
    assert_eq!(back.df_len(), live.df_len());
    assert_eq!(back.active(), live.active());
    assert_eq!(back.next_id(), live.next_id());
    for id in 1..live.next_id() {
        assert_eq!(back.story_state(id), live.story_state(id), "story {id}");
    }
}

#[test]
fn near_copy_older_than_the_window_is_found_on_disk() {
    let mut store = Store::open_in_memory().expect("open");
    let window = 4;
    let mut stream = store.resume(Config::default(), window).expect("resume");
    let original = text(42, 120);
    store
        .add_batch(
            &[article("orig", Some("a"), 1, "Original", &original)],
            &mut stream,
        )
        .expect("add");
    // Ten unrelated articles push the original out of the window.
    for i in 0..10 {
        let a = article(
            &format!("other{i}"),
            Some("b"),
            2,
            "Other",
            &text(100 + i, 120),
        );
        store.add_batch(&[a], &mut stream).expect("add");
    }
    // A fresh process too: the window comes back from the store, the original is not in it.
    let mut stream = store.resume(Config::default(), window).expect("resume");
    // The original with a few words changed and a sentence added: a near copy.
    let mut words: Vec<&str> = original.split(' ').collect();
    words[60] = "changed";
    let edited = format!("{} and a sentence added at the end", words.join(" "));
    let stats = store
        .add_batch(
            &[article("copy", Some("c"), 9, "Copy", &edited)],
            &mut stream,
        )
        .expect("add");
    assert_eq!(stats.copies, 1, "{stats:?}");
    let (original_id, kind): (String, String) = store
        .conn
        .query_row(
            "SELECT o.doc_id, c.kind FROM copies c
             JOIN articles a ON a.id = c.article JOIN articles o ON o.id = c.original
             WHERE a.doc_id = 'copy'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("copy row");
    assert_eq!(original_id, "orig");
    assert_eq!(crate::write::kind_from_name(&kind), CopyKind::Near);
    // An unrelated article finds nothing.
    let a = article("fresh", Some("d"), 9, "Fresh", &text(999, 120));
    let stats = store.add_batch(&[a], &mut stream).expect("add");
    assert_eq!(stats.copies, 0);
}

#[test]
fn version_1_store_upgrades_in_place() {
    let dir = std::env::temp_dir().join(format!("crosswire-v1-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("v1.db");
    let _ = std::fs::remove_file(&path);
    {
        let mut conn = Connection::open(&path).expect("open");
        migrate_to(&mut conn, 1).expect("v1 schema");
        conn.execute_batch(
            "INSERT INTO stories (id, headline, created_at, updated_at) VALUES
                 (1, 'Quake', '2024-03-01T10:00:00Z', '2024-03-02T10:00:00Z'),
                 (2, 'Vote', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z');
             INSERT INTO state (key, value) VALUES ('docs_seen', 3), ('next_story', 3);",
        )
        .expect("stories");
        let sig = crosswire_dedup::Fingerprint::of(&text(7, 80))
            .sketch
            .signature
            .to_bytes();
        for (id, story, outlet, published) in [
            (1, 1, Some("a"), Some("2024-03-01")),
            (2, 1, None, None),
            (3, 2, Some("a"), Some("2024-02-27")),
        ] {
            conn.execute(
                "INSERT INTO articles (id, doc_id, origin, url, content_hash, title, published,
                    outlet, wire, paragraphs, removed, raw_words, kept_words, shingles,
                    signature, story, added_at)
                 VALUES (?1, ?2, 'test', NULL, ?1, 't', ?3, ?4, 'null', '[\"x\"]', '[]', 1, 1,
                    77, ?5, ?6, '2024-03-05T00:00:00Z')",
                rusqlite::params![id, format!("d{id}"), published, outlet, sig, story],
            )
            .expect("article");
        }
    }
    let mut store = Store::open(&path).expect("upgrade");
    assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
    let listing = store.stories().expect("stories");
    assert_eq!(listing, listing_by_group_by(&store.conn));
    assert_eq!((listing[0].articles, listing[0].outlets), (2, 2));
    // Publication dates only: the undated article, added on 2024-03-05, does not stretch
    // the range to the day it was ingested (migration 4).
    assert_eq!(listing[0].first_seen, "2024-03-01");
    assert_eq!(listing[0].last_seen, "2024-03-01");
    // And it takes new articles, writing the old ones' LSH keys as it goes.
    let mut stream = store.resume(Config::default(), 2).expect("resume");
    let a = article("new", Some("b"), 6, "New", &text(8, 80));
    store.add_batch(&[a], &mut stream).expect("add");
    let keyed: i64 = store
        .conn
        .query_row("SELECT COUNT(DISTINCT article) FROM lsh_bands", [], |r| {
            r.get(0)
        })
        .expect("count");
    assert_eq!(keyed, 4);
    drop(store);
    let _ = std::fs::remove_dir_all(dir);
}

/// Stories merged into another one.
pub(crate) fn merged_stories(store: &Store) -> i64 {
    store
        .conn
        .query_row(
            "SELECT COUNT(*) FROM stories WHERE merged_into IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count")
}
