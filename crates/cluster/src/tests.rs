//! Clustering of small synthetic streams.

use crate::{Clusterer, Config, Doc, StoryStream};
use crosswire_dedup::Fingerprint;

/// A short article about one of a few events, built from the event's own vocabulary plus
/// shared filler, varied by `n`.
fn article(event: usize, n: usize) -> String {
    let topics: [&[&str]; 4] = [
        &[
            "earthquake",
            "magnitude",
            "Tokyo",
            "tsunami",
            "collapsed",
            "rescuers",
            "rubble",
            "aftershock",
            "Honshu",
            "seismologists",
        ],
        &[
            "election",
            "ballots",
            "Brasilia",
            "Cardoso",
            "runoff",
            "voters",
            "campaign",
            "polling",
            "incumbent",
            "turnout",
        ],
        &[
            "hurricane",
            "Honduras",
            "Mitch",
            "flooding",
            "mudslides",
            "evacuated",
            "rainfall",
            "Tegucigalpa",
            "landfall",
            "winds",
        ],
        &[
            "merger",
            "Exxon",
            "Mobil",
            "shareholders",
            "antitrust",
            "billion",
            "refining",
            "regulators",
            "oil",
            "acquisition",
        ],
    ];
    let words = topics[event % topics.len()];
    let filler = [
        "officials",
        "said",
        "on",
        "Monday",
        "the",
        "people",
        "reported",
        "news",
    ];
    let mut out = Vec::new();
    for i in 0..60 {
        let w = if (i + n).is_multiple_of(3) {
            filler[(i * 7 + n) % filler.len()]
        } else {
            words[(i * 3 + n * 5) % words.len()]
        };
        out.push(w);
    }
    out.join(" ")
}

/// Defaults without the lead's extra weight: these articles are shuffled bags of words,
/// whose first words are no lead, and the tests built on them place some words first on
/// purpose (a stray opens on its story's words).
fn synthetic() -> Config {
    Config {
        lead_weight: 0.0,
        ..Config::default()
    }
}

fn doc(text: &str, day: i64) -> Doc<'_> {
    Doc {
        title: "",
        body: text,
        day: Some(day),
        copy_of: None,
        repeats: false,
        key: 0,
    }
}

#[test]
fn interleaved_events_form_separate_stories() {
    let mut c = Clusterer::new(Config::default());
    let mut story_of_event = std::collections::HashMap::new();
    for n in 0..24 {
        let event = n % 3;
        let text = article(event, n);
        let a = c.add(&doc(&text, 100 + n as i64 / 4));
        let s = *story_of_event.entry(event).or_insert(a.story);
        assert_eq!(a.story, s, "article {n} of event {event}");
    }
    assert_eq!(c.active(), 3);
}

#[test]
fn idle_stories_age_out_and_memory_stays_bounded() {
    let config = Config {
        horizon_days: 10,
        max_active: 2,
        ..Config::default()
    };
    let mut c = Clusterer::new(config);
    let first = c.add(&doc(&article(0, 0), 0)).story;
    c.add(&doc(&article(1, 1), 1));
    // A year later (the stream has moved on: several articles of the day) the earthquake
    // story is gone: a new article on it starts a new story.
    for n in 0..3 {
        c.add(&doc(&article(2, n), 365));
    }
    let later = c.add(&doc(&article(0, 2), 365));
    assert!(later.new_story);
    assert_ne!(later.story, first);
    // At most `max_active` stories are kept whatever the stream length.
    for n in 0..4 {
        c.add(&doc(&article(n, n + 10), 400));
        assert!(c.active() <= 2);
    }
    let changes = c.take_changes();
    assert!(changes.retired.contains(&first));
}

#[test]
fn converging_stories_merge() {
    let config = Config {
        join: 1.01,
        merge: 0.3,
        ..Config::default()
    };
    let mut c = Clusterer::new(config);
    // Join threshold out of reach: each article starts its own story; the second article's
    // story is close to the first's and is merged into it.
    let a = c.add(&doc(&article(0, 0), 0));
    let b = c.add(&doc(&article(0, 1), 0));
    assert!(b.new_story);
    assert_eq!(b.merged, vec![a.story]);
    assert_eq!(c.active(), 1);
    let d = c.add(&doc(&article(2, 0), 0));
    assert!(d.merged.is_empty());
}

