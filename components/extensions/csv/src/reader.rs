//! The field reader of SQLite's `ext/misc/csv.c` and of Keith Medcalf's
//! `vsv.c` (sqlean's vsv), byte for byte: the same state machine, so
//! malformed input (a stray quote, a missing closing quote, a CR before the
//! separator, a BOM) reads as those readers read it, including the state
//! they leave behind (the terminator of a field that ended in an error is
//! the one before it; the line count; the last error message, which reads
//! never clear).
//!
//! Why not the `csv` crate: csv.c is not RFC 4180 and its edge cases are
//! its own. `"ab"cd` is `ab"` plus an error and the `c` is lost (the crate
//! reads `abcd`); `"a""b` ends up as `a"b` followed by the rest of the
//! input; a CR is dropped only before the newline that ends an unquoted
//! field; a BOM is skipped only at the very start of what a reader reads;
//! vsv's separators are single bytes that may be NUL, and a separator byte
//! of 0x80 or more ends a field without continuing the record (csv.c stores
//! the terminator in a `char`). None of this is configurable in the crate,
//! and rows must stream in batches anyway, so this module reads the bytes
//! itself.
//!
//! The vsv crate compiles this very file (`#[path]`), so it names nothing
//! of its crate.

use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::rc::Rc;

/// What `getc` returns at the end of the input (C's `EOF`).
pub const EOF: i32 = -1;

/// The size of csv.c's and vsv.c's error buffer: messages are cut to one
/// byte less.
const MAX_ERROR: usize = 200;

/// A message as csv.c's `csv_errmsg` keeps it: at most 199 bytes (cut back
/// to a character boundary, where the C code may split a character).
pub fn errmsg(message: String) -> String {
    let mut message = message;
    if message.len() >= MAX_ERROR {
        let mut end = MAX_ERROR - 1;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        message.truncate(end);
    }
    message
}

/// Where a table's text comes from: `data=` (held in memory, as the SQL
/// that created the table holds it) or `filename=` (opened per scan and
/// read in buffered blocks, never whole).
#[derive(Debug, Clone)]
pub enum Source {
    /// The text of `data=`.
    Data(Rc<[u8]>),
    /// The path of `filename=`.
    File(String),
}

/// An open input and how many bytes have been taken from it.
pub struct Input {
    kind: InputKind,
    /// Bytes taken since the start of the input (C's `ftell - nIn + iIn`).
    position: u64,
    /// Where reading started (the `fseek` target): the C code reads files
    /// in 1024-byte blocks from there.
    origin: u64,
}

/// The size of the C readers' file blocks.
const BLOCK: u64 = 1024;

enum InputKind {
    Data(Rc<[u8]>),
    File(BufReader<File>),
}

impl Input {
    /// Opens a source at its start, or fails with csv.c's message.
    ///
    /// # Errors
    /// `cannot open 'PATH' for reading` for a file that cannot be opened
    /// (missing, unreadable, or outside the directories granted).
    pub fn open(source: &Source) -> Result<Input, String> {
        Input::open_at(source, 0)
    }

    /// Opens a source and skips to byte `start` (xFilter's `fseek`).
    ///
    /// # Errors
    /// As [`Input::open`].
    pub fn open_at(source: &Source, start: u64) -> Result<Input, String> {
        match source {
            Source::Data(data) => Ok(Input {
                kind: InputKind::Data(data.clone()),
                position: start,
                origin: start,
            }),
            Source::File(path) => {
                let mut file = File::open(path)
                    .map_err(|_| errmsg(format!("cannot open '{path}' for reading")))?;
                // A seek that fails leaves the file where it is, as fseek does.
                let position = file.seek(SeekFrom::Start(start)).unwrap_or(0);
                Ok(Input {
                    kind: InputKind::File(BufReader::with_capacity(64 * 1024, file)),
                    position,
                    origin: position,
                })
            }
        }
    }

    /// The next byte, or [`EOF`]. A read error ends the input, as it ends
    /// `fread`.
    ///
    /// The first byte of each block of a file comes back as C's refill
    /// returns it, through a plain `char`: on the platforms the references
    /// run on (x86-64, where `char` is signed) a byte of 0x80 or more is
    /// negative there, so it matches no separator byte, and 0xFF reads as
    /// the end of the input (reading goes on after it).
    fn getc(&mut self) -> i32 {
        let block_start = matches!(self.kind, InputKind::File(_))
            && (self.position - self.origin).is_multiple_of(BLOCK);
        let byte = match &mut self.kind {
            InputKind::Data(data) => usize::try_from(self.position)
                .ok()
                .and_then(|i| data.get(i).copied()),
            InputKind::File(file) => match file.fill_buf() {
                Ok(buffer) if !buffer.is_empty() => {
                    let b = buffer[0];
                    file.consume(1);
                    Some(b)
                }
                _ => None,
            },
        };
        match byte {
            Some(b) => {
                self.position += 1;
                if block_start {
                    i32::from(b as i8)
                } else {
                    i32::from(b)
                }
            }
            None => EOF,
        }
    }

