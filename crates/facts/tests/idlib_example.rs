//! The bundled example story (five scraped reports of one event), read the simplest way:
//! title = first line, paragraphs = the other non-empty lines, publication dates given for
//! the two files that state one. Checks what a reader of the facts would expect.

use chrono::NaiveDate;
use crosswire_facts::extract;
use crosswire_facts::facts::{Agreement, Bound, EntityKind, Facts};
use crosswire_model::{Article, CleanStats, Metadata};

fn example_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/idlib-2019-05")
}

fn load() -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir(example_dir())
        .expect("example dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5);
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable");
            let id: String = p
                .file_name()
                .map(|n| n.to_string_lossy().chars().take(3).collect())
                .unwrap_or_default();
            let published = match id.as_str() {
                "001" => NaiveDate::from_ymd_opt(2019, 5, 15),
                "004" => NaiveDate::from_ymd_opt(2019, 5, 21),
                _ => None,
            };
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let title = lines.next().unwrap_or_default().to_string();
            Article {
                id: id.clone(),
                origin: p.display().to_string(),
                meta: Metadata {
                    title,
                    published,
                    outlet: Some(format!("outlet-{id}")),
                    ..Metadata::default()
                },
                paragraphs: lines.map(str::to_string).collect(),
                stats: CleanStats::default(),
                removed: Vec::new(),
            }
        })
        .collect()
}

fn facts() -> Facts {
    extract(&load())
}

#[test]
fn killed_civilians_grouped_with_each_source_and_scope() {
    let f = facts();
    let g = f
        .claim_groups
        .iter()
        .find(|g| g.counted_key_is("civilian") && g.event_class.as_deref() == Some("killed"))
        .expect("a killed-civilians group");
    // Three different statements, side by side, none picked.
    assert!(g.values.len() >= 3, "{:#?}", g.values);
    assert_ne!(g.agreement, Agreement::Agree);
    assert_ne!(g.agreement, Agreement::Single);
    let over_120 = g
        .values
        .iter()
        .find(|v| v.quantity.low == 120.0)
        .expect("more than 120");
    assert_eq!(over_120.quantity.bound, Bound::AtLeast);
    assert_eq!(over_120.outlets.len(), 3, "three outlets carry 120");
    assert!(
        over_120
            .source
            .as_deref()
            .is_some_and(|s| s.contains("rescue workers"))
    );
    let v167 = g
        .values
        .iter()
        .find(|v| v.quantity.low == 167.0)
        .expect("167");
    assert_eq!(v167.quantity.bound, Bound::AtLeast);
    let scope = v167.scope_date.as_ref().expect("scope resolved");
    assert_eq!(scope.iso, "2019-04-25");
    assert!(
        v167.source
            .as_deref()
            .is_some_and(|s| s.contains("civil defense"))
    );
    assert!(v167.only_one_outlet);
    let v10 = g
        .values
        .iter()
        .find(|v| v.quantity.low == 10.0)
        .expect("ten");
    assert_eq!(v10.quantity.qualifier.as_deref(), Some("a minimum of"));
    assert!(
        v10.source
            .as_deref()
            .is_some_and(|s| s.contains("Observatory"))
    );
}

trait KeyIs {
    fn counted_key_is(&self, k: &str) -> bool;
}
impl KeyIs for crosswire_facts::facts::ClaimGroup {
    fn counted_key_is(&self, k: &str) -> bool {
        self.key.split('|').next() == Some(k)
    }
}

#[test]
fn displaced_by_the_un_and_facilities_struck_per_ocha() {
    let f = facts();
    let displaced = f
        .claim_groups
        .iter()
        .find(|g| g.event_class.as_deref() == Some("displaced"))
        .expect("displaced group");
    let v = &displaced.values[0];
    assert_eq!(v.quantity.low, 150_000.0);
    assert_eq!(v.source.as_deref(), Some("United Nations"));
    assert_eq!(displaced.agreement, Agreement::Agree);

    let struck = f
        .claim_groups
        .iter()
        .find(|g| g.event_class.as_deref() == Some("struck") && g.counted.contains("facilities"))
        .expect("health facilities struck");
    let v = &struck.values[0];
    assert_eq!(v.quantity.low, 18.0);
    assert_eq!(
        v.scope_date.as_ref().map(|d| d.iso.as_str()),
        Some("2019-04-28")
    );
    let source = v.source.as_deref().expect("sourced");
    let ocha = f
        .entities
        .iter()
        .find(|e| e.name == source)
        .expect("source is an entity");
    assert_eq!(ocha.kind, EntityKind::Organization);
    assert!(ocha.aliases.iter().any(|a| a == "OCHA"), "{ocha:?}");
}

