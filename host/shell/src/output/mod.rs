//! Result printing: one [`ResultPrinter`] per statement, dispatching to the
//! row-at-a-time modes ([`rows`]) or the aligned columnar modes ([`columnar`]).

mod columnar;
mod rows;

use crate::engine::{RowSink, ValueRef};
use crate::settings::{Mode, Settings};
use std::io::{self, Write};


/// Prints one statement's result in the current mode. Columnar modes hold
/// the rows until [`ResultPrinter::close`], which the shell calls whether or
/// not the statement failed (rows already produced are shown, as in sqlite3).
pub struct ResultPrinter<'a> {
    settings: &'a Settings,
    out: &'a mut dyn Write,
    names: Vec<Vec<u8>>,
    rows: usize,
    buf: Vec<u8>,
    table: columnar::Grid,
    closed: bool,
}

impl<'a> ResultPrinter<'a> {
    /// A printer writing to `out` with `settings`.
    pub fn new(settings: &'a Settings, out: &'a mut dyn Write) -> Self {
        ResultPrinter { settings, out, names: Vec::new(), rows: 0, buf: Vec::new(), table: columnar::Grid::default(), closed: false }
    }

    /// Writes whatever the mode prints after the last row (json's `]`, the
    /// columnar table). Safe to call more than once.
    pub fn close(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        self.closed = true;
        let s = self.settings;
        match s.mode {
            Mode::Json if self.rows > 0 => self.out.write_all(b"]\n")?,
            Mode::Count if self.rows > 0 => {
                let n = self.rows;
                writeln!(self.out, "{n} row{}", if n == 1 { "" } else { "s" })?
            }
            m if m.is_columnar() => {
                self.buf.clear();
                self.table.render(s, &mut self.buf);
                self.out.write_all(&self.buf)?;
            }
            _ => {}
        }
        Ok(())
    }
}

impl RowSink for ResultPrinter<'_> {
    fn columns(&mut self, names: &[String]) -> io::Result<()> {
        self.names = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let s = self.settings;
        if s.mode.is_columnar() {
            if self.rows == 0 {
                self.table.set_header(s, &self.names);
            }
            self.table.add_row(s, values);
            self.rows += 1;
            return Ok(());
        }
        self.buf.clear();
        rows::format_row(s, &self.names, values, self.rows, &mut self.buf);
        self.rows += 1;
        self.out.write_all(&self.buf)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.close()
    }
}