/// Two single articles merge only with `merge_margin` above `merge`: one pair of articles
/// is thin evidence.
#[test]
fn a_merge_backed_by_one_pair_needs_the_margin() {
    let merges = |merge_margin: f32| {
        let mut c = Clusterer::new(Config {
            join: 1.01,
            merge: 0.3,
            merge_margin,
            ..Config::default()
        });
        c.add(&doc(&article(0, 0), 0));
        !c.add(&doc(&article(0, 1), 0)).merged.is_empty()
    };
    assert!(merges(0.0));
    assert!(!merges(0.8), "0.3 + 0.8 is out of reach of any cosine");
}

/// The margin shrinks with the pairs behind the average link: stories with many articles
/// merge at `merge`.
#[test]
fn the_merge_margin_shrinks_with_the_pairs_behind_the_average() {
    let c = Clusterer::new(Config {
        merge: 0.08,
        merge_margin: 0.03,
        ..Config::default()
    });
    let close = |a: f32, b: f32| (a - b).abs() < 1e-6;
    assert!(close(c.merge_threshold(1, 1), 0.11));
    assert!(close(c.merge_threshold(10, 1), 0.083));
    assert!(close(c.merge_threshold(3, 2), c.merge_threshold(2, 3)));
    assert!(c.merge_threshold(30, 30) - 0.08 < 1e-4);
}

#[test]
fn restored_clusterer_continues_the_same_stories() {
    let mut c = Clusterer::new(Config::default());
    let first = c.add(&doc(&article(0, 0), 10)).story;
    c.add(&doc(&article(1, 1), 10));
    let changes = c.take_changes();
    let mut restored = Clusterer::restore(
        Config::default(),
        changes.df.clone(),
        changes.docs_seen,
        changes.next_id,
        changes.stories.clone(),
    );
    let a = restored.add(&doc(&article(0, 3), 11));
    assert_eq!(a.story, first);
    let b = restored.add(&doc(&article(3, 3), 11));
    assert!(b.new_story);
    assert!(b.story >= changes.next_id, "ids are never reused");
}

/// A stream over `config` with room for 100 recent articles.
fn stream(config: Config) -> StoryStream {
    StoryStream::new(Clusterer::new(config), 100)
}

/// Add `text` under `key` on `day`, fingerprinted as the store would.
fn add_text(s: &mut StoryStream, key: u64, text: &str, day: i64) -> crate::Added {
    s.add(key, &Fingerprint::of(text).sketch, doc(text, day))
}

/// The original's text with a wire credit appended: a near copy.
fn wire_copy(original: &str) -> String {
    format!("{original} Reported by a wire service.")
}

#[test]
fn copies_join_their_originals_story() {
    let mut s = stream(Config {
        join: 0.99,
        ..Config::default()
    });
    let original = article(1, 0);
    let a = add_text(&mut s, 1, &original, 5);
    let b = add_text(&mut s, 2, &wire_copy(&original), 6);
    assert_eq!(b.copy_of.map(|m| m.key), Some(1));
    assert_eq!(b.assignment.story, a.assignment.story);
}

