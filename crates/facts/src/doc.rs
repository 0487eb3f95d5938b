//! Articles cut into the unit every extractor works on: a [`Sentence`] with its word tokens,
//! their folded forms and Snowball stems, and where it sits in the article.

use crosswire_model::Article;
use crosswire_model::facts::Citation;
use crosswire_text::{Token, fold, sentence_spans, stem, words};

use crate::dates::DateSpan;

/// One sentence of one article, tokenized.
pub(crate) struct Sentence<'a> {
    /// Index of the article in the input slice.
    pub article: usize,
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    /// Lowercase, diacritic-folded token texts.
    pub folded: Vec<String>,
    /// Snowball stems of `folded`.
    pub stems: Vec<String>,
    pub cite: Citation,
    /// Date expressions found in this sentence (filled by the dates pass).
    pub dates: Vec<DateSpan>,
}

impl<'a> Sentence<'a> {
    pub fn new(article: usize, text: &'a str, cite: Citation) -> Self {
        let toks = words(text);
        let folded: Vec<String> = toks.iter().map(|t| fold(t.text)).collect();
        let stems = folded.iter().map(|f| stem(f)).collect();
        Sentence {
            article,
            text,
            toks,
            folded,
            stems,
            cite,
            dates: Vec::new(),
        }
    }

    /// A lone sentence of an article "a", with its date expressions found: the unit the
    /// stage's unit tests work on.
    #[cfg(test)]
    pub fn lone(text: &'a str) -> Self {
        let cite = Citation {
            article: "a".into(),
            label: "a".into(),
            paragraph: 0,
            sentence: 0,
        };
        let mut s = Sentence::new(0, text, cite);
        s.dates = crate::dates::find(&s);
        s
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Text between token `i - 1` (or the sentence start) and token `i`.
    pub fn gap_before(&self, i: usize) -> &'a str {
        let start = if i == 0 {
            0
        } else {
            self.toks.get(i - 1).map_or(0, |t| t.end)
        };
        let end = self.toks.get(i).map_or(self.text.len(), |t| t.start);
        self.text.get(start..end).unwrap_or("")
    }

    /// Text between token `i` and token `i + 1` (or the sentence end).
    pub fn gap_after(&self, i: usize) -> &'a str {
        self.gap_before(i + 1)
    }

    /// Whether only spaces separate token `i - 1` and token `i`, or the period of a title
    /// abbreviation or initial before a name ("Sen. John R. Smith").
    pub fn joined(&self, i: usize) -> bool {
        i > 0 && (self.gap_before(i).chars().all(char::is_whitespace) || self.abbreviation_join(i))
    }

    /// Whether punctuation between token `i - 1` and token `i` ends a phrase.
    pub fn breaks_before(&self, i: usize) -> bool {
        breaks_phrase(self.gap_before(i)) && !self.abbreviation_join(i)
    }

    /// "Dr. Feng", "John R. Allen": a period after a title or an initial, then a name.
    fn abbreviation_join(&self, i: usize) -> bool {
        if i == 0 || self.gap_before(i).trim() != "." || !self.capitalized(i) {
            return false;
        }
        let prev = self.toks[i - 1].text;
        let initial = prev.chars().count() == 1 && prev.chars().all(char::is_uppercase);
        initial || TITLE_ABBREVIATIONS.contains(&self.word(i - 1))
    }

    /// Source text of tokens `from..to` (exclusive), including what lies between them.
    pub fn span_text(&self, from: usize, to: usize) -> &'a str {
        if from >= to || to > self.toks.len() {
            return "";
        }
        self.text
            .get(self.toks[from].start..self.toks[to - 1].end)
            .unwrap_or("")
    }

    /// Whether token `i` starts with an uppercase letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .and_then(|t| t.text.chars().next())
            .is_some_and(char::is_uppercase)
    }

    /// Folded text of token `i`, or "" past the end.
    pub fn word(&self, i: usize) -> &str {
        self.folded.get(i).map_or("", String::as_str)
    }

    /// Index of the date span covering token `i`, if any.
    pub fn date_at(&self, i: usize) -> Option<usize> {
        self.dates.iter().position(|d| d.start <= i && i < d.end)
    }
}

/// Abbreviated titles written with a period before a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "adm", "brig", "capt", "cmdr", "col", "dr", "gen", "gov", "hon", "lt", "maj", "mr", "mrs",
    "ms", "pres", "prof", "rep", "rev", "sen", "sgt", "st", "supt",
];

/// Split every article into sentences, in article and reading order.
pub(crate) fn sentences(articles: &[Article]) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    for (ai, article) in articles.iter().enumerate() {
        for (pi, para) in article.paragraphs.iter().enumerate() {
            for (si, span) in sentence_spans(para).into_iter().enumerate() {
                let Some(text) = para.get(span) else { continue };
                let cite = Citation {
                    article: article.id.clone(),
                    label: article.label().to_string(),
                    paragraph: pi,
                    sentence: si,
                };
                out.push(Sentence::new(ai, text, cite));
            }
        }
    }
    out
}

/// Whether a gap of text between tokens holds punctuation that ends a phrase.
pub(crate) fn breaks_phrase(gap: &str) -> bool {
    gap.chars().any(|c| {
        matches!(
            c,
            ',' | ';'
                | ':'
                | '.'
                | '!'
                | '?'
                | '"'
                | '\u{201C}'
                | '\u{201D}'
                | '\u{2014}'
                | '\u{2013}'
                | '('
                | ')'
                | '['
                | ']'
        ) || (c == '-')
    })
}
