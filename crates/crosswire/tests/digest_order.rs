//! The digest is the same on every run: copies are cited in their duplicate group's order.

use crosswire::model::RawDocument;
use crosswire::pipeline::{self, DigestOptions};

const WIRE: &str = "Wire copy\n\nFloodwaters from the Elm River forced 3,000 residents of \
Riverton to leave their homes on Monday after two days of heavy rain, officials said.\n\n\
The Elm River rose four meters above its normal level and broke through a levee north of \
the town.\n\nEmergency crews used boats to rescue families trapped on rooftops in the lower \
districts of Riverton, police said.";

#[test]
fn copies_are_cited_in_the_same_order_on_every_run() {
    let mut docs = Vec::new();
    for (i, outlet) in ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]
        .iter()
        .enumerate()
    {
        let mut d = RawDocument::text(format!("copy-{i}"), format!("copy-{i}.txt"), WIRE);
        d.outlet = Some(outlet.to_string());
        docs.push(d);
    }
    let story = pipeline::story("s", pipeline::prepare(docs));
    assert_eq!(story.duplicates.len(), 1, "{:?}", story.duplicates);
    let group = &story.duplicates[0];
    let mut expected = vec![group.representative.clone()];
    expected.extend(group.copies.iter().map(|c| c.id.clone()));
    for _ in 0..8 {
        let d = pipeline::digest(&story, &DigestOptions::default());
        assert!(!d.summary.is_empty());
        for s in &d.summary {
            assert_eq!(s.sources, expected);
        }
    }
}
