//! crosswire-facts: compare what the articles of one story say.
//!
//! The principal entry point is [`extract`], which turns a story's
//! [`Article`]s into [`Facts`]:
//!
//! ```text
//! articles ─▶ doc::sentences ─▶ dates::find (resolved against each article's date, or the
//!             story's, marked inferred)
//!                            ─▶ attribution::find ─▶ who said what (Statement; a speaker
//!                               the story does not name is marked "unnamed source",
//!                               by unnamed::is_unnamed)
//!                            ─▶ entities::mentions ─▶ entities::merge (Entity; kinds the
//!                               context leaves open from a small [`gazetteer`])
//!                            ─▶ claims::find ─▶ carry (a source carried over from the
//!                               previous sentence of the paragraph, marked inherited)
//!                            ─▶ group::group (QuantityClaim, ClaimGroup)
//!                            ─▶ timeline::build (TimelineEvent: a short text per dated
//!                               event; a count dated by its own scope, "since April 28"
//!                               being a period to the report day; one event told at the
//!                               same or a coarser date merged into one row)
//! ```
//!
//! Everything is rule-based and uses general English vocabulary ([`lexicon`]): number
//! words, qualifiers, event verbs grouped into classes, reporting verbs, titles and
//! organization/place nouns. No rule is keyed to a particular story.

mod attribution;
mod carry;
mod claims;
mod dates;
mod doc;
mod entities;
mod gazetteer;
mod group;
pub mod lexicon;
mod numbers;
mod timeline;
mod unnamed;

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use chrono::NaiveDate;
use crosswire_model::Article;
use crosswire_model::facts::{Bound, DateMention, EntityKind, Facts, Statement, UNNAMED_ROLE};
use crosswire_text::{content_terms, fold};

use crate::attribution::Attribution;
use crate::doc::Sentence;
use crate::entities::{EntityTable, Mention};

pub use crosswire_model::facts;

