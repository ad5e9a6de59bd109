//! String functions (sqlean-compatible: same names, arguments and results).
//!
//! Positions and lengths count Unicode code points. Case changes map one code
//! point to one (Unicode simple case mapping).

mod case;
mod chars;
mod edit;
#[cfg(test)]
mod tests;

/// String functions: Unicode-aware substrings, search, split and join, trim
/// and pad, case changes and a case-insensitive collation.
#[sqlink_sdk::extension(name = "text")]
mod text {
    use crate::edit::Side;
    use crate::{case, chars, edit};
    use sqlink_sdk::prelude::*;

    // Substrings and slicing.

    /// The characters from position `start` (1-based) to the end of the
    /// string; positions before the first count as the first.
    #[function(deterministic, innocuous, name = "text_substring")]
    fn substring_from(s: &str, start: i64) -> &str {
        chars::range(s, start.saturating_sub(1).max(0), i64::MAX)
    }

    /// `length` characters from position `start` (1-based); a start before
    /// the first character shortens the substring accordingly.
    #[function(deterministic, innocuous, name = "text_substring")]
    fn substring(s: &str, start: i64, length: i64) -> Result<&str> {
        if length < 0 {
            return Err(Error::new("text_substring(): length parameter should be >= 0"));
        }
        let from = start.saturating_sub(1);
        Ok(chars::range(s, from, from.saturating_add(length)))
    }

    /// The characters from position `start` (1-based; negative counts from
    /// the end) to the end of the string.
    #[function(deterministic, innocuous, name = "text_slice")]
    fn slice_from(s: &str, start: i64) -> &str {
        chars::slice(s, chars::zero_based(start), None)
    }

    /// The characters from position `start` inclusive to `end` exclusive
    /// (1-based; negative positions count from the end).
    #[function(deterministic, innocuous, name = "text_slice")]
    fn slice(s: &str, start: i64, end: i64) -> &str {
        chars::slice(s, chars::zero_based(start), Some(chars::zero_based(end)))
    }

    /// The first `length` characters; for negative `length`, all but the
    /// last `|length|`.
    #[function(deterministic, innocuous, alias = "left")]
    fn text_left(s: &str, length: i64) -> &str {
        chars::left(s, length)
    }

    /// The last `length` characters; for negative `length`, all but the
    /// first `|length|`.
    #[function(deterministic, innocuous, alias = "right")]
    fn text_right(s: &str, length: i64) -> &str {
        chars::right(s, length)
    }

    // Search and match.

    /// The position (1-based, in characters) of the first occurrence of
    /// `other`; 0 if there is none.
    #[function(deterministic, innocuous, alias = "strpos")]
    fn text_index(s: &str, other: &str) -> i64 {
        chars::index(s, other)
    }

    /// The position (1-based, in characters) of the last occurrence of
    /// `other`; 0 if there is none.
    #[function(deterministic, innocuous)]
    fn text_last_index(s: &str, other: &str) -> i64 {
        chars::last_index(s, other)
    }

    /// 1 if the string contains `other`, else 0.
    #[function(deterministic, innocuous)]
    fn text_contains(s: &str, other: &str) -> bool {
        s.contains(other)
    }

    /// 1 if the string starts with `other`, else 0.
    #[function(deterministic, innocuous, alias = "starts_with")]
    fn text_has_prefix(s: &str, other: &str) -> bool {
        s.starts_with(other)
    }

    /// 1 if the string ends with `other`, else 0.
    #[function(deterministic, innocuous)]
    fn text_has_suffix(s: &str, other: &str) -> bool {
        s.ends_with(other)
    }

    /// How many times `other` occurs in the string, not overlapping.
    #[function(deterministic, innocuous)]
    fn text_count(s: &str, other: &str) -> i64 {
        chars::occurrences(s, other)
    }

    /// 1 if `string` matches the LIKE `pattern` (`%` any run of characters, `_`
    /// any one), ignoring case in all scripts; else 0.
    #[function(deterministic, innocuous)]
    fn text_like(pattern: &str, string: &str) -> bool {
        case::like(pattern, string)
    }

    // Split and join.

    /// Part `n` of the string split by `sep` (1-based; negative counts from
    /// the end); an empty string if there is no such part.
    #[function(deterministic, innocuous, alias = "split_part")]
    fn text_split(s: &str, sep: &str, n: i64) -> Result<String> {
        edit::split_part(s, sep, n).map(str::to_owned)
    }

    /// Concatenates its arguments, skipping NULLs.
    #[function(deterministic, innocuous, alias = "concat")]
    fn text_concat(first: &Value, rest: &[Value]) -> Value {
        edit::join(b"", std::iter::once(first).chain(rest))
    }

    /// Joins its arguments after the first with the first as separator,
    /// skipping NULLs; NULL if the separator is NULL.
    #[function(deterministic, innocuous, alias = "concat_ws")]
    fn text_join(sep: &Value, first: &Value, rest: &[Value]) -> Value {
        match sep.to_text_bytes() {
            Some(sep) => edit::join(&sep, std::iter::once(first).chain(rest)),
            None => Value::Null,
        }
    }

    /// The string repeated `count` times; empty for `count <= 0`.
    #[function(deterministic, innocuous, alias = "repeat")]
    fn text_repeat(s: &str, count: i64) -> Result<String> {
        edit::repeat(s, count)
    }

    // Trim and pad.

