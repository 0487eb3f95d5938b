//! Page metadata: title, publication date, authors, outlet, canonical URL, language.
//!
//! Sources in order of trust: schema.org JSON-LD (`headline`, `datePublished`, `author`,
//! `publisher`), Open Graph / article / Dublin Core `<meta>` tags, `<link rel=canonical>`,
//! `<html lang>`, then weaker page evidence (`<time datetime>`, a single `<h1>`, the
//! `<title>` minus its site suffix, a date in the URL path). A field nobody states stays
//! empty.

use chrono::NaiveDate;
use serde::Serialize;

use crate::dom::{Dom, NodeData, collapse_ws};

/// What the page says about itself. Every field is optional: nothing is guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl PageMetadata {
    /// Map onto the pipeline's [`crosswire_model::Metadata`]; `url` is the fetch URL, used
    /// when the page names no canonical URL.
    pub fn to_model(&self, url: Option<&str>) -> crosswire_model::Metadata {
        crosswire_model::Metadata {
            title: self.title.clone().unwrap_or_default(),
            url: self
                .canonical_url
                .clone()
                .or_else(|| url.map(str::to_string)),
            published: self.published,
            byline: (!self.authors.is_empty()).then(|| self.authors.join(", ")),
            outlet: self.outlet.clone(),
            wire: Vec::new(),
            language: self.language.clone(),
        }
    }
}

/// Parse the date part of the date formats pages and feeds use: ISO 8601 (`2019-05-21`,
/// `2019-05-21T10:00:00+02:00`), `2019/05/21`, `21.05.2019`, and RFC 2822
/// (`Tue, 21 May 2019 10:00:00 GMT`). Implausible years (before 1990 or after 2100) are
/// rejected.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let plausible = |d: NaiveDate| {
        use chrono::Datelike;
        (1990..=2100).contains(&d.year()).then_some(d)
    };
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return plausible(dt.date_naive());
    }
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = s.get(from..from + len)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    // YYYY-MM-DD or YYYY/MM/DD at the start.
    if b.len() >= 10
        && matches!(b.get(4), Some(b'-' | b'/' | b'.'))
        && b.get(7) == b.get(4)
        && let (Some(y), Some(m), Some(d)) = (num(0, 4), num(5, 2), num(8, 2))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible);
    }
    // YYYYMMDD
    if b.len() >= 8
        && b[..8].iter().all(u8::is_ascii_digit)
        && b.get(8).is_none_or(|c| !c.is_ascii_digit())
        && let (Some(y), Some(m), Some(d)) = (num(0, 4), num(4, 2), num(6, 2))
    {
        return NaiveDate::from_ymd_opt(y as i32, m, d).and_then(plausible);
    }
    // DD.MM.YYYY (German and others).
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .next()?
        .split('.')
        .collect();
    if parts.len() >= 3
        && let (Ok(d), Ok(m), Ok(y)) = (
            parts[0].parse::<u32>(),
            parts[1].parse::<u32>(),
            parts[2].parse::<i32>(),
        )
        && parts[2].len() == 4
    {
        return NaiveDate::from_ymd_opt(y, m, d).and_then(plausible);
    }
    None
}

/// A date in a URL path: `/2019/05/21/` or `/2019-05-21`.
pub fn date_from_url(url: &str) -> Option<NaiveDate> {
    let path = url.split(['?', '#']).next()?;
    let segs: Vec<&str> = path.split('/').collect();
    for w in segs.windows(3) {
        if w[0].len() == 4
            && (1..=2).contains(&w[1].len())
            && (1..=2).contains(&w[2].len())
            && let (Ok(y), Ok(m), Ok(d)) = (
                w[0].parse::<i32>(),
                w[1].parse::<u32>(),
                w[2].parse::<u32>(),
            )
            && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return parse_date(&date.to_string());
        }
    }
    for seg in segs {
        for (i, _) in seg.match_indices(['1', '2']) {
            if let Some(cand) = seg.get(i..i + 10)
                && cand.as_bytes()[4] == b'-'
                && (i == 0 || !seg.as_bytes()[i - 1].is_ascii_digit())
                && let Some(d) = parse_date(cand)
            {
                return Some(d);
            }
        }
    }
    None
}

