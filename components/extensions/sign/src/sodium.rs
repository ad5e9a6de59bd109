//! pgsodium's `crypto_sign_*` (libsodium's Ed25519) with its argument checks
//! and error messages.

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

const SIG: usize = 64;

fn need<T>(v: Option<T>, function: &str, what: &str) -> Result<T, String> {
    v.ok_or_else(|| format!("pgsodium_{function}: {what} cannot be NULL"))
}

/// The signing key in a 64-byte libsodium secret key (seed || public key).
fn secret_key(sk: &[u8], function: &str) -> Result<SigningKey, String> {
    let seed: [u8; 32] = (sk.len() == 64)
        .then(|| sk[..32].try_into().expect("32 bytes"))
        .ok_or_else(|| format!("pgsodium_{function}: invalid secret key"))?;
    Ok(SigningKey::from_bytes(&seed))
}

fn public_key(pk: &[u8], function: &str) -> Result<Option<VerifyingKey>, String> {
    let bytes: [u8; 32] = pk.try_into().map_err(|_| format!("pgsodium_{function}: invalid public key"))?;
    // A 32-byte string that is no curve point verifies nothing (libsodium
    // returns failure, not an error).
    Ok(VerifyingKey::from_bytes(&bytes).ok())
}

/// libsodium's verification: strict (no small-order keys or R, canonical S).
pub fn verifies(key: &VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    Signature::from_slice(sig).is_ok_and(|s| key.verify_strict(msg, &s).is_ok())
}

/// `(public, secret)` for a 32-byte seed: the 32-byte public key and the
/// 64-byte secret key (seed || public key).
pub fn seed_keypair(seed: Option<&[u8]>) -> Result<(Vec<u8>, Vec<u8>), String> {
    let f = "crypto_sign_seed_keypair";
    let seed = need(seed, f, "seed")?;
    let seed: [u8; 32] = seed.try_into().map_err(|_| format!("pgsodium_{f}: invalid seed"))?;
    let key = SigningKey::from_bytes(&seed);
    Ok((key.verifying_key().to_bytes().to_vec(), key.to_keypair_bytes().to_vec()))
}

/// The 64-byte detached signature of `msg`.
pub fn sign_detached(msg: Option<&[u8]>, sk: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let f = "crypto_sign_detached";
    let msg = need(msg, f, "message")?;
    let key = secret_key(need(sk, f, "secretkey")?, f)?;
    Ok(key.sign(msg).to_bytes().to_vec())
}

/// Whether `sig` is a valid signature of `msg` under the 32-byte `pk`.
pub fn verify_detached(sig: Option<&[u8]>, msg: Option<&[u8]>, pk: Option<&[u8]>) -> Result<bool, String> {
    let f = "crypto_sign_verify_detached";
    let sig = need(sig, f, "signature")?;
    let msg = need(msg, f, "message")?;
    let pk = need(pk, f, "publickey")?;
    Ok(public_key(pk, f)?.is_some_and(|k| verifies(&k, msg, sig)))
}

/// The signed message: the 64-byte signature followed by `msg`.
pub fn sign(msg: Option<&[u8]>, sk: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let f = "crypto_sign";
    let msg = need(msg, f, "message")?;
    let key = secret_key(need(sk, f, "secretkey")?, f)?;
    let mut out = key.sign(msg).to_bytes().to_vec();
    out.extend_from_slice(msg);
    Ok(out)
}

/// The message inside a signed message, if its signature verifies under
/// `pk`; else pgsodium's `invalid message`.
pub fn open(signed: Option<&[u8]>, pk: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let f = "crypto_sign_open";
    let signed = need(signed, f, "message")?;
    let pk = need(pk, f, "publickey")?;
    let key = public_key(pk, f)?;
    if signed.len() <= SIG {
        return Err(format!("pgsodium_{f}: invalid message"));
    }
    let (sig, msg) = signed.split_at(SIG);
    if key.is_some_and(|k| verifies(&k, msg, sig)) {
        Ok(msg.to_vec())
    } else {
        Err(format!("pgsodium_{f}: invalid message"))
    }
}

/// 32 random bytes.
pub fn random32() -> Result<Vec<u8>, String> {
    let mut b = vec![0u8; 32];
    getrandom::fill(&mut b).map_err(|e| e.to_string())?;
    Ok(b)
}

#[cfg(test)]
mod tests;
