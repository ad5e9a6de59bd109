//! Classic string distances over ASCII bytes: Damerau-Levenshtein, Hamming,
//! Jaro-Winkler, Levenshtein and sqlean's "optimal string alignment".
//!
//! Levenshtein, Damerau-Levenshtein and Hamming come from `strsim`, whose
//! results equal sqlean's for ASCII input. Jaro-Winkler and OSA are written
//! here because sqlean's versions differ from the textbook ones (and from
//! `strsim`) in ways its users can observe; each function says how.

/// Levenshtein distance: insertions, deletions and substitutions, each 1.
pub fn levenshtein(a: &[u8], b: &[u8]) -> usize {
    // strsim's generic form wants a sized container it can iterate by reference.
    strsim::generic_levenshtein(&a.to_vec(), &b.to_vec())
}

/// Unrestricted Damerau-Levenshtein distance: Levenshtein plus transposition
/// of adjacent characters, where substrings may be edited again after a
/// transposition.
pub fn damerau_levenshtein(a: &[u8], b: &[u8]) -> usize {
    strsim::generic_damerau_levenshtein(a, b)
}

/// Hamming distance: the number of positions at which the strings differ;
/// -1 when their lengths differ (sqlean returns -1 rather than failing).
pub fn hamming(a: &[u8], b: &[u8]) -> i64 {
    match strsim::generic_hamming(a, b) {
        Ok(d) => d as i64,
        Err(_) => -1,
    }
}

/// sqlean's "optimal string alignment" distance.
///
/// It is the Levenshtein recurrence with an extra transposition step, but
/// sqlean's step looks one character further than the textbook OSA does: at
/// the cell for prefixes of lengths `i` and `j` (both at least 2) it asks
/// whether `a[i] == b[j-1]` and `a[i-1] == b[j]` (0-based; the position just
/// past a string's end matches nothing) and, if so, allows
/// `d[i-2][j-2] + (a[i-1] != b[j-1])`. The common prefix of the two strings
/// is removed first, as sqlean does, and that changes which cells are
/// looked at. The result is what sqlean computes: 3 for
/// `('awesome', 'aewsme')` and 2 for `('abc', 'acb')`, where textbook OSA
/// gives 2 and 1.
pub fn sqlean_osa(a: &[u8], b: &[u8]) -> usize {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len());
    }
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[common..], &b[common..]);
    let (n, m) = (a.len(), b.len());
    // The byte at position `i`, or none past the end.
    let at = |s: &[u8], i: usize| s.get(i).copied();
    let width = m + 1;
    let mut d = vec![0usize; (n + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[..width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && at(a, i) == Some(b[j - 1]) && Some(a[i - 1]) == at(b, j) {
                best = best.min(d[(i - 2) * width + j - 2] + cost);
            }
            d[i * width + j] = best;
        }
    }
    d[n * width + m]
}

