//! How zipfile.c reads its SQL arguments: through `sqlite3_value_text`,
//! `sqlite3_value_int64` and `sqlite3_value_int`, whose conversions differ
//! from the SDK's typed ones (text `'0644'` is the integer 644, a real is
//! truncated, text without digits is 0).

use sqlink_sdk::Value;
use std::borrow::Cow;

/// `sqlite3_value_text`: the value as text bytes (numbers as SQLite prints
/// them, blobs as they are); `None` for NULL.
pub fn text(value: &Value) -> Option<Cow<'_, [u8]>> {
    value.to_text_bytes()
}

/// The text of a value up to its first NUL byte, as C string functions
/// see `sqlite3_value_text`.
pub fn c_text(value: &Value) -> Option<Vec<u8>> {
    text(value).map(|t| until_nul(&t).to_vec())
}

/// `bytes` up to its first NUL byte.
pub fn until_nul(bytes: &[u8]) -> &[u8] {
    bytes.iter().position(|&b| b == 0).map_or(bytes, |n| &bytes[..n])
}

/// `sqlite3_value_int64`: reals truncated (saturating), text and blobs read
/// for a leading integer (spaces and a sign allowed, 0 without digits,
/// saturating), NULL 0.
pub fn int64(value: &Value) -> i64 {
    match value {
        Value::Null => 0,
        Value::Integer(i) => *i,
        // `as` saturates, as SQLite's doubleToInt64 does.
        Value::Real(r) => *r as i64,
        Value::Text(t) | Value::Blob(t) => leading_integer(t),
    }
}

/// `sqlite3_value_int`: [`int64`] truncated to 32 bits.
pub fn int(value: &Value) -> i32 {
    int64(value) as i32
}

/// The integer at the start of `bytes`, as SQLite's `sqlite3Atoi64` reads it.
fn leading_integer(bytes: &[u8]) -> i64 {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let rest = &bytes[bytes.iter().take_while(|b| is_space(b)).count()..];
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let magnitude = digits
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    match (negative, i64::try_from(magnitude)) {
        (false, Ok(n)) => n,
        (true, Ok(n)) => -n,
        (false, Err(_)) => i64::MAX,
        (true, Err(_)) => i64::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_sqlite_reads_them() {
        assert_eq!(int64(&Value::text("0644")), 644);
        assert_eq!(int64(&Value::text(" 12abc")), 12);
        assert_eq!(int64(&Value::text("1e3")), 1);
        assert_eq!(int64(&Value::text("abc")), 0);
        assert_eq!(int64(&Value::text("-99999999999999999999")), i64::MIN);
        assert_eq!(int64(&Value::Real(-7.9)), -7);
        assert_eq!(int64(&Value::Real(1e300)), i64::MAX);
        assert_eq!(int(&Value::Integer(4294967304)), 8);
        assert_eq!(int(&Value::Integer(-1)), -1);
    }

    #[test]
    fn text_is_what_sqlite3_value_text_gives() {
        assert_eq!(text(&Value::Integer(5)).unwrap().as_ref(), b"5");
        assert_eq!(text(&Value::Real(1.5)).unwrap().as_ref(), b"1.5");
        assert_eq!(text(&Value::Null), None);
        assert_eq!(c_text(&Value::Blob(b"ab\0cd".to_vec())).unwrap(), b"ab");
    }
}
