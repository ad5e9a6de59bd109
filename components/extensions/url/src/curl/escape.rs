//! Percent-encoding: `Curl_urldecode` and `curl_easy_escape`.


fn hexval(c: u8) -> u8 {
    (c as char).to_digit(16).unwrap_or(0) as u8
}

/// `Curl_urldecode`: `%XX` decoded; with `reject_ctrl`, a result byte
/// below 0x20 is an error.
pub fn urldecode(s: &[u8], reject_ctrl: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let mut b = s[i];
        if b == b'%' && s.len() - i > 2 && s[i + 1].is_ascii_hexdigit() && s[i + 2].is_ascii_hexdigit() {
            b = (hexval(s[i + 1]) << 4) | hexval(s[i + 2]);
            i += 3;
        } else {
            i += 1;
        }
        if reject_ctrl && b < 0x20 {
            return None;
        }
        out.push(b);
    }
    Some(out)
}

/// `curl_easy_escape`: everything but ALPHA, DIGIT, `-`, `.`, `_` and `~`
/// as `%XX` (upper-case hex).
pub fn escape(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &c in s {
        if c.is_ascii_alphanumeric() || b"-._~".contains(&c) {
            out.push(c);
        } else {
            out.extend_from_slice(format!("%{c:02X}").as_bytes());
        }
    }
    out
}
