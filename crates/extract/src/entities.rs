//! HTML character references: numeric (`&#228;`, `&#xE4;`) and the named references that
//! occur in real pages (Latin-1, typographic punctuation, a few symbols). Unknown names are
//! left as written, which is what browsers do with unknown references.

/// Latin-1 names for U+00A0..=U+00FF, in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("bdquo", '\u{201E}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203A}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("euro", '\u{20AC}'),
    ("trade", '\u{2122}'),
    ("larr", '\u{2190}'),
    ("uarr", '\u{2191}'),
    ("rarr", '\u{2192}'),
    ("darr", '\u{2193}'),
    ("harr", '\u{2194}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("OElig", '\u{0152}'),
    ("oelig", '\u{0153}'),
    ("Scaron", '\u{0160}'),
    ("scaron", '\u{0161}'),
    ("Yuml", '\u{0178}'),
    ("fnof", '\u{0192}'),
    ("circ", '\u{02C6}'),
    ("tilde", '\u{02DC}'),
    ("minus", '\u{2212}'),
    ("infin", '\u{221E}'),
    ("ne", '\u{2260}'),
    ("le", '\u{2264}'),
    ("ge", '\u{2265}'),
    ("asymp", '\u{2248}'),
    ("alpha", '\u{03B1}'),
    ("beta", '\u{03B2}'),
    ("gamma", '\u{03B3}'),
    ("delta", '\u{03B4}'),
    ("mu", '\u{03BC}'),
    ("pi", '\u{03C0}'),
    ("sigma", '\u{03C3}'),
    ("Omega", '\u{03A9}'),
    ("hearts", '\u{2665}'),
    ("star", '\u{2606}'),
    ("check", '\u{2713}'),
    ("copysr", '\u{2117}'),
    ("nbhy", '\u{2011}'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
];

/// Windows-1252 meanings of numeric references 0x80..=0x9F (as the HTML spec maps them).
const CP1252_C1: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

fn named(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

fn numeric(digits: &str, hex: bool) -> char {
    let v = if hex {
        u32::from_str_radix(digits, 16)
    } else {
        digits.parse::<u32>()
    };
    match v {
        Ok(0) | Err(_) => '\u{FFFD}',
        Ok(n @ 0x80..=0x9F) => CP1252_C1[(n - 0x80) as usize],
        Ok(n) => char::from_u32(n).unwrap_or('\u{FFFD}'),
    }
}

/// Append `raw` to `out` with character references decoded.
pub fn decode_entities_into(raw: &str, out: &mut String) {
    decode_into(raw, out, false);
}

/// `raw` with its complete character references (ended by `;`) decoded; borrowed when it
/// has none. For text that is not HTML but may arrive still escaped (`don&#39;t`,
/// `&quot;`): the legacy forms without `;` that browsers accept are left, so plain text
/// such as "AT&T" or "R&D;" stays as it is.
pub fn decode_complete_references(raw: &str) -> std::borrow::Cow<'_, str> {
    if !raw.contains('&') {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, &mut out, true);
    if out == raw {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(out)
    }
}

fn decode_into(raw: &str, out: &mut String, complete_only: bool) {
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let (consumed, ch) = parse_ref(after);
        let complete = consumed > 0 && after.as_bytes()[consumed - 1] == b';';
        match ch.filter(|_| complete || !complete_only) {
            Some(c) => {
                out.push(c);
                rest = &after[consumed..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// Parse a reference after `&`: bytes consumed and the character, if it is one.
fn parse_ref(s: &str) -> (usize, Option<char>) {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let hex = matches!(b.get(1), Some(b'x' | b'X'));
        let start = if hex { 2 } else { 1 };
        let mut end = start;
        while end < b.len()
            && end - start < 8
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == start {
            return (0, None);
        }
        let c = numeric(&s[start..end], hex);
        let consumed = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        return (consumed, Some(c));
    }
    let mut end = 0;
    while end < b.len() && end < 10 && b[end].is_ascii_alphanumeric() {
        end += 1;
    }
    if end == 0 {
        return (0, None);
    }
    let name = &s[..end];
    if b.get(end) == Some(&b';') {
        if let Some(c) = named(name) {
            return (end + 1, Some(c));
        }
        return (0, None);
    }
    // Legacy references without ';' (only the classic few, as browsers accept them).
    for legacy in ["amp", "lt", "gt", "quot", "nbsp"] {
        if name.starts_with(legacy) {
            return (legacy.len(), named(legacy));
        }
    }
    (0, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> String {
        let mut o = String::new();
        decode_entities_into(s, &mut o);
        o
    }

    #[test]
    fn decodes_named_numeric_and_legacy() {
        assert_eq!(dec("a &amp; b"), "a & b");
        assert_eq!(dec("M&uuml;nchen &#8222;x&#x201C;"), "München „x“");
        assert_eq!(dec("&#150;"), "\u{2013}");
        assert_eq!(dec("R&D &unknown; &"), "R&D &unknown; &");
        assert_eq!(dec("&ampx"), "&x");
        assert_eq!(
            dec("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}999;"
        );
    }
}
