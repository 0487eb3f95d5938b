//! The story's dated events: every resolved date of a sentence that is not a period bound
//! ("since May") or the day of a report whose reported event has its own date becomes an
//! event. Its text is short: the main clause of what happened, without attribution and
//! date phrases.
//!
//! A count of an event (a tally: killed, displaced, struck) is dated by its own scope, not
//! by the day it was reported: "since April 28 ... a total of 18" is the period from April
//! 28 to the report day, "as of Monday" is Monday.
//!
//! One event told by several sentences, at the same or at a coarser date, is collapsed into
//! one row by [`merge`]; the result is in date order.

mod merge;

use std::collections::HashSet;

use chrono::NaiveDate;
use crosswire_model::facts::{EntityKind, Granularity, ResolvedDate, TimelineEvent};
use crosswire_text::content_terms;

use crate::attribution::Attribution;
use crate::dates::DateSpan;
use crate::doc::Sentence;
use crate::lexicon;

use merge::{Candidate, EventKey};

/// Prepositions that make a date the start or end of a period rather than the day of an
/// event ("since April 25", "as of Monday").
const PERIOD_PREPOSITIONS: &[&str] = &[
    "since",
    "as of",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "before",
];

/// Period prepositions that open a count's period ("since April 28", "from May 1").
const PERIOD_STARTS: &[&str] = &["since", "from"];
/// Period prepositions that give the moment a count stands at ("as of Monday").
const PERIOD_ENDS: &[&str] = &["as of", "by", "until", "till", "through"];

/// Words a sentence needs besides its dates to describe an event.
const MIN_EVENT_TERMS: usize = 4;
/// A short event description grows clause by clause to at least this many words...
const MIN_SHORT_WORDS: usize = 12;
/// ...and is cut (with an ellipsis) beyond this many.
const MAX_SHORT_WORDS: usize = 25;

/// Words that open an adverbial phrase before the main clause ("During talks in X, ...").
const ADVERBIAL_OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "following",
    "since",
    "amid",
    "despite",
    "earlier",
    "later",
    "last",
    "this",
    "meanwhile",
    "however",
    "yesterday",
    "today",
];
/// Words that open a clause describing something already named: the event stops there.
const RELATIVE_OPENERS: &[&str] = &[
    "where", "which", "who", "whom", "whose", "while", "whereas", "as", "although", "though",
    "because", "when",
];

/// A named entity mentioned in a sentence: its tokens, canonical name and kind.
pub(crate) type SentenceEntity = (std::ops::Range<usize>, String, EntityKind);

/// Token range of a byte range of the sentence.
fn token_range(s: &Sentence, bytes: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    let lo = s
        .toks
        .iter()
        .position(|t| t.start >= bytes.start)
        .unwrap_or(s.len());
    let hi = s
        .toks
        .iter()
        .rposition(|t| t.end <= bytes.end)
        .map_or(lo, |k| k + 1);
    lo..hi.max(lo)
}

/// The tokens that tell the event dated by `d`: the reported clause when the date is
/// inside one; the reported clause without its trailing attribution when the date only
/// dates the report ("A and B met, the ministry said on Tuesday"); else the sentence.
fn event_span(s: &Sentence, d: &DateSpan, attrs: &[Attribution]) -> std::ops::Range<usize> {
    let whole = 0..s.len();
    let Some(pos) = s.toks.get(d.start).map(|t| t.start) else {
        return whole;
    };
    let substantial = |a: &&Attribution| {
        let r = token_range(s, &a.content);
        r.end - r.start >= 4
    };
    if let Some(a) = attrs
        .iter()
        .filter(substantial)
        .find(|a| a.content.start <= pos && pos < a.content.end)
    {
        return token_range(s, &a.content);
    }
    // The date dates the report: a trailing attribution ("..., X said on Tuesday") is
    // dropped; a leading one ("X said on Tuesday that ...") stays, as the telling may be
    // the event ("Erdogan told Putin on Monday that ...").
    if let Some(a) = attrs
        .iter()
        .filter(substantial)
        .find(|a| a.content.start == 0 && a.content.end < s.text.len())
    {
        return token_range(s, &a.content);
    }
    whole
}

/// Whether tokens `a..b` are an adverbial phrase (a date, or a short phrase opened by a
/// preposition) rather than the main clause.
fn adverbial_segment(s: &Sentence, a: usize, b: usize, d: &DateSpan) -> bool {
    let dated = (a..b).all(|k| s.date_at(k).is_some() || (d.start <= k && k < d.end));
    dated || (b - a <= 10 && ADVERBIAL_OPENERS.contains(&s.word(a)))
}

