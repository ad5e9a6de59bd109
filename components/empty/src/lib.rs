//! The empty extension: nothing in it.
//!
//! What `sqlite-core` imports when a build has no extensions, and what fills
//! the interfaces a real extension does not export when it is plugged into a
//! router (an extension with scalar functions only gets its `aggregate` and
//! `collation` from here). Its manifest has an empty name and prefix and
//! lists nothing, so a router merging it adds no names and no ids.

#[doc(hidden)]
#[allow(clippy::all, dead_code, unused_imports, missing_docs)]
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit/router",
        world: "sqlink:router/empty",
        runtime_path: "wit_bindgen::rt",
        generate_all,
    });
}

use bindings::exports::sqlink::extension::{aggregate, collation, manifest, scalar};
use bindings::sqlink::extension::types::{SqlError, SubtypedValue, Value};

/// The error every call gets: there is no item with any id.
fn no_such(id: u32) -> SqlError {
    SqlError { code: 1, message: format!("the empty extension has no function with id {id}") }
}

/// The empty extension's exports.
struct Empty;

impl manifest::Guest for Empty {
    fn describe() -> manifest::Manifest {
        manifest::Manifest {
            name: String::new(),
            version: String::new(),
            description: String::new(),
            prefix: String::new(),
            namespace: String::new(),
            functions: Vec::new(),
            aggregates: Vec::new(),
            collations: Vec::new(),
            vtabs: Vec::new(),
            dot_commands: Vec::new(),
            hooks: manifest::HookSet::empty(),
            authorizer: false,
            capabilities: Vec::new(),
        }
    }
}

impl scalar::Guest for Empty {
    fn invoke(id: u32, _args: Vec<Value>) -> Result<Value, SqlError> {
        Err(no_such(id))
    }

    fn invoke0(id: u32) -> Result<Value, SqlError> {
        Err(no_such(id))
    }

    fn invoke1(id: u32, _a: Value) -> Result<Value, SqlError> {
        Err(no_such(id))
    }

    fn invoke2(id: u32, _a: Value, _b: Value) -> Result<Value, SqlError> {
        Err(no_such(id))
    }

    fn invoke3(id: u32, _a: Value, _b: Value, _c: Value) -> Result<Value, SqlError> {
        Err(no_such(id))
    }

    fn invoke_subtyped(id: u32, _args: Vec<SubtypedValue>) -> Result<SubtypedValue, SqlError> {
        Err(no_such(id))
    }
}

impl aggregate::Guest for Empty {
    fn step(id: u32, _group: u64, _rows: u32, _width: u32, _args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        Err(no_such(id))
    }

    fn inverse(id: u32, _group: u64, _rows: u32, _width: u32, _args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        Err(no_such(id))
    }

    fn value(id: u32, _group: u64) -> Result<SubtypedValue, SqlError> {
        Err(no_such(id))
    }

    fn finalize(id: u32, _group: u64) -> Result<SubtypedValue, SqlError> {
        Err(no_such(id))
    }
}

impl collation::Guest for Empty {
    fn compare(_id: u32, _a: Vec<u8>, _b: Vec<u8>) -> i32 {
        0
    }

    fn sort_key(_id: u32, text: Vec<u8>) -> Vec<u8> {
        text
    }
}

bindings::export!(Empty with_types_in bindings);

#[cfg(test)]
mod tests {
    use super::*;
    use aggregate::Guest as _;
    use collation::Guest as _;
    use manifest::Guest as _;
    use scalar::Guest as _;

    #[test]
    fn nothing_is_listed_and_every_call_fails() {
        let m = Empty::describe();
        assert_eq!((m.name.as_str(), m.prefix.as_str()), ("", ""));
        assert!(m.functions.is_empty() && m.aggregates.is_empty() && m.collations.is_empty());
        let err = Empty::invoke1(7, Value::Null).unwrap_err();
        assert_eq!((err.code, err.message.as_str()), (1, "the empty extension has no function with id 7"));
        let err = Empty::finalize(2, 9).unwrap_err();
        assert_eq!(err.message, "the empty extension has no function with id 2");
        assert_eq!(Empty::compare(0, b"a".to_vec(), b"b".to_vec()), 0);
        assert_eq!(Empty::sort_key(3, b"\xffabc".to_vec()), b"\xffabc".to_vec());
    }
}
