//! The shell's state and the helpers every part of it uses: where output
//! goes, the database it (lazily) opens, and running SQL through the engine.

use crate::console::{Console, Interrupt, LineReader};
use crate::engine::{Engine, OpenOptions, Phase, RowSink, SqlError, ValueRef};
use crate::output::{Layout, ResultPrinter};
use crate::output::explain::QueryPlan;
use crate::settings::{Eqp, Mode, Settings};
use std::io::{self, Write};

/// Where query output goes (`.output`, `.once`).
pub(crate) enum Target {
    Stdout,
    Stderr,
    File(Box<dyn Write>),
}

/// How a command or input stream asks the shell to stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stop {
    /// `.quit` / `.exit`: stop reading the current input.
    Quit,
    /// `.exit N` with N != 0: leave the program now with N.
    Exit(i32),
}

/// A failed statement, worded as sqlite3 words it.
pub(crate) struct Failure {
    pub phase: Phase,
    /// The message, ` (CODE)` when the code is above 1, and for parse
    /// errors with a known offset the two lines that point at it.
    pub text: String,
    /// The primary result code.
    pub code: i32,
}

/// The database the shell works on. It is opened on first use, so naming a
/// file that no command touches does not create it (as in sqlite3).
pub(crate) struct Database {
    pub path: String,
    pub options: OpenOptions,
    pub open: bool,
}

/// The shell: settings, streams and the engine.
pub struct Shell<'e> {
    pub(crate) engine: &'e mut dyn Engine,
    pub(crate) settings: Settings,
    pub(crate) stdin: Box<dyn LineReader>,
    pub(crate) stdout: Box<dyn Write>,
    pub(crate) stderr: Box<dyn Write>,
    pub(crate) target: Target,
    /// The name `.show` prints for the output (`stdout`, a file name).
    pub(crate) target_name: String,
    /// `.once` countdown: 2 after `.once`, reset after the next command.
    pub(crate) once: u8,
    pub(crate) interactive: bool,
    pub(crate) db: Database,
    pub(crate) interrupt: Interrupt,
    /// Line number in the input being read.
    pub(crate) lineno: usize,
    /// How many inputs (`.read`, `-init`) are open inside one another.
    pub(crate) nesting: usize,
}

/// Whitespace as C's `isspace` sees it.
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `s` without leading C whitespace.
pub(crate) fn trim_space(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8))
}

/// Collects a result as text (sqlite3_column_text), for dot commands.
#[derive(Default)]
pub(crate) struct Collect {
    pub rows: Vec<Vec<Option<String>>>,
}

