//! Decisions along the page: from per-line content probabilities to keep/remove with reasons.
//!
//! Content on a page is one contiguous region with short pieces (subheadings, one-line quotes)
//! between its paragraphs; boilerplate clusters before and after it. So after the model has
//! scored each line on its own, this pass
//! * drops unmistakable furniture whatever the model says (captchas, vote counters, wire-desk
//!   notes, inline calls to action and labels such as "Advertisement"),
//! * keeps a short line the model doubted when content surrounds it on both sides, unless it
//!   is made of boilerplate words,
//! * drops a short line the model kept when it is stranded among boilerplate,
//! * drops repeats of a line already kept (repeated titles, duplicated teasers),
//! * cuts a reader-comment section that starts after the body has ended.

// Sequence passes walk several parallel per-line arrays by index; that reads clearer here.
#![allow(clippy::needless_range_loop)]

use crate::desk::is_desk_note;
use crate::features::{Features, LineStats, PageLine};
use crate::lexicon::Cue;
use crate::reason::{Reason, classify, is_vote_counter};

/// Index of the `body_distance` feature (0 inside the body, >0 after it).
const BODY_DISTANCE: usize = 40;
/// Index of the `words_before_frac` feature (share of the page's words above the line).
const WORDS_BEFORE: usize = 31;
/// Appeals are dropped outright only in the latter part of a page, where they follow the
/// article; earlier ones are left to the model (how-to pages legitimately say "sign up").
const APPEAL_FROM: f32 = 0.4;
/// How far below the threshold a plain sentence continuing the body may score and stay.
const CONTINUITY_FACTOR: f32 = 0.3;
/// Index of the `other_docs` feature.
const OTHER_DOCS: usize = 34;

/// Switches for the sequence rules, so each can be measured by turning it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    /// Drop captchas, vote counters and reader appeals whatever the model says.
    pub furniture: bool,
    /// Keep short lines between content, drop short lines stranded among boilerplate.
    pub smoothing: bool,
    /// Keep a sentence (or a lead paragraph) just above the body.
    pub lead_in: bool,
    /// Keep a plain sentence in the body that follows kept prose.
    pub continuity: bool,
    /// Cut a reader-comment section after the body.
    pub comments: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            furniture: true,
            smoothing: true,
            lead_in: true,
            continuity: true,
            comments: true,
        }
    }
}

