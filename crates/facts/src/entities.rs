//! Named entities from capitalization and context, merged across the story.
//!
//! A *run* is a sequence of capitalized words with only spaces between them (connectors
//! "of", "for", "the" are allowed inside organization names). Its kind comes from the words
//! in it and around it: a title word before a name makes a person ("Defense Minister X Y"),
//! as does a cue noun ("his counterpart, X Y") or speaking ("said X Y"); an organization
//! word ("Ministry", "Council", "Front", "Center") or an acronym makes an organization; a
//! place noun ("X province"), a locative preposition ("in X") or a compass adjective
//! ("northwestern X") makes a place. Mentions are merged by folded key, then short forms
//! into long ones: a surname into the full name, "Defense Ministry" into "Turkish Defense
//! Ministry", an acronym in parentheses into the name before it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use crosswire_model::facts::{Entity, EntityKind};
use crosswire_text::{fold, is_stopword};

use crate::doc::Sentence;
use crate::{gazetteer, lexicon};

/// One name found in one sentence.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    pub sentence: usize,
    pub toks: Range<usize>,
    pub text: String,
    pub key: String,
    pub kind: Option<EntityKind>,
    /// Place evidence that is weaker than a kind word ("in X").
    pub place_votes: usize,
    pub role: Option<String>,
    /// Acronym given in parentheses right after the name.
    pub acronym: Option<String>,
    /// The name is (the end of) the speaker of a reporting verb.
    pub speaker: bool,
}

/// Matching key of a name: folded, British spellings unified, hyphens as spaces,
/// possessive and a leading "the" dropped.
pub(crate) fn key(name: &str) -> String {
    let folded = fold(name).replace(['-', '\u{2010}'], " ");
    let words: Vec<&str> = folded
        .split_whitespace()
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| !w.is_empty())
        .map(lexicon::normalize_spelling)
        .collect();
    let start = usize::from(words.first() == Some(&"the"));
    words[start.min(words.len())..].join(" ")
}

fn is_demonym(word: &str) -> bool {
    let f = fold(word);
    let w = f.strip_suffix('s').unwrap_or(&f);
    w.len() > 4
        && [
            "ish", "ian", "ese", "ean", "ican", "aqi", "eli", "ani", "udi", "ali", "shi",
        ]
        .iter()
        .any(|suf| w.ends_with(suf))
}

fn is_acronym(word: &str) -> bool {
    let n = word.chars().count();
    (2..=6).contains(&n) && word.chars().all(|c| c.is_ascii_uppercase())
}

/// The name part of a token: "Turkey-backed" -> "Turkey", "Syria’s" -> "Syria".
fn name_part(tok: &str) -> (&str, bool) {
    let mut t = tok;
    let mut ends = false;
    for suf in ["'s", "\u{2019}s"] {
        if let Some(x) = t.strip_suffix(suf) {
            t = x;
            ends = true;
        }
    }
    if let Some((head, tail)) = t.rsplit_once('-')
        && tail.chars().next().is_some_and(char::is_lowercase)
        && !head.is_empty()
    {
        return (head, true);
    }
    (t, ends)
}

