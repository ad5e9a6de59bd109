//! Fuzzy string matching: edit distances, phonetic codes and
//! transliteration (sqlean-compatible: same names, aliases, arguments and
//! results, quirks included).
//!
//! Arguments are read the way sqlean reads them, as `sqlite3_value_text`
//! gives them: numbers as SQLite formats them, text and blobs as their
//! bytes. The functions that sqlean implements over C strings (all but
//! `fuzzy_phonetic`, `fuzzy_translit` and `fuzzy_script`) see the text up to
//! its first NUL byte.

mod classes;
mod distance;
mod editdist;
mod phonetic;
mod translit;

/// Fuzzy string matching: edit distances (Levenshtein, Damerau-Levenshtein,
/// OSA, Hamming, Jaro-Winkler, spellcheck cost), phonetic codes (Soundex,
/// Refined Soundex, Caverphone, spellcheck hash), transliteration to ASCII
/// and script detection.
#[sqlink_sdk::extension(name = "fuzzy")]
mod fuzzy_ext {
    use super::{ascii_pair, c_text, distance, editdist, phonetic, translit, unary_ascii};
    use sqlink_sdk::prelude::*;

    /// Damerau-Levenshtein distance between two ASCII strings: the fewest
    /// insertions, deletions, substitutions and transpositions of adjacent
    /// characters. Errors on NULL or non-ASCII input.
    #[function(deterministic, innocuous, alias = "dlevenshtein")]
    fn fuzzy_damlev(x: &Value, y: &Value) -> Result<i64> {
        let (x, y) = ascii_pair(x, y)?;
        Ok(distance::damerau_levenshtein(&x, &y) as i64)
    }

    /// Hamming distance between two ASCII strings: the number of positions
    /// where they differ, or -1 when their lengths differ. Errors on NULL or
    /// non-ASCII input.
    #[function(deterministic, innocuous, alias = "hamming")]
    fn fuzzy_hamming(x: &Value, y: &Value) -> Result<i64> {
        let (x, y) = ascii_pair(x, y)?;
        Ok(distance::hamming(&x, &y))
    }

    /// Jaro-Winkler similarity of two ASCII strings, from 0 to 1, as sqlean
    /// computes it (prefix bonus for at most 3 characters; the match window
    /// spans all of x when x is the longer string). Errors on NULL or
    /// non-ASCII input.
    #[function(deterministic, innocuous, alias = "jaro_winkler")]
    fn fuzzy_jarowin(x: &Value, y: &Value) -> Result<f64> {
        let (x, y) = ascii_pair(x, y)?;
        Ok(distance::sqlean_jaro_winkler(&x, &y))
    }

    /// Levenshtein distance between two ASCII strings: the fewest
    /// single-character insertions, deletions and substitutions. Errors on
    /// NULL or non-ASCII input.
    #[function(deterministic, innocuous, alias = "levenshtein")]
    fn fuzzy_leven(x: &Value, y: &Value) -> Result<i64> {
        let (x, y) = ascii_pair(x, y)?;
        Ok(distance::levenshtein(&x, &y) as i64)
    }

    /// Optimal String Alignment distance between two ASCII strings, as
    /// sqlean computes it: its transposition rule looks one character ahead
    /// of textbook OSA's, so a swap of adjacent characters usually costs 2,
    /// as in Levenshtein. Errors on NULL or non-ASCII input.
    #[function(deterministic, innocuous, alias = "osa_distance")]
    fn fuzzy_osadist(x: &Value, y: &Value) -> Result<i64> {
        let (x, y) = ascii_pair(x, y)?;
        Ok(distance::sqlean_osa(&x, &y) as i64)
    }

    /// Spellcheck edit distance of SQLite's spellfix: the cost of turning x
    /// into y, where likely typos (case, similar sounds, doubled or silent
    /// letters, appending) cost less than 100 per edit. An x ending in `*`
    /// matches any prefix of y. Errors on NULL, and on non-ASCII characters
    /// after the strings' common prefix.
    #[function(deterministic, innocuous, alias = "edit_distance")]
    fn fuzzy_editdist(x: &Value, y: &Value) -> Result<i64> {
        let (Some(x), Some(y)) = (c_text(x), c_text(y)) else {
            return Err(Error::new("NULL input to editdist()"));
        };
        editdist::edit_distance(&x, &y)
            .map(i64::from)
            .map_err(|editdist::EditDistError::NonAscii| Error::new("non-ASCII input to editdist()"))
    }

    /// Soundex code of an ASCII string: its first character upper-cased and
    /// three digits for the consonants that follow (`'Robert'` gives
    /// `'R163'`). NULL for NULL; errors on non-ASCII input.
    #[function(deterministic, innocuous, alias = "soundex")]
    fn fuzzy_soundex(x: &Value) -> Result<Option<String>> {
        unary_ascii(x, phonetic::soundex)
    }

    /// Refined Soundex code of an ASCII string: its first character
    /// upper-cased and a digit per group of similar sounds, of any length
    /// (`'awesome'` gives `'A03080'`). NULL for NULL; errors on non-ASCII
    /// input.
    #[function(deterministic, innocuous, alias = "rsoundex")]
    fn fuzzy_rsoundex(x: &Value) -> Result<Option<String>> {
        unary_ascii(x, phonetic::refined_soundex)
    }

