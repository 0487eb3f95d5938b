//! Attribution carried across sentences: a count stated without a source right after a
//! sourced count of the same kind, in the same paragraph, takes that source, marked as
//! inherited so a reader knows the article did not repeat it.

use std::collections::HashSet;

use crosswire_model::facts::QuantityClaim;

use crate::doc::Sentence;

/// The source of the previous sentence's claims, carried to the next sentence of the same
/// paragraph when that sentence names no source of its own and goes on counting the same
/// kind of thing: "12 schools have been damaged, the agency said. Three clinics were hit
/// twice." The carried source is marked as inherited.
#[derive(Default)]
pub(crate) struct SourceCarry {
    /// Sentence index, article and paragraph the carried source was last stated for.
    at: Option<(usize, usize, usize)>,
    source: String,
    /// Event classes and counted-key words of the claims it was stated for.
    classes: HashSet<String>,
    counted: HashSet<String>,
}

impl SourceCarry {
    pub(crate) fn apply(
        &mut self,
        si: usize,
        s: &Sentence,
        unattributed: bool,
        found: &mut [QuantityClaim],
    ) {
        let here = (s.article, s.cite.paragraph);
        let adjacent = self
            .at
            .is_some_and(|(k, a, p)| k + 1 == si && (a, p) == here);
        if !adjacent {
            self.at = None;
        }
        if found.is_empty() {
            // A sentence without counts ends the run, unless it is a bare continuation
            // without attribution; either way the source is not carried past it.
            self.at = None;
            return;
        }
        if let Some(c) = found.iter().find(|c| c.source.is_some()) {
            // A sentence with its own source starts a new run.
            self.source = c.source.clone().unwrap_or_default();
            self.classes.clear();
            self.counted.clear();
            self.note(found);
            self.at = Some((si, here.0, here.1));
            return;
        }
        if self.at.is_none() || !unattributed {
            self.at = None;
            return;
        }
        let mut any = false;
        for c in found.iter_mut() {
            let same_event = c
                .event_class
                .as_deref()
                .is_some_and(|e| self.classes.contains(event_family(e)));
            let same_thing = c
                .counted_key
                .split_whitespace()
                .any(|w| self.counted.contains(w));
            if same_event || same_thing {
                c.source = Some(self.source.clone());
                c.source_inherited = true;
                any = true;
            }
        }
        if any {
            self.note(found);
            self.at = Some((si, here.0, here.1));
        } else {
            self.at = None;
        }
    }

    fn note(&mut self, claims: &[QuantityClaim]) {
        for c in claims.iter().filter(|c| c.source.is_some()) {
            if let Some(e) = &c.event_class {
                self.classes.insert(event_family(e).to_string());
            }
            self.counted
                .extend(c.counted_key.split_whitespace().map(str::to_string));
        }
    }
}

/// Event classes that go on the same tally: casualties (killed, injured, missing) and
/// harm to places (struck, damaged). Other classes are their own family.
fn event_family(class: &str) -> &str {
    match class {
        "killed" | "injured" | "missing" => "casualties",
        "struck" | "damaged" => "harm to places",
        other => other,
    }
}
