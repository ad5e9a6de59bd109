//! `.dump ?OBJECTS?`: the database as SQL that re-creates it, written the
//! way sqlite3 3.40 writes it, from plain queries through the engine.

use super::schema::{ident, lit, schema_line};
use super::{Args, DotResult};
use crate::engine::{RowSink, ValueRef};
use crate::format::{self, needs_quoting};
use crate::output::escaped_sql_string;
use crate::settings::Eqp;
use crate::shell::{Collect, Shell, error_context};
use std::io::{self, Write};

/// SQLite's primary result code for a corrupt database.
const SQLITE_CORRUPT: i32 = 11;

/// What `.dump` was asked for.
#[derive(Default)]
struct Dump {
    preserve_rowids: bool,
    newlines: bool,
    data_only: bool,
    nosys: bool,
    /// An SQL condition on `sqlite_schema AS o` selecting what to dump.
    filter: Option<String>,
    /// `PRAGMA writable_schema=ON` has been written (for virtual tables).
    writable_schema: bool,
    /// Errors met; the transaction then ends with ROLLBACK.
    errors: usize,
}

/// `name` as an identifier, double-quoted only when it must be.
fn quoted(name: &str) -> String {
    if needs_quoting(name) { format!("\"{}\"", name.replace('"', "\"\"")) } else { name.to_string() }
}

/// The condition for one OBJECTS pattern: the object's name matches, or it
/// is a shadow table of a virtual table whose name matches.
fn pattern_filter(pattern: &str) -> String {
    let p = lit(pattern);
    format!(
        "name LIKE {p} ESCAPE '\\' OR EXISTS (  SELECT 1 FROM sqlite_schema WHERE     name LIKE {p} ESCAPE '\\' AND    \
         sql LIKE 'CREATE VIRTUAL TABLE%' AND    substr(o.name, 1, length(name)+1) == (name||'_'))"
    )
}

/// Whether `name` matches the glob `sqlite_stat?`.
fn is_stat_table(name: &str) -> bool {
    name.strip_prefix("sqlite_stat").is_some_and(|rest| rest.chars().count() == 1)
}

/// A table's rows as the INSERT statements of `.dump`.
struct InsertSink<'a> {
    out: &'a mut dyn Write,
    /// `"table"` or `"table"(rowid,a,b)`.
    target: &'a str,
    /// Text keeps its newlines (`--newlines`) instead of `replace(...)`.
    newlines: bool,
    buf: Vec<u8>,
}

/// Appends `value` as sqlite3's `.dump` writes it in an INSERT.
fn dump_value(out: &mut Vec<u8>, value: &ValueRef<'_>, newlines: bool) {
    match *value {
        ValueRef::Null => out.extend_from_slice(b"NULL"),
        ValueRef::Integer(i) => out.extend_from_slice(i.to_string().as_bytes()),
        ValueRef::Real(r) => out.extend_from_slice(crate::x87::dump_real(r).as_bytes()),
        ValueRef::Text(t) if newlines => format::sql_string(out, format::until_nul(t)),
        ValueRef::Text(t) => escaped_sql_string(out, format::until_nul(t)),
        ValueRef::Blob(b) => format::hex_blob(out, b, b'X'),
    }
}

impl RowSink for InsertSink<'_> {
    fn columns(&mut self, _names: &[String]) -> io::Result<()> {
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        self.buf.clear();
        self.buf.extend_from_slice(b"INSERT INTO ");
        self.buf.extend_from_slice(self.target.as_bytes());
        for (i, v) in values.iter().enumerate() {
            self.buf.extend_from_slice(if i == 0 { b" VALUES(" } else { b"," });
            dump_value(&mut self.buf, v, self.newlines);
        }
        self.buf.extend_from_slice(b");\n");
        self.out.write_all(&self.buf)
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Statements printed one per row: the row's values joined by commas,
/// then `;`, on a line of its own when the text holds a `--` comment.
struct StatementSink<'a> {
    out: &'a mut dyn Write,
}

