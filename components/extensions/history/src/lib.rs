//! `history`: the row changes of the connection, readable as a table, with
//! the transaction each belongs to and what became of it. sqlink's own
//! extension (no reference has it); it exists to prove the connection
//! hooks (`#[on_update]`, `#[on_commit]`, `#[on_rollback]`).
//!
//! ```sql
//! create table t(x);
//! begin; insert into t values (1); update t set x = 2; commit;
//! begin; delete from t where x = 2; rollback;
//! select op, tbl, row, state from history;
//! -- INSERT|t|1|committed
//! -- UPDATE|t|1|committed
//! -- DELETE|t|1|rolled back
//! ```
//!
//! * `history` (an eponymous table, no arguments): one row per change,
//!   oldest first, with columns `id` (sequence number, from 1), `txn`
//!   (transaction number, from 1), `op` (`INSERT`, `UPDATE` or `DELETE`),
//!   `db` (`main`, `temp` or an attached name), `tbl`, `row` (the rowid)
//!   and `state`: `pending` while the transaction is open, then
//!   `committed` or `rolled back`.
//! * `history_clear()` forgets every entry and returns how many it dropped.
//! * `history_limit(n)` keeps at most the last `n` entries (100000 unless
//!   changed; 0 keeps none) and returns the previous limit;
//!   `history_limit()` returns the limit without changing it.
//!
//! # How it works
//! The update hook records each change as `pending` in a log kept in the
//! extension's memory; the commit hook marks the open transaction's entries
//! `committed`, the rollback hook `rolled back`. SQLite forbids using the
//! connection inside its hooks, so they only record: nothing is written to
//! the database, and reading `history` reads that log (a snapshot taken
//! when the scan starts, so `INSERT INTO t SELECT ... FROM history` does
//! not read its own inserts).
//!
//! A statement outside `BEGIN ... COMMIT` is a transaction of its own, so
//! its changes are committed (or rolled back) by the time it returns.
//! Transaction numbers count only the transactions that changed a row the
//! update hook reports. Ids count every change heard, kept or not: a gap
//! between ids means the limit or `history_clear()` dropped entries. The
//! numbering goes on after `history_clear()` (nothing is reused).
//!
//! The log holds the changes of this connection, whoever made them (plain
//! SQL, triggers, other extensions through SPI); other connections to the
//! same database are not heard. Nothing here is `DETERMINISTIC`: every
//! call and scan reads or changes the log.
//!
//! # What SQLite does not report
//! The log is what SQLite's hooks say, so it misses what they miss:
//! * The update hook is not called for `WITHOUT ROWID` tables, for internal
//!   tables (`sqlite_sequence`, `sqlite_schema`: schema changes are not row
//!   changes), for virtual tables (one that keeps its rows in ordinary
//!   tables, as FTS5 does, shows up as changes to those: `f_data`,
//!   `f_content`...), for rows that `REPLACE` conflict resolution deletes,
//!   nor for `DELETE FROM t` when SQLite uses the truncate optimization (no
//!   `WHERE`, no triggers): that statement empties the table with no
//!   entries at all.
//! * `ROLLBACK TO` a savepoint, and a statement that fails inside an open
//!   transaction, undo changes without calling the rollback hook: their
//!   entries stay `pending` and become `committed` with the transaction.
//! * The commit hook runs just before the commit is written. If writing it
//!   then fails (a busy or full disk), the entries already read
//!   `committed`. Commit hooks of several extensions run in load order
//!   until one vetoes: an extension loaded after `history` that vetoes
//!   turns the commit into a rollback after `history` has marked the
//!   entries `committed`, and they stay so. Load `history` after any
//!   extension that may veto commits.
//!
//! # State and restarts
//! The log lives in the memory of this connection's instance of the
//! extension, and only there: closing the connection or unloading the
//! extension forgets it. When a call traps (a crash, the CPU or memory
//! limit), the host rebuilds the instance and the log is lost: `history`
//! is empty, ids and transaction numbers start again at 1, the limit is
//! back to 100000, and the changes still to come of a transaction that was
//! open count as a new transaction.
//!
//! A host that does not serve connection hooks (`sqlink --engine wasm` and
//! composed builds, today; the former warns when loading) registers the
//! table and the functions, but `history` stays empty.
//!
//! A table of the database named `history` hides this one (SQLite looks up
//! the database's tables first); the qualified name `history__history`
//! always reaches it.

