//! An HTML article whose paragraphs are one `<p>` broken by `<br><br>` reaches the cleaner as
//! separate blocks, and keeps its text (as one block, it was judged, and removed, whole).

use crosswire::model::{RawDocument, SourceKind};
use crosswire::pipeline;

const PAGE: &str = "<html lang=\"en\"><head><title>Robot draws blood as well as nurses</title>\
</head><body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav><article>\
<h1>Robot draws blood as well as nurses</h1>\
<p>In the future, robots could take blood samples, sparing patients repeated needle sticks \
and freeing nurses for other work, researchers said on Wednesday.<br><br>\
A university team built a blood-sampling robot that did as well as or better than people in \
the first clinical trial of the device, which guides a needle by ultrasound.<br><br>\
The robot succeeded in 87 percent of the 31 participants, and in 97 percent of those whose \
veins were easy to find, the team reported in the journal Technology.<br><br>\
Drawing blood is the most common clinical procedure in the world, with more than a billion \
performed every year in the United States alone, the researchers said.</p>\
</article><footer>Copyright 2020</footer></body></html>";

#[test]
fn paragraphs_broken_by_line_breaks_are_separate_blocks_and_kept() {
    let doc = RawDocument {
        kind: SourceKind::Html,
        ..RawDocument::text("robot", "robot.html", PAGE)
    };
    let articles = pipeline::prepare(vec![doc]);
    let a = &articles[0];
    assert!(a.paragraphs.len() >= 4, "{:?}", a.paragraphs);
    assert!(
        a.stats.kept_words * 10 >= a.stats.raw_words * 8,
        "kept {} of {} words; removed {:?}",
        a.stats.kept_words,
        a.stats.raw_words,
        a.removed
    );
}
