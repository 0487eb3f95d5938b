//! No input may panic the text-side parsers: random bytes, random Unicode, truncations.

use crosswire_ingest::decode_bytes;
use crosswire_ingest::formats::{self, Format};
use crosswire_ingest::metadata::{blocks, find_date, from_raw};
use crosswire_model::RawDocument;

/// xorshift64*: a tiny deterministic generator, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "By ",
    "Reuters",
    " - ",
    "May 15,2019",
    "\n",
    "\n\n",
    "Source: ",
    "PHOTO:",
    ": ",
    "—",
    "–",
    " -- ",
    "ISTANBUL",
    "(AP)",
    "\u{201C}",
    "\u{201D}",
    "ğ",
    "İ",
    "é",
    "…",
    ".",
    "U.S.",
    " Gen. ",
    "1.5",
    "?",
    "!",
    "Title Words Here",
    "reported",
    ", Reuters reported.",
    "told Reuters",
    "Welcome to X.com",
    "\u{0}",
    "\r\n",
    "\t",
    " ",
    "2019-02-30",
    "31 Feb 2019",
    "Sept. 99, 1899",
    "support A B on Patreon!",
    "a",
];

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(60);
    let mut s = String::new();
    for _ in 0..n {
        if rng.below(5) == 0 {
            // Random scalar values, including astral and combining marks.
            let c = char::from_u32(rng.below(0x2_FFFF) as u32).unwrap_or('x');
            s.push(c);
        } else {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    s
}

#[test]
fn random_text_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for i in 0..3000 {
        let text = random_text(&mut rng);
        let mut raw = RawDocument::text(format!("d{i}"), "fuzz", text.clone());
        if i % 3 == 0 {
            raw.title = Some(random_text(&mut rng));
            raw.published = Some(random_text(&mut rng));
            raw.url = Some(format!("https://{}", random_text(&mut rng)));
        }
        let m = from_raw(&raw);
        let mut meta = m.meta.clone();
        crosswire_ingest::metadata::complete(&mut meta, &m.body, &m.removed);
        let _ = blocks(&text);
        let _ = find_date(&text);
        let _ = crosswire_text::sentences(&text);
        let _ = crosswire_text::content_terms(&text);
        let _ = crosswire_text::fold(&text);
    }
}

#[test]
fn random_bytes_never_panic_in_decoding_or_formats() {
    let mut rng = Rng(42);
    for _ in 0..2000 {
        let n = rng.below(300);
        let mut bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if rng.below(3) == 0 {
            bytes.insert(0, b'{');
        }
        let _ = decode_bytes("fuzz", &bytes);
        for f in formats::FORMATS {
            f.read("fuzz", "fuzz", &mut &bytes[..], &mut |_| {});
        }
        let _ = formats::for_head(&bytes);
    }
}

#[test]
fn truncated_jsonl_reports_problems_with_line_numbers() {
    let data = b"{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\"tw";
    let mut got = Vec::new();
    formats::Jsonl.read("f.jsonl", "f", &mut &data[..], &mut |r| got.push(r));
    assert!(got[0].is_ok());
    let err = got[1].as_ref().unwrap_err();
    assert_eq!(err.origin, "f.jsonl:2");
}
