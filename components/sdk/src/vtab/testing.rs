//! Driving an extension's virtual tables in unit tests the way a host
//! drives them: connect, `best_index` with the constraints a query has,
//! `filter` and `fetch` in batches, decoding the cells and bytes of each
//! batch. What SQLite does itself (checking the constraints a plan did not
//! omit, sorting when the order was not consumed, LIMIT) the driver does
//! too, so a test reads rows as a `SELECT` would return them.
//!
//! The generated `sqlink_test` module implements [`Exports`] over the
//! extension's generated `vtab` exports, and offers `table(name)`.

use super::schema::{self, SchemaColumn};
use super::{Columns, Constraint, ConstraintOp, ConstraintUse, IndexInfo, IndexPlan, OrderBy};
use crate::error::{Error, Result};
use crate::result::IntoValue;
use crate::value::Value;
use crate::wit::types::SqlError;
use crate::wit::vtab_types as contract;
use sqlink_abi::batch;
use std::cmp::Ordering;
use std::marker::PhantomData;

/// A module as the manifest lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleInfo {
    /// The SQL name.
    pub name: String,
    /// Usable without CREATE VIRTUAL TABLE.
    pub eponymous: bool,
    /// Usable only that way.
    pub eponymous_only: bool,
    /// Accepts INSERT, UPDATE and DELETE.
    pub writable: bool,
    /// The manifest's description.
    pub description: String,
}

/// The `vtab` exports and the manifest's `vtabs` of one extension (the
/// generated `sqlink_test::Vtabs` forwards to them).
pub trait Exports {
    /// The manifest's `vtabs`; the others are the `vtab` functions.
    fn modules() -> Vec<ModuleInfo>;
    fn create(module: u32, args: contract::TableArgs) -> Result<contract::DeclaredTable, SqlError>;
    fn connect(module: u32, args: contract::TableArgs) -> Result<contract::DeclaredTable, SqlError>;
    fn best_index(table: u64, info: contract::IndexInfo) -> Result<contract::IndexPlan, SqlError>;
    fn disconnect(table: u64);
    fn destroy(table: u64) -> Result<(), SqlError>;
    fn open(table: u64) -> Result<u64, SqlError>;
    fn close(cursor: u64);
    #[allow(clippy::too_many_arguments)]
    fn filter(
        cursor: u64,
        idx_num: i32,
        idx_str: Option<String>,
        args: Vec<Value>,
        arg_subtypes: Vec<(u32, u8)>,
        in_lists: Vec<(u32, Vec<Value>)>,
        columns: u64,
        max_rows: u32,
    ) -> Result<contract::RowBatch, SqlError>;
    fn fetch(cursor: u64, max_rows: u32) -> Result<contract::RowBatch, SqlError>;
    fn update(table: u64, change: contract::RowChange, context: contract::WriteContext) -> Result<Option<i64>, SqlError>;
    fn begin(table: u64) -> Result<(), SqlError>;
    fn sync(table: u64) -> Result<(), SqlError>;
    fn commit(table: u64) -> Result<(), SqlError>;
    fn rollback(table: u64) -> Result<(), SqlError>;
    fn rename(table: u64, new_name: String) -> Result<(), SqlError>;
}

/// A write as a plain statement makes it: ON CONFLICT ABORT, no subtypes,
/// every column set.
fn plain_write() -> contract::WriteContext {
    contract::WriteContext { on_conflict: 4, subtypes: Vec::new(), unchanged: Vec::new() }
}