impl RowSink for Collect {
    fn columns(&mut self, _names: &[String]) -> io::Result<()> {
        Ok(())
    }
    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let row = values
            .iter()
            .map(|v| crate::format::value_text(v).map(|t| String::from_utf8_lossy(&t).into_owned()))
            .collect();
        self.rows.push(row);
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'e> Shell<'e> {
    /// A shell over `engine` talking to `console`, with default settings and
    /// the database at `:memory:` (not yet opened).
    pub fn new(engine: &'e mut dyn Engine, console: Console) -> Self {
        Shell {
            engine,
            settings: Settings::default(),
            stdin: console.stdin,
            stdout: console.stdout,
            stderr: console.stderr,
            target: Target::Stdout,
            target_name: String::new(),
            once: 0,
            interactive: console.stdin_is_terminal,
            db: Database { path: ":memory:".into(), options: OpenOptions::default(), open: false },
            interrupt: console.interrupt,
            lineno: 0,
            nesting: 0,
        }
    }

    /// The current output stream.
    pub(crate) fn out(&mut self) -> &mut dyn Write {
        match &mut self.target {
            Target::Stdout => &mut *self.stdout,
            Target::Stderr => &mut *self.stderr,
            Target::File(f) => &mut **f,
        }
    }

    /// The current output stream and the engine, borrowed together (for
    /// results that stream from the one into the other).
    pub(crate) fn out_and_engine(&mut self) -> (&mut dyn Write, &mut dyn Engine) {
        let out: &mut dyn Write = match &mut self.target {
            Target::Stdout => &mut *self.stdout,
            Target::Stderr => &mut *self.stderr,
            Target::File(f) => &mut **f,
        };
        (out, &mut *self.engine)
    }

    /// Writes bytes to the current output, ignoring I/O errors (a closed
    /// pipe must not stop the shell, as with C stdio).
    pub(crate) fn print(&mut self, bytes: &[u8]) {
        let _ = self.out().write_all(bytes);
    }

    /// Writes one message line to standard error, after flushing output so
    /// the two streams interleave sensibly on a terminal.
    pub(crate) fn error_line(&mut self, msg: &str) {
        let _ = self.out().flush();
        let _ = self.stdout.flush();
        let _ = writeln!(self.stderr, "{msg}");
        let _ = self.stderr.flush();
    }

    /// Flushes both streams.
    pub(crate) fn flush(&mut self) {
        let _ = self.out().flush();
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }

    /// Sends output back to standard output, closing any file.
    pub(crate) fn reset_output(&mut self) {
        let _ = self.out().flush();
        self.target = Target::Stdout;
        self.target_name.clear();
    }

    /// Opens the database if it is not open yet. On failure prints sqlite3's
    /// message and returns the exit code the program should end with.
    pub(crate) fn ensure_open(&mut self) -> Result<(), i32> {
        if self.db.open {
            return Ok(());
        }
        match self.engine.open(&self.db.path, &self.db.options) {
            Ok(()) => {
                self.db.open = true;
                Ok(())
            }
            Err(msg) => {
                let path = self.db.path.clone();
                self.error_line(&format!("Error: unable to open database \"{path}\": {msg}"));
                Err(1)
            }
        }
    }

    /// Runs every statement of `sql`, printing results in the current mode
    /// (EXPLAIN statements in their own layouts, under `.explain auto`),
    /// each after its query plan when `.eqp` is on.
    pub(crate) fn exec(&mut self, sql: &str) -> Result<(), Failure> {
        let mut rest = trim_space(sql);
        while !rest.is_empty() {
            let end = first_statement_end(rest, |s| self.engine.is_complete(s));
            let text = &rest[..end];
            let kind = explain_kind(text);
            if self.settings.eqp != Eqp::Off && kind == 0 {
                self.show_plan(text);
            }
            // sqlite3 lays out bytecode only when the text begins with
            // EXPLAIN (a comment first leaves the output mode's layout).
            let bytecode = begins_with_explain(text);
            let layout = match kind {
                1 if self.settings.auto_explain && bytecode => Layout::Explain { bytecode },
                2 if self.settings.auto_explain => Layout::QueryPlan,
                _ if self.settings.mode == Mode::Explain => Layout::Explain { bytecode },
                _ => Layout::Mode,
            };
            let (result, laid_out) = {
                let out: &mut dyn Write = match &mut self.target {
                    Target::Stdout => &mut *self.stdout,
                    Target::Stderr => &mut *self.stderr,
                    Target::File(f) => &mut **f,
                };
                let mut printer = ResultPrinter::with_layout(&self.settings, out, layout);
                let r = self.engine.run(text, &mut printer);
                let _ = printer.close();
                (r, printer.columns_laid_out())
            };
            // sqlite3 keeps a `.width` slot for every column it laid out.
            if let Some(n) = laid_out
                && n > self.settings.widths.len()
            {
                self.settings.widths.resize(n, 0);
            }
            match result {
                Ok(0) => break,
                Ok(used) => rest = trim_space(rest.get(used..).unwrap_or("")),
                Err(e) => return Err(failure(&e, rest)),
            }
        }
        Ok(())
    }

    /// Prints the query plan of the statement `sql` begins with (`.eqp`):
    /// with the plans of triggers from `.eqp trigger` on, and its bytecode
    /// too for `.eqp full`. A statement SQLite cannot explain shows nothing.
    pub(crate) fn show_plan(&mut self, sql: &str) {
        let triggers = self.settings.eqp >= Eqp::Trigger;
        let previous = if triggers { self.engine.set_trigger_eqp(true).ok() } else { None };
        // Only the first statement: `sql` may hold more.
        let mut rows = Collect::default();
        if self.engine.run(&format!("EXPLAIN QUERY PLAN {sql}"), &mut rows).is_ok() {
            let mut plan = QueryPlan::default();
            let mut text = Vec::new();
            let int = |v: Option<&Option<String>>| v.and_then(|v| v.as_deref()).and_then(|t| t.trim().parse::<i64>().ok()).unwrap_or(0);
            for row in &rows.rows {
                let line = row.get(3).cloned().flatten().unwrap_or_default();
                if line.starts_with('-') {
                    plan.render(&mut text);
                }
                plan.push(int(row.first()), int(row.get(1)), line.as_bytes());
            }
            plan.render(&mut text);
            self.print(&text);
        }
        if self.settings.eqp == Eqp::Full {
            let out: &mut dyn Write = match &mut self.target {
                Target::Stdout => &mut *self.stdout,
                Target::Stderr => &mut *self.stderr,
                Target::File(f) => &mut **f,
            };
            let mut printer = ResultPrinter::with_layout(&self.settings, out, Layout::Explain { bytecode: true });
            let _ = self.engine.run(&format!("EXPLAIN {sql}"), &mut printer);
            let _ = printer.close();
        }
        if previous == Some(false) {
            let _ = self.engine.set_trigger_eqp(false);
        }
    }

    /// Runs one query for a dot command and returns its rows as text.
    pub(crate) fn query(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, SqlError> {
        let mut rest = sql;
        let mut sink = Collect::default();
        while !trim_space(rest).is_empty() {
            let used = self.engine.run(rest, &mut sink)?;
            if used == 0 {
                break;
            }
            rest = &rest[used..];
        }
        Ok(sink.rows)
    }
}

/// How far into `sql` the first statement surely ends: just past the first
/// `;` that completes it, or (when that takes more than a few tries, as with
/// semicolons inside a long string) the end of `sql`. Engines copy the
/// text they are given, so giving them one statement at a time keeps a long
/// one-line script linear.
fn first_statement_end(sql: &str, is_complete: impl Fn(&str) -> bool) -> usize {
    let mut from = 0;
    for _ in 0..8 {
        let Some(i) = sql[from..].find(';') else { break };
        let end = from + i + 1;
        if is_complete(&sql[..end]) {
            return end;
        }
        from = end;
    }
    sql.len()
}

/// Skips whitespace and comments at the start of `sql`.
fn skip_blank(sql: &[u8]) -> &[u8] {
    let mut z = sql;
    loop {
        while let Some((&c, rest)) = z.split_first() {
            if !is_space(c) {
                break;
            }
            z = rest;
        }
        if let Some(rest) = z.strip_prefix(b"--") {
            z = rest.iter().position(|&c| c == b'\n').map_or(&[][..], |p| &rest[p + 1..]);
        } else if let Some(rest) = z.strip_prefix(b"/*") {
            z = rest.windows(2).position(|w| w == b"*/").map_or(&[][..], |p| &rest[p + 2..]);
        } else {
            return z;
        }
    }
}

/// The first word of `sql` if it is `word` (any case); returns what follows.
fn keyword<'a>(sql: &'a [u8], word: &str) -> Option<&'a [u8]> {
    let z = skip_blank(sql);
    let n = z.iter().take_while(|&&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80).count();
    z[..n].eq_ignore_ascii_case(word.as_bytes()).then(|| &z[n..])
}

