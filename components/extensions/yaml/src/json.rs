//! Writing JSON text the way SQLite's JSON functions print it: compact,
//! strings escaped as `json_quote` escapes them.

use std::fmt::Write;

/// A JSON string literal.
pub(crate) fn quote(out: &mut String, s: &str) {
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

/// `s` as a JSON string literal.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    quote(&mut out, s);
    out
}

/// A JSON number that reads back as the same double: the shortest form
/// that does (`0.1`, `3.0`, `1e20`); infinities as SQLite writes them
/// (`9e999`), NaN as `null`.
pub(crate) fn float(f: f64) -> String {
    if f.is_nan() {
        "null".into()
    } else if f.is_infinite() {
        if f > 0.0 { "9e999".into() } else { "-9e999".into() }
    } else {
        format!("{f:?}")
    }
}
