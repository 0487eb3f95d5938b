//! crosswire as a library: every stage re-exported, and [`pipeline`] composing them.
//!
//! Data flows one way: `ingest` reads inputs into [`model::RawDocument`]s;
//! [`pipeline::prepare`] extracts metadata and cleans each into a [`model::Article`];
//! `dedup` groups copies into a [`model::Story`]; `summarize` and `facts` produce the parts
//! of a [`model::Digest`] ([`pipeline::digest`]), which `report` renders.
//!
//! ```no_run
//! use std::path::PathBuf;
//! let batch = crosswire::ingest::read_inputs(&[PathBuf::from("examples/idlib-2019-05")]);
//! let articles = crosswire::pipeline::prepare(batch.documents);
//! let story = crosswire::pipeline::story("idlib", articles);
//! let digest = crosswire::pipeline::digest(&story, &crosswire::pipeline::DigestOptions::default());
//! println!("{}", crosswire::report::markdown(&digest));
//! ```

pub mod pipeline;

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
