//! `sha1_query` and `sha3_query`: running every statement of a script and
//! hashing what it returns, as sha1.c and shathree.c do with
//! `sqlite3_prepare_v2` in a loop.
//!
//! For each statement, in order: it is compiled (an error fails the call
//! with `error SQL statement [REST]: MESSAGE`, REST being the text after
//! where SQLite stopped), refused unless read-only (`non-query: [SQL]`), then
//! hashed as `S<length>:<its text>` followed, for each row, by `R` and its
//! values tagged with their types (see [`Hasher::update_tagged`]).
//!
//! The SQL reaches the connection through the [`Sql`] trait (SPI in the
//! extension, a stand-in in tests). SPI compiles and runs statements but
//! does not say whether one is read-only, so [`read_only`] asks `EXPLAIN`
//! and applies `sqlite3_stmt_readonly`'s own rule to the program.

use crate::hash::Hasher;
use sqlink_sdk::sql::{self, Kind, Piece};
use sqlink_sdk::{Error, Value};

/// SQL on the calling connection.
pub trait Sql {
    /// Compiles one statement without running it: how many parameters it
    /// takes, or SQLite's error message.
    fn parameter_count(&mut self, sql: &str) -> Result<u32, Error>;
    /// Runs one statement with these parameters: its rows.
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, Error>;
}

/// The calling connection, through SPI (in unit tests, through
/// [`crate::testdb`], a SQLite connection standing in for it).
pub struct Spi;

#[cfg(not(test))]
impl Sql for Spi {
    fn parameter_count(&mut self, sql: &str) -> Result<u32, Error> {
        sqlink_sdk::spi::parameter_count(sql)
    }
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, Error> {
        sqlink_sdk::spi::query(sql, params).map(|r| r.rows)
    }
}

#[cfg(test)]
impl Sql for Spi {
    fn parameter_count(&mut self, sql: &str) -> Result<u32, Error> {
        crate::testdb::parameter_count(sql)
    }
    fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, Error> {
        crate::testdb::query(sql, params)
    }
}

/// Which of the two functions runs: they differ on a script that ends in
/// whitespace or comments, where sha1_query hashes an empty statement
/// (`S0:`) and sha3_query hashes nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `sha1_query`.
    Sha1,
    /// `sha3_query` (and `.sha3sum`).
    Sha3,
}

/// Hashes the statements of `script` and their rows into `hasher`.
///
/// # Errors
/// `error SQL statement [REST]: MESSAGE` when a statement does not compile
/// (REST is the rest of the script after the token SQLite stopped at), and
/// `non-query: [SQL]` for a statement that would write. Errors while a
/// statement runs end that statement's rows, silently, as in the reference
/// (the rows it returned before the error are not hashed: SPI returns none).
pub fn hash_script(db: &mut impl Sql, script: &[u8], flavor: Flavor, hasher: &mut Hasher) -> Result<(), Error> {
    let script = &script[..script.iter().position(|&b| b == 0).unwrap_or(script.len())];
    for piece in sql::pieces(script) {
        let Some(first) = piece.first else {
            if flavor == Flavor::Sha1 {
                hasher.update(b"S0:");
            }
            continue;
        };
        let text = &script[piece.start..piece.end];
        let sql = String::from_utf8_lossy(text);
        let params = match db.parameter_count(&sql) {
            Ok(n) => vec![Value::Null; n as usize],
            Err(e) => {
                let rest = String::from_utf8_lossy(&script[error_offset(db, script, &piece, &e.message)..]).into_owned();
                return Err(Error::new(format!("error SQL statement [{rest}]: {}", e.message)));
            }
        };
        let explained = String::from_utf8_lossy(&script[sql::explainable(script, first, piece.end)..piece.end]).into_owned();
        if !read_only(db, &explained, &params)? {
            return Err(Error::new(format!("non-query: [{sql}]")));
        }
        hasher.update(format!("S{}:", text.len()).as_bytes());
        hasher.update(text);
        for row in db.query(&sql, &params).unwrap_or_default() {
            hasher.update(b"R");
            for value in &row {
                hasher.update_tagged(value);
            }
        }
    }
    Ok(())
}

/// Whether a statement is read-only by `sqlite3_stmt_readonly`'s rule: its
/// program starts no write transaction (`Transaction` with P2 other than 0)
/// and has no `Checkpoint`, `Vacuum` or `JournalMode`. `statement` must not
/// begin with EXPLAIN (see [`sql::explainable`]).
///
/// # Errors
/// When `EXPLAIN` fails, which it does only where the statement itself
/// does not compile.
pub fn read_only(db: &mut impl Sql, statement: &str, params: &[Value]) -> Result<bool, Error> {
    let program = db.query(&format!("EXPLAIN {statement}"), params)?;
    let writes = program.iter().any(|op| match (op.get(1), op.get(3)) {
        (Some(Value::Text(opcode)), p2) => match opcode.as_slice() {
            b"Transaction" => !matches!(p2, Some(Value::Integer(0))),
            b"Checkpoint" | b"Vacuum" | b"JournalMode" => true,
            _ => false,
        },
        _ => false,
    });
    Ok(!writes)
}

