//! A quick line scanner that tells the input loop whether the SQL typed so
//! far is only whitespace and comments, ends with a semicolon, or is inside
//! a string, quoted identifier or block comment. State carries over lines.

use crate::shell::is_space;

/// The scanner's state after some lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scan {
    /// The closing character awaited: `*` (of `*/`), `'`, `"`, `` ` `` or `]`.
    wait: Option<u8>,
    /// Something other than whitespace, comments and semicolons was seen.
    dark: bool,
    /// The last significant character was a semicolon.
    semi: bool,
}

impl Scan {
    /// Scans one more line.
    pub fn line(mut self, line: &str) -> Scan {
        let z = line.as_bytes();
        let mut i = 0;
        while i < z.len() {
            if let Some(w) = self.wait {
                let c = z[i];
                i += 1;
                if c != w {
                    continue;
                }
                match w {
                    b'*' => {
                        if z.get(i) == Some(&b'/') {
                            i += 1;
                            self.wait = None;
                        }
                    }
                    b'\'' | b'"' | b'`' if z.get(i) == Some(&w) => i += 1,
                    _ => self.wait = None,
                }
                continue;
            }
            let c = z[i];
            i += 1;
            if is_space(c) {
                continue;
            }
            match c {
                b'-' if z.get(i) == Some(&b'-') => return self,
                b';' => self.semi = true,
                b'/' if z.get(i) == Some(&b'*') => {
                    i += 1;
                    self.wait = Some(b'*');
                }
                b'[' | b'`' | b'\'' | b'"' => {
                    self.wait = Some(if c == b'[' { b']' } else { c });
                    self.dark = true;
                    self.semi = false;
                }
                _ => {
                    self.dark = true;
                    self.semi = false;
                }
            }
        }
        self
    }

    /// Not inside a string, identifier or comment.
    pub fn in_plain(self) -> bool {
        self.wait.is_none()
    }

    /// Only whitespace, comments and semicolons so far.
    pub fn is_blank(self) -> bool {
        self.wait.is_none() && !self.dark
    }

    /// Ends with a semicolon outside any string or comment.
    pub fn ends_with_semicolon(self) -> bool {
        self.wait.is_none() && self.semi
    }

    /// Nothing at all: no text, no semicolon, no open comment.
    pub fn is_empty(self) -> bool {
        self == Scan::default()
    }
}

/// Whether `line` is `/` or `go` alone (Oracle and SQL Server style
/// statement terminators), followed only by whitespace or comments.
pub fn is_terminator_line(line: &str) -> bool {
    let t = crate::shell::trim_space(line);
    let rest = if let Some(r) = t.strip_prefix('/') {
        r
    } else if t.len() >= 2 && t.as_bytes()[..2].eq_ignore_ascii_case(b"go") {
        &t[2..]
    } else {
        return false;
    };
    Scan::default().line(rest).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans() {
        assert!(Scan::default().line("  -- hi").is_blank());
        assert!(Scan::default().line(";").is_blank());
        assert!(Scan::default().line("select 1; -- x").ends_with_semicolon());
        assert!(!Scan::default().line("select 'a;").ends_with_semicolon());
        let s = Scan::default().line("select 'a");
        assert!(!s.in_plain());
        assert!(s.line("b';").ends_with_semicolon());
        assert!(Scan::default().line("/* a").line("b */").is_blank());
        assert!(is_terminator_line(" GO "));
        assert!(is_terminator_line("/"));
        assert!(!is_terminator_line("got"));
    }
}
