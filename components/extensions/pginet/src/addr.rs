//! PostgreSQL's inet and cidr values: how its input functions read text
//! (BIND's inet_net_pton and inet_cidr_pton, quirks included), how its
//! output functions print them (inet_net_ntop, and inet_cidr_ntop for
//! abbrev of a cidr), and the operations of network.c.

use std::cmp::Ordering;

/// An inet or cidr value: the family, the netmask length and the address
/// (IPv4 in the first four bytes, the rest zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inet {
    pub v6: bool,
    pub bits: u8,
    pub addr: [u8; 16],
}

/// Which input function reads the text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Inet,
    Cidr,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Inet => "inet",
            Kind::Cidr => "cidr",
        }
    }
}

impl Inet {
    pub fn max_bits(&self) -> u8 {
        if self.v6 { 128 } else { 32 }
    }
    fn len(&self) -> usize {
        if self.v6 { 16 } else { 4 }
    }
    pub fn bytes(&self) -> &[u8] {
        &self.addr[..self.len()]
    }
    /// PostgreSQL's family(): 4 or 6.
    pub fn family(&self) -> i64 {
        if self.v6 { 6 } else { 4 }
    }

    /// Reads text as PostgreSQL's inet_in or cidr_in does, with its errors.
    pub fn parse(s: &str, kind: Kind) -> Result<Inet, String> {
        let bad = || format!("invalid input syntax for type {}: \"{}\"", kind.name(), s);
        // A C string ends at its first NUL.
        let src = &s.as_bytes()[..s.bytes().position(|b| b == 0).unwrap_or(s.len())];
        let v6 = src.contains(&b':');
        let mut addr = [0u8; 16];
        let bits = if v6 {
            pton_v6(src, &mut addr)
        } else if kind == Kind::Inet {
            net_pton_v4(src, &mut addr)
        } else {
            cidr_pton_v4(src, &mut addr)
        };
        let value = match bits {
            Some(b) if b <= if v6 { 128 } else { 32 } => Inet {
                v6,
                bits: b as u8,
                addr,
            },
            _ => return Err(bad()),
        };
        if kind == Kind::Cidr && value.truncated() != value {
            return Err(format!("invalid cidr value: \"{s}\""));
        }
        Ok(value)
    }

    /// The value with every bit past the netmask cleared.
    pub fn truncated(&self) -> Inet {
        let mut out = *self;
        for (i, b) in out.addr.iter_mut().enumerate() {
            *b &= mask_byte(i, self.bits);
        }
        out
    }

    /// PostgreSQL's inet output: the whole address, and `/bits` unless it
    /// is the family's full length.
    pub fn to_inet_text(&self) -> String {
        let mut s = self.address_text();
        if self.bits != self.max_bits() {
            s.push_str(&format!("/{}", self.bits));
        }
        s
    }

    /// PostgreSQL's cidr output: as inet, always with `/bits`.
    pub fn to_cidr_text(&self) -> String {
        format!("{}/{}", self.address_text(), self.bits)
    }

    /// The address alone (host()).
    pub fn address_text(&self) -> String {
        if self.v6 {
            ntop_v6(&self.addr)
        } else {
            format!(
                "{}.{}.{}.{}",
                self.addr[0], self.addr[1], self.addr[2], self.addr[3]
            )
        }
    }

    /// abbrev() of a cidr: only the octets (or words) the netmask covers.
    pub fn cidr_abbrev(&self) -> String {
        if self.v6 {
            cidr_ntop_v6(&self.addr, self.bits)
        } else {
            cidr_ntop_v4(&self.addr, self.bits)
        }
    }

    /// netmask(): the mask as an address.
    pub fn netmask(&self) -> Inet {
        let mut out = Inet {
            v6: self.v6,
            bits: self.max_bits(),
            addr: [0; 16],
        };
        for i in 0..self.len() {
            out.addr[i] = mask_byte(i, self.bits);
        }
        out
    }

    /// hostmask(): the bits past the mask.
    pub fn hostmask(&self) -> Inet {
        let mut out = Inet {
            v6: self.v6,
            bits: self.max_bits(),
            addr: [0; 16],
        };
        for i in 0..self.len() {
            out.addr[i] = !mask_byte(i, self.bits);
        }
        out
    }

