//! `guard`: access rules for the SQL of one connection, enforced by
//! SQLite's authorizer. sqlink's own extension (no reference has it); it
//! exists to prove the authorizer surface (`#[authorizer]`).
//!
//! ```sql
//! select guard_deny('payroll');              -- the table may not be used
//! select guard_deny('users', 'password');    -- the column may not be read or set
//! select guard_hide('users', 'email');       -- the column reads as NULL
//! select * from guard_rules;                 -- deny|payroll|NULL ...
//! select guard_allow('users');               -- remove the rules of users
//! select guard_clear();                      -- remove every rule
//! ```
//!
//! * `guard_deny(table)`: any statement that reads, writes or changes the
//!   table fails: reading any column (or none, as `count(*)` does),
//!   INSERT, UPDATE, DELETE, DROP TABLE, ALTER TABLE, CREATE or DROP of an
//!   index or trigger on it, ANALYZE of it (a bare `ANALYZE`, which
//!   analyzes every table, fails too).
//! * `guard_deny(table, column)`: any statement that reads the column, or
//!   sets it with UPDATE, fails.
//! * `guard_hide(table, column)`: the column reads as NULL everywhere
//!   (select list, WHERE, joins, ORDER BY, trigger bodies): the authorizer
//!   answers IGNORE to reading it. Setting it is allowed.
//! * While any rule names a table, VACUUM (and VACUUM INTO) fails with
//!   `not authorized`: SQLite rebuilds the database by copying each table
//!   with SQL the authorizer sees, which would copy a hidden column as NULL
//!   and lose its values for good, so the guard refuses that copy.
//! * `guard_allow(table)` removes every rule of the table (its columns'
//!   included) and `guard_allow(table, column)` those of the column; both
//!   return how many rules went. `guard_clear()` removes all of them and
//!   returns how many.
//! * `guard_deny` and `guard_hide` return 1 for a new rule, 0 when the same
//!   rule was already there.
//! * `guard_rules` (an eponymous table): `kind` (`deny` or `hide`), `tbl`,
//!   `col` (NULL for a table rule), by table, then column, then kind.
//!
//! When several rules apply, deny beats hide. A denied statement fails with
//! SQLite's authorization error (`SQLITE_AUTH`): `access to t.c is
//! prohibited` for reading a column, `not authorized` for everything else.
//!
//! Names are those SQLite stores (no quotes) and compare as SQLite compares
//! identifiers: ASCII letters ignoring case, anything else exactly. A rule
//! names a table without its database and applies in every database of the
//! connection (`main`, `temp`, attached ones, so attaching the same file
//! under another name does not get around it); a name with a dot is refused
//! rather than silently guarding nothing (so a table whose name really has
//! a dot cannot be guarded). A table or column name must be
//! non-empty text: NULL, numbers and blobs are errors.
//!
//! The functions that change rules are `DIRECT_ONLY`: they can be called
//! from top-level SQL only, never from a view, a trigger, a CHECK
//! constraint or an index, so a database's schema cannot switch the guard
//! off when someone uses it. None is `DETERMINISTIC`.
//!
//! # What it protects, and what not
//! The guard is a policy for the SQL that this connection compiles, not a
//! sandbox. It covers every statement prepared on the connection after the
//! rule was made, whoever wrote it: typed SQL, views and triggers (their
//! reads and writes are checked with the tables they reach), and other
//! extensions' SQL through SPI.
//!
//! It does not protect against:
//! * Anyone who can run SQL on the connection: `guard_allow()` and
//!   `guard_clear()` are as reachable as the rules they remove. Use it to
//!   keep honest code (a reporting tool, a generated query, a schema you
//!   do not control) away from data, not to contain a hostile user.
//! * Statements prepared before a rule changed: SQLite asks the authorizer
//!   while it compiles a statement, so a statement compiled earlier (an
//!   application's cached statement) keeps the decisions it was compiled
//!   with, until the schema changes and SQLite recompiles it.
//! * Anything outside the connection: other connections and processes, the
//!   database file itself, and page-by-page copies of it (the backup API,
//!   the shell's `.backup`) hold every row; and the schema (`sqlite_schema`,
//!   `PRAGMA table_info`) still shows names, defaults and CHECK
//!   constraints.
//! * What SQLite's authorizer does not tell apart: INSERT and DELETE are
//!   table-wide, so a column rule does not stop an INSERT giving the column
//!   a value, nor a DELETE (unless its WHERE reads the column); ALTER TABLE
//!   (including DROP COLUMN) is table-wide too. A hidden column reads NULL
//!   on the right of SET as well: `UPDATE t SET c = c || 'x'` stores NULL.
//! * Views as such: rules name tables. A view is guarded by the rules of the
//!   tables it reads; a rule naming a view matches nothing. The rowid of a
//!   table with an INTEGER PRIMARY KEY is that column to the authorizer
//!   (deny the column to guard `rowid`); other tables report it as `ROWID`.
//! * A host that does not serve authorizers (`sqlink --engine wasm` and
//!   composed builds, today; the former warns when loading): the functions
//!   make rules and `guard_rules` lists them, but nothing enforces them.
//!
//! # State and restarts
//! The rules live in the memory of this connection's instance of the
//! extension, and only there: a new connection starts with none. When a
//! call traps (a crash, the CPU or memory limit), the host rebuilds the
//! instance (a trap while authorizing denies that action) and the rules
//! are gone: the guard allows everything from then on, without another
//! word. After an error saying the extension was restarted, check
//! `guard_rules` and make the rules again.

