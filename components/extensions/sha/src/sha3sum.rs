//! The shell's `.sha3sum`, as sqlite3 3.40.1's shell computes it: the
//! SHA3 of the content of the main database's tables, all together or
//! (given a LIKE pattern) one line per table.
//!
//! The shell builds one SQL statement that calls `sha3_query` on a
//! `SELECT * FROM "table" NOT INDEXED;` per table (the `sqlite_` tables it
//! knows with a fixed column list and order) and prints its rows in list
//! mode. This does the same work with the same statements and prints the
//! same lines; `--debug` prints that SQL statement instead of running it.
//!
//! Kept from 3.40.1: the default is SHA3-224 (its help says 256); tables
//! whose names match `sqlite_%` (LIKE: `_` is any character, so
//! `sqlitefoo` too) are left out unless `--schema` or a pattern starting
//! `sqlite_` asks for them; when no table is left, or hashing fails, the
//! shell prints nothing and reports no error.

use crate::hash::{Hasher, hex};
use crate::query::{Flavor, Sql, hash_script};
use sqlink_sdk::{Error, Value};

/// What the command line asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Options {
    schema: bool,
    bits: i32,
    debug: bool,
    like: Option<String>,
}

/// Reads the arguments as the shell does: `-x` and `--x` alike.
fn options(args: &[String]) -> Result<Options, Error> {
    let mut o = Options { schema: false, bits: 224, debug: false, like: None };
    for arg in args {
        if let Some(flag) = arg.strip_prefix('-') {
            let flag = flag.strip_prefix('-').unwrap_or(flag);
            match flag {
                "schema" => o.schema = true,
                "sha3-224" | "sha3-256" | "sha3-384" | "sha3-512" => o.bits = flag[5..].parse().expect("a size"),
                "debug" => o.debug = true,
                _ => return Err(Error::new(format!("Unknown option \"{arg}\" on \"sha3sum\""))),
            }
        } else if o.like.is_some() {
            return Err(Error::new("Usage: .sha3sum ?OPTIONS? ?LIKE-PATTERN?"));
        } else {
            o.schema |= like(b"sqlite\\_%", arg.as_bytes(), Some(b'\\'));
            o.like = Some(arg.clone());
        }
    }
    Ok(o)
}

/// Runs `.sha3sum` with the shell-parsed `args`; returns what it prints.
///
/// # Errors
/// An unknown option, or a second pattern, with the shell's message.
pub fn run(db: &mut impl Sql, args: &[String]) -> Result<String, Error> {
    let o = options(args)?;
    let listing = if o.schema {
        "SELECT lower(name) FROM sqlite_schema WHERE type='table' AND coalesce(rootpage,0)>1 \
         UNION ALL SELECT 'sqlite_schema' ORDER BY 1 collate nocase"
    } else {
        "SELECT lower(name) FROM sqlite_schema WHERE type='table' AND coalesce(rootpage,0)>1 \
         AND name NOT LIKE 'sqlite_%' ORDER BY 1 collate nocase"
    };
    // (query, label) per table, in the listing's order.
    let mut tables = Vec::new();
    for row in db.query(listing, &[]).unwrap_or_default() {
        let Some(Value::Text(name)) = row.into_iter().next() else { continue };
        let name = String::from_utf8_lossy(&name).into_owned();
        if o.like.as_ref().is_some_and(|p| !like(p.as_bytes(), name.as_bytes(), None)) {
            continue;
        }
        tables.push((table_query(&name), name));
    }
    let separate = o.like.is_some();
    if o.debug {
        return Ok(debug_sql(&tables, separate, o.bits));
    }
    // The shell's statement is a syntax error without tables: no output.
    let mut out = Vec::new();
    if separate {
        for (query, label) in &tables {
            match digest(db, query, o.bits) {
                Some(hash) => out.push(format!("{hash}|{label}")),
                None => break,
            }
        }
    } else if !tables.is_empty() {
        let script: String = tables.iter().map(|(q, _)| q.as_str()).collect();
        out.extend(digest(db, &script, o.bits));
    }
    Ok(out.join("\n"))
}

/// `lower(hex(sha3_query(script, bits)))`, or None when it fails.
fn digest(db: &mut impl Sql, script: &str, bits: i32) -> Option<String> {
    let mut hasher = Hasher::sha3(bits)?;
    hash_script(db, script.as_bytes(), Flavor::Sha3, &mut hasher).ok()?;
    Some(hex(&hasher.finish()))
}

/// The statement that hashes table `name` (already lower case).
fn table_query(name: &str) -> String {
    match name {
        "sqlite_schema" => "SELECT type,name,tbl_name,sql FROM sqlite_schema ORDER BY name;".into(),
        "sqlite_sequence" => "SELECT name,seq FROM sqlite_sequence ORDER BY name;".into(),
        "sqlite_stat1" => "SELECT tbl,idx,stat FROM sqlite_stat1 ORDER BY tbl,idx;".into(),
        "sqlite_stat4" => "SELECT * FROM sqlite_stat4 ORDER BY tbl, idx, rowid;\n".into(),
        n if n.starts_with("sqlite_") => String::new(),
        n => format!("SELECT * FROM \"{}\" NOT INDEXED;", n.replace('"', "\"\"")),
    }
}

