//! Which elements are page furniture rather than article: by tag, by ARIA role, by hidden
//! state, and by class/id vocabulary that templates across languages use (`comment`,
//! `share`, `related`, `cookie`, `sidebar`, …). Class names are English-ish even on German
//! or French sites, so this vocabulary is not an English-only text heuristic.

use crate::dom::Element;

/// Substrings of a lowercased `class`/`id` that mark furniture.
const NOISE: &[&str] = &[
    "comment",
    "footer",
    "related",
    "share",
    "sharing",
    "social",
    "sociable",
    "cookie",
    "consent",
    "newsletter",
    "sidebar",
    "breadcrumb",
    "bread-crumb",
    "menu",
    "navigation",
    "navbar",
    "subnav",
    "widget",
    "advert",
    "popup",
    "modal",
    "overlay",
    "paywall",
    "rating",
    "pagination",
    "pager",
    "sponsor",
    "promo",
    "outbrain",
    "taboola",
    "recommend",
    "most-popular",
    "mostread",
    "most-read",
    "screen-reader",
    "skip-link",
    "skiplink",
    "login",
    "signup",
    "subscribe",
    "toolbar",
    "byline",
    "author",
    "caption",
    "tag-list",
    "taglist",
    "tagcloud",
    "post-tags",
    "entry-tags",
    "article-tags",
    "post-meta",
    "entry-meta",
    "article-meta",
    "postmeta",
    "meta-info",
    "metadata",
    "timestamp",
    "dateline",
    "print-only",
    "noprint",
    "lightbox",
    "slider",
    "carousel",
    "banner",
    "disqus",
    "respond",
    "reply",
    "infobox",
    "next-post",
    "prev-post",
    "post-nav",
    "nav-links",
    "syndication",
    "viral",
    "crumbs",
    "ad-container",
    "ad-slot",
    "adslot",
    "google-ad",
    "werbung",
    "anzeige",
    "copyright",
    "disclosure",
    "affiliate",
    "nextstory",
    "next-story",
    "more-stories",
    "loadinganimation",
    "saboxplugin",
    "author-box",
    "authorbox",
    "kommentar",
    "nicht-drucken",
    "disclaimer",
    "donat",
    "subscription",
    "membership",
    "-cta",
    "cta-",
    "credit",
    "legend",
    "instagram-media",
    "tiktok-embed",
    "fb-post",
    "third-party",
    "__meta",
    "_meta",
    "__date",
    "-date",
    "_date",
    "pubdate",
    "storytags",
    "-tags",
    "_tags",
    "licence",
    "license",
];

/// Whole class/id tokens that mark furniture (too short to match as substrings safely).
const NOISE_TOKENS: &[&str] = &[
    "nav",
    "ad",
    "ads",
    "tags",
    "meta",
    "share",
    "social",
    "date",
    "hide",
    "print",
    "links",
    "more",
    "bottom",
    "top",
    "masthead",
    "sticky",
    "hidden",
    "sr-only",
    "visually-hidden",
    "element-invisible",
    "invisible",
];

/// Substrings of class/id that mark the article body (a positive signal).
const CONTENT: &[&str] = &[
    "article", "content", "entry", "post", "story", "text", "body", "main", "blog", "inhalt",
    "artikel", "beitrag",
];

/// Lowercased class + id of an element, space-separated.
pub fn class_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s.make_ascii_lowercase();
    s
}

/// Whether an element is hidden from readers.
pub fn is_hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Whether the element's role marks it as navigation or similar furniture.
pub fn is_noise_role(el: &Element) -> bool {
    matches!(
        el.attr("role"),
        Some(
            "navigation"
                | "banner"
                | "contentinfo"
                | "complementary"
                | "menu"
                | "menubar"
                | "search"
                | "dialog"
                | "alertdialog"
        )
    )
}

/// Whether the class/id names a comment section (never protected as prose).
pub fn is_comment_class(ci: &str) -> bool {
    ci.contains("comment")
        || ci.contains("kommentar")
        || ci.contains("disqus")
        || ci.contains("respond")
}

