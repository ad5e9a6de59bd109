//! The `csv` virtual table as SQLite's `ext/misc/csv.c` (3.52.0, built with
//! SQLITE_TEST, plus the `columns=` limit of later versions) defines it:
//! its arguments and their errors, the schema it declares, where the data
//! starts, its plan and its rows.

use crate::params::{SchemaColumns, atoi, boolean_parameter, dequote, parameter, quoted_name};
use crate::reader::{CSV, Input, Reader, Source, errmsg};
use sqlink_sdk::prelude::*;

/// The most columns `columns=` accepts: SQLite's default
/// SQLITE_LIMIT_COLUMN, which csv.c reads from the connection (sqlink's
/// SQLite keeps the default).
const MAX_COLUMNS: i32 = crate::params::MAX_COLUMNS as i32;

/// What every plan costs (csv.c's `estimatedCost`).
const FULL_SCAN_COST: f64 = 1_000_000.0;

/// The cost of a plan using a constraint under `testflags=1`.
const TEST_INDEX_COST: f64 = 10.0;

/// `testflags` bit: pretend that `=`, LIKE and GLOB constraints are cheap
/// (csv.c's CSVTEST_FIDX).
const TEST_FAKE_INDEX: u32 = 1;

/// One `csv` table: where its text is, where its data starts (after the
/// header), and how many values each row has.
pub struct CsvTable {
    source: Source,
    /// The byte where rows start: after the header when `header` is on.
    start: u64,
    /// Values per row (csv.c's `nCol`): `columns=`, or the fields of the
    /// first record. The declared schema may have more or fewer columns.
    columns: usize,
    /// `testflags=`.
    test_flags: u32,
}

/// csv.c's `csvtabConnect`: the schema and the table, or csv.c's message.
fn connect(arguments: &[String]) -> Result<(String, CsvTable)> {
    const STRINGS: [&str; 3] = ["filename", "data", "schema"];
    let mut strings: [Option<String>; 3] = Default::default();
    let mut header = -1;
    let mut test_flags = 0u32;
    let mut ncol = -99;
    'arguments: for argument in arguments {
        for (slot, tag) in strings.iter_mut().zip(STRINGS) {
            if let Some(value) = parameter(tag, argument) {
                if slot.is_some() {
                    return Err(Error::new(format!("more than one '{tag}' parameter")));
                }
                *slot = Some(dequote(value));
                continue 'arguments;
            }
        }
        if let Some(b) = boolean_parameter("header", argument) {
            if header >= 0 {
                return Err(Error::new("more than one 'header' parameter"));
            }
            header = i32::from(b);
        } else if let Some(value) = parameter("testflags", argument) {
            test_flags = atoi(value) as u32;
        } else if let Some(value) = parameter("columns", argument) {
            if ncol > 0 {
                return Err(Error::new("more than one 'columns' parameter"));
            }
            ncol = atoi(value);
            if ncol <= 0 {
                return Err(Error::new("column= value must be positive"));
            }
            if ncol > MAX_COLUMNS {
                return Err(Error::new(format!(
                    "column= value too big, max {MAX_COLUMNS}"
                )));
            }
        } else {
            return Err(Error::new(errmsg(format!("bad parameter: '{argument}'"))));
        }
    }
    let [filename, data, schema] = strings;
    let source = match (filename, data) {
        (Some(path), None) => Source::File(path),
        (None, Some(text)) => Source::Data(text.into_bytes().into()),
        _ => return Err("must specify either filename= or data= but not both".into()),
    };
    // The text is read now only to count columns or to read the header.
    let mut reader = match ncol <= 0 || header == 1 {
        true => Some(Reader::new(Input::open(&source)?, CSV, false)),
        false => None,
    };
    let mut record = |each: &mut dyn FnMut(Option<&[u8]>)| {
        let reader = reader.as_mut().expect("opened when a record is read");
        loop {
            let read = reader.read_field();
            each(read.then(|| reader.c_str()));
            if reader.term() != i32::from(b',') {
                return;
            }
        }
    };
    let (schema, columns) = match schema {
        Some(schema) if ncol < 0 => {
            let mut n = 0;
            record(&mut |_| n += 1);
            (schema, n)
        }
        Some(schema) => (schema, ncol),
        None => {
            let mut named = Vec::new();
            let mut numbered = 0..0;
            if ncol < 0 && header < 1 {
                ncol = 0;
                record(&mut |_| ncol += 1);
            }
            if ncol > 0 && header < 1 {
                numbered = 0..i64::from(ncol);
            } else {
                record(&mut |name| {
                    if (ncol > 0 && (named.len() as i32) < ncol) || ncol < 0 {
                        named.push(format!("\"{}\" TEXT", quoted_name(name)));
                    }
                });
                if ncol < 0 {
                    ncol = named.len() as i32;
                } else {
                    // Numbered from one past the header's count, as csv.c does.
                    numbered = named.len() as i64 + 1..i64::from(ncol) + 1;
                }
            }
            let columns = SchemaColumns {
                named,
                numbered,
                suffix: " TEXT",
            };
            (columns.schema().map_err(|e| e.into_error())?, ncol)
        }
    };
    let start = match (header, &reader) {
        (1, Some(reader)) => reader.position(),
        _ => 0,
    };
    let columns = usize::try_from(columns).unwrap_or(0);
    Ok((
        schema,
        CsvTable {
            source,
            start,
            columns,
            test_flags,
        },
    ))
}

