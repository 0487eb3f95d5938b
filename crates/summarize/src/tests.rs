//! Behaviour of every method on small hand-written clusters (a fictional flood).

use super::*;
use crosswire_text::{content_terms, word_count};
use std::collections::HashSet;

fn doc(paragraphs: &[&str]) -> Vec<String> {
    paragraphs.iter().map(|p| p.to_string()).collect()
}

/// Four reports of one flood, oldest first: a wire copy (doc 2 repeats doc 0's lead), a
/// paraphrase (doc 1), a dateline, a question, a fragment, an opening quote.
fn flood() -> Vec<Vec<String>> {
    vec![
        doc(&[
            "RIVERTON (Wire) -- Floodwaters from the Elm River forced 3,000 residents of Riverton to leave their homes on Monday after two days of heavy rain.",
            "The Elm River rose four meters above its normal level and broke through a levee north of the town, officials said.",
            "Is the town of Riverton ready for another storm like this one later this week?",
            "``We have never seen water like this in Riverton in all our lives,'' said Mayor Ana Ruiz.",
            "``The water came so fast that nobody in the lower districts could save anything.''",
            "Emergency crews used boats to rescue families trapped on rooftops in the lower districts of Riverton.",
        ]),
        doc(&[
            "Heavy rain swelled the Elm River and forced 3,000 residents of Riverton to leave their homes, the mayor said.",
            "The regional government promised money to rebuild the damaged levee north of the town before the spring.",
            "but nobody in Riverton knew when the water of the Elm River would finally go down",
            "Schools in Riverton will stay closed until the Elm River falls below the flood mark, officials said.",
        ]),
        doc(&[
            "Floodwaters from the Elm River forced 3,000 residents of Riverton to leave their homes on Monday after two days of heavy rain.",
            "The Elm River rose four meters above its normal level and broke through a levee north of the town.",
            "Emergency crews used boats to rescue families trapped on rooftops in the lower districts of Riverton, police said.",
            "Farmers upstream reported that the rain had destroyed most of the wheat harvest in the valley this year.",
        ]),
        doc(&[
            "Schools in Riverton will stay closed until the Elm River falls below the flood mark.",
            "The regional government promised money to rebuild the damaged levee north of the town.",
            "Volunteers filled sandbags through the night to protect the old hospital near the Elm River bridge.",
        ]),
    ]
}

fn documents(paras: &[Vec<String>]) -> Vec<Document<'_>> {
    paras.iter().map(|p| Document { paragraphs: p }).collect()
}

fn all_methods() -> impl Iterator<Item = (&'static str, Box<dyn Summarizer>)> {
    Method::ALL.iter().map(|&(n, m)| (n, m.summarizer()))
}

fn terms(s: &str) -> HashSet<String> {
    content_terms(s).into_iter().collect()
}

#[test]
fn method_names_parse_and_default_is_listed() {
    for &(name, m) in Method::ALL {
        assert_eq!(Method::parse(name), Some(m));
    }
    assert!(Method::ALL.iter().any(|&(_, m)| m == Method::default()));
    assert_eq!(Method::parse("nope"), None);
}

#[test]
fn budget_holds_for_all_but_the_last_sentence() {
    let paras = flood();
    let docs = documents(&paras);
    for budget in [20, 40, 60, 100] {
        for (name, m) in all_methods() {
            let s = m.summarize(&docs, budget);
            assert!(!s.sentences.is_empty(), "{name} at {budget}: empty");
            let n = s.sentences.len();
            let head: usize = s.sentences[..n - 1]
                .iter()
                .map(|x| word_count(&x.text))
                .sum();
            assert!(
                head < budget,
                "{name} at {budget}: {head} words before the last"
            );
        }
        let strict = Method::ConceptsNoFill.summarizer().summarize(&docs, budget);
        let total: usize = strict.sentences.iter().map(|x| word_count(&x.text)).sum();
        assert!(
            total <= budget,
            "concepts-nofill at {budget}: {total} words"
        );
    }
}

