//! Key derivation functions returning blobs: HKDF (RFC 5869), PBKDF2
//! (RFC 8018) and scrypt (RFC 7914), plus libsodium's BLAKE2b-based
//! `crypto_kdf_derive_from_key` and `crypto_kdf_keygen`.
//!
//! `crypto_kdf_*` is compatible with pgsodium 3.1.11: same names, arguments
//! (`size, id, context, key`), results and error messages; like pgsodium it
//! reports a NULL argument as an error. pgsodium's overload taking a server
//! key UUID instead of a raw key is not available (no server keys here).
//!
//! `hkdf`, `pbkdf2` and `scrypt` follow the RFCs (no single reference
//! extension): text and blobs are both read as bytes, hash names are 'sha1',
//! 'sha256' (the default), 'sha384' and 'sha512', and any NULL argument gives
//! NULL. Cost caps keep a query from exhausting memory or running for hours:
//! `pbkdf2` runs at most 2^24 HMAC blocks (iterations × output blocks) and
//! returns at most 1024 bytes; `scrypt` needs N·r ≤ 2^19 (64 MiB of memory),
//! N·r·p ≤ 2^22 and at most 1024 bytes, so RFC 7914's fourth vector
//! (N = 2^20, r = 8: 1 GiB) is refused.

mod derive;
mod sodium;

/// Key derivation: HKDF, PBKDF2, scrypt and libsodium's crypto_kdf.
#[sqlink_sdk::extension(name = "kdf")]
mod kdf_ext {
    use sqlink_sdk::prelude::*;

    use crate::derive::{self, Hash};

    fn hash(name: Option<&str>, function: &str) -> Result<Hash> {
        name.map_or(Ok(Hash::Sha256), |n| Hash::named(n, function)).map_err(Error::new)
    }

    /// HKDF (RFC 5869) of input key material `ikm` with `salt` and `info`:
    /// a blob of `len` bytes. `hash` is 'sha1', 'sha256' (default), 'sha384'
    /// or 'sha512'. NULL if any argument is NULL; an error if `len` is not
    /// between 1 and 255 × the hash size, or the hash is unknown.
    #[function(deterministic, innocuous)]
    fn hkdf(ikm: &[u8], salt: &[u8], info: &[u8], len: i64, #[optional] hash: Option<&str>) -> Result<Vec<u8>> {
        derive::hkdf(ikm, salt, info, len, self::hash(hash, "hkdf")?).map_err(Error::new)
    }

    /// PBKDF2-HMAC (RFC 8018) of password `pw` with `salt` and `iter`
    /// iterations: a blob of `len` bytes. `hash` is 'sha1', 'sha256'
    /// (default), 'sha384' or 'sha512'. NULL if any argument is NULL; an
    /// error if `iter` < 1, `len` is not between 1 and 1024, iterations ×
    /// output blocks exceed 16777216, or the hash is unknown.
    #[function(deterministic, innocuous)]
    fn pbkdf2(pw: &[u8], salt: &[u8], iter: i64, len: i64, #[optional] hash: Option<&str>) -> Result<Vec<u8>> {
        derive::pbkdf2(pw, salt, iter, len, self::hash(hash, "pbkdf2")?).map_err(Error::new)
    }

    /// scrypt (RFC 7914) of password `pw` with `salt`, cost `n`, block size
    /// `r` and parallelism `p`: a blob of `len` bytes. NULL if any argument is
    /// NULL; an error if `n` is not a power of 2 above 1, `r` or `p` < 1,
    /// `len` is not between 1 and 1024, N·r > 524288 (64 MiB) or N·r·p >
    /// 4194304.
    #[function(deterministic, innocuous)]
    fn scrypt(pw: &[u8], salt: &[u8], n: i64, r: i64, p: i64, len: i64) -> Result<Vec<u8>> {
        derive::scrypt(pw, salt, n, r, p, len).map_err(Error::new)
    }

    /// libsodium's crypto_kdf_derive_from_key, as pgsodium: subkey `id` of
    /// `size` bytes (16 to 64) from an 8-byte `context` and a 32-byte `key`,
    /// as a blob. Like pgsodium, a NULL argument, a key that is not 32 bytes,
    /// a bad size or a context that is not 8 bytes is an error.
    #[function(deterministic, innocuous)]
    fn crypto_kdf_derive_from_key(size: Option<i64>, id: Option<i64>, context: Option<&[u8]>, key: Option<&[u8]>) -> Result<Vec<u8>> {
        crate::sodium::derive_from_key(size, id, context, key).map_err(Error::new)
    }

    /// A new random 32-byte key for crypto_kdf_derive_from_key (a blob; not
    /// deterministic).
    #[function]
    fn crypto_kdf_keygen() -> Result<Vec<u8>> {
        let mut key = vec![0u8; crate::sodium::KEY_BYTES];
        getrandom::fill(&mut key).map_err(|e| Error::new(format!("crypto_kdf_keygen(): {e}")))?;
        Ok(key)
    }

    #[cfg(test)]
    include!("vectors.rs");
}
