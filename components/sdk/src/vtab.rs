//! Virtual tables: what SQLite reaches through `CREATE VIRTUAL TABLE` and
//! table-valued functions such as `SELECT * FROM generate_series(1, 10)`.
//!
//! There are two ways to write one, both declared inside the
//! [`extension`](crate::extension) module:
//!
//! **Tier 1, a table-valued function**: a plain function marked `#[table]`.
//! Its parameters become HIDDEN columns (the function's arguments in SQL),
//! its items become rows, and the SDK writes the schema, the planning and
//! the batching:
//!
//! ```ignore
//! /// The integers from start to stop (inclusive), `step` apart.
//! #[table(name = "integers")]
//! fn integers(start: i64, stop: i64, #[optional] step: Option<i64>) -> Result<impl Iterator<Item = i64>> {
//!     let step = step.unwrap_or(1);
//!     if step <= 0 { return Err(Error::new("integers(): step must be positive")); }
//!     Ok((start..=stop).step_by(step as usize))
//! }
//! ```
//!
//! An item is one value (the column `value`), or a tuple whose columns are
//! named by the attribute: `#[table(columns = "key, length")]`. Items may be
//! `Result`s; an `Err` stops the scan with that error. A NULL argument for a
//! parameter that is not an `Option` gives no rows (the NULL rule of
//! scalars), and a missing required argument fails the statement with
//! `first argument to "integers()" missing or unusable`, as SQLite's own
//! table-valued functions do.
//!
//! **Tier 2, a table type**: a type marked `#[vtab]` that implements
//! [`Table`], plus [`CreateTable`], [`UpdateTable`] and [`TransactionTable`]
//! as it needs, the ladder of rusqlite's `VTab` traits. A scan is a
//! [`RowSource`]: an iterator of [`Row`]s, or, for hot scans, a type that
//! writes each row's values straight into the batch through a
//! [`RowWriter`] without allocating. The SDK pulls as many rows per
//! crossing of the boundary as the host asks for:
//!
//! ```ignore
//! /// The squares of 1 to 10.
//! #[vtab(name = "squares", eponymous_only)]
//! pub struct Squares;
//!
//! impl Table for Squares {
//!     type Rows = Box<dyn Iterator<Item = Result<Row>>>;
//!     fn connect(_: &TableArgs) -> Result<(String, Self)> {
//!         Ok(("CREATE TABLE x(n, square)".into(), Squares))
//!     }
//!     fn scan(&self, _: &Scan) -> Result<Self::Rows> {
//!         Ok(Box::new((1..=10).map(|n| Ok(Row::new(n, vec![Value::Integer(n), Value::Integer(n * n)])))))
//!     }
//! }
//! ```
//!
//! Which traits a type implements decides what the manifest declares: a
//! table implementing [`UpdateTable`] is writable, one implementing
//! [`CreateTable`] is created with `CREATE VIRTUAL TABLE` (and so is not
//! eponymous); one implementing neither is eponymous, and the attribute's
//! `eponymous_only` refuses `CREATE VIRTUAL TABLE` altogether (a compile
//! error for a type implementing [`CreateTable`]). `#[vtab]` also takes
//! `name = "..."` (the module's SQL name, by default the type's name in
//! snake case) and `alias = "..."` (more names for the same module).
//!
//! Errors: an `Err` from any method becomes the statement's error, with its
//! code and message. From [`Table::best_index`], an error with code
//! [`Error::CONSTRAINT`](crate::Error::CONSTRAINT) means "this plan is
//! unusable" (SQLite's rule), so SQLite tries another one.
//!
//! In unit tests, the generated `sqlink_test` drives tables through the
//! generated exports as a host does, emulating what SQLite adds (checking
//! constraints the plan left, sorting, LIMIT):
//!
//! ```ignore
//! let rows = sqlink_test::table("integers").query().arg("start", 1).arg("stop", 3).rows()?;
//! assert_eq!(rows, [[Value::Integer(1)], [Value::Integer(2)], [Value::Integer(3)]]);
//! let rows = sqlink_test::query_table("integers", &[("start", Value::Integer(1)), ("stop", Value::Integer(3))])?;
//! ```

pub(crate) mod function;
mod index;
pub(crate) mod registry;
mod rows;
pub(crate) mod runtime;
mod schema;
#[doc(hidden)]
pub mod testing;

pub use function::IntoRow;
pub use rows::{RowSource, RowWriter};
pub use index::{Columns, Constraint, ConstraintOp, ConstraintUse, IndexInfo, IndexPlan, OrderBy};
/// A write and what SQLite says about it, as [`UpdateTable::write`] takes them.
pub use crate::wit::vtab_types::{RowChange, WriteContext};