mod rules;

use rules::{Access, Rules};
use sqlink_sdk::authorizer::Action;
use sqlink_sdk::{Error, Value};
use std::cell::RefCell;

thread_local! {
    /// The connection's rules. An instance of the extension serves one
    /// connection, on one thread, so these are that connection's rules.
    static RULES: RefCell<Rules> = RefCell::new(Rules::new());
}

/// Runs `f` on the rules.
fn with_rules<R>(f: impl FnOnce(&mut Rules) -> R) -> R {
    RULES.with(|rules| f(&mut rules.borrow_mut()))
}

/// Access rules for this connection's SQL: deny a table or a column, or
/// make a column read as NULL.
#[sqlink_sdk::extension(name = "guard")]
mod guard_ext {
    use super::{name, with_rules};
    use crate::rules::{Kind, Rules, Verdict};
    use sqlink_sdk::prelude::*;

    /// Answers SQLite's authorizer from the rules.
    #[authorizer]
    fn authorize(action: &Action) -> Decision {
        let Some(access) = super::access(action) else { return Decision::Allow };
        match with_rules(|rules| rules.decide(access)) {
            Verdict::Allow => Decision::Allow,
            Verdict::Ignore => Decision::Ignore,
            Verdict::Deny => Decision::Deny,
        }
    }

    /// Denies a table: any statement reading or changing it fails. With a
    /// column, denies reading or updating that column. Returns 1 for a new
    /// rule, 0 if it was already there. Top-level SQL only.
    #[function(direct_only)]
    fn guard_deny(table: &Value, #[optional] column: Option<&Value>) -> Result<i64> {
        let table = name("guard_deny", "table", table)?;
        let column = column.map(|c| name("guard_deny", "column", c)).transpose()?;
        Ok(with_rules(|rules| rules.add(Kind::Deny, table, column)).into())
    }

    /// Hides a column: it reads as NULL. Returns 1 for a new rule, 0 if it
    /// was already there. Top-level SQL only.
    #[function(direct_only)]
    fn guard_hide(table: &Value, column: &Value) -> Result<i64> {
        let table = name("guard_hide", "table", table)?;
        let column = name("guard_hide", "column", column)?;
        Ok(with_rules(|rules| rules.add(Kind::Hide, table, Some(column))).into())
    }

