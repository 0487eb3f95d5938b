//! `crosswire ingest` survives kill -9: a rerun finishes the job without duplicates, and a
//! further rerun changes nothing.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crosswire::store::Store;

mod common;

const ARTICLES: usize = 3000;

/// A deterministic vocabulary word.
fn word(n: u64) -> String {
    let syllables = [
        "ka", "lo", "mi", "ten", "ra", "su", "vo", "del", "an", "pe", "ri", "gu",
    ];
    let mut n = n;
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(syllables[(n % syllables.len() as u64) as usize]);
        n /= syllables.len() as u64;
    }
    w
}

/// `ARTICLES` small, distinct articles on 60 topics, as JSONL with URLs and dates.
fn write_input(path: &Path) {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).expect("create input"));
    let mut state: u64 = 0x9e37_79b9;
    for i in 0..ARTICLES {
        let topic = (i % 60) as u64;
        let mut words = Vec::new();
        for _ in 0..60 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let r = state >> 33;
            let w = if r.is_multiple_of(2) {
                topic * 40 + r % 40
            } else {
                5000 + r % 1500
            };
            words.push(word(w));
        }
        let line = serde_json::json!({
            "id": format!("doc-{i}"),
            "title": format!("Report {i} on topic {topic}"),
            "url": format!("https://news.example/{i}"),
            "published": format!("2024-01-{:02}", 1 + (i * 28 / ARTICLES)),
            "text": format!("{}.\n\n{} (article {i}).", words[..30].join(" "), words[30..].join(" ")),
        });
        writeln!(out, "{line}").expect("write input");
    }
}

fn stored(db: &Path) -> usize {
    Store::open(db)
        .and_then(|s| s.article_count())
        .map(|n| n as usize)
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_loses_nothing_and_rerun_completes() {
    let dir = common::tempdir("kill");
    let input = dir.join("stream.jsonl");
    let db = dir.join("store.db");
    write_input(&input);
    let bin = env!("CARGO_BIN_EXE_crosswire");

    let mut child = Command::new(bin)
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ingest");
    // Wait for the first committed batches, then SIGKILL (Child::kill on Unix).
    let start = Instant::now();
    while stored(&db) == 0 && start.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("kill");
    let _ = child.wait();
    let after_kill = stored(&db);
    assert!(after_kill > 0, "nothing was committed before the kill");
    assert!(
        after_kill < ARTICLES,
        "ingest finished before it could be killed; make the input larger"
    );

    let rerun = Command::new(bin)
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("rerun");
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    let store = Store::open(&db).expect("open");
    let ids = store.doc_ids().expect("ids");
    assert_eq!(ids.len(), ARTICLES);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ARTICLES, "an article was stored twice");
    // Every article is in exactly one live story.
    let in_stories: u64 = store
        .stories()
        .expect("stories")
        .iter()
        .map(|s| s.articles)
        .sum();
    assert_eq!(in_stories as usize, ARTICLES);
    drop(store);

    let third = Command::new(bin)
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .expect("third run");
    assert!(third.status.success());
    let msg = String::from_utf8_lossy(&third.stderr);
    assert!(msg.contains(" 0 added"), "{msg}");
    assert!(msg.contains(&format!("{ARTICLES} already stored")), "{msg}");
    assert_eq!(stored(&db), ARTICLES);
    let _ = std::fs::remove_dir_all(dir);
}
