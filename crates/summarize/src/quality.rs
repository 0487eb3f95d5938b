//! Sentence quality: what may be quoted alone in a summary, and the dateline a wire story
//! opens with (`WASHINGTON (AP) -- `), which is not part of the sentence.

use crosswire_text::{split_dateline, word_count};

/// `sentence` without a leading dateline such as `WASHINGTON (AP) -- `,
/// `BEIJING, Aug. 7 (Xinhua) -- ` or `SANTA ROSA, Calif. _ ` ([`split_dateline`]).
pub fn strip_dateline(sentence: &str) -> &str {
    split_dateline(sentence).map_or(sentence, |d| d.rest)
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'')
}

/// Whether a sentence of `n` words reads well alone: at least 3 words, starts like a
/// sentence, ends with a period or exclamation (not a question), and has balanced quotes
/// and brackets (an unbalanced one means the splitter cut inside a quotation).
pub fn is_quotable(s: &str, n: usize) -> bool {
    if n < 3 {
        return false;
    }
    let core = s.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')', ']']);
    if !core.ends_with(['.', '!']) {
        return false;
    }
    let starts = s
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_open_quote(c) || c == '`');
    if !starts {
        return false;
    }
    // One pass: `` and '' pairs, straight double quotes, curly quotes and brackets.
    let (mut open2, mut close2, mut straight, mut curly, mut brackets) = (0, 0, 0usize, 0i32, 0i32);
    let mut prev = '\0';
    for c in s.chars() {
        match c {
            '`' if prev == '`' => {
                open2 += 1;
                prev = '\0';
                continue;
            }
            '\'' if prev == '\'' => {
                close2 += 1;
                prev = '\0';
                continue;
            }
            '"' => straight += 1,
            '\u{201C}' => curly += 1,
            '\u{201D}' => curly -= 1,
            '(' => brackets += 1,
            ')' => brackets -= 1,
            _ => {}
        }
        prev = c;
    }
    open2 == close2 && straight & 1 == 0 && curly == 0 && brackets == 0
}

/// Whether a sentence opens with a quotation and never says whose it is, or names the
/// speaker only by a pronoun (`he said`): out of context it is an anonymous claim, not the
/// story's. (`"We will rebuild," the mayor said.` is fine.)
pub fn is_unattributed_quote(s: &str) -> bool {
    if !s.starts_with(['"', '\u{201C}', '`', '\'']) {
        return false;
    }
    let words: Vec<&str> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let pronoun = |w: &str| matches!(w, "he" | "she" | "they" | "we" | "I" | "it");
    let named = words.iter().enumerate().any(|(i, w)| {
        let attribution = ATTRIBUTION_VERBS.binary_search(w).is_ok() || *w == "according";
        // The speaker stands next to the verb: `he said` or `said he`.
        let by_pronoun = (i > 0 && pronoun(words[i - 1]))
            || words
                .get(i + 1)
                .is_some_and(|next| matches!(*next, "he" | "she"));
        attribution && !by_pronoun
    });
    !named
}

/// Verbs of attribution that may close a sentence (`..., police said.`).
const ATTRIBUTION_VERBS: &[&str] = &[
    "added", "asked", "reported", "said", "say", "says", "stated", "told", "wrote",
];

/// Longest trailing attribution removed, in words.
const ATTRIBUTION_MAX_WORDS: usize = 8;

