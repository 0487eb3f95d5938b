//! Per-line evidence, turned into the numeric feature vector the line model scores.
//!
//! Two layers: [`LineStats`] is what one line says about itself (length, stopword share,
//! sentence punctuation, boilerplate vocabulary, calls to action, dates, list markers...).
//! [`page_features`] then adds what the page says about the line: where it sits relative to the
//! densest run of prose (the body), how its neighbours look, whether it repeats within the page
//! or across the batch, and whether it echoes the page's title line.

// Sequence passes walk several parallel per-line arrays by index; that reads clearer here.
#![allow(clippy::needless_range_loop)]

use crosswire_text::{is_stopword, words};

use crate::lexicon::{self, CUE_COUNT, Cue, CueCounts};

/// What a single line says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineStats {
    /// Word tokens.
    pub words: usize,
    pub chars: usize,
    /// Share of words that are stopwords: prose is ~0.3-0.6, menus and titles far less.
    pub stop_ratio: f32,
    /// Ends like a sentence (., !, ?, …, possibly followed by a closing quote/bracket).
    pub ends_terminal: bool,
    /// Sentence-ending punctuation marks followed by a space or the line end.
    pub sentence_marks: usize,
    /// Share of words starting with a capital letter.
    pub title_ratio: f32,
    pub digit_ratio: f32,
    /// Share of characters that are neither alphanumeric nor whitespace.
    pub punct_ratio: f32,
    /// Starts with a bullet glyph or dash.
    pub bullet: bool,
    /// Starts with a list number ("1.", "2)").
    pub numbered: bool,
    /// Menu separators (| » › · /) and similar.
    pub separators: usize,
    pub cues: CueCounts,
    pub second_person: usize,
    /// The first word is a call-to-action verb ("Subscribe", "Click", "Sign").
    pub cta_start: bool,
    /// Looks like a date or time stamp (month name with a number, hh:mm, "3 hours ago").
    pub date_like: bool,
    /// Short "By ..." line.
    pub byline: bool,
    pub url_like: bool,
    pub all_caps: bool,
    pub trailing_colon: bool,
    pub lower_start: bool,
    pub commas: usize,
    /// A simple arithmetic challenge ("1 + 3 =").
    pub math_challenge: bool,
    /// Words that only appeals to the reader use: donate, subscribe, newsletter, premium,
    /// sign up, log in...
    pub appeal_words: usize,
    /// Contains "!" or "?".
    pub exclaims_or_asks: bool,
    /// Auxiliary and common finite verbs ("is", "has", "will", "said"): evidence of a sentence.
    pub verbs: usize,
    /// Reported speech ("said", "told", "according to"): a sentence of reporting.
    pub attribution: bool,
    /// Opens with a quotation mark.
    pub quote_start: bool,
}

impl LineStats {
    /// Total boilerplate-vocabulary hits.
    pub fn cue_total(&self) -> usize {
        self.cues.iter().map(|&c| c as usize).sum()
    }

    /// Hits of the families that rarely occur in running prose by chance (everything but
    /// navigation words like "home"/"next" and image words like "photo").
    pub fn strong_cues(&self) -> usize {
        self.cue_total() - self.cue(Cue::Nav) - self.cue(Cue::Credit)
    }

    pub fn cue(&self, cue: Cue) -> usize {
        self.cues[cue as usize] as usize
    }

    /// Reads like running prose: long enough, function words, sentence punctuation.
    pub fn is_prose(&self) -> bool {
        self.words >= 12
            && self.stop_ratio >= 0.2
            && (self.ends_terminal || self.sentence_marks >= 1 || self.words >= 30)
    }

    /// An appeal to the reader: donation, subscription, sign-up or paywall vocabulary said to
    /// "you", as an imperative, exclamation, question, list item or lead-in to a list. Reported
    /// speech is exempt (an article may quote a company's subscription offer).
    pub fn is_appeal(&self) -> bool {
        self.words > 0
            && self.words <= 30
            && !self.attribution
            && self.appeal_words >= 1
            && (self.second_person > 0
                || self.cta_start
                || self.bullet
                || self.trailing_colon
                || self.exclaims_or_asks)
    }

