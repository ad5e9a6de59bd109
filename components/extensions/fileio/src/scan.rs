//! `fileio_scan(path)` (alias `scanfile`): the lines of a file, streamed,
//! split at `\n` and cut as sqlean's readline loop cuts them.

use crate::args::c_text;
use crate::files::{path_of, shown};
use crate::sandbox;
use sqlink_sdk::prelude::*;
use std::io::{BufRead, BufReader};

/// Column 1, the path argument.
const NAME: i32 = 1;

/// The `fileio_scan` table.
pub struct FileScan;

impl Table for FileScan {
    type Rows = ScanRows;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok(("CREATE TABLE x(value text, name hidden)".to_string(), FileScan))
    }

    /// The `name =` constraint is the path (passed as the only argument;
    /// cost 1000). Other constraints are left to SQLite (sqlean refuses
    /// them, LIMIT included). Without `name =` the statement fails with
    /// sqlean's words.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let named = info.constraints.iter().enumerate().filter(|(_, c)| c.column == NAME && c.op == ConstraintOp::EQ);
        let mut unusable = false;
        for (i, c) in named {
            if !c.usable {
                unusable = true;
                continue;
            }
            let mut plan = IndexPlan { estimated_cost: 1000.0, estimated_rows: 1000, ..IndexPlan::default() };
            plan.pass(i, true);
            return Ok(plan);
        }
        if unusable {
            return Err(Error::with_code(Error::CONSTRAINT, "fileio_scan: unusable plan"));
        }
        let real = |c: &&Constraint| c.op != ConstraintOp::LIMIT && c.op != ConstraintOp::OFFSET;
        if info.constraints.iter().any(|c| real(&c)) {
            Err(Error::new("scanfile() expects a name constraint)"))
        } else {
            Err(Error::new("scanfile() expects a single constraint (name)"))
        }
    }

    fn scan(&self, scan: &Scan) -> Result<ScanRows> {
        let name = scan.args.first().and_then(c_text);
        let cannot = |name: &[u8], reason: Option<String>| match reason {
            Some(reason) => Error::new(format!("cannot open '{}' for reading: {reason}", shown(name))),
            None => Error::new(format!("cannot open '{}' for reading", shown(name))),
        };
        // NULL opens nothing: "cannot open '' for reading".
        let Some(name) = name else { return Err(cannot(b"", None)) };
        let path = path_of(&name).map_err(|_| cannot(&name, None))?;
        let file = std::fs::File::open(&path).map_err(|e| {
            let reason = if e.kind() == std::io::ErrorKind::NotFound && sandbox::outside_grants(&path) {
                Some(sandbox::outside_message(&path))
            } else if sandbox::refused(&e) {
                Some(sandbox::refusal_message(&path, None))
            } else {
                None
            };
            cannot(&name, reason)
        })?;
        // A directory opens, and reads nothing, as in C.
        let input: Box<dyn BufRead> = if file.metadata().is_ok_and(|m| m.is_dir()) {
            Box::new(std::io::empty())
        } else {
            Box::new(BufReader::with_capacity(64 * 1024, file))
        };
        let shown_name = scan.columns.contains(NAME as usize).then(|| Value::Text(name.clone()));
        Ok(ScanRows { input, name, shown_name, rowid: 0, done: false })
    }
}

/// A line as sqlean's loop leaves it: without its `\n`, cut before a `\r`
/// second to last (which, for a last line without `\n`, drops its last
/// byte too), and ending at its first NUL (a C string).
pub fn cut_line(raw: &[u8]) -> &[u8] {
    let n = raw.len();
    let mut end = n;
    if n >= 1 && raw[n - 1] == b'\n' {
        end = n - 1;
    }
    if n >= 2 && raw[n - 2] == b'\r' {
        end = end.min(n - 2);
    }
    let line = &raw[..end];
    match line.iter().position(|&b| b == 0) {
        Some(nul) => &line[..nul],
        None => line,
    }
}

/// The rows of one `fileio_scan`.
pub struct ScanRows {
    input: Box<dyn BufRead>,
    /// The path, for read errors.
    name: Vec<u8>,
    /// The `name` column's value, when read.
    shown_name: Option<Value>,
    rowid: i64,
    done: bool,
}

impl Iterator for ScanRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        if self.done {
            return None;
        }
        let mut raw = Vec::new();
        match self.input.read_until(b'\n', &mut raw) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                self.rowid += 1;
                let mut values = vec![Value::Text(cut_line(&raw).to_vec())];
                values.extend(self.shown_name.clone());
                Some(Ok(Row::new(self.rowid, values)))
            }
            Err(e) => {
                self.done = true;
                Some(Err(Error::new(format!("cannot read '{}': {}", shown(&self.name), sandbox::os_message(&e)))))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::cut_line;

    #[test]
    fn lines_are_cut_as_sqleans_readline_leaves_them() {
        // What sqlean 0.27.4 gave for each file's line (probe run).
        assert_eq!(cut_line(b"one\n"), b"one");
        assert_eq!(cut_line(b"two\r\n"), b"two");
        assert_eq!(cut_line(b"thr"), b"thr");
        assert_eq!(cut_line(b"a\rb"), b"a");
        assert_eq!(cut_line(b"a\r\r\n"), b"a\r");
        assert_eq!(cut_line(b"b\r"), b"b\r");
        assert_eq!(cut_line(b"nul\x00byte\n"), b"nul");
        assert_eq!(cut_line(b"\n"), b"");
        assert_eq!(cut_line(b"\xff\xfe\n"), b"\xff\xfe");
    }
}
