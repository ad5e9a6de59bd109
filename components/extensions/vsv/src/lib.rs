//! `vsv`, variably separated values as a read-only virtual table,
//! compatible with sqlean's vsv (0.27.4; Keith Medcalf's vsv.c, which
//! extends SQLite's csv.c): same module name, arguments, error messages,
//! schema, rowids and values, malformed input included.
//!
//! ```sql
//! CREATE VIRTUAL TABLE temp.people USING vsv(
//!     filename='/data/people.csv',
//!     schema="create table people(id integer, name text, city text)",
//!     columns=3,
//!     affinity=integer
//! );
//! SELECT * FROM people;
//! ```
//!
//! Arguments (tags are case-sensitive; STRING values may be quoted with
//! `'` or `"`): `filename=` or `data=` (exactly one), `schema=`,
//! `columns=N`, `header[=BOOL]`, `skip=N` (records after the header to
//! pass over; 1 or more), `fsep=`, `rsep=`, `dsep=` (one byte, `\t`,
//! `\n`, `\v`, `\f` or `\xHH`; defaults `,`, newline, `.`),
//! `affinity=none|blob|text|integer|real|numeric`, `nulls[=BOOL]` (empty
//! unquoted fields are NULL), `validatetext[=BOOL]`. Without `schema=` the
//! columns are `c0, c1, ...` (no declared type) or named by the header;
//! without `columns=` the first record counts them. Rowids number the
//! records from 1. Files are read in blocks per scan, never whole;
//! `filename=` needs the directory granted (`--grant fs:DIR:ro`), and
//! paths are best given absolute.
//!
//! Quirks kept from vsv.c (see the tests): `skip=0` is an error; with
//! `data=`, `skip=` starts counting where reading the header or counting
//! the columns stopped (so the header is passed over twice), while a file
//! starts again; `schema=` without `columns=` counts the first record's
//! fields up from -99 (a query then fails with "out of memory", as
//! vsv.c's does, unless the record has 99 fields or more); an empty first
//! field of a scan reads as a NUL byte (`x'00'` as a blob, and an error
//! with `affinity=none` and `validatetext`); a separator value of 3 or 5
//! bytes and more is the NUL byte, and one of 0x80 or more (`\xHH`) ends
//! the record as well as the field; `dsep` is rewritten to `.` inside
//! the text of a number-like field; `numeric` decides what is whole with
//! 80-bit long double rounding (`1.00000000000000000001` is 1); a field
//! outside `validatetext`'s UTF-8 shape check fails only the queries that
//! read its column; as on x86-64, where C's `char` is signed, a byte of
//! 0x80 or more that starts one of the 1024-byte blocks vsv.c reads a file
//! in matches no separator there, and 0xFF there counts as the end of the
//! input (reading goes on after it).
//!
//! Differences: errors read `vsv: ` first (the host names the extension);
//! a `schema=` SQLite refuses is reported by the host ("invalid table
//! schema"), not as `bad schema: ...` (a generated schema of more than
//! 2000 columns does get vsv.c's message, and one too long to build its
//! "out of memory"); messages cut at 199 bytes end at a
//! character boundary; each value is made once per row (vsv.c rewrites
//! `dsep` in its buffer, so reading a column twice in one row can give a
//! number, then text); `schema=` without `columns=` on a first record of
//! 80 to 98 fields, where vsv.c overruns its allocation, fails like fewer.
//! Reference outputs: `testdata/`. The field reader and argument rules
//! are the csv extension's files (`#[path]`).

mod affinity;
mod extended;
#[path = "../../csv/src/params.rs"]
mod params;
#[path = "../../csv/src/reader.rs"]
mod reader;
mod table;

/// sqlean's `vsv` virtual table module.
#[sqlink_sdk::extension(name = "vsv", capabilities = ["fs:ro"])]
mod vsv_ext {
    /// A read-only table over separated values: `CREATE VIRTUAL TABLE t
    /// USING vsv(filename=PATH | data=TEXT, schema=SQL, columns=N,
    /// header=BOOL, skip=N, fsep=C, rsep=C, dsep=C, affinity=AFFINITY,
    /// nulls=BOOL, validatetext=BOOL)`. Values are text unless `affinity`
    /// says otherwise; NULL for fields a record lacks; rowids count records
    /// from 1. As sqlean's vsv.
    #[vtab(name = "vsv")]
    pub type Vsv = crate::table::VsvTable;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
#[path = "../../csv/src/vectors.rs"]
mod vectors;