    /// broadcast(): every bit past the mask set.
    pub fn broadcast(&self) -> Inet {
        let mut out = *self;
        for i in 0..self.len() {
            out.addr[i] |= !mask_byte(i, self.bits);
        }
        out
    }

    /// The value with another netmask length, as cidr (host bits cleared)
    /// or inet (address kept).
    pub fn with_bits(&self, bits: u8, cidr: bool) -> Inet {
        let out = Inet { bits, ..*self };
        if cidr { out.truncated() } else { out }
    }

    /// Whether the first `n` bits of the two addresses are equal.
    fn same_prefix(&self, other: &Inet, n: u8) -> bool {
        bitncmp(&self.addr, &other.addr, n) == Ordering::Equal
    }

    /// `self << other`: strictly inside.
    pub fn contained_by(&self, other: &Inet) -> bool {
        self.v6 == other.v6 && self.bits > other.bits && self.same_prefix(other, other.bits)
    }
    /// `self <<= other`.
    pub fn contained_by_or_equals(&self, other: &Inet) -> bool {
        self.v6 == other.v6 && self.bits >= other.bits && self.same_prefix(other, other.bits)
    }
    /// `self && other`: either contains the other.
    pub fn overlaps(&self, other: &Inet) -> bool {
        self.v6 == other.v6 && self.same_prefix(other, self.bits.min(other.bits))
    }

    /// inet_merge(): the smallest network holding both (same family).
    pub fn merge(&self, other: &Inet) -> Inet {
        let limit = self.bits.min(other.bits);
        let mut common = 0;
        while common < limit && bit(&self.addr, common) == bit(&other.addr, common) {
            common += 1;
        }
        self.with_bits(common, true)
    }

    /// PostgreSQL's order of inet values (network_cmp): IPv4 first; then
    /// the common part of the networks; then the shorter netmask; then the
    /// whole address.
    pub fn cmp_pg(&self, other: &Inet) -> Ordering {
        if self.v6 != other.v6 {
            return self.v6.cmp(&other.v6);
        }
        bitncmp(&self.addr, &other.addr, self.bits.min(other.bits))
            .then(self.bits.cmp(&other.bits))
            .then(bitncmp(&self.addr, &other.addr, self.max_bits()))
    }
}

fn bit(a: &[u8; 16], i: u8) -> bool {
    a[i as usize / 8] & (0x80 >> (i % 8)) != 0
}

/// Compares the first `n` bits.
fn bitncmp(a: &[u8; 16], b: &[u8; 16], n: u8) -> Ordering {
    let whole = n as usize / 8;
    match a[..whole].cmp(&b[..whole]) {
        Ordering::Equal => {}
        other => return other,
    }
    let rest = n % 8;
    if rest == 0 {
        return Ordering::Equal;
    }
    let m = 0xFFu8 << (8 - rest);
    (a[whole] & m).cmp(&(b[whole] & m))
}

/// The netmask's bits in byte `i` for a mask of `bits`.
fn mask_byte(i: usize, bits: u8) -> u8 {
    let start = i * 8;
    let bits = bits as usize;
    if bits >= start + 8 {
        0xFF
    } else if bits <= start {
        0
    } else {
        0xFFu8 << (8 - (bits - start))
    }
}

/// A C string's byte at `i`, NUL past its end.
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// Reads `/NNN` digits from `i` (which follows the slash) to the end: the
/// number, or None if anything else follows. Saturates (the caller checks
/// the range).
fn slash_bits(s: &[u8], mut i: usize) -> Option<u32> {
    let mut bits: u32 = 0;
    loop {
        let ch = at(s, i);
        if !ch.is_ascii_digit() {
            return (ch == 0).then_some(bits);
        }
        bits = bits.saturating_mul(10).saturating_add((ch - b'0') as u32);
        i += 1;
    }
}

