//! Transliteration to ASCII and script detection, as SQLite's spellfix
//! module (and so sqlean) does them.
//!
//! Input is decoded leniently, the way spellfix decodes it: a lead byte
//! takes every continuation byte that follows it, a stray continuation byte
//! stands for itself, and nothing is ever rejected.

/// Decodes the character at the start of `s` (not empty) the way spellfix
/// does, returning it and the number of bytes it took. Values can exceed
/// Unicode's range for malformed input; they then match no table entry.
fn decode(s: &[u8]) -> (i32, usize) {
    let lead = s[0];
    if lead < 0xc0 {
        return (i32::from(lead), 1);
    }
    // The payload bits of the lead byte: 5 for 110xxxxx, 4 for 1110xxxx,
    // 3 for 11110xxx, 2 for 111110xx, 1 for 1111110x, none for 0xFE/0xFF.
    let payload = match lead {
        0xc0..=0xdf => lead & 0x1f,
        0xe0..=0xef => lead & 0x0f,
        0xf0..=0xf7 => lead & 0x07,
        0xf8..=0xfb => lead & 0x03,
        0xfc..=0xfd => lead & 0x01,
        _ => 0,
    };
    let mut c = i32::from(payload);
    let mut len = 1;
    while let Some(&b) = s.get(len).filter(|b| *b & 0xc0 == 0x80) {
        c = c.wrapping_shl(6).wrapping_add(i32::from(b & 0x3f));
        len += 1;
    }
    (c, len)
}

/// The ASCII spelling of a non-ASCII character, if the table has one.
fn spell(c: i32) -> Option<&'static str> {
    let c = u32::try_from(c).ok()?;
    let block = TABLE.partition_point(|(start, _)| *start <= c).checked_sub(1)?;
    let (start, spellings) = TABLE[block];
    spellings.get((c - start) as usize).copied()
}

/// Converts text to ASCII: ASCII characters stay, other characters become
/// their spelling from spellfix's table (Latin letters with diacritics,
/// Greek, Cyrillic, a few ligatures and Latin Extended Additional letters),
/// and characters the table lacks become `?`. The result ends at the first
/// NUL character, as sqlean's does.
pub fn transliterate(mut s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    while !s.is_empty() {
        let (c, len) = decode(s);
        s = &s[len..];
        if c <= 127 {
            // Negative values (from absurdly long malformed sequences) keep
            // their low byte, like the C code's cast.
            out.push(c as u8);
        } else {
            out.extend_from_slice(spell(c).unwrap_or("?").as_bytes());
        }
    }
    if let Some(nul) = out.iter().position(|&b| b == 0) {
        out.truncate(nul);
    }
    out
}

/// ISO 15924 numeric codes `script_code` returns.
const LATIN: i64 = 215;
const CYRILLIC: i64 = 220;
const GREEK: i64 = 200;
const HEBREW: i64 = 125;
const ARABIC: i64 = 160;
const MIXED: i64 = 998;
const UNKNOWN: i64 = 999;

/// The script of a word as an ISO 15924 number: Latin 215, Cyrillic 220,
/// Greek 200, Hebrew 125, Arabic 160; 998 when it mixes scripts, 999 when
/// it has no letters of these. ASCII letters, apostrophes and characters
/// below U+02AF count as Latin; digits count as Latin only when nothing
/// else decides; other ASCII characters are ignored.
pub fn script_code(mut s: &[u8]) -> i64 {
    use crate::classes::Class;
    let mut scripts = [(false, LATIN), (false, CYRILLIC), (false, GREEK), (false, HEBREW), (false, ARABIC)];
    let mut digits = false;
    while !s.is_empty() {
        let (c, len) = decode(s);
        s = &s[len..];
        let script = match c {
            // ASCII letters and the apostrophe: the classes below Digit.
            i32::MIN..0x80 if Class::mid(c as u8) < Class::Digit => 0,
            0x30..=0x39 => {
                digits = true;
                continue;
            }
            i32::MIN..0x80 => continue,
            0x80..0x02af => 0,
            0x0400..=0x04ff => 1,
            0x0386..=0x03ce => 2,
            0x0590..=0x05ff => 3,
            0x0600..=0x06ff => 4,
            _ => continue,
        };
        scripts[script].0 = true;
    }
    let mut found = scripts.iter().filter(|(seen, _)| *seen).map(|(_, code)| *code);
    match (found.next(), found.next()) {
        (None, _) if digits => LATIN,
        (None, _) => UNKNOWN,
        (Some(code), None) => code,
        (Some(_), Some(_)) => MIXED,
    }
}