/// A copy that repeats its original joins the story and keeps it active, but adds no
/// document frequency, centroid weight or member; a syndicated copy, with text of its own,
/// counts like any article.
#[test]
fn a_repeating_copy_adds_nothing_but_a_syndicated_one_counts() {
    let mut s = stream(Config {
        join: 0.99,
        ..Config::default()
    });
    let original = article(1, 0);
    let a = add_text(&mut s, 1, &original, 5);
    let before = s.clusterer.take_changes();
    let b = add_text(&mut s, 2, &wire_copy(&original), 9);
    assert_eq!(b.assignment.story, a.assignment.story);
    let after = s.clusterer.take_changes();
    assert_eq!(
        after.docs_seen, before.docs_seen,
        "no document frequency counted"
    );
    assert!(after.df.is_empty());
    let story = &after.stories[0];
    assert_eq!((story.id, story.size), (a.assignment.story, 1));
    assert_eq!(story.centroid, before.stories[0].centroid);
    assert_eq!(story.last_day, 9, "the copy keeps the story active");

    let own_words = article(2, 0);
    let syndicated = format!("{original} {own_words} {}", article(3, 1));
    let c = add_text(&mut s, 3, &syndicated, 9);
    assert_eq!(
        c.copy_of.map(|m| m.kind),
        Some(crosswire_model::CopyKind::Syndicated)
    );
    assert_eq!(c.assignment.story, a.assignment.story);
    let changes = s.clusterer.take_changes();
    assert_eq!(changes.docs_seen, before.docs_seen + 1);
    assert_eq!(changes.stories[0].size, 2);
}

#[test]
fn a_copy_joins_its_originals_story_after_that_story_left_the_active_set() {
    let mut s = stream(Config {
        max_active: 1,
        ..Config::default()
    });
    let original = article(1, 0);
    let a = add_text(&mut s, 1, &original, 5);
    // Another story takes the only active place.
    add_text(&mut s, 2, &article(3, 0), 5);
    assert!(!s.clusterer.is_active(a.assignment.story));
    let b = add_text(&mut s, 3, &wire_copy(&original), 6);
    assert_eq!(b.copy_of.map(|m| m.key), Some(1));
    assert_eq!(b.assignment.story, a.assignment.story);
    assert!(!b.assignment.new_story);
}

#[test]
fn empty_and_odd_articles_do_not_panic() {
    let mut c = Clusterer::new(Config::default());
    for text in ["", "   ", "!!!", "a", "日本 地震 東京", "Ünïcödé ÉVÉNEMENT"] {
        c.add(&Doc {
            title: text,
            body: text,
            day: None,
            copy_of: None,
            repeats: false,
            key: 0,
        });
    }
    assert!(c.docs_seen() == 6);
}

#[test]
fn document_frequencies_stay_bounded() {
    let mut c = Clusterer::new(Config {
        max_features: 500,
        ..Config::default()
    });
    let mut removed = 0;
    for n in 0..300u64 {
        // Every article brings new words.
        let text = format!(
            "{} zz{n}a zz{n}b zz{n}c zz{n}d",
            article((n % 4) as usize, n as usize)
        );
        c.add(&doc(&text, 1));
        removed += c.take_changes().df_removed.len();
        assert!(c.df_len() <= 500);
    }
    assert!(removed > 0);
    // Common words survive the pruning.
    let c2 = c.add(&doc(&article(0, 1), 1));
    assert!(!c2.new_story);
}

/// An article on a long-followed subject: the subject's few core words, words of its own
/// (each article covers a different angle) and filler.
fn subject_article(n: usize) -> String {
    let core = ["glacier", "Greenland", "meltwater", "icesheet", "calving"];
    let angles = [
        "satellite",
        "radar",
        "altimetry",
        "orbit",
        "gravity",
        "survey",
        "drilling",
        "cores",
        "bedrock",
        "sediment",
        "fjord",
        "ocean",
        "currents",
        "salinity",
        "plankton",
        "fisheries",
        "tourism",
        "villages",
        "hunters",
        "sealing",
        "budget",
        "parliament",
        "treaty",
        "shipping",
    ];
    let filler = [
        "scientists",
        "said",
        "the",
        "study",
        "found",
        "new",
        "report",
        "year",
    ];
    let mut out = Vec::new();
    for i in 0..60 {
        let w = match i % 6 {
            0 => core[(i / 6 + n) % core.len()],
            5 => filler[(i * 5 + n) % filler.len()],
            k => angles[(n * 4 + k) % angles.len()],
        };
        out.push(w);
    }
    out.join(" ")
}

