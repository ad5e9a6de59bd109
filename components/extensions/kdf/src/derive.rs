//! HKDF, PBKDF2 and scrypt over the RustCrypto crates, with the argument
//! checks and cost caps the SQL functions document.

use sha1::Sha1;
use sha2::{Sha256, Sha384, Sha512};

/// The hash functions HKDF and PBKDF2 accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

impl Hash {
    /// Parses 'sha1', 'sha256', 'sha384' or 'sha512' (any case; `sha-256` too).
    pub fn named(name: &str, function: &str) -> Result<Hash, String> {
        match name.to_ascii_lowercase().replace('-', "").as_str() {
            "sha1" => Ok(Hash::Sha1),
            "sha256" => Ok(Hash::Sha256),
            "sha384" => Ok(Hash::Sha384),
            "sha512" => Ok(Hash::Sha512),
            _ => Err(format!("{function}(): unknown hash '{name}' (use sha1, sha256, sha384 or sha512)")),
        }
    }

    /// The digest size in bytes.
    pub fn size(self) -> usize {
        match self {
            Hash::Sha1 => 20,
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }
}

/// Largest output of `pbkdf2` and `scrypt`, in bytes.
pub const MAX_LEN: i64 = 1024;
/// Largest `iterations × output blocks` PBKDF2 runs (RFC 6070's longest vector).
pub const MAX_PBKDF2_WORK: i64 = 1 << 24;
/// Largest scrypt `N·r` (128·N·r bytes of memory: 64 MiB).
pub const MAX_SCRYPT_NR: i64 = 1 << 19;
/// Largest scrypt `N·r·p`.
pub const MAX_SCRYPT_NRP: i64 = 1 << 22;

/// HKDF (RFC 5869) extract-and-expand; `len` from 1 to 255 × the hash size.
pub fn hkdf(ikm: &[u8], salt: &[u8], info: &[u8], len: i64, hash: Hash) -> Result<Vec<u8>, String> {
    let max = 255 * hash.size() as i64;
    if !(1..=max).contains(&len) {
        return Err(format!("hkdf(): length must be between 1 and {max}"));
    }
    let mut out = vec![0u8; len as usize];
    let ok = match hash {
        Hash::Sha1 => hkdf::Hkdf::<Sha1>::new(Some(salt), ikm).expand(info, &mut out).is_ok(),
        Hash::Sha256 => hkdf::Hkdf::<Sha256>::new(Some(salt), ikm).expand(info, &mut out).is_ok(),
        Hash::Sha384 => hkdf::Hkdf::<Sha384>::new(Some(salt), ikm).expand(info, &mut out).is_ok(),
        Hash::Sha512 => hkdf::Hkdf::<Sha512>::new(Some(salt), ikm).expand(info, &mut out).is_ok(),
    };
    if !ok {
        return Err(format!("hkdf(): length must be between 1 and {max}"));
    }
    Ok(out)
}

/// PBKDF2 with HMAC (RFC 8018); `iterations` ≥ 1, `len` from 1 to 1024 and
/// `iterations × ceil(len / hash size)` at most 2^24.
pub fn pbkdf2(password: &[u8], salt: &[u8], iterations: i64, len: i64, hash: Hash) -> Result<Vec<u8>, String> {
    if iterations < 1 {
        return Err("pbkdf2(): iterations must be at least 1".into());
    }
    if !(1..=MAX_LEN).contains(&len) {
        return Err(format!("pbkdf2(): length must be between 1 and {MAX_LEN}"));
    }
    let blocks = (len + hash.size() as i64 - 1) / hash.size() as i64;
    if iterations > MAX_PBKDF2_WORK / blocks {
        return Err(format!("pbkdf2(): iterations × output blocks must not exceed {MAX_PBKDF2_WORK}"));
    }
    let mut out = vec![0u8; len as usize];
    let rounds = iterations as u32;
    match hash {
        Hash::Sha1 => pbkdf2::pbkdf2_hmac::<Sha1>(password, salt, rounds, &mut out),
        Hash::Sha256 => pbkdf2::pbkdf2_hmac::<Sha256>(password, salt, rounds, &mut out),
        Hash::Sha384 => pbkdf2::pbkdf2_hmac::<Sha384>(password, salt, rounds, &mut out),
        Hash::Sha512 => pbkdf2::pbkdf2_hmac::<Sha512>(password, salt, rounds, &mut out),
    }
    Ok(out)
}

/// scrypt (RFC 7914): `n` a power of 2 above 1, `r` and `p` ≥ 1, `len` from 1
/// to 1024, N·r at most 2^19 (64 MiB of memory) and N·r·p at most 2^22.
pub fn scrypt(password: &[u8], salt: &[u8], n: i64, r: i64, p: i64, len: i64) -> Result<Vec<u8>, String> {
    if n < 2 || n.count_ones() != 1 {
        return Err("scrypt(): N must be a power of 2 greater than 1".into());
    }
    if r < 1 || p < 1 {
        return Err("scrypt(): r and p must be at least 1".into());
    }
    if !(1..=MAX_LEN).contains(&len) {
        return Err(format!("scrypt(): length must be between 1 and {MAX_LEN}"));
    }
    let nr = n.checked_mul(r).filter(|&nr| nr <= MAX_SCRYPT_NR);
    let Some(nr) = nr else {
        return Err(format!("scrypt(): N·r must not exceed {MAX_SCRYPT_NR} (64 MiB of memory)"));
    };
    if p > MAX_SCRYPT_NRP / nr {
        return Err(format!("scrypt(): N·r·p must not exceed {MAX_SCRYPT_NRP}"));
    }
    let params = scrypt::Params::new(n.trailing_zeros() as u8, r as u32, p as u32)
        .map_err(|_| "scrypt(): invalid parameters".to_string())?;
    let mut out = vec![0u8; len as usize];
    scrypt::scrypt(password, salt, &params, &mut out).map_err(|_| format!("scrypt(): length must be between 1 and {MAX_LEN}"))?;
    Ok(out)
}
