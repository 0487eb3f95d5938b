//! JSONL: one article per line. The canonical fields are `{"id", "title", "text", "url"?,
//! "published"?, "outlet"?}`; the names that common datasets and news APIs use for the same
//! parts are read too (news-please / Common Crawl News `maintext`, `date_publish`,
//! `source_domain`; `content`, `body`, `headline`, `link`, a `source` object with a
//! `name`...), a date may be a Unix timestamp, and a text that is an HTML page or fragment
//! (or an `html` field) goes to main-content extraction. Unknown fields are ignored; a bad
//! line is reported with its number and skipped.

use std::io::BufRead;

use crosswire_model::{RawDocument, SourceKind};
use serde_json::{Map, Value};

use super::{Emit, Format};
use crate::InputProblem;

/// JSON Lines articles (`.jsonl`, `.ndjson`).
pub struct Jsonl;

/// The field names read for each part of an article, first present (non-empty) wins: the
/// article text, else the page's HTML, else a teaser.
const TEXT_FIELDS: &[&str] = &["text", "maintext", "content", "body", "article"];
const HTML_FIELDS: &[&str] = &["html", "raw_html", "content_html"];
const TEASER_FIELDS: &[&str] = &["description", "summary"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date_publish",
    "published_at",
    "publish_date",
    "pubDate",
    "date",
    "datetime",
    "timestamp",
];
const URL_FIELDS: &[&str] = &["url", "link"];
const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "source_domain",
    "source",
    "site_name",
    "publisher",
    "domain",
];

/// The first of `names` that holds a non-empty string (or an object with a non-empty
/// `name`, as news APIs give their `source`).
fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|&name| match obj.get(name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Object(o) => match o.get("name") {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
            _ => None,
        },
        _ => None,
    })
}

/// The publication date: a date string as given (parsed later, with the text's dates), or a
/// Unix timestamp (seconds, or milliseconds past 1e11) as an RFC 3339 date-time.
fn date_field(obj: &Map<String, Value>) -> Option<String> {
    DATE_FIELDS.iter().find_map(|&name| match obj.get(name)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => {
            let n = n.as_f64()?;
            let secs = if n.abs() >= 1e11 { n / 1000.0 } else { n };
            chrono::DateTime::from_timestamp(secs as i64, 0).map(|t| t.to_rfc3339())
        }
        _ => None,
    })
}

/// Whether a text field holds HTML markup rather than text: a page, or a fragment with
/// paragraph, break or division tags (any case).
fn looks_like_html(text: &str) -> bool {
    const TAGS: [&[u8]; 7] = [
        b"<!doctype",
        b"<html",
        b"<p>",
        b"<p ",
        b"</p>",
        b"<br",
        b"<div",
    ];
    let bytes = text.as_bytes();
    text.match_indices('<').any(|(i, _)| {
        TAGS.iter().any(|tag| {
            bytes
                .get(i..i + tag.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(tag))
        })
    })
}

