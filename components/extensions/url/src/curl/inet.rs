//! Address text as the C library reads and writes it: `inet_pton` for
//! IPv4 and IPv6, `inet_ntop` for IPv6.

/// `inet_pton4` (BIND's, as glibc has it): four decimal octets, no
/// leading zeros.
fn inet_pton4(src: &[u8]) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let (mut octets, mut saw_digit, mut tp) = (0, false, 0);
    for &ch in src {
        if ch.is_ascii_digit() {
            let v = u32::from(out[tp]) * 10 + u32::from(ch - b'0');
            if saw_digit && out[tp] == 0 {
                return None;
            }
            if v > 255 {
                return None;
            }
            out[tp] = v as u8;
            if !saw_digit {
                octets += 1;
                if octets > 4 {
                    return None;
                }
                saw_digit = true;
            }
        } else if ch == b'.' && saw_digit {
            if octets == 4 {
                return None;
            }
            tp += 1;
            out[tp] = 0;
            saw_digit = false;
        } else {
            return None;
        }
    }
    (octets >= 4).then_some(out)
}

/// `inet_pton6` (BIND's, as glibc has it).
pub(super) fn inet_pton6(mut src: &[u8]) -> Option<[u8; 16]> {
    let mut tmp = [0u8; 16];
    let (mut tp, mut colonp): (usize, Option<usize>) = (0, None);
    if src.first() == Some(&b':') {
        if src.get(1) != Some(&b':') {
            return None;
        }
        src = &src[1..];
    }
    let mut curtok = 0;
    let (mut saw_xdigit, mut val) = (0, 0u32);
    let mut i = 0;
    while i < src.len() {
        let ch = src[i];
        i += 1;
        if let Some(d) = (ch as char).to_digit(16) {
            val = (val << 4) | d;
            saw_xdigit += 1;
            if saw_xdigit > 4 {
                return None;
            }
            continue;
        }
        if ch == b':' {
            curtok = i;
            if saw_xdigit == 0 {
                if colonp.is_some() {
                    return None;
                }
                colonp = Some(tp);
                continue;
            }
            if tp + 2 > 16 {
                return None;
            }
            tmp[tp] = (val >> 8) as u8;
            tmp[tp + 1] = val as u8;
            tp += 2;
            saw_xdigit = 0;
            val = 0;
            continue;
        }
        if ch == b'.'
            && tp + 4 <= 16
            && let Some(v4) = inet_pton4(&src[curtok..])
        {
            tmp[tp..tp + 4].copy_from_slice(&v4);
            tp += 4;
            saw_xdigit = 0;
            break;
        }
        return None;
    }
    if saw_xdigit > 0 {
        if tp + 2 > 16 {
            return None;
        }
        tmp[tp] = (val >> 8) as u8;
        tmp[tp + 1] = val as u8;
        tp += 2;
    }
    if let Some(c) = colonp {
        if tp == 16 {
            return None;
        }
        let n = tp - c;
        for k in 1..=n {
            tmp[16 - k] = tmp[c + n - k];
            tmp[c + n - k] = 0;
        }
        tp = 16;
    }
    (tp == 16).then_some(tmp)
}

/// `inet_ntop6` (BIND's): the longest run (the first of equals) of two or
/// more zero words as `::`, IPv4-mapped and -compatible forms dotted.
pub(super) fn inet_ntop6(src: &[u8; 16]) -> String {
    let words: Vec<u32> = (0..8).map(|i| (u32::from(src[2 * i]) << 8) | u32::from(src[2 * i + 1])).collect();
    let (mut best, mut cur): ((i32, i32), (i32, i32)) = ((-1, 0), (-1, 0));
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if cur.0 == -1 {
                cur = (i as i32, 1);
            } else {
                cur.1 += 1;
            }
        } else if cur.0 != -1 {
            if best.0 == -1 || cur.1 > best.1 {
                best = cur;
            }
            cur.0 = -1;
        }
    }
    if cur.0 != -1 && (best.0 == -1 || cur.1 > best.1) {
        best = cur;
    }
    if best.0 != -1 && best.1 < 2 {
        best.0 = -1;
    }
    let mut out = String::new();
    let mut i = 0i32;
    while i < 8 {
        if best.0 != -1 && i >= best.0 && i < best.0 + best.1 {
            if i == best.0 {
                out.push(':');
            }
            i += 1;
            continue;
        }
        if i != 0 {
            out.push(':');
        }
        if i == 6 && best.0 == 0 && (best.1 == 6 || (best.1 == 5 && words[5] == 0xffff)) {
            out.push_str(&format!("{}.{}.{}.{}", src[12], src[13], src[14], src[15]));
            return out;
        }
        out.push_str(&format!("{:x}", words[i as usize]));
        i += 1;
    }
    if best.0 != -1 && best.0 + best.1 == 8 {
        out.push(':');
    }
    out
}
