//! End-to-end tests of `crosswire digest` on the bundled example and on bad inputs.

use std::process::Output;

mod common;

use common::{bin, example, tempdir};

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("crosswire runs")
}

fn digest_json(extra: &[&str]) -> serde_json::Value {
    common::digest_json(extra, &example())
}

/// All text a reader sees in the digest, plus every kept paragraph (via `crosswire clean`
/// is not enough: the digest's article bodies are what the summary draws from).
fn summary_texts(d: &serde_json::Value) -> Vec<String> {
    d["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn json_follows_the_documented_schema() {
    let d = digest_json(&[]);
    assert_eq!(d["schema_version"], 1);
    assert!(d["headline"].as_str().is_some_and(|h| !h.is_empty()));
    let sources = d["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    for s in sources {
        for field in [
            "id",
            "origin",
            "title",
            "raw_words",
            "kept_words",
            "boilerplate_removed",
        ] {
            assert!(s.get(field).is_some(), "source row lacks {field}: {s}");
        }
        let share = s["boilerplate_removed"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&share));
    }
    assert!(d["duplicates"].is_array());
}

#[test]
fn summary_respects_budget_and_cites_every_sentence() {
    for words in [60usize, 100, 150] {
        let d = digest_json(&["--words", &words.to_string()]);
        let texts = summary_texts(&d);
        assert!(!texts.is_empty());
        let total: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        // The budget may be exceeded only by part of the last sentence (ROUGE-style fill).
        let without_last: usize = texts[..texts.len() - 1]
            .iter()
            .map(|t| t.split_whitespace().count())
            .sum();
        assert!(without_last < words, "{words}: {total} words in {texts:?}");
        let ids: Vec<&str> = d["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        for s in d["summary"].as_array().unwrap() {
            let cited = s["sources"].as_array().unwrap();
            assert!(!cited.is_empty(), "uncited sentence {s}");
            assert!(cited.iter().all(|c| ids.contains(&c.as_str().unwrap())));
            assert!(s["outlets"].is_array());
        }
    }
}

#[test]
fn metadata_comes_out_of_the_text() {
    let d = digest_json(&[]);
    let rows = d["sources"].as_array().unwrap();
    let by_id = |stem: &str| {
        rows.iter()
            .find(|r| r["id"].as_str().unwrap().starts_with(stem))
            .unwrap()
    };
    let reuters = by_id("001_");
    assert_eq!(reuters["published"], "2019-05-15");
    assert!(
        reuters["wire"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "Reuters")
    );
    assert_eq!(
        reuters["title"],
        "Turkey and Russia discuss reducing tension in Idlib"
    );
    let ark = by_id("004_");
    assert_eq!(ark["published"], "2019-05-21");
    assert_eq!(ark["outlet"], "ARK News");
    assert!(
        ark["wire"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "Asharq Al-Awsat")
    );
    assert_eq!(
        by_id("003_")["title"],
        "Turkish and Russian defense ministers discuss Idlib"
    );
    assert!(
        by_id("000_")["wire"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w == "Reuters")
    );
}

#[test]
fn markdown_and_html_outputs() {
    let ex = example();
    let md = run(&["digest", ex.to_str().unwrap()]);
    assert_eq!(md.status.code(), Some(0));
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# ") && md.contains("## Summary") && md.contains("## Sources"));
    let dir = tempdir("digest-html");
    let out = dir.join("d.html");
    let h = run(&[
        "digest",
        "--format",
        "html",
        "--out",
        out.to_str().unwrap(),
        ex.to_str().unwrap(),
    ]);
    assert_eq!(h.status.code(), Some(0));
    assert!(h.stdout.is_empty());
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(!page.contains("<script") && !page.contains("src=\"http"));
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempdir("digest-bad");
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    std::fs::write(dir.join("binary.txt"), b"\x00\x01\x02\x03ELF\x00").unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "A good title here\n\nThis is a paragraph of real reporting about the event that happened on Monday in the city.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("feed.jsonl"),
        "{\"id\": \"j1\", \"title\": \"JSON story\", \"text\": \"Officials said the bridge reopened on Monday after repairs.\"}\nnot json\n",
    )
    .unwrap();
    // Windows-1252 text: "café" with byte 0xE9.
    std::fs::write(dir.join("latin.txt"), b"Caf\xe9 owners protest new rules\n\nOwners of every caf\xe9 in the old town said on Monday they would close for a day.\n").unwrap();
    let out = run(&["digest", "--format", "json", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {err}");
    assert!(err.contains("empty.txt") && err.contains("empty"), "{err}");
    assert!(
        err.contains("binary.txt") && err.contains("binary"),
        "{err}"
    );
    assert!(err.contains("feed.jsonl:2"), "{err}");
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = d["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"JSON story") && titles.contains(&"A good title here"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Café owners protest new rules"),
        "{titles:?}"
    );
}

#[test]
fn nothing_readable_or_bad_usage_exits_2() {
    let dir = tempdir("digest-none");
    std::fs::write(dir.join("empty.txt"), "   \n").unwrap();
    assert_eq!(
        run(&["digest", dir.to_str().unwrap()]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["digest", "/definitely/not/here"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["digest"]).status.code(), Some(2));
    assert_eq!(
        run(&["digest", "--format", "pdf", example().to_str().unwrap()])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn stdin_is_read_with_dash() {
    use std::io::Write;
    let mut child = bin()
        .args(["digest", "--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Storm hits the coast\n\nA storm hit the coast on Monday, cutting power to thousands of homes, officials said.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let d: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d["headline"], "Storm hits the coast");
}

/// The Reuters copies and Politicoscope state the displacement and the death toll in two
/// sentences in a row, one outlet fuses them into one: the fused sentence, if chosen,
/// cites all three.
#[test]
fn a_summary_sentence_fusing_two_statements_cites_every_outlet_carrying_both() {
    let d = digest_json(&[]);
    for s in d["summary"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        if text.contains("150,000") && text.contains("120") {
            let cited = s["sources"].as_array().unwrap();
            assert!(cited.len() >= 3, "{text} cites only {cited:?}");
        }
    }
}