impl Format for Jsonl {
    fn name(&self) -> &'static str {
        "jsonl"
    }

    fn claims(&self, lower_name: &str) -> bool {
        lower_name.ends_with(".jsonl") || lower_name.ends_with(".ndjson")
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let first = head.iter().find(|b| !b.is_ascii_whitespace());
        first == Some(&b'{')
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        let mut buf = Vec::new();
        let mut number = 0usize;
        loop {
            buf.clear();
            number += 1;
            match input.read_until(b'\n', &mut buf) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    emit(Err(InputProblem::new(
                        origin,
                        format!("cannot read line {number}: {e}"),
                    )));
                    break;
                }
            }
            let at = format!("{origin}:{number}");
            let Ok(line) = std::str::from_utf8(&buf) else {
                emit(Err(InputProblem::new(&at, "line is not valid UTF-8")));
                continue;
            };
            if line.trim().is_empty() {
                continue;
            }
            let obj = match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(obj)) => obj,
                Ok(_) => {
                    emit(Err(InputProblem::new(
                        &at,
                        "bad JSON article: not a JSON object",
                    )));
                    continue;
                }
                Err(e) => {
                    emit(Err(InputProblem::new(
                        &at,
                        format!("bad JSON article: {e}"),
                    )));
                    continue;
                }
            };
            let text = field(&obj, TEXT_FIELDS)
                .map(|t| (false, t))
                .or_else(|| field(&obj, HTML_FIELDS).map(|h| (true, h)))
                .or_else(|| field(&obj, TEASER_FIELDS).map(|t| (false, t)));
            let (kind, text) = match text {
                Some((html, text)) if html || looks_like_html(&text) => (SourceKind::Html, text),
                Some((_, text)) => (SourceKind::Jsonl, text),
                None => {
                    emit(Err(InputProblem::new(
                        &at,
                        format!(
                            "article has no text (no non-empty {} field)",
                            TEXT_FIELDS
                                .iter()
                                .chain(HTML_FIELDS)
                                .chain(TEASER_FIELDS)
                                .map(|f| format!("`{f}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    )));
                    continue;
                }
            };
            let id = match obj.get("id") {
                Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => format!("{stem}-{number}"),
            };
            emit(Ok(RawDocument {
                id,
                origin: at,
                kind,
                text,
                title: field(&obj, TITLE_FIELDS),
                url: field(&obj, URL_FIELDS),
                published: date_field(&obj),
                outlet: field(&obj, OUTLET_FIELDS),
            }));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(lines: &str) -> Vec<Result<RawDocument, InputProblem>> {
        let mut got = Vec::new();
        Jsonl.read("f.jsonl", "f", &mut lines.as_bytes(), &mut |r| got.push(r));
        got
    }

    fn doc(line: &str) -> RawDocument {
        read(line).remove(0).expect("read")
    }

    #[test]
    fn canonical_fields() {
        let d = doc(
            r#"{"id": "a1", "title": "T", "text": "Body.", "url": "https://x.example/1", "published": "2024-03-05", "outlet": "X", "extra": [1]}"#,
        );
        assert_eq!((d.id.as_str(), d.kind), ("a1", SourceKind::Jsonl));
        assert_eq!(d.title.as_deref(), Some("T"));
        assert_eq!(d.text, "Body.");
        assert_eq!(d.url.as_deref(), Some("https://x.example/1"));
        assert_eq!(d.published.as_deref(), Some("2024-03-05"));
        assert_eq!(d.outlet.as_deref(), Some("X"));
    }

    /// news-please / Common Crawl News records and news-API records read as articles.
    #[test]
    fn dataset_and_api_field_names() {
        let d = doc(
            r#"{"title": "T", "maintext": "Body.", "date_publish": "2019-05-15 10:20:00", "source_domain": "example.com", "authors": []}"#,
        );
        assert_eq!(d.text, "Body.");
        assert_eq!(d.published.as_deref(), Some("2019-05-15 10:20:00"));
        assert_eq!(d.outlet.as_deref(), Some("example.com"));
        assert_eq!(d.id, "f-1", "no id: file stem and line");
        let d = doc(
            r#"{"id": 7, "headline": "H", "content": "Body.", "link": "https://y.example", "source": {"id": null, "name": "Wire"}}"#,
        );
        assert_eq!(d.id, "7");
        assert_eq!(d.title.as_deref(), Some("H"));
        assert_eq!(d.url.as_deref(), Some("https://y.example"));
        assert_eq!(d.outlet.as_deref(), Some("Wire"));
        let d = doc(r#"{"description": "Only a teaser.", "title": ""}"#);
        assert_eq!((d.text.as_str(), d.title), ("Only a teaser.", None));
    }

    #[test]
    fn unix_timestamps_in_seconds_or_milliseconds() {
        for line in [
            r#"{"text": "x", "published": 1557915600}"#,
            r#"{"text": "x", "timestamp": 1557915600000}"#,
        ] {
            let d = doc(line);
            let date = d.published.as_deref().and_then(crate::metadata::parse_date);
            assert_eq!(date, chrono::NaiveDate::from_ymd_opt(2019, 5, 15), "{line}");
        }
    }

    #[test]
    fn html_goes_to_extraction() {
        let d = doc(r#"{"text": "<p>First paragraph.</p><p>Second.</p>"}"#);
        assert_eq!(d.kind, SourceKind::Html);
        let d = doc(r#"{"html": "<!DOCTYPE html><html><body><p>x</p></body></html>"}"#);
        assert_eq!(d.kind, SourceKind::Html);
        let d = doc(r#"{"text": "Plain, with a < b and <3 but no tags.", "html": "<p>x</p>"}"#);
        assert_eq!(
            d.kind,
            SourceKind::Jsonl,
            "extracted text wins over the page"
        );
    }

    #[test]
    fn lines_without_text_or_not_objects_are_reported() {
        let got = read("{\"title\": \"T\", \"text\": \"  \"}\n[1, 2]\n\n{\"text\": \"ok\"}\n");
        assert_eq!(got.len(), 3);
        let no_text = got[0].as_ref().unwrap_err();
        assert_eq!(no_text.origin, "f.jsonl:1");
        assert!(
            no_text.to_string().contains("no non-empty `text`"),
            "{no_text}"
        );
        assert!(
            got[1]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("not a JSON object")
        );
        assert_eq!(got[2].as_ref().expect("ok").id, "f-4");
    }
}
