//! Building and checking HS256/HS384/HS512 tokens the way pgjwt's SQL does:
//! base64url without padding, the header text `{"alg":"ALG","typ":"JWT"}`,
//! the payload's JSON text as given, and PostgreSQL's errors.

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

/// pgcrypto's error for an algorithm pgjwt does not map (it passes '').
pub const NO_SUCH_ALGORITHM: &str = "Cannot use \"\": No such hash algorithm";
/// PostgreSQL's error for text that is not JSON.
pub const NOT_JSON: &str = "invalid input syntax for type json";

/// pgjwt's `url_encode`: base64url without padding.
pub fn url_encode(data: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
}

/// The HMAC of `data` under `secret` for 'HS256', 'HS384' or 'HS512'
/// (exact case), base64url-encoded; any other name is pgcrypto's error.
pub fn algorithm_sign(data: &[u8], secret: &[u8], algorithm: &str) -> Result<String, String> {
    fn mac<M: Mac + KeyInit>(data: &[u8], secret: &[u8]) -> Vec<u8> {
        let mut m = <M as KeyInit>::new_from_slice(secret).expect("HMAC takes any key length");
        m.update(data);
        m.finalize().into_bytes().to_vec()
    }
    let tag = match algorithm {
        "HS256" => mac::<Hmac<Sha256>>(data, secret),
        "HS384" => mac::<Hmac<Sha384>>(data, secret),
        "HS512" => mac::<Hmac<Sha512>>(data, secret),
        _ => return Err(NO_SUCH_ALGORITHM.into()),
    };
    Ok(url_encode(&tag))
}

/// Whether `text` is JSON as PostgreSQL's `json` type accepts it.
pub fn is_json(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text).is_ok()
}

/// pgjwt's `sign`: header, payload and signature joined by dots.
pub fn sign(payload: &str, secret: &[u8], algorithm: &str) -> Result<String, String> {
    if !is_json(payload) {
        return Err(NOT_JSON.into());
    }
    let header = url_encode(format!("{{\"alg\":\"{algorithm}\",\"typ\":\"JWT\"}}").as_bytes());
    let signables = format!("{header}.{}", url_encode(payload.as_bytes()));
    let signature = algorithm_sign(signables.as_bytes(), secret, algorithm)?;
    Ok(format!("{signables}.{signature}"))
}

/// pgjwt's `url_decode`: `-_` read as `+/`, padding added, then decoded as
/// PostgreSQL's `decode(.., 'base64')` does (whitespace skipped), with its
/// error messages.
pub fn url_decode(text: &str) -> Result<Vec<u8>, String> {
    let mut padded: String = text.chars().map(|c| match c {
        '-' => '+',
        '_' => '/',
        c => c,
    }).collect();
    let rem = padded.chars().count() % 4;
    if rem > 0 {
        padded.extend(std::iter::repeat_n('=', 4 - rem));
    }
    let (mut out, mut buf, mut pos, mut end) = (Vec::new(), 0u32, 0, 0);
    for c in padded.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        let b = if c == '=' {
            if end == 0 {
                end = match pos {
                    2 => 1,
                    3 => 2,
                    _ => return Err("unexpected \"=\" while decoding base64 sequence".into()),
                };
            }
            0
        } else {
            match c {
                'A'..='Z' => c as u32 - 'A' as u32,
                'a'..='z' => c as u32 - 'a' as u32 + 26,
                '0'..='9' => c as u32 - '0' as u32 + 52,
                '+' => 62,
                '/' => 63,
                _ => return Err(format!("invalid symbol \"{c}\" found while decoding base64 sequence")),
            }
        };
        buf = (buf << 6) + b;
        pos += 1;
        if pos == 4 {
            out.push((buf >> 16) as u8);
            if end == 0 || end > 1 {
                out.push((buf >> 8) as u8);
            }
            if end == 0 || end > 2 {
                out.push(buf as u8);
            }
            buf = 0;
            pos = 0;
        }
    }
    if pos != 0 {
        return Err("invalid base64 end sequence".into());
    }
    Ok(out)
}

