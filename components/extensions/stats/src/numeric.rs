//! SQL values to numbers, the way SQLite's own C API converts them.
//!
//! sqlean's stats functions read their arguments with
//! `sqlite3_value_double` and `sqlite3_value_numeric_type`; these helpers
//! give the same answers so results match sqlean's for every input type.

use sqlink_sdk::Value;

/// The number at the start of `bytes` and whether the whole text (bar
/// surrounding whitespace) is that number.
///
/// This is SQLite's text-to-real rule: leading whitespace, an optional sign,
/// digits with an optional decimal point, an optional exponent; anything
/// after that is ignored (`'3abc'` reads as 3.0), and text without a leading
/// number reads as 0.0. Hexadecimal, `inf` and `nan` are not numbers.
pub fn parse_prefix(bytes: &[u8]) -> (f64, bool) {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let mut i = 0;
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < bytes.len() && (bytes[i] == b'+' || bytes[i] == b'-') {
        negative = bytes[i] == b'-';
        i += 1;
    }
    let digits = |from: usize| {
        bytes[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_len = digits(i);
    let int_part = &bytes[i..i + int_len];
    i += int_len;
    let mut frac_part: &[u8] = &[];
    if i < bytes.len() && bytes[i] == b'.' {
        let frac_len = digits(i + 1);
        frac_part = &bytes[i + 1..i + 1 + frac_len];
        i += 1 + frac_len;
    }
    if int_part.is_empty() && frac_part.is_empty() {
        return (0.0, false);
    }
    let mut exponent: &[u8] = &[];
    let mut exponent_ok = true;
    if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
        let mut j = i + 1;
        if j < bytes.len() && (bytes[j] == b'+' || bytes[j] == b'-') {
            j += 1;
        }
        let exp_len = digits(j);
        if exp_len == 0 {
            // "1e" or "1e+": the mantissa still counts, the text is not a number.
            exponent_ok = false;
        } else {
            exponent = &bytes[i + 1..j + exp_len];
            i = j + exp_len;
        }
    }
    let mut text = String::with_capacity(int_part.len() + frac_part.len() + exponent.len() + 5);
    if negative {
        text.push('-');
    }
    // All pieces are ASCII digits and signs, checked above.
    text.push_str(if int_part.is_empty() {
        "0"
    } else {
        std::str::from_utf8(int_part).unwrap_or("0")
    });
    text.push('.');
    text.push_str(if frac_part.is_empty() {
        "0"
    } else {
        std::str::from_utf8(frac_part).unwrap_or("0")
    });
    if !exponent.is_empty() {
        text.push('e');
        text.push_str(std::str::from_utf8(exponent).unwrap_or("0"));
    }
    let value = text.parse::<f64>().unwrap_or(0.0);
    while i < bytes.len() && is_space(bytes[i]) {
        i += 1;
    }
    (value, exponent_ok && i == bytes.len())
}

/// `sqlite3_value_double`: any value as a real. NULL is 0.0, text and blobs
/// read their leading number (0.0 when there is none).
pub fn to_real(value: &Value) -> f64 {
    match value {
        Value::Null => 0.0,
        Value::Integer(i) => *i as f64,
        Value::Real(r) => *r,
        Value::Text(t) | Value::Blob(t) => parse_prefix(t).0,
    }
}

/// The value as a number if `sqlite3_value_numeric_type` would call it one:
/// integers, reals, and text that is entirely a number. NULL, blobs and
/// other text are not numbers.
pub fn numeric(value: &Value) -> Option<f64> {
    match value {
        Value::Integer(i) => Some(*i as f64),
        Value::Real(r) => Some(*r),
        Value::Text(t) => match parse_prefix(t) {
            (x, true) => Some(x),
            _ => None,
        },
        Value::Null | Value::Blob(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_reads_its_leading_number() {
        // Each value is what Debian's sqlite3 3.40 prints for
        // `SELECT CAST(text AS REAL)`; the flag is whether a NUMERIC column
        // stores the text as a number (it is a complete number).
        let cases: &[(&str, f64, bool)] = &[
            ("12", 12.0, true),
            ("  -3.5  ", -3.5, true),
            ("+.5", 0.5, true),
            ("5.", 5.0, true),
            ("1e3", 1000.0, true),
            ("2.5E-1", 0.25, true),
            ("3abc", 3.0, false),
            ("1e", 1.0, false),
            ("1e+", 1.0, false),
            ("1e5x", 100000.0, false),
            ("abc", 0.0, false),
            ("", 0.0, false),
            (".", 0.0, false),
            ("-", 0.0, false),
            ("0x10", 0.0, false),
            ("inf", 0.0, false),
            ("12 34", 12.0, false),
        ];
        for &(text, want, complete) in cases {
            assert_eq!(parse_prefix(text.as_bytes()), (want, complete), "{text:?}");
        }
        assert_eq!(parse_prefix(b"1e999"), (f64::INFINITY, true));
    }

    #[test]
    fn values_convert_like_the_c_api() {
        assert_eq!(to_real(&Value::Integer(-7)), -7.0);
        assert_eq!(to_real(&Value::Real(2.25)), 2.25);
        assert_eq!(to_real(&Value::text("4.5kg")), 4.5);
        assert_eq!(to_real(&Value::Blob(b"12".to_vec())), 12.0);
        assert_eq!(to_real(&Value::Null), 0.0);

        assert_eq!(numeric(&Value::Integer(3)), Some(3.0));
        assert_eq!(numeric(&Value::text(" 50 ")), Some(50.0));
        assert_eq!(numeric(&Value::text("50%")), None);
        assert_eq!(numeric(&Value::Blob(b"50".to_vec())), None);
        assert_eq!(numeric(&Value::Null), None);
    }
}
