//! The host's copy of a row batch, from which SQLite's `xColumn`, `xRowid`
//! and `xEof` are answered without calling the extension.

use crate::error::Error;
use crate::instance::vtab::{Cell, RowBatch};
use sqlink_sqlite::ValueRef;

/// A batch checked against the contract, with the position of each cell's
/// bytes, and the row a cursor is on.
#[derive(Default)]
pub(crate) struct Batch {
    rowids: Vec<i64>,
    cells: Vec<Cell>,
    /// Where each cell's bytes start in `bytes` (text and blob cells).
    starts: Vec<u32>,
    bytes: Vec<u8>,
    /// Cells per row.
    width: usize,
    /// The columns each row carries (see `vtab.filter`).
    columns: u64,
    row: usize,
    /// No batch follows; a default batch is done (no scan started).
    more: bool,
}

impl Batch {
    /// Checks `batch` for a scan fetching `columns`: as many cells for each
    /// row, and bytes exactly covering the text and blob cells.
    pub(crate) fn new(batch: RowBatch, columns: u64) -> Result<Batch, Error> {
        let RowBatch { rowids, cells, bytes, done } = batch;
        let rows = rowids.len();
        let width = if rows == 0 { 0 } else { cells.len() / rows };
        if cells.len() != rows * width || (rows == 0 && !cells.is_empty()) {
            return Err(Error::new(format!("the extension returned {} cells for {rows} rows, not the same number for each row", cells.len())));
        }
        let mut starts = Vec::with_capacity(cells.len());
        let mut at: u64 = 0;
        for cell in &cells {
            starts.push(at.min(u32::MAX as u64) as u32);
            if let Cell::Text(n) | Cell::Blob(n) = cell {
                at += *n as u64;
            }
        }
        if at != bytes.len() as u64 {
            return Err(Error::new(format!("the extension returned {} bytes for text and blob cells of {at} bytes", bytes.len())));
        }
        Ok(Batch { rowids, cells, starts, bytes, width, columns, row: 0, more: !done })
    }

    /// The columns this scan fetches.
    pub(crate) fn columns(&self) -> u64 {
        self.columns
    }

    /// The cursor is on a row of this batch.
    pub(crate) fn has_row(&self) -> bool {
        self.row < self.rowids.len()
    }

    /// No rows follow this batch.
    pub(crate) fn done(&self) -> bool {
        !self.more
    }

    /// Moves to the next row.
    pub(crate) fn advance(&mut self) {
        self.row += 1;
    }

    pub(crate) fn rowid(&self) -> i64 {
        self.rowids.get(self.row).copied().unwrap_or_default()
    }

    /// Column `column` of the current row; None when the scan did not fetch
    /// it (or the extension left it out).
    pub(crate) fn value(&self, column: u32) -> Option<ValueRef<'_>> {
        let position = position(self.columns, column)?;
        if position >= self.width || !self.has_row() {
            return None;
        }
        let at = self.row * self.width + position;
        let start = self.starts[at] as usize;
        Some(match self.cells[at] {
            Cell::Null => ValueRef::Null,
            Cell::Integer(i) => ValueRef::Integer(i),
            Cell::Real(r) => ValueRef::Real(r),
            Cell::Text(n) => ValueRef::Text(&self.bytes[start..start + n as usize]),
            Cell::Blob(n) => ValueRef::Blob(&self.bytes[start..start + n as usize]),
        })
    }
}

/// Where column `column` is among the cells of a row fetched with mask
/// `columns`: bit N stands for column N below 63, bit 63 for every column
/// from 63 on.
fn position(columns: u64, column: u32) -> Option<usize> {
    const LOW: u64 = (1 << 63) - 1;
    if column < 63 {
        let bit = 1u64 << column;
        (columns & bit != 0).then(|| (columns & (bit - 1)).count_ones() as usize)
    } else {
        (columns >> 63 != 0).then(|| (columns & LOW).count_ones() as usize + (column - 63) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(rowids: Vec<i64>, cells: Vec<Cell>, bytes: &[u8], columns: u64) -> Result<Batch, Error> {
        Batch::new(RowBatch { rowids, cells, bytes: bytes.to_vec(), done: true }, columns)
    }

    #[test]
    fn columns_are_found_by_their_rank_in_the_mask() {
        assert_eq!(position(0b1011, 0), Some(0));
        assert_eq!(position(0b1011, 1), Some(1));
        assert_eq!(position(0b1011, 2), None);
        assert_eq!(position(0b1011, 3), Some(2));
        assert_eq!(position(u64::MAX, 62), Some(62));
        assert_eq!(position(u64::MAX, 63), Some(63));
        assert_eq!(position(u64::MAX, 70), Some(70));
        assert_eq!(position(1 | 1 << 63, 64), Some(2));
        assert_eq!(position(1, 64), None);
    }

    #[test]
    fn text_and_blob_cells_read_their_bytes_in_order() {
        let mut b = batch(vec![7, 8], vec![Cell::Text(2), Cell::Integer(1), Cell::Null, Cell::Blob(3)], b"hixyz", 0b101).unwrap();
        assert!(b.has_row());
        assert_eq!(b.rowid(), 7);
        assert_eq!(b.value(0), Some(ValueRef::Text(b"hi")));
        assert_eq!(b.value(1), None);
        assert_eq!(b.value(2), Some(ValueRef::Integer(1)));
        b.advance();
        assert_eq!(b.rowid(), 8);
        assert_eq!(b.value(0), Some(ValueRef::Null));
        assert_eq!(b.value(2), Some(ValueRef::Blob(b"xyz")));
        b.advance();
        assert!(!b.has_row() && b.done());
    }

    #[test]
    fn batches_breaking_the_contract_are_refused() {
        let uneven = batch(vec![1, 2], vec![Cell::Null, Cell::Null, Cell::Null], b"", 1).err().unwrap();
        assert!(uneven.message.contains("3 cells for 2 rows"), "{}", uneven.message);
        let short = batch(vec![1], vec![Cell::Text(4)], b"abc", 1).err().unwrap();
        assert!(short.message.contains("3 bytes for text and blob cells of 4 bytes"), "{}", short.message);
        let orphan = batch(vec![], vec![Cell::Null], b"", 1).err().unwrap();
        assert!(orphan.message.contains("1 cells for 0 rows"), "{}", orphan.message);
    }
}
