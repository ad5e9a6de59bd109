//! A virtual table's rows as they cross the contract (`row-batch` in
//! `wit/extension/vtab.wit`): one list of rowids, one of cells (row after
//! row, the requested columns of each in column order) and one of the
//! bytes of every text and blob cell, end to end.
//!
//! [`Batch`] is the receiving side's copy: checked once when it arrives,
//! then read cell by cell (SQLite's `xColumn`) without another crossing.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// One value of a batch; text and blobs hold their length, their bytes are
/// in the batch's byte list.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(u32),
    Blob(u32),
}

/// A cell with its bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellRef<'a> {
    Null,
    Integer(i64),
    Real(f64),
    Text(&'a [u8]),
    Blob(&'a [u8]),
}

/// A batch received, and the row a cursor is on.
#[derive(Default)]
pub struct Batch {
    rowids: Vec<i64>,
    cells: Vec<Cell>,
    /// Where each cell's bytes start in `bytes`.
    starts: Vec<u32>,
    bytes: Vec<u8>,
    /// Cells per row.
    width: usize,
    /// The columns each row carries.
    columns: u64,
    row: usize,
    /// More batches follow (a default batch is done: no scan started).
    more: bool,
}

impl Batch {
    /// Checks a batch of a scan fetching `columns`: as many cells for each
    /// row, and bytes exactly covering the text and blob cells.
    pub fn new(rowids: Vec<i64>, cells: Vec<Cell>, bytes: Vec<u8>, done: bool, columns: u64) -> Result<Batch, String> {
        let rows = rowids.len();
        let width = if rows == 0 { 0 } else { cells.len() / rows };
        if cells.len() != rows * width || (rows == 0 && !cells.is_empty()) {
            return Err(format!("the extension returned {} cells for {rows} rows, not the same number for each row", cells.len()));
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
            return Err(format!("the extension returned {} bytes for text and blob cells of {at} bytes", bytes.len()));
        }
        Ok(Batch { rowids, cells, starts, bytes, width, columns, row: 0, more: !done })
    }

    /// The columns this scan fetches.
    pub fn columns(&self) -> u64 {
        self.columns
    }

    /// The cursor is on a row of this batch.
    pub fn has_row(&self) -> bool {
        self.row < self.rowids.len()
    }

    /// No batch follows this one.
    pub fn done(&self) -> bool {
        !self.more
    }

    /// Moves to the next row.
    pub fn advance(&mut self) {
        self.row += 1;
    }

    /// The current row's rowid (0 past the end).
    pub fn rowid(&self) -> i64 {
        self.rowids.get(self.row).copied().unwrap_or_default()
    }

    /// Column `column` of the current row; None when the scan did not
    /// fetch it (or the extension left it out).
    pub fn value(&self, column: u32) -> Option<CellRef<'_>> {
        let position = position(self.columns, column)?;
        if position >= self.width || !self.has_row() {
            return None;
        }
        let at = self.row * self.width + position;
        let start = self.starts[at] as usize;
        Some(match self.cells[at] {
            Cell::Null => CellRef::Null,
            Cell::Integer(i) => CellRef::Integer(i),
            Cell::Real(r) => CellRef::Real(r),
            Cell::Text(n) => CellRef::Text(&self.bytes[start..start + n as usize]),
            Cell::Blob(n) => CellRef::Blob(&self.bytes[start..start + n as usize]),
        })
    }
}

/// Where column `column` is among the cells of a row fetched with mask
/// `columns`: bit N stands for column N below 63, bit 63 for every column
/// from 63 on.
pub fn position(columns: u64, column: u32) -> Option<usize> {
    const LOW: u64 = (1 << 63) - 1;
    if column < 63 {
        let bit = 1u64 << column;
        (columns & bit != 0).then(|| (columns & (bit - 1)).count_ones() as usize)
    } else {
        (columns >> 63 != 0).then(|| (columns & LOW).count_ones() as usize + (column - 63) as usize)
    }
}

/// Whether column `column` is among those a mask asks for.
pub fn requested(columns: u64, column: u32) -> bool {
    position(columns, column).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    fn batch(rowids: Vec<i64>, cells: Vec<Cell>, bytes: &[u8], columns: u64) -> Result<Batch, String> {
        Batch::new(rowids, cells, bytes.to_vec(), true, columns)
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
        assert!(requested(0b100, 2) && !requested(0b100, 1));
    }

    #[test]
    fn text_and_blob_cells_read_their_bytes_in_order() {
        let mut b = batch(vec![7, 8], vec![Cell::Text(2), Cell::Integer(1), Cell::Null, Cell::Blob(3)], b"hixyz", 0b101).unwrap();
        assert!(b.has_row());
        assert_eq!(b.rowid(), 7);
        assert_eq!(b.value(0), Some(CellRef::Text(b"hi")));
        assert_eq!(b.value(1), None);
        assert_eq!(b.value(2), Some(CellRef::Integer(1)));
        b.advance();
        assert_eq!(b.rowid(), 8);
        assert_eq!(b.value(0), Some(CellRef::Null));
        assert_eq!(b.value(2), Some(CellRef::Blob(b"xyz")));
        b.advance();
        assert!(!b.has_row() && b.done());
        assert_eq!(b.value(0), None);
    }

    #[test]
    fn batches_breaking_the_contract_are_refused() {
        let uneven = batch(vec![1, 2], vec![Cell::Null, Cell::Null, Cell::Null], b"", 1).err().unwrap();
        assert!(uneven.contains("3 cells for 2 rows"), "{uneven}");
        let short = batch(vec![1], vec![Cell::Text(4)], b"abc", 1).err().unwrap();
        assert!(short.contains("3 bytes for text and blob cells of 4 bytes"), "{short}");
        let orphan = batch(vec![], vec![Cell::Null], b"", 1).err().unwrap();
        assert!(orphan.contains("1 cells for 0 rows"), "{orphan}");
    }
}
