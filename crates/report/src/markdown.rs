use std::fmt::Write;

use crosswire_model::Digest;

use crate::{citation, sections};

/// Escape characters that would break a Markdown table cell or inline formatting.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

/// Markdown for one digest.
pub fn markdown(d: &Digest) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", d.headline.replace('\n', " "));
    let _ = writeln!(out, "## Summary\n");
    // Citations are numbers of the sources table, with the outlet name where known.
    for s in &d.summary {
        let refs: Vec<String> = s.sources.iter().map(|id| cell(&citation(d, id))).collect();
        let _ = writeln!(out, "- {} [{}]", s.text, refs.join("; "));
    }
    let _ = writeln!(out, "\n## Sources\n");
    let _ = writeln!(
        out,
        "| # | Outlet | Title | Date | Byline / wire | Boilerplate removed | Copy of |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for (i, r) in d.sources.iter().enumerate() {
        let credit = r
            .byline
            .iter()
            .chain(r.wire.iter())
            .cloned()
            .collect::<Vec<_>>();
        let mut dedup: Vec<String> = Vec::new();
        for c in credit {
            if !dedup.contains(&c) {
                dedup.push(c);
            }
        }
        let copy = match (&r.copy_of, r.similarity) {
            (Some(of), Some(sim)) => {
                format!("{} ({:.0}% similar)", cell(&citation(d, of)), sim * 100.0)
            }
            (Some(of), None) => cell(&citation(d, of)),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {:.0}% ({} of {} words) | {} |",
            i + 1,
            cell(r.outlet.as_deref().unwrap_or("?")),
            cell(&r.title),
            r.published
                .map(|p| p.to_string())
                .unwrap_or_else(|| "?".into()),
            cell(&dedup.join(", ")),
            r.boilerplate_removed * 100.0,
            r.raw_words - r.kept_words.min(r.raw_words),
            r.raw_words,
            copy
        );
    }
    let _ = writeln!(
        out,
        "\nSource ids: {}",
        d.sources
            .iter()
            .enumerate()
            .map(|(i, r)| format!("{}={}", i + 1, r.id))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !d.duplicates.is_empty() {
        let _ = writeln!(out, "\n## Copies\n");
        for g in &d.duplicates {
            let copies: Vec<String> = g
                .copies
                .iter()
                .map(|c| {
                    let kind = format!("{:?}", c.kind).to_lowercase();
                    format!(
                        "{} ({kind}, {:.0}% similar)",
                        cell(&citation(d, &c.id)),
                        c.similarity * 100.0
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "- {} is carried also as: {}",
                cell(&citation(d, &g.representative)),
                copies.join(", ")
            );
        }
    }
    if let Some(f) = &d.facts {
        let s = sections::facts::markdown(f, &|c| citation(d, &c.article));
        if !s.is_empty() {
            let _ = writeln!(out, "\n{}", s.trim_end());
        }
    }
    out
}

/// Markdown for several digests, one after another.
pub fn markdown_many(ds: &[Digest]) -> String {
    ds.iter()
        .map(markdown)
        .collect::<Vec<_>>()
        .join("\n---\n\n")
}