#[test]
fn a_subject_followed_for_years_gathers_into_one_story() {
    let mut stream = StoryStream::new(Clusterer::new(Config::default()), 1000);
    let mut key = 0u64;
    let mut add = |stream: &mut StoryStream, text: &str, day: i64| {
        key += 1;
        let print = Fingerprint::of(text);
        stream
            .add(key, &print.sketch, doc(text, day))
            .assignment
            .story
    };
    let mut subject = Vec::new();
    let mut bursts: Vec<Vec<u64>> = Vec::new();
    for n in 0..6 {
        let day = 1000 + 300 * n as i64;
        subject.push(add(&mut stream, &subject_article(n), day));
        // A burst of news on another event between two pieces on the subject.
        let burst = (0..4)
            .map(|k| add(&mut stream, &article(n % 3, n * 4 + k), day + 1 + k as i64))
            .collect();
        bursts.push(burst);
    }
    let resolve = |ids: &[u64]| -> Vec<u64> { ids.iter().map(|&s| stream.resolve(s)).collect() };
    let subject = resolve(&subject);
    assert!(subject.iter().all(|&s| s == subject[0]), "{subject:?}");
    // Each burst is one story of its own (an event seen again after the horizon may start
    // a new one).
    for ids in &bursts {
        let ids = resolve(ids);
        assert!(
            ids.iter().all(|&s| s == ids[0] && s != subject[0]),
            "{ids:?}"
        );
    }
}

/// Five reports of one event, each with its own incidental detail: the words they share are
/// the event. On a cold start those words are in every document, so plain IDF would weigh
/// them zero; `idf_min_docs` keeps them.
#[test]
fn a_handful_of_reports_of_one_event_form_one_story_on_a_cold_start() {
    let shared = "Defence ministers of Turkey and Russia discussed by phone the fighting in \
                  Idlib province and measures to reduce tension, the ministry said.";
    let details = [
        "Rebels mounted a counterattack near Kafr Nabudah on Monday.",
        "The United Nations says more than 150,000 people have fled the shelling.",
        "Rescue workers reported air strikes on two hospitals in the south.",
        "An observation point of the Turkish army was hit by mortar fire last week.",
        "Talks in Sochi last September set up a demilitarised zone along the front.",
    ];
    let texts: Vec<String> = details.iter().map(|d| format!("{shared} {d}")).collect();
    let stories = |config: Config| -> Vec<u64> {
        let mut c = Clusterer::new(config);
        texts.iter().map(|t| c.add(&doc(t, 100)).story).collect()
    };
    let with_prior = stories(Config::default());
    assert!(
        with_prior.iter().all(|&s| s == with_prior[0]),
        "{with_prior:?}"
    );
    // Without the prior the shared words weigh nothing and the reports split.
    let plain = stories(Config {
        idf_min_docs: 0,
        ..Config::default()
    });
    assert!(plain.iter().any(|&s| s != plain[0]), "{plain:?}");
}

#[test]
fn one_article_with_a_wrong_date_does_not_age_the_stream_out() {
    let config = Config {
        horizon_days: 30,
        ..Config::default()
    };
    let mut c = Clusterer::new(config);
    let mut story_of_event = std::collections::HashMap::new();
    for n in 0..12 {
        let a = c.add(&doc(&article(n % 3, n), 100 + n as i64 / 4));
        story_of_event.entry(n % 3).or_insert(a.story);
    }
    // A page dated decades ahead (a parsing slip, a copyright year): a story of its own.
    c.add(&doc(&article(3, 0), 100 + 365 * 30));
    // The stream goes on: its stories are still there to join.
    for n in 12..18 {
        let a = c.add(&doc(&article(n % 3, n), 103 + n as i64 / 4));
        assert_eq!(a.story, story_of_event[&(n % 3)], "article {n}");
    }
    // The same holds after a save and restore.
    let changes = c.take_changes();
    let mut restored = Clusterer::restore(
        Config {
            horizon_days: 30,
            ..Config::default()
        },
        changes.df,
        changes.docs_seen,
        changes.next_id,
        changes.stories,
    );
    let a = restored.add(&doc(&article(1, 30), 108));
    assert_eq!(a.story, story_of_event[&1]);
}

