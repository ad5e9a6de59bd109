//! Reading SQL arguments the way C extensions do through SQLite's
//! `sqlite3_value_*` accessors, which never fail: fileio's arguments are
//! read so (`'abc'` as a number is 0, NULL as a number is 0, a blob as a
//! path is its bytes). Shared with the lines crate (which includes this
//! file).

use sqlink_sdk::Value;

/// `sqlite3_value_int64`: integers as they are, reals truncated
/// (saturating), text and blobs by their leading integer (whitespace and a
/// sign allowed, the rest ignored, 0 when there is none, saturating), NULL
/// as 0.
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
            let magnitude = digits.iter().take_while(|d| d.is_ascii_digit()).fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
            match (negative, i64::try_from(magnitude)) {
                (false, Ok(n)) => n,
                (true, Ok(n)) => -n,
                (false, Err(_)) => i64::MAX,
                (true, Err(_)) => i64::MIN,
            }
        }
    }
}

/// `sqlite3_value_int`: [`int64`] truncated to a C `int` (4294967297 is 1).
pub fn int(value: &Value) -> i32 {
    int64(value) as i32
}

/// `sqlite3_value_text` as a C string: the value as text, up to its first
/// NUL byte; None for NULL.
pub fn c_text(value: &Value) -> Option<Vec<u8>> {
    let bytes = value.to_text_bytes()?;
    Some(bytes.iter().copied().take_while(|&b| b != 0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_sqlite3_value_int64_and_int() {
        // Each as Debian's sqlite3 3.40.1 reads it with sqlite3_value_int64.
        let cases = [
            (Value::Integer(-4), -4),
            (Value::Real(2.7), 2),
            (Value::Real(-1e300), i64::MIN),
            (Value::text(" 12abc"), 12),
            (Value::text("\t-3"), -3),
            (Value::text("1e5"), 1),
            (Value::text("abc"), 0),
            (Value::text("-  5"), 0),
            (Value::text("99999999999999999999"), i64::MAX),
            (Value::Blob(b"7".to_vec()), 7),
            (Value::Null, 0),
        ];
        for (v, want) in cases {
            assert_eq!(int64(&v), want, "{v:?}");
        }
        assert_eq!(int(&Value::Integer(4294967297)), 1);
        assert_eq!(int(&Value::Integer(4294967295)), -1);
    }

    #[test]
    fn text_stops_at_nul_and_numbers_are_their_text() {
        assert_eq!(c_text(&Value::Blob(b"ab\0cd".to_vec())), Some(b"ab".to_vec()));
        assert_eq!(c_text(&Value::Real(1.5)), Some(b"1.5".to_vec()));
        assert_eq!(c_text(&Value::Integer(12)), Some(b"12".to_vec()));
        assert_eq!(c_text(&Value::Null), None);
    }
}
