//! crosswire-report (walking skeleton; see issue 6).