    /// Removes spaces from the start of the string.
    #[function(deterministic, innocuous, name = "text_ltrim", alias = "ltrim")]
    fn ltrim_spaces(s: &str) -> &str {
        edit::trim(s, " ", Side::Left)
    }

    /// Removes the characters in `chars` from the start of the string.
    #[function(deterministic, innocuous, name = "text_ltrim", alias = "ltrim")]
    fn ltrim(s: &str, chars: &str) -> String {
        edit::trim(s, chars, Side::Left).to_owned()
    }

    /// Removes spaces from the end of the string.
    #[function(deterministic, innocuous, name = "text_rtrim", alias = "rtrim")]
    fn rtrim_spaces(s: &str) -> &str {
        edit::trim(s, " ", Side::Right)
    }

    /// Removes the characters in `chars` from the end of the string.
    #[function(deterministic, innocuous, name = "text_rtrim", alias = "rtrim")]
    fn rtrim(s: &str, chars: &str) -> String {
        edit::trim(s, chars, Side::Right).to_owned()
    }

    /// Removes spaces from both ends of the string.
    #[function(deterministic, innocuous, name = "text_trim", alias = "btrim")]
    fn trim_spaces(s: &str) -> &str {
        edit::trim(s, " ", Side::Both)
    }

    /// Removes the characters in `chars` from both ends of the string.
    #[function(deterministic, innocuous, name = "text_trim", alias = "btrim")]
    fn trim(s: &str, chars: &str) -> String {
        edit::trim(s, chars, Side::Both).to_owned()
    }

    /// Pads the string to `length` characters by prepending spaces; a longer
    /// string is cut to its first `length` characters.
    #[function(deterministic, innocuous, name = "text_lpad", alias = "lpad")]
    fn lpad_spaces(s: &str, length: i64) -> Result<String> {
        edit::pad(s, length, " ", Side::Left)
    }

    /// Pads the string to `length` characters by prepending `fill` repeated;
    /// a longer string is cut to its first `length` characters.
    #[function(deterministic, innocuous, name = "text_lpad", alias = "lpad")]
    fn lpad(s: &str, length: i64, fill: &str) -> Result<String> {
        edit::pad(s, length, fill, Side::Left)
    }

    /// Pads the string to `length` characters by appending spaces; a longer
    /// string is cut to its first `length` characters.
    #[function(deterministic, innocuous, name = "text_rpad", alias = "rpad")]
    fn rpad_spaces(s: &str, length: i64) -> Result<String> {
        edit::pad(s, length, " ", Side::Right)
    }

    /// Pads the string to `length` characters by appending `fill` repeated;
    /// a longer string is cut to its first `length` characters.
    #[function(deterministic, innocuous, name = "text_rpad", alias = "rpad")]
    fn rpad(s: &str, length: i64, fill: &str) -> Result<String> {
        edit::pad(s, length, fill, Side::Right)
    }

    // Change case.

    /// The string in upper case (Unicode, one character to one).
    #[function(deterministic, innocuous)]
    fn text_upper(s: &str) -> String {
        s.chars().map(case::upper).collect()
    }

    /// The string in lower case (Unicode, one character to one).
    #[function(deterministic, innocuous)]
    fn text_lower(s: &str) -> String {
        s.chars().map(case::lower).collect()
    }

    /// The string in title case: each word's first character in upper case,
    /// the rest in lower case.
    #[function(deterministic, innocuous)]
    fn text_title(s: &str) -> String {
        case::title(s)
    }

    /// The string case-folded (Unicode simple case folding), for comparing
    /// without regard to case.
    #[function(deterministic, innocuous)]
    fn text_casefold(s: &str) -> String {
        s.chars().map(case::fold).collect()
    }

    /// Compares strings without regard to case, in all scripts.
    #[collation(key)]
    fn text_nocase(text: &[u8]) -> Vec<u8> {
        case::fold_key(text)
    }

    // Other modifications.

    /// Replaces every occurrence of `old` with `new`.
    #[function(deterministic, innocuous, name = "text_replace")]
    fn replace_all(s: &str, old: &str, new: &str) -> Result<String> {
        edit::replace(s, old, new, None)
    }

    /// Replaces the first `count` occurrences of `old` with `new`.
    #[function(deterministic, innocuous, name = "text_replace")]
    fn replace(s: &str, old: &str, new: &str, count: i64) -> Result<String> {
        edit::replace(s, old, new, Some(count))
    }

    /// Replaces each character found in `from` with the character at the
    /// same position in `to`, deleting it if `to` is shorter.
    #[function(deterministic, innocuous, alias = "translate")]
    fn text_translate(s: &str, from: &str, to: &str) -> String {
        edit::translate(s, from, to)
    }

    /// The characters of the string in reverse order.
    #[function(deterministic, innocuous, alias = "reverse")]
    fn text_reverse(s: &str) -> String {
        s.chars().rev().collect()
    }

    // String properties.

    /// The number of characters in the string.
    #[function(deterministic, innocuous, alias = "char_length", alias = "character_length")]
    fn text_length(s: &str) -> i64 {
        chars::count(s)
    }

    /// The number of bytes in the string.
    #[function(deterministic, innocuous, alias = "octet_length")]
    fn text_size(s: &Value) -> Option<usize> {
        s.to_text_bytes().map(|t| t.len())
    }

    /// The number of bits in the string.
    #[function(deterministic, innocuous, alias = "bit_length")]
    fn text_bitsize(s: &Value) -> Option<usize> {
        s.to_text_bytes().map(|t| 8 * t.len())
    }
}