use crate::error::Result;
use crate::value::Value;

/// Where a table is being connected or created: what `CREATE VIRTUAL TABLE`
/// said, or the module's own name for an eponymous use.
#[derive(Debug, Clone, PartialEq)]
pub struct TableArgs {
    /// The module's SQL name as the manifest lists it: the name or the
    /// alias (of those given to `#[vtab]`) that the statement used.
    pub module: String,
    /// The database schema: "main", "temp" or an attached database's name.
    pub database: String,
    /// The virtual table's name (the module's name for an eponymous table).
    pub table: String,
    /// The arguments of `CREATE VIRTUAL TABLE t USING module(args...)`, as
    /// written; empty for an eponymous table.
    pub arguments: Vec<String>,
}

/// One scan that SQLite starts (its `xFilter`): the plan [`Table::best_index`]
/// chose, and the constraint values that plan asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Scan {
    /// [`IndexPlan::idx_num`] of the chosen plan.
    pub idx_num: i32,
    /// [`IndexPlan::idx_str`] of the chosen plan.
    pub idx_str: Option<String>,
    /// The values of the constraints the plan passed, in `argv_index` order
    /// (`args[0]` is the constraint given `argv_index` 1).
    pub args: Vec<Value>,
    /// The columns SQLite will read. Rows may carry any value (NULL, say)
    /// in the others, so a table can skip computing them.
    pub columns: Columns,
    /// The subtypes of the `args` that have one: (position in `args`,
    /// subtype), e.g. to tell a vector blob's element type.
    pub arg_subtypes: Vec<(u32, u8)>,
    /// The values of the `IN (...)` constraints the plan took all at once
    /// ([`IndexPlan::pass_list`]): (position in `args`, values, as SQLite
    /// lists them: sorted, without duplicates). Their entry in `args` is
    /// NULL.
    pub in_lists: Vec<(u32, Vec<Value>)>,
}

impl Scan {
    /// The subtype of `args[i]`: 0 when it has none.
    pub fn subtype(&self, i: usize) -> u8 {
        self.arg_subtypes.iter().find(|(at, _)| *at as usize == i).map_or(0, |(_, s)| *s)
    }

    /// The values of `args[i]` when it is an `IN (...)` taken all at once.
    pub fn in_list(&self, i: usize) -> Option<&[Value]> {
        self.in_lists.iter().find(|(at, _)| *at as usize == i).map(|(_, values)| &values[..])
    }
}

/// One row of a scan: its rowid and its values, one per column of the
/// declared schema in order (hidden columns included).
///
/// A row shorter than the schema is padded with NULLs; values past the
/// schema's columns are ignored.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What `rowid` reads for this row. Tables without a meaningful rowid
    /// number their rows 1, 2, 3... as SQLite's own table-valued functions do.
    pub rowid: i64,
    /// The values, one per declared column.
    pub values: Vec<Value>,
}

impl Row {
    /// A row with this rowid and these column values.
    pub fn new(rowid: i64, values: Vec<Value>) -> Row {
        Row { rowid, values }
    }
}

/// A virtual table: how SQLite connects to it, plans queries on it and
/// scans it. The base of the ladder; read-only and eponymous on its own.
///
/// A value of the type is one connected table (the SDK keeps it until
/// SQLite disconnects, and drops it then); a scan is an iterator that owns
/// what it needs, so tables that share state with their scans keep it
/// behind an `Rc`.
pub trait Table: Sized + 'static {
    /// The rows of one scan, in the order SQLite receives them: an
    /// iterator of `Result<Row>`, or a type writing its rows directly.
    type Rows: RowSource;

    /// Connects to the table: returns its schema, a `CREATE TABLE` statement
    /// whose name is ignored (`CREATE TABLE x(a, b HIDDEN)`), and the table.
    /// For a module that is not a [`CreateTable`] this also serves
    /// `CREATE VIRTUAL TABLE`.
    fn connect(args: &TableArgs) -> Result<(String, Self)>;

    /// Chooses how to run a query: which constraints to receive in
    /// [`Scan::args`], whether the rows come in the requested order, and
    /// what it costs. The default reads the whole table, as SQLite
    /// assumes for a table that plans nothing.
    ///
    /// # Errors
    /// [`Error::CONSTRAINT`](crate::Error::CONSTRAINT) marks the offered plan
    /// unusable (SQLite then tries others); any other error fails the
    /// statement.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let _ = info;
        Ok(IndexPlan::default())
    }

    /// Starts a scan with the plan [`best_index`](Table::best_index) chose.
    fn scan(&self, scan: &Scan) -> Result<Self::Rows>;
}

