//! One event told several times becomes one timeline row.
//!
//! Every dated clause of every article is a [`Candidate`]. Candidates are collapsed when
//! their dates are compatible and their descriptions match:
//!
//! * **dates**: equal; or one contains the other (a month and a day in it, a week and a
//!   day, a year and a month). The row takes the more precise date. A period ("since
//!   April 28" up to a report day) is only ever equal to the same period: a cumulative count
//!   is not the event of one of its days.
//! * **descriptions** ([`EventKey::score`]): shared content terms, where a word and its
//!   derivation count as one ("agreed"/"agreement", "Russia"/"Russian"), and shared names.
//!   Terms found in a third or more of the story's dated sentences ("Idlib" in an Idlib
//!   story) say little about which event is meant, so a match also needs *salient* shared
//!   terms. Across precisions only the event clauses are compared, and the evidence needed
//!   grows with the number of rows the coarser date holds: "in September" matching the
//!   one September day of a story is likely that day's event; "this year" matching one of
//!   forty days of the year needs much more in common.
//!
//! Rows first collapse on equal dates (in reading order; two periods from one start are
//! one date when one of them only runs to its article's day), then each coarser row joins
//! the finer row inside its date that it matches best (weeks first, then months, seasons,
//! years). A row shows the wording stated by most outlets (ties: one stated with the row's
//! date, then the first read), the union of outlets and citations, and the most precise
//! date (a date known from a dated article beats an inferred one).

use std::collections::{HashMap, HashSet};

use crosswire_model::facts::{Citation, Granularity, ResolvedDate, TimelineEvent};
use crosswire_text::content_terms;

/// What an event is matched on: its content terms (stems) and the names in it.
#[derive(Debug, Clone, Default)]
pub(crate) struct EventKey {
    /// Terms of the sentence part that tells the event.
    pub terms: HashSet<String>,
    /// Terms of the event's own clause (its timeline text), without words of time and
    /// reporting ("month", "said"), which any two clauses may share.
    pub core: HashSet<String>,
    pub people: HashSet<String>,
    pub names: HashSet<String>,
    /// What a count dated by its own scope counts ("health facil|struck").
    pub counts: HashSet<String>,
}

/// Endings that turn a stem into a related word of the same event or name: "agree" →
/// "agreement", "russia" → "russian", "elect" → "election".
const DERIVATIONS: &[&str] = &[
    "ment", "ments", "ion", "ation", "n", "an", "ian", "al", "er", "ers", "ing", "s", "e",
];

/// The stems a stem may be derived from, of at least four letters: "agreement" → "agre"
/// (stems drop a final "e" that the derivation keeps), "russian" → "russia".
fn bases(w: &str) -> impl Iterator<Item = &str> {
    DERIVATIONS
        .iter()
        .flat_map(move |d| {
            let base = w.strip_suffix(d);
            [base, base.and_then(|b| b.strip_suffix('e'))]
        })
        .flatten()
        .filter(|b| b.chars().count() >= 4)
}

/// Whether two stems are one word or a word and its derivation.
#[cfg(test)]
fn related(a: &str, b: &str) -> bool {
    a == b || bases(a).any(|x| x == b) || bases(b).any(|x| x == a)
}

/// Fewer shared terms than this never make two descriptions one event...
const MIN_SHARED: usize = 3;
/// ...and by wording alone it takes this many, covering a third of the shorter one,
const MIN_SHARED_WORDING: usize = 4;
/// ...of which this many are salient (not common across the story's dated sentences).
const MIN_SALIENT_WORDING: usize = 2;

/// How two dates compare, which sets how much two descriptions must share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateFit {
    /// One date: the same day, month...
    Same,
    /// A finer date within a coarser one of this granularity, which holds this many finer
    /// rows: the more events the coarser date could mean, the more the wording must share.
    Within(Granularity, usize),
}

impl DateFit {
    /// Salient units two event clauses must share to be one event: more when the coarser
    /// date holds more rows it could mean, and one more for a season or a year.
    fn min_salient(self) -> usize {
        match self {
            DateFit::Same => MIN_SALIENT_WORDING,
            DateFit::Within(g, inside) => {
                let by_rows = match inside {
                    0 | 1 => return MIN_SALIENT_WORDING,
                    2 | 3 => 3,
                    4..=15 => 4,
                    _ => 5,
                };
                by_rows + usize::from(matches!(g, Granularity::Season | Granularity::Year))
            }
        }
    }
}

