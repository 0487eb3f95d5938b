//! RSS (0.9x/2.0, 1.0/RDF) and Atom feeds: each `<item>`/`<entry>` becomes a
//! [`SourceKind::Feed`] document.
//!
//! Fields: link (RSS `<link>`, Atom `<link href>` preferring `rel="alternate"`), title,
//! date (`pubDate`, `dc:date`, Atom `published`, else `updated`), body (`content:encoded`,
//! Atom `content`, else `description`/`summary`), outlet (the channel/feed title). HTML in
//! the body is turned into plain paragraphs by [`crosswire_extract::html_fragment_text`].
//! The XML is streamed with `quick-xml`, so a large feed is never held whole; a malformed
//! feed reports where parsing stopped and keeps the items read before.

use std::io::BufRead;

use crosswire_model::{RawDocument, SourceKind};
use quick_xml::events::Event;

use super::{Emit, Format};
use crate::InputProblem;

/// RSS and Atom feeds.
pub struct Feed;

impl Format for Feed {
    fn name(&self) -> &'static str {
        "feed"
    }

    fn claims(&self, lower_name: &str) -> bool {
        [".rss", ".atom", ".rdf", ".xml"]
            .iter()
            .any(|e| lower_name.ends_with(e))
    }

    fn sniff(&self, head: &[u8]) -> bool {
        let head = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
        head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        read_feed(origin, stem, input, emit);
    }
}

/// The fields of one item while it is being read.
#[derive(Default)]
struct Item {
    title: String,
    link: Option<String>,
    alternate_link: bool,
    guid: Option<String>,
    published: Option<String>,
    updated: Option<String>,
    content: String,
    description: String,
    author: String,
}

/// Which item field the current text belongs to.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Content,
    Description,
    Author,
    FeedTitle,
}

fn field_for(name: &str, in_item: bool) -> Option<Field> {
    if !in_item {
        return (name == "title").then_some(Field::FeedTitle);
    }
    Some(match name {
        "title" => Field::Title,
        "link" => Field::Link,
        "guid" | "id" => Field::Guid,
        "pubdate" | "dc:date" | "published" | "issued" => Field::Published,
        "updated" | "modified" | "dc:modified" => Field::Updated,
        "content:encoded" | "content" => Field::Content,
        "description" | "summary" => Field::Description,
        "author" | "dc:creator" | "name" => Field::Author,
        _ => return None,
    })
}

/// Stream a feed and emit one document per item.
pub fn read_feed(origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
    let mut reader = quick_xml::Reader::from_reader(input);
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut feed_title = String::new();
    let mut item: Option<Item> = None;
    // The field being captured and the element depth it started at.
    let mut capture: Option<(Field, usize)> = None;
    let mut depth = 0usize;
    let mut count = 0usize;
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(e) => e,
            Err(e) => {
                emit(Err(InputProblem::new(
                    origin,
                    format!(
                        "malformed feed at byte {}: {e}; items after it are lost",
                        reader.buffer_position()
                    ),
                )));
                break;
            }
        };
        let is_start = matches!(event, Event::Start(_));
        match event {
            Event::Start(e) | Event::Empty(e) if capture.is_none() => {
                let name = e.name().as_ref().to_ascii_lowercase();
                if name == "item" || name == "entry" {
                    item = Some(Item::default());
                } else if let Some(it) = item.as_mut().filter(|_| name == "link") {
                    // Atom links carry the URL in attributes.
                    let mut href = None;
                    let mut rel = None;
                    for a in e.attributes().flatten() {
                        let v = a.value.replace("&amp;", "&");
                        match a.key.as_ref() {
                            "href" => href = Some(v),
                            "rel" => rel = Some(v),
                            _ => {}
                        }
                    }
                    if let Some(h) = href {
                        let alternate = rel.as_deref().is_none_or(|r| r == "alternate");
                        if it.link.is_none() || alternate && !it.alternate_link {
                            it.link = Some(h);
                            it.alternate_link = alternate;
                        }
                    }
                }
                if let Some(f) = field_for(&name, item.is_some()).filter(|_| is_start)
                    && (f != Field::FeedTitle || feed_title.is_empty())
                {
                    capture = Some((f, depth));
                }
                if is_start {
                    depth += 1;
                }
            }
            Event::Start(_) => depth += 1,
            Event::Empty(_) => {}
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if capture.is_some_and(|(_, d)| d == depth) {
                    capture = None;
                }
                let name = e.name().as_ref().to_ascii_lowercase();
                if (name == "item" || name == "entry")
                    && capture.is_none()
                    && let Some(it) = item.take()
                {
                    count += 1;
                    emit(finish(origin, stem, count, it, &feed_title));
                }
            }
            Event::Text(t) => append(&mut item, &mut feed_title, capture, &t.xml10_content()),
            Event::CData(t) => append(&mut item, &mut feed_title, capture, &t),
            Event::GeneralRef(r) => {
                // Entity references arrive between text events. XML's own five and
                // character references are resolved; HTML names (`&nbsp;`) are kept as
                // written for the HTML decoder that reads item bodies.
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => format!("&{other};"),
                    },
                };
                append(&mut item, &mut feed_title, capture, &text);
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if count == 0 {
        emit(Err(InputProblem::new(origin, "feed has no items")));
    }
}