/// What `sqlite3_stmt_isexplain` says of the statement `sql` begins with:
/// 0 for a plain statement, 1 for EXPLAIN, 2 for EXPLAIN QUERY PLAN.
pub(crate) fn explain_kind(sql: &str) -> u8 {
    let Some(rest) = keyword(sql.as_bytes(), "explain") else { return 0 };
    match keyword(rest, "query").and_then(|r| keyword(r, "plan")) {
        Some(_) => 2,
        None => 1,
    }
}

/// Whether the text of a statement starts with `explain` after whitespace
/// (comments not skipped): sqlite3 indents bytecode only then.
fn begins_with_explain(sql: &str) -> bool {
    let z = sql.trim_start_matches([' ', '\t', '\n', '\x0c', '\r']);
    z.len() >= 7 && z.as_bytes()[..7].eq_ignore_ascii_case(b"explain")
}

/// Words an engine error like sqlite3's `save_err_msg`.
fn failure(e: &SqlError, sql: &str) -> Failure {
    let code = e.code & 0xff;
    let mut text = e.message.clone();
    if code > 1 {
        text.push_str(&format!(" ({code})"));
    }
    if let (Phase::Prepare, Some(offset)) = (e.phase, e.offset) {
        text.push_str(&error_context(sql, offset));
    }
    Failure { phase: e.phase, text, code: if code == 0 { 1 } else { code } }
}

