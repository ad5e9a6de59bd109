//! The rows of a scan, and how they get into the batches a host receives.
//!
//! A scan is a [`RowSource`]. The easy one is any iterator of
//! `Result<Row>`; a table whose scans are hot writes each row through a
//! [`RowWriter`] instead, straight into the batch, so a row costs no
//! allocation at all (SQLite's own C tables answer `xColumn` from their
//! cursor; this is the nearest a table behind the sandbox gets to that).

use super::{Columns, Row};
use crate::error::{Error, Result};
use crate::value::Value;
use crate::wit::vtab_types::RowBatch;
use sqlink_abi::batch::{BLOB, INTEGER, NULL, REAL, TEXT};

/// The rows of one scan, in the order SQLite receives them.
///
/// Every `Iterator<Item = Result<Row>>` is one. Implement it directly to
/// write rows without building [`Row`]s:
///
/// ```ignore
/// impl RowSource for Squares {
///     fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
///         if self.n > 10 { return Ok(false); }
///         row.integer(self.n);
///         row.integer(self.n * self.n);
///         self.n += 1;
///         Ok(true)
///     }
/// }
/// ```
pub trait RowSource: 'static {
    /// Writes the next row into `row`: its values, one per declared column
    /// in order (hidden columns included), and, if it has one, its rowid.
    /// Returns `Ok(false)`, writing nothing, when the scan is over. An
    /// error ends the scan with it.
    fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool>;

    /// Reads up to `max` more rows of the scan as [`Row`]s of `width`
    /// values each, every column included: for tests.
    fn take_rows(&mut self, width: usize, max: usize) -> Result<Vec<Row>>
    where
        Self: Sized,
    {
        let mut fill = BatchFill::new(width, Columns::ALL);
        let mut batch = empty_batch();
        fill.fill(self, &mut batch, u32::try_from(max).unwrap_or(u32::MAX));
        match fill.error.take() {
            Some(error) => Err(error),
            None => Ok(batch_rows(&batch, width)),
        }
    }
}

impl<I: Iterator<Item = Result<Row>> + 'static> RowSource for I {
    fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
        let Some(next) = self.next() else { return Ok(false) };
        let next = next?;
        row.rowid(next.rowid);
        for value in &next.values {
            row.value(value);
        }
        Ok(true)
    }
}

/// Where a [`RowSource`] writes one row. Values go to the columns in
/// order; the writer keeps only those SQLite reads (see
/// [`wants`](RowWriter::wants)), pads a short row with NULLs and ignores
/// values past the last column.
pub struct RowWriter<'a> {
    batch: &'a mut RowBatch,
    /// Whether SQLite reads each column.
    wanted: &'a [bool],
    /// The next column to write.
    column: usize,
    rowid: Option<i64>,
    /// A value too large for a batch, reported once the row is written.
    error: Option<Error>,
}

impl RowWriter<'_> {
    /// The row's rowid. A row written without one is numbered by its place
    /// in the scan (1, 2, 3...), as SQLite's own table-valued functions do.
    pub fn rowid(&mut self, rowid: i64) {
        self.rowid = Some(rowid);
    }

    /// Whether SQLite reads column `column` in this scan. A table may skip
    /// computing the others and write NULL (or anything) in their place.
    pub fn wants(&self, column: usize) -> bool {
        self.wanted.get(column).copied().unwrap_or(false)
    }

    /// How many values this row has been given so far.
    pub fn written(&self) -> usize {
        self.column
    }

    /// The next column is NULL.
    pub fn null(&mut self) {
        self.cell(NULL, |_| 0);
    }

    /// The next column is this integer.
    pub fn integer(&mut self, value: i64) {
        self.cell(INTEGER, |_| value);
    }

    /// The next column is this real.
    pub fn real(&mut self, value: f64) {
        self.cell(REAL, |_| value.to_bits() as i64);
    }

    /// The next column is this text (UTF-8 expected, passed on as given).
    pub fn text(&mut self, text: impl AsRef<[u8]>) {
        self.cell(TEXT, |bytes| {
            let len = bytes.push(text.as_ref());
            // The contract's NUL after each text.
            bytes.bytes.push(0);
            len
        });
    }

    /// The next column is this blob.
    pub fn blob(&mut self, blob: impl AsRef<[u8]>) {
        self.cell(BLOB, |bytes| bytes.push(blob.as_ref()));
    }

    /// The next column is this value.
    pub fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.null(),
            Value::Integer(i) => self.integer(*i),
            Value::Real(r) => self.real(*r),
            Value::Text(t) => self.text(t),
            Value::Blob(b) => self.blob(b),
        }
    }

    /// Appends a cell of this kind when SQLite reads the column; `value`
    /// gives its value, appending any bytes.
    fn cell(&mut self, kind: u8, value: impl FnOnce(&mut Bytes<'_>) -> i64) {
        if self.wants(self.column) {
            let value = value(&mut Bytes { bytes: &mut self.batch.bytes, error: &mut self.error });
            self.batch.kinds.push(kind);
            self.batch.values.push(value);
        }
        self.column += 1;
    }
}