/// A story that has come to hold two tight groups of articles (a new event whose first
/// report joined a related older story, and whose later reports followed it) is split in
/// two, the split reports the moved articles, and the two stories do not merge back.
#[test]
fn a_story_holding_two_events_is_split_in_two() {
    // Thresholds so low that everything joins one story: only the split can separate them.
    let loose = Config {
        join: 0.01,
        merge: 0.01,
        ..synthetic()
    };
    // Six reports of event 0; then a report of event 1 that is mostly about event 0's
    // subject (it joins that story), then seven reports of event 1 that mention event 0's
    // subject in passing (they follow the first one).
    let texts: Vec<String> = (0..6)
        .map(|n| (0, n))
        .chain((0..8).map(|n| (1, n)))
        .map(|(event, n)| {
            let subject = article(0, n);
            let own = article(event, n);
            match (event, n) {
                (0, _) => own,
                (_, 0) => format!(
                    "{subject} {}",
                    own.split(' ').take(20).collect::<Vec<_>>().join(" ")
                ),
                _ => format!(
                    "{} {own}",
                    subject.split(' ').take(15).collect::<Vec<_>>().join(" ")
                ),
            }
        })
        .collect();
    let day = |key: usize| 100 + key as i64 / 4;
    // The stream, in one run or stopped after `restart.0` articles and restored from its
    // saved state, given its members back when `restart.1` (as a store does).
    let run_from = |config: Config, restart: Option<(usize, bool)>| {
        let mut c = Clusterer::new(config.clone());
        let mut final_story: Vec<u64> = Vec::new();
        let mut splits = Vec::new();
        for (key, text) in texts.iter().enumerate() {
            if let Some((at, recall)) = restart.filter(|&(at, _)| at == key) {
                let changes = c.take_changes();
                c = Clusterer::restore(
                    config.clone(),
                    changes.df,
                    changes.docs_seen,
                    changes.next_id,
                    changes.stories,
                );
                for (story, _) in c.stories_to_recall().into_iter().filter(|_| recall) {
                    let members: Vec<Doc<'_>> = (0..at)
                        .filter(|&k| final_story[k] == story)
                        .map(|k| Doc {
                            key: k as u64,
                            ..doc(&texts[k], day(k))
                        })
                        .collect();
                    c.recall_members(story, &members);
                }
            }
            let a = c.add(&Doc {
                key: key as u64,
                ..doc(text, day(key))
            });
            final_story.push(a.final_story());
            if let Some(split) = a.split {
                for &k in &split.keys {
                    final_story[k as usize] = split.into;
                }
                splits.push((key, split));
            }
        }
        (final_story, splits)
    };
    let run = |config: Config| {
        let (stories, splits) = run_from(config, None);
        (
            stories,
            splits.into_iter().map(|(_, s)| s).collect::<Vec<_>>(),
        )
    };
    let (together, no_splits) = run(Config {
        split_ratio: 0.0,
        ..loose.clone()
    });
    assert!(no_splits.is_empty());
    assert!(together.iter().all(|&s| s == together[0]), "{together:?}");

    let (stories, splits) = run(loose.clone());
    assert_eq!(splits.len(), 1, "{splits:?}");
    // The bridging report (key 6) may go either way; the others are apart.
    let (first, second) = (&stories[..6], &stories[7..]);
    assert!(first.iter().all(|&s| s == first[0]), "{stories:?}");
    assert!(second.iter().all(|&s| s == second[0]), "{stories:?}");
    assert_ne!(first[0], second[0]);
    // The new event's earlier reports were moved out of the older story.
    assert_eq!(splits[0].from, first[0]);
    assert_eq!(splits[0].into, second[0]);
    assert!(splits[0].keys.iter().all(|&k| k >= 6), "{splits:?}");

    // Stopped before the split and restored, given its members back, the stream splits
    // the story just as in one run; restored without them, it cannot.
    let (_, in_one_run) = run_from(loose.clone(), None);
    let at = in_one_run[0].0 - 1;
    let (resumed, resumed_splits) = run_from(loose.clone(), Some((at, true)));
    assert_eq!(resumed, stories);
    assert_eq!(resumed_splits, in_one_run);
    let (unsplit, none) = run_from(loose.clone(), Some((at, false)));
    assert!(none.is_empty(), "{none:?}");
    assert!(unsplit.iter().all(|&s| s == unsplit[0]), "{unsplit:?}");

    // Through a StoryStream, with a wire copy of one of the new event's reports right after
    // it: the clusterer never sees the copy, and the split moves it with its original.
    // (Dedup is given a fingerprint of each article's own, so that only the copy is one:
    // these synthetic articles share too many word runs to tell apart.)
    let mut s = stream(loose);
    let print = |key: u64| {
        let own: Vec<String> = (0..12).map(|i| format!("w{key}x{i}")).collect();
        Fingerprint::of(&own.join(" ")).sketch
    };
    let (original_key, copy_key) = (7u64, 100u64);
    let mut story_of: std::collections::HashMap<u64, u64> = Default::default();
    let mut add = |s: &mut StoryStream, key: u64, sketch_of: u64, text: &str, day: i64| {
        let added = s.add(key, &print(sketch_of), doc(text, day));
        story_of.insert(key, added.assignment.final_story());
        if let Some(split) = &added.assignment.split {
            for &k in &split.keys {
                story_of.insert(k, split.into);
            }
        }
        added.copy_of
    };
    for (key, text) in texts.iter().enumerate() {
        let key = key as u64;
        assert_eq!(add(&mut s, key, key, text, day(key as usize)), None);
        if key == original_key {
            let found = add(&mut s, copy_key, key, text, day(key as usize));
            assert_eq!(found.map(|m| m.key), Some(original_key));
        }
    }
    let resolved = |k: u64| s.resolve(story_of[&k]);
    assert_ne!(resolved(0), resolved(13), "split");
    assert_eq!(resolved(original_key), resolved(13));
    assert_eq!(resolved(copy_key), resolved(original_key));
}

