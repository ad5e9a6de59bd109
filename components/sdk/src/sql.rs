//! SQL text read the way SQLite reads it: tokens as `sqlite3GetToken` reads
//! them, statements as successive `sqlite3_prepare_v2` calls consume them,
//! and parameters as SQLite numbers and names them.
//!
//! SPI compiles and runs statements but tells neither where one ends nor
//! what its parameters are called; extensions that take SQL from their
//! callers (define's table-valued functions, sha's `*_query`) need both.
//!
//! A prepare call starts where the previous one stopped, skips whitespace,
//! comments and empty statements (`;`), and ends after the semicolon that
//! closes the statement (the end of `CREATE TRIGGER ... END;` for
//! triggers, whose body holds semicolons), or at the end of the text. The
//! statement's text (`sqlite3_sql`) is everything the call consumed,
//! leading whitespace included. A call that meets no statement consumes the
//! rest of the text and prepares nothing.

/// What a token is, as far as cutting statements needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Whitespace or a comment.
    Space,
    /// `;`
    Semi,
    /// An identifier or keyword, bare or quoted.
    Word,
    /// A parameter: `?`, `?NNN`, `:name`, `@name`, `$name`.
    Variable,
    /// What SQLite's tokenizer rejects (`unrecognized token`).
    Illegal,
    /// Any other token: literals, operators, punctuation.
    Other,
}

/// One token: its kind and its byte range in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: Kind,
    /// Its first byte.
    pub start: usize,
    /// Just past its last byte.
    pub end: usize,
}

/// The tokens of `sql`, in order, covering all of it.
pub fn tokens(sql: &[u8]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < sql.len() {
        let (len, kind) = token(&sql[at..]);
        let len = len.max(1);
        out.push(Token { kind, start: at, end: at + len });
        at += len;
    }
    out
}

/// SQLite's `sqlite3Isspace`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Whether `c` may continue an identifier (SQLite's `IdChar`).
fn id_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

