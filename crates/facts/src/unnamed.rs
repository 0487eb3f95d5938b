//! Speakers the story describes but does not name: "sources", "officials", "witnesses",
//! "a senior rebel commander", "the ministry". Their statements stay attributed (the
//! description is kept as written), but they are not shown as named speakers: their
//! statements carry the role [`UNNAMED_ROLE`](crosswire_model::facts::UNNAMED_ROLE), so
//! two of them never read as two named speakers agreeing.
//!
//! A speaker phrase is unnamed when its head (the words before a preposition, a comma or a
//! relative pronoun) ends in a noun used for anonymous sources ("Turkish sources", "a
//! source close to X", "US officials"); when it is indefinite or counted ("a senior
//! Chinese hydrologist", "many Iranians", "two doctors"); when it is a group described by
//! a lowercase word ("ordinary Libyans"); or when it holds no proper name at all: no
//! capitalized word, except a sentence-initial one that the story also writes in lowercase
//! ("Rebels said" where "rebels" appears elsewhere).

use std::collections::HashSet;
use std::ops::Range;

use crate::doc::Sentence;

/// Head nouns of speakers who are described rather than named.
const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "activist",
    "activists",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "observer",
    "observers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "person",
    "people",
    "aide",
    "aides",
];

/// Words that end a speaker's head and open what describes it ("a source close to X",
/// "officials in Ankara", "people familiar with the talks", "a commander who ...").
const HEAD_ENDS: &[&str] = &[
    "of",
    "from",
    "in",
    "at",
    "with",
    "for",
    "on",
    "to",
    "near",
    "inside",
    "within",
    "close",
    "familiar",
    "who",
    "that",
    "which",
    "including",
    "among",
];

const DETERMINERS: &[&str] = &["the", "a", "an", "some", "several", "two", "three", "many"];

/// Words that open an indefinite or counted noun phrase: whoever it is, it is not named.
const INDEFINITE: &[&str] = &[
    "a",
    "an",
    "one",
    "another",
    "some",
    "several",
    "many",
    "various",
    "few",
    "most",
    "numerous",
    "other",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "dozens",
    "hundreds",
    "thousands",
];

/// Token range of the head of a speaker phrase: leading determiners skipped, cut before
/// the first preposition, comma or relative pronoun.
fn head(s: &Sentence, toks: &Range<usize>) -> Range<usize> {
    let end = toks.end.min(s.len());
    let mut start = toks.start.min(end);
    while start < end && DETERMINERS.contains(&s.word(start)) {
        start += 1;
    }
    let mut stop = start;
    while stop < end {
        if stop > start && (HEAD_ENDS.contains(&s.word(stop)) || s.breaks_before(stop)) {
            break;
        }
        stop += 1;
    }
    start..stop
}

/// Whether the head of a speaker phrase is a noun used for anonymous sources.
pub(crate) fn anonymous_head(s: &Sentence, toks: &Range<usize>) -> bool {
    let h = head(s, toks);
    h.end > h.start && ANONYMOUS_HEADS.contains(&s.word(h.end - 1))
}

/// Whether a speaker phrase describes someone without naming them. `lower` holds the
/// words the story writes in lowercase somewhere (sentence-initial capitals say nothing).
pub(crate) fn is_unnamed(s: &Sentence, toks: &Range<usize>, lower: &HashSet<String>) -> bool {
    if anonymous_head(s, toks) {
        return true;
    }
    let h = head(s, toks);
    if h.is_empty() {
        return false;
    }
    // Any capital counts ("eBay"), except a sentence-initial one on a word the story also
    // writes in lowercase.
    let proper = |k: usize| {
        let opens_sentence = k == 0 || s.gap_before(k).contains(['"', '\u{201C}', ':']);
        let has_capital = s
            .toks
            .get(k)
            .is_some_and(|t| t.text.chars().any(char::is_uppercase));
        has_capital && !(opens_sentence && lower.contains(s.word(k)))
    };
    // "ordinary Libyans", "various Republicans": a group described by a lowercase word...
    let last = h.end - 1;
    let after_lowercase = h.len() >= 2 && !proper(last - 1) && proper(last);
    let group = after_lowercase && GROUP_PLURALS.iter().any(|e| s.word(last).ends_with(e));
    // ...unlike a name after what it is ("the radical group Hamas", "an aide, Jo Lee").
    let appositive = after_lowercase && !group;
    // "a Gaza-based group, Hamas,": the name set off after the description.
    let end = toks.end.min(s.len());
    if h.end < end && s.gap_before(h.end).contains(',') && (h.end..end).all(proper) {
        return false;
    }
    let indefinite = toks.start < s.len() && INDEFINITE.contains(&s.word(toks.start));
    group || (indefinite && !appositive) || !h.clone().any(proper)
}

