//! Compression, decompression and testing for gzip, brotli and bzip2, and
//! binary diffing and patching (bsdiff4, raw bsdiff), compatible with
//! nyurik/sqlite-compressions 0.3.12: same names, arguments, results (to
//! the byte: the same crates do the work) and error messages.
//!
//! * `gzip(x[, level])`, `brotli(x[, quality])`, `bzip2(x[, level])`
//!   compress text or a blob into a blob (gzip: levels 0-9, default 6, a
//!   header with mtime 0 and OS 255; brotli: any quality, above 11 meaning
//!   11, the default, window 22; bzip2: levels 1-9, default 6).
//! * `gzip_decode(b)`, `brotli_decode(b)`, `bzip2_decode(b)` decompress a
//!   blob into a blob; `gzip_test(b)` (and the others) return 1 when the
//!   blob decompresses, 0 when it does not.
//! * `bsdiff4(source, target)` is the bsdiff 4.x patch (`BSDIFF40`, bzip2
//!   compressed) turning source into target, `bspatch4(source, patch)`
//!   applies it; `bsdiffraw` and `bspatchraw` do the same in the bsdiff
//!   crate's raw, uncompressed format. Text or blobs; NULL for any NULL.
//!
//! NULL gives NULL everywhere. As in the reference: compressing takes only
//! text or blobs, and decoding and testing only blobs (other types are
//! `Invalid function parameter type Integer at index 0`); the level must be
//! an integer (`Invalid function parameter type Text at index 1`) and is
//! read before the data, so `gzip(NULL, 'x')` is an error; compression
//! functions take any number of arguments and report a wrong count as
//! `Wrong number of parameters passed to query. Got 3, needed 1`, while the
//! diff functions take exactly two (SQLite's `wrong number of arguments to
//! function bsdiff4()`). Errors carry the reference's result code,
//! SQLITE_CONSTRAINT_FUNCTION (the shell shows `(19)`), and every function
//! is registered DETERMINISTIC and DIRECTONLY, as the reference registers
//! them (so none can be used in views, triggers or generated columns).

mod codecs;
mod diff;
mod params;

/// gzip, brotli and bzip2 compression, decompression and testing; bsdiff4
/// and raw bsdiff diffs and patches.
#[sqlink_sdk::extension(name = "compressions")]
mod compressions_ext {
    use crate::codecs::{Brotli, Bzip2, Gzip};
    use crate::diff::{Bsdiff4, BsdiffRaw, Differ};
    use crate::params::{decode, encode, patch, test};
    use sqlink_sdk::prelude::*;

    /// gzip(x[, level]): the gzip compression (a blob) of text or a blob x,
    /// at level 0 to 9 (default 6); NULL for NULL.
    #[function(deterministic, direct_only)]
    fn gzip(args: &[Value]) -> Result<Value> {
        encode::<Gzip>(args)
    }

    /// gzip_decode(b): the data (a blob) of the gzip blob b; NULL for NULL.
    #[function(deterministic, direct_only)]
    fn gzip_decode(args: &[Value]) -> Result<Value> {
        decode::<Gzip>(args)
    }

    /// gzip_test(b): 1 if the blob b is valid gzip data, else 0; NULL for
    /// NULL.
    #[function(deterministic, direct_only)]
    fn gzip_test(args: &[Value]) -> Result<Value> {
        test::<Gzip>(args)
    }

    /// brotli(x[, quality]): the Brotli compression (a blob) of text or a
    /// blob x, at quality 0 to 11 (default and anything above: 11); NULL
    /// for NULL.
    #[function(deterministic, direct_only)]
    fn brotli(args: &[Value]) -> Result<Value> {
        encode::<Brotli>(args)
    }

    /// brotli_decode(b): the data (a blob) of the Brotli blob b; NULL for
    /// NULL.
    #[function(deterministic, direct_only)]
    fn brotli_decode(args: &[Value]) -> Result<Value> {
        decode::<Brotli>(args)
    }

    /// brotli_test(b): 1 if the blob b is valid Brotli data, else 0; NULL
    /// for NULL.
    #[function(deterministic, direct_only)]
    fn brotli_test(args: &[Value]) -> Result<Value> {
        test::<Brotli>(args)
    }

    /// bzip2(x[, level]): the bzip2 compression (a blob) of text or a blob
    /// x, at level 1 to 9 (default 6); NULL for NULL.
    #[function(deterministic, direct_only)]
    fn bzip2(args: &[Value]) -> Result<Value> {
        encode::<Bzip2>(args)
    }

    /// bzip2_decode(b): the data (a blob) of the bzip2 blob b; NULL for
    /// NULL.
    #[function(deterministic, direct_only)]
    fn bzip2_decode(args: &[Value]) -> Result<Value> {
        decode::<Bzip2>(args)
    }

    /// bzip2_test(b): 1 if the blob b is valid bzip2 data, else 0; NULL for
    /// NULL.
    #[function(deterministic, direct_only)]
    fn bzip2_test(args: &[Value]) -> Result<Value> {
        test::<Bzip2>(args)
    }

    /// bsdiff4(source, target): the bsdiff 4.x patch (a blob) that
    /// bspatch4 applies to source to give target; NULL if either is NULL.
    #[function(deterministic, direct_only)]
    fn bsdiff4(source: &Value, target: &Value) -> Result<Value> {
        patch(source, target, Bsdiff4::diff)
    }

    /// bspatch4(source, patch): target (a blob), from source and a bsdiff4
    /// patch; NULL if either is NULL.
    #[function(deterministic, direct_only)]
    fn bspatch4(source: &Value, patch: &Value) -> Result<Value> {
        crate::params::patch(source, patch, Bsdiff4::patch)
    }

    /// bsdiffraw(source, target): the raw bsdiff patch (a blob, the bsdiff
    /// crate's uncompressed format) that bspatchraw applies to source to
    /// give target; NULL if either is NULL.
    #[function(deterministic, direct_only)]
    fn bsdiffraw(source: &Value, target: &Value) -> Result<Value> {
        patch(source, target, BsdiffRaw::diff)
    }

    /// bspatchraw(source, patch): target (a blob), from source and a raw
    /// bsdiff patch; NULL if either is NULL.
    #[function(deterministic, direct_only)]
    fn bspatchraw(source: &Value, patch: &Value) -> Result<Value> {
        crate::params::patch(source, patch, BsdiffRaw::patch)
    }
}

#[cfg(test)]
mod tests;
