//! ROUGE-1.5.5's `-m` stemming: a WordNet 2.0 exception lookup, else ROUGE's own Porter
//! stemmer (`sub stem` in ROUGE-1.5.5.pl, including Chin-Yew Lin's 2004 step-4 edit).
//!
//! Everything works on bytes, as Perl does on the byte strings ROUGE reads.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::bytes::Regex;

/// The four WordNet 2.0 exception files, in the order whose "later file wins" table equals
/// ROUGE-1.5.5's `WordNet-2.0.exc.db` (only `best`, `better` and `testes` depend on it).
const EXCEPTION_FILES: [&str; 4] = [
    include_str!("../../data/wordnet-2.0-exc/noun.exc"),
    include_str!("../../data/wordnet-2.0-exc/verb.exc"),
    include_str!("../../data/wordnet-2.0-exc/adj.exc"),
    include_str!("../../data/wordnet-2.0-exc/adv.exc"),
];

/// The WordNet 2.0 exception table: inflected form -> base form (`None` for a line with a
/// single field, which Perl stores as `undef` and later joins as an empty token).
pub fn wordnet_exceptions() -> &'static HashMap<Vec<u8>, Option<Vec<u8>>> {
    static TABLE: OnceLock<HashMap<Vec<u8>, Option<Vec<u8>>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = HashMap::new();
        for file in EXCEPTION_FILES {
            for line in file.as_bytes().split(|&b| b == b'\n') {
                // buildExeptionDB.pl: @tmp = split(/\s+/, $line); $db{$tmp[0]} = $tmp[1]
                let fields = super::text::perl_split_ws(line);
                match fields.as_slice() {
                    [] => {}
                    [key] => {
                        table.insert(key.to_vec(), None);
                    }
                    [key, base, ..] => {
                        table.insert(key.to_vec(), Some(base.to_vec()));
                    }
                }
            }
        }
        table
    })
}

/// ROUGE's `MorphStem`: the exception table's base form if the word is listed, else
/// [`porter_stem`]. The caller has already lower-cased the word (ROUGE only stems tokens
/// longer than 3 bytes; that rule lives with the tokenizer).
pub fn morph_stem(word: &[u8]) -> Vec<u8> {
    match wordnet_exceptions().get(word) {
        Some(Some(base)) => base.clone(),
        Some(None) => Vec::new(),
        None => porter_stem(word),
    }
}

/// The measure/shape regexes of ROUGE's `stem`, built from
/// `$c = "[^aeiou]"`, `$v = "[aeiouy]"`, `$C = "${c}[^aeiouy]*"`, `$V = "${v}[aeiou]*"`.
struct Shapes {
    /// `^(C)?VC`: measure > 0.
    mgr0: Regex,
    /// `^(C)?VC(V)?$`: measure == 1.
    meq1: Regex,
    /// `^(C)?VCVC`: measure > 1.
    mgr1: Regex,
    /// `^(C)?v`: the stem contains a vowel.
    s_v: Regex,
    /// `^Cv[^aeiouwxy]$`: consonant-vowel-consonant (ROUGE's whole-word variant).
    cvc: Regex,
}

fn shapes() -> &'static Shapes {
    static SHAPES: OnceLock<Shapes> = OnceLock::new();
    SHAPES.get_or_init(|| {
        let c = "[^aeiou]";
        let v = "[aeiouy]";
        let cc = format!("{c}[^aeiouy]*");
        let vv = format!("{v}[aeiou]*");
        let build = |pattern: String| {
            // (?-u): one class item is one byte, as in Perl on byte strings.
            Regex::new(&format!("(?-u){pattern}")).expect("ROUGE stemmer regexes are valid")
        };
        Shapes {
            mgr0: build(format!("^({cc})?{vv}{cc}")),
            meq1: build(format!("^({cc})?{vv}{cc}({vv})?$")),
            mgr1: build(format!("^({cc})?{vv}{cc}{vv}{cc}")),
            s_v: build(format!("^({cc})?{v}")),
            cvc: build(format!("^{cc}{v}[^aeiouwxy]$")),
        }
    })
}

const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];
const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];
const STEP4: [&str; 16] = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The suffix Perl's `/(a|b|...)$/` picks: the leftmost match, i.e. the longest listed suffix
/// the word ends with.
fn longest_suffix<'a, T: Copy>(
    word: &[u8],
    table: &'a [T],
    key: impl Fn(T) -> &'a str,
) -> Option<T> {
    table
        .iter()
        .copied()
        .filter(|&entry| word.ends_with(key(entry).as_bytes()))
        .max_by_key(|&entry| key(entry).len())
}

