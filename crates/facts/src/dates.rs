//! Date expressions: found in a sentence's tokens ([`find`]) and resolved against a
//! reference date ([`DateExpr::resolve`]), normally the article's publication date.
//!
//! Rules, all relative to the reference day R:
//! * a weekday is the most recent such day on or before R ("last Tuesday": strictly before);
//! * a month and day without a year take the year that puts them on or before R;
//! * a bare month takes the most recent such month not after R; "last September" the most
//!   recent September before R's month;
//! * "last summer" is the most recent summer that ended before R; "last week" the ISO week
//!   before R's; "yesterday" is R - 1.

use chrono::{Datelike, Duration, NaiveDate};
use crosswire_model::facts::{Granularity, ResolvedDate};

use crate::doc::Sentence;
use crate::lexicon;

/// A date expression, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateExpr {
    /// A complete calendar date.
    Full(NaiveDate),
    /// "May 20": year implied.
    MonthDay { month: u32, day: u32 },
    /// "May 2018".
    MonthYear { month: u32, year: i32 },
    /// "in May", "last September".
    Month { month: u32, last: bool },
    /// "in 2011".
    Year(i32),
    /// "on Tuesday", "last Tuesday".
    Weekday { weekday: u32, last: bool },
    /// "yesterday" (-1), "today" (0), "three days ago" (-3).
    Days(i64),
    /// "last week" (-1), "this week" (0).
    Weeks(i64),
    /// "last month" (-1), "this month" (0).
    Months(i64),
    /// "last year" (-1), "this year" (0).
    Years(i64),
    /// Season 0..4 = spring, summer, autumn, winter; with a year, or the last/this one.
    Season {
        season: u32,
        year: Option<i32>,
        last: bool,
    },
}

/// A date expression found in a sentence: token range, preposition and text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateSpan {
    /// First token (the preposition when there is one).
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Leading preposition, folded ("since", "on", "as of", "in").
    pub prep: Option<String>,
    pub text: String,
    pub expr: DateExpr,
    pub resolved: Option<ResolvedDate>,
}

const SEASONS: &[&str] = &["spring", "summer", "autumn", "winter"];
const PREPOSITIONS: &[&str] = &[
    "since",
    "on",
    "in",
    "during",
    "until",
    "till",
    "by",
    "from",
    "before",
    "after",
    "through",
    "of",
    "throughout",
];

fn year_of(word: &str) -> Option<i32> {
    if word.len() == 4 && word.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = word.parse().ok()?;
        (1800..=2100).contains(&y).then_some(y)
    } else {
        None
    }
}

fn day_of(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !matches!(rest, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// "15,2019" (a day and year glued by a comma, as the tokenizer joins digit groups).
fn day_comma_year(word: &str) -> Option<(u32, i32)> {
    let (d, y) = word.split_once(',')?;
    Some((day_of(d)?, year_of(y)?))
}

fn iso_date(word: &str) -> Option<NaiveDate> {
    if word.len() == 10 && word.as_bytes().get(4) == Some(&b'-') {
        NaiveDate::parse_from_str(word, "%Y-%m-%d").ok()
    } else {
        None
    }
}

fn small_number(word: &str) -> Option<i64> {
    if let Ok(n) = word.parse::<i64>() {
        return (1..=100).contains(&n).then_some(n);
    }
    lexicon::NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, v)| *v as i64)
        .or_else(|| matches!(word, "a" | "an").then_some(1))
}