#[test]
fn quotes_by_speaker_with_names_resolved() {
    let f = facts();
    let mujahid: Vec<_> = f
        .statements
        .iter()
        .filter(|s| s.speaker == "Abu Mujahid")
        .collect();
    assert_eq!(mujahid.len(), 1);
    assert!(mujahid[0].direct);
    assert!(mujahid[0].text.starts_with("We conducted"));
    let ministry: Vec<_> = f
        .statements
        .iter()
        .filter(|s| s.speaker.contains("Ministry"))
        .collect();
    // Said by the ministry in four articles, whatever the spelling (Defense/Defence).
    let articles: std::collections::HashSet<_> = ministry
        .iter()
        .map(|s| s.citation.article.as_str())
        .collect();
    assert!(articles.len() >= 4, "{ministry:#?}");
    assert!(ministry.iter().all(|s| s.speaker == ministry[0].speaker));
    // "He said in a tweet" is the foreign minister named in the sentence before.
    assert!(f.statements.iter().any(|s| s.speaker_text == "He"
        && s.speaker.contains("Cavusoglu")
        && s.role.as_deref() == Some("Turkish Foreign Minister")));
    // Unnamed speakers keep their description and are marked, never named.
    for who in [
        "Sources",
        "Turkish sources",
        "rebels",
        "senior rebel commander",
    ] {
        let st: Vec<_> = f.statements.iter().filter(|s| s.speaker == who).collect();
        assert!(!st.is_empty(), "{who}");
        assert!(st.iter().all(|s| s.is_unnamed()), "{st:#?}");
    }
    assert!(
        f.statements
            .iter()
            .any(|s| s.speaker == "United Nations" && !s.is_unnamed())
    );
    // Erdoğan and Erdogan are one speaker.
    let erdogan: std::collections::HashSet<_> = f
        .statements
        .iter()
        .filter(|s| crosswire_text::fold(&s.speaker).contains("erdogan"))
        .map(|s| s.speaker.as_str())
        .collect();
    assert_eq!(erdogan.len(), 1);
}

#[test]
fn entities_merge_short_forms() {
    let f = facts();
    let akar = f
        .entities
        .iter()
        .find(|e| e.name == "Hulusi Akar")
        .expect("Hulusi Akar");
    assert_eq!(akar.kind, EntityKind::Person);
    assert!(akar.aliases.iter().any(|a| a == "Akar"));
    assert!(akar.roles.iter().any(|r| r.contains("Defense Minister")));
    assert!(akar.articles.len() >= 4);
    let shoigu = f
        .entities
        .iter()
        .find(|e| e.name == "Sergei Shoigu")
        .expect("Shoigu");
    assert_eq!(shoigu.kind, EntityKind::Person);
    assert!(shoigu.aliases.iter().any(|a| a == "Shoigu"));
    let erdogan = f
        .entities
        .iter()
        .find(|e| crosswire_text::fold(&e.name) == "recep tayyip erdogan")
        .expect("Erdoğan");
    assert!(erdogan.aliases.iter().any(|a| a == "Erdogan"));
    let idlib = f
        .entities
        .iter()
        .find(|e| e.name == "Idlib")
        .expect("Idlib");
    assert_eq!(idlib.kind, EntityKind::Place);
    assert!(
        f.entities
            .iter()
            .any(|e| e.name.contains("Liberation Front") && e.kind == EntityKind::Organization)
    );
}

#[test]
fn timeline_has_the_story_dates_in_order() {
    let f = facts();
    let isos: Vec<&str> = f.timeline.iter().map(|e| e.date.iso.as_str()).collect();
    let has = |iso: &str, words: &[&str]| {
        f.timeline.iter().any(|e| {
            e.date.iso == iso
                && words
                    .iter()
                    .all(|w| crosswire_text::fold(&e.text).contains(w))
        })
    };
    assert!(has("2019-05-20", &["akar", "shoigu"]), "{isos:?}");
    assert!(has("2019-05-13", &["erdogan", "putin"]), "{isos:?}");
    assert!(has("2018-09-17", &["sochi"]), "{isos:?}");
    assert!(has("2019-05-14", &["akar"]), "{isos:?}");
    // Sorted by date.
    let starts: Vec<_> = f.timeline.iter().map(|e| e.date.start).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    // The Akar call reported by three copies of one wire story is one event.
    let call = f
        .timeline
        .iter()
        .find(|e| e.date.iso == "2019-05-14")
        .expect("May 14 event");
    assert!(call.outlets.len() >= 3, "{call:#?}");
    // Its text is the event, not the ministry's report of it.
    assert!(call.text.contains("discussed"), "{call:#?}");
    assert!(!call.text.contains("ministry said"), "{call:#?}");
    // "announced Sunday that ... on May 18": one row, on the ceasefire's day.
    assert!(has("2019-05-18", &["ceasefire"]), "{isos:?}");
    assert!(!isos.contains(&"2019-05-19"), "{isos:?}");
    // The Erdoğan–Putin call, told by the wire story and by another outlet in other words
    // (and spelled Erdogan / Erdoğan), is one row with both outlets.
    let calls: Vec<_> = f
        .timeline
        .iter()
        .filter(|e| e.date.iso == "2019-05-13" && crosswire_text::fold(&e.text).contains("erdogan"))
        .collect();
    assert_eq!(calls.len(), 1, "{calls:#?}");
    let articles: std::collections::HashSet<_> = calls[0]
        .citations
        .iter()
        .map(|c| c.article.as_str())
        .collect();
    assert!(
        articles.contains("001") && articles.contains("003"),
        "{calls:#?}"
    );
    // The Sochi agreement, told by one outlet at its day and by an undated one as "last
    // September", is one row on the day with both outlets.
    let sochi: Vec<_> = f
        .timeline
        .iter()
        .filter(|e| e.date.iso.starts_with("2018-09"))
        .collect();
    assert_eq!(sochi.len(), 1, "{sochi:#?}");
    assert_eq!(sochi[0].date.iso, "2018-09-17");
    assert_eq!(sochi[0].outlets.len(), 2, "{sochi:#?}");
    // OCHA's count since April 28, told Reuters on Monday, is dated by its period.
    assert!(
        f.timeline
            .iter()
            .any(|e| e.date.iso == "2019-04-28/2019-05-13" && e.text.contains("health")),
        "{isos:?}"
    );
    assert!(
        !f.timeline
            .iter()
            .any(|e| e.date.iso == "2019-05-13" && e.text.contains("health facilities")),
        "{isos:?}"
    );
    // Short texts: no row is a whole long sentence.
    for e in &f.timeline {
        assert!(e.text.split_whitespace().count() <= 26, "{e:#?}");
        assert!(!e.sentence.is_empty());
    }
}

