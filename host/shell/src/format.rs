//! Value formatting shared by the output modes: how SQLite's shell turns
//! integers, reals, text and blobs into bytes.
//!
//! Reals follow SQLite's `%!.15g` (`2.5`, `1.0`, `1.0e+100`,
//! `0.333333333333333`), with digits rounded half away from zero like
//! SQLite's printf. Where the output must read back exactly (json, quote,
//! insert), reals use [`real_round_trip`]: the first of `%!.15g`, `%!.16g`,
//! `%!.17g` that parses back to the same double.

use crate::engine::ValueRef;
use std::borrow::Cow;

/// Text of a real as SQLite 3.40 renders it with `%!.{precision}g`.
pub fn real_g(x: f64, precision: usize) -> String {
    let precision = precision.clamp(1, 17);
    match special(x) {
        Some(s) => s,
        None => {
            let (digits, exp) = round_digits(x.abs(), precision);
            layout_g(x < 0.0, &digits, exp, precision)
        }
    }
}

/// Text of a real in SQLite's `%!.15g` style (what `sqlite3_column_text` gives).
pub fn real_15g(x: f64) -> String {
    real_g(x, 15)
}

/// The shortest of `%!.15g`, `%!.16g` and `%!.17g` that reads back as `x`.
pub fn real_round_trip(x: f64) -> String {
    if let Some(s) = special(x) {
        return s;
    }
    // Rust's `{:e}` gives the shortest digits that round-trip; with at
    // most 15 of them, %!.15g yields exactly those digits.
    let s = format!("{:e}", x.abs());
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let precision = digits.len().max(15);
    layout_g(x < 0.0, strip_zeros(&digits), exp, precision)
}

fn special(x: f64) -> Option<String> {
    if x == 0.0 {
        Some("0.0".into())
    } else if x.is_nan() {
        Some("NaN".into())
    } else if x.is_infinite() {
        Some(if x < 0.0 { "-Inf".into() } else { "Inf".into() })
    } else {
        None
    }
}

fn strip_zeros(digits: &[u8]) -> &[u8] {
    let end = digits.iter().rposition(|&d| d != b'0').map_or(1, |p| p + 1);
    &digits[..end]
}

/// `n` significant digits of `x > 0` (trailing zeros stripped) and the
/// decimal exponent of the first one, rounding exact ties away from zero.
fn round_digits(x: f64, n: usize) -> (Vec<u8>, i32) {
    let wide = format!("{:.*e}", n, x);
    let (mantissa, exp) = wide.split_once('e').unwrap_or((&wide, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    if is_tie(x, n as i32 - 1 - exp) {
        // `wide` is exact here and ends in 5: round the rest up.
        digits.pop();
        let mut exp = exp;
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                digits.pop();
                exp += 1;
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
        return (strip_zeros(&digits).to_vec(), exp);
    }
    let s = format!("{:.*e}", n - 1, x);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    (strip_zeros(&digits).to_vec(), exp.parse().unwrap_or(0))
}

/// Whether `2 * x * 10^k` is an odd integer, i.e. `x` scaled by `10^k`
/// lies exactly halfway between two integers.
fn is_tie(x: f64, k: i32) -> bool {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), biased - 1075) };
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i32;
    // 2 * x * 10^k = m * 2^(e + 1 + k) * 5^k with m odd.
    if e + 1 + k != 0 {
        return false;
    }
    if k >= 0 {
        return true;
    }
    match 5u64.checked_pow(k.unsigned_abs()) {
        Some(p) => m % p == 0,
        None => false,
    }
}

/// Lays out digits the way SQLite's `%!.Ng` does: fixed notation when
/// `-4 <= exp < precision`, otherwise `d.ddde+XX`; always a digit after the point.
fn layout_g(negative: bool, digits: &[u8], exp: i32, precision: usize) -> String {
    let mut s = String::with_capacity(digits.len() + 8);
    if negative {
        s.push('-');
    }
    let digit = |i: usize| digits.get(i).map_or('0', |&d| d as char);
    if exp < -4 || exp >= precision as i32 {
        s.push(digit(0));
        s.push('.');
        if digits.len() > 1 {
            s.extend(digits[1..].iter().map(|&d| d as char));
        } else {
            s.push('0');
        }
        s.push('e');
        s.push(if exp < 0 { '-' } else { '+' });
        let a = exp.unsigned_abs();
        if a >= 100 {
            s.push_str(&a.to_string());
        } else {
            s.push_str(&format!("{a:02}"));
        }
    } else if exp >= 0 {
        let int_len = exp as usize + 1;
        for i in 0..int_len {
            s.push(digit(i));
        }
        s.push('.');
        if digits.len() > int_len {
            s.extend(digits[int_len..].iter().map(|&d| d as char));
        } else {
            s.push('0');
        }
    } else {
        s.push_str("0.");
        for _ in 0..(-exp - 1) {
            s.push('0');
        }
        s.extend(digits.iter().map(|&d| d as char));
    }
    s
}

/// The bytes of a C string: everything before the first NUL. The sqlite3
/// shell prints text and blobs through `sqlite3_column_text`, which stops there.
pub fn until_nul(bytes: &[u8]) -> &[u8] {
    match bytes.iter().position(|&b| b == 0) {
        Some(p) => &bytes[..p],
        None => bytes,
    }
}