    /// Removes the rules of a table (its columns' included), or with a
    /// column those of the column; returns how many were removed.
    /// Top-level SQL only.
    #[function(direct_only)]
    fn guard_allow(table: &Value, #[optional] column: Option<&Value>) -> Result<i64> {
        let table = name("guard_allow", "table", table)?;
        let column = column.map(|c| name("guard_allow", "column", c)).transpose()?;
        Ok(with_rules(|rules| rules.remove(table, column)) as i64)
    }

    /// Removes every rule; returns how many there were. Top-level SQL only.
    #[function(direct_only)]
    fn guard_clear() -> i64 {
        with_rules(Rules::clear) as i64
    }

    /// The rules in force: kind ('deny' or 'hide'), tbl, col (NULL for a
    /// rule on the whole table); by table, then column, then kind.
    #[table(name = "guard_rules", columns = "kind, tbl, col")]
    fn guard_rules() -> impl Iterator<Item = (&'static str, String, Option<String>)> {
        with_rules(|rules| rules.sorted()).into_iter().map(|r| (r.kind.as_str(), r.table, r.column))
    }
}

/// What `action` wants from a table, for the actions rules are about (see
/// the table of `sqlite3_set_authorizer` for where each names its table);
/// None for the others (PRAGMA, ATTACH, CREATE TABLE, FUNCTION, ...).
fn access(action: &Action) -> Option<Access<'_>> {
    let (arg1, arg2) = (action.arg1.as_deref(), action.arg2.as_deref());
    Some(match action.code {
        Action::INSERT if vacuuming_into(action.database.as_deref()) => Access::VacuumCopy { table: arg1? },
        Action::READ => Access::Read { table: arg1?, column: arg2.unwrap_or("") },
        Action::UPDATE => Access::Update { table: arg1?, column: arg2? },
        // The table is the first detail...
        Action::INSERT | Action::DELETE | Action::DROP_TABLE | Action::DROP_TEMP_TABLE | Action::DROP_VTABLE | Action::ANALYZE => {
            Access::Table { table: arg1? }
        }
        // ...or the second, after the database (ALTER TABLE) or the index
        // or trigger name.
        Action::ALTER_TABLE
        | Action::CREATE_INDEX
        | Action::CREATE_TEMP_INDEX
        | Action::DROP_INDEX
        | Action::DROP_TEMP_INDEX
        | Action::CREATE_TRIGGER
        | Action::CREATE_TEMP_TRIGGER
        | Action::DROP_TRIGGER
        | Action::DROP_TEMP_TRIGGER => Access::Table { table: arg2? },
        _ => return None,
    })
}

/// Whether `database` is the one VACUUM rebuilds the database in: SQLite
/// attaches it as `vacuum_` and 16 hex digits, and copies each table into
/// it with `INSERT INTO vacuum_....t SELECT * FROM main.t`.
fn vacuuming_into(database: Option<&str>) -> bool {
    let digits = database.and_then(|d| d.strip_prefix("vacuum_"));
    digits.is_some_and(|d| d.len() == 16 && d.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Argument `what` ("table" or "column") of `function` as a name: non-empty
/// text without a dot.
fn name<'v>(function: &str, what: &str, value: &'v Value) -> Result<&'v str, Error> {
    let text = match value {
        Value::Text(t) => std::str::from_utf8(t)
            .map_err(|_| Error::with_code(Error::MISMATCH, format!("{function}(): the {what} name is not valid UTF-8")))?,
        other => {
            return Err(Error::with_code(Error::MISMATCH, format!("{function}(): the {what} name must be text, got {}", other.describe())));
        }
    };
    if text.is_empty() {
        return Err(Error::new(format!("{function}(): the {what} name is empty")));
    }
    if let Some((_, last)) = text.rsplit_once('.') {
        let within = if what == "table" { "a table without its database" } else { "a column without its table" };
        return Err(Error::new(format!("{function}(): '{text}' has a dot: name {within} ('{last}')")));
    }
    Ok(text)
}

#[cfg(test)]
mod tests;
