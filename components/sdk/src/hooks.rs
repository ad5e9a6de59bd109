//! Connection hooks: what an extension's `#[on_update]`, `#[on_commit]`
//! and `#[on_rollback]` functions receive.
//!
//! ```ignore
//! /// Counts the rows this connection changed.
//! #[on_update]
//! fn changed(change: Change, database: &str, table: &str, rowid: i64) { ... }
//!
//! /// Refuses to commit while something is pending; true vetoes the commit
//! /// (it becomes a rollback).
//! #[on_commit]
//! fn committing() -> bool { false }
//!
//! #[on_rollback]
//! fn rolled_back() { ... }
//! ```
//!
//! SQLite forbids using the connection from inside these hooks, so an
//! extension should only take note here and act later.

/// How a row of a rowid table changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    Insert,
    Update,
    Delete,
}

impl Change {
    /// The name SQLite's documentation uses: `INSERT`, `UPDATE`, `DELETE`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Insert => "INSERT",
            Change::Update => "UPDATE",
            Change::Delete => "DELETE",
        }
    }
}
