//! End-to-end extraction on small hand-written pages (tests/fixtures): the article stays,
//! furniture goes, metadata is read, encodings are honoured, and no input panics.

use std::path::PathBuf;

use chrono::NaiveDate;
use crosswire_extract::{extract, extract_bytes};

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn blog_keeps_article_and_drops_comments_banners_shares_related() {
    let page = extract_bytes(&fixture("blog_with_comments.html"), None, None);
    let text = page.text();
    for kept in [
        "Nach zwei Jahren Bauzeit ist der neue Radweg",
        "rund 3,4 Millionen Euro",
        "Was sich für Pendler ändert",
        "Beleuchtung auf der gesamten Länge",
        "Die Stadt will im Herbst eine erste Bilanz ziehen.",
    ] {
        assert!(text.contains(kept), "missing {kept:?} in:\n{text}");
    }
    for dropped in [
        "Cookies",
        "Politik",
        "Teilen auf Facebook",
        "Das könnte Sie auch interessieren",
        "Neue Buslinie",
        "Endlich!",
        "Kommentare",
        "Impressum",
        "Ihr Kommentar",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?} in:\n{text}");
    }
    // Paragraphs are separated by blank lines.
    assert!(text.contains("Gewerbegebiet im Norden.\n\nDie Stadt hat"));

    let m = &page.metadata;
    assert_eq!(m.title.as_deref(), Some("Der neue Radweg am Fluss"));
    assert_eq!(m.published, NaiveDate::from_ymd_opt(2023, 6, 14));
    assert_eq!(m.authors, ["Erika Mustermann", "Max Beispiel"]);
    assert_eq!(m.outlet.as_deref(), Some("Stadtblog Musterstadt"));
    assert_eq!(
        m.canonical_url.as_deref(),
        Some("https://stadtblog.example/2023/06/14/radweg/")
    );
    assert_eq!(m.language.as_deref(), Some("de"));
    let model = m.to_model(None);
    assert_eq!(
        model.byline.as_deref(),
        Some("Erika Mustermann, Max Beispiel")
    );
}

#[test]
fn news_page_without_named_body_uses_scoring() {
    let page = extract_bytes(&fixture("news_with_teasers.html"), None, None);
    let text = page.text();
    assert!(
        text.starts_with("Authorities lifted the flood warning"),
        "{text}"
    );
    assert!(text.contains("Insurers estimate the damage"));
    for dropped in [
        "Most read",
        "Story one",
        "Sandbags",
        "newsletter",
        "Related:",
        "All rights reserved",
    ] {
        assert!(!text.contains(dropped), "kept {dropped:?} in:\n{text}");
    }
    let m = &page.metadata;
    assert_eq!(m.title.as_deref(), Some("Flood warning lifted"));
    assert_eq!(m.published, NaiveDate::from_ymd_opt(2022, 11, 3));
    assert_eq!(m.authors, ["Sam Reporter"]);
}

