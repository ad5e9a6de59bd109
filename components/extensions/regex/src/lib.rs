//! Regular expressions with Rust's `regex` crate, compatible with
//! asg017/sqlite-regex v0.2.4-alpha.1 (commit 5fe28e3): same names,
//! arguments and results, the same engine (so the same syntax, matches
//! and parse-error texts), and sqlite-regex's error messages.
//!
//! * Scalars: `regexp(pattern, text)` (and so `text REGEXP pattern`),
//!   `regex(pattern)`, `regex_print`, `regex_valid`, `regex_find`,
//!   `regex_find_at`, `regex_capture` (3 and 2 arguments),
//!   `regex_replace`, `regex_replace_all`, `regexset(pattern, ...)`,
//!   `regexset_print`, `regexset_is_match`, `regex_version`,
//!   `regex_debug`.
//! * Tables: `regex_find_all(pattern, contents)` (`start`, `end`,
//!   `match`), `regex_captures(pattern, contents)` (`captures`),
//!   `regex_split(pattern, contents)` (`item`),
//!   `regexset_matches(regexset, contents)` (`key`, `pattern`). Rows are
//!   numbered from 0 (`rowid`); `start` and `end` are byte offsets.
//!
//! Kept from sqlite-regex: a NULL pattern, text or replacement is the
//! error `Unexpected null value` (so `NULL REGEXP 'a'` fails rather than
//! giving NULL); text is read up to its first NUL byte; text that is not
//! UTF-8 is the error `utf8 err`; a pattern that does not compile is
//! `pattern not valid regex` in the scalars, `Error parsing pattern as
//! regex: ...` in `regex()` and `Error parsing regex: ...` in
//! `regex_print()` and the tables; `regex_valid(NULL)` is an error too. A
//! table without both arguments fails with `SQL logic error`.
//!
//! Differences, all from one cause: sqlite-regex passes compiled regexes,
//! regex sets and captures between its functions as SQLite pointers
//! (values that read as NULL), which cannot cross the component boundary.
//! Here they are values that say what they hold (see [`objects`]):
//! `regex(p)` returns the pattern `p` (after checking that it compiles)
//! instead of a NULL-looking pointer; `regexset(...)` returns the JSON
//! array of its patterns, e.g. `["abc","xyz"]` (what `regexset_print`
//! shows); the `captures` column holds a JSON object of the groups by
//! number and by name. Everything that takes them works as in
//! sqlite-regex, and `captures ->> 'name'` works through SQLite's own JSON
//! operator (`captures ->> 0` does not: numbers index JSON arrays there;
//! use `regex_capture(captures, 0)`). Since these are ordinary values, a
//! hand-written pattern or JSON array is accepted where sqlite-regex
//! requires the pointer (`regexset_is_match('["a","b"]', t)`), and errors
//! name what was expected (`value is not a regexset object`) where
//! sqlite-regex says `asdf`. The hidden `regexset` column of
//! `regexset_matches` is that JSON text without the JSON subtype (tables
//! carry none).
//!
//! Caching: sqlite-regex keeps the compiled pattern of a call site in
//! SQLite's auxdata. The contract has no auxdata; the extension's instance
//! lives with the connection and keeps the 32 patterns (and sets) it
//! compiled most recently, keyed by their text (see [`cache`]), so
//! `regexp()` over many rows compiles its pattern once.
//!
//! Also different: `regex_find_at(pattern, text, offset)` starts at byte
//! `offset` (the third argument), and gives NULL for an offset below 0 or
//! past the end; sqlite-regex 0.2.4-alpha.1 reads the offset from the text
//! argument (a bug: the offset is 0 for most texts) and aborts the process
//! for one past the end. The engine is regex 1.13, which accepts a few
//! more patterns than sqlite-regex's regex 1.6 (`\<`, `\b{start}` ...).
//! Reference outputs: `testdata/reference.sql` (made by
//! `testdata/gen.sh`).

mod args;
mod cache;
pub mod objects;
mod tables;

/// sqlite-regex: Rust's `regex` crate in SQL.
#[sqlink_sdk::extension(name = "regex")]
mod regex_ext {
    use crate::args::{int64, text_notnull, text_or_empty};
    use crate::objects::{self, regex_of};
    use sqlink_sdk::prelude::*;

    /// The error of the scalars for a pattern that does not compile.
    fn invalid(_: regex::Error) -> Error {
        Error::new("pattern not valid regex")
    }

