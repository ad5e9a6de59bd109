//! Reading arguments the way the reference does: through SQLite's
//! `sqlite3_value_int64` and `sqlite3_value_int`, which never fail.

use sqlink_sdk::Value;

/// `sqlite3_value_int64`: NULL is 0; a real is truncated toward zero and
/// clamped to the i64 range (NaN is 0); text and blobs give the integer
/// their text starts with (after spaces, with an optional sign), 0 if none,
/// clamped on overflow.
pub fn int64(v: &Value) -> i64 {
    match v {
        Value::Null => 0,
        Value::Integer(i) => *i,
        Value::Real(r) => real_to_i64(*r),
        Value::Text(t) | Value::Blob(t) => text_to_i64(t),
    }
}

/// `sqlite3_value_int`: the low 32 bits of [`int64`].
pub fn int(v: &Value) -> i32 {
    int64(v) as i32
}

fn real_to_i64(r: f64) -> i64 {
    // `as` saturates and maps NaN to 0, as SQLite's doubleToInt64 does.
    r as i64
}

fn text_to_i64(t: &[u8]) -> i64 {
    let s = t.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &t[i..]);
    let (negative, digits) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut value: i128 = 0;
    for d in digits.iter().take_while(|b| b.is_ascii_digit()) {
        value = (value * 10 + i128::from(d - b'0')).min(i128::from(i64::MAX) + 1);
    }
    let value = if negative { -value } else { value };
    value.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_like_sqlite3_value_int64() {
        assert_eq!(int64(&Value::Null), 0);
        assert_eq!(int64(&Value::Real(2.9)), 2);
        assert_eq!(int64(&Value::Real(-2.9)), -2);
        assert_eq!(int64(&Value::Real(1e300)), i64::MAX);
        assert_eq!(int64(&Value::text("  42abc")), 42);
        assert_eq!(int64(&Value::text("-7")), -7);
        assert_eq!(int64(&Value::text("abc")), 0);
        assert_eq!(int64(&Value::text("99999999999999999999")), i64::MAX);
        assert_eq!(int64(&Value::text("-9223372036854775808")), i64::MIN);
        assert_eq!(int(&Value::Integer(4_294_967_297)), 1);
        assert_eq!(int(&Value::Integer(2_147_483_648)), i32::MIN);
    }
}
