//! Articles that came without a title (feed items, dataset records whose text is the body
//! alone) keep an empty title, and the digest shows a headline made from their lead.

use crosswire::model::RawDocument;
use crosswire::pipeline::{self, DigestOptions};

const LEAD: &str = "RIVERTON, Ore. (AP) _ Floodwaters from the Elm River forced 3,000 residents \
of Riverton to leave their homes on Monday after two days of heavy rain, officials said.\n\n\
The Elm River rose four meters above its normal level and broke through a levee north of the \
town.";

#[test]
fn an_untitled_article_is_shown_by_its_lead_without_the_dateline() {
    let mut doc = RawDocument::text("flood", "flood.jsonl:1", LEAD);
    doc.title = Some(String::new());
    let articles = pipeline::prepare(vec![doc]);
    assert_eq!(articles[0].meta.title, "");
    assert!(articles[0].paragraphs[0].starts_with("Floodwaters"));
    assert_eq!(articles[0].meta.wire, vec!["AP"]);

    let digest = pipeline::digest(&pipeline::story("s", articles), &DigestOptions::default());
    let shown = &digest.sources[0].title;
    assert!(
        shown.starts_with("Floodwaters from the Elm River forced"),
        "{shown}"
    );
    assert!(!shown.contains("RIVERTON"), "{shown}");
    assert_eq!(&digest.headline, shown);
}
