//! Double Metaphone as PostgreSQL's fuzzystrmatch computes it (Lawrence
//! Philips' algorithm in the version of CPAN's Text::DoubleMetaphone):
//! a primary and an alternate code of at most four characters.
//!
//! The text is upper-cased character by character, as PostgreSQL's
//! str_toupper does, and read as bytes: the rules know ASCII letters (and
//! Latin-1's Ç and Ñ, which UTF-8 text never has as one byte), anything
//! else is skipped.

/// The word as the rules read it: upper case, five spaces of padding so
/// that rules may look past its end, and its length before padding.
struct Word {
    s: Vec<u8>,
    len: isize,
}

impl Word {
    fn new(text: &[u8]) -> Word {
        let text = &text[..text.iter().position(|&b| b == 0).unwrap_or(text.len())];
        let mut padded = String::from_utf8_lossy(text).into_owned();
        padded.push_str("     ");
        let upper: String = padded
            .chars()
            .map(|c| {
                let mut u = c.to_uppercase();
                match (u.next(), u.next()) {
                    (Some(one), None) => one,
                    _ => c,
                }
            })
            .collect();
        Word {
            s: upper.into_bytes(),
            len: text.len() as isize,
        }
    }

    /// The byte at `pos`, NUL outside the padded word.
    fn at(&self, pos: isize) -> u8 {
        if pos < 0 {
            0
        } else {
            self.s.get(pos as usize).copied().unwrap_or(0)
        }
    }

    /// Whether one of `options` starts at `pos` (never outside the word).
    fn is(&self, pos: isize, options: &[&str]) -> bool {
        if pos < 0 || pos as usize >= self.s.len() {
            return false;
        }
        let rest = &self.s[pos as usize..];
        options.iter().any(|o| rest.starts_with(o.as_bytes()))
    }

    fn vowel(&self, pos: isize) -> bool {
        matches!(self.at(pos), b'A' | b'E' | b'I' | b'O' | b'U' | b'Y')
    }

    /// Slavic or Germanic: W, K or CZ anywhere.
    fn slavo_germanic(&self) -> bool {
        self.s.iter().any(|&b| b == b'W' || b == b'K') || self.s.windows(2).any(|w| w == b"CZ")
    }
}

/// The two codes being built.
struct Codes {
    primary: String,
    secondary: String,
}

impl Codes {
    fn add(&mut self, p: &str, s: &str) {
        self.primary.push_str(p);
        self.secondary.push_str(s);
    }
    fn both(&mut self, x: &str) {
        self.add(x, x);
    }
}

/// The primary and alternate Double Metaphone codes of `text`.
pub fn double_metaphone(text: &[u8]) -> (String, String) {
    let w = Word::new(text);
    let (length, last) = (w.len, w.len - 1);
    let mut c = Codes {
        primary: String::new(),
        secondary: String::new(),
    };
    let mut cur: isize = 0;
    if w.is(0, &["GN", "KN", "PN", "WR", "PS"]) {
        cur += 1;
    }
    if w.at(0) == b'X' {
        c.both("S");
        cur += 1;
    }
    while (c.primary.len() < 4 || c.secondary.len() < 4) && cur < length {
        cur += step(&w, &mut c, cur, length, last);
    }
    c.primary.truncate(4);
    c.secondary.truncate(4);
    (c.primary, c.secondary)
}

