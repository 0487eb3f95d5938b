//! Hand-computed ROUGE cases on small made-up summaries.

use std::collections::HashMap;

use crosswire_eval::rouge::{
    self, Evaluator, Limit, ModelMode, Prf, ReferenceCluster, Rouge, RougeConfig,
};

fn config() -> RougeConfig {
    RougeConfig {
        stem: false,
        limit: Limit::None,
        resamples: 50,
        ..RougeConfig::default()
    }
}

/// Score one peer against models; returns, R-L.
fn eval(config: RougeConfig, peer: &str, models: &[&str]) -> Vec<Prf> {
    let mut r = Rouge::new(config);
    let models: Vec<_> = models.iter().map(|m| r.prepare(m)).collect();
    let peer = r.prepare(peer);
    r.score_eval(&peer, &models)
}

fn prf(recall: f64, precision: f64, f: f64) -> Prf {
    Prf {
        recall,
        precision,
        f,
    }
}

#[test]
fn unigram_bigram_and_lcs_by_hand() {
    // ref: the cat sat on the mat / peer: the cat was on the mat
    // unigrams: the x2, cat, on, mat hit -> 5 of 6 both ways.
    // bigrams: "the cat", "on the", "the mat" -> 3 of 5.
    // LCS: the cat on the mat -> 5 of 6.
    let s = eval(
        config(),
        "The cat was on the mat.",
        &["The cat sat on the mat."],
    );
    assert_eq!(s[0], prf(0.83333, 0.83333, 0.83333));
    assert_eq!(s[1], prf(0.6, 0.6, 0.6));
    assert_eq!(s[2], prf(0.83333, 0.83333, 0.83333));
}

#[test]
fn counts_are_clipped() {
    // peer "the the the" vs ref "the cat": one hit, R = 1/2, P = 1/3.
    let s = eval(config(), "the the the", &["the cat"]);
    assert_eq!(s[0].recall, 0.5);
    assert_eq!(s[0].precision, 0.33333);
    // ROUGE-L: the LCS hit is clipped by the same counts.
    assert_eq!(s[2].recall, 0.5);
    assert_eq!(s[2].precision, 0.33333);
}

#[test]
fn lcs_is_a_union_over_peer_sentences_clipped_across_model_sentences() {
    // One model sentence "a b c d", peer split in two: the union covers all four.
    let s = eval(config(), "a b\nc d", &["a b c d"]);
    assert_eq!(s[2], prf(1.0, 1.0, 1.0));
    // Bigrams do not care about the split: "a b", "b c", "c d" all in the pooled text.
    assert_eq!(s[1].recall, 1.0);
    // Two model sentences both want the peer's single "a": only the first gets it.
    let s = eval(config(), "a", &["a b\na c"]);
    assert_eq!(s[2], prf(0.25, 1.0, 0.4));
}

#[test]
fn model_average_pools_and_best_picks_one_reference() {
    let refs = ["a b c d", "a x y z w v"];
    // -f A: hits 3 + 1 over 4 + 6 model unigrams, 3 + 3 peer unigrams.
    let a = eval(config(), "a b c", &refs);
    assert_eq!(a[0], prf(0.4, 0.66667, 0.5));
    // -f B: the first reference has the better recall (3/4 vs 1/6).
    let best = RougeConfig {
        mode: ModelMode::Best,
        ..config()
    };
    let b = eval(best, "a b c", &refs);
    assert_eq!(b[0], prf(0.75, 1.0, 0.85714));
}

#[test]
fn stemming_uses_wordnet_exceptions_then_porter() {
    let stemmed = RougeConfig {
        stem: true,
        ..config()
    };
    let mut r = Rouge::new(stemmed.clone());
    // children -> child (exception), were -> be (exception), running -> run (Porter),
    // "the" is 3 bytes long and left alone.
    assert_eq!(
        r.tokens("The children were running"),
        vec!["the", "child", "be", "run"]
    );
    // child, run match: R = 2/4, P = 2/3.
    let s = eval(stemmed, "A child runs", &["The children were running"]);
    assert_eq!(s[0].recall, 0.5);
    assert_eq!(s[0].precision, 0.66667);
    let s = eval(config(), "A child runs", &["The children were running"]);
    assert_eq!(s[0].recall, 0.0);
}

