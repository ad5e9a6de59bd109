//! URLs, compatible with asg017/sqlite-url v0.1.0 (commit 19cf842), which
//! wraps libcurl's URL API (`curl_url`): same names, arguments, results,
//! errors, columns and rowids. `curl.rs` is that API (libcurl 7.88.1)
//! ported step for step, so URLs read as curl reads them, not as the
//! WHATWG URL standard (or the `url` crate) does: see its docs.
//!
//! * `url_valid(url)`: 1 if curl parses it, else 0 (a scheme and `//`
//!   are needed: `not`, `mailto:x` are 0; `url_valid(NULL)` is 1, as
//!   curl's "clear the handle" succeeds).
//! * `url_scheme`, `url_user`, `url_password`, `url_options`, `url_host`,
//!   `url_port`, `url_path`, `url_query`, `url_fragment`, `url_zoneid`:
//!   the part as curl stores it (scheme lower-cased; host percent-decoded,
//!   IPv4 numbers normalized, IPv6 compressed; path with dot segments
//!   removed and `/` when empty; port as written, NULL when not given);
//!   NULL when the URL does not parse or has no such part (a `?` alone is
//!   an empty query, a `#` alone no fragment). A NULL URL reads as an
//!   empty one: every part NULL but the path, `/`.
//! * `url(url, name1, value1, ...)`: the URL (when not NULL or `''`) with
//!   each named part (`scheme`, `host`, `path`, `query`, `fragment`,
//!   `user`, `password`, `options`, `zoneid`, any case) set to its value,
//!   raw (NULL clears it), then put back together as curl does.
//! * `url_escape(text)`, `url_unescape(text)`: `curl_easy_escape` (all but
//!   `A-Za-z0-9-._~` as `%XX`) and `curl_easy_unescape` (`%XX` decoded,
//!   `+` left alone).
//! * `url_querystring(name1, value1, ...)`: `name=value` pairs, escaped,
//!   joined by `&`.
//! * `url_query_each(query)`: one row per `&`-separated sequence, `name`
//!   and `value` decoded (`+` as a space); hidden `query` and
//!   `raw_sequence`; rowids from 0.
//! * `url_version()`, `url_debug()`.
//!
//! Quirks kept from sqlite-url: `url_query_each`'s name of a sequence
//! without `=` that is followed by another keeps its `&` (`a&b` gives the
//! name `a&`); a value that is empty because
//! the sequence ends `=&` decodes the rest of the query string instead
//! (curl takes length 0 as "up to the NUL"); `query` shows `+` turned into
//! spaces up to the current row.
//!
//! Differences: the value of such a sequence (`a` in `a&b`) is `''`, where
//! sqlite-url passes curl a length of -1 and fails with `out of memory`
//! when the value is read. sqlite-url crashes on `url_escape(NULL)`,
//! `url_unescape(NULL)` (here NULL) and a NULL name or value in
//! `url_querystring` (here `''`), and reads past its arguments when
//! `url_querystring` has an odd number of them (here an error). `options`
//! follow Debian 12's libcurl 7.88.1 (see curl.rs). Reference outputs:
//! `testdata/url.sql` and `testdata/vectors.txt` (made by
//! `testdata/gen.sh`).

pub mod curl;
mod table;

/// sqlite-url: URLs read, built and escaped as libcurl's URL API does.
#[sqlink_sdk::extension(name = "url")]
mod url_ext {
    use crate::curl::{Part, Url, escape, urldecode};
    use sqlink_sdk::prelude::*;