/// A value as `sqlite3_column_text` renders it (None for NULL).
pub fn value_text<'a>(value: &ValueRef<'a>) -> Option<Cow<'a, [u8]>> {
    match *value {
        ValueRef::Null => None,
        ValueRef::Integer(i) => Some(Cow::Owned(i.to_string().into_bytes())),
        ValueRef::Real(r) => Some(Cow::Owned(real_15g(r).into_bytes())),
        ValueRef::Text(t) | ValueRef::Blob(t) => Some(Cow::Borrowed(until_nul(t))),
    }
}

/// Appends `bytes` as a JSON string (sqlite3's escaping: `\"`, `\\`,
/// `\b \f \n \r \t`, other control bytes as `\u00XX`, the rest raw).
pub fn json_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    for &c in bytes {
        match c {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', c]),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            c if c <= 0x1f => out.extend_from_slice(format!("\\u{c:04x}").as_bytes()),
            c => out.push(c),
        }
    }
    out.push(b'"');
}

/// Appends `bytes` as an SQL string literal: `'` doubled, nothing else escaped.
pub fn sql_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'\'');
    for &c in bytes {
        out.push(c);
        if c == b'\'' {
            out.push(b'\'');
        }
    }
    out.push(b'\'');
}

/// Appends a blob as an SQL literal: `X'0aff'`.
pub fn hex_blob(out: &mut Vec<u8>, bytes: &[u8], prefix: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2 + 3);
    out.push(prefix);
    out.push(b'\'');
    for &b in bytes {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    out.push(b'\'');
}

/// Appends `bytes` quoted by C/TCL rules (`\"`, `\\`, `\t \n \r`, other
/// bytes outside printable ASCII as three-digit octal escapes).
pub fn c_string(out: &mut Vec<u8>, bytes: &[u8]) {
    out.push(b'"');
    for &c in bytes {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'"' => out.extend_from_slice(b"\\\""),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            c => out.extend_from_slice(format!("\\{c:03o}").as_bytes()),
        }
    }
    out.push(b'"');
}

/// Appends `bytes` with `< & > " '` escaped for HTML.
pub fn html_escape(out: &mut Vec<u8>, bytes: &[u8]) {
    for &c in bytes {
        match c {
            b'<' => out.extend_from_slice(b"&lt;"),
            b'&' => out.extend_from_slice(b"&amp;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' => out.extend_from_slice(b"&quot;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            c => out.push(c),
        }
    }
}

/// Whether a CSV field needs quotes: control bytes, space, `"`, `'`,
/// DEL and every non-ASCII byte do, as in sqlite3.
pub fn csv_needs_quote(byte: u8) -> bool {
    byte <= 0x20 || byte == b'"' || byte == b'\'' || byte >= 0x7f
}

/// Whether `needle` occurs in `haystack` (an empty needle always does).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Number of characters in UTF-8 `bytes`, counting every byte that is not a
/// continuation byte (so invalid UTF-8 counts byte by byte).
pub fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// Whether an identifier must be double-quoted in SQL: it is not a plain
/// `[A-Za-z_][A-Za-z0-9_]*` word, or it is an SQLite keyword.
pub fn needs_quoting(name: &str) -> bool {
    let b = name.as_bytes();
    if b.is_empty() || !(b[0].is_ascii_alphabetic() || b[0] == b'_') {
        return true;
    }
    if !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'_') {
        return true;
    }
    crate::keywords::is_keyword(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_like_sqlite_15g() {
        let cases = [
            (2.5, "2.5"),
            (1.0, "1.0"),
            (1e100, "1.0e+100"),
            (1.0 / 3.0, "0.333333333333333"),
            (0.1, "0.1"),
            (-0.0, "0.0"),
            (1e15, "1.0e+15"),
            (1e14, "100000000000000.0"),
            (1e-5, "1.0e-05"),
            (123.456e-10, "1.23456e-08"),
            (0.0001, "0.0001"),
            (100.0, "100.0"),
            (-3.25, "-3.25"),
            (1234567890123445.0, "1.23456789012345e+15"),
            (1234567890123455.0, "1.23456789012346e+15"),
            (123456789012345678.0, "1.23456789012346e+17"),
            (f64::INFINITY, "Inf"),
            (f64::NEG_INFINITY, "-Inf"),
            (1e23, "1.0e+23"),
            (5e-324, "4.94065645841247e-324"),
            (1.7976931348623157e308, "1.79769313486232e+308"),
        ];
        for (x, want) in cases {
            assert_eq!(real_15g(x), want, "{x:e}");
        }
    }

    #[test]
    fn round_trip_reals() {
        let cases = [
            (0.1, "0.1"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456789012345678.0, "1.2345678901234568e+17"),
            (100.0, "100.0"),
            (1e100, "1.0e+100"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1234567890123445.0, "1234567890123445.0"),
            (f64::INFINITY, "Inf"),
        ];
        for (x, want) in cases {
            assert_eq!(real_round_trip(x), want);
            if x.is_finite() {
                assert_eq!(real_round_trip(x).parse::<f64>().unwrap(), x);
            }
        }
    }

    #[test]
    fn escapes() {
        let mut v = Vec::new();
        json_string(&mut v, b"a\"\\\x01\n\xff");
        assert_eq!(v, b"\"a\\\"\\\\\\u0001\\n\xff\"");
        v.clear();
        sql_string(&mut v, b"it's");
        assert_eq!(v, b"'it''s'");
        v.clear();
        hex_blob(&mut v, &[0, 0xff, 0x41], b'X');
        assert_eq!(v, b"X'00ff41'");
        v.clear();
        c_string(&mut v, b"a\"\x01\xc3");
        assert_eq!(v, b"\"a\\\"\\001\\303\"");
        assert!(needs_quoting("1") && needs_quoting("select") && !needs_quoting("abc_1"));
    }
}