/// `convert_from(bytes, 'utf8')::json`: the JSON text, or PostgreSQL's error.
pub fn json_text(bytes: Vec<u8>) -> Result<String, String> {
    let bad = |b: &[u8]| {
        let shown: Vec<String> = b.iter().map(|x| format!("0x{x:02x}")).collect();
        format!("invalid byte sequence for encoding \"UTF8\": {}", shown.join(" "))
    };
    if let Some(i) = bytes.iter().position(|&b| b == 0)
        && std::str::from_utf8(&bytes[..i]).is_ok()
    {
        return Err(bad(&[0]));
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let b = e.as_bytes();
            let at = e.utf8_error().valid_up_to();
            let len = e.utf8_error().error_len().unwrap_or(b.len() - at);
            return Err(bad(&b[at..at + len]));
        }
    };
    if is_json(&text) { Ok(text) } else { Err(NOT_JSON.into()) }
}

/// pgjwt's `try_cast_double(payload->>'claim')`: the claim as a number of
/// seconds when it is a number or text holding one, else None.
fn claim(payload: &serde_json::Value, name: &str) -> Option<f64> {
    let text = match payload.as_object()?.get(name)? {
        serde_json::Value::Null => return None,
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    text.trim().parse::<f64>().ok()
}

/// Whether `now` (unix seconds) lies in `tstzrange(to_timestamp(nbf),
/// to_timestamp(exp))`: nbf inclusive, exp exclusive, a missing or
/// non-numeric claim unbounded; PostgreSQL's errors for NaN and a range
/// whose bounds are reversed.
pub fn in_time(payload: &str, now: f64) -> Result<bool, String> {
    let value: serde_json::Value = serde_json::from_str(payload).map_err(|_| NOT_JSON.to_string())?;
    let round = |x: f64| (x * 1e6).round() / 1e6;
    let nbf = claim(&value, "nbf").map(round);
    let exp = claim(&value, "exp").map(round);
    if nbf.is_some_and(f64::is_nan) || exp.is_some_and(f64::is_nan) {
        return Err("timestamp cannot be NaN".into());
    }
    if let (Some(n), Some(e)) = (nbf, exp) {
        if n > e {
            return Err("range lower bound must be less than or equal to range upper bound".into());
        }
        if n == e {
            return Ok(false);
        }
    }
    Ok(nbf.is_none_or(|n| n <= now) && exp.is_none_or(|e| now < e))
}

/// One row of pgjwt's `verify`: header and payload JSON text and `valid`,
/// each NULL where pgjwt's SQL gives NULL.
pub struct Verified {
    pub header: Option<String>,
    pub payload: Option<String>,
    pub valid: Option<bool>,
}

/// pgjwt's `verify` at unix time `now`; `algorithm` None is SQL NULL.
pub fn verify(token: Option<&str>, secret: Option<&[u8]>, algorithm: Option<&str>, now: f64) -> Result<Verified, String> {
    let parts: Option<Vec<&str>> = token.map(|t| t.split('.').collect());
    let part = |i: usize| parts.as_ref().and_then(|p| p.get(i).copied());
    let header = part(0).map(|p| url_decode(p).and_then(json_text)).transpose()?;
    let payload = part(1).map(|p| url_decode(p).and_then(json_text)).transpose()?;
    // r[3] = algorithm_sign(r[1] || '.' || r[2], secret, algorithm): NULL
    // when any input is NULL (hmac is strict), an error for an unknown
    // algorithm otherwise.
    let signature_ok = match (part(0), part(1), secret) {
        (Some(h), Some(p), Some(secret)) => {
            let expected = algorithm_sign(format!("{h}.{p}").as_bytes(), secret, algorithm.unwrap_or(""))?;
            part(2).map(|s| s == expected)
        }
        _ => None,
    };
    let in_range = match &payload {
        Some(p) => in_time(p, now)?,
        None => true,
    };
    let valid = match (signature_ok, in_range) {
        (_, false) => Some(false),
        (s, true) => s,
    };
    Ok(Verified { header, payload, valid })
}

#[cfg(test)]
mod tests;
