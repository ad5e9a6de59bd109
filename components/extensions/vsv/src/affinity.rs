//! The values vsv.c's `vsvtabColumn` returns for a field, by `affinity=`
//! and `validatetext=`: text (up to the first NUL byte), blobs, integers
//! through `strtoll`, reals through `strtod`, and `numeric`'s choice
//! through `long double` (see `extended.rs`).

use sqlink_sdk::{Error, Value};

/// `affinity=`: what vsv.c applies to every field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Affinity {
    /// Text, as csv.c returns it.
    None,
    /// The field's bytes as a blob.
    Blob,
    /// Text, or a blob for invalid UTF-8 when validating.
    Text,
    /// Integers where the field is one, else as `Text`.
    Integer,
    /// Reals where the field is a number, else as `Text`.
    Real,
    /// Integers where the field is a whole number, reals for other
    /// numbers, else as `Text`.
    Numeric,
}

impl Affinity {
    /// vsv.c's reading of `affinity=VALUE`: the first word the value starts
    /// with, in any case (`integers` is `integer`).
    pub fn parse(value: &str) -> Option<Affinity> {
        let starts = |word: &str| {
            value.len() >= word.len()
                && value.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        };
        [
            ("none", Affinity::None),
            ("blob", Affinity::Blob),
            ("text", Affinity::Text),
            ("integer", Affinity::Integer),
            ("real", Affinity::Real),
            ("numeric", Affinity::Numeric),
        ]
        .into_iter()
        .find(|(word, _)| starts(word))
        .map(|(_, a)| a)
    }
}

/// What [`is_number`] finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    No,
    Integer,
    Real,
}

/// The bytes before the first NUL (the field as a C string).
fn c_str(field: &[u8]) -> &[u8] {
    &field[..field.iter().position(|&b| b == 0).unwrap_or(field.len())]
}

/// vsv.c's `vsv_isValidNumber` on the C string of `field`: spaces, a sign,
/// digits, the decimal separator `dsep` (rewritten to `.` in the field, as
/// vsv.c does, whatever the verdict), digits, an exponent, spaces. A
/// separator byte of 0x80 or more never matches (C compares a signed
/// `char`).
fn is_number(dsep: i32, field: &mut [u8]) -> Number {
    let n = c_str(field).len();
    let s = &mut field[..n];
    let (mut start, mut stop) = (0usize, n);
    while start < stop && s[start] == b' ' {
        start += 1;
    }
    while start < stop && s[stop - 1] == b' ' {
        stop -= 1;
    }
    if start >= stop {
        return Number::No;
    }
    let at = |s: &[u8], i: usize| if i < stop { Some(s[i]) } else { None };
    if matches!(at(s, start), Some(b'+' | b'-')) {
        start += 1;
    }
    let mut valid = Number::No;
    let mut has_digit = false;
    if at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        has_digit = true;
        valid = Number::Integer;
    }
    while at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        start += 1;
    }
    if at(s, start).is_some_and(|b| i32::from(b as i8) == dsep) {
        valid = Number::Real;
        s[start] = b'.';
        start += 1;
    }
    if at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        has_digit = true;
    }
    while at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        start += 1;
    }
    if !has_digit {
        return Number::No;
    }
    let mut exponent_pending = false;
    if matches!(at(s, start), Some(b'e' | b'E')) {
        exponent_pending = true;
        start += 1;
    }
    if exponent_pending && matches!(at(s, start), Some(b'+' | b'-')) {
        start += 1;
    }
    if exponent_pending && at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        exponent_pending = false;
        valid = Number::Real;
    }
    while at(s, start).is_some_and(|b| b.is_ascii_digit()) {
        start += 1;
    }
    if exponent_pending || start < stop {
        Number::No
    } else {
        valid
    }
}

/// vsv.c's `vsv_utf8IsValid`: the length of the C string of `field` when
/// its bytes are shaped like UTF-8 (lead bytes followed by their
/// continuation bytes; a sequence cut short by the end counts as valid,
/// overlong forms and surrogates are not checked), None otherwise.
fn utf8_length(field: &[u8]) -> Option<usize> {
    let s = c_str(field);
    let mut trailing = 0;
    for &c in s {
        if trailing > 0 {
            if c & 0xc0 != 0x80 {
                return None;
            }
            trailing -= 1;
        } else if c & 0x80 == 0 {
        } else if c & 0xe0 == 0xc0 {
            trailing = 1;
        } else if c & 0xf0 == 0xe0 {
            trailing = 2;
        } else if c & 0xf8 == 0xf0 {
            trailing = 3;
        } else {
            return None;
        }
    }
    Some(s.len())
}

