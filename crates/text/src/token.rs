use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::{fold, is_stopword};

/// A word in a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Words: runs of alphanumerics, keeping inner apostrophes, hyphens, dots and commas between
/// digits (`don't`, `al-Assad`, `1.5`, `150,000`) as one token.
pub fn words(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        if let Some(st) = start {
            let joiner = matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',');
            let next_alnum = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            if joiner && next_alnum {
                let prev = s[..i].chars().next_back().unwrap_or(' ');
                let next = iter.peek().map(|&(_, n)| n).unwrap_or(' ');
                // Dots and commas join only digits (1.5, 150,000); apostrophes and hyphens
                // join letters.
                let ok = match c {
                    '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
                    _ => true,
                };
                if ok {
                    continue;
                }
            }
            out.push(Token {
                text: &s[st..i],
                start: st,
                end: i,
            });
            start = None;
        }
    }
    if let Some(st) = start {
        out.push(Token {
            text: &s[st..],
            start: st,
            end: s.len(),
        });
    }
    out
}

/// Number of whitespace-separated words, as word budgets count them.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// English Snowball stem of a (preferably lowercase) word.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// Folded, stemmed, non-stopword terms of a text: the unit of similarity for dedup,
/// clustering and summarization.
pub fn content_terms(s: &str) -> Vec<String> {
    words(s)
        .into_iter()
        .filter_map(|t| {
            let f = fold(t.text);
            if f.len() < 2 && !f.chars().all(|c| c.is_ascii_digit()) || is_stopword(&f) {
                None
            } else {
                Some(stem(&f))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_inner_joiners() {
        assert_eq!(
            texts("Al-Assad's forces: 150,000 people, 1.5 million; don't."),
            vec![
                "Al-Assad's",
                "forces",
                "150,000",
                "people",
                "1.5",
                "million",
                "don't"
            ]
        );
    }

    #[test]
    fn splits_on_sentence_punctuation() {
        assert_eq!(texts("end.Start, next"), vec!["end", "Start", "next"]);
    }

    #[test]
    fn terms_are_stemmed_and_folded() {
        assert_eq!(
            content_terms("The civilians were killed by Erdoğan"),
            vec!["civilian", "kill", "erdogan"]
        );
    }
}