#[test]
fn no_two_selected_sentences_say_the_same() {
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        let s = m.summarize(&docs, 100);
        for (i, a) in s.sentences.iter().enumerate() {
            for b in &s.sentences[i + 1..] {
                let (ta, tb) = (terms(&a.text), terms(&b.text));
                let jaccard =
                    ta.intersection(&tb).count() as f64 / ta.union(&tb).count().max(1) as f64;
                assert!(
                    jaccard < 0.6,
                    "{name}: redundant {:?} / {:?}",
                    a.text,
                    b.text
                );
            }
        }
    }
}

#[test]
fn selected_sentences_read_as_sentences() {
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        for s in m.summarize(&docs, 100).sentences {
            let t = s.text.as_str();
            assert!(!t.ends_with('?'), "{name}: question {t:?}");
            let opening = t.trim_start_matches(['`', '"', '\u{201C}']);
            assert!(
                opening.starts_with(char::is_uppercase),
                "{name}: fragment {t:?}"
            );
            assert!(
                t.ends_with(['.', '!', '\'', '"']),
                "{name}: unfinished {t:?}"
            );
            if name != "centroid" {
                assert!(!t.contains("(Wire) --"), "{name}: dateline in {t:?}");
                assert!(
                    !t.starts_with("``The water"),
                    "{name}: anonymous quote {t:?}"
                );
            }
        }
    }
}

#[test]
fn sentences_come_in_reading_order_with_the_filler_last() {
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        let s = m.summarize(&docs, 100);
        let keys: Vec<(usize, usize)> = s
            .sentences
            .iter()
            .map(|x| (x.document, x.sentence))
            .collect();
        let core = &keys[..keys.len().saturating_sub(1)];
        assert!(core.windows(2).all(|w| w[0] < w[1]), "{name}: {keys:?}");
    }
    let strict = Method::ConceptsNoFill.summarizer().summarize(&docs, 100);
    let keys: Vec<(usize, usize)> = strict
        .sentences
        .iter()
        .map(|x| (x.document, x.sentence))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
}

/// Whether `short` is `long` with words deleted: its words, less punctuation and case,
/// appear in `long` in order.
fn deletes_from(long: &str, short: &str) -> bool {
    let norm = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let mut long = long.split_whitespace().map(norm);
    short
        .split_whitespace()
        .map(norm)
        .all(|w| long.any(|l| l == w))
}

#[test]
fn selected_text_points_back_to_its_source() {
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        for s in m.summarize(&docs, 100).sentences {
            let source = crosswire_text::sentences(&paras[s.document].join(" "))
                .into_iter()
                .any(|src| deletes_from(src, &s.text));
            assert!(
                source,
                "{name}: {:?} not in document {}",
                s.text, s.document
            );
        }
    }
}

#[test]
fn supporting_documents_are_restatements_not_topic_overlap() {
    let paras = flood();
    let docs = documents(&paras);
    // Doc 2 repeats the lead word for word and doc 1 paraphrases it; doc 3 is about the
    // same flood but does not say it.
    let lead = "Floodwaters from the Elm River forced 3,000 residents of Riverton to leave their homes on Monday after two days of heavy rain.";
    assert_eq!(supporting_documents(lead, 0, &docs), vec![0, 1, 2]);
    // Only doc 3 and doc 1 mention the schools; doc 1 says so with an attribution.
    let schools =
        "Schools in Riverton will stay closed until the Elm River falls below the flood mark.";
    assert_eq!(supporting_documents(schools, 3, &docs), vec![3, 1]);
    // Same words, different number: a different claim.
    let other_count = "Floodwaters from the Elm River forced 5,000 residents of Riverton to leave their homes on Monday.";
    assert_eq!(supporting_documents(other_count, 0, &docs), vec![0]);
    // On topic, but no document states it.
    let topical = "Residents of Riverton said the Elm River levee north of the town had been neglected for years.";
    assert_eq!(supporting_documents(topical, 0, &docs), vec![0]);
}

