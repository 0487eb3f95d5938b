//! What a route answers: status, body and headers, independent of the HTTP library.

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
}

impl Response {
    pub fn html(body: String) -> Response {
        Response {
            status: 200,
            content_type: HTML,
            body,
            allow: None,
        }
    }

    pub fn json(body: String) -> Response {
        Response {
            status: 200,
            content_type: JSON,
            body,
            allow: None,
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
        }
    }

    /// Every header besides those the HTTP library adds (Date, Content-Length, Server).
    pub fn headers(&self) -> Vec<(&'static str, &'static str)> {
        let mut h = vec![
            ("Content-Type", self.content_type),
            ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            // Stories change with every ingest: revalidate instead of showing stale pages.
            ("Cache-Control", "no-cache"),
        ];
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
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    }
}
