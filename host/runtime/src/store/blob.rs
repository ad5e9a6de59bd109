//! The `blob` import: incremental I/O on values of the connection's tables,
//! under the `spi` grant, with the same checks and accounting as SQL
//! (`HostState::spi_run`).

use super::HostState;
use crate::wit::SqlError;
use crate::wit::blob::{Host, Location};

impl Host for HostState {
    fn size(&mut self, at: Location) -> Result<u32, SqlError> {
        self.spi_run(|s| s.blob_size(&at))
    }

    /// Replaced in the linker by `blob_read`'s, which reads straight into
    /// the extension's memory; this one copies through a `Vec`.
    fn read(&mut self, at: Location, offset: u32, length: u32) -> Result<Vec<u8>, SqlError> {
        self.spi_run(|s| s.blob_read(&at, offset, length)?.into_vec())
    }

    fn write(&mut self, at: Location, offset: u32, data: Vec<u8>) -> Result<(), SqlError> {
        self.spi_run(|s| s.blob_write(&at, offset, &data))
    }
}
