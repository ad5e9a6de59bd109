//! Fast, non-cryptographic random values from one seedable generator per
//! connection (wyrand, the `fastrand` crate).
//!
//! Compatible with asg017/sqlite-fastrand 0.2.1: same names, arguments and
//! results, from the same generator: `fastrand` 1.9 (the reference asks for
//! 1.8.0, which resolves to 1.9.0), so after `fastrand_seed_set(N)` every
//! function returns what the reference returns after the same call. Each
//! call draws from the generator as the reference's does (a blob of n bytes
//! draws n times).
//!
//! Arguments are read as the reference reads them, through SQLite's
//! `sqlite3_value_int64`/`sqlite3_value_int`: NULL is 0, reals are
//! truncated, text gives its leading integer (0 if none), and
//! `fastrand_int` keeps the low 32 bits. In `fastrand_int(a, b)` and
//! `fastrand_int64(a, b)` a NULL bound is open.
//!
//! All generators are non-deterministic; `fastrand_version()` and
//! `fastrand_debug()` are deterministic.
//!
//! Differences, where the reference panics (taking the process down) or
//! asks for more memory than it can have, this returns an error instead:
//! a range with nothing in it from one open bound (`fastrand_int(NULL,
//! -2147483648)`), a negative blob length (`fastrand_blob(-1)`, which the
//! reference reads as a huge size), a blob longer than SQLite's limit of
//! 1,000,000,000 bytes. An empty two-bound range gives the reference's
//! message, `fuk`. `fastrand_version()` is this extension's version and
//! `fastrand_debug()` names this build instead of a git commit (two lines,
//! as the reference's).

mod convert;

/// Fast non-cryptographic random integers, doubles, booleans, blobs and
/// characters from a seedable per-connection generator.
#[sqlink_sdk::extension(name = "fastrand")]
mod fastrand_ext {
    use crate::convert;
    use crate::{Bounds, with_rng};
    use sqlink_sdk::prelude::*;

    /// `v` and this extension's version, e.g. `v0.1.0`.
    #[function(deterministic)]
    fn fastrand_version() -> String {
        format!("v{}", env!("CARGO_PKG_VERSION"))
    }

    /// Two lines: `Version: v...` and `Source: ...` (the build), as the
    /// reference's.
    #[function(deterministic)]
    fn fastrand_debug() -> String {
        format!("Version: v{}\nSource: sqlink fastrand, compatible with sqlite-fastrand v0.2.1 (fastrand 1.9)\n", env!("CARGO_PKG_VERSION"))
    }

    /// The generator's current state (which `fastrand_seed_set` sets and
    /// every draw advances) as text of an unsigned 64-bit integer.
    #[function]
    fn fastrand_seed_get() -> String {
        with_rng(|rng| rng.get_seed().to_string())
    }

    /// Sets the generator's state to `seed` (read as an integer) and returns
    /// 1; an error for a negative seed.
    #[function]
    fn fastrand_seed_set(seed: &Value) -> Result<bool> {
        let seed: u64 = convert::int64(seed).try_into().map_err(|e| Error::new(format!("seed must be an usigned 64 bit integer: {e}")))?;
        with_rng(|rng| rng.seed(seed));
        Ok(true)
    }

    /// A random 32-bit integer: any, or from `start` (inclusive), or in
    /// `[start, end)`; a NULL bound is open (`fastrand_int(NULL, 10)` is
    /// below 10). Bounds keep their low 32 bits. The error `fuk` (the
    /// reference's) for an empty `[start, end)`.
    #[function]
    fn fastrand_int(#[optional] start: Option<&Value>, #[optional] end: Option<&Value>) -> Result<i32> {
        let i = match Bounds::of(start, end) {
            Bounds::Range(a, b) => {
                let range = convert::int(a)..convert::int(b);
                if range.is_empty() {
                    return Err(Error::new("fuk"));
                }
                with_rng(|rng| rng.i32(range))
            }
            Bounds::From(a) => with_rng(|rng| rng.i32(convert::int(a)..)),
            Bounds::To(b) => {
                let end = convert::int(b);
                if end == i32::MIN {
                    return Err(Error::new(format!("fastrand_int(): no integer is below {end}")));
                }
                with_rng(|rng| rng.i32(..end))
            }
            Bounds::Full => with_rng(|rng| rng.i32(..)),
        };
        Ok(i)
    }