/// Jaro similarity as sqlean computes it.
///
/// Two characters match when equal and at most `window` positions apart,
/// where sqlean's window is `len(b) / 2 - 1` when `a` is not longer than
/// `b`, but the whole of `len(a)` when `a` is longer (a macro without
/// parentheses in its source). So the function is not symmetric, and single
/// characters never match each other (a window of -1).
fn sqlean_jaro(a: &[u8], b: &[u8]) -> f64 {
    if a.is_empty() {
        return if b.is_empty() { 1.0 } else { 0.0 };
    }
    let (la, lb) = (a.len() as isize, b.len() as isize);
    let window = if la > lb { la } else { lb / 2 - 1 };
    let mut a_matched = vec![false; a.len()];
    let mut b_matched = vec![false; b.len()];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let i = i as isize;
        let start = (i - window).max(0);
        let end = (i + window + 1).min(lb);
        for k in start..end {
            let k = k as usize;
            if !b_matched[k] && b[k] == ca {
                a_matched[i as usize] = true;
                b_matched[k] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    // Matched characters of `a` and of `b`, in order, that differ pairwise.
    let in_a = a.iter().zip(&a_matched).filter(|(_, m)| **m).map(|(c, _)| c);
    let in_b = b.iter().zip(&b_matched).filter(|(_, m)| **m).map(|(c, _)| c);
    let half_transpositions = in_a.zip(in_b).filter(|(x, y)| x != y).count();
    let m = matches as f64;
    let t = half_transpositions as f64 / 2.0;
    ((m / la as f64) + (m / lb as f64) + ((m - t) / m)) / 3.0
}

/// Jaro-Winkler similarity as sqlean computes it: [`sqlean_jaro`] raised by
/// `0.1 * (1 - jaro)` for each of the first characters the strings share,
/// counting at most 3 (Winkler's own limit, and `strsim`'s, is 4) and with
/// no threshold on the Jaro value. Positions past a string's end compare as
/// a terminator, so two identical strings shorter than 3 still count 3.
pub fn sqlean_jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    let jaro = sqlean_jaro(a, b);
    let mut prefix = 0;
    if !a.is_empty() && !b.is_empty() {
        let at = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(0);
        while prefix < 3 && at(a, prefix) == at(b, prefix) {
            prefix += 1;
        }
    }
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lev(a: &str, b: &str) -> usize {
        levenshtein(a.as_bytes(), b.as_bytes())
    }
    fn dl(a: &str, b: &str) -> usize {
        damerau_levenshtein(a.as_bytes(), b.as_bytes())
    }
    fn osa(a: &str, b: &str) -> usize {
        sqlean_osa(a.as_bytes(), b.as_bytes())
    }
    fn jw(a: &str, b: &str) -> f64 {
        sqlean_jaro_winkler(a.as_bytes(), b.as_bytes())
    }
    fn ham(a: &str, b: &str) -> i64 {
        hamming(a.as_bytes(), b.as_bytes())
    }

    #[test]
    fn levenshtein_matches_sqlean() {
        assert_eq!(lev("awesome", "aewsme"), 3);
        for (a, b, d) in [("abc", "abc", 0), ("abc", "", 3), ("", "abc", 3), ("abc", "ab", 1), ("abc", "abcd", 1), ("abc", "acb", 2), ("abc", "ca", 3)] {
            assert_eq!(lev(a, b), d, "{a} {b}");
        }
        assert_eq!(lev("kitten", "sitting"), 3);
        assert_eq!(lev("flaw", "lawn"), 2);
    }

    #[test]
    fn damerau_levenshtein_matches_sqlean() {
        assert_eq!(dl("awesome", "aewsme"), 2);
        for (a, b, d) in [("abc", "abc", 0), ("abc", "", 3), ("", "abc", 3), ("abc", "ab", 1), ("abc", "abcd", 1), ("abc", "acb", 1), ("abc", "ca", 2)] {
            assert_eq!(dl(a, b), d, "{a} {b}");
        }
        // Unrestricted: "ca" -> "ac" -> "abc" is 2 (OSA would say 3).
        assert_eq!(dl("ca", "abc"), 2);
    }

    #[test]
    fn hamming_is_minus_one_on_unequal_lengths() {
        assert_eq!(ham("awesome", "aewsome"), 2);
        assert_eq!(ham("abc", "abc"), 0);
        assert_eq!(ham("abc", ""), -1);
        assert_eq!(ham("", "abc"), -1);
        assert_eq!(ham("", ""), 0);
        assert_eq!(ham("hello", "hellp"), 1);
        assert_eq!(ham("hello", "heloh"), 2);
        assert_eq!(ham("karolin", "kathrin"), 3);
    }

    #[test]
    fn osa_reproduces_sqlean() {
        assert_eq!(osa("awesome", "aewsme"), 3);
        for (a, b, d) in [("abc", "abc", 0), ("abc", "", 3), ("", "abc", 3), ("abc", "ab", 1), ("abc", "abcd", 1), ("abc", "acb", 2), ("abc", "ca", 3)] {
            assert_eq!(osa(a, b), d, "{a} {b}");
        }
        // Values sqlean's C code gives where its look-ahead fires
        // (checked against a build of sqlean's fuzzy extension).
        assert_eq!(osa("abb", "cbb"), 0);
        assert_eq!(osa("abcd", "acbd"), 2);
        assert_eq!(osa("xabcd", "xacbd"), 2);
    }

    /// Asserts Jaro-Winkler of `a` and `b` is `want` to 15 significant
    /// digits, as SQLite prints it.
    fn jw_is(a: &str, b: &str, want: f64) {
        let got = jw(a, b);
        assert!((got - want).abs() < 1e-15, "jaro_winkler({a:?}, {b:?}) = {got}, want {want}");
    }

    #[test]
    fn jaro_winkler_matches_sqlean_and_published_values() {
        jw_is("awesome", "aewsme", 0.907142857142857);
        assert_eq!(jw("abc", "abc"), 1.0);
        assert_eq!(jw("abc", ""), 0.0);
        assert_eq!(jw("", "abc"), 0.0);
        assert_eq!(jw("", ""), 1.0);
        assert_eq!((jw("my string", "my tsring") * 1000.0).round(), 974.0);
        assert_eq!((jw("my string", "my ntrisg") * 1000.0).round(), 896.0);
        // Winkler's examples.
        jw_is("MARTHA", "MARHTA", 0.961111111111111);
        jw_is("DWAYNE", "DUANE", 0.84);
        jw_is("DIXON", "DICKSONX", 0.813333333333333);
    }

    #[test]
    fn jaro_winkler_keeps_sqlean_quirks() {
        // The prefix bonus stops at 3 characters (strsim counts 4: 0.9666...).
        jw_is("abcdxy", "abcdyx", 0.961111111111111);
        // The window is all of `a` when `a` is longer, so order matters.
        jw_is("abcdefgh", "hgfedcb", 0.81547619047619);
        jw_is("hgfedcb", "abcdefgh", 0.523809523809524);
        // Single characters never match; the prefix bonus still applies.
        jw_is("a", "a", 0.3);
        assert_eq!(jw("a", "b"), 0.0);
    }
}
