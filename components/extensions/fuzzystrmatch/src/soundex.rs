//! Soundex as PostgreSQL's fuzzystrmatch computes it, over bytes.

/// The Soundex digit of each ASCII letter, A to Z.
const DIGITS: &[u8; 26] = b"01230120022455012623010202";

/// The code PostgreSQL compares neighbouring bytes by: a letter's digit,
/// or the byte itself for anything else (so a digit in the text equals
/// the code of a letter after it).
fn code(b: u8) -> u8 {
    let upper = b.to_ascii_uppercase();
    if upper.is_ascii_uppercase() {
        DIGITS[(upper - b'A') as usize]
    } else {
        upper
    }
}

/// The four-character code, or '' when there is no ASCII letter.
pub fn soundex(s: &[u8]) -> String {
    code_bytes(s)
        .map(|c| String::from_utf8(c.to_vec()).expect("ASCII"))
        .unwrap_or_default()
}

/// The code as bytes; None for text without an ASCII letter.
fn code_bytes(s: &[u8]) -> Option<[u8; 4]> {
    let start = s.iter().position(u8::is_ascii_alphabetic)?;
    let mut out = [b'0'; 4];
    out[0] = s[start].to_ascii_uppercase();
    let mut len = 1;
    for pair in s[start..].windows(2) {
        if len == 4 {
            break;
        }
        let (prev, cur) = (pair[0], pair[1]);
        if cur.is_ascii_alphabetic() && code(cur) != code(prev) {
            let digit = code(cur);
            if digit != b'0' {
                out[len] = digit;
                len += 1;
            }
        }
    }
    Some(out)
}

/// Matching positions of the two codes, 0 to 4 (text without letters has
/// an all-NUL code, so two such texts give 4).
pub fn difference(a: &[u8], b: &[u8]) -> i64 {
    let (a, b) = (
        code_bytes(a).unwrap_or([0; 4]),
        code_bytes(b).unwrap_or([0; 4]),
    );
    a.iter().zip(&b).filter(|(x, y)| x == y).count() as i64
}
