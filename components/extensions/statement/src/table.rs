//! The `statement` module: a table whose rows are one statement's rows and
//! whose HIDDEN columns are its parameters, run on the calling connection
//! through SPI. The statement, plan and scan are `sqlink-query-vtab`'s
//! (shared with `define`); this table keeps nothing else.

use sqlink_query_vtab::{Query, Scanned, Spi};
use sqlink_sdk::prelude::*;

/// One table: its statement and its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement(Query);

impl Table for Statement {
    type Rows = Scanned;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let (schema, query) = Query::compile::<Spi>(sqlink_query_vtab::body(&args.arguments)?)?;
        Ok((schema, Statement(query)))
    }

    /// Only `=` constraints bind parameters (a function's arguments are);
    /// any other constraint on a parameter column makes the plan unusable.
    /// Constraints on result columns are left to SQLite.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        self.0.plan(info)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        self.0.scan::<Spi>(scan)
    }
}

/// Created with `CREATE VIRTUAL TABLE` only (the reference's module is not
/// eponymous); it keeps nothing, so creating is connecting.
impl CreateTable for Statement {}
