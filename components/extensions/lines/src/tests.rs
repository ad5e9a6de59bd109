//! `lines` and `lines_read` through the generated exports, as a host drives
//! them. Every expected value is what sqlite-lines v0.2.2 (built from
//! commit 7d21410 and loaded into Debian's sqlite3 3.40.1) answered for the
//! query in the comment above it; testdata/lines.sql holds the same
//! queries and outputs (made by testdata/gen.sh).

use crate::lines_ext::sqlink_test::{Query, TestTable, Vtabs, call, create_table, manifest, table};
use sqlink_sdk::vtab::{Columns, Constraint, ConstraintOp, IndexInfo};
use sqlink_sdk::{Error, IntoValue, Value};
use std::path::PathBuf;

fn text(s: &[u8]) -> Value {
    Value::Text(s.to_vec())
}

/// `lines(document[, delimiter])` (or `lines_read`), with these columns.
fn query<'t>(t: &'t TestTable<Vtabs>, input: impl IntoValue, delimiter: Option<Value>, columns: &[&str]) -> Query<'t, Vtabs> {
    let input_column = if t.column_names()[1] == "path" { "path" } else { "document" };
    let q = t.query().arg(input_column, input);
    let q = match delimiter {
        Some(d) => q.arg("delimiter", d),
        None => q,
    };
    q.select(columns)
}

/// `(rowid, line)` of every row.
fn rows_of(t: &TestTable<Vtabs>, input: impl IntoValue, delimiter: Option<Value>) -> Vec<(i64, Vec<u8>)> {
    let rows = query(t, input, delimiter, &["rowid", "line"]).rows().unwrap();
    rows.into_iter()
        .map(|r| match &r[..] {
            [Value::Integer(id), Value::Text(line)] => (*id, line.clone()),
            other => panic!("unexpected row {other:?}"),
        })
        .collect()
}

fn numbered(lines: &[&[u8]]) -> Vec<(i64, Vec<u8>)> {
    lines.iter().zip(1..).map(|(l, i)| (i, l.to_vec())).collect()
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sqlink-ext-lines-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_manifest_declares_two_eponymous_tables_two_functions_and_fs() {
    let m = manifest();
    let vtabs: Vec<_> = m.vtabs.iter().map(|v| (v.name.as_str(), v.eponymous_only, v.writable)).collect();
    assert_eq!(vtabs, [("lines", true, false), ("lines_read", true, false)]);
    let functions: Vec<_> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(functions, ["lines_version", "lines_debug"]);
    assert_eq!(m.capabilities.len(), 1);
    assert_eq!(table("lines").schema(), "CREATE TABLE x(line text,document hidden, delimiter hidden)");
    assert_eq!(table("lines_read").schema(), "CREATE TABLE x(line text,path hidden, delimiter hidden)");
    let e = create_table("lines", "t", &[]).err().expect("eponymous only");
    assert_eq!(e.message, "no such module: lines (it is a table-valued function only)");
}

#[test]
fn version_and_debug_name_the_sqlite_lines_release() {
    // select lines_version();  v0.2.2
    assert_eq!(call("lines_version", &[]).unwrap(), Value::text("v0.2.2"));
    let debug = call("lines_debug", &[]).unwrap();
    let Value::Text(debug) = debug else { panic!("not text") };
    let debug = String::from_utf8(debug).unwrap();
    let lines: Vec<&str> = debug.split('\n').collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], "Version: v0.2.2");
    assert!(lines[1].starts_with("Date: ") && lines[2].starts_with("Source: "), "{debug}");
}

