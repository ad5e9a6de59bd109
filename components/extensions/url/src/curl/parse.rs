//! Parsing a whole URL: `curl_url_set(CURLUPART_URL)` on a fresh handle
//! (`parseurl`), with the scheme, `file:` drive and login rules it uses.

use super::host::{hostname_check, ipv4_normalize, parse_port};
use super::{Code, MAX_INPUT_LENGTH, MAX_SCHEME_LEN, R, Url, dedotdotify, find, has_url_options, junk, urldecode};

fn is_alnum(c: u8) -> bool {
    c.is_ascii_alphanumeric()
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
}
