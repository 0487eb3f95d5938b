//! Quantity claims in one sentence: a number, what it counts, the event, the scope and the
//! attributed source.
//!
//! After each number the counted noun phrase is read (up to four words, stopping at
//! punctuation, function words, adverbs and event verbs). The event is looked for after it
//! ("18 health facilities have been struck", "167 civilians have lost their lives",
//! "415 civilians injured") and, failing that, right before the number ("has killed more
//! than 120 civilians", "killing a minimum of ten civilians").

use crosswire_model::facts::{Quantity, QuantityClaim};
use crosswire_text::{fold, is_stopword, stem};

use crate::attribution::Attribution;
use crate::doc::Sentence;
use crate::lexicon;
use crate::numbers::{self, NumberSpan};

/// Heads that measure time, money or ratios rather than count things.
const NOT_COUNTED: &[&str] = &[
    "percent",
    "per",
    "cent",
    "percentage",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "km",
    "kilometers",
    "kilometres",
    "miles",
    "mile",
    "meters",
    "metres",
    "times",
    "dollars",
    "euros",
    "pounds",
    "tons",
    "tonnes",
    "round",
    "rounds",
    "am",
    "pm",
    "votes",
    "point",
    "points",
    "degrees",
    "th",
    "st",
    "nd",
    "rd",
    "kg",
    "mm",
    "million",
    "billion",
];

/// Counted heads worth keeping even without an event verb.
const COUNTED_HEADS: &[&str] = &[
    "people",
    "civilians",
    "children",
    "women",
    "men",
    "residents",
    "refugees",
    "migrants",
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "rebels",
    "workers",
    "patients",
    "victims",
    "casualties",
    "deaths",
    "families",
    "households",
    "homes",
    "houses",
    "buildings",
    "hospitals",
    "schools",
    "facilities",
    "villages",
    "towns",
    "persons",
    "individuals",
    "students",
    "journalists",
    "prisoners",
    "detainees",
    "hostages",
    "police",
    "officers",
    "protesters",
    "demonstrators",
    "inhabitants",
];

/// Irregular past forms that are verbs, not plural nouns.
const IRREGULAR_VERBS: &[&str] = &[
    "struck", "hit", "fled", "dead", "slain", "lost", "taken", "sent", "freed", "shot", "hurt",
    "died",
];

/// Event class of the word at token `i`, if it is an event verb form.
pub(crate) fn event_class(s: &Sentence, i: usize) -> Option<&'static str> {
    let stem = s.stems.get(i)?;
    class_of_stem(stem)
}

fn class_of_stem(stem: &str) -> Option<&'static str> {
    lexicon::EVENT_CLASSES
        .iter()
        .find(|(_, stems)| {
            stems
                .iter()
                .any(|e| stem == *e || (e.len() >= 5 && stem.starts_with(e)))
        })
        .map(|(class, _)| *class)
}

/// Whether token `i` looks like a verb form (past, participle, gerund) of an event.
fn event_verb(s: &Sentence, i: usize) -> Option<&'static str> {
    let w = s.word(i);
    let verbish = w.ends_with("ed")
        || w.ends_with("ing")
        || IRREGULAR_VERBS.contains(&w)
        || matches!(w, "kills" | "die" | "dies");
    if verbish { event_class(s, i) } else { None }
}

/// "lost their lives", "lost lives", "losing their lives" at token `i`: its end.
fn lost_lives(s: &Sentence, i: usize) -> Option<usize> {
    if !matches!(s.word(i), "lost" | "lose" | "losing" | "loses") {
        return None;
    }
    let mut j = i + 1;
    if matches!(s.word(j), "their" | "his" | "her") && s.joined(j) {
        j += 1;
    }
    (matches!(s.word(j), "lives" | "life") && s.joined(j)).then_some(j + 1)
}

/// The counted noun phrase starting at token `i`: its end (exclusive).
fn counted_run(s: &Sentence, i: usize) -> usize {
    let mut j = i;
    while j < s.len() && j - i < 4 {
        let w = s.word(j);
        if j > i && !s.joined(j) {
            break;
        }
        if j == i && s.breaks_before(j) {
            break;
        }
        let alpha = w
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        if !alpha
            || w.is_empty()
            || is_stopword(w)
            || lexicon::AUXILIARIES.contains(&w)
            || (w.ends_with("ly") && w.len() > 4)
            || lexicon::REPORTING_VERBS.contains(&w)
            || event_verb(s, j).is_some()
            || lost_lives(s, j).is_some()
            || lexicon::month(w).is_some()
            || lexicon::weekday(w).is_some()
            || numbers::number_at(s, j).is_some()
            || matches!(w, "remain" | "remains" | "reside" | "live" | "currently")
        {
            break;
        }
        j += 1;
    }
    j
}