/// Codes the letter at `cur`; returns how many letters it used.
fn step(w: &Word, c: &mut Codes, cur: isize, length: isize, last: isize) -> isize {
    let next = w.at(cur + 1);
    match w.at(cur) {
        b'A' | b'E' | b'I' | b'O' | b'U' | b'Y' => {
            if cur == 0 {
                c.both("A");
            }
            1
        }
        b'B' => {
            c.both("P");
            if next == b'B' { 2 } else { 1 }
        }
        0xC7 => {
            c.both("S");
            1
        }
        b'C' => letter_c(w, c, cur),
        b'D' => {
            if w.is(cur, &["DG"]) {
                if w.is(cur + 2, &["I", "E", "Y"]) {
                    c.both("J");
                    3
                } else {
                    c.both("TK");
                    2
                }
            } else if w.is(cur, &["DT", "DD"]) {
                c.both("T");
                2
            } else {
                c.both("T");
                1
            }
        }
        b'F' => {
            c.both("F");
            if next == b'F' { 2 } else { 1 }
        }
        b'G' => letter_g(w, c, cur),
        b'H' => {
            if (cur == 0 || w.vowel(cur - 1)) && w.vowel(cur + 1) {
                c.both("H");
                2
            } else {
                1
            }
        }
        b'J' => letter_j(w, c, cur, last),
        b'K' => {
            c.both("K");
            if next == b'K' { 2 } else { 1 }
        }
        b'L' => {
            if next == b'L' {
                let spanish = (cur == length - 3 && w.is(cur - 1, &["ILLO", "ILLA", "ALLE"]))
                    || ((w.is(last - 1, &["AS", "OS"]) || w.is(last, &["A", "O"]))
                        && w.is(cur - 1, &["ALLE"]));
                if spanish {
                    c.add("L", "");
                    return 2;
                }
                c.both("L");
                2
            } else {
                c.both("L");
                1
            }
        }
        b'M' => {
            c.both("M");
            if (w.is(cur - 1, &["UMB"]) && (cur + 1 == last || w.is(cur + 2, &["ER"])))
                || next == b'M'
            {
                2
            } else {
                1
            }
        }
        b'N' => {
            c.both("N");
            if next == b'N' { 2 } else { 1 }
        }
        0xD1 => {
            c.both("N");
            1
        }
        b'P' => {
            if next == b'H' {
                c.both("F");
                return 2;
            }
            c.both("P");
            if w.is(cur + 1, &["P", "B"]) { 2 } else { 1 }
        }
        b'Q' => {
            c.both("K");
            if next == b'Q' { 2 } else { 1 }
        }
        b'R' => {
            if cur == last
                && !w.slavo_germanic()
                && w.is(cur - 2, &["IE"])
                && !w.is(cur - 4, &["ME", "MA"])
            {
                c.add("", "R");
            } else {
                c.both("R");
            }
            if next == b'R' { 2 } else { 1 }
        }
        b'S' => letter_s(w, c, cur, last),
        b'T' => {
            if w.is(cur, &["TION"]) || w.is(cur, &["TIA", "TCH"]) {
                c.both("X");
                return 3;
            }
            if w.is(cur, &["TH"]) || w.is(cur, &["TTH"]) {
                if w.is(cur + 2, &["OM", "AM"]) || w.is(0, &["VAN ", "VON "]) || w.is(0, &["SCH"]) {
                    c.both("T");
                } else {
                    c.add("0", "T");
                }
                return 2;
            }
            c.both("T");
            if w.is(cur + 1, &["T", "D"]) { 2 } else { 1 }
        }
        b'V' => {
            c.both("F");
            if next == b'V' { 2 } else { 1 }
        }
        b'W' => {
            if w.is(cur, &["WR"]) {
                c.both("R");
                return 2;
            }
            if cur == 0 && (w.vowel(cur + 1) || w.is(cur, &["WH"])) {
                if w.vowel(cur + 1) {
                    c.add("A", "F");
                } else {
                    c.both("A");
                }
            }
            if (cur == last && w.vowel(cur - 1))
                || w.is(cur - 1, &["EWSKI", "EWSKY", "OWSKI", "OWSKY"])
                || w.is(0, &["SCH"])
            {
                c.add("", "F");
                return 1;
            }
            if w.is(cur, &["WICZ", "WITZ"]) {
                c.add("TS", "FX");
                return 4;
            }
            1
        }
        b'X' => {
            if !(cur == last && (w.is(cur - 3, &["IAU", "EAU"]) || w.is(cur - 2, &["AU", "OU"]))) {
                c.both("KS");
            }
            if w.is(cur + 1, &["C", "X"]) { 2 } else { 1 }
        }
        b'Z' => {
            if next == b'H' {
                c.both("J");
                return 2;
            }
            if w.is(cur + 1, &["ZO", "ZI", "ZA"])
                || (w.slavo_germanic() && cur > 0 && w.at(cur - 1) != b'T')
            {
                c.add("S", "TS");
            } else {
                c.both("S");
            }
            if next == b'Z' { 2 } else { 1 }
        }
        _ => 1,
    }
}

