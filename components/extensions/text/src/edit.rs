//! Building new strings: split, repeat, trim, pad, replace, translate.

use crate::chars;
use sqlink_sdk::{Error, Result, Value};

/// The longest string a function builds, in bytes: SQLite's default
/// maximum length of a string or blob (SQLITE_MAX_LENGTH).
pub const MAX_BYTES: usize = 1_000_000_000;

/// Refuses results longer than [`MAX_BYTES`] before building them, with
/// SQLite's own error for that case.
fn ensure_fits(bytes: Option<usize>) -> Result<()> {
    match bytes {
        Some(n) if n <= MAX_BYTES => Ok(()),
        _ => Err(Error::with_code(Error::TOOBIG, "string or blob too big")),
    }
}

/// Part `n` (1-based; negative counts from the end) of `s` split by `sep`,
/// or an empty string when there is no such part. An empty separator leaves
/// `s` whole, as its only part.
pub fn split_part<'a>(s: &'a str, sep: &str, n: i64) -> Result<&'a str> {
    if n == 0 {
        return Err(Error::new("text_split(): part parameter should not be 0"));
    }
    let parts: Vec<&str> = if sep.is_empty() { vec![s] } else { s.split(sep).collect() };
    let index = if n > 0 { n - 1 } else { parts.len() as i64 + n };
    Ok(usize::try_from(index).ok().and_then(|i| parts.get(i)).copied().unwrap_or(""))
}

/// Texts of the non-NULL `parts` (numbers as SQLite formats them) joined by
/// `sep`, byte for byte.
pub fn join<'a>(sep: &[u8], parts: impl IntoIterator<Item = &'a Value>) -> Value {
    let texts: Vec<_> = parts.into_iter().filter_map(Value::to_text_bytes).collect();
    Value::Text(texts.join(sep))
}

/// `s` repeated `n` times; nothing for `n <= 0`.
pub fn repeat(s: &str, n: i64) -> Result<String> {
    if n <= 0 || s.is_empty() {
        return Ok(String::new());
    }
    let n = usize::try_from(n).ok();
    ensure_fits(n.and_then(|n| s.len().checked_mul(n)))?;
    Ok(s.repeat(n.unwrap_or(0)))
}

/// Which end of a string to work on.
#[derive(Clone, Copy)]
pub enum Side {
    Left,
    Right,
    Both,
}

/// Removes the characters in `set` from one or both ends of `s`.
pub fn trim<'a>(s: &'a str, set: &str, side: Side) -> &'a str {
    let in_set = |c: char| set.contains(c);
    match side {
        Side::Left => s.trim_start_matches(in_set),
        Side::Right => s.trim_end_matches(in_set),
        Side::Both => s.trim_matches(in_set),
    }
}

/// Pads `s` to `length` characters with `fill` repeated, on the left or the
/// right. A longer `s` is cut to its first `length` characters; an empty
/// `fill` leaves a shorter `s` as it is.
pub fn pad(s: &str, length: i64, fill: &str, side: Side) -> Result<String> {
    let length = length.max(0);
    let have = chars::count(s);
    if have >= length {
        return Ok(chars::range(s, 0, length).to_owned());
    }
    if fill.is_empty() {
        return Ok(s.to_owned());
    }
    let missing = usize::try_from(length - have).unwrap_or(usize::MAX);
    let fill_chars = fill.chars().count();
    let (whole, part) = (missing / fill_chars, missing % fill_chars);
    let padding_bytes = fill.len().checked_mul(whole).and_then(|b| b.checked_add(chars::range(fill, 0, part as i64).len()));
    ensure_fits(padding_bytes.and_then(|b| b.checked_add(s.len())))?;
    let padding: String = fill.chars().cycle().take(missing).collect();
    Ok(match side {
        Side::Left => padding + s,
        _ => s.to_owned() + &padding,
    })
}

/// `s` with the first `limit` occurrences of `old` (all when `None`)
/// replaced by `new`. An empty `old` matches nothing.
pub fn replace(s: &str, old: &str, new: &str, limit: Option<i64>) -> Result<String> {
    if old.is_empty() {
        return Ok(s.to_owned());
    }
    let limit = match limit {
        None => usize::MAX,
        Some(n) if n <= 0 => 0,
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX),
    };
    let n = s.matches(old).take(limit).count();
    if new.len() > old.len() {
        ensure_fits((new.len() - old.len()).checked_mul(n).and_then(|grow| grow.checked_add(s.len())))?;
    }
    Ok(s.replacen(old, new, n))
}

/// Replaces each character of `s` found in `from` by the character at the
/// same position in `to`, or drops it when `to` is shorter than that.
pub fn translate(s: &str, from: &str, to: &str) -> String {
    let to: Vec<char> = to.chars().collect();
    s.chars()
        .filter_map(|c| match from.chars().position(|f| f == c) {
            Some(k) => to.get(k).copied(),
            None => Some(c),
        })
        .collect()
}