    /// The version of sqlite-url this extension is compatible with,
    /// `v0.1.0`.
    #[function(deterministic, innocuous)]
    fn url_version() -> &'static str {
        super::VERSION
    }

    /// Four lines: `Version:`, `Date:`, `Source:` and `libcurl:`.
    #[function(deterministic, innocuous)]
    fn url_debug() -> String {
        format!(
            "Version: {}\nDate: {}\nSource: sqlink-ext-url {} (compatible with asg017/sqlite-url {})\nlibcurl: URL API of libcurl/7.88.1, ported to Rust",
            super::VERSION,
            super::REFERENCE_DATE,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT
        )
    }

    /// The URL with the named parts set: `url(url, name1, value1, ...)`.
    #[function(deterministic, innocuous)]
    fn url(args: &[Value]) -> Result<Value> {
        if args.len() % 2 != 1 {
            return Err(Error::new("url() requires odd number of arguments"));
        }
        let mut u = Url::default();
        let first = args[0].to_text_bytes().unwrap_or_default();
        if !first.is_empty() {
            let text = super::c_text(Some(&args[0])).unwrap_or_default();
            u = Url::parse(&text).map_err(|_| Error::new("Error initializating URL in the first argument"))?;
        }
        for pair in args[1..].chunks(2) {
            let name = super::c_text(Some(&pair[0])).unwrap_or_default();
            let value = super::c_text(Some(&pair[1]));
            let part = match name.to_ascii_lowercase().as_slice() {
                b"host" => Part::Host,
                b"path" => Part::Path,
                b"scheme" => Part::Scheme,
                b"query" => Part::Query,
                b"fragment" => Part::Fragment,
                b"user" => Part::User,
                b"password" => Part::Password,
                b"options" => Part::Options,
                b"zoneid" => Part::Zoneid,
                _ => return Err(Error::new(format!("unknown url part '{}'", String::from_utf8_lossy(&name)))),
            };
            u.set(part, value.as_deref()).map_err(|code| {
                let label = String::from_utf8_lossy(&name).to_ascii_lowercase();
                Error::new(if part == Part::Scheme { code.message().to_string() } else { format!("Invalid '{label}' value") })
            })?;
        }
        u.get(Part::Url).map(Value::Text).map_err(|code| Error::new(code.message()))
    }

    /// 1 if libcurl's URL API parses the URL, 0 otherwise.
    #[function(deterministic, innocuous)]
    fn url_valid(url: Option<&Value>) -> i64 {
        match super::c_text(url) {
            Some(text) => Url::parse(&text).is_ok().into(),
            // curl_url_set with NULL clears the handle, and succeeds.
            None => 1,
        }
    }

    /// The host of the URL (percent-decoded); NULL when it has none.
    #[function(deterministic, innocuous)]
    fn url_host(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Host)
    }

    /// The scheme of the URL, lower-cased.
    #[function(deterministic, innocuous)]
    fn url_scheme(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Scheme)
    }

    /// The path of the URL, dot segments removed; `/` when empty.
    #[function(deterministic, innocuous)]
    fn url_path(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Path)
    }

    /// The query of the URL, without its `?`; NULL when it has none.
    #[function(deterministic, innocuous)]
    fn url_query(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Query)
    }

    /// The fragment of the URL, without its `#`; NULL when empty or none.
    #[function(deterministic, innocuous)]
    fn url_fragment(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Fragment)
    }

    /// The user of the URL's login.
    #[function(deterministic, innocuous)]
    fn url_user(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::User)
    }

    /// The password of the URL's login.
    #[function(deterministic, innocuous)]
    fn url_password(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Password)
    }

    /// The options of the URL's login (`imap://user;options@host`).
    #[function(deterministic, innocuous)]
    fn url_options(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Options)
    }

    /// The port of the URL as written (without leading zeros); NULL when
    /// not given.
    #[function(deterministic, innocuous)]
    fn url_port(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Port)
    }

    /// The zone id of an IPv6 host (`http://[fe80::1%25eth0]/`).
    #[function(deterministic, innocuous)]
    fn url_zoneid(url: Option<&Value>) -> Option<Value> {
        super::part(url, Part::Zoneid)
    }

    /// The text with all but `A-Za-z0-9-._~` as `%XX`.
    #[function(deterministic, innocuous)]
    fn url_escape(text: &Value) -> Option<Value> {
        text.to_text_bytes().map(|t| Value::Text(escape(&t)))
    }

    /// The text with `%XX` decoded.
    #[function(deterministic, innocuous)]
    fn url_unescape(text: &Value) -> Option<Value> {
        text.to_text_bytes().map(|t| Value::Text(urldecode(&t, false).expect("no rejection")))
    }

    /// `name1=value1&name2=value2...`, each name and value escaped.
    #[function(deterministic, innocuous)]
    fn url_querystring(args: &[Value]) -> Result<Value> {
        if args.len() < 2 {
            return Err(Error::new("at least 2 arguments are required for url_querystring"));
        }
        if !args.len().is_multiple_of(2) {
            return Err(Error::new("url_querystring() requires an even number of arguments"));
        }
        let mut out = Vec::new();
        for (i, pair) in args.chunks(2).enumerate() {
            if i > 0 {
                out.push(b'&');
            }
            out.extend(escape(&pair[0].to_text_bytes().unwrap_or_default()));
            out.push(b'=');
            out.extend(escape(&pair[1].to_text_bytes().unwrap_or_default()));
        }
        Ok(Value::Text(out))
    }

    /// The sequences of a query string, one row each: `name` and `value`
    /// decoded, hidden `query` and `raw_sequence`, rowids from 0.
    #[vtab(name = "url_query_each", eponymous_only)]
    pub type UrlQueryEach = crate::table::QueryEach;
}

use curl::{Part, Url};
use sqlink_sdk::Value;

/// The sqlite-url version `url_version()` reports.
const VERSION: &str = "v0.1.0";
/// The sqlite-url commit this follows, and its date.
const REFERENCE_COMMIT: &str = "19cf842b1a5f44a9c23ad0d396d167f004c6eb7f";
const REFERENCE_DATE: &str = "2023-07-23T23:07:52-0700";

/// `sqlite3_value_text` as a C string: up to the first NUL; None for NULL.
fn c_text(value: Option<&Value>) -> Option<Vec<u8>> {
    let bytes = value?.to_text_bytes()?;
    Some(bytes.iter().copied().take_while(|&b| b != 0).collect())
}

/// sqlite-url's `resultPart`: parse, then get the part; NULL on any error.
fn part(url: Option<&Value>, part: Part) -> Option<Value> {
    let mut u = match c_text(url) {
        Some(text) => Url::parse(&text).ok()?,
        None => Url::default(),
    };
    u.get(part).ok().map(Value::Text)
}

#[cfg(test)]
mod tests;