fn letter_c(w: &Word, c: &mut Codes, cur: isize) -> isize {
    // Germanic -ACH- (not -ACHI-, -ACHE- but for BACHER, MACHER).
    if cur > 1
        && !w.vowel(cur - 2)
        && w.is(cur - 1, &["ACH"])
        && w.at(cur + 2) != b'I'
        && (w.at(cur + 2) != b'E' || w.is(cur - 2, &["BACHER", "MACHER"]))
    {
        c.both("K");
        return 2;
    }
    if cur == 0 && w.is(cur, &["CAESAR"]) {
        c.both("S");
        return 2;
    }
    if w.is(cur, &["CHIA"]) {
        c.both("K");
        return 2;
    }
    if w.is(cur, &["CH"]) {
        if cur > 0 && w.is(cur, &["CHAE"]) {
            c.add("K", "X");
            return 2;
        }
        if cur == 0
            && (w.is(cur + 1, &["HARAC", "HARIS"]) || w.is(cur + 1, &["HOR", "HYM", "HIA", "HEM"]))
            && !w.is(0, &["CHORE"])
        {
            c.both("K");
            return 2;
        }
        let kh = w.is(0, &["VAN ", "VON "])
            || w.is(0, &["SCH"])
            || w.is(cur - 2, &["ORCHES", "ARCHIT", "ORCHID"])
            || w.is(cur + 2, &["T", "S"])
            || ((w.is(cur - 1, &["A", "O", "U", "E"]) || cur == 0)
                && w.is(cur + 2, &["L", "R", "N", "M", "B", "H", "F", "V", "W", " "]));
        if kh {
            c.both("K");
        } else if cur > 0 {
            if w.is(0, &["MC"]) {
                c.both("K");
            } else {
                c.add("X", "K");
            }
        } else {
            c.both("X");
        }
        return 2;
    }
    if w.is(cur, &["CZ"]) && !w.is(cur - 2, &["WICZ"]) {
        c.add("S", "X");
        return 2;
    }
    if w.is(cur + 1, &["CIA"]) {
        c.both("X");
        return 3;
    }
    if w.is(cur, &["CC"]) && !(cur == 1 && w.at(0) == b'M') {
        if w.is(cur + 2, &["I", "E", "H"]) && !w.is(cur + 2, &["HU"]) {
            if (cur == 1 && w.at(cur - 1) == b'A') || w.is(cur - 1, &["UCCEE", "UCCES"]) {
                c.both("KS");
            } else {
                c.both("X");
            }
            return 3;
        }
        c.both("K");
        return 2;
    }
    if w.is(cur, &["CK", "CG", "CQ"]) {
        c.both("K");
        return 2;
    }
    if w.is(cur, &["CI", "CE", "CY"]) {
        if w.is(cur, &["CIO", "CIE", "CIA"]) {
            c.add("S", "X");
        } else {
            c.both("S");
        }
        return 2;
    }
    c.both("K");
    if w.is(cur + 1, &[" C", " Q", " G"]) {
        3
    } else if w.is(cur + 1, &["C", "K", "Q"]) && !w.is(cur + 1, &["CE", "CI"]) {
        2
    } else {
        1
    }
}

