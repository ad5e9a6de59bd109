//! The `lines` and `lines_read` tables: one generic table, whose input is
//! the document argument itself (`lines`) or the file it names
//! (`lines_read`), planned and scanned as sqlite-lines does.

use crate::args::{c_text, int64};
use crate::reader::{LIMIT_LENGTH, Line, LineReader};
use crate::sandbox;
use sqlink_sdk::prelude::*;
use std::io::{BufRead, BufReader, Cursor};
use std::path::PathBuf;

/// `idx_num` of a plan reading every line.
pub const FULL: i32 = 1;
/// `idx_num` of a plan reading the one line a `rowid = ?` constraint names.
pub const ROWID_EQ: i32 = 2;

/// Column 0: the line.
const LINE: usize = 0;
/// Column 1: the document (`lines`) or the path (`lines_read`).
const INPUT: i32 = 1;
/// Column 2: the delimiter.
const DELIMITER: i32 = 2;

/// The table of `lines` (`READ = false`: the input is the document) or of
/// `lines_read` (`READ = true`: the input is a file's path).
pub struct LinesTable<const READ: bool>;

impl<const READ: bool> LinesTable<READ> {
    /// sqlite-lines' schema: `path` instead of `document` for files.
    const SCHEMA: &'static str =
        if READ { "CREATE TABLE x(line text,path hidden, delimiter hidden)" } else { "CREATE TABLE x(line text,document hidden, delimiter hidden)" };
}

impl<const READ: bool> Table for LinesTable<READ> {
    type Rows = LineRows;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((Self::SCHEMA.to_string(), LinesTable))
    }

    /// sqlite-lines' plan: the input (`P`), the delimiter (`D`) and a
    /// `rowid =` constraint (`R`) are passed in the order offered, and
    /// `idx_str` names them by position (`RP0`, `PD0`...); a `rowid =`
    /// plan reads one line. Anything but `=` on the input or the
    /// delimiter, or an unusable constraint on them, makes the plan
    /// unusable; no input at all is an error.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let unusable = || Error::with_code(Error::CONSTRAINT, "lines: unusable plan");
        let mut plan = IndexPlan::default();
        let mut idx_str = b"000".to_vec();
        let (mut has_input, mut has_rowid) = (false, false);
        for (i, c) in info.constraints.iter().enumerate() {
            let code = match c.column {
                -1 if c.op == ConstraintOp::EQ && c.usable => b'R',
                INPUT if c.op != ConstraintOp::EQ || (!has_input && !c.usable) => return Err(unusable()),
                INPUT if c.usable => b'P',
                DELIMITER if c.op != ConstraintOp::EQ || !c.usable => return Err(unusable()),
                DELIMITER => b'D',
                _ => continue,
            };
            has_input |= code == b'P';
            has_rowid |= code == b'R';
            let argv = plan.pass(i, true) as usize;
            match idx_str.get_mut(argv - 1) {
                Some(slot) => *slot = code,
                None => idx_str.push(code),
            }
        }
        if !has_input {
            return Err(Error::new("path argument is required"));
        }
        plan.idx_str = Some(String::from_utf8(idx_str).expect("ASCII codes"));
        if has_rowid {
            plan.idx_num = ROWID_EQ;
            (plan.estimated_cost, plan.estimated_rows) = (1.0, 1);
        } else {
            plan.idx_num = FULL;
            (plan.estimated_cost, plan.estimated_rows) = (100000.0, 100000);
        }
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<LineRows> {
        let codes = scan.idx_str.as_deref().unwrap_or("").as_bytes();
        let mut target: i32 = 0;
        let mut delimiter = b'\n';
        let mut input: Option<(Box<dyn BufRead>, Vec<u8>)> = None;
        for (i, value) in scan.args.iter().enumerate() {
            match codes.get(i) {
                // C's `int targetRowid = sqlite3_value_int64(...)`.
                Some(b'R') => target = int64(value) as i32,
                Some(b'P') if READ => input = Some(open(value)?),
                Some(b'P') => {
                    let document = value.to_text_bytes().map(|b| b.into_owned()).unwrap_or_default();
                    input = Some((Box::new(Cursor::new(document)), Vec::new()));
                }
                Some(b'D') => {
                    let bytes = value.to_text_bytes().unwrap_or_default();
                    if bytes.len() != 1 {
                        return Err(Error::new(format!("Delimiter must be 1 character long, got {} characters", bytes.len())));
                    }
                    delimiter = bytes[0];
                }
                _ => {}
            }
        }
        let Some((reader, shown)) = input else { return Err(Error::new("path argument is required")) };
        let name = String::from_utf8_lossy(&shown).into_owned();
        let mut lines = LineReader::new(reader, delimiter);
        let mut current = lines.next_line().map_err(|e| read_error(&name, &e))?;
        let mut rowid = 1i64;
        let one = scan.idx_num == ROWID_EQ;
        if one {
            // Lines are read up to the target; past the end the row still
            // comes, and its line is an error (sqlite-lines' "size of -1").
            while rowid < i64::from(target) {
                if current.is_none() {
                    rowid = i64::from(target);
                    break;
                }
                current = lines.next_line().map_err(|e| read_error(&name, &e))?;
                rowid += 1;
            }
        }
        let hidden = [INPUT, DELIMITER].iter().any(|&c| scan.columns.contains(c as usize));
        Ok(LineRows {
            lines,
            current,
            rowid,
            one,
            done: false,
            delimiter,
            want_line: scan.columns.contains(LINE),
            hidden: hidden.then(|| [Value::Text(shown), Value::Text(vec![delimiter])]),
            name,
            failed: None,
        })
    }
}