impl RowSink for StatementSink<'_> {
    fn columns(&mut self, _names: &[String]) -> io::Result<()> {
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let texts: Vec<Option<Vec<u8>>> = values.iter().map(|v| format::value_text(v).map(|t| t.into_owned())).collect();
        let mut line = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            if i > 0 {
                line.push(b',');
            }
            // C's printf shows a NULL string as "(null)".
            line.extend_from_slice(t.as_deref().unwrap_or(b"(null)"));
        }
        let first = texts.first().cloned().flatten().unwrap_or_default();
        line.extend_from_slice(if format::contains(&first, b"--") { b"\n;\n" } else { b";\n" });
        self.out.write_all(&line)
    }

    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Shell<'_> {
    /// Runs `sql` for its effect, ignoring any error (sqlite3_exec with no
    /// one looking at the result).
    fn run_quietly(&mut self, sql: &str) {
        let _ = self.query(sql);
    }

    /// The columns to dump of table `name`: whatever names the rowid first
    /// when it must be kept (`--preserve-rowids`) and can be named, then
    /// its columns. `None` when the table has none or cannot be read.
    fn dump_columns(&mut self, name: &str, preserve_rowids: bool) -> Option<(Option<&'static str>, Vec<String>)> {
        let info = self.query(&format!("PRAGMA table_info={}", lit(name))).ok()?;
        if info.is_empty() {
            return None;
        }
        let (mut keys, mut integer_key) = (0, false);
        let mut columns = Vec::new();
        for row in &info {
            columns.push(row.get(1).cloned().flatten().unwrap_or_default());
            let pk = row.get(5).cloned().flatten().and_then(|p| p.parse::<i64>().ok()).unwrap_or(0);
            if pk != 0 {
                keys += 1;
                integer_key = keys == 1 && row.get(2).cloned().flatten().is_some_and(|t| t.eq_ignore_ascii_case("INTEGER"));
            }
        }
        let mut preserve = preserve_rowids;
        if preserve && integer_key {
            // An INTEGER PRIMARY KEY is the rowid unless it is a key of its
            // own (WITHOUT ROWID, or DESC), which has a "pk" index.
            let own_key = self.query(&format!("SELECT 1 FROM pragma_index_list({}) WHERE origin='pk'", lit(name))).ok()?;
            preserve = !own_key.is_empty();
        }
        let mut rowid = None;
        if preserve {
            // The first of the rowid's names no column has, if the table
            // has a rowid at all.
            if let Some(alias) = ["rowid", "_rowid_", "oid"].into_iter().find(|a| !columns.iter().any(|c| c.eq_ignore_ascii_case(a)))
                && self.query(&format!("SELECT {alias} FROM {} LIMIT 0", ident(name))).is_ok()
            {
                rowid = Some(alias);
            }
        }
        Some((rowid, columns))
    }

    /// The INSERT statements for every row of table `name`.
    fn dump_rows(&mut self, dump: &mut Dump, name: &str) {
        let Some((rowid, columns)) = self.dump_columns(name, dump.preserve_rowids) else {
            dump.errors += 1;
            return;
        };
        let mut target = quoted(name);
        let mut select = String::from("SELECT ");
        if let Some(r) = rowid {
            let list: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
            target.push_str(&format!("({r},{})", list.join(",")));
            select.push_str(r);
            select.push(',');
        }
        let list: Vec<String> = columns.iter().map(|c| quoted(c)).collect();
        select.push_str(&list.join(","));
        select.push_str(" FROM ");
        select.push_str(&quoted(name));
        let Err(code) = self.dump_select(&select, &target, dump.newlines) else { return };
        dump.errors += 1;
        if code & 0xff == SQLITE_CORRUPT {
            self.print(b"/****** CORRUPTION ERROR *******/\n");
            // Read the table the other way round, in case that gets further.
            let setting = self.query("PRAGMA reverse_unordered_selects").ok();
            let on = setting.and_then(|r| r.first().cloned()).and_then(|r| r.first().cloned().flatten()).is_some_and(|v| v != "0");
            self.run_quietly(&format!("PRAGMA reverse_unordered_selects({})", i32::from(!on)));
            let _ = self.dump_select(&select, &target, dump.newlines);
            self.run_quietly(&format!("PRAGMA reverse_unordered_selects({})", i32::from(on)));
        }
    }

    /// Runs `select`, writing its rows as INSERTs into `target`; the error
    /// code on failure.
    fn dump_select(&mut self, select: &str, target: &str, newlines: bool) -> Result<(), i32> {
        // sqlite3 runs it as it runs input, so `.eqp` shows its plan.
        if self.settings.eqp != Eqp::Off {
            self.show_plan(select);
        }
        let (out, engine) = self.out_and_engine();
        let mut sink = InsertSink { out, target, newlines, buf: Vec::new() };
        engine.run(select, &mut sink).map(|_| ()).map_err(|e| e.code)
    }

    /// Writes what re-creates one object of the schema query: its CREATE
    /// statement (unless `--data-only`) and, for a table, its rows.
    fn dump_object(&mut self, dump: &mut Dump, name: &str, kind: &str, sql: &str) {
        if name == "sqlite_sequence" && !dump.nosys {
            if !dump.data_only {
                self.print(b"DELETE FROM sqlite_sequence;\n");
            }
        } else if is_stat_table(name) && !dump.nosys {
            if !dump.data_only {
                self.print(b"ANALYZE sqlite_schema;\n");
            }
        } else if name.starts_with("sqlite_") {
            return;
        } else if dump.data_only {
            // Rows only.
        } else if sql.starts_with("CREATE VIRTUAL TABLE") {
            if !dump.writable_schema {
                self.print(b"PRAGMA writable_schema=ON;\n");
                dump.writable_schema = true;
            }
            let q = |s: &str| s.replace('\'', "''");
            let line = format!(
                "INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','{}','{}',0,'{}');\n",
                q(name),
                q(name),
                q(sql)
            );
            self.print(line.as_bytes());
            return;
        } else {
            let line = schema_line(self, sql);
            self.print(line.as_bytes());
        }
        if kind == "table" {
            self.dump_rows(dump, name);
        }
    }

    /// Writes each row of `select` as a statement (the indexes, triggers
    /// and views); an error is written into the output as a comment.
    fn dump_statements(&mut self, dump: &mut Dump, select: &str) {
        let result = {
            let (out, engine) = self.out_and_engine();
            engine.run(select, &mut StatementSink { out })
        };
        if let Err(e) = result {
            let mut text = format!("/**** ERROR: ({}) {} *****/\n", e.code & 0xff, e.message);
            if let (crate::engine::Phase::Prepare, Some(offset)) = (e.phase, e.offset) {
                text.push_str(&error_context(select, offset));
            }
            self.print(text.as_bytes());
            if e.code & 0xff != SQLITE_CORRUPT {
                dump.errors += 1;
            }
        }
    }

    /// The schema query: the tables to dump, with what was read of it when
    /// it failed part way.
    fn dump_schema(&mut self, dump: &mut Dump, query: &str) {
        let mut sink = Collect::default();
        let result = self.engine.run(query, &mut sink);
        self.dump_schema_rows(dump, sink.rows);
        if let Err(e) = result
            && e.code & 0xff == SQLITE_CORRUPT
        {
            self.print(b"/****** CORRUPTION ERROR *******/\n");
            self.print(format!("/****** {} ******/\n", e.message).as_bytes());
            let mut sink = Collect::default();
            let again = self.engine.run(&format!("{query} ORDER BY rowid DESC"), &mut sink);
            self.dump_schema_rows(dump, sink.rows);
            if let Err(e) = again {
                self.print(format!("/****** ERROR: {} ******/\n", e.message).as_bytes());
            }
        }
    }

    fn dump_schema_rows(&mut self, dump: &mut Dump, rows: Vec<Vec<Option<String>>>) {
        for row in rows {
            let [Some(name), Some(kind), sql] = <[Option<String>; 3]>::try_from(row).unwrap_or_default() else { continue };
            self.dump_object(dump, &name, &kind, sql.as_deref().unwrap_or(""));
        }
    }
}