/// A short description of the event dated by `d` within `span`: leading adverbials
/// dropped, the first main clause and what completes it, the date itself removed.
fn short_text(s: &Sentence, d: &DateSpan, span: std::ops::Range<usize>) -> String {
    // Clause-sized segments of the span, cut at punctuation.
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut a = span.start;
    for k in span.start + 1..span.end {
        if s.breaks_before(k) {
            segs.push((a, k));
            a = k;
        }
    }
    if a < span.end {
        segs.push((a, span.end));
    }
    let first = segs
        .iter()
        .position(|&(a, b)| !adverbial_segment(s, a, b, d))
        .unwrap_or(0);
    // A leading phrase that names where or at what the event happened stays ("during
    // talks at the resort city of X, an agreement was reached"); dates and bare adverbs go.
    let mut chosen: Vec<usize> = Vec::new();
    for &(a, b) in &segs[..first.min(segs.len())] {
        let dated = (a..b).any(|k| s.date_at(k).is_some());
        let names = (a + 1..b).any(|k| s.capitalized(k));
        // "Since April 28, 18 sites were hit": the period is part of what is counted.
        let period = s.dates.iter().any(|o| {
            o.start >= a
                && o.end <= b
                && o.start != d.start
                && o.prep
                    .as_deref()
                    .is_some_and(|p| PERIOD_PREPOSITIONS.contains(&p))
        });
        if (!dated && names && b - a <= 10) || period {
            chosen.extend(a..b);
        }
    }
    chosen.extend(grow(s, &segs[first.min(segs.len())..], span.end));
    // A later date of the sentence dates a later clause ("signed in 1977 by both kings,
    // and renewed in 1988"): the text is that clause, led by the one before when short.
    let d_seg = segs.iter().position(|&(a, b)| a <= d.start && d.start < b);
    if let Some(j) = d_seg.filter(|&j| j > first && !chosen.contains(&d.start)) {
        let from = if segs[j].1 - segs[j].0 < 6 { j - 1 } else { j };
        chosen = grow(s, &segs[from..], span.end);
    }
    // Drop the event's own date (the date column shows it) where it is an adverbial of its
    // own ("on Tuesday", "announced Sunday that", a date ending the text); a date inside a
    // noun phrase stays ("the quarter ended Sept. 30", "the midnight of May 18").
    let at_edge = chosen.first() == Some(&d.start)
        || d.end
            .checked_sub(1)
            .is_some_and(|e| chosen.last() == Some(&e));
    // A count's own period ("since April 28", "as of Monday") is the date column too.
    let adverbial = match d.prep.as_deref() {
        Some(p) => {
            matches!(p, "on" | "in" | "at" | "during" | "last" | "this")
                || PERIOD_STARTS.contains(&p)
                || PERIOD_ENDS.contains(&p)
        }
        None => at_edge || d.start > 0 && lexicon::REPORTING_VERBS.contains(&s.word(d.start - 1)),
    };
    let mut kept: Vec<usize> = chosen
        .into_iter()
        .filter(|&k| !(adverbial && d.start <= k && k < d.end))
        .collect();
    // A leading conjunction ties the text to a sentence the row does not show.
    while kept.len() > 1
        && kept.first().is_some_and(|&k| {
            matches!(
                s.word(k),
                "and" | "but" | "yet" | "so" | "or" | "also" | "meanwhile"
            )
        })
    {
        kept.remove(0);
    }
    let cut = kept.len() > MAX_SHORT_WORDS;
    kept.truncate(MAX_SHORT_WORDS);
    // Contiguous runs keep their own punctuation; a gap where the date was is one space.
    let mut out = String::new();
    let mut run_start: Option<usize> = None;
    let mut prev: Option<usize> = None;
    for &k in &kept {
        if let (Some(a), Some(p)) = (run_start, prev)
            && p + 1 != k
        {
            push_piece(&mut out, s.span_text(a, p + 1));
            run_start = None;
        }
        run_start.get_or_insert(k);
        prev = Some(k);
    }
    if let (Some(a), Some(p)) = (run_start, prev) {
        push_piece(&mut out, s.span_text(a, p + 1));
    }
    let trimmed = out
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}')
        })
        .to_string();
    let mut chars = trimmed.chars();
    let mut text: String = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if cut {
        text.push('…');
    }
    text
}