#[test]
fn summaries_cite_their_own_document_first_and_each_source_once() {
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        for s in m.summarize(&docs, 100).sentences {
            assert_eq!(s.supporting.first(), Some(&s.document), "{name}");
            let unique: HashSet<usize> = s.supporting.iter().copied().collect();
            assert_eq!(unique.len(), s.supporting.len(), "{name}");
            assert!(s.supporting.iter().all(|&d| d < docs.len()), "{name}");
        }
    }
    // The lead is in docs 0 and 2 word for word: whichever copy is chosen cites the other.
    let s = Method::default().summarizer().summarize(&docs, 100);
    if let Some(lead) = s
        .sentences
        .iter()
        .find(|x| x.text.starts_with("Floodwaters"))
    {
        assert!(lead.supporting.contains(&0) && lead.supporting.contains(&2));
    }
}

#[test]
fn degenerate_inputs_do_not_panic() {
    let empty: Vec<Document<'_>> = Vec::new();
    let tiny = [doc(&["Hi."])];
    let blank = [doc(&["", "   "])];
    let long_sentence = format!(
        "The river kept rising {}until the town was under water.",
        "higher and ".repeat(60)
    );
    let one_long = [doc(&[&long_sentence])];
    let odd = [doc(&[
        "\u{201C}Unbalanced \u{2014} ÇAVUŞOĞLU said 1.5 … (( ?!",
        "日本語の文。Ещё одно предложение. ¿Qué? 🌊🌊 -- _ ``",
    ])];
    for (name, m) in all_methods() {
        assert!(m.summarize(&empty, 100).sentences.is_empty(), "{name}");
        assert!(
            m.summarize(&documents(&tiny), 100).sentences.len() <= 1,
            "{name}"
        );
        assert!(
            m.summarize(&documents(&blank), 100).sentences.is_empty(),
            "{name}"
        );
        let _ = m.summarize(&documents(&odd), 100);
        assert!(
            m.summarize(&documents(&one_long), 5).sentences.len() <= 1,
            "{name}"
        );
        assert!(
            m.summarize(&documents(&flood()), 0).sentences.is_empty(),
            "{name}"
        );
    }
}

#[test]
fn a_sentence_longer_than_the_budget_is_never_padded_with_more() {
    // Every sentence is longer than the budget: at most one (truncated by the caller).
    let paras = flood();
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        let s = m.summarize(&docs, 8);
        assert!(
            s.sentences.len() <= 1,
            "{name}: {} sentences",
            s.sentences.len()
        );
    }
}

#[test]
fn single_document_still_gets_a_summary() {
    let paras = vec![flood().remove(0)];
    let docs = documents(&paras);
    for (name, m) in all_methods() {
        let s = m.summarize(&docs, 40);
        assert!(!s.sentences.is_empty(), "{name}");
        assert!(
            s.sentences.iter().all(|x| x.supporting == vec![0]),
            "{name}"
        );
    }
}

