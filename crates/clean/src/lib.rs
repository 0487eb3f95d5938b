//! crosswire-clean (walking skeleton; see issue 6).