    /// Compute the stats of one (trimmed) line.
    pub fn of(line: &str) -> LineStats {
        let tokens = words(line);
        let lower = line.to_lowercase();
        // Lowercasing ASCII keeps every byte offset and every token boundary, so an ASCII
        // line's lowercase words are its own tokens' spans; others are re-tokenized.
        let lower_words: Vec<&str> = if line.is_ascii() {
            tokens
                .iter()
                .filter_map(|t| lower.get(t.start..t.end))
                .collect()
        } else {
            words(&lower).iter().map(|t| t.text).collect()
        };
        let mut s = LineStats {
            words: tokens.len(),
            ..LineStats::default()
        };
        let mut chars = 0usize;
        let mut digits = 0usize;
        let mut punct = 0usize;
        let mut letters = 0usize;
        let mut upper = 0usize;
        for c in line.chars() {
            chars += 1;
            if c.is_alphabetic() {
                letters += 1;
                if c.is_uppercase() {
                    upper += 1;
                }
            } else if c.is_numeric() {
                digits += 1;
            } else if !c.is_whitespace() {
                punct += 1;
                if matches!(c, '|' | '»' | '›' | '·' | '/' | '•' | '>' | '«' | '‹') {
                    s.separators += 1;
                }
                if c == ',' {
                    s.commas += 1;
                }
            }
        }
        s.chars = chars;
        if chars > 0 {
            s.digit_ratio = digits as f32 / chars as f32;
            s.punct_ratio = punct as f32 / chars as f32;
        }
        s.all_caps = letters >= 4 && upper * 10 >= letters * 9;
        if !lower_words.is_empty() {
            let stops = lower_words.iter().filter(|w| is_stopword(w)).count();
            s.stop_ratio = stops as f32 / lower_words.len() as f32;
            let titled = tokens
                .iter()
                .filter(|t| t.text.chars().next().is_some_and(char::is_uppercase))
                .count();
            s.title_ratio = titled as f32 / tokens.len() as f32;
            s.second_person = lower_words
                .iter()
                .filter(|w| lexicon::is_second_person(w))
                .count();
        }
        s.cues = lexicon::cue_counts(&lower_words);
        s.appeal_words = lexicon::appeal_words(&lower_words);
        s.verbs = lower_words
            .iter()
            .filter(|w| lexicon::is_common_verb(w))
            .count();
        if line.contains('©') {
            s.cues[Cue::Legal as usize] = s.cues[Cue::Legal as usize].saturating_add(1);
        }
        s.cta_start = lower_words.first().is_some_and(|w| lexicon::is_cta_verb(w));
        s.attribution = lower_words.iter().any(|w| lexicon::is_attribution_verb(w));
        s.quote_start = line.starts_with(['"', '“', '‘', '«', '\'']);
        s.exclaims_or_asks = line.contains(['!', '?']);

        let trimmed_end = line.trim_end_matches(|c: char| {
            matches!(
                c,
                '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '»' | ' '
            )
        });
        s.ends_terminal = trimmed_end.ends_with(['.', '!', '?', '…']);
        s.trailing_colon = line.ends_with(':');
        let bytes: Vec<char> = line.chars().collect();
        for (i, &c) in bytes.iter().enumerate() {
            if matches!(c, '.' | '!' | '?')
                && bytes.get(i + 1).is_none_or(|n| n.is_whitespace())
                && i > 0
                && bytes[i - 1].is_alphabetic()
            {
                s.sentence_marks += 1;
            }
        }
        let first = line.chars().next().unwrap_or(' ');
        s.bullet = matches!(
            first,
            '•' | '-'
                | '–'
                | '—'
                | '*'
                | '·'
                | '►'
                | '▪'
                | '‣'
                | '○'
                | '●'
                | '■'
                | '→'
                | '>'
        );
        s.lower_start = first.is_lowercase();
        s.numbered = {
            let digits_len = line.chars().take_while(char::is_ascii_digit).count();
            digits_len > 0
                && digits_len <= 3
                && line[digits_len..].starts_with(['.', ')'])
                && line[digits_len + 1..].starts_with(' ')
        };
        s.url_like = lower.contains("http")
            || lower.contains("www.")
            || lower.contains(".com")
            || lower_words.iter().any(|w| w.contains('@'))
            || line.contains(" @");
        s.byline = s.words <= 10 && lower.starts_with("by ");
        s.date_like = {
            let has_month = lower_words.iter().any(|w| lexicon::is_month(w));
            let has_number = lower_words
                .iter()
                .any(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
            let clock = line
                .as_bytes()
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
            let ago = lower_words.windows(2).any(|w| {
                w[1] == "ago"
                    && (w[0].starts_with("minute")
                        || w[0].starts_with("hour")
                        || w[0].starts_with("day")
                        || w[0].starts_with("week")
                        || w[0].starts_with("month")
                        || w[0].starts_with("year"))
            });
            // A dated sentence ("Since April 28, 18 clinics have been hit") is not a stamp.
            // ("May" is a month here, not a verb.)
            let verbs = lower_words
                .iter()
                .filter(|w| **w != "may" && lexicon::is_common_verb(w))
                .count();
            let sentence = verbs > 0 && s.words > 6;
            ((has_month && has_number) || clock || ago) && !sentence
        };
        s.math_challenge = {
            let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            let b = compact.as_bytes();
            b.len() <= 24
                && b.windows(3).any(|w| {
                    w[0].is_ascii_digit()
                        && matches!(w[1], b'+' | b'-' | b'*' | b'x')
                        && w[2].is_ascii_digit()
                })
                && compact.contains('=')
        };
        s
    }
}

/// Names of the columns of a feature vector, in order (for the training script and debugging).
pub const FEATURE_NAMES: &[&str] = &[
    "words_ln",
    "chars_ln",
    "stop_ratio",
    "ends_terminal",
    "sentence_marks",
    "title_ratio",
    "digit_ratio",
    "punct_ratio",
    "bullet",
    "numbered",
    "separators",
    "cue_social",
    "cue_subscribe",
    "cue_comment",
    "cue_donate",
    "cue_legal",
    "cue_nav",
    "cue_promo",
    "cue_captcha",
    "cue_credit",
    "second_person",
    "cta_start",
    "date_like",
    "byline",
    "url_like",
    "all_caps",
    "trailing_colon",
    "lower_start",
    "commas_per_word",
    "math_challenge",
    "rel_pos",
    "words_before_frac",
    "dup_in_doc",
    "later_dup",
    "other_docs",
    "group_size_ln",
    "pos_in_group",
    "title_overlap",
    "is_first_line",
    "in_body",
    "body_distance",
    "prev2_words_ln",
    "prev2_stop",
    "prev2_terminal",
    "prev2_cues",
    "prev1_words_ln",
    "prev1_stop",
    "prev1_terminal",
    "prev1_cues",
    "next1_words_ln",
    "next1_stop",
    "next1_terminal",
    "next1_cues",
    "next2_words_ln",
    "next2_stop",
    "next2_terminal",
    "next2_cues",
    "doc_words_ln",
    "prose_after_frac",
    "prose_distance",
    "prose_share_window",
    "verbs",
    "attribution",
    "quote_start",
    "appeal",
];

/// Number of features per line.
pub const FEATURE_COUNT: usize = 65;

/// A line's feature vector.
pub type Features = [f32; FEATURE_COUNT];

/// One non-empty line of a page and where it sits among the page's blocks.
#[derive(Debug, Clone)]
pub struct PageLine<'a> {
    /// The line, trimmed.
    pub text: &'a str,
    /// Index of the block in the input document.
    pub block: usize,
    /// Size of the run of consecutive non-empty lines (no blank line between) it belongs to.
    pub group_size: usize,
    pub pos_in_group: usize,
    pub stats: LineStats,
    /// Hash of the normalized line (lowercase alphanumerics), for repetition checks.
    pub key: u64,
}

