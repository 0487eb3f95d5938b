//! Digest sections rendered by their own modules.

pub mod facts;
