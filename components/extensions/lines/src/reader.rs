//! Splitting a stream into lines the way sqlite-lines does with C's
//! `getdelim`: each line ends after a one-byte delimiter (or at the end of
//! the input), and the delimiter is then cut off, with a `\r` before a
//! `\n` delimiter (CRLF). Plain Rust, no SQL types.

use std::io::{self, BufRead};

/// SQLite's default `SQLITE_LIMIT_LENGTH`: sqlite-lines refuses a longer
/// line (counted with its delimiter) when its text is read.
pub const LIMIT_LENGTH: u64 = 1_000_000_000;

/// One line as read: its bytes with the delimiter (when one ended it), or
/// only its length when it is longer than [`LIMIT_LENGTH`] (its bytes are
/// not kept, so a huge line costs no memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// The line's bytes, delimiter included.
    Bytes(Vec<u8>),
    /// A line of this many bytes (delimiter included), too long to keep.
    TooLong(u64),
}

impl Line {
    /// The line's length with its delimiter, as `getdelim` returns it.
    pub fn len(&self) -> u64 {
        match self {
            Line::Bytes(b) => b.len() as u64,
            Line::TooLong(n) => *n,
        }
    }

    /// The line's text without its delimiter (and without the `\r` of a
    /// `\r\n` when the delimiter is `\n`); None for a line too long to keep.
    pub fn text(&self, delimiter: u8) -> Option<&[u8]> {
        let Line::Bytes(b) = self else { return None };
        let n = b.len();
        let cut = match b.last() {
            Some(&last) if last == delimiter => {
                if n > 1 && last == b'\n' && b[n - 2] == b'\r' {
                    2
                } else {
                    1
                }
            }
            _ => 0,
        };
        Some(&b[..n - cut])
    }
}

/// Reads lines ending in `delimiter` from `input`, keeping at most
/// `limit` bytes of any one line.
pub struct LineReader<R> {
    input: R,
    delimiter: u8,
    limit: u64,
}

impl<R: BufRead> LineReader<R> {
    /// A reader of `input` split at `delimiter`, keeping lines of up to
    /// [`LIMIT_LENGTH`] bytes.
    pub fn new(input: R, delimiter: u8) -> LineReader<R> {
        LineReader::with_limit(input, delimiter, LIMIT_LENGTH)
    }

    /// A reader keeping lines of up to `limit` bytes (longer ones come as
    /// [`Line::TooLong`]).
    pub fn with_limit(input: R, delimiter: u8, limit: u64) -> LineReader<R> {
        LineReader { input, delimiter, limit }
    }

    /// The next line, None at the end of the input.
    ///
    /// # Errors
    /// The input's read errors.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        let mut kept = Vec::new();
        let mut length: u64 = 0;
        loop {
            let buf = match self.input.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                break;
            }
            let (take, ended) = match buf.iter().position(|&b| b == self.delimiter) {
                Some(at) => (at + 1, true),
                None => (buf.len(), false),
            };
            length += take as u64;
            if length <= self.limit {
                kept.extend_from_slice(&buf[..take]);
            } else if !kept.is_empty() {
                kept = Vec::new();
            }
            self.input.consume(take);
            if ended {
                break;
            }
        }
        Ok(match length {
            0 => None,
            n if n > self.limit => Some(Line::TooLong(n)),
            _ => Some(Line::Bytes(kept)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(input: &[u8], delimiter: u8) -> Vec<Vec<u8>> {
        let mut r = LineReader::new(input, delimiter);
        let mut out = Vec::new();
        while let Some(line) = r.next_line().unwrap() {
            out.push(line.text(delimiter).unwrap().to_vec());
        }
        out
    }

    #[test]
    fn lines_end_after_the_delimiter_or_at_the_end() {
        assert_eq!(split(b"a\nb\nc", b'\n'), [b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
        assert_eq!(split(b"a\n", b'\n'), [b"a".to_vec()]);
        assert_eq!(split(b"\n", b'\n'), [b"".to_vec()]);
        assert_eq!(split(b"", b'\n'), Vec::<Vec<u8>>::new());
        assert_eq!(split(b"a,b,", b','), [b"a".to_vec(), b"b".to_vec()]);
    }

    #[test]
    fn crlf_loses_its_cr_only_with_a_newline_delimiter() {
        // As sqlite-lines: "a\r\r\n" keeps one \r; a last line's \r stays.
        assert_eq!(split(b"a\r\r\n\r\n\n", b'\n'), [b"a\r".to_vec(), b"".to_vec(), b"".to_vec()]);
        assert_eq!(split(b"a\r\nb\r", b'\n'), [b"a".to_vec(), b"b\r".to_vec()]);
        assert_eq!(split(b"a\r,b", b','), [b"a\r".to_vec(), b"b".to_vec()]);
        assert_eq!(split(b"a\rb\r\n", b'\r'), [b"a".to_vec(), b"b".to_vec(), b"\n".to_vec()]);
    }

    #[test]
    fn bytes_pass_through_untouched() {
        assert_eq!(split(b"\xff\n\x00\xfe", b'\n'), [b"\xff".to_vec(), b"\x00\xfe".to_vec()]);
    }

    #[test]
    fn lines_past_the_limit_keep_only_their_length() {
        // A small buffer, so that lines cross reads.
        let input = std::io::BufReader::with_capacity(2, &b"abcdefg\nhi\nabcd"[..]);
        let mut r = LineReader::with_limit(input, b'\n', 4);
        assert_eq!(r.next_line().unwrap(), Some(Line::TooLong(8)));
        assert_eq!(r.next_line().unwrap(), Some(Line::Bytes(b"hi\n".to_vec())));
        let last = r.next_line().unwrap().unwrap();
        assert_eq!((last.len(), last.text(b'\n')), (4, Some(&b"abcd"[..])));
        assert_eq!(r.next_line().unwrap(), None);
        assert_eq!(Line::TooLong(9).text(b'\n'), None);
    }
}
