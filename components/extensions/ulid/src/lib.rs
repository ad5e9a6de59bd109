//! ULIDs: 128-bit identifiers whose first 48 bits are a unix time in
//! milliseconds and whose other 80 are random, written as 26 characters of
//! Crockford base32 or kept as a 16-byte blob.
//!
//! Compatible with asg017/sqlite-ulid 0.2.2-alpha.1: same names, arguments
//! and results, from the same crates (`ulid` for the encoding, `chrono` for
//! the `YYYY-MM-DD HH:MM:SS.SSS` datetimes, with the reference's format
//! string). Text ULIDs come out lower-case; any case is read. Arguments are
//! read the way the reference's `sqlite-loadable` reads them: as text, NULL
//! is `''` and a number its SQLite text; as a blob, NULL is empty and a
//! number its text's bytes; text that is not UTF-8 is the error `utf8 err`.
//!
//! Flags as the reference's: the generators (`ulid`, `ulid_bytes`,
//! `ulid_with_prefix`, `ulid_with_datetime`, at every arity) are
//! non-deterministic; `ulid_datetime`, `ulid_version` and `ulid_debug` are
//! deterministic.
//!
//! Differences: where the reference panics (and so takes the process down)
//! this returns an error: `ulid_with_datetime` of a time before 1970
//! (`ulid_with_datetime(): ... before 1970 ...`). `ulid_version()` is this
//! extension's version and `ulid_debug()` names this build instead of a git
//! commit (three lines, as the reference's).

mod time;

/// ULIDs: generate them as text or 16-byte blobs, with a prefix or a given
/// time, and read their time back.
#[sqlink_sdk::extension(name = "ulid")]
mod ulid_ext {
    use crate::time;
    use sqlink_sdk::prelude::*;
    use ulid::Ulid;

    /// `v` and this extension's version, e.g. `v0.1.0`.
    #[function(deterministic)]
    fn ulid_version() -> String {
        format!("v{}", env!("CARGO_PKG_VERSION"))
    }

    /// Three lines: `Version: v...`, `Source: ...` (the build) and an empty
    /// one, as the reference's.
    #[function(deterministic)]
    fn ulid_debug() -> String {
        format!("Version: v{}\nSource: sqlink ulid, compatible with sqlite-ulid v0.2.2-alpha.1\n", env!("CARGO_PKG_VERSION"))
    }

    /// A new ULID as 26 lower-case characters; with an argument, the text
    /// form of that 16-byte ULID blob instead (text of 16 bytes is read as
    /// its bytes); the error `invalid BLOB input to ulid()` for any other
    /// length, NULL included.
    #[function]
    fn ulid(#[optional] blob: Option<&Value>) -> Result<String> {
        let id = match blob {
            None => crate::new_ulid(),
            Some(v) => crate::from_blob(v).ok_or_else(|| Error::new("invalid BLOB input to ulid()"))?,
        };
        Ok(crate::lower(id))
    }

    /// A new ULID as a 16-byte blob; with an argument, the blob of that text
    /// ULID (any case) instead; an error (`invalid ULID input to
    /// ulid_bytes(): invalid length` or `... invalid character`) if it is
    /// not one, NULL included.
    #[function]
    fn ulid_bytes(#[optional] text: Option<&Value>) -> Result<Vec<u8>> {
        let id = match text {
            None => crate::new_ulid(),
            Some(v) => Ulid::from_string(&crate::text_of(v)?).map_err(|e| Error::new(format!("invalid ULID input to ulid_bytes(): {e}")))?,
        };
        Ok(id.0.to_be_bytes().to_vec())
    }

    /// A new ULID with `prefix` and `_` before it, all lower-cased
    /// (`ulid_with_prefix('Cus')` is `cus_01...`); NULL is the empty prefix.
    #[function]
    fn ulid_with_prefix(prefix: &Value) -> Result<String> {
        Ok(format!("{}_{}", crate::text_of(prefix)?, crate::new_ulid()).to_lowercase())
    }

    /// A new ULID for the time `datetime`, text in the
    /// `YYYY-MM-DD HH:MM:SS.SSS` format (UTC, exactly three fraction
    /// digits), lower-case; an error naming the format if it does not parse
    /// (NULL included), and for a time before 1970.
    #[function]
    fn ulid_with_datetime(datetime: &Value) -> Result<String> {
        let ms = time::parse_millis(&crate::text_of(datetime)?)?;
        Ok(crate::lower(crate::ulid_at(ms)))
    }

    /// The time of a ULID (26-character text, text with a `prefix_`, or a
    /// 16-byte blob) as `YYYY-MM-DD HH:MM:SS.SSS` text (UTC); an error for
    /// anything else: `invalid ULID input to ulid_datetime(): ...`,
    /// `invalid BLOB input to ulid_datetime()`, or for NULL and numbers
    /// `unsupported input for ulid_datetime`.
    #[function(deterministic)]
    fn ulid_datetime(id: &Value) -> Result<String> {
        let id = match id {
            Value::Text(_) => {
                let text = crate::text_of(id)?;
                // Longer than a ULID: what follows the last '_' (if any).
                let text = if text.len() > ulid::ULID_LEN { text.rsplit_once('_').map_or(&*text, |(_, u)| u) } else { &text };
                Ulid::from_string(text).map_err(|e| Error::new(format!("invalid ULID input to ulid_datetime(): {e}")))?
            }
            Value::Blob(_) => crate::from_blob(id).ok_or_else(|| Error::new("invalid BLOB input to ulid_datetime()"))?,
            _ => return Err(Error::new("unsupported input for ulid_datetime")),
        };
        Ok(time::format_millis(id.timestamp_ms()))
    }
}

use sqlink_sdk::{Error, Value};
use std::borrow::Cow;
use ulid::Ulid;

/// The text form sqlite-ulid returns: lower-case.
fn lower(id: Ulid) -> String {
    id.to_string().to_lowercase()
}

/// A ULID for now.
fn new_ulid() -> Ulid {
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64);
    ulid_at(ms)
}

/// A ULID for `ms` (kept to its low 48 bits, as the `ulid` crate does) with
/// 80 random bits.
fn ulid_at(ms: u64) -> Ulid {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).expect("the host provides random bytes");
    Ulid::from_parts(ms, u128::from_be_bytes(random))
}

/// A value read as a blob (`sqlite3_value_blob`): NULL is empty, a number
/// its text; then a ULID if that is 16 bytes.
fn from_blob(v: &Value) -> Option<Ulid> {
    let bytes = v.to_text_bytes().unwrap_or_default();
    let bytes: [u8; 16] = bytes.as_ref().try_into().ok()?;
    Some(Ulid(u128::from_be_bytes(bytes)))
}

/// A value read as text the way sqlite-loadable's `value_text` does: NULL is
/// `''`, a number its SQLite text, bytes that are not UTF-8 `utf8 err`.
fn text_of(v: &Value) -> Result<Cow<'_, str>, Error> {
    match v.to_text_bytes() {
        None => Ok(Cow::Borrowed("")),
        Some(Cow::Borrowed(b)) => std::str::from_utf8(b).map(Cow::Borrowed).map_err(|_| Error::new("utf8 err")),
        Some(Cow::Owned(b)) => String::from_utf8(b).map(Cow::Owned).map_err(|_| Error::new("utf8 err")),
    }
}

#[cfg(test)]
mod tests;