    /// The version of sqlite-regex this extension is compatible with,
    /// `v0.2.4-alpha.1`.
    #[function(deterministic, innocuous)]
    fn regex_version() -> &'static str {
        super::VERSION
    }

    /// Two lines: `Version:` (as `regex_version()`) and `Source:`, this
    /// crate and the sqlite-regex commit it follows.
    #[function(deterministic, innocuous)]
    fn regex_debug() -> String {
        format!(
            "Version: {}\nSource: sqlink-ext-regex {} (compatible with asg017/sqlite-regex {})\n",
            super::VERSION,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT
        )
    }

    /// A regex "object" for the other functions and tables: here the
    /// pattern itself, as text, once it is known to compile (sqlite-regex
    /// returns a pointer that reads as NULL). Errors: `Error parsing
    /// pattern as regex: ...`; NULL is `Unexpected null value`.
    #[function(name = "regex", deterministic, innocuous)]
    fn regex_object(pattern: &Value) -> Result<String> {
        let regex = regex_of(pattern, |e| Error::new(format!("Error parsing pattern as regex: {e}")))?;
        Ok(regex.as_str().to_string())
    }

    /// The pattern of a regex made by `regex()` (or of a pattern given as
    /// text). Errors: `Error parsing regex: ...` for a pattern that does
    /// not compile; NULL is `Unexpected null value`.
    #[function(deterministic, innocuous)]
    fn regex_print(regex: &Value) -> Result<String> {
        let regex = regex_of(regex, |e| Error::new(format!("Error parsing regex: {e}")))?;
        Ok(regex.as_str().to_string())
    }

    /// 1 if `text` matches `pattern` anywhere, else 0; `text REGEXP
    /// pattern` calls it. Errors: `pattern not valid regex`; a NULL
    /// pattern or text is `Unexpected null value`.
    #[function(deterministic, innocuous)]
    fn regexp(pattern: &Value, text: &Value) -> Result<bool> {
        let regex = regex_of(pattern, invalid)?;
        Ok(regex.is_match(&text_notnull(text)?))
    }

    /// 1 if `pattern` is a valid regular expression, else 0. NULL is the
    /// error `Unexpected null value`.
    #[function(deterministic, innocuous)]
    fn regex_valid(pattern: &Value) -> Result<bool> {
        let pattern = text_notnull(pattern)?;
        Ok(crate::cache::regex(&pattern).is_ok())
    }

    /// The text of the first match of `pattern` in `text`, or NULL when
    /// there is none. Errors: `pattern not valid regex`; a NULL argument
    /// is `Unexpected null value`.
    #[function(deterministic, innocuous)]
    fn regex_find(pattern: &Value, text: &Value) -> Result<Option<String>> {
        let regex = regex_of(pattern, invalid)?;
        Ok(regex.find(&text_notnull(text)?).map(|m| m.as_str().to_string()))
    }

    /// The text of the first match of `pattern` in `text` starting at
    /// byte `offset` (the text before it still counts for `^` and `\b`),
    /// or NULL when there is none or the offset is below 0 or past the
    /// end. Errors as `regex_find`.
    #[function(deterministic, innocuous)]
    fn regex_find_at(pattern: &Value, text: &Value, offset: &Value) -> Result<Option<String>> {
        let regex = regex_of(pattern, invalid)?;
        let text = text_notnull(text)?;
        let Ok(offset) = usize::try_from(int64(offset)) else { return Ok(None) };
        if offset > text.len() {
            return Ok(None);
        }
        Ok(regex.find_at(&text, offset).and_then(|m| text.get(m.range())).map(str::to_string))
    }

    /// `text` with the first match of `pattern` replaced by `replacement`,
    /// in which `$1`, `$name` and `${name}` stand for groups and `$$` for
    /// `$`; `text` unchanged when nothing matches. Errors: `pattern not
    /// valid regex`; a NULL argument is `Unexpected null value`.
    #[function(deterministic, innocuous)]
    fn regex_replace(pattern: &Value, text: &Value, replacement: &Value) -> Result<String> {
        let regex = regex_of(pattern, invalid)?;
        let text = text_notnull(text)?;
        let replacement = text_notnull(replacement)?;
        Ok(regex.replace(&text, replacement.as_ref()).into_owned())
    }

    /// `text` with every match of `pattern` replaced by `replacement`
    /// (same syntax as `regex_replace`). Errors as `regex_replace`.
    #[function(deterministic, innocuous)]
    fn regex_replace_all(pattern: &Value, text: &Value, replacement: &Value) -> Result<String> {
        let regex = regex_of(pattern, invalid)?;
        let text = text_notnull(text)?;
        let replacement = text_notnull(replacement)?;
        Ok(regex.replace_all(&text, replacement.as_ref()).into_owned())
    }

    /// With three arguments `(pattern, text, group)`: the text of a
    /// capture group of the first match, by number when `group` is an
    /// integer (0 is the whole match) and by name otherwise; NULL when
    /// nothing matches or there is no such group (a real or NULL group is
    /// a name). With two `(captures, group)`: the same from a `captures`
    /// value of `regex_captures`. Errors: `pattern not valid regex`, a
    /// NULL pattern or text `Unexpected null value`, anything but a
    /// captures value `value is not a regex captures object`.
    #[function(deterministic, innocuous)]
    fn regex_capture(first: &Value, second: &Value, #[optional] group: Option<&Value>) -> Result<Option<String>> {
        let Some(group) = group else { return objects::capture_in(first, second) };
        let regex = regex_of(first, invalid)?;
        let text = text_notnull(second)?;
        let Some(captures) = regex.captures(&text) else { return Ok(None) };
        let found = match group {
            Value::Integer(i) => usize::try_from(*i).ok().and_then(|i| captures.get(i)),
            other => captures.name(&text_or_empty(other)?),
        };
        Ok(found.map(|m| m.as_str().to_string()))
    }

    /// A regex set "object" of the patterns (any number): here the JSON
    /// array of the patterns, e.g. `["abc","xyz"]`, with the JSON subtype
    /// (sqlite-regex returns a pointer that reads as NULL). Errors: `Error
    /// parsing pattern as regex: ...` for a pattern that does not compile;
    /// a NULL pattern is `Unexpected null value`.
    #[function(deterministic, innocuous, result_subtype)]
    fn regexset(patterns: &[Value]) -> Result<Json> {
        let patterns = patterns.iter().map(|p| text_notnull(p).map(|p| p.into_owned())).collect::<Result<Vec<_>>>()?;
        let text = objects::set_text(&patterns);
        crate::cache::regex_set(&text, &patterns).map_err(objects::set_error)?;
        Ok(Json(text))
    }

    /// The patterns of a regex set as a JSON array, e.g. `["abc","xyz"]`.
    /// Anything but a regex set is the error `value is not a regexset
    /// object`.
    #[function(deterministic, innocuous, result_subtype)]
    fn regexset_print(set: &Value) -> Result<Json> {
        let (_, patterns) = objects::set_of(set)?;
        Ok(Json(objects::set_text(&patterns)))
    }

    /// 1 if any pattern of the regex set matches `text`, else 0. Errors:
    /// `value is not a regexset object`; a NULL text is `Unexpected null
    /// value`.
    #[function(deterministic, innocuous)]
    fn regexset_is_match(set: &Value, text: &Value) -> Result<bool> {
        let (set, _) = objects::set_of(set)?;
        Ok(set.is_match(&text_notnull(text)?))
    }

    /// Every match of a pattern (the first argument) in a text (the
    /// second), one row each, numbered from 0: `start` and `end` (byte
    /// offsets) and `match`. A pattern that does not compile is `Error
    /// parsing regex: ...`; a NULL argument `Unexpected null value`.
    #[vtab(name = "regex_find_all", eponymous_only)]
    pub type RegexFindAll = crate::tables::RegexTable<{ crate::tables::FIND_ALL }>;

    /// Every match of a pattern (the first argument) in a text (the
    /// second), one row each, numbered from 0: `captures`, a JSON object
    /// of the groups by number and name for `regex_capture(captures,
    /// group)` or `captures ->> 'name'`. Errors as `regex_find_all`.
    #[vtab(name = "regex_captures", eponymous_only)]
    pub type RegexCaptures = crate::tables::RegexTable<{ crate::tables::CAPTURES }>;

    /// The pieces of a text (the second argument) between the matches of
    /// a pattern (the first), one row each, numbered from 0: `item`.
    /// Errors as `regex_find_all`.
    #[vtab(name = "regex_split", eponymous_only)]
    pub type RegexSplit = crate::tables::RegexTable<{ crate::tables::SPLIT }>;

    /// The patterns of a regex set (the first argument) that match a text
    /// (the second), one row each, numbered from 0: `key` (the pattern's
    /// 0-based position in the set) and `pattern`. Anything but a regex
    /// set is `value is not a regexset object`; a NULL text `Unexpected
    /// null value`.
    #[vtab(name = "regexset_matches", eponymous_only)]
    pub type RegexsetMatches = crate::tables::RegexTable<{ crate::tables::SET_MATCHES }>;
}

/// The sqlite-regex version `regex_version()` reports.
const VERSION: &str = "v0.2.4-alpha.1";
/// The sqlite-regex commit this follows.
const REFERENCE_COMMIT: &str = "5fe28e3c7a978c621082cfef0ae6dea9a71167ee";

#[cfg(test)]
mod tests;
