//! Compiling a schema (cached for the last one seen) and validating a
//! document against it, with sqlite-jsonschema's error messages.

use std::cell::RefCell;

use jsonschema::{Draft, Validator};
use serde_json::Value;

/// The draft a schema is read as: its `$schema` when that names draft 4, 6
/// or 7 exactly as jsonschema 0.16 knew them, or draft 2019-09 / 2020-12;
/// Draft 7 otherwise (jsonschema 0.16's default).
pub fn draft(schema: &Value) -> Draft {
    let uri = schema.get("$schema").and_then(Value::as_str).unwrap_or("");
    match uri {
        "http://json-schema.org/draft-04/schema#" => Draft::Draft4,
        "http://json-schema.org/draft-06/schema#" => Draft::Draft6,
        _ => match uri.trim_end_matches('#').trim_start_matches("http://").trim_start_matches("https://") {
            "json-schema.org/draft/2020-12/schema" => Draft::Draft202012,
            "json-schema.org/draft/2019-09/schema" => Draft::Draft201909,
            _ => Draft::Draft7,
        },
    }
}

/// Compiles a parsed schema; `None` when it is not a valid schema. `format`
/// is asserted in drafts 4, 6 and 7 (as the reference does) and is an
/// annotation in 2019-09 and 2020-12 (as those specifications say).
pub fn compile(schema: &Value) -> Option<Validator> {
    let draft = draft(schema);
    let formats = matches!(draft, Draft::Draft4 | Draft::Draft6 | Draft::Draft7);
    jsonschema::options().with_draft(draft).should_validate_formats(formats).build(schema).ok()
}

thread_local! {
    /// The last schema compiled, so that a column checked row by row
    /// compiles its schema once (the reference keeps it as auxdata).
    static LAST: RefCell<Option<(String, Validator)>> = const { RefCell::new(None) };
}

/// Whether `document` matches `schema` (both JSON text). Errors, in the
/// reference's order and words: "Invalid JSON" (schema), "Invalid schema",
/// "Invalid JSON: <serde_json's message>" (document).
pub fn matches(schema: &str, document: &str) -> Result<bool, String> {
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.as_ref().is_none_or(|(s, _)| s != schema) {
            let parsed: Value = serde_json::from_str(schema).map_err(|_| "Invalid JSON".to_string())?;
            let validator = compile(&parsed).ok_or_else(|| "Invalid schema".to_string())?;
            *last = Some((schema.to_owned(), validator));
        }
        let (_, validator) = last.as_ref().expect("compiled above");
        let instance: Value = serde_json::from_str(document).map_err(|e| format!("Invalid JSON: {e}"))?;
        Ok(validator.is_valid(&instance))
    })
}
