//! `stdnum.util.clean` and the string steps of stdnum's `compact`
//! functions, as Python does them.

use crate::tables::CHAR_MAP;

/// `clean(number, deletechars)`: look-alike characters (dashes, dots,
/// spaces, fullwidth digits, ...) mapped to ASCII, then `deletechars`
/// removed.
pub fn clean(number: &str, deletechars: &str) -> String {
    number
        .chars()
        .map(|c| match CHAR_MAP.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => CHAR_MAP[i].1,
            Err(_) => c,
        })
        .filter(|c| !deletechars.contains(*c))
        .collect()
}

/// Python's `str.isspace()`.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
pub fn strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// `clean(number, deletechars).strip().upper()`.
pub fn compact(number: &str, deletechars: &str) -> String {
    strip(&clean(number, deletechars)).to_uppercase()
}

/// `stdnum.util.isdigits`: one or more ASCII digits.
pub fn isdigits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Python's `s[from..to]` over characters (ends clamped, `None` = open).
pub fn slice(s: &str, from: Option<isize>, to: Option<isize>) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as isize;
    let at = |i: isize| if i < 0 { (n + i).max(0) } else { i.min(n) } as usize;
    let (a, b) = (at(from.unwrap_or(0)), at(to.unwrap_or(n)));
    if a >= b { String::new() } else { chars[a..b].iter().collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleans_like_stdnum() {
        assert_eq!(clean("123-456:78 9", " -:"), "123456789");
        assert_eq!(clean("1\u{2013}2\u{2014}3\u{2015}4", ""), "1-2-3-4");
        assert_eq!(compact(" gb82-west ", " -."), "GB82WEST");
        assert_eq!(slice("abcdef", Some(4), None), "ef");
        assert_eq!(slice("ab", None, Some(-2)), "");
        assert_eq!(slice("abcdef", Some(-2), None), "ef");
    }
}
