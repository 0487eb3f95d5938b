//! Whole-stage behaviour on small stories written for these tests: grouping of synonymous
//! claims across articles, agreement and conflict, speakers resolved across articles, dates
//! inferred for undated articles, and robustness on odd input.

use chrono::NaiveDate;
use crosswire_facts::extract;
use crosswire_facts::facts::{Agreement, Bound, EntityKind, Facts};
use crosswire_model::{Article, CleanStats, Metadata};

fn article(id: &str, published: Option<(i32, u32, u32)>, paragraphs: &[&str]) -> Article {
    dated(
        id,
        published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        paragraphs,
    )
}

fn dated(id: &str, published: Option<NaiveDate>, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        origin: id.into(),
        meta: Metadata {
            title: format!("Title {id}"),
            published,
            outlet: Some(format!("Outlet {id}")),
            ..Metadata::default()
        },
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        stats: CleanStats::default(),
        removed: Vec::new(),
    }
}

fn group<'f>(f: &'f Facts, key: &str) -> &'f crosswire_facts::facts::ClaimGroup {
    f.claim_groups
        .iter()
        .find(|g| g.key == key)
        .unwrap_or_else(|| panic!("no group {key}: {:#?}", f.claim_groups))
}

#[test]
fn synonyms_group_and_agreement_is_judged_per_scope() {
    let f = extract(&[
        article(
            "a",
            Some((2021, 3, 10)),
            &["Floods have killed 40 villagers since Friday, the regional governor said."],
        ),
        article(
            "b",
            Some((2021, 3, 10)),
            &["At least 40 villagers died, officials said. The storm displaced 2,000 families."],
        ),
        article(
            "c",
            Some((2021, 3, 11)),
            &[
                "Some 55 villagers have lost their lives since Friday, according to the Red Cross. \
               Rescuers say the floods have uprooted 2,000 families.",
            ],
        ),
    ]);
    let killed = group(&f, "villag|killed");
    assert_eq!(killed.outlets.len(), 3);
    // 40 (exact) and 55 (about) since Friday cannot both hold: a conflict.
    assert_eq!(killed.agreement, Agreement::Conflict);
    let v55 = killed
        .values
        .iter()
        .find(|v| v.quantity.low == 55.0)
        .expect("55");
    assert!(v55.conflicts);
    assert_eq!(v55.quantity.bound, Bound::About);
    assert_eq!(v55.source.as_deref(), Some("Red Cross"));
    assert_eq!(v55.event.as_deref(), Some("have lost their lives"));
    let displaced = group(&f, "famili|displaced");
    assert_eq!(displaced.agreement, Agreement::Agree);
    assert_eq!(displaced.values.len(), 1);
    assert_eq!(displaced.values[0].outlets.len(), 2);
}

#[test]
fn compatible_bounds_differ_without_conflict() {
    let f = extract(&[
        article(
            "a",
            None,
            &["More than 30 people were wounded in the blast."],
        ),
        article(
            "b",
            None,
            &["The blast injured at least 45 people, police said."],
        ),
    ]);
    let g = group(&f, "peopl|injured");
    // Same (unstated) scope, values that can both be true: compatible, not a conflict and
    // not "different scopes".
    assert_eq!(g.agreement, Agreement::Compatible);
    assert!(g.values.iter().all(|v| v.scope_key.is_empty()));
    assert!(g.values.iter().all(|v| !v.conflicts));
}

#[test]
fn hit_and_struck_are_one_event() {
    let f = extract(&[
        article("a", None, &["Three schools were hit overnight."]),
        article(
            "b",
            None,
            &["Shelling struck three schools, witnesses said."],
        ),
    ]);
    let g = group(&f, "school|struck");
    assert_eq!(g.agreement, Agreement::Agree);
    assert_eq!(g.values[0].quantity.low, 3.0);
}

