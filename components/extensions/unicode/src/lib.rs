//! Unicode support: case mapping, case folding, accent removal, a LIKE that
//! ignores case and accents, and a Unicode-aware NOCASE collation
//! (sqlean-compatible: same names, arguments and results).

mod like;
mod text;

/// Unicode support: upper, lower, casefold, unaccent, a case- and
/// accent-insensitive LIKE, and a Unicode-aware NOCASE collation.
#[sqlink_sdk::extension(name = "unicode")]
mod unicode_ext {
    use sqlink_sdk::prelude::*;

    /// Converts text to upper case, for all of Unicode: `upper('привет')` is
    /// `ПРИВЕТ`.
    ///
    /// Each character maps to one character (Unicode's simple case mapping),
    /// so `ß` stays `ß`. Overriding SQLite's ASCII-only `upper` needs the name
    /// pinned; `nupper` is the same function under a name nothing else uses.
    #[function(deterministic, innocuous, alias = "nupper")]
    pub(crate) fn upper(x: &Value) -> Value {
        super::map_text(x, crate::text::upper)
    }

    /// Converts text to lower case, for all of Unicode: `lower('ПРИВЕТ')` is
    /// `привет`.
    ///
    /// Each character maps to one character (Unicode's simple case mapping),
    /// so a final `Σ` becomes `σ`. `nlower` is the same function under a name
    /// nothing else uses.
    #[function(deterministic, innocuous, alias = "nlower")]
    pub(crate) fn lower(x: &Value) -> Value {
        super::map_text(x, crate::text::lower)
    }

    /// Folds the case of text for caseless comparison (Unicode simple case
    /// folding): `casefold('ΣΊΣΥΦΟΣ')` is `σίσυφοσ`.
    #[function(deterministic, innocuous)]
    pub(crate) fn casefold(x: &Value) -> Value {
        super::map_text(x, crate::text::casefold)
    }

    /// Removes accents and other diacritics from text: `unaccent('hôtel')` is
    /// `hotel`.
    ///
    /// Letters lose their combining marks (`é` → `e`, `й` → `и`), letters with
    /// a stroke or hook become their base letter (`ø` → `o`, `ł` → `l`), the
    /// ligatures `æ` and `œ` become `ae` and `oe`, and compatibility characters
    /// become their plain forms (`ﬁ` → `fi`, `²` → `2`).
    #[function(deterministic, innocuous)]
    pub(crate) fn unaccent(x: &Value) -> Value {
        super::map_text(x, crate::text::unaccent)
    }

    /// Matches text against a LIKE pattern ignoring case and accents, for all of
    /// Unicode: `like('пРиВ_Т', 'привет')` is 1. The pattern comes first.
    ///
    /// `%` matches any sequence of characters and `_` any one character. With
    /// `like` pinned, the `LIKE` operator uses it: `'привет' LIKE 'пРиВ_Т'`.
    #[function(name = "like", deterministic, innocuous, alias = "nlike")]
    pub(crate) fn like2(pattern: &Value, text: &Value) -> Result<Option<bool>> {
        super::like_values(pattern, text, None)
    }

    /// Matches text against a LIKE pattern with an escape character, ignoring
    /// case and accents: `like('100\%', '100%', '\')` is 1.
    ///
    /// The escape character makes the `%`, `_` or escape character after it
    /// match literally; it must be a single character. The operator form is
    /// `text LIKE pattern ESCAPE '\'`.
    #[function(name = "like", deterministic, innocuous, alias = "nlike")]
    pub(crate) fn like3(pattern: &Value, text: &Value, escape: &Value) -> Result<Option<bool>> {
        if escape.is_null() {
            return Ok(None);
        }
        super::like_values(pattern, text, Some(escape))
    }

    /// The version of Unicode the extension's data follows, e.g. `18.0.0`.
    ///
    /// It is the version of the normalization tables; sqlean reports its own
    /// table version, `5.1.0.12`.
    #[function(deterministic, innocuous)]
    pub(crate) fn unicode_version() -> String {
        crate::text::unicode_version()
    }

    /// Case- and accent-insensitive ordering for all of Unicode: `'Ärger'`
    /// sorts with `'arger'` and `'ARGER'`, before `'b'`.
    ///
    /// Texts compare by code point after case folding and accent removal, so
    /// `'É' = 'e' COLLATE NOCASE`. Replacing SQLite's ASCII-only NOCASE needs
    /// the name pinned.
    #[collation(name = "NOCASE", key)]
    pub(crate) fn nocase(s: &str) -> String {
        crate::text::nocase_key(s)
    }
}

use sqlink_sdk::{Error, Result, Value};
use std::borrow::Cow;

/// Applies a text transformation to a SQL value: NULL stays NULL, numbers are
/// converted as SQLite converts them to text, and bytes that are not valid
/// UTF-8 pass through unchanged. The result is always TEXT.
fn map_text(x: &Value, f: fn(&str, &mut String)) -> Value {
    let Some(bytes) = x.to_text_bytes() else { return Value::Null };
    let mut out = String::with_capacity(bytes.len());
    if let Ok(s) = std::str::from_utf8(&bytes) {
        f(s, &mut out);
        return Value::Text(out.into_bytes());
    }
    let mut raw = Vec::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.clear();
        f(chunk.valid(), &mut out);
        raw.extend_from_slice(out.as_bytes());
        raw.extend_from_slice(chunk.invalid());
    }
    Value::Text(raw)
}

/// A SQL value as text (NULL as None); invalid UTF-8 is decoded lossily.
fn text_of(x: &Value) -> Option<Cow<'_, str>> {
    x.to_text_bytes().map(|bytes| match bytes {
        Cow::Borrowed(b) => String::from_utf8_lossy(b),
        Cow::Owned(b) => Cow::Owned(String::from_utf8_lossy(&b).into_owned()),
    })
}

/// `like(pattern, text[, escape])` with SQLite's argument rules: NULL gives
/// NULL, the pattern is at most 50,000 bytes and the escape is one character.
fn like_values(pattern: &Value, text: &Value, escape: Option<&Value>) -> Result<Option<bool>> {
    let (Some(pattern), Some(text)) = (text_of(pattern), text_of(text)) else { return Ok(None) };
    if pattern.len() > like::MAX_PATTERN_BYTES {
        return Err(Error::new("LIKE or GLOB pattern too complex"));
    }
    let escape = match escape.and_then(text_of) {
        None => None,
        Some(e) => {
            let mut chars = e.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some(c),
                _ => return Err(Error::new("ESCAPE expression must be a single character")),
            }
        }
    };
    Ok(Some(like::like(&pattern, &text, escape)))
}

#[cfg(test)]
mod tests;
