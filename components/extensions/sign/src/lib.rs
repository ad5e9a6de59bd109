//! Ed25519 signatures compatible with pgsodium 3.1.11's `crypto_sign_*`
//! (libsodium): same names, arguments, results and error messages, a NULL
//! argument being pgsodium's error (`pgsodium_crypto_sign: message cannot
//! be NULL`). Keys are libsodium's: a 32-byte public key and a 64-byte
//! secret key (seed || public key).
//!
//! * `crypto_sign_detached(msg, sk)`, `crypto_sign_verify_detached(sig,
//!   msg, pk)`, `crypto_sign(msg, sk)`, `crypto_sign_open(signed, pk)`.
//! * `crypto_sign_seed_new_keypair(seed)` and `crypto_sign_new_keypair()`:
//!   table-valued, one row `(public, secret)`; `crypto_sign_new_seed()`.
//!
//! Plus `sig_verify(alg, pub, msg, sig)` (no pgsodium counterpart):
//! 'ed25519', 'ecdsa-p256-sha256', 'rsa-pkcs1-sha256', 'rsa-pss-sha256'.
//!
//! Gaps: libsodium signs with the public half stored in the secret key; here
//! it is derived from the seed (the same for every key libsodium makes). The
//! multi-part `crypto_sign_init`/`update`/`final_*` (Ed25519ph) and the
//! server-key variants are not provided. A signature that is not 64 bytes
//! does not verify (libsodium reads 64 bytes whatever is given).

mod sodium;
mod verify;

/// Ed25519 signing (pgsodium crypto_sign_*) and signature verification.
#[sqlink_sdk::extension(name = "sign")]
mod sign_ext {
    use sqlink_sdk::prelude::*;

    use crate::sodium;

    /// pgsodium's crypto_sign_detached: the 64-byte Ed25519 signature
    /// (blob) of `msg` with the 64-byte secret key `sk`. A NULL argument or
    /// a key that is not 64 bytes is pgsodium's error.
    #[function(deterministic, innocuous)]
    fn crypto_sign_detached(msg: Option<&[u8]>, sk: Option<&[u8]>) -> Result<Vec<u8>> {
        sodium::sign_detached(msg, sk).map_err(Error::new)
    }

    /// pgsodium's crypto_sign_verify_detached: 1 if `sig` is a valid
    /// Ed25519 signature of `msg` under the 32-byte public key `pk`, else 0.
    /// A NULL argument or a key that is not 32 bytes is pgsodium's error.
    #[function(deterministic, innocuous)]
    fn crypto_sign_verify_detached(sig: Option<&[u8]>, msg: Option<&[u8]>, pk: Option<&[u8]>) -> Result<bool> {
        sodium::verify_detached(sig, msg, pk).map_err(Error::new)
    }

    /// pgsodium's crypto_sign: the signed message (blob), the 64-byte
    /// signature followed by `msg`. Errors as crypto_sign_detached's.
    #[function(deterministic, innocuous)]
    fn crypto_sign(msg: Option<&[u8]>, sk: Option<&[u8]>) -> Result<Vec<u8>> {
        sodium::sign(msg, sk).map_err(Error::new)
    }

    /// pgsodium's crypto_sign_open: the message (blob) inside a signed
    /// message whose signature verifies under `pk`; `invalid message` if it
    /// does not, and pgsodium's errors for NULLs and a bad key.
    #[function(deterministic, innocuous)]
    fn crypto_sign_open(signed: Option<&[u8]>, pk: Option<&[u8]>) -> Result<Vec<u8>> {
        sodium::open(signed, pk).map_err(Error::new)
    }

    /// A new random 32-byte seed (blob; not deterministic).
    #[function]
    fn crypto_sign_new_seed() -> Result<Vec<u8>> {
        sodium::random32().map_err(Error::new)
    }

    /// pgsodium's crypto_sign_seed_new_keypair: one row `(public, secret)`,
    /// the key pair of a 32-byte seed. A NULL or wrong-sized seed is
    /// pgsodium's error.
    #[table(name = "crypto_sign_seed_new_keypair", columns = "public, secret")]
    fn crypto_sign_seed_new_keypair(seed: Option<Vec<u8>>) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        Ok(vec![sodium::seed_keypair(seed.as_deref()).map_err(Error::new)?])
    }

    /// pgsodium's crypto_sign_new_keypair: one row `(public, secret)`, a new
    /// random key pair.
    #[table(name = "crypto_sign_new_keypair", columns = "public, secret")]
    fn crypto_sign_new_keypair() -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let seed = sodium::random32().map_err(Error::new)?;
        Ok(vec![sodium::seed_keypair(Some(&seed)).map_err(Error::new)?])
    }

    /// 1 if `sig` is a valid `alg` signature of `msg` under the public key
    /// `pub`, else 0; NULL if any argument is NULL. `alg` is 'ed25519' (key:
    /// 32 raw bytes or SubjectPublicKeyInfo), 'ecdsa-p256-sha256' (key: SPKI
    /// or SEC1 point; signature DER, or 64 raw bytes r||s when it is not
    /// DER), 'rsa-pkcs1-sha256' or 'rsa-pss-sha256' (key: SPKI or PKCS#1;
    /// PSS with MGF1-SHA-256 and a 32-byte salt). Keys may be DER blobs or
    /// PEM text. An unknown algorithm or unreadable key is an error.
    #[function(deterministic, innocuous)]
    fn sig_verify(alg: &str, r#pub: &[u8], msg: &[u8], sig: &[u8]) -> Result<bool> {
        crate::verify::sig_verify(alg, r#pub, msg, sig).map_err(Error::new)
    }
}
