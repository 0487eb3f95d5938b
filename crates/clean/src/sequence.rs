//! Decisions along the page: from per-line content probabilities to keep/remove with reasons.
//!
//! Content on a page is one contiguous region with short pieces (subheadings, one-line quotes)
//! between its paragraphs; boilerplate clusters before and after it. So after the model has
//! scored each line on its own, this pass
//! * drops unmistakable furniture whatever the model says (captchas, vote counters),
//! * keeps a short line the model doubted when content surrounds it on both sides,
//! * drops a short line the model kept when it is stranded among boilerplate,
//! * drops repeats of a line already kept (repeated titles, duplicated teasers),
//! * cuts a reader-comment section that starts after the body has ended.

use crate::features::{Features, PageLine};
use crate::lexicon::Cue;
use crate::reason::{Reason, classify, is_vote_counter};

/// Index of the `body_distance` feature (0 inside the body, >0 after it).
const BODY_DISTANCE: usize = 40;
/// Index of the `other_docs` feature.
const OTHER_DOCS: usize = 34;

/// For each line: `None` to keep it, or the reason to remove it.
pub fn decide(
    lines: &[PageLine<'_>],
    feats: &[Features],
    probs: &[f32],
    threshold: f32,
    title: Option<&str>,
) -> Vec<Option<Reason>> {
    let n = lines.len();
    let mut keep: Vec<bool> = probs.iter().map(|&p| p >= threshold).collect();

    // Unmistakable furniture.
    let mut forced: Vec<Option<Reason>> = vec![None; n];
    for (i, l) in lines.iter().enumerate() {
        let s = &l.stats;
        if s.math_challenge || (s.cue(Cue::Captcha) >= 2 && !s.is_prose()) {
            forced[i] = Some(Reason::Captcha);
        } else if is_vote_counter(s) {
            forced[i] = Some(Reason::VoteCounter);
        }
        if forced[i].is_some() {
            keep[i] = false;
        }
    }

    // Short lines between content are subheadings or short quotes; stranded ones are furniture.
    let snapshot = keep.clone();
    for i in 0..n {
        if forced[i].is_some() || lines[i].stats.is_prose() {
            continue;
        }
        let before = i > 0 && snapshot[i - 1];
        let after = i + 1 < n && snapshot[i + 1];
        let short = lines[i].stats.words <= 15;
        if !snapshot[i] && short && before && after && probs[i] >= threshold * 0.5 {
            keep[i] = true;
        } else if snapshot[i] && short && !before && !after && probs[i] < 0.5 + threshold * 0.5 {
            keep[i] = false;
        }
    }

    // Comment section: a comment marker after the body's last kept prose line ends the article.
    if let Some(cut) = comment_section_start(lines, feats, &keep) {
        for (i, k) in keep.iter_mut().enumerate().skip(cut) {
            if *k {
                *k = false;
                forced[i] = forced[i].or(Some(Reason::CommentSection));
            }
        }
        forced[cut] = forced[cut].or(Some(Reason::CommentSection));
    }

    // Repeats of a kept line (and of the given title) are boilerplate.
    let title_key = title.map(crate::features::line_key).filter(|&k| k != 0);
    let mut kept_keys = std::collections::HashSet::new();
    let mut title_seen = false;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let l = &lines[i];
        if keep[i] {
            if l.key != 0 && Some(l.key) == title_key {
                if title_seen {
                    out.push(Some(Reason::RepeatedTitle));
                    continue;
                }
                title_seen = true;
            }
            if l.key != 0 && !kept_keys.insert(l.key) {
                let reason = if l.stats.is_prose() {
                    Reason::DuplicateLine
                } else {
                    Reason::RepeatedTitle
                };
                out.push(Some(reason));
                continue;
            }
            out.push(None);
        } else if let Some(r) = forced[i] {
            out.push(Some(r));
        } else if feats[i][OTHER_DOCS] >= 1.0 && !l.stats.is_prose() {
            out.push(Some(Reason::RepeatedAcrossBatch));
        } else {
            out.push(Some(classify(&l.stats)));
        }
    }
    out
}

/// Where a trailing reader-comment section starts, if there is one: the first comment marker
/// after the body ("Leave a Reply", "3 Comments", "Jane says:", a numbered prose item right
/// after the article's closing furniture) that is followed by no more kept body prose of its own.
fn comment_section_start(
    lines: &[PageLine<'_>],
    feats: &[Features],
    keep: &[bool],
) -> Option<usize> {
    let last_body = (0..lines.len())
        .rev()
        .find(|&i| keep[i] && lines[i].stats.is_prose() && feats[i][BODY_DISTANCE] <= 0.0)?;
    let mut furniture_seen = false;
    for i in last_body + 1..lines.len() {
        let s = &lines[i].stats;
        let text = lines[i].text;
        let marker_line = s.words <= 8 && s.cue(Cue::Comment) >= 1 && !s.ends_terminal;
        let says = s.words <= 8 && (text.ends_with("says:") || text.ends_with("wrote:"));
        let numbered_rant = furniture_seen && s.numbered && s.is_prose();
        if marker_line || says || numbered_rant {
            return Some(i);
        }
        if !keep[i] && s.cue_total() >= 1 {
            furniture_seen = true;
        }
    }
    None
}
