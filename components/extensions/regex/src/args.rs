//! Reading SQL arguments the way sqlite-regex reads them, so that NULLs,
//! numbers, blobs, NULs and invalid UTF-8 give the same results and errors.

use sqlink_sdk::{Error, Result, Value};
use std::borrow::Cow;

/// sqlite-regex's error for a NULL where it needs text.
pub const NULL_VALUE: &str = "Unexpected null value";
/// sqlite-regex's error for text that is not valid UTF-8.
pub const NOT_UTF8: &str = "utf8 err";

/// An argument that must not be NULL, as text: numbers as SQLite formats
/// them, text and blobs up to their first NUL byte (sqlite-regex reads
/// them as C strings).
///
/// # Errors
/// `Unexpected null value` for NULL, `utf8 err` for bytes that are not
/// UTF-8.
pub fn text_notnull(value: &Value) -> Result<Cow<'_, str>> {
    match value {
        Value::Null => Err(Error::new(NULL_VALUE)),
        Value::Text(bytes) | Value::Blob(bytes) => {
            let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
            std::str::from_utf8(&bytes[..end]).map(Cow::Borrowed).map_err(|_| Error::new(NOT_UTF8))
        }
        number => Ok(Cow::Owned(number_text(number))),
    }
}

/// An argument read as text where NULL is the empty string, all of its
/// bytes kept (a group name of `regex_capture`).
///
/// # Errors
/// `utf8 err` for bytes that are not UTF-8.
pub fn text_or_empty(value: &Value) -> Result<Cow<'_, str>> {
    match value {
        Value::Null => Ok(Cow::Borrowed("")),
        Value::Text(bytes) | Value::Blob(bytes) => std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|_| Error::new(NOT_UTF8)),
        number => Ok(Cow::Owned(number_text(number))),
    }
}

fn number_text(value: &Value) -> String {
    let bytes = value.to_text_bytes().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `sqlite3_value_int64`: integers as they are, reals truncated
/// (saturating), text and blobs by their leading integer (whitespace and
/// a sign allowed, 0 when there is none, saturating), NULL as 0.
pub fn int64(value: &Value) -> i64 {
    match value {
        Value::Null => 0,
        Value::Integer(i) => *i,
        Value::Real(r) => *r as i64,
        Value::Text(t) | Value::Blob(t) => {
            let t = &t[t.iter().take_while(|b| b" \t\n\x0b\x0c\r".contains(b)).count()..];
            let (negative, digits) = match t.first() {
                Some(b'-') => (true, &t[1..]),
                Some(b'+') => (false, &t[1..]),
                _ => (false, t),
            };
            let magnitude =
                digits.iter().take_while(|d| d.is_ascii_digit()).fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
            match (negative, i64::try_from(magnitude)) {
                (false, Ok(n)) => n,
                (true, Ok(n)) => -n,
                (false, Err(_)) => i64::MAX,
                (true, Err(_)) => i64::MIN,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_arguments_read_as_c_strings_and_null_is_an_error() {
        assert_eq!(text_notnull(&Value::text("abc")).unwrap(), "abc");
        assert_eq!(text_notnull(&Value::Text(b"ab\0cd".to_vec())).unwrap(), "ab");
        assert_eq!(text_notnull(&Value::Blob(b"xy".to_vec())).unwrap(), "xy");
        assert_eq!(text_notnull(&Value::Integer(-12)).unwrap(), "-12");
        assert_eq!(text_notnull(&Value::Real(1.5)).unwrap(), "1.5");
        assert_eq!(text_notnull(&Value::Null).unwrap_err().message, NULL_VALUE);
        assert_eq!(text_notnull(&Value::Text(vec![0xff])).unwrap_err().message, NOT_UTF8);
    }

    #[test]
    fn group_names_keep_every_byte_and_null_is_empty() {
        assert_eq!(text_or_empty(&Value::Null).unwrap(), "");
        assert_eq!(text_or_empty(&Value::Text(b"a\0b".to_vec())).unwrap(), "a\0b");
        assert_eq!(text_or_empty(&Value::Real(1.1)).unwrap(), "1.1");
        assert_eq!(text_or_empty(&Value::Text(vec![0xc3])).unwrap_err().message, NOT_UTF8);
    }

    #[test]
    fn integers_read_as_sqlite3_value_int64() {
        let cases = [
            (Value::Null, 0),
            (Value::Integer(-4), -4),
            (Value::Real(2.7), 2),
            (Value::text(" 12abc"), 12),
            (Value::text("-3"), -3),
            (Value::text("abc"), 0),
            (Value::text("99999999999999999999"), i64::MAX),
        ];
        for (value, expected) in cases {
            assert_eq!(int64(&value), expected, "{value:?}");
        }
    }
}