/// A contract error as the SDK's.
fn error(e: SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

/// A connected virtual table; disconnected when dropped.
pub struct TestTable<E: Exports> {
    handle: u64,
    schema: String,
    columns: Vec<SchemaColumn>,
    exports: PhantomData<E>,
}

fn module_id<E: Exports>(name: &str) -> u32 {
    let modules = E::modules();
    let id = modules.iter().position(|m| m.name.eq_ignore_ascii_case(name));
    id.unwrap_or_else(|| panic!("no virtual table module {name} in the manifest")) as u32
}

impl<E: Exports> TestTable<E> {
    /// Connects to module `name` as an eponymous table (`SELECT ... FROM name(...)`).
    pub fn connect(name: &str) -> Result<TestTable<E>> {
        let args = contract::TableArgs { database: "main".into(), table: name.into(), arguments: Vec::new() };
        Self::keep(E::connect(module_id::<E>(name), args).map_err(error)?)
    }

    /// `CREATE VIRTUAL TABLE table USING name(arguments...)`.
    pub fn create(name: &str, table: &str, arguments: &[&str]) -> Result<TestTable<E>> {
        let arguments = arguments.iter().map(|a| a.to_string()).collect();
        let args = contract::TableArgs { database: "main".into(), table: table.into(), arguments };
        Self::keep(E::create(module_id::<E>(name), args).map_err(error)?)
    }

    fn keep(declared: contract::DeclaredTable) -> Result<TestTable<E>> {
        let columns = schema::columns(&declared.schema)?;
        Ok(TestTable { handle: declared.table, schema: declared.schema, columns, exports: PhantomData })
    }

    /// The `CREATE TABLE` statement the table declared.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// The declared column names, hidden ones included.
    pub fn column_names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    fn column(&self, name: &str) -> i32 {
        if name.eq_ignore_ascii_case("rowid") {
            return -1;
        }
        let i = self.columns.iter().position(|c| c.name.eq_ignore_ascii_case(name));
        i.unwrap_or_else(|| panic!("no column {name} in {}", self.schema)) as i32
    }

    /// Asks the table for a plan, as SQLite's planner does (for constraints
    /// a [`Query`] cannot express, such as unusable ones).
    pub fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let info = contract::IndexInfo {
            constraints: info
                .constraints
                .iter()
                .map(|c| contract::IndexConstraint { column: c.column, op: c.op.0, usable: c.usable, rhs: c.rhs.clone(), in_list: c.in_list })
                .collect(),
            order_by: info.order_by.iter().map(|o| contract::IndexOrder { column: o.column, desc: o.desc }).collect(),
            columns_used: info.columns_used.0,
            distinct: info.distinct,
        };
        let plan = E::best_index(self.handle, info).map_err(error)?;
        Ok(IndexPlan {
            usage: plan.usage.into_iter().map(|u| ConstraintUse { argv_index: u.argv_index, omit: u.omit, all_at_once: u.all_at_once }).collect(),
            idx_num: plan.idx_num,
            idx_str: plan.idx_str,
            order_by_consumed: plan.order_by_consumed,
            estimated_cost: plan.estimated_cost,
            estimated_rows: plan.estimated_rows,
            unique: plan.unique,
        })
    }

    /// A query on the table, to build up and run.
    pub fn query(&self) -> Query<'_, E> {
        Query { table: self, constraints: Vec::new(), order_by: Vec::new(), select: None, limit: None, batch: 3 }
    }

    /// `INSERT`: returns the new rowid.
    pub fn insert(&self, rowid: Option<i64>, values: Vec<Value>) -> Result<Option<i64>> {
        self.write(contract::RowChange::Insert((rowid, values)), plain_write())
    }

    /// `UPDATE` of one row.
    pub fn update(&self, old_rowid: i64, new_rowid: i64, values: Vec<Value>) -> Result<()> {
        self.write(contract::RowChange::Update((old_rowid, new_rowid, values)), plain_write()).map(|_| ())
    }

    /// `DELETE` of one row.
    pub fn delete(&self, rowid: i64) -> Result<()> {
        self.write(contract::RowChange::Delete(rowid), plain_write()).map(|_| ())
    }

    /// Any write, with what SQLite would say about it (`INSERT OR
    /// REPLACE`, subtypes, unchanged columns): the new rowid of an insert.
    pub fn write(&self, change: contract::RowChange, context: contract::WriteContext) -> Result<Option<i64>> {
        E::update(self.handle, change, context).map_err(error)
    }

    /// SQLite's `xBegin`.
    pub fn begin(&self) -> Result<()> {
        E::begin(self.handle).map_err(error)
    }

    /// SQLite's `xSync`.
    pub fn sync(&self) -> Result<()> {
        E::sync(self.handle).map_err(error)
    }

    /// SQLite's `xCommit`.
    pub fn commit(&self) -> Result<()> {
        E::commit(self.handle).map_err(error)
    }

    /// SQLite's `xRollback`.
    pub fn rollback(&self) -> Result<()> {
        E::rollback(self.handle).map_err(error)
    }

    /// `ALTER TABLE ... RENAME TO new_name`.
    pub fn rename(&self, new_name: &str) -> Result<()> {
        E::rename(self.handle, new_name.into()).map_err(error)
    }

    /// `DROP TABLE`.
    pub fn destroy(self) -> Result<()> {
        let handle = self.handle;
        std::mem::forget(self);
        E::destroy(handle).map_err(error)
    }
}

impl<E: Exports> Drop for TestTable<E> {
    fn drop(&mut self) {
        E::disconnect(self.handle);
    }
}

