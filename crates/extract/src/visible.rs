//! How many words a reader sees on a page: the count of the text
//! [`content::fragment_paragraphs`](crate::content::fragment_paragraphs) would give, without
//! building its strings or its per-node analysis.
//!
//! The same rules as there: dropped tags (scripts, styles, `head`, forms, …) and hidden
//! elements are skipped with everything below them; block elements and `<br>` end a block;
//! text in adjacent inline nodes joins (`foo<b>bar</b>` is one word); a short block that is
//! only a date or number (outside table cells) and a block mostly of link text are left out,
//! as is a label right before a removed box, as its emitter drops them.

use crate::boilerplate::is_hidden;
use crate::content::{is_label, keeps_block, numeric_debris};
use crate::dom::{Dom, NodeData, NodeId, flags};

/// Words (whitespace-separated tokens) of all visible text of a parsed page.
pub fn visible_word_count(dom: &Dom) -> usize {
    let mut counter = BlockCounter::default();
    // (node, entering, inside a link)
    let mut stack: Vec<(NodeId, bool, bool)> = vec![(0, true, false)];
    while let Some((i, entering, in_link)) = stack.pop() {
        let Some(node) = dom.nodes.get(i) else {
            continue;
        };
        match &node.data {
            NodeData::Text(t) => counter.push_text(t, in_link),
            NodeData::Document => {
                stack.extend(node.children.iter().rev().map(|&c| (c, true, in_link)));
            }
            NodeData::Element(el) => {
                let block = el.flags & flags::BLOCK != 0;
                if !entering {
                    if block {
                        counter.flush();
                    }
                    continue;
                }
                if el.flags & flags::DROPPED != 0 || is_hidden(el) {
                    // A label right before a removed box with text ("Share this:") goes too.
                    if counter.chars == 0 && counter.last_label && raw_chars_at_least(dom, i, 30) {
                        counter.total -= counter.last_words;
                        counter.last_label = false;
                        counter.last_words = 0;
                    }
                    continue;
                }
                let tag = &*el.tag;
                if tag == "br" {
                    counter.in_word = false;
                    continue;
                }
                if block {
                    counter.flush();
                    counter.heading = el.flags & flags::HEADING != 0;
                    counter.cell = matches!(tag, "td" | "th");
                }
                stack.push((i, false, in_link));
                let link = in_link || tag == "a";
                stack.extend(node.children.iter().rev().map(|&c| (c, true, link)));
            }
        }
    }
    counter.flush();
    counter.total
}

/// Whether the subtree of `root` holds at least `min` non-whitespace text characters
/// (stops counting once it does).
fn raw_chars_at_least(dom: &Dom, root: NodeId, min: usize) -> bool {
    let mut n = 0;
    let mut stack = vec![root];
    while let Some(i) = stack.pop() {
        let Some(node) = dom.nodes.get(i) else {
            continue;
        };
        if let NodeData::Text(t) = &node.data {
            n += t.chars().filter(|c| !c.is_whitespace()).count();
            if n >= min {
                return true;
            }
        }
        stack.extend(node.children.iter());
    }
    false
}

/// Running counts of the current block and of the page.
#[derive(Default)]
struct BlockCounter {
    total: usize,
    /// Words and label verdict of the last block counted (a label may be taken back).
    last_words: usize,
    last_label: bool,
    words: usize,
    /// Non-whitespace characters of the block, and those inside links.
    chars: usize,
    link_chars: usize,
    letters: usize,
    digits: usize,
    last_char: char,
    /// The block's text so far ends inside a word (the next text may continue it).
    in_word: bool,
    heading: bool,
    cell: bool,
}

impl BlockCounter {
    fn push_text(&mut self, t: &str, in_link: bool) {
        let mut in_word = self.in_word;
        for c in t.chars() {
            if c.is_whitespace() {
                in_word = false;
                continue;
            }
            if !in_word {
                self.words += 1;
                in_word = true;
            }
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
            if c.is_alphabetic() {
                self.letters += 1;
            } else if c.is_ascii_digit() {
                self.digits += 1;
            }
            self.last_char = c;
        }
        self.in_word = in_word;
    }

    /// End the current block: count it unless the emitter would drop it as a link row or
    /// date/number debris.
    fn flush(&mut self) {
        if self.chars > 0 {
            // The block's length: its characters plus one space between words.
            let len = self.chars + self.words.saturating_sub(1);
            let debris = !self.cell && numeric_debris(len, self.letters, self.digits);
            if keeps_block(self.chars, self.link_chars, debris) {
                self.total += self.words;
                self.last_words = self.words;
                self.last_label = is_label(self.heading, self.chars, Some(self.last_char));
            }
        }
        *self = BlockCounter {
            total: self.total,
            last_words: self.last_words,
            last_label: self.last_label,
            ..Default::default()
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fragment_paragraphs;

    fn both(html: &str) -> (usize, usize) {
        let dom = Dom::parse(html);
        let old: usize = fragment_paragraphs(&dom)
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum();
        (visible_word_count(&dom), old)
    }

    #[test]
    fn counts_body_text_and_skips_scripts_styles_and_hidden() {
        let html = "<html><head><title>Not counted here</title><style>p{color:red}</style>\
            </head><body><p>One two three.</p><script>var a = 1 + 2;</script>\
            <div hidden>secret words here</div><div style='display: none'>also hidden</div>\
            <p>Four five.</p></body></html>";
        assert_eq!(both(html), (5, 5));
    }

    #[test]
    fn inline_elements_join_words_and_blocks_split_them() {
        assert_eq!(both("<p>foo<b>bar</b> baz</p>"), (2, 2));
        assert_eq!(both("<p>foo</p><p>bar</p>"), (2, 2));
        assert_eq!(both("<div>foo<br>bar</div>"), (2, 2));
        assert_eq!(both("<ul><li>a</li><li>b c</li></ul>"), (3, 3));
    }

    #[test]
    fn drops_date_debris_but_not_table_cells() {
        let html = "<p>12.05.2024</p><p>Text with words.</p>\
            <table><tr><td>2024</td><td>42</td></tr></table>";
        assert_eq!(both(html), (5, 5));
    }

    #[test]
    fn leaves_out_link_rows_and_the_label_of_a_removed_box() {
        let html = "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World news</a></li></ul>\
            <p>An article sentence with <a href='/x'>one link</a> in it.</p>\
            <h3>Share this</h3><button>Share this article on a social network site</button><p>End.</p>";
        assert_eq!(both(html), (9, 9));
    }

    #[test]
    fn empty_and_malformed_pages_do_not_panic() {
        assert_eq!(visible_word_count(&Dom::parse("")), 0);
        let (new, old) = both("<p>unclosed <b>bold <i>and</p> more <div><span>x");
        assert_eq!(new, old);
    }
}