/// Where SQLite stopped in `script` when compiling `piece` failed with
/// `message`: after the token a syntax error names, at an unrecognized
/// token, else after the statement (errors found once it is parsed).
fn error_offset(db: &mut impl Sql, script: &[u8], piece: &Piece, message: &str) -> usize {
    let text = &script[piece.start..piece.end];
    let tokens: Vec<_> = sql::tokens(text).into_iter().filter(|t| t.kind != Kind::Space).collect();
    let named = |prefix: &str, suffix: &str| message.strip_prefix(prefix).and_then(|m| m.strip_suffix(suffix)).map(str::as_bytes);
    if let Some(token) = named("unrecognized token: \"", "\"") {
        if let Some(t) = tokens.iter().find(|t| &text[t.start..t.end] == token) {
            return piece.start + t.start;
        }
    } else if let Some(token) = named("near \"", "\": syntax error") {
        // The parser stops on the first token that cannot continue the
        // statement: the first occurrence that fails as the last token of
        // a prefix fails there in the whole statement too.
        for t in tokens.iter().filter(|t| &text[t.start..t.end] == token) {
            let prefix = String::from_utf8_lossy(&text[..t.end]);
            if db.parameter_count(&prefix).is_err_and(|e| e.message == message) {
                return piece.start + t.end;
            }
        }
    }
    piece.end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hash::hex;

    /// A connection that knows a few statements and answers like SQLite.
    struct Fake {
        log: Vec<String>,
    }

    impl Sql for Fake {
        fn parameter_count(&mut self, sql: &str) -> Result<u32, Error> {
            self.log.push(format!("compile {sql}"));
            let sql = sql.trim().trim_start_matches(';').trim();
            match sql {
                s if s.starts_with("selec ") || s == "selec" => Err(Error::new("near \"selec\": syntax error")),
                s if s.contains('@') => Err(Error::new("unrecognized token: \"@\"")),
                s if s.contains("nosuch") => Err(Error::new("no such table: nosuch")),
                s if s.contains('?') => Ok(1),
                _ => Ok(0),
            }
        }
        fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Vec<Value>>, Error> {
            self.log.push(format!("run {sql} {}", params.len()));
            let body = sql.trim_start_matches("EXPLAIN ").trim().trim_end_matches(';');
            if sql.starts_with("EXPLAIN ") {
                let op = |name: &str, p2: i64| vec![Value::Integer(0), Value::text(name), Value::Integer(0), Value::Integer(p2)];
                let write = body.starts_with("insert") || body.starts_with("pragma user_version=");
                return Ok(vec![op("Init", 5), op("Transaction", i64::from(write)), op("Halt", 0)]);
            }
            Ok(match body {
                "select 1" => vec![vec![Value::Integer(1)]],
                "select 2" => vec![vec![Value::Integer(2)]],
                "select abs(-9223372036854775808)" => return Err(Error::new("integer overflow")),
                _ => vec![],
            })
        }
    }

    fn run(script: &str, flavor: Flavor) -> Result<String, Error> {
        let mut h = if flavor == Flavor::Sha1 { Hasher::sha1() } else { Hasher::sha3(256).unwrap() };
        hash_script(&mut Fake { log: Vec::new() }, script.as_bytes(), flavor, &mut h)?;
        Ok(hex(&h.finish()))
    }

    fn sha3_of(bytes: &[u8]) -> String {
        let mut h = Hasher::sha3(256).unwrap();
        h.update(bytes);
        hex(&h.finish())
    }

    #[test]
    fn statements_and_rows_are_hashed_with_their_text() {
        let want = sha3_of(b"S9:select 1;RI\0\0\0\0\0\0\0\x01S9: select 2RI\0\0\0\0\0\0\0\x02");
        assert_eq!(run("select 1; select 2", Flavor::Sha3).unwrap(), want);
        // Debian's sqlite3 3.40.1: hex(sha3_query('select 1; select 2')).
        assert_eq!(want, "b4aeba20be8de7db4459da8fc726ece1795493738a193fe62f1aa5472195b4da");
    }

    #[test]
    fn a_trailing_empty_statement_counts_for_sha1_only() {
        assert_eq!(run("select 1;  ", Flavor::Sha3).unwrap(), run("select 1;", Flavor::Sha3).unwrap());
        let mut h = Hasher::sha1();
        h.update(b"S9:select 1;RI\0\0\0\0\0\0\0\x01S0:");
        assert_eq!(run("select 1; -- done", Flavor::Sha1).unwrap(), hex(&h.finish()));
    }

    #[test]
    fn compile_errors_name_the_rest_of_the_script() {
        assert_eq!(run("selec 1", Flavor::Sha3).unwrap_err().message, "error SQL statement [ 1]: near \"selec\": syntax error");
        assert_eq!(run("select 1; @", Flavor::Sha3).unwrap_err().message, "error SQL statement [@]: unrecognized token: \"@\"");
        assert_eq!(
            run("select * from nosuch; select 1", Flavor::Sha3).unwrap_err().message,
            "error SQL statement [ select 1]: no such table: nosuch"
        );
    }

    #[test]
    fn writes_are_refused_before_they_run() {
        let mut fake = Fake { log: Vec::new() };
        let e = hash_script(&mut fake, b"select 1; insert into t values(1)", Flavor::Sha3, &mut Hasher::sha3(224).unwrap()).unwrap_err();
        assert_eq!(e.message, "non-query: [ insert into t values(1)]");
        assert!(!fake.log.iter().any(|l| l.starts_with("run  insert")), "{:?}", fake.log);
        let e = run("explain insert into t values(1)", Flavor::Sha1).unwrap_err();
        assert_eq!(e.message, "non-query: [explain insert into t values(1)]");
    }

    #[test]
    fn parameters_are_null_and_run_time_errors_end_the_rows() {
        let mut fake = Fake { log: Vec::new() };
        hash_script(&mut fake, b"select ?", Flavor::Sha3, &mut Hasher::sha3(256).unwrap()).unwrap();
        assert!(fake.log.contains(&"run select ? 1".to_string()), "{:?}", fake.log);
        let script = "select abs(-9223372036854775808)";
        assert_eq!(run(script, Flavor::Sha3).unwrap(), sha3_of(format!("S{}:{script}", script.len()).as_bytes()));
    }
}