    /// A random 64-bit integer: any, or from `start` (inclusive), or in
    /// `[start, end)`; a NULL bound is open. The error `fuk` (the
    /// reference's) for an empty `[start, end)`.
    #[function]
    fn fastrand_int64(#[optional] start: Option<&Value>, #[optional] end: Option<&Value>) -> Result<i64> {
        let i = match Bounds::of(start, end) {
            Bounds::Range(a, b) => {
                let range = convert::int64(a)..convert::int64(b);
                if range.is_empty() {
                    return Err(Error::new("fuk"));
                }
                with_rng(|rng| rng.i64(range))
            }
            Bounds::From(a) => with_rng(|rng| rng.i64(convert::int64(a)..)),
            Bounds::To(b) => {
                let end = convert::int64(b);
                if end == i64::MIN {
                    return Err(Error::new(format!("fastrand_int64(): no integer is below {end}")));
                }
                with_rng(|rng| rng.i64(..end))
            }
            Bounds::Full => with_rng(|rng| rng.i64(..)),
        };
        Ok(i)
    }

    /// A random real in `[0, 1)`.
    #[function]
    fn fastrand_double() -> f64 {
        with_rng(|rng| rng.f64())
    }

    /// A blob of `n` random bytes (`n` read as an integer: NULL is 0, giving
    /// an empty blob); an error for a negative `n` or one over SQLite's
    /// 1,000,000,000-byte limit.
    #[function]
    fn fastrand_blob(n: &Value) -> Result<Vec<u8>> {
        let n = convert::int64(n);
        if n < 0 {
            return Err(Error::with_code(Error::RANGE, format!("fastrand_blob(): n must not be negative, not {n}")));
        }
        if n > 1_000_000_000 {
            return Err(Error::with_code(Error::TOOBIG, "string or blob too big"));
        }
        Ok(with_rng(|rng| std::iter::repeat_with(|| rng.u8(..)).take(n as usize).collect()))
    }

    /// 1 or 0 at random.
    #[function]
    fn fastrand_bool() -> bool {
        with_rng(|rng| rng.bool())
    }

    /// One random ASCII letter (`a`-`z`, `A`-`Z`).
    #[function]
    fn fastrand_alphabetic() -> String {
        with_rng(|rng| rng.alphabetic().to_string())
    }

    /// One random ASCII letter or digit.
    #[function]
    fn fastrand_alphanumeric() -> String {
        with_rng(|rng| rng.alphanumeric().to_string())
    }

    /// One random lower-case ASCII letter.
    #[function]
    fn fastrand_lowercase() -> String {
        with_rng(|rng| rng.lowercase().to_string())
    }

    /// One random upper-case ASCII letter.
    #[function]
    fn fastrand_uppercase() -> String {
        with_rng(|rng| rng.uppercase().to_string())
    }

    /// One random digit in `base` (`0`-`9` then `a`-`z`), for a base of 1 to
    /// 35; the reference's errors otherwise (`base must be greater than 0
    /// and less than 26`, or for a negative base `base must be an unsigned
    /// 32-bit integer: ...`).
    #[function]
    fn fastrand_digit(base: &Value) -> Result<String> {
        let base: u32 = convert::int64(base).try_into().map_err(|e| Error::new(format!("base must be an unsigned 32-bit integer: {e}")))?;
        match base {
            1..=35 => Ok(with_rng(|rng| rng.digit(base).to_string())),
            _ => Err(Error::new("base must be greater than 0 and less than 26")),
        }
    }
}

use sqlink_sdk::Value;

std::thread_local! {
    /// The connection's generator (one extension instance serves one
    /// connection), seeded at random on first use.
    static RNG: fastrand::Rng = fastrand::Rng::new();
}

/// Runs `f` on the connection's generator.
fn with_rng<R>(f: impl FnOnce(&fastrand::Rng) -> R) -> R {
    RNG.with(f)
}

/// Which bounds `fastrand_int(a, b)` was given: a NULL or absent bound is
/// open, as in the reference.
enum Bounds<'a> {
    Range(&'a Value, &'a Value),
    From(&'a Value),
    To(&'a Value),
    Full,
}

impl<'a> Bounds<'a> {
    fn of(start: Option<&'a Value>, end: Option<&'a Value>) -> Bounds<'a> {
        let start = start.filter(|v| !v.is_null());
        let end = end.filter(|v| !v.is_null());
        match (start, end) {
            (Some(a), Some(b)) => Bounds::Range(a, b),
            (Some(a), None) => Bounds::From(a),
            (None, Some(b)) => Bounds::To(b),
            (None, None) => Bounds::Full,
        }
    }
}

#[cfg(test)]
mod tests;