/// The event after a counted run ending at token `i`: (first token, end, class).
fn event_after(s: &Sentence, i: usize) -> Option<(usize, usize, &'static str)> {
    let mut j = i;
    while j < s.len() && j - i < 5 && s.joined(j) {
        if let Some(end) = lost_lives(s, j) {
            return Some((i, end, "killed"));
        }
        if let Some(class) = event_verb(s, j) {
            return Some((i, j + 1, class));
        }
        let w = s.word(j);
        if !(lexicon::AUXILIARIES.contains(&w) || (w.ends_with("ly") && w.len() > 4)) {
            return None;
        }
        j += 1;
    }
    None
}

/// The event right before a number starting at token `i`: (first token, end, class).
fn event_before(s: &Sentence, i: usize) -> Option<(usize, usize, &'static str)> {
    if i == 0 || !s.joined(i) {
        return None;
    }
    // "claimed the lives of 20 people"
    if i >= 4 && s.word(i - 1) == "of" && s.word(i - 2) == "lives" {
        return Some((i - 4, i - 3, "killed"));
    }
    let class = event_verb(s, i - 1)?;
    Some((i - 1, i, class))
}

/// "the death toll rose to 50", "a death toll of 50": the number counts the dead.
fn death_toll(s: &Sentence, i: usize) -> Option<(usize, usize, &'static str)> {
    let from = i.saturating_sub(6);
    let toll = (from..i).rev().find(|&k| s.word(k) == "toll")?;
    let joined = (toll + 1..=i).all(|k| s.joined(k));
    let fits = (toll + 1..i).all(|k| {
        matches!(
            s.word(k),
            "rose"
                | "risen"
                | "climbed"
                | "jumped"
                | "reached"
                | "stands"
                | "stood"
                | "is"
                | "was"
                | "has"
                | "had"
                | "to"
                | "of"
                | "at"
                | "now"
                | "hit"
        )
    });
    let deaths = toll > 0 && matches!(s.word(toll - 1), "death" | "casualty");
    (joined && fits && deaths).then_some((toll - 1, toll + 1, "killed"))
}

/// All quantity claims of a sentence. `attributions` are the sentence's attributions;
/// `resolve_speaker` turns a speaker phrase into the name to show.
pub(crate) fn find(
    s: &Sentence,
    attributions: &[Attribution],
    resolve_speaker: &dyn Fn(&Attribution) -> Option<String>,
) -> Vec<QuantityClaim> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if s.date_at(i).is_some() {
            i += 1;
            continue;
        }
        let Some(num) = numbers::number_at(s, i) else {
            i += 1;
            continue;
        };
        // A number inside a date ("May 18") or a year is not a count.
        let in_date = (num.number_start..num.end).any(|k| s.date_at(k).is_some());
        if in_date
            || (num.low >= 1800.0
                && num.low <= 2100.0
                && num.low.fract() == 0.0
                && !s.word(num.number_start).contains(','))
        {
            i = num.end.max(i + 1);
            continue;
        }
        if let Some(c) = claim(s, &num, attributions, resolve_speaker) {
            out.push(c);
        }
        i = num.end.max(i + 1);
    }
    out
}

