//! The row-at-a-time modes: list (and tabs), csv, line, quote, json, html,
//! tcl, ascii, insert. Each formats one row into a buffer.

use crate::engine::ValueRef;
use crate::format::{self, value_text};
use crate::settings::{Mode, Settings};

/// Formats row number `index` (0-based) of a result into `out`, with the
/// header first when the mode prints one.
pub fn format_row(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    match s.mode {
        Mode::List | Mode::Ascii => list(s, names, values, index, out),
        Mode::Csv => csv(s, names, values, index, out),
        Mode::Line => line(s, names, values, index, out),
        Mode::Quote => quote(s, names, values, index, out),
        Mode::Json => json(names, values, index, out),
        Mode::Html => html(s, names, values, index, out),
        Mode::Tcl => tcl(s, names, values, index, out),
        Mode::Insert => insert(s, names, values, out),
        _ => {}
    }
}

fn text_or_null<'a>(s: &'a Settings, v: &ValueRef<'a>) -> std::borrow::Cow<'a, [u8]> {
    value_text(v).unwrap_or(std::borrow::Cow::Borrowed(&s.null_value))
}

fn list(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    if index == 0 && s.headers {
        join(out, names.iter().map(|n| n.as_slice()), &s.col_sep);
        out.extend_from_slice(&s.row_sep);
    }
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&s.col_sep);
        }
        out.extend_from_slice(&text_or_null(s, v));
    }
    out.extend_from_slice(&s.row_sep);
}

fn join<'b>(out: &mut Vec<u8>, items: impl Iterator<Item = &'b [u8]>, sep: &[u8]) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(item);
    }
}

fn csv_field(s: &Settings, out: &mut Vec<u8>, field: Option<&[u8]>) {
    let Some(z) = field else {
        out.extend_from_slice(&s.null_value);
        return;
    };
    let quote = z.is_empty() || z.iter().any(|&b| format::csv_needs_quote(b)) || format::contains(z, &s.col_sep);
    if quote {
        out.push(b'"');
        for &b in z {
            out.push(b);
            if b == b'"' {
                out.push(b'"');
            }
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(z);
    }
}

fn csv(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    if index == 0 && s.headers {
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&s.col_sep);
            }
            csv_field(s, out, Some(n));
        }
        out.extend_from_slice(&s.row_sep);
    }
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&s.col_sep);
        }
        csv_field(s, out, value_text(v).as_deref());
    }
    out.extend_from_slice(&s.row_sep);
}

fn line(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    let width = names.iter().map(Vec::len).max().unwrap_or(0).max(5);
    if index > 0 {
        out.extend_from_slice(&s.row_sep);
    }
    for (name, v) in names.iter().zip(values) {
        out.resize(out.len() + width - name.len(), b' ');
        out.extend_from_slice(name);
        out.extend_from_slice(b" = ");
        out.extend_from_slice(&text_or_null(s, v));
        out.extend_from_slice(&s.row_sep);
    }
}

/// An SQL literal for a value, as quote and insert modes print it.
fn sql_literal(out: &mut Vec<u8>, v: &ValueRef<'_>, infinity_as_1e999: bool) {
    match *v {
        ValueRef::Null => out.extend_from_slice(b"NULL"),
        ValueRef::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        ValueRef::Real(r) if infinity_as_1e999 && r.is_infinite() => {
            out.extend_from_slice(if r < 0.0 { b"-1e999" } else { b"1e999" })
        }
        ValueRef::Real(r) => out.extend_from_slice(format::real_round_trip(r).as_bytes()),
        ValueRef::Text(t) => format::sql_string(out, format::until_nul(t)),
        ValueRef::Blob(b) => format::hex_blob(out, b, b'X'),
    }
}

fn quote(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    if index == 0 && s.headers {
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&s.col_sep);
            }
            format::sql_string(out, n);
        }
        out.extend_from_slice(&s.row_sep);
    }
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&s.col_sep);
        }
        sql_literal(out, v, false);
    }
    out.extend_from_slice(&s.row_sep);
}