fn letter_g(w: &Word, c: &mut Codes, cur: isize) -> isize {
    let next = w.at(cur + 1);
    if next == b'H' {
        if cur > 0 && !w.vowel(cur - 1) {
            c.both("K");
            return 2;
        }
        if cur == 0 {
            c.both(if w.at(cur + 2) == b'I' { "J" } else { "K" });
            return 2;
        }
        // Parker's rule: silent after B, H or D two to four letters back.
        if (cur > 1 && w.is(cur - 2, &["B", "H", "D"]))
            || (cur > 2 && w.is(cur - 3, &["B", "H", "D"]))
            || (cur > 3 && w.is(cur - 4, &["B", "H"]))
        {
            return 2;
        }
        if cur > 2 && w.at(cur - 1) == b'U' && w.is(cur - 3, &["C", "G", "L", "R", "T"]) {
            c.both("F");
        } else if cur > 0 && w.at(cur - 1) != b'I' {
            c.both("K");
        }
        return 2;
    }
    if next == b'N' {
        if cur == 1 && w.vowel(0) && !w.slavo_germanic() {
            c.add("KN", "N");
        } else if !w.is(cur + 2, &["EY"]) && next != b'Y' && !w.slavo_germanic() {
            c.add("N", "KN");
        } else {
            c.both("KN");
        }
        return 2;
    }
    if w.is(cur + 1, &["LI"]) && !w.slavo_germanic() {
        c.add("KL", "L");
        return 2;
    }
    if cur == 0
        && (next == b'Y'
            || w.is(
                cur + 1,
                &[
                    "ES", "EP", "EB", "EL", "EY", "IB", "IL", "IN", "IE", "EI", "ER",
                ],
            ))
    {
        c.add("K", "J");
        return 2;
    }
    if (w.is(cur + 1, &["ER"]) || next == b'Y')
        && !w.is(0, &["DANGER", "RANGER", "MANGER"])
        && !w.is(cur - 1, &["E", "I"])
        && !w.is(cur - 1, &["RGY", "OGY"])
    {
        c.add("K", "J");
        return 2;
    }
    if w.is(cur + 1, &["E", "I", "Y"]) || w.is(cur - 1, &["AGGI", "OGGI"]) {
        if w.is(0, &["VAN ", "VON "]) || w.is(0, &["SCH"]) || w.is(cur + 1, &["ET"]) {
            c.both("K");
        } else if w.is(cur + 1, &["IER "]) {
            c.both("J");
        } else {
            c.add("J", "K");
        }
        return 2;
    }
    c.both("K");
    if next == b'G' { 2 } else { 1 }
}

fn letter_j(w: &Word, c: &mut Codes, cur: isize, last: isize) -> isize {
    if w.is(cur, &["JOSE"]) || w.is(0, &["SAN "]) {
        if (cur == 0 && w.at(cur + 4) == b' ') || w.is(0, &["SAN "]) {
            c.both("H");
        } else {
            c.add("J", "H");
        }
        return 1;
    }
    if cur == 0 && !w.is(cur, &["JOSE"]) {
        c.add("J", "A");
    } else if w.vowel(cur - 1) && !w.slavo_germanic() && matches!(w.at(cur + 1), b'A' | b'O') {
        c.add("J", "H");
    } else if cur == last {
        c.add("J", "");
    } else if !w.is(cur + 1, &["L", "T", "K", "S", "N", "M", "B", "Z"])
        && !w.is(cur - 1, &["S", "K", "L"])
    {
        c.both("J");
    }
    if w.at(cur + 1) == b'J' { 2 } else { 1 }
}

fn letter_s(w: &Word, c: &mut Codes, cur: isize, last: isize) -> isize {
    if w.is(cur - 1, &["ISL", "YSL"]) {
        return 1;
    }
    if cur == 0 && w.is(cur, &["SUGAR"]) {
        c.add("X", "S");
        return 1;
    }
    if w.is(cur, &["SH"]) {
        if w.is(cur + 1, &["HEIM", "HOEK", "HOLM", "HOLZ"]) {
            c.both("S");
        } else {
            c.both("X");
        }
        return 2;
    }
    if w.is(cur, &["SIO", "SIA"]) || w.is(cur, &["SIAN"]) {
        if w.slavo_germanic() {
            c.both("S");
        } else {
            c.add("S", "X");
        }
        return 3;
    }
    if (cur == 0 && w.is(cur + 1, &["M", "N", "L", "W"])) || w.is(cur + 1, &["Z"]) {
        c.add("S", "X");
        return if w.is(cur + 1, &["Z"]) { 2 } else { 1 };
    }
    if w.is(cur, &["SC"]) {
        if w.at(cur + 2) == b'H' {
            if w.is(cur + 3, &["OO", "ER", "EN", "UY", "ED", "EM"]) {
                if w.is(cur + 3, &["ER", "EN"]) {
                    c.add("X", "SK");
                } else {
                    c.both("SK");
                }
                return 3;
            }
            if cur == 0 && !w.vowel(3) && w.at(3) != b'W' {
                c.add("X", "S");
            } else {
                c.both("X");
            }
            return 3;
        }
        if w.is(cur + 2, &["I", "E", "Y"]) {
            c.both("S");
        } else {
            c.both("SK");
        }
        return 3;
    }
    if cur == last && w.is(cur - 2, &["AI", "OI"]) {
        c.add("", "S");
    } else {
        c.both("S");
    }
    if w.is(cur + 1, &["S", "Z"]) { 2 } else { 1 }
}
