//! Behaviour of the whole stage on synthetic texts.

use crosswire_model::{Article, CleanStats, CopyKind, Metadata};

use crate::shingle::mix64;
use crate::{Fingerprint, Index, find_duplicates};

/// A deterministic pseudo-random text of `n` words drawn from a 2,000-word vocabulary.
fn text(seed: u64, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("w{}", mix64(seed * 1_000_003 + i as u64) % 2000))
        .collect()
}

/// Replace every `every`-th word: light copy-editing.
fn edit(words: &[String], every: usize, seed: u64) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i % every == every / 2 {
                format!("x{}", mix64(seed + i as u64) % 5000)
            } else {
                w.clone()
            }
        })
        .collect()
}

fn article(id: &str, words: &[String]) -> Article {
    Article {
        id: id.to_string(),
        origin: id.to_string(),
        meta: Metadata::default(),
        paragraphs: words.chunks(40).map(|c| c.join(" ")).collect(),
        stats: CleanStats::default(),
        removed: Vec::new(),
    }
}

fn fp(words: &[String]) -> Fingerprint {
    Fingerprint::of(&words.join(" "))
}

#[test]
fn classifies_exact_near_syndicated_and_unrelated() {
    let base = text(1, 400);
    let same = fp(&base).compare(&Fingerprint::of(&base.join("  ").to_uppercase()));
    assert_eq!(same, Some((CopyKind::Exact, 1.0)));

    let near = fp(&base).compare(&fp(&edit(&base, 40, 7)));
    assert!(
        matches!(near, Some((CopyKind::Near, j)) if j > 0.7),
        "{near:?}"
    );

    // An outlet keeps the first half of the wire story and adds as much of its own text.
    let mut syndicated = base[..200].to_vec();
    syndicated.extend(text(2, 300));
    let synd = fp(&base).compare(&fp(&edit(&syndicated, 25, 3)));
    assert!(matches!(synd, Some((CopyKind::Syndicated, _))), "{synd:?}");

    assert_eq!(fp(&base).compare(&fp(&text(3, 400))), None);
    // A sentence quoted in another text does not make it a copy.
    let mut quoting = text(4, 400);
    quoting.extend(base[..15].iter().cloned());
    assert_eq!(fp(&base).compare(&fp(&quoting)), None);
}

#[test]
fn sketch_comparison_agrees_with_exact_comparison() {
    let base = text(10, 500);
    let near = fp(&edit(&base, 30, 1));
    let (kind, _) = fp(&base).sketch.compare(&near.sketch).expect("near copy");
    assert_eq!(kind, CopyKind::Near);
    assert_eq!(fp(&base).sketch.compare(&fp(&text(11, 500)).sketch), None);
}

#[test]
fn lsh_recalls_near_copies_among_many_texts() {
    let mut index = Index::new();
    for k in 0..2000u64 {
        index.insert(k, fp(&text(100 + k, 200)).sketch);
    }
    let mut found = 0;
    let mut candidates = 0;
    for k in 0..200u64 {
        // Every 12th word changed: Jaccard of 4-word shingles ≈ 0.5.
        let copy = fp(&edit(&text(100 + k, 200), 12, k));
        candidates += index.candidates(&copy.sketch).len();
        if index.find(&copy.sketch).map(|m| m.key) == Some(k) {
            found += 1;
        }
    }
    assert!(found >= 190, "recall {found}/200");
    // Unrelated texts rarely become candidates: lookups stay cheap as the index grows.
    assert!(candidates < 200 * 10, "{candidates} candidates");
}

#[test]
fn index_forgets_oldest_past_capacity() {
    let mut index = Index::with_capacity(3);
    for k in 0..5u64 {
        index.insert(k, fp(&text(k, 50)).sketch);
    }
    assert_eq!(index.len(), 3);
    assert_eq!(index.find(&fp(&text(0, 50)).sketch), None);
    assert_eq!(index.find(&fp(&text(4, 50)).sketch).map(|m| m.key), Some(4));
    // Re-inserting a key refreshes it instead of letting a stale entry evict it.
    index.insert(2, fp(&text(2, 50)).sketch);
    index.insert(9, fp(&text(9, 50)).sketch);
    assert_eq!(index.find(&fp(&text(2, 50)).sketch).map(|m| m.key), Some(2));
    assert_eq!(index.len(), 3);
}

#[test]
fn groups_keep_the_fullest_version_as_representative() {
    let wire = text(20, 300);
    let mut extended = wire.clone();
    extended.extend(text(21, 100));
    let articles = vec![
        article("short", &wire[..200]),
        article("other", &text(22, 300)),
        article("full", &extended),
        article("exact", &wire[..200]),
        article("empty", &[]),
    ];
    let groups = find_duplicates(&articles);
    assert_eq!(groups.len(), 1, "{groups:?}");
    assert_eq!(groups[0].representative, "full");
    let ids: Vec<&str> = groups[0].copies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["short", "exact"]);
    assert!(find_duplicates(&[]).is_empty());
}

#[test]
fn large_batches_use_lsh_and_still_find_copies() {
    // Past DIRECT_COMPARISONS representatives, candidates come from the LSH index.
    let mut articles: Vec<Article> = (0..400)
        .map(|k| article(&format!("a{k}"), &text(1000 + k, 150)))
        .collect();
    for k in [3u64, 200, 399] {
        let copy = edit(&text(1000 + k, 150), 20, k);
        articles.push(article(&format!("copy-of-a{k}"), &copy));
    }
    let groups = find_duplicates(&articles);
    assert_eq!(groups.len(), 3, "{groups:?}");
    for g in &groups {
        assert_eq!(g.copies.len(), 1);
        assert_eq!(g.copies[0].id, format!("copy-of-{}", g.representative));
    }
}