fn json(names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    out.extend_from_slice(if index == 0 { b"[{" } else { b",\n{" });
    for (i, (name, v)) in names.iter().zip(values).enumerate() {
        if i > 0 {
            out.push(b',');
        }
        format::json_string(out, name);
        out.push(b':');
        match *v {
            ValueRef::Null => out.extend_from_slice(b"null"),
            ValueRef::Integer(n) => out.extend_from_slice(n.to_string().as_bytes()),
            ValueRef::Real(r) if r.is_infinite() => out.extend_from_slice(if r < 0.0 { b"-1e999" } else { b"1e999" }),
            ValueRef::Real(r) => out.extend_from_slice(format::real_round_trip(r).as_bytes()),
            ValueRef::Text(t) => format::json_string(out, format::until_nul(t)),
            ValueRef::Blob(b) => format::json_string(out, b),
        }
    }
    out.push(b'}');
}

fn html(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    if index == 0 && s.headers {
        out.extend_from_slice(b"<TR>");
        for n in names {
            out.extend_from_slice(b"<TH>");
            format::html_escape(out, n);
            out.extend_from_slice(b"</TH>\n");
        }
        out.extend_from_slice(b"</TR>\n");
    }
    out.extend_from_slice(b"<TR>");
    for v in values {
        out.extend_from_slice(b"<TD>");
        format::html_escape(out, &text_or_null(s, v));
        out.extend_from_slice(b"</TD>\n");
    }
    out.extend_from_slice(b"</TR>\n");
}

fn tcl(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], index: usize, out: &mut Vec<u8>) {
    if index == 0 && s.headers {
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(&s.col_sep);
            }
            format::c_string(out, n);
        }
        out.extend_from_slice(&s.row_sep);
    }
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&s.col_sep);
        }
        format::c_string(out, &text_or_null(s, v));
    }
    out.extend_from_slice(&s.row_sep);
}

fn insert(s: &Settings, names: &[Vec<u8>], values: &[ValueRef<'_>], out: &mut Vec<u8>) {
    out.extend_from_slice(b"INSERT INTO ");
    out.extend_from_slice(s.insert_table.as_bytes());
    if s.headers {
        out.push(b'(');
        for (i, n) in names.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let name = String::from_utf8_lossy(n);
            if format::needs_quoting(&name) {
                out.push(b'"');
                for &b in n {
                    out.push(b);
                    if b == b'"' {
                        out.push(b'"');
                    }
                }
                out.push(b'"');
            } else {
                out.extend_from_slice(n);
            }
        }
        out.push(b')');
    }
    for (i, v) in values.iter().enumerate() {
        out.extend_from_slice(if i > 0 { b"," } else { b" VALUES(" });
        match *v {
            ValueRef::Text(t) => escaped_sql_string(out, format::until_nul(t)),
            ValueRef::Real(r) if r.is_finite() && r == (r as i64) as f64 => {
                out.extend_from_slice(format!("{}.0", r as i64).as_bytes())
            }
            _ => sql_literal(out, v, true),
        }
    }
    out.extend_from_slice(b");\n");
}

/// An SQL string literal with newlines and carriage returns spelled
/// `replace('a\nb','\n',char(10))`, so the text survives line-ending
/// translation (insert mode).
pub(crate) fn escaped_sql_string(out: &mut Vec<u8>, z: &[u8]) {
    let has_nl = z.contains(&b'\n');
    let has_cr = z.contains(&b'\r');
    if !has_nl && !has_cr {
        format::sql_string(out, z);
        return;
    }
    let nl = unused_marker(z, "\\n", "\\012");
    let cr = unused_marker(z, "\\r", "\\015");
    if has_nl {
        out.extend_from_slice(b"replace(");
    }
    if has_cr {
        out.extend_from_slice(b"replace(");
    }
    out.push(b'\'');
    for &b in z {
        match b {
            b'\n' => out.extend_from_slice(nl.as_bytes()),
            b'\r' => out.extend_from_slice(cr.as_bytes()),
            b'\'' => out.extend_from_slice(b"''"),
            b => out.push(b),
        }
    }
    out.push(b'\'');
    if has_cr {
        out.extend_from_slice(format!(",'{cr}',char(13))").as_bytes());
    }
    if has_nl {
        out.extend_from_slice(format!(",'{nl}',char(10))").as_bytes());
    }
}

/// A marker that does not occur in `z`: `a`, else `b`, else `(b_N)`.
fn unused_marker(z: &[u8], a: &str, b: &str) -> String {
    if !format::contains(z, a.as_bytes()) {
        return a.into();
    }
    if !format::contains(z, b.as_bytes()) {
        return b.into();
    }
    let mut i = 0u32;
    loop {
        let m = format!("({a}{i})");
        if !format::contains(z, m.as_bytes()) {
            return m;
        }
        i += 1;
    }
}
