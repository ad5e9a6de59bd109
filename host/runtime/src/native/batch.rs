//! Row batches as the native host receives them: the extension's
//! `row-batch`, checked and held as `sqlink_abi::batch::Batch`.

use crate::error::Error;
use crate::instance::vtab::RowBatch;
use sqlink_abi::batch::Batch;

/// Checks a batch received for a scan fetching `columns`.
pub(crate) fn receive(b: RowBatch, columns: u64) -> Result<Batch, Error> {
    Batch::new(b.rowids, b.kinds, b.values, b.bytes, b.subtypes, b.done, columns).map_err(Error::new)
}
