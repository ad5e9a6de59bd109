//! The calling connection: SPI, or in unit tests the SQLite connection of
//! `testdb` standing in for it (same functions, same answers).

#[cfg(not(test))]
pub use sqlink_sdk::spi::{execute, parameter_count, query};

#[cfg(test)]
pub use crate::testdb::{execute, parameter_count, query};
