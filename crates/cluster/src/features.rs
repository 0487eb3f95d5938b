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
    let title_tokens = crosswire_text::words(title);
    let body_tokens = crosswire_text::words(body);
    TOKEN_FEATURES.with_borrow_mut(|cache| {
        for (tokens, weight) in [(&title_tokens, title_weight), (&body_tokens, 1.0)] {
            for tok in tokens {
                cache.visit(tok.text, |features| {
                    for &term in &features.terms {
                        *counts.entry(term).or_default() += weight;
                    }
                });
            }
        }
        for (text, tokens) in [(title, &title_tokens), (body, &body_tokens)] {
            for tok in inner_tokens(text, tokens) {
                cache.visit(tok.text, |features| {
                    if let Some(name) = features.name {
                        *counts.entry(name).or_default() += 1.0;
                    }
                });
            }
        }
    });
    Counts(counts)
}

/// What one word contributes, computed once per distinct spelling: its content-term
/// features (stemming dominates the cost of counting, and news text repeats its words)
/// and, if it is written capitalized, its `#name` feature.
struct TokenFeatures {
    terms: Box<[Feature]>,
    name: Option<Feature>,
}

impl TokenFeatures {
    fn of(word: &str) -> TokenFeatures {
        // A token re-tokenizes to itself, so its content terms are exactly those the
        // whole text would have produced for it.
        let terms = crosswire_text::content_terms(word)
            .iter()
            .map(|t| hash_bytes(t.as_bytes()))
            .collect();
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        let name = (capitalized && word.len() >= 2)
            .then(|| crosswire_text::fold(word))
            .filter(|folded| !crosswire_text::is_stopword(folded))
            .map(|folded| hash_bytes(format!("#{folded}").as_bytes()));
        TokenFeatures { terms, name }
    }
}

/// Per-thread memo of [`TokenFeatures`] by exact spelling (keyed by its hash, the spelling
/// kept to rule out collisions), emptied when it reaches `TOKEN_CACHE_LIMIT` entries so
/// memory stays flat on endless streams.
#[derive(Default)]
struct TokenCache(U64Map<(Box<str>, TokenFeatures)>);

const TOKEN_CACHE_LIMIT: usize = 1 << 18;

impl TokenCache {
    /// Hand `use_features` the features of `word`, computing them on first sight.
    fn visit(&mut self, word: &str, use_features: impl FnOnce(&TokenFeatures)) {
        let key = hash_bytes(word.as_bytes());
        match self.0.get(&key) {
            Some((spelling, features)) if **spelling == *word => return use_features(features),
            // Another spelling with the same hash holds the slot: compute, keep it.
            Some(_) => return use_features(&TokenFeatures::of(word)),
            None => {}
        }
        if self.0.len() >= TOKEN_CACHE_LIMIT {
            self.0.clear();
        }
        let features = TokenFeatures::of(word);
        use_features(&features);
        self.0.insert(key, (word.into(), features));
    }
}

thread_local! {
    static TOKEN_FEATURES: std::cell::RefCell<TokenCache> = std::cell::RefCell::default();
}

/// The tokens that open neither a sentence nor a line: the candidates for names.
fn inner_tokens<'t>(
    text: &'t str,
    tokens: &'t [crosswire_text::Token<'t>],
) -> impl Iterator<Item = &'t crosswire_text::Token<'t>> {
    let mut prev_end: Option<usize> = None;
    tokens.iter().filter(move |tok| {
        let sentence_start = match prev_end {
            None => true,
            Some(e) => text
                .get(e..tok.start)
                .is_none_or(|gap| gap.contains(['.', '!', '?', '\n', ':', '"', '“'])),
        };
        prev_end = Some(tok.end);
        !sentence_start
    })
}

/// Folded capitalized words that do not open a sentence or a line.
pub fn names(text: &str) -> Vec<String> {
    let tokens = crosswire_text::words(text);
    let mut out = Vec::new();
    for tok in inner_tokens(text, &tokens) {
        let capitalized = tok.text.chars().next().is_some_and(char::is_uppercase);
        if !capitalized || tok.text.len() < 2 {
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
