//! Who says what inside one sentence: reporting verbs ("said", "told", "warned", "denied"),
//! "according to X", "as revealed by X", "..., the statement read", and which part of the
//! sentence each one governs.
//!
//! Three shapes are told apart:
//! * **post**: the speaker follows what was said ("..., the United Nations says.",
//!   "“...,” said X", "..., according to X"): the content is the text before the speaker;
//! * **pre**: the speaker comes first ("X said that ...", "X told Y ...", "X denies ..."):
//!   the content is the text after the verb (after "that" or a date when present);
//! * verbs inside quotation marks are part of a quote, not an attribution.

use std::ops::Range;

use crate::doc::{Sentence, breaks_phrase};
use crate::lexicon;

/// One attribution in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attribution {
    /// Speaker as written, without trailing time phrases.
    pub speaker: String,
    /// Token range of the speaker.
    pub speaker_toks: Range<usize>,
    /// The reporting verb as written ("said", "according to").
    pub verb: String,
    /// Byte range of what was said, in the sentence text.
    pub content: Range<usize>,
    /// Text after the speaker that describes it (", from the X Front").
    pub role: Option<String>,
}

/// Byte ranges inside quotation marks (curly pairs, ``TeX-style'' pairs, or straight quotes
/// taken two by two).
pub(crate) fn quote_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let pair = |b: u8| bytes.get(i + 1) == Some(&b) && bytes.get(i) == Some(&b);
        if pair(b'`') {
            open = Some(i);
            continue;
        }
        if pair(b'\'') && i > 0 && bytes.get(i - 1) != Some(&b'\'') {
            if let Some(o) = open.take() {
                out.push(o..i + 2);
            }
            continue;
        }
        match c {
            '\u{201C}' => open = Some(i),
            '\u{201D}' => {
                if let Some(o) = open.take() {
                    out.push(o..i + c.len_utf8());
                }
            }
            '"' => match open.take() {
                Some(o) => out.push(o..i + 1),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    // An opening quote never closed in this sentence runs to its end.
    if let Some(o) = open {
        out.push(o..text.len());
    }
    out
}

fn in_quote(quotes: &[Range<usize>], pos: usize) -> bool {
    quotes.iter().any(|q| q.start < pos && pos < q.end)
}

const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "for", "with", "from", "by", "to", "into", "under", "over", "after",
    "before", "during", "without", "about", "near",
];
/// Finite verbs that show a clause, not a speaker, follows a reporting verb.
const FINITE_VERBS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "do",
];
const PASSIVE_AUX: &[&str] = &["was", "were", "is", "are", "been", "be", "being", "had"];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// A determiner or capitalized word can open a speaker after an inverted verb.
fn opens_noun_phrase(s: &Sentence, i: usize) -> bool {
    i < s.len()
        && (s.capitalized(i)
            || matches!(
                s.word(i),
                "the" | "a" | "an" | "one" | "two" | "his" | "her" | "their"
            )
            || s.word(i).chars().next().is_some_and(|c| c.is_lowercase()))
}

/// Walk right from `i` over a noun phrase: stop at punctuation, a clause opener or a date.
fn phrase_right(s: &Sentence, i: usize, max: usize) -> usize {
    let mut j = i;
    while j < s.len() && j - i < max {
        if j > i && s.breaks_before(j) {
            break;
        }
        if lexicon::CLAUSE_OPENERS.contains(&s.word(j)) || s.date_at(j).is_some() {
            break;
        }
        if j > i && lexicon::REPORTING_VERBS.contains(&s.word(j)) && !s.capitalized(j) {
            break;
        }
        j += 1;
    }
    j
}

/// The speaker phrase before `verb`, and an appositive that describes it: in
/// "Jane Roe, head of the agency, said" the speaker is "Jane Roe", the role the rest.
fn speaker_left(s: &Sentence, verb: usize) -> (Range<usize>, Option<Range<usize>>) {
    let first = phrase_left(s, verb);
    let comma_before_verb = first.end < s.len()
        && s.gap_before(first.end).contains(',')
        && !s.gap_before(first.end).contains(['"', '\u{201D}', '\''])
        && first.start > 0
        && s.gap_before(first.start).contains(',');
    if comma_before_verb && first.end - first.start >= 2 {
        let name = phrase_left_from(s, first.start);
        if !name.is_empty() && s.capitalized(name.start) && name.end - name.start <= 6 {
            return (name, Some(first));
        }
    }
    (first, None)
}

