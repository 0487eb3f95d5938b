//! The routes on a small store filled through the public `Store` API, called as functions
//! ([`App::handle`]) and once over a real socket.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crosswire::cluster::Config;
use crosswire::model::{Article, CleanStats, Metadata};
use crosswire::pipeline::{self, DigestOptions};
use crosswire::report;
use crosswire::store::Store;

use crate::{App, Response, Server};

const HOSTILE: &str = "<script>alert(1)</script>";

const QUAKE: &str = "A magnitude 7.1 earthquake struck off the coast of Honshu on Friday, \
    collapsing buildings in three coastal towns and prompting a tsunami warning for the \
    whole prefecture.\n\nRescuers searched the rubble through the night while aftershocks \
    shook the region, officials at the national disaster agency said in a statement.\n\n\
    At least 40 people were killed and 200 injured, the agency said on Saturday.";
/// The quake report as another outlet carried it: a near copy, so the same story.
fn quake_copy() -> String {
    QUAKE.replace("on Saturday", "on Saturday morning")
}
const VOTE: &str = "Voters in Brasilia queued for hours to cast ballots in the presidential \
    runoff, with the incumbent leading every poll published during the final week of the \
    campaign.\n\nElection officials said turnout was the highest recorded since the return \
    of direct elections, and results were expected late on Sunday evening.";
const HOSTILE_BODY: &str = "Floodwater <img src=x onerror=alert(2)> covered the lower \
    streets of the river port after three days of rain, and the mayor ordered schools \
    closed until further notice.\n\nEngineers said the levee held, though pumps failed in \
    two districts where residents were moved to shelters by boat.";

fn article(id: &str, outlet: &str, title: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        origin: format!("fixture:{id}"),
        meta: Metadata {
            title: title.to_string(),
            url: Some(format!("https://{outlet}.example/{id}")),
            published: "2024-03-01".parse().ok(),
            outlet: Some(outlet.to_string()),
            ..Metadata::default()
        },
        paragraphs: body.split("\n\n").map(str::to_string).collect(),
        stats: CleanStats {
            raw_words: 120,
            kept_words: 100,
        },
        removed: Vec::new(),
    }
}

/// A fresh directory for one test.
fn tempdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosswire-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tempdir");
    dir
}

fn add(db: &Path, articles: &[Article]) {
    let mut store = Store::open(db).expect("open");
    let mut stream = store.resume(Config::default(), 100).expect("resume");
    store.add_batch(articles, &mut stream).expect("add");
}

/// A store with three stories: an earthquake (two outlets), a vote, and a flood whose only
/// title is a script tag.
fn fixture(name: &str) -> (PathBuf, App) {
    let dir = tempdir(name);
    let db = dir.join("s.db");
    add(
        &db,
        &[
            article(
                "q1",
                "tokyo-daily",
                "Earthquake strikes off Honshu coast",
                QUAKE,
            ),
            article(
                "q2",
                "coast-news",
                "Honshu earthquake kills 40",
                &quake_copy(),
            ),
            article(
                "v1",
                "brasil-post",
                "Brazil votes in presidential runoff",
                VOTE,
            ),
            article("h1", "river-herald", HOSTILE, HOSTILE_BODY),
        ],
    );
    (db.clone(), App::new(db, 100))
}

fn cleanup(db: &Path) {
    if let Some(dir) = db.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}

/// The id of the stored story whose headline contains `needle`.
fn story_id(db: &Path, needle: &str) -> u64 {
    let store = Store::open(db).expect("open");
    store
        .stories()
        .expect("stories")
        .into_iter()
        .find(|s| s.headline.contains(needle))
        .unwrap_or_else(|| panic!("no story {needle:?}"))
        .id
}

fn get(app: &App, target: &str) -> Response {
    app.handle("GET", target)
}

fn json(r: &Response) -> serde_json::Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[test]
fn list_page_links_every_story_most_recent_first() {
    let (db, app) = fixture("list");
    let r = get(&app, "/");
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type, "text/html; charset=utf-8");
    let store = Store::open(&db).expect("open");
    let stories = store.stories().expect("stories");
    assert!(stories.len() >= 3, "{stories:?}");
    let mut last = 0;
    for s in &stories {
        let link = format!("<a href=\"/story/{}\">", s.id);
        let at = r
            .body
            .find(&link)
            .unwrap_or_else(|| panic!("{link} in {}", r.body));
        assert!(at > last, "the store's order is kept");
        last = at;
        assert!(
            r.body
                .contains(&format!("<td class=\"d\">{}</td>", s.first_seen))
        );
    }
    assert!(r.body.contains("Earthquake") || r.body.contains("Honshu"));
    assert!(r.body.contains("Brazil votes in presidential runoff"));
    assert!(r.body.contains(&format!("{} stories", stories.len())));
    cleanup(&db);
}