mod log;

use log::Log;
use sqlink_sdk::{Error, Value};
use std::cell::RefCell;

thread_local! {
    /// The connection's change log. An instance of the extension serves one
    /// connection, on one thread, so this is that connection's log.
    static LOG: RefCell<Log> = RefCell::new(Log::new());
}

/// Runs `f` on the log.
fn with_log<R>(f: impl FnOnce(&mut Log) -> R) -> R {
    LOG.with(|log| f(&mut log.borrow_mut()))
}

/// The row changes of the connection (INSERT, UPDATE, DELETE), kept in
/// memory with their transaction and its fate.
#[sqlink_sdk::extension(name = "history")]
mod history_ext {
    use super::with_log;
    use crate::log::Log;
    use sqlink_sdk::prelude::*;

    /// A row of a rowid table changed: recorded as `pending`.
    #[on_update]
    fn heard(change: Change, database: &str, table: &str, rowid: i64) {
        with_log(|log| log.record(change.as_str(), database, table, rowid));
    }

    /// The transaction commits: its entries become `committed`. Never
    /// vetoes.
    #[on_commit]
    fn committing() -> bool {
        with_log(Log::commit);
        false
    }

    /// The transaction rolled back: its entries become `rolled back`.
    #[on_rollback]
    fn rolled_back() {
        with_log(Log::rollback);
    }

    /// The row changes of this connection, oldest first: id (sequence
    /// number), txn (transaction number), op ('INSERT', 'UPDATE' or
    /// 'DELETE'), db, tbl, row (the rowid) and state ('pending' until the
    /// transaction ends, then 'committed' or 'rolled back').
    #[table(name = "history", columns = "id, txn, op, db, tbl, row, state")]
    fn history() -> impl Iterator<Item = (i64, i64, &'static str, String, String, i64, &'static str)> {
        with_log(|log| log.snapshot())
            .into_iter()
            .map(|e| (e.id, e.txn, e.op, e.db.to_string(), e.tbl.to_string(), e.row, e.state.as_str()))
    }

    /// Forgets every change kept; returns how many were dropped.
    #[function]
    fn history_clear() -> i64 {
        with_log(Log::clear) as i64
    }

    /// Keeps at most the last n changes (100000 unless changed; 0 keeps
    /// none), dropping older ones now; returns the previous limit. Without
    /// an argument, returns the limit. An error for NULL, a negative number
    /// or a non-integer.
    #[function]
    fn history_limit(#[optional] n: Option<&Value>) -> Result<i64> {
        match n {
            None => Ok(with_log(|log| log.limit()) as i64),
            Some(n) => {
                let limit = super::limit_argument(n)?;
                Ok(with_log(|log| log.set_limit(limit)) as i64)
            }
        }
    }
}

/// The argument of `history_limit(n)`: a non-negative integer (a real with
/// no fractional part counts, so `1e6` works).
fn limit_argument(n: &Value) -> Result<u64, Error> {
    let n = match n {
        Value::Integer(i) => *i,
        Value::Real(r) if r.fract() == 0.0 && r.abs() < 9.2e18 => *r as i64,
        other => {
            let why = format!("history_limit(): the limit must be a non-negative integer, got {}", other.describe());
            return Err(Error::with_code(Error::MISMATCH, why));
        }
    };
    u64::try_from(n)
        .map_err(|_| Error::with_code(Error::RANGE, format!("history_limit(): the limit must be a non-negative integer, got {n}")))
}

#[cfg(test)]
mod tests;
