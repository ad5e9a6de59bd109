//! TOML documents as JSON and JSON as TOML documents, for SQLite's JSON
//! functions.
//!
//! Compatible with the TOML 1.0.0 standard (there is no reference SQLite
//! extension): `toml_to_json` gives every valid TOML 1.0 document's data,
//! checked against the whole toml-test suite (its valid documents convert to
//! the suite's JSON, its invalid ones are errors). The parser is the `toml`
//! crate's, which reads TOML 1.1.0, a superset of 1.0: the few documents 1.1
//! made valid (newlines and a trailing comma in inline tables, times without
//! seconds, `\e` and `\xHH` escapes) are accepted too.
//!
//! The SQLite way throughout: NULL in gives NULL out; invalid input is an
//! error that names its line and column; JSON comes out compact, as
//! SQLite's `json()` prints it, with SQLite's JSON subtype, so
//! `json_extract(toml_to_json(t), '$.a')` and `->>` read it directly.
//!
//! JSON has no dates, so TOML's four date and time types become their RFC
//! 3339 text (`"1979-05-27T07:32:00Z"`), and `json_to_toml` writes strings
//! back as strings. TOML's infinities become `9e999` and `-9e999` (what
//! SQLite's JSON functions write for them) and NaN becomes `null`. TOML has
//! no null, so `json_to_toml` refuses one, naming where it is.

mod convert;
#[cfg(test)]
mod tests;

/// TOML to JSON and back: `toml_to_json(text)`, `json_to_toml(json)`.
#[sqlink_sdk::extension(name = "toml")]
mod toml_ext {
    use sqlink_sdk::prelude::*;

    /// The TOML document as JSON text (compact, keys in document order, with
    /// SQLite's JSON subtype): tables are objects, dates and times are their
    /// RFC 3339 text. NULL for NULL; an error naming the line and column for
    /// text that is not TOML.
    #[function(deterministic, innocuous, result_subtype)]
    fn toml_to_json(text: &str) -> Result<Json> {
        crate::convert::toml_to_json(text).map(Json).map_err(|e| Error::new(format!("toml_to_json(): {e}")))
    }

    /// The JSON object as a TOML document (nested objects become `[tables]`,
    /// arrays of objects `[[arrays of tables]]`). NULL for NULL; an error for
    /// invalid JSON (naming the line and column), for JSON that is not an
    /// object, and for a null or an integer outside TOML's 64-bit range
    /// (naming its path, as `$.a[0]`).
    #[function(deterministic, innocuous)]
    fn json_to_toml(json: &str) -> Result<String> {
        crate::convert::json_to_toml(json).map_err(|e| Error::new(format!("json_to_toml(): {e}")))
    }
}
