//! Types of the facts stage (quantities, quotes, dates, timeline). Owned by crosswire-facts;
//! they live here so that report and store can use them without depending on that stage.

use serde::{Deserialize, Serialize};

/// Everything the facts stage found for one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {}
