//! JSON Patch (RFC 6902) and JSON Pointer (RFC 6901) for SQLite's JSON.
//!
//! Compatible with RFC 6902 and RFC 6901 (there is no reference SQLite
//! extension), checked against the json-patch-tests suite (npm
//! `json-patch-test-suite` 1.1.0, fetched pinned by hash for the unit
//! tests): every enabled test gives its expected document or its error.
//! Patches are applied by the `json-patch` crate, except `test`, which
//! compares numbers by value as the RFC says (`1` equals `1.0`).
//!
//! The SQLite way throughout: NULL in gives NULL out; invalid JSON is an
//! error naming its line and column; a patch that cannot apply is an error
//! naming the operation (counted from 1), its path and why; results are JSON
//! text printed compactly, as SQLite's `json()` prints it, with SQLite's
//! JSON subtype. Objects keep their members' order.

mod patch;
mod pointer;
#[cfg(test)]
mod suite;
#[cfg(test)]
mod tests;

/// JSON Patch and JSON Pointer: `jsonpatch_apply`, `jsonpatch_diff`,
/// `json_pointer_get`.
#[sqlink_sdk::extension(name = "jsonpatch")]
mod jsonpatch_ext {
    use sqlink_sdk::prelude::*;

    /// The document with the patch (a JSON array of operations: add,
    /// remove, replace, move, copy, test) applied, as JSON text. NULL if
    /// either is NULL; an error for invalid JSON (naming the line and
    /// column), an invalid patch, or an operation that cannot apply (a
    /// missing path, a failed `test`: naming the operation and why).
    #[function(deterministic, innocuous, result_subtype)]
    fn jsonpatch_apply(doc: String, patch: String) -> Result<Json> {
        crate::patch::apply(&doc, &patch).map(Json).map_err(|e| Error::new(format!("jsonpatch_apply(): {e}")))
    }

    /// A JSON Patch (JSON array) that turns `a` into `b`: `[]` when they are
    /// equal. NULL if either is NULL; an error for invalid JSON.
    #[function(deterministic, innocuous, result_subtype)]
    fn jsonpatch_diff(a: String, b: String) -> Result<Json> {
        crate::patch::diff(&a, &b).map(Json).map_err(|e| Error::new(format!("jsonpatch_diff(): {e}")))
    }

    /// The value the JSON Pointer names (`''` the whole document, `/a/0`
    /// member `a`'s first item, `~1` for `/` and `~0` for `~` in names), as
    /// JSON text. NULL if either argument is NULL or nothing is there; an
    /// error for invalid JSON or a pointer that is not RFC 6901 syntax.
    #[function(deterministic, innocuous, result_subtype)]
    fn json_pointer_get(doc: String, pointer: String) -> Result<Subtyped<Option<String>>> {
        let fail = |e: String| Error::new(format!("json_pointer_get(): {e}"));
        let doc: serde_json::Value = crate::patch::parse(&doc, "JSON document").map_err(fail)?;
        let found = crate::pointer::get(&doc, &pointer).map_err(fail)?;
        Ok(Subtyped { value: found.map(|v| v.to_string()), subtype: Json::SUBTYPE })
    }
}
