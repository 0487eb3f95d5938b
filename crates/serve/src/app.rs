//! [`App`]: routing a request to the store, the digest and the report, as a pure function.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crosswire::pipeline::{self, DigestOptions};
use crosswire::report;
use crosswire::store::{Store, StorySummary};

use crate::cache::{CacheStats, Page, PageCache, PageKey, PageKind, etag_of, none_match};
use crate::pages;
use crate::response::{HTML, JSON, Response};

/// Stories per page of the HTML list.
pub const PAGE_SIZE: usize = 100;
/// Bounds of the cache of rendered story pages: pages, and bytes of page bodies.
pub const CACHE_PAGES: usize = 512;
pub const CACHE_BYTES: usize = 64 << 20;

/// The web application: where the store is, how digests are made, and the story pages
/// made so far (shared by clones, so by every worker thread).
#[derive(Debug, Clone)]
pub struct App {
    db: PathBuf,
    options: DigestOptions,
    cache: Arc<PageCache>,
}

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    List,
    Story(u64),
    ApiList,
    ApiStory(u64),
    Health,
}

/// Why a request failed: becomes the status and message of an error response.
#[derive(Debug)]
enum Failure {
    BadRequest(String),
    NotFound(String),
    Internal(String),
}

impl From<crosswire::store::Error> for Failure {
    fn from(e: crosswire::store::Error) -> Failure {
        Failure::Internal(format!("cannot read the store: {e}"))
    }
}

impl App {
    /// An app over the store at `db`, digests of `words` words (as `crosswire digest
    /// --words`, with that command's other defaults).
    pub fn new(db: impl Into<PathBuf>, words: usize) -> App {
        App {
            db: db.into(),
            options: DigestOptions {
                words,
                ..DigestOptions::default()
            },
            cache: Arc::new(PageCache::new(CACHE_PAGES, CACHE_BYTES)),
        }
    }

    /// The same app with a page cache of other bounds (0 pages: no cache).
    pub fn with_cache(mut self, pages: usize, bytes: usize) -> App {
        self.cache = Arc::new(PageCache::new(pages, bytes));
        self
    }

    /// The page cache's size and hit counts so far.
    pub fn cache_stats(&self) -> CacheStats {
        self.cache.stats()
    }

    pub fn db(&self) -> &Path {
        &self.db
    }

    /// Answer one request. `method` is the HTTP method, `target` the request-target
    /// (`/story/3?x=1`). Never panics: a failure inside a stage becomes a 500, logged to
    /// stderr with the request.
    pub fn handle(&self, method: &str, target: &str) -> Response {
        self.handle_conditional(method, target, None)
    }

    /// [`App::handle`] for a request that may carry an `If-None-Match` header: a 200
    /// whose entity tag it names becomes a 304 without a body.
    pub fn handle_conditional(
        &self,
        method: &str,
        target: &str,
        if_none_match: Option<&str>,
    ) -> Response {
        let response = self.answer(method, target);
        match (&response.etag, if_none_match) {
            (Some(etag), Some(header)) if response.status == 200 && none_match(header, etag) => {
                response.not_modified()
            }
            _ => response,
        }
    }

    fn answer(&self, method: &str, target: &str) -> Response {
        let path = target.split(['?', '#']).next().unwrap_or_default();
        let query = target
            .split_once('?')
            .map(|(_, q)| q.split('#').next().unwrap_or_default())
            .unwrap_or_default();
        let api = path == "/api" || path.starts_with("/api/");
        let route = match route(path) {
            Ok(Some(r)) => r,
            Ok(None) => {
                let shown: String = path.chars().take(200).collect();
                return Response::error(404, api, &format!("no such page: {shown}"));
            }
            Err(message) => return Response::error(400, api, &message),
        };
        // HEAD is GET without the body (the HTTP library drops it).
        if method != "GET" && method != "HEAD" {
            let mut r = Response::error(
                405,
                api,
                &format!("method {method} not allowed: this server is read-only (GET, HEAD)"),
            );
            r.allow = Some("GET, HEAD");
            return r;
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| self.respond(route, query)))
            .unwrap_or_else(|_| Err(Failure::Internal("internal error (panic)".into())));
        match outcome {
            Ok(r) => r,
            Err(Failure::BadRequest(m)) => Response::error(400, api, &m),
            Err(Failure::NotFound(m)) => Response::error(404, api, &m),
            Err(Failure::Internal(m)) => {
                let shown: String =
                    format!("{} {}", method.escape_default(), target.escape_default())
                        .chars()
                        .take(300)
                        .collect();
                eprintln!("crosswire serve: error: {shown}: {m}");
                Response::error(500, api, &m)
            }
        }
    }

    fn respond(&self, route: Route, query: &str) -> Result<Response, Failure> {
        match route {
            Route::List => {
                let page = match param(query, "page") {
                    Some(p) => parse_count(p, "page")?.max(1),
                    None => 1,
                };
                let store = self.open()?;
                let stories = store.stories()?;
                Ok(Response::html(pages::story_list(&stories, page, PAGE_SIZE)))
            }
            Route::Story(id) => self.story_page(id, PageKind::Html),
            Route::ApiList => {
                let offset = param(query, "offset")
                    .map(|v| parse_count(v, "offset"))
                    .transpose()?
                    .unwrap_or(0);
                let limit = param(query, "limit")
                    .map(|v| parse_count(v, "limit"))
                    .transpose()?;
                let store = self.open()?;
                let stories: Vec<StorySummary> = store
                    .stories()?
                    .into_iter()
                    .skip(offset)
                    .take(limit.unwrap_or(usize::MAX))
                    .collect();
                // The same text as `crosswire stories --format json`.
                let mut body = serde_json::to_string_pretty(&stories)
                    .map_err(|e| Failure::Internal(e.to_string()))?;
                body.push('\n');
                Ok(Response::json(body))
            }
            Route::ApiStory(id) => self.story_page(id, PageKind::Json),
            Route::Health => {
                let store = self.open()?;
                let cache = self.cache.stats();
                let doc = serde_json::json!({
                    "status": "ok",
                    "version": env!("CARGO_PKG_VERSION"),
                    "store_schema_version": store.schema_version()?,
                    "digest_schema_version": crosswire::model::DIGEST_SCHEMA_VERSION,
                    "articles": store.article_count()?,
                    "page_cache": {
                        "pages": cache.entries,
                        "bytes": cache.bytes,
                        "hits": cache.hits,
                        "misses": cache.misses,
                    },
                });
                Ok(Response::json(format!("{doc}\n")))
            }
        }
    }

    /// The digest page of stored story `id` (as `crosswire digest --db --story` makes it),
    /// from the cache when the story has not changed since it was made.
    fn story_page(&self, id: u64, kind: PageKind) -> Result<Response, Failure> {
        let content_type = match kind {
            PageKind::Html => HTML,
            PageKind::Json => JSON,
        };
        let not_found = || Failure::NotFound(format!("no story {id}"));
        let store = self.open()?;
        let version = store.story_version(id)?.ok_or_else(not_found)?;
        let key = PageKey {
            kind,
            story: version.id,
            words: self.options.words,
        };
        if let Some(page) = self.cache.get(&key, &version) {
            return Ok(Response::page(content_type, &page));
        }
        let story = store.story(version.id)?.ok_or_else(not_found)?;
        let digest = pipeline::digest(&story, &self.options);
        let body = match kind {
            PageKind::Html => pages::story(&digest),
            PageKind::Json => report::json(&digest),
        };
        let page = Arc::new(Page {
            etag: etag_of(&body),
            body,
        });
        // Kept only if no ingest changed the story while it was read (each statement of a
        // read sees the latest commit): then the page is exactly that version's.
        if store.story_version(id)?.as_ref() == Some(&version) {
            self.cache.insert(key, version, page.clone());
        }
        Ok(Response::page(content_type, &page))
    }

    /// The store, opened for this request. A missing file is an error, not a new empty store.
    fn open(&self) -> Result<Store, Failure> {
        if !self.db.is_file() {
            return Err(Failure::Internal(format!(
                "no store at {} (run `crosswire ingest` first)",
                self.db.display()
            )));
        }
        Ok(Store::open_read_only(&self.db)?)
    }
}

