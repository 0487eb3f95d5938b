//! Metadata from the text of an article: title, publication date, byline, outlet tag,
//! dateline and wire attribution. Lines that are metadata move into [`Metadata`] fields and
//! are recorded as removals (`metadata:*`), so they do not pollute the body.
//!
//! Two passes: [`from_raw`] before cleaning (header and trailer lines, which the cleaner
//! could mistake for content or drop without reading), and [`complete`] after cleaning
//! (wire attribution inside the body, outlet self-references in removed boilerplate).

mod attribution;
mod blocks;
pub mod dates;

use crosswire_model::{Metadata, RawDocument, Removal, SourceKind};
use crosswire_text::{fold, is_stopword, split_dateline, word_count, words};

pub use attribution::{WIRE_SERVICES, outlet_from_boilerplate, wire_from_body};
pub use blocks::blocks;
pub use crosswire_extract::entities::decode_complete_references as decode_references;
pub use dates::{find_date, parse_date};

/// What the first pass found: metadata, the remaining body blocks, and what it removed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextMeta {
    pub meta: Metadata,
    pub body: Vec<String>,
    pub removed: Vec<Removal>,
    /// Words of the document as a reader would see it whole (for HTML: all visible text of
    /// the page, not the markup), the base of the "boilerplate removed" share.
    pub raw_words: usize,
}

impl TextMeta {
    /// Record `text` as taken out of the body for `reason`.
    fn note_removed(&mut self, text: String, reason: &str) {
        self.removed.push(Removal {
            text,
            reason: reason.to_string(),
        });
    }

    /// Take body block `i` out, recording why; returns its text.
    fn take_block(&mut self, i: usize, reason: &str) -> String {
        let text = self.body.remove(i);
        self.note_removed(text.clone(), reason);
        text
    }
}

/// How many leading blocks may hold header metadata (title, date, byline lines).
const HEADER_BLOCKS: usize = 8;
/// Header metadata lines are short; longer blocks are body text.
const HEADER_MAX_WORDS: usize = 20;

/// First pass over a raw document: container metadata (for HTML, main-content extraction and
/// page metadata), then title, header and trailer lines.
pub fn from_raw(raw: &RawDocument) -> TextMeta {
    let container = Metadata {
        url: raw.url.clone(),
        published: raw.published.as_deref().and_then(parse_date),
        outlet: raw.outlet.clone().filter(|o| !o.trim().is_empty()),
        ..Metadata::default()
    };
    let mut out = match raw.kind {
        SourceKind::Html => from_html(raw, container),
        _ => {
            // Scraped text often arrives still escaped: `don&#39;t` would read as the words
            // "don", "39" and "t".
            let text = decode_references(&raw.text);
            TextMeta {
                meta: container,
                body: blocks(&text),
                removed: Vec::new(),
                raw_words: word_count(&text),
            }
        }
    };
    match raw
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        Some(t) => out.meta.title = t.to_string(),
        None if out.meta.title.is_empty() => take_title(&mut out),
        None => {}
    }
    drop_title_repeats(&mut out);
    take_header_lines(&mut out);
    take_trailer_lines(&mut out);
    take_lead_tags(&mut out);
    if out.meta.outlet.is_none() {
        out.meta.outlet = raw.url.as_deref().and_then(outlet_from_url);
    }
    out
}

/// An HTML page: the extractor's paragraphs are the body; page metadata fills what the
/// container did not give, except the date, where the page's own date wins over a crawl
/// date (a WARC-Date is when the page was fetched, only a fallback).
fn from_html(raw: &RawDocument, container: Metadata) -> TextMeta {
    // One parse serves both the extraction and the count of everything a reader sees.
    let dom = crosswire_extract::dom::Dom::parse(&raw.text);
    let extracted = crosswire_extract::extract_dom(&dom, raw.url.as_deref());
    let page = extracted.metadata.to_model(raw.url.as_deref());
    let visible_words = crosswire_extract::visible::visible_word_count(&dom);
    TextMeta {
        meta: Metadata {
            title: page.title,
            url: container.url.or(page.url),
            published: page.published.or(container.published),
            byline: page.byline,
            outlet: container.outlet.or(page.outlet),
            wire: page.wire,
            language: page.language,
        },
        raw_words: visible_words.max(extracted.paragraphs.iter().map(|p| word_count(p)).sum()),
        // An extracted "paragraph" can hold several (a text container broken by <br><br>):
        // the cleaner judges one block per line, and a whole article as one block is outside
        // everything it learned (it removed such articles whole).
        body: extracted
            .paragraphs
            .iter()
            .flat_map(|p| blocks(p))
            .collect(),
        removed: Vec::new(),
    }
}

