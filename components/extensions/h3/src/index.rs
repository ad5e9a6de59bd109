//! H3 indexes as SQL values: integers (h3-duckdb's BIGINT/UBIGINT API) or
//! hexadecimal text (its VARCHAR API), and results in the caller's form.

use sqlink_sdk::Value;

/// How an index argument was given, so results come back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Int,
    Text,
}

/// An index argument: its 64 bits and its form; None when it is NULL, or
/// text H3's `stringToH3` cannot read (h3-duckdb returns NULL then).
pub fn arg(value: &Value) -> Option<(u64, Form)> {
    match value {
        Value::Integer(i) => Some((*i as u64, Form::Int)),
        Value::Real(r) if r.fract() == 0.0 && *r >= -(2f64.powi(63)) && *r < 2f64.powi(64) => {
            Some((if *r < 0.0 { *r as i64 as u64 } else { *r as u64 }, Form::Int))
        }
        Value::Text(t) | Value::Blob(t) => string_to_h3(t).map(|h| (h, Form::Text)),
        _ => None,
    }
}

/// An index in `form`: an integer (the 64 bits as a signed integer), or
/// lower-case hexadecimal text.
pub fn out(h: u64, form: Form) -> Value {
    match form {
        Form::Int => Value::Integer(h as i64),
        Form::Text => Value::Text(format!("{h:x}").into_bytes()),
    }
}

/// The same as a JSON array element.
pub fn json_item(h: u64, form: Form) -> String {
    match form {
        Form::Int => (h as i64).to_string(),
        Form::Text => format!("\"{h:x}\""),
    }
}

/// A JSON array of indexes.
pub fn json_list(cells: impl IntoIterator<Item = u64>, form: Form) -> String {
    let items: Vec<String> = cells.into_iter().map(|h| json_item(h, form)).collect();
    format!("[{}]", items.join(","))
}

/// H3's `stringToH3`: C `sscanf("%" PRIx64)`: leading whitespace, an
/// optional sign and `0x`, then hexadecimal digits up to the first other
/// character; overflow saturates. None if no digit is read.
pub fn string_to_h3(s: &[u8]) -> Option<u64> {
    let s = s.iter().position(|&b| b == 0).map_or(s, |n| &s[..n]);
    let mut i = 0;
    while i < s.len() && matches!(s[i], b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        i += 1;
    }
    let neg = match s.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    if s.get(i) == Some(&b'0') && matches!(s.get(i + 1), Some(b'x' | b'X')) && s.get(i + 2).is_some_and(u8::is_ascii_hexdigit) {
        i += 2;
    }
    let start = i;
    let mut value: u64 = 0;
    let mut overflow = false;
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(16)) {
        match value.checked_mul(16).and_then(|v| v.checked_add(d as u64)) {
            Some(v) => value = v,
            None => overflow = true,
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    Some(if overflow { u64::MAX } else if neg { value.wrapping_neg() } else { value })
}

/// The resolution bits (H3's `getResolution`, no validation).
pub fn resolution_bits(h: u64) -> i64 {
    ((h >> 52) & 0xf) as i64
}

/// The base cell bits (H3's `getBaseCellNumber`, no validation).
pub fn base_cell_bits(h: u64) -> i64 {
    ((h >> 45) & 0x7f) as i64
}

/// The indexing digit at resolution `r` (1-15) (H3's `getIndexDigit`).
pub fn digit_bits(h: u64, r: u32) -> i64 {
    ((h >> ((15 - r) * 3)) & 7) as i64
}

/// H3's `isPentagon`: a pentagon base cell and no non-zero digit up to the
/// resolution (no validation).
pub fn is_pentagon_bits(h: u64) -> bool {
    const PENTAGON_BASE_CELLS: [i64; 12] = [4, 14, 24, 38, 49, 58, 63, 72, 83, 97, 107, 117];
    let res = resolution_bits(h) as u32;
    PENTAGON_BASE_CELLS.contains(&base_cell_bits(h)) && (1..=res).all(|r| digit_bits(h, r) == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_sscanf() {
        assert_eq!(string_to_h3(b"85283473fffffff"), Some(0x85283473fffffff));
        assert_eq!(string_to_h3(b"  0x85283473fffffffzz"), Some(0x85283473fffffff));
        assert_eq!(string_to_h3(b",,,,,"), None);
        assert_eq!(string_to_h3(b""), None);
        assert_eq!(string_to_h3(b"ffffffffffffffffff"), Some(u64::MAX));
        assert_eq!(string_to_h3(b"0x"), Some(0));
    }
}
