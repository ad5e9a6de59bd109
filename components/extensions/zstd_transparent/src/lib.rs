//! phiresky/sqlite-zstd 0.3.5's transparent row-level compression: same
//! functions, arguments, tables, views, triggers and errors.
//!
//! * `zstd_enable_transparent(config)`: renames table `T` to `_T_zstd`,
//!   adds `_C_dict` (the dictionary each row of column `C` is compressed
//!   with, NULL while it is not) and an index on it, records the JSON
//!   config in `_zstd_configs`, and puts in `T`'s place a view that
//!   decompresses `C`, with INSTEAD OF triggers that write through to
//!   `_T_zstd`. Returns `Done!`. See [`config`] for the JSON.
//! * `zstd_incremental_maintenance(time_limit, target_db_load)`: compresses
//!   the rows written since, group by group of the config's
//!   `dict_chooser`, training a dictionary for a group the first time
//!   (saved in `_zstd_dicts`). Returns 1 if `time_limit` seconds (NULL: no
//!   limit) ran out with work left, else 0; `target_db_load` below 1 sleeps
//!   between batches. A call is held to the host's CPU limit per call (5 s
//!   by default, `--timeout`), and a call stopped by it undoes its work: on
//!   a large table give a time limit below it and call again until it
//!   returns 0, the incremental use the reference intends.
//! * `zstd_train_dict_and_save(sample, dict_size, sample_count, key)`: the
//!   aggregate `zstd_train_dict` of the `zstd` extension, whose dictionary
//!   is saved in `_zstd_dicts` under `key`; returns its id.
//!
//! It runs SQL on the connection, so it needs the `spi` grant, and like
//! every such extension its functions are DIRECTONLY. That is why it is an
//! extension of its own: the views it makes call `zstd_decompress_col`,
//! which must be usable from a view, so it stays in the `zstd` extension,
//! which computes only. Load both (`.load zstd`, `.load zstd_transparent
//! --grant spi`); reading the views needs only `zstd`.
//!
//! Differences from the reference: `zstd_decompress_col` cannot read
//! `_zstd_dicts` (`zstd` runs no SQL), so the views pass it the dictionary
//! itself (`(select dict from _zstd_dicts where id = _C_dict)`, with -1
//! and NULL passed as they are), where the reference passes the id (a database compressed by
//! the reference is read here after `zstd_enable_transparent` runs again
//! on another column, or after its views are re-made so). Maintenance
//! compresses the rows here, not through `zstd_compress_col` in an UPDATE,
//! and trains dictionaries here, not through `zstd_train_dict_and_save`
//! (sqlink's SPI does not call an extension back). Messages the reference
//! logs go to the host's log (`SQLINK_LOG=info` shows its progress).

pub mod config;
mod enable;
mod maintenance;
mod sql;

/// Transparent row-level zstd compression of a table's column.
#[sqlink_sdk::extension(name = "zstd_transparent", capabilities = ["spi"])]
mod zstd_transparent_ext {
    use sqlink_sdk::prelude::*;
    use sqlink_zstd_sql::args::sql_error;
    use sqlink_zstd_sql::train::Trainer;

    /// zstd_enable_transparent(config): compresses a table's column
    /// transparently (a view decompresses it; writes go through triggers).
    #[function]
    fn zstd_enable_transparent(config: &Value) -> Result<Value> {
        crate::enable::enable(config).map_err(sql_error)
    }

    /// zstd_incremental_maintenance(time_limit, target_db_load): compresses
    /// the rows not compressed yet; 1 if time ran out with work left, else 0.
    #[function]
    fn zstd_incremental_maintenance(time_limit: &Value, target_db_load: &Value) -> Result<Value> {
        crate::maintenance::run(time_limit, target_db_load).map_err(sql_error)
    }

    /// zstd_train_dict_and_save(sample, dict_size, sample_count, key): a
    /// dictionary trained as zstd_train_dict trains it, saved in
    /// `_zstd_dicts` under `key`; returns its id.
    #[aggregate(name = "zstd_train_dict_and_save", direct_only)]
    #[derive(Default)]
    pub struct ZstdTrainDictAndSave {
        trainer: Trainer,
        /// The key, read from the first row as the reference reads it.
        key: Option<Option<String>>,
    }

    impl ZstdTrainDictAndSave {
        pub fn step(&mut self, sample: &Value, dict_size: &Value, sample_count: &Value, key: &Value) -> Result<()> {
            self.trainer.step(sample, dict_size, sample_count)?;
            if self.key.is_none() {
                self.key = Some(crate::sql::optional_text_argument(key, 3)?);
            }
            Ok(())
        }

        pub fn finalize(self) -> Result<Value> {
            let dict = self.trainer.finish()?;
            let key = self.key.flatten();
            crate::sql::save_dictionary(key.as_deref(), dict).map(Value::Integer).map_err(sql_error)
        }
    }
}
