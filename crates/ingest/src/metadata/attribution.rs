//! Wire attribution in the body and outlet self-references in boilerplate.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// News agencies whose name in a byline or attribution means a wire story.
pub const WIRE_SERVICES: &[&str] = &[
    "AAP",
    "AFP",
    "ANSA",
    "AP",
    "Agence France-Presse",
    "Anadolu Agency",
    "Associated Press",
    "Bernama",
    "Bloomberg",
    "DPA",
    "EFE",
    "IANS",
    "Interfax",
    "Kyodo",
    "PTI",
    "Press Trust of India",
    "RIA Novosti",
    "Reuters",
    "Sputnik",
    "TASS",
    "UPI",
    "Xinhua",
    "Yonhap",
];

/// ", Reuters reported." / "the Associated Press reported" at a clause end.
static REPORTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,;]\s+|\bthe\s+)((?:[A-Z][\w'&.-]*\s+){0,3}[A-Z][\w'&.-]*)\s+(?:news agency\s+)?reported\b").expect("valid regex")
});
/// "told Reuters", "according to AFP", "(Reuters)".
static AGENCY_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    let names = WIRE_SERVICES
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?:\btold|\baccording to|\bcited by|\()\s+(?:the\s+)?({names})\b"
    ))
    .expect("valid regex")
});

/// Wire services or papers the body credits as the source of the report.
pub fn wire_from_body(body: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for para in body {
        for c in REPORTED.captures_iter(para) {
            let name = c[1].trim().to_string();
            // A capitalized sentence opener ("Officials reported") is not a name.
            let ok = name.split(' ').count() > 1 || WIRE_SERVICES.contains(&name.as_str());
            if ok && !out.contains(&name) {
                out.push(name);
            }
        }
        for c in AGENCY_CONTEXT.captures_iter(para) {
            let name = c[1].to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// Site self-references in boilerplate: "Welcome to Example.com", "support Example Minute on
/// Patreon", "Enjoy unlimited access on Example.com". Returns the best-supported name.
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Za-z0-9][A-Za-z0-9-]*\.(?:com|net|org|co\.uk|news|info|tv|ie|in))\b")
        .expect("valid regex")
});
static SUPPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:support|subscribe to|donate to|welcome to)\s+((?:[A-Z][\w'&-]*\s+){0,3}[A-Z][\w'&-]*(?:\.[a-z]{2,6})?)(?:\s+on\s+(?i:patreon)|[.!,]|\s+today)").expect("valid regex")
});

pub fn outlet_from_boilerplate<'a>(removed: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut votes: HashMap<String, usize> = HashMap::new();
    for line in removed {
        for c in SUPPORT.captures_iter(line) {
            *votes.entry(c[1].to_string()).or_default() += 2;
        }
        for c in DOMAIN.captures_iter(line) {
            *votes.entry(c[1].to_string()).or_default() += 1;
        }
    }
    // Names that are the same site ("Example.com" and "Example") pool their votes.
    let mut best: Option<(usize, String)> = None;
    for (name, v) in &votes {
        let base = name.split('.').next().unwrap_or(name).to_lowercase();
        let total: usize = votes
            .iter()
            .filter(|(n, _)| n.to_lowercase().starts_with(&base))
            .map(|(_, v)| v)
            .sum::<usize>()
            .max(*v);
        if best
            .as_ref()
            .is_none_or(|(b, n)| total > *b || (total == *b && name < n))
        {
            best = Some((total, name.clone()));
        }
    }
    best.map(|(_, n)| n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_phrases() {
        let body = vec![
            "Ministers spoke by phone, the ministry said on Tuesday, Reuters reported.".to_string(),
            "A figure in touch with intelligence told Reuters more.".to_string(),
            "Officials reported no damage.".to_string(),
            "The strike was confirmed, the Associated Press reported.".to_string(),
        ];
        assert_eq!(wire_from_body(&body), vec!["Reuters", "Associated Press"]);
    }

    #[test]
    fn outlet_self_references() {
        let removed = [
            "Liked it? Take a second to support Example Minute on Patreon!",
            "Share this",
        ];
        assert_eq!(
            outlet_from_boilerplate(removed.into_iter()),
            Some("Example Minute".to_string())
        );
        let removed = [
            "– Enjoy unlimited access on Newsy.com.",
            "Welcome to Newsy.com, the home of news.",
        ];
        assert_eq!(
            outlet_from_boilerplate(removed.into_iter()),
            Some("Newsy.com".to_string())
        );
        assert_eq!(outlet_from_boilerplate(["Read more"].into_iter()), None);
    }
}