pub(super) fn dump(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut dump = Dump::default();
    for i in 1..args.len() {
        let a = args.text(i);
        if let Some(option) = a.strip_prefix('-') {
            match option.strip_prefix('-').unwrap_or(option) {
                "preserve-rowids" => dump.preserve_rowids = true,
                "newlines" => dump.newlines = true,
                "data-only" => dump.data_only = true,
                "nosys" => dump.nosys = true,
                _ => {
                    sh.error_line(&format!("Unknown option \"{a}\" on \".dump\""));
                    return Ok(false);
                }
            }
        } else {
            let condition = pattern_filter(&a);
            dump.filter = Some(match dump.filter.take() {
                Some(f) => format!("{f} OR {condition}"),
                None => condition,
            });
        }
    }
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    if !dump.data_only {
        // Replayed, rows may come before what their foreign keys refer to.
        sh.print(b"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\n");
    }
    // writable_schema makes SQLite read as much of a damaged schema as it can.
    sh.run_quietly("SAVEPOINT dump;");
    sh.run_quietly("PRAGMA writable_schema=ON");
    let filter = dump.filter.clone().unwrap_or_else(|| "true".into());
    let tables = format!(
        "SELECT name, type, sql FROM sqlite_schema AS o WHERE ({filter}) AND type=='table'  AND sql NOT NULL \
         ORDER BY tbl_name='sqlite_sequence', rowid"
    );
    sh.dump_schema(&mut dump, &tables);
    if !dump.data_only {
        let others = format!("SELECT sql FROM sqlite_schema AS o WHERE ({filter}) AND sql NOT NULL  AND type IN ('index','trigger','view')");
        sh.dump_statements(&mut dump, &others);
    }
    if dump.writable_schema {
        sh.print(b"PRAGMA writable_schema=OFF;\n");
    }
    sh.run_quietly("PRAGMA writable_schema=OFF;");
    sh.run_quietly("RELEASE dump;");
    if !dump.data_only {
        sh.print(if dump.errors > 0 { b"ROLLBACK; -- due to errors\n" } else { b"COMMIT;\n" });
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_as_sqlite_dumps_them() {
        let dumped = |v: ValueRef<'_>, newlines: bool| {
            let mut out = Vec::new();
            dump_value(&mut out, &v, newlines);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(dumped(ValueRef::Text(b"it's\na\\nb"), false), "replace('it''s\\012a\\nb','\\012',char(10))");
        assert_eq!(dumped(ValueRef::Text(b"a\r\nb"), false), "replace(replace('a\\r\\nb','\\r',char(13)),'\\n',char(10))");
        assert_eq!(dumped(ValueRef::Text(b"two\nlines"), true), "'two\nlines'");
        assert_eq!(dumped(ValueRef::Real(0.1), false), "0.10000000000000000555");
        assert_eq!(dumped(ValueRef::Real(64.0), false), "64.0");
        assert_eq!(dumped(ValueRef::Blob(&[0, 0xff]), false), "X'00ff'");
        assert_eq!(dumped(ValueRef::Null, false), "NULL");
        assert!(is_stat_table("sqlite_stat1") && !is_stat_table("sqlite_stat") && !is_stat_table("sqlite_stat12"));
        assert_eq!(quoted("select"), "\"select\"");
        assert_eq!(quoted("a\"b"), "\"a\"\"b\"");
        assert_eq!(quoted("plain_1"), "plain_1");
    }
}
