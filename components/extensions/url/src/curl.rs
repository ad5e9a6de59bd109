//! The parts of libcurl 7.88.1's URL API (`lib/urlapi.c`, with
//! `Curl_parse_login_details`, `inet_pton`/`inet_ntop` and the escape
//! functions) that sqlite-url calls, ported step for step on byte strings:
//! `curl_url_set(CURLUPART_URL)` on a fresh handle (parsing), setting one
//! part, and `curl_url_get`, all with only `CURLU_NON_SUPPORT_SCHEME`, as
//! sqlite-url passes.
//!
//! This is RFC 3986 as curl reads it, not the WHATWG URL standard: a scheme
//! is any run of letters, digits, `+`, `-` and `.` before a `:` followed by
//! one to three `/`s (so `mailto:x` and `urn:x` are not URLs, `http:///x`
//! is the host `x`); there is no special-scheme handling beyond `file`;
//! parts are returned as written (no percent-decoding, except a host's);
//! the path has its dot segments removed (RFC 3986 5.2.4); IPv4 numbers in
//! other forms (`0x7f.1`) are normalized, IPv6 addresses compressed when
//! that is shorter; spaces and control bytes anywhere are refused.
//!
//! Which schemes libcurl has built in matters in two places: the login of
//! `imap`, `imaps`, `pop3`, `pop3s`, `smtp` and `smtps` URLs takes
//! `;options`, and a URL put together for another built-in scheme leaves
//! options out. The list here is Debian 12's libcurl 7.88.1 (the one these
//! results were checked against); sqlite-url's own releases link a libcurl
//! built without TLS, where the `s` variants are not built in. Other
//! schemes are accepted as they are (CURLU_NON_SUPPORT_SCHEME).

/// `CURLUcode`, the errors that can happen here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    MalformedInput,
    BadPortNumber,
    NoScheme,
    NoUser,
    NoPassword,
    NoOptions,
    NoHost,
    NoPort,
    NoQuery,
    NoFragment,
    NoZoneid,
    BadLogin,
    BadIpv6,
    BadHostname,
    BadFileUrl,
    BadSlashes,
    BadScheme,
    BadPath,
    BadFragment,
    BadQuery,
    BadPassword,
    BadUser,
}

impl Code {
    /// `curl_url_strerror`.
    pub fn message(self) -> &'static str {
        match self {
            Code::MalformedInput => "Malformed input to a URL function",
            Code::BadPortNumber => "Port number was not a decimal number between 0 and 65535",
            Code::NoScheme => "No scheme part in the URL",
            Code::NoUser => "No user part in the URL",
            Code::NoPassword => "No password part in the URL",
            Code::NoOptions => "No options part in the URL",
            Code::NoHost => "No host part in the URL",
            Code::NoPort => "No port part in the URL",
            Code::NoQuery => "No query part in the URL",
            Code::NoFragment => "No fragment part in the URL",
            Code::NoZoneid => "No zoneid part in the URL",
            Code::BadLogin => "Bad login part",
            Code::BadIpv6 => "Bad IPv6 address",
            Code::BadHostname => "Bad hostname",
            Code::BadFileUrl => "Bad file:// URL",
            Code::BadSlashes => "Unsupported number of slashes following scheme",
            Code::BadScheme => "Bad scheme",
            Code::BadPath => "Bad path",
            Code::BadFragment => "Bad fragment",
            Code::BadQuery => "Bad query",
            Code::BadPassword => "Bad password",
            Code::BadUser => "Bad user",
        }
    }
}

/// `CURLUPart`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Url,
    Scheme,
    User,
    Password,
    Options,
    Host,
    Port,
    Path,
    Query,
    Fragment,
    Zoneid,
}

type R<T> = Result<T, Code>;

/// `CURL_MAX_INPUT_LENGTH`.
const MAX_INPUT_LENGTH: usize = 8_000_000;
/// `MAX_SCHEME_LEN`.
const MAX_SCHEME_LEN: usize = 40;

