//! A headline to show for an article that came without a title (a feed item or dataset
//! record whose text is the body alone). The title field stays empty, since nothing was
//! given and the clusterer must not take a guess for an editor's headline; lists and
//! digests show this instead of a blank or of the first 120 characters cut mid-word with
//! the dateline in front.

use std::borrow::Cow;

use crate::dateline::split_dateline;
use crate::{sentences, word_count};

/// A lead sentence up to this many characters is shown whole.
const WHOLE_SENTENCE_CHARS: usize = 150;

/// A longer one is cut at the last word boundary before this many characters.
const CUT_CHARS: usize = 120;

/// How many opening paragraphs are searched for the lead.
const LEAD_SEARCH: usize = 5;

/// `title` if there is one, else a headline derived from the body ([`derived_headline`]).
pub fn headline_or_lead<'a, S: AsRef<str>>(title: &'a str, paragraphs: &[S]) -> Cow<'a, str> {
    if title.trim().is_empty() {
        Cow::Owned(derived_headline(paragraphs))
    } else {
        Cow::Borrowed(title)
    }
}

/// The lead's first sentence without its dateline, cut at a word boundary with "…" when
/// long; empty for an empty body. The lead is the first paragraph that reads as prose,
/// passing over a slug in capitals ("UNDATED SIDEBAR TO ..."), a bracketed note ("(William
/// Saletan is a Slate senior writer)") and a lead-in ending in a colon ("The New York Times
/// said in an editorial for Monday, July 3:").
pub fn derived_headline<S: AsRef<str>>(paragraphs: &[S]) -> String {
    let paragraphs: Vec<&str> = paragraphs
        .iter()
        .map(|p| p.as_ref().trim())
        .filter(|p| !p.is_empty())
        .collect();
    let Some(&first) = paragraphs.first() else {
        return String::new();
    };
    let lead = paragraphs
        .iter()
        .take(LEAD_SEARCH)
        .copied()
        .find(|p| reads_as_lead(p))
        .unwrap_or(first);
    let lead = split_dateline(lead).map_or(lead, |d| d.rest);
    let sentence = sentences(lead).into_iter().next().unwrap_or(lead);
    if sentence.chars().count() <= WHOLE_SENTENCE_CHARS {
        return sentence.strip_suffix('.').unwrap_or(sentence).to_string();
    }
    shorten(sentence, CUT_CHARS).into_owned()
}

/// `text` if it has at most `max_chars` characters, else cut at the last word boundary
/// before that (trailing commas and dashes dropped) with "…" after, so a list column never
/// ends mid-word.
pub fn shorten(text: &str, max_chars: usize) -> Cow<'_, str> {
    let Some((limit, _)) = text.char_indices().nth(max_chars) else {
        return Cow::Borrowed(text);
    };
    let cut = text[..limit].rfind(char::is_whitespace).unwrap_or(limit);
    let kept = text[..cut].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '_' | '\u{2013}' | '\u{2014}')
    });
    Cow::Owned(format!("{kept}…"))
}

fn reads_as_lead(p: &str) -> bool {
    let bracketed = p.starts_with('(') && p.ends_with(')');
    let lead_in = p.ends_with(':');
    let mut letters = p.chars().filter(|c| c.is_alphabetic()).peekable();
    let capitals = letters.peek().is_some() && letters.all(char::is_uppercase);
    word_count(p) >= 6 && !bracketed && !lead_in && !capitals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lead_sentence_without_its_dateline() {
        let body = [
            "WASHINGTON _ A poll released Thursday shows support for the death penalty has fallen. \
             The survey asked 1,000 adults.",
            "Second paragraph.",
        ];
        assert_eq!(
            derived_headline(&body),
            "A poll released Thursday shows support for the death penalty has fallen"
        );
    }

    #[test]
    fn a_long_sentence_is_cut_between_words() {
        let long = "CAIRO, Egypt (AP) _ Interpol must adopt a new strategy for combating \
                    increasingly sophisticated crime syndicates if it wants to remain effective \
                    in the next century, its secretary general told delegates on Monday.";
        let h = derived_headline(&[long]);
        assert!(h.starts_with("Interpol must adopt"), "{h}");
        assert!(
            h.ends_with('…') && h.chars().count() <= CUT_CHARS + 1,
            "{h}"
        );
        let before = h.trim_end_matches('…');
        assert!(long.contains(&format!("{before} ")), "cut mid-word: {h}");
    }

    #[test]
    fn slugs_notes_and_lead_ins_are_passed_over() {
        let body = [
            "UNDATED SIDEBAR TO CAPITAL PUNISHMENT",
            "(William Saletan is a Slate senior writer)",
            "The New York Times said in an editorial for Monday, July 3:",
            "Two-thirds of death penalty cases that were appealed were successful, researchers report.",
        ];
        assert_eq!(
            derived_headline(&body),
            "Two-thirds of death penalty cases that were appealed were successful, researchers report"
        );
        // With no prose at all, the first paragraph is still better than nothing.
        assert_eq!(
            derived_headline(&["NATIONAL FORECAST"]),
            "NATIONAL FORECAST"
        );
        assert_eq!(derived_headline::<&str>(&[]), "");
    }

    #[test]
    fn shortening_keeps_whole_words() {
        assert_eq!(shorten("Quake hits the city", 80), "Quake hits the city");
        assert_eq!(shorten("Quake hits the city", 12), "Quake hits…");
        assert_eq!(shorten("Talks, then a deal", 7), "Talks…");
        assert_eq!(shorten("Überschwemmungen", 5), "Übers…");
    }

    #[test]
    fn a_given_title_wins() {
        assert_eq!(
            headline_or_lead("Quake hits", &["A long lead."]),
            "Quake hits"
        );
        assert_eq!(
            headline_or_lead(" ", &["A strong quake hit the city on Monday."]),
            "A strong quake hit the city on Monday"
        );
    }
}