/// The clause that opens `segs` and what completes it: asides and appositives skipped,
/// stopping at a relative clause or once the text has a verb and enough words.
fn grow(s: &Sentence, segs: &[(usize, usize)], span_end: usize) -> Vec<usize> {
    let mut chosen = Vec::new();
    let mut words = 0;
    let mut after_aside = false;
    let mut verb_seen = false;
    for (k, &(a, b)) in segs.iter().enumerate() {
        let more = k + 1 < segs.len();
        // A phrase between dashes or in parentheses is an aside; the clause goes on after.
        let opens_aside = s.gap_before(a).contains(['\u{2013}', '\u{2014}', '(']);
        let closes_aside = b < span_end && s.gap_before(b).contains(['\u{2013}', '\u{2014}', ')']);
        // "The X, the movement that ..., said": an appositive after a verbless subject.
        let appositive =
            !verb_seen && more && matches!(s.word(a), "the" | "a" | "an") && !has_verb(s, a, a + 1);
        if k > 0 && ((opens_aside && closes_aside) || appositive) {
            after_aside = true;
            continue;
        }
        let opener = s.word(a);
        let relative = RELATIVE_OPENERS.contains(&opener)
            || (opener.ends_with("ing") && opener.len() > 5 && !s.capitalized(a));
        // A text without a verb yet is not an event: it goes on to the next clause.
        let long_enough = words >= MIN_SHORT_WORDS && verb_seen;
        if k > 0 && (relative || (long_enough && !after_aside)) {
            break;
        }
        after_aside = false;
        verb_seen |= has_verb(s, a, b);
        chosen.extend(a..b);
        words += b - a;
    }
    chosen
}

/// Finite verbs and auxiliaries that show a clause has its verb.
const FINITE: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may",
    "might", "must", "should", "did", "does", "do", "says", "said",
];

/// Whether tokens `a..b` hold a verb: an auxiliary, a reporting verb or a past form.
/// Present forms ("runs") are not guessed: they read like plural nouns.
fn has_verb(s: &Sentence, a: usize, b: usize) -> bool {
    (a..b).any(|k| {
        let w = s.word(k);
        FINITE.contains(&w)
            || lexicon::REPORTING_VERBS.contains(&w)
            || (w.len() > 4 && w.ends_with("ed") && !s.capitalized(k))
    })
}

/// The resolved name of a pronoun speaker that opens the event text, if any.
fn pronoun_speaker(
    s: &Sentence,
    attrs: &[Attribution],
    speakers: Option<&Vec<Option<String>>>,
    span: &std::ops::Range<usize>,
    text: &str,
) -> Option<String> {
    let first = crosswire_text::fold(text.split_whitespace().next()?);
    attrs.iter().zip(speakers?).find_map(|(a, name)| {
        let opens = a.speaker_toks.start >= span.start
            && a.speaker_toks.len() == 1
            && s.word(a.speaker_toks.start) == first
            && crate::attribution::is_pronoun(&a.speaker);
        if opens { name.clone() } else { None }
    })
}

fn push_piece(out: &mut String, piece: &str) {
    let piece = piece.trim_matches(|c: char| c.is_whitespace() || c == ',');
    if piece.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(piece);
}

fn terms(text: &str) -> HashSet<String> {
    content_terms(text).into_iter().collect()
}

/// Words of time and of reporting: any two event clauses may share them.
const CLAUSE_STOPWORDS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "time",
    "times",
    "earlier",
    "later",
    "next",
    "last",
    "ago",
    "morning",
    "evening",
    "night",
    "afternoon",
    "weekend",
    "also",
    "new",
];

/// Terms of an event clause that tell it apart from other clauses.
fn clause_terms(text: &str) -> HashSet<String> {
    static DROPPED: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let dropped = DROPPED.get_or_init(|| {
        CLAUSE_STOPWORDS
            .iter()
            .chain(lexicon::REPORTING_VERBS)
            .map(|w| crosswire_text::stem(w))
            .collect()
    });
    content_terms(text)
        .into_iter()
        .filter(|t| !dropped.contains(t))
        .collect()
}

