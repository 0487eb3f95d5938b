//! What a route answers: status, body and headers, independent of the HTTP library.

use crate::cache::{Page, etag_of};
use crate::pages;

/// The policy every response carries: no scripts, no remote or inline resources except
/// inline styles (the pages have one `<style>` block), no framing, no form targets.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json; charset=utf-8";

/// One HTTP response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: String,
    /// The methods a 405 names in its `Allow` header.
    pub allow: Option<&'static str>,
    /// The strong entity tag of the body (`ETag`), on every 200 and 304.
    pub etag: Option<String>,
}

impl Response {
    pub fn html(body: String) -> Response {
        Response::ok(HTML, body)
    }

    pub fn json(body: String) -> Response {
        Response::ok(JSON, body)
    }

    /// A 200 with the entity tag of its body.
    fn ok(content_type: &'static str, body: String) -> Response {
        Response {
            status: 200,
            content_type,
            etag: Some(etag_of(&body)),
            body,
            allow: None,
        }
    }

    /// A 200 of a page already rendered and tagged (the page cache).
    pub fn page(content_type: &'static str, page: &Page) -> Response {
        Response {
            status: 200,
            content_type,
            body: page.body.clone(),
            allow: None,
            etag: Some(page.etag.clone()),
        }
    }

    /// The 304 that answers a conditional request whose `If-None-Match` names this 200's
    /// entity tag: same headers, no body.
    pub fn not_modified(self) -> Response {
        Response {
            status: 304,
            body: String::new(),
            ..self
        }
    }

    /// An error: `{"error": message}` for the API, a small escaped page otherwise.
    pub fn error(status: u16, api: bool, message: &str) -> Response {
        let (content_type, body) = if api {
            let doc = serde_json::json!({ "error": message });
            (JSON, format!("{doc}\n"))
        } else {
            (HTML, pages::error(status, reason(status), message))
        };
        Response {
            status,
            content_type,
            body,
            allow: None,
            etag: None,
        }
    }

    /// Every header besides those the HTTP library adds (Date, Content-Length, Server).
    pub fn headers(&self) -> Vec<(&'static str, &str)> {
        let mut h = vec![
            ("Content-Type", self.content_type),
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            // Stories change with every ingest: revalidate (If-None-Match) instead of
            // showing stale pages.
            ("Cache-Control", "no-cache"),
        ];
        if let Some(etag) = &self.etag {
            h.push(("ETag", etag));
        }
        if let Some(allow) = self.allow {
            h.push(("Allow", allow));
        }
        h
    }
}

/// The reason phrase of the statuses this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        304 => "Not Modified",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    }
}