#[test]
fn encodings_declared_and_undeclared() {
    let page = extract_bytes(&fixture("latin1_declared.html"), None, None);
    assert!(
        page.text()
            .contains("Die Straße nach München wird im Frühjahr"),
        "{}",
        page.text()
    );
    assert_eq!(page.metadata.title.as_deref(), Some("Grüße"));

    // No declaration: windows-1252 bytes are detected (é, è, curly quotes).
    let page = extract_bytes(&fixture("cp1252_undeclared.html"), None, None);
    assert!(
        page.text().contains("Le café de la gare a rouvert"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("“apprécient”"), "{}", page.text());

    // An HTTP header charset beats detection.
    let page = extract_bytes(
        &fixture("latin1_declared.html"),
        Some("text/html; charset=ISO-8859-1"),
        None,
    );
    assert!(page.text().contains("dürfen"));
}

#[test]
fn url_gives_a_fallback_date() {
    let html = "<html><body><article><p>A short article body that is long enough to be kept as text, with a comma.</p></article></body></html>";
    let page = extract(html, Some("https://news.example/2021/02/03/some-story"));
    assert_eq!(page.metadata.published, NaiveDate::from_ymd_opt(2021, 2, 3));
    assert!(page.text().contains("A short article body"));
}

#[test]
fn garbage_and_truncations_never_panic() {
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for name in [
        "blog_with_comments.html",
        "news_with_teasers.html",
        "latin1_declared.html",
    ] {
        let page = fixture(name);
        for cut in (0..page.len()).step_by(13) {
            inputs.push(page[..cut].to_vec());
        }
        let mut seed = 99u64;
        for _ in 0..100 {
            let mut bytes = page.clone();
            for _ in 0..30 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let i = (seed >> 33) as usize % bytes.len();
                bytes[i] = (seed >> 13) as u8;
            }
            inputs.push(bytes);
        }
    }
    inputs.push("<div>".repeat(100_000).into_bytes());
    inputs.push("<p>".repeat(50_000).into_bytes());
    inputs.push(b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>".to_vec());
    inputs.push(b"<a href='x".to_vec());
    inputs.push(b"&#x110000;&#xD800;&;&#;".to_vec());
    for input in &inputs {
        let page = extract_bytes(input, None, Some("http://x/2020/13/45/"));
        let _ = page.text();
    }
}

#[test]
fn script_rendered_page_falls_back_to_json_ld_body() {
    let html = r#"<html><head><script type="application/ld+json">
{"@type":"NewsArticle","headline":"Bridge reopens","datePublished":"2024-01-09",
 "articleBody":"The bridge reopened on Tuesday after repairs that took eight months.\nTraffic is expected to return to normal levels by the end of the week, officials said.\nA second crossing further upstream remains closed until spring for inspections."}
</script></head><body><div id="root"></div><noscript>Please enable JavaScript.</noscript></body></html>"#;
    let page = extract(html, None);
    assert_eq!(
        page.paragraphs,
        [
            "The bridge reopened on Tuesday after repairs that took eight months.",
            "Traffic is expected to return to normal levels by the end of the week, officials said.",
            "A second crossing further upstream remains closed until spring for inspections."
        ]
    );
    assert_eq!(page.metadata.title.as_deref(), Some("Bridge reopens"));
}

#[test]
fn forum_post_in_comment_box_falls_back_to_loose_pruning() {
    // The only text sits in containers named like comments; the strict pass prunes it all.
    let post = "Seit dem Update kann ich den Store nicht mehr über das Mobilnetz erreichen, \
                obwohl ich keine Einstellungen geändert habe und das WLAN weiterhin geht.";
    // A long menu makes the posts a small share of the page, as on real forum pages.
    let menu = menu_links(60);
    let html = format!(
        "<html><body><nav><a href='/'>Start</a>{menu}</nav><main>\
         <div class='forum-comment first'><div class='commenttext'><p>{post}</p>\
         <p>{post} Hat jemand eine Idee, woran das liegen könnte?</p></div></div>\
         </main></body></html>"
    );
    let text = crosswire_extract::extract(&html, None).text();
    assert!(text.contains("Mobilnetz"), "{text}");
    assert!(!text.contains("Start"), "{text}");
}

#[test]
fn shop_description_inside_form_is_kept_when_nothing_else_is_found() {
    let desc = "Hochwertige Decke aus zwei Lagen weichem Fleece, bestickt mit einem Namen \
                deiner Wahl und einem Motiv, das du aus vielen Vorlagen auswählen kannst.";
    let menu = menu_links(80);
    let html = format!(
        "<html><body><header><a href='/'>Shop</a></header><nav>{menu}</nav>\
         <form class='product-form'><div class='desc'><p>{desc}</p><p>{desc}</p></div>\
         <button>Kaufen</button></form><footer>Impressum</footer></body></html>"
    );
    let text = crosswire_extract::extract(&html, None).text();
    assert!(text.contains("zwei Lagen"), "{text}");
    assert!(!text.contains("Impressum"), "{text}");
}

/// `n` menu entries of a site's navigation, as links.
fn menu_links(n: usize) -> String {
    (0..n)
        .map(|i| format!("<a href='/rubrik/{i}'>Rubrik Nummer {i}</a> "))
        .collect()
}