/// `strtoll` on a field vsv.c found to be an integer: saturated at the
/// ends of the 64-bit range.
fn strtoll(text: &[u8]) -> i64 {
    let text = std::str::from_utf8(text).unwrap_or("").trim_matches(' ');
    text.parse().unwrap_or(if text.starts_with('-') {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// `strtod` on a field vsv.c found to be a number (with `.` as its decimal
/// point by then), rounded correctly as glibc's is.
fn strtod(text: &[u8]) -> f64 {
    let text = std::str::from_utf8(text).unwrap_or("").trim_matches(' ');
    text.parse().unwrap_or(0.0)
}

/// A field as text: the C string (`validate` off), or validated: the text
/// when its bytes are shaped like UTF-8 all the way to the field's end,
/// else the bytes as a blob.
fn text_or_blob(field: &[u8], validate: bool) -> Value {
    if !validate {
        return Value::Text(c_str(field).to_vec());
    }
    match utf8_length(field) {
        Some(n) if n >= field.len() => Value::Text(field[..n].to_vec()),
        _ => Value::Blob(field.to_vec()),
    }
}

/// The value of one field (its bytes, which a numeric test may rewrite).
///
/// # Errors
/// `Invalid UTF8 Data` for `affinity=none` with `validatetext` when the
/// field is not UTF-8-shaped or holds a NUL byte.
pub fn value(
    field: &mut [u8],
    affinity: Affinity,
    validate: bool,
    dsep: i32,
) -> Result<Value, Error> {
    Ok(match affinity {
        Affinity::None if validate => match utf8_length(field) {
            Some(n) if n == field.len() => Value::Text(field.to_vec()),
            _ => return Err(Error::new("Invalid UTF8 Data")),
        },
        Affinity::None => Value::Text(c_str(field).to_vec()),
        Affinity::Blob => Value::Blob(field.to_vec()),
        Affinity::Text => text_or_blob(field, validate),
        Affinity::Integer => match is_number(dsep, field) {
            Number::Integer => Value::Integer(strtoll(c_str(field))),
            _ => text_or_blob(field, validate),
        },
        Affinity::Real => match is_number(dsep, field) {
            Number::Integer | Number::Real => Value::Real(strtod(c_str(field))),
            Number::No => text_or_blob(field, validate),
        },
        Affinity::Numeric => match is_number(dsep, field) {
            Number::Integer => Value::Integer(strtoll(c_str(field))),
            Number::Real => {
                let text = std::str::from_utf8(c_str(field)).unwrap_or("0");
                match crate::extended::numeric(text) {
                    Ok(i) => Value::Integer(i),
                    Err(x) => Value::Real(x),
                }
            }
            Number::No => text_or_blob(field, validate),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(s: &str) -> (Number, String) {
        let mut b = s.as_bytes().to_vec();
        let n = is_number(i32::from(b','), &mut b);
        (n, String::from_utf8(b).unwrap())
    }

    #[test]
    fn numbers_are_recognised_as_vsv_c_does() {
        assert_eq!(number(" 12 ").0, Number::Integer);
        assert_eq!(number("-12,5").0, Number::Real);
        assert_eq!(number("-12,5").1, "-12.5");
        assert_eq!(number(",5").0, Number::Real);
        assert_eq!(number("5,").0, Number::Real);
        assert_eq!(number("1e5").0, Number::Real);
        assert_eq!(number("1e").0, Number::No);
        assert_eq!(number("1e+").0, Number::No);
        assert_eq!(number(",").0, Number::No);
        assert_eq!(number("1.5").0, Number::No);
        assert_eq!(number("").0, Number::No);
        assert_eq!(number("\t1").0, Number::No);
        assert_eq!(number("1 2").0, Number::No);
        assert_eq!(number("0x10").0, Number::No);
        // The separator is rewritten even when the rest fails.
        assert_eq!(number("1,5x"), (Number::No, "1.5x".into()));
    }

    #[test]
    fn utf8_shape_is_checked_not_meaning() {
        assert_eq!(utf8_length("é€😀".as_bytes()), Some(9));
        assert_eq!(utf8_length(b"\xc3"), Some(1));
        assert_eq!(utf8_length(b"\xc0\x80"), Some(2));
        assert_eq!(utf8_length(b"\xff"), None);
        assert_eq!(utf8_length(b"\xc3("), None);
        assert_eq!(utf8_length(b"a\0b"), Some(1));
    }

    #[test]
    fn integers_saturate() {
        assert_eq!(strtoll(b" 99999999999999999999"), i64::MAX);
        assert_eq!(strtoll(b"-99999999999999999999 "), i64::MIN);
        assert_eq!(strtoll(b"+7"), 7);
    }

    #[test]
    fn affinities_pick_the_first_word() {
        assert_eq!(Affinity::parse("INTEGERS"), Some(Affinity::Integer));
        assert_eq!(Affinity::parse("int"), None);
        assert_eq!(Affinity::parse("'text'"), None);
    }
}
