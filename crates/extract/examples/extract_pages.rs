//! Extract many pages into a directory, timing only decoding + extraction.
//! `cargo run --release -p crosswire-extract --example extract_pages -- OUT_DIR PAGE...`
//! (the same work as `crosswire extract --out-dir OUT_DIR --timing PAGE...`, without the CLI).
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(out_dir) = args.next() else {
        eprintln!("usage: extract_pages OUT_DIR PAGE...");
        std::process::exit(2);
    };
    let _ = std::fs::create_dir_all(&out_dir);
    let mut spent = Duration::ZERO;
    let mut n = 0;
    for p in args {
        let path = std::path::Path::new(&p);
        let Ok(bytes) = crosswire_extract::read_page_file(path) else {
            eprintln!("{p}: unreadable");
            continue;
        };
        let t0 = Instant::now();
        let page = crosswire_extract::extract_bytes(&bytes, None, None);
        spent += t0.elapsed();
        n += 1;
        let name = path
            .file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let stem = name
            .strip_suffix(".html")
            .or_else(|| name.strip_suffix(".htm"))
            .unwrap_or(name);
        let _ = std::fs::write(format!("{out_dir}/{stem}.txt"), page.text());
    }
    let s = spent.as_secs_f64();
    eprintln!(
        "{n} pages, {s:.3} s extraction, {:.0} pages/s",
        n as f64 / s.max(1e-9)
    );
}