    /// Caverphone 2.0 code of an ASCII string: ten characters, padded with
    /// `1`. As in sqlean only the lower-case letters a-z are considered.
    /// NULL for NULL; errors on non-ASCII input.
    #[function(deterministic, innocuous, alias = "caverphone")]
    fn fuzzy_caver(x: &Value) -> Result<Option<String>> {
        unary_ascii(x, phonetic::caverphone)
    }

    /// Phonetic hash of SQLite's spellfix: one letter per class of similar
    /// sounds (`'awesome'` gives `'ABACAMA'`), for matching words that
    /// sound alike. Non-ASCII bytes are classified by their low seven bits,
    /// never rejected. NULL for NULL.
    #[function(deterministic, innocuous, alias = "phonetic_hash")]
    fn fuzzy_phonetic(x: &Value) -> Option<String> {
        x.to_text_bytes().map(|s| phonetic::phonetic_hash(&s))
    }

    /// Transliterates UTF-8 text to ASCII: accented Latin, Greek and
    /// Cyrillic letters become their plain ASCII spelling (`'привет'` gives
    /// `'privet'`) and characters without one become `?`. NULL gives ''.
    #[function(deterministic, innocuous, alias = "translit")]
    fn fuzzy_translit(x: &Value) -> Value {
        let bytes = x.to_text_bytes().unwrap_or_default();
        Value::Text(translit::transliterate(&bytes))
    }

    /// The dominant script of a word as an ISO 15924 number: 215 Latin, 220
    /// Cyrillic, 200 Greek, 125 Hebrew, 160 Arabic; 998 for a mix, 999 for
    /// none of these (NULL included).
    #[function(deterministic, innocuous, alias = "script_code")]
    fn fuzzy_script(x: &Value) -> i64 {
        translit::script_code(&x.to_text_bytes().unwrap_or_default())
    }

    #[cfg(test)]
    mod golden {
        include!("golden_tests.rs");
    }
}

use sqlink_sdk::{Error, Value};
use std::borrow::Cow;

/// An argument's bytes, borrowed when they need no conversion.
type Bytes<'a> = Cow<'a, [u8]>;

/// The argument as sqlean's C code sees it: `sqlite3_value_text` cut at the
/// first NUL byte. None for NULL.
fn c_text(value: &Value) -> Option<Bytes<'_>> {
    let text = value.to_text_bytes()?;
    Some(match text.iter().position(|&b| b == 0) {
        None => text,
        Some(nul) => match text {
            Cow::Borrowed(b) => Cow::Borrowed(&b[..nul]),
            Cow::Owned(mut v) => {
                v.truncate(nul);
                Cow::Owned(v)
            }
        },
    })
}

/// Both arguments of a two-string distance, with sqlean's errors for NULL
/// and non-ASCII input.
fn ascii_pair<'a>(x: &'a Value, y: &'a Value) -> Result<(Bytes<'a>, Bytes<'a>), Error> {
    let (Some(x), Some(y)) = (c_text(x), c_text(y)) else {
        return Err(Error::new("arguments should not be NULL"));
    };
    if !x.is_ascii() || !y.is_ascii() {
        return Err(Error::new("arguments should be ASCII strings"));
    }
    Ok((x, y))
}

/// Applies a phonetic code to an ASCII argument: NULL for NULL, sqlean's
/// error for non-ASCII input.
fn unary_ascii(x: &Value, code: fn(&[u8]) -> String) -> Result<Option<String>, Error> {
    let Some(x) = c_text(x) else { return Ok(None) };
    if !x.is_ascii() {
        return Err(Error::new("argument should be ASCII string"));
    }
    Ok(Some(code(&x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::text(s)
    }

    #[test]
    fn c_text_reads_like_sqlite3_value_text() {
        assert_eq!(c_text(&Value::Null), None);
        assert_eq!(c_text(&Value::Integer(42)).as_deref(), Some(&b"42"[..]));
        assert_eq!(c_text(&Value::Real(12.5)).as_deref(), Some(&b"12.5"[..]));
        assert_eq!(c_text(&Value::Blob(b"ab\0cd".to_vec())).as_deref(), Some(&b"ab"[..]));
        assert_eq!(c_text(&Value::Text(b"x\0y".to_vec())).as_deref(), Some(&b"x"[..]));
    }

    #[test]
    fn distance_arguments_follow_sqlean_errors() {
        let err = ascii_pair(&Value::Null, &text("a")).unwrap_err();
        assert_eq!(err.message, "arguments should not be NULL");
        assert_eq!(err.code, Error::ERROR);
        let err = ascii_pair(&text("a"), &text("é")).unwrap_err();
        assert_eq!(err.message, "arguments should be ASCII strings");
        // Non-ASCII past a NUL byte is never seen.
        let (a, seven) = (Value::Text(b"a\0\xc3\xa9".to_vec()), Value::Integer(7));
        let (x, y) = ascii_pair(&a, &seven).unwrap();
        assert_eq!((&x[..], &y[..]), (&b"a"[..], &b"7"[..]));
    }

    #[test]
    fn phonetic_arguments_follow_sqlean_errors() {
        assert_eq!(unary_ascii(&Value::Null, phonetic::soundex).unwrap(), None);
        assert_eq!(unary_ascii(&text("Robert"), phonetic::soundex).unwrap().as_deref(), Some("R163"));
        assert_eq!(unary_ascii(&Value::Integer(12), phonetic::soundex).unwrap().as_deref(), Some("1000"));
        let err = unary_ascii(&text("é"), phonetic::soundex).unwrap_err();
        assert_eq!(err.message, "argument should be ASCII string");
    }
}
