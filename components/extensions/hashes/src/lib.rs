//! Hashes of text and blobs: MD5, SHA-1, SHA-224/256/384/512, BLAKE3,
//! FNV-1a, XXH32, XXH64, XXH3-64 and XXH3-128, each as four SQL functions.
//!
//! Compatible with nyurik/sqlite-hashes 0.10.10: same names, arguments and
//! results. For an algorithm `h`:
//!
//! * `h(...)` returns the digest as a blob, `h_hex(...)` as upper-case hex
//!   text;
//! * `h_concat(...)` and `h_concat_hex(...)` are aggregates hashing every
//!   row's arguments in row order (use `h_concat(v ORDER BY v)` for a defined
//!   order);
//! * every one takes any number of arguments (at least one), hashed in order
//!   as if concatenated; NULLs are skipped; integers and reals are an error
//!   (`Invalid function parameter type Integer at index 0`), as are no
//!   arguments at all (`Wrong number of parameters passed to query. Got 0,
//!   needed 1`), both with SQLITE_CONSTRAINT_FUNCTION as rusqlite reports them;
//! * when only NULLs were hashed the blob functions give NULL and the hex
//!   ones `''` (as `hex(NULL)` does); an aggregate over no rows gives NULL.
//!
//! Flagged as the reference flags them: deterministic and direct-only (not
//! usable in views, triggers, CHECK constraints or generated columns).
//! The non-cryptographic hashes' integers are returned big-endian.
//!
//! Known gaps: none in results; the reference's scalar type errors name
//! index 0 whatever the argument's position, and so do these.

mod algorithms;
mod state;

/// Hashes (MD5, SHA-1, SHA-2, BLAKE3, FNV-1a, xxHash) of any number of
/// text/blob arguments, as blobs, hex text or aggregates.
#[sqlink_sdk::extension(name = "hashes")]
mod hashes_ext {
    use crate::algorithms::{Algorithm, Blake3, Fnv1a, Md5, Sha1, Sha224, Sha256, Sha384, Sha512, Xxh3_64, Xxh3_128, Xxh32, Xxh64};
    use crate::state::{hash, Concat};
    use sqlink_sdk::prelude::*;

    impl<A: Algorithm, const HEX: bool> Concat<A, HEX> {
        pub fn step(&mut self, args: &[Value]) -> Result<()> {
            self.add_row(args)
        }

        pub fn finalize(self) -> Value {
            self.result()
        }
    }

