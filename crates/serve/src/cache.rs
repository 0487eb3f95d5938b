//! [`PageCache`]: rendered story pages (HTML and JSON digests) kept in memory, so that a
//! story is summarised once per version rather than once per request.
//!
//! An entry is keyed by what it shows: the page kind, the live story id and the digest's
//! word budget, and holds the [`StoryVersion`] it was made from. A request reads the
//! story's version first (one row); an entry of another version is stale and is replaced.
//! A story's articles only ever grow, and every ingest that changes a story bumps its
//! article count in the same transaction, so an entry never outlives its content. The
//! cache is bounded in entries and in bytes, least recently used first out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use crosswire::store::StoryVersion;

/// Which rendering of a story's digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PageKind {
    Html,
    Json,
}

/// What an entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageKey {
    pub kind: PageKind,
    pub story: u64,
    pub words: usize,
}

/// A rendered page and its entity tag.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub body: String,
    pub etag: String,
}

/// Counters for `/api/health`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStats {
    pub entries: usize,
    pub bytes: usize,
    pub hits: u64,
    pub misses: u64,
}

#[derive(Debug)]
struct Entry {
    version: StoryVersion,
    page: Arc<Page>,
    used: u64,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<PageKey, Entry>,
    bytes: usize,
    clock: u64,
    hits: u64,
    misses: u64,
}

/// A bounded, thread-safe cache of rendered story pages.
#[derive(Debug)]
pub struct PageCache {
    inner: Mutex<Inner>,
    max_entries: usize,
    max_bytes: usize,
}