/// inet_net_pton_ipv4: a dotted quad (or fewer octets when a /bits long
/// enough to need no more follows).
fn net_pton_v4(s: &[u8], dst: &mut [u8; 16]) -> Option<u32> {
    let mut n = 0usize;
    let mut i = 0usize;
    let mut ch = at(s, i);
    i += 1;
    while ch.is_ascii_digit() {
        let mut tmp: u32 = 0;
        loop {
            tmp = tmp * 10 + (ch - b'0') as u32;
            if tmp > 255 {
                return None;
            }
            ch = at(s, i);
            i += 1;
            if ch == 0 || !ch.is_ascii_digit() {
                break;
            }
        }
        if n == 4 {
            return None;
        }
        dst[n] = tmp as u8;
        n += 1;
        if ch == 0 || ch == b'/' {
            break;
        }
        if ch != b'.' {
            return None;
        }
        ch = at(s, i);
        i += 1;
    }
    let mut bits: Option<u32> = None;
    if ch == b'/' && at(s, i).is_ascii_digit() && n > 0 {
        let b = slash_bits(s, i)?;
        if b > 32 {
            return None;
        }
        bits = Some(b);
        ch = 0;
    }
    if ch != 0 {
        return None;
    }
    let bits = match bits {
        Some(b) => b,
        None if n == 4 => 32,
        None => return None,
    };
    if n == 0 || (bits / 8) as usize > n {
        return None;
    }
    Some(bits)
}

/// inet_cidr_pton_ipv4: decimal octets or a 0x hex string, with classful
/// defaults for a missing /bits.
fn cidr_pton_v4(s: &[u8], dst: &mut [u8; 16]) -> Option<u32> {
    let mut n = 0usize;
    let mut i = 0usize;
    let mut ch = at(s, i);
    i += 1;
    let push = |dst: &mut [u8; 16], n: &mut usize, v: u8| -> Option<()> {
        if *n == 4 {
            return None;
        }
        dst[*n] = v;
        *n += 1;
        Some(())
    };
    if ch == b'0' && matches!(at(s, i), b'x' | b'X') && at(s, i + 1).is_ascii_hexdigit() {
        i += 1;
        let (mut dirty, mut tmp) = (0, 0u32);
        loop {
            ch = at(s, i);
            i += 1;
            if ch == 0 || !ch.is_ascii_hexdigit() {
                break;
            }
            let d = (ch as char).to_digit(16).expect("hex digit");
            tmp = if dirty == 0 { d } else { (tmp << 4) | d };
            dirty += 1;
            if dirty == 2 {
                push(dst, &mut n, tmp as u8)?;
                dirty = 0;
            }
        }
        if dirty != 0 {
            push(dst, &mut n, (tmp << 4) as u8)?;
        }
    } else if ch.is_ascii_digit() {
        loop {
            let mut tmp: u32 = 0;
            loop {
                tmp = tmp * 10 + (ch - b'0') as u32;
                if tmp > 255 {
                    return None;
                }
                ch = at(s, i);
                i += 1;
                if ch == 0 || !ch.is_ascii_digit() {
                    break;
                }
            }
            push(dst, &mut n, tmp as u8)?;
            if ch == 0 || ch == b'/' {
                break;
            }
            if ch != b'.' {
                return None;
            }
            ch = at(s, i);
            i += 1;
            if !ch.is_ascii_digit() {
                return None;
            }
        }
    } else {
        return None;
    }
    let mut bits: Option<u32> = None;
    if ch == b'/' && at(s, i).is_ascii_digit() && n > 0 {
        let b = slash_bits(s, i)?;
        if b > 32 {
            return None;
        }
        bits = Some(b);
        ch = 0;
    }
    if ch != 0 || n == 0 {
        return None;
    }
    let bits = match bits {
        Some(b) => b,
        None => {
            let first = dst[0];
            let mut b = match first {
                240.. => 32,
                224.. => 8,
                192.. => 24,
                128.. => 16,
                _ => 8,
            };
            if b < (n * 8) as u32 {
                b = (n * 8) as u32;
            }
            if b == 8 && first == 224 {
                b = 4;
            }
            b
        }
    };
    // Extending the network to cover the mask only adds zero octets.
    if bits > 32 {
        return None;
    }
    Some(bits)
}