/// Second pass, after cleaning: wire attribution from the body, outlet from boilerplate that
/// names the site. A missing title stays empty: nothing was given, and a guess would count
/// as an editor's headline downstream (lists and digests show
/// [`crosswire_text::derived_headline`] instead).
pub fn complete(meta: &mut Metadata, body: &[String], removed: &[Removal]) {
    for w in wire_from_body(body) {
        if !meta.wire.iter().any(|x| fold(x) == fold(&w)) {
            meta.wire.push(w);
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = outlet_from_boilerplate(removed.iter().map(|r| r.text.as_str()));
    }
}

/// A line can be a title: a few words, at least two of them content words, not a sentence
/// ending in a period, not a date line.
fn title_worthy(line: &str) -> bool {
    let n = word_count(line);
    let content = words(line)
        .iter()
        .filter(|t| !is_stopword(&t.text.to_lowercase()))
        .count();
    (2..=30).contains(&n)
        && content >= 2
        && find_date(line).is_none_or(|(_, r)| r.len() * 2 < line.len())
}

/// A block of running text, which no title comes after: a sentence of some length
/// ending in a period, or longer than any title.
fn is_prose(block: &str) -> bool {
    let n = word_count(block);
    let ends_sentence = block
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with(['.', '!', '?']);
    n > 30 || (n >= 8 && ends_sentence)
}

fn take_title(out: &mut TextMeta) {
    // The title is the first title-worthy block of the header, unless running text comes
    // first: then the document has no title line (a feed item whose text is the body
    // alone), and the lead paragraphs are the article, not chrome before a title.
    let found = out
        .body
        .iter()
        .take(HEADER_BLOCKS)
        .take_while(|b| !is_prose(b))
        .position(|b| title_worthy(b));
    if let Some(i) = found {
        // Blocks before the title (breadcrumbs, "You are here") are page chrome.
        for _ in 0..i {
            out.take_block(0, "metadata:before-title");
        }
        out.meta.title = out.take_block(0, "metadata:title");
    }
}

fn drop_title_repeats(out: &mut TextMeta) {
    if out.meta.title.is_empty() {
        return;
    }
    let title = fold(&out.meta.title);
    let mut i = 0;
    while i < out.body.len().min(HEADER_BLOCKS) {
        if fold(&out.body[i]) == title {
            out.take_block(i, "metadata:repeated-title");
        } else {
            i += 1;
        }
    }
}

/// Date, byline and photo-credit lines at the top.
fn take_header_lines(out: &mut TextMeta) {
    let mut i = 0;
    while i < out.body.len().min(HEADER_BLOCKS) {
        let line = out.body[i].trim();
        if word_count(line) > HEADER_MAX_WORDS {
            break;
        }
        let reason = if let Some(credit) = photo_credit(line) {
            let _ = credit;
            Some("metadata:photo-credit")
        } else if let Some(by) = byline(line) {
            if WIRE_SERVICES.iter().any(|w| fold(w) == fold(&by)) && !out.meta.wire.contains(&by) {
                out.meta.wire.push(by.clone());
            }
            out.meta.byline.get_or_insert(by);
            if let Some((d, _)) = find_date(line) {
                out.meta.published.get_or_insert(d);
            }
            Some("metadata:byline")
        } else if let Some((d, r)) = find_date(line) {
            // A date line: mostly the date, perhaps with "Updated"/"Published" words.
            let rest = word_count(&line[..r.start]) + word_count(&line[r.end..]);
            if rest <= 6 {
                out.meta.published.get_or_insert(d);
                Some("metadata:date")
            } else {
                None
            }
        } else {
            None
        };
        match reason {
            Some(r) => {
                out.take_block(i, r);
            }
            None => i += 1,
        }
    }
}

/// "PHOTO: Kurdistan24", "Photo credit: AFP", "(Image: Getty)".
fn photo_credit(line: &str) -> Option<&str> {
    let l = line.trim_start_matches('(');
    let lower = l.to_lowercase();
    for p in [
        "photo credit",
        "photo",
        "image credit",
        "image",
        "picture",
        "credit",
        "file photo",
    ] {
        if let Some(rest) = lower.strip_prefix(p) {
            let rest = rest.trim_start();
            if (rest.starts_with(':') || rest.starts_with('/')) && word_count(line) <= 8 {
                return Some(line);
            }
        }
    }
    None
}

/// "By Reuters - May 15,2019 - ..." → "Reuters"; "By Jane Doe | Staff" → "Jane Doe".
fn byline(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?;
    let name: String = rest
        .split([' ', '\t'])
        .take_while(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "-" | "|" | "—" | "–" | "/" | "on" | "and" | "updated" | "Updated"
                )
        })
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    let name = name.trim_end_matches([',', '.', ':']).to_string();
    let capitalized = name
        .split(' ')
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    (!name.is_empty() && capitalized && find_date(&name).is_none()).then_some(name)
}

