//! The conversions themselves, on plain strings: TOML text to JSON text and
//! JSON text to TOML text.

use std::fmt::Write;

/// Where a byte offset falls in `text`: its 1-based line and column (the
/// column counts characters).
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..text.floor_char_boundary(offset.min(text.len()))];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// The TOML document as compact JSON text.
///
/// # Errors
/// The parser's message, prefixed with the line and column it points at.
pub(crate) fn toml_to_json(text: &str) -> Result<String, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end();
        match e.span() {
            Some(span) => {
                let (line, column) = line_column(text, span.start);
                format!("invalid TOML at line {line}, column {column}: {message}")
            }
            None => format!("invalid TOML: {message}"),
        }
    })?;
    let mut out = String::new();
    write_table(&mut out, &table);
    Ok(out)
}

fn write_table(out: &mut String, table: &toml::Table) {
    out.push('{');
    for (i, (key, value)) in table.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(out, key);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &toml::Value) {
    match value {
        toml::Value::String(s) => write_string(out, s),
        toml::Value::Integer(i) => write!(out, "{i}").expect("writing to a String"),
        toml::Value::Float(f) => write_float(out, *f),
        toml::Value::Boolean(b) => out.push_str(if *b { "true" } else { "false" }),
        toml::Value::Datetime(d) => write_string(out, &datetime_text(*d)),
        toml::Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        toml::Value::Table(table) => write_table(out, table),
    }
}

/// A TOML date, time or datetime as RFC 3339 text: seconds always written
/// (TOML 1.1 may leave them out), a fraction as written less trailing zeros.
fn datetime_text(mut d: toml::value::Datetime) -> String {
    if let Some(time) = &mut d.time {
        time.second.get_or_insert(0);
    }
    d.to_string()
}

/// A JSON number that reads back as the same double: the shortest form
/// that does (`0.1`, `3.0`, `1e20`); infinities as SQLite writes them
/// (`9e999`), NaN as `null`.
pub(crate) fn write_float(out: &mut String, f: f64) {
    if f.is_nan() {
        out.push_str("null");
    } else if f.is_infinite() {
        out.push_str(if f > 0.0 { "9e999" } else { "-9e999" });
    } else {
        write!(out, "{f:?}").expect("writing to a String");
    }
}

/// A JSON string literal, escaped as SQLite's `json_quote` escapes.
pub(crate) fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32).expect("writing to a String"),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The JSON object as a TOML document.
///
/// # Errors
/// Invalid JSON (with its line and column), a top level that is not an
/// object, a null or an integer TOML cannot hold (with its path).
pub(crate) fn json_to_toml(json: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; say it first, as toml_to_json does.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        format!("invalid JSON at line {}, column {}: {message}", e.line(), e.column())
    })?;
    let serde_json::Value::Object(object) = value else {
        return Err(format!("a TOML document is a table: expected a JSON object, got {}", kind(&value)));
    };
    let table = to_table(&object, "$")?;
    toml::to_string(&table).map_err(|e| e.to_string())
}

fn kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn to_table(object: &serde_json::Map<String, serde_json::Value>, path: &str) -> Result<toml::Table, String> {
    object.iter().map(|(k, v)| Ok((k.clone(), to_toml(v, &member_path(path, k))?))).collect()
}

/// `$.key`, or `$."key"` for a key that is not a plain name (SQLite's JSON path syntax).
fn member_path(path: &str, key: &str) -> String {
    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        format!("{path}.{key}")
    } else {
        let mut quoted = String::new();
        write_string(&mut quoted, key);
        format!("{path}.{quoted}")
    }
}

fn to_toml(value: &serde_json::Value, path: &str) -> Result<toml::Value, String> {
    Ok(match value {
        serde_json::Value::Null => return Err(format!("TOML has no null (at {path})")),
        serde_json::Value::Bool(b) => toml::Value::Boolean(*b),
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => toml::Value::Integer(i),
            (None, _) if n.is_u64() => return Err(format!("{n} is outside TOML's 64-bit integer range (at {path})")),
            (None, Some(f)) => toml::Value::Float(f),
            (None, None) => return Err(format!("{n} is not a number TOML can hold (at {path})")),
        },
        serde_json::Value::String(s) => toml::Value::String(s.clone()),
        serde_json::Value::Array(items) => {
            toml::Value::Array(items.iter().enumerate().map(|(i, v)| to_toml(v, &format!("{path}[{i}]"))).collect::<Result<_, _>>()?)
        }
        serde_json::Value::Object(object) => toml::Value::Table(to_table(object, path)?),
    })
}