/// getbits: a prefix length after an IPv6 address's slash: digits to the
/// end, no leading zeros, at most 128.
fn getbits(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut val = 0u32;
    for (k, &ch) in s.iter().enumerate() {
        if !ch.is_ascii_digit() || (k != 0 && val == 0) {
            return None;
        }
        val = val * 10 + (ch - b'0') as u32;
        if val > 128 {
            return None;
        }
    }
    Some(val)
}

/// getv4: the dotted-decimal tail of an IPv6 address (up to four octets,
/// no leading zeros), optionally with /bits, written at `dst`.
fn getv4(s: &[u8], dst: &mut [u8], bits: &mut Option<u32>) -> bool {
    let (mut val, mut n, mut k) = (0u32, 0, 0usize);
    for (pos, &ch) in s.iter().enumerate() {
        if ch.is_ascii_digit() {
            if n != 0 && val == 0 {
                return false;
            }
            n += 1;
            val = val * 10 + (ch - b'0') as u32;
            if val > 255 {
                return false;
            }
            continue;
        }
        if ch == b'.' || ch == b'/' {
            if k > 3 {
                return false;
            }
            dst[k] = val as u8;
            k += 1;
            if ch == b'/' {
                return match getbits(&s[pos + 1..]) {
                    Some(b) => {
                        *bits = Some(b);
                        true
                    }
                    None => false,
                };
            }
            val = 0;
            n = 0;
            continue;
        }
        return false;
    }
    if n == 0 || k > 3 {
        return false;
    }
    dst[k] = val as u8;
    true
}

