//! ROUGE-1.5.5's input side for SPL summaries (one sentence per line): `readText` and
//! `readText_LCS` (lower-casing, the word or byte limit, punctuation removal) and
//! `createNGram`'s token filter. Everything is bytes: Perl sees the UTF-8 bytes of the text,
//! so a non-ASCII byte is just another non-alphanumeric character.

/// A length limit, applied to peers and models alike (ROUGE `-l` / `-b`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// No limit.
    None,
    /// Keep the first N whitespace-separated words (`-l N`).
    Words(usize),
    /// Keep the first N bytes (`-b N`).
    Bytes(usize),
}

impl Limit {
    /// `-l 0` and `-b 0` mean "no limit", as in ROUGE.
    pub fn effective(self) -> Limit {
        match self {
            Limit::Words(0) | Limit::Bytes(0) => Limit::None,
            other => other,
        }
    }
}

/// Perl's `\s` on a byte string: ASCII whitespace only.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b')
}

/// Perl's `split(/\s+/, $s)`: a leading separator yields an empty first field, trailing
/// empty fields are dropped.
pub(crate) fn perl_split_ws(s: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = s.split(|&b| is_perl_space(b)).collect();
    // `split` on single bytes yields empty fields between adjacent separators; Perl's `\s+`
    // treats a run as one separator. Keep a leading empty field, drop the inner ones.
    let leading_empty = fields.first().is_some_and(|f| f.is_empty()) && !s.is_empty();
    fields.retain(|f| !f.is_empty());
    if leading_empty && !fields.is_empty() {
        fields.insert(0, &s[..0]);
    }
    fields
}

/// The SPL reader: the text's non-empty lines (split on `\n` only, so a `\r` stays), with
/// ASCII letters lower-cased.
pub(crate) fn spl_lines(text: &str) -> Vec<Vec<u8>> {
    text.as_bytes()
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .map(|line| line.to_ascii_lowercase())
        .collect()
}

/// The truncation shared by `readText` (whose result is joined) and `readText_LCS`: whole
/// lines while they fit, then the part of the next line that fills the limit.
fn truncate(lines: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    match limit.effective() {
        Limit::None => out.extend(lines.iter().cloned()),
        Limit::Words(max) => {
            let mut used = 0;
            for line in lines {
                let words = perl_split_ws(line);
                if used + words.len() < max {
                    out.push(line.clone());
                    used += words.len();
                } else {
                    out.push(words[..max - used].join(&b' '));
                    break;
                }
            }
        }
        Limit::Bytes(max) => {
            let mut used = 0;
            for line in lines {
                if used + line.len() < max {
                    out.push(line.clone());
                    used += line.len();
                } else {
                    out.push(line[..max - used].to_vec());
                    break;
                }
            }
        }
    }
    out
}

/// `readText`: the limited text as one string, cleaned.
pub(crate) fn read_text(lines: &[Vec<u8>], limit: Limit) -> Vec<u8> {
    clean(&truncate(lines, limit).join(&b' '))
}

/// `readText_LCS`: the limited text as cleaned sentence units. With a byte limit ROUGE-1.5.5
/// never advances its byte counter here, so every line is checked against the whole budget
/// on its own; that quirk is kept, since ROUGE-L scores depend on it.
pub(crate) fn read_text_lcs(lines: &[Vec<u8>], limit: Limit) -> Vec<Vec<u8>> {
    let units = match limit.effective() {
        Limit::Bytes(max) => {
            let mut out = Vec::new();
            for line in lines {
                if line.len() < max {
                    out.push(line.clone());
                } else {
                    out.push(line[..max].to_vec());
                    break;
                }
            }
            out
        }
        _ => truncate(lines, limit),
    };
    units.iter().map(|u| clean(u)).collect()
}

/// `s/-/ - /g; s/[^A-Za-z0-9\-]/ /g; s/^\s+//; s/\s+$//; s/\s+/ /g`.
pub(crate) fn clean(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut pending_space = false;
    for &b in text {
        if b == b'-' {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.push(b'-');
            pending_space = true;
        } else if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(b' ');
            }
            pending_space = false;
            out.push(b);
        } else {
            pending_space = true;
        }
    }
    out
}

/// `createNGram`'s token filter: whitespace tokens of the cleaned text that start with
/// `[a-z0-9$]` (which drops the `-` tokens `clean` leaves).
pub(crate) fn scoring_tokens(cleaned: &[u8]) -> impl Iterator<Item = &[u8]> {
    cleaned
        .split(|&b| b == b' ')
        .filter(|t| matches!(t.first(), Some(b'a'..=b'z' | b'0'..=b'9' | b'$')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(b: &[u8]) -> &str {
        std::str::from_utf8(b).unwrap()
    }

    #[test]
    fn perl_split_keeps_a_leading_empty_field_only() {
        let f = perl_split_ws(b"  a b\t\tc  ");
        assert_eq!(f, vec![&b""[..], b"a", b"b", b"c"]);
        assert!(perl_split_ws(b"   ").is_empty());
        assert!(perl_split_ws(b"").is_empty());
        assert_eq!(perl_split_ws(b"x"), vec![&b"x"[..]]);
    }

    #[test]
    fn clean_splits_hyphens_and_drops_punctuation() {
        assert_eq!(s(&clean(b"well-known, U.S. $5.")), "well - known U S 5");
        assert_eq!(s(&clean(b"--a--")), "- - a - -");
        assert_eq!(s(&clean("caf\u{e9} ok".as_bytes())), "caf ok");
        assert_eq!(s(&clean(b"  ...  ")), "");
    }

    #[test]
    fn tokens_drop_hyphens() {
        let c = clean(b"e-mail 3-2 win");
        let toks: Vec<&str> = scoring_tokens(&c).map(s).collect();
        assert_eq!(toks, vec!["e", "mail", "3", "2", "win"]);
    }

    #[test]
    fn word_limit_cuts_inside_a_line() {
        let lines = spl_lines("One two three.\nFour five six.\n\nSeven.");
        assert_eq!(lines.len(), 3);
        let t = truncate(&lines, Limit::Words(5));
        assert_eq!(t, vec![b"one two three.".to_vec(), b"four five".to_vec()]);
        // A line that exactly reaches the limit is rebuilt from its words and ends the text.
        let t = truncate(&lines, Limit::Words(3));
        assert_eq!(t, vec![b"one two three.".to_vec()]);
        assert_eq!(s(&read_text(&lines, Limit::Words(4))), "one two three four");
    }

    #[test]
    fn leading_whitespace_counts_as_a_word() {
        let lines = spl_lines(" a b c");
        let t = truncate(&lines, Limit::Words(2));
        assert_eq!(t, vec![b" a".to_vec()]);
    }

    #[test]
    fn byte_limit_and_the_lcs_counter_quirk() {
        let lines = spl_lines("abcd efgh\nijkl mnop\nqrst");
        // readText: 9 + 9 bytes used, the third line is cut to 20 - 18 = 2 bytes.
        assert_eq!(
            s(&read_text(&lines, Limit::Bytes(20))),
            "abcd efgh ijkl mnop qr"
        );
        // readText_LCS never counts, so every line fits whole.
        let units = read_text_lcs(&lines, Limit::Bytes(20));
        assert_eq!(units.len(), 3);
        assert_eq!(s(&units[2]), "qrst");
    }
}
