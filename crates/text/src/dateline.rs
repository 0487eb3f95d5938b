//! The dateline a wire report opens with (`WASHINGTON (AP) -- `, `BEIJING, May 9 (Xinhua) --
//! `, `SANTA ROSA, Calif. _ `, `ISTANBUL — `): where the report was filed and, in brackets,
//! the agency that filed it. It is metadata, not part of the first sentence: ingest records
//! the agency as wire attribution and takes the dateline out of the body, the summarizer
//! never quotes it, and a headline derived from the lead starts after it.

/// Separators between a dateline and the story. At the same position the longest wins, so
/// ` -- ` beats ` - ` and ` — ` beats a bare `—` (`ISTANBUL—Ministers`).
const SEPARATORS: &[&str] = &[
    " -- ",
    " \u{2014} ",
    " \u{2013} ",
    " _ ",
    " - ",
    "\u{2014}",
    "\u{2013}",
];

/// Longest dateline recognised, in words (`SANTA ROSA, Calif., Oct. 12 (Reuters)`).
const MAX_WORDS: usize = 9;

/// How far into the text the separator may stand, in characters.
const MAX_CHARS: usize = 100;

/// A dateline split off the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dateline<'a> {
    /// The dateline with its separator, as it stood (`WASHINGTON (AP) --`).
    pub head: &'a str,
    /// The place (`WASHINGTON`, `SANTA ROSA`); empty when only an agency is given.
    pub place: &'a str,
    /// The agency in brackets after the place (`AP`, `Xinhua`), if any.
    pub agency: Option<&'a str>,
    /// The text after the dateline.
    pub rest: &'a str,
}

/// The dateline `text` opens with, if it has one. A prefix is a dateline when it is short,
/// stands before a dash-like separator, and either names its place in capitals or ends with
/// a bracketed agency (`Springfield (Reuters) -`); the rest must start like a sentence. So
/// "The vote -- the third this year -- failed" and "UN -- " are not datelines.
pub fn split_dateline(text: &str) -> Option<Dateline<'_>> {
    let window_end = text
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(text.len(), |(i, _)| i);
    let window = &text[..window_end];
    let (cut, end) = SEPARATORS
        .iter()
        .filter_map(|sep| window.find(sep).map(|i| (i, i + sep.len())))
        .min_by_key(|&(i, end)| (i, std::cmp::Reverse(end)))?;
    let prefix = text[..cut].trim();
    let rest = text[end..].trim_start();
    if prefix.is_empty() || crate::word_count(prefix) > MAX_WORDS || !starts_sentence(rest) {
        return None;
    }
    // "(PHOENIX) -": a bracketed place, not an agency.
    let bracketed_place = prefix.starts_with('(') && prefix.ends_with(')');
    let unbracketed = prefix.trim_start_matches('(');
    let place_end = unbracketed
        .find([',', '(', ')'])
        .unwrap_or(unbracketed.len());
    let place = unbracketed[..place_end].trim();
    let agency = if bracketed_place || !prefix.ends_with(')') {
        None
    } else {
        prefix
            .rfind('(')
            .map(|open| prefix[open + 1..prefix.len() - 1].trim())
            .filter(|a| !a.is_empty())
    };
    let letters = || place.chars().filter(|c| c.is_alphabetic());
    // Three letters at least: "AI - The next frontier" opens with a subject, not a place.
    let capital_place = letters().count() >= 3 && letters().all(char::is_uppercase);
    let credited = agency.is_some() && prefix.chars().next().is_some_and(char::is_uppercase);
    (capital_place || credited).then(|| Dateline {
        head: text[..end].trim(),
        place,
        agency,
        rest,
    })
}

fn starts_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '\u{201C}' | '\u{2018}' | '\'' | '`')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Option<(&str, Option<&str>, &str)> {
        split_dateline(text).map(|d| (d.place, d.agency, d.rest))
    }

    #[test]
    fn wire_forms() {
        let cases = [
            (
                "WASHINGTON (AP) -- The Senate voted.",
                "WASHINGTON",
                Some("AP"),
                "The Senate voted.",
            ),
            (
                "PORTVILLE, Aug. 7 (Xinhua) -- Floods rose.",
                "PORTVILLE",
                Some("Xinhua"),
                "Floods rose.",
            ),
            (
                "LAKE TOWN, Calif. _ The mayor resigned.",
                "LAKE TOWN",
                None,
                "The mayor resigned.",
            ),
            (
                "Springfield (Reuters) - Rain fell.",
                "Springfield",
                Some("Reuters"),
                "Rain fell.",
            ),
            (
                "NEW HAVEN, Conn. (AP) \u{2014} A study found.",
                "NEW HAVEN",
                Some("AP"),
                "A study found.",
            ),
            (
                "ISTANBUL\u{2014}Ministers met.",
                "ISTANBUL",
                None,
                "Ministers met.",
            ),
            (
                "(PHOENIX) - State Sen. Tom Smith spoke.",
                "PHOENIX",
                None,
                "State Sen. Tom Smith spoke.",
            ),
        ];
        for (text, place, agency, rest) in cases {
            assert_eq!(parts(text), Some((place, agency, rest)), "{text}");
        }
        let d = split_dateline("BEIRUT, Lebanon (Reuters) - Talks began.").unwrap();
        assert_eq!(d.head, "BEIRUT, Lebanon (Reuters) -");
    }

    #[test]
    fn sentences_with_dashes_are_not_datelines() {
        for s in [
            "The vote -- the third this year -- failed.",
            "Prices rose sharply in the first quarter of the year - analysts said.",
            "The talks - which began Monday - ended.",
            "UN -- ",
            "",
            "A dash at the end -",
            "AI - The next frontier for chip makers.",
        ] {
            assert_eq!(split_dateline(s), None, "{s}");
        }
    }
}