    /// Bytes taken so far: where the data starts after a header.
    pub fn position(&self) -> u64 {
        self.position
    }

    /// The next bytes that are already at hand and that [`getc`](Input::getc)
    /// would return as they are (none is the first of a file's block), for
    /// taking many at once; [`consume`](Input::consume) takes them.
    fn run(&self) -> &[u8] {
        match &self.kind {
            InputKind::Data(data) => usize::try_from(self.position).ok().and_then(|i| data.get(i..)).unwrap_or_default(),
            InputKind::File(file) => {
                let into_block = ((self.position - self.origin) % BLOCK) as usize;
                if into_block == 0 {
                    return &[];
                }
                let buffer = file.buffer();
                &buffer[..buffer.len().min(BLOCK as usize - into_block)]
            }
        }
    }

    /// Takes the first `n` bytes of [`run`](Input::run).
    fn consume(&mut self, n: usize) {
        if let InputKind::File(file) = &mut self.kind {
            file.consume(n);
        }
        self.position += n as u64;
    }
}

/// The separators and the rules of one reader: csv.c's, or vsv.c's with
/// its separators.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dialect {
    /// The field separator byte (`fsep=`; `,` for csv).
    pub fsep: i32,
    /// The record separator byte (`rsep=`; a newline for csv).
    pub rsep: i32,
    /// vsv.c's variant of the rules (see [`Reader::read_field`]).
    pub vsv: bool,
}

/// csv.c's dialect: comma, newline, csv.c's rules.
#[allow(dead_code)] // used by csv, not by vsv, which compiles this file too
pub const CSV: Dialect = Dialect {
    fsep: b',' as i32,
    rsep: b'\n' as i32,
    vsv: false,
};

/// One reader (C's `CsvReader`/`VsvReader`): an input and the state the C
/// code keeps between fields.
pub struct Reader {
    input: Input,
    dialect: Dialect,
    /// The field read last (C's `z[0..n]`).
    field: Vec<u8>,
    /// Whether C's `z` has been allocated. Until then a field that took no
    /// bytes reads as a NULL pointer (csv.c) or as one NUL byte (vsv.c).
    allocated: bool,
    /// Newlines seen (C's `nLine`), for error messages.
    line: i64,
    /// Some field has been read (no BOM is skipped after that).
    not_first: bool,
    /// What ended the last field: a byte as C's `(char)` cast leaves it
    /// (so bytes of 0x80 and above are negative), or [`EOF`]. A field that
    /// ends in an error leaves it as it was.
    term: i32,
    /// vsv.c: the last field had content (or quotes).
    not_null: bool,
    /// The last error a field raised; reads never clear it.
    error: Option<String>,
}

impl Reader {
    /// A fresh reader on `input`. `allocated` says whether C's field buffer
    /// exists already (csv.c's xFilter makes sure it does).
    pub fn new(input: Input, dialect: Dialect, allocated: bool) -> Reader {
        Reader {
            input,
            dialect,
            field: Vec::new(),
            allocated,
            line: 0,
            not_first: false,
            term: 0,
            not_null: false,
            error: None,
        }
    }

    /// What ended the last field (see the field's doc).
    pub fn term(&self) -> i32 {
        self.term
    }

    /// Whether the last field had content (vsv.c's `notNull`).
    #[allow(dead_code)] // used by vsv, which compiles this file too
    pub fn not_null(&self) -> bool {
        self.not_null
    }

