//! Bytes to text: BOMs, UTF-8, detected legacy encodings (Windows-1252, Latin-1, ...), and
//! refusal of binary data.

use std::io::Read;
use std::path::Path;

use encoding_rs::Encoding;

use crate::InputProblem;

/// Largest input file read whole (larger files are refused rather than exhausting memory;
/// WARC files are streamed and not subject to this).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Read a file (gzip-compressed if it ends in `.gz` or starts with the gzip magic) into bytes,
/// with a clear error naming the file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputProblem> {
    let origin = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| InputProblem::new(&origin, format!("cannot read: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(InputProblem::new(
            &origin,
            format!(
                "file is too large ({} bytes; limit {MAX_FILE_BYTES})",
                meta.len()
            ),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| InputProblem::new(&origin, format!("cannot read: {e}")))?;
    gunzip_if_needed(&origin, bytes)
}

/// Decompress gzip data (all members), leaving other data as is.
pub fn gunzip_if_needed(origin: &str, bytes: Vec<u8>) -> Result<Vec<u8>, InputProblem> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut out)
        .map_err(|e| InputProblem::new(origin, format!("corrupt or truncated gzip data: {e}")))?;
    Ok(out)
}

/// Whether bytes look like binary data rather than text: NUL bytes or many control characters
/// in the first 8 KiB.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 20 > head.len().max(1)
}

/// Decode text bytes: BOM if present, else UTF-8 if valid, else the encoding `chardetng`
/// detects (Windows-1252 for most Western legacy text). Refuses binary and empty input.
pub fn decode_bytes(origin: &str, bytes: &[u8]) -> Result<String, InputProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputProblem::new(origin, "empty input"));
    }
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(InputProblem::new(origin, "binary data, not text"));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, _) = enc.decode(bytes);
    Ok(text.into_owned())
}

/// Read and decode a text file.
pub fn decode_text(path: &Path) -> Result<String, InputProblem> {
    let bytes = read_bytes(path)?;
    decode_bytes(&path.display().to_string(), &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_windows_1252_and_latin1() {
        // "café – “quoted”" in Windows-1252.
        let bytes = b"Le caf\xe9 \x96 \x93quoted\x94 na\xefve r\xe9sum\xe9 \xe0 la fran\xe7aise\n";
        let s = decode_bytes("t", bytes).unwrap();
        assert!(s.contains("café"), "{s}");
        assert!(s.contains('\u{201C}') && s.contains('–'), "{s}");
    }

    #[test]
    fn utf8_and_bom() {
        assert_eq!(decode_bytes("t", "Erdoğan".as_bytes()).unwrap(), "Erdoğan");
        assert_eq!(decode_bytes("t", b"\xef\xbb\xbfhello").unwrap(), "hello");
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("hi".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode_bytes("t", &utf16).unwrap(), "hi");
    }

    #[test]
    fn refuses_binary_and_empty() {
        assert!(
            decode_bytes("x.bin", b"\x00\x01\x02ELF")
                .unwrap_err()
                .message
                .contains("binary")
        );
        assert!(
            decode_bytes("e.txt", b"  \n ")
                .unwrap_err()
                .message
                .contains("empty")
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(
            &mut enc,
            "some text that is long enough ".repeat(50).as_bytes(),
        )
        .unwrap();
        let gz = enc.finish().unwrap();
        let cut = gz[..gz.len() / 2].to_vec();
        assert!(
            gunzip_if_needed("a.gz", cut)
                .unwrap_err()
                .message
                .contains("gzip")
        );
        assert!(
            gunzip_if_needed("a.gz", gz)
                .unwrap()
                .starts_with(b"some text")
        );
    }
}
