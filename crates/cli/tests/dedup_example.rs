//! The bundled Idlib example: the two copies of one Reuters story (000, 001) are grouped by
//! `find_duplicates`; the two independent reports (003, 004) are not.
//!
//! 002 is a shorter Reuters dispatch on the same event with a different lead: it shares a
//! few sentences verbatim with 000/001 (13-17% of its shingles, against 2-4% between
//! independent reports) but most of its text is reporting they do not carry (the Cavusoglu
//! tweet, the Assad/Turkey background). It belongs in the same *story*, not in the same
//! *duplicate group*: a digest summarizes representatives only, so calling it a copy would
//! drop its facts. The test pins that decision.

use std::path::PathBuf;

use crosswire::dedup::{Fingerprint, article_text, find_duplicates, shingle};
use crosswire::model::CopyKind;

fn example_articles() -> Vec<crosswire::model::Article> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/idlib-2019-05"
    ));
    let batch = crosswire::ingest::read_inputs(&[dir]);
    assert_eq!(batch.documents.len(), 5, "problems: {:?}", batch.problems);
    crosswire::pipeline::prepare(batch.documents)
}

#[test]
fn reuters_copies_are_grouped_and_other_reports_are_not() {
    let articles = example_articles();
    let prints: Vec<Fingerprint> = articles
        .iter()
        .map(|a| Fingerprint::of(&article_text(a)))
        .collect();
    for i in 0..prints.len() {
        for j in i + 1..prints.len() {
            let common = shingle::intersection_size(&prints[i].shingles, &prints[j].shingles);
            let shorter = prints[i].shingles.len().min(prints[j].shingles.len());
            eprintln!(
                "{} {}: common {common} shorter {shorter} containment {:.3} -> {:?}",
                articles[i].id,
                articles[j].id,
                common as f64 / shorter.max(1) as f64,
                prints[i].compare(&prints[j])
            );
        }
    }
    let groups = find_duplicates(&articles);
    eprintln!("{groups:#?}");
    let id = |prefix: &str| {
        articles
            .iter()
            .find(|a| a.id.starts_with(prefix))
            .map(|a| a.id.clone())
            .unwrap_or_default()
    };
    let group_of = |id: &str| {
        groups
            .iter()
            .position(|g| g.representative == id || g.copies.iter().any(|c| c.id == id))
    };
    let g0 = group_of(&id("000"));
    assert!(g0.is_some(), "000 is in no group");
    assert_eq!(g0, group_of(&id("001")), "000 and 001 are not grouped");
    assert_eq!(
        group_of(&id("002")),
        None,
        "002 is a different edition, not a copy"
    );
    assert_eq!(group_of(&id("003")), None);
    assert_eq!(group_of(&id("004")), None);
    let g = &groups[g0.unwrap_or_default()];
    assert_eq!(g.copies.len(), 1);
    assert_eq!(g.copies[0].kind, CopyKind::Syndicated);
}
