//! Debug aid: time decoding, parsing and full extraction separately over many pages.
use std::time::Instant;
fn main() {
    let pages: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .filter_map(|p| crosswire_extract::read_page_file(std::path::Path::new(&p)).ok())
        .collect();
    let t = Instant::now();
    let texts: Vec<String> = pages
        .iter()
        .map(|b| crosswire_extract::decode_html(b, None).text)
        .collect();
    let dec = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut n = 0;
    for h in &texts {
        n += crosswire_extract::dom::Dom::parse(h).nodes.len();
    }
    let parse = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for h in &texts {
        n += crosswire_extract::extract(h, None).paragraphs.len();
    }
    let full = t.elapsed().as_secs_f64();
    let mb: usize = texts.iter().map(|t| t.len()).sum();
    println!(
        "{} pages {} MB: decode {dec:.3}s parse {parse:.3}s full {full:.3}s ({n})",
        pages.len(),
        mb / 1_000_000
    );
}