/// Whatever joins, merges and splits happen, a caller that follows the assignments (merged
/// stories redirect, split articles move) knows exactly which articles each story holds:
/// its counts equal the clusterer's story sizes.
#[test]
fn followed_assignments_match_the_clusterers_stories() {
    let mut c = Clusterer::new(Config {
        join: 0.05,
        merge: 0.05,
        ..Config::default()
    });
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = |m: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % m
    };
    let mut story_of: Vec<u64> = Vec::new();
    let mut redirect = std::collections::HashMap::new();
    let mut splits = 0;
    for key in 0..300u64 {
        // Most reports are about one event; some mix in a related one.
        let (a, b) = (next(4) as usize, next(4) as usize);
        let text = if next(3) == 0 {
            let other = article(b, key as usize);
            let part: Vec<&str> = other.split(' ').take(10 + next(30) as usize).collect();
            format!("{} {}", article(a, key as usize), part.join(" "))
        } else {
            article(a, key as usize)
        };
        let got = c.add(&Doc {
            key,
            ..doc(&text, 100)
        });
        for &m in &got.merged {
            redirect.insert(m, got.story);
        }
        story_of.push(got.final_story());
        if let Some(split) = &got.split {
            splits += 1;
            assert_eq!(split.from, got.story);
            for &k in &split.keys {
                story_of[k as usize] = split.into;
            }
        }
    }
    let resolve = |mut s: u64| {
        while let Some(&n) = redirect.get(&s) {
            s = n;
        }
        s
    };
    let mut counted: std::collections::BTreeMap<u64, u32> = Default::default();
    for &s in &story_of {
        *counted.entry(resolve(s)).or_default() += 1;
    }
    let sizes: std::collections::BTreeMap<u64, u32> = c
        .take_changes()
        .stories
        .iter()
        .map(|s| (s.id, s.size))
        .filter(|&(_, n)| n > 0)
        .collect();
    assert_eq!(counted, sizes);
    assert!(splits > 0, "the stream should exercise splits");
}

/// An article on `events` told half in words of its own (`own` distinct ones beside 20
/// words of each event's): further from those events' stories than their own articles are.
fn stray(events: &[usize], own: usize, tag: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for &e in events {
        words.extend(article(e, 7).split(' ').take(20).map(str::to_string));
    }
    words.extend((0..own).map(|i| format!("{tag}word{i}")));
    words.join(" ")
}