/// `struct Curl_URL`: each part as stored, None when unset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Url {
    pub scheme: Option<Vec<u8>>,
    pub user: Option<Vec<u8>>,
    pub password: Option<Vec<u8>>,
    pub options: Option<Vec<u8>>,
    pub host: Option<Vec<u8>>,
    pub zoneid: Option<Vec<u8>>,
    pub port: Option<Vec<u8>>,
    pub path: Option<Vec<u8>>,
    pub query: Option<Vec<u8>>,
    pub fragment: Option<Vec<u8>>,
}

/// Whether the scheme takes `;options` in its login (PROTOPT_URLOPTIONS;
/// see the module docs).
fn has_url_options(scheme: &[u8]) -> bool {
    ["imap", "imaps", "pop3", "pop3s", "smtp", "smtps"].iter().any(|s| s.as_bytes().eq_ignore_ascii_case(scheme))
}

/// Whether libcurl has the scheme built in (`Curl_builtin_scheme`).
fn builtin(scheme: &[u8]) -> bool {
    [
        "dict", "file", "ftp", "ftps", "gopher", "gophers", "http", "https", "imap", "imaps", "ldap", "ldaps", "mqtt", "pop3", "pop3s",
        "rtmp", "rtmpe", "rtmps", "rtmpt", "rtmpte", "rtmpts", "rtsp", "scp", "sftp", "smb", "smbs", "smtp", "smtps", "telnet", "tftp",
    ]
    .iter()
    .any(|s| s.as_bytes().eq_ignore_ascii_case(scheme))
}

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
}

/// `junkscan`: control bytes (NUL aside, which a C string cannot hold),
/// DEL, or a space.
fn junk(part: &[u8]) -> bool {
    part.iter().any(|&c| (c < 0x20) || c == 0x7f || c == b' ')
}

/// `Curl_is_absolute_url` without guessing: the scheme's length (its bytes
/// before the `:`), 0 when there is none.
pub fn scheme_length(url: &[u8]) -> usize {
    let mut i = 0;
    while i < MAX_SCHEME_LEN {
        match url.get(i) {
            Some(&s) if is_alnum(s) || s == b'+' || s == b'-' || s == b'.' => i += 1,
            _ => break,
        }
    }
    if i > 0 && url.get(i) == Some(&b':') { i } else { 0 }
}

/// `STARTS_WITH_URL_DRIVE_PREFIX`.
fn drive_prefix(s: &[u8]) -> bool {
    s.first().is_some_and(|c| c.is_ascii_alphabetic()) && matches!(s.get(1), Some(b':' | b'|'))
}

fn find(s: &[u8], c: u8) -> Option<usize> {
    s.iter().position(|&b| b == c)
}

/// `dedotdotify`: RFC 3986 5.2.4 as curl does it, on a path without query
/// or fragment.
pub fn dedotdotify(input: &[u8]) -> Vec<u8> {
    if input.len() < 2 || !input.contains(&b'.') {
        return input.to_vec();
    }
    let mut out: Vec<u8> = Vec::with_capacity(input.len());
    let mut i = 0;
    let rest = |i: usize| &input[i..];
    loop {
        let r = rest(i);
        let mut dotdot = true;
        if r.first() == Some(&b'.') {
            if r.starts_with(b"./") {
                i += 2;
            } else if r.starts_with(b"../") {
                i += 3;
            } else if r == b"." || r == b".." {
                out.clear();
                break;
            } else {
                dotdot = false;
            }
        } else if r.first() == Some(&b'/') {
            if r.starts_with(b"/./") {
                i += 2;
            } else if r == b"/." {
                out.push(b'/');
                break;
            } else if r.starts_with(b"/../") {
                i += 3;
                // Remove the last segment and its preceding "/".
                let cut = out.iter().rposition(|&c| c == b'/').unwrap_or(0);
                out.truncate(cut);
            } else if r == b"/.." {
                let cut = out.iter().rposition(|&c| c == b'/').unwrap_or(0);
                out.truncate(cut);
                out.push(b'/');
                break;
            } else {
                dotdot = false;
            }
        } else {
            dotdot = false;
        }
        if !dotdot {
            // Move the first segment, with its leading "/", to the output.
            out.push(input[i]);
            i += 1;
            while i < input.len() && input[i] != b'/' {
                out.push(input[i]);
                i += 1;
            }
        }
        if i >= input.len() {
            break;
        }
    }
    out
}

