//! Functions whose body is SQL, declared at run time through SPI
//! (`declare-function` with a `sql` body). The host runs the SQL itself, on
//! the calling connection, without entering the extension — so such
//! functions may call each other.
//!
//! SQLite refuses to replace or delete a function while any statement runs,
//! which is always the case when `define()`/`undefine()` are called from
//! SQL. So the body lives in a shared slot: redefining swaps it, forgetting
//! empties it (the function then reports it was removed) until SQLite lets
//! the registration go.

use super::{arguments, guard};
use crate::error::Error;
use sqlink_sqlite::{ffi, spi};
use std::ffi::c_int;

/// The body of a SQL-bodied function; `None` once forgotten.
pub(crate) type BodySlot = std::sync::Arc<std::sync::Mutex<Option<String>>>;

/// User data of a SQL-bodied function.
pub(crate) struct SqlBody {
    pub name: String,
    pub sql: BodySlot,
}

pub(crate) unsafe extern "C" fn call(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract; the user data is a `SqlBody`.
    unsafe {
        let body = &*ffi::sqlite3_user_data(ctx).cast::<SqlBody>();
        let argv = arguments(argc, argv);
        guard(ctx, || {
            let sql = body.sql.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let Some(sql) = sql else {
                return Err(Error::new(format!("function {} was removed", body.name)));
            };
            super::spi::guarded(|| Ok(spi::call_sql_body(ctx, &sql, argv)?))
        })
    }
}
