//! pgjwt's test.sql, case by case.

use super::*;

const PAYLOAD: &str = r#"{"sub":"1234567890","name":"John Doe","admin":true}"#;
const HS256: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ";
const HS384: &str = "eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.DtVnCyiYCsCbg8gUP-579IC2GJ7P3CtFw6nfTTPw-0lZUzqgWAo9QIQElyxOpoRm";
const HS512: &str = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.YI0rUGDq5XdRw8vW2sDLRNFMN8Waol03iSFH8I4iLzuYK7FKHaQYWzPt0BJFGrAmKJ6SjY0mJIMZqNQJFVpkuw";
const NOW: f64 = 1_700_000_000.0;

fn row(token: &str, secret: &str, alg: &str) -> (String, String, Option<bool>) {
    let v = verify(Some(token), Some(secret.as_bytes()), Some(alg), NOW).unwrap();
    (v.header.unwrap(), v.payload.unwrap(), v.valid)
}

#[test]
fn signs_as_pgjwt() {
    assert_eq!(sign(PAYLOAD, b"secret", "HS256").unwrap(), HS256);
    assert_eq!(sign(PAYLOAD, b"secret", "HS384").unwrap(), HS384);
    assert_eq!(sign(PAYLOAD, b"secret", "HS512").unwrap(), HS512);
    assert_eq!(sign(PAYLOAD, b"secret", "bogus").unwrap_err(), NO_SUCH_ALGORITHM);
    assert_eq!(sign("{nope", b"secret", "HS256").unwrap_err(), NOT_JSON);
}

#[test]
fn verifies_as_pgjwt() {
    for (token, alg) in [(HS256, "HS256"), (HS384, "HS384"), (HS512, "HS512")] {
        let header = format!("{{\"alg\":\"{alg}\",\"typ\":\"JWT\"}}");
        assert_eq!(row(token, "secret", alg), (header.clone(), PAYLOAD.to_string(), Some(true)));
        assert_eq!(row(token, "badsecret", alg), (header, PAYLOAD.to_string(), Some(false)));
    }
    assert_eq!(verify(Some(HS256), Some(b"secret"), Some("bogus"), NOW).err().unwrap(), NO_SUCH_ALGORITHM);
    // bogus header and payload
    assert!(verify(Some("eyJhbGciOiJIUzI1NiIBOGUScCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ"), Some(b"secret"), Some("HS256"), NOW).is_err());
    assert!(verify(Some("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaBOGUS9lIiwiYWRtaW4iOnRydWV9.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ"), Some(b"secret"), Some("HS256"), NOW).is_err());
    // claims that are not numbers are ignored
    let t = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJuYmYiOiJuby1kb3VibGUifQ.6TDHvMKq3Z67KaexRMuhoQ20sYSj9jConcUCO3g2bGyHXACq-FPkJIRAsy1xX90fWKieIAW_tz-4bbFLwwOTPg";
    assert_eq!(row(t, "secret", "HS512").1, r#"{"nbf":"no-double"}"#);
    assert_eq!(row(t, "secret", "HS512").2, Some(true));
    let t = "eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJleHAiOiI3NXoifQ.nfXYiSNNdYNsLrQp5Zry9p0xDCh_CkMSY1dOdqDCLc1YrDxrItwEmZIlTi3BBO8_9OCameSKMyGysYGDCNoaRg";
    assert_eq!(row(t, "secret", "HS512").2, Some(true));
}

#[test]
fn nbf_and_exp() {
    let at = |claims: &str| row(&sign(claims, b"secret", "HS512").unwrap(), "secret", "HS512").2;
    assert_eq!(at(&format!(r#"{{"nbf":{}}}"#, NOW + 1.0)), Some(false));
    assert_eq!(at(&format!(r#"{{"nbf":{}}}"#, NOW - 1.0)), Some(true));
    assert_eq!(at(&format!(r#"{{"nbf":{}}}"#, NOW)), Some(true));
    assert_eq!(at(&format!(r#"{{"exp":{}}}"#, NOW - 1.0)), Some(false));
    assert_eq!(at(&format!(r#"{{"exp":{}}}"#, NOW)), Some(false));
    assert_eq!(at(&format!(r#"{{"exp":{}}}"#, NOW + 1.0)), Some(true));
    assert_eq!(at(&format!(r#"{{"exp":"{}"}}"#, NOW + 1.0)), Some(true));
    assert_eq!(at(&format!(r#"{{"nbf":{},"exp":{}}}"#, NOW - 3.0, NOW - 1.0)), Some(false));
    assert_eq!(at(&format!(r#"{{"nbf":{},"exp":{}}}"#, NOW - 3.0, NOW + 3.0)), Some(true));
}

#[test]
fn nulls_and_malformed_tokens() {
    let v = verify(None, Some(b"secret"), Some("HS256"), NOW).unwrap();
    assert_eq!((v.header, v.payload, v.valid), (None, None, None));
    let v = verify(Some(HS256), None, Some("HS256"), NOW).unwrap();
    assert_eq!(v.valid, None);
    // NULL algorithm: pgjwt maps it to '' and pgcrypto refuses it
    assert_eq!(verify(Some(HS256), Some(b"secret"), None, NOW).err().unwrap(), NO_SUCH_ALGORITHM);
    // no signature part
    let two = &HS256[..HS256.rfind('.').unwrap()];
    assert_eq!(verify(Some(two), Some(b"secret"), Some("HS256"), NOW).unwrap().valid, None);
    assert_eq!(url_decode("a.b").unwrap_err(), "invalid symbol \".\" found while decoding base64 sequence");
    assert_eq!(url_decode("abcde").unwrap_err(), "unexpected \"=\" while decoding base64 sequence");
    assert_eq!(json_text(vec![b'"', 0xff, b'"']).unwrap_err(), "invalid byte sequence for encoding \"UTF8\": 0xff");
    assert_eq!(json_text(b"{".to_vec()).unwrap_err(), NOT_JSON);
    assert_eq!(url_decode("").unwrap(), b"");
    assert_eq!(url_decode("YQ").unwrap(), b"a");
    assert_eq!(url_decode("-_8").unwrap(), vec![0xfb, 0xff]);
}
