//! Character (Unicode code point) positions: substrings, slices, indexes.
//!
//! Positions count code points, as sqlean does, not bytes and not grapheme
//! clusters.

/// The number of characters in `s`.
pub fn count(s: &str) -> i64 {
    s.chars().count() as i64
}

/// The byte offset of character `n` (0-based) of `s`; the length of `s` when
/// `n` is at or past its end, 0 when `n` is negative.
fn byte_offset(s: &str, n: i64) -> usize {
    if n <= 0 {
        return 0;
    }
    // Past usize (on 32-bit targets) is past the end.
    let n = usize::try_from(n).unwrap_or(usize::MAX);
    s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)
}

/// Characters `from..to` (0-based, end exclusive) of `s`, both clamped to
/// the string; empty when `from >= to`.
pub fn range(s: &str, from: i64, to: i64) -> &str {
    if from >= to {
        return "";
    }
    let start = byte_offset(s, from);
    let end = start + byte_offset(&s[start..], to - from.max(0));
    &s[start..end]
}

/// Python-style slice `s[start:end]`: 0-based, end exclusive, negative
/// positions count from the end; `None` as end means the end of the string.
pub fn slice(s: &str, start: i64, end: Option<i64>) -> &str {
    let len = count(s);
    let resolve = |i: i64| if i < 0 { len.saturating_add(i) } else { i };
    range(s, resolve(start).max(0), end.map_or(len, resolve))
}

/// Converts a 1-based position to 0-based, keeping zero and negative
/// positions (which count from the end) as they are.
pub fn zero_based(position: i64) -> i64 {
    if position > 0 { position - 1 } else { position }
}

/// The first `n` characters of `s`; for negative `n`, all but the last `|n|`.
pub fn left(s: &str, n: i64) -> &str {
    let n = if n < 0 { count(s).saturating_add(n) } else { n };
    range(s, 0, n)
}

/// The last `n` characters of `s`; for negative `n`, all but the first `|n|`.
pub fn right(s: &str, n: i64) -> &str {
    let len = count(s);
    let n = if n < 0 { len.saturating_add(n) } else { n };
    if n <= 0 { "" } else { range(s, len.saturating_sub(n).max(0), len) }
}

/// The 1-based character position of the first `needle` in `s`, 0 if absent.
pub fn index(s: &str, needle: &str) -> i64 {
    s.find(needle).map_or(0, |at| count(&s[..at]) + 1)
}

/// The 1-based character position of the last `needle` in `s`, 0 if absent.
/// An empty needle is found at the last character (sqlean's rule).
pub fn last_index(s: &str, needle: &str) -> i64 {
    if needle.is_empty() {
        return count(s);
    }
    s.rfind(needle).map_or(0, |at| count(&s[..at]) + 1)
}

/// Counts non-overlapping occurrences of `needle`; 0 for an empty needle.
pub fn occurrences(s: &str, needle: &str) -> i64 {
    if needle.is_empty() { 0 } else { s.matches(needle).count() as i64 }
}
