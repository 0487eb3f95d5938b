//! crosswire-eval: crosswire eval: ROUGE exactly as ROUGE-1.5.5 computes it. (Not built yet.)
