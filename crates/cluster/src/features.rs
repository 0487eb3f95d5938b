//! Turning an article into weighted features: stemmed content terms (the lead and the title
//! counted extra), phrases (two content terms in a row within a sentence) and capitalized
//! names, with sublinear term frequency.

use crosswire_dedup::hashing::U64Map;
use crosswire_dedup::shingle::hash_bytes;

/// A feature id: the stable hash of a term (or of `#` + a name).
pub type Feature = u64;

/// Raw counts of an article's features before IDF weighting.
#[derive(Debug, Clone, Default)]
pub struct Counts(pub U64Map<f32>);

/// How much each kind of feature counts, per occurrence, against a body term's 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// A content term of the title (its phrases are scaled by this too), on top of the
    /// lead's weight when the title is not just the opening of the body.
    pub title: f32,
    /// A content term of the lead: the first [`Weights::lead_chars`] characters of the
    /// body's first line ([`lead`]); its names count once more too. 0 counts no lead.
    pub lead: f32,
    pub lead_chars: usize,
    /// A phrase: two content terms in a row within one sentence, stopwords between them
    /// skipped ("house judiciary", "judiciary committee"). 0 counts none.
    pub phrase: f32,
}

/// Count the features of a title and body: every content term of the body once per
/// occurrence, the lead's terms `weights.lead` times more ([`lead`]), title terms
/// `weights.title` times more unless the title only repeats the lead's opening (a feed
/// without headlines, or one whose "title" is the first sentence), phrases
/// `weights.phrase` times (why:
/// two related events share most of their words, "house", "committee", "vote", but
/// rarely the pairs that name each of them), and each capitalized word that does not
/// start a sentence (a cheap stand-in for a named entity) as an extra `#name` feature.
pub fn count(title: &str, body: &str, weights: &Weights) -> Counts {
    let mut counts: U64Map<f32> = U64Map::default();
    let lead = if weights.lead > 0.0 {
        lead(body, weights.lead_chars)
    } else {
        ""
    };
    let title = title.trim();
    let title = if lead.starts_with(title) { "" } else { title };
    let title_tokens = crosswire_text::words(title);
    let lead_tokens = crosswire_text::words(lead);
    let body_tokens = crosswire_text::words(body);
    TOKEN_FEATURES.with_borrow_mut(|cache| {
        for (text, tokens, weight) in [
            (title, &title_tokens, weights.title),
            (lead, &lead_tokens, weights.lead),
            (body, &body_tokens, 1.0),
        ] {
            let mut previous: Option<Feature> = None;
            let mut previous_end = 0;
            for tok in tokens {
                let term = count_term(&mut counts, cache, tok.text, weight);
                if weights.phrase <= 0.0 {
                    continue;
                }
                if breaks_between(text, previous_end, tok.start, &SENTENCE_BREAKS) {
                    previous = None;
                }
                previous_end = tok.end;
                if let Some(term) = term {
                    if let Some(first) = previous {
                        *counts.entry(phrase_feature(first, term)).or_default() +=
                            weight * weights.phrase;
                    }
                    previous = Some(term);
                }
            }
        }
        for (text, tokens) in [
            (title, &title_tokens),
            (lead, &lead_tokens),
            (body, &body_tokens),
        ] {
            for tok in inner_tokens(text, tokens) {
                count_name(&mut counts, cache, tok.text);
            }
        }
    });
    Counts(counts)
}

/// The lead of a body: the first `chars` characters of its first line (the opening of
/// the first paragraph, where a news report states its event). Why it counts extra: two
/// reports of one event open on the same who-what-where while their later paragraphs
/// wander into background. It is counted whether or not the feed gives a headline, so
/// that a stream with headlines is weighed like one without (the defaults were chosen on
/// title-less feed items). A wire dateline is not part of it: ingest takes it out of the
/// body as metadata (`crosswire_text::split_dateline`), so the filing city does not count
/// as what happened.
pub fn lead(body: &str, chars: usize) -> &str {
    let body = body.trim_start();
    let line = body.lines().next().unwrap_or("");
    let end = line
        .char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i);
    &line[..end]
}

/// What one word contributes, computed once per distinct spelling: its content-term
/// feature (stemming dominates the cost of counting, and news text repeats its words)
/// and, if it is written capitalized, its `#name` feature.
#[derive(Clone, Copy)]
struct TokenFeatures {
    term: Option<Feature>,
    name: Option<Feature>,
}

impl TokenFeatures {
    /// The features of one token, or `None` in the (unexpected) case that it yields more
    /// than one content term, which [`count_term`] then handles uncached.
    fn of(word: &str) -> Option<TokenFeatures> {
        // A token re-tokenizes to itself, so its content terms are exactly those the
        // whole text would have produced for it.
        let terms = crosswire_text::content_terms(word);
        if terms.len() > 1 {
            return None;
        }
        let term = terms.first().map(|t| hash_bytes(t.as_bytes()));
        Some(TokenFeatures {
            term,
            name: name_feature(word),
        })
    }
}