/// The batch's byte area, and where a value too large for it is reported.
struct Bytes<'a> {
    bytes: &'a mut Vec<u8>,
    error: &'a mut Option<Error>,
}

impl Bytes<'_> {
    /// Appends a value's bytes and returns their length.
    fn push(&mut self, value: &[u8]) -> i64 {
        match u32::try_from(value.len()) {
            Ok(len) => {
                self.bytes.extend_from_slice(value);
                i64::from(len)
            }
            Err(_) => {
                self.error.get_or_insert_with(|| Error::with_code(Error::TOOBIG, "a value of a row is larger than 4 GiB"));
                0
            }
        }
    }
}

/// A [`RowSource`] of any type, filled from with one dynamic call per
/// batch rather than per row.
pub trait DynRowSource {
    /// Appends up to `max_rows` rows to `batch`.
    fn fill_from(&mut self, fill: &mut BatchFill, batch: &mut RowBatch, max_rows: u32);
}

impl<S: RowSource> DynRowSource for S {
    fn fill_from(&mut self, fill: &mut BatchFill, batch: &mut RowBatch, max_rows: u32) {
        fill.fill(self, batch, max_rows);
    }
}

/// A batch with no rows, not done.
pub(crate) fn empty_batch() -> RowBatch {
    RowBatch { rowids: Vec::new(), kinds: Vec::new(), values: Vec::new(), bytes: Vec::new(), subtypes: Vec::new(), done: false }
}

/// Fills batches from one scan's [`RowSource`]: which columns to keep, the
/// rows counted so far, and an error waiting for the next fetch.
pub struct BatchFill {
    wanted: Vec<bool>,
    /// The number of columns kept per row.
    kept: usize,
    /// Rows written so far, for default rowids.
    count: i64,
    /// An error met after some rows of a batch, reported by the next fetch
    /// so those rows arrive first (as they would, one at a time, in SQLite).
    pub error: Option<Error>,
}

impl BatchFill {
    /// For a table `width` columns wide whose scan reads `columns`.
    pub fn new(width: usize, columns: Columns) -> BatchFill {
        let wanted: Vec<bool> = (0..width).map(|c| columns.contains(c)).collect();
        let kept = wanted.iter().filter(|&&w| w).count();
        BatchFill { wanted, kept, count: 0, error: None }
    }

    /// Appends up to `max_rows` rows to `batch`, setting `done` when the
    /// source ran out. An error ends the batch (keeping only whole rows)
    /// and waits in [`error`](BatchFill::error).
    pub fn fill<S: RowSource + ?Sized>(&mut self, source: &mut S, batch: &mut RowBatch, max_rows: u32) {
        let max_rows = max_rows as usize;
        batch.rowids.reserve(max_rows.min(4096));
        batch.kinds.reserve(max_rows.min(4096) * self.kept);
        batch.values.reserve(max_rows.min(4096) * self.kept);
        while !batch.done && batch.rowids.len() < max_rows {
            let (cells, bytes) = (batch.kinds.len(), batch.bytes.len());
            let mut row = RowWriter { batch: &mut *batch, wanted: &self.wanted, column: 0, rowid: None, error: None };
            let written = source.next_row(&mut row);
            let (column, rowid, error) = (row.column, row.rowid, row.error);
            match written.and_then(|more| error.map_or(Ok(more), Err)) {
                Ok(true) => {
                    // Pad a short row with NULLs.
                    let missing = self.wanted.iter().skip(column).filter(|&&w| w).count();
                    batch.kinds.extend(std::iter::repeat_n(NULL, missing));
                    batch.values.extend(std::iter::repeat_n(0, missing));
                    self.count += 1;
                    batch.rowids.push(rowid.unwrap_or(self.count));
                }
                Ok(false) => {
                    truncate(batch, cells, bytes);
                    batch.done = true;
                }
                Err(e) => {
                    truncate(batch, cells, bytes);
                    self.error = Some(e);
                    break;
                }
            }
        }
    }
}

