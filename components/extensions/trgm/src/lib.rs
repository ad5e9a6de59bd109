//! PostgreSQL's contrib module pg_trgm. Compatible with PostgreSQL 17's
//! pg_trgm in a UTF-8 database: same names, arguments and results
//! (checked case by case against PostgreSQL 15.18, whose code for these
//! is 17's: testdata/pg.tsv), on x86, whose signed `char` orders the
//! trigrams of non-ASCII text.
//!
//! * `similarity(a, b)`, `word_similarity(a, b)`,
//!   `strict_word_similarity(a, b)`: PostgreSQL's `real` results, returned
//!   as the double nearest the decimal PostgreSQL prints
//!   (`similarity('abc', 'abd')` is 0.33333334, as in PostgreSQL).
//! * `show_trgm(t)`: PostgreSQL's `text[]`, in its order and with its
//!   spelling of each trigram (`0x` and six hex digits for one hashed from
//!   non-ASCII characters), as a JSON array (`["  a"," a "]`).
//! * `show_limit()` and `set_limit(r)`: the similarity threshold of the
//!   `%` operator, 0.3 at first; `set_limit` errors outside 0..1 as
//!   PostgreSQL's setting does. The threshold is the connection's (each
//!   connection has its own instance of the extension); it returns to 0.3
//!   if the extension is restarted after a crash or timeout. Neither
//!   function is deterministic, nor are the `%` functions that read it.
//! * The operators as PostgreSQL's functions behind them: `similarity_op`
//!   (`a % b`), `word_similarity_op` (`a <% b`),
//!   `word_similarity_commutator_op` (`a %> b`), `strict_word_similarity_op`
//!   (`a <<% b`), `strict_word_similarity_commutator_op` (`a %>> b`), and
//!   the distances `similarity_dist` (`a <-> b`), `word_similarity_dist_op`
//!   (`a <<-> b`), `word_similarity_dist_commutator_op` (`a <->> b`),
//!   `strict_word_similarity_dist_op` (`a <<<-> b`) and
//!   `strict_word_similarity_dist_commutator_op` (`a <->>> b`). The word
//!   operators use PostgreSQL's default thresholds (0.6 for `<%`, 0.5 for
//!   `<<%`), which here cannot be changed (PostgreSQL has no function for
//!   them either, only settings).
//!
//! All are STRICT (NULL in, NULL out); text that is not valid UTF-8 is an
//! error (PostgreSQL holds none). Gaps: the GiST and GIN index support
//! (and so LIKE/regex acceleration) has no SQLite counterpart. Words are runs of Unicode letters
//! and digits, lower-cased character by character (PostgreSQL asks the C
//! library of its locale; Rust's Unicode tables agree on letters in use).

mod trigrams;

use std::cell::Cell;

thread_local! {
    /// pg_trgm.similarity_threshold of this connection (a double, as the
    /// setting is; its default is the float 0.3f, as in pg_trgm).
    static THRESHOLD: Cell<f64> = const { Cell::new(0.3f32 as f64) };
}

/// PostgreSQL's default pg_trgm.word_similarity_threshold (0.6f).
const WORD_THRESHOLD: f64 = 0.6f32 as f64;
/// PostgreSQL's default pg_trgm.strict_word_similarity_threshold (0.5f).
const STRICT_WORD_THRESHOLD: f64 = 0.5f32 as f64;

/// A `real` as the double nearest the decimal PostgreSQL prints for it
/// (its shortest round-tripping spelling).
fn real(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(x as f64)
}

/// `1.0 - x` as PostgreSQL's distance operators compute it (in double,
/// returned as `real`).
fn dist(x: f32) -> f64 {
    real((1.0f64 - x as f64) as f32)
}

/// PostgreSQL's pg_trgm: trigram similarity of strings, word similarity,
/// the trigrams themselves, and the `%` threshold.
#[sqlink_sdk::extension(name = "trgm")]
mod trgm_ext {
    use super::trigrams::{show, similarity as sim, trigram_set, word_similarity as wsim};
    use super::{STRICT_WORD_THRESHOLD, THRESHOLD, WORD_THRESHOLD, dist, real};
    use sqlink_sdk::prelude::*;

    /// How similar two strings are, from 0 to 1: the trigrams they share
    /// over all the trigrams of both.
    #[function(deterministic, innocuous)]
    fn similarity(a: &str, b: &str) -> f64 {
        real(sim(a, b))
    }

