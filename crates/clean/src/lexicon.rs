//! Vocabulary evidence: which kind of page furniture a line talks about.
//!
//! Each [`Cue`] is a family of general words and phrases (sharing, subscribing, commenting,
//! legal footers, ...), never a particular site's wording. A line is matched against every family
//! in one pass over its lowercase words, so no pattern is compiled or scanned per line.

use std::collections::HashMap;
use std::sync::OnceLock;

/// A family of boilerplate vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    /// Social networks and share bars.
    Social,
    /// Newsletters, subscriptions, sign-up/log-in walls, paywalls.
    Subscribe,
    /// Reader comments and their furniture.
    Comment,
    /// Donations and memberships.
    Donate,
    /// Copyright, privacy, terms, cookies.
    Legal,
    /// Site navigation words.
    Nav,
    /// Advertising and promotion, related-content teasers.
    Promo,
    /// Spam challenges ("are you human").
    Captcha,
    /// Image credits and captions.
    Credit,
}

/// Number of cue families, the length of [`CueCounts`].
pub const CUE_COUNT: usize = 9;

/// Hits per cue family for one line, indexed by `Cue as usize`.
pub type CueCounts = [u8; CUE_COUNT];

/// Single lowercase words and the family they signal.
const WORD_CUES: &[(&str, Cue)] = &[
    ("facebook", Cue::Social),
    ("twitter", Cue::Social),
    ("linkedin", Cue::Social),
    ("instagram", Cue::Social),
    ("pinterest", Cue::Social),
    ("whatsapp", Cue::Social),
    ("telegram", Cue::Social),
    ("reddit", Cue::Social),
    ("tumblr", Cue::Social),
    ("youtube", Cue::Social),
    ("tiktok", Cue::Social),
    ("flipboard", Cue::Social),
    ("share", Cue::Social),
    ("shares", Cue::Social),
    ("tweet", Cue::Social),
    ("pin", Cue::Social),
    ("email", Cue::Social),
    ("print", Cue::Social),
    ("copied", Cue::Social),
    ("subscribe", Cue::Subscribe),
    ("subscribed", Cue::Subscribe),
    ("subscriber", Cue::Subscribe),
    ("subscribers", Cue::Subscribe),
    ("subscription", Cue::Subscribe),
    ("unsubscribe", Cue::Subscribe),
    ("newsletter", Cue::Subscribe),
    ("newsletters", Cue::Subscribe),
    ("inbox", Cue::Subscribe),
    ("login", Cue::Subscribe),
    ("logout", Cue::Subscribe),
    ("signup", Cue::Subscribe),
    ("register", Cue::Subscribe),
    ("account", Cue::Subscribe),
    ("password", Cue::Subscribe),
    ("premium", Cue::Subscribe),
    ("unlimited", Cue::Subscribe),
    ("paywall", Cue::Subscribe),
    ("ad-free", Cue::Subscribe),
    ("comment", Cue::Comment),
    ("comments", Cue::Comment),
    ("reply", Cue::Comment),
    ("replies", Cue::Comment),
    ("responses", Cue::Comment),
    ("trackbacks", Cue::Comment),
    ("pingbacks", Cue::Comment),
    ("voted", Cue::Comment),
    ("votes", Cue::Comment),
    ("donate", Cue::Donate),
    ("donation", Cue::Donate),
    ("donations", Cue::Donate),
    ("patreon", Cue::Donate),
    ("sponsor", Cue::Donate),
    ("membership", Cue::Donate),
    ("contribute", Cue::Donate),
    ("contribution", Cue::Donate),
    ("copyright", Cue::Legal),
    ("©", Cue::Legal),
    ("privacy", Cue::Legal),
    ("cookie", Cue::Legal),
    ("cookies", Cue::Legal),
    ("terms", Cue::Legal),
    ("disclaimer", Cue::Legal),
    ("gdpr", Cue::Legal),
    ("consent", Cue::Legal),
    ("sitemap", Cue::Nav),
    ("menu", Cue::Nav),
    ("home", Cue::Nav),
    ("homepage", Cue::Nav),
    ("search", Cue::Nav),
    ("navigation", Cue::Nav),
    ("categories", Cue::Nav),
    ("category", Cue::Nav),
    ("tags", Cue::Nav),
    ("tagged", Cue::Nav),
    ("archives", Cue::Nav),
    ("previous", Cue::Nav),
    ("next", Cue::Nav),
    ("contact", Cue::Nav),
    ("faq", Cue::Nav),
    ("careers", Cue::Nav),
    ("about", Cue::Nav),
    ("advertisement", Cue::Promo),
    ("advertise", Cue::Promo),
    ("sponsored", Cue::Promo),
    ("promoted", Cue::Promo),
    ("related", Cue::Promo),
    ("recommended", Cue::Promo),
    ("trending", Cue::Promo),
    ("popular", Cue::Promo),
    ("download", Cue::Promo),
    ("app", Cue::Promo),
    ("deals", Cue::Promo),
    ("offer", Cue::Promo),
    ("offers", Cue::Promo),
    ("captcha", Cue::Captcha),
    ("recaptcha", Cue::Captcha),
    ("spam", Cue::Captcha),
    ("robot", Cue::Captcha),
    ("photo", Cue::Credit),
    ("photos", Cue::Credit),
    ("image", Cue::Credit),
    ("credit", Cue::Credit),
    ("getty", Cue::Credit),
    ("shutterstock", Cue::Credit),
    ("illustration", Cue::Credit),
    ("caption", Cue::Credit),
];