/// The length and kind of the token at the start of `z` (not empty).
fn token(z: &[u8]) -> (usize, Kind) {
    let at = |i: usize| z.get(i).copied().unwrap_or(0);
    let c = z[0];
    match c {
        // A vertical tab continues whitespace but cannot start it.
        b' ' | b'\t' | b'\n' | 0x0c | b'\r' => (1 + z[1..].iter().take_while(|c| is_space(**c)).count(), Kind::Space),
        b'-' if at(1) == b'-' => (2 + z[2..].iter().take_while(|&&c| c != b'\n').count(), Kind::Space),
        b'-' if at(1) == b'>' => (if at(2) == b'>' { 3 } else { 2 }, Kind::Other),
        b'/' if at(1) == b'*' && at(2) != 0 => {
            let close = z[2..].windows(2).position(|w| w == b"*/");
            (close.map_or(z.len(), |p| p + 4), Kind::Space)
        }
        b';' => (1, Kind::Semi),
        b'=' => (if at(1) == b'=' { 2 } else { 1 }, Kind::Other),
        b'<' => (if matches!(at(1), b'=' | b'>' | b'<') { 2 } else { 1 }, Kind::Other),
        b'>' => (if matches!(at(1), b'=' | b'>') { 2 } else { 1 }, Kind::Other),
        b'!' if at(1) == b'=' => (2, Kind::Other),
        b'!' => (1, Kind::Illegal),
        b'|' => (if at(1) == b'|' { 2 } else { 1 }, Kind::Other),
        b'-' | b'(' | b')' | b',' | b'+' | b'*' | b'/' | b'%' | b'&' | b'~' => (1, Kind::Other),
        b'\'' | b'"' | b'`' => {
            let mut i = 1;
            while i < z.len() {
                if z[i] == c {
                    if at(i + 1) == c {
                        i += 2;
                        continue;
                    }
                    return (i + 1, if c == b'\'' { Kind::Other } else { Kind::Word });
                }
                i += 1;
            }
            (z.len(), Kind::Illegal)
        }
        b'.' if !at(1).is_ascii_digit() => (1, Kind::Other),
        b'0'..=b'9' | b'.' => number(z),
        b'[' => match z.iter().position(|&c| c == b']') {
            Some(p) => (p + 1, Kind::Word),
            None => (z.len(), Kind::Illegal),
        },
        b'?' => (1 + z[1..].iter().take_while(|c| c.is_ascii_digit()).count(), Kind::Variable),
        b'$' | b'@' | b':' | b'#' => variable(z),
        b'x' | b'X' if at(1) == b'\'' => {
            let digits = z[2..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
            let mut i = 2 + digits;
            let mut kind = Kind::Other;
            if at(i) != b'\'' || i % 2 == 1 {
                kind = Kind::Illegal;
                i += z[i..].iter().take_while(|&&c| c != b'\'').count();
            }
            (if i < z.len() { i + 1 } else { i }, kind)
        }
        c if id_char(c) && c != b'$' && !c.is_ascii_digit() => (z.iter().take_while(|&&c| id_char(c)).count(), Kind::Word),
        _ => (1, Kind::Illegal),
    }
}

/// A numeric literal; one running into identifier characters is illegal.
fn number(z: &[u8]) -> (usize, Kind) {
    let at = |i: usize| z.get(i).copied().unwrap_or(0);
    let digits_from = |i: usize| i + z[i.min(z.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    if z[0] == b'0' && matches!(at(1), b'x' | b'X') && at(2).is_ascii_hexdigit() {
        // Hexadecimal ends at its last digit, whatever follows.
        return (3 + z[3..].iter().take_while(|c| c.is_ascii_hexdigit()).count(), Kind::Other);
    }
    let mut i = digits_from(0);
    if at(i) == b'.' {
        i = digits_from(i + 1);
    }
    if matches!(at(i), b'e' | b'E') && (at(i + 1).is_ascii_digit() || (matches!(at(i + 1), b'+' | b'-') && at(i + 2).is_ascii_digit())) {
        i = digits_from(i + 2);
    }
    let tail = z[i..].iter().take_while(|&&c| id_char(c)).count();
    (i + tail, if tail > 0 { Kind::Illegal } else { Kind::Other })
}

/// `:name`, `@name`, `$name` (with TCL's `::` and `(...)` suffixes) and
/// `#name`; the prefix alone is illegal.
fn variable(z: &[u8]) -> (usize, Kind) {
    let mut n = 0;
    let mut i = 1;
    while i < z.len() {
        let c = z[i];
        if id_char(c) {
            n += 1;
        } else if c == b'(' && n > 0 {
            let close = z[i..].iter().position(|&c| c == b')' || is_space(c));
            return match close {
                Some(p) if z[i + p] == b')' => (i + p + 1, Kind::Variable),
                Some(p) => (i + p, Kind::Illegal),
                None => (z.len(), Kind::Illegal),
            };
        } else if c == b':' && z.get(i + 1) == Some(&b':') {
            i += 1;
        } else {
            break;
        }
        i += 1;
    }
    (i, if n == 0 { Kind::Illegal } else { Kind::Variable })
}

/// What one prepare call consumes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Where the call started.
    pub start: usize,
    /// Where it stopped (the next call starts here).
    pub end: usize,
    /// The first token of the statement, or None when there was only
    /// whitespace, comments and semicolons (nothing prepared).
    pub first: Option<usize>,
}

/// The keywords `sqlite3_complete` watches to find the end of a trigger.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Semi,
    Other,
    Explain,
    Create,
    Temp,
    Trigger,
    End,
}

/// The statements of `sql` as successive prepare calls consume them. The
/// text is cut at its first NUL byte, where SQLite stops reading.
pub fn pieces(sql: &[u8]) -> Vec<Piece> {
    let sql = &sql[..sql.iter().position(|&b| b == 0).unwrap_or(sql.len())];
    let tokens = tokens(sql);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let start = tokens[i].start;
        // States of sqlite3_complete: 1 start, 2 normal, 3 explain,
        // 4 create, 5 trigger body, 6 semicolon in a trigger, 7 END seen.
        let mut state = 1u8;
        let mut first = None;
        let mut end = sql.len();
        while i < tokens.len() {
            let t = tokens[i];
            i += 1;
            let class = match t.kind {
                Kind::Space => continue,
                Kind::Semi => Class::Semi,
                Kind::Word => classify(&sql[t.start..t.end]),
                _ => Class::Other,
            };
            if class == Class::Semi && matches!(state, 1 | 2 | 3 | 4 | 7) {
                if state != 1 {
                    end = t.end;
                    break;
                }
                continue;
            }
            first.get_or_insert(t.start);
            state = next_state(state, class);
        }
        out.push(Piece { start, end: if first.is_some() { end } else { sql.len() }, first });
        if first.is_none() {
            break;
        }
    }
    out
}