#[test]
fn documents_split_into_numbered_lines() {
    let lines = table("lines");
    // select rowid, delimiter, document, line from lines('a' || char(10) || 'b');
    let rows = query(&lines, "a\nb", None, &["rowid", "delimiter", "document", "line"]).rows().unwrap();
    assert_eq!(rows, [
        vec![Value::Integer(1), Value::text("\n"), Value::text(""), Value::text("a")],
        vec![Value::Integer(2), Value::text("\n"), Value::text(""), Value::text("b")],
    ]);
    // select * from lines('a,b,', ',');  a, b
    assert_eq!(rows_of(&lines, "a,b,", Some(Value::text(","))), numbered(&[b"a", b"b"]));
    // select rowid, line from lines(',', ',');  1|
    assert_eq!(rows_of(&lines, ",", Some(Value::text(","))), numbered(&[b""]));
    // select * from lines(12.5, '.');  12, 5
    assert_eq!(rows_of(&lines, 12.5, Some(Value::text("."))), numbered(&[b"12", b"5"]));
    // select * from lines('a,b', 1);  a,b
    assert_eq!(rows_of(&lines, "a,b", Some(Value::Integer(1))), numbered(&[b"a,b"]));
    // select * from lines('');  select * from lines(null);  (no rows)
    assert_eq!(rows_of(&lines, "", None), []);
    assert_eq!(rows_of(&lines, (), None), []);
}

#[test]
fn crlf_and_bytes_come_out_as_sqlite_lines_gives_them() {
    let lines = table("lines");
    // select rowid, hex(line) from lines('a'||char(13)||char(10)||'b'||char(13));  61, 620D
    assert_eq!(rows_of(&lines, "a\r\nb\r", None), numbered(&[b"a", b"b\r"]));
    // ... from lines('a'||char(13)||char(13)||char(10)||char(13)||char(10)||char(10));  610D, '', ''
    assert_eq!(rows_of(&lines, "a\r\r\n\r\n\n", None), numbered(&[b"a\r", b"", b""]));
    // ... from lines('a'||char(13)||',b', ',');  610D, 62
    assert_eq!(rows_of(&lines, "a\r,b", Some(Value::text(","))), numbered(&[b"a\r", b"b"]));
    // ... from lines('a'||char(13)||'b'||char(13)||char(10), char(13));  61, 62, 0A
    assert_eq!(rows_of(&lines, "a\rb\r\n", Some(Value::text("\r"))), numbered(&[b"a", b"b", b"\n"]));
    // select rowid, hex(line), typeof(line) from lines(x'ff0a00fe');  FF|text, 00FE|text
    let rows = query(&lines, Value::Blob(vec![0xff, b'\n', 0, 0xfe]), None, &["line"]).rows().unwrap();
    assert_eq!(rows, [vec![text(b"\xff")], vec![text(b"\x00\xfe")]]);
    // select hex(line) from lines(x'610062');  610062 (text with a NUL)
    assert_eq!(rows_of(&lines, Value::Blob(b"a\x00b".to_vec()), None), numbered(&[b"a\x00b"]));
}

#[test]
fn a_rowid_constraint_reads_one_line() {
    let lines = table("lines");
    let at = |rowid: Value, columns: &[&str]| {
        let q = lines.query().constraint("rowid", ConstraintOp::EQ, rowid).arg("document", "a\nb\nc");
        q.select(columns).rows()
    };
    // select rowid, line from lines('a\nb\nc') where rowid = 2;  2|b
    assert_eq!(at(Value::Integer(2), &["rowid", "line"]).unwrap(), [vec![Value::Integer(2), Value::text("b")]]);
    // ... where rowid = 0;  1|a      ... where rowid = -3;  1|a
    assert_eq!(at(Value::Integer(0), &["rowid", "line"]).unwrap(), [vec![Value::Integer(1), Value::text("a")]]);
    assert_eq!(at(Value::Integer(-3), &["rowid", "line"]).unwrap(), [vec![Value::Integer(1), Value::text("a")]]);
    // ... where rowid = '2';  b     ... where rowid = 2.7;  b     ... where rowid = 4294967298;  b
    for two in [Value::text("2"), Value::Real(2.7), Value::Integer(4294967298)] {
        assert_eq!(at(two, &["line"]).unwrap(), [vec![Value::text("b")]]);
    }
    // select rowid, line from lines('a\nb\nc') where rowid = 5;
    //   line 5 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000
    let e = at(Value::Integer(5), &["rowid", "line"]).unwrap_err();
    assert_eq!(e.message, "line 5 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000");
    // select rowid from lines('a\nb\nc') where rowid = 5;  5 in sqlite-lines, which
    // fails only when line is read; here always (see LineRows::row).
    assert_eq!(at(Value::Integer(5), &["rowid"]).unwrap_err().message, e.message);
}