/// Split a document's blocks into non-empty lines with their group structure and stats.
pub fn page_lines<'a>(blocks: &'a [String]) -> Vec<PageLine<'a>> {
    let mut out: Vec<PageLine<'a>> = Vec::new();
    let mut group_start = 0usize;
    let mut prev_blank = true;
    let flat = blocks.iter().filter(|b| !b.trim().is_empty()).count() <= crate::pieces::FLAT_BLOCKS;
    let long_words = if flat {
        crate::pieces::FLAT_BLOCK_WORDS
    } else {
        crate::pieces::LONG_BLOCK_WORDS
    };
    for (block, raw) in blocks.iter().enumerate() {
        // A block may itself hold several lines (callers pass paragraphs); treat them as one.
        let text = raw.trim();
        if text.is_empty() {
            prev_blank = true;
            continue;
        }
        // A long run of prose is judged as the paragraphs it holds, each its own group.
        let pieces = crate::pieces::pieces(text, long_words);
        let cut = pieces.len() > 1;
        for text in pieces {
            if prev_blank || cut {
                close_group(&mut out[group_start..]);
                group_start = out.len();
            }
            prev_blank = false;
            out.push(PageLine {
                text,
                block,
                group_size: 1,
                pos_in_group: out.len() - group_start,
                stats: LineStats::of(text),
                key: line_key(text),
            });
        }
        prev_blank = cut;
    }
    close_group(&mut out[group_start..]);
    if !blocks.iter().any(|b| b.trim().is_empty()) {
        // No blank lines at all: the caller already split the text into paragraphs, so each
        // block is its own group (otherwise the whole page would look like one long menu).
        for l in &mut out {
            l.group_size = 1;
            l.pos_in_group = 0;
        }
    }
    out
}

