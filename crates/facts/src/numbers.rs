//! Numbers as news prose writes them: digits ("150,000", "1.5 million"), words ("ten",
//! "twenty-five", "two hundred"), vague amounts ("hundreds of", "a dozen") and ranges
//! ("10 to 15", "between 10 and 15", "10-15"), with the qualifier before them.

use crosswire_model::facts::Bound;

use crate::doc::Sentence;
use crate::lexicon;

/// A number found in a sentence, tokens `start..end` (qualifier included).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberSpan {
    pub start: usize,
    /// First token of the number itself (after the qualifier).
    pub number_start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub bound: Bound,
    pub qualifier: Option<String>,
}

fn digits(word: &str) -> Option<f64> {
    if word.is_empty() || !word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    if !word
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // "150,000" groups of three after commas; otherwise it is not one number.
    let mut parts = word.split(',');
    let first = parts.next()?;
    if word.contains(',') && (first.len() > 3 || parts.clone().any(|p| p.len() != 3)) {
        return None;
    }
    word.replace(',', "").parse().ok()
}

fn number_word(word: &str) -> Option<f64> {
    if let Some((_, v)) = lexicon::NUMBER_WORDS.iter().find(|(w, _)| *w == word) {
        return Some(*v);
    }
    // "twenty-five"
    let (tens, unit) = word.split_once('-')?;
    let t = lexicon::NUMBER_WORDS.iter().find(|(w, _)| *w == tens)?.1;
    let u = lexicon::NUMBER_WORDS.iter().find(|(w, _)| *w == unit)?.1;
    (t >= 20.0 && u < 10.0).then_some(t + u)
}

fn multiplier(word: &str) -> Option<f64> {
    lexicon::MULTIPLIERS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v)
}

/// A plain number at token `i`: value and the token after it.
fn plain(s: &Sentence, i: usize) -> Option<(f64, usize)> {
    let w = s.word(i);
    let (mut v, mut j) = if let Some(v) = digits(w) {
        (v, i + 1)
    } else if let Some(v) = number_word(w) {
        (v, i + 1)
    } else if matches!(w, "a" | "one") && s.joined(i + 1) && s.word(i + 1) == "dozen" {
        (12.0, i + 2)
    } else if w == "dozen" {
        (12.0, i + 1)
    } else if w == "a" && s.joined(i + 1) && matches!(s.word(i + 1), "hundred" | "thousand") {
        (1.0, i + 1)
    } else {
        return None;
    };
    // "two hundred", "1.5 million", "three hundred thousand"
    while let Some(m) = multiplier(s.word(j)).filter(|_| s.joined(j)) {
        v *= m;
        j += 1;
    }
    Some((v, j))
}

/// Match a qualifier at token `i`: its words, bound and the token after it.
fn qualifier(s: &Sentence, i: usize) -> Option<(String, Bound, usize)> {
    for (words, bound) in lexicon::QUALIFIERS {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| s.word(i + k) == *w && (k == 0 || s.joined(i + k)));
        if fits && s.joined(i + words.len()) {
            return Some((words.join(" "), *bound, i + words.len()));
        }
    }
    None
}

/// Skip "a total of" and similar fillers.
pub(crate) fn skip_fillers(s: &Sentence, i: usize) -> usize {
    for words in lexicon::FILLERS {
        let fits = words
            .iter()
            .enumerate()
            .all(|(k, w)| s.word(i + k) == *w && s.joined(i + k + 1));
        if fits {
            return i + words.len();
        }
    }
    i
}

