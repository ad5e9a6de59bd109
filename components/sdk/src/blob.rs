//! Incremental I/O on values of the calling connection's tables (SQLite's
//! `sqlite3_blob_*`): part of a large text or blob read or overwritten in
//! place, without copying the whole value through SQL. Needs the `spi`
//! capability, as [`crate::spi`] does. Each call opens the value and closes
//! it again; a value's size never changes this way, and a write runs no
//! trigger.

use crate::error::Error;
use crate::wit::blob as raw;

pub use crate::wit::blob::Location;

fn lift(e: crate::wit::types::SqlError) -> Error {
    Error::with_code(e.code, e.message)
}

/// The size in bytes of the text or blob at `at`.
pub fn size(at: &Location) -> Result<u32, Error> {
    raw::size(at).map_err(lift)
}

/// `length` bytes of the value at `at`, from `offset`.
pub fn read(at: &Location, offset: u32, length: u32) -> Result<Vec<u8>, Error> {
    raw::read(at, offset, length).map_err(lift)
}

/// Overwrites bytes of the value at `at` with `data`, from `offset`.
pub fn write(at: &Location, offset: u32, data: &[u8]) -> Result<(), Error> {
    raw::write(at, offset, data).map_err(lift)
}
