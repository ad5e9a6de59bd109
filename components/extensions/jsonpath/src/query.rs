//! Running a JSONPath query (RFC 9535) on JSON text.

use serde_json::Value;
use serde_json_path::JsonPath;

/// JSON text parsed, or an error naming the line and column.
pub(crate) fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; say it first.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at line {}, column {}: {message}", e.line(), e.column())
    })
}

/// A JSONPath query parsed, or an error naming the character (from 1) where
/// the part it could not read starts.
pub(crate) fn parse_path(path: &str) -> Result<JsonPath, String> {
    JsonPath::parse(path).map_err(|e| format!("invalid JSONPath at character {}: {}", e.position() + 1, e.message()))
}

/// One node a query selected: its normalized path (`$['a'][0]`) and value.
pub(crate) struct Node {
    pub path: String,
    pub value: Value,
}

/// The nodes `path` selects in `json`, in the order RFC 9535 gives them.
///
/// # Errors
/// Invalid JSON or an invalid query.
pub(crate) fn nodes(json: &str, path: &str) -> Result<Vec<Node>, String> {
    let path = parse_path(path)?;
    let doc = parse_json(json)?;
    Ok(path.query_located(&doc).into_iter().map(|n| Node { path: normalized(n.location()), value: n.node().clone() }).collect())
}

/// A node's normalized path as RFC 9535 section 2.7 writes it: `$`, then
/// `['name']` or `[index]` per step, names escaped (`\'`, `\\`, `\n`...,
/// other control characters as `\u00xx`).
fn normalized(location: &serde_json_path::NormalizedPath<'_>) -> String {
    use serde_json_path::PathElement;
    use std::fmt::Write;
    let mut out = String::from("$");
    for step in location.iter() {
        match step {
            PathElement::Index(i) => write!(out, "[{i}]").expect("writing to a String"),
            PathElement::Name(name) => {
                out.push_str("['");
                for c in name.chars() {
                    match c {
                        '\u{8}' => out.push_str("\\b"),
                        '\u{c}' => out.push_str("\\f"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        '\'' => out.push_str("\\'"),
                        '\\' => out.push_str("\\\\"),
                        c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).expect("writing to a String"),
                        c => out.push(c),
                    }
                }
                out.push_str("']");
            }
        }
    }
    out
}

/// The values `path` selects, as a JSON array.
pub(crate) fn query(json: &str, path: &str) -> Result<String, String> {
    let path = parse_path(path)?;
    let doc = parse_json(json)?;
    let values: Vec<&Value> = path.query(&doc).all();
    Ok(serde_json::to_string(&values).expect("JSON values serialize"))
}

/// Whether `path` selects anything.
pub(crate) fn exists(json: &str, path: &str) -> Result<bool, String> {
    let path = parse_path(path)?;
    let doc = parse_json(json)?;
    Ok(!path.query(&doc).is_empty())
}

/// A value's type as SQLite's `json_type` names it.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(true) => "true",
        Value::Bool(false) => "false",
        Value::Number(n) if n.is_i64() => "integer",
        // Past i64: SQLite reads these as reals, and so does json_type.
        Value::Number(_) => "real",
        Value::String(_) => "text",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
