//! SQL literals as the vectors in testdata/ write them: VALUES lists of
//! literals in, values as `quote()` shows them out.

use sqlink_sdk::{Value, format_real};

/// The rows of a VALUES list of literals: `('a', 1, NULL), (x'00', -2.5, 'it''s')`.
pub fn rows(sql: &str) -> Vec<Vec<Value>> {
    let mut parser = Parser { rest: sql.trim() };
    let mut rows = Vec::new();
    while !parser.rest.is_empty() {
        parser.expect("(");
        let mut row = vec![parser.value()];
        while parser.eat(",") {
            row.push(parser.value());
        }
        parser.expect(")");
        rows.push(row);
        parser.eat(",");
    }
    rows
}

/// A list of literals without parentheses: `'a', 1, NULL`.
pub fn values(sql: &str) -> Vec<Value> {
    rows(&format!("({sql})")).remove(0)
}

/// One literal.
pub fn value(sql: &str) -> Value {
    values(sql).remove(0)
}

struct Parser<'a> {
    rest: &'a str,
}

impl Parser<'_> {
    fn eat(&mut self, token: &str) -> bool {
        let trimmed = self.rest.trim_start();
        match trimmed.strip_prefix(token) {
            Some(rest) => {
                self.rest = rest.trim_start();
                true
            }
            None => false,
        }
    }

    fn expect(&mut self, token: &str) {
        assert!(self.eat(token), "expected {token} at {:?}", self.rest);
    }

    fn value(&mut self) -> Value {
        self.rest = self.rest.trim_start();
        if self.rest.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("null")) {
            self.rest = &self.rest[4..];
            return Value::Null;
        }
        if let Some(hex) = self.rest.strip_prefix("x'").or_else(|| self.rest.strip_prefix("X'")) {
            let end = hex.find('\'').expect("closing quote of a blob");
            self.rest = &hex[end + 1..];
            return Value::Blob((0..end).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digits")).collect());
        }
        if let Some(text) = self.rest.strip_prefix('\'') {
            let mut out = String::new();
            let mut chars = text.char_indices();
            while let Some((i, c)) = chars.next() {
                if c == '\'' {
                    if text[i + 1..].starts_with('\'') {
                        chars.next();
                    } else {
                        self.rest = &text[i + 1..];
                        return Value::text(out);
                    }
                }
                out.push(c);
            }
            panic!("unterminated text in {text:?}");
        }
        let end = self.rest.find(|c: char| c == ',' || c == ')' || c.is_whitespace()).unwrap_or(self.rest.len());
        let number = &self.rest[..end];
        self.rest = &self.rest[end..];
        match number.parse::<i64>() {
            Ok(i) => Value::Integer(i),
            Err(_) => Value::Real(number.parse().unwrap_or_else(|_| panic!("not a literal: {number:?}"))),
        }
    }
}

/// A value as SQLite's `quote()` shows it.
pub fn quote(value: &Value) -> String {
    match value {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(r) => format_real(*r),
        Value::Text(t) => format!("'{}'", String::from_utf8_lossy(t).replace('\'', "''")),
        Value::Blob(b) => format!("X'{}'", hex(b)),
    }
}

/// A value as the shell's list mode shows it (text and numbers as they are).
pub fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Text(t) | Value::Blob(t) => String::from_utf8_lossy(t).into_owned(),
        other => quote(other),
    }
}

/// Upper-case hex, as `hex()` writes it.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

#[test]
fn literals_parse_as_sql_reads_them() {
    let parsed = rows("('a''b', -1, 2.5, NULL, x'00ff'), (X'', 'x, y)')");
    assert_eq!(parsed, [
        vec![Value::text("a'b"), Value::Integer(-1), Value::Real(2.5), Value::Null, Value::Blob(vec![0, 255])],
        vec![Value::Blob(vec![]), Value::text("x, y)")],
    ]);
    assert_eq!(quote(&Value::text("it's")), "'it''s'");
    assert_eq!(quote(&Value::Blob(vec![0xab, 1])), "X'AB01'");
    assert_eq!(value("4294967396"), Value::Integer(4294967396));
}
