//! Text utilities shared by every crosswire stage.
//!
//! * [`sentences`]: split a paragraph into sentences, surviving abbreviations (U.S., Gen., Mr.,
//!   a.m.), initials, decimals, quotes and dashes.
//! * [`words`] / [`Token`]: word tokenization with byte offsets.
//! * [`stem`]: English Snowball (Porter 2) stemming of a lowercase word.
//! * [`fold`]: lowercase + diacritic folding for matching (`Erdoğan` = `erdogan`).
//! * [`is_stopword`]: a compact English stopword list.
//! * [`split_dateline`]: the dateline a wire report opens with (`WASHINGTON (AP) --`).
//! * [`derived_headline`]: a headline to show for an article that came without a title.
//!
//! Nothing here allocates per character; all functions take `&str` and are pure.

mod dateline;
mod fold;
mod headline;
mod sentence;
mod stop;
mod token;

pub use dateline::{Dateline, split_dateline};
pub use fold::{fold, fold_char};
pub use headline::{derived_headline, headline_or_lead, shorten};
pub use sentence::{sentence_spans, sentences};
pub use stop::is_stopword;
pub use token::{Token, content_terms, stem, word_count, words};
