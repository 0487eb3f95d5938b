//! Any bytes, as an RSS/Atom feed: items are read or reported, never a panic.
#![no_main]
use crosswire_ingest::formats::{Feed, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = std::io::BufReader::new(data);
    Feed.read("fuzz.xml", "fuzz", &mut input, &mut |_| {});
});
