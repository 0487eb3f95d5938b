//! `crosswire serve`: a read-only web UI and JSON API over the store.
//!
//! [`App`] is the principal type: it knows the store's path and the digest settings, and
//! [`App::handle`] turns one request (method and request-target) into a [`Response`] without
//! touching a socket, so every route is tested as a plain function call. [`Server`] only
//! moves requests from the network to [`App::handle`] and responses back.
//!
//! ```text
//! request ─Server (tiny_http worker threads)─▶ App::handle ─route─▶ Store::open_read_only (per request)
//!   ─▶ Store::stories / Store::story ─▶ pipeline::digest ─▶ report::html / report::json
//!   ─▶ Response (status, Content-Type with charset, security headers) ─▶ client
//! ```
//!
//! Routes ([`App::handle`], documented for users in `docs/api.md`): `GET /` the story list,
//! `GET /story/<id>` a story's digest page, `GET /api/stories`, `GET /api/stories/<id>` (the
//! very document `crosswire digest --db PATH --story ID --format json` prints) and
//! `GET /api/health`. Errors are 400 / 404 / 405 / 500, as JSON (`{"error": "..."}`) under
//! `/api/` and as a small HTML page elsewhere.
//!
//! Why these choices:
//! * **The store is opened per request.** A connection costs well under a millisecond next
//!   to a digest, every request sees the latest committed ingest batch, and SQLite's WAL mode
//!   lets `crosswire ingest` keep writing meanwhile (readers never block the writer). It is
//!   opened with SQLite's read-only flag (`Store::open_read_only`): nothing is ever written,
//!   and a store from an older build is reported, not upgraded behind the writer's back.
//! * **tiny_http** serves HTTP/1.1: blocking, a few worker threads, four small dependencies
//!   (`ascii`, `chunked_transfer`, `httpdate`, `log`) and no async runtime, so it adds a few
//!   seconds to a clean build on two cores where hyper/axum + tokio would add a minute. The
//!   work per request (a digest) is CPU-bound anyway, so async would buy nothing here.
//! * **Untrusted text.** Article text reaches HTML only through
//!   [`crosswire::report::escape_html`] (the story page is `report::html` itself), and every
//!   response forbids scripts and remote content (`Content-Security-Policy: default-src
//!   'none'; style-src 'unsafe-inline'`, `X-Content-Type-Options: nosniff`). A panic in a
//!   stage becomes a 500, never a dead worker.

mod app;
mod pages;
mod response;
mod server;

pub use app::App;
pub use response::Response;
pub use server::{Running, Server};

#[cfg(test)]
mod tests;
