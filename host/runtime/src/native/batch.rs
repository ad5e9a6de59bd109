//! Row batches as the native host receives them: the extension's
//! `row-batch`, checked and held as `sqlink_abi::batch::Batch`.

use crate::error::Error;
use crate::instance::vtab::{Cell, RowBatch};
use sqlink_abi::batch::{self, Batch};

/// Checks a batch received for a scan fetching `columns`.
pub(crate) fn receive(b: RowBatch, columns: u64) -> Result<Batch, Error> {
    let cells = b
        .cells
        .into_iter()
        .map(|c| match c {
            Cell::Null => batch::Cell::Null,
            Cell::Integer(i) => batch::Cell::Integer(i),
            Cell::Real(r) => batch::Cell::Real(r),
            Cell::Text(n) => batch::Cell::Text(n),
            Cell::Blob(n) => batch::Cell::Blob(n),
        })
        .collect();
    Batch::new(b.rowids, cells, b.bytes, b.done, columns).map_err(Error::new)
}
