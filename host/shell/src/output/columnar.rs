//! The columnar modes: column, table, box, markdown. Rows are gathered
//! first, multi-line values split into display lines, then drawn with
//! every column as wide as its widest line.

use crate::engine::ValueRef;
use crate::format::{self, char_count, value_text};
use crate::settings::{Mode, Settings};

/// Splits off the first display line of `z`, the way sqlite3 does for
/// columnar output: stop at a control character other than tab (a CR LF
/// pair counts as one), expand tabs to 8-column stops, and stop after
/// `max_width` characters (0: no limit), backing up to a word boundary when
/// `word_wrap` is set. Returns the line and the offset of the rest, if any.
pub fn split_display_line(z: &[u8], max_width: usize, word_wrap: bool) -> (Vec<u8>, Option<usize>) {
    let at = |i: usize| z.get(i).copied().unwrap_or(0);
    let mx = if max_width == 0 { 1_000_000 } else { max_width };
    let (mut i, mut n) = (0usize, 0usize);
    while n < mx {
        let c = at(i);
        if c >= b' ' {
            n += 1;
            i += 1;
            while at(i) & 0xc0 == 0x80 {
                i += 1;
            }
        } else if c == b'\t' {
            loop {
                n += 1;
                if n % 8 == 0 || n >= mx {
                    break;
                }
            }
            i += 1;
        } else {
            break;
        }
    }
    let mut k = i;
    if n >= mx && word_wrap {
        let half = i / 2;
        k = i;
        while k > half && !at(k - 1).is_ascii_whitespace() {
            k -= 1;
        }
        if k <= half {
            k = i;
            while k > half && !(at(k - 1).is_ascii_alphanumeric() != at(k).is_ascii_alphanumeric() && at(k) & 0xc0 != 0x80) {
                k -= 1;
            }
        }
        if k <= half {
            k = i;
        } else {
            i = k;
            while at(i) == b' ' {
                i += 1;
            }
        }
    }
    let tail = if n >= mx && at(i) >= b' ' {
        Some(i)
    } else if at(i) == b'\r' && at(i + 1) == b'\n' {
        (at(i + 2) != 0).then_some(i + 2)
    } else if at(i) == 0 || at(i + 1) == 0 {
        None
    } else {
        Some(i + 1)
    };
    let mut line = Vec::with_capacity(k);
    let (mut j, mut n) = (0usize, 0usize);
    while j < k {
        let c = at(j);
        if c >= b' ' {
            n += 1;
            line.push(c);
            j += 1;
            while at(j) & 0xc0 == 0x80 {
                line.push(at(j));
                j += 1;
            }
        } else if c == b'\t' {
            loop {
                n += 1;
                line.push(b' ');
                if n % 8 == 0 || n >= mx {
                    break;
                }
            }
            j += 1;
        } else {
            break;
        }
    }
    (line, tail)
}

/// The gathered display lines of one result.
#[derive(Default)]
pub struct Grid {
    columns: usize,
    /// Header line then data lines, `columns` cells each.
    cells: Vec<Vec<u8>>,
    /// Per data line: whether it ends a row.
    row_ends: Vec<bool>,
    multi_line: bool,
}

/// A value as `--quote` shows it: an SQL literal.
fn quoted(v: &ValueRef<'_>) -> Vec<u8> {
    let mut out = Vec::new();
    match *v {
        ValueRef::Null => out.extend_from_slice(b"NULL"),
        ValueRef::Text(t) => format::sql_string(&mut out, format::until_nul(t)),
        ValueRef::Blob(b) => format::hex_blob(&mut out, b, b'x'),
        _ => out = value_text(v).unwrap_or_default().into_owned(),
    }
    out
}

/// The width `.width` asks of column `i` (negative: aligned right; 0: as
/// wide as its content).
fn asked_width(s: &Settings, i: usize) -> i32 {
    s.widths.get(i).copied().unwrap_or(0)
}

/// Where column `i` wraps: its `.width`, else `--wrap` (0: nowhere).
fn wrap_at(s: &Settings, i: usize) -> usize {
    match asked_width(s, i) {
        0 => s.column.wrap,
        w => w.unsigned_abs() as usize,
    }
}

impl Grid {
    /// Records the column names (their first display line).
    pub fn set_header(&mut self, s: &Settings, names: &[Vec<u8>]) {
        self.columns = names.len();
        for (i, n) in names.iter().enumerate() {
            self.cells.push(split_display_line(format::until_nul(n), wrap_at(s, i), s.column.word_wrap).0);
        }
    }

