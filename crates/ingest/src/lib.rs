//! crosswire-ingest (walking skeleton; see issue 6).
