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
        additional_derives: [PartialEq],
    });
}

use bindings::exports::sqlink::extension::{aggregate, collation, manifest, overflow, scalar};
use bindings::sqlink::extension::types::{Arg, Outcome, SubtypedOutcome, SubtypedValue};
use std::cell::RefCell;

thread_local! {
    /// The message of the last failed call, for `overflow.take`.
    static MESSAGE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The error every call gets: there is no item with any id. Returns the
/// code; the message waits for `overflow.take`.
fn no_such(id: u32) -> i32 {
    MESSAGE.with(|m| *m.borrow_mut() = format!("the empty extension has no function with id {id}").into_bytes());
    1
}

/// [`no_such`] as an outcome.
fn fail(id: u32) -> Outcome {
    Outcome::Error(no_such(id))
}

/// The empty extension's exports.
struct Empty;

impl overflow::Guest for Empty {
    fn take() -> Vec<u8> {
        MESSAGE.with(|m| std::mem::take(&mut *m.borrow_mut()))
    }
}

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
    fn invoke(id: u32, _args: Vec<Arg>) -> Outcome {
        fail(id)
    }

    fn invoke0(id: u32) -> Outcome {
        fail(id)
    }

    fn invoke1(id: u32, _a: Arg) -> Outcome {
        fail(id)
    }

    fn invoke2(id: u32, _a: Arg, _b: Arg) -> Outcome {
        fail(id)
    }

    fn invoke3(id: u32, _a: Arg, _b: Arg, _c: Arg) -> Outcome {
        fail(id)
    }

    fn invoke_subtyped(id: u32, _args: Vec<SubtypedValue>) -> SubtypedOutcome {
        SubtypedOutcome { value: fail(id), subtype: 0 }
    }
}

impl aggregate::Guest for Empty {
    fn step(id: u32, _group: u64, _rows: u32, _width: u32, _args: Vec<Arg>, _subtypes: Vec<u8>) -> i32 {
        no_such(id)
    }

    fn inverse(id: u32, _group: u64, _rows: u32, _width: u32, _args: Vec<Arg>, _subtypes: Vec<u8>) -> i32 {
        no_such(id)
    }

    fn value(id: u32, _group: u64) -> SubtypedOutcome {
        SubtypedOutcome { value: fail(id), subtype: 0 }
    }

    fn finalize(id: u32, _group: u64) -> SubtypedOutcome {
        SubtypedOutcome { value: fail(id), subtype: 0 }
    }
}

impl collation::Guest for Empty {
    fn compare(_id: u32, _a: Arg, _b: Arg) -> i32 {
        0
    }

    fn sort_key(id: u32, _text: Arg) -> Outcome {
        fail(id)
    }
}

bindings::export!(Empty with_types_in bindings);

#[cfg(test)]
mod tests {
    use super::*;
    use aggregate::Guest as _;
    use collation::Guest as _;
    use manifest::Guest as _;
    use overflow::Guest as _;
    use scalar::Guest as _;

    #[test]
    fn nothing_is_listed_and_every_call_fails() {
        let m = Empty::describe();
        assert_eq!((m.name.as_str(), m.prefix.as_str()), ("", ""));
        assert!(m.functions.is_empty() && m.aggregates.is_empty() && m.collations.is_empty());
        assert_eq!(Empty::invoke1(7, Arg::Null), Outcome::Error(1));
        assert_eq!(Empty::take(), b"the empty extension has no function with id 7");
        assert_eq!(Empty::take(), b"", "taken once");
        assert_eq!(Empty::finalize(2, 9).value, Outcome::Error(1));
        assert_eq!(Empty::take(), b"the empty extension has no function with id 2");
        assert_eq!(Empty::step(4, 1, 1, 0, Vec::new(), Vec::new()), 1);
        assert_eq!(Empty::compare(0, Arg::Text(b"a".to_vec()), Arg::Text(b"b".to_vec())), 0);
        assert_eq!(Empty::sort_key(3, Arg::Null), Outcome::Error(1));
    }
}
