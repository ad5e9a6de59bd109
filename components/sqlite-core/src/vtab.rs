//! Virtual table modules of the imported extension: `sqlink-vtab`'s
//! callbacks, reaching the extension through this component's `vtab`
//! import.

use crate::bindings::sqlink::extension::types::{SqlError, Value};
use crate::bindings::sqlink::extension::vtab as wit;
use crate::extension::blamed;
use sqlink_abi::batch::Batch;
use crate::relay::relayed;
use sqlink_sqlite::{Db, Error, ValueRef};
use sqlink_vtab::{Calls, Change, ConstraintUse, Declared, IndexInfo, IndexPlan, TableArgs, TxnStep, WriteContext};

/// The imported extension's `vtab` interface on one connection, with the
/// name its own messages give it. Its calls serve the SQL of calls the host
/// suspends (see `relay`) on that connection.
#[derive(Clone)]
pub(crate) struct Imported {
    pub(crate) blame: std::rc::Rc<str>,
    pub(crate) db: Db,
}

/// An error the extension returned, as SQLite reports it.
fn failed(e: SqlError) -> Error {
    Error::new(e.code, blamed(&e.message))
}

fn to_wit(v: &sqlink_sqlite::Value) -> Value {
    use sqlink_sqlite::Value as V;
    match v {
        V::Null => Value::Null,
        V::Integer(i) => Value::Integer(*i),
        V::Real(r) => Value::Real(*r),
        V::Text(t) => Value::Text(t.clone()),
        V::Blob(b) => Value::Blob(b.clone()),
    }
}

fn borrowed_to_wit(v: ValueRef<'_>) -> Value {
    match v {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => Value::Integer(i),
        ValueRef::Real(r) => Value::Real(r),
        ValueRef::Text(t) => Value::Text(t.to_vec()),
        ValueRef::Blob(b) => Value::Blob(b.to_vec()),
    }
}

/// Checks a batch received for a scan fetching `columns`.
fn receive(rows: Result<wit::RowBatch, SqlError>, columns: u64) -> Result<Batch, Error> {
    let b = rows.map_err(failed)?;
    Batch::new(b.rowids, b.kinds, b.values, b.bytes, b.subtypes, b.done, columns).map_err(|e| Error::new(sqlink_sqlite::ffi::SQLITE_ERROR, blamed(&e)))
}

impl Calls for Imported {
    fn name(&self) -> &str {
        &self.blame
    }

    fn connect(&self, module: u32, args: &TableArgs, create: bool) -> Result<Declared, Error> {
        let args = wit::TableArgs { database: args.database.clone(), table: args.table.clone(), arguments: args.arguments.clone() };
        let d = relayed(self.db, || if create { wit::create(module, &args) } else { wit::connect(module, &args) }).map_err(failed)?;
        Ok(Declared { table: d.table, schema: d.schema })
    }

    fn best_index(&self, table: u64, info: IndexInfo) -> Result<IndexPlan, Error> {
        let info = wit::IndexInfo {
            constraints: info
                .constraints
                .iter()
                .map(|c| wit::IndexConstraint { column: c.column, op: c.op, usable: c.usable, rhs: c.rhs.as_ref().map(to_wit), in_list: c.in_list })
                .collect(),
            order_by: info.order_by.iter().map(|o| wit::IndexOrder { column: o.column, desc: o.desc }).collect(),
            columns_used: info.columns_used,
            distinct: info.distinct,
        };
        let p = relayed(self.db, || wit::best_index(table, &info)).map_err(failed)?;
        Ok(IndexPlan {
            usage: p.usage.iter().map(|u| ConstraintUse { argv_index: u.argv_index, omit: u.omit, all_at_once: u.all_at_once }).collect(),
            idx_num: p.idx_num,
            idx_str: p.idx_str,
            order_by_consumed: p.order_by_consumed,
            estimated_cost: p.estimated_cost,
            estimated_rows: p.estimated_rows,
            unique: p.unique,
        })
    }

    fn disconnect(&self, table: u64) {
        wit::disconnect(table);
    }

    fn destroy(&self, table: u64) -> Result<(), Error> {
        relayed(self.db, || wit::destroy(table)).map_err(failed)
    }

    fn open(&self, table: u64) -> Result<u64, Error> {
        relayed(self.db, || wit::open(table)).map_err(failed)
    }

    fn close(&self, cursor: u64) {
        wit::close(cursor);
    }

    fn filter(
        &self,
        cursor: u64,
        idx_num: i32,
        idx_str: Option<&str>,
        args: &[ValueRef<'_>],
        arg_subtypes: &[(u32, u8)],
        in_lists: &[(u32, Vec<sqlink_sqlite::Value>)],
        columns: u64,
        max_rows: u32,
    ) -> Result<Batch, Error> {
        let args: Vec<Value> = args.iter().map(|&v| borrowed_to_wit(v)).collect();
        let in_lists: Vec<(u32, Vec<Value>)> = in_lists.iter().map(|(at, list)| (*at, list.iter().map(to_wit).collect())).collect();
        receive(relayed(self.db, || wit::filter(cursor, idx_num, idx_str, &args, arg_subtypes, &in_lists, columns, max_rows)), columns)
    }

    fn fetch(&self, cursor: u64, max_rows: u32, columns: u64) -> Result<Batch, Error> {
        receive(relayed(self.db, || wit::fetch(cursor, max_rows)), columns)
    }

    fn update(&self, table: u64, change: Change, context: WriteContext) -> Result<Option<i64>, Error> {
        let values = |v: &[sqlink_sqlite::Value]| v.iter().map(to_wit).collect();
        let change = match &change {
            Change::Delete(rowid) => wit::RowChange::Delete(*rowid),
            Change::Insert(rowid, v) => wit::RowChange::Insert((*rowid, values(v))),
            Change::Update(old, new, v) => wit::RowChange::Update((*old, *new, values(v))),
        };
        let context = wit::WriteContext { on_conflict: context.on_conflict, subtypes: context.subtypes, unchanged: context.unchanged };
        relayed(self.db, || wit::update(table, &change, &context)).map_err(failed)
    }

    fn transaction(&self, table: u64, step: TxnStep) -> Result<(), Error> {
        relayed(self.db, || match step {
            TxnStep::Begin => wit::begin(table),
            TxnStep::Sync => wit::sync(table),
            TxnStep::Commit => wit::commit(table),
            TxnStep::Rollback => wit::rollback(table),
        })
        .map_err(failed)
    }

    fn rename(&self, table: u64, new_name: &str) -> Result<(), Error> {
        relayed(self.db, || wit::rename(table, new_name)).map_err(failed)
    }
}
