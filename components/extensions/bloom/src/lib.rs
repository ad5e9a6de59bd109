//! Bloom filters, compatible with shawnw/useful_sqlite_extensions'
//! `bloom_filter1` (commit 24ef848): same module name, arguments, schema,
//! errors, shadow table, hash function and bit layout, so a filter built
//! by either answers the same in the other.
//!
//! * `CREATE VIRTUAL TABLE b USING bloom_filter1(n[, p[, k]])`: a filter
//!   for `n` elements (100 without arguments) with false-positive chance
//!   `p` (0.01 by default) and `k` hash functions (`round(-log2(p))` by
//!   default; `k` is read only when exactly three arguments are given).
//! * `INSERT INTO b VALUES (x)`: adds `x` (its bytes as a blob: text as
//!   UTF-8, numbers as their text, NULL as no bytes).
//! * `SELECT * FROM b(x)` or `... WHERE word = x`: one row `(1)` when `x`
//!   may be in the set, no row when it certainly is not; no row without a
//!   value to look up.
//!
//! The bits live in the shadow table `<name>_storage` (one row, rowid 1:
//! `data` the filter, `p`, `n`, `m` bits, `k`), read and written through
//! SPI, so the extension needs the `spi` grant. Bit `h % m` for each
//! SipHash-2-4 `h` of the value, keyed by (`!i`, `i`) for `i` in `0..k`,
//! is bit `h % 8` of byte `h / 8`.
//!
//! Differences from the reference: the table is declared with a rowid
//! (the reference's is WITHOUT ROWID; SQLink's virtual tables have rowids),
//! so `rowid` reads 1 instead of failing; `<name>_storage` is registered as
//! a shadow table (defensive connections refuse to write it directly); two
//! `=` constraints on `word` use the first (the reference's plan is refused
//! by SQLite).

pub mod filter;

/// Bloom filters.
#[sqlink_sdk::extension(name = "bloom", capabilities = ["spi"])]
mod bloom_ext {
    /// A Bloom filter: `CREATE VIRTUAL TABLE b USING bloom_filter1(n[, p[,
    /// k]])`, filled with `INSERT INTO b VALUES (x)` and asked with
    /// `SELECT * FROM b(x)`: one row whose `present` is 1 when `x` may be
    /// in the set, no row otherwise. Errors: `Number of elements in filter
    /// must be positive`, `Probability must be in the range (0,1)`, `Number
    /// of hash functions must be positive.`, `bloom_filter elements cannot
    /// be deleted.`, `bloom_filter elements cannot be updated.`
    #[vtab(name = "bloom_filter1")]
    pub type BloomFilter1 = crate::filter::Bloom;
}
