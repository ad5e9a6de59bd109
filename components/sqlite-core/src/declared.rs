//! Functions an extension declares at run time (`spi.declare-function`,
//! forwarded by the host as a relay request): registered on the connection
//! like the manifest's, with a body that calls the extension (`invoke`:
//! the id the host routes) or runs SQL on the calling connection.
//!
//! SQLite refuses to replace or delete a function while a statement runs,
//! which is always the case when an extension declares one from inside a
//! call. So a SQL body lives in a shared slot: declaring the function again
//! swaps it, forgetting empties it (the function then reports it was
//! removed) until SQLite lets the registration go.

use crate::bindings::sqlink::engine::relay::{DeclaredBody, DeclaredFunction};
use crate::bindings::sqlink::extension::types::SqlError;
use sqlink_sqlite::{Callbacks, Db, arguments, ffi, result, spi};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::c_int;
use std::rc::Rc;

/// The body of a SQL-bodied function; None once forgotten.
type BodySlot = Rc<RefCell<Option<String>>>;

/// A function declared on a connection: its name as declared, and the body
/// slot of a SQL-bodied one.
struct Declared {
    name: String,
    sql: Option<BodySlot>,
}

/// By connection, lowercase name and arity.
type Key = (usize, String, i32);

thread_local! {
    static DECLARED: RefCell<HashMap<Key, Declared>> = RefCell::new(HashMap::new());
}

fn key(db: Db, name: &str, arity: i32) -> Key {
    (db.raw() as usize, name.to_ascii_lowercase(), arity)
}

fn error(message: String) -> SqlError {
    SqlError { code: ffi::SQLITE_ERROR, message }
}

/// Forgets what was declared on a connection at this address before (a
/// connection just opened has nothing declared).
pub(crate) fn clear(db: Db) {
    let at = db.raw() as usize;
    DECLARED.with(|d| d.borrow_mut().retain(|k, _| k.0 != at));
}

/// Declares `f` on `db`.
pub(crate) fn declare(db: Db, f: DeclaredFunction) -> Result<(), SqlError> {
    let sql_body = match &f.body {
        DeclaredBody::Sql(sql) => Some(sql.as_str()),
        DeclaredBody::Invoke(_) => None,
    };
    spi::check_declaration(db, &f.name, f.arity, sql_body).map_err(crate::spi::failed)?;
    let key = key(db, &f.name, f.arity);
    DECLARED.with(|declared| {
        let mut declared = declared.borrow_mut();
        if let (Some(Declared { sql: Some(slot), .. }), DeclaredBody::Sql(sql)) = (declared.get(&key), &f.body) {
            *slot.borrow_mut() = Some(sql.clone());
            return Ok(());
        }
        if !declared.contains_key(&key) && db.function_exists(&f.name, f.arity) {
            return Err(error(format!("function {} already exists; choose another name", f.name)));
        }
        let flags = crate::extension::sqlite_flags(f.flags, false);
        let slot = match f.body {
            DeclaredBody::Invoke(id) => {
                let subtyped = crate::extension::subtyped(f.flags);
                crate::callbacks::create_scalar(db, &f.name, f.arity, flags, id, subtyped).map_err(|e| error(e.message))?;
                None
            }
            DeclaredBody::Sql(sql) => {
                let slot: BodySlot = Rc::new(RefCell::new(Some(sql)));
                let body = Box::new(SqlBody { name: f.name.clone(), sql: slot.clone() });
                db.create_function(&f.name, f.arity, flags, body, Callbacks::Scalar(call_sql_body)).map_err(|e| error(e.message))?;
                Some(slot)
            }
        };
        declared.insert(key, Declared { name: f.name, sql: slot });
        Ok(())
    })
}

/// Removes a function `declare` registered.
pub(crate) fn forget(db: Db, name: &str, arity: i32) -> Result<(), SqlError> {
    let key = key(db, name, arity);
    DECLARED.with(|declared| {
        let mut declared = declared.borrow_mut();
        let Some(entry) = declared.get(&key) else {
            return Err(error(format!("function {name} was not declared by this extension")));
        };
        if let Some(slot) = &entry.sql {
            *slot.borrow_mut() = None;
        }
        // Succeeds only when no statement runs; otherwise the emptied body
        // answers until the function is declared again.
        if db.delete_function(&entry.name, arity).is_ok() {
            declared.remove(&key);
        }
        Ok(())
    })
}

/// User data of a SQL-bodied function.
struct SqlBody {
    name: String,
    sql: BodySlot,
}

unsafe extern "C" fn call_sql_body(ctx: *mut ffi::sqlite3_context, argc: c_int, argv: *mut *mut ffi::sqlite3_value) {
    // SAFETY: SQLite's callback contract; the user data is a `SqlBody`.
    unsafe {
        let body = &*ffi::sqlite3_user_data(ctx).cast::<SqlBody>();
        let argv = arguments(argc, argv);
        let Some(sql) = body.sql.borrow().clone() else {
            return result::error(ctx, ffi::SQLITE_ERROR, &format!("function {} was removed", body.name));
        };
        if let Err(e) = sqlink_sqlite::spi_guard::guarded(|| spi::call_sql_body(ctx, &sql, argv)) {
            let e = crate::spi::failed(e);
            result::error(ctx, e.code, &e.message);
        }
    }
}
