//! Generates the unaccent rules table (`$OUT_DIR/rules.rs`) from Unicode
//! data, the way PostgreSQL's contrib/unaccent/generate_unaccent_rules.py
//! makes unaccent.rules: combining diacritical marks are removed, letters
//! with diacritics become their base letter, Latin letters with hooks,
//! strokes and the like (by their Unicode names) and ligatures become plain
//! ASCII letters, compatibility forms of ASCII punctuation and symbols
//! become ASCII, plus the symbols that CLDR's Latin-ASCII transliterator
//! spells out (src/cldr.tsv, written for this crate).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use unicode_normalization::char::{decompose_canonical, decompose_compatible, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

fn name(c: char) -> String {
    unicode_names2::name(c).map(|n| n.to_string()).unwrap_or_default()
}

fn strip(c: char, compat: bool) -> String {
    let mut out = String::new();
    let mut push = |d: char| {
        if !is_combining_mark(d) {
            out.push(d)
        }
    };
    if compat { decompose_compatible(c, &mut push) } else { decompose_canonical(c, &mut push) }
    out
}

const EXCLUDED: [&str; 14] = [
    "MATHEMATICAL", "CIRCLED", "SQUARED", "NEGATIVE", "MODIFIER", "SUPERSCRIPT", "SUBSCRIPT",
    "LATIN SUBSCRIPT", "TAG ", "DOUBLE PRIME", "DINGBAT", "SEGMENTED", "RAISED", "PARTNERSHIP",
];

fn excluded(n: &str) -> bool {
    EXCLUDED.iter().any(|p| n.starts_with(p)) || n.contains("SMALL CAPITAL") || n.contains("ORDINAL")
}

fn plain_letters(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic())
}

/// A Latin letter's base letters from its name: "LATIN SMALL LETTER D WITH
/// HOOK" is d, "LATIN LETTER SMALL CAPITAL A" is A, "LATIN SMALL LETTER DZ
/// DIGRAPH" is dz, "LATIN SMALL LIGATURE OE" is oe.
fn by_name(n: &str) -> Option<String> {
    let w: Vec<&str> = n.split(' ').collect();
    let (upper, rest) = match w.as_slice() {
        ["LATIN", "CAPITAL", "LETTER" | "LIGATURE", rest @ ..] => (true, rest),
        ["LATIN", "SMALL", "LETTER" | "LIGATURE", rest @ ..] => (false, rest),
        ["LATIN", "LETTER", "SMALL", "CAPITAL", rest @ ..] | ["LATIN", "SMALL", "CAPITAL", "LETTER", rest @ ..] => (true, rest),
        _ => return None,
    };
    let (letters, tail) = rest.split_first()?;
    let ok = letters.len() == 1
        || w[2] == "LIGATURE"
        || (letters.len() == 2 && tail.first() == Some(&"DIGRAPH"))
        || (letters.len() == 2 && ["AA", "AO", "AU", "AV", "AY", "OO", "VY"].contains(letters));
    if !ok || !(tail.is_empty() || tail[0] == "WITH" || tail[0] == "DIGRAPH") {
        return None;
    }
    Some(if upper { letters.to_string() } else { letters.to_lowercase() })
}

fn rule(c: char) -> Option<String> {
    let cp = c as u32;
    let n = name(c);
    if n.is_empty() {
        return None;
    }
    // Combining diacritical marks (not the combining Latin letters), and
    // the enclosing marks of the symbols block.
    if (0x300..=0x362).contains(&cp) && is_combining_mark(c) {
        return Some(String::new());
    }
    if (0x20dd..=0x20e4).contains(&cp) && n.starts_with("COMBINING ENCLOSING") {
        return Some(String::new());
    }
    if is_combining_mark(c) {
        return None;
    }
    // Singleton decompositions (the Angstrom sign, the Greek question
    // mark, tonos letters with oxia) are not rules of their own.
    if c.to_string().nfc().ne(std::iter::once(c)) {
        return None;
    }
    if c.is_alphabetic() {
        // Letters with diacritics: canonical decomposition, marks dropped
        // (singleton decompositions, such as the Angstrom sign, are not).
        let base = strip(c, false);
        if base != c.to_string() && !excluded(&n) {
            let greek = n.starts_with("GREEK") && n.contains("LETTER") && base.chars().count() == 1;
            if plain_letters(&base) || greek {
                return Some(base);
            }
        }
        if n.starts_with("LATIN") && !n.starts_with("LATIN SUBSCRIPT") {
            let compat = strip(c, true);
            if compat != c.to_string() && plain_letters(&compat) {
                return Some(compat);
            }
            return by_name(&n);
        }
        // Letterlike symbols, Roman numerals, fullwidth letters.
        let compat = strip(c, true);
        if !excluded(&n) && compat != c.to_string() && plain_letters(&compat) {
            return Some(compat);
        }
        return None;
    }
    // Compatibility forms of ASCII symbols and punctuation.
    let compat: String = c.to_string().nfkd().collect::<String>().replace('\u{2044}', "/").replace('\u{2215}', "/");
    if n.starts_with("VULGAR FRACTION") || n.starts_with("FRACTION NUMERATOR") {
        return Some(format!(" {compat}"));
    }
    if compat != c.to_string()
        && !excluded(&n)
        && compat.trim() != ""
        && compat.chars().all(|d| (d.is_ascii() && !d.is_ascii_control()) || d == '°')
    {
        return Some(compat);
    }
    None
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/cldr.tsv");
    let mut rules = BTreeMap::new();
    for cp in (0xa0..=0xffff).chain(0x1f100..=0x1f1ff) {
        if let Some(c) = char::from_u32(cp) {
            if let Some(r) = rule(c) {
                rules.insert(c, r);
            }
        }
    }
    // Ё and ё, the only Cyrillic letters the default rules unaccent.
    rules.insert('Ё', "Е".into());
    rules.insert('ё', "е".into());
    for line in include_str!("src/cldr.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (from, to) = line.split_once('\t').expect("tab");
        let from = char::from_u32(u32::from_str_radix(from.trim_start_matches("U+"), 16).unwrap()).unwrap();
        rules.insert(from, to.to_string());
    }
    // Compatibility forms of symbols the table already maps (vertical and
    // small forms of CJK punctuation, and the like).
    for cp in (0xa0..=0xffff).chain(0x1f100..=0x1f1ff) {
        let Some(c) = char::from_u32(cp) else { continue };
        let n = name(c);
        if rules.contains_key(&c) || c.is_alphabetic() || is_combining_mark(c) || n.is_empty() || excluded(&n) {
            continue;
        }
        if c.to_string().nfc().ne(std::iter::once(c)) {
            continue;
        }
        let compat: String = c.to_string().nfkd().collect();
        if compat == c.to_string() || compat.trim().is_empty() {
            continue;
        }
        let mapped: Option<String> = compat
            .chars()
            .map(|d| if d.is_ascii() && !d.is_ascii_control() { Some(d.to_string()) } else { rules.get(&d).cloned() })
            .collect();
        if let Some(m) = mapped {
            rules.insert(c, m);
        }
    }
    let mut out = String::from("/// (character, replacement) in code point order.\npub static RULES: &[(char, &str)] = &[\n");
    for (c, r) in &rules {
        writeln!(out, "    ({c:?}, {r:?}),").unwrap();
    }
    out.push_str("];\n");
    std::fs::write(std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("rules.rs"), out).unwrap();
}