/// A table that `CREATE VIRTUAL TABLE` creates and `DROP TABLE` destroys,
/// distinctly from connecting to it (as a table keeping backing storage
/// does). Implementing it makes the module non-eponymous: the table must be
/// created before use.
pub trait CreateTable: Table {
    /// The shadow tables each table of the module keeps, by suffix: for
    /// `["data"]`, the table `t` keeps its rows in `t_data`, which it
    /// creates, reads, writes and drops itself through [`spi`](crate::spi)
    /// (the extension needs the `spi` capability). SQLite then knows
    /// `t_data` for what it is (its `xShadowName`): a connection in
    /// defensive mode refuses ordinary SQL that writes it, and only the
    /// table's own calls change it.
    const SHADOW_TABLES: &'static [&'static str] = &[];

    /// `CREATE VIRTUAL TABLE`: makes whatever the table keeps, then returns
    /// the schema and the table as [`Table::connect`] does. By default, it
    /// connects.
    fn create(args: &TableArgs) -> Result<(String, Self)> {
        Self::connect(args)
    }

    /// `DROP TABLE`: removes what [`create`](CreateTable::create) made. The
    /// table is dropped afterwards, as on disconnect.
    fn destroy(&mut self) -> Result<()> {
        Ok(())
    }
}

/// A table that accepts INSERT, UPDATE and DELETE. Implementing it makes
/// the module writable in the manifest.
///
/// Values come one per column of the schema, in order, hidden columns
/// included.
pub trait UpdateTable: Table {
    /// INSERT: `rowid` is the one the statement gave, if any. Returns the
    /// new row's rowid.
    fn insert(&mut self, rowid: Option<i64>, values: Vec<Value>) -> Result<i64>;

    /// UPDATE of the row `old_rowid`, which now has rowid `new_rowid` (the
    /// same unless the statement set the rowid) and these values.
    fn update(&mut self, old_rowid: i64, new_rowid: i64, values: Vec<Value>) -> Result<()>;

    /// DELETE of the row `rowid`.
    fn delete(&mut self, rowid: i64) -> Result<()>;

    /// Any write, with what SQLite says about it beyond the values (the
    /// statement's ON CONFLICT mode, the values' subtypes, the columns an
    /// UPDATE leaves as they are): the rowid of an inserted row. By default
    /// it calls [`insert`](UpdateTable::insert), [`update`](UpdateTable::update)
    /// or [`delete`](UpdateTable::delete); a table that honours `INSERT OR
    /// REPLACE` or reads subtypes implements it instead.
    fn write(&mut self, change: RowChange, context: &WriteContext) -> Result<Option<i64>> {
        let _ = context;
        apply(self, change)
    }
}

/// `change` made with the table's [`insert`](UpdateTable::insert),
/// [`update`](UpdateTable::update) or [`delete`](UpdateTable::delete): what
/// [`UpdateTable::write`] does by default, for a `write` that first acts on
/// the context. The rowid of an inserted row.
pub fn apply<T: UpdateTable + ?Sized>(table: &mut T, change: RowChange) -> Result<Option<i64>> {
    match change {
        RowChange::Delete(rowid) => table.delete(rowid).map(|_| None),
        RowChange::Insert((rowid, values)) => table.insert(rowid, values).map(Some),
        RowChange::Update((old_rowid, new_rowid, values)) => table.update(old_rowid, new_rowid, values).map(|_| None),
    }
}

/// A writable table that takes part in transactions (SQLite's `xBegin`,
/// `xSync`, `xCommit`, `xRollback`) and is told when it is renamed. Every
/// method defaults to doing nothing.
pub trait TransactionTable: UpdateTable {
    /// A write transaction starts on the table.
    fn begin(&mut self) -> Result<()> {
        Ok(())
    }
    /// First phase of a commit: make the changes durable, or fail.
    fn sync(&mut self) -> Result<()> {
        Ok(())
    }
    /// The transaction committed.
    fn commit(&mut self) -> Result<()> {
        Ok(())
    }
    /// The transaction rolled back: forget its changes.
    fn rollback(&mut self) -> Result<()> {
        Ok(())
    }
    /// `ALTER TABLE ... RENAME TO new_name`; an error refuses the rename.
    fn rename(&mut self, new_name: &str) -> Result<()> {
        let _ = new_name;
        Ok(())
    }
}
