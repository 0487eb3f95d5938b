//! Page metadata: title, date, authors, outlet, canonical URL, language.
use crate::dom::Dom;
use serde::Serialize;

/// What the page says about itself. Every field is optional: nothing is guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PageMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

pub fn page_metadata(_dom: &Dom, _url: Option<&str>) -> PageMetadata {
    PageMetadata::default()
}
