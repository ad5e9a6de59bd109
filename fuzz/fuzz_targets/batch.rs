//! Row batches as an extension returns them (`row-batch`): whatever the
//! four lists hold, `Batch::new` never panics, accepts exactly the batches
//! the contract (wit/extension/vtab.wit) calls well-formed, and reading
//! every cell of an accepted batch gives back what was sent.
//!
//! The checker below is written from the contract, not from batch.rs.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use sqlink_abi::batch::{Batch, CellRef, position};

/// A cell as the contract describes it, read back independently.
#[derive(Debug, Clone, PartialEq)]
enum Expected {
    Null,
    Integer(i64),
    Real(u64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

/// The rows of a well-formed batch (cells of each row, in order), or None.
fn reference(rowids: &[i64], kinds: &[u8], values: &[i64], bytes: &[u8], columns: u64) -> Option<Vec<Vec<Expected>>> {
    if kinds.len() != values.len() {
        return None;
    }
    let rows = rowids.len();
    if rows == 0 {
        return (kinds.is_empty() && bytes.is_empty()).then(Vec::new);
    }
    if kinds.len() % rows != 0 {
        return None;
    }
    let width = kinds.len() / rows;
    // Each row carries the requested columns; a mask with bit 63 asks
    // for "every column from 63 on", whose number only the table knows.
    if columns >> 63 == 0 && width != columns.count_ones() as usize {
        return None;
    }
    let mut at = 0usize;
    let mut take = |len: i64, nul: bool| -> Option<Vec<u8>> {
        let len = usize::try_from(u32::try_from(len).ok()?).ok()?;
        let end = at.checked_add(len)?;
        let cell = bytes.get(at..end)?.to_vec();
        at = end;
        if nul {
            if bytes.get(at) != Some(&0) {
                return None;
            }
            at += 1;
        }
        Some(cell)
    };
    let mut cells = Vec::with_capacity(kinds.len());
    for (&kind, &value) in kinds.iter().zip(values) {
        cells.push(match kind {
            1 => Expected::Integer(value),
            2 => Expected::Real(value as u64),
            3 => Expected::Text(take(value, true)?),
            4 => Expected::Blob(take(value, false)?),
            5 => Expected::Null,
            _ => return None,
        });
    }
    if at != bytes.len() {
        return None;
    }
    if width == 0 {
        return Some(vec![Vec::new(); rows]);
    }
    Some(cells.chunks(width).map(<[Expected]>::to_vec).collect())
}

/// A batch to try: raw lists, or a well-formed one built from cells and
/// then broken (or not) by one edit, so that most inputs are near the edge.
#[derive(Debug, Arbitrary)]
enum Input {
    Raw { rowids: Vec<i64>, kinds: Vec<u8>, values: Vec<i64>, bytes: Vec<u8>, done: bool, columns: u64 },
    Built { rows: u8, cells: Vec<Cell>, columns: u64, edit: Option<Edit> },
}

#[derive(Debug, Arbitrary)]
enum Cell {
    Null,
    Integer(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
}

#[derive(Debug, Arbitrary)]
enum Edit {
    DropByte(u16),
    AddByte(u16, u8),
    SetByte(u16, u8),
    SetKind(u16, u8),
    SetValue(u16, i64),
    DropValue,
    AddRow(i64),
    DropRow,
    FlipColumn(u8),
}

fn build(rows: u8, cells: Vec<Cell>, columns: u64, edit: Option<Edit>) -> (Vec<i64>, Vec<u8>, Vec<i64>, Vec<u8>, u64) {
    let rows = rows as usize % 8;
    let width = if rows == 0 { 0 } else { cells.len() / rows };
    // The mask asks for as many columns as a row holds (any of them).
    let mut columns = if columns >> 63 == 0 {
        let mut mask = 0u64;
        let mut bit = columns as u32 % 63;
        while (mask.count_ones() as usize) < width.min(63) {
            mask |= 1 << bit;
            bit = (bit + 8) % 63;
        }
        mask
    } else {
        columns
    };
    let (mut kinds, mut values, mut bytes) = (Vec::new(), Vec::new(), Vec::new());
    for cell in cells.into_iter().take(rows * width) {
        let (kind, value) = match cell {
            Cell::Null => (5, 0),
            Cell::Integer(i) => (1, i),
            Cell::Real(r) => (2, r.to_bits() as i64),
            Cell::Text(t) => {
                bytes.extend_from_slice(&t);
                bytes.push(0);
                (3, t.len() as i64)
            }
            Cell::Blob(b) => {
                bytes.extend_from_slice(&b);
                (4, b.len() as i64)
            }
        };
        kinds.push(kind);
        values.push(value);
    }
    let mut rowids: Vec<i64> = (1..=rows as i64).collect();
    let pick = |len: usize, i: u16| if len == 0 { None } else { Some(i as usize % len) };
    match edit {
        None => {}
        Some(Edit::DropByte(i)) => {
            if let Some(i) = pick(bytes.len(), i) {
                bytes.remove(i);
            }
        }
        Some(Edit::AddByte(i, b)) => {
            let i = i as usize % (bytes.len() + 1);
            bytes.insert(i, b);
        }
        Some(Edit::SetByte(i, b)) => {
            if let Some(i) = pick(bytes.len(), i) {
                bytes[i] = b;
            }
        }
        Some(Edit::SetKind(i, k)) => {
            if let Some(i) = pick(kinds.len(), i) {
                kinds[i] = k;
            }
        }
        Some(Edit::SetValue(i, v)) => {
            if let Some(i) = pick(values.len(), i) {
                values[i] = v;
            }
        }
        Some(Edit::DropValue) => {
            values.pop();
        }
        Some(Edit::AddRow(r)) => rowids.push(r),
        Some(Edit::DropRow) => {
            rowids.pop();
        }
        Some(Edit::FlipColumn(bit)) => columns ^= 1 << (bit % 64),
    }
    (rowids, kinds, values, bytes, columns)
}

fuzz_target!(|input: Input| {
    let (rowids, kinds, values, bytes, done, columns) = match input {
        Input::Raw { rowids, kinds, values, bytes, done, columns } => (rowids, kinds, values, bytes, done, columns),
        Input::Built { rows, cells, columns, edit } => {
            let (rowids, kinds, values, bytes, columns) = build(rows, cells, columns, edit);
            (rowids, kinds, values, bytes, true, columns)
        }
    };
    let expected = reference(&rowids, &kinds, &values, &bytes, columns);
    let got = Batch::new(rowids.clone(), kinds, values, bytes, Vec::new(), done, columns);
    let (mut batch, expected) = match (got, expected) {
        (Err(message), None) => {
            assert!(message.starts_with("the extension returned"), "an unclear refusal: {message}");
            return;
        }
        (Err(message), Some(rows)) => panic!("a well-formed batch was refused ({message}): {rows:?}"),
        (Ok(_), None) => panic!("a malformed batch was accepted"),
        (Ok(batch), Some(rows)) => (batch, rows),
    };
    assert_eq!(batch.columns(), columns);
    assert_eq!(batch.done(), done);
    // Every column a cursor may be asked for: the requested ones, some
    // others, and columns past 63.
    let probe: Vec<u32> = (0..70).chain([200, u32::MAX]).collect();
    for (r, cells) in expected.iter().enumerate() {
        assert!(batch.has_row());
        assert_eq!(batch.rowid(), rowids[r]);
        for &column in &probe {
            let want = position(columns, column).and_then(|p| cells.get(p));
            let got = batch.value(column);
            match (want, got) {
                (None, None) => {}
                (Some(Expected::Null), Some(CellRef::Null)) => {}
                (Some(Expected::Integer(a)), Some(CellRef::Integer(b))) => assert_eq!(*a, b),
                (Some(Expected::Real(a)), Some(CellRef::Real(b))) => assert_eq!(*a, b.to_bits()),
                (Some(Expected::Text(a)), Some(CellRef::Text(b))) => assert_eq!(&a[..], b),
                (Some(Expected::Blob(a)), Some(CellRef::Blob(b))) => assert_eq!(&a[..], b),
                (want, got) => panic!("row {r} column {column}: expected {want:?}, read {got:?}"),
            }
        }
        batch.advance();
    }
    assert!(!batch.has_row());
    assert_eq!(batch.rowid(), 0);
    assert_eq!(batch.value(0), None);
    batch.advance();
    assert!(!batch.has_row());
});