#[test]
fn random_text_never_panics() {
    // Pieces that stress splitting, datelines, quotes, compression and multi-byte slicing.
    const PIECES: &[&str] = &[
        "The",
        "river",
        "rose",
        "MAYOR",
        "(AP)",
        "--",
        "_",
        "\u{2014}",
        ",",
        ".",
        "?",
        "!",
        "``",
        "''",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "said",
        "he",
        "police",
        "3,000",
        "1.5",
        "Calif.",
        "U.S.",
        "Gen.",
        "Ça",
        "İstanbul",
        "日本",
        "🌊",
        "(",
        ")",
        "on",
        "Monday",
        "In addition,",
        "according to",
        "\u{2026}",
        "  ",
        "\n",
        "a",
        "of",
        "the",
        "who",
        "which",
        "45,",
        "Ruiz,",
        ", a",
        "On Tuesday,",
        "including",
        "said that",
        "(IAEA)",
        "Saturday night",
    ];
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |m: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % m as u64) as usize
    };
    for _ in 0..60 {
        let n_docs = next(5);
        let paras: Vec<Vec<String>> = (0..n_docs)
            .map(|_| {
                (0..next(6))
                    .map(|_| {
                        (0..next(60))
                            .map(|_| PIECES[next(PIECES.len())])
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            })
            .collect();
        let docs = documents(&paras);
        // Every deletion rule, alone and together, on every sentence.
        for p in paras.iter().flatten() {
            for sentence in crosswire_text::sentences(p) {
                for v in Compression::ALL_DELETIONS.variants(sentence) {
                    assert!(v.len() < sentence.len() + 2, "{sentence:?} -> {v:?}");
                }
            }
        }
        for (_, m) in all_methods() {
            for budget in [0, 7, 100] {
                let s = m.summarize(&docs, budget);
                for x in &s.sentences {
                    assert!(x.document < docs.len());
                    assert_eq!(x.supporting.first(), Some(&x.document));
                }
            }
        }
    }
}

/// Two reports that both carry one claim on someone's authority: the ROUGE style may drop
/// the attribution, the reading style must keep every selected sentence as written.
fn attributed() -> Vec<Vec<String>> {
    vec![
        doc(&[
            "Shelling of the northern villages killed at least twelve civilians during the week, the United Nations says.",
            "Thousands of families fled toward the border crossing as the fighting spread to the northern villages.",
        ]),
        doc(&[
            "Shelling of the northern villages killed at least twelve civilians during the week, the United Nations says.",
            "Aid groups warned that the camps near the border crossing could not take more families fleeing the fighting.",
        ]),
    ]
}

#[test]
fn reading_style_keeps_attribution_that_rouge_style_drops() {
    let paras = attributed();
    let docs = documents(&paras);
    let claim = "Shelling of the northern villages killed at least twelve civilians";
    for &(name, m) in Method::ALL {
        let read = m.summarizer_for_reading().summarize(&docs, 100);
        // Every selected sentence is a whole source sentence.
        for s in &read.sentences {
            assert!(
                paras[s.document].iter().any(|p| p.contains(&s.text)),
                "{name}: {:?} was changed",
                s.text
            );
        }
        if let Some(s) = read.sentences.iter().find(|s| s.text.starts_with(claim)) {
            assert!(
                s.text.ends_with(", the United Nations says."),
                "{name}: {s:?}"
            );
        }
    }
    // The default method selects the claim in both styles; only the ROUGE style cuts it.
    let read = Method::default()
        .summarizer_for_reading()
        .summarize(&docs, 100);
    let rouge = Method::default().summarizer().summarize(&docs, 100);
    let find = |s: &Summary| {
        s.sentences
            .iter()
            .find(|x| x.text.starts_with(claim))
            .map(|x| x.text.clone())
    };
    assert_eq!(
        find(&read).as_deref(),
        Some(
            "Shelling of the northern villages killed at least twelve civilians during the week, the United Nations says."
        )
    );
    assert_eq!(
        find(&rouge).as_deref(),
        Some("Shelling of the northern villages killed at least twelve civilians during the week.")
    );
}

#[test]
fn a_fused_sentence_is_supported_by_two_sentences_in_a_row() {
    let paras = vec![
        doc(&[
            "The fighting has forced 150,000 people from their homes, the relief agency says, while more than 120 civilians have been killed in the shelling.",
        ]),
        // Both halves, one after the other.
        doc(&[
            "The fighting has forced 150,000 people from their homes, the relief agency says.",
            "More than 120 civilians have been killed in the shelling, rescue workers said.",
        ]),
        // Both halves, but far apart: not one restatement.
        doc(&[
            "The fighting has forced 150,000 people from their homes, the relief agency says.",
            "Talks between the two delegations resumed in the capital on Thursday.",
            "More than 120 civilians have been killed in the shelling, rescue workers said.",
        ]),
        // One half only.
        doc(&[
            "More than 120 civilians have been killed in the shelling, rescue workers said.",
            "Talks between the two delegations resumed in the capital on Thursday.",
        ]),
    ];
    let docs = documents(&paras);
    let fused = &paras[0][0];
    assert_eq!(supporting_documents(fused, 0, &docs), vec![0, 1]);
}
