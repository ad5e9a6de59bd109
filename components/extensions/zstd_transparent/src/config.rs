//! The configuration of one compressed column, the JSON that
//! `zstd_enable_transparent` takes and `_zstd_configs` keeps, with the
//! reference's field names and defaults. Every field but `table` and
//! `column` may change later (`update _zstd_configs set config =
//! json_patch(config, ...)`); rows compressed already keep their settings.

use serde::Deserialize;

/// One column's transparent compression.
#[derive(Debug, Deserialize)]
pub struct Config {
    /// The table, renamed to `_TABLE_zstd` and replaced by a view.
    pub table: String,
    /// The column compressed.
    pub column: String,
    /// zstd's level for maintenance's compression (1-19 are sensible).
    pub compression_level: i8,
    /// A SQL expression over the row choosing its dictionary's key: rows
    /// with the same key share a dictionary; NULL leaves the row
    /// uncompressed for now; `'[nodict]'` compresses without one. Trusted:
    /// it is pasted into SQL as it is.
    pub dict_chooser: String,
    /// No dictionary is trained below this size (nor the group compressed).
    #[serde(default = "defaults::min_dict_size")]
    pub min_dict_size_bytes_for_training: i64,
    /// The dictionary's target size as a fraction of its group's data.
    #[serde(default = "defaults::dict_size_ratio")]
    pub dict_size_ratio: f32,
    /// How many times the dictionary's size to sample for training.
    #[serde(default = "defaults::train_dict_samples_ratio")]
    pub train_dict_samples_ratio: f32,
    /// About how many bytes maintenance compresses per batch.
    #[serde(default = "defaults::incremental_compression_step_bytes")]
    pub incremental_compression_step_bytes: i64,
}

/// The reference's defaults.
mod defaults {
    pub fn min_dict_size() -> i64 {
        5000
    }
    pub fn dict_size_ratio() -> f32 {
        0.01
    }
    pub fn train_dict_samples_ratio() -> f32 {
        100.0
    }
    /// About 0.3 s per batch at level 19 (zstd's ~5 MB/s there).
    pub fn incremental_compression_step_bytes() -> i64 {
        5_000_000 / 3
    }
}

impl Config {
    /// The table the data lives in once enabled.
    pub fn backing_table(&self) -> String {
        backing_table(&self.table)
    }

    /// The column keeping each row's dictionary id.
    pub fn dict_column(&self) -> String {
        dict_column(&self.column)
    }
}

/// `_TABLE_zstd`.
pub fn backing_table(table: &str) -> String {
    format!("_{table}_zstd")
}

/// `_COLUMN_dict`.
pub fn dict_column(column: &str) -> String {
    format!("_{column}_dict")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_names() {
        let c: Config = serde_json::from_str(r#"{"table": "events", "column": "data", "compression_level": 19, "dict_chooser": "'a'"}"#).unwrap();
        assert_eq!((c.min_dict_size_bytes_for_training, c.dict_size_ratio, c.train_dict_samples_ratio), (5000, 0.01, 100.0));
        assert_eq!(c.incremental_compression_step_bytes, 1_666_666);
        assert_eq!((c.backing_table(), c.dict_column()), ("_events_zstd".to_string(), "_data_dict".to_string()));
    }

    #[test]
    fn serde_messages_as_the_reference_shows_them() {
        let e = serde_json::from_str::<Config>(r#"{"table": "events"}"#).unwrap_err();
        assert_eq!(e.to_string(), "missing field `column` at line 1 column 19");
        let e = serde_json::from_str::<Config>(r#"{"table": "t", "column": "c", "compression_level": 300, "dict_chooser": "1"}"#).unwrap_err();
        assert_eq!(e.to_string(), "invalid value: integer `300`, expected i8 at line 1 column 54");
    }
}