fn classify(word: &[u8]) -> Class {
    const KEYWORDS: [(&[u8], Class); 6] = [
        (b"explain", Class::Explain),
        (b"create", Class::Create),
        (b"temp", Class::Temp),
        (b"temporary", Class::Temp),
        (b"trigger", Class::Trigger),
        (b"end", Class::End),
    ];
    KEYWORDS.iter().find(|(k, _)| k.eq_ignore_ascii_case(word)).map_or(Class::Other, |(_, c)| *c)
}

/// `sqlite3_complete`'s transitions, for every token but a semicolon that
/// ends the statement.
fn next_state(state: u8, class: Class) -> u8 {
    match (state, class) {
        (5 | 6, Class::Semi) => 6,
        (6, Class::End) => 7,
        (5..=7, _) => 5,
        (1, Class::Explain) => 3,
        (1 | 3, Class::Create) => 4,
        (3, Class::Other) => 3,
        (4, Class::Temp) => 4,
        (4, Class::Trigger) => 5,
        _ => 2,
    }
}

/// Where the statement in `sql[first..end]` begins for `EXPLAIN`: past a
/// leading `EXPLAIN` or `EXPLAIN QUERY PLAN` of its own (`EXPLAIN` cannot
/// nest, and an explained statement compiles to the same program).
pub fn explainable(sql: &[u8], first: usize, end: usize) -> usize {
    let words: Vec<Token> = tokens(&sql[first..end]).into_iter().filter(|t| t.kind != Kind::Space).take(4).collect();
    let is = |k: usize, w: &[u8]| words.get(k).is_some_and(|t| sql[first + t.start..first + t.end].eq_ignore_ascii_case(w));
    let skip = match () {
        _ if is(0, b"explain") && is(1, b"query") && is(2, b"plan") => 3,
        _ if is(0, b"explain") => 1,
        _ => 0,
    };
    first + words.get(skip).map_or(end - first, |t| t.start)
}

