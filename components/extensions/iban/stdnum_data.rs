//! python-stdnum 2.2's data, read at compile time from its source
//! distribution, which the Makefile downloads from PyPI (pinned by SHA-256,
//! components/stdnum.mk) into `target/third-party/python-stdnum-2.2/`; the
//! build scripts of iban and isn (which includes this file) turn it into
//! Rust constants in `$OUT_DIR`. `SQLINK_THIRD_PARTY=DIR` names another
//! directory holding `python-stdnum-2.2/`. Nothing is downloaded here.
//!
//! The constants are data (literals), never paths, so the output does not
//! depend on where the checkout or the download is.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The sdist's version, as the Makefile pins it.
const VERSION: &str = "2.2";

/// The extracted `stdnum` package of python-stdnum 2.2; stops the build
/// with what to run when it is not downloaded.
pub fn package_dir() -> PathBuf {
    println!("cargo:rerun-if-env-changed=SQLINK_THIRD_PARTY");
    let third_party = match std::env::var_os("SQLINK_THIRD_PARTY") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(&std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
            .join("../../../target/third-party"),
    };
    let dir = third_party.join(format!("python-stdnum-{VERSION}"));
    let stamp = dir.join("extracted");
    println!("cargo:rerun-if-changed={}", stamp.display());
    if !stamp.is_file() {
        eprintln!(
            "python-stdnum {VERSION} is not downloaded: run `make target/third-party/python-stdnum-{VERSION}/extracted` \
             in the repository's root (or set SQLINK_THIRD_PARTY to the directory holding python-stdnum-{VERSION}/); \
             looked in {}",
            dir.display()
        );
        std::process::exit(1);
    }
    dir.join("stdnum")
}

/// The text of `stdnum/NAME`, rebuilding when it changes.
pub fn read(package: &Path, name: &str) -> String {
    let path = package.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())))
}

fn fail(message: &str) -> ! {
    eprintln!("python-stdnum {VERSION}'s data: {message}");
    std::process::exit(1);
}

/// The part of `source` between `start` and the next `end`.
fn between<'a>(source: &'a str, file: &str, start: &str, end: &str) -> &'a str {
    let from = source.find(start).unwrap_or_else(|| fail(&format!("{file} has no `{start}`"))) + start.len();
    let len = source[from..].find(end).unwrap_or_else(|| fail(&format!("{file} has no `{end}` after `{start}`")));
    &source[from..from + len]
}

/// A Python literal's tokens: strings (adjacent ones joined, as Python
/// does), `:` and `,`. Only what stdnum's tables use: quoted strings
/// without escapes, comments, whitespace.
fn python_tokens(text: &str, file: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut joining = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' | '"' => {
                let mut s = String::new();
                loop {
                    match chars.next() {
                        Some(q) if q == c => break,
                        Some('\\') | None => fail(&format!("{file}: a string literal this build does not read")),
                        Some(x) => s.push(x),
                    }
                }
                if joining {
                    tokens.last_mut().expect("a string before").push_str(&s);
                } else {
                    tokens.push(s);
                }
                joining = true;
                continue;
            }
            ':' | ',' => tokens.push(c.to_string()),
            '#' => {
                for x in chars.by_ref() {
                    if x == '\n' {
                        break;
                    }
                }
                continue;
            }
            c if c.is_whitespace() => continue,
            c => fail(&format!("{file}: unexpected `{c}` in a table")),
        }
        joining = false;
    }
    tokens
}

/// One line of a numdb `.dat` file: its ranges and `key="value"` properties.
struct DatLine<'a> {
    ranges: Vec<(&'a str, &'a str)>,
    props: BTreeMap<&'a str, &'a str>,
}

/// The top-level lines of a numdb file (none of the files read here nests).
fn dat_lines<'a>(text: &'a str, file: &str) -> Vec<DatLine<'a>> {
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if line.starts_with(' ') {
            fail(&format!("{file}: nested ranges, which this build does not read"));
        }
        let (ranges, mut rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        let ranges = ranges.split(',').map(|r| r.split_once('-').unwrap_or((r, r))).collect();
        let mut props = BTreeMap::new();
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq].trim();
            let value_len = rest[eq + 2..].find('"').unwrap_or_else(|| fail(&format!("{file}: unterminated value")));
            props.insert(key, &rest[eq + 2..eq + 2 + value_len]);
            rest = &rest[eq + 2 + value_len + 1..];
        }
        lines.push(DatLine { ranges, props });
    }
    lines
}

/// `NumDB.info(number)[0][1]` over top-level lines: the properties of the
/// shortest prefix of `number` the ranges match, merged in file order.
fn info<'a>(lines: &[DatLine<'a>], number: &str) -> BTreeMap<&'a str, &'a str> {
    let mut part = number;
    let mut props = BTreeMap::new();
    for line in lines {
        for &(low, high) in &line.ranges {
            let length = low.len();
            if part.len() >= length && low <= &part[..length] && &part[..length] <= high {
                if length < part.len() {
                    part = &part[..length];
                    props.clear();
                }
                props.extend(line.props.iter().map(|(k, v)| (*k, *v)));
            }
        }
    }
    props
}