/// The route of a path: `Ok(None)` for an unknown path, `Err` for a malformed story id.
/// One trailing slash is ignored (`/api/stories/` is `/api/stories`).
fn route(path: &str) -> Result<Option<Route>, String> {
    let path = match path.strip_suffix('/') {
        Some(p) if p.len() > 1 => p,
        _ => path,
    };
    let route = match path {
        "/" => Route::List,
        "/api/stories" => Route::ApiList,
        "/api/health" => Route::Health,
        _ => {
            if let Some(id) = path.strip_prefix("/story/") {
                Route::Story(story_id(id)?)
            } else if let Some(id) = path.strip_prefix("/api/stories/") {
                Route::ApiStory(story_id(id)?)
            } else {
                return Ok(None);
            }
        }
    };
    Ok(Some(route))
}

/// A story id as `crosswire stories` prints it (`12`), or as a digest names it
/// (`story-12`).
fn story_id(s: &str) -> Result<u64, String> {
    let digits = s.strip_prefix("story-").unwrap_or(s);
    let valid =
        !digits.is_empty() && digits.len() <= 19 && digits.bytes().all(|b| b.is_ascii_digit());
    // The store keeps ids as SQLite integers (i64).
    match digits.parse::<i64>() {
        Ok(n) if valid && n >= 0 => Ok(n as u64),
        _ => Err(format!(
            "malformed story id {:?}: expected a number such as 12 or story-12",
            s.chars().take(40).collect::<String>()
        )),
    }
}

/// The value of query parameter `name` (first occurrence; no percent-decoding: the
/// parameters here are numbers).
fn param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn parse_count(v: &str, name: &str) -> Result<usize, Failure> {
    v.parse::<usize>().map_err(|_| {
        Failure::BadRequest(format!(
            "malformed {name} {:?}: expected a non-negative integer",
            v.chars().take(40).collect::<String>()
        ))
    })
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn routes_and_ids() {
        assert_eq!(route("/"), Ok(Some(Route::List)));
        assert_eq!(route("/api/stories/"), Ok(Some(Route::ApiList)));
        assert_eq!(route("/story/12"), Ok(Some(Route::Story(12))));
        assert_eq!(route("/story/story-12"), Ok(Some(Route::Story(12))));
        assert_eq!(route("/api/stories/7/"), Ok(Some(Route::ApiStory(7))));
        assert_eq!(route("/nope"), Ok(None));
        assert_eq!(route("//"), Ok(None));
        for bad in [
            "",
            "x",
            "-1",
            "1.5",
            "1e3",
            "+3",
            "story-",
            "99999999999999999999",
            "١٢",
        ] {
            assert!(story_id(bad).is_err(), "{bad:?}");
        }
        assert_eq!(story_id("9223372036854775807"), Ok(i64::MAX as u64));
        assert!(story_id("9223372036854775808").is_err());
    }

    #[test]
    fn query_parameters() {
        assert_eq!(param("a=1&page=3", "page"), Some("3"));
        assert_eq!(param("page", "page"), Some(""));
        assert_eq!(param("pages=3", "page"), None);
        assert!(parse_count("", "page").is_err());
        assert!(parse_count("-2", "page").is_err());
    }
}
