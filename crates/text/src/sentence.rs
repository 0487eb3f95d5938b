//! Rule-based sentence splitting for news prose.
//!
//! A boundary is a `.`, `!`, `?` or `…` (optionally followed by closing quotes or brackets),
//! then whitespace, then something that can start a sentence (an uppercase letter, a digit,
//! an opening quote or bracket). A period does not end a sentence after a title or other
//! known abbreviation (`Gen.`, `Mr.`, `Jan.`), after a single initial (`J. Smith`), or after a
//! dotted abbreviation (`U.S.`, `a.m.`) unless the next word is one that typically opens a
//! sentence (`The`, `He`, `But`...). Decimals never split since a digit follows the dot.

use std::ops::Range;

/// Abbreviations after which a period is not a sentence end (lowercase, no dot).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "ave", "brig", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dept",
    "dr", "e.g", "esq", "etc", "feb", "fig", "fr", "gen", "gov", "hon", "i.e", "inc", "jan", "jr",
    "jul", "jun", "lt", "ltd", "maj", "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct",
    "op", "pres", "prof", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st",
    "supt", "vol", "vs",
];

/// US state abbreviations as datelines and addresses write them (`Santa Rosa, Calif.`).
/// After one, a period ends the sentence only before a typical sentence opener, as after
/// dotted abbreviations.
const STATE_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ill", "ind", "kan", "kans", "ky",
    "la", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

/// Capitalized words that usually open a sentence, used to split after dotted abbreviations.
const SENTENCE_OPENERS: &[&str] = &[
    "A", "After", "An", "And", "As", "At", "But", "For", "He", "Her", "His", "However", "I", "If",
    "In", "It", "Its", "On", "One", "She", "So", "That", "The", "Their", "There", "These", "They",
    "This", "Those", "We", "What", "When", "While", "Why", "You",
];

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '…') {
            i += 1;
            continue;
        }
        // Swallow runs of terminators and closing quotes/brackets.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '.' | '!' | '?' | '…') {
            j += 1;
        }
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        // Need whitespace next.
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            i = j.max(i + 1);
            continue;
        }
        let end = chars[j].0;
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k >= chars.len() {
            break;
        }
        let next = chars[k].1;
        let next_starts = next.is_uppercase() || next.is_ascii_digit() || is_opener(next);
        if next_starts && (c != '.' || period_ends_sentence(text, pos, &text[chars[k].0..])) {
            push_trimmed(text, start..end, &mut spans);
            start = chars[k].0;
        }
        i = k;
    }
    push_trimmed(text, start..bytes.len(), &mut spans);
    spans
}

/// The sentences of `text`, trimmed.
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_spans(text).into_iter().map(|r| &text[r]).collect()
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '(' | '[' | '\u{201C}' | '\u{2018}' | '«'
    )
}

/// Decide whether the period at byte `dot` ends a sentence, given the text after the gap.
fn period_ends_sentence(text: &str, dot: usize, rest: &str) -> bool {
    let before = &text[..dot];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, ch)| ch.is_whitespace() || is_opener(ch) || ch == '(')
        .map(|(i, ch)| i + ch.len_utf8())
        .unwrap_or(0);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.binary_search(&lower.as_str()).is_ok() {
        // "No. 5" / "Gen. Smith" never split; a month abbreviation at a true sentence end
        // is rare enough to accept.
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // Single initial: "J. Smith", "Hulusi A. Akar".
    if letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    // Dotted abbreviation (U.S., a.m., U.N.) or state (Calif.).
    let dotted = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2);
    let state = word.starts_with(char::is_uppercase)
        && STATE_ABBREVIATIONS.binary_search(&lower.as_str()).is_ok();
    if dotted || state {
        let next_word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        return SENTENCE_OPENERS.contains(&next_word.as_str());
    }
    true
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_list_sorted() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("One two. Three four! Five? Six"),
            vec!["One two.", "Three four!", "Five?", "Six"]
        );
    }

    #[test]
    fn survives_titles_initials_decimals() {
        let s = "Gen. John R. Allen met Mr. Smith at 9 a.m. on Tuesday. Prices rose 1.5 percent.";
        assert_eq!(
            sentences(s),
            vec![
                "Gen. John R. Allen met Mr. Smith at 9 a.m. on Tuesday.",
                "Prices rose 1.5 percent."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_splits_only_before_an_opener() {
        assert_eq!(
            sentences("He met U.S. officials. The talks ended."),
            vec!["He met U.S. officials.", "The talks ended."]
        );
        assert_eq!(
            sentences("Aid came from the U.S. The talks ended."),
            vec!["Aid came from the U.S.", "The talks ended."]
        );
        assert_eq!(
            sentences("The U.S. Army said so."),
            vec!["The U.S. Army said so."]
        );
    }

    #[test]
    fn state_abbreviation_splits_only_before_an_opener() {
        assert_eq!(
            sentences("She works in Santa Rosa, Calif. (the studio) and writes."),
            vec!["She works in Santa Rosa, Calif. (the studio) and writes."]
        );
        assert_eq!(
            sentences("He lives in Tampa, Fla. The storm passed."),
            vec!["He lives in Tampa, Fla.", "The storm passed."]
        );
        assert!(STATE_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let s = "\u{201C}We are not easy prey,\u{201D} he said. \u{201C}Go.\u{201D} Then silence.";
        assert_eq!(
            sentences(s),
            vec![
                "\u{201C}We are not easy prey,\u{201D} he said.",
                "\u{201C}Go.\u{201D}",
                "Then silence."
            ]
        );
    }

    #[test]
    fn ascii_double_backtick_opens_a_quote() {
        assert_eq!(
            sentences("``It was far from over,'' he said. ``There was hope.''"),
            vec!["``It was far from over,'' he said.", "``There was hope.''"]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            sentences("It was approx. ten people. Next."),
            vec!["It was approx. ten people.", "Next."]
        );
    }

    #[test]
    fn empty_and_whitespace() {
        assert!(sentences("").is_empty());
        assert!(sentences("   ").is_empty());
    }
}
