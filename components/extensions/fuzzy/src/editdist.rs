//! The spellcheck edit distance of SQLite's spellfix module
//! (`fuzzy_editdist`): a Wagner-Fischer distance whose costs depend on the
//! characters involved and on their neighbours.
//!
//! Costs, where the class is a spellfix [`Class`] and "previous" is the
//! character the new one follows in the string being built:
//!
//! * inserting or deleting: a silent letter (H) 1; repeating or dropping a
//!   repeat of the previous character 10; a vowel next to an `r` 20; a vowel
//!   next to a vowel 15; a consonant next to one of its own class 50;
//!   anything else 100. Characters inserted at the end of the source word
//!   cost a quarter (integer division), so a prefix is cheap to complete.
//! * substituting: the same letter in another case 0; same class 40; one
//!   consonant class for another 75; anything else 100.
//!
//! A source that ends in `*` is a prefix pattern: the result is the cheapest
//! way to turn the rest of it into any prefix of the target.

use crate::classes::Class;

/// Why the distance could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditDistError {
    /// A byte outside ASCII in what remains after the common prefix.
    NonAscii,
}

const FINAL_INSERT_DIVISOR: u32 = 4;

/// The cost of inserting or deleting `c` right after `prev` (0 at the start
/// of the word), `next` being the character after it (0 at the end).
fn insert_or_delete_cost(prev: u8, c: u8, next: u8) -> u32 {
    let class = Class::after(prev, c);
    if class == Class::Silent {
        1
    } else if prev == c {
        10
    } else if class == Class::Vowel && (prev == b'r' || next == b'r') {
        20
    } else if class == Class::after(prev, prev) {
        if class == Class::Vowel { 15 } else { 50 }
    } else {
        100
    }
}

/// The cost of writing `to` where the source has `from`, after `prev`.
fn substitute_cost(prev: u8, from: u8, to: u8) -> u32 {
    if from == to || (to.is_ascii_alphabetic() && from == to ^ 0x20) {
        return 0;
    }
    let (class_from, class_to) = (Class::after(prev, from), Class::after(prev, to));
    if class_from == class_to {
        40
    } else if class_from.is_consonantal() && class_to.is_consonantal() {
        75
    } else {
        100
    }
}

/// The cost of transforming `a` into `b`, both cut at their first NUL byte
/// by the caller. Non-ASCII bytes are an error unless they are part of the
/// two strings' common prefix (which costs nothing and is never examined).
pub fn edit_distance(a: &[u8], b: &[u8]) -> Result<u32, EditDistError> {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // The last character of the common prefix is the context of what follows.
    let context = if common > 0 { a[common - 1] } else { 0 };
    let (a, b) = (&a[common..], &b[common..]);
    if a.is_empty() && b.is_empty() {
        return Ok(0);
    }
    if !a.is_ascii() || !b.is_ascii() {
        return Err(EditDistError::NonAscii);
    }
    let at = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(0);

    if a.is_empty() {
        // Only appending to the source: every insertion is a final one.
        let mut prev = context;
        return Ok(b
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let cost = insert_or_delete_cost(prev, c, at(b, i + 1)) / FINAL_INSERT_DIVISOR;
                prev = c;
                cost
            })
            .sum());
    }
    if b.is_empty() {
        let mut prev = context;
        return Ok(a
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                let cost = insert_or_delete_cost(prev, c, at(a, i + 1));
                prev = c;
                cost
            })
            .sum());
    }
    if a == b"*" {
        return Ok(0);
    }

    // One row of the Wagner matrix, `cost[j]` for the first `j` characters of
    // `b`, and for each cell the character its cheapest path ends with,
    // which is the context of the next edit along that path.
    let mut cost = Vec::with_capacity(b.len() + 1);
    let mut last = Vec::with_capacity(b.len() + 1);
    cost.push(0);
    last.push(context);
    let mut prev = context;
    for (j, &c) in b.iter().enumerate() {
        cost.push(cost[j] + insert_or_delete_cost(prev, c, at(b, j + 1)));
        last.push(c);
        prev = c;
    }

    let mut prefix_pattern = false;
    let mut prev_a = context;
    for (i, &ca) in a.iter().enumerate() {
        let final_char = i + 1 == a.len();
        if ca == b'*' && final_char {
            prefix_pattern = true;
            break;
        }
        let next_a = at(a, i + 1);
        // `diagonal` is the previous row's value left of the current cell.
        let mut diagonal = cost[0];
        cost[0] = diagonal + insert_or_delete_cost(prev_a, ca, next_a);
        for (j, &cb) in b.iter().enumerate() {
            let j = j + 1;
            let next_b = at(b, j);
            let mut insert = insert_or_delete_cost(last[j - 1], cb, next_b);
            if final_char {
                insert /= FINAL_INSERT_DIVISOR;
            }
            // spellfix looks at the next character of `b`, not of `a`, here.
            let delete = insert_or_delete_cost(last[j], ca, next_b);
            let substitute = substitute_cost(last[j - 1], ca, cb);

            let mut best = cost[j - 1] + insert;
            let mut ends_with = cb;
            if cost[j] + delete < best {
                best = cost[j] + delete;
                ends_with = ca;
            }
            // A substitution keeps the character chosen above as the context.
            best = best.min(diagonal + substitute);
            diagonal = cost[j];
            cost[j] = best;
            last[j] = ends_with;
        }
        prev_a = ca;
    }

    Ok(if prefix_pattern {
        // The best match of the pattern against any non-empty prefix of `b`.
        cost[1..].iter().copied().min().expect("b is not empty")
    } else {
        cost[b.len()]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed(a: &str, b: &str) -> u32 {
        edit_distance(a.as_bytes(), b.as_bytes()).unwrap()
    }

    #[test]
    fn documented_and_sqlean_test_values() {
        assert_eq!(ed("awesome", "aewsme"), 215);
        for (a, b, d) in [("abc", "abc", 0), ("abc", "", 300), ("", "abc", 75), ("abc", "ab", 100), ("abc", "abcd", 25), ("abc", "acb", 110), ("abc", "ca", 225)] {
            assert_eq!(ed(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn costs_follow_character_classes() {
        // Case differences are free.
        assert_eq!(ed("Hello", "hello"), 0);
        assert_eq!(ed("abc", "ABC"), 0);
        // Same class (d/t) is cheaper than another consonant class (d/k),
        // which is cheaper than consonant to vowel.
        assert_eq!(ed("xd", "xt"), 40);
        assert_eq!(ed("xd", "xk"), 75);
        assert_eq!(ed("xd", "xa"), 100);
        // Dropping a silent H costs 1, a doubled letter 10.
        assert_eq!(ed("xhy", "xy"), 1);
        assert_eq!(ed("xlly", "xly"), 10);
    }

    #[test]
    fn prefix_patterns_end_in_a_star() {
        assert_eq!(ed("*", "anything"), 0);
        assert_eq!(ed("hel*", "hello world"), 0);
        assert_eq!(ed("helo*", "hello"), 10);
        // Without the star, appending costs a quarter: 10 / 4 for the
        // doubled l, 100 / 4 for the o.
        assert_eq!(ed("hel", "hello"), 27);
    }

    #[test]
    fn non_ascii_is_an_error_outside_the_common_prefix() {
        assert_eq!(edit_distance("é".as_bytes(), b"a"), Err(EditDistError::NonAscii));
        assert_eq!(edit_distance("é".as_bytes(), "é".as_bytes()), Ok(0));
        assert_eq!(edit_distance("éa".as_bytes(), "éb".as_bytes()), Ok(100));
    }
}
