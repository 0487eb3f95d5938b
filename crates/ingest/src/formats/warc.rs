//! WARC archives (`.warc`, `.warc.gz` as Common Crawl writes them: one gzip member per
//! record, which the caller's `MultiGzDecoder` already joins into one stream).
//!
//! Records are read one at a time, so memory stays bounded by the largest record kept
//! (at most [`MAX_RECORD_BYTES`]; larger ones are skipped unread). `response` records with
//! an HTTP 2xx HTML payload and `resource` records of type HTML become
//! [`SourceKind::Html`] documents: the HTML is decoded with the HTTP `Content-Type`
//! charset when given (else meta tags / detection), `WARC-Target-URI` becomes the URL and
//! `WARC-Date` the fallback publication date. Non-HTML, non-2xx, oversized, truncated and
//! corrupt records are reported as problems; a corrupt header resyncs at the next
//! `WARC/` line, a truncated record ends the input.

use std::io::{BufRead, Read};

use crosswire_model::{RawDocument, SourceKind};

use super::{Emit, Format};
use crate::InputProblem;

/// Largest record body that is read; bigger ones are skipped and reported.
pub const MAX_RECORD_BYTES: u64 = 32 << 20;
/// Longest header line accepted.
const MAX_LINE: u64 = 16 << 10;
/// Most header lines in one WARC or HTTP header block.
const MAX_HEADERS: usize = 256;

/// WARC archives.
pub struct Warc;

impl Format for Warc {
    fn name(&self) -> &'static str {
        "warc"
    }

    fn claims(&self, lower_name: &str) -> bool {
        lower_name.ends_with(".warc")
    }

    fn sniff(&self, head: &[u8]) -> bool {
        head.starts_with(b"WARC/")
    }

    fn read(&self, origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
        read_warc(origin, stem, input, emit);
    }
}

/// Read one line (up to `MAX_LINE` bytes) into `buf`; `Ok(false)` at end of input.
fn read_line(input: &mut dyn BufRead, buf: &mut Vec<u8>) -> std::io::Result<bool> {
    buf.clear();
    let n = input.take(MAX_LINE).read_until(b'\n', buf)?;
    Ok(n > 0)
}

fn trim_line(buf: &[u8]) -> &[u8] {
    buf.trim_ascii_end()
}