#[test]
fn carried_sources_stance_verbs_and_scopes() {
    let f = facts();
    // "... OCHA told Reuters on Monday. Two hospitals were hit twice.": OCHA's, inherited.
    let hospitals = f
        .claims
        .iter()
        .find(|c| c.counted == "hospitals")
        .expect("hospitals");
    assert!(
        hospitals
            .source
            .as_deref()
            .is_some_and(|s| s.contains("Humanitarian"))
    );
    assert!(hospitals.source_inherited);
    // "The Syrian army denies its strikes target civilians" keeps its denial.
    let denial = f
        .statements
        .iter()
        .find(|s| s.text.contains("strikes target civilians"))
        .expect("denial");
    assert_eq!(denial.stance_verb().as_deref(), Some("denies"));
    // >120 (no scope), >=167 since April 25, >=10: different scopes, none in conflict.
    let g = f
        .claim_groups
        .iter()
        .find(|g| g.key == "civilian|killed")
        .expect("killed civilians");
    assert_eq!(g.agreement, Agreement::Differ);
    assert!(g.values.iter().all(|v| !v.conflicts));
    assert!(g.values.iter().any(|v| v.scope_key == "since 2019-04-25"));
    let md = crosswire_report::sections::facts::markdown(
        &f,
        &crosswire_report::sections::facts::own_label,
    );
    assert!(
        md.contains("**civilians killed** (different scopes"),
        "{md}"
    );
    assert!(md.contains("denies: its strikes target civilians"), "{md}");
}

#[test]
fn known_places_and_agencies_without_context() {
    let f = facts();
    let kind = |name: &str| f.entities.iter().find(|e| e.name == name).map(|e| e.kind);
    assert_eq!(kind("Moscow"), Some(EntityKind::Place));
    assert_eq!(kind("Iran"), Some(EntityKind::Place));
    assert_eq!(kind("Reuters"), Some(EntityKind::Organization));
}

#[test]
fn undated_articles_are_marked_inferred() {
    let f = facts();
    assert_eq!(f.reference_date, NaiveDate::from_ymd_opt(2019, 5, 21));
    // File 003 has no date: its "May 20" is resolved against the story and says so.
    let may20 = f
        .dates
        .iter()
        .find(|d| d.citation.article == "003" && d.text.contains("May 20"))
        .and_then(|d| d.resolved.clone())
        .expect("May 20 resolved");
    assert_eq!(may20.iso, "2019-05-20");
    assert!(may20.inferred);
    // "Last September" from a May article is the previous year's.
    assert!(
        f.dates.iter().any(|d| d.text == "Last September"
            && d.resolved.as_ref().is_some_and(|r| r.iso == "2018-09"))
    );
    // Dated article: not inferred.
    assert!(
        f.dates
            .iter()
            .filter(|d| d.citation.article == "004")
            .all(|d| d.resolved.as_ref().is_none_or(|r| !r.inferred))
    );
}

#[test]
fn renders_facts_and_timeline_sections() {
    let f = facts();
    let md = crosswire_report::sections::facts::markdown(
        &f,
        &crosswire_report::sections::facts::own_label,
    );
    assert!(md.contains("## Facts") && md.contains("## Timeline"));
    assert!(md.contains("| 2019-05-20"));
    let html =
        crosswire_report::sections::facts::html(&f, &crosswire_report::sections::facts::own_label);
    assert!(html.contains("<h2>Timeline</h2>"));
    // Article text arrives escaped: no raw quote marks inside attributes or text.
    assert!(!html.contains("\"We conducted"));
}
