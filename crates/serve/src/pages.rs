//! The HTML pages of the server. Every value from the store goes through
//! [`escape_html`]; the story page is `crosswire::report::html` with a navigation line.

use std::fmt::Write;

use crosswire::model::Digest;
use crosswire::report::{self, escape_html};
use crosswire::store::StorySummary;

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}\
h1{font-size:1.6rem}table{border-collapse:collapse;width:100%;font-size:.9rem}\
td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}\
td.n{text-align:right}td.d{white-space:nowrap}.muted{color:#555;font-size:.9rem}nav{margin:1rem 0}";

/// A whole page around `inner`.
fn page(title: &str, inner: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width\"><title>{}</title><style>{STYLE}</style>\
</head><body>{inner}</body></html>\n",
        escape_html(title)
    )
}

/// Page `page` (from 1) of the story list, `per_page` stories a page, in the store's order
/// (most recently updated first).
pub fn story_list(stories: &[StorySummary], page_no: usize, per_page: usize) -> String {
    let e = escape_html;
    let per_page = per_page.max(1);
    let pages = stories.len().div_ceil(per_page).max(1);
    let page_no = page_no.clamp(1, pages);
    let articles: u64 = stories.iter().map(|s| s.articles).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        "<h1>Stories</h1><p class=\"muted\">{}, {}, most recently updated first \
         · <a href=\"/api/stories\">JSON</a></p>",
        count(stories.len() as u64, "story", "stories"),
        count(articles, "article", "articles")
    );
    if stories.is_empty() {
        out.push_str(
            "<p>The store has no story yet: add articles with <code>crosswire ingest</code>.</p>",
        );
        return page("crosswire: stories", &out);
    }
    out.push_str(
        "<table><thead><tr><th>Headline</th><th>Articles</th><th>Outlets</th>\
         <th>First seen</th><th>Last seen</th><th>Updated</th></tr></thead><tbody>",
    );
    for s in stories.iter().skip((page_no - 1) * per_page).take(per_page) {
        let headline = if s.headline.trim().is_empty() {
            "Untitled story"
        } else {
            s.headline.as_str()
        };
        let _ = write!(
            out,
            "<tr><td><a href=\"/story/{}\">{}</a></td><td class=\"n\">{}</td><td class=\"n\">{}</td>\
             <td class=\"d\">{}</td><td class=\"d\">{}</td><td class=\"d\">{}</td></tr>",
            s.id,
            e(headline),
            s.articles,
            s.outlets,
            e(&s.first_seen),
            e(&s.last_seen),
            e(&s.updated)
        );
    }
    out.push_str("</tbody></table>");
    if pages > 1 {
        out.push_str("<nav>");
        if page_no > 1 {
            let _ = write!(out, "<a href=\"/?page={}\">&larr; newer</a> ", page_no - 1);
        }
        let _ = write!(out, "page {page_no} of {pages}");
        if page_no < pages {
            let _ = write!(out, " <a href=\"/?page={}\">older &rarr;</a>", page_no + 1);
        }
        out.push_str("</nav>");
    }
    page("crosswire: stories", &out)
}

/// "1 story", "3 stories".
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The digest page of `crosswire digest --format html`, with links back to the list and to
/// the JSON form.
pub fn story(d: &Digest) -> String {
    let html = report::html(d);
    let nav = format!(
        "<nav><a href=\"/\">&larr; All stories</a> · <a href=\"/api/stories/{}\">JSON</a></nav>",
        escape_html(&d.story_id)
    );
    // The title before `<body>` is escaped, so the first `<body>` is the tag itself.
    match html.find("<body>") {
        Some(i) => {
            let at = i + "<body>".len();
            format!("{}{nav}{}", &html[..at], &html[at..])
        }
        None => html,
    }
}

/// An error page.
pub fn error(status: u16, reason: &str, message: &str) -> String {
    page(
        &format!("{status} {reason}"),
        &format!(
            "<h1>{status} {}</h1><p>{}</p><nav><a href=\"/\">&larr; All stories</a></nav>",
            escape_html(reason),
            escape_html(message)
        ),
    )
}
