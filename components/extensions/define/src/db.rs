//! The calling connection: SPI, or in unit tests the SQLite connection of
//! `testdb` standing in for it (same functions, same answers). `Db` is the
//! same, for the shared table module.

#[cfg(not(test))]
pub use sqlink_query_vtab::Spi as Db;
#[cfg(not(test))]
pub use sqlink_sdk::spi::{execute, parameter_count, query};

#[cfg(test)]
pub use crate::testdb::{Db, execute, parameter_count, query};
