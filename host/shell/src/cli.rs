//! The program's main flow: parse arguments, apply options, run `-init`,
//! `-cmd`s and the SQL arguments, or read standard input.

use crate::args::{self, Action, Invocation};
use crate::console::Console;
use crate::engine::{Engine, Phase};
use crate::input::Source;
use crate::settings::Mode;
use crate::shell::{Shell, Stop};
use std::fs::File;
use std::io::{BufReader, Write};

/// The sqlink version shown in the banner and by `-version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Runs the shell as a program: `argv` includes the program name. Returns
/// the exit status.
pub fn run(argv: &[String], engine: &mut dyn Engine, console: Console) -> i32 {
    let mut stderr_fallback = None;
    let inv = match args::parse(argv) {
        Ok(inv) => inv,
        Err(msg) => {
            let mut err = console.stderr;
            let _ = writeln!(err, "sqlink: {msg}");
            let _ = err.flush();
            stderr_fallback.replace(());
            return 1;
        }
    };
    let mut sh = Shell::new(engine, console);
    let code = sh.main(&inv);
    sh.flush();
    code
}

fn clip(v: &str) -> Vec<u8> {
    v.as_bytes()[..v.len().min(19)].to_vec()
}

impl Shell<'_> {
    fn main(&mut self, inv: &Invocation) -> i32 {
        if inv.has("batch") {
            self.interactive = false;
        }
        self.settings.bail = inv.has("bail");
        self.db.options.readonly = inv.has("readonly");
        if let Some(file) = &inv.file {
            self.db.path = file.clone();
        }
        if let Some(init) = &inv.init {
            match File::open(init) {
                Ok(f) => {
                    if self.interactive {
                        self.error_line(&format!("-- Loading resources from {init}"));
                    }
                    let mut reader = BufReader::new(f);
                    match self.process_input(Source::File(&mut reader)) {
                        Ok(true) if self.settings.bail => return 1,
                        Ok(_) => {}
                        Err(code) => return code,
                    }
                }
                Err(_) => {
                    self.error_line(&format!("cannot open: \"{init}\""));
                    if self.settings.bail {
                        return 1;
                    }
                }
            }
        }
        for action in &inv.actions {
            if let Some(code) = self.apply(action) {
                return code;
            }
        }
        if !inv.commands.is_empty() {
            for c in &inv.commands {
                if let Some(code) = self.run_argument(c) {
                    return code;
                }
            }
            return 0;
        }
        if self.interactive {
            let banner = format!("sqlink {VERSION} ({})\nEnter \".help\" for usage hints.\n", self.engine.version());
            let _ = self.stdout.write_all(banner.as_bytes());
            if argv_was_empty(inv) {
                let _ = self.stdout.write_all(
                    b"Connected to a \x1b[1mtransient in-memory database\x1b[0m.\nUse \".open FILENAME\" to reopen on a persistent database.\n",
                );
            }
        }
        match self.process_input(Source::Stdin) {
            Ok(errors) => i32::from(errors),
            Err(code) => code,
        }
    }

    /// Applies one option; `Some(code)` ends the program.
    fn apply(&mut self, action: &Action) -> Option<i32> {
        let s = &mut self.settings;
        match action {
            Action::Separator(v) => s.col_sep = clip(v),
            Action::Newline(v) => s.row_sep = clip(v),
            Action::NullValue(v) => s.null_value = clip(v),
            Action::Cmd(c) => return self.run_cmd_option(c),
            Action::Flag(f) => match f.as_str() {
                "html" => s.mode = Mode::Html,
                "list" => s.mode = Mode::List,
                "line" => s.mode = Mode::Line,
                "column" => s.mode = Mode::Column,
                "json" => s.mode = Mode::Json,
                "markdown" => s.mode = Mode::Markdown,
                "table" => s.mode = Mode::Table,
                "box" => s.mode = Mode::Box,
                "quote" => {
                    s.mode = Mode::Quote;
                    s.col_sep = b",".to_vec();
                    s.row_sep = b"\n".to_vec();
                }
                "csv" => {
                    s.mode = Mode::Csv;
                    s.col_sep = b",".to_vec();
                }
                "ascii" => {
                    s.mode = Mode::Ascii;
                    s.col_sep = vec![0x1f];
                    s.row_sep = vec![0x1e];
                }
                "tabs" => {
                    s.mode = Mode::List;
                    s.col_sep = b"\t".to_vec();
                    s.row_sep = b"\n".to_vec();
                }
                "header" | "noheader" => {
                    s.headers = f == "header";
                    s.headers_set = true;
                }
                "echo" => s.echo = true,
                "interactive" => self.interactive = true,
                "batch" => self.interactive = false,
                "version" => {
                    let line = format!("sqlink {VERSION} ({})\n", self.engine.version());
                    let _ = self.stdout.write_all(line.as_bytes());
                    return Some(0);
                }
                "help" => {
                    self.error_line(args::USAGE.trim_end());
                    return Some(1);
                }
                _ => {}
            },
        }
        None
    }

    /// `-cmd COMMAND`: errors are reported; they end the program only with `-bail`.
    fn run_cmd_option(&mut self, c: &str) -> Option<i32> {
        let bail = self.settings.bail;
        self.run_command(c, bail)
    }

    /// An SQL or dot-command argument after the file name: the first error
    /// ends the program.
    fn run_argument(&mut self, c: &str) -> Option<i32> {
        self.run_command(c, true)
    }

    /// Runs one command given on the command line; returns the exit code
    /// when it ends the program (always on `.quit`/`.exit`; on errors when
    /// `bail`).
    fn run_command(&mut self, c: &str, bail: bool) -> Option<i32> {
        if c.starts_with('.') {
            return match self.dot_command(c) {
                Ok(true) => None,
                Ok(false) => bail.then_some(1),
                Err(Stop::Quit) => bail.then_some(0),
                Err(Stop::Exit(code)) => Some(code),
            };
        }
        if let Err(code) = self.ensure_open() {
            return Some(code);
        }
        match self.exec(c) {
            Ok(()) => None,
            Err(f) => {
                self.error_line(&format!("Error: {}", phase_message(f.phase, &f.text)));
                bail.then_some(f.code)
            }
        }
    }
}

fn phase_message(phase: Phase, text: &str) -> String {
    match phase {
        Phase::Prepare => format!("in prepare, {text}"),
        Phase::Step => format!("stepping, {text}"),
    }
}

/// Whether sqlink was started with no arguments at all (then the banner
/// warns that the database is transient).
fn argv_was_empty(inv: &Invocation) -> bool {
    inv.file.is_none() && inv.actions.is_empty() && inv.init.is_none()
}
