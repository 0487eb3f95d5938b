//! Any bytes, as a page: decoding, parsing, extraction and metadata must not panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = crosswire_extract::extract_bytes(
        data,
        Some("text/html; charset=utf-8"),
        Some("http://x/2020/01/02/"),
    );
    let _ = page.text();
    let _ = page.metadata.to_model(None);
    if let Ok(s) = std::str::from_utf8(data) {
        let _ = crosswire_extract::html_fragment_text(s);
    }
});