/// Parse `Name: value` lines until a blank line. Names are lowercased.
fn read_headers(input: &mut dyn BufRead) -> std::io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    let mut line = Vec::new();
    while read_line(input, &mut line)? {
        let l = trim_line(&line);
        if l.is_empty() {
            break;
        }
        if headers.len() < MAX_HEADERS
            && let Some(colon) = l.iter().position(|&c| c == b':')
        {
            let name = String::from_utf8_lossy(&l[..colon])
                .trim()
                .to_ascii_lowercase();
            let value = String::from_utf8_lossy(&l[colon + 1..]).trim().to_string();
            headers.push((name, value));
        }
    }
    Ok(headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Read records from a decompressed WARC stream, emitting HTML documents and problems.
pub fn read_warc(origin: &str, stem: &str, input: &mut dyn BufRead, emit: &mut Emit<'_>) {
    let mut line = Vec::new();
    let mut record = 0usize;
    loop {
        // Find the next version line, skipping blank lines between records.
        match read_line(input, &mut line) {
            Ok(true) => {}
            Ok(false) => return,
            Err(e) => {
                emit(Err(InputProblem::new(origin, format!("cannot read: {e}"))));
                return;
            }
        }
        if trim_line(&line).is_empty() {
            continue;
        }
        record += 1;
        let mut at = format!("{origin}#{record}");
        if !line.starts_with(b"WARC/") {
            emit(Err(InputProblem::new(
                &at,
                "corrupt record: expected a WARC/ version line; skipping to the next record",
            )));
            // Resync: skip lines until one that starts a record.
            loop {
                match read_line(input, &mut line) {
                    Ok(true) if line.starts_with(b"WARC/") => break,
                    Ok(true) => continue,
                    _ => return,
                }
            }
            record += 1;
            at = format!("{origin}#{record}");
        }
        let headers = match read_headers(input) {
            Ok(h) => h,
            Err(e) => {
                emit(Err(InputProblem::new(&at, format!("cannot read: {e}"))));
                return;
            }
        };
        let Some(length) = header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok())
        else {
            emit(Err(InputProblem::new(
                &at,
                "corrupt record: missing or bad Content-Length",
            )));
            continue;
        };
        if length > MAX_RECORD_BYTES {
            emit(Err(InputProblem::new(
                &at,
                format!("record of {length} bytes is too large; skipped"),
            )));
            match std::io::copy(&mut input.take(length), &mut std::io::sink()) {
                Ok(n) if n == length => continue,
                _ => {
                    emit(Err(InputProblem::new(
                        &at,
                        "truncated record at end of input",
                    )));
                    return;
                }
            }
        }
        let mut body = Vec::with_capacity(length.min(1 << 20) as usize);
        if let Err(e) = input.take(length).read_to_end(&mut body) {
            emit(Err(InputProblem::new(&at, format!("cannot read: {e}"))));
            return;
        }
        if (body.len() as u64) < length {
            emit(Err(InputProblem::new(
                &at,
                format!(
                    "truncated record: {} of {length} bytes before end of input",
                    body.len()
                ),
            )));
            return;
        }
        let kind = header(&headers, "warc-type").unwrap_or("");
        if header(&headers, "warc-truncated").is_some() && matches!(kind, "response" | "resource") {
            emit(Err(InputProblem::new(
                &at,
                "record marked WARC-Truncated; skipped",
            )));
            continue;
        }
        let payload = match kind {
            "response" => match http_payload(&body) {
                Ok(p) => p,
                Err(msg) => {
                    emit(Err(InputProblem::new(&at, msg)));
                    continue;
                }
            },
            "resource" => Payload {
                content_type: header(&headers, "content-type").map(str::to_string),
                body,
            },
            // warcinfo, request, metadata, revisit, conversion: nothing to read.
            _ => continue,
        };
        if !is_html(payload.content_type.as_deref(), &payload.body) {
            emit(Err(InputProblem::new(
                &at,
                format!(
                    "not HTML ({}); skipped",
                    payload.content_type.as_deref().unwrap_or("no content type")
                ),
            )));
            continue;
        }
        let decoded =
            crosswire_extract::decode_html(&payload.body, payload.content_type.as_deref());
        let url = header(&headers, "warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty());
        emit(Ok(RawDocument {
            id: format!("{stem}#{record}"),
            origin: at,
            kind: SourceKind::Html,
            text: decoded.text,
            title: None,
            url,
            published: header(&headers, "warc-date").map(str::to_string),
            outlet: None,
        }));
    }
}

struct Payload {
    content_type: Option<String>,
    body: Vec<u8>,
}

/// Split an HTTP response into its payload, checking the status and undoing transfer and
/// content encodings.
fn http_payload(raw: &[u8]) -> Result<Payload, String> {
    let mut input: &[u8] = raw;
    let mut status_line = Vec::new();
    read_line(&mut input, &mut status_line).map_err(|e| e.to_string())?;
    let status_text = String::from_utf8_lossy(trim_line(&status_line)).into_owned();
    if !status_text.starts_with("HTTP/") {
        return Err("corrupt response record: no HTTP status line".into());
    }
    let status: u16 = status_text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("corrupt response record: bad status line {status_text:?}"))?;
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {status}; skipped"));
    }
    let headers = read_headers(&mut input).map_err(|e| e.to_string())?;
    let mut body = input.to_vec();
    if header(&headers, "transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body).unwrap_or(body);
    }
    match header(&headers, "content-encoding")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_RECORD_BYTES)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad gzip content encoding: {e}"))?;
            body = out;
        }
        Some("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_RECORD_BYTES)
                .read_to_end(&mut out)
                .map_err(|e| format!("bad deflate content encoding: {e}"))?;
            body = out;
        }
        Some("identity") | None => {}
        Some(other) => return Err(format!("unsupported content encoding {other}; skipped")),
    }
    Ok(Payload {
        content_type: header(&headers, "content-type").map(str::to_string),
        body,
    })
}

/// Undo `Transfer-Encoding: chunked`; `None` if the body is not well-formed chunks.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let eol = body.iter().position(|&c| c == b'\n')?;
        let size_text = std::str::from_utf8(&body[..eol]).ok()?;
        let size_text = size_text.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[eol + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))?;
    }
}

