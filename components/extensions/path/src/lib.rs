//! Paths as text, compatible with asg017/sqlite-path v0.2.1 (commit
//! 1f8d452), which wraps cwalk v1.2.6 (commit 08e7520) in its unix style:
//! same names, arguments, results, columns and rowids. `cwalk.rs` is that
//! cwalk, walked the same way.
//!
//! * `path_absolute(p)` 1 when `p` starts with `/` (0 for NULL);
//!   `path_relative(p)` the opposite (NULL for NULL).
//! * `path_basename(p)`, `path_dirname(p)`, `path_extension(p)`,
//!   `path_name(p)`: the last segment; everything before it (NULL when
//!   nothing is); its extension from the last `.` (with the dot; NULL when
//!   none); the last segment up to its first `.` after the first byte.
//! * `path_root(p)`: `/` or `''`.
//! * `path_join(p1, p2, ...)`: joined and normalized, two or more
//!   arguments; `path_normalize(p)`: `.` and `..` resolved, repeated `/`s
//!   and a trailing `/` dropped (`''` stays `''`; a relative path that
//!   cancels out is `.`).
//! * `path_intersection(a, b)`: the leading part of `a` that `b` shares,
//!   segment by segment (NULL when nothing is).
//! * `path_length(p)`, `path_at(p, n)` (alias `path_part_at`): the number
//!   of segments, and segment `n` (from 0; negative counts from the end,
//!   -1 the last; NULL past either end).
//! * `path_parts(p)`: one row per segment, `type` (`normal`, `current` or
//!   `back`) and `part`; rowids from 0, and the hidden `path` column reads
//!   NULL, as in sqlite-path.
//! * `path_version()`, `path_debug()`.
//!
//! Arguments are read as C strings (sqlite3_value_text): numbers as their
//! text, blobs as their bytes, everything up to the first NUL byte.
//!
//! Quirks kept from sqlite-path and cwalk: a path without segments (`''`,
//! `/`, `//`) has segment 0 (`path_at(p, 0)` and `path_at(p, -1)`) equal to
//! `''`; `path_basename('/')` is NULL and `path_name('/')` is NULL;
//! `path_name('..')` is `.`; a NULL after the first `path_join` argument is
//! skipped (the rest of that step is only normalized); `path_at` reads its
//! index as a C `int` (the low 32 bits).
//!
//! Differences: sqlite-path crashes on `path_parts(NULL)` (here: no rows)
//! and writes past its 4096-byte buffer when a joined or normalized path
//! is longer (here: the whole path). Reference outputs:
//! `testdata/path.sql` and `testdata/vectors.txt` (made by
//! `testdata/gen.sh`).

#[allow(dead_code)]
#[path = "../../fileio/src/args.rs"]
mod args;
pub mod cwalk;
mod table;

/// sqlite-path: paths as text, split, joined and normalized as cwalk does.
#[sqlink_sdk::extension(name = "path")]
mod path_ext {
    use crate::args::{c_text, int};
    use crate::cwalk::{self, Segment};
    use sqlink_sdk::prelude::*;