fn name_like(s: &Sentence, i: usize) -> bool {
    let Some(t) = s.toks.get(i) else { return false };
    let (part, _) = name_part(t.text);
    let first = part.chars().next();
    let cap = first.is_some_and(char::is_uppercase);
    let particle = ["al-", "el-", "ad-", "as-"].iter().any(|p| {
        part.starts_with(p)
            && part[p.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    (cap || particle)
        && s.date_at(i).is_none()
        && lexicon::month(&fold(part)).is_none()
        && lexicon::weekday(&fold(part)).is_none()
}

/// Words seen in lowercase anywhere in the story (so a capitalized one opens a sentence).
pub(crate) fn lowercase_vocabulary(sentences: &[Sentence]) -> HashSet<String> {
    let mut set = HashSet::new();
    for s in sentences {
        for (i, t) in s.toks.iter().enumerate() {
            if t.text.chars().next().is_some_and(char::is_lowercase) {
                set.insert(s.folded[i].clone());
            }
        }
    }
    set
}

/// Runs of name-like tokens in a sentence.
fn runs(s: &Sentence, lower: &HashSet<String>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !name_like(s, i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut has_org = is_org_word(s.word(i));
        while end < s.len() && s.joined(end) && !name_part(s.toks[end - 1].text).1 {
            if name_like(s, end) {
                has_org |= is_org_word(s.word(end));
                end += 1;
            } else if has_org
                && matches!(s.word(end), "of" | "for" | "the" | "on")
                && (name_like(s, end + 1) || s.word(end + 1) == "the" && name_like(s, end + 2))
            {
                end += 1;
            } else {
                break;
            }
        }
        // Drop a sentence-opening word that is common vocabulary ("The", "Last", "Since").
        let mut st = start;
        while st < end {
            let w = s.word(st);
            let opener = st == 0 || s.breaks_before(st);
            let common = is_stopword(w)
                || (lower.contains(w) && opener)
                || (opener && (lexicon::DISCOURSE_WORDS.contains(&w) || w.ends_with("ly")));
            let keeps = st + 1 < end
                && (is_title(s.word(st + 1)) || is_org_word(s.word(st + 1)))
                && !is_stopword(w);
            if (common && !keeps && !is_title(w)) || matches!(w, "of" | "for" | "the" | "on") {
                st += 1;
            } else {
                break;
            }
        }
        if st < end {
            out.push(st..end);
        }
        i = end.max(i + 1);
    }
    out
}

fn is_org_word(w: &str) -> bool {
    lexicon::ORG_WORDS.contains(&lexicon::normalize_spelling(w))
}

fn is_title(w: &str) -> bool {
    lexicon::TITLE_WORDS.contains(&w)
}

fn run_text(s: &Sentence, r: &Range<usize>) -> String {
    let text = s.span_text(r.start, r.end);
    let last = s.toks[r.end - 1].text;
    let (part, _) = name_part(last);
    let cut = text.len() - (last.len() - part.len());
    text.get(..cut).unwrap_or(text).to_string()
}

/// Mentions of one sentence. `speakers` are token ranges of attribution speakers.
pub(crate) fn mentions(
    s: &Sentence,
    si: usize,
    lower: &HashSet<String>,
    speakers: &[Range<usize>],
) -> Vec<Mention> {
    let mut out = Vec::new();
    for r in runs(s, lower) {
        let words: Vec<&str> = (r.clone()).map(|k| s.word(k)).collect();
        let prev = if r.start > 0 { s.word(r.start - 1) } else { "" };
        let prev_gap_ok = r.start > 0 && s.gap_before(r.start).trim().chars().all(|c| c == ',');
        let next = s.word(r.end);
        let next_lower = r.end < s.len() && s.joined(r.end) && !s.capitalized(r.end);
        let mut m = Mention {
            sentence: si,
            toks: r.clone(),
            text: run_text(s, &r),
            key: String::new(),
            kind: None,
            place_votes: 0,
            role: None,
            acronym: None,
            speaker: speakers
                .iter()
                .any(|sp| sp.start <= r.start && r.end <= sp.end && sp.end - r.end <= 1),
        };
        // Title + name: the person is what follows the last title word.
        let title_at = words.iter().rposition(|w| is_title(w));
        if let Some(t) = title_at {
            let rest = r.start + t + 1..r.end;
            let rest_is_name = !rest.is_empty()
                && rest
                    .clone()
                    .all(|k| !is_org_word(s.word(k)) && !is_title(s.word(k)));
            if rest_is_name {
                m.role = Some(s.span_text(r.start, r.start + t + 1).to_string());
                m.text = run_text(s, &rest);
                m.toks = rest;
                m.kind = Some(EntityKind::Person);
            } else if rest.is_empty() && !words.iter().any(|w| is_org_word(w)) {
                continue; // a title alone ("the President")
            }
        }
        let all_demonyms = (r.clone()).all(|k| is_demonym(name_part(s.toks[k].text).0));
        if m.kind.is_none() {
            let org = words.iter().any(|w| is_org_word(w))
                || (words.len() == 1 && is_acronym(name_part(s.toks[r.start].text).0))
                || (next_lower && lexicon::ORG_CUES.contains(&next));
            if org {
                m.kind = Some(EntityKind::Organization);
            } else if lexicon::PLACE_WORDS.contains(words.last().unwrap_or(&""))
                || next_lower && lexicon::PLACE_WORDS.contains(&next)
            {
                m.kind = Some(EntityKind::Place);
            }
        }
        if all_demonyms && words.len() == 1 && m.kind != Some(EntityKind::Organization) {
            continue;
        }
        if m.kind.is_none() {
            let cue = (prev_gap_ok || s.joined(r.start))
                && r.start > 0
                && lexicon::PERSON_CUES.contains(&prev);
            let speaks = speakers
                .iter()
                .any(|sp| sp.start <= r.start && r.end <= sp.end && sp.end - r.end <= 1)
                && words.len() >= 2;
            let who = next == "who" || (s.word(r.end) == "who");
            let multi = words.len() >= 2
                && words.len() <= 4
                && !is_demonym(s.toks[r.start].text)
                && (r.clone()).all(|k| s.capitalized(k) || s.word(k).starts_with("al-"));
            if multi && (cue || speaks || who) {
                m.kind = Some(EntityKind::Person);
            }
        }
        if m.kind.is_none() || m.kind == Some(EntityKind::Place) {
            if r.start > 0 && s.joined(r.start) && lexicon::LOCATIVE_PREPOSITIONS.contains(&prev) {
                m.place_votes += 1;
            }
            if r.start > 0 && s.joined(r.start) && lexicon::COMPASS.contains(&prev) {
                m.place_votes += 1;
            }
            // "the resort city of X", "the province of X"
            if r.start > 1
                && prev == "of"
                && s.joined(r.start)
                && lexicon::PLACE_WORDS.contains(&s.word(r.start - 2))
            {
                m.place_votes += 1;
            }
        }
        // "Office for ... Affairs (OCHA)"
        if s.gap_after(r.end - 1).trim() == "("
            && is_acronym(s.toks.get(r.end).map_or("", |t| t.text))
        {
            m.acronym = s.toks.get(r.end).map(|t| t.text.to_string());
        }
        // Strip leading demonyms from names that are not organizations ("Russian X Y").
        if m.kind != Some(EntityKind::Organization) && m.role.is_none() {
            let mut st = m.toks.start;
            while st + 1 < m.toks.end && is_demonym(s.toks[st].text) {
                st += 1;
            }
            if st != m.toks.start {
                m.toks = st..m.toks.end;
                m.text = run_text(s, &m.toks);
            }
        }
        m.key = key(&m.text);
        if m.key.is_empty() {
            continue;
        }
        out.push(m);
    }
    out
}

/// Folded capitalized words of the story that look like demonyms ("syrian", "turkish").
fn demonyms_in(sentences: &[Sentence]) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in sentences {
        for (i, t) in s.toks.iter().enumerate() {
            let (part, _) = name_part(t.text);
            if s.capitalized(i) && is_demonym(part) {
                let f = fold(part);
                out.insert(f.strip_suffix('s').map(str::to_string).unwrap_or(f));
            }
        }
    }
    out
}

/// Whether a folded one-word name has its demonym among `demonyms`: the name, less up to
/// two final letters, plus a demonym ending.
fn has_demonym(name: &str, demonyms: &HashSet<String>) -> bool {
    let chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 || is_demonym(name) {
        return false;
    }
    (0..=2).any(|cut| {
        let stem: String = chars[..chars.len() - cut].iter().collect();
        ["n", "an", "ian", "ese", "i", "ish"]
            .iter()
            .any(|suf| demonyms.contains(&format!("{stem}{suf}")))
    })
}

/// Entities merged from all mentions, and a map from mention key to entity index.
pub(crate) struct EntityTable {
    pub entities: Vec<Entity>,
    pub by_key: HashMap<String, usize>,
}

impl EntityTable {
    /// The entity a name refers to, by its key.
    pub fn lookup(&self, name: &str) -> Option<&Entity> {
        self.by_key
            .get(&key(name))
            .and_then(|&i| self.entities.get(i))
    }
}

#[derive(Default)]
struct Acc {
    forms: BTreeMap<String, usize>,
    kind_votes: [usize; 3],
    place_votes: usize,
    roles: Vec<String>,
    articles: Vec<String>,
    mentions: usize,
    speaker_votes: usize,
}

/// Merge mentions (with the sentences they came from) into entities.
pub(crate) fn merge(mentions: &[Mention], sentences: &[Sentence]) -> EntityTable {
    let mut accs: BTreeMap<String, Acc> = BTreeMap::new();
    let mut acronyms: Vec<(String, String)> = Vec::new();
    for m in mentions {
        let a = accs.entry(m.key.clone()).or_default();
        *a.forms.entry(m.text.clone()).or_default() += 1;
        match m.kind {
            Some(EntityKind::Person) => a.kind_votes[0] += 1,
            Some(EntityKind::Organization) => a.kind_votes[1] += 1,
            Some(EntityKind::Place) => a.kind_votes[2] += 1,
            _ => {}
        }
        a.place_votes += m.place_votes;
        a.speaker_votes += usize::from(m.speaker);
        if let Some(r) = &m.role
            && !a.roles.contains(r)
        {
            a.roles.push(r.clone());
        }
        let art = sentences
            .get(m.sentence)
            .map(|s| s.cite.article.clone())
            .unwrap_or_default();
        if !a.articles.contains(&art) {
            a.articles.push(art);
        }
        a.mentions += 1;
        if let Some(ac) = &m.acronym {
            acronyms.push((key(ac), m.key.clone()));
        }
    }
    // A one-word name whose demonym the story uses is a country or region: "Syria" and
    // "Syrian", "Turkey" and "Turkish", "China" and "Chinese".
    let demonyms = demonyms_in(sentences);
    for (k, a) in accs.iter_mut() {
        let unclassified = a.kind_votes == [0, 0, 0];
        if unclassified && !k.contains(' ') && has_demonym(k, &demonyms) {
            a.kind_votes[2] += 1;
        }
        // What context leaves undecided, the gazetteer decides: news agencies are
        // organizations (even where they look like places: "in Reuters"), known countries
        // and cities places. A person reading always stands ("Jordan said").
        if a.kind_votes[0] == 0 && gazetteer::is_news_agency(k) {
            a.kind_votes = [0, 1, 0];
            a.place_votes = 0;
        } else if a.kind_votes[..2] == [0, 0] && gazetteer::is_place(k) {
            a.kind_votes[2] += 1;
        }
    }
    let kind_of = |a: &Acc| -> EntityKind {
        let [p, o, pl] = a.kind_votes;
        if p > 0 && p >= o {
            EntityKind::Person
        } else if o > 0 {
            EntityKind::Organization
        } else if pl > 0 || a.place_votes > 0 {
            EntityKind::Place
        } else {
            EntityKind::Other
        }
    };
    // "John Smith ... Smith said": a full name whose surname speaks alone is a person.
    let speaking_surnames: HashSet<String> = accs
        .iter()
        .filter(|(k, a)| !k.contains(' ') && a.speaker_votes > 0 && a.kind_votes[1] == 0)
        .map(|(k, _)| k.clone())
        .collect();
    for (k, a) in accs.iter_mut() {
        let words: Vec<&str> = k.split(' ').collect();
        let unclassified = a.kind_votes == [0, 0, 0] && a.place_votes == 0;
        if unclassified
            && (2..=4).contains(&words.len())
            && words.last().is_some_and(|w| speaking_surnames.contains(*w))
            && !a
                .forms
                .keys()
                .any(|f| f.split_whitespace().next().is_some_and(is_demonym))
        {
            a.kind_votes[0] += 1;
        }
    }
    // Decide where each key goes: itself, or a longer key it abbreviates.
    let keys: Vec<String> = accs.keys().cloned().collect();
    let kinds: HashMap<String, EntityKind> =
        accs.iter().map(|(k, a)| (k.clone(), kind_of(a))).collect();
    let mut target: HashMap<String, String> = HashMap::new();
    // Every longer form a key could abbreviate contains its last word: index keys by word.
    let split: HashMap<&String, Vec<&str>> =
        keys.iter().map(|k| (k, k.split(' ').collect())).collect();
    let mut by_word: HashMap<&str, Vec<&String>> = HashMap::new();
    for k in &keys {
        for w in &split[k] {
            by_word.entry(w).or_default().push(k);
        }
    }
    for k in &keys {
        let words = &split[k];
        let kind = kinds[k];
        let candidates = words
            .last()
            .and_then(|w| by_word.get(w))
            .map_or(&[][..], Vec::as_slice);
        let longer: Vec<&String> = candidates
            .iter()
            .copied()
            .filter(|o| *o != k && split[*o].len() > words.len())
            .filter(|o| {
                let ow = &split[*o];
                match kinds[*o] {
                    // "Akar" -> "Hulusi Akar": a suffix of a person's name.
                    EntityKind::Person => {
                        matches!(kind, EntityKind::Person | EntityKind::Other)
                            && ow.ends_with(words)
                    }
                    // "Defense Ministry" -> "Turkish Defense Ministry".
                    EntityKind::Organization => {
                        words.len() >= 2
                            && matches!(kind, EntityKind::Organization | EntityKind::Other)
                            && words.iter().all(|w| ow.contains(w))
                    }
                    _ => false,
                }
            })
            .collect();
        if let Some(best) = longer
            .iter()
            .filter(|o| kinds[**o] == kinds[longer[0]])
            .max_by_key(|o| accs.get(**o).map_or(0, |a| a.mentions))
        {
            let persons: Vec<&String> = longer
                .iter()
                .filter(|o| kinds[**o] == EntityKind::Person)
                .copied()
                .collect();
            // Forms that are suffixes of one another ("John Smith", "Senator John Smith")
            // are one person; a surname shared by two people stays ambiguous.
            let distinct = persons
                .iter()
                .filter(|p| {
                    !persons
                        .iter()
                        .any(|q| q != *p && q.ends_with(&format!(" {p}")))
                })
                .count();
            if distinct <= 1 || kinds[*best] != EntityKind::Person {
                target.insert(k.clone(), (*best).clone());
            }
        }
    }
    for (ac, long) in acronyms {
        if ac != long {
            target.insert(ac, long);
        }
    }
    let root = |k: &String| -> String {
        let mut cur = k.clone();
        for _ in 0..4 {
            match target.get(&cur) {
                Some(t) if *t != cur => cur = t.clone(),
                _ => break,
            }
        }
        cur
    };
    // Fold accumulators into their roots.
    let mut merged: BTreeMap<String, (Acc, Vec<String>)> = BTreeMap::new();
    for k in &keys {
        let r = root(k);
        let Some(a) = accs.get(k) else { continue };
        let e = merged.entry(r.clone()).or_default();
        for (f, n) in &a.forms {
            *e.0.forms.entry(f.clone()).or_default() += n;
        }
        for i in 0..3 {
            e.0.kind_votes[i] += a.kind_votes[i];
        }
        e.0.place_votes += a.place_votes;
        for r in &a.roles {
            if !e.0.roles.contains(r) {
                e.0.roles.push(r.clone());
            }
        }
        for ar in &a.articles {
            if !e.0.articles.contains(ar) {
                e.0.articles.push(ar.clone());
            }
        }
        e.0.mentions += a.mentions;
        if *k != r {
            e.1.push(k.clone());
        }
    }
    let mut entities = Vec::new();
    let mut by_key = HashMap::new();
    let mut root_index: HashMap<String, usize> = HashMap::new();
    for (r, (acc, _)) in &merged {
        let kind = kind_of(acc);
        // Unclassified names are kept only when several articles use them.
        if kind == EntityKind::Other && acc.articles.len() < 2 {
            continue;
        }
        let root_forms: Vec<(&String, &usize)> =
            acc.forms.iter().filter(|(f, _)| key(f) == *r).collect();
        let name = root_forms
            .iter()
            .max_by_key(|(f, n)| (!f.is_ascii(), **n, f.len()))
            .map(|(f, _)| (*f).clone())
            .unwrap_or_else(|| r.clone());
        let mut aliases: Vec<String> = acc.forms.keys().filter(|f| **f != name).cloned().collect();
        aliases.sort();
        root_index.insert(r.clone(), entities.len());
        entities.push(Entity {
            name,
            kind,
            roles: acc.roles.clone(),
            aliases,
            mentions: acc.mentions,
            articles: acc.articles.clone(),
        });
    }
    for k in &keys {
        if let Some(&i) = root_index.get(&root(k)) {
            by_key.insert(k.clone(), i);
        }
    }
    // Most mentioned first; stable indices are rebuilt after sorting.
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        entities[b]
            .mentions
            .cmp(&entities[a].mentions)
            .then(entities[a].name.cmp(&entities[b].name))
    });
    let mut new_pos = vec![0; entities.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_pos[old] = pos;
    }
    let sorted: Vec<Entity> = order.iter().map(|&i| entities[i].clone()).collect();
    for v in by_key.values_mut() {
        *v = new_pos[*v];
    }
    EntityTable {
        entities: sorted,
        by_key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_a_demonym_in_the_story() {
        let d: HashSet<String> = ["syrian", "turkish", "chinese", "iranian", "israeli"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for name in ["syria", "turkey", "china", "iran", "israel"] {
            assert!(has_demonym(name, &d), "{name}");
        }
        for name in ["moscow", "reuters", "akar", "sy", "syrian"] {
            assert!(!has_demonym(name, &d), "{name}");
        }
    }

    #[test]
    fn keys_fold_spelling_and_possessives() {
        assert_eq!(
            key("the Turkish Defence Ministry's"),
            "turkish defense ministry"
        );
        assert_eq!(key("al-Qaeda"), key("Al Qaeda"));
        assert_eq!(key("Erdoğan"), key("Erdogan"));
    }
}
