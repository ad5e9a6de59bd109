//! Removes accents and diacritics from text (compatible with PostgreSQL's
//! contrib unaccent 17 and its default `unaccent` dictionary: same name,
//! arguments and results).
//!
//! The default rules file, unaccent.rules, is not copied: build.rs
//! generates an equivalent table from Unicode data (decompositions and
//! character names, from the `unicode-normalization` and `unicode_names2`
//! crates) and from src/cldr.tsv, the CLDR Latin-ASCII transliterations
//! that Unicode data does not give, as PostgreSQL's
//! generate_unaccent_rules.py does. A unit test compares the table with
//! PostgreSQL's file when testdata/fetch-rules.sh has put it in
//! components/target/.
//!
//! Gaps: only the default dictionary (`unaccent`, also `public.unaccent`)
//! exists; custom rules files are not supported. Of the 1650 rules of
//! PostgreSQL 15.20's unaccent.rules, the generated table has 1642: U+210C
//! gives `H` (as PostgreSQL's current regression test expects, not `x`),
//! and it lacks 7 (ƕ, Ƣ, ƣ, ɶ, ᴁ, ᵫ, ᵺ). It also maps about 110 characters
//! that file leaves alone (letters added in later Unicode versions, such as
//! U+A7C0 to U+A7CD and U+AB30 to U+AB6F, and compatibility forms such as
//! ™, ≠ and ㎡).

mod rules;

/// Removes accents and diacritics from text, like PostgreSQL's unaccent.
#[sqlink_sdk::extension(name = "unaccent")]
mod unaccent_ext {
    use sqlink_sdk::prelude::*;

    /// The text with accents and diacritics removed, letters with hooks,
    /// ligatures and typographic symbols replaced by plain ASCII, per the
    /// default rules: `unaccent('Hôtel')` is `Hotel`, `unaccent('ℌ')` is
    /// `H`, `unaccent('½')` is ` 1/2`. Called as `unaccent(text)` or
    /// `unaccent(dictionary, text)`, where the dictionary must be
    /// `unaccent`. NULL if an argument is NULL; numbers are read as their
    /// text; an error for an unknown dictionary (`text search dictionary
    /// "x" does not exist`) and for text that is not UTF-8.
    #[function(deterministic, innocuous)]
    fn unaccent(first: &Value, #[optional] second: Option<&Value>) -> Result<Option<String>> {
        let text = match second {
            None => first,
            Some(text) => {
                let Some(dict) = super::text_of(first)? else { return Ok(None) };
                super::check_dictionary(&dict)?;
                text
            }
        };
        Ok(super::text_of(text)?.map(|t| super::rules::unaccent(&t)))
    }

    #[cfg(test)]
    include!("golden_tests.rs");
}

use sqlink_sdk::{Error, Value};

/// An argument's text, as PostgreSQL would see it; None for NULL.
fn text_of(v: &Value) -> Result<Option<String>, Error> {
    let bytes = match v {
        Value::Null => return Ok(None),
        Value::Integer(i) => return Ok(Some(i.to_string())),
        Value::Real(r) => return Ok(Some(format_real(*r))),
        Value::Text(b) | Value::Blob(b) => b,
    };
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Some(s.to_string())),
        Err(e) => {
            let bad = &bytes[e.valid_up_to()..];
            let n = e.error_len().unwrap_or(bad.len()).min(bad.len()).max(1);
            let hex: Vec<String> = bad[..n].iter().map(|b| format!("0x{b:02x}")).collect();
            Err(Error::new(format!("invalid byte sequence for encoding \"UTF8\": {}", hex.join(" "))))
        }
    }
}

/// A real as SQLite prints it as text (`%!.15g`).
fn format_real(r: f64) -> String {
    let s = format!("{r}");
    if r.is_finite() && !s.contains(['.', 'e', 'E']) { format!("{s}.0") } else { s }
}

/// Accepts the default dictionary's name as PostgreSQL's regdictionary
/// input does: optionally schema-qualified with `public`, folded to lower
/// case unless double-quoted.
fn check_dictionary(name: &str) -> Result<(), Error> {
    let ident = |p: &str| -> String {
        match p.strip_prefix('"').and_then(|q| q.strip_suffix('"')) {
            Some(q) => q.replace("\"\"", "\""),
            None => p.to_lowercase(),
        }
    };
    let parts: Vec<String> = name.split('.').map(ident).collect();
    let ok = matches!(parts.as_slice(), [d] if d == "unaccent")
        || matches!(parts.as_slice(), [s, d] if s == "public" && d == "unaccent");
    if ok {
        Ok(())
    } else {
        Err(Error::new(format!("text search dictionary \"{}\" does not exist", name)))
    }
}