/// Find the date expressions of a sentence, left to right, without overlaps.
pub(crate) fn find(s: &Sentence) -> Vec<DateSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        match match_at(s, i) {
            Some((start, end, expr)) => {
                let (start, prep) = with_preposition(s, start);
                out.push(DateSpan {
                    start,
                    end,
                    prep,
                    text: s.span_text(start, end).to_string(),
                    expr,
                    resolved: None,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Extend a date's start leftwards over "early/mid/late" and one preposition ("as of").
fn with_preposition(s: &Sentence, mut start: usize) -> (usize, Option<String>) {
    if start > 0 && s.joined(start) && matches!(s.word(start - 1), "early" | "mid" | "late") {
        start -= 1;
    }
    if start > 0 && s.joined(start) {
        let w = s.word(start - 1);
        if w == "of" && start > 1 && s.word(start - 2) == "as" && s.joined(start - 1) {
            return (start - 2, Some("as of".into()));
        }
        if PREPOSITIONS.contains(&w) {
            return (start - 1, Some(w.to_string()));
        }
    }
    (start, None)
}

/// Match a date expression starting at token `i` (before any preposition).
fn match_at(s: &Sentence, i: usize) -> Option<(usize, usize, DateExpr)> {
    let w = s.word(i);
    let next = s.word(i + 1);
    let next_joined = s.joined(i + 1);
    if let Some(d) = iso_date(w) {
        return Some((i, i + 1, DateExpr::Full(d)));
    }
    if let Some(m) = lexicon::month(w).filter(|_| s.capitalized(i) && w.len() >= 3) {
        // "May 15,2019"
        if let Some((day, year)) = day_comma_year(next) {
            let d = NaiveDate::from_ymd_opt(year, m, day)?;
            return Some((i, i + 2, DateExpr::Full(d)));
        }
        if let Some(day) = day_of(next).filter(|_| !s.gap_after(i).contains(',')) {
            // "May 20, 2019" / "May 20 2019" / "May 20"
            if let Some(year) = year_of(s.word(i + 2)) {
                let d = NaiveDate::from_ymd_opt(year, m, day)?;
                return Some((i, i + 3, DateExpr::Full(d)));
            }
            return Some((i, i + 2, DateExpr::MonthDay { month: m, day }));
        }
        if let Some(year) = year_of(next).filter(|_| next_joined) {
            return Some((i, i + 2, DateExpr::MonthYear { month: m, year }));
        }
        let prev = if i > 0 && s.joined(i) {
            s.word(i - 1)
        } else {
            ""
        };
        let last = prev == "last";
        let cue = last
            || matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "by"
                    | "this"
                    | "early"
                    | "mid"
                    | "late"
                    | "a"
                    | "of"
                    | "during"
                    | "from"
                    | "through"
                    | "next"
                    | "till"
            );
        // "May" is also a verb: a bare month needs a cue word before it.
        if cue && (w != "may" || !prev.is_empty()) {
            let start = if last { i - 1 } else { i };
            return Some((start, i + 1, DateExpr::Month { month: m, last }));
        }
        return None;
    }
    if let Some(day) = day_of(w) {
        // "20 May 2019" / "20 May"
        if let Some(m) = lexicon::month(next).filter(|_| s.capitalized(i + 1) && next_joined) {
            if let Some(year) = year_of(s.word(i + 2)) {
                let d = NaiveDate::from_ymd_opt(year, m, day)?;
                return Some((i, i + 3, DateExpr::Full(d)));
            }
            return Some((i, i + 2, DateExpr::MonthDay { month: m, day }));
        }
    }
    if let Some(wd) = lexicon::weekday(w).filter(|_| s.capitalized(i)) {
        let last = i > 0 && s.word(i - 1) == "last" && s.joined(i);
        let start = if last { i - 1 } else { i };
        return Some((start, i + 1, DateExpr::Weekday { weekday: wd, last }));
    }
    match w {
        "yesterday" => return Some((i, i + 1, DateExpr::Days(-1))),
        "today" | "tonight" => return Some((i, i + 1, DateExpr::Days(0))),
        "last" | "this" | "past" | "previous" if next_joined => {
            let delta = if w == "this" { 0 } else { -1 };
            let expr = match next {
                "week" | "weekend" => Some(DateExpr::Weeks(delta)),
                "month" => Some(DateExpr::Months(delta)),
                "year" => Some(DateExpr::Years(delta)),
                _ => SEASONS
                    .iter()
                    .position(|x| *x == next)
                    .or_else(|| (next == "fall").then_some(2))
                    .map(|season| DateExpr::Season {
                        season: season as u32,
                        year: None,
                        last: delta < 0,
                    }),
            };
            if let Some(expr) = expr {
                return Some((i, i + 2, expr));
            }
        }
        _ => {}
    }
    // "three days ago"
    if let Some(n) = small_number(w)
        && s.word(i + 2) == "ago"
        && s.joined(i + 1)
        && s.joined(i + 2)
    {
        let expr = match next.trim_end_matches('s') {
            "day" => Some(DateExpr::Days(-n)),
            "week" => Some(DateExpr::Weeks(-n)),
            "month" => Some(DateExpr::Months(-n)),
            "year" => Some(DateExpr::Years(-n)),
            _ => None,
        };
        if let Some(expr) = expr {
            return Some((i, i + 3, expr));
        }
    }
    // "summer 2018", "the summer of 2018"
    if let Some(season) = SEASONS.iter().position(|x| *x == w) {
        let year = if next_joined { year_of(next) } else { None }.map(|y| (y, i + 2));
        let year = year.or_else(|| {
            (next == "of" && next_joined && s.joined(i + 2))
                .then(|| year_of(s.word(i + 2)).map(|y| (y, i + 3)))
                .flatten()
        });
        if let Some((y, end)) = year {
            let expr = DateExpr::Season {
                season: season as u32,
                year: Some(y),
                last: false,
            };
            return Some((i, end, expr));
        }
    }
    if let Some(y) = year_of(w) {
        let prev = if i > 0 && s.joined(i) {
            s.word(i - 1)
        } else {
            ""
        };
        if matches!(
            prev,
            "in" | "since"
                | "until"
                | "by"
                | "early"
                | "mid"
                | "late"
                | "of"
                | "during"
                | "from"
                | "before"
                | "after"
                | "through"
                | "end"
        ) {
            return Some((i, i + 1, DateExpr::Year(y)));
        }
    }
    None
}

/// A span from day `start` to day `end` (a count "since April 28" up to its report day);
/// a single day when they are equal.
pub(crate) fn period(start: NaiveDate, end: NaiveDate, inferred: bool) -> ResolvedDate {
    if start >= end {
        return day(start, inferred);
    }
    ResolvedDate {
        start,
        end,
        granularity: Granularity::Period,
        iso: format!("{}/{}", start.format("%Y-%m-%d"), end.format("%Y-%m-%d")),
        inferred,
    }
}

pub(crate) fn day(d: NaiveDate, inferred: bool) -> ResolvedDate {
    ResolvedDate {
        start: d,
        end: d,
        granularity: Granularity::Day,
        iso: d.format("%Y-%m-%d").to_string(),
        inferred,
    }
}

fn month(year: i32, m: u32, inferred: bool) -> Option<ResolvedDate> {
    let start = NaiveDate::from_ymd_opt(year, m, 1)?;
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, m + 1, 1)?
    };
    Some(ResolvedDate {
        start,
        end: next.checked_sub_signed(Duration::days(1))?,
        granularity: Granularity::Month,
        iso: format!("{year:04}-{m:02}"),
        inferred,
    })
}

fn year(y: i32, inferred: bool) -> Option<ResolvedDate> {
    Some(ResolvedDate {
        start: NaiveDate::from_ymd_opt(y, 1, 1)?,
        end: NaiveDate::from_ymd_opt(y, 12, 31)?,
        granularity: Granularity::Year,
        iso: format!("{y:04}"),
        inferred,
    })
}

/// Season `season` whose first month falls in `y` (winter runs December..February).
fn season(y: i32, season: u32, inferred: bool) -> Option<ResolvedDate> {
    let first = [3, 6, 9, 12].get(season as usize).copied()?;
    let start = month(y, first, inferred)?;
    let (ly, lm) = if first == 12 {
        (y + 1, 2)
    } else {
        (y, first + 2)
    };
    let last = month(ly, lm, inferred)?;
    Some(ResolvedDate {
        iso: format!("{}/{}", start.iso, last.iso),
        start: start.start,
        end: last.end,
        granularity: Granularity::Season,
        inferred,
    })
}

fn shift_months(year: i32, m: u32, delta: i64) -> (i32, u32) {
    let idx = year as i64 * 12 + (m as i64 - 1) + delta;
    ((idx.div_euclid(12)) as i32, (idx.rem_euclid(12) + 1) as u32)
}

impl DateExpr {
    /// Whether the expression needs a reference date.
    pub fn is_relative(&self) -> bool {
        !matches!(
            self,
            DateExpr::Full(_) | DateExpr::MonthYear { .. } | DateExpr::Year(_)
        ) && !matches!(self, DateExpr::Season { year: Some(_), .. })
    }

    /// Resolve against `reference` (None: only absolute expressions resolve).
    pub fn resolve(&self, reference: Option<NaiveDate>, inferred: bool) -> Option<ResolvedDate> {
        let inferred = inferred && self.is_relative();
        match *self {
            DateExpr::Full(d) => Some(day(d, false)),
            DateExpr::MonthYear { month: m, year: y } => month(y, m, false),
            DateExpr::Year(y) => year(y, false),
            DateExpr::Season {
                season: s,
                year: Some(y),
                ..
            } => season(y, s, false),
            _ => {
                let r = reference?;
                self.resolve_relative(r, inferred)
            }
        }
    }

    fn resolve_relative(&self, r: NaiveDate, inferred: bool) -> Option<ResolvedDate> {
        match *self {
            DateExpr::MonthDay { month: m, day: d } => {
                let this_year = NaiveDate::from_ymd_opt(r.year(), m, d);
                let date = match this_year {
                    Some(x) if x <= r => x,
                    _ => NaiveDate::from_ymd_opt(r.year() - 1, m, d)?,
                };
                Some(day(date, inferred))
            }
            DateExpr::Month { month: m, last } => {
                let y = if (last && m >= r.month()) || (!last && m > r.month()) {
                    r.year() - 1
                } else {
                    r.year()
                };
                month(y, m, inferred)
            }
            DateExpr::Weekday { weekday, last } => {
                let today = r.weekday().num_days_from_monday() as i64;
                let mut back = (today - weekday as i64).rem_euclid(7);
                if last && back == 0 {
                    back = 7;
                }
                Some(day(r.checked_sub_signed(Duration::days(back))?, inferred))
            }
            DateExpr::Days(n) => Some(day(r.checked_add_signed(Duration::days(n))?, inferred)),
            DateExpr::Weeks(n) => {
                let monday = r
                    .checked_sub_signed(Duration::days(r.weekday().num_days_from_monday() as i64))?
                    .checked_add_signed(Duration::weeks(n))?;
                let iso = monday.iso_week();
                Some(ResolvedDate {
                    start: monday,
                    end: monday.checked_add_signed(Duration::days(6))?,
                    granularity: Granularity::Week,
                    iso: format!("{}-W{:02}", iso.year(), iso.week()),
                    inferred,
                })
            }
            DateExpr::Months(n) => {
                let (y, m) = shift_months(r.year(), r.month(), n);
                month(y, m, inferred)
            }
            DateExpr::Years(n) => year(r.year() + n as i32, inferred),
            DateExpr::Season {
                season: s,
                year: None,
                last,
            } => {
                // The season of this calendar year (winter: the one starting last December).
                let base = if s == 3 && r.month() <= 2 {
                    r.year() - 1
                } else {
                    r.year()
                };
                let this = season(base, s, inferred)?;
                if last {
                    if this.end < r {
                        Some(this)
                    } else {
                        season(base - 1, s, inferred)
                    }
                } else {
                    Some(this)
                }
            }
            DateExpr::Full(_) | DateExpr::MonthYear { .. } | DateExpr::Year(_) => None,
            DateExpr::Season { year: Some(_), .. } => None,
        }
    }
}

/// Weekday helper for tests.
#[cfg(test)]
pub(crate) fn weekday_of(d: NaiveDate) -> chrono::Weekday {
    d.weekday()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::facts::Citation;

    fn cite() -> Citation {
        Citation {
            article: "a".into(),
            label: "a".into(),
            paragraph: 0,
            sentence: 0,
        }
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    /// Resolve every date of `text` against `r`, as ISO strings with their text.
    fn resolved(text: &str, r: NaiveDate) -> Vec<(String, Option<String>)> {
        let s = Sentence::new(0, text, cite());
        find(&s)
            .into_iter()
            .map(|d| {
                (
                    d.text.clone(),
                    d.expr.resolve(Some(r), false).map(|x| x.iso),
                )
            })
            .collect()
    }

    fn isos(text: &str, r: NaiveDate) -> Vec<String> {
        resolved(text, r)
            .into_iter()
            .filter_map(|(_, iso)| iso)
            .collect()
    }

    #[test]
    fn weekday_is_most_recent_on_or_before_reference() {
        let wed = ymd(2019, 5, 15);
        assert_eq!(weekday_of(wed), chrono::Weekday::Wed);
        assert_eq!(isos("He said on Tuesday that", wed), ["2019-05-14"]);
        assert_eq!(isos("It happened Wednesday.", wed), ["2019-05-15"]);
        assert_eq!(isos("Rebels said on Thursday", wed), ["2019-05-09"]);
        assert_eq!(isos("They met last Wednesday.", wed), ["2019-05-08"]);
    }

    #[test]
    fn weekday_crosses_month_and_year_boundaries() {
        // 2019-06-03 is a Monday; Friday before it is in May.
        assert_eq!(isos("on Friday", ymd(2019, 6, 3)), ["2019-05-31"]);
        // 2020-01-01 is a Wednesday; Sunday before it is in 2019.
        assert_eq!(isos("on Sunday", ymd(2020, 1, 1)), ["2019-12-29"]);
    }

    #[test]
    fn month_day_takes_the_year_not_after_publication() {
        let r = ymd(2019, 5, 21);
        assert_eq!(isos("on May 20 the call", r), ["2019-05-20"]);
        assert_eq!(isos("On September 17, talks", r), ["2018-09-17"]);
        assert_eq!(isos("from 3 January", ymd(2019, 1, 2)), ["2018-01-03"]);
        assert_eq!(isos("since 2 January", ymd(2019, 1, 2)), ["2019-01-02"]);
    }

    #[test]
    fn absolute_forms() {
        let r = ymd(2000, 1, 1);
        assert_eq!(isos("By Reuters - May 15,2019 - Last", r), ["2019-05-15"]);
        assert_eq!(isos("May 21 2019", r), ["2019-05-21"]);
        assert_eq!(isos("on May 21, 2019, he", r), ["2019-05-21"]);
        assert_eq!(isos("on 2019-05-14 at", r), ["2019-05-14"]);
        assert_eq!(isos("in May 2018 after", r), ["2018-05"]);
        assert_eq!(isos("since early 2011 when", r), ["2011"]);
        assert_eq!(isos("in the summer of 2018", r), ["2018-06/2018-08"]);
    }

    #[test]
    fn last_month_name_and_seasons() {
        let may = ymd(2019, 5, 21);
        assert_eq!(isos("Last September, Turkey", may), ["2018-09"]);
        assert_eq!(isos("last March it", may), ["2019-03"]);
        assert_eq!(isos("since last summer", may), ["2018-06/2018-08"]);
        assert_eq!(
            isos("since last summer", ymd(2019, 10, 1)),
            ["2019-06/2019-08"]
        );
        assert_eq!(isos("in early May", may), ["2019-05"]);
        assert_eq!(isos("a September ceasefire", may), ["2018-09"]);
        assert_eq!(isos("since September", ymd(2019, 9, 30)), ["2019-09"]);
    }

    #[test]
    fn relative_words() {
        let r = ymd(2019, 5, 21);
        assert_eq!(isos("held last week", r), ["2019-W20"]);
        assert_eq!(isos("He left yesterday.", ymd(2019, 3, 1)), ["2019-02-28"]);
        assert_eq!(isos("three days ago", r), ["2019-05-18"]);
        assert_eq!(isos("last month", ymd(2019, 1, 10)), ["2018-12"]);
        assert_eq!(isos("this year", r), ["2019"]);
    }

    #[test]
    fn keeps_prepositions_and_ignores_may_the_verb() {
        let r = ymd(2019, 5, 21);
        let found = resolved(
            "Idlib may face a crisis since April 25 and as of Monday.",
            r,
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["since April 25", "as of Monday"]);
        assert!(resolved("May I ask?", r).is_empty());
    }

    #[test]
    fn unresolvable_without_reference() {
        let s = Sentence::new(0, "on Tuesday", cite());
        let d = find(&s);
        assert_eq!(d.len(), 1);
        assert!(d[0].expr.resolve(None, true).is_none());
        let inferred = d[0].expr.resolve(Some(ymd(2019, 5, 15)), true);
        assert!(inferred.is_some_and(|x| x.inferred));
    }
}