/// The `#name` feature of a word that opens neither a sentence nor a line: set for
/// capitalized words that are not stopwords.
fn name_feature(word: &str) -> Option<Feature> {
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    (capitalized && word.len() >= 2)
        .then(|| crosswire_text::fold(word))
        .filter(|folded| !crosswire_text::is_stopword(folded))
        .map(|folded| hash_bytes(format!("#{folded}").as_bytes()))
}

/// Per-thread memo of [`TokenFeatures`] by exact spelling (keyed by its hash, the spelling
/// kept to rule out collisions), emptied when it reaches `TOKEN_CACHE_LIMIT` entries so
/// memory stays flat on endless streams.
#[derive(Default)]
struct TokenCache(U64Map<(Box<str>, TokenFeatures)>);

const TOKEN_CACHE_LIMIT: usize = 1 << 17;

impl TokenCache {
    /// The features of `word`, computed on first sight; `None` if they do not fit
    /// [`TokenFeatures`].
    fn get(&mut self, word: &str) -> Option<TokenFeatures> {
        let key = hash_bytes(word.as_bytes());
        match self.0.get(&key) {
            Some((spelling, features)) if **spelling == *word => return Some(*features),
            // Another spelling with the same hash holds the slot: compute, keep it.
            Some(_) => return TokenFeatures::of(word),
            None => {}
        }
        let features = TokenFeatures::of(word)?;
        if self.0.len() >= TOKEN_CACHE_LIMIT {
            self.0.clear();
        }
        self.0.insert(key, (word.into(), features));
        Some(features)
    }
}

thread_local! {
    static TOKEN_FEATURES: std::cell::RefCell<TokenCache> = std::cell::RefCell::default();
}

/// What ends a phrase: two terms with one of these between them are not a phrase.
const SENTENCE_BREAKS: [char; 6] = ['.', '!', '?', '\n', ':', ';'];

/// What makes the next word open a sentence or a quote, so its capital is no evidence of
/// a name. Unlike a phrase, a name context ends at a quote mark.
const NAME_BREAKS: [char; 7] = ['.', '!', '?', '\n', ':', '"', '“'];

/// Whether `text[from..to]` (the gap between two tokens) holds one of `breaks`; a gap that
/// is not a valid slice counts as a break.
fn breaks_between(text: &str, from: usize, to: usize, breaks: &[char]) -> bool {
    text.get(from..to).is_none_or(|gap| gap.contains(breaks))
}

/// The top bits every phrase feature carries ([`is_phrase`]). A term or name hashes into
/// this range once in 4,096 features; it is then only read as a phrase (not used to look
/// up candidate stories), which costs nothing measurable.
const PHRASE_TAG: Feature = 0xFFF << 52;

/// The feature of the phrase `first second` (ordered: "bank raid" is not "raid bank").
fn phrase_feature(first: Feature, second: Feature) -> Feature {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&first.to_le_bytes());
    bytes[8..].copy_from_slice(&second.to_le_bytes());
    (hash_bytes(&bytes) & !PHRASE_TAG) | PHRASE_TAG
}

/// Whether a feature is a phrase. Phrases weigh in every similarity but do not look up
/// candidate stories: their terms already do, and posting each story under its phrases
/// (nearly all unique to it) would more than double the postings' memory.
pub fn is_phrase(feature: Feature) -> bool {
    feature & PHRASE_TAG == PHRASE_TAG
}

/// Add the content-term features of one token, `weight` each; return the feature when
/// the token is exactly one content term (the only tokens that form phrases).
fn count_term(
    counts: &mut U64Map<f32>,
    cache: &mut TokenCache,
    word: &str,
    weight: f32,
) -> Option<Feature> {
    match cache.get(word) {
        Some(features) => {
            let term = features.term?;
            *counts.entry(term).or_default() += weight;
            Some(term)
        }
        None => {
            for t in crosswire_text::content_terms(word) {
                *counts.entry(hash_bytes(t.as_bytes())).or_default() += weight;
            }
            None
        }
    }
}

/// Add the `#name` feature of one token that opens neither a sentence nor a line.
fn count_name(counts: &mut U64Map<f32>, cache: &mut TokenCache, word: &str) {
    let name = match cache.get(word) {
        Some(features) => features.name,
        None => name_feature(word),
    };
    if let Some(name) = name {
        *counts.entry(name).or_default() += 1.0;
    }
}