/// Two-word phrases (lowercase word pairs) and the family they signal.
const PAIR_CUES: &[(&str, &str, Cue)] = &[
    ("sign", "up", Cue::Subscribe),
    ("sign", "in", Cue::Subscribe),
    ("log", "in", Cue::Subscribe),
    ("log", "out", Cue::Subscribe),
    ("free", "trial", Cue::Subscribe),
    ("already", "subscribed", Cue::Subscribe),
    ("cancel", "anytime", Cue::Subscribe),
    ("full", "access", Cue::Subscribe),
    ("leave", "a", Cue::Comment),
    ("have", "voted", Cue::Comment),
    ("all", "rights", Cue::Legal),
    ("rights", "reserved", Cue::Legal),
    ("affiliate", "links", Cue::Legal),
    ("affiliate", "link", Cue::Legal),
    ("read", "more", Cue::Promo),
    ("see", "more", Cue::Promo),
    ("see", "also", Cue::Promo),
    ("more", "from", Cue::Promo),
    ("also", "like", Cue::Promo),
    ("also", "read", Cue::Promo),
    ("more", "stories", Cue::Promo),
    ("latest", "news", Cue::Promo),
    ("skip", "to", Cue::Nav),
    ("go", "to", Cue::Nav),
    ("back", "to", Cue::Nav),
    ("are", "here", Cue::Nav),
    ("human", "visitor", Cue::Captcha),
    ("math", "problem", Cue::Captcha),
    ("not", "a", Cue::Captcha),
    ("are", "human", Cue::Captcha),
    ("automated", "spam", Cue::Captcha),
    ("support", "us", Cue::Donate),
    ("support", "our", Cue::Donate),
    ("follow", "us", Cue::Social),
    ("share", "this", Cue::Social),
    ("share", "on", Cue::Social),
];

/// Verbs that open a call to action when they start a line ("Subscribe now", "Click here").
const CTA_VERBS: &[&str] = &[
    "add",
    "apply",
    "book",
    "browse",
    "buy",
    "call",
    "check",
    "click",
    "comment",
    "connect",
    "contact",
    "continue",
    "discover",
    "donate",
    "download",
    "enjoy",
    "enter",
    "explore",
    "find",
    "follow",
    "get",
    "go",
    "join",
    "learn",
    "listen",
    "log",
    "login",
    "order",
    "read",
    "register",
    "save",
    "search",
    "see",
    "share",
    "shop",
    "show",
    "sign",
    "start",
    "stay",
    "submit",
    "subscribe",
    "support",
    "tap",
    "try",
    "view",
    "visit",
    "watch",
];

const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
];