#[test]
fn speakers_resolve_to_full_names_across_articles() {
    let f = extract(&[
        article(
            "a",
            Some((2020, 2, 3)),
            &["Foreign Minister Anna Kowalczyk met her counterpart, Pedro Álvarez, on Monday."],
        ),
        article(
            "b",
            Some((2020, 2, 4)),
            &[
                "\u{201C}We will keep talking,\u{201D} Kowalczyk told reporters.",
                "Alvarez said the talks had been useful. He added that a deal was near.",
            ],
        ),
    ]);
    let by = |name: &str| f.statements.iter().filter(|s| s.speaker == name).count();
    assert_eq!(by("Anna Kowalczyk"), 1, "{:#?}", f.statements);
    // Álvarez = Alvarez once folded; "He" is the last person named.
    assert_eq!(by("Pedro Álvarez"), 2, "{:#?}", f.statements);
    let quote = f
        .statements
        .iter()
        .find(|s| s.speaker == "Anna Kowalczyk")
        .expect("quote");
    assert!(quote.direct);
    assert_eq!(quote.text, "We will keep talking");
    assert_eq!(quote.role.as_deref(), Some("Foreign Minister"));
    let person = f
        .entities
        .iter()
        .find(|e| e.name == "Pedro Álvarez")
        .expect("entity");
    assert_eq!(person.kind, EntityKind::Person);
    assert!(person.aliases.iter().any(|a| a == "Alvarez"));
}

#[test]
fn organizations_places_and_acronyms() {
    let f = extract(&[article(
        "a",
        None,
        &[
            "The World Food Programme (WFP) said aid reached Kandor province. WFP warned that \
             stocks in Belmora were low. The National Rescue Council said 12 people were missing.",
        ],
    )]);
    let wfp = f
        .entities
        .iter()
        .find(|e| e.name == "World Food Programme")
        .expect("WFP entity");
    assert_eq!(wfp.kind, EntityKind::Organization);
    assert!(wfp.aliases.iter().any(|a| a == "WFP"));
    // The full name, the acronym in parentheses, and the acronym alone.
    assert_eq!(wfp.mentions, 3);
    let kind = |n: &str| f.entities.iter().find(|e| e.name == n).map(|e| e.kind);
    assert_eq!(kind("Kandor"), Some(EntityKind::Place));
    assert_eq!(kind("Belmora"), Some(EntityKind::Place));
    assert_eq!(
        kind("National Rescue Council"),
        Some(EntityKind::Organization)
    );
    // Both WFP statements are by the one organization.
    assert_eq!(
        f.statements
            .iter()
            .filter(|s| s.speaker == "World Food Programme")
            .count(),
        2
    );
    assert_eq!(f.claims[0].event_class.as_deref(), Some("missing"));
}

#[test]
fn undated_articles_use_the_story_date_and_say_so() {
    let f = extract(&[
        article(
            "dated",
            Some((2019, 6, 4)),
            &["Talks resumed on Monday in the capital after a pause."],
        ),
        article(
            "undated",
            None,
            &["Protesters gathered on Sunday outside parliament, organisers said."],
        ),
    ]);
    let sunday = f
        .dates
        .iter()
        .find(|d| d.citation.article == "undated")
        .and_then(|d| d.resolved.clone())
        .expect("resolved");
    // 2019-06-04 is a Tuesday: the Sunday before is June 2.
    assert_eq!(sunday.iso, "2019-06-02");
    assert!(sunday.inferred);
    let monday = f
        .dates
        .iter()
        .find(|d| d.citation.article == "dated")
        .and_then(|d| d.resolved.clone())
        .expect("resolved");
    assert_eq!(monday.iso, "2019-06-03");
    assert!(!monday.inferred);
    // Timeline in order, both events present.
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2019-06-02", "2019-06-03"]);
}

#[test]
fn no_dates_anywhere_keeps_relative_dates_as_text() {
    let f = extract(&[article("a", None, &["The vote was held on Tuesday."])]);
    assert_eq!(f.dates.len(), 1);
    assert!(f.dates[0].resolved.is_none());
    assert!(f.timeline.is_empty());
}

