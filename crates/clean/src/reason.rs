//! Why a block was removed: a short machine-readable label chosen from the line's own evidence.

use crate::features::LineStats;
use crate::lexicon::Cue;

/// The reason a block was removed, shown by `crosswire clean --explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reason {
    /// "Are you human" questions and arithmetic challenges.
    Captcha,
    /// "25 users have voted", star ratings.
    VoteCounter,
    /// Reader comments after the article and the comment form around them.
    CommentSection,
    /// "Subscribe", "Sign up", "Log in", paywall offers.
    Subscription,
    /// Donation and membership appeals.
    Donation,
    /// Share bars and social links.
    Social,
    /// Copyright, privacy, cookie and terms notices.
    Legal,
    /// Menus, breadcrumbs, "You are here", tag lists.
    Navigation,
    /// Ads, related-article teasers, "Read more", "You may also like".
    Promo,
    /// Photo credits and captions.
    Credit,
    /// Bylines and date/time stamps.
    BylineDate,
    /// Notes between a news agency's editors: "2nd graf pvs", "(pvs/ih/kk)" ([`crate::desk`]).
    DeskNote,
    /// Other imperative calls to action.
    CallToAction,
    /// The page's title repeated.
    RepeatedTitle,
    /// The same line already kept earlier on the page.
    DuplicateLine,
    /// The same line appears in other documents of the batch.
    RepeatedAcrossBatch,
    /// Not a sentence and outside the article body.
    NotContent,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Captcha => "captcha",
            Reason::VoteCounter => "vote-counter",
            Reason::CommentSection => "comment-section",
            Reason::Subscription => "subscription",
            Reason::Donation => "donation",
            Reason::Social => "share-bar",
            Reason::Legal => "legal-notice",
            Reason::Navigation => "navigation",
            Reason::Promo => "promo",
            Reason::Credit => "photo-credit",
            Reason::BylineDate => "byline-date",
            Reason::DeskNote => "desk-note",
            Reason::CallToAction => "call-to-action",
            Reason::RepeatedTitle => "repeated-title",
            Reason::DuplicateLine => "duplicate-line",
            Reason::RepeatedAcrossBatch => "repeated-across-documents",
            Reason::NotContent => "not-content",
        }
    }
}

/// True for a vote counter: a short line with a number and voting words ("25 users have
/// voted.", "Votes: 12").
pub fn is_vote_counter(s: &LineStats, text: &str) -> bool {
    s.words <= 8
        && s.digit_ratio > 0.0
        && s.cue(Cue::Comment) >= 1
        && text.to_lowercase().contains("vote")
}

/// The most specific label for a removed line, from its own evidence.
pub fn classify(s: &LineStats) -> Reason {
    if s.math_challenge || s.cue(Cue::Captcha) >= 1 {
        return Reason::Captcha;
    }
    let ranked = [
        (Cue::Donate, Reason::Donation),
        (Cue::Subscribe, Reason::Subscription),
        (Cue::Comment, Reason::CommentSection),
        (Cue::Social, Reason::Social),
        (Cue::Legal, Reason::Legal),
        (Cue::Credit, Reason::Credit),
        (Cue::Promo, Reason::Promo),
        (Cue::Nav, Reason::Navigation),
    ];
    let best = ranked
        .iter()
        .filter(|(cue, _)| s.cue(*cue) > 0)
        .max_by_key(|(cue, _)| s.cue(*cue));
    if let Some((_, reason)) = best {
        return *reason;
    }
    if s.byline || (s.date_like && s.words <= 12) {
        return Reason::BylineDate;
    }
    if s.cta_start || s.second_person > 0 {
        return Reason::CallToAction;
    }
    if s.separators >= 2 || s.words <= 3 {
        return Reason::Navigation;
    }
    Reason::NotContent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(line: &str) -> Reason {
        classify(&LineStats::of(line))
    }

    #[test]
    fn labels_follow_the_vocabulary() {
        assert_eq!(why("Sign up for our newsletter"), Reason::Subscription);
        assert_eq!(why("Share on Facebook Twitter"), Reason::Social);
        assert_eq!(
            why("© 2024 Example Media. All rights reserved."),
            Reason::Legal
        );
        assert_eq!(
            why("We use cookies to improve your experience."),
            Reason::Legal
        );
        assert_eq!(why("Please donate to keep us going"), Reason::Donation);
        assert_eq!(why("9 + 4 ="), Reason::Captcha);
        assert_eq!(why("By Jane Doe"), Reason::BylineDate);
        assert_eq!(why("Home | World | Sports"), Reason::Navigation);
        assert_eq!(why("Leave a Reply"), Reason::CommentSection);
    }

    #[test]
    fn vote_counters() {
        let vote = |t: &str| is_vote_counter(&LineStats::of(t), t);
        assert!(vote("12 readers have voted."));
        assert!(!vote(
            "Officials voted 12 times on the bill last year in the senate."
        ));
        assert!(!vote("4.58 overall rating"));
        assert!(!vote("3 Comments"));
    }
}