/// `sentence` without a trailing attribution clause: `X happened, police said Tuesday.`
/// becomes `X happened.`, and so does `X happened, according to police.`. The clause must
/// be short, hold no quotation, and follow the last comma; a quotation before it is kept
/// whole (without its speaker it would be an unattributed quote). Returns `None` when
/// nothing is removed.
pub fn strip_trailing_attribution(sentence: &str) -> Option<String> {
    let body = sentence.strip_suffix('.')?;
    let comma = body.rfind(", ")?;
    let head = body[..comma].trim_end();
    let tail = &body[comma + 2..];
    let n = word_count(tail);
    if n == 0 || n > ATTRIBUTION_MAX_WORDS {
        return None;
    }
    let quote = |c: char| matches!(c, '"' | '\'' | '`' | '\u{201C}' | '\u{201D}' | '\u{2019}');
    if tail.contains(quote) || head.ends_with(quote) {
        return None;
    }
    let lower = tail.to_lowercase();
    let attributive = lower.starts_with("according to ")
        || lower
            .split_whitespace()
            .any(|w| ATTRIBUTION_VERBS.binary_search(&w).is_ok());
    if !attributive || word_count(head) < 6 {
        return None;
    }
    // The head must itself close like a sentence would: not on a dangling function word.
    let last = head
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    if crosswire_text::is_stopword(&last) {
        return None;
    }
    Some(format!("{head}."))
}

/// Words that, opening a sentence, point back to the sentence before it.
const DANGLING_OPENERS: &[&str] = &[
    "also",
    "and",
    "but",
    "he",
    "her",
    "his",
    "however",
    "it",
    "its",
    "meanwhile",
    "she",
    "so",
    "still",
    "that",
    "their",
    "these",
    "they",
    "this",
    "those",
    "thus",
    "yet",
];

/// Whether a sentence opens with a word that needs the previous sentence to be understood
/// (`But`, `He`, `This`, `However,`).
pub fn opens_with_dangling_word(s: &str) -> bool {
    let first: String = s
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    DANGLING_OPENERS.binary_search(&first.as_str()).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_wire_datelines_only() {
        // The forms themselves are tested with `crosswire_text::split_dateline`.
        assert_eq!(
            strip_dateline("WASHINGTON (AP) -- The Senate voted."),
            "The Senate voted."
        );
        let s = "The vote -- the third this year -- failed.";
        assert_eq!(strip_dateline(s), s);
    }

    #[test]
    fn strips_trailing_attribution_only() {
        assert_eq!(
            strip_trailing_attribution("The three hostages were freed on Monday, police said.")
                .as_deref(),
            Some("The three hostages were freed on Monday.")
        );
        assert_eq!(
            strip_trailing_attribution(
                "The dam was built to hold back the spring floods, according to local officials."
            )
            .as_deref(),
            Some("The dam was built to hold back the spring floods.")
        );
        // A quotation keeps its speaker.
        assert_eq!(
            strip_trailing_attribution("``We will rebuild the town,'' the mayor said."),
            None
        );
        // Not an attribution.
        assert_eq!(
            strip_trailing_attribution("The river rose overnight, flooding three villages."),
            None
        );
        // Too short a head to stand alone.
        assert_eq!(strip_trailing_attribution("It rained, he said."), None);
        assert_eq!(strip_trailing_attribution(""), None);
    }

    fn quotable(s: &str) -> bool {
        is_quotable(s, word_count(s))
    }

    #[test]
    fn quotes_need_a_speaker() {
        assert!(is_unattributed_quote(
            "``We will rebuild every house in the valley.''"
        ));
        assert!(is_unattributed_quote("\u{201C}Never again.\u{201D}"));
        assert!(!is_unattributed_quote(
            "``We will rebuild every house,'' the mayor said on Monday."
        ));
        assert!(!is_unattributed_quote(
            "The mayor said: ``We will rebuild.''"
        ));
    }

    #[test]
    fn quotable_filters_fragments_questions_and_open_quotes() {
        let ok = "The council approved the new budget after a long debate on Monday.";
        assert!(quotable(ok));
        assert!(!quotable("Too short."));
        assert!(!quotable(
            "Will the council approve the new budget after the debate?"
        ));
        assert!(!quotable(
            "the council approved the new budget after a long debate."
        ));
        assert!(!quotable(
            "The council approved the new budget after a long debate, and"
        ));
        assert!(!quotable(
            "\u{201C}We will approve the new budget after a long debate, he said."
        ));
        assert!(quotable(
            "``We will approve the budget,'' the mayor said on Monday."
        ));
        assert!(!quotable(
            "``We will approve the budget after a long debate on Monday."
        ));
    }
}