/// Whether `pattern` is a part of the class token `tok`, not letters inside another word:
/// it touches the token's start or end (or a `-`/`_` separator) on at least one side, a
/// trailing plural `s` allowed (`mtncomment`, `commentlist`, `site-footer`, `comments`, but
/// not the `pager` inside `apageroot`).
fn names_part(tok: &str, pattern: &str) -> bool {
    let bytes = tok.as_bytes();
    let is_sep = |b: u8| b == b'-' || b == b'_';
    tok.match_indices(pattern).any(|(at, _)| {
        let end = at + pattern.len();
        let starts = at == 0 || is_sep(bytes[at - 1]);
        let rest = &bytes[end..];
        let ends = rest.is_empty()
            || is_sep(rest[0])
            || (rest[0] == b's' && (rest.len() == 1 || is_sep(rest[1])));
        starts || ends
    })
}

/// Whether the class/id string names furniture.
pub fn is_noise_class(ci: &str) -> bool {
    if ci.is_empty() {
        return false;
    }
    ci.split(|c: char| c.is_whitespace()).any(|tok| {
        // Page-builder classes (`elementor-widget-text-editor`) name layout, not purpose.
        !tok.starts_with("elementor")
            // `contains` first: it is cheap, and most tokens hold no noise word at all.
            && (NOISE.iter().any(|p| tok.contains(p) && names_part(tok, p))
                || NOISE_TOKENS.contains(&tok)
                || tok.starts_with("ad-")
                || tok.starts_with("ads-"))
    })
}

/// Class weight in the readability sense: positive for body-like names, negative for noise.
pub fn class_weight(ci: &str) -> f32 {
    let mut w = 0.0;
    if is_noise_class(ci) {
        w -= 25.0;
    }
    if CONTENT.iter().any(|p| ci.contains(p)) {
        w += 25.0;
    }
    w
}

/// How strongly a class/id/itemprop names the article body itself; higher is better.
pub fn body_marker(el: &Element, ci: &str) -> u8 {
    if el
        .attr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"))
    {
        return 3;
    }
    class_marker(ci)
}

/// [`body_marker`] from the class/id string alone (no `itemprop`).
pub fn class_marker(ci: &str) -> u8 {
    const STRONG: &[&str] = &[
        "articlebody",
        "article-body",
        "article_body",
        "article__body",
        "article-content",
        "article_content",
        "article__content",
        "articlecontent",
        "article-text",
        "articletext",
        "article__text",
        "entry-content",
        "entry_content",
        "post-content",
        "post_content",
        "postcontent",
        "post-body",
        "post_body",
        "post-text",
        "post_text",
        "post-entry",
        "postentry",
        "story-body",
        "storybody",
        "story-content",
        "story-text",
        "body-text",
        "bodytext",
        "text-content",
        "field-body",
        "fulltext",
        "art-content",
    ];
    /// Names of a page's main region: they protect an element from pruning but are too
    /// broad to pick as the article (they often hold teasers or several posts).
    const WEAK: &[&str] = &[
        "single-content",
        "blog-content",
        "page-content",
        "main-content",
        "content-body",
        "content__body",
        "rich-text",
        "richtext",
    ];
    // BEM and snake_case spellings (`entry__content`, `story_body`) name the same region
    // as the hyphenated ones.
    let hyphenated = ci.replace("__", "-").replace('_', "-");
    let found = |names: &[&str]| {
        names
            .iter()
            .any(|p| ci.contains(p) || hyphenated.contains(p))
    };
    if found(STRONG) {
        return 2;
    }
    if found(WEAK) {
        return 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noise_words_count_only_as_parts_of_a_class_name() {
        // A noise word at a token's edge or between separators is furniture...
        assert!(is_noise_class("mtncomment"));
        assert!(is_noise_class("commentlist"));
        assert!(is_noise_class("site-footer"));
        assert!(is_noise_class("comments"));
        assert!(is_noise_class("x-pager__item"));
        // ...letters inside another word are not (`pager` in `apageroot`).
        assert!(!is_noise_class("apageroot__sectionwrapper"));
    }

    #[test]
    fn body_names_match_in_bem_and_snake_case_spellings() {
        assert_eq!(class_marker("entry-content"), 2);
        assert_eq!(class_marker("entry__content paywall-container"), 2);
        assert_eq!(class_marker("post_text"), 2);
        assert_eq!(class_marker("story__body"), 2);
        assert_eq!(class_marker("main__content"), 1);
        assert_eq!(class_marker("entry__meta sidebar"), 0);
    }
}