/// A `SELECT` on a [`TestTable`]: WHERE constraints (each offered as
/// usable, with its value known), ORDER BY, the columns read, LIMIT.
pub struct Query<'t, E: Exports> {
    table: &'t TestTable<E>,
    constraints: Vec<(i32, ConstraintOp, Value)>,
    order_by: Vec<OrderBy>,
    select: Option<Vec<i32>>,
    limit: Option<usize>,
    batch: u32,
}

impl<E: Exports> Query<'_, E> {
    /// `WHERE column = value`, which is how a table-valued function's
    /// arguments reach its hidden columns: `f(1, 2)` is `start = 1 AND stop = 2`.
    pub fn arg(self, column: &str, value: impl IntoValue) -> Self {
        self.constraint(column, ConstraintOp::EQ, value)
    }

    /// `WHERE column op value` (`rowid` names the rowid).
    pub fn constraint(mut self, column: &str, op: ConstraintOp, value: impl IntoValue) -> Self {
        let column = self.table.column(column);
        self.constraints.push((column, op, value.into_value()));
        self
    }

    /// `ORDER BY column [DESC]`, after any earlier terms.
    pub fn order_by(mut self, column: &str, desc: bool) -> Self {
        let column = self.table.column(column);
        self.order_by.push(OrderBy { column, desc });
        self
    }

    /// The result columns (`rowid` names the rowid); by default the
    /// columns that are not hidden, as `SELECT *`.
    pub fn select(mut self, columns: &[&str]) -> Self {
        self.select = Some(columns.iter().map(|c| self.table.column(c)).collect());
        self
    }

    /// `LIMIT n`: stops fetching once `n` rows are in.
    pub fn limit(mut self, n: usize) -> Self {
        self.limit = Some(n);
        self
    }

    /// The most rows to ask for per batch (3 by default, so that tests
    /// cross batch boundaries).
    pub fn batch(mut self, max_rows: u32) -> Self {
        self.batch = max_rows;
        self
    }

    fn selected(&self) -> Vec<i32> {
        self.select.clone().unwrap_or_else(|| {
            let visible = self.table.columns.iter().enumerate().filter(|(_, c)| !c.hidden);
            visible.map(|(i, _)| i as i32).collect()
        })
    }

    fn info(&self) -> IndexInfo {
        let constraints = self.constraints.iter().map(|(column, op, v)| Constraint { column: *column, op: *op, usable: true, rhs: Some(v.clone()), in_list: false });
        let read = self.selected().into_iter().chain(self.constraints.iter().map(|c| c.0)).chain(self.order_by.iter().map(|o| o.column));
        IndexInfo {
            constraints: constraints.collect(),
            order_by: self.order_by.clone(),
            columns_used: Columns::from_columns(read.filter_map(|c| usize::try_from(c).ok())),
            distinct: 0,
        }
    }

    /// The plan the table chooses for this query (what EXPLAIN QUERY PLAN shows).
    pub fn plan(&self) -> Result<IndexPlan> {
        self.table.best_index(&self.info())
    }

    /// Runs the query: the rows, each holding the selected columns.
    pub fn rows(self) -> Result<Vec<Vec<Value>>> {
        let info = self.info();
        let plan = self.table.best_index(&info)?;
        let mut args = vec![Value::Null; plan.usage.iter().filter(|u| u.argv_index > 0).count()];
        for (u, (_, _, value)) in plan.usage.iter().zip(&self.constraints) {
            if u.argv_index > 0 {
                args[u.argv_index as usize - 1] = value.clone();
            }
        }
        // SQLite checks what the plan did not omit.
        let checks: Vec<&(i32, ConstraintOp, Value)> =
            plan.usage.iter().zip(&self.constraints).filter(|(u, _)| u.argv_index == 0 || !u.omit).map(|(_, c)| c).collect();
        let sorted_here = !self.order_by.is_empty() && !plan.order_by_consumed;
        let cursor = E::open(self.table.handle).map_err(error)?;
        let mut rows = Vec::new();
        let mut batch = E::filter(cursor, plan.idx_num, plan.idx_str.clone(), args, Vec::new(), Vec::new(), info.columns_used.0, self.batch);
        loop {
            let b = match batch {
                Ok(b) => b,
                Err(e) => {
                    E::close(cursor);
                    return Err(error(e));
                }
            };
            for row in self.decode(&b, info.columns_used) {
                if checks.iter().all(|(column, op, value)| holds(cell(&row, *column), *op, value)) {
                    rows.push(row);
                }
            }
            let enough = !sorted_here && self.limit.is_some_and(|n| rows.len() >= n);
            if b.done || enough {
                break;
            }
            batch = E::fetch(cursor, self.batch);
        }
        E::close(cursor);
        if sorted_here {
            rows.sort_by(|a, b| {
                let keys = self.order_by.iter().map(|o| {
                    let order = compare(cell(a, o.column), cell(b, o.column));
                    if o.desc { order.reverse() } else { order }
                });
                keys.fold(Ordering::Equal, Ordering::then)
            });
        }
        rows.truncate(self.limit.unwrap_or(usize::MAX));
        let selected = self.selected();
        Ok(rows.iter().map(|row| selected.iter().map(|&c| cell(row, c).clone()).collect()).collect())
    }

    /// A batch as rows of one value per declared column (NULL where not
    /// requested) and then the rowid, checking its shape as a host does.
    fn decode(&self, batch: &contract::RowBatch, columns: Columns) -> Vec<Vec<Value>> {
        let requested: Vec<usize> = columns.of(self.table.columns.len()).collect();
        let width = requested.len();
        let cells = batch.kinds.len();
        assert_eq!(cells, batch.rowids.len() * width, "a batch of {} rows has {cells} cells for {width} columns", batch.rowids.len());
        assert_eq!(batch.values.len(), cells, "a batch has {cells} cell kinds and {} values", batch.values.len());
        let mut bytes = &batch.bytes[..];
        let mut take = |len: u32| {
            let (head, rest) = bytes.split_at(len as usize);
            bytes = rest;
            head.to_vec()
        };
        let rows = batch.rowids.iter().enumerate().map(|(r, &rowid)| {
            let mut values = vec![Value::Null; self.table.columns.len() + 1];
            for (k, &c) in requested.iter().enumerate() {
                let (kind, value) = (batch.kinds[r * width + k], batch.values[r * width + k]);
                values[c] = match kind {
                    batch::INTEGER => Value::Integer(value),
                    batch::REAL => Value::Real(f64::from_bits(value as u64)),
                    batch::TEXT => {
                        let text = take(value as u32);
                        assert_eq!(take(1), [0], "a batch has a text not followed by a NUL");
                        Value::Text(text)
                    }
                    batch::BLOB => Value::Blob(take(value as u32)),
                    batch::NULL => Value::Null,
                    other => panic!("a batch has a cell of unknown kind {other}"),
                };
            }
            values[self.table.columns.len()] = Value::Integer(rowid);
            values
        });
        let rows = rows.collect();
        assert!(bytes.is_empty(), "a batch has {} bytes its cells do not use", bytes.len());
        rows
    }
}

