//! Reading delimited text for `.import`, byte for byte as sqlite3 3.40
//! does: RFC 4180 CSV with a configurable separator and row end, or ASCII
//! unit/record separated fields; and naming the columns of a new table
//! after a header row, numbering names that repeat.

use std::collections::HashSet;
use std::io::BufRead;

/// End of input, as C's `fgetc` reports it.
pub const EOF: i32 = -1;

/// A separator byte as sqlite3 compares it with what `fgetc` returns: a C
/// `char`, so a byte above 0x7F never matches (and 0xFF matches EOF).
pub fn separator(byte: u8) -> i32 {
    byte as i8 as i32
}

/// Reads fields one at a time, tracking the line and what ended the field.
pub struct FieldReader<R> {
    input: R,
    /// Column separator (see [`separator`]).
    pub col_sep: i32,
    /// Row separator.
    pub row_sep: i32,
    /// Fields are ASCII-delimited (no quoting) rather than CSV.
    pub ascii: bool,
    /// Current line (row) number, from 1.
    pub line: usize,
    /// What ended the last field: a separator, or [`EOF`].
    pub term: i32,
    /// The name errors are reported with.
    file: String,
    /// Some input has been read (a byte-order mark is only skipped first).
    started: bool,
    field: Vec<u8>,
}

impl<R: BufRead> FieldReader<R> {
    /// A reader of `input` (named `file` in messages).
    pub fn new(input: R, file: &str, col_sep: i32, row_sep: i32, ascii: bool) -> Self {
        FieldReader { input, col_sep, row_sep, ascii, line: 1, term: EOF, file: file.to_string(), started: false, field: Vec::new() }
    }

