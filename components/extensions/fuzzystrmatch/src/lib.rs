//! PostgreSQL's contrib module fuzzystrmatch: `soundex`, `difference`,
//! `levenshtein`, `levenshtein_less_equal`, `metaphone`, `dmetaphone`,
//! `dmetaphone_alt` and `daitch_mokotoff`. Compatible
//! with PostgreSQL 17's fuzzystrmatch in a UTF-8 database: same names,
//! arguments and results, errors included (checked case by case against
//! PostgreSQL 15.18, whose code for these is 17's: testdata/pg.tsv;
//! `daitch_mokotoff`, new in 16, against the vectors of 17's regression
//! test). `daitch_mokotoff` returns PostgreSQL's text[] as a JSON array
//! of strings (with SQLite's JSON subtype).
//!
//! Every function is STRICT as in PostgreSQL (a NULL argument gives NULL).
//! Text arguments must be valid UTF-8 (numbers are read as SQLite formats
//! them); integer arguments must fit PostgreSQL's `integer` (32 bits).
//! Errors carry PostgreSQL's messages. Letters are ASCII letters, as in
//! PostgreSQL (other characters are not letters to soundex and metaphone;
//! Levenshtein distances count characters, multibyte ones included).
//!
//! Text that is not valid UTF-8 is an error (PostgreSQL holds none).
//!
//! Double Metaphone upper-cases with Rust's Unicode tables where PostgreSQL asks
//! the C library: they can differ on rare non-ASCII letters, which the
//! codes skip anyway.
//!
//! SQLite built with SQLITE_SOUNDEX has a `soundex(1)` of its own (upper
//! case, and `?000` for text without letters, where PostgreSQL gives ''):
//! the host keeps that one under the bare name unless loaded with
//! `--pin soundex`; `fuzzystrmatch__soundex` is always this one. The
//! `fuzzy` extension's `levenshtein` and `soundex` aliases are sqlean's.

mod daitch_mokotoff;
mod dmetaphone;
mod levenshtein;
mod metaphone;
mod soundex;

/// PostgreSQL's fuzzystrmatch: Soundex codes and their difference,
/// Levenshtein distances (with costs, and bounded), and Metaphone codes.
#[sqlink_sdk::extension(name = "fuzzystrmatch")]
mod fuzzystrmatch_ext {
    use super::{daitch_mokotoff, dmetaphone, levenshtein, metaphone, soundex};
    use sqlink_sdk::prelude::*;

    /// Soundex code of a string, as PostgreSQL computes it: the first ASCII
    /// letter upper-cased and three digits (`'Anne'` gives `'A500'`); ''
    /// when the text has no ASCII letter.
    #[function(deterministic, innocuous)]
    fn soundex(s: &str) -> String {
        soundex::soundex(s.as_bytes())
    }

    /// How many of the four characters of the two strings' Soundex codes
    /// match: 0 (no similarity) to 4 (the same code).
    #[function(deterministic, innocuous)]
    fn difference(a: &str, b: &str) -> i64 {
        soundex::difference(a.as_bytes(), b.as_bytes())
    }

    /// Levenshtein distance between two strings, in characters: the
    /// fewest insertions, deletions and substitutions turning a into b.
    /// Errors past 255 characters, as PostgreSQL does.
    #[function(deterministic, innocuous)]
    fn levenshtein(a: &str, b: &str) -> Result<i64> {
        levenshtein::distance(a, b, 1, 1, 1, None)
    }

    /// Levenshtein distance with the costs of an insertion, a deletion and
    /// a substitution.
    #[function(deterministic, innocuous, name = "levenshtein")]
    fn levenshtein_with_costs(a: &str, b: &str, ins: i32, del: i32, sub: i32) -> Result<i64> {
        levenshtein::distance(a, b, ins, del, sub, None)
    }

    /// Levenshtein distance when it is at most max_d; otherwise some
    /// number greater than max_d (PostgreSQL's, computed the same way).
    #[function(deterministic, innocuous)]
    fn levenshtein_less_equal(a: &str, b: &str, max_d: i32) -> Result<i64> {
        levenshtein::distance(a, b, 1, 1, 1, Some(max_d))
    }

    /// levenshtein_less_equal with the costs of an insertion, a deletion
    /// and a substitution.
    #[function(deterministic, innocuous, name = "levenshtein_less_equal")]
    fn levenshtein_less_equal_with_costs(
        a: &str,
        b: &str,
        ins: i32,
        del: i32,
        sub: i32,
        max_d: i32,
    ) -> Result<i64> {
        levenshtein::distance(a, b, ins, del, sub, Some(max_d))
    }

    /// Metaphone code of a string, at most max_len characters
    /// (`metaphone('school', 10)` gives `'SKL'`). '' for ''; errors for
    /// input over 255 bytes and max_len over 255 or under 1.
    #[function(deterministic, innocuous)]
    fn metaphone(s: &str, max_len: i32) -> Result<String> {
        metaphone::metaphone(s.as_bytes(), max_len).map_err(Error::new)
    }

    /// Primary Double Metaphone code of a string, at most four characters
    /// (`dmetaphone('gumbo')` gives `'KMP'`); '' when no letter codes.
    #[function(deterministic, innocuous)]
    fn dmetaphone(s: &str) -> String {
        dmetaphone::double_metaphone(s.as_bytes()).0
    }

    /// Alternate Double Metaphone code of a string, at most four
    /// characters (`dmetaphone_alt('Schmidt')` gives `'SMT'` where
    /// dmetaphone gives `'XMT'`).
    #[function(deterministic, innocuous)]
    fn dmetaphone_alt(s: &str) -> String {
        dmetaphone::double_metaphone(s.as_bytes()).1
    }

    /// Every Daitch-Mokotoff Soundex code of a name, six digits each, as a
    /// JSON array of strings in PostgreSQL's order (PostgreSQL returns a
    /// text[]): `daitch_mokotoff('Halberstadt')` gives
    /// `["587943","587433"]`. NULL when the text has no letter to code.
    #[function(deterministic, innocuous, result_subtype)]
    fn daitch_mokotoff(s: &str) -> Subtyped<Option<String>> {
        let json = daitch_mokotoff::daitch_mokotoff(s).map(|codes| {
            let items: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
            format!("[{}]", items.join(","))
        });
        Subtyped {
            value: json,
            subtype: Json::SUBTYPE,
        }
    }
}

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;
