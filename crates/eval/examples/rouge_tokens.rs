//! Print ROUGE-1.5.5's scoring tokens (with `-m` stemming, no length limit) of each stdin
//! line, space-separated: a debugging aid for comparing tokenization and stemming.
//!
//! `cargo run -p crosswire-eval --example rouge_tokens < words.txt`

use std::io::{BufRead, Write};

use crosswire_eval::rouge::{Limit, Rouge, RougeConfig};

fn main() -> std::io::Result<()> {
    let mut rouge = Rouge::new(RougeConfig {
        limit: Limit::None,
        ..RougeConfig::default()
    });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        writeln!(out, "{}", rouge.tokens(&line?).join(" "))?;
    }
    Ok(())
}
