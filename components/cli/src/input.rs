//! Line input on a terminal without line editing: WASI gives a component a
//! byte stream, not a tty it could put in raw mode, so the terminal's own
//! cooked mode does the editing (backspace, Ctrl-U) and echoes what is typed.

use sqlink_shell::console::read_raw_line;
use sqlink_shell::{LineReader, ReadLine};
use std::io::{self, BufRead, Write};

/// Shows the prompt and reads a line; unlike [`sqlink_shell::BufLineReader`]
/// it does not echo the line, which the terminal already shows.
pub struct Prompting<R, W> {
    reader: R,
    prompt_to: W,
}

impl<R: BufRead, W: Write> Prompting<R, W> {
    /// Lines from `reader`, with prompts written to `prompt_to`.
    pub fn new(reader: R, prompt_to: W) -> Self {
        Prompting { reader, prompt_to }
    }
}

impl<R: BufRead, W: Write> LineReader for Prompting<R, W> {
    fn read_line(&mut self, prompt: Option<&str>) -> io::Result<ReadLine> {
        if let Some(p) = prompt {
            self.prompt_to.write_all(p.as_bytes())?;
            self.prompt_to.flush()?;
        }
        Ok(read_raw_line(&mut self.reader)?.map_or(ReadLine::Eof, ReadLine::Line))
    }
}