/// Walk left from the token before `verb` over the speaker phrase.
fn phrase_left(s: &Sentence, verb: usize) -> Range<usize> {
    let mut end = verb;
    // "Erdoğan on Monday told": skip a date right before the verb, and adverbs.
    while end > 0 {
        if let Some(d) = s.date_at(end - 1) {
            end = s.dates[d].start;
        } else if s.word(end - 1).ends_with("ly") || matches!(s.word(end - 1), "also" | "again") {
            end -= 1;
        } else {
            break;
        }
    }
    phrase_left_from(s, end)
}

/// Walk left from token `end - 1` to the start of its phrase.
fn phrase_left_from(s: &Sentence, end: usize) -> Range<usize> {
    let mut start = end;
    while start > 0 && end - start < 16 {
        let w = s.word(start - 1);
        if lexicon::CLAUSE_OPENERS.contains(&w) || s.date_at(start - 1).is_some() {
            break;
        }
        if lexicon::REPORTING_VERBS.contains(&w) && !s.capitalized(start - 1) {
            break;
        }
        start -= 1;
        let gap = s.gap_before(start);
        // Parentheses belong to the speaker ("Office (OCHA)").
        let gap_breaks = breaks_phrase(&gap.replace(['(', ')'], " ")) && s.breaks_before(start);
        if start == 0 || gap_breaks {
            break;
        }
    }
    // A bare "and" is an ellipsis of the previous subject.
    if end - start == 1 && matches!(s.word(start), "and" | "but") {
        return end..end;
    }
    if end - start > 1 && matches!(s.word(start), "and" | "but" | "or") {
        start += 1;
    }
    start..end
}

/// Whether the tokens `from..to` are an adverbial tail ("on Tuesday", "in a statement").
fn adverbial(s: &Sentence, from: usize, to: usize) -> bool {
    if from >= to {
        return true;
    }
    let ends_with_date = s.date_at(to - 1).is_some();
    let starts_prep = matches!(
        s.word(from),
        "on" | "in"
            | "at"
            | "during"
            | "via"
            | "through"
            | "from"
            | "with"
            | "over"
            | "late"
            | "earlier"
            | "last"
            | "this"
            | "to"
            | "yesterday"
            | "today"
    ) || s.date_at(from).is_some();
    (ends_with_date || starts_prep) && to - from <= 6 || ends_with_date && to - from <= 3
}