    /// The version of sqlite-path this extension is compatible with,
    /// `v0.2.1`.
    #[function(deterministic, innocuous)]
    fn path_version() -> &'static str {
        super::VERSION
    }

    /// Four lines: `Version:`, `Date:`, `Source:` and `cwalk version:`.
    #[function(deterministic, innocuous)]
    fn path_debug() -> String {
        format!(
            "Version: {}\nDate: {}\nSource: sqlink-ext-path {} (compatible with asg017/sqlite-path {})\ncwalk version: {}",
            super::VERSION,
            super::REFERENCE_DATE,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT,
            super::CWALK_VERSION
        )
    }

    /// 1 if the path is absolute (starts with `/`), 0 otherwise (NULL too).
    #[function(deterministic, innocuous)]
    fn path_absolute(path: Option<&Value>) -> i64 {
        path.and_then(c_text).is_some_and(|p| cwalk::is_absolute(&p)).into()
    }

    /// 1 if the path is relative, 0 if absolute.
    #[function(deterministic, innocuous)]
    fn path_relative(path: &Value) -> Option<i64> {
        c_text(path).map(|p| (!cwalk::is_absolute(&p)).into())
    }

    /// The last segment of the path; NULL when it has none.
    #[function(deterministic, innocuous)]
    fn path_basename(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        match Segment::last(&p) {
            (true, s) => Some(Value::Text(s.bytes().to_vec())),
            (false, _) => None,
        }
    }

    /// The path up to its last segment; NULL when that is empty.
    #[function(deterministic, innocuous)]
    fn path_dirname(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        let n = cwalk::dirname_length(&p);
        (n > 0).then(|| Value::Text(p[..n].to_vec()))
    }

    /// The extension of the last segment, from its last `.`; NULL when it
    /// has none.
    #[function(deterministic, innocuous)]
    fn path_extension(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        cwalk::extension(&p).map(|e| Value::Text(e.to_vec()))
    }

    /// The last segment up to its first `.` that is not its first byte.
    #[function(deterministic, innocuous)]
    fn path_name(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        let (true, s) = Segment::last(&p) else { return None };
        let bytes = s.bytes();
        let end = bytes.iter().skip(1).position(|&c| c == b'.').map_or(bytes.len(), |i| i + 1);
        Some(Value::Text(bytes[..end].to_vec()))
    }

    /// `/` for an absolute path, `''` otherwise.
    #[function(deterministic, innocuous)]
    fn path_root(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        Some(Value::Text(p[..cwalk::root_length(&p)].to_vec()))
    }

    /// The paths joined and normalized, one at a time from the left; NULL
    /// when the first is NULL.
    #[function(deterministic, innocuous)]
    fn path_join(paths: &[Value]) -> Result<Option<Value>> {
        if paths.len() < 2 {
            return Err(Error::new("at least 2 paths are required for path_join"));
        }
        let Some(mut joined) = c_text(&paths[0]) else { return Ok(None) };
        for next in &paths[1..] {
            joined = match c_text(next) {
                Some(b) => cwalk::join_and_normalize(&[&joined, &b]),
                None => cwalk::join_and_normalize(&[&joined]),
            };
        }
        Ok(Some(Value::Text(joined)))
    }

    /// The path with `.` and `..` resolved and repeated or trailing `/`s
    /// dropped.
    #[function(deterministic, innocuous)]
    fn path_normalize(path: &Value) -> Option<Value> {
        let p = c_text(path)?;
        Some(Value::Text(cwalk::join_and_normalize(&[&p])))
    }

    /// The leading part of the first path that the second shares; NULL when
    /// none is.
    #[function(deterministic, innocuous)]
    fn path_intersection(base: &Value, other: &Value) -> Option<Value> {
        let (base, other) = (c_text(base)?, c_text(other)?);
        let n = cwalk::intersection(&base, &other);
        (n > 0).then(|| Value::Text(base[..n].to_vec()))
    }

    /// The number of segments of the path.
    #[function(deterministic, innocuous)]
    fn path_length(path: &Value) -> Option<i64> {
        let p = c_text(path)?;
        let (found, mut s) = Segment::first(&p);
        if !found {
            return Some(0);
        }
        let mut n = 1;
        while s.next_segment() {
            n += 1;
        }
        Some(n)
    }

    /// Segment `at` of the path: from 0 at the start, from -1 at the end;
    /// NULL past either end.
    #[function(deterministic, innocuous, alias = "path_part_at")]
    fn path_at(path: &Value, at: Option<&Value>) -> Option<Value> {
        let p = c_text(path)?;
        let at = at.map_or(0, int);
        let s = if at >= 0 {
            let mut s = Segment::first(&p).1;
            for _ in 0..at {
                if !s.next_segment() {
                    return None;
                }
            }
            s
        } else {
            let mut s = Segment::last(&p).1;
            for _ in at + 1..0 {
                if !s.previous_segment() {
                    return None;
                }
            }
            s
        };
        Some(Value::Text(s.bytes().to_vec()))
    }

    /// The segments of a path, one row each: `type` (`normal`, `current`
    /// or `back`) and `part`, rowids from 0. No rows for a NULL path.
    #[vtab(name = "path_parts", eponymous_only)]
    pub type PathParts = crate::table::PathParts;
}

/// The sqlite-path version `path_version()` reports.
const VERSION: &str = "v0.2.1";
/// The sqlite-path commit this follows, its date, and cwalk's version.
const REFERENCE_COMMIT: &str = "1f8d452aa0c6a8920863f3a8e1686c7667306ac7";
const REFERENCE_DATE: &str = "2023-08-04T20:16:30-0700";
const CWALK_VERSION: &str = "v1.2.6";

#[cfg(test)]
mod tests;
