//! Applying a JSON Patch (RFC 6902) and making one from two documents.

use crate::pointer;
use json_patch::{Patch, PatchOperation};
use serde_json::Value;

/// JSON text parsed, or an error naming `what`, the line and the column.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; say it first.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        format!("invalid {what} at line {}, column {}: {message}", e.line(), e.column())
    })
}

/// The document after every operation of the patch, in order.
///
/// # Errors
/// Invalid JSON or an invalid patch (unknown `op`, a member missing, a
/// malformed pointer); an operation that cannot apply (its number from 1,
/// op and path, and why). Nothing is applied then: the result is an error.
pub(crate) fn apply(doc: &str, patch: &str) -> Result<String, String> {
    let mut doc: Value = parse(doc, "JSON document")?;
    let patch: Patch = parse(patch, "JSON patch")?;
    for (i, op) in patch.iter().enumerate() {
        let failed = |why: &str| format!("operation {} ({} {:?}): {why}", i + 1, name(op), op.path().as_str());
        match op {
            // `test` compares as the RFC says: numbers by value.
            PatchOperation::Test(test) => match pointer::get(&doc, test.path.as_str()).map_err(|e| failed(&e))? {
                Some(found) if pointer::equal(found, &test.value) => {}
                Some(found) => return Err(failed(&format!("the value is {found}, not {}", test.value))),
                None => return Err(failed("no value at that path")),
            },
            _ => json_patch::patch_unsafe(&mut doc, std::slice::from_ref(op)).map_err(|e| failed(&e.kind.to_string()))?,
        }
    }
    Ok(doc.to_string())
}

fn name(op: &PatchOperation) -> &'static str {
    match op {
        PatchOperation::Add(_) => "add",
        PatchOperation::Remove(_) => "remove",
        PatchOperation::Replace(_) => "replace",
        PatchOperation::Move(_) => "move",
        PatchOperation::Copy(_) => "copy",
        PatchOperation::Test(_) => "test",
    }
}

/// A patch that turns `a` into `b` (`[]` when they are equal).
///
/// # Errors
/// Invalid JSON in either.
pub(crate) fn diff(a: &str, b: &str) -> Result<String, String> {
    let a: Value = parse(a, "JSON in the first argument")?;
    let b: Value = parse(b, "JSON in the second argument")?;
    Ok(serde_json::to_string(&json_patch::diff(&a, &b)).expect("a patch serializes"))
}