#[test]
fn plans_are_sqlite_lines_plans() {
    let lines = table("lines");
    let plan = |q: Query<'_, Vtabs>| {
        let p = q.plan().unwrap();
        (p.idx_num, p.idx_str.unwrap_or_default(), p.estimated_cost, p.estimated_rows)
    };
    // explain query plan select * from lines('a') where rowid = 1;  INDEX 2:RP0
    let q = lines.query().constraint("rowid", ConstraintOp::EQ, 1).arg("document", "a");
    assert_eq!(plan(q), (2, "RP0".to_string(), 1.0, 1));
    // explain query plan select * from lines('a', ',');  INDEX 1:PD0
    let q = lines.query().arg("document", "a").arg("delimiter", ",");
    assert_eq!(plan(q), (1, "PD0".to_string(), 100000.0, 100000));
    // select * from lines('a,b') where delimiter = ',';  a, b
    assert_eq!(rows_of(&lines, "a,b", Some(Value::text(","))), numbered(&[b"a", b"b"]));
    // select rowid, line from lines('a\nb') where rowid > 1;  2|b (left to SQLite)
    let rows = lines.query().arg("document", "a\nb").constraint("rowid", ConstraintOp::GT, 1).select(&["rowid", "line"]).rows().unwrap();
    assert_eq!(rows, [vec![Value::Integer(2), Value::text("b")]]);
}

#[test]
fn missing_inputs_bad_delimiters_and_unusable_plans_are_errors() {
    let lines = table("lines");
    // select * from lines;  Parse error: path argument is required
    let e = lines.query().rows().unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Error::ERROR, "path argument is required"));
    // select * from lines where delimiter = ',';  (the same)
    assert_eq!(lines.query().arg("delimiter", ",").rows().unwrap_err().message, "path argument is required");
    // select * from lines('a,b', null);  Delimiter must be 1 character long, got 0 characters
    let e = query(&lines, "a,b", Some(Value::Null), &["line"]).rows().unwrap_err();
    assert_eq!(e.message, "Delimiter must be 1 character long, got 0 characters");
    // select * from lines('aébé', 'é');  ... got 2 characters
    let e = query(&lines, "aébé", Some(Value::text("é")), &["line"]).rows().unwrap_err();
    assert_eq!(e.message, "Delimiter must be 1 character long, got 2 characters");
    // select * from lines('a,b') where delimiter > ',';  no query solution
    let q = lines.query().arg("document", "a,b").constraint("delimiter", ConstraintOp::GT, ",");
    assert_eq!(q.plan().unwrap_err().code, Error::CONSTRAINT);
    let q = lines.query().constraint("document", ConstraintOp::GT, ",");
    assert_eq!(q.plan().unwrap_err().code, Error::CONSTRAINT);
    // An unusable document (a join's inner side) refuses the plan.
    let info = IndexInfo {
        constraints: vec![Constraint { column: 1, op: ConstraintOp::EQ, usable: false, rhs: None, in_list: false }],
        order_by: Vec::new(),
        columns_used: Columns(1),
        distinct: 0,
    };
    assert_eq!(lines.best_index(&info).unwrap_err().code, Error::CONSTRAINT);
}

