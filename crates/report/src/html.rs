use std::fmt::Write;

use crosswire_model::Digest;

use crate::{citation, sections};

/// Escape text for HTML element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}\
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.cite{color:#555;font-size:.85rem}.copy{color:#a60}.disagree{background:#fee}";

fn body(d: &Digest, out: &mut String) {
    let e = escape_html;
    let _ = write!(
        out,
        "<article><h1>{}</h1><h2>Summary</h2><ul>",
        e(&d.headline)
    );
    for s in &d.summary {
        let _ = write!(
            out,
            "<li>{} <span class=\"cite\">[{}]</span></li>",
            e(&s.text),
            e(&s.sources
                .iter()
                .map(|id| citation(d, id))
                .collect::<Vec<_>>()
                .join("; "))
        );
    }
    let _ = write!(
        out,
        "</ul><h2>Sources</h2><table><tr><th>#</th><th>Outlet</th><th>Title</th><th>Date</th><th>Byline / wire</th><th>Boilerplate removed</th><th>Copy of</th></tr>"
    );
    for (i, r) in d.sources.iter().enumerate() {
        let credit: Vec<&str> = r
            .byline
            .iter()
            .chain(r.wire.iter())
            .map(String::as_str)
            .collect();
        let copy = r
            .copy_of
            .as_deref()
            .map(|c| format!("{} ({:.0}%)", e(c), r.similarity.unwrap_or(1.0) * 100.0))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<tr><td title=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{:.0}%</td><td class=\"copy\">{}</td></tr>",
            e(&r.id),
            i + 1,
            e(r.outlet.as_deref().unwrap_or("?")),
            e(&r.title),
            r.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "?".into()),
            e(&credit.join(", ")),
            r.boilerplate_removed * 100.0,
            copy
        );
    }
    let _ = write!(out, "</table>");
    if let Some(f) = &d.facts {
        out.push_str(&sections::facts::html(f, &|c| citation(d, &c.article)));
    }
    out.push_str("</article>");
}

fn page(title: &str, inner: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<title>{}</title><style>{STYLE}</style></head><body>{inner}</body></html>\n",
        escape_html(title)
    )
}

/// One self-contained HTML page for one digest.
pub fn html(d: &Digest) -> String {
    let mut inner = String::new();
    body(d, &mut inner);
    page(&d.headline, &inner)
}

/// One page with several digests.
pub fn html_many(ds: &[Digest]) -> String {
    let mut inner = String::new();
    for d in ds {
        body(d, &mut inner);
        inner.push_str("<hr>");
    }
    page("crosswire stories", &inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_dangerous() {
        assert_eq!(
            escape_html("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn page_has_no_remote_assets_and_escapes_article_text() {
        let d = Digest {
            schema_version: 1,
            story_id: "s".into(),
            headline: "<img src=x onerror=alert(1)>".into(),
            summary: vec![crosswire_model::SummarySentence {
                text: "A <b>bold</b> claim.".into(),
                sources: vec!["a".into()],
                outlets: vec!["O&O".into()],
            }],
            sources: vec![crosswire_model::SourceRow {
                id: "a".into(),
                origin: "a.txt".into(),
                outlet: Some("O&O".into()),
                title: "<script>alert(2)</script>".into(),
                published: None,
                byline: Some("\"><svg onload=x>".into()),
                wire: vec![],
                raw_words: 10,
                kept_words: 5,
                boilerplate_removed: 0.5,
                copy_of: None,
                similarity: None,
            }],
            duplicates: vec![],
            facts: None,
            articles: None,
        };
        let h = html(&d);
        assert!(!h.contains("<svg") && h.contains("&lt;script&gt;alert(2)"));
        assert!(!h.contains("<img") && !h.contains("<b>"));
        assert!(h.contains("O&amp;O"));
        assert!(!h.contains("http://") && !h.contains("https://") && !h.contains("<script"));
    }
}