/// A set of stems with the stems they derive from, for finding related stems quickly.
struct Stems<'a> {
    stems: &'a HashSet<String>,
    /// Each stem with its bases.
    listed: Vec<(&'a String, Vec<&'a str>)>,
    /// The stems and their bases.
    with_bases: HashSet<&'a str>,
}

impl<'a> Stems<'a> {
    fn new(stems: &'a HashSet<String>) -> Self {
        let listed: Vec<(&String, Vec<&str>)> =
            stems.iter().map(|t| (t, bases(t).collect())).collect();
        let with_bases = listed
            .iter()
            .flat_map(|(t, b)| std::iter::once(t.as_str()).chain(b.iter().copied()))
            .collect();
        Stems {
            stems,
            listed,
            with_bases,
        }
    }

    /// Stems of `self` with a related stem in `other` (the same, a base or a derivation).
    fn shared(&self, other: &Stems) -> Vec<&'a String> {
        self.listed
            .iter()
            .filter(|(t, b)| {
                other.with_bases.contains(t.as_str()) || b.iter().any(|b| other.stems.contains(*b))
            })
            .map(|(t, _)| *t)
            .collect()
    }
}

/// An event key with what matching it needs precomputed.
pub(crate) struct Indexed<'a> {
    key: &'a EventKey,
    terms: Stems<'a>,
    core: Stems<'a>,
    /// The stems of each name of the key.
    names: Vec<HashSet<String>>,
}

impl<'a> Indexed<'a> {
    pub(crate) fn new(key: &'a EventKey) -> Self {
        Indexed {
            key,
            terms: Stems::new(&key.terms),
            core: Stems::new(&key.core),
            names: key
                .names
                .iter()
                .map(|n| content_terms(n).into_iter().collect())
                .collect(),
        }
    }
}

impl Indexed<'_> {
    /// How well two descriptions match, or `None` when they tell different events.
    ///
    /// On one date: similar wording with salient terms in common, or a person in common
    /// and a few words besides, or two names in common and a few words besides. Within a
    /// coarser date, only the event clauses count: similar wording with enough salient
    /// units in common, the words of one shared name ("Santa Rosa") being one unit.
    pub(crate) fn score(
        &self,
        other: &Indexed,
        story_wide: &HashSet<String>,
        fit: DateFit,
    ) -> Option<usize> {
        let (a, b) = (self.key, other.key);
        // The same thing counted over the same period: one tally, however it is worded.
        // (A count over a coarser date may be a total of its days': never a shortcut.)
        if fit == DateFit::Same && a.counts.intersection(&b.counts).next().is_some() {
            return Some(2 * MIN_SHARED_WORDING + a.terms.len().min(b.terms.len()));
        }
        let people = a.people.intersection(&b.people).count();
        let names = a.names.intersection(&b.names).count();
        if fit != DateFit::Same {
            let common = self.core.shared(&other.core);
            if common.len() < MIN_SHARED_WORDING {
                return None;
            }
            let smaller = a.core.len().min(b.core.len()).max(1);
            // Salient shared terms, the words of one name counting once ("National Highway
            // Traffic Safety Administration" is one unit, not five); numbers are left out,
            // as any two statistics share some.
            let names = &self.names;
            let units: HashSet<String> = common
                .iter()
                .filter(|t| !story_wide.contains(t.as_str()))
                .filter(|t| !t.starts_with(|c: char| c.is_ascii_digit()))
                .map(
                    |t| match names.iter().position(|n| n.contains(t.as_str())) {
                        Some(k) => format!("name {k}"),
                        None => t.to_string(),
                    },
                )
                .collect();
            let units = units.len();
            let ok = common.len() >= MIN_SHARED_WORDING
                && common.len() * 3 >= smaller
                && units >= fit.min_salient();
            return ok.then_some(2 * units + common.len() + 2 * people);
        }
        let common = self.terms.shared(&other.terms);
        if common.len() < MIN_SHARED {
            return None;
        }
        let salient = common.iter().filter(|t| !story_wide.contains(**t)).count();
        let smaller = a.terms.len().min(b.terms.len()).max(1);
        let common = common.len();
        // The clauses shown must tell the same thing too: "the phone call comes after
        // raids on X" shares the call's words but tells of the raids.
        let clauses = self.core.shared(&other.core).len();
        let smaller_clause = a.core.len().min(b.core.len()).max(1);
        let wording = common >= MIN_SHARED_WORDING
            && common * 3 >= smaller
            && salient >= MIN_SALIENT_WORDING
            && clauses >= MIN_SHARED
            && clauses * 3 >= smaller_clause;
        let person = common >= MIN_SHARED && people >= 1 && salient >= 1;
        let named = common >= MIN_SHARED && names >= 2 && salient >= 1;
        (wording || person || named).then_some(2 * salient + common + 2 * people)
    }
}

