//! Turning an article into weighted features: stemmed content terms (title words counted
//! extra) and capitalized names, with sublinear term frequency.

use crosswire_dedup::hashing::U64Map;
use crosswire_dedup::shingle::hash_bytes;

/// A feature id: the stable hash of a term (or of `#` + a name).
pub type Feature = u64;

/// Raw counts of an article's features before IDF weighting.
#[derive(Debug, Clone, Default)]
pub struct Counts(pub U64Map<f32>);

/// Count the features of a title and body: every content term of the body once per
/// occurrence, title terms `title_weight` times, and each capitalized word that does not
/// start a sentence (a cheap stand-in for a named entity) as an extra `#name` feature.
pub fn count(title: &str, body: &str, title_weight: f32) -> Counts {
    let mut counts: U64Map<f32> = U64Map::default();
    for t in crosswire_text::content_terms(title) {
        *counts.entry(hash_bytes(t.as_bytes())).or_default() += title_weight;
    }
    for t in crosswire_text::content_terms(body) {
        *counts.entry(hash_bytes(t.as_bytes())).or_default() += 1.0;
    }
    for text in [title, body] {
        for name in names(text) {
            let key = format!("#{name}");
            *counts.entry(hash_bytes(key.as_bytes())).or_default() += 1.0;
        }
    }
    Counts(counts)
}

/// Folded capitalized words that do not open a sentence or a line.
pub fn names(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev_end: Option<usize> = None;
    for tok in crosswire_text::words(text) {
        let sentence_start = match prev_end {
            None => true,
            Some(e) => text
                .get(e..tok.start)
                .is_none_or(|gap| gap.contains(['.', '!', '?', '\n', ':', '"', '“'])),
        };
        prev_end = Some(tok.end);
        let capitalized = tok.text.chars().next().is_some_and(char::is_uppercase);
        if !capitalized || sentence_start || tok.text.len() < 2 {
            continue;
        }
        let folded = crosswire_text::fold(tok.text);
        if crosswire_text::is_stopword(&folded) {
            continue;
        }
        out.push(folded);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_skip_sentence_starts() {
        let n = names("The talks in Ankara ended. Officials met Erdoğan on Monday.");
        assert_eq!(n, vec!["ankara", "erdogan", "monday"]);
    }

    #[test]
    fn title_terms_weigh_more() {
        let c = count("Earthquake", "an earthquake struck", 3.0);
        let k = hash_bytes(b"earthquak");
        assert_eq!(c.0.get(&k).copied(), Some(4.0));
    }
}
