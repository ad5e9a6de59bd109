//! libsodium's `crypto_kdf_derive_from_key` (BLAKE2b-based), with pgsodium's
//! argument checks and messages.

/// libsodium's crypto_kdf_KEYBYTES.
pub const KEY_BYTES: usize = 32;
/// libsodium's crypto_kdf_BYTES_MIN and crypto_kdf_BYTES_MAX.
pub const BYTES_MIN: i64 = 16;
pub const BYTES_MAX: i64 = 64;

const FN: &str = "pgsodium_crypto_kdf_derive_from_key";

/// Derives subkey `id` of `size` bytes from a 32-byte `key` and an 8-byte
/// `context`: BLAKE2b keyed with `key`, salted with `id` (little-endian) and
/// personalised with `context`, as libsodium does. Checks in pgsodium's order.
pub fn derive_from_key(size: Option<i64>, id: Option<i64>, context: Option<&[u8]>, key: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let size = size.ok_or_else(|| format!("{FN}: subkey size cannot be NULL"))?;
    let id = id.ok_or_else(|| format!("{FN}: subkey id cannot be NULL"))?;
    let context = context.ok_or_else(|| format!("{FN}: subkey context cannot be NULL"))?;
    let key = key.ok_or_else(|| format!("{FN}: primary key cannot be NULL"))?;
    if key.len() != KEY_BYTES {
        return Err(format!("{FN}: invalid derivation key"));
    }
    // pgsodium reads the size as an unsigned 32-bit integer.
    let size = size as u32 as i64;
    if !(BYTES_MIN..=BYTES_MAX).contains(&size) {
        return Err(format!("{FN}: invalid key size requested"));
    }
    if context.len() != 8 {
        return Err(format!("{FN}: context must be 8 bytes"));
    }
    let salt = (id as u64).to_le_bytes();
    let hash = blake2b_simd::Params::new()
        .hash_length(size as usize)
        .key(key)
        .salt(&salt)
        .personal(context)
        .hash(&[]);
    Ok(hash.as_bytes().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    /// libsodium's test/default/kdf.exp: key 00..1f, context "KDF test".
    #[test]
    fn libsodium_vectors() {
        let key: Vec<u8> = (0..32).collect();
        let data = include_str!("../testdata/libsodium-kdf.tsv");
        let mut n = 0;
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            let (size, id, want) = (f[0].parse().unwrap(), f[1].parse().unwrap(), f[2]);
            let got = derive_from_key(Some(size), Some(id), Some(b"KDF test"), Some(&key));
            match got {
                Ok(b) => assert_eq!(hex(&b), want, "size {size} id {id}"),
                Err(e) => assert_eq!(e, want, "size {size} id {id}"),
            }
            n += 1;
        }
        assert!(n >= 20);
    }

    #[test]
    fn pgsodium_messages() {
        let key = [0u8; 32];
        assert_eq!(derive_from_key(None, Some(2), Some(b"__aut__"), Some(b"bad")).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: subkey size cannot be NULL");
        assert_eq!(derive_from_key(Some(32), None, Some(b"__aut__"), Some(b"bad")).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: subkey id cannot be NULL");
        assert_eq!(derive_from_key(Some(32), Some(1), None, Some(b"bad")).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: subkey context cannot be NULL");
        assert_eq!(derive_from_key(Some(32), Some(1), Some(b"__aut__"), None).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: primary key cannot be NULL");
        assert_eq!(derive_from_key(Some(32), Some(1), Some(b"__auth__"), Some(b"bad")).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: invalid derivation key");
        assert_eq!(derive_from_key(Some(65), Some(1), Some(b"__auth__"), Some(&key)).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: invalid key size requested");
        assert_eq!(derive_from_key(Some(32), Some(1), Some(b"__aut__"), Some(&key)).unwrap_err(), "pgsodium_crypto_kdf_derive_from_key: context must be 8 bytes");
    }
}
