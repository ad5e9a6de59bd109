//! Metaphone as PostgreSQL's fuzzystrmatch computes it (Lawrence Philips'
//! rules in the variant of CPAN's Text::Metaphone, with its changes: CHR
//! and SCH give K, SCHW gives X), over ASCII letters; anything else breaks
//! words and is otherwise skipped.

/// PostgreSQL's limit on the input, in bytes, and on the output.
const MAX_LEN: usize = 255;

/// The word, upper-cased, with NUL past its end (the C string it is there).
struct Word<'a>(&'a [u8]);

impl Word<'_> {
    fn at(&self, i: isize) -> u8 {
        if i < 0 {
            0
        } else {
            self.0.get(i as usize).map_or(0, u8::to_ascii_uppercase)
        }
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'A' | b'E' | b'I' | b'O' | b'U')
}
/// E, I, Y: they make C and G soft.
fn makes_soft(c: u8) -> bool {
    matches!(c, b'E' | b'I' | b'Y')
}
/// C, G, P, S, T: H after them is silent.
fn affects_h(c: u8) -> bool {
    matches!(c, b'C' | b'G' | b'P' | b'S' | b'T')
}
/// B, D, H: GH three letters after one of them is not F.
fn no_gh_to_f(c: u8) -> bool {
    matches!(c, b'B' | b'D' | b'H')
}

/// The code of `s` (at most `max_len` characters), or PostgreSQL's error.
pub fn metaphone(s: &[u8], max_len: i32) -> Result<String, String> {
    let s = &s[..s.iter().position(|&b| b == 0).unwrap_or(s.len())];
    if s.is_empty() {
        return Ok(String::new());
    }
    if s.len() > MAX_LEN {
        return Err(format!(
            "argument exceeds the maximum length of {MAX_LEN} bytes"
        ));
    }
    if max_len > MAX_LEN as i32 {
        return Err(format!(
            "output exceeds the maximum length of {MAX_LEN} bytes"
        ));
    }
    if max_len <= 0 {
        return Err("output cannot be empty string".into());
    }
    Ok(code(s, max_len as usize))
}

fn code(s: &[u8], max: usize) -> String {
    let w = Word(s);
    let mut out: Vec<u8> = Vec::with_capacity(max);
    let Some(first) = s.iter().position(u8::is_ascii_alphabetic) else {
        return String::new();
    };
    let mut i = first as isize;
    // The first letter has rules of its own.
    match w.at(i) {
        b'A' if w.at(i + 1) == b'E' => {
            out.push(b'E');
            i += 2;
        }
        b'A' => {
            out.push(b'A');
            i += 1;
        }
        b'G' | b'K' | b'P' if w.at(i + 1) == b'N' => {
            out.push(b'N');
            i += 2;
        }
        b'W' if matches!(w.at(i + 1), b'H' | b'R') => {
            out.push(w.at(i + 1));
            i += 2;
        }
        b'W' if is_vowel(w.at(i + 1)) => {
            out.push(b'W');
            i += 2;
        }
        b'X' => {
            out.push(b'S');
            i += 1;
        }
        c @ (b'E' | b'I' | b'O' | b'U') => {
            out.push(c);
            i += 1;
        }
        _ => {}
    }
    while w.at(i) != 0 && out.len() < max {
        let cur = w.at(i);
        let (prev, next) = (w.at(i - 1), w.at(i + 1));
        // Two letters on: NUL when the next one is already the end.
        let after_next = if next != 0 { w.at(i + 2) } else { 0 };
        let mut skip = 0;
        if !cur.is_ascii_alphabetic() || (cur == prev && cur != b'C') {
            i += 1;
            continue;
        }
        match cur {
            b'B' if prev != b'M' => out.push(b'B'),
            b'C' => {
                if makes_soft(next) {
                    if next == b'I' && after_next == b'A' {
                        out.push(b'X');
                    } else if prev != b'S' {
                        out.push(b'S');
                    }
                } else if next == b'H' {
                    out.push(if after_next == b'R' || prev == b'S' {
                        b'K'
                    } else {
                        b'X'
                    });
                    skip += 1;
                } else {
                    out.push(b'K');
                }
            }
            b'D' => {
                if next == b'G' && makes_soft(after_next) {
                    out.push(b'J');
                    skip += 1;
                } else {
                    out.push(b'T');
                }
            }
            b'G' => {
                if next == b'H' {
                    if !(no_gh_to_f(w.at(i - 3)) || w.at(i - 4) == b'H') {
                        out.push(b'F');
                        skip += 1;
                    }
                } else if next == b'N' {
                    let breaks = !after_next.is_ascii_alphabetic();
                    if !(breaks || (after_next == b'E' && w.at(i + 3) == b'D')) {
                        out.push(b'K');
                    }
                } else if makes_soft(next) && prev != b'G' {
                    out.push(b'J');
                } else {
                    out.push(b'K');
                }
            }
            b'H' if is_vowel(next) && !affects_h(prev) => out.push(b'H'),
            b'K' if prev != b'C' => out.push(b'K'),
            b'P' => out.push(if next == b'H' { b'F' } else { b'P' }),
            b'Q' => out.push(b'K'),
            b'S' => {
                if next == b'I' && matches!(after_next, b'O' | b'A') {
                    out.push(b'X');
                } else if next == b'H' {
                    out.push(b'X');
                    skip += 1;
                } else if next == b'C' && w.at(i + 2) == b'H' && w.at(i + 3) == b'W' {
                    out.push(b'X');
                    skip += 2;
                } else {
                    out.push(b'S');
                }
            }
            b'T' => {
                if next == b'I' && matches!(after_next, b'O' | b'A') {
                    out.push(b'X');
                } else if next == b'H' {
                    out.push(b'0');
                    skip += 1;
                } else {
                    out.push(b'T');
                }
            }
            b'V' => out.push(b'F'),
            b'W' if is_vowel(next) => out.push(b'W'),
            b'X' => {
                out.push(b'K');
                if out.len() < max {
                    out.push(b'S');
                }
            }
            b'Y' if is_vowel(next) => out.push(b'Y'),
            b'Z' => out.push(b'S'),
            b'F' | b'J' | b'L' | b'M' | b'N' | b'R' => out.push(cur),
            _ => {}
        }
        i += 1 + skip;
    }
    String::from_utf8(out).expect("ASCII")
}
