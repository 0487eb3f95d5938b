//! Metadata from plain text (in progress).
