//! The input loop: reads lines, runs dot commands, gathers SQL until a
//! statement is complete, runs it and reports errors the way sqlite3 does.

use crate::console::{ReadLine, read_raw_line};
use crate::engine::Phase;
use crate::scan::{Scan, is_terminator_line};
use crate::shell::{Shell, Stop, trim_space};
use crate::timer::Timer;
use std::io::BufRead;

/// Where lines come from.
pub(crate) enum Source<'a> {
    /// The shell's standard input.
    Stdin,
    /// A file (`.read`, `-init`).
    File(&'a mut dyn BufRead),
}

/// Deepest nesting of `.read` files.
const MAX_NESTING: usize = 25;

impl Shell<'_> {
    fn next_line(&mut self, src: &mut Source<'_>, continuation: bool) -> Option<String> {
        match src {
            Source::File(r) => read_raw_line(*r).ok().flatten(),
            Source::Stdin => {
                let prompt = self.interactive.then(|| {
                    if continuation { self.settings.continue_prompt.clone() } else { self.settings.main_prompt.clone() }
                });
                match self.stdin.read_line(prompt.as_deref()) {
                    Ok(ReadLine::Line(l)) => Some(l),
                    Ok(ReadLine::Interrupted) => {
                        self.interrupt.raise();
                        Some(String::new())
                    }
                    Ok(ReadLine::Eof) | Err(_) => None,
                }
            }
        }
    }

    /// Prints `text` when `.echo` is on.
    fn echo(&mut self, text: &str) {
        if self.settings.echo {
            let mut line = text.as_bytes().to_vec();
            line.push(b'\n');
            self.print(&line);
        }
    }

    /// Reads and runs everything from `src`. Returns whether any error
    /// occurred, or how the program must stop.
    pub(crate) fn process_input(&mut self, mut src: Source<'_>) -> Result<bool, i32> {
        let is_stdin = matches!(src, Source::Stdin);
        if self.nesting == MAX_NESTING {
            let line = self.lineno;
            self.error_line(&format!("Input nesting limit ({MAX_NESTING}) reached at line {line}. Check recursion."));
            return Ok(true);
        }
        self.nesting += 1;
        self.lineno = 0;
        let result = self.input_loop(&mut src, is_stdin);
        self.nesting -= 1;
        result
    }

    fn input_loop(&mut self, src: &mut Source<'_>, is_stdin: bool) -> Result<bool, i32> {
        let mut errors = 0usize;
        let mut sql = String::new();
        let mut start_line = 0usize;
        let mut scan = Scan::default();
        let interactive_stdin = is_stdin && self.interactive;
        while errors == 0 || !self.settings.bail || interactive_stdin {
            self.flush();
            let Some(mut line) = self.next_line(src, !sql.is_empty()) else {
                if interactive_stdin {
                    self.print(b"\n");
                }
                break;
            };
            if self.interrupt.is_raised() {
                if !interactive_stdin {
                    break;
                }
                self.interrupt.clear();
                if interactive_stdin && line.is_empty() {
                    sql.clear();
                    scan = Scan::default();
                    continue;
                }
            }
            self.lineno += 1;
            if scan.in_plain() && is_terminator_line(&line) && (sql.is_empty() || self.engine.is_complete(&format!("{sql};"))) {
                line = ";".into();
            }
            scan = scan.line(&line);
            if scan.is_blank() && sql.is_empty() {
                self.echo(&line);
                scan = Scan::default();
                continue;
            }
            if sql.is_empty() && (line.starts_with('.') || line.starts_with('#')) {
                self.echo(&line);
                if line.starts_with('.') {
                    match self.dot_command(&line) {
                        Ok(true) => {}
                        Ok(false) => errors += 1,
                        Err(Stop::Quit) => break,
                        Err(Stop::Exit(code)) => return Err(code),
                    }
                }
                scan = Scan::default();
                continue;
            }
            if sql.is_empty() {
                sql.push_str(trim_space(&line));
                start_line = self.lineno;
            } else {
                sql.push('\n');
                sql.push_str(&line);
            }
            // The newline keeps a trailing `-- comment` from making newer
            // SQLite's sqlite3_complete() report the text as unfinished.
            if scan.ends_with_semicolon() && self.engine.is_complete(&format!("{sql}\n")) {
                self.echo(&sql.clone());
                errors += self.run_chunk(&sql, start_line, is_stdin)?;
                sql.clear();
                if self.once > 0 {
                    self.reset_output();
                    self.once = 0;
                }
                scan = Scan::default();
            } else if scan.is_blank() {
                self.echo(&sql.clone());
                sql.clear();
                scan = Scan::default();
            }
        }
        if !sql.is_empty() {
            self.echo(&sql.clone());
            errors += self.run_chunk(&sql, start_line, is_stdin)?;
        }
        Ok(errors > 0)
    }

    /// Runs SQL gathered from input; returns 1 if it failed (after printing
    /// `Parse error near line N: ...`), 0 otherwise.
    fn run_chunk(&mut self, sql: &str, start_line: usize, is_stdin: bool) -> Result<usize, i32> {
        self.ensure_open()?;
        let timer = self.settings.timer.then(Timer::start);
        let result = self.exec(sql);
        if let Some(t) = timer {
            let line = t.report();
            let _ = self.out().flush();
            let _ = writeln!(self.stdout, "{line}");
        }
        match result {
            Err(f) => {
                let kind = match f.phase {
                    Phase::Prepare => "Parse error",
                    Phase::Step => "Runtime error",
                };
                let prefix = if !is_stdin || !self.interactive { format!("{kind} near line {start_line}:") } else { format!("{kind}:") };
                self.error_line(&format!("{prefix} {}", f.text));
                Ok(1)
            }
            Ok(()) => {
                if self.settings.changes {
                    let counts = self.query("SELECT changes(), total_changes()").unwrap_or_default();
                    let get = |i: usize| counts.first().and_then(|r| r.get(i)).cloned().flatten().unwrap_or_default();
                    let line = format!("changes: {}   total_changes: {}\n", get(0), get(1));
                    self.print(line.as_bytes());
                }
                Ok(0)
            }
        }
    }
}

use std::io::Write;