#[test]
fn same_event_merges_across_articles_on_the_timeline() {
    let f = extract(&[
        article(
            "a",
            Some((2022, 8, 10)),
            &["The two leaders signed a border agreement on Monday in Geneva."],
        ),
        article(
            "b",
            Some((2022, 8, 9)),
            &["On August 8, the leaders signed the border agreement in Geneva, ending talks."],
        ),
    ]);
    assert_eq!(f.timeline.len(), 1, "{:#?}", f.timeline);
    assert_eq!(f.timeline[0].date.iso, "2022-08-08");
    assert_eq!(f.timeline[0].outlets.len(), 2);
}

#[test]
fn odd_input_never_panics() {
    let long = "Zażółć 1,000,000,000,000,000 ".repeat(200);
    let inputs = [
        "",
        " ",
        "\u{201C}",
        "\"\"\"",
        "said said said told according to",
        "At least",
        "more than 12",
        "May 32, 2019 and February 29, 2019 and 31 April",
        "since last",
        "1.5.6 million 10-5 people",
        "Ünïcödé Ärmy said: «ça va» — 12 ‘people’ killed",
        "(OCHA) (",
        "last week last week last week",
        &long,
    ];
    let articles: Vec<Article> = inputs
        .iter()
        .enumerate()
        .map(|(i, p)| article(&format!("x{i}"), Some((2019, 1, 1)), &[p]))
        .collect();
    let f = extract(&articles);
    let _ = crosswire_report::sections::facts::markdown(
        &f,
        &crosswire_report::sections::facts::own_label,
    );
    let _ =
        crosswire_report::sections::facts::html(&f, &crosswire_report::sections::facts::own_label);
    let extremes = [
        dated(
            "min",
            Some(NaiveDate::MIN),
            &["It happened on Monday, last week, last summer, last winter, yesterday."],
        ),
        dated(
            "max",
            Some(NaiveDate::MAX),
            &["Today, this week, this winter, last month, in December, on December 31."],
        ),
    ];
    let _ = extract(&extremes);
    let _ = extract(&[]);
}

#[test]
fn abbreviated_titles_and_surnames_that_speak() {
    let f = extract(&[
        article(
            "a",
            None,
            &[
                "Former Sen. John Q. Danforth arrived in the city on a visit.",
                "Mary Lowe, an engineer, inspected the dam. Lowe said the repairs would hold.",
                "\u{201C}It is safe,\u{201D} said Dr. Wen Li, a hydrologist.",
                "Danforth said the inquiry would take months. The said nothing.",
            ],
        ),
        article("b", None, &["Tenet said the report was accurate."]),
    ]);
    let speakers: Vec<&str> = f.statements.iter().map(|s| s.speaker.as_str()).collect();
    assert!(speakers.contains(&"John Q. Danforth"), "{speakers:?}");
    assert!(speakers.contains(&"Mary Lowe"), "{speakers:?}");
    assert!(speakers.contains(&"Wen Li"), "{speakers:?}");
    assert!(speakers.contains(&"Tenet"), "{speakers:?}");
    assert!(!speakers.contains(&"The"), "{speakers:?}");
    let danforth = f
        .entities
        .iter()
        .find(|e| e.name == "John Q. Danforth")
        .expect("entity");
    assert_eq!(danforth.kind, EntityKind::Person);
    assert_eq!(danforth.roles, ["Former Sen"]);
}

#[test]
fn unscoped_counts_far_apart_or_in_one_article_do_not_conflict() {
    let f = extract(&[
        article(
            "a",
            Some((2020, 1, 1)),
            &[
                "Two soldiers were killed at a checkpoint. Later, 30 soldiers were killed in an ambush.",
            ],
        ),
        article(
            "b",
            Some((2020, 3, 1)),
            &["Nine soldiers were killed, the army said."],
        ),
    ]);
    let g = group(&f, "soldier|killed");
    assert_eq!(g.values.len(), 3);
    assert_eq!(g.agreement, Agreement::Differ);
    // The same counts a day apart do contradict each other.
    let f = extract(&[
        article(
            "a",
            Some((2020, 1, 1)),
            &["Two soldiers were killed, the army said."],
        ),
        article(
            "b",
            Some((2020, 1, 2)),
            &["Nine soldiers were killed, medics said."],
        ),
    ]);
    assert_eq!(group(&f, "soldier|killed").agreement, Agreement::Conflict);
}