/// Extract quantity claims, statements, entities, dates and the timeline of one story.
pub fn extract(articles: &[Article]) -> Facts {
    let mut sents = doc::sentences(articles);
    let (refs, story_date) = reference_dates(articles, &sents);
    let mut date_mentions = Vec::new();
    for s in &mut sents {
        let (reference, inferred) = refs.get(s.article).copied().unwrap_or((None, false));
        let mut found = dates::find(s);
        for d in &mut found {
            d.resolved = d.expr.resolve(reference, inferred);
            date_mentions.push(DateMention {
                text: d.text.clone(),
                relative: d.expr.is_relative(),
                resolved: d.resolved.clone(),
                citation: s.cite.clone(),
            });
        }
        s.dates = found;
    }
    let attrs: Vec<Vec<Attribution>> = sents.iter().map(attribution::find).collect();
    let lower = entities::lowercase_vocabulary(&sents);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut by_sentence: Vec<Vec<usize>> = Vec::with_capacity(sents.len());
    for (si, s) in sents.iter().enumerate() {
        let speakers: Vec<Range<usize>> =
            attrs[si].iter().map(|a| a.speaker_toks.clone()).collect();
        let found = entities::mentions(s, si, &lower, &speakers);
        by_sentence.push((mentions.len()..mentions.len() + found.len()).collect());
        mentions.extend(found);
    }
    let table = entities::merge(&mentions, &sents);
    let resolver = SpeakerResolver {
        sents: &sents,
        mentions: &mentions,
        by_sentence: &by_sentence,
        table: &table,
        lower: &lower,
    };
    let mut statements = Vec::new();
    let mut claims = Vec::new();
    // Speakers so far in the current article, for pronouns and "the statement".
    let mut recent: Vec<(usize, Speaker)> = Vec::new();
    let mut current_article = usize::MAX;
    let mut carry = carry::SourceCarry::default();
    // Each attribution's resolved speaker, per sentence, for the timeline's texts.
    let mut speakers: Vec<Vec<Option<String>>> = Vec::with_capacity(sents.len());
    // One display form per speaker key, so spelling variants read as one speaker.
    let mut display: HashMap<String, String> = HashMap::new();
    // Per sentence, the scopes of its counts of events, for dating them on the timeline.
    let mut tallies: Vec<Option<timeline::Tally>> = Vec::with_capacity(sents.len());
    for (si, s) in sents.iter().enumerate() {
        if s.article != current_article {
            current_article = s.article;
            recent.clear();
        }
        let mut resolved: Vec<Option<Speaker>> = Vec::new();
        for a in &attrs[si] {
            let r = resolver.resolve(si, a, &recent).map(|mut sp| {
                // Unnamed descriptions are unified among themselves ("civil defence
                // officials" / "civil defense officials"), never with a named speaker.
                let key = format!(
                    "{}{}",
                    if sp.unnamed { "?" } else { "" },
                    entities::key(&sp.name)
                );
                let shown = display.entry(key).or_insert(sp.name);
                sp.name = shown.clone();
                sp
            });
            if let Some(sp) = r.as_ref().filter(|sp| names_someone(&sp.name)) {
                let (text, direct) = attribution::content_text(s, &a.content);
                if text.split_whitespace().count() >= 3 {
                    // An unnamed speaker is shown as described, with the role that says
                    // it is unnamed, never as a named speaker.
                    let (speaker, speaker_text, role) = if sp.unnamed {
                        let role = Some(UNNAMED_ROLE.to_string());
                        (sp.name.clone(), a.speaker.clone(), role)
                    } else {
                        let role = sp.role.clone().or_else(|| a.role.clone());
                        (sp.name.clone(), a.speaker.clone(), role)
                    };
                    statements.push(Statement {
                        speaker,
                        speaker_text,
                        role,
                        verb: a.verb.clone(),
                        text,
                        direct,
                        citation: s.cite.clone(),
                    });
                }
                recent.push((si, sp.clone()));
            }
            resolved.push(r);
        }
        let attrs_here = &attrs[si];
        let source_of = |a: &Attribution| -> Option<String> {
            attrs_here
                .iter()
                .position(|x| std::ptr::eq(x, a))
                .and_then(|k| resolved.get(k).cloned().flatten())
                .map(|sp| sp.name)
                .filter(|n| names_someone(n) && !attribution::is_pronoun(n))
        };
        let mut found = claims::find(s, attrs_here, &source_of);
        let counts: Vec<&facts::QuantityClaim> =
            found.iter().filter(|c| c.event_class.is_some()).collect();
        tallies.push((!counts.is_empty()).then(|| {
            timeline::Tally {
                scopes: counts
                    .iter()
                    .filter_map(|c| {
                        let k = s
                            .dates
                            .iter()
                            .position(|d| c.scope.as_deref() == Some(&d.text))?;
                        let class = c.event_class.as_deref().unwrap_or("");
                        Some((k, format!("{}|{class}", c.counted_key)))
                    })
                    .collect(),
            }
        }));
        carry.apply(si, s, attrs_here.is_empty(), &mut found);
        claims.extend(found);
        speakers.push(
            resolved
                .iter()
                .map(|r| {
                    r.as_ref()
                        .filter(|sp| !sp.unnamed)
                        .map(|sp| sp.name.clone())
                        .filter(|n| names_someone(n) && !attribution::is_pronoun(n))
                })
                .collect(),
        );
    }
    let article_dates: HashMap<String, NaiveDate> = articles
        .iter()
        .zip(&refs)
        .filter_map(|(a, (d, _))| d.map(|d| (a.id.clone(), d)))
        .collect();
    let claim_groups = group::group(&claims, &article_dates);
    let named: Vec<Vec<timeline::SentenceEntity>> = by_sentence
        .iter()
        .map(|ms| {
            ms.iter()
                .filter_map(|&m| mentions.get(m))
                .filter_map(|m| {
                    let e = table.lookup(&m.text)?;
                    Some((m.toks.clone(), e.name.clone(), e.kind))
                })
                .collect()
        })
        .collect();
    let timeline = timeline::build(&sents, &attrs, &speakers, &named, &tallies, &refs);
    Facts {
        reference_date: story_date,
        claims,
        claim_groups,
        statements,
        entities: table.entities,
        dates: date_mentions,
        timeline,
    }
}

