//! The cron.c matching rules, byte for byte: C `scanf`/`atoi` number
//! reading, `strtok` field splitting (which writes NULs into the pattern
//! copy, so a field that reads past its end sees the following fields), and
//! the Wikipedia day-of-week formula in C `int` arithmetic.

/// Whether `datetime` matches the cron `pattern`, as cron.c's `compare`.
pub fn cron_match(datetime: &[u8], pattern: &[u8]) -> bool {
    // C strings end at the first NUL.
    let datetime = until_nul(datetime);
    let Some(d) = scan_date(datetime) else { return false };
    let mut buf = until_nul(pattern).to_vec();
    let mut tok = Strtok::default();
    // minute, hour, day, month
    for field in [d[4], d[3], d[2], d[1]] {
        let Some(start) = tok.next(&mut buf) else { return false };
        if !compare_single(field, &buf, start) {
            return false;
        }
    }
    let Some(start) = tok.next(&mut buf) else { return false };
    match day_of_week(d[0] as i32, d[1] as i32, d[2] as i32) {
        Some(v) => compare_single(v as u32, &buf, start),
        // C reads outside its table here: only patterns that match every
        // value are certain.
        None => matches_any(&buf, start),
    }
}

fn until_nul(s: &[u8]) -> &[u8] {
    s.iter().position(|&b| b == 0).map_or(s, |n| &s[..n])
}

/// The byte at `i`, NUL past the end (as after a C string's terminator).
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// `sscanf(date, "%u-%u-%u %u:%u:*", ...) == 5`: five unsigned numbers
/// (each after optional whitespace and sign), with `-`, `-`, whitespace and
/// `:` between them; whatever follows the fifth is not looked at.
fn scan_date(s: &[u8]) -> Option<[u32; 5]> {
    let mut out = [0u32; 5];
    let mut i = 0;
    for (k, sep) in [Some(b'-'), Some(b'-'), Some(b' '), Some(b':'), None].into_iter().enumerate() {
        out[k] = scan_unsigned(s, &mut i)?;
        match sep {
            Some(b' ') => {
                while is_space(at(s, i)) {
                    i += 1;
                }
            }
            Some(c) => {
                if at(s, i) != c {
                    return if k == 4 { Some(out) } else { None };
                }
                i += 1;
            }
            None => {}
        }
    }
    Some(out)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// glibc's `%u`: whitespace, an optional sign, decimal digits, converted
/// by `strtoul` (negative wraps, overflow saturates) then cut to 32 bits.
fn scan_unsigned(s: &[u8], i: &mut usize) -> Option<u32> {
    while is_space(at(s, *i)) {
        *i += 1;
    }
    let neg = match at(s, *i) {
        b'-' => {
            *i += 1;
            true
        }
        b'+' => {
            *i += 1;
            false
        }
        _ => false,
    };
    let start = *i;
    let mut value: u64 = 0;
    let mut overflow = false;
    while at(s, *i).is_ascii_digit() {
        let digit = (at(s, *i) - b'0') as u64;
        match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
            Some(v) => value = v,
            None => overflow = true,
        }
        *i += 1;
    }
    if *i == start {
        return None;
    }
    let value = if overflow { u64::MAX } else if neg { value.wrapping_neg() } else { value };
    Some(value as u32)
}

/// Decimal digits from `i` as C's `strtol` reads them (saturating at the
/// `long` maximum), then cut to an `int` as `atoi` and `%d` store it.
fn c_int(s: &[u8], mut i: usize) -> i32 {
    let mut value: i64 = 0;
    while at(s, i).is_ascii_digit() {
        value = value.saturating_mul(10).saturating_add((at(s, i) - b'0') as i64);
        i += 1;
    }
    value as i32
}

/// C `strtok(s, " ")` over a buffer it writes NULs into.
#[derive(Default)]
struct Strtok {
    pos: usize,
}

impl Strtok {
    /// The start of the next token, its end now a NUL; None when none is left.
    fn next(&mut self, buf: &mut [u8]) -> Option<usize> {
        let mut i = self.pos;
        while at(buf, i) == b' ' {
            i += 1;
        }
        if at(buf, i) == 0 {
            self.pos = i;
            return None;
        }
        let start = i;
        while !matches!(at(buf, i), 0 | b' ') {
            i += 1;
        }
        if i < buf.len() {
            buf[i] = 0;
            self.pos = i + 1;
        } else {
            self.pos = i;
        }
        Some(start)
    }
}