/// "Source: Asharq Al-Awsat" and similar credit lines at the end.
fn take_trailer_lines(out: &mut TextMeta) {
    let mut k = 0;
    while k < 4 && k < out.body.len() {
        let i = out.body.len() - 1 - k;
        let line = out.body[i].trim();
        let credit = ["Source:", "Source -", "SOURCE:", "Sources:", "Source :"]
            .iter()
            .find_map(|p| line.strip_prefix(p))
            .map(str::trim)
            .filter(|s| (1..=6).contains(&word_count(s)) && !s.ends_with('.'));
        if let Some(s) = credit {
            let s = s.to_string();
            if !out.meta.wire.contains(&s) {
                out.meta.wire.push(s);
            }
            out.take_block(i, "metadata:source");
        } else {
            k += 1;
        }
    }
}

/// Words that open a paragraph with a colon but are labels, not outlets.
const LABELS: &[&str] = &[
    "analysis",
    "breaking",
    "comment",
    "editor's note",
    "exclusive",
    "factbox",
    "live",
    "note",
    "opinion",
    "read more",
    "related",
    "update",
    "updated",
    "video",
    "watch",
];

/// A leading outlet tag ("ARK News: Turkish ...") and a dateline ("ISTANBUL —",
/// "WASHINGTON (AP) --") on the first body paragraphs.
fn take_lead_tags(out: &mut TextMeta) {
    for i in 0..out.body.len().min(3) {
        let para = out.body[i].clone();
        if word_count(&para) < 12 {
            continue;
        }
        if let Some((tag, rest)) = outlet_tag(&para) {
            if out.meta.outlet.is_none() {
                out.meta.outlet = Some(tag.to_string());
            }
            out.note_removed(format!("{tag}:"), "metadata:outlet-tag");
            out.body[i] = rest.to_string();
        } else if let Some(d) = split_dateline(&para) {
            if let Some(a) = d.agency
                && !out.meta.wire.iter().any(|w| w == a)
            {
                out.meta.wire.push(a.to_string());
            }
            out.note_removed(d.head.to_string(), "metadata:dateline");
            out.body[i] = d.rest.to_string();
        }
        break;
    }
}

fn outlet_tag(para: &str) -> Option<(&str, &str)> {
    let colon = para.find(": ")?;
    let tag = &para[..colon];
    let rest = para[colon + 2..].trim_start();
    let n = word_count(tag);
    let capitalized = tag.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    let starts_sentence = rest.chars().next().is_some_and(char::is_uppercase);
    (capitalized
        && (1..=4).contains(&n)
        && starts_sentence
        && !LABELS.contains(&tag.to_lowercase().as_str())
        && !tag.contains('"'))
    .then_some((tag, rest))
}

/// `https://www.example-news.com/a/b` → `example-news.com`.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = url
        .split("://")
        .nth(1)?
        .split(['/', '?', '#'])
        .next()?
        .split(':')
        .next()?;
    let host = host.strip_prefix("www.").unwrap_or(host).to_lowercase();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests;
