//! The "Facts" (quantity claims compared across sources, who said what) and "Timeline"
//! sections of a digest, as Markdown and as HTML. Every piece of article text is escaped:
//! table cells for Markdown (`|`, line breaks), all text for HTML.

use std::fmt::Write;

use crosswire_model::facts::{
    Agreement, Citation, ClaimGroup, Facts, GroupValue, ResolvedDate, Statement, TimelineEvent,
};

/// Longest quote or event text shown, in characters.
const MAX_TEXT: usize = 280;

/// Make text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= MAX_TEXT {
        return s.to_string();
    }
    let cut: String = s.chars().take(MAX_TEXT).collect();
    format!("{}…", cut.trim_end())
}

fn agreement_label(a: Agreement) -> &'static str {
    match a {
        Agreement::Single => "one outlet",
        Agreement::Agree => "sources agree",
        Agreement::Compatible => "same scope, values differ but can all be true",
        Agreement::Differ => "different scopes or sources, not directly comparable",
        Agreement::Conflict => "⚠ sources disagree for the same scope",
    }
}

fn group_title(g: &ClaimGroup) -> String {
    match &g.event_class {
        Some(e) => format!("{} {}", g.counted, e),
        None => g.counted.clone(),
    }
}

fn date_label(d: &ResolvedDate) -> String {
    if d.inferred {
        format!("{} (inferred)", d.iso)
    } else {
        d.iso.clone()
    }
}

fn scope_label(v: &GroupValue) -> String {
    match (&v.scope, &v.scope_date) {
        (Some(s), Some(d)) if d.inferred => format!("{s} ({}, inferred)", d.iso),
        (Some(s), Some(d)) => format!("{s} ({})", d.iso),
        (Some(s), None) => s.clone(),
        _ => "—".to_string(),
    }
}

fn value_label(v: &GroupValue) -> String {
    let mut s = v.quantity.text.clone();
    if v.conflicts {
        s.push_str(" ⚠");
    }
    s
}

/// The value's source; one carried over from the previous sentence says so.
fn source_label(v: &GroupValue) -> String {
    match &v.source {
        Some(src) if v.source_inherited => format!("{src} (from the previous sentence)"),
        Some(src) => src.clone(),
        None => "—".to_string(),
    }
}

/// A line under the claims table saying how values were compared, when some values were
/// not compared (different scopes) or contradict each other.
fn comparison_note(groups: &[&ClaimGroup]) -> Option<&'static str> {
    let differ = groups.iter().any(|g| g.agreement == Agreement::Differ);
    let conflict = groups.iter().any(|g| g.agreement == Agreement::Conflict);
    match (differ, conflict) {
        (false, false) => None,
        (true, false) => Some(
            "Scope is the period or moment a count covers. Values for different scopes or \
             incidents are shown side by side and not compared.",
        ),
        (false, true) => Some(
            "⚠ marks values that cannot all be true for the same scope (a conflict between \
             sources).",
        ),
        (true, true) => Some(
            "Scope is the period or moment a count covers. Values for different scopes or \
             incidents are not compared; ⚠ marks values that cannot all be true for the same \
             scope (a conflict between sources).",
        ),
    }
}

/// How an article is cited: the digest's source numbering, or the facts' own label.
pub type Cite<'a> = &'a dyn Fn(&Citation) -> String;

/// The facts stage's own label (outlet if known, else article id).
pub fn own_label(c: &Citation) -> String {
    c.label.clone()
}

fn cited(citations: &[Citation], cite: Cite<'_>) -> String {
    let mut labels: Vec<String> = Vec::new();
    for c in citations {
        let l = cite(c);
        if !labels.contains(&l) {
            labels.push(l);
        }
    }
    labels.join(", ")
}

fn outlets_label(v: &GroupValue, cite: Cite<'_>) -> String {
    let mut s = cited(&v.citations, cite);
    if v.only_one_outlet {
        s.push_str(" (only)");
    }
    s
}

/// Statements grouped by speaker, speakers in order of first appearance.
fn by_speaker(statements: &[Statement]) -> Vec<(&str, Option<&str>, Vec<&Statement>)> {
    let mut out: Vec<(&str, Option<&str>, Vec<&Statement>)> = Vec::new();
    for st in statements {
        match out.iter_mut().find(|(name, _, _)| *name == st.speaker) {
            Some((_, role, list)) => {
                if role.is_none() {
                    *role = st.role.as_deref();
                }
                list.push(st);
            }
            None => out.push((&st.speaker, st.role.as_deref(), vec![st])),
        }
    }
    out
}

fn shown_groups(facts: &Facts) -> impl Iterator<Item = &ClaimGroup> {
    // Counts without an event ("1.5 million people reside ...") are background; they stay
    // in the JSON but are not comparable claims.
    facts
        .claim_groups
        .iter()
        .filter(|g| g.event_class.is_some())
}

