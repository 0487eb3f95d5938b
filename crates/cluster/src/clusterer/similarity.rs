//! Similarities between article vectors and story centroids.

use crosswire_dedup::hashing::U64Map;

use crate::features::Feature;

/// The mean cosine between the members of two stories, from their centroids alone:
/// centroids are sums of unit member vectors, so their dot product is the sum of all
/// member-to-member cosines. 0 for an empty story.
pub(super) fn average_link(a: &U64Map<f32>, a_size: u32, b: &U64Map<f32>, b_size: u32) -> f32 {
    let pairs = a_size as f32 * b_size as f32;
    if pairs <= 0.0 {
        return 0.0;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let dot: f32 = small
        .iter()
        .filter_map(|(f, w)| large.get(f).map(|v| v * w))
        .sum();
    dot / pairs
}

/// Dot product of two vectors sorted by feature (a merge join).
pub(super) fn dot(a: &[(Feature, f32)], b: &[(Feature, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

pub(super) fn cosine(v: &[(Feature, f32)], centroid: &U64Map<f32>, norm: f32) -> f32 {
    if norm <= 0.0 {
        return 0.0;
    }
    v.iter()
        .filter_map(|(f, w)| centroid.get(f).map(|c| c * w))
        .sum::<f32>()
        / norm
}

#[cfg(test)]
mod average_link_tests {
    use super::*;

    fn centroid(members: &[&[(Feature, f32)]]) -> U64Map<f32> {
        let mut c = U64Map::default();
        for m in members {
            for &(f, w) in *m {
                *c.entry(f).or_default() += w;
            }
        }
        c
    }

    #[test]
    fn average_link_is_the_mean_member_cosine() {
        let s = std::f32::consts::FRAC_1_SQRT_2;
        let a1: &[(Feature, f32)] = &[(1, 1.0)];
        let a2: &[(Feature, f32)] = &[(1, s), (2, s)];
        let b1: &[(Feature, f32)] = &[(2, 1.0)];
        let b2: &[(Feature, f32)] = &[(3, 1.0)];
        let a = centroid(&[a1, a2]);
        let b = centroid(&[b1, b2]);
        // Pairwise cosines: a1·b1 = 0, a1·b2 = 0, a2·b1 = s, a2·b2 = 0.
        let expected = s / 4.0;
        assert!((average_link(&a, 2, &b, 2) - expected).abs() < 1e-6);
        assert!((average_link(&b, 2, &a, 2) - expected).abs() < 1e-6);
        assert_eq!(average_link(&a, 0, &b, 2), 0.0);
    }

    #[test]
    fn a_broad_story_does_not_pull_in_a_story_sharing_one_subject_term() {
        // Each member of the broad story shares only the subject term (1) with the other
        // story's member; the centroid cosine grows with the broad story's size, the
        // average link does not.
        let subject_and = |t: Feature| vec![(1, 0.6), (t, 0.8)];
        let members: Vec<Vec<(Feature, f32)>> = (10..16).map(subject_and).collect();
        let refs: Vec<&[(Feature, f32)]> = members.iter().map(Vec::as_slice).collect();
        let broad = centroid(&refs);
        let other = centroid(&[&[(1, 0.6), (99, 0.8)]]);
        let link = average_link(&broad, members.len() as u32, &other, 1);
        assert!((link - 0.36).abs() < 1e-5, "{link}");
        let norm = |c: &U64Map<f32>| c.values().map(|w| w * w).sum::<f32>().sqrt();
        let dot: f32 = other
            .iter()
            .map(|(f, w)| broad.get(f).unwrap_or(&0.0) * w)
            .sum();
        assert!(dot / (norm(&broad) * norm(&other)) > link);
    }
}
