//! `.import FILE TABLE`: rows of a CSV or ASCII-delimited file into a
//! table, created from the file's first row when it does not exist.

use super::schema::lit;
use super::{Args, DotResult};
use crate::delimited::{EOF, FieldReader, column_definitions, separator};
use crate::format::{self, until_nul};
use crate::settings::Mode;
use crate::shell::Shell;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

/// What `.import` was asked to do.
struct Import {
    file: String,
    table: String,
    schema: Option<String>,
    verbose: u32,
    skip: i64,
    /// Separators and reader given by `--csv` / `--ascii` rather than by
    /// the output mode.
    given: Option<(i32, i32, bool)>,
}

/// `s` as a double-quoted identifier (C's `"%w"`).
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// A field as an SQL text literal (up to a NUL, as sqlite3 binds it).
fn text_literal(field: &[u8]) -> String {
    let field = until_nul(field);
    match std::str::from_utf8(field) {
        Ok(text) => lit(text),
        Err(_) => {
            let mut hex = Vec::new();
            format::hex_blob(&mut hex, field, b'X');
            format!("CAST({} AS TEXT)", String::from_utf8_lossy(&hex))
        }
    }
}

impl Shell<'_> {
    /// Prints an argument error and the command's help, on the output.
    fn import_usage(&mut self, what: &str) -> DotResult {
        let mut text = format!("ERROR: {what}");
        text.push_str(&crate::help::render(Some("import"), &[]));
        self.print(text.as_bytes());
        Ok(false)
    }

    /// Column and row separator and reader from the output mode, or the
    /// error sqlite3 gives for separators it cannot import with.
    fn import_separators(&mut self) -> Result<(i32, i32, bool), &'static str> {
        let s = &mut self.settings;
        let col = until_nul(&s.col_sep).to_vec();
        if col.is_empty() {
            return Err("Error: non-null column separator required for import");
        }
        if col.len() > 1 {
            return Err("Error: multi-character column separators not allowed for import");
        }
        if until_nul(&s.row_sep).is_empty() {
            return Err("Error: non-null row separator required for import");
        }
        if s.mode == Mode::Csv && until_nul(&s.row_sep) == b"\r\n" {
            // CSV is written with CRLF and read with LF (sqlite3 keeps the change).
            s.row_sep = b"\n".to_vec();
        }
        let row = until_nul(&s.row_sep).to_vec();
        if row.len() > 1 {
            return Err("Error: multi-character row separators not allowed for import");
        }
        Ok((separator(col[0]), separator(row[0]), s.mode == Mode::Ascii))
    }

    /// The columns of the target, or the error preparing a query of it.
    fn import_columns(&mut self, table: &str) -> Result<usize, String> {
        let mut sink = ColumnCount(None);
        self.engine.run(&format!("SELECT * FROM {table} LIMIT 0"), &mut sink).map_err(|e| e.message)?;
        Ok(sink.0.unwrap_or(0))
    }

    fn import(&mut self, job: Import) -> DotResult {
        let (col_sep, row_sep, ascii) = match job.given {
            Some(given) => given,
            None => match self.import_separators() {
                Ok(found) => found,
                Err(msg) => {
                    self.error_line(msg);
                    return Ok(false);
                }
            },
        };
        // `|COMMAND` reads what the command writes (named `<pipe>` in messages).
        let (input, name, mut child): (Box<dyn BufRead>, &str, Option<Child>) = match job.file.strip_prefix('|') {
            Some(command) => match super::system::shell_command(command).stdout(Stdio::piped()).spawn() {
                Ok(mut child) => match child.stdout.take() {
                    Some(out) => (Box::new(BufReader::new(out)), "<pipe>", Some(child)),
                    None => (Box::new(std::io::empty()), "<pipe>", Some(child)),
                },
                Err(_) => {
                    self.error_line(&format!("Error: cannot open \"{}\"", job.file));
                    return Ok(false);
                }
            },
            None => match File::open(&job.file) {
                Ok(file) => (Box::new(BufReader::new(file)), job.file.as_str(), None),
                Err(_) => {
                    self.error_line(&format!("Error: cannot open \"{}\"", job.file));
                    return Ok(false);
                }
            },
        };
        let result = self.import_from(&job, input, name, col_sep, row_sep, ascii);
        if let Some(child) = child.as_mut() {
            let _ = child.wait();
        }
        result
    }

    /// Reads the rows of `input` (called `name` in messages) into the
    /// table of `job`, creating it from the first row if need be.
    fn import_from(&mut self, job: &Import, input: Box<dyn BufRead>, name: &str, col_sep: i32, row_sep: i32, ascii: bool) -> DotResult {
        if job.verbose >= 2 || (job.verbose >= 1 && job.given.is_none()) {
            let mut line = b"Column separator ".to_vec();
            format::c_string(&mut line, &[col_sep as u8]);
            line.extend_from_slice(b", row separator ");
            format::c_string(&mut line, &[row_sep as u8]);
            line.push(b'\n');
            self.print(&line);
        }
        let mut reader = FieldReader::new(input, name, col_sep, row_sep, ascii);
        let mut warnings = Vec::new();
        let mut warn = |w: String| warnings.push(w);
        for _ in 0..job.skip.max(0) {
            while reader.next_field(&mut warn).is_some() && reader.term == col_sep {}
        }
        self.report(&mut warnings);
        let target = match &job.schema {
            Some(schema) => format!("{}.{}", quoted(schema), quoted(&job.table)),
            None => quoted(&job.table),
        };
        let mut columns = self.import_columns(&target);
        if matches!(&columns, Err(msg) if msg.starts_with("no such table: ")) {
            let mut header = Vec::new();
            while let Some(field) = reader.next_field(&mut |w| warnings.push(w)) {
                header.push(String::from_utf8_lossy(until_nul(field)).into_owned());
                if reader.term != col_sep {
                    break;
                }
            }
            self.report(&mut warnings);
            let Some((definitions, renames)) = column_definitions(&header) else {
                self.error_line(&format!("{name}: empty file"));
                return Ok(false);
            };
            if let Some(renames) = renames {
                let text = format!("Columns renamed during .import {name} due to duplicates:\n{renames}");
                if self.interactive && self.nesting == 1 {
                    self.print(format!("{text}\n").as_bytes());
                } else {
                    self.error_line(&text);
                }
            }
            let create = format!("CREATE TABLE {target}{definitions}\n");
            if job.verbose >= 1 {
                self.print(format!("{create}\n").as_bytes());
            }
            if let Err(e) = self.query(&create) {
                self.error_line(&format!("{create} failed:\n{}", e.message));
                return Ok(false);
            }
            columns = self.import_columns(&target);
        }
        let columns = match columns {
            Ok(0) => return Ok(true),
            Ok(n) => n,
            Err(msg) => {
                self.error_line(&format!("Error: {msg}"));
                return Ok(false);
            }
        };
        let placeholders = vec!["?"; columns].join(",");
        let insert = format!("INSERT INTO {target} VALUES({placeholders})");
        if job.verbose >= 2 {
            self.print(format!("Insert using: {insert}\n").as_bytes());
        }
        // The INSERT must compile before any row is read for it.
        if let Err(e) = self.query(&format!("EXPLAIN {insert}")) {
            self.error_line(&format!("Error: {}", e.message));
            return Ok(false);
        }
        let in_transaction = self.query("BEGIN").is_ok();
        let (mut rows, mut errors, mut last_failed) = (0usize, 0usize, false);
        loop {
            let start = reader.line;
            let mut values: Vec<Option<Vec<u8>>> = Vec::with_capacity(columns);
            let mut i = 0;
            while i < columns {
                let field = reader.next_field(&mut |w| warnings.push(w)).map(<[u8]>::to_vec);
                if self.interrupt.is_raised() {
                    reader.term = EOF;
                }
                // Nothing left: no row (in ASCII mode also an empty line).
                let empty = field.as_ref().is_none_or(|f| f.first().is_none_or(|&b| b == 0));
                if i == 0 && (field.is_none() || (self.settings.mode == Mode::Ascii && empty)) {
                    break;
                }
                values.push(field);
                if i < columns - 1 && reader.term != col_sep {
                    warnings.push(format!(
                        "{name}:{start}: expected {columns} columns but found {} - filling the rest with NULL",
                        i + 1
                    ));
                    values.resize(columns, None);
                    i = columns + 1;
                    break;
                }
                i += 1;
            }
            if reader.term == col_sep {
                loop {
                    reader.next_field(&mut |w| warnings.push(w));
                    i += 1;
                    if reader.term != col_sep {
                        break;
                    }
                }
                warnings.push(format!("{name}:{start}: expected {columns} columns but found {i} - extras ignored"));
            }
            self.report(&mut warnings);
            if i >= columns {
                let literals: Vec<String> = values.iter().map(|v| v.as_deref().map_or_else(|| "NULL".to_string(), text_literal)).collect();
                match self.query(&format!("INSERT INTO {target} VALUES({})", literals.join(","))) {
                    Ok(_) => {
                        rows += 1;
                        last_failed = false;
                    }
                    Err(e) => {
                        self.error_line(&format!("{name}:{start}: INSERT failed: {}", e.message));
                        errors += 1;
                        last_failed = true;
                    }
                }
            }
            if reader.term == EOF {
                break;
            }
        }
        if in_transaction {
            let _ = self.query("COMMIT");
        }
        if job.verbose > 0 {
            self.print(format!("Added {rows} rows with {errors} errors using {} lines of input\n", reader.line - 1).as_bytes());
        }
        // As sqlite3: the command fails when its last row did.
        Ok(!last_failed)
    }

    /// Prints and forgets the reader's complaints.
    fn report(&mut self, warnings: &mut Vec<String>) {
        for w in warnings.drain(..) {
            self.error_line(&w);
        }
    }
}