fn claim(
    s: &Sentence,
    num: &NumberSpan,
    attributions: &[Attribution],
    resolve_speaker: &dyn Fn(&Attribution) -> Option<String>,
) -> Option<QuantityClaim> {
    // Money is not a count of things ("$5 million").
    if s.gap_before(num.number_start)
        .contains(['$', '\u{20AC}', '\u{00A3}', '\u{00A5}'])
    {
        return None;
    }
    let run_start = num.end;
    let run_end = counted_run(s, run_start);
    let after = event_after(s, run_end);
    let before = event_before(s, num.start).or_else(|| death_toll(s, num.start));
    let (counted_text, head) = if run_end > run_start {
        (
            s.span_text(run_start, run_end).to_string(),
            s.word(run_end - 1).to_string(),
        )
    } else if after.is_some() || before.is_some() {
        // "20 dead", "30 injured": people are meant.
        ("people".to_string(), "people".to_string())
    } else {
        return None;
    };
    if NOT_COUNTED.contains(&head.as_str()) || head.len() < 2 {
        return None;
    }
    let event = after.or(before);
    if event.is_none() && !COUNTED_HEADS.contains(&head.as_str()) {
        return None;
    }
    // Key: stems of the lowercase words (adjectives like "Turkish" do not change the thing).
    let key_words: Vec<String> = (run_start..run_end)
        .filter(|&k| !s.capitalized(k))
        .map(|k| stem(s.word(k)))
        .collect();
    let counted_key = if key_words.is_empty() {
        stem(&fold(&head))
    } else {
        key_words.join(" ")
    };
    let claim_end = event.map_or(run_end, |e| e.1).max(run_end);
    let claim_start = event.map_or(num.start, |e| e.0).min(num.start);
    let (scope, scope_date) = scope(s, claim_start, claim_end)
        .map(|d| (Some(d.text.clone()), d.resolved.clone()))
        .unwrap_or_else(|| (period_after(s, claim_end), None));
    let pos = s.toks.get(num.number_start).map_or(0, |t| t.start);
    let source = attributions
        .iter()
        .find(|a| a.content.start <= pos && pos < a.content.end)
        .and_then(resolve_speaker);
    Some(QuantityClaim {
        quantity: Quantity {
            text: s.span_text(num.start, num.end).to_string(),
            qualifier: num.qualifier.clone(),
            bound: num.bound,
            low: num.low,
            high: num.high,
        },
        counted: counted_text,
        counted_key,
        event: event.map(|(a, b, _)| s.span_text(a, b).to_string()),
        event_class: event.map(|(_, _, c)| c.to_string()),
        scope,
        scope_date,
        source,
        source_inherited: false,
        sentence: s.text.to_string(),
        citation: s.cite.clone(),
    })
}

/// A period that is not a date, right after a claim: "so far", "to date", "in the past 24
/// hours", "over the last week".
fn period_after(s: &Sentence, end: usize) -> Option<String> {
    for start in end..(end + 3).min(s.len()) {
        if !(end + 1..=start).all(|k| s.joined(k)) || (start > end && !s.joined(start)) {
            return None;
        }
        let w = s.word(start);
        let next = s.word(start + 1);
        if (w == "so" && next == "far") || (w == "to" && next == "date") {
            return Some(s.span_text(start, start + 2).to_string());
        }
        if matches!(w, "in" | "over" | "during" | "within")
            && s.word(start + 1) == "the"
            && matches!(s.word(start + 2), "past" | "last" | "previous")
        {
            let mut k = start + 3;
            if numbers::number_at(s, k).is_some() {
                k += 1;
            }
            let unit = s.word(k).trim_end_matches('s');
            if matches!(unit, "hour" | "day" | "week" | "month" | "year" | "weekend") {
                return Some(s.span_text(start, k + 1).to_string());
            }
        }
    }
    None
}

/// Whether a word is a superlative ("worst", "biggest", "deadliest", "first"), which a
/// following "since ..." measures ("the heaviest fighting since 2018").
fn superlative(w: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "worst",
        "best",
        "most",
        "least",
        "first",
        "biggest",
        "largest",
        "highest",
        "lowest",
        "greatest",
        "strongest",
        "fiercest",
        "longest",
        "widest",
        "sharpest",
        "latest",
        "fastest",
        "hottest",
        "coldest",
        "smallest",
    ];
    IRREGULAR.contains(&w) || (w.len() > 5 && w.ends_with("iest"))
}

