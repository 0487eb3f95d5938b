//! Splitting a plain text into blocks (paragraphs or visible lines).

/// Lines longer than this are not the product of a fixed-width wrap.
const WRAP_WIDTH_MAX: usize = 100;

/// Blocks of a text: paragraphs separated by blank lines; inside a paragraph, lines are
/// joined when they look hard-wrapped (every line but the last is long and does not end a
/// sentence), and kept as separate blocks otherwise (page text with one block per line).
///
/// A text whose paragraphs run on long lines was not wrapped at a fixed width, so none of its
/// lines are joined: there, two consecutive lines are two blocks of a page ("Posted by David
/// at 11:15 AM" above "Comments"), and joining them hid the boundary the cleaner relies on.
pub fn blocks(text: &str) -> Vec<String> {
    let (mut lines, mut long) = (0usize, 0usize);
    for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        lines += 1;
        if l.chars().count() > WRAP_WIDTH_MAX {
            long += 1;
        }
    }
    // More than one line in ten past any wrap width: paragraphs are on lines of their own.
    let may_be_wrapped = long * 10 <= lines;
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
        let wrapped = may_be_wrapped
            && lines.len() > 1
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
    fn text_with_paragraphs_on_long_lines_is_not_unwrapped() {
        let para = "The council approved the new budget on Tuesday after a debate that lasted \
                    most of the afternoon, with two members voting against it.";
        let t =
            format!("{para}\n\nPosted by David at December 16, 2025 11:15 AM\nComments\n\n{para}");
        assert_eq!(
            blocks(&t),
            vec![
                para,
                "Posted by David at December 16, 2025 11:15 AM",
                "Comments",
                para
            ]
        );
    }

    #[test]
    fn crlf_and_spaces() {
        assert_eq!(blocks("a  b\r\n\r\nc\td"), vec!["a b", "c d"]);
    }
}