/// Thresholds that keep strays out of stories as they come (join) and later (merge), so
/// that only re-homing can fold them in.
fn strays_stay_out() -> Config {
    Config {
        join: 0.5,
        merge: 0.9,
        ..synthetic()
    }
}

#[test]
fn a_stray_single_article_is_folded_into_the_story_clearly_its_own() {
    let mut c = Clusterer::new(strays_stay_out());
    let mut story = Vec::new();
    for n in 0..9 {
        story.push(c.add(&doc(&article(n % 3, n), 100)).story);
    }
    let (quake, vote, storm) = (story[0], story[1], story[2]);
    let lonely = c.add(&doc(&stray(&[0], 40, "a"), 101));
    let torn = c.add(&doc(&stray(&[1, 2], 40, "b"), 101));
    let unrelated = c.add(&doc(&article(3, 0), 101));
    for a in [&lonely, &torn, &unrelated] {
        assert!(a.new_story, "{a:?}");
    }
    let moves = c.rehome_singletons();
    // The stray goes home; the article as close to two stories and the unrelated one stay
    // alone.
    assert_eq!(moves, vec![(lonely.story, quake)]);
    assert!(!c.is_active(lonely.story));
    assert!(c.is_active(torn.story) && c.is_active(unrelated.story));
    assert!(c.is_active(vote) && c.is_active(storm));
    assert!(c.take_changes().retired.contains(&lonely.story));
    // Off with a ratio of 0.
    let mut off = Clusterer::new(Config {
        rehome_ratio: 0.0,
        ..strays_stay_out()
    });
    for n in 0..4 {
        off.add(&doc(&article(0, n), 100));
    }
    off.add(&doc(&stray(&[0], 40, "a"), 101));
    assert!(off.rehome_singletons().is_empty());
}

#[test]
fn a_finished_stream_resolves_a_folded_story_to_its_home() {
    let mut s = stream(strays_stay_out());
    let home = add_text(&mut s, 0, &article(0, 0), 100).assignment.story;
    for n in 1..4 {
        add_text(&mut s, n, &article(0, n as usize), 100);
    }
    let lonely = add_text(&mut s, 9, &stray(&[0], 40, "a"), 101).assignment;
    assert!(lonely.new_story);
    assert_eq!(s.finish(), vec![(lonely.story, home)]);
    assert_eq!(s.resolve(lonely.story), home);
}

#[test]
fn a_stray_article_ageing_out_is_folded_into_its_story_if_that_stays() {
    let mut c = Clusterer::new(Config {
        horizon_days: 10,
        ..strays_stay_out()
    });
    let quake = c.add(&doc(&article(0, 0), 100)).story;
    c.add(&doc(&article(0, 1), 100));
    let lonely = c.add(&doc(&stray(&[0], 40, "a"), 100));
    assert!(lonely.new_story);
    // The quake story goes on; the stray idles past the horizon.
    let mut folded = Vec::new();
    for n in 2..10 {
        let a = c.add(&doc(&article(0, n), 100 + 3 * n as i64));
        assert_eq!(a.story, quake);
        folded.extend(a.folded);
    }
    assert_eq!(folded, vec![(lonely.story, quake)]);
    assert!(!c.is_active(lonely.story));
}

/// A title that earlier articles carried already is a standing head (a feed's name, a
/// column's rubric): it stops counting as a headline, whatever its case and punctuation.
#[test]
fn a_title_every_item_carries_is_not_a_headline() {
    let mut c = Clusterer::new(synthetic());
    let feed = "World News | Daily Planet";
    for n in 0..3 {
        assert_eq!(c.headline(feed), if n < 2 { feed } else { "" }, "after {n}");
        let body = article(n, 0);
        c.add(&Doc {
            title: feed,
            ..doc(&body, 100)
        });
    }
    assert_eq!(c.headline("WORLD NEWS - daily planet"), "");
    assert_eq!(c.headline("Quake hits Honshu"), "Quake hits Honshu");
}