/// For each line: `None` to keep it, or the reason to remove it.
pub fn decide(
    lines: &[PageLine<'_>],
    feats: &[Features],
    probs: &[f32],
    threshold: f32,
    title: Option<&str>,
    rules: &Rules,
) -> Vec<Option<Reason>> {
    let n = lines.len();
    let mut keep: Vec<bool> = probs.iter().map(|&p| p >= threshold).collect();

    // Unmistakable furniture.
    let mut forced: Vec<Option<Reason>> = vec![None; n];
    for (i, l) in lines.iter().enumerate() {
        if !rules.furniture {
            break;
        }
        let s = &l.stats;
        if s.math_challenge || (s.cue(Cue::Captcha) >= 2 && !s.is_prose()) {
            forced[i] = Some(Reason::Captcha);
        } else if is_vote_counter(s, l.text) {
            forced[i] = Some(Reason::VoteCounter);
        } else if is_desk_note(l.text) {
            forced[i] = Some(Reason::DeskNote);
        } else if (s.is_appeal() && feats[i][WORDS_BEFORE] >= APPEAL_FROM) || is_inline_furniture(s)
        {
            forced[i] = Some(classify(s));
        }
        if forced[i].is_some() {
            keep[i] = false;
        }
    }
    if rules.furniture {
        drop_appeal_lists(lines, &mut forced, &mut keep);
    }

    // Short lines between content are subheadings or short quotes; stranded ones are furniture.
    let snapshot = keep.clone();
    for i in 0..n {
        if !rules.smoothing || forced[i].is_some() || lines[i].stats.is_prose() {
            continue;
        }
        let before = i > 0 && snapshot[i - 1];
        let after = i + 1 < n && snapshot[i + 1];
        let short = lines[i].stats.words <= 15;
        // Not a subheading: a short line of share, subscribe, comment or promotion words.
        let furniture_words = lines[i].stats.strong_cues() > 0;
        if !snapshot[i]
            && short
            && before
            && after
            && probs[i] >= threshold * 0.5
            && !furniture_words
        {
            keep[i] = true;
        } else if snapshot[i] && short && !before && !after && probs[i] < 0.5 + threshold * 0.5 {
            keep[i] = false;
        }
    }

    // A plain sentence inside the body right after kept prose continues the article, also
    // when furniture dropped above (an ad label, a call to action) stands between them.
    if rules.continuity {
        for i in 1..n {
            let s = &lines[i].stats;
            let mut prev = i - 1;
            while prev > 0 && forced[prev].is_some() {
                prev -= 1;
            }
            // Nor does it count in the distance past the body.
            let past_body = feats[i][BODY_DISTANCE];
            let past_body = if past_body > 0.0 {
                (past_body - (i - 1 - prev) as f32).max(0.0)
            } else {
                past_body
            };
            if !keep[i]
                && forced[i].is_none()
                && keep[prev]
                && lines[prev].stats.is_prose()
                && (0.0..=1.0).contains(&past_body)
                && s.is_prose()
                && s.ends_terminal
                && s.strong_cues() <= 1
                && !s.is_appeal()
                && s.second_person == 0
                && probs[i] >= threshold * CONTINUITY_FACTOR
            {
                keep[i] = true;
            }
        }
    }

    // A sentence just above the body (a standfirst or lead-in subheading) belongs to it.
    for i in 0..n {
        let d = feats[i][BODY_DISTANCE];
        if rules.lead_in
            && !keep[i]
            && forced[i].is_none()
            && (-3.0..0.0).contains(&d)
            && (is_lead_in(&lines[i]) || (d == -1.0 && is_lead_paragraph(&lines[i])))
        {
            keep[i] = true;
        }
    }

    // Comment section: a comment marker after the body's last kept prose line ends the article.
    let cut = if rules.comments {
        comment_section_start(lines, feats, &keep)
    } else {
        None
    };
    if let Some(cut) = cut {
        for i in cut..n {
            keep[i] = false;
            let s = &lines[i].stats;
            // Comment text, stamps, commenter names and reply buttons; a footer after the
            // comments keeps its own label.
            let part_of_comments = i == cut
                || s.is_prose()
                || s.ends_terminal
                || s.date_like
                || s.words <= 3
                || is_comment_marker(&lines[i]);
            if part_of_comments {
                forced[i] = forced[i].or(Some(Reason::CommentSection));
            }
        }
    }

    // A short text (a feed item, a one-paragraph brief) is not all boilerplate: if nothing
    // survived, its plain sentences are the article. So is a run of several sentences,
    // whatever its last word ("... cast ballots. MORE") or a stray navigation or credit
    // word in it: furniture is not written in paragraphs.
    if !keep.iter().any(|&k| k) {
        for i in 0..n {
            let s = &lines[i].stats;
            let sentence = s.words >= 6 && s.ends_terminal && s.stop_ratio >= 0.2;
            let paragraph = s.is_prose() && s.words >= 40 && s.strong_cues() == 0;
            if forced[i].is_none()
                && ((sentence && s.cue_total() == 0) || paragraph)
                && !s.is_appeal()
            {
                keep[i] = true;
            }
        }
    }

    // Repeats of a kept line (and of the given title) are boilerplate.
    let title_key = title.map(crate::features::line_key).filter(|&k| k != 0);
    let mut kept_keys = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let l = &lines[i];
        if keep[i] {
            // The caller took the title out already, so a line equal to it is a repeat.
            if l.key != 0 && Some(l.key) == title_key {
                out.push(Some(Reason::RepeatedTitle));
                continue;
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
        } else if l.key != 0 && Some(l.key) == title_key {
            out.push(Some(Reason::RepeatedTitle));
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

/// A line that interrupts an article rather than heads a part of it: a call to action with
/// boilerplate words ("Click here to read more stories like this", "Follow us on X"), or a
/// label of one or two boilerplate words ("Advertisement", "Related", "Tweet"). Dropped
/// wherever it stands: the model learned from pages where such lines sit around the
/// article, and kept them when they stood between its paragraphs (a scraped article with
/// inline furniture kept about half of it). On the textclean dev pages this drops 12 lines
/// of boilerplate and 8 of the truth (one-word list items such as "TikTok").
fn is_inline_furniture(s: &LineStats) -> bool {
    !s.is_prose()
        && s.words <= 10
        && s.strong_cues() >= 1
        && (s.cta_start || (s.words <= 2 && s.strong_cues() >= s.words))
}

/// Where a trailing reader-comment section starts, if there is one: the first comment marker
/// ("Leave a Reply", "87 Comments", "Jane says:", "by joe (123) writes:", "Reply") that comes
/// after some article prose has been kept and is followed by more comment furniture (at least
/// [`MIN_SIGNATURES`] signature lines within [`SIGNATURE_WINDOW`] lines), or a numbered prose
/// item right after the article's closing furniture (a numbered reader comment).
fn comment_section_start(
    lines: &[PageLine<'_>],
    feats: &[Features],
    keep: &[bool],
) -> Option<usize> {
    let signature: Vec<bool> = lines.iter().map(is_comment_signature).collect();
    let mut prose_before = 0usize;
    let mut furniture_after_body = false;
    for (i, l) in lines.iter().enumerate() {
        let s = &l.stats;
        if prose_before >= MIN_PROSE_BEFORE {
            let window_end = (i + SIGNATURE_WINDOW).min(lines.len());
            let signatures = signature[i..window_end].iter().filter(|&&b| b).count();
            if is_comment_marker(&lines[i]) && signatures >= MIN_SIGNATURES {
                return Some(i);
            }
            if furniture_after_body && s.numbered && s.is_prose() && feats[i][BODY_DISTANCE] >= 0.0
            {
                return Some(i);
            }
        }
        if keep[i] && s.is_prose() {
            prose_before += s.words;
            furniture_after_body = false;
        } else if !keep[i] && s.cue_total() >= 1 && prose_before >= MIN_PROSE_BEFORE {
            furniture_after_body = true;
        }
    }
    None
}

/// Kept prose words needed before a comment section can start.
const MIN_PROSE_BEFORE: usize = 50;
/// Comment signature lines needed near a marker ...
const MIN_SIGNATURES: usize = 3;
/// ... within this many lines from it.
const SIGNATURE_WINDOW: usize = 40;

/// Short lines that only occur around reader comments: comment counts and headers, reply
/// buttons, "X says:" / "X writes:" attributions. These can open a comment section.
fn is_comment_marker(l: &PageLine<'_>) -> bool {
    let s = &l.stats;
    // A comment count inside a byline ("By Jo Lee | May 5 | 6 comments") is header metadata.
    if s.words == 0 || s.words > 14 || s.is_prose() || s.byline || s.date_like {
        return false;
    }
    let t = l.text.trim_end();
    let attribution = t.ends_with("says:")
        || t.ends_with("said:")
        || t.ends_with("wrote:")
        || t.contains(" writes:");
    attribution || (s.cue(Cue::Comment) >= 1 && !s.ends_terminal)
}

/// Comment markers, and the bare date stamps that head each comment.
fn is_comment_signature(l: &PageLine<'_>) -> bool {
    is_comment_marker(l) || (l.stats.date_like && l.stats.words <= 10)
}

/// A full sentence right above the body: the lead paragraph of a report whose dateline and
/// names ("OTTAWA, Feb. 20 (Xinhua) -- Prime Minister Jean Chretien said...") make it look
/// less like prose than the paragraphs after it.
fn is_lead_paragraph(l: &PageLine<'_>) -> bool {
    let s = &l.stats;
    s.words >= 12
        && s.ends_terminal
        && (s.verbs >= 1 || s.attribution || s.words >= 20)
        && s.strong_cues() <= 1
        && !s.is_appeal()
        && s.second_person == 0
        && !l.text.contains('?')
}

/// A sentence in sentence case with a verb and no furniture vocabulary: the kind of short line
/// (standfirst, lead-in) that introduces the body rather than the site.
fn is_lead_in(l: &PageLine<'_>) -> bool {
    let s = &l.stats;
    (6..=30).contains(&s.words)
        && s.verbs >= 1
        && s.cue_total() == 0
        && s.second_person == 0
        && s.title_ratio < 0.5
        && !s.date_like
        && !l.text.contains('?')
}

/// A run of list items shares its fate: when half of a bullet run are appeals, or the line
/// leading into it is an appeal ending in a colon ("Here's why you should subscribe:"), the whole
/// run is the offer's fine print.
fn drop_appeal_lists(lines: &[PageLine<'_>], forced: &mut [Option<Reason>], keep: &mut [bool]) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if !lines[i].stats.bullet {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && lines[i].stats.bullet {
            i += 1;
        }
        let run = start..i;
        let appeals = run.clone().filter(|&j| lines[j].stats.is_appeal()).count();
        let lead_in = start > 0 && {
            let s = &lines[start - 1].stats;
            s.is_appeal() && s.trailing_colon
        };
        if appeals * 2 >= run.len() || lead_in {
            for j in run {
                keep[j] = false;
                forced[j] = forced[j].or(Some(classify(&lines[j].stats)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{batch_key_counts, page_features, page_lines};

    /// Run `decide` with given probabilities (one per non-empty block).
    fn run(blocks: &[&str], probs: &[f32]) -> Vec<Option<Reason>> {
        let blocks: Vec<String> = blocks.iter().map(|s| s.to_string()).collect();
        let lines = page_lines(&blocks);
        assert_eq!(lines.len(), probs.len());
        let counts = batch_key_counts(std::slice::from_ref(&lines));
        let feats = page_features(&lines, &counts);
        decide(&lines, &feats, probs, 0.5, None, &Rules::default())
    }

    const P1: &str = "The council voted on Monday to approve the new budget, which had been \
                      delayed for months by disagreements over school funding.";
    const P2: &str = "Officials said the plan would fund schools and roads across the region \
                      over the next year, with most of the money going to repairs.";
    const P3: &str = "Critics said the spending was too high and that taxes would have to rise \
                      within two years unless the economy grew faster than expected.";

    #[test]
    fn a_doubted_subheading_between_paragraphs_is_kept() {
        let out = run(&[P1, "What happens next", P2], &[0.9, 0.3, 0.9]);
        assert_eq!(out, vec![None, None, None]);
    }

    #[test]
    fn a_doubted_line_of_boilerplate_words_between_paragraphs_is_not_a_subheading() {
        let out = run(&[P1, "Comments (12)", P2], &[0.9, 0.3, 0.9]);
        assert_eq!(out[1], Some(Reason::CommentSection), "{out:?}");
        assert_eq!((out[0], out[2]), (None, None));
    }

    #[test]
    fn inline_furniture_is_dropped_and_the_paragraph_after_it_continues_the_article() {
        let out = run(
            &[P1, P2, "Click here to read more stories like this.", P3],
            &[0.9, 0.9, 0.8, 0.3],
        );
        assert!(
            out[2].is_some(),
            "the call to action, though the model kept it"
        );
        assert_eq!(out[3], None, "the closing paragraph the model doubted");
        let out = run(&[P1, "Advertisement", P2], &[0.9, 0.9, 0.9]);
        assert!(out[1].is_some(), "{out:?}");
    }

    #[test]
    fn a_stranded_short_line_is_dropped() {
        let out = run(&["Home", "Trending now", "Sports"], &[0.1, 0.6, 0.1]);
        assert!(out.iter().all(Option::is_some), "{out:?}");
    }

    #[test]
    fn captchas_and_vote_counters_go_whatever_the_model_says() {
        let out = run(
            &[P1, "12 users have voted.", "4 + 5 =", P2],
            &[0.9, 0.9, 0.9, 0.9],
        );
        assert_eq!(out[1], Some(Reason::VoteCounter));
        assert_eq!(out[2], Some(Reason::Captcha));
        assert_eq!(out[0], None);
    }

    #[test]
    fn wire_desk_notes_go_whatever_the_model_says() {
        let out = run(
            &[P1, P2, "Critics said, 3rd graf pvs", "(ab/cd/ef)"],
            &[0.9, 0.9, 0.9, 0.9],
        );
        assert_eq!(
            out,
            vec![None, None, Some(Reason::DeskNote), Some(Reason::DeskNote)]
        );
    }

    #[test]
    fn an_offer_list_goes_with_its_lead_in() {
        let out = run(
            &[
                P1,
                P2,
                P3,
                "Here's why you should get this premium content:",
                "– Unlimited reading on all devices.",
                "– Ad-free pages.",
            ],
            &[0.9, 0.9, 0.9, 0.9, 0.9, 0.9],
        );
        assert_eq!(&out[..3], &[None, None, None]);
        assert!(out[3..].iter().all(Option::is_some), "{out:?}");
    }

    #[test]
    fn comments_after_the_body_are_cut() {
        let out = run(
            &[
                P1,
                P2,
                P3,
                "3 Comments",
                "Jo Miller says:",
                "May 2, 2024 at 9:15 am",
                "I think the council made the right call and I hope the roads get fixed soon.",
                "Reply",
            ],
            &[0.9, 0.9, 0.9, 0.2, 0.2, 0.2, 0.8, 0.2],
        );
        assert_eq!(&out[..3], &[None, None, None]);
        assert!(
            out[3..].iter().all(|r| *r == Some(Reason::CommentSection)),
            "{out:?}"
        );
    }

    #[test]
    fn a_sentence_above_the_body_is_kept() {
        let out = run(
            &[
                "Menu",
                "Two clinics have been hit since the offensive began",
                P1,
                P2,
            ],
            &[0.1, 0.2, 0.9, 0.9],
        );
        assert_eq!(out[1], None, "{out:?}");
        assert!(out[0].is_some());
    }

    #[test]
    fn a_one_sentence_brief_is_not_emptied() {
        let out = run(
            &["Shelters in the river town will stay open through the weekend, the mayor said."],
            &[0.2],
        );
        assert_eq!(out, vec![None]);
        let out = run(&["Subscribe to our newsletter!"], &[0.2]);
        assert!(out[0].is_some());
    }

    #[test]
    fn a_lead_paragraph_with_a_dateline_is_kept() {
        let lead = "SEOUL, South Korea (AP) _ Despite catastrophic hunger at home, North Korea \
                    plans to send 317 athletes and officials to next month's Asian Games.";
        let out = run(&[lead, P1, P2, P3], &[0.3, 0.9, 0.9, 0.9]);
        assert_eq!(out, vec![None, None, None, None]);
    }

    #[test]
    fn a_line_kept_twice_is_a_duplicate() {
        let out = run(&[P1, P2, P1], &[0.9, 0.9, 0.9]);
        assert_eq!(out[2], Some(Reason::DuplicateLine));
    }
}