fn close_group(group: &mut [PageLine<'_>]) {
    let n = group.len();
    for l in group {
        l.group_size = n;
    }
}

/// FNV-1a hash of the lowercase alphanumeric characters of a line; 0 for lines without any.
pub fn line_key(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut any = false;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in text.chars() {
        // ASCII (most of any page) lowercases to one byte; only the rest needs the
        // general, possibly multi-char, Unicode lowercasing.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                any = true;
                feed(c.to_ascii_lowercase() as u8);
            }
            continue;
        }
        for c in c.to_lowercase().filter(|c| c.is_alphanumeric()) {
            any = true;
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                feed(b);
            }
        }
    }
    if any { h } else { 0 }
}

/// The body: the run of lines with the largest prose mass, where prose lines add their word
/// count and other lines subtract a cost (strong boilerplate costs much more). Returns the
/// inclusive index range into `lines`, or `None` if the page has no prose line.
pub fn body_span(lines: &[PageLine<'_>]) -> Option<(usize, usize)> {
    let mut best: Option<(f32, usize, usize)> = None;
    let mut run = 0f32;
    let mut run_start = 0usize;
    for (i, l) in lines.iter().enumerate() {
        let v = line_mass(&l.stats);
        if run <= 0.0 {
            run = 0.0;
            run_start = i;
        }
        run += v;
        if v > 0.0 && best.is_none_or(|(b, _, _)| run > b) {
            best = Some((run, run_start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

fn line_mass(s: &LineStats) -> f32 {
    let strong = s.cue_total() >= 2 || (s.cta_start && s.words < 15) || s.math_challenge;
    if s.is_prose() && s.cue_total() <= 1 {
        s.words as f32
    } else if strong {
        -25.0
    } else {
        -(2.0 + s.words.min(10) as f32)
    }
}

/// Counts how many documents of the batch contain each line key (once per document).
pub fn batch_key_counts(pages: &[Vec<PageLine<'_>>]) -> std::collections::HashMap<u64, u32> {
    let mut counts = std::collections::HashMap::new();
    for page in pages {
        let mut seen = std::collections::HashSet::new();
        for l in page {
            if l.key != 0 && seen.insert(l.key) {
                *counts.entry(l.key).or_insert(0u32) += 1;
            }
        }
    }
    counts
}

fn ln1p(x: usize) -> f32 {
    (x as f32).ln_1p()
}

/// Feature vectors for every line of one page. `batch_counts` is from [`batch_key_counts`] over
/// the whole batch (including this page).
pub fn page_features(
    lines: &[PageLine<'_>],
    batch_counts: &std::collections::HashMap<u64, u32>,
) -> Vec<Features> {
    let n = lines.len();
    let total_words: usize = lines.iter().map(|l| l.stats.words).sum();
    let prose: Vec<bool> = lines.iter().map(|l| l.stats.is_prose()).collect();
    let total_prose: usize = lines
        .iter()
        .zip(&prose)
        .filter(|(_, p)| **p)
        .map(|(l, _)| l.stats.words)
        .sum();
    let body = body_span(lines);
    let mut in_doc: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for l in lines {
        *in_doc.entry(l.key).or_insert(0) += 1;
    }
    let title_words: Vec<String> = lines
        .first()
        .map(|l| {
            words(&l.text.to_lowercase())
                .iter()
                .map(|t| t.text.to_string())
                .collect()
        })
        .unwrap_or_default();

    // Distance (in lines) to the nearest prose line before/after each line.
    let mut prev_prose = vec![usize::MAX; n];
    let mut last: Option<usize> = None;
    for i in 0..n {
        prev_prose[i] = last.map_or(usize::MAX, |j| i - j);
        if prose[i] {
            last = Some(i);
        }
    }
    let mut next_prose = vec![usize::MAX; n];
    last = None;
    for i in (0..n).rev() {
        next_prose[i] = last.map_or(usize::MAX, |j| j - i);
        if prose[i] {
            last = Some(i);
        }
    }

    let mut seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
    let mut words_before = 0usize;
    let mut prose_before = 0usize;
    let mut out = Vec::with_capacity(n);
    for (i, l) in lines.iter().enumerate() {
        let s = &l.stats;
        let mut f = [0f32; FEATURE_COUNT];
        f[0] = ln1p(s.words);
        f[1] = ln1p(s.chars);
        f[2] = s.stop_ratio;
        f[3] = f32::from(u8::from(s.ends_terminal));
        f[4] = s.sentence_marks.min(10) as f32;
        f[5] = s.title_ratio;
        f[6] = s.digit_ratio;
        f[7] = s.punct_ratio;
        f[8] = f32::from(u8::from(s.bullet));
        f[9] = f32::from(u8::from(s.numbered));
        f[10] = s.separators.min(10) as f32;
        for c in 0..CUE_COUNT {
            f[11 + c] = f32::from(s.cues[c]);
        }
        f[20] = s.second_person.min(10) as f32;
        f[21] = f32::from(u8::from(s.cta_start));
        f[22] = f32::from(u8::from(s.date_like));
        f[23] = f32::from(u8::from(s.byline));
        f[24] = f32::from(u8::from(s.url_like));
        f[25] = f32::from(u8::from(s.all_caps));
        f[26] = f32::from(u8::from(s.trailing_colon));
        f[27] = f32::from(u8::from(s.lower_start));
        f[28] = s.commas as f32 / s.words.max(1) as f32;
        f[29] = f32::from(u8::from(s.math_challenge));
        f[30] = if n > 1 {
            i as f32 / (n - 1) as f32
        } else {
            0.0
        };
        f[31] = words_before as f32 / total_words.max(1) as f32;
        let occurrences = in_doc.get(&l.key).copied().unwrap_or(1);
        f[32] = (occurrences.saturating_sub(1)).min(5) as f32;
        f[33] = f32::from(u8::from(l.key != 0 && !seen.insert(l.key)));
        let docs = if l.key == 0 {
            1
        } else {
            batch_counts.get(&l.key).copied().unwrap_or(1)
        };
        f[34] = (docs.saturating_sub(1)).min(5) as f32;
        f[35] = ln1p(l.group_size);
        f[36] = l.pos_in_group as f32 / l.group_size.max(1) as f32;
        f[37] = if i == 0 {
            0.0
        } else {
            title_overlap(l.text, &title_words)
        };
        f[38] = f32::from(u8::from(i == 0));
        match body {
            Some((start, end)) => {
                let inside = i >= start && i <= end;
                f[39] = f32::from(u8::from(inside));
                f[40] = if inside {
                    0.0
                } else if i < start {
                    -((start - i).min(30) as f32)
                } else {
                    (i - end).min(30) as f32
                };
            }
            None => {
                f[39] = 0.0;
                f[40] = 0.0;
            }
        }
        for (slot, offset) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            let base = 41 + slot * 4;
            let j = i as isize + offset;
            if j >= 0
                && let Some(nb) = lines.get(j as usize)
            {
                f[base] = ln1p(nb.stats.words);
                f[base + 1] = nb.stats.stop_ratio;
                f[base + 2] = f32::from(u8::from(nb.stats.ends_terminal));
                f[base + 3] = nb.stats.cue_total().min(10) as f32;
            } else {
                f[base] = -1.0;
                f[base + 1] = -1.0;
                f[base + 2] = -1.0;
                f[base + 3] = -1.0;
            }
        }
        f[57] = ln1p(total_words);
        if prose[i] {
            prose_before += s.words;
        }
        f[58] = (total_prose - prose_before.min(total_prose)) as f32 / total_prose.max(1) as f32;
        f[59] = prev_prose[i].min(next_prose[i]).min(20) as f32;
        let lo = i.saturating_sub(3);
        let hi = (i + 3).min(n.saturating_sub(1));
        let window = hi - lo + 1;
        let prose_in_window = (lo..=hi).filter(|&j| j != i && prose[j]).count();
        f[60] = prose_in_window as f32 / (window.max(2) - 1) as f32;
        f[61] = s.verbs.min(5) as f32;
        f[62] = f32::from(u8::from(s.attribution));
        f[63] = f32::from(u8::from(s.quote_start));
        f[64] = f32::from(u8::from(s.is_appeal()));
        words_before += s.words;
        out.push(f);
    }
    out
}

/// Share of the line's words that also occur in the title line's words.
fn title_overlap(text: &str, title_words: &[String]) -> f32 {
    if title_words.is_empty() {
        return 0.0;
    }
    let lower = text.to_lowercase();
    let toks = words(&lower);
    if toks.is_empty() {
        return 0.0;
    }
    let hits = toks
        .iter()
        .filter(|t| title_words.iter().any(|w| w == t.text))
        .count();
    hits as f32 / toks.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_count() {
        assert_eq!(FEATURE_NAMES.len(), FEATURE_COUNT);
    }

    #[test]
    fn prose_is_recognised() {
        let s = LineStats::of(
            "The ministry said on Tuesday that the talks would continue next week in the capital.",
        );
        assert!(s.is_prose());
        assert!(s.ends_terminal);
        assert!(s.stop_ratio > 0.3);
        let menu = LineStats::of("Home | World | Business | Sports");
        assert!(!menu.is_prose());
        assert!(menu.separators >= 3);
    }

    #[test]
    fn list_markers_dates_and_challenges() {
        assert!(LineStats::of("1. The first point").numbered);
        assert!(!LineStats::of("2025 was a year").numbered);
        assert!(LineStats::of("• Stay up to date").bullet);
        assert!(LineStats::of("March 3, 2024 at 10:15 am").date_like);
        assert!(LineStats::of("Posted 3 hours ago").date_like);
        assert!(!LineStats::of("The May Day parade").date_like);
        assert!(!LineStats::of("Since April 28, 18 clinics have been hit").date_like);
        assert!(LineStats::of("May 2, 2024 at 9:15 am").date_like);
        assert!(LineStats::of("7 + 2 =").math_challenge);
        assert!(
            !LineStats::of("Revenue rose 7 + 2 percent to reach = levels in 2020").math_challenge
        );
        assert!(LineStats::of("By Jane Smith").byline);
        assert!(LineStats::of("Subscribe now for free").cta_start);
        assert!(LineStats::of("The plan has been approved and will start soon.").verbs >= 2);
        assert!(LineStats::of("The deal is off, the minister told reporters.").attribution);
    }

    #[test]
    fn appeals_to_the_reader() {
        for line in [
            "Liked it? Take a second to support us on Patreon!",
            "Donate now to help us provide more like this.",
            "Here's why you should get this full premium article:",
            "– Get unlimited access, ad-free.",
            "Subscribe to our newsletter",
        ] {
            assert!(LineStats::of(line).is_appeal(), "{line}");
        }
        for line in [
            "Subscribers will pay more from March, the company said.",
            "The charity received a donation of two million dollars last year from a local firm.",
            "Get the soil ready before planting.",
        ] {
            assert!(!LineStats::of(line).is_appeal(), "{line}");
        }
    }

    #[test]
    fn body_span_finds_the_prose_run() {
        let blocks: Vec<String> = [
            "Home",
            "News",
            "Sports",
            "The council voted on Monday to approve the new budget, which had been delayed for months.",
            "Officials said the plan would fund schools and roads across the region over the next year.",
            "Share on Facebook Twitter Email",
            "Related articles",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let lines = page_lines(&blocks);
        assert_eq!(body_span(&lines), Some((3, 4)));
    }

    #[test]
    fn groups_and_keys() {
        let blocks: Vec<String> = ["A b", "C d", "", "E f", "a  B!"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let lines = page_lines(&blocks);
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0].group_size, 2);
        assert_eq!(lines[2].group_size, 2);
        assert_eq!(lines[3].key, lines[0].key);
        assert_eq!(line_key("!!"), 0);
        let paragraphs: Vec<String> = ["A b", "C d", "E f"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(page_lines(&paragraphs).iter().all(|l| l.group_size == 1));
    }
}
