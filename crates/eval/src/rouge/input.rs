//! JSONL inputs: reference sets (`{"id", "task"?, "refs": [...]}`) and system outputs
//! (`{"id", "sentences": [...]}` or `{"id", "summary": "one sentence per line"}`).
//!
//! Summaries are turned into ROUGE's SPL form (one sentence per line) here; what happens to
//! that text is ROUGE's business ([`super::Rouge::prepare`]).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
    #[error("no reference clusters{0}")]
    NoClusters(String),
    #[error("two lines for cluster {0}")]
    Duplicate(String),
}

fn line_error(line: usize, message: impl Into<String>) -> InputError {
    InputError::Line {
        line,
        message: message.into(),
    }
}

/// The references of one cluster, each one sentence per line.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceCluster {
    pub id: String,
    pub task: Option<i64>,
    pub refs: Vec<String>,
}

/// The clusters to score, plus every id in the file (so a system line for a cluster left out
/// by a task filter is not reported as unknown).
#[derive(Clone, Debug, Default)]
pub struct ReferenceSet {
    pub clusters: Vec<ReferenceCluster>,
    all_ids_lower: HashSet<String>,
}

/// A system's summaries keyed by reference cluster id, and what did not line up.
#[derive(Clone, Debug, Default)]
pub struct SystemSummaries {
    pub by_id: HashMap<String, String>,
    /// Ids found in the system file but in no reference line.
    pub unknown: Vec<String>,
    /// Reference clusters without a summary (scored as empty).
    pub missing: Vec<String>,
}

/// A JSON id as Python's `str()` writes it.
fn id_string(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "None".to_string(),
        Some(Value::Bool(b)) => if *b { "True" } else { "False" }.to_string(),
        Some(other) => other.to_string(),
    }
}

fn task_number(v: &Value) -> Option<i64> {
    match v {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64)),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A reference or summary given as a string (lines) or a list of strings (joined by `\n`).
fn text_or_lines(v: &Value, what: &str, line: usize) -> Result<String, InputError> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Array(items) => items
            .iter()
            .map(|item| {
                item.as_str()
                    .ok_or_else(|| line_error(line, format!("{what} must hold strings")))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|parts| parts.join("\n")),
        _ => Err(line_error(
            line,
            format!("{what} must be a string or a list"),
        )),
    }
}

/// The non-blank lines of a JSONL text as JSON objects, with their 1-based line numbers;
/// a line that is not a JSON object is an error naming it.
fn json_objects(
    text: &str,
) -> impl Iterator<Item = Result<(usize, serde_json::Map<String, Value>), InputError>> + '_ {
    text.lines()
        .enumerate()
        .filter(|(_, raw)| !raw.trim().is_empty())
        .map(|(index, raw)| {
            let line = index + 1;
            match serde_json::from_str(raw).map_err(|e| line_error(line, e.to_string()))? {
                Value::Object(obj) => Ok((line, obj)),
                _ => Err(line_error(line, "not a JSON object")),
            }
        })
}

/// Parse a references JSONL file, keeping only clusters of `task` if given (lines without a
/// task are always kept).
pub fn parse_references(text: &str, task: Option<i64>) -> Result<ReferenceSet, InputError> {
    let mut set = ReferenceSet::default();
    for item in json_objects(text) {
        let (line, obj) = item?;
        let obj = &obj;
        let id = match obj.get("id") {
            Some(v) => id_string(Some(v)),
            None => return Err(line_error(line, "no \"id\"")),
        };
        set.all_ids_lower.insert(id.to_lowercase());
        let line_task = match obj.get("task") {
            None | Some(Value::Null) => None,
            Some(v) => {
                Some(task_number(v).ok_or_else(|| line_error(line, "\"task\" is not a number"))?)
            }
        };
        if let (Some(wanted), Some(have)) = (task, line_task)
            && wanted != have
        {
            continue;
        }
        let refs = match obj.get("refs") {
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .map(|r| text_or_lines(r, "a reference", line))
                .collect::<Result<Vec<_>, _>>()?,
            _ => return Err(line_error(line, "no refs")),
        };
        set.clusters.push(ReferenceCluster {
            id,
            task: line_task,
            refs,
        });
    }
    if set.clusters.is_empty() {
        let which = task.map(|t| format!(" for task {t}")).unwrap_or_default();
        return Err(InputError::NoClusters(which));
    }
    Ok(set)
}