/// One dated clause of one article, before merging.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub date: ResolvedDate,
    pub text: String,
    pub sentence: String,
    pub cite: Citation,
    pub key: EventKey,
    /// For a period: its end is the article's day, not a stated one (see [`same_date`]).
    pub open_end: bool,
}

/// Candidates told as one event.
struct Row {
    date: ResolvedDate,
    open_end: bool,
    /// Indices into the candidates, in the order they joined.
    members: Vec<usize>,
}

/// Whether a row's date and a candidate's are one date: equal, or two periods from the
/// same start where one runs to its article's day only for want of a stated end ("since
/// April 28" in an article of May 15, and "since April 28 ..., OCHA said on Monday").
fn same_date(row: &Row, c: &Candidate) -> bool {
    row.date.iso == c.date.iso
        || (row.date.granularity == Granularity::Period
            && c.date.granularity == Granularity::Period
            && row.date.start == c.date.start
            && (row.open_end || c.open_end))
}

/// Whether `inner` lies within `outer` and is more precise (a day in a month).
fn contains(outer: &ResolvedDate, inner: &ResolvedDate) -> bool {
    outer.granularity != Granularity::Period
        && inner.granularity != Granularity::Period
        && inner.granularity < outer.granularity
        && outer.start <= inner.start
        && inner.end <= outer.end
}

