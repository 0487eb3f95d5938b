//! Light sentence compression: remove words that carry no story content, keeping a
//! grammatical sentence. Each rule is conservative (it refuses when unsure) and can be
//! switched on separately, so each is kept only if it helps on the dev set.

use crate::quality::strip_trailing_attribution;

/// Which compression rules to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compression {
    /// `X happened, police said.` → `X happened.`
    pub trailing_attribution: bool,
    /// `In addition, X.` / `Meanwhile, X.` → `X.`
    pub leading_connective: bool,
    /// `X, he said, Y.` → `X Y.` when the aside is a bare pronoun attribution.
    pub inner_attribution: bool,
    /// `... said Monday that` → `... said that`; `on Tuesday` → removed.
    pub weekdays: bool,
}

impl Compression {
    pub const NONE: Compression = Compression {
        trailing_attribution: false,
        leading_connective: false,
        inner_attribution: false,
        weekdays: false,
    };

    /// Apply the enabled rules to `sentence`.
    pub fn apply(&self, sentence: &str) -> String {
        let mut s = sentence.to_string();
        if let Some(t) = self
            .leading_connective
            .then(|| strip_leading_connective(&s))
            .flatten()
        {
            s = t;
        }
        if self.inner_attribution {
            s = strip_inner_attribution(&s);
        }
        if self.weekdays {
            s = strip_weekdays(&s);
        }
        if let Some(t) = self
            .trailing_attribution
            .then(|| strip_trailing_attribution(&s))
            .flatten()
        {
            s = t;
        }
        s
    }
}

/// Sentence adverbials that only link to what came before.
const CONNECTIVES: &[&str] = &[
    "Also, ",
    "Furthermore, ",
    "However, ",
    "In addition, ",
    "Meanwhile, ",
    "Moreover, ",
];

fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `In addition, the river rose.` → `The river rose.`
pub fn strip_leading_connective(s: &str) -> Option<String> {
    let rest = CONNECTIVES.iter().find_map(|c| s.strip_prefix(c))?;
    rest.starts_with(|c: char| c.is_alphabetic())
        .then(|| capitalize_first(rest))
}

/// Pronoun attributions set off by commas: `, he said,` and the like.
const INNER_ATTRIBUTIONS: &[&str] = &[
    ", he said,",
    ", she said,",
    ", they said,",
    ", officials said,",
    ", police said,",
    ", he added,",
    ", she added,",
];

/// `The knowledge, he said, can hurt.` → `The knowledge can hurt.`; at the start,
/// `In addition, he said, X` has already lost its connective, so `He said, X` is left alone.
pub fn strip_inner_attribution(s: &str) -> String {
    let mut out = s.to_string();
    for a in INNER_ATTRIBUTIONS {
        while let Some(i) = out.find(a) {
            out.replace_range(i..i + a.len(), "");
        }
    }
    out
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Remove `on Monday`, and a bare weekday right after a verb in the past tense or `said`
/// (`voted Tuesday to`, `said Monday that`). Possessives (`Monday's vote`) and weekdays that
/// are the subject or object stay.
pub fn strip_weekdays(s: &str) -> String {
    let mut out = s.to_string();
    for day in WEEKDAYS {
        // " on Monday" followed by a space or punctuation, never "'s".
        let on = format!(" on {day}");
        while let Some(i) = find_word_end(&out, &on) {
            out.replace_range(i..i + on.len(), "");
        }
        let bare = format!(" {day}");
        let mut from = 0;
        while let Some(rel) = find_word_end(&out[from..], &bare) {
            let i = from + rel;
            let before = out[..i].rsplit(' ').next().unwrap_or_default();
            let verb = before.ends_with("ed") || matches!(before, "said" | "says" | "told");
            if verb {
                out.replace_range(i..i + bare.len(), "");
            } else {
                from = i + bare.len();
            }
        }
    }
    out
}

/// Byte offset of `pat` in `s` where it ends a word (next char is a space, comma or period,
/// and not the `'s` of a possessive).
fn find_word_end(s: &str, pat: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = s[from..].find(pat) {
        let i = from + rel;
        let after = &s[i + pat.len()..];
        if after.is_empty() || after.starts_with([' ', ',', '.', ';']) {
            return Some(i);
        }
        from = i + pat.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectives() {
        assert_eq!(
            strip_leading_connective("In addition, the dam was repaired.").as_deref(),
            Some("The dam was repaired.")
        );
        assert_eq!(strip_leading_connective("The dam held."), None);
    }

    #[test]
    fn inner_attribution() {
        assert_eq!(
            strip_inner_attribution("The knowledge, he said, can hurt young people."),
            "The knowledge can hurt young people."
        );
        assert_eq!(
            strip_inner_attribution("No asides here."),
            "No asides here."
        );
    }

    #[test]
    fn weekdays() {
        assert_eq!(
            strip_weekdays("The Senate voted Tuesday to approve the plan on Monday."),
            "The Senate voted to approve the plan."
        );
        assert_eq!(
            strip_weekdays("Officials said Friday that Monday's vote stands."),
            "Officials said that Monday's vote stands."
        );
        assert_eq!(
            strip_weekdays("Monday was quiet in the valley."),
            "Monday was quiet in the valley."
        );
        assert_eq!(strip_weekdays(""), "");
    }
}
