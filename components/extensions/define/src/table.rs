//! sqlean's table-valued functions: `CREATE VIRTUAL TABLE f USING
//! define((SELECT ...))` makes `f` a table whose rows are the statement's
//! rows and whose HIDDEN columns are its parameters, so `f(a, b)` runs the
//! statement with `a` and `b` bound, in the order the parameters appear.
//!
//! As sqlean's module does: the table lives in the schema, so it comes back
//! on every connection that loads the extension (connecting prepares the
//! statement again); creating or connecting saves it in `sqlean_define`
//! (type `table`, body the parenthesised argument) unless a definition of
//! that name is there; the statement must be read-only; parameters without
//! a value in a query are NULL; rows are numbered 1, 2, 3... Unlike
//! sqlean, `DROP TABLE f` removes `f`'s row from `sqlean_define` too.
//!
//! The statement, plan and scan are `sqlink-query-vtab`'s (sqlean's module
//! is sqlite-statement-vtab's, which the `statement` extension serves);
//! this table adds the saving and forgetting.

use crate::db::{self, Db};
use sqlink_query_vtab::{Query, Scanned};
use sqlink_sdk::prelude::*;

/// One table-valued function: its name, statement and shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Defined {
    /// The table's name (the function's).
    name: String,
    /// Its statement and shape.
    query: Query,
}

impl Table for Defined {
    type Rows = Scanned;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let body = sqlink_query_vtab::body(&args.arguments)?;
        let (schema, query) = Query::compile::<Db>(body)?;
        save(&args.table, &args.arguments[0])?;
        Ok((schema, Defined { name: args.table.clone(), query }))
    }

    /// Parameters may only be given with `=` (a function's arguments are);
    /// any other constraint on them makes the plan unusable. Constraints on
    /// result columns are left to SQLite.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        self.query.plan(info)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        self.query.scan::<Db>(scan)
    }
}

impl CreateTable for Defined {
    /// `DROP TABLE f` also removes `f` from `sqlean_define` (sqlean leaves
    /// the row): in sqlink it is how a table-valued function is undefined.
    fn destroy(&mut self) -> Result<()> {
        if matches!(crate::saved(&self.name)?, Some((kind, _)) if kind == "table") {
            db::query("delete from sqlean_define where name = ?1", &[Value::text(self.name.as_str())])?;
        }
        Ok(())
    }
}

/// Saves the table in `sqlean_define` (created if missing) unless a
/// definition of that name is there.
fn save(name: &str, body: &str) -> Result<()> {
    if crate::saved(name)?.is_some() {
        return Ok(());
    }
    db::execute(crate::TABLE)?;
    db::query(
        "insert into sqlean_define(name, type, body) values (?1, 'table', ?2) on conflict do nothing",
        &[Value::text(name), Value::text(body)],
    )?;
    Ok(())
}
