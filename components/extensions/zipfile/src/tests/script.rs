//! Runs testdata/write.in's statements on a zipfile table the way SQLite
//! drives a virtual table for them: `xBegin` before a transaction's first
//! write, `xSync` and `xCommit` when a statement (in autocommit mode) or
//! COMMIT succeeds, `xRollback` when one fails or on ROLLBACK; UPDATE and
//! DELETE scan the table for their rows first, and UPDATE passes every
//! column of the row with the SET ones replaced.

use super::literal;
use crate::zipfile_ext::sqlink_test::{TestTable, Vtabs};
use sqlink_sdk::{Error, Result, Value};

/// The columns, in schema order.
const COLUMNS: [&str; 8] = ["name", "mode", "mtime", "sz", "rawdata", "data", "method", "z"];

/// A connection's view of one table: whether a transaction is open, and
/// whether the table has been told of it.
pub struct Session<'t> {
    table: &'t TestTable<Vtabs>,
    explicit: bool,
    begun: bool,
}

impl<'t> Session<'t> {
    /// A session in autocommit mode.
    pub fn new(table: &'t TestTable<Vtabs>) -> Session<'t> {
        Session { table, explicit: false, begun: false }
    }

    /// Runs one statement; returns its error as the shell shows it
    /// (`message (code)` for codes other than SQLITE_ERROR).
    pub fn run(&mut self, statement: &str) -> Option<String> {
        let sql = statement.trim().trim_end_matches(';');
        let outcome = match sql.to_ascii_lowercase().as_str() {
            "begin" => {
                self.explicit = true;
                Ok(())
            }
            "commit" => self.end(true),
            "rollback" => self.end(false),
            _ => self.write(sql),
        };
        outcome.err().map(|e| if e.code == Error::ERROR { e.message } else { format!("{} ({})", e.message, e.code) })
    }

    fn end(&mut self, commit: bool) -> Result<()> {
        self.explicit = false;
        if !std::mem::take(&mut self.begun) {
            return Ok(());
        }
        if commit {
            self.table.sync()?;
            self.table.commit()
        } else {
            self.table.rollback()
        }
    }

    fn write(&mut self, sql: &str) -> Result<()> {
        if !self.begun {
            self.table.begin()?;
            self.begun = true;
        }
        let result = self.change(sql);
        if self.explicit {
            // A failed statement inside a transaction: without savepoints
            // (zipfile.c has none) the table is not told.
            return result;
        }
        match result {
            Ok(()) => self.end(true),
            Err(e) => {
                self.end(false)?;
                Err(e)
            }
        }
    }

    fn change(&self, sql: &str) -> Result<()> {
        if let Some(rest) = sql.strip_prefix("insert into z(") {
            let (columns, values) = rest.split_once(") values(").expect("insert into z(...) values(...)");
            let values = literal::values(values.strip_suffix(')').expect("closing parenthesis"));
            let mut row = vec![Value::Null; COLUMNS.len()];
            for (column, value) in columns.split(',').zip(values) {
                row[index(column)] = value;
            }
            return self.table.insert(None, row).map(|_| ());
        }
        if let Some(rest) = sql.strip_prefix("update z set ") {
            let (sets, name) = rest.split_once(" where name = ").expect("update z set ... where name = ...");
            let sets: Vec<(usize, Value)> = split_top(sets)
                .iter()
                .map(|set| {
                    let (column, value) = set.split_once(" = ").expect("column = value");
                    (index(column), literal::value(value))
                })
                .collect();
            for (rowid, mut row) in self.rows(Some(&literal::value(name)))? {
                for (column, value) in &sets {
                    row[*column] = value.clone();
                }
                self.table.update(rowid, rowid, row)?;
            }
            return Ok(());
        }
        let filter = match sql.strip_prefix("delete from z") {
            Some("") => None,
            Some(rest) => Some(literal::value(rest.strip_prefix(" where name = ").expect("delete ... where name = ..."))),
            None => panic!("statement not understood: {sql}"),
        };
        for (rowid, _) in self.rows(filter.as_ref())? {
            self.table.delete(rowid)?;
        }
        Ok(())
    }

    /// The rowids and rows (every column) whose name is `name`, or all.
    fn rows(&self, name: Option<&Value>) -> Result<Vec<(i64, Vec<Value>)>> {
        let mut select = vec!["rowid"];
        select.extend(COLUMNS);
        let rows = self.table.query().select(&select).rows()?;
        let rows = rows.into_iter().map(|mut r| (int(&r.remove(0)), r));
        Ok(rows.filter(|(_, r)| name.is_none_or(|n| r[0] == *n)).collect())
    }
}

fn index(column: &str) -> usize {
    COLUMNS.iter().position(|c| *c == column.trim()).unwrap_or_else(|| panic!("no column {column}"))
}

fn int(value: &Value) -> i64 {
    match value {
        Value::Integer(i) => *i,
        other => panic!("not an integer: {other:?}"),
    }
}

/// `a = 'x, y', b = 2` split at the commas outside quotes.
fn split_top(sql: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => quoted = !quoted,
            ',' if !quoted => {
                parts.push(String::new());
                continue;
            }
            _ => {}
        }
        parts.last_mut().expect("one part").push(c);
    }
    parts.into_iter().map(|p| p.trim().to_string()).collect()
}