    /// Adds one result row, split into as many display lines as it needs.
    pub fn add_row(&mut self, s: &Settings, values: &[ValueRef<'_>]) {
        let texts: Vec<Vec<u8>> = values
            .iter()
            .map(|v| {
                if s.column.quote {
                    quoted(v)
                } else {
                    value_text(v).map_or_else(|| s.null_value.clone(), |t| t.into_owned())
                }
            })
            .collect();
        let mut rest: Vec<Option<&[u8]>> = texts.iter().map(|t| Some(t.as_slice())).collect();
        loop {
            let mut more = false;
            for (i, slot) in rest.iter_mut().enumerate() {
                let (line, tail) = match *slot {
                    Some(z) => {
                        let (line, tail) = split_display_line(z, wrap_at(s, i), s.column.word_wrap);
                        (line, tail.map(|t| &z[t..]))
                    }
                    None => (Vec::new(), None),
                };
                more |= tail.is_some();
                self.cells.push(line);
                *slot = tail;
            }
            self.row_ends.push(!more);
            if !more {
                break;
            }
            self.multi_line = true;
        }
    }

    /// Draws the table into `out` in mode `s.mode`.
    pub fn render(&self, s: &Settings, out: &mut Vec<u8>) {
        let n = self.columns;
        if n == 0 || self.cells.is_empty() {
            return;
        }
        let mut widths: Vec<usize> = (0..n).map(|i| asked_width(s, i).unsigned_abs() as usize).collect();
        let right: Vec<bool> = (0..n).map(|i| asked_width(s, i) < 0).collect();
        for (i, c) in self.cells.iter().enumerate() {
            widths[i % n] = widths[i % n].max(char_count(c));
        }
        let header = &self.cells[..n];
        let (col_sep, row_sep): (&[u8], &[u8]) = match s.mode {
            Mode::Column => (b"  ", b"\n"),
            Mode::Box => (" \u{2502} ".as_bytes(), " \u{2502}\n".as_bytes()),
            _ => (b" | ", b" |\n"),
        };
        match s.mode {
            Mode::Column => {
                if s.headers {
                    for (i, h) in header.iter().enumerate() {
                        pad(out, h, widths[i], right[i]);
                        out.extend_from_slice(if i == n - 1 { b"\n" } else { b"  " });
                    }
                    for (i, w) in widths.iter().enumerate() {
                        out.resize(out.len() + w, b'-');
                        out.extend_from_slice(if i == n - 1 { b"\n" } else { b"  " });
                    }
                }
            }
            Mode::Table => {
                rule(out, &widths, "+", "+", "+", "-");
                centered_row(out, header, &widths, b"| ", b" | ", b" |\n");
                rule(out, &widths, "+", "+", "+", "-");
            }
            Mode::Markdown => {
                centered_row(out, header, &widths, b"| ", b" | ", b" |\n");
                rule(out, &widths, "|", "|", "|", "-");
            }
            _ => {
                rule(out, &widths, "\u{250c}", "\u{252c}", "\u{2510}", "\u{2500}");
                centered_row(out, header, &widths, " \u{2502} ".as_bytes()[1..].as_ref(), col_sep, row_sep);
                rule(out, &widths, "\u{251c}", "\u{253c}", "\u{2524}", "\u{2500}");
            }
        }
        let lines = self.cells[n..].chunks(n);
        let count = self.row_ends.len();
        for (li, line) in lines.enumerate() {
            match s.mode {
                Mode::Column => {}
                Mode::Box => out.extend_from_slice("\u{2502} ".as_bytes()),
                _ => out.extend_from_slice(b"| "),
            }
            for (i, cell) in line.iter().enumerate() {
                pad(out, cell, widths[i], right[i]);
                out.extend_from_slice(if i == n - 1 { row_sep } else { col_sep });
            }
            if self.multi_line && self.row_ends[li] && li + 1 < count {
                match s.mode {
                    Mode::Table => rule(out, &widths, "+", "+", "+", "-"),
                    Mode::Box => rule(out, &widths, "\u{251c}", "\u{253c}", "\u{2524}", "\u{2500}"),
                    Mode::Column => out.push(b'\n'),
                    _ => {}
                }
            }
        }
        match s.mode {
            Mode::Table => rule(out, &widths, "+", "+", "+", "-"),
            Mode::Box => rule(out, &widths, "\u{2514}", "\u{2534}", "\u{2518}", "\u{2500}"),
            _ => {}
        }
    }
}

/// `text` aligned left (or right) in `width` characters.
fn pad(out: &mut Vec<u8>, text: &[u8], width: usize, right: bool) {
    let gap = width.saturating_sub(char_count(text));
    if right {
        out.resize(out.len() + gap, b' ');
    }
    out.extend_from_slice(text);
    if !right {
        out.resize(out.len() + gap, b' ');
    }
}

fn centered_row(out: &mut Vec<u8>, cells: &[Vec<u8>], widths: &[usize], start: &[u8], sep: &[u8], end: &[u8]) {
    out.extend_from_slice(start);
    for (i, cell) in cells.iter().enumerate() {
        let gap = widths[i].saturating_sub(char_count(cell));
        out.resize(out.len() + gap / 2, b' ');
        out.extend_from_slice(cell);
        out.resize(out.len() + gap.div_ceil(2), b' ');
        out.extend_from_slice(if i == cells.len() - 1 { end } else { sep });
    }
}

/// A horizontal rule: `left`, then per column `fill` x (width + 2) joined by `mid`, then `right`.
fn rule(out: &mut Vec<u8>, widths: &[usize], left: &str, mid: &str, right: &str, fill: &str) {
    out.extend_from_slice(left.as_bytes());
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(mid.as_bytes());
        }
        for _ in 0..w + 2 {
            out.extend_from_slice(fill.as_bytes());
        }
    }
    out.extend_from_slice(right.as_bytes());
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::split_display_line;

    #[test]
    fn splits_like_sqlite() {
        assert_eq!(split_display_line(b"tab\tx", 0, false), (b"tab     x".to_vec(), None));
        assert_eq!(split_display_line(b"a\r\nb", 0, false), (b"a".to_vec(), Some(3)));
        assert_eq!(split_display_line(b"a\x01\x01b", 0, false), (b"a".to_vec(), Some(2)));
        assert_eq!(split_display_line(b"end\n", 0, false), (b"end".to_vec(), None));
        assert_eq!(split_display_line(b"abcdef", 4, false), (b"abcd".to_vec(), Some(4)));
        assert_eq!(split_display_line(b"ab cdef", 5, true), (b"ab ".to_vec(), Some(3)));
    }
}
