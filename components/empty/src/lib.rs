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

use bindings::exports::sqlink::extension::vtab::{self, DeclaredTable, IndexInfo, IndexPlan, RowBatch, RowChange, TableArgs, WriteContext};
use bindings::exports::sqlink::extension::authorizer::{self, Action, Decision};
use bindings::exports::sqlink::extension::hooks::{self, ChangeKind};
use bindings::exports::sqlink::extension::{aggregate, collation, dot_commands, manifest, overflow, scalar};
use bindings::sqlink::extension::types::{SqlError, Value};
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

/// The error of every virtual table and dot command call: there is no
/// module, table or command.
fn no_table(what: &str, handle: u64) -> SqlError {
    SqlError { code: 1, message: format!("the empty extension has no {what} {handle}") }
}

impl vtab::Guest for Empty {
    fn create(module: u32, _args: TableArgs) -> Result<DeclaredTable, SqlError> {
        Err(no_table("virtual table module", module as u64))
    }
    fn connect(module: u32, _args: TableArgs) -> Result<DeclaredTable, SqlError> {
        Err(no_table("virtual table module", module as u64))
    }
    fn best_index(table: u64, _info: IndexInfo) -> Result<IndexPlan, SqlError> {
        Err(no_table("table", table))
    }
    fn disconnect(_table: u64) {}
    fn destroy(table: u64) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
    fn open(table: u64) -> Result<u64, SqlError> {
        Err(no_table("table", table))
    }
    fn close(_cursor: u64) {}
    fn filter(
        cursor: u64,
        _idx_num: i32,
        _idx_str: Option<String>,
        _args: Vec<Value>,
        _arg_subtypes: Vec<(u32, u8)>,
        _in_lists: Vec<(u32, Vec<Value>)>,
        _columns: u64,
        _max_rows: u32,
    ) -> Result<RowBatch, SqlError> {
        Err(no_table("cursor", cursor))
    }
    fn fetch(cursor: u64, _max_rows: u32) -> Result<RowBatch, SqlError> {
        Err(no_table("cursor", cursor))
    }
    fn update(table: u64, _change: RowChange, _context: WriteContext) -> Result<Option<i64>, SqlError> {
        Err(no_table("table", table))
    }
    fn begin(table: u64) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
    fn sync(table: u64) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
    fn commit(table: u64) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
    fn rollback(table: u64) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
    fn rename(table: u64, _new_name: String) -> Result<(), SqlError> {
        Err(no_table("table", table))
    }
}

/// No hooks to call: nothing happens, and a commit is never vetoed.
impl hooks::Guest for Empty {
    fn on_update(_kind: ChangeKind, _database: String, _table: String, _rowid: i64) {}
    fn on_commit() -> bool {
        false
    }
    fn on_rollback() {}
}

/// No authorizer: everything is allowed.
impl authorizer::Guest for Empty {
    fn authorize(_action: Action) -> Decision {
        Decision::Allow
    }
}

impl dot_commands::Guest for Empty {
    fn run(id: u32, _args: Vec<String>) -> Result<String, SqlError> {
        Err(no_table("dot command", id as u64))
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
