//! A virtual table's rows as they cross the contract (`row-batch` in
//! `wit/extension/vtab.wit`): four flat lists, so a batch of any size
//! crosses without a conversion per value: the rowids; the kind of each
//! cell and its 64-bit value (row after row, the requested columns of each
//! in column order); and the bytes of every text and blob cell, end to end,
//! each text followed by a NUL byte (so it reaches C as a C string).
//!
//! [`Batch`] is the receiving side's copy: checked once when it arrives,
//! then read cell by cell (SQLite's `xColumn`) without another crossing.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

/// A cell's kind, SQLite's fundamental type codes: its value is the
/// integer.
pub const INTEGER: u8 = 1;
/// Its value is the real's IEEE-754 bits.
pub const REAL: u8 = 2;
/// Its value is the length of its bytes.
pub const TEXT: u8 = 3;
/// Its value is the length of its bytes.
pub const BLOB: u8 = 4;
/// Its value is 0.
pub const NULL: u8 = 5;

/// One cell of a batch, for code that builds batches a cell at a time
/// (tests, fakes); text and blobs hold their length.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(u32),
    Blob(u32),
}

impl Cell {
    /// The cell's kind and value as a batch carries them.
    pub fn flat(self) -> (u8, i64) {
        match self {
            Cell::Null => (NULL, 0),
            Cell::Integer(i) => (INTEGER, i),
            Cell::Real(r) => (REAL, r.to_bits() as i64),
            Cell::Text(n) => (TEXT, i64::from(n)),
            Cell::Blob(n) => (BLOB, i64::from(n)),
        }
    }
}

