//! Generates the table of letters that `unaccent()` reduces to a base letter
//! although Unicode gives them no decomposition: letters with a stroke, bar,
//! hook, tail or descender (`ø`, `ł`, `đ`, `ħ`, `ƀ`, `ҕ`...) and the `æ` and
//! `œ` ligatures.
//!
//! The table is derived from the Unicode character names: a Latin, Greek or
//! Cyrillic letter named `<BASE> WITH <MARK>` maps to the letter named
//! `<BASE>` (`LATIN SMALL LETTER O WITH STROKE` → `LATIN SMALL LETTER O`).
//! Letters that do decompose are left out: the run-time code handles them by
//! decomposition.

use std::fmt::Write as _;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let mut entries: Vec<(char, String)> = Vec::new();
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        if c.is_ascii() || !c.is_alphabetic() || decomposes(c) {
            continue;
        }
        let Some(name) = unicode_names2::name(c) else { continue };
        let name = name.to_string();
        if let Some(letters) = ligature(&name) {
            entries.push((c, letters.to_string()));
            continue;
        }
        if !["LATIN ", "GREEK ", "CYRILLIC "].iter().any(|script| name.starts_with(script)) {
            continue;
        }
        let Some((base_name, _)) = name.split_once(" WITH ") else { continue };
        let Some(base) = unicode_names2::character(base_name) else { continue };
        if base != c && base.is_alphabetic() {
            entries.push((c, base.to_string()));
        }
    }
    entries.sort();

    let mut out = String::from("/// Letters without a decomposition and the base letters `unaccent()` gives them, sorted.\n");
    writeln!(out, "static LETTER_BASES: [(char, &str); {}] = [", entries.len()).unwrap();
    for (c, base) in &entries {
        writeln!(out, "    ('\\u{{{:X}}}', {:?}),", *c as u32, base).unwrap();
    }
    out.push_str("];\n");
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("letter_bases.rs");
    std::fs::write(path, out).unwrap();
}

/// Whether `c` has a canonical or compatibility decomposition.
fn decomposes(c: char) -> bool {
    let mut other = false;
    unicode_normalization::char::decompose_compatible(c, |d| other |= d != c);
    other
}

/// The letters of the Latin `AE` and `OE` ligatures, which Unicode does not
/// decompose.
fn ligature(name: &str) -> Option<&'static str> {
    match name {
        "LATIN CAPITAL LETTER AE" => Some("AE"),
        "LATIN SMALL LETTER AE" => Some("ae"),
        "LATIN CAPITAL LIGATURE OE" => Some("OE"),
        "LATIN SMALL LIGATURE OE" => Some("oe"),
        _ => None,
    }
}
