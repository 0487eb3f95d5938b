//! crosswire-cluster: crosswire cluster stage: incremental story clustering of an article stream. (Not built yet.)