fn append(
    item: &mut Option<Item>,
    feed_title: &mut String,
    capture: Option<(Field, usize)>,
    text: &str,
) {
    let Some((field, _)) = capture else {
        return;
    };
    if field == Field::FeedTitle {
        feed_title.push_str(text);
        return;
    }
    let Some(it) = item.as_mut() else {
        return;
    };
    let target = match field {
        Field::Title => &mut it.title,
        Field::Link => it.link.get_or_insert_with(String::new),
        Field::Guid => it.guid.get_or_insert_with(String::new),
        Field::Published => it.published.get_or_insert_with(String::new),
        Field::Updated => it.updated.get_or_insert_with(String::new),
        Field::Content => &mut it.content,
        Field::Description => &mut it.description,
        Field::Author => &mut it.author,
        Field::FeedTitle => return,
    };
    target.push_str(text);
}

fn finish(
    origin: &str,
    stem: &str,
    n: usize,
    it: Item,
    feed_title: &str,
) -> Result<RawDocument, InputProblem> {
    let at = format!("{origin}#{n}");
    let body = if it.content.trim().is_empty() {
        &it.description
    } else {
        &it.content
    };
    let text = crosswire_extract::html_fragment_text(body);
    if text.trim().is_empty() {
        return Err(InputProblem::new(&at, "feed item has no text; skipped"));
    }
    let clean = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let link = it.link.as_deref().and_then(clean);
    let title = clean(&crosswire_extract::html_fragment_text(&it.title));
    Ok(RawDocument {
        id: it
            .guid
            .as_deref()
            .and_then(clean)
            .or_else(|| link.clone())
            .unwrap_or_else(|| format!("{stem}#{n}")),
        origin: at,
        kind: SourceKind::Feed,
        text,
        title,
        url: link,
        published: it
            .published
            .as_deref()
            .and_then(clean)
            .or_else(|| it.updated.as_deref().and_then(clean)),
        outlet: clean(feed_title),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str) -> (Vec<RawDocument>, Vec<InputProblem>) {
        let (mut docs, mut problems) = (Vec::new(), Vec::new());
        let mut input = std::io::BufReader::new(xml.as_bytes());
        read_feed("f.xml", "f", &mut input, &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(p) => problems.push(p),
        });
        (docs, problems)
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example Daily</title>
  <link>https://daily.example/</link>
  <item>
    <title>Council approves &amp; funds new bridge</title>
    <link>https://daily.example/2024/03/05/bridge?a=1&amp;b=2</link>
    <guid isPermaLink="false">bridge-42</guid>
    <pubDate>Tue, 05 Mar 2024 09:30:00 +0100</pubDate>
    <dc:creator>Jane Roe</dc:creator>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The council voted 7&ndash;2 on Monday.</p><p>Work starts in May.</p><script>x()</script>]]></content:encoded>
  </item>
  <item>
    <title>Only a description</title>
    <link>https://daily.example/b</link>
    <description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body &amp;amp; more.&lt;/p&gt;</description>
  </item>
  <item><title>No body at all</title><link>https://daily.example/c</link></item>
</channel>
</rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Atom Outlet</title>
  <entry>
    <title>Entry one</title>
    <link rel="self" href="https://atom.example/feed/1"/>
    <link rel="alternate" type="text/html" href="https://atom.example/one"/>
    <id>urn:uuid:1</id>
    <updated>2024-02-02T10:00:00Z</updated>
    <published>2024-02-01T08:00:00Z</published>
    <author><name>A. Writer</name></author>
    <summary>Summary only used without content.</summary>
    <content type="html">&lt;p&gt;First paragraph.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Entry two</title>
    <link href="https://atom.example/two"/>
    <updated>2024-02-03T10:00:00Z</updated>
    <summary>Plain summary text.</summary>
  </entry>
</feed>"#;

    #[test]
    fn rss_items_become_documents() {
        let (docs, problems) = read(RSS);
        assert_eq!(docs.len(), 2, "{problems:?}");
        let d = &docs[0];
        assert_eq!(d.kind, SourceKind::Feed);
        assert_eq!(d.id, "bridge-42");
        assert_eq!(
            d.title.as_deref(),
            Some("Council approves & funds new bridge")
        );
        assert_eq!(
            d.url.as_deref(),
            Some("https://daily.example/2024/03/05/bridge?a=1&b=2")
        );
        assert_eq!(
            d.published.as_deref(),
            Some("Tue, 05 Mar 2024 09:30:00 +0100")
        );
        assert_eq!(d.outlet.as_deref(), Some("Example Daily"));
        assert_eq!(
            d.text,
            "The council voted 7\u{2013}2 on Monday.\n\nWork starts in May."
        );
        assert_eq!(docs[1].text, "Escaped HTML body & more.");
        assert_eq!(docs[1].id, "https://daily.example/b");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("f.xml#3"));
    }

    #[test]
    fn atom_entries_become_documents() {
        let (docs, problems) = read(ATOM);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].url.as_deref(), Some("https://atom.example/one"));
        assert_eq!(docs[0].published.as_deref(), Some("2024-02-01T08:00:00Z"));
        assert_eq!(docs[0].text, "First paragraph.\n\nSecond paragraph.");
        assert_eq!(docs[0].outlet.as_deref(), Some("Atom Outlet"));
        assert_eq!(docs[1].published.as_deref(), Some("2024-02-03T10:00:00Z"));
        assert_eq!(docs[1].text, "Plain summary text.");
        assert_eq!(docs[1].id, "https://atom.example/two");
    }

    #[test]
    fn broken_feeds_report_and_keep_earlier_items() {
        let cut = &RSS[..RSS.find("<item><title>No body").unwrap_or(RSS.len()) + 12];
        let (docs, _) = read(cut);
        assert_eq!(docs.len(), 2);
        let (docs, problems) = read("<rss><channel><item><title>x</title></chan");
        assert!(docs.is_empty());
        assert!(!problems.is_empty());
        for n in (0..ATOM.len()).step_by(5) {
            if let Some(prefix) = ATOM.get(..n) {
                let _ = read(prefix);
            }
        }
    }
}
