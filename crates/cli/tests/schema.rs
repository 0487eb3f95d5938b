//! The published JSON Schema matches the code, and real digests validate against it.

use std::path::Path;

use serde_json::Value;

mod common;

use common::run_ok as crosswire;

#[test]
fn published_schema_is_current() {
    let generated = String::from_utf8(crosswire(&["digest", "--schema"])).unwrap();
    let doc = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/digest.schema.json");
    let published = std::fs::read_to_string(&doc).unwrap_or_default();
    assert!(
        generated == published,
        "docs/digest.schema.json is stale: run `cargo run -- digest --schema > docs/digest.schema.json`"
    );
}

/// A small validator for the subset of JSON Schema that schemars emits: `$ref` into `$defs`,
/// `type` (one or several), `required`, `properties`, `items`, `anyOf`/`oneOf`, `enum`,
/// `const`, `minimum`.
fn validate(schema: &Value, root: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, v, path, errors);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            let ok = alts.iter().any(|s| {
                let mut e = Vec::new();
                validate(s, root, v, path, &mut e);
                e.is_empty()
            });
            if !ok {
                errors.push(format!("{path}: matches no alternative of {key}"));
            }
        }
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let actual = match v {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        if !types
            .iter()
            .any(|&t| t == actual || (t == "number" && actual == "integer"))
        {
            errors.push(format!("{path}: {actual} is not {types:?}"));
            return;
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array)
        && !e.contains(v)
    {
        errors.push(format!("{path}: {v} not in enum"));
    }
    if let Some(c) = schema.get("const")
        && c != v
    {
        errors.push(format!("{path}: {v} != const {c}"));
    }
    if let (Some(min), Some(n)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64())
        && n < min
    {
        errors.push(format!("{path}: {n} < {min}"));
    }
    if let Value::Object(obj) = v {
        for req in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = req.as_str().unwrap_or_default();
            if !obj.contains_key(key) {
                errors.push(format!("{path}: missing required {key}"));
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (k, sub) in props {
                if let Some(x) = obj.get(k) {
                    validate(sub, root, x, &format!("{path}.{k}"), errors);
                }
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (v, schema.get("items")) {
        for (i, x) in items.iter().enumerate() {
            validate(item_schema, root, x, &format!("{path}[{i}]"), errors);
        }
    }
}

#[test]
fn example_digest_validates_against_the_schema() {
    let schema: Value = serde_json::from_slice(&crosswire(&["digest", "--schema"])).unwrap();
    let ex = common::example();
    let digest: Value = serde_json::from_slice(&crosswire(&[
        "digest",
        "--format",
        "json",
        "--with-articles",
        ex.to_str().unwrap(),
    ]))
    .unwrap();
    let mut errors = Vec::new();
    validate(&schema, &schema, &digest, "$", &mut errors);
    assert!(errors.is_empty(), "{errors:#?}");
    // The validator does reject what does not conform.
    let mut broken = digest.clone();
    broken["summary"][0]
        .as_object_mut()
        .unwrap()
        .remove("sources");
    broken["sources"][0]["raw_words"] = Value::String("many".into());
    let mut errors = Vec::new();
    validate(&schema, &schema, &broken, "$", &mut errors);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(digest["facts"].is_object(), "facts are part of the digest");
}