/// The two lines under an error message that show where in `sql` it is:
/// up to 78 bytes of the statement (whitespace as spaces, shifted so the
/// offset is at most 50) and a caret.
pub(crate) fn error_context(sql: &str, offset: usize) -> String {
    let bytes = sql.as_bytes();
    let mut start = 0usize;
    let mut off = offset.min(bytes.len());
    while off > 50 {
        off -= 1;
        start += 1;
        while start < bytes.len() && bytes[start] & 0xc0 == 0x80 {
            start += 1;
            off = off.saturating_sub(1);
        }
    }
    let code = &bytes[start.min(bytes.len())..];
    let mut len = code.len();
    if len > 78 {
        len = 78;
        while len > 0 && code[len] & 0xc0 == 0x80 {
            len -= 1;
        }
    }
    let shown: Vec<u8> = code[..len].iter().map(|&b| if is_space(b) { b' ' } else { b }).collect();
    let shown = String::from_utf8_lossy(&shown);
    if off < 25 {
        format!("\n  {shown}\n  {}^--- error here", " ".repeat(off))
    } else {
        format!("\n  {shown}\n  {}error here ---^", " ".repeat(off - 14))
    }
}

#[cfg(test)]
mod tests {
    use super::first_statement_end;

    /// A stand-in for `sqlite3_complete` that knows quotes and triggers well
    /// enough for these cases.
    fn complete(sql: &str) -> bool {
        let quotes = sql.matches('\'').count();
        let in_trigger = sql.contains("begin") && !sql.contains("end;");
        quotes.is_multiple_of(2) && !in_trigger && sql.trim_end().ends_with(';')
    }

    #[test]
    fn ends_after_the_semicolon_that_completes_the_statement() {
        assert_eq!(first_statement_end("select 1; select 2;", complete), 9);
        assert_eq!(first_statement_end("select 'a;b'; select 2;", complete), 13);
        let trigger = "create trigger t after insert on a begin select 1; end; select 2;";
        assert_eq!(first_statement_end(trigger, complete), trigger.find("end;").unwrap() + 4);
    }

    #[test]
    fn recognizes_explain() {
        use super::{begins_with_explain, explain_kind};
        assert_eq!(explain_kind("select 1"), 0);
        assert_eq!(explain_kind(" /* c */ Explain select 1"), 1);
        assert_eq!(explain_kind("explain -- x\n query plan select 1"), 2);
        assert_eq!(explain_kind("explainx select 1"), 0);
        assert!(begins_with_explain("\n EXPLAIN select 1"));
        assert!(!begins_with_explain("/* c */ explain select 1"));
    }

    #[test]
    fn gives_everything_when_unsure() {
        assert_eq!(first_statement_end("select 1", complete), 8);
        let many = format!("select '{}';", ";".repeat(20));
        assert_eq!(first_statement_end(&many, complete), many.len());
    }
}