#[test]
fn files_are_read_line_by_line() {
    let dir = scratch("read");
    let file = dir.join("test.txt");
    std::fs::write(&file, "line1\nline numba 2\nline 3 baby\n").unwrap();
    let path = file.to_str().unwrap();
    let read = table("lines_read");
    // select rowid, path, delimiter, line from lines_read('.../test.txt');
    let rows = query(&read, path, None, &["rowid", "path", "delimiter", "line"]).rows().unwrap();
    let row = |i: i64, line: &str| vec![Value::Integer(i), Value::text(path), Value::text("\n"), Value::text(line)];
    assert_eq!(rows, [row(1, "line1"), row(2, "line numba 2"), row(3, "line 3 baby")]);
    // crlf.txt: aaa\r\nbbb\r\nccc
    std::fs::write(dir.join("crlf.txt"), "aaa\r\nbbb\r\nccc").unwrap();
    assert_eq!(rows_of(&read, dir.join("crlf.txt").to_str().unwrap(), None), numbered(&[b"aaa", b"bbb", b"ccc"]));
    // pipe.txt with '|': a, b, c, d, yo
    std::fs::write(dir.join("pipe.txt"), "a|b|c|d|yo").unwrap();
    assert_eq!(rows_of(&read, dir.join("pipe.txt").to_str().unwrap(), Some(Value::text("|"))), numbered(&[b"a", b"b", b"c", b"d", b"yo"]));
    // The path as a blob reads the same file.
    assert_eq!(rows_of(&read, path.as_bytes().to_vec(), None).len(), 3);
    // A rowid constraint: select rowid, line from lines_read(...) where rowid = 2;
    let q = read.query().constraint("rowid", ConstraintOp::EQ, 2).arg("path", path).select(&["line"]);
    assert_eq!(q.rows().unwrap(), [vec![Value::text("line numba 2")]]);
    // select * from lines_read('/tmp');  (a directory: no rows)
    assert_eq!(rows_of(&read, dir.to_str().unwrap(), None), []);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn files_that_cannot_be_read_are_errors() {
    let read = table("lines_read");
    // select * from lines_read('/nonexist');  Error reading /nonexist: No such file or directory
    let e = query(&read, "/nonexist", None, &["line"]).rows().unwrap_err();
    assert_eq!(e.message, "Error reading /nonexist: No such file or directory");
    // select * from lines_read('');  Error reading : No such file or directory
    assert_eq!(query(&read, "", None, &["line"]).rows().unwrap_err().message, "Error reading : No such file or directory");
    // select * from lines_read(null);  path is null
    assert_eq!(query(&read, (), None, &["line"]).rows().unwrap_err().message, "path is null");
    // select * from lines_read('.../f.txt', 'xx');  Delimiter must be 1 character long, got 2 characters
    let dir = scratch("errors");
    std::fs::write(dir.join("f.txt"), "x\ny\n").unwrap();
    let path = dir.join("f.txt");
    let e = query(&read, path.to_str().unwrap(), Some(Value::text("xx")), &["line"]).rows().unwrap_err();
    assert_eq!(e.message, "Delimiter must be 1 character long, got 2 characters");
    // select rowid, line from lines_read('.../f.txt') where rowid = 9;
    let q = read.query().constraint("rowid", ConstraintOp::EQ, 9).arg("path", path.to_str().unwrap()).select(&["rowid", "line"]);
    assert_eq!(q.rows().unwrap_err().message, "line 9 has a size of -1 bytes, but SQLITE_LIMIT_LENGTH is 1000000000");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn big_files_stream_in_batches() {
    let dir = scratch("big");
    let file = dir.join("big.txt");
    let body: String = (1..=100_000).map(|i| format!("{i}\n")).collect();
    std::fs::write(&file, body).unwrap();
    let read = table("lines_read");
    let rows = query(&read, file.to_str().unwrap(), None, &["rowid", "line"]).batch(1000).rows().unwrap();
    assert_eq!(rows.len(), 100_000);
    assert_eq!(rows[99_999], [Value::Integer(100_000), Value::text("100000")]);
    // select count(*), line from lines_read(?) where rowid = 0;  1|1
    let q = read.query().constraint("rowid", ConstraintOp::EQ, 0).arg("path", file.to_str().unwrap()).select(&["line"]);
    assert_eq!(q.rows().unwrap(), [vec![Value::text("1")]]);
    let _ = std::fs::remove_dir_all(&dir);
}