/// Lowercase words of a text, for telling near-identical statements apart.
fn word_set(s: &str) -> std::collections::HashSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A speaker's statements with near-identical wordings (wire copies) folded together:
/// the first wording and the outlets of all of them.
fn distinct_statements<'a>(list: &[&'a Statement]) -> Vec<(&'a Statement, Vec<&'a Citation>)> {
    let mut out: Vec<(
        &Statement,
        Vec<&Citation>,
        std::collections::HashSet<String>,
    )> = Vec::new();
    for st in list {
        let words = word_set(&st.text);
        let same = out.iter_mut().find(|(_, _, w)| {
            let common = w.intersection(&words).count();
            common * 10 >= w.len().max(words.len()) * 7
        });
        match same {
            Some((_, labels, _)) => labels.push(&st.citation),
            None => out.push((st, vec![&st.citation], words)),
        }
    }
    out.into_iter().map(|(s, l, _)| (s, l)).collect()
}

/// The statement's words, led by its reporting verb when the verb changes their meaning
/// ("denies: its strikes target civilians").
fn statement_text(st: &Statement) -> String {
    let t = truncate(&st.text);
    let t = if st.direct { format!("“{t}”") } else { t };
    match st.stance_verb() {
        Some(v) => format!("{v}: {t}"),
        None => t,
    }
}

fn timeline_sources(e: &TimelineEvent, cite: Cite<'_>) -> String {
    cited(&e.citations, cite)
}

/// Markdown for the "Facts" (claims, who said what) and "Timeline" sections; empty when
/// there is nothing to show.
pub fn markdown(facts: &Facts, cite: Cite<'_>) -> String {
    let mut out = String::new();
    let groups: Vec<&ClaimGroup> = shown_groups(facts).collect();
    if !groups.is_empty() || !facts.statements.is_empty() {
        out.push_str("## Facts\n\n");
    }
    if !groups.is_empty() {
        out.push_str("| Claim | Value | Scope | Source | Outlets |\n");
        out.push_str("|---|---|---|---|---|\n");
        for g in &groups {
            for (k, v) in g.values.iter().enumerate() {
                let claim = if k == 0 {
                    format!(
                        "**{}** ({})",
                        cell(&group_title(g)),
                        agreement_label(g.agreement)
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    claim,
                    cell(&value_label(v)),
                    cell(&scope_label(v)),
                    cell(&source_label(v)),
                    cell(&outlets_label(v, cite)),
                );
            }
        }
        out.push('\n');
        if let Some(note) = comparison_note(&groups) {
            let _ = writeln!(out, "*{note}*\n");
        }
    }
    if !facts.statements.is_empty() {
        out.push_str("### Who said what\n\n");
        for (speaker, role, list) in by_speaker(&facts.statements) {
            match role {
                Some(r) => {
                    let _ = writeln!(out, "**{}** ({})\n", cell(speaker), cell(r));
                }
                None => {
                    let _ = writeln!(out, "**{}**\n", cell(speaker));
                }
            }
            for (st, labels) in distinct_statements(&list) {
                let _ = writeln!(
                    out,
                    "- {} — {}",
                    statement_text(st).replace('\n', " "),
                    cited(&labels.into_iter().cloned().collect::<Vec<_>>(), cite)
                );
            }
            out.push('\n');
        }
    }
    if !facts.timeline.is_empty() {
        out.push_str("## Timeline\n\n| Date | What happened | Sources |\n|---|---|---|\n");
        for e in &facts.timeline {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                cell(&date_label(&e.date)),
                cell(&truncate(&e.text)),
                cell(&timeline_sources(e, cite))
            );
        }
        out.push('\n');
    }
    out
}