/// A system line's summary in SPL form. `"sentences"` items have their whitespace runs
/// collapsed (so a sentence is one line) and blank ones dropped; `"summary"` is used as is.
pub fn summary_text(
    obj: &serde_json::Map<String, Value>,
    line: usize,
) -> Result<String, InputError> {
    match obj.get("sentences") {
        Some(Value::Null) | None => {}
        Some(Value::String(s)) => return Ok(normalize_sentences([s.as_str()])),
        Some(Value::Array(items)) => {
            let mut sentences = Vec::with_capacity(items.len());
            for item in items {
                match item {
                    Value::String(s) => sentences.push(s.as_str()),
                    // Python's `if x and ...` skips falsy items.
                    Value::Null => {}
                    _ => return Err(line_error(line, "\"sentences\" must hold strings")),
                }
            }
            return Ok(normalize_sentences(sentences));
        }
        Some(_) => return Err(line_error(line, "\"sentences\" must be a list")),
    }
    match obj.get("summary") {
        Some(Value::Null) => Ok(String::new()),
        Some(v) => text_or_lines(v, "\"summary\"", line),
        None => Err(line_error(
            line,
            "line has neither 'sentences' nor 'summary'",
        )),
    }
}

/// Python's `str.isspace`, which is what the bench scorer's `\s` and `strip()` use here.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn normalize_sentences<'a>(sentences: impl IntoIterator<Item = &'a str>) -> String {
    sentences
        .into_iter()
        .filter(|s| s.chars().any(|c| !is_py_space(c)))
        .map(|s| {
            s.split(is_py_space)
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Parse a system JSONL file against `refs`. Ids match exactly, else case-insensitively.
pub fn parse_system(text: &str, refs: &ReferenceSet) -> Result<SystemSummaries, InputError> {
    let exact: HashSet<&str> = refs.clusters.iter().map(|c| c.id.as_str()).collect();
    let lower: HashMap<String, &str> = refs
        .clusters
        .iter()
        .map(|c| (c.id.to_lowercase(), c.id.as_str()))
        .collect();
    let mut out = SystemSummaries::default();
    for item in json_objects(text) {
        let (line, obj) = item?;
        let obj = &obj;
        let id = id_string(obj.get("id").or_else(|| obj.get("cluster_id")));
        let summary = summary_text(obj, line)?;
        let key = if exact.contains(id.as_str()) {
            Some(id.as_str())
        } else {
            lower.get(&id.to_lowercase()).copied()
        };
        let Some(key) = key else {
            if !refs.all_ids_lower.contains(&id.to_lowercase()) {
                out.unknown.push(id);
            }
            continue;
        };
        if out.by_id.contains_key(key) {
            return Err(InputError::Duplicate(id));
        }
        out.by_id.insert(key.to_string(), summary);
    }
    out.missing = refs
        .clusters
        .iter()
        .filter(|c| !out.by_id.contains_key(&c.id))
        .map(|c| c.id.clone())
        .collect();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFS: &str = r#"{"id": "c1", "task": 2, "refs": ["A cat sat.\nIt purred.", "The cat sat down."]}
{"id": "C2", "task": 3, "refs": [["Dogs bark.", "Loudly."]], "extra": 1}
"#;

    #[test]
    fn references_with_task_filter() {
        let all = parse_references(REFS, None).unwrap();
        assert_eq!(all.clusters.len(), 2);
        assert_eq!(
            all.clusters[1].refs,
            vec!["Dogs bark.\nLoudly.".to_string()]
        );
        let t2 = parse_references(REFS, Some(2)).unwrap();
        assert_eq!(t2.clusters.len(), 1);
        assert!(parse_references(REFS, Some(4)).is_err());
        assert!(parse_references("{\"id\": 1, \"refs\": []}", None).is_err());
    }

    #[test]
    fn system_lines_both_forms() {
        let refs = parse_references(REFS, Some(2)).unwrap();
        let sys = parse_system(
            "{\"id\": \"C1\", \"sentences\": [\"  One\\u00a0 sentence. \", \"\", \"Two.\"]}\n{\"id\": \"c2\", \"summary\": \"x\"}\n{\"id\": \"zz\", \"summary\": \"y\"}\n",
            &refs,
        )
        .unwrap();
        assert_eq!(sys.by_id["c1"], "One sentence.\nTwo.");
        // c2 exists in the file but was filtered out by the task: neither used nor unknown.
        assert_eq!(sys.unknown, vec!["zz".to_string()]);
        assert!(sys.missing.is_empty());
    }

    #[test]
    fn duplicates_and_garbage_are_errors() {
        let refs = parse_references(REFS, None).unwrap();
        assert!(
            parse_system(
                "{\"id\":\"c1\",\"summary\":\"a\"}\n{\"id\":\"c1\",\"summary\":\"b\"}",
                &refs
            )
            .is_err()
        );
        assert!(parse_system("[1,2]", &refs).is_err());
        assert!(parse_system("{\"id\":\"c1\"}", &refs).is_err());
        let sys = parse_system("{\"id\":\"c1\",\"summary\":\"a\"}", &refs).unwrap();
        assert_eq!(sys.missing, vec!["C2".to_string()]);
    }
}
