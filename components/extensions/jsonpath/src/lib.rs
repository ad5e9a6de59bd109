//! JSONPath (RFC 9535) queries on JSON text, for SQLite.
//!
//! Compatible with RFC 9535 (there is no reference SQLite extension): the
//! whole query syntax (child and descendant segments; name, wildcard, index,
//! slice and filter selectors) and its five functions (`length`, `count`,
//! `match`, `search`, `value`; `match` and `search` take I-Regexp, RFC
//! 9485), evaluated by the `serde_json_path` crate. Checked against RFC
//! 9535's own examples (unit tests and tests/shell/jsonpath.sql) and the
//! jsonpath-compliance-test-suite (an ignored unit test, run with its
//! `cts.json`, which no package registry ships).
//!
//! The SQLite way throughout: NULL in gives NULL out (no rows for the
//! table); invalid JSON is an error naming its line and column, an invalid
//! query one naming the character; JSON comes out compact, as SQLite's
//! `json()` prints it, with SQLite's JSON subtype. A query selects nodes;
//! `jsonpath_query` gives their values as one JSON array (`[]` for none),
//! `jsonpath_each` one row per node with its normalized path.

mod query;
#[cfg(test)]
mod suite;
#[cfg(test)]
mod tests;

/// JSONPath (RFC 9535): `jsonpath_query`, `jsonpath_exists`, and the table
/// `jsonpath_each`.
#[sqlink_sdk::extension(name = "jsonpath")]
mod jsonpath_ext {
    use crate::query;
    use sqlink_sdk::prelude::*;

    /// The values the JSONPath query selects in the JSON, as a JSON array in
    /// the RFC's order (`[]` when it selects nothing). NULL if either is
    /// NULL; an error for invalid JSON (naming the line and column) or an
    /// invalid query (naming the character).
    #[function(deterministic, innocuous, result_subtype)]
    fn jsonpath_query(json: String, path: String) -> Result<Json> {
        query::query(&json, &path).map(Json).map_err(|e| Error::new(format!("jsonpath_query(): {e}")))
    }

    /// 1 if the JSONPath query selects at least one node in the JSON, else
    /// 0 (a node holding `null` counts). NULL if either is NULL; errors as
    /// `jsonpath_query`'s.
    #[function(deterministic, innocuous)]
    fn jsonpath_exists(json: String, path: String) -> Result<bool> {
        query::exists(&json, &path).map_err(|e| Error::new(format!("jsonpath_exists(): {e}")))
    }

    /// One row per node the JSONPath query selects, in the RFC's order:
    /// `value` (its JSON text), `path` (its normalized path, `$['a'][0]`),
    /// `type` (as `json_type` names it) and `atom` (the SQL value of a
    /// scalar, as `->>` gives it; NULL for arrays and objects). No rows if
    /// either argument is NULL; errors as `jsonpath_query`'s.
    #[table(name = "jsonpath_each", columns = "value, path, type, atom")]
    fn jsonpath_each(json: String, query: String) -> Result<impl Iterator<Item = (String, String, &'static str, Value)>> {
        let nodes = query::nodes(&json, &query).map_err(|e| Error::new(format!("jsonpath_each(): {e}")))?;
        Ok(nodes.into_iter().map(|n| {
            let atom = match &n.value {
                serde_json::Value::Null | serde_json::Value::Array(_) | serde_json::Value::Object(_) => Value::Null,
                serde_json::Value::Bool(b) => Value::Integer(i64::from(*b)),
                serde_json::Value::Number(x) => x.as_i64().map_or_else(|| Value::Real(x.as_f64().unwrap_or(f64::NAN)), Value::Integer),
                serde_json::Value::String(s) => Value::Text(s.clone().into_bytes()),
            };
            (n.value.to_string(), n.path, query::type_name(&n.value), atom)
        }))
    }
}