#[test]
fn story_page_is_the_digest_with_a_back_link() {
    let (db, app) = fixture("story");
    let id = story_id(&db, "Brazil");
    let r = get(&app, &format!("/story/{id}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.starts_with("<!DOCTYPE html>"));
    assert!(
        r.body
            .contains("<h1>Brazil votes in presidential runoff</h1>")
    );
    assert!(r.body.contains("<h2>Summary</h2>") && r.body.contains("Voters in Brasilia"));
    assert!(r.body.contains("brasil-post"), "sources table");
    assert!(r.body.contains("<a href=\"/\">"), "back link");
    // The same story under the id a digest gives it.
    assert_eq!(get(&app, &format!("/story/story-{id}")).body, r.body);
    cleanup(&db);
}

#[test]
fn hostile_text_is_escaped_on_both_pages() {
    let (db, app) = fixture("hostile");
    let id = story_id(&db, "script");
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";
    for target in ["/".to_string(), format!("/story/{id}")] {
        let r = get(&app, &target);
        assert_eq!(r.status, 200);
        assert!(!r.body.contains(HOSTILE), "{target}: {}", r.body);
        assert!(r.body.contains(escaped), "{target}");
        assert!(!r.body.contains("<img"), "{target}");
        assert!(!r.body.to_ascii_lowercase().contains("<script"), "{target}");
    }
    // The JSON keeps the text as it is: escaping is the HTML renderer's job.
    let api = json(&get(&app, &format!("/api/stories/{id}")));
    assert_eq!(api["headline"], HOSTILE);
    cleanup(&db);
}

#[test]
fn api_story_is_the_digest_json_of_the_cli() {
    let (db, app) = fixture("api-story");
    let id = story_id(&db, "Honshu");
    let r = get(&app, &format!("/api/stories/{id}"));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.content_type, "application/json; charset=utf-8");
    // What `crosswire digest --db P --story ID --format json` prints (cmd/digest_db.rs).
    let store = Store::open(&db).expect("open");
    let story = store.story(id).expect("read").expect("story");
    let expected = report::json(&pipeline::digest(&story, &DigestOptions::default()));
    assert_eq!(r.body, expected);
    let doc = json(&r);
    for key in [
        "schema_version",
        "story_id",
        "headline",
        "summary",
        "sources",
    ] {
        assert!(doc.get(key).is_some(), "{key}");
    }
    assert_eq!(doc["story_id"], format!("story-{id}"));
    // Both outlets, the copy pointing at its original.
    assert_eq!(doc["sources"].as_array().map(Vec::len), Some(2));
    assert_eq!(doc["duplicates"].as_array().map(Vec::len), Some(1));
    assert!(!doc["summary"].as_array().expect("summary").is_empty());
    cleanup(&db);
}

#[test]
fn api_list_is_the_stories_json_of_the_cli() {
    let (db, app) = fixture("api-list");
    let r = get(&app, "/api/stories");
    assert_eq!(r.status, 200);
    let store = Store::open(&db).expect("open");
    let stories = store.stories().expect("stories");
    // What `crosswire stories --format json` prints.
    let expected = serde_json::to_string_pretty(&stories).expect("json") + "\n";
    assert_eq!(r.body, expected);
    let list = json(&r);
    let first = &list[0];
    for key in [
        "id",
        "headline",
        "articles",
        "outlets",
        "first_seen",
        "last_seen",
        "updated",
    ] {
        assert!(first.get(key).is_some(), "{key}");
    }
    let page = json(&get(&app, "/api/stories?offset=1&limit=1"));
    assert_eq!(page.as_array().map(Vec::len), Some(1));
    assert_eq!(page[0]["id"], list[1]["id"]);
    assert_eq!(get(&app, "/api/stories?limit=x").status, 400);
    cleanup(&db);
}

#[test]
fn health_reports_the_store() {
    let (db, app) = fixture("health");
    let r = get(&app, "/api/health");
    assert_eq!(r.status, 200);
    let doc = json(&r);
    assert_eq!(doc["status"], "ok");
    assert_eq!(doc["articles"], 4);
    assert!(doc["store_schema_version"].as_u64().is_some_and(|v| v >= 1));
    assert_eq!(doc["digest_schema_version"], 1);
    cleanup(&db);
}

#[test]
fn errors_have_the_right_status_and_form() {
    let (db, app) = fixture("errors");
    let id = story_id(&db, "Brazil");
    let cases: &[(&str, &str, u16)] = &[
        ("GET", "/nope", 404),
        ("GET", "/story/999999", 404),
        ("GET", "/story/abc", 400),
        ("GET", "/story/-3", 400),
        ("GET", "/story/99999999999999999999999", 400),
        ("GET", "/?page=two", 400),
        ("POST", "/", 405),
        ("DELETE", "/story/1", 405),
    ];
    for &(method, target, status) in cases {
        let r = app.handle(method, target);
        assert_eq!(r.status, status, "{method} {target}");
        assert_eq!(r.content_type, "text/html; charset=utf-8", "{target}");
        assert!(r.body.contains(&format!("<h1>{status} ")), "{target}");
    }
    let api: &[(&str, &str, u16)] = &[
        ("GET", "/api/nope", 404),
        ("GET", "/api/stories/999999", 404),
        ("GET", "/api/stories/x1", 400),
        ("GET", "/api/stories/1.0", 400),
        ("POST", "/api/stories", 405),
        ("PUT", &format!("/api/stories/{id}"), 405),
    ];
    for &(method, target, status) in api {
        let r = app.handle(method, target);
        assert_eq!(r.status, status, "{method} {target}");
        assert_eq!(r.content_type, "application/json; charset=utf-8");
        assert!(json(&r)["error"].is_string(), "{target}: {}", r.body);
    }
    let r = app.handle("POST", "/api/stories");
    assert!(r.headers().contains(&("Allow", "GET, HEAD")));
    // A huge unknown path is not echoed whole.
    let long = format!("/{}", "a".repeat(100_000));
    let r = get(&app, &long);
    assert_eq!(r.status, 404);
    assert!(r.body.len() < 2_000, "{}", r.body.len());
    // HEAD is allowed (the server drops the body).
    assert_eq!(app.handle("HEAD", "/").status, 200);
    // The bad id is quoted in the message, escaped.
    let r = get(&app, "/story/<b>x</b>");
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("&lt;b&gt;x") && !r.body.contains("<b>"),
        "{}",
        r.body
    );
    cleanup(&db);
}

