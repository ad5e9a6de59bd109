//! Semantic versions, compatible with asg017/sqlite-semver v0.0.1-alpha.1
//! (commit 90bac74), which wraps the Rust `semver` crate (1.0.28 here, the
//! version its build resolves): same names, arguments, results, columns,
//! rowids and collation.
//!
//! * `semver_version()`: the sqlite-semver version, `v0.0.1-alpha.1`;
//!   `semver_version(major, minor, patch[, pre[, build]])`: that version as
//!   text (`1.2.3-beta.3+zstd.1.5.0`). Numbers are read as
//!   sqlite3_value_int64 reads them; a negative major is an error, a
//!   negative minor or patch wraps to 64 bits unsigned (as sqlite-semver's
//!   `as u64`); a NULL pre or build is none.
//! * `semver_version_pointer(...)`: the same version (see Differences).
//! * `semver_matches(version, requirement)`: 1 if the version satisfies
//!   the requirement (`>=1.2.3, <1.8.0`), else 0.
//! * `semver_gt(a, b)`: 1 if version a is greater than b, else 0.
//! * `semver_requirements(requirement)`: one row per comparator of the
//!   requirement: `op` (`exact`, `greater`, `greater_eq`, `less`,
//!   `less_qq` [sic], `tilde`, `caret`, `wildcard`), `major`, `minor`,
//!   `patch` (NULL when left out), `pre` (NULL when none); rowids from 0.
//! * `semver_debug()`: `Version:` and `Source:` lines.
//! * Collation `semver`: orders by version precedence, a leading `v`
//!   ignored (`v1.0.0` equals `1.0.0`).
//!
//! Quirks kept from sqlite-semver: versions for semver_matches and
//! semver_gt are parsed strictly (no leading `v`, as the crate parses);
//! the collation says "less" whenever either side is not a version (so
//! `'x' = 'x' COLLATE semver` is 0, and the order of non-versions is not
//! consistent); a requirement of `*` has no comparators, so no rows;
//! `semver_requirements` without a requirement fails with `SQL logic
//! error`.
//!
//! Differences: where sqlite-semver panics (and takes the process down),
//! an invalid version, requirement, pre-release or build metadata, or a
//! NULL or non-UTF-8 version or requirement, is an error with the semver
//! crate's message. `semver_version_pointer` returns a pointer value in
//! sqlite-semver, which reads as NULL everywhere but its own functions;
//! sqlink extensions cannot pass pointers, so it returns the version as
//! text, which semver_matches and semver_gt read as the same version.
//! sqlite-semver prints the row index to stdout on every step of
//! semver_requirements (a leftover debug print); this does not. Reference
//! outputs: `testdata/semver.sql` (made by `testdata/gen.sh`).

mod table;

/// sqlite-semver: semantic versions and requirements.
#[sqlink_sdk::extension(name = "semver")]
mod semver_ext {
    use semver::Version;
    use sqlink_sdk::prelude::*;
    use std::cmp::Ordering;

    /// The version of sqlite-semver this extension is compatible with,
    /// `v0.0.1-alpha.1`.
    #[function(deterministic, name = "semver_version")]
    fn semver_version_0() -> &'static str {
        super::VERSION
    }

    /// Three lines: `Version:` (as `semver_version()`), `Source:`, and an
    /// indented empty one, as sqlite-semver's.
    #[function(deterministic)]
    fn semver_debug() -> String {
        format!(
            "Version: {}\n      Source: sqlink-ext-semver {} (compatible with asg017/sqlite-semver {})\n      ",
            super::VERSION,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT
        )
    }

    /// The version `major.minor.patch[-pre][+build]` as text.
    #[function(deterministic, name = "semver_version")]
    fn semver_version_text(
        major: Option<&Value>,
        minor: Option<&Value>,
        patch: Option<&Value>,
        #[optional] pre: Option<Option<&Value>>,
        #[optional] build: Option<Option<&Value>>,
    ) -> Result<String> {
        super::construct(major, minor, patch, pre, build).map(|v| v.to_string())
    }

    /// The same version as `semver_version(major, minor, patch[, pre[,
    /// build]])` (sqlite-semver passes it as a pointer; here it is text).
    #[function(deterministic)]
    fn semver_version_pointer(
        major: Option<&Value>,
        minor: Option<&Value>,
        patch: Option<&Value>,
        #[optional] pre: Option<Option<&Value>>,
        #[optional] build: Option<Option<&Value>>,
    ) -> Result<String> {
        super::construct(major, minor, patch, pre, build).map(|v| v.to_string())
    }

    /// 1 if the version satisfies the requirement, else 0.
    #[function(deterministic)]
    fn semver_matches(version: Option<&Value>, requirement: Option<&Value>) -> Result<bool> {
        let version = super::version(version)?;
        let requirement = super::requirement(requirement)?;
        Ok(requirement.matches(&version))
    }

    /// 1 if the first version is greater than the second, else 0.
    #[function(deterministic)]
    fn semver_gt(a: Option<&Value>, b: Option<&Value>) -> Result<bool> {
        Ok(super::version(a)? > super::version(b)?)
    }

    /// Orders versions by precedence, a leading `v` ignored; "less"
    /// whenever either side is not a version.
    #[collation(name = "semver")]
    fn semver(a: &[u8], b: &[u8]) -> Ordering {
        let parse = |s: &[u8]| std::str::from_utf8(s).ok().and_then(|s| Version::parse(s.strip_prefix('v').unwrap_or(s)).ok());
        match (parse(a), parse(b)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => Ordering::Less,
        }
    }

    /// The comparators of a requirement, one row each: `op`, `major`,
    /// `minor`, `patch`, `pre`, rowids from 0.
    #[vtab(name = "semver_requirements", eponymous_only)]
    pub type SemverRequirements = crate::table::Requirements;
}