/// Match a number (with its qualifier) starting at token `i`.
pub(crate) fn number_at(s: &Sentence, i: usize) -> Option<NumberSpan> {
    let (qual, bound, after_qual) = match qualifier(s, i) {
        Some((q, b, j)) => (Some(q), b, j),
        None => (None, Bound::Exact, i),
    };
    let n = skip_fillers(s, after_qual);
    // "between 10 and 15"
    let between = s.word(n) == "between" && s.joined(n + 1);
    let first = if between { n + 1 } else { n };
    // Vague amounts: "hundreds of", "tens of thousands of".
    let w = s.word(first);
    if w == "tens"
        && s.word(first + 1) == "of"
        && let Some(m) = multiplier(s.word(first + 2).trim_end_matches('s'))
        && s.word(first + 3) == "of"
    {
        return Some(NumberSpan {
            start: i,
            number_start: first,
            end: first + 4,
            low: 20.0 * m,
            high: 20.0 * m,
            bound: Bound::About,
            qualifier: qual,
        });
    }
    if let Some((_, v)) = lexicon::VAGUE_AMOUNTS.iter().find(|(x, _)| *x == w) {
        // "hundreds of people", or alone before a verb ("dozens were killed").
        let with_of = s.word(first + 1) == "of" && s.joined(first + 1);
        return Some(NumberSpan {
            start: i,
            number_start: first,
            end: if with_of { first + 2 } else { first + 1 },
            low: *v,
            high: *v,
            bound: Bound::About,
            qualifier: qual,
        });
    }
    // "10-15" is one token.
    if let Some((a, b)) = w.split_once('-')
        && let (Some(lo), Some(hi)) = (digits(a), digits(b))
        && lo < hi
    {
        return Some(NumberSpan {
            start: i,
            number_start: first,
            end: first + 1,
            low: lo,
            high: hi,
            bound: qual_bound(bound, true),
            qualifier: qual,
        });
    }
    let (low, mut end) = plain(s, first)?;
    let mut high = low;
    let joiner = s.word(end);
    if (joiner == "to" || (between && joiner == "and")) && s.joined(end) && s.joined(end + 1) {
        if let Some((h, e)) = plain(s, end + 1)
            && h > low
        {
            high = h;
            end = e;
        }
    } else if between {
        return None;
    }
    Some(NumberSpan {
        start: i,
        number_start: first,
        end,
        low,
        high,
        bound: qual_bound(bound, high > low),
        qualifier: qual,
    })
}

fn qual_bound(bound: Bound, range: bool) -> Bound {
    if range && bound == Bound::Exact {
        Bound::About
    } else {
        bound
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::facts::Citation;

    fn first_number(text: &str) -> Option<(f64, f64, Bound, Option<String>)> {
        let cite = Citation {
            article: "a".into(),
            label: "a".into(),
            paragraph: 0,
            sentence: 0,
        };
        let s = Sentence::new(0, text, cite);
        (0..s.len())
            .find_map(|i| number_at(&s, i))
            .map(|n| (n.low, n.high, n.bound, n.qualifier))
    }

    #[test]
    fn digits_and_words() {
        assert_eq!(
            first_number("uprooted 150,000 people").map(|n| n.0),
            Some(150_000.0)
        );
        assert_eq!(
            first_number("1.5 million people").map(|n| n.0),
            Some(1_500_000.0)
        );
        assert_eq!(first_number("ten civilians").map(|n| n.0), Some(10.0));
        assert_eq!(
            first_number("twenty-five soldiers").map(|n| n.0),
            Some(25.0)
        );
        assert_eq!(first_number("two hundred homes").map(|n| n.0), Some(200.0));
        assert_eq!(first_number("a dozen villages").map(|n| n.0), Some(12.0));
        assert_eq!(first_number("code 12,34567 x"), None);
    }

    #[test]
    fn qualifiers_and_vague_amounts() {
        let n = first_number("killing a minimum of ten civilians");
        assert_eq!(
            n,
            Some((10.0, 10.0, Bound::AtLeast, Some("a minimum of".into())))
        );
        let n = first_number("more than 120 civilians");
        assert_eq!(
            n,
            Some((120.0, 120.0, Bound::AtLeast, Some("more than".into())))
        );
        let n = first_number("up to 30 people");
        assert_eq!(n.map(|n| n.2), Some(Bound::AtMost));
        let n = first_number("nearly 40 people");
        assert_eq!(n.map(|n| n.2), Some(Bound::AtMost));
        let n = first_number("Some 1.5 million people");
        assert_eq!(n.map(|n| (n.0, n.2)), Some((1_500_000.0, Bound::About)));
        let n = first_number("hundreds of families");
        assert_eq!(n.map(|n| n.2), Some(Bound::About));
        let n = first_number("tens of thousands of people");
        assert_eq!(n.map(|n| n.0), Some(20_000.0));
    }

    #[test]
    fn ranges() {
        assert_eq!(
            first_number("10 to 15 people").map(|n| (n.0, n.1)),
            Some((10.0, 15.0))
        );
        assert_eq!(
            first_number("between 10 and 15 people").map(|n| (n.0, n.1)),
            Some((10.0, 15.0))
        );
        assert_eq!(
            first_number("10-15 people").map(|n| (n.0, n.1)),
            Some((10.0, 15.0))
        );
    }
}