/// The parameters of `statement` as SQLite numbers and names them
/// (`sqlite3_bind_parameter_name`; element `i` is parameter `i + 1`): `?`
/// takes the next number and has no name; `?NNN` takes number NNN, named
/// `?NNN` unless that number has a name already; `:x`, `@x` and `$x` take
/// the next number where they first appear and keep it after.
pub fn parameter_names(statement: &[u8]) -> Vec<Option<String>> {
    let mut names: Vec<Option<String>> = Vec::new();
    for t in tokens(statement).into_iter().filter(|t| t.kind == Kind::Variable) {
        let text = String::from_utf8_lossy(&statement[t.start..t.end]).into_owned();
        if text == "?" {
            names.push(None);
        } else if let Some(digits) = text.strip_prefix('?') {
            // SQLite refuses numbers past 32766 before this matters.
            let n = digits.parse::<usize>().unwrap_or(0).clamp(1, 32766);
            if n > names.len() {
                names.resize(n, None);
            }
            names[n - 1].get_or_insert(text);
        } else if !names.iter().any(|name| name.as_deref() == Some(text.as_str())) {
            names.push(Some(text));
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<(&str, bool)> {
        pieces(sql.as_bytes()).iter().map(|p| (&sql[p.start..p.end], p.first.is_some())).collect()
    }

    #[test]
    fn statements_end_after_their_semicolon_and_keep_leading_space() {
        assert_eq!(texts("select 1; select 2"), [("select 1;", true), (" select 2", true)]);
        assert_eq!(texts("select 1;  "), [("select 1;", true), ("  ", false)]);
        assert_eq!(texts(";; select 1;;"), [(";; select 1;", true), (";", false)]);
        assert_eq!(texts(""), []);
        assert_eq!(texts("select 1 -- c\n; /* x */"), [("select 1 -- c\n;", true), (" /* x */", false)]);
    }

    #[test]
    fn semicolons_inside_literals_comments_and_triggers_do_not_end_a_statement() {
        assert_eq!(
            texts("select ';', \";\", [;], `;` /* ; */ -- ;\n;x"),
            [("select ';', \";\", [;], `;` /* ; */ -- ;\n;", true), ("x", true)]
        );
        let trigger = "create temp trigger t after insert on a begin select 1; select case when 1 then 2 end; end; select 3";
        assert_eq!(texts(trigger)[0].0, "create temp trigger t after insert on a begin select 1; select case when 1 then 2 end; end;");
        assert_eq!(texts("explain create trigger t after insert on a begin select 1; end;select 4").len(), 2);
        assert_eq!(texts("create table trigger(x); select 1").len(), 2);
    }

    #[test]
    fn the_text_stops_at_a_nul_byte() {
        assert_eq!(pieces(b"select 1\0; select 2"), [Piece { start: 0, end: 8, first: Some(0) }]);
    }

    #[test]
    fn tokens_follow_sqlites_tokenizer() {
        fn kinds(s: &str) -> Vec<(&str, Kind)> {
            tokens(s.as_bytes()).iter().map(|t| (&s[t.start..t.end], t.kind)).collect()
        }
        assert_eq!(kinds("a@b"), [("a", Kind::Word), ("@b", Kind::Variable)]);
        assert_eq!(kinds("@ 'x"), [("@", Kind::Illegal), (" ", Kind::Space), ("'x", Kind::Illegal)]);
        assert_eq!(kinds("?12:n$t::x(y)"), [("?12", Kind::Variable), (":n$t::x(y)", Kind::Variable)]);
        assert_eq!(
            kinds("1.5e3 12abc x'0a' x'0' 0x1F"),
            [
                ("1.5e3", Kind::Other),
                (" ", Kind::Space),
                ("12abc", Kind::Illegal),
                (" ", Kind::Space),
                ("x'0a'", Kind::Other),
                (" ", Kind::Space),
                ("x'0'", Kind::Illegal),
                (" ", Kind::Space),
                ("0x1F", Kind::Other),
            ]
        );
        assert_eq!(
            kinds("a<>b!=c||d"),
            [
                ("a", Kind::Word),
                ("<>", Kind::Other),
                ("b", Kind::Word),
                ("!=", Kind::Other),
                ("c", Kind::Word),
                ("||", Kind::Other),
                ("d", Kind::Word)
            ]
        );
    }

    #[test]
    fn parameters_are_numbered_and_named_as_sqlite_does() {
        let names = |s: &str| parameter_names(s.as_bytes());
        let some = |s: &str| Some(s.to_string());
        assert_eq!(names("select substr(:str, 1, instr(:str, :sep) - 1), :sep"), [some(":str"), some(":sep")]);
        assert_eq!(names("select ?, ?, ':x' -- :y\n, [?]"), [None, None]);
        assert_eq!(names("select ?3, @a, ?"), [None, None, some("?3"), some("@a"), None]);
        assert_eq!(names("select ?, ?1, $x, ?1"), [some("?1"), some("$x")]);
        assert_eq!(names("select 1"), Vec::<Option<String>>::new());
    }

    #[test]
    fn explain_is_looked_through() {
        let s = b"explain query plan select 1";
        assert_eq!(explainable(s, 0, s.len()), 19);
        let s = b" EXPLAIN insert into t values(1)";
        assert_eq!(explainable(s, 1, s.len()), 9);
        let s = b"select 1";
        assert_eq!(explainable(s, 0, s.len()), 0);
    }
}
