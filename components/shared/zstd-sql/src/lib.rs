//! zstd from SQL as phiresky/sqlite-zstd 0.3.5 does it, for the two
//! extensions that follow it: `zstd` (the functions that only compute) and
//! `zstd_transparent` (the transparent mode, which runs SQL).
//!
//! * [`args`]: arguments read as rusqlite reads them in the reference, and
//!   its error type (SQLITE_CONSTRAINT_FUNCTION).
//! * [`chain`]: errors printed as the reference prints its anyhow chains.
//! * [`frames`]: compression and decompression of one value.
//! * [`train`]: the dictionary trainer behind `zstd_train_dict` and
//!   `zstd_train_dict_and_save`.

pub mod args;
pub mod chain;
pub mod frames;
pub mod train;
