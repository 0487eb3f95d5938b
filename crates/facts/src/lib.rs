//! crosswire-facts: crosswire facts stage: quantity claims, quotes, entities, resolved dates and timeline. (Not built yet.)