/// The statement the shell runs (and `--debug` prints).
fn debug_sql(tables: &[(String, String)], separate: bool, bits: i32) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let values: Vec<String> = tables.iter().map(|(q, label)| format!("{},{}", quote(q), quote(label))).collect();
    let head = if values.is_empty() { String::new() } else { format!("VALUES({}", values.join("),(")) };
    let select = if separate {
        format!("SELECT lower(hex(sha3_query(a,{bits}))) AS hash, b AS label")
    } else {
        format!("SELECT lower(hex(sha3_query(group_concat(a,''),{bits}))) AS hash")
    };
    format!("WITH [sha3sum$query](a,b) AS({head})) {select}   FROM [sha3sum$query]")
}

/// `sqlite3_strlike(pattern, text, escape)`: `%` any run, `_` any one
/// character, ASCII letters in either case; `escape` makes the next
/// character literal.
pub fn like(pattern: &[u8], text: &[u8], escape: Option<u8>) -> bool {
    let pattern: Vec<char> = String::from_utf8_lossy(pattern).chars().collect();
    let text: Vec<char> = String::from_utf8_lossy(text).chars().collect();
    let escape = escape.map(char::from);
    fn go(p: &[char], t: &[char], escape: Option<char>) -> bool {
        match p.split_first() {
            None => t.is_empty(),
            Some(('%', rest)) => (0..=t.len()).any(|k| go(rest, &t[k..], escape)),
            Some(('_', rest)) => !t.is_empty() && go(rest, &t[1..], escape),
            Some((&c, rest)) => {
                let (c, rest) = if Some(c) == escape && !rest.is_empty() { (rest[0], &rest[1..]) } else { (c, rest) };
                t.first().is_some_and(|x| x.eq_ignore_ascii_case(&c)) && go(rest, &t[1..], escape)
            }
        }
    }
    go(&pattern, &text, escape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    /// A database holding tables t, "odd name" and sqlite_sequence.
    struct Db;

    impl Sql for Db {
        fn parameter_count(&mut self, _: &str) -> Result<u32, Error> {
            Ok(0)
        }
        fn query(&mut self, sql: &str, _: &[Value]) -> Result<Vec<Vec<Value>>, Error> {
            if sql.starts_with("SELECT lower(name)") {
                let mut names = vec!["odd name", "t"];
                if sql.contains("UNION ALL") {
                    names.extend(["sqlite_schema", "sqlite_sequence"]);
                    names.sort();
                }
                return Ok(names.into_iter().map(|n| vec![Value::text(n)]).collect());
            }
            Ok(Vec::new())
        }
    }

    #[test]
    fn options_read_as_the_shell_reads_them() {
        let o = options(&args(&["-schema", "--sha3-384", "T%"])).unwrap();
        assert_eq!(o, Options { schema: true, bits: 384, debug: false, like: Some("T%".into()) });
        assert!(options(&args(&["sqlite_stat%"])).unwrap().schema);
        assert!(!options(&args(&["sqlite%"])).unwrap().schema);
        assert_eq!(options(&args(&["--bogus"])).unwrap_err().message, "Unknown option \"--bogus\" on \"sha3sum\"");
        assert_eq!(options(&args(&["--SCHEMA"])).unwrap_err().message, "Unknown option \"--SCHEMA\" on \"sha3sum\"");
        assert_eq!(options(&args(&["a", "b"])).unwrap_err().message, "Usage: .sha3sum ?OPTIONS? ?LIKE-PATTERN?");
    }

    #[test]
    fn debug_prints_the_shells_statement() {
        // Debian's sqlite3 3.40.1, `.sha3sum --debug` and `--debug t%` on
        // a database with tables "Odd Name" and t.
        assert_eq!(
            run(&mut Db, &args(&["--debug"])).unwrap(),
            "WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM \"odd name\" NOT INDEXED;','odd name'),\
             ('SELECT * FROM \"t\" NOT INDEXED;','t')) SELECT lower(hex(sha3_query(group_concat(a,''),224))) AS hash   FROM [sha3sum$query]"
        );
        assert_eq!(
            run(&mut Db, &args(&["--debug", "t%"])).unwrap(),
            "WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM \"t\" NOT INDEXED;','t')) \
             SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]"
        );
        assert_eq!(
            run(&mut Db, &args(&["--debug", "zz%"])).unwrap(),
            "WITH [sha3sum$query](a,b) AS()) SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]"
        );
        let schema = run(&mut Db, &args(&["--debug", "--schema"])).unwrap();
        assert!(schema.contains("('SELECT name,seq FROM sqlite_sequence ORDER BY name;','sqlite_sequence')"), "{schema}");
    }

    #[test]
    fn no_table_prints_nothing() {
        assert_eq!(run(&mut Db, &args(&["zz%"])).unwrap(), "");
    }

    #[test]
    fn like_is_sqlite3_strlike() {
        assert!(like(b"ODD%", b"odd name", None));
        assert!(like(b"sqlite_%", b"sqlitefoo", None));
        assert!(!like(b"sqlite\\_%", b"sqlitefoo", Some(b'\\')));
        assert!(like(b"sqlite\\_%", b"SQLITE_stat1", Some(b'\\')));
        assert!(like(b"_\xc3\xa9%", "x\u{e9}t\u{e9}".as_bytes(), None));
        assert!(!like(b"t", b"tt", None));
    }
}
