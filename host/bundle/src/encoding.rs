//! The canonical text of a bundle, one line per extension:
//!
//! ```text
//! sqlink-bundle 1
//! extension 6d87cca0…44fc prefix=u grants=spi pins=upper,lower mem=67108864 timeout=500
//! ```
//!
//! Lines are ordered by blob hash and keys always come in this order; a key
//! is left out when it has no value. Values are percent-encoded where they
//! hold a byte outside `A-Za-z0-9` and `_-./:@+*` (a space, a comma, `=`,
//! `%`, non-ASCII), so any directory name survives and the text stays one
//! token per value.

use crate::{Bundle, Member};
use std::fmt::Write;

/// The first line, with the format's version.
const HEADER: &str = "sqlink-bundle 1";

/// Why a bundle's text or members were refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleError(pub String);

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BundleError {}

/// Refuses a value the text cannot carry faithfully.
pub(crate) fn check_value(value: &str) -> Result<(), BundleError> {
    if value.is_empty() {
        return Err(BundleError("a bundle value (prefix, grant or pin) is empty".into()));
    }
    if value.chars().any(char::is_control) {
        return Err(BundleError(format!("{value:?}: a bundle value has a control character")));
    }
    Ok(())
}

pub(crate) fn encode(bundle: &Bundle) -> String {
    let mut out = format!("{HEADER}\n");
    for m in bundle.members() {
        write!(out, "extension {}", m.blob).unwrap();
        if let Some(p) = &m.prefix {
            write!(out, " prefix={}", escape(p)).unwrap();
        }
        for (key, list) in [("grants", &m.grants), ("pins", &m.pins)] {
            if !list.is_empty() {
                let joined: Vec<String> = list.iter().map(|v| escape(v)).collect();
                write!(out, " {key}={}", joined.join(",")).unwrap();
            }
        }
        if let Some(mem) = m.memory {
            write!(out, " mem={mem}").unwrap();
        }
        if let Some(t) = m.timeout_ms {
            write!(out, " timeout={t}").unwrap();
        }
        out.push('\n');
    }
    out
}

pub(crate) fn decode(text: &str) -> Result<Vec<Member>, BundleError> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, HEADER)) => {}
        Some((_, first)) if first.starts_with("sqlink-bundle ") => {
            return Err(BundleError(format!("line 1: `{first}`: this sqlink reads bundles of format 1; upgrade sqlink to read it")));
        }
        _ => return Err(BundleError(format!("line 1: a bundle starts with `{HEADER}`"))),
    }
    let mut members = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let at = |what: String| BundleError(format!("line {}: {what}", i + 1));
        let mut words = line.split(' ').filter(|w| !w.is_empty());
        if words.next() != Some("extension") {
            return Err(at(format!("`{line}`: expected `extension HASH [key=value]...`")));
        }
        let hash = words.next().ok_or_else(|| at("no blob hash after `extension`".into()))?;
        let blob = blake3::Hash::from_hex(hash).map_err(|_| at(format!("`{hash}` is not a blake3 hash (64 hex digits)")))?;
        let mut m = Member::new(blob);
        for word in words {
            let (key, value) = word.split_once('=').ok_or_else(|| at(format!("`{word}`: expected key=value")))?;
            let number = |v: &str| v.parse::<u64>().map_err(|_| at(format!("{key}={v}: expected a whole number")));
            match key {
                "prefix" => m.prefix = Some(unescape(value).map_err(at)?),
                "grants" => m.grants = list(value).map_err(at)?,
                "pins" => m.pins = list(value).map_err(at)?,
                "mem" => m.memory = Some(number(value)?),
                "timeout" => m.timeout_ms = Some(number(value)?),
                _ => return Err(at(format!("unknown key `{key}` (expected prefix, grants, pins, mem or timeout)"))),
            }
        }
        members.push(m);
    }
    Ok(members)
}

fn list(value: &str) -> Result<Vec<String>, String> {
    value.split(',').map(unescape).collect()
}

/// Whether a byte stands for itself in the text.
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"_-./:@+*".contains(&b)
}

fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for &b in value.as_bytes() {
        if plain(b) {
            out.push(b as char);
        } else {
            write!(out, "%{b:02X}").unwrap();
        }
    }
    out
}

fn unescape(value: &str) -> Result<String, String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = value.get(i + 1..i + 3).ok_or_else(|| format!("`{value}`: `%` must be followed by two hex digits"))?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| format!("`{value}`: `%{hex}` is not a hex byte"))?);
                i += 3;
            }
            b if plain(b) => {
                out.push(b);
                i += 1;
            }
            b => return Err(format!("`{value}`: byte {b:#04x} must be written %{b:02X}")),
        }
    }
    String::from_utf8(out).map_err(|_| format!("`{value}`: not UTF-8 once decoded"))
}
