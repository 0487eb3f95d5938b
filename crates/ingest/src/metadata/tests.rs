use super::*;
use chrono::NaiveDate;

fn raw(text: &str) -> RawDocument {
    RawDocument::text("t", "t.txt", text)
}

#[test]
fn title_date_byline_and_breadcrumb() {
    let m = from_raw(&raw(
        "You are here\n\nTurkey and Russia discuss reducing tension\n\nBy Reuters - May 15,2019 - Last updated at May 15,2019\n\nISTANBUL — Ministers discussed the region by phone on Tuesday, the ministry said in a statement today.",
    ));
    assert_eq!(m.meta.title, "Turkey and Russia discuss reducing tension");
    assert_eq!(m.meta.published, NaiveDate::from_ymd_opt(2019, 5, 15));
    assert_eq!(m.meta.byline.as_deref(), Some("Reuters"));
    assert_eq!(m.meta.wire, vec!["Reuters"]);
    assert_eq!(
        m.body,
        vec![
            "Ministers discussed the region by phone on Tuesday, the ministry said in a statement today."
        ]
    );
    let reasons: Vec<&str> = m.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(
        reasons.contains(&"metadata:before-title") && reasons.contains(&"metadata:dateline"),
        "{reasons:?}"
    );
}

#[test]
fn repeated_titles_date_line_outlet_tag_and_source() {
    let text = "Ministers Discuss Escalation\n\nMinisters Discuss Escalation\n\nMay 21 2019\n\nXYZ News: The ministers discussed in a phone call the measures that have to be taken to reduce tensions.\n\nMore text here that is a sentence of the article body, long enough.\n\nSource: Daily Example";
    let m = from_raw(&raw(text));
    assert_eq!(m.meta.title, "Ministers Discuss Escalation");
    assert_eq!(m.meta.published, NaiveDate::from_ymd_opt(2019, 5, 21));
    assert_eq!(m.meta.outlet.as_deref(), Some("XYZ News"));
    assert_eq!(m.meta.wire, vec!["Daily Example"]);
    assert_eq!(m.body.len(), 2);
    assert!(m.body[0].starts_with("The ministers discussed"));
}

#[test]
fn photo_credit_and_container_metadata() {
    let mut r = raw(
        "PHOTO: Some Agency\n\nBody paragraph with enough words to be the body of this article.",
    );
    r.title = Some("Given title".into());
    r.url = Some("https://www.example-news.com/2019/05/21/story".into());
    r.published = Some("2019-05-21T08:00:00Z".into());
    let m = from_raw(&r);
    assert_eq!(m.meta.title, "Given title");
    assert_eq!(m.meta.outlet.as_deref(), Some("example-news.com"));
    assert_eq!(m.meta.published, NaiveDate::from_ymd_opt(2019, 5, 21));
    assert_eq!(m.body.len(), 1);
    assert_eq!(m.removed[0].reason, "metadata:photo-credit");
}

#[test]
fn labels_are_not_outlets_and_prose_is_not_a_dateline() {
    let m = from_raw(&raw(
        "Title of a story here\n\nUPDATE: The ministry said more people were evacuated from the area on Monday night.",
    ));
    assert_eq!(m.meta.outlet, None);
    let m = from_raw(&raw(
        "Title of a story here\n\nThe talks - which began Monday - ended without a deal between the two sides today.",
    ));
    assert!(m.body[0].starts_with("The talks"));
}

#[test]
fn without_a_title_line_the_lead_paragraphs_stay_in_the_body() {
    // A feed item whose text is the body alone: the lead is a long sentence, a short
    // paragraph follows. Neither is a title, and nothing is taken out as chrome.
    let lead = "LONDON _ Ministers of both countries met in the capital on Tuesday to discuss \
                the trade dispute that has delayed shipments for months, officials said.";
    let text =
        format!("{lead}\n\nTalks resume Friday, 2nd graf\n\nA third paragraph follows here.");
    let m = from_raw(&raw(&text));
    // The wire dateline ("LONDON _") is metadata, not the lead's first words.
    assert!(
        m.body[0].starts_with("Ministers of both countries"),
        "{:?}",
        m.body
    );
    assert_eq!(m.body.len(), 3, "{:?}", m.removed);
    assert!(
        m.removed
            .iter()
            .all(|r| r.reason != "metadata:before-title")
    );
    assert_ne!(m.meta.title, "Talks resume Friday, 2nd graf");
    // Nor is a title guessed from the lead after cleaning.
    let mut meta = m.meta.clone();
    complete(&mut meta, &m.body, &m.removed);
    assert_eq!(meta.title, "");
}

#[test]
fn escaped_text_is_decoded_and_plain_ampersands_stay() {
    assert_eq!(
        decode_references("Don&#39;t &quot;wait&quot; &mdash; AT&amp;T &#x27;s"),
        "Don't \"wait\" \u{2014} AT&T 's"
    );
    for plain in ["AT&T and R&D; S&P 500", "a & b", "&unknown; & &#;"] {
        assert_eq!(decode_references(plain), plain);
    }
    assert!(matches!(
        decode_references("AT&T, a & b"),
        std::borrow::Cow::Borrowed(_)
    ));
    let meta = from_raw(&raw(
        "Officials&#39; talks\n\nThe minister&rsquo;s plan was approved by the cabinet on Monday after a long debate.",
    ));
    assert_eq!(meta.meta.title, "Officials' talks");
    assert!(meta.body[0].starts_with("The minister\u{2019}s plan"));
}