    /// The greatest similarity between the trigrams of a and a continuous
    /// extent of the trigrams of b (ordered as they occur).
    #[function(deterministic, innocuous)]
    fn word_similarity(a: &str, b: &str) -> f64 {
        real(wsim(a, b, false))
    }

    /// word_similarity where the extent of b must be whole words.
    #[function(deterministic, innocuous)]
    fn strict_word_similarity(a: &str, b: &str) -> f64 {
        real(wsim(a, b, true))
    }

    /// The trigrams of a string as PostgreSQL lists them, as a JSON array
    /// of strings (`show_trgm('cat')` gives `["  c"," ca","at ","cat"]`).
    #[function(deterministic, innocuous, result_subtype)]
    fn show_trgm(t: &str) -> Json {
        let items: Vec<String> = trigram_set(t)
            .iter()
            .map(|g| format!("\"{}\"", show(g)))
            .collect();
        Json(format!("[{}]", items.join(",")))
    }

    /// The connection's similarity threshold for similarity_op (`%`).
    #[function(innocuous)]
    fn show_limit() -> f64 {
        real(THRESHOLD.with(|t| t.get()) as f32)
    }

    /// Sets the connection's similarity threshold (0 to 1) and returns it.
    #[function(innocuous)]
    fn set_limit(limit: f64) -> Result<f64> {
        let limit = limit as f32;
        let text = limit.to_string();
        let value: f64 = text.parse().unwrap_or(limit as f64);
        if !(0.0..=1.0).contains(&value) {
            return Err(Error::new(format!(
                "{text} is outside the valid range for parameter \"pg_trgm.similarity_threshold\" (0 .. 1)"
            )));
        }
        THRESHOLD.with(|t| t.set(value));
        Ok(real(value as f32))
    }

    /// `a % b`: whether similarity(a, b) reaches the threshold.
    #[function(innocuous)]
    fn similarity_op(a: &str, b: &str) -> bool {
        sim(a, b) as f64 >= THRESHOLD.with(|t| t.get())
    }

    /// `a <% b`: whether word_similarity(a, b) reaches 0.6.
    #[function(deterministic, innocuous)]
    fn word_similarity_op(a: &str, b: &str) -> bool {
        wsim(a, b, false) as f64 >= WORD_THRESHOLD
    }

    /// `a %> b`: whether word_similarity(b, a) reaches 0.6.
    #[function(deterministic, innocuous)]
    fn word_similarity_commutator_op(a: &str, b: &str) -> bool {
        wsim(b, a, false) as f64 >= WORD_THRESHOLD
    }

    /// `a <<% b`: whether strict_word_similarity(a, b) reaches 0.5.
    #[function(deterministic, innocuous)]
    fn strict_word_similarity_op(a: &str, b: &str) -> bool {
        wsim(a, b, true) as f64 >= STRICT_WORD_THRESHOLD
    }

    /// `a %>> b`: whether strict_word_similarity(b, a) reaches 0.5.
    #[function(deterministic, innocuous)]
    fn strict_word_similarity_commutator_op(a: &str, b: &str) -> bool {
        wsim(b, a, true) as f64 >= STRICT_WORD_THRESHOLD
    }

    /// `a <-> b`: 1 - similarity(a, b).
    #[function(deterministic, innocuous)]
    fn similarity_dist(a: &str, b: &str) -> f64 {
        dist(sim(a, b))
    }

    /// `a <<-> b`: 1 - word_similarity(a, b).
    #[function(deterministic, innocuous)]
    fn word_similarity_dist_op(a: &str, b: &str) -> f64 {
        dist(wsim(a, b, false))
    }

    /// `a <->> b`: 1 - word_similarity(b, a).
    #[function(deterministic, innocuous)]
    fn word_similarity_dist_commutator_op(a: &str, b: &str) -> f64 {
        dist(wsim(b, a, false))
    }

    /// `a <<<-> b`: 1 - strict_word_similarity(a, b).
    #[function(deterministic, innocuous)]
    fn strict_word_similarity_dist_op(a: &str, b: &str) -> f64 {
        dist(wsim(a, b, true))
    }

    /// `a <->>> b`: 1 - strict_word_similarity(b, a).
    #[function(deterministic, innocuous)]
    fn strict_word_similarity_dist_commutator_op(a: &str, b: &str) -> f64 {
        dist(wsim(b, a, true))
    }
}

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;
