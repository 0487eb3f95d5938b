//! crosswire-summarize: crosswire summarize stage: extractive multi-document summaries with citations. (Not built yet.)