/// A cell with its bytes. A batch's text is followed in memory by a NUL
/// byte (not part of the slice).
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
    kinds: Vec<u8>,
    /// Each cell's value; for text and blobs, once checked, where its bytes
    /// start (high 32 bits) and their length (low 32 bits).
    values: Vec<i64>,
    bytes: Vec<u8>,
    /// (cell, subtype) of the cells that have one, by cell.
    subtypes: Vec<(u32, u8)>,
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
    /// row, known kinds, and bytes exactly covering the text and blob cells,
    /// a NUL after each text; `subtypes` name cells of the batch.
    pub fn new(
        rowids: Vec<i64>,
        kinds: Vec<u8>,
        mut values: Vec<i64>,
        bytes: Vec<u8>,
        mut subtypes: Vec<(u32, u8)>,
        done: bool,
        columns: u64,
    ) -> Result<Batch, String> {
        let rows = rowids.len();
        let cells = kinds.len();
        if values.len() != cells {
            return Err(format!("the extension returned {cells} cell kinds and {} cell values", values.len()));
        }
        let width = if rows == 0 { 0 } else { cells / rows };
        if cells != rows * width || (rows == 0 && cells != 0) {
            return Err(format!("the extension returned {cells} cells for {rows} rows, not the same number for each row"));
        }
        // A row holds the columns requested, in order. A mask with bit 63
        // asks for every column from 63 on, as many as the table has, so
        // only a mask without it says how many that is.
        let requested = columns.count_ones() as usize;
        if rows > 0 && columns >> 63 == 0 && width != requested {
            return Err(format!("the extension returned rows of {width} cells for a scan fetching {requested} columns"));
        }
        let mut at: u64 = 0;
        for (kind, value) in kinds.iter().zip(values.iter_mut()) {
            match *kind {
                INTEGER | REAL | NULL => {}
                TEXT | BLOB => {
                    let len = u32::try_from(*value).map_err(|_| format!("the extension returned a text or blob cell of length {value}"))?;
                    // Past 4 GiB the sum no longer matches `bytes` below.
                    *value = ((at.min(u64::from(u32::MAX)) << 32) | u64::from(len)) as i64;
                    at += u64::from(len);
                    if *kind == TEXT {
                        if usize::try_from(at).ok().and_then(|at| bytes.get(at)) != Some(&0) {
                            return Err(String::from("the extension returned a text cell not followed by a NUL byte"));
                        }
                        at += 1;
                    }
                }
                other => return Err(format!("the extension returned a cell of unknown kind {other}")),
            }
        }
        if at != bytes.len() as u64 {
            return Err(format!("the extension returned {} bytes for text and blob cells of {at} bytes", bytes.len()));
        }
        if let Some((cell, _)) = subtypes.iter().find(|(cell, _)| *cell as usize >= cells) {
            return Err(format!("the extension gave a subtype to cell {cell} of a batch of {cells} cells"));
        }
        subtypes.sort_unstable();
        Ok(Batch { rowids, kinds, values, bytes, subtypes, width, columns, row: 0, more: !done })
    }

    /// [`Batch::new`] of cells built one at a time.
    pub fn from_cells(rowids: Vec<i64>, cells: Vec<Cell>, bytes: Vec<u8>, done: bool, columns: u64) -> Result<Batch, String> {
        let (kinds, values) = cells.into_iter().map(Cell::flat).unzip();
        Batch::new(rowids, kinds, values, bytes, Vec::new(), done, columns)
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

    /// The subtype of column `column` of the current row (0: none).
    pub fn subtype(&self, column: u32) -> u8 {
        if self.subtypes.is_empty() {
            return 0;
        }
        let Some(position) = position(self.columns, column).filter(|&p| p < self.width && self.has_row()) else { return 0 };
        let cell = (self.row * self.width + position) as u32;
        self.subtypes.binary_search_by_key(&cell, |&(c, _)| c).map_or(0, |i| self.subtypes[i].1)
    }

    /// Column `column` of the current row; None when the scan did not
    /// fetch it (or the extension left it out).
    pub fn value(&self, column: u32) -> Option<CellRef<'_>> {
        let position = position(self.columns, column)?;
        if position >= self.width || !self.has_row() {
            return None;
        }
        let at = self.row * self.width + position;
        let value = self.values[at];
        let bytes = || {
            let (start, len) = ((value as u64 >> 32) as usize, (value as u64 & 0xffff_ffff) as usize);
            &self.bytes[start..start + len]
        };
        Some(match self.kinds[at] {
            INTEGER => CellRef::Integer(value),
            REAL => CellRef::Real(f64::from_bits(value as u64)),
            TEXT => CellRef::Text(bytes()),
            BLOB => CellRef::Blob(bytes()),
            _ => CellRef::Null,
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
        Batch::from_cells(rowids, cells, bytes.to_vec(), true, columns)
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
        let mut b = batch(vec![7, 8], vec![Cell::Text(2), Cell::Integer(1), Cell::Null, Cell::Blob(3)], b"hi\0xyz", 0b101).unwrap();
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
        let short = batch(vec![1], vec![Cell::Blob(4)], b"abc", 1).err().unwrap();
        assert!(short.contains("3 bytes for text and blob cells of 4 bytes"), "{short}");
        let long = batch(vec![1], vec![Cell::Text(2)], b"ab\0c", 1).err().unwrap();
        assert!(long.contains("4 bytes for text and blob cells of 3 bytes"), "{long}");
        for unterminated in [&b"abc"[..], b"ab"] {
            let e = batch(vec![1], vec![Cell::Text(2)], unterminated, 1).err().unwrap();
            assert!(e.contains("not followed by a NUL"), "{e}");
        }
        let orphan = batch(vec![], vec![Cell::Null], b"", 1).err().unwrap();
        assert!(orphan.contains("1 cells for 0 rows"), "{orphan}");
        let unknown = Batch::new(vec![1], vec![9], vec![0], vec![], vec![], true, 1).err().unwrap();
        assert!(unknown.contains("unknown kind 9"), "{unknown}");
        let lopsided = Batch::new(vec![1], vec![NULL], vec![], vec![], vec![], true, 1).err().unwrap();
        assert!(lopsided.contains("1 cell kinds and 0 cell values"), "{lopsided}");
        let negative = Batch::new(vec![1], vec![TEXT], vec![-1], vec![], vec![], true, 1).err().unwrap();
        assert!(negative.contains("length -1"), "{negative}");
    }

    #[test]
    fn subtypes_belong_to_cells_of_the_batch() {
        let cells = vec![Cell::Blob(1), Cell::Integer(2), Cell::Blob(1), Cell::Null];
        let (kinds, values) = cells.into_iter().map(Cell::flat).unzip();
        let mut b = Batch::new(vec![1, 2], kinds, values, b"ab".to_vec(), vec![(2, 225), (0, 223)], true, 0b11).unwrap();
        assert_eq!((b.subtype(0), b.subtype(1)), (223, 0));
        b.advance();
        assert_eq!((b.subtype(0), b.subtype(1), b.subtype(5)), (225, 0, 0));
        let stray = Batch::new(vec![1], vec![NULL], vec![0], vec![], vec![(1, 74)], true, 1).err().unwrap();
        assert_eq!(stray, "the extension gave a subtype to cell 1 of a batch of 1 cells");
    }

    #[test]
    fn rows_wider_or_narrower_than_the_columns_requested_are_refused() {
        // Found by fuzz/fuzz_targets/batch.rs: a row of no cells for a scan
        // fetching seven columns was accepted, and so was a row of every
        // column for a scan fetching some (read at the wrong positions).
        let empty = Batch::new(vec![8646911284551352322], vec![], vec![], vec![], vec![], false, 132728).err().unwrap();
        assert!(empty.contains("rows of 0 cells for a scan fetching 7 columns"), "{empty}");
        let wide = batch(vec![1], vec![Cell::Integer(0), Cell::Integer(1), Cell::Integer(2)], b"", 0b101).err().unwrap();
        assert!(wide.contains("rows of 3 cells for a scan fetching 2 columns"), "{wide}");
        // Bit 63: as many cells as the table has columns from 63 on.
        assert!(batch(vec![1], vec![Cell::Null; 2], b"", 1 | 1 << 63).is_ok());
        assert!(batch(vec![1], vec![Cell::Null; 70], b"", u64::MAX).is_ok());
        // No rows: nothing to count.
        assert!(batch(vec![], vec![], b"", 0b111).is_ok());
    }

    #[test]
    fn reals_cross_as_their_bits() {
        let b = batch(vec![1], vec![Cell::Real(-2.5), Cell::Real(f64::INFINITY)], b"", 0b11).unwrap();
        assert_eq!((b.value(0), b.value(1)), (Some(CellRef::Real(-2.5)), Some(CellRef::Real(f64::INFINITY))));
    }
}
