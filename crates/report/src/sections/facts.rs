//! Facts and Timeline sections of a digest (owned by the facts stage's authors).

use crosswire_model::facts::Facts;

/// Markdown for the "Facts", quotes and "Timeline" sections; empty when there is nothing.
pub fn markdown(_facts: &Facts) -> String {
    String::new()
}

/// HTML for the same sections; every piece of article text must be escaped.
pub fn html(_facts: &Facts) -> String {
    String::new()
}
