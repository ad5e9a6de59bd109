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
//!
//! One concept a module: `parse` (a whole URL), `parts` (setting,
//! getting and putting a URL back together), `path` (dot segments),
//! `host` (port, host name, IPv4 numbers), `inet` (IPv6 and dotted
//! quad text), `escape` (percent-encoding).

mod escape;
mod host;
mod inet;
mod parse;
mod parts;
mod path;

pub use escape::{escape, urldecode};
pub use parse::scheme_length;
pub use path::dedotdotify;

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

/// `junkscan`: control bytes (NUL aside, which a C string cannot hold),
/// DEL, or a space.
fn junk(part: &[u8]) -> bool {
    part.iter().any(|&c| (c < 0x20) || c == 0x7f || c == b' ')
}

fn find(s: &[u8], c: u8) -> Option<usize> {
    s.iter().position(|&b| b == c)
}
