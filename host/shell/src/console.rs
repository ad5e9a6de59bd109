//! What the shell needs from its host besides the engine: standard input
//! as lines, the two output streams, and the Ctrl-C flag.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// One read from the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadLine {
    /// A line, without its line terminator.
    Line(String),
    /// Ctrl-C at the prompt: the shell drops the statement being typed.
    Interrupted,
    /// End of input.
    Eof,
}

/// Standard input as lines. The native binary implements it with rustyline
/// on a terminal and with buffered reads otherwise.
pub trait LineReader {
    /// Reads the next line. `prompt` is `Some` when the shell is interactive;
    /// the reader shows it (and, reading from something that is not a
    /// terminal, echoes the line after it as readline does).
    fn read_line(&mut self, prompt: Option<&str>) -> io::Result<ReadLine>;
}

/// Counts Ctrl-C presses; the host's signal handler calls [`Interrupt::raise`]
/// (and the engine's interrupter), the shell checks and clears it.
#[derive(Debug, Clone, Default)]
pub struct Interrupt(Arc<AtomicUsize>);

impl Interrupt {
    /// Records one Ctrl-C; returns how many are pending.
    pub fn raise(&self) -> usize {
        self.0.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Whether Ctrl-C was pressed since the last [`Interrupt::clear`].
    pub fn is_raised(&self) -> bool {
        self.0.load(Ordering::SeqCst) > 0
    }

    /// Forgets pending presses.
    pub fn clear(&self) {
        self.0.store(0, Ordering::SeqCst);
    }
}

/// The shell's connection to the outside world.
pub struct Console {
    /// Standard input, as lines.
    pub stdin: Box<dyn LineReader>,
    /// Whether standard input is a terminal (sqlite3's default for `-interactive`).
    pub stdin_is_terminal: bool,
    /// Standard output (buffered is fine: the shell flushes before reading).
    pub stdout: Box<dyn Write>,
    /// Standard error.
    pub stderr: Box<dyn Write>,
    /// Set by the host's Ctrl-C handler.
    pub interrupt: Interrupt,
}

/// Reads lines from any buffered reader (files, pipes), stripping `\n` or
/// `\r\n`; invalid UTF-8 is replaced. When given a prompt it writes the
/// prompt and then the line itself to `echo`, like readline reading from a pipe.
pub struct BufLineReader<R, W> {
    reader: R,
    echo: W,
}

impl<R: io::BufRead, W: Write> BufLineReader<R, W> {
    /// Lines from `reader`; prompts and echoed lines go to `echo`.
    pub fn new(reader: R, echo: W) -> Self {
        BufLineReader { reader, echo }
    }
}

/// Reads one line of bytes without its terminator; `None` at end of input.
pub fn read_raw_line(reader: &mut dyn io::BufRead) -> io::Result<Option<String>> {
    let mut buf = Vec::new();
    if reader.read_until(b'\n', &mut buf)? == 0 {
        return Ok(None);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(Some(match String::from_utf8(buf) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    }))
}

impl<R: io::BufRead, W: Write> LineReader for BufLineReader<R, W> {
    fn read_line(&mut self, prompt: Option<&str>) -> io::Result<ReadLine> {
        if let Some(p) = prompt {
            self.echo.write_all(p.as_bytes())?;
            self.echo.flush()?;
        }
        let line = read_raw_line(&mut self.reader)?;
        if let (Some(_), Some(l)) = (prompt, &line) {
            writeln!(self.echo, "{l}")?;
            self.echo.flush()?;
        }
        Ok(line.map_or(ReadLine::Eof, ReadLine::Line))
    }
}