/// Stems found in more than a third of the story's dated sentences (when there are enough
/// of them to tell): they name the story, not one event of it.
fn story_wide_terms(cands: &[Candidate]) -> HashSet<String> {
    const MIN_SENTENCES: usize = 6;
    let mut seen: HashSet<(&str, usize, usize)> = HashSet::new();
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut sentences = 0;
    for c in cands {
        let id = (c.cite.article.as_str(), c.cite.paragraph, c.cite.sentence);
        if !seen.insert(id) {
            continue;
        }
        sentences += 1;
        for t in &c.key.terms {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    if sentences < MIN_SENTENCES {
        return HashSet::new();
    }
    df.into_iter()
        .filter(|(_, n)| n * 3 > sentences)
        .map(|(t, _)| t.to_string())
        .collect()
}

/// The best match between any member of `a` and any member of `b`.
fn row_score(
    a: &Row,
    b: &Row,
    keys: &[Indexed],
    wide: &HashSet<String>,
    fit: DateFit,
) -> Option<usize> {
    a.members
        .iter()
        .flat_map(|&i| b.members.iter().map(move |&j| (i, j)))
        .filter_map(|(i, j)| keys.get(i)?.score(keys.get(j)?, wide, fit))
        .max()
}

/// Collapse candidates (in reading order) into timeline rows, in date order.
pub(crate) fn collapse(cands: &[Candidate]) -> Vec<TimelineEvent> {
    let wide = story_wide_terms(cands);
    let keys: Vec<Indexed> = cands.iter().map(|c| Indexed::new(&c.key)).collect();
    // Equal dates, in reading order: each candidate joins the best matching row.
    let mut rows: Vec<Row> = Vec::new();
    // Rows by date (periods by their start), so a candidate meets only rows of its date.
    let bucket = |d: &ResolvedDate| match d.granularity {
        Granularity::Period => format!("{}/", d.start),
        _ => d.iso.clone(),
    };
    let mut by_date: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        let single = Row {
            date: c.date.clone(),
            open_end: c.open_end,
            members: vec![i],
        };
        let same = by_date.entry(bucket(&c.date)).or_default();
        let best = same
            .iter()
            .filter_map(|&k| rows.get(k).map(|r| (k, r)))
            .filter(|(_, r)| same_date(r, c))
            .filter_map(|(k, r)| row_score(r, &single, &keys, &wide, DateFit::Same).map(|s| (s, k)))
            .max_by_key(|&(s, k)| (s, std::cmp::Reverse(k)));
        match best.and_then(|(_, k)| rows.get_mut(k)) {
            Some(r) => {
                r.members.push(i);
                // A date known from a dated article beats an inferred one; a stated end
                // of a period beats the article's day.
                if (r.date.inferred && !c.date.inferred) || (r.open_end && !c.open_end) {
                    r.date = c.date.clone();
                    r.open_end = c.open_end;
                }
            }
            None => {
                same.push(rows.len());
                rows.push(single);
            }
        }
    }
    // Coarser rows join the finer row within their date that they match best.
    let mut alive = vec![true; rows.len()];
    let mut coarse: Vec<usize> = (0..rows.len())
        .filter(|&k| {
            !matches!(
                rows[k].date.granularity,
                Granularity::Day | Granularity::Period
            )
        })
        .collect();
    coarse.sort_by_key(|&k| (rows[k].date.granularity, k));
    for k in coarse {
        let inside: Vec<usize> = (0..rows.len())
            .filter(|&j| j != k && alive[j] && contains(&rows[k].date, &rows[j].date))
            .collect();
        let best = inside
            .iter()
            .copied()
            .filter_map(|j| {
                let fit = DateFit::Within(rows[k].date.granularity, inside.len());
                row_score(&rows[k], &rows[j], &keys, &wide, fit).map(|s| (s, j))
            })
            .max_by_key(|&(s, j)| (s, std::cmp::Reverse(j)));
        if let Some((_, j)) = best {
            let members = std::mem::take(&mut rows[k].members);
            rows[j].members.extend(members);
            alive[k] = false;
        }
    }
    let mut out: Vec<(TimelineEvent, usize)> = rows
        .into_iter()
        .zip(alive)
        .filter(|(r, alive)| *alive && !r.members.is_empty())
        .map(|(r, _)| {
            let first = r.members.iter().copied().min().unwrap_or(0);
            (event(&r, cands), first)
        })
        .collect();
    out.sort_by(|(a, oa), (b, ob)| {
        a.date
            .start
            .cmp(&b.date.start)
            .then(b.date.granularity.cmp(&a.date.granularity))
            .then(oa.cmp(ob))
    });
    out.into_iter().map(|(e, _)| e).collect()
}

/// The row as a timeline event: the best-supported wording, every outlet and citation.
fn event(r: &Row, cands: &[Candidate]) -> TimelineEvent {
    let mut outlets: Vec<String> = Vec::new();
    let mut citations: Vec<Citation> = Vec::new();
    // Outlets stating each wording.
    let mut support: HashMap<&str, HashSet<&str>> = HashMap::new();
    for &i in &r.members {
        let c = &cands[i];
        if !outlets.contains(&c.cite.label) {
            outlets.push(c.cite.label.clone());
        }
        if !citations.contains(&c.cite) {
            citations.push(c.cite.clone());
        }
        support
            .entry(c.text.as_str())
            .or_default()
            .insert(c.cite.label.as_str());
    }
    let chosen = r
        .members
        .iter()
        .copied()
        .max_by_key(|&i| {
            let c = &cands[i];
            let outlets = support.get(c.text.as_str()).map_or(0, HashSet::len);
            let precise = c.date.iso == r.date.iso;
            (outlets, precise, std::cmp::Reverse(i))
        })
        .and_then(|i| cands.get(i));
    TimelineEvent {
        date: r.date.clone(),
        text: chosen.map(|c| c.text.clone()).unwrap_or_default(),
        sentence: chosen.map(|c| c.sentence.clone()).unwrap_or_default(),
        outlets,
        citations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(iso: &str) -> ResolvedDate {
        let parts: Vec<i32> = iso.split('-').filter_map(|p| p.parse().ok()).collect();
        let (y, m) = (parts[0], parts[1] as u32);
        match parts.get(2) {
            Some(&d) => crate::dates::day(NaiveDate::from_ymd_opt(y, m, d as u32).unwrap(), false),
            None => {
                let start = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
                let end = NaiveDate::from_ymd_opt(y, m + 1, 1).unwrap() - chrono::Duration::days(1);
                ResolvedDate {
                    start,
                    end,
                    granularity: Granularity::Month,
                    iso: iso.to_string(),
                    inferred: true,
                }
            }
        }
    }

    fn cand(article: &str, iso: &str, text: &str, names: &[&str]) -> Candidate {
        Candidate {
            date: date(iso),
            text: text.to_string(),
            sentence: text.to_string(),
            cite: Citation {
                article: article.into(),
                label: format!("outlet {article}"),
                paragraph: 0,
                sentence: 0,
            },
            key: EventKey {
                terms: content_terms(text).into_iter().collect(),
                core: content_terms(text).into_iter().collect(),
                people: HashSet::new(),
                names: names.iter().map(|n| n.to_string()).collect(),
                counts: HashSet::new(),
            },
            open_end: false,
        }
    }

    #[test]
    fn derivations_are_one_word() {
        let stem = crosswire_text::stem;
        for (a, b) in [
            ("agreed", "agreement"),
            ("Russia", "Russian"),
            ("Syria", "Syrian"),
        ] {
            let (a, b) = (stem(&a.to_lowercase()), stem(&b.to_lowercase()));
            assert!(related(&a, &b), "{a} {b}");
        }
        assert!(!related("part", "particip"));
        assert!(!related("ban", "bans"), "too short to tell");
    }

    #[test]
    fn a_month_and_a_day_of_one_event_collapse_to_the_day() {
        let rows = collapse(&[
            cand(
                "a",
                "2020-03",
                "The two governments agreed a ceasefire along the northern border",
                &["Kalandia"],
            ),
            cand(
                "b",
                "2020-03-05",
                "An agreement on a ceasefire along the northern border was signed",
                &["Kalandia"],
            ),
        ]);
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0].date.iso, "2020-03-05");
        assert!(!rows[0].date.inferred);
        assert_eq!(rows[0].outlets, ["outlet b", "outlet a"]);
    }

    #[test]
    fn a_month_joins_the_day_it_matches_best() {
        let rows = collapse(&[
            cand(
                "a",
                "2020-03-02",
                "Floods destroyed the main bridge over the river near the capital",
                &[],
            ),
            cand(
                "b",
                "2020-03",
                "The rival parties agreed a ceasefire along the northern border",
                &[],
            ),
            cand(
                "c",
                "2020-03-05",
                "An agreement on a ceasefire along the northern border was signed",
                &[],
            ),
        ]);
        let isos: Vec<&str> = rows.iter().map(|r| r.date.iso.as_str()).collect();
        assert_eq!(isos, ["2020-03-02", "2020-03-05"], "{rows:#?}");
        assert_eq!(rows[1].outlets.len(), 2);
        assert_eq!(rows[0].outlets, ["outlet a"]);
    }

    #[test]
    fn different_events_on_one_day_or_in_one_month_stay_apart() {
        let rows = collapse(&[
            cand(
                "a",
                "2020-03-05",
                "Rebels attacked an army convoy on the northern border road",
                &["Kalandia"],
            ),
            cand(
                "b",
                "2020-03-05",
                "The president signed a ceasefire decree for the northern border",
                &["Kalandia"],
            ),
            cand(
                "c",
                "2020-03",
                "Aid agencies opened two field hospitals for the displaced",
                &["Kalandia"],
            ),
        ]);
        assert_eq!(rows.len(), 3, "{rows:#?}");
    }

    #[test]
    fn a_month_holding_many_days_needs_more_in_common() {
        let month = || {
            cand(
                "m",
                "2020-03",
                "Rebels agreed to a ceasefire on the river",
                &[],
            )
        };
        let day = cand(
            "a",
            "2020-03-05",
            "A ceasefire on the river was agreed by rebels",
            &[],
        );
        // The month's only day: its event.
        assert_eq!(collapse(&[month(), day.clone()]).len(), 1);
        // Among several other days of the month (where "river" is in every sentence and
        // tells nothing), three shared words are not enough.
        let mut cands = vec![month(), day];
        for (k, text) in [
            "Floods destroyed the main bridge over the river near the capital",
            "The president dismissed the river authority chief over a bribery scandal",
            "Teachers went on strike across the river provinces over unpaid wages",
            "A cholera outbreak was reported in two camps by the river",
        ]
        .iter()
        .enumerate()
        {
            let id = format!("b{k}");
            cands.push(cand(&id, &format!("2020-03-{:02}", 10 + k), text, &[]));
        }
        assert_eq!(collapse(&cands).len(), 6);
    }

    #[test]
    fn the_wording_most_outlets_state_is_shown() {
        let wire = "An agreement on a ceasefire along the northern border was signed";
        let rows = collapse(&[
            cand(
                "a",
                "2020-03-05",
                "Both sides signed a ceasefire agreement for the northern border",
                &[],
            ),
            cand("b", "2020-03-05", wire, &[]),
            cand("c", "2020-03-05", wire, &[]),
        ]);
        assert_eq!(rows.len(), 1, "{rows:#?}");
        assert_eq!(rows[0].text, wire);
        assert_eq!(rows[0].outlets.len(), 3);
    }

    #[test]
    fn a_period_never_absorbs_a_day() {
        let mut period = cand(
            "a",
            "2020-03-01",
            "A total of 18 clinics along the northern border were struck",
            &[],
        );
        period.date = crate::dates::period(
            NaiveDate::from_ymd_opt(2020, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2020, 3, 9).unwrap(),
            false,
        );
        let day = cand(
            "b",
            "2020-03-05",
            "Two clinics along the northern border were struck",
            &[],
        );
        let rows = collapse(&[period, day]);
        assert_eq!(rows.len(), 2, "{rows:#?}");
        assert_eq!(rows[0].date.iso, "2020-03-01/2020-03-09");
    }
}
