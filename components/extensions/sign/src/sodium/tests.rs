//! RFC 8032 section 7.1 and pgsodium's test/sign.sql.

use super::*;

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

/// (secret seed, public key, message, signature), RFC 8032 7.1 TEST 1-3.
const RFC8032: [(&str, &str, &str, &str); 3] = [
    ("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "", "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
    ("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb", "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72", "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
    ("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7", "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", "af82", "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
];

#[test]
fn rfc8032_vectors() {
    for (seed, pk, msg, sig) in RFC8032 {
        let (public, secret) = seed_keypair(Some(&unhex(seed))).unwrap();
        assert_eq!(public, unhex(pk));
        assert_eq!(secret, [unhex(seed), unhex(pk)].concat());
        let (msg, sig) = (unhex(msg), unhex(sig));
        assert_eq!(sign_detached(Some(&msg), Some(&secret)).unwrap(), sig);
        assert!(verify_detached(Some(&sig), Some(&msg), Some(&public)).unwrap());
        let signed = sign(Some(&msg), Some(&secret)).unwrap();
        assert_eq!(signed, [sig.clone(), msg.clone()].concat());
        if !msg.is_empty() {
            assert_eq!(open(Some(&signed), Some(&public)).unwrap(), msg);
        }
        let mut bad = sig.clone();
        bad[0] ^= 1;
        assert!(!verify_detached(Some(&bad), Some(&msg), Some(&public)).unwrap());
    }
}

#[test]
fn pgsodium_messages() {
    assert_eq!(seed_keypair(Some(b"bogus")).unwrap_err(), "pgsodium_crypto_sign_seed_keypair: invalid seed");
    assert_eq!(seed_keypair(None).unwrap_err(), "pgsodium_crypto_sign_seed_keypair: seed cannot be NULL");
    assert_eq!(sign(Some(b"bob is your uncle"), Some(b"s")).unwrap_err(), "pgsodium_crypto_sign: invalid secret key");
    assert_eq!(sign(None, Some(b"bad")).unwrap_err(), "pgsodium_crypto_sign: message cannot be NULL");
    assert_eq!(sign(Some(b"bad"), None).unwrap_err(), "pgsodium_crypto_sign: secretkey cannot be NULL");
    let (pk, _) = seed_keypair(Some(&[7u8; 32])).unwrap();
    assert_eq!(open(Some(b"x"), Some(b"bad_key")).unwrap_err(), "pgsodium_crypto_sign_open: invalid public key");
    assert_eq!(open(Some(b"foo"), Some(&pk)).unwrap_err(), "pgsodium_crypto_sign_open: invalid message");
    assert_eq!(open(None, Some(b"bad_key")).unwrap_err(), "pgsodium_crypto_sign_open: message cannot be NULL");
    assert_eq!(open(Some(b"foo"), None).unwrap_err(), "pgsodium_crypto_sign_open: publickey cannot be NULL");
    assert_eq!(sign_detached(Some(b"foo"), Some(b"bar")).unwrap_err(), "pgsodium_crypto_sign_detached: invalid secret key");
    assert_eq!(verify_detached(Some(b"foo"), Some(b"bar"), Some(b"bork")).unwrap_err(), "pgsodium_crypto_sign_verify_detached: invalid public key");
    assert_eq!(verify_detached(None, Some(b"bar"), Some(b"bork")).unwrap_err(), "pgsodium_crypto_sign_verify_detached: signature cannot be NULL");
}
