//! One event told at two date precisions is one timeline row (and two events stay two);
//! counts are dated by their own scope; speakers the story does not name are marked so.
//! Every story here is written for these tests.

use chrono::NaiveDate;
use crosswire_facts::extract;
use crosswire_facts::facts::{Facts, Granularity, TimelineEvent};
use crosswire_model::{Article, CleanStats, Metadata};

fn article(id: &str, published: Option<(i32, u32, u32)>, paragraphs: &[&str]) -> Article {
    Article {
        id: id.into(),
        origin: id.into(),
        meta: Metadata {
            title: format!("Title {id}"),
            published: published.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
            outlet: Some(format!("Outlet {id}")),
            ..Metadata::default()
        },
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        stats: CleanStats::default(),
        removed: Vec::new(),
    }
}

fn rows_with<'f>(f: &'f Facts, word: &str) -> Vec<&'f TimelineEvent> {
    f.timeline
        .iter()
        .filter(|e| e.text.to_lowercase().contains(word))
        .collect()
}

#[test]
fn a_month_and_a_day_of_one_agreement_are_one_row_on_the_day() {
    let f = extract(&[
        article(
            "a",
            Some((2020, 6, 20)),
            &[
                "On June 9, during talks in the port city of Velmar, an agreement was \
               reached to open a humanitarian corridor along the river valley.",
            ],
        ),
        // Undated: "in June" resolves against the story's date and is marked inferred.
        article(
            "b",
            None,
            &[
                "In June, the two governments agreed to open a humanitarian corridor \
               along the river valley near Velmar.",
            ],
        ),
    ]);
    let rows = rows_with(&f, "corridor");
    assert_eq!(rows.len(), 1, "{:#?}", f.timeline);
    let row = rows[0];
    assert_eq!(row.date.iso, "2020-06-09");
    assert_eq!(row.date.granularity, Granularity::Day);
    assert!(!row.date.inferred);
    assert_eq!(row.outlets.len(), 2, "{row:#?}");
}

#[test]
fn two_events_on_one_day_stay_two_rows() {
    let f = extract(&[
        article(
            "a",
            Some((2020, 6, 12)),
            &[
                "On Tuesday, rebels shelled an army checkpoint on the northern road near \
               Velmar, the ministry said.",
            ],
        ),
        article(
            "b",
            Some((2020, 6, 12)),
            &[
                "On Tuesday, the president signed a decree extending the curfew in Velmar \
               by two weeks.",
            ],
        ),
    ]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2020-06-09", "2020-06-09"], "{:#?}", f.timeline);
}

#[test]
fn a_month_row_of_another_event_does_not_join_a_day_row() {
    let f = extract(&[article(
        "a",
        Some((2020, 6, 20)),
        &[
            "On June 9, the president signed a decree extending the curfew in Velmar \
                 by two weeks.",
            "In June, floods destroyed the main bridge over the river and cut the \
                 road to the coast.",
        ],
    )]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2020-06", "2020-06-09"], "{:#?}", f.timeline);
}

#[test]
fn a_cumulative_count_is_dated_by_its_period_up_to_the_report_day() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "Since March 1, a total of 40 civilians have been killed in the province, the \
           relief agency said on Tuesday.",
        ],
    )]);
    assert_eq!(f.timeline.len(), 1, "{:#?}", f.timeline);
    let row = &f.timeline[0];
    assert_eq!(row.date.iso, "2021-03-01/2021-03-09");
    assert_eq!(row.date.granularity, Granularity::Period);
    assert!(row.text.contains("40 civilians"), "{row:#?}");
    assert!(!row.text.contains("Since March 1"), "{row:#?}");
}

#[test]
fn a_count_without_a_stated_end_runs_to_the_article_day_and_joins_a_stated_one() {
    let f = extract(&[
        article(
            "a",
            Some((2021, 3, 11)),
            &["At least 40 civilians have been killed in the province since March 1."],
        ),
        article(
            "b",
            Some((2021, 3, 11)),
            &[
                "Since March 1, 40 civilians have died in the province, the relief agency \
               said on Tuesday.",
            ],
        ),
    ]);
    assert_eq!(f.timeline.len(), 1, "{:#?}", f.timeline);
    // The stated end (Tuesday) beats the article's day.
    assert_eq!(f.timeline[0].date.iso, "2021-03-01/2021-03-09");
    assert_eq!(f.timeline[0].outlets.len(), 2);
    // Alone, the count runs to the article's day.
    let alone = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &["At least 40 civilians have been killed in the province since March 1."],
    )]);
    assert_eq!(alone.timeline[0].date.iso, "2021-03-01/2021-03-11");
}

#[test]
fn a_count_as_of_a_day_is_dated_that_day() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "As of Monday, more than 1,200 families had been displaced by the fighting, \
           the agency said.",
        ],
    )]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2021-03-08"], "{:#?}", f.timeline);
}

#[test]
fn a_since_phrase_that_does_not_scope_the_count_is_no_period() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "The offensive has uprooted more than 150,000 people in the worst escalation \
           since last summer, the United Nations said on Tuesday.",
        ],
    )]);
    assert!(
        f.timeline
            .iter()
            .all(|e| e.date.granularity != Granularity::Period),
        "{:#?}",
        f.timeline
    );
}