impl PageCache {
    /// At most `max_entries` pages and `max_bytes` of page bodies (0 entries: no cache).
    pub fn new(max_entries: usize, max_bytes: usize) -> PageCache {
        PageCache {
            inner: Mutex::new(Inner::default()),
            max_entries,
            max_bytes,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Nothing panics while holding the lock; if something ever did, the map is still
        // consistent (each operation leaves it whole), so keep using it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The page of `key` if it was made from `version`.
    pub fn get(&self, key: &PageKey, version: &StoryVersion) -> Option<Arc<Page>> {
        let mut inner = self.lock();
        inner.clock += 1;
        let clock = inner.clock;
        let found = match inner.entries.get_mut(key) {
            Some(e) if e.version == *version => {
                e.used = clock;
                Some(e.page.clone())
            }
            _ => None,
        };
        match found {
            Some(_) => inner.hits += 1,
            None => inner.misses += 1,
        }
        found
    }

    /// Keep `page` as the page of `key` at `version` (replacing an older one), evicting
    /// the least recently used pages while over a bound. A page larger than the whole
    /// byte budget is not kept.
    pub fn insert(&self, key: PageKey, version: StoryVersion, page: Arc<Page>) {
        let size = page.body.len();
        if self.max_entries == 0 || size > self.max_bytes {
            return;
        }
        let mut inner = self.lock();
        inner.clock += 1;
        let used = inner.clock;
        if let Some(old) = inner.entries.insert(
            key,
            Entry {
                version,
                page,
                used,
            },
        ) {
            inner.bytes -= old.page.body.len();
        }
        inner.bytes += size;
        while inner.entries.len() > self.max_entries || inner.bytes > self.max_bytes {
            // A linear scan: a few hundred entries, next to a digest's cost.
            let Some(oldest) = inner
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| *k)
            else {
                break;
            };
            if let Some(gone) = inner.entries.remove(&oldest) {
                inner.bytes -= gone.page.body.len();
            }
        }
    }

    pub fn stats(&self) -> CacheStats {
        let inner = self.lock();
        CacheStats {
            entries: inner.entries.len(),
            bytes: inner.bytes,
            hits: inner.hits,
            misses: inner.misses,
        }
    }
}

/// A strong entity tag of a body: its length and 64-bit FNV-1a hash. Equal bodies have
/// equal tags across requests and restarts (the hash has no random key).
pub fn etag_of(body: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("\"{:x}-{h:016x}\"", body.len())
}

/// Whether an `If-None-Match` header value matches the current `etag` (RFC 9110 13.1.2:
/// `*`, or a list of entity tags compared weakly, that is ignoring `W/`).
pub fn none_match(header: &str, etag: &str) -> bool {
    let mut rest = header.trim();
    if rest == "*" {
        return true;
    }
    let ours = etag.strip_prefix("W/").unwrap_or(etag);
    while !rest.is_empty() {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        let tag_start = rest.strip_prefix("W/").unwrap_or(rest);
        let Some(inner) = tag_start.strip_prefix('"') else {
            // Not an entity tag: skip to the next list element.
            rest = rest.split_once(',').map_or("", |(_, r)| r);
            continue;
        };
        let Some(end) = inner.find('"') else {
            return false;
        };
        // `end + 2`: both quotes, on char boundaries (a quote is one byte).
        let tag = &tag_start[..end + 2];
        if tag == ours {
            return true;
        }
        rest = &inner[end + 1..];
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(id: u64, articles: u64) -> StoryVersion {
        StoryVersion {
            id,
            articles,
            created: "2024-03-01T00:00:00Z".into(),
            updated: "2024-03-02T00:00:00Z".into(),
        }
    }

    fn key(story: u64) -> PageKey {
        PageKey {
            kind: PageKind::Json,
            story,
            words: 100,
        }
    }

    fn page(body: &str) -> Arc<Page> {
        Arc::new(Page {
            body: body.to_string(),
            etag: etag_of(body),
        })
    }

    #[test]
    fn a_page_is_served_for_its_version_only() {
        let cache = PageCache::new(8, 1 << 20);
        cache.insert(key(1), version(1, 2), page("two articles"));
        assert_eq!(
            cache.get(&key(1), &version(1, 2)).map(|p| p.body.clone()),
            Some("two articles".to_string())
        );
        assert!(
            cache.get(&key(1), &version(1, 3)).is_none(),
            "newer version"
        );
        let html = PageKey {
            kind: PageKind::Html,
            ..key(1)
        };
        assert!(cache.get(&html, &version(1, 2)).is_none(), "other kind");
        let words = PageKey {
            words: 50,
            ..key(1)
        };
        assert!(cache.get(&words, &version(1, 2)).is_none(), "other budget");
        // The newer version replaces the older one.
        cache.insert(key(1), version(1, 3), page("three articles"));
        assert!(cache.get(&key(1), &version(1, 2)).is_none());
        let stats = cache.stats();
        assert_eq!((stats.entries, stats.bytes), (1, "three articles".len()));
        assert_eq!((stats.hits, stats.misses), (1, 4));
    }

    #[test]
    fn the_least_recently_used_pages_go_first() {
        let cache = PageCache::new(3, 100);
        for id in 1..=3 {
            cache.insert(key(id), version(id, 1), page("0123456789"));
        }
        // 1 is used, so 2 is the oldest when a fourth page arrives.
        assert!(cache.get(&key(1), &version(1, 1)).is_some());
        cache.insert(key(4), version(4, 1), page("0123456789"));
        assert!(cache.get(&key(2), &version(2, 1)).is_none());
        for id in [1, 3, 4] {
            assert!(cache.get(&key(id), &version(id, 1)).is_some(), "{id}");
        }
        // The byte bound: a 95-byte page leaves room for nothing else.
        cache.insert(key(5), version(5, 1), page(&"x".repeat(95)));
        assert_eq!(cache.stats().entries, 1);
        assert!(cache.stats().bytes <= 100);
        // Larger than the budget: not kept.
        cache.insert(key(6), version(6, 1), page(&"x".repeat(101)));
        assert!(cache.get(&key(6), &version(6, 1)).is_none());
        let off = PageCache::new(0, 100);
        off.insert(key(1), version(1, 1), page("x"));
        assert_eq!(off.stats().entries, 0);
    }

    #[test]
    fn entity_tags_and_if_none_match() {
        let tag = etag_of("hello");
        assert_eq!(tag, etag_of("hello"));
        assert_ne!(tag, etag_of("hellp"));
        assert!(tag.starts_with("\"5-") && tag.ends_with('"'));
        assert!(none_match(&tag, &tag));
        assert!(none_match(&format!("W/{tag}"), &tag));
        assert!(none_match(&format!("\"a,b\", \"x\" ,{tag}"), &tag));
        assert!(none_match(" * ", &tag));
        assert!(!none_match("\"other\"", &tag));
        assert!(!none_match("", &tag));
        assert!(!none_match(&tag[..tag.len() - 1], &tag), "unterminated");
        assert!(!none_match("garbage, \"é\", W/", &tag));
        assert!(none_match(&format!("junk, {tag}"), &tag));
    }
}
