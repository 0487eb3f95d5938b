//! The store from the command line: `ingest` the bundled example, list it with `stories`,
//! render it with `digest --db`; bad uses exit 2.

mod common;

use common::{bin, example};

#[test]
fn ingest_then_stories_then_digest_from_the_store() {
    let dir = std::env::temp_dir().join(format!("crosswire-store-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tempdir");
    let db = dir.join("s.db");

    let out = bin()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(example())
        .output()
        .expect("ingest");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let msg = String::from_utf8_lossy(&out.stderr);
    assert!(msg.contains("5 added"), "{msg}");
    assert!(msg.contains("1 copies"), "{msg}");

    let again = bin()
        .args(["ingest", "--quiet", "--db"])
        .arg(&db)
        .arg(example())
        .output()
        .expect("re-ingest");
    assert!(String::from_utf8_lossy(&again.stderr).contains("0 added"));

    let out = bin()
        .args(["stories", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .expect("stories");
    assert!(out.status.success());
    let stories: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = stories.as_array().expect("array");
    let total: u64 = list.iter().filter_map(|s| s["articles"].as_u64()).sum();
    assert_eq!(total, 5);
    // Five reports of one event, ingested into an empty store: one story.
    assert_eq!(list.len(), 1, "{list:?}");
    // The two Reuters copies are in one story, with their duplicate group.
    let reuters = list
        .iter()
        .find(|s| s["articles"].as_u64() >= Some(2))
        .expect("a story with several articles");
    let id = reuters["id"].as_u64().expect("id").to_string();

    let out = bin()
        .args(["digest", "--format", "json", "--db"])
        .arg(&db)
        .args(["--story", &id])
        .output()
        .expect("digest");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let digest: serde_json::Value = serde_json::from_slice(&out.stdout).expect("digest json");
    let digest = if digest.is_array() {
        digest[0].clone()
    } else {
        digest
    };
    assert_eq!(digest["story_id"], format!("story-{id}"));
    assert!(!digest["summary"].as_array().expect("summary").is_empty());

    // All stories at once.
    let all = bin()
        .args(["digest", "--format", "md", "--db"])
        .arg(&db)
        .output()
        .expect("digest all");
    assert!(all.status.success());

    // Unknown story and missing store: usage errors.
    let bad = bin()
        .args(["digest", "--db"])
        .arg(&db)
        .args(["--story", "999999"])
        .output()
        .expect("digest bad");
    assert_eq!(bad.status.code(), Some(2));
    let missing = bin()
        .args(["stories", "--db"])
        .arg(dir.join("nope.db"))
        .output()
        .expect("stories missing");
    assert_eq!(missing.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn ingest_with_nothing_readable_exits_2() {
    let dir = std::env::temp_dir().join(format!("crosswire-store-cli2-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let out = bin()
        .args(["ingest", "--quiet", "--db"])
        .arg(dir.join("s.db"))
        .arg(dir.join("does-not-exist.txt"))
        .output()
        .expect("ingest");
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(dir);
}