/// The value of column `column` (-1: the rowid) of a decoded row, which
/// holds the declared columns and then the rowid.
fn cell(row: &[Value], column: i32) -> &Value {
    &row[usize::try_from(column).unwrap_or(row.len() - 1)]
}

/// SQLite's order of values without affinity: NULL, numbers, text, blobs;
/// numbers by value, text and blobs bytewise (BINARY).
fn compare(a: &Value, b: &Value) -> Ordering {
    fn class(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Integer(_) | Value::Real(_) => 1,
            Value::Text(_) => 2,
            Value::Blob(_) => 3,
        }
    }
    match (a, b) {
        (Value::Integer(x), Value::Integer(y)) => x.cmp(y),
        (Value::Integer(x), Value::Real(y)) => (*x as f64).total_cmp(y),
        (Value::Real(x), Value::Integer(y)) => x.total_cmp(&(*y as f64)),
        (Value::Real(x), Value::Real(y)) => x.total_cmp(y),
        (Value::Text(x), Value::Text(y)) | (Value::Blob(x), Value::Blob(y)) => x.cmp(y),
        _ => class(a).cmp(&class(b)),
    }
}

/// Whether `value op rhs` is true, as SQLite evaluates it (a comparison
/// with NULL is not).
fn holds(value: &Value, op: ConstraintOp, rhs: &Value) -> bool {
    let null = value.is_null() || rhs.is_null();
    let order = compare(value, rhs);
    match op {
        ConstraintOp::EQ => !null && order.is_eq(),
        ConstraintOp::NE => !null && order.is_ne(),
        ConstraintOp::GT => !null && order.is_gt(),
        ConstraintOp::GE => !null && order.is_ge(),
        ConstraintOp::LT => !null && order.is_lt(),
        ConstraintOp::LE => !null && order.is_le(),
        ConstraintOp::IS => order.is_eq(),
        ConstraintOp::ISNOT => order.is_ne(),
        ConstraintOp::ISNULL => value.is_null(),
        ConstraintOp::ISNOTNULL => !value.is_null(),
        other => panic!("the test driver does not evaluate constraint op {other:?}"),
    }
}