/// The tokens that open neither a sentence nor a line: the candidates for names.
fn inner_tokens<'t>(
    text: &'t str,
    tokens: &'t [crosswire_text::Token<'t>],
) -> impl Iterator<Item = &'t crosswire_text::Token<'t>> {
    let mut prev_end: Option<usize> = None;
    tokens.iter().filter(move |tok| {
        let sentence_start =
            prev_end.is_none_or(|e| breaks_between(text, e, tok.start, &NAME_BREAKS));
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

    /// The memoized count equals counting from `content_terms` and `names` directly, also
    /// when the same words come back (served from the cache) in another article.
    const NO_PHRASES: Weights = Weights {
        title: 2.5,
        lead: 0.0,
        lead_chars: 0,
        phrase: 0.0,
    };

    #[test]
    fn memoized_count_matches_direct_count() {
        let direct = |title: &str, body: &str| {
            let mut c: U64Map<f32> = U64Map::default();
            for t in crosswire_text::content_terms(title) {
                *c.entry(hash_bytes(t.as_bytes())).or_default() += 2.5;
            }
            for t in crosswire_text::content_terms(body) {
                *c.entry(hash_bytes(t.as_bytes())).or_default() += 1.0;
            }
            for n in names(title).into_iter().chain(names(body)) {
                *c.entry(hash_bytes(format!("#{n}").as_bytes())).or_default() += 1.0;
            }
            c
        };
        let docs = [
            (
                "Talks in Ankara",
                "Officials met Erdoğan in Ankara. The talks ended.",
            ),
            (
                "Ankara talks end",
                "It's 1.5 times the 150,000 Ankara figure: Talks go on.",
            ),
            (
                "",
                "ÉLYSÉE said Élysée and élysée; the Élysée-Palace O'Neill!",
            ),
        ];
        for _ in 0..2 {
            for (title, body) in docs {
                assert_eq!(
                    count(title, body, &NO_PHRASES).0,
                    direct(title, body),
                    "{title} / {body}"
                );
            }
        }
    }

    /// Phrases: consecutive content terms with stopwords skipped, in order, never across
    /// a sentence break; weighted by `phrase` (and by `title` in the title).
    #[test]
    fn phrases_join_neighbouring_terms_within_a_sentence() {
        let term = |w: &str| hash_bytes(w.as_bytes());
        let weights = Weights {
            title: 2.0,
            lead: 0.0,
            lead_chars: 0,
            phrase: 0.5,
        };
        let c = count(
            "Senate vote",
            "The vote of the Senate. Budget talks",
            &weights,
        )
        .0;
        let phrase = |a: &str, b: &str| c.get(&phrase_feature(term(a), term(b))).copied();
        assert_eq!(
            phrase("senat", "vote"),
            Some(1.0),
            "title phrase, 2.0 × 0.5"
        );
        assert_eq!(phrase("vote", "senat"), Some(0.5), "'of the' is skipped");
        assert_eq!(phrase("budget", "talk"), Some(0.5));
        assert!(is_phrase(phrase_feature(term("budget"), term("talk"))));
        assert!(!is_phrase(term("budget")));
        assert_eq!(
            phrase("senat", "budget"),
            None,
            "a sentence break ends a phrase"
        );
        assert_eq!(phrase("vote", "budget"), None);
        let plain = count(
            "Senate vote",
            "The vote of the Senate. Budget talks",
            &NO_PHRASES,
        )
        .0;
        assert_eq!(
            c.len(),
            plain.len() + 3,
            "the same terms and names, plus 3 phrases"
        );
    }

    #[test]
    fn title_terms_weigh_more() {
        let weights = Weights {
            title: 3.0,
            lead: 0.0,
            lead_chars: 0,
            phrase: 0.0,
        };
        let c = count("Earthquake", "an earthquake struck", &weights);
        let k = hash_bytes(b"earthquak");
        assert_eq!(c.0.get(&k).copied(), Some(4.0));
    }

    /// The lead's terms count extra; a title that only repeats the opening of the body adds
    /// nothing over the lead (so a feed without headlines, whose title is derived from
    /// the body, is weighed like one with them), and a real headline counts on top.
    #[test]
    fn the_lead_weighs_more_and_a_repeated_opening_is_not_a_title() {
        let weights = Weights {
            title: 1.0,
            lead: 2.0,
            lead_chars: 20,
            phrase: 0.0,
        };
        let body = "Rebels shelled Idlib on Monday, and the ministers met.\nThe ministers spoke.";
        let term = |c: &Counts, w: &str| c.0.get(&hash_bytes(w.as_bytes())).copied();
        let name = |c: &Counts, w: &str| c.0.get(&hash_bytes(format!("#{w}").as_bytes())).copied();
        let untitled = count("", body, &weights);
        assert_eq!(term(&untitled, "rebel"), Some(3.0), "in the lead: 1 + 2");
        assert_eq!(term(&untitled, "idlib"), Some(3.0));
        assert_eq!(
            name(&untitled, "idlib"),
            Some(2.0),
            "a name in the lead: twice"
        );
        assert_eq!(term(&untitled, "monday"), Some(1.0), "past 20 characters");
        assert_eq!(term(&untitled, "minist"), Some(2.0), "body only");
        let derived = count("Rebels shelled Idlib", body, &weights);
        assert_eq!(derived.0, untitled.0, "the title repeats the opening");
        let headline = count("Idlib offensive", body, &weights);
        assert_eq!(term(&headline, "idlib"), Some(4.0), "1 + lead 2 + title 1");
        assert_eq!(term(&headline, "offens"), Some(1.0));
        let no_lead = Weights {
            lead: 0.0,
            ..weights
        };
        assert_eq!(term(&count("", body, &no_lead), "rebel"), Some(1.0));
    }
}
