//! zstd compression from SQL, compatible with phiresky/sqlite-zstd 0.3.5's
//! basic functions: same names, arguments, results and error messages,
//! through the same library (the `zstd` crate over zstd's C code).
//!
//! * `zstd_compress(data[, level[, dict[, compact]]])`: text or a blob
//!   compressed into a zstd frame (a blob). `level` 1-22 (0, the default,
//!   means 3; negative levels are zstd's fast ones; values beyond the range
//!   are clamped); `dict` a dictionary blob, or NULL or -1 for none;
//!   `compact` (an integer, true when non-zero) leaves out the magic
//!   number, checksum, content size and dictionary id, so only
//!   `zstd_decompress` with compact set reads it.
//! * `zstd_decompress(data, is_text[, dict[, compact]])`: the blob
//!   decompressed, as text when `is_text` is true (the bytes as they are,
//!   not checked as UTF-8), else as a blob. A wrong dictionary gives an
//!   error or garbage, as zstd detects it or not.
//! * `zstd_compress_col(data, level, dict, compact)` and
//!   `zstd_decompress_col(data, is_text, dict, compact)`: the forms the
//!   reference's transparent compression uses, which pass data through
//!   unchanged when `dict` is NULL (compressing gives a blob).
//! * `zstd_train_dict(sample, dict_size, sample_count)`: an aggregate that
//!   trains a dictionary of at most `dict_size` bytes on `sample_count` of
//!   its rows' text or blob values picked at random (reservoir sampling;
//!   other values are skipped). Nondeterministic, so DIRECTONLY, as in the
//!   reference; no rows is an error.
//!
//! NULL data gives NULL. Arguments are read as rusqlite reads them in the
//! reference: `level` must be an integer in the 32-bit range, `is_text` and
//! `compact` integers, `dict_size` an integer and `sample_count` a number;
//! anything else is an error such as `level argument` / `Caused by: Invalid
//! function parameter type Text at index 1` (the reference's anyhow chains,
//! whole, multi-line; result code SQLITE_CONSTRAINT_FUNCTION, which the
//! shell shows as `(19)`). Note the reference reads `is_text` before the
//! data, so `zstd_decompress(NULL, 'x')` is an error, not NULL.
//!
//! Differences: a dictionary given by id (an integer other than -1, read
//! from the reference's `_zstd_dicts` table) is refused, as this extension
//! runs no SQL (it would need the `spi` grant, and with it every function
//! would be DIRECTONLY, unusable in the views and triggers compressed data
//! is usually read through): pass the dictionary itself, `(select dict from
//! _zstd_dicts where id = N)`. For the same reason the transparent mode
//! (`zstd_enable_transparent`, `zstd_incremental_maintenance`,
//! `zstd_train_dict_and_save`) is the `zstd_transparent` extension, which
//! needs `--grant spi`; its views read through this one. zstd is 1.6.0 here (zstd-sys 2.2; the reference bundles
//! 1.5.2): frames decode either way, but some inputs compress to other
//! bytes (see tests/shell/zstd.sql) and some errors are worded otherwise.


/// zstd compression and decompression, with dictionaries, and dictionary
/// training.
#[sqlink_sdk::extension(name = "zstd")]
mod zstd_ext {
    use sqlink_zstd_sql::frames::{compress, decompress};
    use sqlink_sdk::prelude::*;

    /// zstd_compress(data[, level[, dict[, compact]]]): text or a blob
    /// compressed with zstd (a blob) at level 1-22 (0 or absent: 3), with
    /// a dictionary blob (NULL or -1: none); compact leaves out the frame's
    /// magic number, checksum, content size and dictionary id. NULL for
    /// NULL.
    #[function(deterministic)]
    fn zstd_compress(
        data: &Value,
        #[optional] level: Option<&Value>,
        #[optional] dict: Option<&Value>,
        #[optional] compact: Option<&Value>,
    ) -> Result<Value> {
        compress(data, level, dict, compact, false)
    }

    /// zstd_compress_col(data, level, dict, compact): as zstd_compress, but
    /// data passes through (as a blob) when dict is NULL.
    #[function(deterministic)]
    fn zstd_compress_col(data: &Value, level: &Value, dict: &Value, compact: &Value) -> Result<Value> {
        compress(data, Some(level), Some(dict), Some(compact), true)
    }

    /// zstd_decompress(data, is_text[, dict[, compact]]): the zstd blob
    /// data decompressed, as text if is_text is true, else as a blob, with
    /// the dictionary blob it was compressed with (NULL or -1: none) and
    /// the compact flag it was compressed with. NULL for NULL.
    #[function(deterministic)]
    fn zstd_decompress(
        data: &Value,
        is_text: &Value,
        #[optional] dict: Option<&Value>,
        #[optional] compact: Option<&Value>,
    ) -> Result<Value> {
        decompress(data, is_text, dict, compact, false)
    }

    /// zstd_decompress_col(data, is_text, dict, compact): as
    /// zstd_decompress, but data passes through unchanged when dict is NULL.
    #[function(deterministic)]
    fn zstd_decompress_col(data: &Value, is_text: &Value, dict: &Value, compact: &Value) -> Result<Value> {
        decompress(data, is_text, Some(dict), Some(compact), true)
    }

    /// zstd_train_dict(sample, dict_size, sample_count): a zstd dictionary
    /// (a blob) of at most dict_size bytes trained on sample_count of the
    /// rows' text or blob values, picked at random. An error for no rows.
    #[aggregate(name = "zstd_train_dict", direct_only)]
    #[derive(Default)]
    pub struct ZstdTrainDict(sqlink_zstd_sql::train::Trainer);

    impl ZstdTrainDict {
        pub fn step(&mut self, sample: &Value, dict_size: &Value, sample_count: &Value) -> Result<()> {
            self.0.step(sample, dict_size, sample_count)
        }
        pub fn finalize(self) -> Result<Value> {
            self.0.finish()
        }
    }
}

#[cfg(test)]
mod tests;
