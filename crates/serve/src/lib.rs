//! `crosswire serve`: a read-only web UI and JSON API over the store.
//!
//! [`App`] is the principal type: it knows the store's path and the digest settings, and
//! [`App::handle`] turns one request (method and request-target) into a [`Response`] without
//! touching a socket, so every route is tested as a plain function call. [`Server`] only
//! moves requests from the network to [`App::handle`] and responses back.
//!
//! ```text
//! request ─Server (tiny_http worker threads)─▶ App::handle_conditional ─route─▶
//!   Store::open_read_only (per request) ─▶ Store::stories, or for a story page:
//!   Store::story_version ─▶ PageCache hit? else Store::story ─▶ pipeline::digest
//!   ─▶ pages::story / report::json (kept in the PageCache)
//!   ─▶ Response (status, Content-Type with charset, security headers, ETag; a 304 when
//!      If-None-Match names the ETag) ─▶ client
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
//! * **Story pages are cached per story version** (`cache.rs`): a digest costs
//!   milliseconds to seconds, a version check one row. A story's articles only ever grow
//!   and each ingest that changes a story bumps its article count in the same
//!   transaction, so (live id, article count) names the content; a page is kept only if
//!   the version read before and after the story is the same. Every 200 carries a strong
//!   `ETag` (a hash of the body), so a client revalidating (`Cache-Control: no-cache`)
//!   with `If-None-Match` gets a 304 without the body.
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
mod cache;
mod pages;
mod response;
mod server;

pub use app::App;
pub use cache::CacheStats;
pub use response::Response;
pub use server::{Running, Server};

#[cfg(test)]
mod tests;
