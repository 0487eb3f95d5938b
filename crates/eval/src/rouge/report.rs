//! Rendering scores: a text table, JSON (the same layout as the bench scorer's `--json`, with
//! the precision estimates added) and a per-cluster TSV.

use serde_json::{Map, Value, json};

use super::{HumanScores, RougeConfig, SystemScores};

/// A scored system, named, with the clusters it had no summary for.
#[derive(Clone, Debug)]
pub struct NamedScores {
    pub name: String,
    pub scores: SystemScores,
    pub missing: Vec<String>,
}

/// What a report is about.
#[derive(Clone, Debug)]
pub struct ReportHeader<'a> {
    pub config: &'a RougeConfig,
    pub refs: &'a str,
    pub task: Option<i64>,
    pub clusters: usize,
}

pub fn to_json(
    header: &ReportHeader,
    systems: &[NamedScores],
    human: Option<&HumanScores>,
) -> Value {
    let mut by_name = Map::new();
    for system in systems {
        let mut obj = Map::new();
        let mut per_cluster = Map::new();
        for metric in &system.scores.metrics {
            let a = &metric.average;
            obj.insert(
                metric.name.clone(),
                json!({
                    "R": a.recall.mean, "P": a.precision.mean, "F": a.f.mean,
                    "R_ci": [a.recall.low, a.recall.high],
                    "P_ci": [a.precision.low, a.precision.high],
                    "F_ci": [a.f.low, a.f.high],
                    "R_plain": a.plain.recall, "P_plain": a.plain.precision, "F_plain": a.plain.f,
                }),
            );
            let clusters: Map<String, Value> = system
                .scores
                .clusters
                .iter()
                .zip(&metric.per_cluster)
                .map(|(id, p)| (id.clone(), json!([p.recall, p.precision, p.f])))
                .collect();
            per_cluster.insert(metric.name.clone(), Value::Object(clusters));
        }
        obj.insert("missing".into(), json!(system.missing));
        obj.insert("per_cluster".into(), Value::Object(per_cluster));
        by_name.insert(system.name.clone(), Value::Object(obj));
    }
    let words = match header.config.limit.effective() {
        super::Limit::Words(n) => json!(n),
        _ => json!(0),
    };
    let bytes = match header.config.limit.effective() {
        super::Limit::Bytes(n) => json!(n),
        _ => json!(0),
    };
    let mut out = json!({
        "refs": header.refs,
        "task": header.task,
        "n_clusters": header.clusters,
        "words": words,
        "bytes": bytes,
        "rouge_1.5.5_args": header.config.rouge_args(),
        "systems": Value::Object(by_name),
    });
    if let Some(h) = human {
        let rows: Map<String, Value> = h
            .metrics
            .iter()
            .map(|(name, r, f)| (name.clone(), json!({"R": r, "F": f})))
            .collect();
        out["human_jackknife"] = Value::Object(rows);
    }
    out
}

/// A table: one row per system and metric, R / P / F with their confidence intervals.
pub fn to_table(
    header: &ReportHeader,
    systems: &[NamedScores],
    human: Option<&HumanScores>,
) -> String {
    let task = header
        .task
        .map(|t| format!(" (task {t})"))
        .unwrap_or_default();
    let mut out = format!(
        "ROUGE-1.5.5 {} | {} clusters{task} | {}\n",
        header.config.rouge_args(),
        header.clusters,
        header.refs
    );
    let conf = header.config.confidence;
    let name_width = systems
        .iter()
        .map(|s| s.name.chars().count())
        .chain(human.map(|_| "Human (refs vs other refs)".len()))
        .chain(["system".len()])
        .max()
        .unwrap_or(6);
    let ci = format!("{conf}% CI");
    out.push_str(&format!(
        "{:name_width$}  {:8} {:>7}  {:^15}  {:>7}  {:^15}  {:>7}  {:^15}  {:>3}\n",
        "system", "metric", "R", ci, "P", ci, "F", ci, "n"
    ));
    for system in systems {
        let n = system.scores.clusters.len() - system.missing.len();
        for metric in &system.scores.metrics {
            let a = &metric.average;
            let cell = |e: &super::Estimate| {
                format!(
                    "{:7.5}  {:>15}",
                    e.mean,
                    format!("{:.5}-{:.5}", e.low, e.high)
                )
            };
            out.push_str(&format!(
                "{:name_width$}  {:8} {}  {}  {}  {n:>3}\n",
                system.name,
                metric.name,
                cell(&a.recall),
                cell(&a.precision),
                cell(&a.f),
            ));
        }
    }
    if let Some(h) = human {
        for (name, r, f) in &h.metrics {
            out.push_str(&format!(
                "{:name_width$}  {:8} {r:7.5}  {:15}  {:7}  {:15}  {f:7.5}  {:15}  {:>3}\n",
                "Human (refs vs other refs)", name, "", "", "", "", header.clusters
            ));
        }
    }
    out
}

/// Per-cluster R/P/F of every system, as TSV (the bench scorer's `--per-cluster` layout).
pub fn per_cluster_tsv(systems: &[NamedScores]) -> String {
    let mut out = String::from("system\tcluster");
    if let Some(first) = systems.first() {
        for m in &first.scores.metrics {
            for k in ["R", "P", "F"] {
                out.push_str(&format!("\t{}_{k}", m.name));
            }
        }
    }
    out.push('\n');
    for system in systems {
        for (i, id) in system.scores.clusters.iter().enumerate() {
            out.push_str(&format!("{}\t{id}", system.name));
            for m in &system.scores.metrics {
                if let Some(p) = m.per_cluster.get(i) {
                    out.push_str(&format!(
                        "\t{:.5}\t{:.5}\t{:.5}",
                        p.recall, p.precision, p.f
                    ));
                }
            }
            out.push('\n');
        }
    }
    out
}