/// Endings of capitalized plurals that name a group of people, not one speaker
/// ("Libyans", "Republicans", "Democrats", "Islamists").
const GROUP_PLURALS: &[&str] = &["ans", "ats", "ists", "ites"];

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first `n` words of `text` (from word `from`) describe an unnamed
    /// speaker, with `lower` as the story's lowercase vocabulary.
    fn unnamed(text: &str, from: usize, n: usize, lower: &[&str]) -> bool {
        let s = Sentence::lone(text);
        let lower: HashSet<String> = lower.iter().map(|w| w.to_string()).collect();
        is_unnamed(&s, &(from..from + n), &lower)
    }

    #[test]
    fn anonymous_nouns_are_unnamed_even_with_a_proper_adjective() {
        assert!(unnamed("Sources said the talks failed.", 0, 1, &[]));
        assert!(unnamed("Turkish sources said the talks failed.", 0, 2, &[]));
        assert!(unnamed("US officials said the talks failed.", 0, 2, &[]));
        assert!(unnamed(
            "Witnesses told the agency the market was hit.",
            0,
            1,
            &[]
        ));
        // A name after the head describes the source; it does not name it.
        assert!(unnamed(
            "A source close to Erdogan said it failed.",
            0,
            5,
            &[]
        ));
        assert!(unnamed(
            "People familiar with the talks said so.",
            0,
            5,
            &[]
        ));
    }

    #[test]
    fn lowercase_descriptions_are_unnamed() {
        assert!(unnamed("The ministry said the talks failed.", 0, 2, &[]));
        assert!(unnamed(
            "A senior rebel commander said the line held.",
            0,
            4,
            &[]
        ));
        // Sentence-initial "Rebels" is the common noun the story writes in lowercase.
        assert!(unnamed("Rebels said they attacked.", 0, 1, &["rebels"]));
        // Indefinite or counted: whoever it is, the story does not name them.
        assert!(unnamed("A senior Chinese hydrologist said so.", 0, 4, &[]));
        assert!(unnamed("Many Iranians said so.", 0, 2, &[]));
        assert!(unnamed("Then ordinary Libyans said so.", 1, 2, &[]));
    }

    #[test]
    fn names_are_named() {
        // A sentence-initial capital the story never writes in lowercase is a name.
        assert!(!unnamed("Ankara said the talks failed.", 0, 1, &["rebels"]));
        assert!(!unnamed("Shares of eBay rose, eBay said.", 4, 1, &[]));
        assert!(!unnamed("Then former President Evans said so.", 1, 3, &[]));
        assert!(!unnamed("Then the radical group Hamas said so.", 1, 4, &[]));
        assert!(!unnamed(
            "Then a Gaza-based group, Hamas, said so.",
            1,
            4,
            &[]
        ));
        assert!(!unnamed("The Syrian army denies the strikes.", 0, 3, &[]));
        assert!(!unnamed(
            "Then Defense Minister Hulusi Akar said so.",
            1,
            4,
            &[]
        ));
        // Only the speaker's spokesman form with a name: the name is the head.
        assert!(!unnamed(
            "Kremlin spokesman Dmitry Peskov said so.",
            0,
            4,
            &[]
        ));
    }
}
