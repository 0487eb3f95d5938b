//! crosswire-dedup: crosswire dedup stage: exact, near-duplicate and syndicated copies via shingles and MinHash. (Not built yet.)