/// cron.c's `compare_single(v, e)` for the field starting at `e`.
fn compare_single(v: u32, buf: &[u8], e: usize) -> bool {
    if at(buf, e) == 0 {
        return false;
    }
    if at(buf, e) == b'*' {
        if at(buf, e + 1) == 0 {
            return true;
        }
        if at(buf, e + 1) == b'/' {
            if !all_digits(buf, e + 2) {
                return false;
            }
            let n = c_int(buf, e + 2) as u32;
            // C divides by zero here.
            return n != 0 && v % n == 0;
        }
    }
    let mut pos = e;
    while at(buf, pos) != 0 {
        let mut i = 0;
        while at(buf, pos + i).is_ascii_digit() {
            i += 1;
        }
        if i == 0 {
            return false;
        }
        if c_int(buf, pos) as u32 == v {
            return true;
        }
        // Skips the digits and one more byte, whatever it is.
        pos += i + 1;
    }
    false
}

/// Whether `compare_single` matches the field for every value.
fn matches_any(buf: &[u8], e: usize) -> bool {
    at(buf, e) == b'*' && (at(buf, e + 1) == 0 || (at(buf, e + 1) == b'/' && all_digits(buf, e + 2) && c_int(buf, e + 2) == 1))
}

/// cron.c's `is_digit`: a non-empty run of digits up to the NUL.
fn all_digits(buf: &[u8], mut i: usize) -> bool {
    if at(buf, i) == 0 {
        return false;
    }
    while at(buf, i) != 0 {
        if !at(buf, i).is_ascii_digit() {
            return false;
        }
        i += 1;
    }
    true
}

/// The day of the week, 0 for Sunday, in C `int` arithmetic (truncating
/// division, a remainder with the dividend's sign); None for a month
/// outside 1-12, where C reads outside its table.
fn day_of_week(y: i32, m: i32, d: i32) -> Option<i32> {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let t = *T.get(usize::try_from(m.wrapping_sub(1)).ok()?)?;
    let y = y.wrapping_sub((m < 3) as i32);
    let sum = y.wrapping_add(y / 4).wrapping_sub(y / 100).wrapping_add(y / 400).wrapping_add(t).wrapping_add(d);
    Some(sum % 7)
}

#[cfg(test)]
mod tests {
    use super::cron_match;

    fn m(d: &str, p: &str) -> bool {
        cron_match(d.as_bytes(), p.as_bytes())
    }

    #[test]
    fn readme_examples() {
        assert!(m("2000-01-01 00:03:00", "*/3 * * * *"));
        // `*/9 */10 * * *` over 2000-01-04 .. 05
        assert!(m("2000-01-04 10:27:00", "*/9 */10 * * *"));
        assert!(m("2000-01-04 20:54:00", "*/9 */10 * * *"));
        assert!(m("2000-01-05 00:00:00", "*/9 */10 * * *"));
        assert!(!m("2000-01-04 10:28:00", "*/9 */10 * * *"));
        assert!(!m("2000-01-04 11:27:00", "*/9 */10 * * *"));
    }

    #[test]
    fn fields() {
        // 2000-01-01 was a Saturday (6).
        assert!(m("2000-01-01 12:30", "30 12 1 1 6"));
        assert!(!m("2000-01-01 12:30", "30 12 1 1 0"));
        assert!(m("2000-01-01 12:30", "10,20,30 * * * *"));
        assert!(m("2000-01-01 12:30", "10-30 * * * *"));
        assert!(!m("2000-01-01 12:25", "10-30 * * * *"));
        assert!(!m("2000-01-01 12:30", "* * * *"));
        assert!(m("2000-01-01 12:30", "* * * * * extra"));
        assert!(!m("2000-01-01T12:30", "* * * * *"));
        assert!(!m("2000-01-01 12:30", "*/0 * * * *"));
        assert!(!m("2000-01-01 12:30", "*/x * * * *"));
        assert!(!m("2000-01-01 12:30", "*5 * * * *"));
        // reads on into the next field, as the C code does
        assert!(m("2000-01-01 07:07", "5 7 * * *"));
        assert!(!m("2000-01-01 07:07", "5  7 * * *"));
        // 2024-02-29 was a Thursday (4)
        assert!(m("2024-02-29 00:00:00", "0 0 29 2 4"));
    }
}