/// spellfix's transliteration table (public domain, from SQLite's
/// `ext/misc/spellfix.c`, as sqlean ships it), in blocks of consecutive
/// code points: `(first code point, spellings)`.
static TABLE: &[(u32, &[&str])] = &[
    // U+00A0: no-break space
    (0x00A0, &[
        " ",
    ]),
    // U+00B5 µ
    (0x00B5, &[
        "u",
    ]),
    // U+00C0..U+017F: À..ſ
    (0x00C0, &[
        "A", "A", "A", "A", "Ae", "Aa", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N",
        "O", "O", "O", "O", "Oe", "x", "O", "U", "U", "U", "Ue", "Y", "Th", "ss", "a", "a", "a",
        "a", "ae", "aa", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o",
        "o", "oe", ":", "o", "u", "u", "u", "ue", "y", "th", "y", "A", "a", "A", "a", "A", "a", "C",
        "c", "Ch", "ch", "C", "c", "C", "c", "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E",
        "e", "E", "e", "Gh", "gh", "G", "g", "G", "g", "G", "g", "Hh", "hh", "H", "h", "I", "i",
        "I", "i", "I", "i", "I", "i", "I", "i", "IJ", "ij", "Jh", "jh", "K", "k", "k", "L", "l",
        "L", "l", "L", "l", "L.", "l.", "L", "l", "N", "n", "N", "n", "N", "n", "'n", "NG", "ng",
        "O", "o", "O", "o", "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "Sh",
        "sh", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U",
        "u", "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
    ]),
    // U+0192 ƒ
    (0x0192, &[
        "f",
    ]),
    // U+0218..U+021B: Ș..ț
    (0x0218, &[
        "S", "s", "T", "t",
    ]),
    // U+0386 Ά
    (0x0386, &[
        "A",
    ]),
    // U+0388..U+038A: Έ..Ί
    (0x0388, &[
        "E", "I", "I",
    ]),
    // U+038C Ό
    (0x038C, &[
        "O",
    ]),
    // U+038E..U+03A1: Ύ..Ρ
    (0x038E, &[
        "Y", "O", "i", "A", "B", "G", "D", "E", "Z", "I", "Th", "I", "K", "L", "M", "N", "X", "O",
        "P", "R",
    ]),
    // U+03A3..U+03AF: Σ..ί
    (0x03A3, &[
        "S", "T", "Y", "F", "Ch", "Ps", "O", "I", "Y", "a", "e", "i", "i",
    ]),
    // U+03B1..U+03C1: α..ρ
    (0x03B1, &[
        "a", "b", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r",
    ]),
    // U+03C3..U+03CE: σ..ώ
    (0x03C3, &[
        "s", "t", "y", "f", "ch", "ps", "o", "i", "y", "o", "y", "i",
    ]),
    // U+0400..U+045F: Ѐ..џ
    (0x0400, &[
        "E", "E", "D", "G", "E", "Z", "I", "I", "J", "I", "N", "D", "K", "I", "U", "D", "A", "B",
        "V", "G", "D", "E", "Zh", "Z", "I", "I", "K", "L", "M", "N", "O", "P", "R", "S", "T", "U",
        "F", "Kh", "Tc", "Ch", "Sh", "Shch", "a", "Y", "Y", "E", "Iu", "Ia", "a", "b", "v", "g",
        "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
        "tc", "ch", "sh", "shch", "a", "y", "y", "e", "iu", "ia", "e", "e", "d", "g", "e", "z", "i",
        "i", "j", "i", "n", "d", "k", "i", "u", "d",
    ]),
    // U+1E02..U+1E03: Ḃ..ḃ
    (0x1E02, &[
        "B", "b",
    ]),
    // U+1E0A..U+1E0B: Ḋ..ḋ
    (0x1E0A, &[
        "D", "d",
    ]),
    // U+1E1E..U+1E1F: Ḟ..ḟ
    (0x1E1E, &[
        "F", "f",
    ]),
    // U+1E40..U+1E41: Ṁ..ṁ
    (0x1E40, &[
        "M", "m",
    ]),
    // U+1E56..U+1E57: Ṗ..ṗ
    (0x1E56, &[
        "P", "p",
    ]),
    // U+1E60..U+1E61: Ṡ..ṡ
    (0x1E60, &[
        "S", "s",
    ]),
    // U+1E6A..U+1E6B: Ṫ..ṫ
    (0x1E6A, &[
        "T", "t",
    ]),
    // U+1E80..U+1E85: Ẁ..ẅ
    (0x1E80, &[
        "W", "w", "W", "w", "W", "w",
    ]),
    // U+1EF2..U+1EF3: Ỳ..ỳ
    (0x1EF2, &[
        "Y", "y",
    ]),
    // U+FB00..U+FB02: ﬀ..ﬂ
    (0xFB00, &[
        "ff", "fi", "fl",
    ]),
    // U+FB05..U+FB06: ﬅ..ﬆ
    (0xFB05, &[
        "st", "st",
    ]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn tr(s: &str) -> String {
        String::from_utf8(transliterate(s.as_bytes())).unwrap()
    }

    #[test]
    fn documented_examples() {
        assert_eq!(tr("sí señor"), "si senor");
        assert_eq!(tr("привет"), "privet");
        assert_eq!(tr("oh my 😅"), "oh my ?");
    }

    #[test]
    fn table_spellings() {
        assert_eq!(tr("Äpfel Öl Übel straße"), "Aepfel Oel Uebel strasse");
        assert_eq!(tr("Ærø Łódź"), "AEro Lodz");
        assert_eq!(tr("Щука Юля Цех"), "Shchuka Iulia Tcekh");
        assert_eq!(tr("αβγ ΔΕΖ"), "abg DEZ");
        assert_eq!(tr("ﬁﬂ"), "fifl");
        assert_eq!(tr("a\u{a0}b µ"), "a b u");
        assert_eq!(tr("日本"), "??");
    }

    #[test]
    fn table_is_sorted_and_disjoint() {
        for pair in TABLE.windows(2) {
            let (start, spellings) = pair[0];
            assert!(start + spellings.len() as u32 <= pair[1].0, "block at U+{start:04X} overlaps the next");
        }
        assert_eq!(TABLE.iter().map(|(_, s)| s.len()).sum::<usize>(), 389);
        assert!(TABLE.iter().flat_map(|(_, s)| s.iter()).all(|s| !s.is_empty() && s.is_ascii()));
    }

    #[test]
    fn lookups_at_block_edges() {
        assert_eq!(spell(0xa0), Some(" "));
        assert_eq!(spell(0xa1), None);
        assert_eq!(spell(0xbf), None);
        assert_eq!(spell(0xc0), Some("A"));
        assert_eq!(spell(0x17f), Some("s"));
        assert_eq!(spell(0x180), None);
        assert_eq!(spell(0x45f), Some("d"));
        assert_eq!(spell(0xfb06), Some("st"));
        assert_eq!(spell(0xfb07), None);
        assert_eq!(spell(-5), None);
    }

    #[test]
    fn malformed_utf8_is_decoded_leniently() {
        // A stray continuation byte stands for itself: 0xA0 is in the table.
        assert_eq!(transliterate(b"a\xa0b"), b"a b");
        assert_eq!(transliterate(b"a\x85b"), b"a?b");
        // A truncated sequence still decodes to something (here U+0003).
        assert_eq!(transliterate(b"\xe0\x83z"), b"\x03z");
        // An overlong NUL ends the text, as any NUL does.
        assert_eq!(transliterate(b"ab\xc0\x80cd"), b"ab");
        assert_eq!(transliterate(b"ab\0cd"), b"ab");
    }

    #[test]
    fn script_codes() {
        assert_eq!(script_code("hello".as_bytes()), LATIN);
        assert_eq!(script_code("señor".as_bytes()), LATIN);
        assert_eq!(script_code("привет".as_bytes()), CYRILLIC);
        assert_eq!(script_code("γειά".as_bytes()), GREEK);
        assert_eq!(script_code("שלום".as_bytes()), HEBREW);
        assert_eq!(script_code("مرحبا".as_bytes()), ARABIC);
        assert_eq!(script_code("hello привет".as_bytes()), MIXED);
        assert_eq!(script_code("123".as_bytes()), LATIN);
        assert_eq!(script_code("123 привет".as_bytes()), CYRILLIC);
        assert_eq!(script_code("".as_bytes()), UNKNOWN);
        assert_eq!(script_code("!? 😅".as_bytes()), UNKNOWN);
        assert_eq!(script_code("it's".as_bytes()), LATIN);
    }
}