/// Whether a date only describes the noun after it ("a September ceasefire", "the May 18
/// agreement", "its 2018 offensive"): it dates that thing, not what the sentence reports,
/// so it gives the sentence no event date.
fn attributive(s: &Sentence, d: &DateSpan) -> bool {
    if d.prep.is_some() || d.start == 0 || !s.joined(d.start) || !s.joined(d.end) {
        return false;
    }
    let determiner = matches!(
        s.word(d.start - 1),
        "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
    );
    let next = d.end;
    // A lowercase word right after (a noun the date modifies), not a verb-like "was" or an
    // adverbial clause: "the May 18 ceasefire" yes, "the May 18 and" no.
    let noun_follows = next < s.len()
        && !s.capitalized(next)
        && !crosswire_text::is_stopword(s.word(next))
        && s.date_at(next).is_none();
    determiner && noun_follows
}

/// The counts of events a sentence states (killed, displaced, struck...), as far as the
/// timeline needs them: which of the sentence's dates scope a count.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tally {
    /// For each count with a scope ("since April 28"): the index of the scope among the
    /// sentence's dates, and what is counted ("health facil|struck": counted key and event
    /// class, as in claim groups).
    pub scopes: Vec<(usize, String)>,
}

/// The date a tally sentence's count stands for.
struct TallyDate {
    /// Index of the date phrase that scopes the count.
    scope: usize,
    date: ResolvedDate,
    /// Index of the report day that ends the period, when the sentence gives one.
    absorbed: Option<usize>,
    /// True when the period runs to the article's day for want of a stated end: the count
    /// may stand at any day up to it.
    open_end: bool,
}

/// The date a tally sentence's count stands for: "since April 28 ... told Reuters on
/// Monday" is April 28 to Monday; "as of Monday" is Monday. `None` when the count has no
/// scope of its own: the sentence's dates are read as for any other sentence.
fn tally_date(
    s: &Sentence,
    tally: &Tally,
    reported: bool,
    in_content: &dyn Fn(&DateSpan) -> bool,
    report_day: Option<(NaiveDate, bool)>,
) -> Option<TallyDate> {
    let with_prep = |list: &[&str]| {
        tally.scopes.iter().map(|(k, _)| *k).find(|&k| {
            s.dates.get(k).is_some_and(|d| {
                d.resolved.is_some() && d.prep.as_deref().is_some_and(|p| list.contains(&p))
            })
        })
    };
    let end_at = with_prep(PERIOD_ENDS);
    let Some(k) = with_prep(PERIOD_STARTS) else {
        let k = end_at?;
        return Some(TallyDate {
            scope: k,
            date: s.dates.get(k)?.resolved.clone()?,
            absorbed: None,
            open_end: false,
        });
    };
    let since = s.dates.get(k)?.resolved.as_ref()?;
    // The count runs to its stated end, else to the day the sentence reports it on ("...,
    // OCHA told Reuters on Monday"), else to the article's day. A day of the sentence that
    // is not the report's dates its main event ("X called on Sunday for an end to clashes
    // that have killed 120 since January"): the count is a detail of it.
    let day = |d: &DateSpan| {
        d.resolved
            .as_ref()
            .is_some_and(|r| r.granularity == Granularity::Day)
            && d.prep
                .as_deref()
                .is_none_or(|p| !PERIOD_PREPOSITIONS.contains(&p))
    };
    if s.dates
        .iter()
        .any(|d| day(d) && (!reported || in_content(d)))
    {
        return None;
    }
    let report = s.dates.iter().position(|d| day(d) && !in_content(d));
    let (end, absorbed) = match end_at.or(report) {
        Some(e) => {
            let r = s.dates.get(e)?.resolved.as_ref()?;
            ((r.end, r.inferred), Some(e))
        }
        None => (report_day?, None),
    };
    if end.0 < since.start {
        return None;
    }
    Some(TallyDate {
        scope: k,
        date: crate::dates::period(since.start, end.0, since.inferred || end.1),
        absorbed,
        open_end: absorbed.is_none(),
    })
}

