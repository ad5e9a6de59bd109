//! JSON Web Tokens signed with HMAC-SHA2, compatible with michelp/pgjwt
//! 0.2.0 (commit f3d82fd): same names, arguments, results and error
//! messages.
//!
//! * `sign(payload, secret[, algorithm])` (alias `jwt_sign`): the token.
//! * `verify(token, secret[, algorithm])` (alias `jwt_verify`): a
//!   table-valued function with pgjwt's one row `(header, payload, valid)`.
//!
//! As in pgjwt the algorithm is 'HS256' (the default), 'HS384' or 'HS512',
//! exactly so; another one is pgcrypto's error `Cannot use "": No such hash
//! algorithm`. The header is the text `{"alg":"HS256","typ":"JWT"}` and the
//! payload the JSON text as given (not re-serialised), each base64url
//! without padding. `verify` returns the header and payload as their JSON
//! text, and `valid` 1 when the signature matches and the current time lies
//! in `[nbf, exp)` (a claim missing or not a number is unbounded), 0 if not,
//! NULL where pgjwt's SQL gives NULL (no signature part, a NULL secret).
//! Malformed parts are PostgreSQL's errors (`invalid symbol "." found while
//! decoding base64 sequence`, `invalid base64 end sequence`, `invalid byte
//! sequence for encoding "UTF8": 0xff`, `invalid input syntax for type
//! json`).
//!
//! Differences: pgjwt declares `verify` IMMUTABLE although `valid` reads
//! the clock; here it is not deterministic. PostgreSQL's `timestamp out of
//! range` for absurd nbf/exp values is not raised (they compare as
//! numbers). `sign` also takes the payload as text (SQLite has no `json`
//! type); text that is not JSON is `invalid input syntax for type json`.
//! `sign` is also an SQLite built-in (the number's sign): the host's prefix
//! rules decide which the bare name calls; `jwt_sign` and `jwt__sign`
//! always mean this one.

mod token;

/// pgjwt: JSON Web Tokens signed with HMAC (HS256, HS384, HS512).
#[sqlink_sdk::extension(name = "jwt")]
mod jwt_ext {
    use sqlink_sdk::prelude::*;

    /// A JSON Web Token for the JSON text `payload`, signed with `secret`
    /// using `algorithm` ('HS256' by default, 'HS384' or 'HS512'), as text.
    /// NULL if any argument is NULL; an error if the payload is not JSON or
    /// the algorithm is another one. Alias `jwt_sign`.
    #[function(deterministic, innocuous, alias = "jwt_sign")]
    fn sign(payload: &str, secret: &[u8], #[optional] algorithm: Option<&str>) -> Result<String> {
        crate::token::sign(payload, secret, algorithm.unwrap_or("HS256")).map_err(Error::new)
    }

    /// pgjwt's `verify`: one row `(header, payload, valid)` for `token`
    /// checked with `secret` and `algorithm` ('HS256' by default): the
    /// header's and payload's JSON text, and `valid` 1 if the signature
    /// matches and now is within `[nbf, exp)`, else 0 (NULL where pgjwt
    /// gives NULL, such as a NULL token or secret). Errors as pgjwt's for
    /// malformed parts and unknown algorithms. Alias `jwt_verify`.
    #[table(name = "verify", alias = "jwt_verify", columns = "header, payload, valid")]
    fn verify(token: Option<String>, secret: Option<Vec<u8>>, #[optional] algorithm: Option<Value>) -> Result<Vec<(Value, Value, Value)>> {
        let algorithm = match &algorithm {
            None => Some("HS256".to_string()),
            Some(Value::Null) => None,
            Some(Value::Text(t)) | Some(Value::Blob(t)) => Some(String::from_utf8_lossy(t).into_owned()),
            Some(Value::Integer(i)) => Some(i.to_string()),
            Some(Value::Real(r)) => Some(r.to_string()),
        };
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros() as f64 / 1e6)
            .unwrap_or(0.0);
        let v = crate::token::verify(token.as_deref(), secret.as_deref(), algorithm.as_deref(), now).map_err(Error::new)?;
        let text = |s: Option<String>| s.map_or(Value::Null, |s| Value::Text(s.into_bytes()));
        Ok(vec![(text(v.header), text(v.payload), v.valid.map_or(Value::Null, |b| Value::Integer(b as i64)))])
    }
}
