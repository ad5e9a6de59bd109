//! `csv`, CSV text as a read-only virtual table, compatible with SQLite's
//! `ext/misc/csv.c` (3.52.0 as built for SQLite's tests, with the
//! `columns=` limit added since): same module name, arguments, error
//! messages, schema, rowids and results, malformed input included.
//!
//! ```sql
//! CREATE VIRTUAL TABLE temp.t USING csv(filename='/data/people.csv', header);
//! CREATE VIRTUAL TABLE temp.u USING csv(data='1,2
//! 3,4', schema='CREATE TABLE x(a INT, b INT)');
//! SELECT rowid, * FROM t;
//! ```
//!
//! Arguments (tags are case-sensitive; values may be quoted with `'` or
//! `"`): `filename=PATH` or `data=TEXT` (exactly one), `schema=SQL`,
//! `columns=N` (1 to 2000), `header[=BOOL]`, and csv.c's test-build
//! `testflags=N` (1: `=`, LIKE and GLOB constraints cost 10 instead of
//! 1000000). Without `schema=` the columns are `c0 TEXT, c1 TEXT, ...`, or
//! named by the first record with `header` (then `cN` past the header's
//! fields, numbered as csv.c does); without `columns=` the first record
//! counts them. Every value is text (NULL for fields missing from a
//! record); rowids number the records from 1. Files are read in blocks per
//! scan, never whole; `filename=` needs the directory granted
//! (`--grant fs:DIR:ro`), and paths are best given absolute (the sandbox
//! has no working directory of the shell's).
//!
//! Quirks kept from csv.c: `header` with both `schema=` and `columns=`
//! does not skip the header record; an empty first header field is named
//! `(NULL)`; a quote inside a quoted field that is not doubled ends the
//! field there, keeps the quote, and loses the next byte; a record's
//! fields past the column count are ignored; a missing file is reported
//! when the table is created if the first record must be read, and
//! otherwise by the first query.
//!
//! Differences: errors read `csv: ` first (the host names the extension);
//! a `schema=` SQLite refuses is reported by the host ("invalid table
//! schema"), not as csv.c's `bad schema: ...` (a generated schema of more
//! than 2000 columns does get csv.c's message); the test-only `csv_wr`
//! module is not provided; messages cut at 199 bytes end at a character
//! boundary. Like csv.c on x86-64 (where C's `char` is signed), a 0xFF
//! byte that starts one of the 1024-byte blocks csv.c reads a file in
//! counts as the end of the input there (reading goes on after it); csv.c
//! built where `char` is unsigned (Linux on ARM) reads it as data.
//! The field reader (`reader.rs`) and argument rules (`params.rs`) are
//! shared with the vsv extension. Reference outputs: `testdata/`.

mod params;
mod reader;
mod table;

/// SQLite's `csv` virtual table module.
#[sqlink_sdk::extension(name = "csv", capabilities = ["fs:ro"])]
mod csv_ext {
    /// A read-only table over CSV text: `CREATE VIRTUAL TABLE t USING
    /// csv(filename=PATH | data=TEXT, schema=SQL, columns=N, header=BOOL)`.
    /// Values are text, NULL for fields a record lacks; rowids count
    /// records from 1. As SQLite's ext/misc/csv.c.
    #[vtab(name = "csv")]
    pub type Csv = crate::table::CsvTable;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod vectors;
