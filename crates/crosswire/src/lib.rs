//! crosswire as a library: every stage re-exported, and [`pipeline`] composing them.
//!
//! Data flows one way: `ingest` reads inputs into [`model::RawDocument`]s; `clean` turns each
//! into a [`model::Article`]; `dedup` groups copies into a [`model::Story`]; `summarize` and
//! `facts` produce the parts of a [`model::Digest`], which `report` renders.

pub use crosswire_clean as clean;
pub use crosswire_cluster as cluster;
pub use crosswire_dedup as dedup;
pub use crosswire_eval as eval;
pub use crosswire_extract as extract;
pub use crosswire_facts as facts;
pub use crosswire_ingest as ingest;
pub use crosswire_model as model;
pub use crosswire_report as report;
pub use crosswire_store as store;
pub use crosswire_summarize as summarize;
pub use crosswire_text as text;