use semver::{BuildMetadata, Prerelease, Version, VersionReq};
use sqlink_sdk::{Error, Result, Value};

/// The sqlite-semver version `semver_version()` reports.
const VERSION: &str = "v0.0.1-alpha.1";
/// The sqlite-semver commit this follows.
const REFERENCE_COMMIT: &str = "90bac74d9fb4064857b006a7f59271a4978e9187";

/// `sqlite3_value_text` as sqlite-loadable's `value_text` reads it: NULL
/// as `''`, numbers as their text, invalid UTF-8 an error.
pub(crate) fn text(value: Option<&Value>) -> Result<String> {
    let bytes = value.and_then(Value::to_text_bytes).unwrap_or_default();
    String::from_utf8(bytes.into_owned()).map_err(|e| Error::new(e.utf8_error().to_string()))
}

/// A version argument: parsed as the semver crate parses (no `v`).
fn version(value: Option<&Value>) -> Result<Version> {
    Version::parse(&text(value)?).map_err(|e| Error::new(e.to_string()))
}

/// A requirement argument.
pub(crate) fn requirement(value: Option<&Value>) -> Result<VersionReq> {
    VersionReq::parse(&text(value)?).map_err(|e| Error::new(e.to_string()))
}

/// `sqlite3_value_int64`.
fn int64(value: Option<&Value>) -> i64 {
    match value {
        None | Some(Value::Null) => 0,
        Some(Value::Integer(i)) => *i,
        Some(Value::Real(r)) => *r as i64,
        Some(Value::Text(t) | Value::Blob(t)) => {
            let t = &t[t.iter().take_while(|b| b" \t\n\x0b\x0c\r".contains(b)).count()..];
            let (negative, digits) = match t.first() {
                Some(b'-') => (true, &t[1..]),
                Some(b'+') => (false, &t[1..]),
                _ => (false, t),
            };
            let magnitude = digits
                .iter()
                .take_while(|d| d.is_ascii_digit())
                .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
            match (negative, i64::try_from(magnitude)) {
                (false, Ok(n)) => n,
                (true, Ok(n)) => -n,
                (false, Err(_)) => i64::MAX,
                (true, Err(_)) => i64::MIN,
            }
        }
    }
}

/// sqlite-semver's `semver_version_constructor`.
fn construct(
    major: Option<&Value>,
    minor: Option<&Value>,
    patch: Option<&Value>,
    pre: Option<Option<&Value>>,
    build: Option<Option<&Value>>,
) -> Result<Version> {
    let major = u64::try_from(int64(major)).map_err(|e| Error::new(format!("major cannot be {e}")))?;
    let pre = match pre {
        Some(v) => Prerelease::new(&text(v)?).map_err(|e| Error::new(e.to_string()))?,
        None => Prerelease::EMPTY,
    };
    let build = match build {
        Some(v) => BuildMetadata::new(&text(v)?).map_err(|e| Error::new(e.to_string()))?,
        None => BuildMetadata::EMPTY,
    };
    Ok(Version { major, minor: int64(minor) as u64, patch: int64(patch) as u64, pre, build })
}

#[cfg(test)]
mod tests;