#[test]
fn tokenization_drops_punctuation_and_splits_hyphens_and_digits() {
    let mut r = Rouge::new(config());
    assert_eq!(
        r.tokens("The U.S.-led coalition, 1,200-strong!\n\"Caf\u{e9}\" $5"),
        vec![
            "the",
            "u",
            "s",
            "led",
            "coalition",
            "1",
            "200",
            "strong",
            "caf",
            "5"
        ]
    );
}

#[test]
fn word_limit_truncates_peers_and_models() {
    let limited = RougeConfig {
        limit: Limit::Words(3),
        ..config()
    };
    // Only "one two three" of the reference counts, so "four" is no hit.
    let s = eval(limited.clone(), "four five", &["one two three four"]);
    assert_eq!(s[0].recall, 0.0);
    let s = eval(config(), "four five", &["one two three four"]);
    assert_eq!(s[0].recall, 0.25);
    // Words are whitespace-separated before punctuation is removed: "--" uses up one of
    // the three words, so "three" is cut.
    let mut r = Rouge::new(limited);
    assert_eq!(r.tokens("one -- two three"), vec!["one", "two"]);
}

#[test]
fn byte_limit_truncates_on_bytes() {
    let limited = RougeConfig {
        limit: Limit::Bytes(7),
        ..config()
    };
    let mut r = Rouge::new(limited);
    assert_eq!(r.tokens("abc defgh ijk"), vec!["abc", "def"]);
    // A cut inside a multi-byte character is harmless (it is punctuation to ROUGE).
    assert_eq!(r.tokens("abcdef\u{e9}xyz"), vec!["abcdef"]);
}

#[test]
fn alpha_one_is_precision_zero_is_recall() {
    // F = PR / ((1 - alpha) P + alpha R)
    let at = |alpha| RougeConfig { alpha, ..config() };
    assert_eq!(eval(at(1.0), "a b c", &["a b c d"])[0], prf(0.75, 1.0, 1.0));
    assert_eq!(
        eval(at(0.0), "a b c", &["a b c d"])[0],
        prf(0.75, 1.0, 0.75)
    );
}

#[test]
fn empty_and_garbage_inputs_score_zero_without_panicking() {
    let s = eval(RougeConfig::default(), "", &["a b"]);
    assert!(s.iter().all(|p| *p == Prf::default()));
    let s = eval(RougeConfig::default(), "\u{0}\r\n\t \u{feff}--", &[""]);
    assert!(s.iter().all(|p| *p == Prf::default()));
    let s = eval(RougeConfig::default(), "a", &[]);
    assert_eq!(s.len(), 3);
}

#[test]
fn corpus_scores_average_clusters() {
    let clusters = vec![
        ReferenceCluster {
            id: "c1".into(),
            task: None,
            refs: vec!["a b".into()],
        },
        ReferenceCluster {
            id: "c2".into(),
            task: None,
            refs: vec!["c d".into()],
        },
    ];
    let summaries: HashMap<String, String> = [("c1".to_string(), "a b".to_string())].into();
    let scores = rouge::score(&config(), &clusters, &summaries);
    let r1 = &scores.metrics[0];
    assert_eq!(r1.name, "ROUGE-1");
    assert_eq!(r1.per_cluster[0].recall, 1.0);
    assert_eq!(r1.per_cluster[1].recall, 0.0);
    assert_eq!(r1.average.plain.recall, 0.5);
    // The bootstrap mean of two values 1 and 0 lands near 0.5 and inside its interval.
    let avg = r1.average.recall;
    assert!((avg.mean - 0.5).abs() < 0.15, "{avg:?}");
    assert!(avg.low <= avg.mean && avg.mean <= avg.high);

    // The human row: each single reference has no other to compare with.
    let evaluator = Evaluator::new(config(), &clusters);
    assert!(evaluator.human().is_none());
}

#[test]
fn metric_names_follow_n_and_lcs() {
    let c = RougeConfig {
        max_n: 4,
        lcs: false,
        ..RougeConfig::default()
    };
    assert_eq!(
        c.metric_names(),
        vec!["ROUGE-1", "ROUGE-2", "ROUGE-3", "ROUGE-4"]
    );
    assert_eq!(
        RougeConfig::default().rouge_args(),
        "-n 2 -m -l 100 -p 0.5 -c 95 -r 1000 -f A -t 0 -a"
    );
}