/// The date phrase that bounds a claim spanning tokens `start..end`: right after it with no
/// punctuation between ("... lost their lives in Idlib since April 25"), or opening its
/// clause just before it ("Since April 28, 18 health facilities ...").
fn scope<'s>(s: &'s Sentence, start: usize, end: usize) -> Option<&'s crate::dates::DateSpan> {
    let after = s.dates.iter().find(|d| {
        d.start >= end
            && d.start - end <= 4
            && d.prep.is_some()
            && (end + 1..=d.start).all(|k| s.joined(k))
            // "... in the worst escalation since last summer": the date measures the
            // superlative, not the count.
            && !(end..d.start).any(|k| superlative(s.word(k)))
    });
    if after.is_some() {
        return after;
    }
    s.dates.iter().rev().find(|d| {
        d.end <= start
            && start - d.end <= 4
            && (d.start == 0
                || s.breaks_before(d.start)
                || matches!(s.word(d.start.saturating_sub(1)), "and" | "but"))
            && (d.end + 1..=start).all(|k| s.joined(k))
            || d.end <= start
                && start - d.end <= 4
                && (d.start == 0 || s.breaks_before(d.start))
                && s.breaks_before(d.end)
                && (d.end + 1..=start).all(|k| s.joined(k))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution;
    use crosswire_model::facts::Bound;

    fn claims(text: &str) -> Vec<QuantityClaim> {
        let s = Sentence::lone(text);
        let attrs = attribution::find(&s);
        find(&s, &attrs, &|a: &Attribution| Some(a.speaker.clone()))
    }

    fn one(text: &str) -> QuantityClaim {
        let mut c = claims(text);
        assert_eq!(c.len(), 1, "{text}: {c:#?}");
        c.remove(0)
    }

    #[test]
    fn active_verb_before_number() {
        let c = one("The fighting has killed more than 80 civilians, medics say.");
        assert_eq!(c.quantity.low, 80.0);
        assert_eq!(c.quantity.bound, Bound::AtLeast);
        assert_eq!(c.counted, "civilians");
        assert_eq!(c.event_class.as_deref(), Some("killed"));
        assert_eq!(c.source.as_deref(), Some("medics"));
        let c = one("Jets pounded the town, killing a minimum of six villagers.");
        assert_eq!(
            (c.quantity.low, c.event_class.as_deref()),
            (6.0, Some("killed"))
        );
        assert_eq!(c.counted, "villagers");
    }

    #[test]
    fn passive_and_intransitive_after_noun() {
        let c = one("Since March 3, a total of 12 health centres have been struck.");
        assert_eq!(c.quantity.low, 12.0);
        assert_eq!(c.counted, "health centres");
        assert_eq!(c.event_class.as_deref(), Some("struck"));
        assert_eq!(c.scope.as_deref(), Some("Since March 3"));
        let c = one("At least 45 migrants have lost their lives at sea since January.");
        assert_eq!(c.event_class.as_deref(), Some("killed"));
        assert_eq!(c.scope.as_deref(), Some("since January"));
        let c = one("In late June, three Canadian soldiers were wounded by a mine.");
        assert_eq!(c.event_class.as_deref(), Some("injured"));
        assert_eq!(c.counted_key, "soldier");
        assert_eq!(c.scope.as_deref(), Some("In late June"));
        // A "since" after a superlative measures it, not the count.
        let c = one("The raids killed 30 people in the worst violence since 2018.");
        assert_eq!(c.scope, None);
    }

    #[test]
    fn words_vague_amounts_and_dead() {
        let c = one("The quake left hundreds of families displaced.");
        assert_eq!(c.quantity.bound, Bound::About);
        assert_eq!(c.event_class.as_deref(), Some("displaced"));
        let c = one("Officials said 20 dead were found.");
        assert_eq!(c.counted, "people");
        let c = one("Nearly two dozen people died.");
        assert_eq!(c.event_class.as_deref(), Some("killed"));
    }

    #[test]
    fn ignores_dates_years_durations_and_uncounted() {
        assert!(claims("On May 18 in 2019 the eight-year war went on for 5 years.").is_empty());
        assert!(claims("25 users have voted.").is_empty());
        let c = one("Some 1.5 million people currently reside in the province.");
        assert_eq!(c.event, None);
        assert_eq!(c.quantity.low, 1_500_000.0);
    }

    #[test]
    fn participle_after_noun_and_attribution() {
        let c =
            claims("Ten people died, with more than 40 residents injured, according to medics.");
        assert_eq!(c.len(), 2);
        assert_eq!(c[1].event_class.as_deref(), Some("injured"));
        assert_eq!(c[1].source.as_deref(), Some("medics"));
        assert_eq!(c[0].source.as_deref(), Some("medics"));
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::attribution;

    fn claims(text: &str) -> Vec<QuantityClaim> {
        let s = Sentence::lone(text);
        let attrs = attribution::find(&s);
        find(&s, &attrs, &|a: &Attribution| Some(a.speaker.clone()))
    }

    #[test]
    fn death_toll_and_bare_vague_amounts() {
        let c = claims("The death toll rose to 52 on Sunday.");
        assert_eq!(c.len(), 1);
        assert_eq!(
            (c[0].quantity.low, c[0].event_class.as_deref()),
            (52.0, Some("killed"))
        );
        let c = claims("Dozens were killed in the attack.");
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].counted, "people");
    }

    #[test]
    fn periods_and_money() {
        let c = claims("Air strikes killed 14 civilians in the past 24 hours.");
        assert_eq!(c[0].scope.as_deref(), Some("in the past 24 hours"));
        let c = claims("At least 300 homes have been destroyed so far.");
        assert_eq!(c[0].scope.as_deref(), Some("so far"));
        assert_eq!(c[0].event_class.as_deref(), Some("damaged"));
        assert!(claims("Donors sent $5 million to help.").is_empty());
    }
}
