//! Reading the columns out of the `CREATE TABLE` statement a table declares
//! and writing such statements: the SDK must know how many columns a table
//! has to answer a column mask (bit 63 stands for all the columns from 63
//! on), and tests and table-valued functions need their names.

use crate::error::{Error, Result};

/// One declared column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaColumn {
    /// The name, without quotes.
    pub name: String,
    /// Declared HIDDEN: not in `SELECT *`, an argument of a table-valued
    /// function.
    pub hidden: bool,
}

/// The columns of `CREATE TABLE x(...)`, in order; table constraints
/// (`PRIMARY KEY(...)`, `UNIQUE`, `CHECK`, `FOREIGN KEY`, `CONSTRAINT`)
/// are not columns.
///
/// # Errors
/// When the statement has no parenthesised column list.
pub fn columns(schema: &str) -> Result<Vec<SchemaColumn>> {
    let tokens = tokenize(schema);
    let open = tokens.iter().position(|t| t.text == "(").ok_or_else(|| bad(schema))?;
    let mut depth = 0;
    let mut definitions: Vec<Vec<&Token>> = vec![Vec::new()];
    let mut closed = false;
    for token in &tokens[open + 1..] {
        match token.text.as_str() {
            "(" => depth += 1,
            ")" if depth == 0 => {
                closed = true;
                break;
            }
            ")" => depth -= 1,
            "," if depth == 0 => {
                definitions.push(Vec::new());
                continue;
            }
            _ => {}
        }
        definitions.last_mut().expect("starts with one").push(token);
    }
    if !closed {
        return Err(bad(schema));
    }
    let constraint_words = ["constraint", "primary", "unique", "check", "foreign"];
    Ok(definitions
        .into_iter()
        .filter_map(|def| {
            let (first, rest) = def.split_first()?;
            if !first.quoted && constraint_words.iter().any(|w| first.text.eq_ignore_ascii_case(w)) {
                return None;
            }
            let hidden = rest.iter().any(|t| !t.quoted && t.text.eq_ignore_ascii_case("hidden"));
            Some(SchemaColumn { name: first.text.clone(), hidden })
        })
        .collect())
}

/// `CREATE TABLE x(...)` declaring these columns, names quoted, hidden
/// ones marked HIDDEN.
pub fn declare(columns: &[SchemaColumn]) -> String {
    let list: Vec<String> = columns
        .iter()
        .map(|c| {
            let name = format!("\"{}\"", c.name.replace('"', "\"\""));
            if c.hidden { format!("{name} HIDDEN") } else { name }
        })
        .collect();
    format!("CREATE TABLE x({})", list.join(", "))
}

fn bad(schema: &str) -> Error {
    Error::new(format!("a virtual table's schema must be `CREATE TABLE x(columns...)`, got `{schema}`"))
}

/// A word, a quoted name (unquoted), or one punctuation character.
struct Token {
    text: String,
    quoted: bool,
}

fn tokenize(sql: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '"' | '`' | '\'' | '[' => {
                let close = if c == '[' { ']' } else { c };
                let mut text = String::new();
                while let Some(d) = chars.next() {
                    if d == close {
                        // A doubled quote stands for itself (not in [names]).
                        if close != ']' && chars.peek() == Some(&close) {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    text.push(d);
                }
                tokens.push(Token { text, quoted: true });
            }
            '(' | ')' | ',' => tokens.push(Token { text: c.to_string(), quoted: false }),
            _ => {
                let mut text = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_whitespace() || "(),\"`'[".contains(d) {
                        break;
                    }
                    text.push(d);
                    chars.next();
                }
                tokens.push(Token { text, quoted: false });
            }
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(schema: &str) -> Vec<(String, bool)> {
        columns(schema).unwrap().into_iter().map(|c| (c.name, c.hidden)).collect()
    }

    #[test]
    fn columns_and_hidden_flags_come_from_the_definitions() {
        assert_eq!(
            names("CREATE TABLE x(value,start hidden,stop HIDDEN,step Hidden)"),
            [("value".into(), false), ("start".into(), true), ("stop".into(), true), ("step".into(), true)]
        );
    }

    #[test]
    fn quoted_names_types_and_table_constraints_are_understood() {
        let schema = r#"create table "t"("a ""b""" integer not null, [c,d] text hidden, `e` decimal(10, 2),
            'hidden' int, primary key("a ""b"""), unique (e), constraint k check (e > 0)) without rowid"#;
        assert_eq!(
            names(schema),
            [("a \"b\"".into(), false), ("c,d".into(), true), ("e".into(), false), ("hidden".into(), false)]
        );
    }

    #[test]
    fn a_schema_without_a_column_list_is_an_error() {
        assert!(columns("CREATE TABLE x").is_err());
        assert!(columns("CREATE TABLE x(a, b").is_err());
    }

    #[test]
    fn declared_schemas_read_back() {
        let cols = vec![
            SchemaColumn { name: "value".into(), hidden: false },
            SchemaColumn { name: "odd \"name\"".into(), hidden: true },
        ];
        let sql = declare(&cols);
        assert_eq!(sql, r#"CREATE TABLE x("value", "odd ""name""" HIDDEN)"#);
        assert_eq!(columns(&sql).unwrap(), cols);
    }
}