    /// The last error message a field left, if any.
    #[allow(dead_code)] // used by vsv, which compiles this file too
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The last field's bytes (C's `z[0..n]`).
    #[allow(dead_code)] // used by vsv, which compiles this file too
    pub fn field(&self) -> &[u8] {
        &self.field
    }

    /// The last field as the C string it is: up to its first NUL byte.
    pub fn c_str(&self) -> &[u8] {
        let end = self
            .field
            .iter()
            .position(|&b| b == 0)
            .unwrap_or(self.field.len());
        &self.field[..end]
    }

    /// Bytes taken from the input so far.
    pub fn position(&self) -> u64 {
        self.input.position()
    }

    /// vsv.c's `vsv_reader_reset` then `vsv_reader_open` on the same
    /// reader (its `skip=` step): the buffer, line count, BOM state and
    /// error go, the terminator stays; a file starts again from its first
    /// byte, but `data=` goes on where it was (the C code keeps its index
    /// into the text).
    ///
    /// # Errors
    /// As [`Input::open`].
    #[allow(dead_code)] // used by vsv, which compiles this file too
    pub fn reopen(&mut self, source: &Source) -> Result<(), String> {
        self.field.clear();
        self.allocated = false;
        self.line = 0;
        self.not_first = false;
        self.not_null = false;
        self.error = None;
        if let Source::File(_) = source {
            self.input = Input::open(source)?;
        }
        Ok(())
    }

    fn fail(&mut self, message: String) {
        self.error = Some(errmsg(message));
    }

    /// C's `(char)c` stored as an int.
    fn as_term(c: i32) -> i32 {
        if c == EOF {
            EOF
        } else {
            i32::from(c as u8 as i8)
        }
    }

    /// Reads one field (`csv_read_one_field`, `vsv_read_one_field`).
    /// Returns false where the C code returns NULL: at the end of the input
    /// (the terminator is then [`EOF`]), and for csv.c also for a field that
    /// took no bytes before any other did.
    ///
    /// A field starting with `"` is quoted: `""` stands for one quote, and
    /// it ends at a quote followed by the field separator, the record
    /// separator, CR LF (when records end with newlines) or the end of
    /// input. A quote followed by anything else is an error ("unescaped"),
    /// which ends the field there (csv.c; vsv.c only when records end with
    /// newlines, and otherwise keeps the quote as text), and a missing
    /// closing quote is an error ("unterminated") that takes the rest of
    /// the input. Other fields run to the next separator; csv.c drops one
    /// CR before the newline ending one, vsv.c one trailing CR when either
    /// separator is a newline. A UTF-8 byte order mark opening the first
    /// field is skipped.
    pub fn read_field(&mut self) -> bool {
        self.not_null = false;
        self.field.clear();
        let mut c = self.input.getc();
        if c == EOF {
            self.term = EOF;
            return false;
        }
        if c == i32::from(b'"') {
            self.read_quoted();
        } else {
            if c & 0xff == 0xef && !self.not_first {
                self.append(c);
                c = self.input.getc();
                if c & 0xff == 0xbb {
                    self.append(c);
                    c = self.input.getc();
                    if c & 0xff == 0xbf {
                        self.not_first = true;
                        self.field.clear();
                        return self.read_field();
                    }
                }
            }
            self.read_unquoted(c);
        }
        if !self.allocated {
            if self.dialect.vsv {
                // vsv.c appends a NUL to get a buffer: the field is that byte.
                self.append(0);
            } else {
                self.not_first = true;
                return false;
            }
        }
        self.not_first = true;
        true
    }

    fn append(&mut self, c: i32) {
        self.field.push(c as u8);
        self.allocated = true;
    }

    fn read_quoted(&mut self) {
        const QUOTE: i32 = b'"' as i32;
        const CR: i32 = b'\r' as i32;
        const LF: i32 = b'\n' as i32;
        let Dialect { fsep, rsep, vsv } = self.dialect;
        let start_line = self.line;
        self.not_null = true;
        let (mut pc, mut ppc) = (0, 0);
        loop {
            let c = self.input.getc();
            if c == LF {
                self.line += 1;
            }
            if c == QUOTE && pc == QUOTE {
                // The second quote of a pair is dropped (the first is text).
                (pc, ppc) = if vsv { (ppc, 0) } else { (0, ppc) };
                continue;
            }
            let ends = (pc == QUOTE && (c == fsep || c == rsep || c == EOF))
                || ((!vsv || rsep == LF) && c == LF && pc == CR && ppc == QUOTE);
            if ends {
                // Drop the closing quote and anything after it.
                let quote = self
                    .field
                    .iter()
                    .rposition(|&b| i32::from(b) == QUOTE)
                    .unwrap_or(0);
                self.field.truncate(quote);
                self.term = Self::as_term(c);
                return;
            }
            if pc == QUOTE && (!vsv || rsep == LF) && c != CR {
                let message = format!("line {}: unescaped \" character", self.line as i32);
                self.fail(message);
                return;
            }
            if c == EOF {
                let message = format!("line {}: unterminated \"-quoted field\n", start_line as i32);
                self.fail(message);
                self.term = EOF;
                return;
            }
            self.append(c);
            ppc = pc;
            pc = c;
        }
    }

    fn read_unquoted(&mut self, first: i32) {
        const LF: i32 = b'\n' as i32;
        let Dialect { fsep, rsep, vsv } = self.dialect;
        let mut c = first;
        while c != EOF && c != fsep && c != rsep {
            if c == LF {
                self.line += 1;
            }
            self.not_null = true;
            self.append(c);
            // The bytes at hand up to the next separator, all at once.
            let run = self.input.run();
            let n = run.iter().position(|&b| i32::from(b) == fsep || i32::from(b) == rsep).unwrap_or(run.len());
            self.line += run[..n].iter().filter(|&&b| i32::from(b) == LF).count() as i64;
            self.field.extend_from_slice(&run[..n]);
            self.input.consume(n);
            c = self.input.getc();
        }
        if c == LF {
            self.line += 1;
        }
        let drop_cr = if vsv {
            rsep == LF || fsep == LF
        } else {
            c == LF
        };
        if drop_cr && self.field.last() == Some(&b'\r') {
            self.field.pop();
            if self.field.is_empty() {
                self.not_null = false;
            }
        }
        self.term = Self::as_term(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader(text: &str, dialect: Dialect, allocated: bool) -> Reader {
        let input = Input::open(&Source::Data(Rc::from(text.as_bytes()))).unwrap();
        Reader::new(input, dialect, allocated)
    }

    /// Every field until the end: (bytes, terminator), None for NULL.
    fn fields(text: &str, dialect: Dialect) -> Vec<(Option<Vec<u8>>, i32)> {
        let mut r = reader(text, dialect, true);
        let mut out = Vec::new();
        loop {
            let ok = r.read_field();
            if !ok && r.term() == EOF {
                return out;
            }
            out.push((ok.then(|| r.field().to_vec()), r.term()));
        }
    }

    fn f(s: &str, term: u8) -> (Option<Vec<u8>>, i32) {
        (Some(s.as_bytes().to_vec()), i32::from(term))
    }

    #[test]
    fn quoted_fields_follow_csv_c() {
        assert_eq!(
            fields("\"a,b\",\"c\"\"d\"\n", CSV),
            [f("a,b", b','), f("c\"d", b'\n')]
        );
        assert_eq!(
            fields("\"a\"\r\nb", CSV),
            [f("a", b'\n'), (Some(b"b".to_vec()), EOF)]
        );
        // A quote followed by text: the field ends with the quote, the next
        // byte is lost and the terminator is the previous one (0 at first).
        let mut r = reader("\"ab\"cd,e", CSV, true);
        assert!(r.read_field());
        assert_eq!(
            (r.field(), r.term(), r.error()),
            (&b"ab\""[..], 0, Some("line 0: unescaped \" character"))
        );
        assert!(r.read_field());
        assert_eq!((r.field(), r.term()), (&b"d"[..], i32::from(b',')));
    }

    #[test]
    fn an_unterminated_quote_takes_the_rest_of_the_input() {
        let mut r = reader("x\n\"ab\ncd", CSV, true);
        assert!(r.read_field());
        assert!(r.read_field());
        assert_eq!((r.field(), r.term()), (&b"ab\ncd"[..], EOF));
        assert_eq!(r.error(), Some("line 1: unterminated \"-quoted field\n"));
    }

    #[test]
    fn unquoted_fields_drop_a_cr_only_before_the_newline() {
        assert_eq!(
            fields("a\r\nb\r,c\r", CSV),
            [f("a", b'\n'), f("b\r", b','), (Some(b"c\r".to_vec()), EOF)]
        );
        let vsv = Dialect {
            fsep: i32::from(b';'),
            rsep: i32::from(b'\n'),
            vsv: true,
        };
        assert_eq!(
            fields("a\r;b\r", vsv),
            [f("a", b';'), (Some(b"b".to_vec()), EOF)]
        );
    }

    #[test]
    fn a_bom_is_skipped_at_the_start_only() {
        assert_eq!(
            fields("\u{feff}a,\u{feff}b", CSV),
            [f("a", b','), (Some("\u{feff}b".as_bytes().to_vec()), EOF)]
        );
    }

    #[test]
    fn empty_fields_before_any_byte_are_null_in_csv_and_a_nul_in_vsv() {
        let mut r = reader(",x", CSV, false);
        assert!(!r.read_field());
        assert_eq!(r.term(), i32::from(b','));
        let vsv = Dialect {
            fsep: i32::from(b','),
            rsep: i32::from(b'\n'),
            vsv: true,
        };
        let mut r = reader(",x", vsv, false);
        assert!(r.read_field());
        assert_eq!((r.field(), r.not_null()), (&[0u8][..], false));
        assert!(r.read_field());
        assert_eq!(r.field(), b"x");
    }

    #[test]
    fn high_separator_bytes_end_records_as_a_char_terminator_does() {
        let vsv = Dialect {
            fsep: 0xfe,
            rsep: i32::from(b'\n'),
            vsv: true,
        };
        let mut r = Reader::new(
            Input::open(&Source::Data(Rc::from(&b"a\xfeb"[..]))).unwrap(),
            vsv,
            true,
        );
        assert!(r.read_field());
        assert_eq!((r.field(), r.term()), (&b"a"[..], -2));
    }

    #[test]
    fn long_messages_are_cut_to_199_bytes() {
        assert_eq!(errmsg("x".repeat(300)).len(), 199);
        assert_eq!(errmsg(format!("{}é", "x".repeat(198))).len(), 198);
    }
}