fn rust_char(c: char) -> String {
    format!("'\\u{{{:x}}}'", c as u32)
}

/// `stdnum.util._char_map`: the look-alike characters, named in util.py,
/// and the ASCII character each stands for, by code point.
fn char_map(util_py: &str) -> BTreeMap<char, char> {
    let file = "stdnum/util.py";
    let table = between(util_py, file, "_char_map = dict(_mk_char_map({", "}))");
    let mut map = BTreeMap::new();
    let mut tokens = python_tokens(table, file).into_iter();
    while let Some(names) = tokens.next() {
        if names == "," {
            continue;
        }
        let (Some(colon), Some(value)) = (tokens.next(), tokens.next()) else {
            fail(&format!("{file}: a _char_map entry without a value"));
        };
        let mut value = value.chars();
        let (":", Some(ascii), None) = (colon.as_str(), value.next(), value.next()) else {
            fail(&format!("{file}: a _char_map value is not one character"));
        };
        for name in names.split(',') {
            let c = unicode_names2::character(name)
                .unwrap_or_else(|| fail(&format!("{file}: unknown Unicode character name {name:?}")));
            map.insert(c, ascii);
        }
    }
    if map.is_empty() {
        fail(&format!("{file}: an empty _char_map"));
    }
    map
}

/// `stdnum.bic._country_codes`, sorted.
fn bic_countries(bic_py: &str) -> Vec<String> {
    let file = "stdnum/bic.py";
    let set = between(bic_py, file, "_country_codes = {", "}");
    let mut codes: Vec<String> = python_tokens(set, file).into_iter().filter(|t| t != ",").collect();
    codes.sort();
    codes
}

/// The Rust source of the iban tables (`tables.rs` in `$OUT_DIR`):
/// `CHAR_MAP`, `BBAN`, `BE_BANKS` and `BIC_COUNTRIES`.
pub fn tables(package: &Path) -> String {
    let mut out = String::new();
    let w = &mut out;
    writeln!(w, "// Data from python-stdnum {VERSION}'s source distribution, generated by build.rs").unwrap();
    writeln!(w, "// (components/extensions/iban/stdnum_data.rs).").unwrap();
    writeln!(w).unwrap();

    writeln!(w, "/// `stdnum.util.clean`'s map of look-alike characters to ASCII, by code point.").unwrap();
    writeln!(w, "pub const CHAR_MAP: &[(char, char)] = &[").unwrap();
    for (k, v) in char_map(&read(package, "util.py")) {
        writeln!(w, "    ({}, {}),", rust_char(k), rust_char(v)).unwrap();
    }
    writeln!(w, "];\n").unwrap();

    writeln!(w, "/// `iban.dat` (SWIFT IBAN registry): country code and BBAN structure.").unwrap();
    writeln!(w, "pub const BBAN: &[(&str, &str)] = &[").unwrap();
    let iban_dat = read(package, "iban.dat");
    let iban = dat_lines(&iban_dat, "stdnum/iban.dat");
    for line in &iban {
        let cc = line.ranges[0].0;
        let bban = info(&iban, cc).get("bban").copied().unwrap_or("");
        writeln!(w, "    ({cc:?}, {bban:?}),").unwrap();
    }
    writeln!(w, "];\n").unwrap();

    writeln!(w, "/// `be/banks.dat`: the ranges of Belgian bank codes that name a bank.").unwrap();
    writeln!(w, "pub const BE_BANKS: &[(u16, u16)] = &[").unwrap();
    let banks_dat = read(package, "be/banks.dat");
    let banks = dat_lines(&banks_dat, "stdnum/be/banks.dat");
    for line in &banks {
        let (lo, hi) = line.ranges[0];
        let code = |s: &str| -> u16 {
            match s.parse() {
                Ok(n) if s.len() == 3 => n,
                _ => fail(&format!("stdnum/be/banks.dat: {s:?} is not a 3-digit bank code")),
            }
        };
        let (lo_n, hi_n) = (code(lo), code(hi));
        if !info(&banks, lo).is_empty() {
            writeln!(w, "    ({lo_n}, {hi_n}),").unwrap();
        }
    }
    writeln!(w, "];\n").unwrap();

    writeln!(w, "/// The country codes `stdnum.bic` accepts.").unwrap();
    writeln!(w, "pub const BIC_COUNTRIES: &[&str] = &[").unwrap();
    for cc in bic_countries(&read(package, "bic.py")) {
        writeln!(w, "    {cc:?},").unwrap();
    }
    writeln!(w, "];").unwrap();
    out
}

/// Writes `name` into `$OUT_DIR`.
pub fn write_out(name: &str, text: &str) {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(&out, text).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}
