//! An extension's `spi` and `blob` requests, served on the connection: from inside a
//! call the host suspended (`relay`), or outside any statement
//! (`connection.serve`). Always as the extension's own SQL, under the spi
//! guard.

use crate::bindings::sqlink::engine::relay::{Answer, Location, Request, Rows};
use crate::bindings::sqlink::extension::types::SqlError;
use crate::callbacks::IntoWit;
use sqlink_sqlite::{Db, ValueRef, blob, ffi, spi};

/// Runs `request` on `db`.
pub(crate) fn serve(db: Db, request: Request) -> Answer {
    sqlink_sqlite::spi_guard::guarded(|| match request {
        Request::Query(q) => {
            let params: Vec<ValueRef<'_>> = q.params.iter().map(crate::engine::from_value).collect();
            Answer::Query(spi::query(db, &q.sql, &params).map(rows).map_err(failed))
        }
        Request::Execute(sql) => Answer::Execute(spi::execute(db, &sql).map(|all| all.into_iter().map(rows).collect()).map_err(failed)),
        Request::ParameterCount(sql) => Answer::ParameterCount(spi::parameter_count(db, &sql).map(|n| n as u32).map_err(failed)),
        Request::DeclareFunction(f) => Answer::DeclareFunction(crate::declared::declare(db, f)),
        Request::ForgetFunction(f) => Answer::ForgetFunction(crate::declared::forget(db, &f.name, f.arity)),
        Request::BlobSize(at) => Answer::BlobSize(blob::size(db, &located(&at)).map_err(failed)),
        Request::BlobRead(r) => Answer::BlobRead(blob::read(db, &located(&r.at), r.offset, r.length).map_err(failed)),
        Request::BlobWrite(w) => Answer::BlobWrite(blob::write(db, &located(&w.at), w.offset, &w.data).map_err(failed)),
    })
}

fn located(at: &Location) -> blob::Location<'_> {
    blob::Location { database: &at.database, table: &at.table, column: &at.column, rowid: at.rowid }
}

fn rows(r: spi::Rows) -> Rows {
    Rows { columns: r.columns, declared_types: r.declared_types, rows: r.rows.into_iter().map(|row| row.into_iter().map(IntoWit::into_wit).collect()).collect() }
}

/// An error of the extension's SQL; what the spi guard refused fails with
/// SQLITE_AUTH and the guard's reason.
pub(crate) fn failed(e: sqlink_sqlite::Error) -> SqlError {
    match sqlink_sqlite::spi_guard::take_refusal() {
        Some(reason) => SqlError { code: ffi::SQLITE_AUTH, message: reason },
        None => SqlError { code: e.code, message: e.message },
    }
}
