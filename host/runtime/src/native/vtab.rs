//! Virtual table modules on a native connection: `sqlink-vtab`'s callbacks,
//! reaching the extension's `vtab` interface through its resident instance.

use super::batch;
use crate::error::Error;
use crate::instance::Live;
use crate::instance::vtab::{self as wit, TxnStep as WitStep};
use crate::wit::{SqlError, Value, ValueRef};
use sqlink_abi::batch::Batch;
use sqlink_vtab::{Calls, Change, Declared, IndexInfo, IndexPlan, TableArgs, TxnStep, WriteContext};
use std::sync::Arc;

pub(crate) use sqlink_vtab::{Shape, register};

/// The vtab interface of one resident instance.
#[derive(Clone)]
pub(crate) struct NativeCalls(pub Arc<Live>);

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

impl NativeCalls {
    /// Calls into the instance; an error the extension returned comes back
    /// as it worded it. Both kinds of failure become `sqlink_sqlite::Error`.
    fn call<T>(&self, f: impl FnOnce(&mut crate::instance::Instance) -> wasmtime::Result<Result<T, SqlError>>) -> Result<T, sqlink_sqlite::Error> {
        self.0.call_flat(f).map_err(|e: Error| sqlink_sqlite::Error::new(e.code, e.message))
    }

    fn batch(&self, rows: Result<wit::RowBatch, sqlink_sqlite::Error>, columns: u64) -> Result<Batch, sqlink_sqlite::Error> {
        batch::receive(rows?, columns).map_err(|e| sqlink_sqlite::Error::new(e.code, format!("{}: {}", self.0.name(), e.message)))
    }
}

impl Calls for NativeCalls {
    fn name(&self) -> &str {
        self.0.name()
    }

    fn generation(&self) -> u64 {
        self.0.generation()
    }

    fn connect(&self, module: u32, args: &TableArgs, create: bool) -> Result<Declared, sqlink_sqlite::Error> {
        let args = wit::TableArgs { database: args.database.clone(), table: args.table.clone(), arguments: args.arguments.clone() };
        let d = self.call(|inst| inst.vtab_connect(module, args, create))?;
        Ok(Declared { table: d.table, schema: d.schema })
    }

    fn best_index(&self, table: u64, info: IndexInfo) -> Result<IndexPlan, sqlink_sqlite::Error> {
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
        let p = self.call(|inst| inst.vtab_best_index(table, info))?;
        Ok(IndexPlan {
            usage: p.usage.iter().map(|u| sqlink_vtab::ConstraintUse { argv_index: u.argv_index, omit: u.omit, all_at_once: u.all_at_once }).collect(),
            idx_num: p.idx_num,
            idx_str: p.idx_str,
            order_by_consumed: p.order_by_consumed,
            estimated_cost: p.estimated_cost,
            estimated_rows: p.estimated_rows,
            unique: p.unique,
        })
    }

    fn disconnect(&self, table: u64) {
        let _ = self.0.call(|inst| inst.vtab_disconnect(table));
    }

    fn destroy(&self, table: u64) -> Result<(), sqlink_sqlite::Error> {
        self.call(|inst| inst.vtab_destroy(table))
    }

    fn open(&self, table: u64) -> Result<u64, sqlink_sqlite::Error> {
        self.call(|inst| inst.vtab_open(table))
    }

    fn close(&self, cursor: u64) {
        let _ = self.0.call(|inst| inst.vtab_close(cursor));
    }

    fn filter(
        &self,
        cursor: u64,
        idx_num: i32,
        idx_str: Option<&str>,
        args: &[sqlink_sqlite::ValueRef<'_>],
        arg_subtypes: &[(u32, u8)],
        in_lists: &[(u32, Vec<sqlink_sqlite::Value>)],
        columns: u64,
        max_rows: u32,
    ) -> Result<Batch, sqlink_sqlite::Error> {
        let args: Vec<ValueRef<'_>> = args.iter().map(|&v| v.into()).collect();
        let in_lists: Vec<(u32, Vec<ValueRef<'_>>)> = in_lists.iter().map(|(at, list)| (*at, list.iter().map(|v| v.as_ref().into()).collect())).collect();
        let rows = self.call(|inst| inst.vtab_filter(cursor, idx_num, idx_str, &args, arg_subtypes, &in_lists, columns, max_rows));
        self.batch(rows, columns)
    }

    fn fetch(&self, cursor: u64, max_rows: u32, columns: u64) -> Result<Batch, sqlink_sqlite::Error> {
        let rows = self.call(|inst| inst.vtab_fetch(cursor, max_rows));
        self.batch(rows, columns)
    }

    fn update(&self, table: u64, change: Change, context: WriteContext) -> Result<Option<i64>, sqlink_sqlite::Error> {
        let values = |v: &[sqlink_sqlite::Value]| v.iter().map(to_wit).collect();
        let change = match &change {
            Change::Delete(rowid) => wit::RowChange::Delete(*rowid),
            Change::Insert(rowid, v) => wit::RowChange::Insert((*rowid, values(v))),
            Change::Update(old, new, v) => wit::RowChange::Update((*old, *new, values(v))),
        };
        let context = wit::WriteContext { on_conflict: context.on_conflict, subtypes: context.subtypes, unchanged: context.unchanged };
        self.call(|inst| inst.vtab_update(table, change, context))
    }

    fn transaction(&self, table: u64, step: TxnStep) -> Result<(), sqlink_sqlite::Error> {
        let step = match step {
            TxnStep::Begin => WitStep::Begin,
            TxnStep::Sync => WitStep::Sync,
            TxnStep::Commit => WitStep::Commit,
            TxnStep::Rollback => WitStep::Rollback,
        };
        self.call(|inst| inst.vtab_txn(table, step))
    }

    fn rename(&self, table: u64, new_name: &str) -> Result<(), sqlink_sqlite::Error> {
        self.call(|inst| inst.vtab_rename(table, new_name))
    }
}
