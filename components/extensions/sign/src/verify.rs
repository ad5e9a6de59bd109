//! `sig_verify(alg, pub, msg, sig)`: Ed25519, ECDSA P-256 with SHA-256 and
//! RSA (PKCS#1 v1.5 and PSS) with SHA-256, public keys as raw bytes, DER or
//! PEM.

use base64::Engine;
use p256::pkcs8::DecodePublicKey;
use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::signature::Verifier;

/// The algorithms `sig_verify` knows.
const KNOWN: &str = "ed25519, ecdsa-p256-sha256, rsa-pkcs1-sha256 or rsa-pss-sha256";
/// The DER SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410).
const ED25519_SPKI: [u8; 12] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/// A key as DER: PEM text is unwrapped (its label kept), anything else is
/// taken as it is.
fn der(key: &[u8]) -> Result<(Option<String>, Vec<u8>), ()> {
    let Ok(text) = std::str::from_utf8(key) else { return Ok((None, key.to_vec())) };
    let text = text.trim();
    let Some(rest) = text.strip_prefix("-----BEGIN ") else { return Ok((None, key.to_vec())) };
    let (label, rest) = rest.split_once("-----").ok_or(())?;
    let end = format!("-----END {label}-----");
    let body = rest.trim_end().strip_suffix(end.as_str()).ok_or(())?;
    let b64: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(b64).map_err(|_| ())?;
    Ok((Some(label.to_string()), der))
}

fn bad_key(alg: &str) -> String {
    format!("sig_verify(): invalid {alg} public key")
}

/// Whether `sig` is a valid `alg` signature of `msg` under `key`; an error
/// for an unknown algorithm or a key that cannot be read.
pub fn sig_verify(alg: &str, key: &[u8], msg: &[u8], sig: &[u8]) -> Result<bool, String> {
    let alg_lower = alg.to_ascii_lowercase();
    match alg_lower.as_str() {
        "ed25519" => {
            let (_, der) = der(key).map_err(|_| bad_key("ed25519"))?;
            let raw: [u8; 32] = match der.len() {
                32 => der[..].try_into().expect("32"),
                44 if der.starts_with(&ED25519_SPKI) => der[12..].try_into().expect("32"),
                _ => return Err(bad_key("ed25519")),
            };
            let key = ed25519_dalek::VerifyingKey::from_bytes(&raw).map_err(|_| bad_key("ed25519"))?;
            Ok(crate::sodium::verifies(&key, msg, sig))
        }
        "ecdsa-p256-sha256" => {
            let (_, der) = der(key).map_err(|_| bad_key("ecdsa-p256"))?;
            let key = p256::PublicKey::from_public_key_der(&der)
                .or_else(|_| p256::PublicKey::from_sec1_bytes(&der))
                .map_err(|_| bad_key("ecdsa-p256"))?;
            let key = p256::ecdsa::VerifyingKey::from(key);
            // DER if it parses as DER, else 64 raw bytes r || s (IEEE P1363).
            let sig = match p256::ecdsa::Signature::from_der(sig) {
                Ok(s) => s,
                Err(_) if sig.len() == 64 => match p256::ecdsa::Signature::from_slice(sig) {
                    Ok(s) => s,
                    Err(_) => return Ok(false),
                },
                Err(_) => return Ok(false),
            };
            Ok(key.verify(msg, &sig).is_ok())
        }
        "rsa-pkcs1-sha256" | "rsa-pss-sha256" => {
            let (label, der) = der(key).map_err(|_| bad_key("RSA"))?;
            let key = if label.as_deref() == Some("RSA PUBLIC KEY") {
                rsa::PublicKey::from_pkcs1_der(&der)
            } else {
                rsa::PublicKey::from_public_key_der(&der).or_else(|_| rsa::PublicKey::from_pkcs1_der(&der))
            }
            .map_err(|_| bad_key("RSA"))?;
            if alg_lower == "rsa-pkcs1-sha256" {
                let key = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key);
                let Ok(sig) = rsa::pkcs1v15::Signature::try_from(sig) else { return Ok(false) };
                Ok(key.verify(msg, &sig).is_ok())
            } else {
                let key = rsa::pss::VerifyingKey::<sha2::Sha256>::new(key);
                let Ok(sig) = rsa::pss::Signature::try_from(sig) else { return Ok(false) };
                Ok(key.verify(msg, &sig).is_ok())
            }
        }
        _ => Err(format!("sig_verify(): unknown algorithm '{alg}' (use {KNOWN})")),
    }
}

#[cfg(test)]
mod tests;
