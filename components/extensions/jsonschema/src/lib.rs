//! JSON Schema validation, compatible with asg017/sqlite-jsonschema v0.2.3:
//! same names, arguments and results (`jsonschema_matches`,
//! `jsonschema_version`, `jsonschema_debug`) and the same error messages.
//!
//! Like the reference, it uses the Rust `jsonschema` crate without network
//! or file resolving (a `$ref` to another document does not resolve), and a
//! schema without a known `$schema` is read as Draft 7, which is what
//! jsonschema 0.16 (the reference's) defaults to. Differences:
//! - The crate is jsonschema 0.61, not 0.16: its validation bugs fixed since
//!   then give different (correct) answers in corners.
//! - The reference's jsonschema has no 2019-09 / 2020-12 support (built
//!   without those features, it reads such schemas as Draft 7); here a
//!   `$schema` of draft 2019-09 or 2020-12 selects that draft.
//! - `format` is asserted in drafts 4, 6 and 7 (as the reference does) and
//!   is only an annotation in 2019-09 and 2020-12, as their specifications say.
//! - JSON-Schema-Test-Suite (required cases): draft 7 (2.0.0) 408 of 423,
//!   draft 2020-12 (git 44401e0c) 1254 of 1299; every failure needs a remote
//!   document (`refRemote`, remote `$dynamicRef` targets), which is by design.
//! - `jsonschema_matches` is registered deterministic (it is pure); the
//!   reference's is not, which makes its own README example, a CHECK
//!   constraint, fail there with "non-deterministic functions prohibited".

mod schema;

/// JSON Schema validation (sqlite-jsonschema-compatible).
#[sqlink_sdk::extension(name = "jsonschema")]
mod jsonschema_ext {
    use sqlink_sdk::prelude::*;

    /// 1 if the JSON `document` matches the JSON Schema `schema`, else 0.
    /// Arguments are read as text (numbers as their text, NULL as empty
    /// text). Errors: "Invalid JSON" when `schema` is not JSON, "Invalid
    /// schema" when it is not a valid schema, "Invalid JSON: <where>" when
    /// `document` is not JSON.
    #[function(deterministic)]
    fn jsonschema_matches(schema: &Value, document: &Value) -> Result<i64> {
        super::schema::matches(&super::text(schema)?, &super::text(document)?).map(i64::from).map_err(Error::new)
    }

    /// The version of sqlite-jsonschema this extension matches, "v0.2.3".
    #[function(deterministic)]
    fn jsonschema_version() -> String {
        format!("v{}", super::VERSION)
    }

    /// Two lines: "Version: v0.2.3" and "Source: " with the commit of
    /// sqlite-jsonschema this extension matches, each ending in a newline.
    #[function(deterministic)]
    fn jsonschema_debug() -> String {
        format!("Version: v{}\nSource: {}\n", super::VERSION, super::SOURCE)
    }

    #[cfg(test)]
    mod tests {
        include!("tests.rs");
    }

    #[cfg(test)]
    mod suite {
        include!("suite.rs");
    }
}

/// The sqlite-jsonschema release and commit matched.
const VERSION: &str = "0.2.3";
const SOURCE: &str = "fadd55ddc28537f5f8769205e2c0798dfb854b79";

use sqlink_sdk::{Error, Value};

/// An argument as sqlite3_value_text gives it: NULL as empty text, numbers
/// as SQLite writes them, text and blobs as their bytes (UTF-8 required).
fn text(v: &Value) -> Result<String, Error> {
    let bytes = match v {
        Value::Null => return Ok(String::new()),
        Value::Integer(i) => return Ok(i.to_string()),
        Value::Real(x) => return Ok(sqlink_sdk::format_real(*x)),
        Value::Text(b) | Value::Blob(b) => b,
    };
    String::from_utf8(bytes.clone()).map_err(|e| Error::new(e.utf8_error().to_string()))
}
