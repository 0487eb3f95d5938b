//! `digest` on a directory mixing HTML, RSS, JSONL and plain text.

mod common;

use common::tempdir as dir;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Flood waters recede in river town | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood waters recede in river town","datePublished":"2024-03-12T08:00:00Z","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Flood waters recede in river town</h1>
<p>Flood waters began to recede in the river town on Tuesday after three days of heavy rain forced hundreds of families from their homes, officials said.</p>
<p>The mayor said at least 300 homes were damaged and that emergency shelters would stay open through the weekend while engineers inspect the bridges.</p>
<p>Residents returning to the lower town found mud and debris in streets and shops, and volunteers gathered at the church to hand out food and water.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Storm season starts early</a></li><li><a href="/b">Bridge repairs delayed</a></li></ul></aside>
<section id="comments"><h3>Comments</h3><div class="comment">Terrible news, stay safe everyone! Reply</div></section>
<footer>© 2024 Valley Herald. All rights reserved. Privacy policy. Terms.</footer>
</body></html>"#;

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Town counts flood damage</title><link>https://wire.example/flood</link>
<pubDate>Wed, 13 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The river town counted the damage on Wednesday as flood waters receded, with at least 300 homes damaged, the mayor said.&lt;/p&gt;</description></item>
</channel></rss>"#;

/// A WARC response record as Common Crawl writes them.
fn warc_record(uri: &str, date: &str, html: &str) -> Vec<u8> {
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{html}",
        html.len()
    );
    let mut rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    rec.extend_from_slice(http.as_bytes());
    rec.extend_from_slice(b"\r\n\r\n");
    rec
}

#[test]
fn warc_records_feed_the_digest_and_corrupt_ones_are_reported() {
    let d = dir("warc");
    let page = "<html><head><title>Bridge reopens after flood</title></head><body><nav><a href='/'>Home</a></nav><article><p>The main bridge of the river town reopened on Thursday after engineers finished inspecting it, the mayor said in a statement.</p><p>Traffic returned to the town centre within hours and shops that had been closed since the flood began to reopen.</p></article><footer>Contact us</footer></body></html>";
    let mut warc = warc_record("https://news.example/bridge", "2024-03-14T10:00:00Z", page);
    warc.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\ngarbage\r\n\r\n",
    );
    std::fs::write(d.join("crawl.warc"), warc).unwrap();
    let out = common::bin()
        .args(["digest", "--format", "json"])
        .arg(&d)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("crawl.warc"), "{err}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let row = &v["sources"][0];
    assert_eq!(row["title"], "Bridge reopens after flood");
    assert_eq!(
        row["published"], "2024-03-14",
        "WARC-Date is the fallback date"
    );
    assert!(v["summary"][0]["text"].as_str().unwrap().contains("bridge"));
}

#[test]
fn html_rss_jsonl_and_text_feed_one_digest() {
    let d = dir("mixed");
    std::fs::write(d.join("page.html"), PAGE).unwrap();
    std::fs::write(d.join("feed.xml"), FEED).unwrap();
    std::fs::write(
        d.join("more.jsonl"),
        r#"{"id":"j1","title":"Shelters stay open after flood","text":"Emergency shelters in the river town will stay open through the weekend, the mayor said on Tuesday.","published":"2024-03-12","outlet":"River Post"}"#,
    )
    .unwrap();
    std::fs::write(
        d.join("note.txt"),
        "Volunteers help flood victims\n\nVolunteers gathered at the church in the river town on Wednesday to hand out food and water to families.\n",
    )
    .unwrap();
    let v = common::digest_json(&["--with-articles"], &d);
    let rows = v["sources"].as_array().unwrap();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let page = rows
        .iter()
        .find(|r| r["id"] == "page")
        .expect("html page row");
    assert_eq!(page["title"], "Flood waters recede in river town");
    assert_eq!(page["published"], "2024-03-12");
    assert_eq!(page["outlet"], "Valley Herald");
    let item = rows
        .iter()
        .find(|r| r["title"] == "Town counts flood damage")
        .expect("feed item row");
    assert_eq!(item["published"], "2024-03-13");
    let articles = v["articles"].as_array().unwrap();
    // Short articles of one real sentence keep it.
    for a in articles {
        assert!(
            !a["paragraphs"].as_array().unwrap().is_empty(),
            "emptied: {a}"
        );
    }
    let page_body = articles.iter().find(|a| a["id"] == "page").unwrap()["paragraphs"].to_string();
    assert!(page_body.contains("at least 300 homes were damaged"));
    for noise in [
        "cookies",
        "Related stories",
        "Terrible news",
        "All rights reserved",
        "Sport",
    ] {
        assert!(!page_body.contains(noise), "{noise} in {page_body}");
    }
}