/// The attributions of one sentence, in order.
pub(crate) fn find(s: &Sentence) -> Vec<Attribution> {
    let quotes = quote_spans(s.text);
    let mut found: Vec<(usize, Attribution)> = Vec::new();
    let n = s.len();
    let mut i = 0;
    while i < n {
        let w = s.word(i);
        let pos = s.toks[i].start;
        if in_quote(&quotes, pos) {
            i += 1;
            continue;
        }
        // "according to X"
        if w == "according" && s.word(i + 1) == "to" {
            let sp_end = phrase_right(s, i + 2, 14);
            if sp_end > i + 2 {
                let at_clause_start = i == 0 || s.breaks_before(i);
                let content = if at_clause_start && i == 0 && sp_end < n {
                    s.toks[sp_end].start..s.text.len()
                } else {
                    0..s.toks[i].start
                };
                found.push((
                    i,
                    Attribution {
                        speaker: s.span_text(i + 2, sp_end).to_string(),
                        speaker_toks: i + 2..sp_end,
                        verb: "according to".into(),
                        content,
                        role: None,
                    },
                ));
                i = sp_end;
                continue;
            }
        }
        // "as revealed by X", "as reported by X"
        if w == "as"
            && lexicon::REPORTING_VERBS.contains(&s.word(i + 1))
            && s.word(i + 2) == "by"
            && s.joined(i + 1)
            && s.joined(i + 2)
        {
            let sp_end = phrase_right(s, i + 3, 14);
            if sp_end > i + 3 {
                found.push((
                    i,
                    Attribution {
                        speaker: s.span_text(i + 3, sp_end).to_string(),
                        speaker_toks: i + 3..sp_end,
                        verb: s.span_text(i + 1, i + 2).to_string(),
                        content: 0..s.toks[i].start,
                        role: None,
                    },
                ));
                i = sp_end;
                continue;
            }
        }
        let is_read = w == "read"
            && i > 0
            && matches!(
                s.word(i - 1),
                "statement" | "letter" | "message" | "communique" | "note" | "post" | "tweet"
            );
        let is_verb = (lexicon::REPORTING_VERBS.contains(&w) && !s.capitalized(i)) || is_read;
        if !is_verb || (i > 0 && PASSIVE_AUX.contains(&s.word(i - 1))) {
            i += 1;
            continue;
        }
        let verb = s.toks[i].text.to_string();
        let gap_before = s.gap_before(i);
        // Inverted: "“...,” said Abu X, from the Y".
        let quoted = gap_before.contains(['\u{201D}', '"']) || gap_before.contains("''");
        // After a bare comma only a name or a short noun phrase ends the sentence inverted
        // ("..., said John Smith."); "..., said the finding was new" is not inverted.
        let comma_inverted = gap_before.contains(',') && {
            let end = phrase_right(s, i + 1, 10);
            let verbless = (i + 1..end).all(|k| !FINITE_VERBS.contains(&s.word(k)));
            verbless
                && (s.capitalized(i + 1)
                    || (end - (i + 1) <= 4 && (end >= n || s.breaks_before(end))))
        };
        let after_quote = quoted || comma_inverted;
        if i > 0 && after_quote && opens_noun_phrase(s, i + 1) && s.joined(i + 1) {
            let sp_end = phrase_right(s, i + 1, 10);
            if sp_end > i + 1 {
                let role = (sp_end < n && s.gap_before(sp_end).trim() == ",").then(|| {
                    let r_end = phrase_right(s, sp_end, 12);
                    s.span_text(sp_end, r_end).to_string()
                });
                let content_end = s.toks[i].start;
                found.push((
                    i,
                    Attribution {
                        speaker: s.span_text(i + 1, sp_end).to_string(),
                        speaker_toks: i + 1..sp_end,
                        verb,
                        content: 0..content_end,
                        role: role.filter(|r| !r.is_empty()),
                    },
                ));
                i = sp_end;
                continue;
            }
        }
        let (mut sp, mut appositive) = speaker_left(s, i);
        // "an official who spoke on condition of anonymity said": the speaker is the noun
        // phrase before "who", the relative clause describes it.
        if sp.start > 1 && s.word(sp.start - 1) == "who" && s.joined(sp.start - 1) {
            let head = phrase_left_from(s, sp.start - 1);
            if !head.is_empty() && appositive.is_none() {
                appositive = Some(sp.start - 1..sp.end);
                sp = head;
            }
        }
        if sp.is_empty() && !(i > 0 && matches!(s.word(i - 1), "and" | "but")) {
            i += 1;
            continue;
        }
        // A speaker never opens with a preposition ("in the shade of a tree, she said").
        if !sp.is_empty() && PREPOSITIONS.contains(&s.word(sp.start)) {
            i += 1;
            continue;
        }
        // What follows the verb: "that ..." within reach makes it pre.
        let tail_end = {
            let mut j = i + 1;
            while j < n && !s.breaks_before(j) {
                j += 1;
            }
            j
        };
        let that = (i + 1..n.min(i + 14))
            .take_while(|&j| !lexicon::REPORTING_VERBS.contains(&s.word(j)) || j == i)
            .find(|&j| s.word(j) == "that" && !in_quote(&quotes, s.toks[j].start));
        let rest_is_attr = tail_end < n
            && (matches!(s.word(tail_end), "while" | "but" | "and" | "whereas")
                || lexicon::CLAUSE_OPENERS.contains(&s.word(tail_end))
                || (tail_end..n.min(tail_end + 8))
                    .any(|j| lexicon::REPORTING_VERBS.contains(&s.word(j))));
        let tell_object = matches!(s.word(i), "told" | "tells" | "tell")
            && tail_end > i + 1
            && tail_end - (i + 1) <= 4
            && (s.capitalized(i + 1) || matches!(s.word(i + 1), "reporters" | "journalists"));
        let is_post = that.is_none()
            && (adverbial(s, i + 1, tail_end) || tell_object)
            && (tail_end >= n || rest_is_attr);
        let content = if is_post {
            0..s.toks[sp.start.min(i)].start
        } else if let Some(t) = that {
            s.toks.get(t + 1).map_or(s.text.len(), |t| t.start)..s.text.len()
        } else {
            // Skip a leading date or adverbial ("said on Tuesday the offensive ...").
            // "said in a tweet on Tuesday it went ...": a prepositional phrase ending in a
            // date is skipped as well.
            let mut k = i + 1;
            let opens_adverbial = matches!(
                s.word(k),
                "in" | "on" | "at" | "during" | "via" | "through" | "over" | "after"
            ) || s.date_at(k).is_some();
            if opens_adverbial
                && let Some(d) = (k..(k + 7).min(n)).find_map(|j| s.date_at(j))
                && (k..s.dates[d].start).all(|j| !s.breaks_before(j) || j == k)
            {
                k = s.dates[d].end;
            }
            s.toks.get(k).map_or(s.text.len(), |t| t.start)..s.text.len()
        };
        let speaker = s.span_text(sp.start, sp.end).to_string();
        found.push((
            i,
            Attribution {
                speaker,
                speaker_toks: sp,
                verb,
                content,
                role: appositive.map(|r| s.span_text(r.start, r.end).to_string()),
            },
        ));
        i += 1;
    }
    // Clip each content to stop at its neighbours: post content starts after the previous
    // attribution, pre content ends where the next one's speaker begins.
    let mut out: Vec<Attribution> = Vec::with_capacity(found.len());
    for k in 0..found.len() {
        let mut a = found[k].1.clone();
        let post = a.content.end <= s.toks.get(a.speaker_toks.start).map_or(0, |t| t.start)
            || a.content.start == 0 && a.content.end < s.text.len();
        if post && k > 0 {
            let prev = &found[k - 1];
            let prev_end = prev_end_byte(s, &prev.1, prev.0);
            // "X said on Tuesday, Reuters reported": nothing of its own is left.
            a.content.start = a.content.start.max(prev_end.min(a.content.end));
        }
        if let Some(next) = found.get(k + 1) {
            let next_start = s
                .toks
                .get(next.1.speaker_toks.start.min(next.0))
                .map_or(s.text.len(), |t| t.start);
            if a.content.start < next_start && next_start < a.content.end {
                a.content.end = next_start;
            }
        }
        out.push(a);
    }
    out
}