/// `Curl_parse_login_details` with the host string cut at the first `@`:
/// user, password, options.
type Login = (Option<Vec<u8>>, Option<Vec<u8>>, Option<Vec<u8>>);

fn parse_login(host: &[u8], len: usize, with_options: bool) -> Login {
    // strchr over the whole string, then ignored past the login.
    let psep = find(host, b':').filter(|&p| p < len);
    let osep = if with_options { find(host, b';').filter(|&o| o < len) } else { None };
    let ulen = match (psep, osep) {
        (Some(p), Some(o)) if p > o => o,
        (Some(p), _) => p,
        (None, Some(o)) => o,
        (None, None) => len,
    };
    let password = psep.map(|p| {
        let end = match osep {
            Some(o) if o > p => o,
            _ => len,
        };
        host[p + 1..end].to_vec()
    });
    let options = osep.and_then(|o| {
        let end = match psep {
            Some(p) if p > o => p,
            _ => len,
        };
        (end - o - 1 > 0).then(|| host[o + 1..end].to_vec())
    });
    (Some(host[..ulen].to_vec()), password, options)
}

/// `strtol`/`strtoul` with base 10 on digits: the value (saturating) and
/// where the digits end.
fn decimal(s: &[u8]) -> (u64, usize) {
    let n = s.iter().take_while(|c| c.is_ascii_digit()).count();
    let v = s[..n].iter().fold(0u64, |v, d| v.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    (v, n)
}

/// `Curl_parse_port`: cuts the port off the host; the port as stored.
fn parse_port(host: &mut Vec<u8>, has_scheme: bool) -> R<Option<Vec<u8>>> {
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
fn inet_pton6(mut src: &[u8]) -> Option<[u8; 16]> {
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
fn inet_ntop6(src: &[u8; 16]) -> String {
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

/// `hostname_check`: checks a host (decoded), normalizing an IPv6 address
/// in brackets and taking its zone id off. Returns the zone id found.
fn hostname_check(host: &mut Vec<u8>) -> R<Option<Vec<u8>>> {
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
fn ipv4_normalize(host: &[u8]) -> Option<Vec<u8>> {
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

impl Url {
    /// `curl_url_set(h, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME)` on a
    /// fresh handle: `parseurl`.
    pub fn parse(url: &[u8]) -> R<Url> {
        let mut u = Url::default();
        if url.len() > MAX_INPUT_LENGTH {
            return Err(Code::MalformedInput);
        }
        let schemelen = scheme_length(url);
        let scheme = url[..schemelen].to_ascii_lowercase();
        let mut host: Vec<u8> = Vec::new();
        let path_start;
        if schemelen > 0 && scheme == b"file" {
            if url.len() <= 6 {
                return Err(Code::BadFileUrl);
            }
            let mut path = 5;
            u.scheme = Some(b"file".to_vec());
            if url[path..].starts_with(b"//") {
                let mut ptr = path + 2;
                if url.get(ptr) != Some(&b'/') && !drive_prefix(&url[ptr..]) {
                    let rest = &url[ptr..];
                    let prefixed = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
                    if prefixed(b"localhost/") || prefixed(b"127.0.0.1/") {
                        ptr += 9;
                    } else {
                        return Err(Code::BadFileUrl);
                    }
                }
                path = ptr;
            }
            let p = &url[path..];
            if (p.first() == Some(&b'/') && drive_prefix(&p[1..])) || drive_prefix(p) {
                return Err(Code::BadFileUrl);
            }
            path_start = path;
        } else {
            let mut p;
            if schemelen > 0 {
                p = schemelen + 1;
                let mut i = 0;
                while url.get(p) == Some(&b'/') && i < 4 {
                    p += 1;
                    i += 1;
                }
                if !(1..=3).contains(&i) {
                    return Err(Code::BadSlashes);
                }
                if junk(&scheme) {
                    return Err(Code::BadScheme);
                }
            } else {
                return Err(Code::BadScheme);
            }
            let hostp = p;
            while p < url.len() && !matches!(url[p], b'/' | b'?' | b'#') {
                p += 1;
            }
            if p == hostp {
                return Err(Code::NoHost);
            }
            host.extend_from_slice(&url[hostp..p]);
            path_start = p;
            u.scheme = Some(scheme);
        }
        let path = &url[path_start..];
        let fragment = find(path, b'#');
        let fraglen = fragment.map_or(0, |f| path.len() - f);
        if let Some(f) = fragment
            && fraglen > 1
        {
            let frag = path[f + 1..].to_vec();
            if junk(&frag) {
                return Err(Code::BadFragment);
            }
            u.fragment = Some(frag);
        }
        let query = find(path, b'?').filter(|&q| fragment.is_none_or(|f| q < f));
        let pathlen = match query {
            Some(q) => {
                let qlen = path.len() - q - fraglen;
                if qlen > 1 {
                    let qs = path[q + 1..q + qlen].to_vec();
                    if junk(&qs) {
                        return Err(Code::BadQuery);
                    }
                    u.query = Some(qs);
                } else {
                    u.query = Some(Vec::new());
                }
                q
            }
            None => path.len() - fraglen,
        };
        if pathlen > 1 {
            let p = &path[..pathlen];
            if junk(p) {
                return Err(Code::BadPath);
            }
            u.path = Some(dedotdotify(p));
        }
        if !host.is_empty() {
            let at = find(&host, b'@');
            if let Some(at) = at {
                let with_options = u.scheme.as_deref().is_some_and(has_url_options);
                let (user, password, options) = parse_login(&host, at, with_options);
                if user.as_deref().is_some_and(junk) {
                    return Err(Code::BadUser);
                }
                if password.as_deref().is_some_and(junk) {
                    return Err(Code::BadPassword);
                }
                if options.as_deref().is_some_and(junk) {
                    return Err(Code::BadLogin);
                }
                (u.user, u.password, u.options) = (user, password, options);
                host.drain(..at + 1);
            }
            u.port = parse_port(&mut host, schemelen > 0)?;
            if junk(&host) {
                return Err(Code::BadHostname);
            }
            if let Some(quad) = ipv4_normalize(&host) {
                host = quad;
            } else {
                if host.first() != Some(&b'[') && host.contains(&b'%') {
                    host = urldecode(&host, true).ok_or(Code::BadHostname)?;
                }
                u.zoneid = hostname_check(&mut host)?;
            }
            u.host = Some(host);
        }
        Ok(u)
    }

    /// `curl_url_set` of one part other than the URL: None clears it.
    pub fn set(&mut self, part: Part, value: Option<&[u8]>) -> R<()> {
        let Some(value) = value else {
            match part {
                Part::Url => *self = Url::default(),
                Part::Scheme => self.scheme = None,
                Part::User => self.user = None,
                Part::Password => self.password = None,
                Part::Options => self.options = None,
                Part::Host => self.host = None,
                Part::Zoneid => self.zoneid = None,
                Part::Port => self.port = None,
                Part::Path => self.path = None,
                Part::Query => self.query = None,
                Part::Fragment => self.fragment = None,
            }
            return Ok(());
        };
        if part == Part::Scheme && value.len() > MAX_SCHEME_LEN {
            return Err(Code::BadScheme);
        }
        if part == Part::Host {
            if value.iter().any(|c| b" \r\n".contains(c)) {
                return Err(Code::BadHostname);
            }
            self.zoneid = None;
        }
        if value.len() > MAX_INPUT_LENGTH {
            return Err(Code::MalformedInput);
        }
        // Without CURLU_URLENCODE: stored as given, `%XX` with an upper-case
        // hex digit lower-cased.
        let mut v = value.to_vec();
        let mut i = 0;
        while i < v.len() {
            if v[i] == b'%'
                && v.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && v.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
                && (v[i + 1].is_ascii_uppercase() || v[i + 2].is_ascii_uppercase())
            {
                v[i + 1] = v[i + 1].to_ascii_lowercase();
                v[i + 2] = v[i + 2].to_ascii_lowercase();
                i += 3;
            } else {
                i += 1;
            }
        }
        let slot = match part {
            Part::Scheme => &mut self.scheme,
            Part::User => &mut self.user,
            Part::Password => &mut self.password,
            Part::Options => &mut self.options,
            Part::Host => {
                let mut host = v;
                match hostname_check(&mut host) {
                    Ok(Some(zone)) => self.zoneid = Some(zone),
                    Ok(None) => {}
                    Err(_) => return Err(Code::BadHostname),
                }
                self.host = Some(host);
                return Ok(());
            }
            Part::Zoneid => &mut self.zoneid,
            Part::Path => &mut self.path,
            Part::Query => &mut self.query,
            Part::Fragment => &mut self.fragment,
            Part::Port | Part::Url => unreachable!("sqlite-url sets neither"),
        };
        *slot = Some(v);
        Ok(())
    }

    /// `curl_url_get` without flags.
    pub fn get(&mut self, part: Part) -> R<Vec<u8>> {
        let (value, missing) = match part {
            Part::Scheme => (&self.scheme, Code::NoScheme),
            Part::User => (&self.user, Code::NoUser),
            Part::Password => (&self.password, Code::NoPassword),
            Part::Options => (&self.options, Code::NoOptions),
            Part::Host => (&self.host, Code::NoHost),
            Part::Zoneid => (&self.zoneid, Code::NoZoneid),
            Part::Port => (&self.port, Code::NoPort),
            Part::Path => return Ok(self.path.get_or_insert_with(|| b"/".to_vec()).clone()),
            Part::Query => (&self.query, Code::NoQuery),
            Part::Fragment => (&self.fragment, Code::NoFragment),
            Part::Url => return self.url(),
        };
        value.clone().ok_or(missing)
    }

    /// `curl_url_get(CURLUPART_URL)`.
    fn url(&mut self) -> R<Vec<u8>> {
        let mut out = Vec::new();
        if self.scheme.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(b"file")) {
            out.extend_from_slice(b"file://");
            // curl's printf writes a NULL string as "(nil)".
            out.extend_from_slice(self.path.as_deref().unwrap_or(b"(nil)"));
            if let Some(f) = &self.fragment {
                out.push(b'#');
                out.extend_from_slice(f);
            }
            return Ok(out);
        }
        let Some(host) = self.host.clone() else { return Err(Code::NoHost) };
        let Some(scheme) = self.scheme.clone() else { return Err(Code::NoScheme) };
        let options = if builtin(&scheme) && !has_url_options(&scheme) { None } else { self.options.clone() };
        let shown_host = if host.first() == Some(&b'[') {
            match &self.zoneid {
                Some(zone) => {
                    let mut h = host[..host.len() - 1].to_vec();
                    h.extend_from_slice(b"%25");
                    h.extend_from_slice(zone);
                    h.push(b']');
                    h
                }
                None => host,
            }
        } else if host.contains(&b'%') {
            let mut h = Vec::new();
            for &c in &host {
                if c == b'%' {
                    h.extend_from_slice(b"%25");
                } else {
                    h.push(c);
                }
            }
            // curl stores the encoded host back.
            self.host = Some(h.clone());
            h
        } else {
            host
        };
        out.extend_from_slice(&scheme);
        out.extend_from_slice(b"://");
        if let Some(user) = &self.user {
            out.extend_from_slice(user);
        }
        if let Some(password) = &self.password {
            out.push(b':');
            out.extend_from_slice(password);
        }
        if let Some(options) = &options {
            out.push(b';');
            out.extend_from_slice(options);
        }
        if self.user.is_some() || self.password.is_some() || options.is_some() {
            out.push(b'@');
        }
        out.extend_from_slice(&shown_host);
        if let Some(port) = &self.port {
            out.push(b':');
            out.extend_from_slice(port);
        }
        match &self.path {
            Some(p) => {
                if p.first() != Some(&b'/') {
                    out.push(b'/');
                }
                out.extend_from_slice(p);
            }
            None => out.push(b'/'),
        }
        if let Some(q) = self.query.as_ref().filter(|q| !q.is_empty()) {
            out.push(b'?');
            out.extend_from_slice(q);
        }
        if let Some(f) = &self.fragment {
            out.push(b'#');
            out.extend_from_slice(f);
        }
        Ok(out)
    }
}
