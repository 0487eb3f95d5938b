//! crosswire-store: crosswire store: the embedded SQLite store of articles, duplicates and stories. (Not built yet.)
