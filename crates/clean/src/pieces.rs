//! Cutting an over-long block of prose into paragraph-sized pieces before it is judged.
//!
//! Why: the line model learned from pages whose blocks are paragraphs, where a single line
//! of several hundred words is almost always furniture (a flattened menu, an archive list,
//! a code dump). Feeds and datasets often carry a whole article as one line, with no
//! paragraph breaks; judged whole, such a line looks like that furniture and the article
//! is dropped. Cut at sentence boundaries, it reads as the paragraphs it is. A long line
//! that is not running prose (few sentences, few function words) stays whole and is
//! judged as before.

use std::ops::Range;

use crosswire_text::{is_stopword, sentence_spans, word_count, words};

/// Blocks of more words than this are candidates for cutting: on the textclean dev pages
/// one line in 400 is longer, mostly code, archive lists and menus.
pub const LONG_BLOCK_WORDS: usize = 150;

/// In a document of at most [`FLAT_BLOCKS`] blocks, which has lost its paragraph breaks,
/// blocks of more words than this are candidates: one long line is then the article,
/// however short, and judged whole it has no page around it to be judged against.
pub const FLAT_BLOCK_WORDS: usize = 60;
pub const FLAT_BLOCKS: usize = 3;

/// A piece ends at the first sentence end past this many words (news paragraphs run
/// 30-80 words).
pub const PIECE_WORDS: usize = 40;

/// A remainder shorter than this stays with the piece before it.
const MIN_TAIL_WORDS: usize = 25;

/// Running prose has at least this many sentences per 100 words ...
const MIN_SENTENCES_PER_100_WORDS: f32 = 2.0;

/// ... and at least this share of function words (a menu or a code dump has few).
const MIN_STOPWORD_SHARE: f32 = 0.25;

/// The pieces of a trimmed block: the block itself unless it is a run of prose of more
/// than `long_words` words ([`LONG_BLOCK_WORDS`], or [`FLAT_BLOCK_WORDS`] in a flat
/// document), which is cut after the first sentence end past [`PIECE_WORDS`] words, again
/// and again.
pub fn pieces(block: &str, long_words: usize) -> Vec<&str> {
    let total = word_count(block);
    if total <= long_words {
        return vec![block];
    }
    let spans = sentence_spans(block);
    if (spans.len() as f32) < MIN_SENTENCES_PER_100_WORDS * total as f32 / 100.0
        || stopword_share(block) < MIN_STOPWORD_SHARE
    {
        return vec![block];
    }
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    let mut words_in = 0usize;
    let mut words_left = total;
    for span in spans {
        let n = word_count(&block[span.clone()]);
        let from = *start.get_or_insert(span.start);
        words_in += n;
        words_left = words_left.saturating_sub(n);
        if words_in >= PIECE_WORDS && words_left >= MIN_TAIL_WORDS {
            cuts.push(from..span.end);
            start = None;
            words_in = 0;
        }
    }
    match (start, cuts.last_mut()) {
        (Some(from), _) => cuts.push(from..block.len()),
        // The last sentence closed a piece: it runs to the end of the block.
        (None, Some(last)) => last.end = block.len(),
        (None, None) => return vec![block],
    }
    if let Some(first) = cuts.first_mut() {
        first.start = 0;
    }
    cuts.into_iter()
        .map(|r| block[r].trim())
        .filter(|p| !p.is_empty())
        .collect()
}

fn stopword_share(text: &str) -> f32 {
    let tokens = words(text);
    let stop = tokens
        .iter()
        .filter(|t| is_stopword(&t.text.to_lowercase()))
        .count();
    stop as f32 / tokens.len().max(1) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(sentences: usize) -> String {
        (0..sentences)
            .map(|i| {
                format!(
                    "The council said on Monday that the new bridge over the river {i} would open \
                     in the spring after the last inspections."
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn short_blocks_stay_whole() {
        let p = prose(3);
        assert_eq!(pieces(&p, LONG_BLOCK_WORDS), vec![p.as_str()]);
    }

    #[test]
    fn a_long_run_of_prose_is_cut_at_sentence_ends_into_paragraph_sized_pieces() {
        let p = prose(30); // 30 sentences of 21 words
        let cut = pieces(&p, LONG_BLOCK_WORDS);
        assert!(cut.len() >= 12, "{}", cut.len());
        assert_eq!(cut.join(" "), p, "nothing lost, nothing reordered");
        for piece in &cut {
            assert!(piece.ends_with('.'), "{piece}");
            let n = word_count(piece);
            assert!(
                (PIECE_WORDS..PIECE_WORDS + 25 + MIN_TAIL_WORDS).contains(&n),
                "{n}"
            );
        }
    }

    #[test]
    fn long_furniture_stays_whole() {
        let archive = (1..=40)
            .map(|i| format!("Archive {i} December 2025 November 2025 Home World Sports"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(pieces(&archive, FLAT_BLOCK_WORDS), vec![archive.as_str()]);
        let code = "let x = foo(bar); ".repeat(60);
        assert_eq!(pieces(code.trim(), FLAT_BLOCK_WORDS).len(), 1);
    }
}
