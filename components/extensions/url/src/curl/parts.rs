//! One part at a time: `curl_url_set` of a part, `curl_url_get`, and the
//! URL put back together (`curl_url_get(CURLUPART_URL)`).

use super::host::hostname_check;
use super::{Code, MAX_INPUT_LENGTH, MAX_SCHEME_LEN, Part, R, Url, builtin, has_url_options};

impl Url {
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
