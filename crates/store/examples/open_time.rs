//! How long a writer's start takes on an existing store: `Store::open` (migrations), then
//! `Store::resume` (clusterer state, the dedup window, the LSH key filter), then one empty
//! batch (which loads the key filter if resume did not). Used by bench/store_open.sh.
//!
//!     cargo run --release -p crosswire-store --example open_time -- STORE.db [WINDOW]
//!
//! With `CROSSWIRE_PROFILE=1` it also prints the CPU time of reading the LSH key filter.

use std::time::Instant;

use crosswire_cluster::Config;
use crosswire_store::Store;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: open_time STORE.db [WINDOW]")?;
    let window: usize = match args.next() {
        Some(w) => w.parse()?,
        None => 100_000,
    };
    let start = Instant::now();
    let mut store = Store::open(std::path::Path::new(&path))?;
    let opened = start.elapsed();
    let t = Instant::now();
    let mut stream = store.resume(Config::default(), window)?;
    let resumed = t.elapsed();
    let t = Instant::now();
    store.add_batch(&[], &mut stream)?;
    let batch = t.elapsed();
    println!(
        "open {:.3}s  resume {:.3}s  first (empty) batch {:.3}s  total {:.3}s",
        opened.as_secs_f64(),
        resumed.as_secs_f64(),
        batch.as_secs_f64(),
        start.elapsed().as_secs_f64()
    );
    // With CROSSWIRE_PROFILE set: CPU time of the key filter's part of the resume.
    if std::env::var_os("CROSSWIRE_PROFILE").is_some() {
        print!("{}", store.profile().report());
    }
    Ok(())
}
