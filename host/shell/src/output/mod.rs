//! Result printing: one [`ResultPrinter`] per statement, dispatching to the
//! row-at-a-time modes ([`rows`]), the aligned columnar modes
//! ([`columnar`]) or the layouts of EXPLAIN output ([`explain`]).

mod columnar;
pub(crate) mod explain;
mod rows;

pub(crate) use rows::escaped_sql_string;

use crate::engine::{RowSink, ValueRef};
use crate::format::value_text;
use crate::settings::{Mode, Settings};
use std::io::{self, Write};

/// How one statement's rows are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// As the output mode says.
    Mode,
    /// EXPLAIN's fixed columns (an EXPLAIN statement under `.explain
    /// auto`, anything under `.explain on`). `bytecode`: the statement's
    /// text begins with EXPLAIN, so the bodies of loops may be indented.
    Explain { bytecode: bool },
    /// EXPLAIN QUERY PLAN as a tree.
    QueryPlan,
}

/// Prints one statement's result in the current mode. Columnar modes hold
/// the rows until [`ResultPrinter::close`], which the shell calls whether or
/// not the statement failed (rows already produced are shown, as in sqlite3).
pub struct ResultPrinter<'a> {
    settings: &'a Settings,
    out: &'a mut dyn Write,
    layout: Layout,
    names: Vec<Vec<u8>>,
    rows: usize,
    buf: Vec<u8>,
    table: columnar::Grid,
    /// Bytecode rows held back until their indentation is known: the cells
    /// as text, and addr, opcode, p1 and p2.
    bytecode: Option<Vec<(Vec<Vec<u8>>, explain::Instruction)>>,
    plan: explain::QueryPlan,
    closed: bool,
}

/// A value as `sqlite3_column_int` reads it.
fn int_of(v: &ValueRef<'_>) -> i64 {
    match *v {
        ValueRef::Integer(i) => i,
        ValueRef::Real(r) => r as i64,
        _ => {
            let text = value_text(v).unwrap_or_default();
            let s = String::from_utf8_lossy(&text);
            let s = s.trim_start();
            let end = s.char_indices().find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+')))).map_or(s.len(), |(i, _)| i);
            s[..end].parse().unwrap_or(0)
        }
    }
}

impl<'a> ResultPrinter<'a> {
    /// A printer writing to `out` with `settings` and `layout`.
    pub fn with_layout(settings: &'a Settings, out: &'a mut dyn Write, layout: Layout) -> Self {
        let layout = match layout {
            Layout::Mode if settings.mode == Mode::Explain => Layout::Explain { bytecode: false },
            other => other,
        };
        ResultPrinter {
            settings,
            out,
            layout,
            names: Vec::new(),
            rows: 0,
            buf: Vec::new(),
            table: columnar::Grid::default(),
            bytecode: None,
            plan: explain::QueryPlan::default(),
            closed: false,
        }
    }

    /// How many columns a columnar mode laid out, if it showed any row:
    /// sqlite3 then keeps a `.width` slot for each of them.
    pub fn columns_laid_out(&self) -> Option<usize> {
        (self.layout == Layout::Mode && self.settings.mode.is_columnar() && self.rows > 0).then_some(self.names.len())
    }

    /// Writes whatever the mode prints after the last row (json's `]`, the
    /// columnar table). Safe to call more than once.
    pub fn close(&mut self) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        self.closed = true;
        match self.layout {
            Layout::QueryPlan => {
                self.buf.clear();
                self.plan.render(&mut self.buf);
                return self.out.write_all(&self.buf);
            }
            Layout::Explain { .. } => return self.flush_bytecode(),
            Layout::Mode => {}
        }
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

    /// Prints held-back bytecode rows, indented.
    fn flush_bytecode(&mut self) -> io::Result<()> {
        let Some(rows) = self.bytecode.take() else { return Ok(()) };
        let ops: Vec<explain::Instruction> = rows.iter().map(|(_, op)| op.clone()).collect();
        let indents = explain::indents(&ops);
        self.buf.clear();
        for (i, (cells, _)) in rows.iter().enumerate() {
            if i == 0 {
                explain::header(&mut self.buf, &self.names);
            }
            let cells: Vec<&[u8]> = cells.iter().map(Vec::as_slice).collect();
            explain::row(&mut self.buf, &cells, Some(indents[i]));
        }
        self.out.write_all(&self.buf)
    }

    /// One row of the EXPLAIN layout.
    fn explain_row(&mut self, values: &[ValueRef<'_>], bytecode: bool) -> io::Result<()> {
        let null = &self.settings.null_value;
        let cells: Vec<Vec<u8>> = values.iter().map(|v| value_text(v).map_or_else(|| null.clone(), |t| t.into_owned())).collect();
        if let Some(held) = self.bytecode.as_mut() {
            let text = |i: usize| values.get(i).and_then(value_text).map(|t| t.into_owned()).unwrap_or_default();
            let at = |i: usize| values.get(i).map_or(0, int_of);
            held.push((cells, (at(0), text(1), at(2), at(3))));
            return Ok(());
        }
        if bytecode && self.rows == 0 && explain::is_bytecode(&self.names) {
            self.bytecode = Some(Vec::new());
            return self.explain_row(values, bytecode);
        }
        self.buf.clear();
        if self.rows == 0 {
            explain::header(&mut self.buf, &self.names);
        }
        let cells: Vec<&[u8]> = cells.iter().map(Vec::as_slice).collect();
        explain::row(&mut self.buf, &cells, None);
        self.out.write_all(&self.buf)
    }
}

impl RowSink for ResultPrinter<'_> {
    fn columns(&mut self, names: &[String]) -> io::Result<()> {
        self.names = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        Ok(())
    }

    fn row(&mut self, values: &[ValueRef<'_>]) -> io::Result<()> {
        let s = self.settings;
        match self.layout {
            Layout::QueryPlan => {
                if let Some(text) = values.get(3).and_then(value_text) {
                    let at = |i: usize| values.get(i).map_or(0, int_of);
                    self.plan.push(at(0), at(1), &text);
                }
                self.rows += 1;
                return Ok(());
            }
            Layout::Explain { bytecode } => {
                let r = self.explain_row(values, bytecode);
                self.rows += 1;
                return r;
            }
            Layout::Mode => {}
        }
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