/// Byte where an attribution's own words end (after its verb or speaker).
fn prev_end_byte(s: &Sentence, a: &Attribution, verb_tok: usize) -> usize {
    let last = a.speaker_toks.end.max(verb_tok + 1);
    // Include an adverbial tail up to the next punctuation.
    let mut j = last;
    while j < s.len() && !s.breaks_before(j) {
        j += 1;
    }
    s.toks.get(j).map_or(s.text.len(), |t| t.start)
}

/// Clean a content range into display text: trimmed of spaces, commas, dashes and a final
/// period; returns the text and whether it is a direct quote.
pub(crate) fn content_text(s: &Sentence, r: &Range<usize>) -> (String, bool) {
    let raw = s.text.get(r.clone()).unwrap_or("");
    let mut trimmed = raw.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
    });
    // A dateline or credit before the text ("ISTANBUL — ", "ARK News: ").
    for sep in [" \u{2014} ", " \u{2013} ", " - ", ": "] {
        if let Some((head, rest)) = trimmed.split_once(sep) {
            let words: Vec<&str> = head.split_whitespace().collect();
            let credit = !words.is_empty()
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if credit && !head.contains(['\u{201C}', '"']) {
                trimmed = rest.trim_start();
                break;
            }
        }
    }
    let direct = trimmed.starts_with(['\u{201C}', '"']) || trimmed.starts_with("``");
    let mut text = trimmed
        .trim_start_matches(['\u{201C}', '"', '`'])
        .trim_end_matches(['.', ','])
        .trim_end_matches(['\u{201D}', '"', '\''])
        .trim_end_matches([',', '.'])
        .trim();
    // "its strikes target civilians, and" (the rest belongs to the next verb).
    for conj in [" and", " but", " while"] {
        if let Some(t) = text.strip_suffix(conj) {
            text = t.trim_end_matches([',', ' ']);
        }
    }
    (text.to_string(), direct)
}