/// HTML for the same sections; every piece of article text is escaped.
pub fn html(facts: &Facts, cite: Cite<'_>) -> String {
    let mut out = String::new();
    let e = crate::escape_html;
    let groups: Vec<&ClaimGroup> = shown_groups(facts).collect();
    if !groups.is_empty() || !facts.statements.is_empty() {
        out.push_str("<section class=\"facts\">\n<h2>Facts</h2>\n");
        if !groups.is_empty() {
            out.push_str(
                "<table class=\"claims\">\n<thead><tr><th>Claim</th><th>Value</th><th>Scope</th>\
                 <th>Source</th><th>Outlets</th></tr></thead>\n<tbody>\n",
            );
            for g in &groups {
                let class = match g.agreement {
                    Agreement::Conflict => "conflict",
                    Agreement::Differ => "differ",
                    Agreement::Compatible => "compatible",
                    Agreement::Agree => "agree",
                    Agreement::Single => "single",
                };
                for (k, v) in g.values.iter().enumerate() {
                    let _ = write!(out, "<tr class=\"{class}\">");
                    if k == 0 {
                        let _ = write!(
                            out,
                            "<th rowspan=\"{}\">{} <small>({})</small></th>",
                            g.values.len(),
                            e(&group_title(g)),
                            e(agreement_label(g.agreement))
                        );
                    }
                    let _ = writeln!(
                        out,
                        "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        e(&value_label(v)),
                        e(&scope_label(v)),
                        e(&source_label(v)),
                        e(&outlets_label(v, cite))
                    );
                }
            }
            out.push_str("</tbody>\n</table>\n");
            if let Some(note) = comparison_note(&groups) {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", e(note));
            }
        }
        if !facts.statements.is_empty() {
            out.push_str("<h3>Who said what</h3>\n<dl class=\"statements\">\n");
            for (speaker, role, list) in by_speaker(&facts.statements) {
                let _ = write!(out, "<dt>{}", e(speaker));
                if let Some(r) = role {
                    let _ = write!(out, " <small>({})</small>", e(r));
                }
                out.push_str("</dt>\n");
                for (st, labels) in distinct_statements(&list) {
                    let _ = writeln!(
                        out,
                        "<dd>{} <cite>{}</cite></dd>",
                        e(&statement_text(st)),
                        e(&cited(
                            &labels.into_iter().cloned().collect::<Vec<_>>(),
                            cite
                        ))
                    );
                }
            }
            out.push_str("</dl>\n");
        }
        out.push_str("</section>\n");
    }
    if !facts.timeline.is_empty() {
        out.push_str(
            "<section class=\"timeline\">\n<h2>Timeline</h2>\n<table>\n<thead><tr><th>Date</th>\
             <th>What happened</th><th>Sources</th></tr></thead>\n<tbody>\n",
        );
        for ev in &facts.timeline {
            let _ = writeln!(
                out,
                "<tr><td><time datetime=\"{}\">{}</time></td><td>{}</td><td>{}</td></tr>",
                e(&ev.date.iso),
                e(&date_label(&ev.date)),
                e(&truncate(&ev.text)),
                e(&timeline_sources(ev, cite))
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosswire_model::facts::{Bound, Quantity};

    fn cite(label: &str) -> Citation {
        Citation {
            article: label.into(),
            label: label.into(),
            paragraph: 0,
            sentence: 0,
        }
    }

    fn sample() -> Facts {
        let q = |text: &str, low: f64| Quantity {
            text: text.into(),
            qualifier: None,
            bound: Bound::Exact,
            low,
            high: low,
        };
        let value = |text: &str, low: f64, outlet: &str| GroupValue {
            quantity: q(text, low),
            event: None,
            scope: Some("since <b>May</b>".into()),
            scope_date: None,
            source: Some("A & B".into()),
            source_inherited: false,
            scope_key: "since 2019-05".into(),
            outlets: vec![outlet.into()],
            citations: vec![cite(outlet)],
            conflicts: true,
            only_one_outlet: true,
        };
        // The report crate has no chrono of its own: build the date through serde.
        let date: ResolvedDate = serde_json::from_str(
            r#"{"start":"2019-05-20","end":"2019-05-20","granularity":"day","iso":"2019-05-20","inferred":true}"#,
        )
        .expect("valid date json");
        Facts {
            claim_groups: vec![ClaimGroup {
                counted: "people".into(),
                event_class: Some("killed".into()),
                key: "peopl|killed".into(),
                values: vec![value("12", 12.0, "x"), value("30", 30.0, "y|z")],
                agreement: Agreement::Conflict,
                outlets: vec!["x".into(), "y|z".into()],
            }],
            statements: vec![Statement {
                speaker: "Jo <script>".into(),
                speaker_text: "Jo".into(),
                role: None,
                verb: "said".into(),
                text: "we \"won\" <now>".into(),
                direct: true,
                citation: cite("x"),
            }],
            timeline: vec![TimelineEvent {
                date,
                text: "Talks held".into(),
                sentence: "Talks were held on Monday.".into(),
                outlets: vec!["x".into()],
                citations: vec![cite("x")],
            }],
            ..Facts::default()
        }
    }

    #[test]
    fn markdown_has_sections_and_marks_disagreement() {
        let md = markdown(&sample(), &own_label);
        assert!(md.contains("## Facts"));
        assert!(md.contains("## Timeline"));
        assert!(md.contains("disagree"));
        assert!(md.contains("12 ⚠"));
        assert!(md.contains("y\\|z (only)"));
        assert!(md.contains("| 2019-05-20 (inferred) | Talks held | x |"));
        // A conflict is explained under the table; no note about scopes is needed.
        assert!(md.contains("⚠ marks values that cannot all be true for the same scope"));
        assert!(!md.contains("not compared"));
    }

    #[test]
    fn html_escapes_article_text() {
        let h = html(&sample(), &own_label);
        assert!(!h.contains("<script>"));
        assert!(!h.contains("<b>"));
        assert!(h.contains("Jo &lt;script&gt;"));
        assert!(h.contains("A &amp; B"));
        assert!(h.contains("&quot;won&quot;"));
        assert!(h.contains("<time datetime=\"2019-05-20\">"));
    }

    #[test]
    fn empty_facts_render_nothing() {
        assert!(markdown(&Facts::default(), &own_label).is_empty());
        assert!(html(&Facts::default(), &own_label).is_empty());
    }
}