/// Opens the file a `lines_read` path names: its reader, and the path as
/// the `path` column shows it (the text up to any NUL, as C sees it).
fn open(value: &Value) -> Result<(Box<dyn BufRead>, Vec<u8>)> {
    let Some(shown) = c_text(value) else { return Err(Error::new("path is null")) };
    let name = String::from_utf8_lossy(&shown);
    let path = path_of(&shown).map_err(|e| Error::new(format!("Error reading {name}: {}", sandbox::os_message(&e))))?;
    let file = std::fs::File::open(&path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound && sandbox::outside_grants(&path) {
            sandbox::outside_message(&path)
        } else if sandbox::refused(&e) {
            sandbox::refusal_message(&path, None)
        } else {
            sandbox::os_message(&e)
        };
        Error::new(format!("Error reading {name}: {why}"))
    })?;
    // A directory opens, but reads nothing (as getdelim fails on it in C).
    let is_dir = file.metadata().is_ok_and(|m| m.is_dir());
    let reader: Box<dyn BufRead> = if is_dir { Box::new(std::io::empty()) } else { Box::new(BufReader::with_capacity(64 * 1024, file)) };
    Ok((reader, shown))
}

/// A path from the bytes SQL gave. WASI paths are strings: bytes that are
/// not UTF-8 name no file there (C's EILSEQ).
fn path_of(bytes: &[u8]) -> std::io::Result<PathBuf> {
    #[cfg(unix)]
    return Ok(PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes)));
    #[cfg(not(unix))]
    return std::str::from_utf8(bytes)
        .map(PathBuf::from)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidInput, "Illegal byte sequence"));
}

fn read_error(name: &str, e: &std::io::Error) -> Error {
    Error::new(format!("Error reading {name}: {}", sandbox::os_message(e)))
}

/// The rows of one scan: every line, or the one a `rowid =` plan names.
pub struct LineRows {
    lines: LineReader<Box<dyn BufRead>>,
    /// The line at `rowid`; None past the end.
    current: Option<Line>,
    rowid: i64,
    /// A `rowid =` plan: exactly one row.
    one: bool,
    done: bool,
    delimiter: u8,
    /// Whether the query may read the `line` column (only then is a line
    /// too long an error: sqlite-lines checks in xColumn).
    want_line: bool,
    /// The hidden columns' values, when read.
    hidden: Option<[Value; 2]>,
    /// The path, for read errors.
    name: String,
    /// A read error to end the scan with, after the row before it.
    failed: Option<Error>,
}

impl LineRows {
    /// The row at `rowid`. Past the end (a `rowid =` plan) it is always an
    /// error, and a line too long to keep is one when the query may read
    /// `line` (sqlite-lines raises both only when `line` is read; the
    /// columns a scan is told of may include more than the query reads,
    /// so the first is made not to depend on them).
    fn row(&self) -> Result<Row> {
        let too_long =
            |size: i64| Error::new(format!("line {} has a size of {size} bytes, but SQLITE_LIMIT_LENGTH is {LIMIT_LENGTH}", self.rowid));
        let line = match &self.current {
            None => return Err(too_long(-1)),
            Some(_) if !self.want_line => Value::Null,
            Some(line) => match line.text(self.delimiter) {
                Some(text) => Value::Text(text.to_vec()),
                None => return Err(too_long(line.len() as i64)),
            },
        };
        let mut values = vec![line];
        if let Some(hidden) = &self.hidden {
            values.extend(hidden.iter().cloned());
        }
        Ok(Row::new(self.rowid, values))
    }
}

impl Iterator for LineRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        if let Some(e) = self.failed.take() {
            self.done = true;
            return Some(Err(e));
        }
        if self.done || (!self.one && self.current.is_none()) {
            return None;
        }
        let row = self.row();
        if self.one || row.is_err() {
            self.done = true;
            return Some(row);
        }
        match self.lines.next_line() {
            Ok(next) => {
                self.current = next;
                self.rowid += 1;
            }
            // The row read so far comes; the error ends the scan after it.
            Err(e) => self.failed = Some(read_error(&self.name, &e)),
        }
        Some(row)
    }
}
