//! JSON text as a YAML document, written by saphyr's emitter.

use saphyr::{Scalar, Yaml, YamlEmitter};
use std::borrow::Cow;

/// The JSON value as a block-style YAML document (no `---` line), ending in
/// a newline.
///
/// # Errors
/// Invalid JSON, with its line and column.
pub(crate) fn json_to_yaml(text: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; say it first, as errors elsewhere do.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at line {}, column {}: {message}", e.line(), e.column())
    })?;
    let yaml = to_yaml(&value);
    let mut out = String::new();
    let mut emitter = YamlEmitter::new(&mut out);
    emitter.multiline(true);
    emitter.dump(&yaml).map_err(|e| e.to_string())?;
    let mut body = match out.strip_prefix("---\n") {
        Some(rest) => rest.to_string(),
        None => out.strip_prefix("--- ").unwrap_or(&out).to_string(),
    };
    body.push('\n');
    Ok(body)
}

fn to_yaml(value: &serde_json::Value) -> Yaml<'_> {
    match value {
        serde_json::Value::Null => Yaml::Value(Scalar::Null),
        serde_json::Value::Bool(b) => Yaml::Value(Scalar::Boolean(*b)),
        // JSON's number text is a YAML 1.2 core-schema integer or float as it is.
        serde_json::Value::Number(n) => Yaml::Representation(Cow::Owned(n.to_string()), saphyr::ScalarStyle::Plain, None),
        serde_json::Value::String(s) => Yaml::Value(Scalar::String(Cow::Borrowed(s))),
        serde_json::Value::Array(items) => Yaml::Sequence(items.iter().map(to_yaml).collect()),
        serde_json::Value::Object(map) => {
            Yaml::Mapping(map.iter().map(|(k, v)| (Yaml::Value(Scalar::String(Cow::Borrowed(k))), to_yaml(v))).collect())
        }
    }
}