#[test]
fn every_response_carries_the_security_headers() {
    let (db, app) = fixture("headers");
    for target in ["/", "/api/stories", "/nope", "/api/nope"] {
        let r = get(&app, target);
        let h = r.headers();
        let csp = h
            .iter()
            .find(|(k, _)| *k == "Content-Security-Policy")
            .map(|(_, v)| *v)
            .expect("CSP");
        assert!(csp.starts_with("default-src 'none'") && !csp.contains("script-src"));
        assert!(h.contains(&("X-Content-Type-Options", "nosniff")));
        assert!(
            h.iter()
                .any(|(k, v)| *k == "Content-Type" && v.contains("charset=utf-8"))
        );
    }
    cleanup(&db);
}

#[test]
fn a_missing_store_is_a_500_and_is_not_created() {
    let dir = tempdir("missing");
    let db = dir.join("none.db");
    let app = App::new(&db, 100);
    let r = get(&app, "/api/stories");
    assert_eq!(r.status, 500);
    assert!(
        json(&r)["error"]
            .as_str()
            .is_some_and(|m| m.contains("no store"))
    );
    assert_eq!(get(&app, "/").status, 500);
    assert!(!db.exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn stories_ingested_while_serving_appear_on_the_next_request() {
    let (db, app) = fixture("live");
    let before = json(&get(&app, "/api/stories"))
        .as_array()
        .map_or(0, Vec::len);
    // A writer adds a batch while the app keeps answering (WAL: readers never block it).
    let reader = Store::open(&db).expect("reader held open");
    let _ = reader.stories().expect("read");
    add(
        &db,
        &[article(
            "w1",
            "alpine-times",
            "Avalanche closes Alpine pass",
            "An avalanche buried the road over the Alpine pass on Tuesday, trapping a \
             convoy of trucks for six hours before snowploughs cleared a single lane.\n\n\
             Mountain guides said warm winds had loosened the snowpack after a week of storms.",
        )],
    );
    let after = json(&get(&app, "/api/stories"));
    assert_eq!(after.as_array().map_or(0, Vec::len), before + 1);
    assert_eq!(after[0]["headline"], "Avalanche closes Alpine pass");

    // A story page made (and cached) before an ingest adds to the story is made again.
    let quake = story_id(&db, "Honshu");
    let targets = [format!("/api/stories/{quake}"), format!("/story/{quake}")];
    let old: Vec<Response> = targets.iter().map(|t| get(&app, t)).collect();
    let old_sources = json(&old[0])["sources"].as_array().map_or(0, Vec::len);
    for (t, r) in targets.iter().zip(&old) {
        assert_eq!(get(&app, t), *r, "{t}: served again unchanged");
    }
    add(
        &db,
        &[article(
            "q3",
            "pacific-wire",
            "Honshu quake toll rises",
            &QUAKE.replace("At least 40", "At least 45"),
        )],
    );
    assert_eq!(story_id(&db, "Honshu"), quake, "the copy joined the story");
    let new: Vec<Response> = targets.iter().map(|t| get(&app, t)).collect();
    let doc = json(&new[0]);
    assert_eq!(
        doc["sources"].as_array().map_or(0, Vec::len),
        old_sources + 1
    );
    assert!(new[1].body.contains("pacific-wire"));
    for (t, (old, new)) in targets.iter().zip(old.iter().zip(&new)) {
        assert_ne!(old.etag, new.etag, "{t}");
        // A client holding the old page gets the new one, not a 304.
        let again = app.handle_conditional("GET", t, old.etag.as_deref());
        assert_eq!((again.status, &again.body), (200, &new.body), "{t}");
    }
    // And it is the digest the CLI would make now.
    let store = Store::open(&db).expect("open");
    let story = store.story(quake).expect("read").expect("story");
    let expected = report::json(&pipeline::digest(&story, &DigestOptions::default()));
    assert_eq!(new[0].body, expected);
    drop(reader);
    cleanup(&db);
}

#[test]
fn story_pages_are_made_once_per_version() {
    let (db, app) = fixture("cache");
    let quake = story_id(&db, "Honshu");
    let vote = story_id(&db, "Brazil");
    let first = get(&app, &format!("/api/stories/{quake}"));
    assert_eq!(app.cache_stats().misses, 1);
    // Again, under the other id form, and the page of a merged-away id would be too.
    let again = get(&app, &format!("/api/stories/story-{quake}"));
    assert_eq!(first, again);
    let stats = app.cache_stats();
    assert_eq!((stats.hits, stats.misses, stats.entries), (1, 1, 1));
    // HTML and JSON are separate pages; another story is another page.
    assert_eq!(get(&app, &format!("/story/{quake}")).status, 200);
    assert_eq!(get(&app, &format!("/story/{vote}")).status, 200);
    assert_eq!(app.cache_stats().entries, 3);
    assert!(app.cache_stats().bytes > first.body.len());
    // A missing story is not cached.
    assert_eq!(get(&app, "/api/stories/99999").status, 404);
    assert_eq!(app.cache_stats().entries, 3);
    // The health document reports the cache.
    let health = json(&get(&app, "/api/health"));
    assert_eq!(health["page_cache"]["pages"], 3);
    assert_eq!(health["page_cache"]["hits"], 1);
    // A cache of no pages gives the same answers.
    let uncached = App::new(&db, 100).with_cache(0, 0);
    assert_eq!(get(&uncached, &format!("/api/stories/{quake}")), first);
    assert_eq!(uncached.cache_stats().entries, 0);
    cleanup(&db);
}

#[test]
fn if_none_match_with_the_current_tag_is_a_304() {
    let (db, app) = fixture("etag");
    let quake = story_id(&db, "Honshu");
    for target in [
        format!("/api/stories/{quake}"),
        format!("/story/{quake}"),
        "/api/stories".to_string(),
        "/".to_string(),
    ] {
        let r = get(&app, &target);
        let etag = r.etag.clone().expect("a 200 has an ETag");
        assert!(
            etag.starts_with('"') && etag.ends_with('"'),
            "strong: {etag}"
        );
        assert!(r.headers().contains(&("ETag", etag.as_str())));
        for header in [
            etag.clone(),
            format!("W/{etag}"),
            format!("\"stale\", {etag}"),
            "*".to_string(),
        ] {
            for method in ["GET", "HEAD"] {
                let c = app.handle_conditional(method, &target, Some(&header));
                assert_eq!(c.status, 304, "{method} {target} {header}");
                assert!(c.body.is_empty());
                assert_eq!(c.etag.as_deref(), Some(etag.as_str()));
            }
        }
        let other = app.handle_conditional("GET", &target, Some("\"stale\""));
        assert_eq!((other.status, &other.body), (200, &r.body), "{target}");
    }
    // Errors carry no tag and are never a 304.
    let missing = app.handle_conditional("GET", "/api/stories/99999", Some("*"));
    assert_eq!((missing.status, missing.etag), (404, None));
    cleanup(&db);
}

/// One HTTP/1.1 exchange over a plain socket: (status line, headers, body).
fn http_get(addr: std::net::SocketAddr, target: &str) -> (String, String, String) {
    http_request(addr, target, &[])
}

/// A GET with extra request headers.
fn http_request(
    addr: std::net::SocketAddr,
    target: &str,
    headers: &[(&str, &str)],
) -> (String, String, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let extra: String = headers
        .iter()
        .map(|(k, v)| format!("{k}: {v}\r\n"))
        .collect();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\n{extra}Connection: close\r\n\r\n"
    )
    .expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8(raw).expect("utf-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("head and body");
    let (status, headers) = head.split_once("\r\n").unwrap_or((head, ""));
    (status.to_string(), headers.to_string(), body.to_string())
}

#[test]
fn real_http_over_a_socket() {
    let (db, app) = fixture("socket");
    let id = story_id(&db, "script");
    let server = Server::bind("127.0.0.1:0", app)
        .expect("bind")
        .log_requests(false);
    let running = server.spawn(2).expect("spawn");
    let addr = running.addr();
    assert!(addr.ip().is_loopback() && addr.port() != 0);

    let (status, headers, body) = http_get(addr, "/api/health");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let lower = headers.to_ascii_lowercase();
    assert!(
        lower.contains("content-type: application/json; charset=utf-8"),
        "{headers}"
    );
    assert!(lower.contains("x-content-type-options: nosniff"));
    assert!(lower.contains("content-security-policy: default-src 'none'"));
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(doc["status"], "ok");

    let (status, headers, body) = http_get(addr, &format!("/story/{id}"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(
        headers
            .to_ascii_lowercase()
            .contains("content-type: text/html; charset=utf-8")
    );
    assert!(body.contains("&lt;script&gt;") && !body.contains(HOSTILE));

    let (status, _, body) = http_get(addr, "/api/stories/none");
    assert_eq!(status, "HTTP/1.1 400 Bad Request");
    assert!(body.contains("\"error\""));

    // A conditional request with the tag of the page it has: 304, no body.
    let target = format!("/api/stories/{id}");
    let (_, headers, _) = http_get(addr, &target);
    let etag = headers
        .lines()
        .find_map(|l| {
            l.split_once(':')
                .filter(|(k, _)| k.eq_ignore_ascii_case("etag"))
        })
        .map(|(_, v)| v.trim().to_string())
        .expect("ETag header");
    let (status, headers, body) = http_request(addr, &target, &[("If-None-Match", &etag)]);
    assert_eq!(status, "HTTP/1.1 304 Not Modified");
    assert!(body.is_empty(), "{body}");
    assert!(headers.contains(&etag));
    let (status, _, body) = http_request(addr, &target, &[("If-None-Match", "\"other\"")]);
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.contains("story_id"));

    running.stop();
    cleanup(&db);
}

fn summary(id: u64, headline: &str) -> crosswire::store::StorySummary {
    crosswire::store::StorySummary {
        id,
        headline: headline.to_string(),
        articles: 2,
        outlets: 1,
        first_seen: "2024-03-01".into(),
        last_seen: "2024-03-02".into(),
        updated: "2024-03-02T10:00:00Z".into(),
    }
}

#[test]
fn list_pages_split_and_clamp() {
    let stories: Vec<_> = (1..=3).map(|i| summary(i, &format!("Story {i}"))).collect();
    let second = crate::pages::story_list(&stories, 2, 1);
    assert!(second.contains("Story 2") && !second.contains("Story 1<"));
    assert!(second.contains("href=\"/?page=1\"") && second.contains("href=\"/?page=3\""));
    assert!(second.contains("page 2 of 3") && second.contains("3 stories, 6 articles"));
    let past_end = crate::pages::story_list(&stories, 99, 1);
    assert!(past_end.contains("Story 3") && past_end.contains("page 3 of 3"));
    let one = crate::pages::story_list(&stories, 1, 100);
    assert!(!one.contains("page 1 of"), "no page links for one page");
    let empty = crate::pages::story_list(&[], 1, 100);
    assert!(empty.contains("0 stories") && empty.contains("crosswire ingest"));
    let untitled = crate::pages::story_list(&[summary(7, "  ")], 1, 100);
    assert!(untitled.contains("<a href=\"/story/7\">Untitled story</a>"));
}
