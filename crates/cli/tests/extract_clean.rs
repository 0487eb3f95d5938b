//! `crosswire extract --clean` prints what ingest and digest keep of a page.

mod common;

use common::{digest_json, run_ok, tempdir};

const PAGE: &str = "<html lang=\"en\"><head><title>Floods force thousands from Riverton</title>\
</head><body><nav><a href=\"/\">Home</a> | <a href=\"/news\">News</a></nav><article>\
<h1>Floods force thousands from Riverton</h1>\
<p>Floodwaters from the Elm River forced 3,000 residents of Riverton to leave their homes on \
Monday after two days of heavy rain, officials said.</p>\
<p>The river rose four meters above its normal level and broke through a levee north of the \
town, a fire brigade spokesman said.</p>\
<p>Emergency crews used boats to rescue families trapped on rooftops in the lower districts, \
police said.</p></article><footer>Copyright 2024</footer></body></html>";

const GERMAN_PAGE: &str = "<html lang=\"de\"><head><title>Hochwasser in Riverton</title></head>\
<body><article><h1>Hochwasser zwingt Tausende zur Flucht</h1>\
<p>Das Hochwasser des Flusses Elm hat am Montag rund 3000 Einwohner von Riverton gezwungen, \
ihre Häuser zu verlassen, nachdem es zwei Tage lang heftig geregnet hatte.</p>\
<p>Der Fluss stieg vier Meter über seinen normalen Pegel und durchbrach nördlich der Stadt \
einen Deich, sagte ein Sprecher der Feuerwehr.</p></article></body></html>";

#[test]
fn extract_clean_prints_what_digest_keeps() {
    let dir = tempdir("extract-clean");
    let page = dir.join("floods.html");
    std::fs::write(&page, PAGE).unwrap();
    let page_arg = page.to_str().unwrap();
    let cleaned = String::from_utf8(run_ok(&["extract", "--clean", page_arg])).unwrap();
    let digest = digest_json(&["--with-articles"], &page);
    let kept: Vec<&str> = digest["articles"][0]["paragraphs"]
        .as_array()
        .expect("paragraphs")
        .iter()
        .filter_map(|p| p.as_str())
        .collect();
    assert!(!kept.is_empty());
    assert_eq!(cleaned.trim_end(), kept.join("\n\n"));
    assert!(cleaned.contains("broke through a levee"));
}

#[test]
fn extract_clean_keeps_a_german_article() {
    let dir = tempdir("extract-clean-de");
    let page = dir.join("hochwasser.html");
    std::fs::write(&page, GERMAN_PAGE).unwrap();
    let cleaned =
        String::from_utf8(run_ok(&["extract", "--clean", page.to_str().unwrap()])).unwrap();
    assert!(
        cleaned.contains("durchbrach nördlich der Stadt"),
        "{cleaned:?}"
    );
    assert!(cleaned.contains("Einwohner von Riverton"), "{cleaned:?}");
}
