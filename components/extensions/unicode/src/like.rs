//! LIKE matching that ignores case and accents.
//!
//! The wildcards are SQLite's: `%` matches any sequence of zero or more
//! characters, `_` matches exactly one character, and the escape character
//! (if any) makes the character after it literal. Literal text matches
//! when the comparison keys ([`crate::text::push_key`]) of its characters
//! spell the same string, so a pattern without wildcards matches exactly the
//! texts equal to it under the NOCASE collation (`'ÆRØ' LIKE 'aero'`).

use crate::text::{nfc, push_key};
use std::ops::Range;

/// SQLite's default `SQLITE_MAX_LIKE_PATTERN_LENGTH`, in bytes.
pub const MAX_PATTERN_BYTES: usize = 50_000;

#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `%`
    Any,
    /// `_`
    One,
    /// A run of literal characters: the range of the key buffer holding
    /// their keys, concatenated.
    Literal(Range<usize>),
}

/// Whether `text` matches `pattern`, with `escape` as the escape character.
pub fn like(pattern: &str, text: &str, escape: Option<char>) -> bool {
    let mut pattern_keys = String::with_capacity(pattern.len());
    let Some(tokens) = tokenize(pattern, escape, &mut pattern_keys) else {
        // A pattern ending in the escape character matches nothing, as in SQLite.
        return false;
    };
    let mut text_keys = String::with_capacity(text.len());
    let units = keys(text, &mut text_keys);
    matches(&tokens, &pattern_keys, &units, &text_keys)
}

/// Splits the pattern into wildcards and runs of literal characters. Each
/// run is put in NFC and keyed; a run whose key is empty (lone diacritical
/// marks) is left out, as such characters are from the text. None when the
/// pattern ends with the escape character.
fn tokenize(pattern: &str, escape: Option<char>, buf: &mut String) -> Option<Vec<Token>> {
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut chars = pattern.chars();
    let flush = |literal: &mut String, tokens: &mut Vec<Token>, buf: &mut String| {
        let start = buf.len();
        for c in nfc(literal).chars() {
            push_key(c, buf);
        }
        if buf.len() > start {
            tokens.push(Token::Literal(start..buf.len()));
        }
        literal.clear();
    };
    while let Some(c) = chars.next() {
        if Some(c) == escape {
            literal.push(chars.next()?);
        } else if c == '%' || c == '_' {
            flush(&mut literal, &mut tokens, buf);
            tokens.push(if c == '%' { Token::Any } else { Token::One });
        } else {
            literal.push(c);
        }
    }
    flush(&mut literal, &mut tokens, buf);
    Some(tokens)
}

/// The text as a list of character keys (ranges of `buf`), empty keys left out.
fn keys(text: &str, buf: &mut String) -> Vec<Range<usize>> {
    let mut units = Vec::with_capacity(text.len());
    for c in nfc(text).chars() {
        let start = buf.len();
        push_key(c, buf);
        if buf.len() > start {
            units.push(start..buf.len());
        }
    }
    units
}

/// Wildcard matching with backtracking to the last `%` only: linear in the
/// common case, at worst the product of the lengths, never exponential.
///
/// Backtracking to the last `%` alone is enough because every other token
/// matches a length fixed by where it starts, and a literal run that
/// matches starting earlier also ends no later (every text unit has a
/// non-empty key), so placing each part of the pattern as early as possible
/// is never worse.
fn matches(tokens: &[Token], pattern_keys: &str, units: &[Range<usize>], text_keys: &str) -> bool {
    let (mut p, mut t) = (0, 0);
    // After the last `%` seen: the token following it and the text position it resumes at.
    let mut backtrack: Option<(usize, usize)> = None;
    while t < units.len() {
        match tokens.get(p) {
            Some(Token::Any) => {
                p += 1;
                backtrack = Some((p, t));
                continue;
            }
            Some(Token::One) => {
                p += 1;
                t += 1;
                continue;
            }
            Some(Token::Literal(k)) => {
                if let Some(n) = match_run(&pattern_keys[k.clone()], &units[t..], text_keys) {
                    p += 1;
                    t += n;
                    continue;
                }
            }
            None => {}
        }
        match backtrack {
            Some((after, from)) => {
                p = after;
                t = from + 1;
                backtrack = Some((after, from + 1));
            }
            None => return false,
        }
    }
    tokens[p..].iter().all(|token| *token == Token::Any)
}

/// How many text units, from the start of `units`, spell `run` exactly;
/// None if they do not.
fn match_run(run: &str, units: &[Range<usize>], text_keys: &str) -> Option<usize> {
    let mut rest = run;
    let mut n = 0;
    while !rest.is_empty() {
        rest = rest.strip_prefix(&text_keys[units.get(n)?.clone()])?;
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full backtracking over every way `%` can split the text.
    fn reference(tokens: &[Token], pattern_keys: &str, units: &[Range<usize>], text_keys: &str) -> bool {
        match tokens.split_first() {
            None => units.is_empty(),
            Some((Token::Any, rest)) => (0..=units.len()).any(|i| reference(rest, pattern_keys, &units[i..], text_keys)),
            Some((Token::One, rest)) => !units.is_empty() && reference(rest, pattern_keys, &units[1..], text_keys),
            Some((Token::Literal(k), rest)) => match match_run(&pattern_keys[k.clone()], units, text_keys) {
                Some(n) => reference(rest, pattern_keys, &units[n..], text_keys),
                None => false,
            },
        }
    }

    /// The matcher agrees with full backtracking on many random patterns
    /// mixing wildcards, ligatures (keys of two letters) and accents.
    #[test]
    fn greedy_matching_equals_full_backtracking() {
        let alphabet = ['a', 'e', 'æ', 'Æ', 'É', '%', '_', 'b'];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut matched = 0;
        for _ in 0..20_000 {
            let pattern: String = (0..next(7)).map(|_| alphabet[next(alphabet.len())]).collect();
            let text: String = (0..next(7)).map(|_| alphabet[next(alphabet.len() - 2)]).collect();
            let mut pattern_keys = String::new();
            let tokens = tokenize(&pattern, None, &mut pattern_keys).unwrap();
            let mut text_keys = String::new();
            let units = keys(&text, &mut text_keys);
            let want = reference(&tokens, &pattern_keys, &units, &text_keys);
            assert_eq!(like(&pattern, &text, None), want, "{text:?} LIKE {pattern:?}");
            matched += want as usize;
        }
        // Both outcomes are exercised.
        assert!(matched > 1000 && matched < 19_000, "{matched}");
    }
}