/// Fields gathered from the JSON-LD article object(s).
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    body: Option<String>,
}

fn ld_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        _ => None,
    }
}

fn is_article_type(v: Option<&serde_json::Value>) -> bool {
    let check = |s: &str| {
        s.ends_with("Article")
            || matches!(
                s,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "WebPage" | "Posting"
            )
    };
    match v {
        Some(serde_json::Value::String(s)) => check(s),
        Some(serde_json::Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

fn walk_ld(v: &serde_json::Value, out: &mut LdArticle, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_ld(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                walk_ld(g, out, depth + 1);
            }
            if !is_article_type(o.get("@type")) {
                return;
            }
            let is_page = o.get("@type").and_then(|t| t.as_str()) == Some("WebPage");
            if out.headline.is_none() && !is_page {
                out.headline = o
                    .get("headline")
                    .and_then(|h| h.as_str())
                    .map(str::to_string);
            }
            if out.published.is_none() {
                out.published = o
                    .get("datePublished")
                    .and_then(|h| h.as_str())
                    .map(str::to_string);
            }
            if out.authors.is_empty() {
                match o.get("author") {
                    Some(serde_json::Value::Array(a)) => {
                        out.authors = a.iter().filter_map(ld_name).collect()
                    }
                    Some(a) => out.authors = ld_name(a).into_iter().collect(),
                    None => {}
                }
            }
            if out.publisher.is_none() {
                out.publisher = o.get("publisher").and_then(ld_name);
            }
            if out.body.is_none() {
                out.body = o
                    .get("articleBody")
                    .and_then(|b| b.as_str())
                    .map(str::to_string);
            }
        }
        _ => {}
    }
}

fn clean(s: &str) -> Option<String> {
    let s = collapse_ws(s);
    (!s.is_empty()).then_some(s)
}

/// Split a `<title>` like "Headline - Outlet" or "Outlet | Headline" into the headline,
/// using the outlet name when known, else the longest part.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    strip_site(title, outlet, true)
}

/// As [`strip_site_suffix`]; without `longest`, only a part equal to the outlet goes.
fn strip_site(title: &str, outlet: Option<&str>, longest: bool) -> String {
    const SEPS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " · "];
    for sep in SEPS {
        if title.contains(sep) {
            let parts: Vec<&str> = title
                .split(sep)
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if let Some(o) = outlet {
                let rest: Vec<&str> = parts
                    .iter()
                    .copied()
                    .filter(|p| !p.eq_ignore_ascii_case(o))
                    .collect();
                if rest.len() < parts.len() && !rest.is_empty() {
                    return rest.join(sep);
                }
            }
            if !longest {
                continue;
            }
            return parts
                .iter()
                .copied()
                .max_by_key(|p| p.chars().count())
                .unwrap_or(title)
                .to_string();
        }
    }
    title.to_string()
}

/// The `articleBody` of the page's schema.org JSON-LD, if any (pages that render the
/// article with JavaScript often carry it only there).
pub fn ld_article_body(dom: &Dom) -> Option<String> {
    let mut ld = LdArticle::default();
    for node in &dom.nodes {
        let NodeData::Element(el) = &node.data else {
            continue;
        };
        if &*el.tag != "script" || !el.attr("type").is_some_and(|t| t.contains("ld+json")) {
            continue;
        }
        for &c in &node.children {
            if let NodeData::Text(t) = &dom.nodes[c].data
                && let Ok(v) = serde_json::from_str::<serde_json::Value>(t.trim())
            {
                walk_ld(&v, &mut ld, 0);
            }
        }
    }
    ld.body.filter(|b| !b.trim().is_empty())
}

