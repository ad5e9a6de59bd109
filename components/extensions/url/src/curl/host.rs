//! The host part: its port cut off, the host name checked (an IPv6 address
//! in brackets normalized, its zone id taken off), and IPv4 numbers in
//! other forms written as a dotted quad.

use super::inet::{inet_ntop6, inet_pton6};
use super::{Code, R, find};

/// `strtol`/`strtoul` with base 10 on digits: the value (saturating) and
/// where the digits end.
fn decimal(s: &[u8]) -> (u64, usize) {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    let v = s[..n].iter().fold(0u64, |v, d| v.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    (v, n)
}

/// `Curl_parse_port`: cuts the port off the host; the port as stored.
pub(super) fn parse_port(host: &mut Vec<u8>, has_scheme: bool) -> R<Option<Vec<u8>>> {
    let portptr = if host.first() == Some(&b'[') {
        let close = find(host, b']').ok_or(Code::BadIpv6)? + 1;
        match host.get(close) {
            None => None,
            Some(b':') => Some(close),
            Some(_) => return Err(Code::BadPortNumber),
        }
    } else {
        find(host, b':')
    };
    let Some(p) = portptr else { return Ok(None) };
    let digits = host[p + 1..].to_vec();
    host.truncate(p);
    if digits.is_empty() {
        return if has_scheme { Ok(None) } else { Err(Code::BadPortNumber) };
    }
    if !digits[0].is_ascii_digit() {
        return Err(Code::BadPortNumber);
    }
    let (port, n) = decimal(&digits);
    if port > 0xffff || n != digits.len() {
        return Err(Code::BadPortNumber);
    }
    Ok(Some(port.to_string().into_bytes()))
}


/// `hostname_check`: checks a host (decoded), normalizing an IPv6 address
/// in brackets and taking its zone id off. Returns the zone id found.
pub(super) fn hostname_check(host: &mut Vec<u8>) -> R<Option<Vec<u8>>> {
    if host.is_empty() {
        return Err(Code::NoHost);
    }
    if host[0] != b'[' {
        let bad = b" \r\n\t/:#?!@{}[]\\$'\"^`*<>=;,+&()";
        return if host.iter().any(|c| bad.contains(c)) { Err(Code::BadHostname) } else { Ok(None) };
    }
    if host.len() < 4 {
        return Err(Code::BadIpv6);
    }
    let inner = &host[1..];
    let mut hlen = host.len() - 2;
    let len = inner.iter().take_while(|c| b"0123456789abcdefABCDEF:.".contains(c)).count();
    let mut zoneid = None;
    if hlen != len {
        hlen = len;
        if inner.get(len) != Some(&b'%') {
            return Err(Code::BadIpv6);
        }
        let mut h = len + 1;
        if inner[h..].starts_with(b"25") && inner.get(h + 2).is_some_and(|&c| c != b']') {
            h += 2;
        }
        let mut zone = Vec::new();
        while h < inner.len() && inner[h] != b']' && zone.len() < 15 {
            zone.push(inner[h]);
            h += 1;
        }
        if zone.is_empty() || inner.get(h) != Some(&b']') {
            return Err(Code::BadIpv6);
        }
        zoneid = Some(zone);
    }
    let address = &host[1..1 + hlen];
    let Some(bytes) = inet_pton6(address) else { return Err(Code::BadIpv6) };
    let norm = inet_ntop6(&bytes);
    let address = if norm.len() < hlen { norm.into_bytes() } else { address.to_vec() };
    let mut fixed = vec![b'['];
    fixed.extend_from_slice(&address);
    fixed.push(b']');
    *host = fixed;
    Ok(zoneid)
}

/// C's `strtoul(s, &end, 0)` on a string starting with a digit: the value
/// (None when it overflows 64 bits) and where it ends.
fn strtoul0(s: &[u8]) -> (Option<u64>, usize) {
    let (base, start) = if s.len() > 2 && s[0] == b'0' && (s[1] | 0x20) == b'x' && s[2].is_ascii_hexdigit() {
        (16, 2)
    } else if s[0] == b'0' {
        (8, 0)
    } else {
        (10, 0)
    };
    let mut v: Option<u64> = Some(0);
    let mut i = start;
    while let Some(d) = s.get(i).and_then(|&c| (c as char).to_digit(base)) {
        v = v.and_then(|v| v.checked_mul(u64::from(base))).and_then(|v| v.checked_add(u64::from(d)));
        i += 1;
    }
    (v, i)
}

/// `ipv4_normalize`: a host of one to four numbers (decimal, octal `0..`
/// or hex `0x..`) as a dotted quad.
pub(super) fn ipv4_normalize(host: &[u8]) -> Option<Vec<u8>> {
    let mut parts = [0u64; 4];
    let mut n = 0;
    let mut c = 0;
    loop {
        if !host.get(c).is_some_and(|d| d.is_ascii_digit()) {
            return None;
        }
        let (v, len) = strtoul0(&host[c..]);
        let v = v?;
        if v > u64::from(u32::MAX) {
            return None;
        }
        parts[n] = v;
        c += len;
        match host.get(c) {
            Some(b'.') => {
                if n == 3 {
                    return None;
                }
                n += 1;
                c += 1;
            }
            None => break,
            Some(_) => return None,
        }
    }
    let p = parts;
    let quad = match n {
        0 => [p[0] >> 24, (p[0] >> 16) & 0xff, (p[0] >> 8) & 0xff, p[0] & 0xff],
        1 if p[0] <= 0xff && p[1] <= 0xffffff => [p[0], (p[1] >> 16) & 0xff, (p[1] >> 8) & 0xff, p[1] & 0xff],
        2 if p[0] <= 0xff && p[1] <= 0xff && p[2] <= 0xffff => [p[0], p[1], (p[2] >> 8) & 0xff, p[2] & 0xff],
        3 if p.iter().all(|&x| x <= 0xff) => [p[0], p[1], p[2], p[3]],
        _ => return None,
    };
    Some(format!("{}.{}.{}.{}", quad[0], quad[1], quad[2], quad[3]).into_bytes())
}