    /// The MD5 hash (16-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn md5(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Md5>(args)?.blob())
    }

    /// The MD5 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn md5_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Md5>(args)?.hex())
    }

    /// Aggregate: the MD5 hash (16-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "md5_concat", deterministic, direct_only)]
    pub type Md5Concat = Concat<Md5, false>;

    /// Aggregate: the MD5 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "md5_concat_hex", deterministic, direct_only)]
    pub type Md5ConcatHex = Concat<Md5, true>;

    /// The SHA-1 hash (20-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn sha1(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Sha1>(args)?.blob())
    }

    /// The SHA-1 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn sha1_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Sha1>(args)?.hex())
    }

    /// Aggregate: the SHA-1 hash (20-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "sha1_concat", deterministic, direct_only)]
    pub type Sha1Concat = Concat<Sha1, false>;

    /// Aggregate: the SHA-1 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "sha1_concat_hex", deterministic, direct_only)]
    pub type Sha1ConcatHex = Concat<Sha1, true>;

    /// The SHA-224 hash (28-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn sha224(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Sha224>(args)?.blob())
    }

    /// The SHA-224 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn sha224_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Sha224>(args)?.hex())
    }

    /// Aggregate: the SHA-224 hash (28-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "sha224_concat", deterministic, direct_only)]
    pub type Sha224Concat = Concat<Sha224, false>;

    /// Aggregate: the SHA-224 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "sha224_concat_hex", deterministic, direct_only)]
    pub type Sha224ConcatHex = Concat<Sha224, true>;

    /// The SHA-256 hash (32-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn sha256(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Sha256>(args)?.blob())
    }

    /// The SHA-256 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn sha256_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Sha256>(args)?.hex())
    }

    /// Aggregate: the SHA-256 hash (32-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "sha256_concat", deterministic, direct_only)]
    pub type Sha256Concat = Concat<Sha256, false>;

    /// Aggregate: the SHA-256 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "sha256_concat_hex", deterministic, direct_only)]
    pub type Sha256ConcatHex = Concat<Sha256, true>;

    /// The SHA-384 hash (48-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn sha384(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Sha384>(args)?.blob())
    }

    /// The SHA-384 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn sha384_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Sha384>(args)?.hex())
    }

    /// Aggregate: the SHA-384 hash (48-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "sha384_concat", deterministic, direct_only)]
    pub type Sha384Concat = Concat<Sha384, false>;

    /// Aggregate: the SHA-384 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "sha384_concat_hex", deterministic, direct_only)]
    pub type Sha384ConcatHex = Concat<Sha384, true>;

    /// The SHA-512 hash (64-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn sha512(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Sha512>(args)?.blob())
    }

    /// The SHA-512 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn sha512_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Sha512>(args)?.hex())
    }

    /// Aggregate: the SHA-512 hash (64-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "sha512_concat", deterministic, direct_only)]
    pub type Sha512Concat = Concat<Sha512, false>;

    /// Aggregate: the SHA-512 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "sha512_concat_hex", deterministic, direct_only)]
    pub type Sha512ConcatHex = Concat<Sha512, true>;

    /// The BLAKE3 hash (32-byte blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn blake3(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Blake3>(args)?.blob())
    }

    /// The BLAKE3 hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn blake3_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Blake3>(args)?.hex())
    }

    /// Aggregate: the BLAKE3 hash (32-byte blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "blake3_concat", deterministic, direct_only)]
    pub type Blake3Concat = Concat<Blake3, false>;

    /// Aggregate: the BLAKE3 hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "blake3_concat_hex", deterministic, direct_only)]
    pub type Blake3ConcatHex = Concat<Blake3, true>;

    /// The FNV-1a (64-bit) hash (8-byte big-endian blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn fnv1a(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Fnv1a>(args)?.blob())
    }

    /// The FNV-1a (64-bit) hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn fnv1a_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Fnv1a>(args)?.hex())
    }

    /// Aggregate: the FNV-1a (64-bit) hash (8-byte big-endian blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "fnv1a_concat", deterministic, direct_only)]
    pub type Fnv1aConcat = Concat<Fnv1a, false>;

    /// Aggregate: the FNV-1a (64-bit) hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "fnv1a_concat_hex", deterministic, direct_only)]
    pub type Fnv1aConcatHex = Concat<Fnv1a, true>;

    /// The XXH32 (seed 0) hash (4-byte big-endian blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn xxh32(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Xxh32>(args)?.blob())
    }

    /// The XXH32 (seed 0) hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn xxh32_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Xxh32>(args)?.hex())
    }

    /// Aggregate: the XXH32 (seed 0) hash (4-byte big-endian blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "xxh32_concat", deterministic, direct_only)]
    pub type Xxh32Concat = Concat<Xxh32, false>;

    /// Aggregate: the XXH32 (seed 0) hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "xxh32_concat_hex", deterministic, direct_only)]
    pub type Xxh32ConcatHex = Concat<Xxh32, true>;

    /// The XXH64 (seed 0) hash (8-byte big-endian blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn xxh64(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Xxh64>(args)?.blob())
    }

    /// The XXH64 (seed 0) hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn xxh64_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Xxh64>(args)?.hex())
    }

    /// Aggregate: the XXH64 (seed 0) hash (8-byte big-endian blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "xxh64_concat", deterministic, direct_only)]
    pub type Xxh64Concat = Concat<Xxh64, false>;

    /// Aggregate: the XXH64 (seed 0) hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "xxh64_concat_hex", deterministic, direct_only)]
    pub type Xxh64ConcatHex = Concat<Xxh64, true>;

    /// The XXH3 64-bit (seed 0) hash (8-byte big-endian blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn xxh3_64(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Xxh3_64>(args)?.blob())
    }

    /// The XXH3 64-bit (seed 0) hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn xxh3_64_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Xxh3_64>(args)?.hex())
    }

    /// Aggregate: the XXH3 64-bit (seed 0) hash (8-byte big-endian blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "xxh3_64_concat", deterministic, direct_only)]
    pub type Xxh3_64Concat = Concat<Xxh3_64, false>;

    /// Aggregate: the XXH3 64-bit (seed 0) hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "xxh3_64_concat_hex", deterministic, direct_only)]
    pub type Xxh3_64ConcatHex = Concat<Xxh3_64, true>;

    /// The XXH3 128-bit (seed 0) hash (16-byte big-endian blob) of the arguments (text or blobs,
    /// concatenated); NULL if all are NULL; an error for a number or no
    /// argument.
    #[function(deterministic, direct_only)]
    fn xxh3_128(args: &[Value]) -> Result<Option<Vec<u8>>> {
        Ok(hash::<Xxh3_128>(args)?.blob())
    }

    /// The XXH3 128-bit (seed 0) hash of the arguments as upper-case hex text; `''` if
    /// all are NULL; an error for a number or no argument.
    #[function(deterministic, direct_only)]
    fn xxh3_128_hex(args: &[Value]) -> Result<Option<String>> {
        Ok(hash::<Xxh3_128>(args)?.hex())
    }

    /// Aggregate: the XXH3 128-bit (seed 0) hash (16-byte big-endian blob) of every row's arguments in
    /// row order; NULL over no rows or only NULLs; an error for a number.
    #[aggregate(name = "xxh3_128_concat", deterministic, direct_only)]
    pub type Xxh3_128Concat = Concat<Xxh3_128, false>;

    /// Aggregate: the XXH3 128-bit (seed 0) hash of every row's arguments as upper-case hex
    /// text; NULL over no rows, `''` over only NULLs; an error for a number.
    #[aggregate(name = "xxh3_128_concat_hex", deterministic, direct_only)]
    pub type Xxh3_128ConcatHex = Concat<Xxh3_128, true>;
}

#[cfg(test)]
mod tests;