/// Drops what a row left half written.
fn truncate(batch: &mut RowBatch, cells: usize, bytes: usize) {
    batch.kinds.truncate(cells);
    batch.values.truncate(cells);
    batch.bytes.truncate(bytes);
    batch.subtypes.retain(|&(cell, _)| (cell as usize) < cells);
}

/// A batch holding every column, as [`Row`]s.
fn batch_rows(batch: &RowBatch, width: usize) -> Vec<Row> {
    let mut offset = 0;
    let mut cells = batch.kinds.iter().zip(&batch.values);
    let mut take = |len: u32| {
        let bytes = batch.bytes[offset..offset + len as usize].to_vec();
        offset += len as usize;
        bytes
    };
    let rows = batch.rowids.iter().map(|&rowid| {
        let values = cells
            .by_ref()
            .take(width)
            .map(|(&kind, &value)| match kind {
                INTEGER => Value::Integer(value),
                REAL => Value::Real(f64::from_bits(value as u64)),
                TEXT => {
                    let text = take(value as u32);
                    take(1);
                    Value::Text(text)
                }
                BLOB => Value::Blob(take(value as u32)),
                _ => Value::Null,
            })
            .collect();
        Row::new(rowid, values)
    });
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows (n, 'n' as text) for n in 1..=3, written without rowids.
    struct Written(i64);
    impl RowSource for Written {
        fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
            if self.0 >= 3 {
                return Ok(false);
            }
            self.0 += 1;
            row.integer(self.0);
            if row.wants(1) {
                row.text(self.0.to_string());
            }
            Ok(true)
        }
    }

    #[test]
    fn written_rows_are_numbered_and_padded() {
        let rows = Written(0).take_rows(3, 10).unwrap();
        let text = |s: &str| Value::text(s);
        assert_eq!(
            rows,
            [
                Row::new(1, vec![Value::Integer(1), text("1"), Value::Null]),
                Row::new(2, vec![Value::Integer(2), text("2"), Value::Null]),
                Row::new(3, vec![Value::Integer(3), text("3"), Value::Null]),
            ]
        );
    }

    #[test]
    fn only_the_columns_read_are_kept() {
        let mut fill = BatchFill::new(3, Columns::from_columns([1]));
        let mut batch = empty_batch();
        fill.fill(&mut Written(0), &mut batch, 2);
        assert_eq!(batch.rowids, [1, 2]);
        assert_eq!((&batch.kinds[..], &batch.values[..]), (&[TEXT, TEXT][..], &[1, 1][..]));
        assert_eq!(batch.bytes, b"1\02\0");
        assert!(!batch.done);
        fill.fill(&mut Written(2), &mut batch, 10);
        assert_eq!(batch.rowids, [1, 2, 3]);
        assert!(batch.done);
    }

    #[test]
    fn iterators_of_rows_keep_their_rowids_and_drop_extra_values() {
        let rows = vec![Ok(Row::new(10, vec![Value::Integer(1), Value::Integer(2), Value::Integer(3)]))];
        assert_eq!(rows.into_iter().take_rows(2, 10).unwrap(), [Row::new(10, vec![Value::Integer(1), Value::Integer(2)])]);
    }

    #[test]
    fn an_error_after_some_rows_waits_and_keeps_whole_rows() {
        let rows = vec![Ok(Row::new(1, vec![Value::text("kept")])), Err(Error::new("broken"))];
        let mut fill = BatchFill::new(1, Columns::ALL);
        let mut batch = empty_batch();
        fill.fill(&mut rows.into_iter(), &mut batch, 10);
        assert_eq!(batch.rowids, [1]);
        assert_eq!(batch.bytes, b"kept\0");
        assert!(!batch.done);
        assert_eq!(fill.error.take().unwrap().message, "broken");
    }
}
