//! Turning page bytes into text: the declared charset (HTTP `Content-Type`, byte-order mark,
//! `<meta charset>` / `http-equiv`) wins when it names a known encoding; otherwise valid UTF-8
//! is taken as UTF-8 and anything else is sniffed with `chardetng`. Decoding replaces bad
//! bytes with U+FFFD, so no input fails.

use encoding_rs::{Encoding, UTF_8};

/// How the encoding was decided, for diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharsetSource {
    ByteOrderMark,
    HttpHeader,
    MetaTag,
    Utf8Valid,
    Detected,
}

/// Decoded page text and the encoding used.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static Encoding,
    pub source: CharsetSource,
}

/// The charset named in a `Content-Type` value such as `text/html; charset=ISO-8859-1`.
pub fn charset_from_content_type(ct: &str) -> Option<&'static Encoding> {
    let lower = ct.to_ascii_lowercase();
    let i = lower.find("charset")?;
    let rest = lower[i + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest.as_bytes()[..end])
}

/// The charset declared in the first 4 KiB of the page by `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…charset=…">`.
pub fn charset_from_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr::memchr(b'>', &lower[start..])
            .map(|e| start + e)
            .unwrap_or(lower.len());
        let tag = &lower[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let mut p = j + 7;
            while p < tag.len() && (tag[p].is_ascii_whitespace()) {
                p += 1;
            }
            if p < tag.len() && tag[p] == b'=' {
                p += 1;
                while p < tag.len()
                    && (tag[p].is_ascii_whitespace() || tag[p] == b'"' || tag[p] == b'\'')
                {
                    p += 1;
                }
                let s = p;
                while p < tag.len()
                    && !(tag[p].is_ascii_whitespace()
                        || matches!(tag[p], b'"' | b'\'' | b';' | b'/' | b'>'))
                {
                    p += 1;
                }
                if let Some(enc) = Encoding::for_label(&tag[s..p]) {
                    // A page that says UTF-16 in a meta tag is really ASCII-compatible.
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        return Some(UTF_8);
                    }
                    return Some(enc);
                }
            }
        }
        from = end;
        if from >= lower.len() {
            break;
        }
    }
    None
}

/// Decode page bytes. `content_type` is the HTTP header value, when there was one.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            encoding: enc,
            source: CharsetSource::ByteOrderMark,
        };
    }
    let declared = content_type
        .and_then(charset_from_content_type)
        .map(|e| (e, CharsetSource::HttpHeader))
        .or_else(|| charset_from_meta(bytes).map(|e| (e, CharsetSource::MetaTag)));
    let (enc, source) = match declared {
        // Pages that declare Latin-1 but are valid UTF-8 with non-ASCII bytes are common
        // (templates copied across sites); UTF-8 validity is strong evidence.
        Some((enc, src))
            if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() =>
        {
            let _ = (enc, src);
            (UTF_8, CharsetSource::Utf8Valid)
        }
        Some(d) => d,
        None if std::str::from_utf8(bytes).is_ok() => (UTF_8, CharsetSource::Utf8Valid),
        None => {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            (
                det.guess(None, chardetng::Utf8Detection::Allow),
                CharsetSource::Detected,
            )
        }
    };
    let (text, _, _) = enc.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_header_charsets() {
        let page =
            b"<html><head><meta charset=\"windows-1252\"></head><body>Gr\xfc\xdfe \x93x\x94</body>";
        let d = decode_html(page, None);
        assert_eq!(d.source, CharsetSource::MetaTag);
        assert!(d.text.contains("Grüße “x”"));
        let page =
            b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>M\xfcnchen";
        assert!(decode_html(page, None).text.contains("München"));
        let d = decode_html(b"M\xfcnchen", Some("text/html; charset=latin1"));
        assert_eq!(d.source, CharsetSource::HttpHeader);
        assert_eq!(d.text, "München");
    }

    #[test]
    fn undeclared_latin1_is_detected_and_utf8_kept() {
        let d = decode_html("<p>Straße in Köln</p>".as_bytes(), None);
        assert_eq!(d.source, CharsetSource::Utf8Valid);
        let d = decode_html(
            b"<p>Die Stra\xdfe f\xfcr gro\xdfe K\xf6lner B\xfcrger ist sch\xf6n.</p>",
            None,
        );
        assert_eq!(d.source, CharsetSource::Detected);
        assert!(d.text.contains("Straße"), "{}", d.text);
    }

    #[test]
    fn declared_latin1_but_valid_utf8_is_utf8() {
        let page = "<meta charset=iso-8859-1><p>Grüße</p>".as_bytes();
        assert!(decode_html(page, None).text.contains("Grüße"));
    }
}
