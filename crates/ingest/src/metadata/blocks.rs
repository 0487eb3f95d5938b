//! Splitting a plain text into blocks (paragraphs or visible lines).

/// Blocks of a text: paragraphs separated by blank lines; inside a paragraph, lines are
/// joined when they look hard-wrapped (every line but the last is long and does not end a
/// sentence), and kept as separate blocks otherwise (page text with one block per line).
pub fn blocks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n").flat_map(|c| c.split("\r\n\r\n")) {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        let wrapped = lines.len() > 1
            && lines[..lines.len() - 1].iter().all(|l| {
                l.chars().count() >= 40 && !l.ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
            });
        if wrapped {
            out.push(lines.join(" "));
        } else {
            out.extend(lines.into_iter().map(normalize_spaces));
        }
    }
    out
}

fn normalize_spaces(s: &str) -> String {
    if s.contains("  ") || s.contains('\t') || s.contains('\u{a0}') {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_hard_wrapped_paragraphs_only() {
        let t = "A long line of prose that was wrapped by some\nold tool at a fixed width, mid sentence.\n\nMenu\nHome\nNews";
        assert_eq!(
            blocks(t),
            vec![
                "A long line of prose that was wrapped by some old tool at a fixed width, mid sentence.",
                "Menu",
                "Home",
                "News"
            ]
        );
    }

    #[test]
    fn crlf_and_spaces() {
        assert_eq!(blocks("a  b\r\n\r\nc\td"), vec!["a b", "c d"]);
    }
}