fn word_table() -> &'static HashMap<&'static str, Cue> {
    static TABLE: OnceLock<HashMap<&'static str, Cue>> = OnceLock::new();
    TABLE.get_or_init(|| WORD_CUES.iter().copied().collect())
}

fn pair_table() -> &'static HashMap<(&'static str, &'static str), Cue> {
    static TABLE: OnceLock<HashMap<(&'static str, &'static str), Cue>> = OnceLock::new();
    TABLE.get_or_init(|| PAIR_CUES.iter().map(|&(a, b, c)| ((a, b), c)).collect())
}

/// Count cue-family hits over a line's lowercase words (in order).
pub fn cue_counts(lower_words: &[&str]) -> CueCounts {
    let words = word_table();
    let pairs = pair_table();
    let mut counts = [0u8; CUE_COUNT];
    for (i, w) in lower_words.iter().enumerate() {
        if let Some(cue) = words.get(w) {
            let c = &mut counts[*cue as usize];
            *c = c.saturating_add(1);
        }
        if let Some(next) = lower_words.get(i + 1)
            && let Some(cue) = pairs.get(&(*w, *next))
        {
            let c = &mut counts[*cue as usize];
            *c = c.saturating_add(1);
        }
    }
    counts
}

/// Words and word pairs that appeal to the reader for money, sign-ups or subscriptions.
pub fn appeal_words(lower_words: &[&str]) -> usize {
    let mut count = 0;
    for (i, w) in lower_words.iter().enumerate() {
        if matches!(
            *w,
            "donate"
                | "donation"
                | "donations"
                | "patreon"
                | "subscribe"
                | "newsletter"
                | "newsletters"
                | "ad-free"
                | "paywall"
        ) {
            count += 1;
        }
        if let Some(next) = lower_words.get(i + 1)
            && matches!(
                (*w, *next),
                ("sign", "up")
                    | ("log", "in")
                    | ("sign", "in")
                    | ("premium", "article")
                    | ("premium", "content")
                    | ("premium", "access")
            )
        {
            count += 1;
        }
    }
    count
}

/// True if the word opens a call to action.
pub fn is_cta_verb(lower: &str) -> bool {
    CTA_VERBS.binary_search(&lower).is_ok()
}

/// True for auxiliaries and very common finite verbs: a line with them is likely a sentence.
pub fn is_common_verb(lower: &str) -> bool {
    matches!(
        lower,
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "did"
            | "does"
            | "do"
            | "been"
            | "be"
            | "said"
            | "says"
            | "told"
            | "made"
            | "found"
            | "became"
            | "took"
            | "came"
            | "went"
            | "got"
            | "gave"
            | "added"
            | "called"
            | "showed"
            | "shows"
            | "began"
    )
}

/// True for verbs of reported speech.
pub fn is_attribution_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "told"
            | "according"
            | "stated"
            | "announced"
            | "reported"
            | "added"
            | "explained"
            | "noted"
            | "wrote"
            | "tweeted"
    )
}

/// True if the word is an English month name or abbreviation.
pub fn is_month(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// True for second-person words ("you", "your", ...).
pub fn is_second_person(lower: &str) -> bool {
    matches!(
        lower,
        "you" | "your" | "yours" | "you're" | "you’re" | "you'll" | "you’ll" | "you've" | "you’ve"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cta_verbs_are_sorted_for_binary_search() {
        assert!(CTA_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_cta_verb("subscribe"));
        assert!(!is_cta_verb("said"));
    }

    #[test]
    fn counts_words_and_pairs() {
        let c = cue_counts(&["sign", "up", "for", "our", "newsletter"]);
        assert_eq!(c[Cue::Subscribe as usize], 2);
        let c = cue_counts(&["share", "on", "facebook", "twitter"]);
        assert_eq!(c[Cue::Social as usize], 4);
        let c = cue_counts(&["the", "minister", "said", "on", "tuesday"]);
        assert_eq!(c.iter().map(|&x| x as u32).sum::<u32>(), 0);
    }

    #[test]
    fn months_and_second_person() {
        assert!(is_month("may") && is_month("sept") && !is_month("maybe"));
        assert!(is_second_person("your") && !is_second_person("our"));
    }
}