/// Each article's reference date and whether it is inferred, and the story's date.
///
/// An undated article takes the date of the dated article it shares most sentences with
/// (a wire copy), else the story's latest publication date.
fn reference_dates(
    articles: &[Article],
    sents: &[Sentence],
) -> (Vec<(Option<NaiveDate>, bool)>, Option<NaiveDate>) {
    let latest = articles.iter().filter_map(|a| a.meta.published).max();
    let dated = |a: usize| articles.get(a).is_some_and(|x| x.meta.published.is_some());
    // Sentences as sets of interned terms (long enough to be telling), and an index from
    // term to the dated articles' sentences that hold it.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut sets: Vec<(usize, Vec<u32>)> = Vec::new();
    for s in sents {
        let mut terms: Vec<u32> = content_terms(s.text)
            .into_iter()
            .map(|t| {
                let next = ids.len() as u32;
                *ids.entry(t).or_insert(next)
            })
            .collect();
        terms.sort_unstable();
        terms.dedup();
        if terms.len() >= 6 {
            sets.push((s.article, terms));
        }
    }
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (si, (a, terms)) in sets.iter().enumerate() {
        if dated(*a) {
            for t in terms {
                postings.entry(*t).or_default().push(si);
            }
        }
    }
    // For each undated article: how many of its sentences a dated article repeats (90% of
    // their terms). Terms found in very many sentences say little and are skipped.
    const COMMON: usize = 400;
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for (a, terms) in sets.iter().filter(|(a, _)| !dated(*a)) {
        let telling: Vec<&u32> = terms
            .iter()
            .filter(|t| postings.get(t).is_none_or(|p| p.len() <= COMMON))
            .collect();
        if telling.len() < 4 {
            continue;
        }
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for t in &telling {
            for &other in postings.get(t).map_or(&[][..], Vec::as_slice) {
                *hits.entry(other).or_default() += 1;
            }
        }
        let mut repeated_in: HashSet<usize> = HashSet::new();
        for (other, n) in hits {
            if n * 10 >= telling.len() * 9 {
                repeated_in.insert(sets[other].0);
            }
        }
        for b in repeated_in {
            *shared.entry((*a, b)).or_default() += 1;
        }
    }
    let refs = articles
        .iter()
        .enumerate()
        .map(|(i, a)| match a.meta.published {
            Some(d) => (Some(d), false),
            None => {
                let copy_of = shared
                    .iter()
                    .filter(|((u, _), n)| *u == i && **n >= 2)
                    .max_by_key(|((_, b), n)| (**n, std::cmp::Reverse(*b)))
                    .and_then(|((_, b), _)| articles.get(*b))
                    .and_then(|b| b.meta.published);
                (copy_of.or(latest), true)
            }
        })
        .collect();
    (refs, latest)
}

/// Whether a resolved speaker is more than a stray word ("The", "Some", "Thirty-eight").
fn names_someone(name: &str) -> bool {
    let f = fold(name);
    let words: Vec<&str> = f.split_whitespace().collect();
    // "to his colleague", "spoke on condition of anonymity": a phrase read as a speaker
    // that is an object or a clause, not a name.
    let not_a_noun_phrase = words.first().is_some_and(|w| {
        matches!(
            *w,
            "to" | "of"
                | "by"
                | "for"
                | "with"
                | "on"
                | "in"
                | "at"
                | "from"
                | "spoke"
                | "speaking"
        )
    }) || words.contains(&"anonymity");
    if not_a_noun_phrase {
        return false;
    }
    match words.as_slice() {
        [] => false,
        [w] => {
            !crosswire_text::is_stopword(w)
                && !lexicon::NUMBER_WORDS
                    .iter()
                    .any(|(n, _)| *w == *n || w.strip_prefix(n).is_some_and(|r| r.starts_with('-')))
                && !w.chars().all(|c| c.is_ascii_digit())
                && lexicon::month(w).is_none()
                && !matches!(
                    *w,
                    "some" | "many" | "others" | "few" | "most" | "several" | "let's" | "let"
                )
        }
        _ => true,
    }
}

