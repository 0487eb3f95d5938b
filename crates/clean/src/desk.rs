//! Wire-desk notes: lines that editors at a news agency leave in a story for each other,
//! not for readers. A write-through cut short points to where the story picks up again
//! ("The tribunal, graf 5 pvs", "Babs, which, 2nd graf": the next paragraph's first words
//! and its number in the previous version), and a story often ends with its handlers'
//! initials ("(pvs/ih/kk/gj)", "(ht-sf-fd)"). Left in, their rare tokens ("graf", "pvs",
//! initials) make unrelated short wire stories of the same desk look alike.

/// Whether a line is a wire-desk note: a paragraph pointer or a staff-initials slug.
pub fn is_desk_note(line: &str) -> bool {
    let line = line.trim();
    is_staff_slug(line) || is_paragraph_pointer(line)
}

/// "(pvs/ih/kk/gj)", "(ht-sf-fd)", "(pvs/sv/ )": lower-case initials of two or more
/// handlers, separated by slashes or hyphens, alone in parentheses.
fn is_staff_slug(line: &str) -> bool {
    let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')')) else {
        return false;
    };
    if inner.len() > 32 {
        return false;
    }
    let parts: Vec<&str> = inner.split(['/', '-']).map(str::trim).collect();
    let initials = parts.iter().filter(|p| !p.is_empty()).count();
    initials >= 2
        && parts
            .iter()
            .all(|p| p.len() <= 4 && p.chars().all(|c| c.is_ascii_lowercase()))
}

/// A short line that names a paragraph by number: "5th graf pvs", "graf 3 pvs",
/// "pick up 4th graf".
fn is_paragraph_pointer(line: &str) -> bool {
    // Every line of every page passes here: rule most out before splitting into words.
    let names_graf = line
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"graf"));
    if !names_graf || line.split_whitespace().nth(12).is_some() {
        return false;
    }
    let words: Vec<String> = line
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let is_graf = |w: &str| w == "graf" || w == "grafs";
    words.windows(2).any(|pair| {
        (is_ordinal(&pair[0]) && is_graf(&pair[1]))
            || (is_graf(&pair[0])
                && pair[1].chars().all(|c| c.is_ascii_digit())
                && !pair[1].is_empty())
    })
}

/// "2nd", "15th", "21st", "3rd".
fn is_ordinal(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_pointers_and_staff_slugs_are_desk_notes() {
        for note in [
            "The tribunal, graf 5 pvs",
            "Babs, which, 2nd graf",
            "Stepinac was, 5th graf, pvs.",
            "Turkey amassed troops, pick up 4th graf pvs",
            "(pvs/ih/kk/gj)",
            "(ht-sf-fd)",
            "(pvs/sv/ )",
        ] {
            assert!(is_desk_note(note), "{note}");
        }
    }

    #[test]
    fn prose_and_other_parentheses_are_not() {
        for line in [
            "The 2nd graf of the draft was rewritten, the editor said on Monday in a long \
             statement about the agency's style rules and its history.",
            "He finished 2nd in the race.",
            "(AP)",
            "(US/UK)",
            "(see graph)",
            "(a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q)",
            "Graf won the match 6-3.",
        ] {
            assert!(!is_desk_note(line), "{line}");
        }
    }
}
