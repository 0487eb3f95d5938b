//! Grouping quantity claims across articles: same counted thing (stem key) and same event
//! class; within a group, identical statements (value, scope, source) are merged and the
//! values are compared.

use std::collections::HashMap;

use chrono::NaiveDate;
use crosswire_model::facts::{Agreement, Bound, ClaimGroup, GroupValue, Quantity, QuantityClaim};

use crate::entities::key;

/// The range of true values a stated quantity allows.
fn interval(q: &Quantity) -> (f64, f64) {
    match q.bound {
        Bound::Exact => (q.low, q.high),
        Bound::AtLeast => (q.low, f64::INFINITY),
        Bound::AtMost => (0.0, q.high),
        Bound::About => (q.low * 0.75, q.high * 1.25),
    }
}

fn compatible(a: &Quantity, b: &Quantity) -> bool {
    let (al, ah) = interval(a);
    let (bl, bh) = interval(b);
    al <= bh && bl <= ah
}

fn same_value(a: &Quantity, b: &Quantity) -> bool {
    a.low == b.low && a.high == b.high && a.bound == b.bound
}

fn scope_key(v: &GroupValue) -> String {
    match (&v.scope_date, &v.scope) {
        (Some(d), Some(s)) => {
            let prep = s.split_whitespace().next().unwrap_or("").to_lowercase();
            format!("{prep} {}", d.iso)
        }
        (None, Some(s)) => key(s),
        _ => String::new(),
    }
}

/// Whether two values can be held against each other: stated in different articles, and
/// either with the same stated scope or, with none stated, published within a few days (a
/// long-running story's unscoped counts are usually about different incidents).
fn comparable(a: &GroupValue, b: &GroupValue, dates: &HashMap<String, NaiveDate>) -> bool {
    let shares_article = a
        .citations
        .iter()
        .any(|x| b.citations.iter().any(|y| y.article == x.article));
    if shares_article || scope_key(a) != scope_key(b) {
        return false;
    }
    if a.scope.is_some() {
        return true;
    }
    let near = |x: &str, y: &str| match (dates.get(x), dates.get(y)) {
        (Some(dx), Some(dy)) => (*dx - *dy).num_days().abs() <= MAX_DAYS_APART,
        _ => true,
    };
    a.citations
        .iter()
        .any(|x| b.citations.iter().any(|y| near(&x.article, &y.article)))
}

/// Unscoped counts published further apart than this are not compared.
const MAX_DAYS_APART: i64 = 2;

/// Group claims; groups stated by more outlets come first. `dates` are the articles'
/// (possibly inferred) publication dates by id.
pub(crate) fn group(
    claims: &[QuantityClaim],
    dates: &HashMap<String, NaiveDate>,
) -> Vec<ClaimGroup> {
    let mut order: Vec<String> = Vec::new();
    let mut by_key: HashMap<String, Vec<&QuantityClaim>> = HashMap::new();
    for c in claims {
        let k = format!(
            "{}|{}",
            c.counted_key,
            c.event_class.as_deref().unwrap_or("-")
        );
        if !by_key.contains_key(&k) {
            order.push(k.clone());
        }
        by_key.entry(k).or_default().push(c);
    }
    let mut groups: Vec<(usize, ClaimGroup)> = Vec::new();
    for (pos, k) in order.iter().enumerate() {
        let members = &by_key[k];
        let mut values: Vec<GroupValue> = Vec::new();
        let mut outlets: Vec<String> = Vec::new();
        let mut counted_forms: HashMap<&str, usize> = HashMap::new();
        for c in members {
            *counted_forms.entry(c.counted.as_str()).or_default() += 1;
            let label = c.citation.label.clone();
            if !outlets.contains(&label) {
                outlets.push(label.clone());
            }
            let candidate = GroupValue {
                quantity: c.quantity.clone(),
                event: c.event.clone(),
                scope: c.scope.clone(),
                scope_date: c.scope_date.clone(),
                source: c.source.clone(),
                source_inherited: c.source_inherited,
                scope_key: String::new(),
                outlets: vec![label.clone()],
                citations: vec![c.citation.clone()],
                conflicts: false,
                only_one_outlet: false,
            };
            let src = c.source.as_deref().map(key);
            // The same value and scope with no source stated adds to a sourced statement.
            let existing = values.iter_mut().find(|v| {
                same_value(&v.quantity, &c.quantity)
                    && scope_key(v) == scope_key(&candidate)
                    && (v.source.as_deref().map(key) == src || v.source.is_none() || src.is_none())
            });
            match existing {
                Some(v) => {
                    if v.source.is_none() || (v.source_inherited && !c.source_inherited) {
                        v.source = c.source.clone();
                        v.source_inherited = c.source_inherited;
                    }
                    if !v.outlets.contains(&label) {
                        v.outlets.push(label);
                    }
                    if !v.citations.contains(&c.citation) {
                        v.citations.push(c.citation.clone());
                    }
                }
                None => values.push(candidate),
            }
        }
        for v in &mut values {
            v.scope_key = scope_key(v);
        }
        // Conflicts: comparable values of an event that cannot both be true. Counts without
        // an event ("1.5 million people") are background, never judged.
        let mut conflict = false;
        let judged = members.first().is_some_and(|c| c.event_class.is_some());
        for a in 0..values.len() {
            for b in a + 1..values.len() {
                if judged
                    && comparable(&values[a], &values[b], dates)
                    && !compatible(&values[a].quantity, &values[b].quantity)
                {
                    values[a].conflicts = true;
                    values[b].conflicts = true;
                    conflict = true;
                }
            }
        }
        let multi = outlets.len() > 1;
        for v in &mut values {
            v.only_one_outlet = multi && v.outlets.len() == 1;
        }
        let all_same = values
            .windows(2)
            .all(|w| same_value(&w[0].quantity, &w[1].quantity));
        // Compatible only when every pair was held against the other (same scope, other
        // article, near in time); otherwise the values count different things.
        let all_compared = judged
            && (0..values.len())
                .all(|a| (a + 1..values.len()).all(|b| comparable(&values[a], &values[b], dates)));
        let agreement = if !multi {
            Agreement::Single
        } else if conflict {
            Agreement::Conflict
        } else if all_same {
            Agreement::Agree
        } else if all_compared {
            Agreement::Compatible
        } else {
            Agreement::Differ
        };
        let counted = counted_forms
            .iter()
            .max_by_key(|(f, n)| (**n, std::cmp::Reverse(f.len())))
            .map(|(f, _)| f.to_string())
            .unwrap_or_default();
        groups.push((
            pos,
            ClaimGroup {
                counted,
                event_class: members.first().and_then(|c| c.event_class.clone()),
                key: k.clone(),
                values,
                agreement,
                outlets,
            },
        ));
    }
    groups.sort_by(|(pa, a), (pb, b)| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.values.len().cmp(&a.values.len()))
            .then(pa.cmp(pb))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}