/// Read the page's metadata. `url` is where the page was fetched from, if known.
pub fn page_metadata(dom: &Dom, url: Option<&str>) -> PageMetadata {
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut canonical = None;
    let mut language = None;
    let mut title_tag = None;
    let mut h1s: Vec<String> = Vec::new();
    let mut time_dt = None;
    let mut ld = LdArticle::default();
    for (i, node) in dom.nodes.iter().enumerate() {
        let NodeData::Element(el) = &node.data else {
            continue;
        };
        match &*el.tag {
            "meta" => {
                let key = el
                    .attr("property")
                    .or_else(|| el.attr("name"))
                    .or_else(|| el.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, el.attr("content")) {
                    meta.push((k.to_ascii_lowercase(), v.to_string()));
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && canonical.is_none()
                {
                    canonical = el.attr("href").and_then(clean);
                }
            }
            "html" => language = el.attr("lang").and_then(clean),
            "title" if title_tag.is_none() => title_tag = clean(&dom.text_of(i)),
            "h1" if h1s.len() < 3 => {
                if let Some(t) = clean(&dom.text_of(i)) {
                    h1s.push(t);
                }
            }
            "time" if time_dt.is_none() => {
                time_dt = el.attr("datetime").and_then(parse_date);
            }
            "script" if el.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                for &c in &node.children {
                    if let NodeData::Text(t) = &dom.nodes[c].data
                        && let Ok(v) = serde_json::from_str::<serde_json::Value>(t.trim())
                    {
                        walk_ld(&v, &mut ld, 0);
                    }
                }
            }
            _ => {}
        }
    }
    let get = |keys: &[&str]| -> Option<String> {
        keys.iter()
            .find_map(|k| {
                meta.iter()
                    .find(|(mk, v)| mk == k && !v.trim().is_empty())
                    .map(|(_, v)| v.clone())
            })
            .and_then(|v| clean(&v))
    };
    let outlet = get(&["og:site_name", "application-name", "twitter:site"])
        .or_else(|| ld.publisher.as_deref().and_then(clean))
        .map(|o| o.trim_start_matches('@').to_string());
    let title = get(&["og:title", "twitter:title", "dc.title"])
        .or_else(|| ld.headline.as_deref().and_then(clean))
        .or_else(|| (h1s.len() == 1).then(|| h1s[0].clone()))
        .or_else(|| {
            title_tag
                .as_deref()
                .map(|t| strip_site_suffix(t, outlet.as_deref()))
        })
        .map(|t| strip_site(&t, outlet.as_deref(), false));
    let published = ld
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            get(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "publishdate",
                "pubdate",
                "publish-date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "date",
                "sailthru.date",
                "parsely-pub-date",
            ])
            .as_deref()
            .and_then(parse_date)
        })
        .or(time_dt)
        .or_else(|| url.and_then(date_from_url))
        .or_else(|| canonical.as_deref().and_then(date_from_url));
    let mut authors: Vec<String> = ld.authors.iter().filter_map(|a| clean(a)).collect();
    if authors.is_empty() {
        authors = get(&[
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
        ])
        .filter(|a| !a.starts_with("http"))
        .into_iter()
        .collect();
    }
    authors.dedup();
    PageMetadata {
        title,
        published,
        authors,
        outlet,
        canonical_url: canonical.or_else(|| get(&["og:url"])),
        language: language.or_else(|| get(&["og:locale", "content-language", "language"])),
        description: get(&["description", "og:description"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_many_shapes() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 21);
        assert_eq!(parse_date("2019-05-21T10:00:00+02:00"), d);
        assert_eq!(parse_date("2019/05/21"), d);
        assert_eq!(parse_date("21.05.2019"), d);
        assert_eq!(parse_date("Tue, 21 May 2019 10:00:00 GMT"), d);
        assert_eq!(parse_date("20190521"), d);
        assert_eq!(parse_date("1850-01-01"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(date_from_url("https://x.de/2019/05/21/story.html"), d);
        assert_eq!(date_from_url("https://x.de/news/story-2019-05-21"), d);
        assert_eq!(date_from_url("https://x.de/news/12345"), None);
    }

    #[test]
    fn title_suffix() {
        assert_eq!(
            strip_site_suffix("Big news today - Example Times", Some("Example Times")),
            "Big news today"
        );
        assert_eq!(
            strip_site_suffix("Example | A much longer headline", None),
            "A much longer headline"
        );
    }
}