/// Build the timeline from sentences whose dates are resolved. `attributions` (per
/// sentence) separate a reported event from the report of it: in "X announced Sunday that
/// Y happened on May 18" the event is Y on May 18 and Sunday is not an event date.
/// `speakers` (per sentence, per attribution) are the resolved speakers, which replace a
/// pronoun opening an event text ("He said ..." → "Jane Roe said ..."). `entities` (per
/// sentence) are the names mentioned, for matching one event told in different words.
/// `tallies` (per sentence) are its counts of events, dated by their own scope;
/// `report_days` (per article) the day each article reports from, and whether inferred.
pub(crate) fn build(
    sentences: &[Sentence],
    attributions: &[Vec<Attribution>],
    speakers: &[Vec<Option<String>>],
    entities: &[Vec<SentenceEntity>],
    tallies: &[Option<Tally>],
    report_days: &[(Option<NaiveDate>, bool)],
) -> Vec<TimelineEvent> {
    let mut cands: Vec<Candidate> = Vec::new();
    let no_attrs: Vec<Attribution> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let attrs = attributions.get(si).unwrap_or(&no_attrs);
        let is_day = |d: &DateSpan| {
            d.resolved
                .as_ref()
                .is_some_and(|r| r.granularity == Granularity::Day)
        };
        // A sentence dated to the day does not need its coarser dates ("last week").
        let has_day = s.dates.iter().any(is_day);
        let in_content = |d: &DateSpan| {
            s.toks.get(d.start).is_some_and(|t| {
                attrs
                    .iter()
                    .any(|a| a.content.start <= t.start && t.start < a.content.end)
            })
        };
        let is_period = |d: &DateSpan| {
            d.prep
                .as_deref()
                .is_some_and(|p| PERIOD_PREPOSITIONS.contains(&p))
        };
        // A day inside what was reported makes the report's own day no event date.
        let reported_day = !attrs.is_empty()
            && s.dates
                .iter()
                .any(|d| is_day(d) && !is_period(d) && in_content(d));
        let report_day = report_days
            .get(s.article)
            .and_then(|&(d, inferred)| d.map(|d| (d, inferred)));
        let tally = tallies
            .get(si)
            .and_then(Option::as_ref)
            .and_then(|t| tally_date(s, t, !attrs.is_empty(), &in_content, report_day));
        for (di, d) in s.dates.iter().enumerate() {
            let own = tally.as_ref().filter(|t| t.scope == di);
            let date = match &tally {
                Some(t) if t.scope == di => &t.date,
                Some(t) if t.absorbed == Some(di) => continue,
                _ => {
                    let Some(date) = &d.resolved else { continue };
                    if has_day && date.granularity != Granularity::Day {
                        continue;
                    }
                    if is_period(d) || (reported_day && !in_content(d)) || attributive(s, d) {
                        continue;
                    }
                    date
                }
            };
            let outside: usize = (0..s.len())
                .filter(|&k| s.date_at(k).is_none() && !crosswire_text::is_stopword(s.word(k)))
                .count();
            // Addressing the reader ("you can register today") is not news.
            let to_reader = s
                .folded
                .iter()
                .any(|w| matches!(w.as_str(), "you" | "your"));
            if outside < MIN_EVENT_TERMS || to_reader {
                continue;
            }
            let span = event_span(s, d, attrs);
            let mut text = short_text(s, d, span.clone());
            if text.split_whitespace().count() < 3 {
                text = short_text(s, d, 0..s.len());
            }
            if text.is_empty() {
                continue;
            }
            if let Some(name) = pronoun_speaker(s, attrs, speakers.get(si), &span, &text) {
                let rest = text.split_once(' ').map_or("", |(_, r)| r);
                text = format!("{name} {rest}");
            }
            let mut t = terms(s.span_text(span.start, span.end));
            for k in d.start..d.end {
                t.remove(&crosswire_text::stem(s.word(k)));
            }
            let mut key = EventKey {
                terms: t,
                core: clause_terms(&text),
                ..EventKey::default()
            };
            // What a count dated by its scope counts: the same thing counted over the same
            // period is one row, however the sentences word it.
            if let Some(t) = tallies.get(si).and_then(Option::as_ref) {
                key.counts = t
                    .scopes
                    .iter()
                    .filter(|(k, _)| *k == di)
                    .map(|(_, c)| c.clone())
                    .collect();
            }
            for (r, name, kind) in entities.get(si).into_iter().flatten() {
                if r.start >= span.start && r.end <= span.end {
                    if *kind == EntityKind::Person {
                        key.people.insert(name.clone());
                    }
                    key.names.insert(name.clone());
                }
            }
            cands.push(Candidate {
                date: date.clone(),
                text,
                sentence: s.text.trim().to_string(),
                cite: s.cite.clone(),
                key,
                open_end: own.is_some_and(|t| t.open_end),
            });
        }
    }
    merge::collapse(&cands)
}
