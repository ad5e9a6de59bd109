//! Virtual tables and table-valued functions defined by one SQL statement,
//! compatible with 0x09/sqlite-statement-vtab (commit 79655f3): same module
//! name, argument, schema, parameter binding and errors.
//!
//! `CREATE VIRTUAL TABLE f USING statement((SELECT ...))` makes `f` a table
//! whose columns are the statement's result columns and whose HIDDEN
//! columns are its parameters (`:x`, `@x`, `$x` named `x`; `?` and `?NNN`
//! named by number), so `SELECT * FROM f(1, 2)` or
//! `SELECT * FROM f WHERE x = 1` runs the statement with those values bound.
//! Runs the statement on the calling connection through SPI, so it needs
//! the `spi` grant.
//!
//! As the reference, each result column is declared with its declared type
//! (`sqlite3_column_decltype`, e.g. `INTEGER` for a column read straight
//! from a table, nothing for an expression), which `pragma table_info` and
//! comparisons' affinity see. An error while the statement runs (e.g. `malformed JSON`) keeps
//! SQLite's message; the reference loses it and reports only the code's
//! generic text (`SQL logic error`).

pub mod table;

/// Tables defined by a statement.
#[sqlink_sdk::extension(name = "statement", capabilities = ["spi"])]
mod statement_ext {
    /// A table defined by a statement:
    /// `CREATE VIRTUAL TABLE f USING statement((SELECT ...))`. Its rows are
    /// the statement's rows (numbered 1, 2, 3...), its parameters its
    /// arguments and HIDDEN columns; parameters given no value are NULL.
    /// Errors: `no statement provided`, `statement must be parenthesized`,
    /// `Statement must be read only.`, or SQLite's own message when the
    /// statement does not compile.
    #[vtab(name = "statement")]
    pub type Statement = crate::table::Statement;
}
