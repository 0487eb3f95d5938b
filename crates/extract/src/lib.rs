//! crosswire-extract: crosswire extract stage: main-content extraction and page metadata from HTML. (Not built yet.)