#[test]
fn unnamed_speakers_are_attributed_but_not_named() {
    let f = extract(&[
        article(
            "a",
            Some((2021, 3, 11)),
            &[
                "Sources said the talks in Velmar would resume next week after a pause.",
                "They said both delegations had agreed on an agenda for the meeting.",
                "Witnesses told the agency that the market was hit by three shells.",
                "Turkish officials said the border crossing would stay closed for now.",
                "Jane Roe, the mayor of Velmar, said the city needed more ambulances.",
            ],
        ),
        article(
            "b",
            Some((2021, 3, 11)),
            &[
                "The Velmar Defense Ministry said troops had pulled back from the river.",
                "The ministry said the withdrawal would be finished by the weekend.",
                "At least 12 people were killed in the shelling, officials said.",
            ],
        ),
    ]);
    let by_text = |w: &str| {
        f.statements
            .iter()
            .find(|s| s.text.contains(w))
            .unwrap_or_else(|| panic!("no statement with {w}: {:#?}", f.statements))
    };
    for w in ["talks", "agenda", "market", "border crossing"] {
        let st = by_text(w);
        assert!(st.is_unnamed(), "{st:#?}");
        assert_eq!(st.role.as_deref(), Some("unnamed source"));
    }
    // The description stays: who the unnamed speakers are said to be.
    assert_eq!(by_text("border crossing").speaker, "Turkish officials");
    assert_eq!(by_text("agenda").speaker_text, "They");
    for w in ["ambulances", "pulled back", "withdrawal"] {
        assert!(!by_text(w).is_unnamed(), "{:#?}", by_text(w));
    }
    assert_eq!(by_text("ambulances").speaker, "Jane Roe");
    // "the ministry" is the named ministry that spoke just before.
    assert_eq!(
        by_text("withdrawal").speaker,
        by_text("pulled back").speaker
    );
    // A count from unnamed officials keeps its source as written.
    let killed = f
        .claims
        .iter()
        .find(|c| c.counted == "people")
        .expect("the count of people killed");
    assert_eq!(killed.source.as_deref(), Some("officials"));
    // The digest says they are unnamed.
    let md = crosswire_report::sections::facts::markdown(
        &f,
        &crosswire_report::sections::facts::own_label,
    );
    assert!(md.contains("**Sources** (unnamed source)"), "{md}");
    assert!(!md.contains("**Sources**\n"), "{md}");
    assert!(md.contains("**Jane Roe**"), "{md}");
}

#[test]
fn a_title_alone_is_the_person_the_article_gave_it_to() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "President Jane Roe visited the flooded district of Velmar on Monday.",
            "The president said the army would build a new bridge within a month.",
            "A senior engineer said the old bridge could not be repaired.",
        ],
    )]);
    let bridge = f
        .statements
        .iter()
        .find(|s| s.text.contains("new bridge"))
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert_eq!(bridge.speaker, "Jane Roe", "{bridge:#?}");
    assert!(!bridge.is_unnamed());
    let engineer = f
        .statements
        .iter()
        .find(|s| s.text.contains("old bridge"))
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert!(engineer.is_unnamed(), "{engineer:#?}");
}

#[test]
fn a_clause_about_another_event_does_not_join_the_one_it_mentions() {
    let f = extract(&[
        article(
            "a",
            Some((2021, 3, 9)),
            &[
                "Defense Minister Jane Roe and her Velmari counterpart Ali Sami discussed in \
               a phone call the measures that have to be taken to reduce tensions in the \
               northern province, the ministry said on Monday.",
            ],
        ),
        article(
            "b",
            Some((2021, 3, 9)),
            &[
                "The phone call comes after raids on the northern province killed ten \
               civilians on Monday.",
            ],
        ),
    ]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2021-03-08", "2021-03-08"], "{:#?}", f.timeline);
    assert!(rows_with(&f, "raids").len() == 1, "{:#?}", f.timeline);
}

#[test]
fn a_count_inside_another_event_leaves_that_event_its_day() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "The envoy on Tuesday called on the government to halt the clashes in which \
           some 120 people have been killed since March 1.",
        ],
    )]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2021-03-09"], "{:#?}", f.timeline);
}

#[test]
fn a_monthly_total_does_not_join_one_day_count() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 30)),
        &[
            "In March, more than 300 civilians were killed in the province.",
            "On March 9, three civilians were killed in a market in the provincial capital.",
        ],
    )]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2021-03", "2021-03-09"], "{:#?}", f.timeline);
}

#[test]
fn a_statement_from_an_organization_is_the_organization_speaking() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "A statement from the Velmar Foreign Ministry said the ambassador had been \
           recalled for consultations.",
        ],
    )]);
    let st = f
        .statements
        .iter()
        .find(|s| s.text.contains("ambassador"))
        .unwrap_or_else(|| panic!("{:#?}", f.statements));
    assert!(!st.is_unnamed(), "{st:#?}");
    assert!(st.speaker.contains("Foreign Ministry"), "{st:#?}");
}

#[test]
fn a_count_with_its_own_day_is_dated_by_it_not_by_the_report() {
    let f = extract(&[article(
        "a",
        Some((2021, 3, 11)),
        &[
            "Five people were killed on Tuesday in an air strike on the market, the health \
           ministry said on Wednesday.",
        ],
    )]);
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    assert_eq!(isos, ["2021-03-09"], "{:#?}", f.timeline);
}