impl Table for CsvTable {
    type Rows = CsvRows;

    /// Reads the arguments, and the first record when it names or counts
    /// the columns; declares `c0 TEXT, c1 TEXT, ...`, the header's names,
    /// or `schema=`.
    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        connect(&args.arguments)
    }

    /// A full scan costing 1000000. With `testflags=1`, usable `=`, LIKE
    /// and GLOB constraints are passed (not omitted) and the cost is 10;
    /// as in csv.c, the n-th such constraint's use is written in slot n,
    /// whichever constraint that slot belongs to.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan {
            estimated_cost: FULL_SCAN_COST,
            ..IndexPlan::default()
        };
        if self.test_flags & TEST_FAKE_INDEX != 0 {
            plan.usage = vec![ConstraintUse::default(); info.constraints.len()];
            let mut passed = 0;
            for c in info.constraints.iter().filter(|c| c.usable) {
                if [ConstraintOp::EQ, ConstraintOp::LIKE, ConstraintOp::GLOB].contains(&c.op) {
                    plan.estimated_cost = TEST_INDEX_COST;
                    plan.usage[passed].argv_index = passed as u32 + 1;
                    passed += 1;
                }
            }
        }
        Ok(plan)
    }

    /// Opens the text (a file afresh, so it streams) at the first data
    /// record.
    fn scan(&self, _: &Scan) -> Result<CsvRows> {
        let input = Input::open_at(&self.source, self.start).map_err(Error::new)?;
        Ok(CsvRows {
            reader: Reader::new(input, CSV, true),
            columns: self.columns,
            rowid: 0,
            done: false,
        })
    }
}

impl CreateTable for CsvTable {}

/// The rows of one scan, read a record at a time.
pub struct CsvRows {
    reader: Reader,
    columns: usize,
    rowid: i64,
    done: bool,
}

impl RowSource for CsvRows {
    /// csv.c's `csvtabNext`: the fields up to the end of the record, as
    /// text up to any NUL byte; fields past the column count are dropped,
    /// missing ones are NULL. Rowids count records from 1.
    fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
        if self.done {
            return Ok(false);
        }
        let mut i = 0;
        let mut read;
        loop {
            read = self.reader.read_field();
            if !read {
                break;
            }
            if i < self.columns {
                if row.wants(i) {
                    row.text(self.reader.c_str());
                } else {
                    row.null();
                }
                i += 1;
            }
            if self.reader.term() != i32::from(b',') {
                break;
            }
        }
        if !read && i == 0 {
            self.done = true;
            return Ok(false);
        }
        self.rowid += 1;
        row.rowid(self.rowid);
        Ok(true)
    }
}
