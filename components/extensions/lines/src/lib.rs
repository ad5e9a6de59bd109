//! One row per line of a document or a file, compatible with
//! asg017/sqlite-lines v0.2.2 (commit 7d21410): same names, columns,
//! arguments, rowids, plans, results and error messages.
//!
//! * `lines(document[, delimiter])`: the lines of a text or blob (numbers
//!   read as their text). Table `(line text, document hidden, delimiter
//!   hidden)`.
//! * `lines_read(path[, delimiter])`: the lines of a file, streamed: the
//!   file is read as rows are asked for, never whole, and a line longer
//!   than SQLite's default length limit is counted, not kept. Table
//!   `(line text, path hidden, delimiter hidden)`.
//! * `lines_version()`, `lines_debug()`: the sqlite-lines version this is
//!   compatible with, and build details.
//!
//! Rows are numbered from 1 (`rowid`). The delimiter is one byte, `\n` by
//! default; it is cut from each line, with the `\r` of a `\r\n` when it is
//! `\n`. Lines are TEXT with the input's bytes as they are (invalid UTF-8
//! and NULs included).
//!
//! Quirks kept from sqlite-lines:
//! * `document` always reads as `''`; `path` reads the path, `delimiter`
//!   the delimiter.
//! * `lines(NULL)` gives no rows; `lines_read(NULL)` is the error `path is
//!   null`; a path that cannot be opened is `Error reading PATH: REASON`
//!   (C's strerror text); a directory gives no rows.
//! * A delimiter that is not exactly one byte is `Delimiter must be 1
//!   character long, got N characters` (NULL is 0 characters).
//! * A last line without a delimiter keeps a trailing `\r`.
//! * `WHERE rowid = N` reads lines up to line N only (EXPLAIN QUERY PLAN
//!   shows `INDEX 2:RP0`; a full scan is `INDEX 1:P00`), N read as a C
//!   `int` (truncated to 32 bits). N below 1 gives line 1, and N past the
//!   end is the error `line N has a size of -1 bytes, but
//!   SQLITE_LIMIT_LENGTH is 1000000000`.
//! * Without a document or path the statement fails with `path argument
//!   is required` (for `lines` too); a constraint other than `=` on the
//!   hidden columns leaves no usable plan.
//!
//! Differences: sqlite-lines raises the past-the-end error only when the
//! query reads `line` (`SELECT rowid ... WHERE rowid = 5` gives 5 there);
//! here it is raised whatever is read, because the columns a scan is told
//! of may include more than the query reads, and the answer must not
//! depend on earlier queries. The length limit is SQLite's default,
//! 1000000000 bytes (sqlite-lines asks the connection, which an extension
//! here cannot), and an error message gives the size of a line over 2 GiB
//! as it is rather than wrapped to a C `int`. A read error in the middle
//! of a file is an error (sqlite-lines stops as at the end of the file).
//!
//! The sandbox: the extension declares the `fs` capability (for
//! `lines_read`), so it loads only with a directory granted (`--grant
//! fs:DIR:ro` is enough), and all of its tables are then DIRECTONLY
//! (sqlite-lines' are INNOCUOUS). A path outside the granted directories
//! is `Error reading PATH: not in a directory granted to this extension`
//! (relative paths start at `/`), and one leaving it through `..` says
//! so. Reference outputs: `testdata/lines.sql` (made by `testdata/gen.sh`).

// SQL argument reading and the sandbox's errors, shared with fileio (some
// of which lines does not use).
#[allow(dead_code)]
#[path = "../../fileio/src/args.rs"]
mod args;
mod reader;
#[allow(dead_code)]
#[path = "../../fileio/src/sandbox.rs"]
mod sandbox;
mod table;

/// sqlite-lines: lines of documents and files as rows.
#[sqlink_sdk::extension(name = "lines", capabilities = ["fs"])]
mod lines_ext {
    /// The lines of a text or blob document (the first argument), split at
    /// the one-byte delimiter (the second, `\n` by default), one row each:
    /// `line`, numbered by `rowid` from 1. No rows for a NULL document.
    #[vtab(name = "lines", eponymous_only)]
    pub type Lines = crate::table::LinesTable<false>;

    /// The lines of the file at a path (the first argument), streamed,
    /// split at the one-byte delimiter (the second, `\n` by default), one
    /// row each: `line`, numbered by `rowid` from 1. A path that cannot be
    /// opened is an error.
    #[vtab(name = "lines_read", eponymous_only)]
    pub type LinesRead = crate::table::LinesTable<true>;

    /// The version of sqlite-lines this extension is compatible with,
    /// `v0.2.2`.
    #[function(deterministic, innocuous)]
    fn lines_version() -> &'static str {
        super::VERSION
    }

    /// Three lines: `Version: v0.2.2` (as `lines_version()`), `Date:` the
    /// date of the sqlite-lines commit this follows, and `Source:` this
    /// crate and that commit.
    #[function(deterministic, innocuous)]
    fn lines_debug() -> String {
        format!(
            "Version: {}\nDate: {}\nSource: sqlink-ext-lines {} (compatible with asg017/sqlite-lines {})",
            super::VERSION,
            super::REFERENCE_DATE,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT
        )
    }
}

/// The sqlite-lines version `lines_version()` reports.
const VERSION: &str = "v0.2.2";
/// The sqlite-lines commit this follows, and its date.
const REFERENCE_COMMIT: &str = "7d21410a22e106e912563022803ee93922b9b916";
const REFERENCE_DATE: &str = "2023-08-06T00:10:44-0700";

#[cfg(test)]
mod tests;
