//! `generate_series`, the table-valued function of integer sequences,
//! compatible with SQLite 3.40.1's `ext/misc/series.c` (the one Debian's
//! `sqlite3` 3.40.1 has built in): same name, columns, arguments, results,
//! rowids, plans and errors.
//!
//! `SELECT * FROM generate_series(start, stop, step)` gives `start`,
//! `start + step`, ... up to `stop` inclusive. The table is
//! `(value, start HIDDEN, stop HIDDEN, step HIDDEN)`; the arguments are the
//! hidden columns, so `WHERE start = 1 AND stop = 5` is the same call.
//!
//! Quirks kept from series.c 3.40.1:
//! * `start` is required (`first argument to "generate_series()" missing or
//!   unusable`); `stop` defaults to 4294967295 and `step` to 1.
//! * A step of 0 is 1; a negative step gives the same values as its
//!   absolute value, in descending order (`(1, 10, -3)` is 10, 7, 4, 1),
//!   and `start > stop` gives no rows whatever the step.
//! * Any NULL argument gives no rows.
//! * Arguments read as `sqlite3_value_int64` does: `'3'` and `3.9` are 3,
//!   `'abc'` is 0, out-of-range values saturate.
//! * Arithmetic wraps at the ends of the 64-bit range: a sequence that
//!   steps past 9223372036854775807 carries on from the negative end (use
//!   LIMIT).
//! * The hidden columns read what was used (`step` made positive, `stop`
//!   4294967295 when not given); rowids number the rows 1, 2, 3... in the
//!   order they come, and ORDER BY value (ASC or DESC) with both start and
//!   stop given is served without sorting.
//! * EXPLAIN QUERY PLAN shows series.c's `INDEX n:` (bits: 1 start, 2
//!   stop, 4 step, 8 descending, 16 ascending).
//!
//! The sqlean `stats` extension's `stats_seq` is this same code (see the
//! stats crate). Reference outputs: `testdata/series.sql`.

mod series;

/// SQLite's `generate_series` virtual table.
#[sqlink_sdk::extension(name = "series")]
mod series_ext {
    /// Integers from start to stop (inclusive, default 4294967295) by step
    /// (default 1; 0 is 1; negative counts down); no rows when an argument
    /// is NULL or start is past stop. As SQLite 3.40.1's series.c.
    #[vtab(name = "generate_series", eponymous_only)]
    pub type GenerateSeries = crate::series::Series;
}

#[cfg(test)]
mod tests;
