//! Run the cleaner's sequence pass on content probabilities read from a file (out-of-fold
//! predictions of `bench/train_textclean.py --oof`), writing `<OUT>/<stem>.txt` per input.
//! This scores the whole pipeline honestly under cross-validation.
//!
//! usage: apply_probs PROBS.tsv OUT_DIR FILES...   (PROBS.tsv rows: path \t block \t probability)

mod common;

use std::collections::HashMap;

use crosswire_clean::LineModelCleaner;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!("usage: apply_probs PROBS.tsv OUT_DIR FILES...");
        std::process::exit(2);
    }
    let mut table: HashMap<(String, usize), f32> = HashMap::new();
    for row in std::fs::read_to_string(&args[0])
        .unwrap_or_default()
        .lines()
    {
        let cols: Vec<&str> = row.split('\t').collect();
        if let [path, block, p] = cols[..]
            && let (Ok(b), Ok(p)) = (block.parse::<usize>(), p.parse::<f32>())
        {
            table.insert((path.to_string(), b), p);
        }
    }
    let paths = &args[2..];
    let texts = common::read_line_files(paths);
    let docs = common::untitled(&texts);
    let lookup = |doc: usize, block: usize| {
        table
            .get(&(paths[doc].clone(), block))
            .copied()
            .unwrap_or(0.5)
    };
    // RULES_OFF=smoothing,lead_in,... turns sequence rules off to measure each one.
    let off = std::env::var("RULES_OFF").unwrap_or_default();
    let mut cleaner = LineModelCleaner::default();
    for name in off.split(',') {
        match name {
            "furniture" => cleaner.rules.furniture = false,
            "smoothing" => cleaner.rules.smoothing = false,
            "lead_in" => cleaner.rules.lead_in = false,
            "comments" => cleaner.rules.comments = false,
            "continuity" => cleaner.rules.continuity = false,
            _ => {}
        }
    }
    if let Ok(t) = std::env::var("THRESHOLD")
        && let Ok(t) = t.parse()
    {
        cleaner.threshold = t;
    }
    let cleaned = cleaner.clean_batch_with(&docs, Some(&lookup));
    let out_dir = std::path::Path::new(&args[1]);
    let _ = std::fs::create_dir_all(out_dir);
    for (path, c) in paths.iter().zip(cleaned) {
        let name = std::path::Path::new(path)
            .file_name()
            .map(|n| {
                n.to_string_lossy()
                    .replace(".raw.txt", "")
                    .replace(".txt", "")
            })
            .unwrap_or_default();
        let _ = std::fs::write(
            out_dir.join(format!("{name}.txt")),
            c.kept.join("\n") + "\n",
        );
    }
}