fn strip_determiner(s: &str) -> &str {
    let t = s.trim();
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(rest) = t.strip_prefix(d) {
            return rest;
        }
    }
    t
}

/// Nouns that stand for whoever issued them ("the statement read").
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "communique",
    "letter",
    "message",
    "report",
    "release",
];

/// A resolved speaker: the name to show (or the description of an unnamed one), a role,
/// and whether the story leaves it unnamed ("sources", "officials", "the ministry").
#[derive(Debug, Clone)]
struct Speaker {
    name: String,
    role: Option<String>,
    unnamed: bool,
}

impl Speaker {
    fn named(name: String, role: Option<String>) -> Self {
        Speaker {
            name,
            role,
            unnamed: false,
        }
    }
}

/// Turns an attribution's speaker phrase into the name to show, with a role.
struct SpeakerResolver<'a> {
    sents: &'a [Sentence<'a>],
    mentions: &'a [Mention],
    by_sentence: &'a [Vec<usize>],
    table: &'a EntityTable,
    /// Words the story writes in lowercase somewhere.
    lower: &'a HashSet<String>,
}

impl SpeakerResolver<'_> {
    fn resolve(&self, si: usize, a: &Attribution, recent: &[(usize, Speaker)]) -> Option<Speaker> {
        let speaker = a.speaker.trim();
        if speaker.is_empty() {
            // "... and says ...": the previous speaker of this sentence.
            return recent
                .iter()
                .rev()
                .find(|(s, _)| *s == si)
                .map(|(_, sp)| sp.clone());
        }
        let folded = fold(speaker);
        if attribution::is_pronoun(speaker) {
            if matches!(folded.as_str(), "he" | "she") {
                return self
                    .last_person(si, a.speaker_toks.start)
                    .map(|(n, r)| Speaker::named(n, r));
            }
            // "they"/"it": the previous speaker, if in this or the previous sentence.
            return recent
                .iter()
                .rev()
                .find(|(s, _)| si.saturating_sub(*s) <= 1)
                .map(|(_, sp)| sp.clone());
        }
        let sentence = self.sents.get(si)?;
        // "Turkish sources", "a source close to X": described, not named, whatever names
        // the description holds.
        if unnamed::anonymous_head(sentence, &a.speaker_toks) {
            return Some(Speaker {
                name: strip_determiner(speaker).to_string(),
                role: None,
                unnamed: true,
            });
        }
        // The whole phrase names an entity ("the Turkish defence ministry").
        if let Some(e) = self.table.lookup(strip_determiner(speaker)) {
            return Some(Speaker::named(e.name.clone(), e.roles.first().cloned()));
        }
        // A name inside the speaker phrase: a person first, then an organization.
        let inside: Vec<&Mention> = self.by_sentence[si]
            .iter()
            .filter_map(|&m| self.mentions.get(m))
            .filter(|m| a.speaker_toks.start <= m.toks.start && m.toks.end <= a.speaker_toks.end)
            .collect();
        // "a statement from the Foreign Ministry": the document speaks for who issued it.
        let issued = fold(strip_determiner(speaker))
            .split_whitespace()
            .next()
            .is_some_and(|w| DOCUMENT_NOUNS.contains(&w));
        for kind in [EntityKind::Person, EntityKind::Organization] {
            for m in &inside {
                if let Some(e) = self.table.lookup(&m.text).filter(|e| e.kind == kind) {
                    // An organization names the speaker only if it is most of the phrase.
                    let words = speaker.split_whitespace().count();
                    let mwords = m.text.split_whitespace().count();
                    if kind == EntityKind::Organization && mwords + 2 < words && !issued {
                        continue;
                    }
                    let role = m.role.clone().or_else(|| e.roles.first().cloned());
                    return Some(Speaker::named(e.name.clone(), role));
                }
            }
        }
        let bare = strip_determiner(speaker);
        let lower_phrase = bare.chars().next().is_some_and(char::is_lowercase);
        if lower_phrase && bare.len() < speaker.len() {
            // "the statement": whoever spoke last in this article.
            if DOCUMENT_NOUNS.contains(&fold(bare).as_str()) {
                return recent.last().map(|(_, sp)| sp.clone());
            }
            // "the opposition figure": an earlier speaker described with the same words.
            let words: Vec<String> = fold(bare).split_whitespace().map(str::to_string).collect();
            if let Some((_, sp)) = recent.iter().rev().find(|(_, sp)| {
                let f = fold(&sp.name);
                let have: HashSet<&str> = f.split_whitespace().collect();
                words.iter().all(|w| have.contains(w.as_str()))
            }) {
                return Some(sp.clone());
            }
            // "the president": the last one the article gave that title ("President X").
            if let Some((n, r)) = self.titled(si, a.speaker_toks.start, &words) {
                return Some(Speaker::named(n, r));
            }
        }
        Some(Speaker {
            name: bare.to_string(),
            role: a.role.clone(),
            unnamed: unnamed::is_unnamed(sentence, &a.speaker_toks, self.lower),
        })
    }

    /// The last person or organization of this article, before token `tok` of sentence
    /// `si`, whose name or title holds all of `words` ("president" for "President Jane
    /// Roe", "ministry" for "the Defense Ministry"), with the matching title.
    fn titled(&self, si: usize, tok: usize, words: &[String]) -> Option<(String, Option<String>)> {
        if words.is_empty() {
            return None;
        }
        let article = self.sents.get(si)?.article;
        let holds = |text: &str| {
            let f = fold(text);
            let have: HashSet<&str> = f.split_whitespace().collect();
            words.iter().all(|w| have.contains(w.as_str()))
        };
        for k in (0..=si).rev() {
            if self.sents.get(k)?.article != article {
                return None;
            }
            let ms = self.by_sentence.get(k)?;
            for m in ms.iter().rev().filter_map(|&m| self.mentions.get(m)) {
                if k == si && m.toks.end > tok {
                    continue;
                }
                let Some(e) = self.table.lookup(&m.text) else {
                    continue;
                };
                if !matches!(e.kind, EntityKind::Person | EntityKind::Organization) {
                    continue;
                }
                let title = m.role.iter().chain(&e.roles).find(|r| holds(r)).cloned();
                if title.is_some() || holds(&e.name) {
                    return Some((e.name.clone(), title.or_else(|| e.roles.first().cloned())));
                }
            }
        }
        None
    }

    /// The last person mentioned in this article before token `tok` of sentence `si`.
    fn last_person(&self, si: usize, tok: usize) -> Option<(String, Option<String>)> {
        let article = self.sents.get(si)?.article;
        let mut k = si;
        loop {
            let s = self.sents.get(k)?;
            if s.article != article {
                return None;
            }
            let found = self.by_sentence[k]
                .iter()
                .rev()
                .filter_map(|&m| self.mentions.get(m))
                .filter(|m| k != si || m.toks.end <= tok)
                .find_map(|m| {
                    self.table
                        .lookup(&m.text)
                        .filter(|e| e.kind == EntityKind::Person)
                        .map(|e| (e.name.clone(), e.roles.first().cloned()))
                });
            if found.is_some() {
                return found;
            }
            if k == 0 || si - k >= 3 {
                return None;
            }
            k -= 1;
        }
    }
}

/// The groups' outlets with each one's value, for quick lookups in tests and reports.
pub fn group_values(
    f: &Facts,
    counted_key: &str,
    event_class: &str,
) -> HashMap<String, Vec<(f64, Bound)>> {
    let mut out: HashMap<String, Vec<(f64, Bound)>> = HashMap::new();
    for g in &f.claim_groups {
        if g.key != format!("{counted_key}|{event_class}") {
            continue;
        }
        for v in &g.values {
            for o in &v.outlets {
                out.entry(o.clone())
                    .or_default()
                    .push((v.quantity.low, v.quantity.bound));
            }
        }
    }
    out
}
