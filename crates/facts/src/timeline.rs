//! The story's dated events: every sentence with a resolved date becomes an event (the
//! sentence, or the clause around the date in a long one); events on the same date whose
//! words overlap are merged across articles; the result is in date order.

use std::collections::HashSet;

use crosswire_model::facts::{Granularity, TimelineEvent};
use crosswire_text::content_terms;

use crate::attribution::{self, Attribution};
use crate::dates::DateSpan;
use crate::doc::Sentence;

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

/// Words a sentence needs besides its dates to describe an event.
const MIN_EVENT_TERMS: usize = 4;
/// Sentences longer than this (in words) are cut to the clause around the date.
const MAX_EVENT_WORDS: usize = 60;

fn event_text(s: &Sentence, d: &DateSpan) -> String {
    let n = s.len();
    if n <= MAX_EVENT_WORDS {
        return s.text.trim_end_matches(['.', ' ']).to_string();
    }
    let mut a = d.start;
    while a > 0 && !s.breaks_before(a) {
        a -= 1;
    }
    let mut b = d.end;
    while b < n && !s.breaks_before(b) {
        b += 1;
    }
    // A short clause needs its neighbour to say what happened.
    if b - a < 8 && a > 0 {
        a -= 1;
        while a > 0 && !s.breaks_before(a) {
            a -= 1;
        }
    }
    s.span_text(a, b).to_string()
}

fn terms(text: &str) -> HashSet<String> {
    content_terms(text).into_iter().collect()
}

fn similar(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    let common = a.intersection(b).count();
    let smaller = a.len().min(b.len()).max(1);
    common >= 4 && common * 3 >= smaller
}

/// Build the timeline from sentences whose dates are resolved. `attributions` (per
/// sentence) separate a reported event from the report of it: in "X announced Sunday that
/// Y happened on May 18" the May 18 event is what was reported.
pub(crate) fn build(
    sentences: &[Sentence],
    attributions: &[Vec<Attribution>],
) -> Vec<TimelineEvent> {
    let mut events: Vec<(TimelineEvent, HashSet<String>, usize)> = Vec::new();
    let mut order = 0;
    for (si, s) in sentences.iter().enumerate() {
        // A sentence dated to the day does not need its coarser dates ("last week").
        let has_day = s.dates.iter().any(|d| {
            d.resolved
                .as_ref()
                .is_some_and(|r| r.granularity == Granularity::Day)
        });
        let day_dates = s
            .dates
            .iter()
            .filter(|d| {
                d.resolved
                    .as_ref()
                    .is_some_and(|r| r.granularity == Granularity::Day)
            })
            .count();
        for d in &s.dates {
            let Some(date) = &d.resolved else { continue };
            if has_day && date.granularity != Granularity::Day {
                continue;
            }
            if d.prep
                .as_deref()
                .is_some_and(|p| PERIOD_PREPOSITIONS.contains(&p))
            {
                continue;
            }
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
            let reported = if day_dates > 1 && d.start < s.len() {
                let pos = s.toks[d.start].start;
                attributions
                    .get(si)
                    .into_iter()
                    .flatten()
                    .find(|a| a.content.start <= pos && pos < a.content.end && a.content.start > 0)
                    .map(|a| attribution::content_text(s, &a.content).0)
            } else {
                None
            };
            let text = match reported {
                Some(t) if t.split_whitespace().count() >= 4 => t,
                _ => event_text(s, d),
            };
            let mut t = terms(&text);
            for k in d.start..d.end {
                t.remove(&crosswire_text::stem(s.word(k)));
            }
            let label = s.cite.label.clone();
            let same = events
                .iter_mut()
                .find(|(e, et, _)| e.date.iso == date.iso && similar(et, &t));
            match same {
                Some((e, _, _)) => {
                    if !e.outlets.contains(&label) {
                        e.outlets.push(label);
                    }
                    if !e.citations.contains(&s.cite) {
                        e.citations.push(s.cite.clone());
                    }
                    // A date known from a dated article beats an inferred one.
                    if e.date.inferred && !date.inferred {
                        e.date = date.clone();
                    }
                }
                None => {
                    events.push((
                        TimelineEvent {
                            date: date.clone(),
                            text,
                            outlets: vec![label],
                            citations: vec![s.cite.clone()],
                        },
                        t,
                        order,
                    ));
                    order += 1;
                }
            }
        }
    }
    events.sort_by(|(a, _, oa), (b, _, ob)| {
        a.date
            .start
            .cmp(&b.date.start)
            .then(b.date.granularity.cmp(&a.date.granularity))
            .then(oa.cmp(ob))
    });
    events.into_iter().map(|(e, _, _)| e).collect()
}