/// Counts the columns of a result without reading its rows.
struct ColumnCount(Option<usize>);

impl crate::engine::RowSink for ColumnCount {
    fn columns(&mut self, names: &[String]) -> std::io::Result<()> {
        self.0 = Some(names.len());
        Ok(())
    }
    fn row(&mut self, _values: &[crate::engine::ValueRef<'_>]) -> std::io::Result<()> {
        Ok(())
    }
    fn finish(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub(super) fn import(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut job = Import { file: String::new(), table: String::new(), schema: None, verbose: 0, skip: 0, given: None };
    let (mut file, mut table) = (None, None);
    let mut i = 1;
    while i < args.len() {
        let arg = args.text(i);
        // `--x` is taken as `-x`.
        let z = if arg.starts_with("--") { arg[1..].to_string() } else { arg };
        if !z.starts_with('-') {
            if file.is_none() {
                file = Some(z);
            } else if table.is_none() {
                table = Some(z);
            } else {
                return sh.import_usage(&format!("extra argument: \"{z}\".  Usage:\n"));
            }
        } else if z == "-v" {
            job.verbose += 1;
        } else if z == "-schema" && i + 1 < args.len() {
            i += 1;
            job.schema = Some(args.text(i));
        } else if z == "-skip" && i + 1 < args.len() {
            i += 1;
            job.skip = super::integer_value(&args.text(i));
        } else if z == "-ascii" {
            job.given = Some((0x1f, 0x1e, true));
        } else if z == "-csv" {
            job.given = Some((b',' as i32, b'\n' as i32, false));
        } else {
            return sh.import_usage(&format!("unknown option: \"{z}\".  Usage:\n"));
        }
        i += 1;
    }
    let Some(table) = table else {
        let missing = if file.is_none() { "FILE" } else { "TABLE" };
        return sh.import_usage(&format!("missing {missing} argument. Usage:\n"));
    };
    job.file = file.unwrap_or_default();
    job.table = table;
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    sh.import(job)
}