/// Whether a speaker phrase is a bare pronoun.
pub(crate) fn is_pronoun(speaker: &str) -> bool {
    PRONOUNS.contains(&crosswire_text::fold(speaker.trim()).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributions(text: &str) -> Vec<(String, String, String)> {
        let s = Sentence::lone(text);
        find(&s)
            .into_iter()
            .map(|a| {
                let (c, _) = content_text(&s, &a.content);
                (a.speaker, a.verb, c)
            })
            .collect()
    }

    #[test]
    fn post_attribution_after_comma() {
        let a = attributions("The storm has killed 12 people, rescue workers and officials say.");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, "rescue workers and officials");
        assert_eq!(a[0].2, "The storm has killed 12 people");
    }

    #[test]
    fn pre_attribution_with_that_and_date() {
        let a = attributions("The Health Ministry said on Sunday that 40 people had died.");
        assert_eq!(a[0].0, "The Health Ministry");
        assert_eq!(a[0].2, "40 people had died");
        let a = attributions(
            "President Jane Roe on Monday told her counterpart, Ann Doe, that talks failed.",
        );
        assert_eq!(a[0].0, "President Jane Roe");
        assert_eq!(a[0].2, "talks failed");
    }

    #[test]
    fn inverted_quote_and_according_to() {
        let a = attributions(
            "\u{201C}We will not leave,\u{201D} said Omar Said, from the Popular Front.",
        );
        assert_eq!(a[0].0, "Omar Said");
        assert_eq!(a[0].2, "We will not leave");
        let a = attributions("At least 9 people died, according to local medics.");
        assert_eq!(a[0].0, "local medics");
        assert_eq!(a[0].1, "according to");
        assert_eq!(a[0].2, "At least 9 people died");
    }

    #[test]
    fn two_attributions_split_the_sentence() {
        let a = attributions(
            "The floods uprooted 5,000 people, the agency says, while medics say 30 people died.",
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].0, "the agency");
        assert_eq!(a[0].2, "The floods uprooted 5,000 people");
        assert_eq!(a[1].0, "medics");
        assert_eq!(a[1].2, "30 people died");
    }

    #[test]
    fn told_object_and_verbs_inside_quotes() {
        let a = attributions(
            "Since May, 9 schools were hit, the relief office told Reuters on Monday.",
        );
        assert_eq!(a[0].0, "the relief office");
        assert!(a[0].2.contains("9 schools were hit"));
        let a = attributions("\u{201C}They said no,\u{201D} the aide said.");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].0, "the aide");
        let a = attributions("``We are not leaving,'' said Ann Lee, a nurse.");
        assert_eq!(a[0].0, "Ann Lee");
        let a = attributions("Ann Lee, head of the clinic, said the finding was new.");
        assert_eq!(
            (a[0].0.as_str(), a[0].2.as_str()),
            ("Ann Lee", "the finding was new")
        );
        let a = attributions("Prices fell, said the minister.");
        assert_eq!(a[0].0, "the minister");
        let a = attributions("Ten people were reported missing.");
        assert!(a.is_empty());
    }
}

#[cfg(test)]
mod cleanup_tests {
    use super::*;

    fn contents(text: &str) -> Vec<String> {
        let s = Sentence::lone(text);
        find(&s)
            .iter()
            .map(|a| content_text(&s, &a.content).0)
            .collect()
    }

    #[test]
    fn datelines_and_leading_adverbials_are_trimmed() {
        assert_eq!(
            contents("He said in a tweet on Tuesday the plan had failed."),
            ["the plan had failed"]
        );
        assert_eq!(
            contents("PARIS \u{2014} Talks on the budget stalled again, the minister said."),
            ["Talks on the budget stalled again"]
        );
    }
}
