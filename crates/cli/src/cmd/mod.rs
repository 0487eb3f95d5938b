//! One module per subcommand.

pub mod clean;
pub mod cluster;
pub mod common;
pub mod digest;
pub mod digest_db;
pub mod eval;
pub mod extract;
pub mod facts;
pub mod ingest;
pub mod serve;
pub mod stories;
pub mod summarize;
