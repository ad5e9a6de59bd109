//! Hashing, encoding and decoding (sqlean-compatible: same names, arguments
//! and results as sqlean's `crypto` module).
//!
//! Hashes take text or a blob (numbers hash as their text form) and return a
//! blob; NULL gives NULL. The algorithms come from RustCrypto (MD5, SHA-1,
//! SHA-2), the `blake3` crate and `xxhash-rust`; the encodings are in
//! [`codec`].

mod base85;
mod codec;
mod url;

/// Hashing (MD5, SHA-1, SHA-2, BLAKE3, xxHash) and encoding/decoding
/// (base32, base64, base85, hex, url).
#[sqlink_sdk::extension(name = "crypto")]
mod crypto_ext {
    use crate::codec::Codec;
    use sha2::Digest;
    use sqlink_sdk::prelude::*;
    use xxhash_rust::{xxh3, xxh32, xxh64};

    /// MD5 hash (16-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "md5")]
    fn crypto_md5(data: &[u8]) -> Vec<u8> {
        md5::Md5::digest(data).to_vec()
    }

    /// SHA-1 hash (20-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "sha1")]
    fn crypto_sha1(data: &[u8]) -> Vec<u8> {
        sha1::Sha1::digest(data).to_vec()
    }

    /// SHA2-256 hash (32-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "sha256")]
    fn crypto_sha256(data: &[u8]) -> Vec<u8> {
        sha2::Sha256::digest(data).to_vec()
    }

    /// SHA2-384 hash (48-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "sha384")]
    fn crypto_sha384(data: &[u8]) -> Vec<u8> {
        sha2::Sha384::digest(data).to_vec()
    }

    /// SHA2-512 hash (64-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "sha512")]
    fn crypto_sha512(data: &[u8]) -> Vec<u8> {
        sha2::Sha512::digest(data).to_vec()
    }

    /// BLAKE3 hash (32-byte blob) of text or a blob.
    #[function(deterministic, innocuous, alias = "blake3")]
    fn crypto_blake3(data: &[u8]) -> Vec<u8> {
        blake3::hash(data).as_bytes().to_vec()
    }

    /// XXH32 hash (4-byte blob, big-endian, seed 0) of text or a blob.
    #[function(deterministic, innocuous, alias = "xxh32")]
    fn crypto_xxh32(data: &[u8]) -> Vec<u8> {
        xxh32::xxh32(data, 0).to_be_bytes().to_vec()
    }

    /// XXH64 hash (8-byte blob, big-endian, seed 0) of text or a blob.
    #[function(deterministic, innocuous, alias = "xxh64")]
    fn crypto_xxh64(data: &[u8]) -> Vec<u8> {
        xxh64::xxh64(data, 0).to_be_bytes().to_vec()
    }

    /// XXH3 64-bit hash (8-byte blob, big-endian) of text or a blob.
    #[function(deterministic, innocuous, alias = "xxh3_64")]
    fn crypto_xxh3_64(data: &[u8]) -> Vec<u8> {
        xxh3::xxh3_64(data).to_be_bytes().to_vec()
    }

    /// XXH3 128-bit hash (16-byte blob, big-endian) of text or a blob.
    #[function(deterministic, innocuous, alias = "xxh3_128")]
    fn crypto_xxh3_128(data: &[u8]) -> Vec<u8> {
        xxh3::xxh3_128(data).to_be_bytes().to_vec()
    }

    /// Encodes text or a blob as text with `algo`: base32, base64, base85
    /// (Ascii85), hex or url (percent-encoding).
    ///
    /// As in sqlean, `algo` may be abbreviated to any prefix of a name
    /// (`'b'` is base32).
    #[function(deterministic, innocuous, alias = "encode")]
    fn crypto_encode(data: &[u8], algo: &str) -> Result<String> {
        Ok(Codec::named(algo)?.encode(data))
    }

    /// Decodes text written with `algo` (base32, base64, base85, hex or url)
    /// into a blob; an error if the text is not valid in that encoding.
    #[function(deterministic, innocuous, alias = "decode")]
    fn crypto_decode(text: &[u8], algo: &str) -> Result<Vec<u8>> {
        Codec::named(algo)?.decode(text)
    }
}

#[cfg(test)]
mod tests;