/// inet_cidr_pton_ipv6 (inet and cidr alike).
fn pton_v6(src: &[u8], dst: &mut [u8; 16]) -> Option<u32> {
    let mut tmp = [0u8; 16];
    let mut tp = 0usize;
    let mut colonp: Option<usize> = None;
    let mut i = 0usize;
    if at(src, 0) == b':' {
        i = 1;
        if at(src, 1) != b':' {
            return None;
        }
    }
    let mut curtok = i;
    let (mut saw_xdigit, mut val, mut digits) = (false, 0u32, 0);
    let mut bits: Option<u32> = None;
    loop {
        let ch = at(src, i);
        i += 1;
        if ch == 0 {
            break;
        }
        if let Some(d) = (ch as char).to_digit(16) {
            val = (val << 4) | d;
            digits += 1;
            if digits > 4 {
                return None;
            }
            saw_xdigit = true;
            continue;
        }
        if ch == b':' {
            curtok = i;
            if !saw_xdigit {
                if colonp.is_some() {
                    return None;
                }
                colonp = Some(tp);
                continue;
            } else if at(src, i) == 0 {
                return None;
            }
            if tp + 2 > 16 {
                return None;
            }
            tmp[tp] = (val >> 8) as u8;
            tmp[tp + 1] = val as u8;
            tp += 2;
            saw_xdigit = false;
            digits = 0;
            val = 0;
            continue;
        }
        if ch == b'.' && tp + 4 <= 16 && getv4(&src[curtok..], &mut tmp[tp..tp + 4], &mut bits) {
            tp += 4;
            saw_xdigit = false;
            break;
        }
        if ch == b'/'
            && let Some(b) = getbits(&src[i.min(src.len())..])
        {
            bits = Some(b);
            break;
        }
        return None;
    }
    if saw_xdigit {
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
    if tp != 16 {
        return None;
    }
    *dst = tmp;
    Some(bits.unwrap_or(128))
}

/// inet_net_ntop_ipv6's address part: the longest run of two or more zero
/// words (the first of equal ones) as `::`, IPv4-mapped and -compatible
/// addresses with a dotted tail.
fn ntop_v6(a: &[u8; 16]) -> String {
    let words: Vec<u32> = (0..8)
        .map(|i| ((a[2 * i] as u32) << 8) | a[2 * i + 1] as u32)
        .collect();
    let (mut best, mut cur): ((isize, usize), (isize, usize)) = ((-1, 0), (-1, 0));
    for (i, &w) in words.iter().enumerate() {
        if w == 0 {
            if cur.0 == -1 {
                cur = (i as isize, 1);
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
    for (i, &w) in words.iter().enumerate() {
        let ii = i as isize;
        if best.0 != -1 && ii >= best.0 && ii < best.0 + best.1 as isize {
            if ii == best.0 {
                out.push(':');
            }
            continue;
        }
        if i != 0 {
            out.push(':');
        }
        if i == 6
            && best.0 == 0
            && (best.1 == 6
                || (best.1 == 7 && words[7] != 1)
                || (best.1 == 5 && words[5] == 0xffff))
        {
            out.push_str(&format!("{}.{}.{}.{}", a[12], a[13], a[14], a[15]));
            return out;
        }
        out.push_str(&format!("{w:x}"));
    }
    if best.0 != -1 && best.0 as usize + best.1 == 8 {
        out.push(':');
    }
    out
}

/// inet_cidr_ntop_ipv4: the octets the mask covers, and /bits.
fn cidr_ntop_v4(a: &[u8; 16], bits: u8) -> String {
    let mut out = String::new();
    if bits == 0 {
        out.push('0');
    }
    let whole = (bits / 8) as usize;
    for (k, byte) in a.iter().take(whole).enumerate() {
        out.push_str(&byte.to_string());
        if k + 1 < whole {
            out.push('.');
        }
    }
    let rest = bits % 8;
    if rest > 0 {
        if !out.is_empty() {
            out.push('.');
        }
        let m = (((1u32 << rest) - 1) << (8 - rest)) as u8;
        out.push_str(&(a[whole] & m).to_string());
    }
    out.push_str(&format!("/{bits}"));
    out
}

/// inet_cidr_ntop_ipv6: the words the mask covers (at least two), with
/// its way of finding the run of zeros to shorten, and /bits.
fn cidr_ntop_v6(src: &[u8; 16], bits: u8) -> String {
    let mut out = String::new();
    if bits == 0 {
        out.push_str("::");
    } else {
        let p = (bits as usize).div_ceil(8);
        let mut s = [0u8; 16];
        s[..p].copy_from_slice(&src[..p]);
        if !bits.is_multiple_of(8) {
            s[p - 1] &= 0xFFu8 << (8 - bits % 8);
        }
        let mut words = (bits as usize).div_ceil(16);
        if words == 1 {
            words = 2;
        }
        let (mut zero_s, mut zero_l, mut tmp_s, mut tmp_l) = (0usize, 0usize, 0usize, 0usize);
        for i in (0..words * 2).step_by(2) {
            if s[i] | s[i + 1] == 0 {
                if tmp_l == 0 {
                    tmp_s = i / 2;
                }
                tmp_l += 1;
            } else if tmp_l != 0 && zero_l < tmp_l {
                // (A shorter run is not forgotten: its count goes on.)
                zero_s = tmp_s;
                zero_l = tmp_l;
                tmp_l = 0;
            }
        }
        if tmp_l != 0 && zero_l < tmp_l {
            zero_s = tmp_s;
            zero_l = tmp_l;
        }
        let is_v4 = zero_l != words
            && zero_s == 0
            && (zero_l == 6
                || (zero_l == 5 && s[10] == 0xff && s[11] == 0xff)
                || (zero_l == 7 && s[14] != 0 && s[15] != 1));
        let mut k = 0usize;
        for p in 0..words {
            if zero_l != 0 && p >= zero_s && p < zero_s + zero_l {
                if p == zero_s {
                    out.push(':');
                }
                if p == words - 1 {
                    out.push(':');
                }
                k += 2;
                continue;
            }
            if is_v4 && p > 5 {
                out.push(if p == 6 { ':' } else { '.' });
                out.push_str(&s[k].to_string());
                k += 1;
                if p != 7 || bits > 120 {
                    out.push('.');
                    out.push_str(&s[k].to_string());
                    k += 1;
                }
            } else {
                if !out.is_empty() {
                    out.push(':');
                }
                out.push_str(&format!("{:x}", (s[k] as u32) * 256 + s[k + 1] as u32));
                k += 2;
            }
        }
    }
    out.push_str(&format!("/{bits}"));
    out
}