/// ROUGE-1.5.5's Porter stemmer, byte for byte. Words shorter than 3 bytes are returned as
/// they are; a leading `y` is treated as a consonant.
pub fn porter_stem(word: &[u8]) -> Vec<u8> {
    if word.len() < 3 {
        return word.to_vec();
    }
    let sh = shapes();
    let mut w = word.to_vec();
    let first_is_y = w[0] == b'y';
    if first_is_y {
        w[0] = b'Y';
    }

    // Step 1a: sses -> ss, ies -> i, else a final s after a non-s is dropped.
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.pop();
    }

    // Step 1b.
    if w.ends_with(b"eed") {
        if sh.mgr0.is_match(&w[..w.len() - 3]) {
            w.pop();
        }
    } else {
        let suffix = if w.ends_with(b"ed") {
            2
        } else if w.ends_with(b"ing") {
            3
        } else {
            0
        };
        if suffix > 0 && sh.s_v.is_match(&w[..w.len() - suffix]) {
            w.truncate(w.len() - suffix);
            let n = w.len();
            if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                w.push(b'e');
            } else if n >= 2 && w[n - 1] == w[n - 2] && !b"aeiouylsz".contains(&w[n - 1]) {
                w.pop();
            } else if sh.cvc.is_match(&w) {
                w.push(b'e');
            }
        }
    }

    // Step 1c: y -> i after a vowel-bearing stem.
    if w.ends_with(b"y") && sh.s_v.is_match(&w[..w.len() - 1]) {
        let n = w.len();
        w[n - 1] = b'i';
    }

    // Steps 2 and 3: suffix replacement when the stem has measure > 0.
    for table in [&STEP2[..], &STEP3[..]] {
        if let Some((suffix, replacement)) = longest_suffix(&w, table, |(s, _)| s) {
            let stem_len = w.len() - suffix.len();
            if sh.mgr0.is_match(&w[..stem_len]) {
                w.truncate(stem_len);
                w.extend_from_slice(replacement.as_bytes());
            }
        }
    }

    // Step 4 (CYL 02/14/2004 variant): the suffix list, then -ment, then -ent or -(s|t)ion.
    if let Some(suffix) = longest_suffix(&w, &STEP4, |s| s) {
        let stem_len = w.len() - suffix.len();
        if sh.mgr1.is_match(&w[..stem_len]) {
            w.truncate(stem_len);
        }
    }
    if w.ends_with(b"ment") && sh.mgr1.is_match(&w[..w.len() - 4]) {
        w.truncate(w.len() - 4);
    }
    if w.ends_with(b"ent") {
        if sh.mgr1.is_match(&w[..w.len() - 3]) {
            w.truncate(w.len() - 3);
        }
    } else if (w.ends_with(b"sion") || w.ends_with(b"tion")) && sh.mgr1.is_match(&w[..w.len() - 3])
    {
        w.truncate(w.len() - 3);
    }

    // Step 5.
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        if sh.mgr1.is_match(stem) || (sh.meq1.is_match(stem) && !sh.cvc.is_match(stem)) {
            w.pop();
        }
    }
    if w.ends_with(b"ll") && sh.mgr1.is_match(&w) {
        w.pop();
    }

    if first_is_y && !w.is_empty() {
        w[0] = w[0].to_ascii_lowercase();
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        String::from_utf8(porter_stem(word.as_bytes())).unwrap()
    }

    #[test]
    fn classic_porter_cases() {
        for (word, expected) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("electrical", "electr"),
            ("hopefulness", "hope"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controll", "control"),
            ("generalization", "gener"),
            ("running", "run"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn rouge_variant_quirks() {
        // Step 4's -ent rule removes the suffix outright; step 2's "bli" -> "ble".
        assert_eq!(stem("dependent"), "depend");
        // A leading y is a consonant and comes back lower-case.
        assert_eq!(stem("yelling"), "yell");
        assert_eq!(stem("youths"), "youth");
        // Digits pass through the regexes as consonants.
        assert_eq!(stem("1990s"), "1990");
        // Short words are untouched.
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn exceptions_come_first() {
        let exc = |w: &str| String::from_utf8(morph_stem(w.as_bytes())).unwrap();
        assert_eq!(exc("children"), "child");
        assert_eq!(exc("went"), "go");
        assert_eq!(exc("mice"), "mouse");
        // adv.exc is read last, so it wins over adj.exc's "good".
        assert_eq!(exc("better"), "well");
        assert_eq!(exc("best"), "well");
        // Not listed: Porter.
        assert_eq!(exc("running"), "run");
    }

    #[test]
    fn exception_table_is_complete() {
        // 5,939 lines across the four files, a handful of keys repeated across files.
        let n = wordnet_exceptions().len();
        assert!((5800..=5939).contains(&n), "{n}");
    }

    #[test]
    fn arbitrary_bytes_do_not_panic() {
        for w in [
            "",
            "y",
            "yy",
            "yyy",
            "é\u{301}s",
            "\u{0}\u{0}\u{0}s",
            "ssssss",
            "eeeee",
        ] {
            let _ = porter_stem(w.as_bytes());
        }
    }
}
