//! Per-character Unicode operations: simple case mappings, accent removal and
//! the comparison keys that `like()` and the NOCASE collation share.

use icu_casemap::{CaseMapper, CaseMapperBorrowed};
use std::borrow::Cow;
use unicode_normalization::char::{decompose_compatible, is_combining_mark};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

include!(concat!(env!("OUT_DIR"), "/letter_bases.rs"));

const CASE: CaseMapperBorrowed<'static> = CaseMapper::new();

/// Uppercase, one character at a time (Unicode simple case mapping: `ß`
/// stays `ß`, every character maps to exactly one character).
pub fn upper(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(&s.to_ascii_uppercase());
    } else {
        out.extend(s.chars().map(|c| CASE.simple_uppercase(c)));
    }
}

/// Lowercase, one character at a time (Unicode simple case mapping: `Σ` is
/// always `σ`, `İ` is `i`).
pub fn lower(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(&s.to_ascii_lowercase());
    } else {
        out.extend(s.chars().map(|c| CASE.simple_lowercase(c)));
    }
}

/// Unicode simple case folding, one character at a time (`ς` and `Σ` become
/// `σ`, `ẞ` becomes `ß`; `ß` stays `ß`).
pub fn casefold(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(&s.to_ascii_lowercase());
    } else {
        out.extend(s.chars().map(fold_char));
    }
}

fn fold_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { CASE.simple_fold(c) }
}

/// Removes accents: see [`unaccent_char`]. The text is first put in NFC, so
/// precomposed and decomposed accents give the same result.
pub fn unaccent(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.push_str(s);
        return;
    }
    for c in nfc(s).chars() {
        unaccent_char(c, &mut |u| out.push(u));
    }
}

/// `s` in Unicode Normalization Form C, borrowed when it already is.
pub fn nfc(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Emits `c` without its accents:
///
/// * a character with a (compatibility) decomposition becomes its
///   decomposition less the combining marks: `é` → `e`, `ё` → `е`,
///   `ǅ` → `Dz`, `ﬁ` → `fi`, `²` → `2`;
/// * a Latin, Greek or Cyrillic letter with a stroke, bar, hook or tail
///   becomes its base letter (`ø` → `o`, `ł` → `l`, `đ` → `d`), and the
///   ligatures `æ`, `œ` become `ae`, `oe`;
/// * a combining diacritical mark on its own (U+0300–036F, U+1AB0–1AFF,
///   U+1DC0–1DFF, U+20D0–20FF, U+FE20–FE2F; enclosing marks excepted) is
///   dropped; other combining marks on their own (Indic vowel signs,
///   viramas, keycaps...) are kept;
/// * Hangul syllables are kept whole, and everything else is unchanged.
pub fn unaccent_char(c: char, emit: &mut dyn FnMut(char)) {
    if c.is_ascii() || is_hangul_syllable(c) {
        return emit(c);
    }
    if is_combining_mark(c) {
        if !is_diacritical_mark(c) {
            emit(c);
        }
        return;
    }
    decompose_compatible(c, |d| {
        if d == c {
            match letter_base(c) {
                Some(base) => base.chars().for_each(|b| unaccent_char(b, emit)),
                None => emit(c),
            }
        } else if !is_combining_mark(d) {
            unaccent_char(d, emit);
        }
    });
}

fn letter_base(c: char) -> Option<&'static str> {
    LETTER_BASES.binary_search_by_key(&c, |&(k, _)| k).ok().map(|i| LETTER_BASES[i].1)
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Whether `c` is in one of the blocks of combining diacritical marks and
/// is not an enclosing mark (a keycap or circle around a symbol is no accent).
fn is_diacritical_mark(c: char) -> bool {
    let enclosing = matches!(c, '\u{1ABE}' | '\u{20DD}'..='\u{20E0}' | '\u{20E2}'..='\u{20E4}');
    !enclosing
        && matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Appends the comparison key of `c`: its unaccented form, case folded.
/// Characters that compare equal case- and accent-insensitively have equal
/// keys (`É`, `é`, `E` and `e` all give `e`). A lone diacritical mark gives
/// an empty key.
pub fn push_key(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        unaccent_char(c, &mut |u| out.push(fold_char(u)));
    }
}

/// The NOCASE collation key of a text: the comparison keys of its
/// characters (in NFC), concatenated. Comparing keys bytewise compares the
/// texts by code point after folding case and removing accents.
pub fn nocase_key(s: &str) -> String {
    let mut key = String::with_capacity(s.len());
    if s.is_ascii() {
        key.push_str(s);
        key.make_ascii_lowercase();
    } else {
        for c in nfc(s).chars() {
            push_key(c, &mut key);
        }
    }
    key
}

/// The Unicode version of the case mapping and normalization data.
pub fn unicode_version() -> String {
    let (major, minor, patch) = unicode_normalization::UNICODE_VERSION;
    format!("{major}.{minor}.{patch}")
}
