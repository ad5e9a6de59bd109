//! Elements built from SQL values (`html_element`, `html_group_element_*`)
//! and their rendering by x/net/html's `Render` rules.

use crate::dom::{RAW_TEXT, VOID};
use crate::escape::escape_render;

/// A built node: an element, a text node (escaped when rendered) or raw
/// HTML (written as it is).
pub enum Built {
    Element { tag: String, attrs: Vec<(String, String)>, children: Vec<Built> },
    Text(String),
    Raw(String),
}

/// Why rendering stopped early: a void element with children (Go's error,
/// after the attributes are written), or a plaintext element.
pub struct Stop;

impl Built {
    /// `html.Render`, into `out`; what is written before a stop stays.
    pub fn render(&self, out: &mut String) -> Result<(), Stop> {
        match self {
            Built::Text(t) => escape_render(t, out),
            Built::Raw(r) => out.push_str(r),
            Built::Element { tag, attrs, children } => {
                out.push('<');
                out.push_str(tag);
                for (k, v) in attrs {
                    out.push(' ');
                    out.push_str(k);
                    out.push_str("=\"");
                    escape_render(v, out);
                    out.push('"');
                }
                if VOID.contains(&tag.as_str()) {
                    if !children.is_empty() {
                        return Err(Stop);
                    }
                    out.push_str("/>");
                    return Ok(());
                }
                out.push('>');
                if let Some(Built::Text(t)) = children.first()
                    && t.starts_with('\n')
                    && matches!(tag.as_str(), "pre" | "listing" | "textarea")
                {
                    out.push('\n');
                }
                let raw = RAW_TEXT.contains(&tag.as_str());
                for c in children {
                    match c {
                        Built::Text(t) if raw => out.push_str(t),
                        _ => c.render(out)?,
                    }
                }
                if tag == "plaintext" {
                    return Err(Stop);
                }
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
        Ok(())
    }

    /// The rendering, cut short where Go's `Render` stops (its error is
    /// ignored by sqlite-html, keeping what was written).
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        let _ = self.render(&mut out);
        out
    }
}

/// Attributes from a JSON object read as `map[string]interface{}`
/// (`html_element`): strings as they are, numbers as Go's `%f`, anything
/// else empty; sorted by name (Go's map order is random). `Err` when the
/// text is not JSON or not an object (JSON `null` is no attributes).
pub fn attrs_any(json: &str) -> Result<Vec<(String, String)>, ()> {
    let map = object(json)?;
    Ok(map
        .into_iter()
        .map(|(k, v)| {
            let v = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => format!("{:.6}", n.as_f64().unwrap_or(0.0)),
                _ => String::new(),
            };
            (k, v)
        })
        .collect())
}

/// Attributes from a JSON object read as `map[string]string` (the
/// aggregates): `Err` also for a value that is not a string or null (null
/// is empty).
pub fn attrs_strings(json: &str) -> Result<Vec<(String, String)>, ()> {
    let map = object(json)?;
    map.into_iter()
        .map(|(k, v)| match v {
            serde_json::Value::String(s) => Ok((k, s)),
            serde_json::Value::Null => Ok((k, String::new())),
            _ => Err(()),
        })
        .collect()
}

/// The members of a JSON object, sorted by name (the last of duplicates
/// wins); none for JSON `null`.
fn object(json: &str) -> Result<Vec<(String, serde_json::Value)>, ()> {
    match serde_json::from_str::<serde_json::Value>(json).map_err(|_| ())? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Object(m) => {
            let mut members: Vec<(String, serde_json::Value)> = m.into_iter().collect();
            members.sort_by(|a, b| a.0.cmp(&b.0));
            Ok(members)
        }
        _ => Err(()),
    }
}