    /// The next byte, or [`EOF`] (also for a read error).
    fn getc(&mut self) -> i32 {
        loop {
            match self.input.fill_buf() {
                Ok([]) => return EOF,
                Ok(buf) => {
                    let b = buf[0];
                    self.input.consume(1);
                    return b as i32;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return EOF,
            }
        }
    }

    /// The next field, `None` at the end of input; `warn` gets the
    /// complaints about malformed quoting.
    pub fn next_field(&mut self, warn: &mut dyn FnMut(String)) -> Option<&[u8]> {
        let found = if self.ascii { self.ascii_field() } else { self.csv_field(warn) };
        found.then_some(self.field.as_slice())
    }

    fn ascii_field(&mut self) -> bool {
        self.field.clear();
        let mut c = self.getc();
        if c == EOF {
            self.term = EOF;
            return false;
        }
        while c != EOF && c != self.col_sep && c != self.row_sep {
            self.field.push(c as u8);
            c = self.getc();
        }
        if c == self.row_sep {
            self.line += 1;
        }
        self.term = c;
        true
    }

    fn csv_field(&mut self, warn: &mut dyn FnMut(String)) -> bool {
        self.field.clear();
        let mut c = self.getc();
        if c == EOF {
            self.term = EOF;
            return false;
        }
        let (cs, rs) = (self.col_sep, self.row_sep);
        const QUOTE: i32 = b'"' as i32;
        const CR: i32 = b'\r' as i32;
        if c == QUOTE {
            let start = self.line;
            let (mut pc, mut ppc) = (0, 0);
            loop {
                c = self.getc();
                if c == rs {
                    self.line += 1;
                }
                if c == QUOTE && pc == QUOTE {
                    pc = 0;
                    continue;
                }
                let closed = pc == QUOTE && (c == cs || c == rs || c == EOF);
                if closed || (c == rs && pc == CR && ppc == QUOTE) {
                    // Drop the closing quote (and a CR after it).
                    while let Some(last) = self.field.pop() {
                        if last as i32 == QUOTE {
                            break;
                        }
                    }
                    self.term = c;
                    break;
                }
                if pc == QUOTE && c != CR {
                    warn(format!("{}:{}: unescaped \" character", self.file, self.line));
                }
                if c == EOF {
                    warn(format!("{}:{start}: unterminated \"-quoted field", self.file));
                    self.term = c;
                    break;
                }
                self.field.push(c as u8);
                ppc = pc;
                pc = c;
            }
        } else {
            // A UTF-8 byte-order mark before the first field is skipped.
            if c & 0xff == 0xef && !self.started {
                self.field.push(c as u8);
                c = self.getc();
                if c & 0xff == 0xbb {
                    self.field.push(c as u8);
                    c = self.getc();
                    if c & 0xff == 0xbf {
                        self.started = true;
                        return self.csv_field(warn);
                    }
                }
            }
            while c != EOF && c != cs && c != rs {
                self.field.push(c as u8);
                c = self.getc();
            }
            if c == rs {
                self.line += 1;
                if self.field.last() == Some(&b'\r') {
                    self.field.pop();
                }
            }
            self.term = c;
        }
        self.started = true;
        true
    }
}

/// How SQLite's NOCASE collation sees a name: ASCII letters folded.
fn nocase(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// The column list of a table created from a header row, as sqlite3 3.40
/// makes it: each name double-quoted with type TEXT, four to a line; an
/// empty name becomes `?`; names that repeat (ignoring ASCII case) get `_`
/// and their position, with as many leading zeros as it takes to make
/// every name different. Returns the list (`(\n"a" TEXT, ...)`) and, when
/// names were changed, the lines saying how; `None` without names.
pub fn column_definitions(header: &[String]) -> Option<(String, Option<String>)> {
    if header.is_empty() {
        return None;
    }
    let names: Vec<&str> = header.iter().map(|n| if n.is_empty() { "?" } else { n.as_str() }).collect();
    let folded: Vec<String> = names.iter().map(|n| nocase(n)).collect();
    let distinct: HashSet<&String> = folded.iter().collect();
    let mut suffixes = vec![String::new(); names.len()];
    if distinct.len() < names.len() {
        let repeated: Vec<bool> = (0..names.len()).map(|i| (0..names.len()).any(|j| j != i && folded[j] == folded[i])).collect();
        let digits = names.len().to_string().len();
        // Positions are numbered from 1; `zeros` leading zeros go first.
        let renamed = |i: usize, zeros: usize, width: usize| -> String {
            if repeated[i] { nocase(&format!("{}_{}{:0width$}", names[i], "0".repeat(zeros), i + 1)) } else { folded[i].clone() }
        };
        let mut zeros = 0;
        loop {
            let all: Vec<String> = (0..names.len()).map(|i| renamed(i, zeros, digits)).collect();
            let unique: HashSet<&String> = all.iter().collect();
            if unique.len() == all.len() {
                break;
            }
            zeros += 1;
        }
        for (i, suffix) in suffixes.iter_mut().enumerate() {
            if repeated[i] {
                *suffix = format!("_{}{}", "0".repeat(zeros), i + 1);
            }
        }
    }
    let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut spec = String::from("(\n");
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            spec.push_str(if i % 4 > 0 { ", " } else { ",\n " });
        }
        spec.push_str(&quote(&format!("{name}{}", suffixes[i])));
        spec.push_str(" TEXT");
    }
    spec.push(')');
    let changes: Vec<String> = names
        .iter()
        .zip(&suffixes)
        .filter(|(_, s)| !s.is_empty())
        .map(|(n, s)| format!("{} to {}", quote(n), quote(&format!("{n}{s}"))))
        .collect();
    Some((spec, (!changes.is_empty()).then(|| changes.join(",\n"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(input: &[u8], ascii: bool) -> (Vec<(String, i32)>, Vec<String>) {
        let (cs, rs) = if ascii { (0x1f, 0x1e) } else { (b',' as i32, b'\n' as i32) };
        let mut r = FieldReader::new(input, "f.csv", cs, rs, ascii);
        let mut warnings = Vec::new();
        let mut out = Vec::new();
        while let Some(f) = r.next_field(&mut |w| warnings.push(w)) {
            let f = String::from_utf8_lossy(f).into_owned();
            out.push((f, r.term));
        }
        (out, warnings)
    }

    #[test]
    fn reads_csv_like_sqlite() {
        let (f, w) = fields(b"\xef\xbb\xbfa,\"b \"\"q\"\"\"\r\n\"multi\nline\",z\n", false);
        let text: Vec<&str> = f.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(text, ["a", "b \"q\"", "multi\nline", "z"]);
        assert_eq!(f[1].1, b'\n' as i32);
        assert!(w.is_empty());
        let (f, w) = fields(b"\"a\"b,\"open", false);
        assert_eq!(f[0].0, "a\"b,\"open");
        let unescaped = "f.csv:1: unescaped \" character";
        assert_eq!(w, [unescaped, unescaped, "f.csv:1: unterminated \"-quoted field"]);
        let (f, _) = fields(b"a\x1fb\x1e", true);
        assert_eq!(f, [("a".to_string(), 0x1f), ("b".to_string(), 0x1e)]);
        assert_eq!(separator(0xc3), -61);
    }

    #[test]
    fn names_columns_like_sqlite() {
        let names = |v: &[&str]| column_definitions(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(names(&["a", "b"]).unwrap(), ("(\n\"a\" TEXT, \"b\" TEXT)".to_string(), None));
        let (spec, renames) = names(&["a", "a", "A", "b", "", ""]).unwrap();
        assert_eq!(spec, "(\n\"a_1\" TEXT, \"a_2\" TEXT, \"A_3\" TEXT, \"b\" TEXT,\n \"?_5\" TEXT, \"?_6\" TEXT)");
        assert_eq!(renames.unwrap(), "\"a\" to \"a_1\",\n\"a\" to \"a_2\",\n\"A\" to \"A_3\",\n\"?\" to \"?_5\",\n\"?\" to \"?_6\"");
        let (spec, _) = names(&["a", "a", "a_1"]).unwrap();
        assert_eq!(spec, "(\n\"a_01\" TEXT, \"a_02\" TEXT, \"a_1\" TEXT)");
        assert!(names(&[]).is_none());
    }
}
