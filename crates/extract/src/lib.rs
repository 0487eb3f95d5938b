//! crosswire-extract: the main text and metadata of an HTML page.
//!
//! The principal entry points are [`extract`] (HTML text) and [`extract_bytes`] (page bytes
//! in any encoding), both returning an [`Extracted`]: the article's paragraphs plus
//! [`PageMetadata`]. Data flows:
//!
//! ```text
//! bytes ──encoding::decode_html──▶ &str ──dom::Dom::parse──▶ Dom ─┬─content──▶ paragraphs
//!                                                                   └─metadata─▶ PageMetadata
//! ```
//!
//! The parser ([`dom`]) is a small forgiving tokenizer + tree builder written for speed; the
//! content step ([`content`]) prunes furniture by tag/role/class vocabulary ([`boilerplate`]),
//! picks the article root by named-body markers or readability-style scoring, emits blocks
//! with link-density filters and checks the result against a whole-page baseline.
//! [`encoding`] decides the charset (HTTP header, BOM, meta, detection); [`metadata`] reads
//! JSON-LD, meta tags and page evidence. [`html_fragment_text`] strips tags from fragments
//! such as feed item bodies. Nothing here panics on malformed input.

pub mod boilerplate;
pub mod content;
pub mod dom;
pub mod encoding;
pub mod entities;
pub mod metadata;
pub mod visible;

use serde::Serialize;

pub use encoding::{Decoded, decode_html};
pub use metadata::PageMetadata;

/// The result of extracting one page.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Extracted {
    /// Article paragraphs (headings and list items included), in reading order.
    pub paragraphs: Vec<String>,
    pub metadata: PageMetadata,
}

impl Extracted {
    /// The article text: paragraphs separated by blank lines.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Extract the main text and metadata of an HTML page. `url` is where it came from, if known
/// (used for metadata such as a date in the path). When the page yields little text, the
/// schema.org JSON-LD `articleBody` (script-rendered sites) supplements it.
pub fn extract(html: &str, url: Option<&str>) -> Extracted {
    extract_dom(&dom::Dom::parse(html), url)
}

/// [`extract`] on an already parsed page, for callers that also need other views of the same
/// tree (such as the count of its visible words, [`visible::visible_word_count`]).
pub fn extract_dom(dom: &dom::Dom, url: Option<&str>) -> Extracted {
    let mut paragraphs = content::extract_paragraphs(dom);
    let found: usize = paragraphs.iter().map(|p| p.chars().count()).sum();
    if found < 500 {
        // Script-rendered pages: the JSON-LD article body is the better text.
        if let Some(body) = metadata::ld_article_body(dom) {
            // Plain-text bodies separate paragraphs by newlines; HTML ones by tags.
            let ld_paragraphs: Vec<String> = body
                .split('\n')
                .flat_map(|line| content::fragment_paragraphs(&dom::Dom::parse(line)).into_iter())
                .filter(|l| !l.trim().is_empty())
                .collect();
            let ld_chars: usize = ld_paragraphs.iter().map(|p| p.chars().count()).sum();
            if ld_chars > 2 * found.max(100) {
                let extra: Vec<String> = ld_paragraphs
                    .into_iter()
                    .filter(|l| !paragraphs.contains(l))
                    .collect();
                paragraphs.extend(extra);
            }
        }
    }
    Extracted {
        paragraphs,
        metadata: metadata::page_metadata(dom, url),
    }
}

/// All readable text of an HTML fragment (e.g. an RSS item's `content:encoded`), as
/// paragraphs separated by blank lines: tags stripped, entities decoded, block structure
/// kept, nothing judged boilerplate.
pub fn html_fragment_text(html: &str) -> String {
    content::fragment_paragraphs(&dom::Dom::parse(html)).join("\n\n")
}

/// Extract from raw page bytes: decodes (HTTP `content_type` charset, BOM, meta charset,
/// else detection) and then runs [`extract`].
pub fn extract_bytes(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> Extracted {
    let decoded = decode_html(bytes, content_type);
    extract(&decoded.text, url)
}

/// Read a page file's bytes, gunzipping when the content is gzip (by magic number).
pub fn read_page_file(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let bytes = std::fs::read(path)?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::with_capacity(bytes.len() * 4);
        flate2::read::MultiGzDecoder::new(&bytes[..]).read_to_end(&mut out)?;
        Ok(out)
    } else {
        Ok(bytes)
    }
}
