//! Any bytes, as a WARC stream: records are read or reported, never a panic.
#![no_main]
use crosswire_ingest::formats::{Format, Warc};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = std::io::BufReader::new(data);
    Warc.read("fuzz.warc", "fuzz", &mut input, &mut |_| {});
});
