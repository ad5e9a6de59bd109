//! Serving SQL that an extension runs in the middle of a call (see
//! wit/engine/relay.wit): a call the host suspended ends with the code
//! [`SUSPENDED`]; the SQL it asked for runs here, on the connection whose
//! statement made the call, under the spi guard; then the call is made
//! again and returns what the extension returned.

use crate::bindings::sqlink::engine::relay::{self, Answer, Request, Rows};
use crate::bindings::sqlink::extension::types::{Outcome, SqlError, SubtypedOutcome};
use crate::callbacks::IntoWit;
use sqlink_sqlite::{Db, ValueRef, ffi, spi};

/// The code of a call the host suspended (no SQLite result code is this).
pub(crate) const SUSPENDED: i32 = i32::MIN;

/// An import call's result that may stand for a suspended call.
pub(crate) trait Suspendable {
    fn suspended(&self) -> bool;
}

impl Suspendable for Outcome {
    fn suspended(&self) -> bool {
        matches!(self, Outcome::Error(SUSPENDED))
    }
}

impl Suspendable for SubtypedOutcome {
    fn suspended(&self) -> bool {
        self.value.suspended()
    }
}

/// A `step`/`inverse` status.
impl Suspendable for i32 {
    fn suspended(&self) -> bool {
        *self == SUSPENDED
    }
}

impl<T> Suspendable for Result<T, SqlError> {
    fn suspended(&self) -> bool {
        matches!(self, Err(e) if e.code == SUSPENDED)
    }
}

/// Makes import call `call` for a statement of `db`, serving the SQL of
/// the extension's call whenever the host suspends it.
#[inline]
pub(crate) fn relayed<R: Suspendable>(db: Db, mut call: impl FnMut() -> R) -> R {
    loop {
        let result = call();
        if !result.suspended() {
            return result;
        }
        serve(db);
    }
}

/// Runs every request of the suspended call, until it has returned.
#[cold]
fn serve(db: Db) {
    while let Some(request) = relay::next() {
        let answer = crate::guard::as_extension(|| answer(db, request));
        relay::reply(&answer);
    }
}

fn answer(db: Db, request: Request) -> Answer {
    match request {
        Request::Query(q) => {
            let params: Vec<ValueRef<'_>> = q.params.iter().map(crate::engine::from_value).collect();
            Answer::Query(spi::query(db, &q.sql, &params).map(rows).map_err(failed))
        }
        Request::Execute(sql) => Answer::Execute(spi::execute(db, &sql).map(|all| all.into_iter().map(rows).collect()).map_err(failed)),
        Request::ParameterCount(sql) => Answer::ParameterCount(spi::parameter_count(db, &sql).map(|n| n as u32).map_err(failed)),
    }
}

fn rows(r: spi::Rows) -> Rows {
    Rows { columns: r.columns, rows: r.rows.into_iter().map(|row| row.into_iter().map(IntoWit::into_wit).collect()).collect() }
}

/// An error of the extension's SQL; what the spi guard refused fails with
/// SQLITE_AUTH and the guard's reason.
fn failed(e: sqlink_sqlite::Error) -> SqlError {
    match crate::guard::take_refusal() {
        Some(reason) => SqlError { code: ffi::SQLITE_AUTH, message: reason },
        None => SqlError { code: e.code, message: e.message },
    }
}
