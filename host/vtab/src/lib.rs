//! Virtual table modules served by an extension: the `sqlite3_module`
//! callbacks, written once for every SQLite that hosts extensions (the
//! native one, and `sqlite-core`, SQLite compiled to wasm).
//!
//! A host says how to reach the extension's `vtab` interface by
//! implementing [`Calls`] and registers a module with [`register`]. This
//! crate does the rest the same way everywhere:
//!
//! * rows cross in batches: `xFilter` and `xNext` fetch one when the batch
//!   held is used up, and `xColumn`, `xRowid` and `xEof` are answered from
//!   it (batches start small, so a `LIMIT` pays for little, and grow);
//! * SQLite tells `xBestIndex` which columns a query uses but not
//!   `xFilter`, so each table remembers the columns of every plan it handed
//!   out (by idxNum and idxStr) and fetches those; writable tables fetch
//!   every column (UPDATE reads them all);
//! * tables are DIRECTONLY when the extension reaches beyond pure
//!   computation, INNOCUOUS otherwise, as functions are;
//! * a table whose extension instance was restarted (after a trap) is
//!   connected again on next use.

mod callbacks;
mod shadow;

use sqlink_abi::batch::Batch;
use sqlink_sqlite::{Db, Error, Value, ValueRef};

/// Where a table is being created or connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableArgs {
    /// "main", "temp" or an attached database's name.
    pub database: String,
    /// The table's name (the module's, for an eponymous table).
    pub table: String,
    /// The arguments of `CREATE VIRTUAL TABLE t USING module(args...)`.
    pub arguments: Vec<String>,
}

/// A table the extension created or connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    /// The extension's handle for it.
    pub table: u64,
    /// The `CREATE TABLE` statement declaring its columns.
    pub schema: String,
}

/// One WHERE-clause constraint offered to `best-index`.
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    /// Column index, or -1 for the rowid.
    pub column: i32,
    /// SQLITE_INDEX_CONSTRAINT_*.
    pub op: u8,
    pub usable: bool,
    /// The right-hand side when SQLite already knows it.
    pub rhs: Option<Value>,
    /// An `=` standing for `IN (...)` whose values a scan can take together
    /// (`sqlite3_vtab_in(info, i, -1)`).
    pub in_list: bool,
}

/// One ORDER BY term offered to `best-index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderBy {
    pub column: i32,
    pub desc: bool,
}

/// SQLite's planning question.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexInfo {
    pub constraints: Vec<Constraint>,
    pub order_by: Vec<OrderBy>,
    /// Bit N: column N is used (bit 63: some column from 63 on).
    pub columns_used: u64,
    /// `sqlite3_vtab_distinct()`.
    pub distinct: u8,
}

/// How a plan uses one constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConstraintUse {
    /// 1-based position of its value among `filter`'s arguments; 0: not
    /// passed.
    pub argv_index: u32,
    /// SQLite need not check it again.
    pub omit: bool,
    /// An `in_list` constraint's values all in one scan (`in_lists` of
    /// `filter`), not one scan per value.
    pub all_at_once: bool,
}

/// The extension's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexPlan {
    /// One per offered constraint.
    pub usage: Vec<ConstraintUse>,
    pub idx_num: i32,
    pub idx_str: Option<String>,
    pub order_by_consumed: bool,
    pub estimated_cost: f64,
    pub estimated_rows: i64,
    /// At most one row.
    pub unique: bool,
}

/// A write through a writable table.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Delete(i64),
    /// The new rowid if given, and every column's value.
    Insert(Option<i64>, Vec<Value>),
    /// Old rowid, new rowid, every column's new value.
    Update(i64, i64, Vec<Value>),
}

/// What SQLite says about a write beyond its values (the contract's
/// `write-context`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteContext {
    /// `sqlite3_vtab_on_conflict`: 1 ROLLBACK, 2 IGNORE, 3 FAIL, 4 ABORT,
    /// 5 REPLACE.
    pub on_conflict: u8,
    /// (position in the change's values, subtype) of the values that have
    /// one.
    pub subtypes: Vec<(u32, u8)>,
    /// For an update, the positions of the columns the statement leaves
    /// as they are.
    pub unchanged: Vec<u32>,
}

/// A transaction step SQLite announces to a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TxnStep {
    Begin,
    Sync,
    Commit,
    Rollback,
}

/// How a host reaches one extension's `vtab` interface. Errors name the
/// extension already; an error with code SQLITE_CONSTRAINT from
/// `best_index` means "this plan is unusable" (SQLite tries another).
pub trait Calls: Clone + 'static {
    /// The extension's name, for messages this crate writes.
    fn name(&self) -> &str;
    /// Changes whenever the extension's instance is replaced (handles
    /// handed out before are then void); constant where it never is.
    fn generation(&self) -> u64 {
        0
    }
    fn connect(&self, module: u32, args: &TableArgs, create: bool) -> Result<Declared, Error>;
    fn best_index(&self, table: u64, info: IndexInfo) -> Result<IndexPlan, Error>;
    fn disconnect(&self, table: u64);
    fn destroy(&self, table: u64) -> Result<(), Error>;
    fn open(&self, table: u64) -> Result<u64, Error>;
    fn close(&self, cursor: u64);
    /// Starts a scan; its first batch, checked (see `sqlink_abi::batch`).
    /// `arg_subtypes` are (position in `args`, subtype) of the arguments
    /// that have one; `in_lists` (position in `args`, values) the values of
    /// the constraints taken all at once, whose entry in `args` is NULL.
    #[allow(clippy::too_many_arguments)]
    fn filter(
        &self,
        cursor: u64,
        idx_num: i32,
        idx_str: Option<&str>,
        args: &[ValueRef<'_>],
        arg_subtypes: &[(u32, u8)],
        in_lists: &[(u32, Vec<Value>)],
        columns: u64,
        max_rows: u32,
    ) -> Result<Batch, Error>;
    /// The next batch of a scan fetching `columns`.
    fn fetch(&self, cursor: u64, max_rows: u32, columns: u64) -> Result<Batch, Error>;
    /// A write; the rowid of an inserted row.
    fn update(&self, table: u64, change: Change, context: WriteContext) -> Result<Option<i64>, Error>;
    fn transaction(&self, table: u64, step: TxnStep) -> Result<(), Error>;
    fn rename(&self, table: u64, new_name: &str) -> Result<(), Error>;
}

/// A module as the manifest describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// Usable as a table-valued function (and by CREATE VIRTUAL TABLE,
    /// unless `eponymous_only`).
    pub eponymous: bool,
    pub eponymous_only: bool,
    /// Accepts INSERT, UPDATE and DELETE (and hears of transactions).
    pub writable: bool,
    /// The extension reaches beyond pure computation: its tables are
    /// DIRECTONLY (else INNOCUOUS).
    pub direct_only: bool,
}

/// Registers module `name` on `db`, served by module `id` of the extension
/// behind `calls`; its tables keep the shadow tables `shadow_tables` (by
/// suffix). Registering a name again replaces the module.
pub fn register<C: Calls>(db: Db, name: &str, calls: C, id: u32, shape: Shape, shadow_tables: &[String]) -> Result<(), Error> {
    callbacks::register(db, name, calls, id, shape, shadow_tables)
}