/// Whether a payload is HTML: by content type, or by its first bytes when there is none.
fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    match content_type {
        Some(ct) => {
            let ct = ct.to_ascii_lowercase();
            ct.contains("text/html") || ct.contains("application/xhtml")
        }
        None => {
            let head = &body[..body.len().min(1024)];
            let head = String::from_utf8_lossy(head).to_ascii_lowercase();
            head.contains("<html") || head.contains("<!doctype html")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// One WARC record with the given type, headers and body.
    fn record(kind: &str, uri: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        r.extend_from_slice(body);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        r.extend_from_slice(body);
        r
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn read_all_records(input: &[u8]) -> (Vec<RawDocument>, Vec<InputProblem>) {
        let (mut docs, mut problems) = (Vec::new(), Vec::new());
        let mut reader = std::io::BufReader::new(input);
        read_warc("t.warc", "t", &mut reader, &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(p) => problems.push(p),
        });
        (docs, problems)
    }

    /// A Common-Crawl-like archive: warcinfo, request, an HTML response in windows-1252
    /// declared only in the HTTP header, a redirect, a PDF, a chunked gzip response, a
    /// corrupt record, and finally a truncated one.
    fn archive() -> Vec<Vec<u8>> {
        let latin = http(
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n",
            b"<html><body><article><p>Gr\xfc\xdfe aus K\xf6ln, sagte sie am Montag.</p></article></body></html>",
        );
        let inner = gz(b"<html><body><p>Chunked and gzipped body text.</p></body></html>");
        let mut chunked = format!("{:x}\r\n", inner.len()).into_bytes();
        chunked.extend_from_slice(&inner);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        vec![
            record("warcinfo", "", b"software: test"),
            record(
                "request",
                "<http://a.example/one>",
                b"GET /one HTTP/1.1\r\n\r\n",
            ),
            record("response", "<http://a.example/one>", &latin),
            record(
                "response",
                "http://a.example/moved",
                &http("301 Moved", "Location: /x\r\n", b""),
            ),
            record(
                "response",
                "http://a.example/f.pdf",
                &http("200 OK", "Content-Type: application/pdf\r\n", b"%PDF-1.4"),
            ),
            record(
                "response",
                "http://a.example/two",
                &http(
                    "200 OK",
                    "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                    &chunked,
                ),
            ),
            b"GARBAGE LINE\r\nmore garbage\r\n".to_vec(),
            record(
                "response",
                "http://a.example/three",
                &http(
                    "200 OK",
                    "Content-Type: text/html\r\n",
                    b"<p>Third page.</p>",
                ),
            ),
            {
                let mut r = record(
                    "response",
                    "http://a.example/cut",
                    &http(
                        "200 OK",
                        "Content-Type: text/html\r\n",
                        b"<p>never complete</p>",
                    ),
                );
                r.truncate(r.len() - 20);
                r
            },
        ]
    }

    #[test]
    fn reads_html_responses_and_reports_the_rest() {
        let plain: Vec<u8> = archive().concat();
        let (docs, problems) = read_all_records(&plain);
        let urls: Vec<_> = docs
            .iter()
            .map(|d| d.url.as_deref().unwrap_or(""))
            .collect();
        assert_eq!(
            urls,
            [
                "http://a.example/one",
                "http://a.example/two",
                "http://a.example/three"
            ]
        );
        assert!(docs[0].text.contains("Grüße aus Köln"), "{}", docs[0].text);
        assert!(docs[1].text.contains("Chunked and gzipped body text."));
        assert_eq!(docs[0].kind, SourceKind::Html);
        assert_eq!(docs[0].published.as_deref(), Some("2024-03-05T10:00:00Z"));
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let all = messages.join("\n");
        assert!(all.contains("HTTP status 301"), "{all}");
        assert!(all.contains("not HTML (application/pdf)"), "{all}");
        assert!(all.contains("corrupt record"), "{all}");
        assert!(all.contains("truncated record"), "{all}");
        assert_eq!(problems.len(), 4, "{all}");
    }

    #[test]
    fn multi_member_gzip_as_common_crawl_writes_it() {
        // One gzip member per record, decompressed the way ingest opens .warc.gz files.
        let members: Vec<u8> = archive().iter().map(|r| gz(r)).collect::<Vec<_>>().concat();
        let mut decoder = std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&members[..]));
        let mut docs = Vec::new();
        read_warc("t.warc.gz", "t", &mut decoder, &mut |r| {
            if let Ok(d) = r {
                docs.push(d)
            }
        });
        assert_eq!(docs.len(), 3);
        assert_eq!(docs[2].id, "t#8");
    }

    #[test]
    fn garbage_and_truncations_never_panic() {
        let plain: Vec<u8> = archive().concat();
        for cut in (0..plain.len()).step_by(7) {
            let _ = read_all_records(&plain[..cut]);
        }
        let mut seed = 12345u64;
        for _ in 0..200 {
            let mut bytes = plain.clone();
            for _ in 0..20 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let i = (seed >> 33) as usize % bytes.len();
                bytes[i] = (seed >> 17) as u8;
            }
            let _ = read_all_records(&bytes);
        }
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n").as_deref(),
            Some(&b"abcde"[..])
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"10\r\nabc"), None);
    }
}
