//! The extension through its generated exports, as a host drives it, against
//! Debian's sqlite3 3.40.1: every expected value here was printed by the
//! reference, into testdata/ (aggregate.txt, read.txt, write.txt, made by
//! testdata/gen.sh) or, where written inline, for the query in the comment
//! above it.

mod literal;
mod script;

use crate::zipfile_ext::sqlink_test::{aggregate, create_table, manifest, table};
use literal::{hex, plain, quote};
use sqlink_sdk::vtab::{Columns, Constraint, ConstraintOp, IndexInfo};
use sqlink_sdk::{Error, Value};
use std::path::{Path, PathBuf};

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata").join(name)
}

/// One case of a vector file: its line, its `=> ` rows and its `!! ` errors.
struct Case {
    line: String,
    rows: Vec<String>,
    errors: Vec<String>,
}

/// The cases of a vector file, comments and blank lines left out.
fn cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(testdata(file)).unwrap();
    let mut cases: Vec<Case> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(row) = line.strip_prefix("=> ") {
            cases.last_mut().expect("a case first").rows.push(row.to_string());
        } else if let Some(error) = line.strip_prefix("!! ") {
            cases.last_mut().expect("a case first").errors.push(error.to_string());
        } else {
            cases.push(Case { line: line.to_string(), rows: Vec::new(), errors: Vec::new() });
        }
    }
    cases
}

/// A directory of its own for a test's files.
fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sqlink-zipfile-test-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn blob(value: Value) -> Vec<u8> {
    match value {
        Value::Blob(b) => b,
        other => panic!("not a blob: {other:?}"),
    }
}

#[test]
fn the_manifest_declares_a_writable_eponymous_table_an_aggregate_and_read_access() {
    let m = manifest();
    let vtabs: Vec<_> = m.vtabs.iter().map(|v| (v.name.as_str(), v.eponymous, v.eponymous_only, v.writable)).collect();
    assert_eq!(vtabs, [("zipfile", true, false, true)]);
    let aggregates: Vec<_> = m.aggregates.iter().map(|a| (a.name.as_str(), a.arity)).collect();
    assert_eq!(aggregates, [("zipfile", -1)]);
    assert_eq!(m.capabilities.len(), 1);
    assert_eq!(format!("{:?}", m.capabilities[0]), "Capability::Fs(FsAccess::ReadOnly)");
    // zipfile.c's columns, hidden z last (its table is WITHOUT ROWID).
    assert_eq!(table("zipfile").column_names(), ["name", "mode", "mtime", "sz", "rawdata", "data", "method", "z"]);
    assert!(table("zipfile").schema().ends_with("method,z HIDDEN)"));
}

#[test]
fn the_aggregate_builds_the_references_archives_byte_for_byte() {
    let cases = cases("aggregate.txt");
    assert!(cases.len() > 60);
    for case in cases {
        let rows = literal::rows(&case.line);
        let rows: Vec<&[Value]> = rows.iter().map(Vec::as_slice).collect();
        match (aggregate("zipfile", &rows), &case.errors[..]) {
            (Ok(value), []) => assert_eq!([quote(&value)], case.rows[..], "{}", case.line),
            (Err(e), [message]) => assert_eq!((e.code, &e.message), (Error::ERROR, message), "{}", case.line),
            (got, errors) => panic!("{}: got {got:?}, the reference said {:?} {errors:?}", case.line, case.rows),
        }
    }
}

#[test]
fn the_aggregate_gives_null_for_no_rows_and_now_for_a_null_time() {
    // select quote(zipfile('a', 'b')) from (select 1 where 0);  NULL
    assert_eq!(aggregate("zipfile", &[]).unwrap(), Value::Null);
    let archive = blob(aggregate("zipfile", &[&[Value::text("n.txt"), Value::text("now")]]).unwrap());
    let rows = table("zipfile").query().arg("z", Value::Blob(archive)).select(&["name", "mode", "mtime"]).rows().unwrap();
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    let [name, mode, Value::Integer(mtime)] = &rows[0][..] else { panic!("{rows:?}") };
    assert_eq!((name, mode), (&Value::text("n.txt"), &Value::Integer(0o100644)));
    assert!((now - 2..=now).contains(mtime), "{mtime} is not now ({now})");
}

/// `select <columns> from zipfile(<argument>)` as the shell prints it with
/// the vectors' quoting; and the error, if any.
fn listing(argument: Value, columns: &str) -> (Vec<String>, Option<Error>) {
    let names: Vec<&str> = columns.split(',').collect();
    let show = |row: &Vec<Value>| {
        let cells = row.iter().zip(&names).map(|(v, c)| if ["name", "rawdata", "data"].contains(c) { quote(v) } else { plain(v) });
        cells.collect::<Vec<_>>().join("|")
    };
    let zipfile = table("zipfile");
    let query = || zipfile.query().arg("z", argument.clone()).select(&names);
    match query().rows() {
        Ok(rows) => (rows.iter().map(show).collect(), None),
        // The rows before the error, as the shell prints them before it.
        Err(e) => {
            let mut before = Vec::new();
            while let Ok(rows) = query().limit(before.len() + 1).rows() {
                if rows.len() == before.len() {
                    break;
                }
                before = rows.iter().map(show).collect();
            }
            (before, Some(e))
        }
    }
}

#[test]
fn files_and_blobs_list_as_the_reference_lists_them() {
    let cases = cases("read.txt");
    assert!(cases.len() > 40);
    for Case { line: case, rows: expected, errors } in cases {
        let [mode, archive, columns] = case.split(' ').collect::<Vec<_>>()[..] else { panic!("case {case}") };
        let path = testdata("archives").join(archive);
        let argument = match mode {
            "file" => Value::text(path.to_str().unwrap()),
            _ => Value::Blob(std::fs::read(&path).unwrap()),
        };
        let (rows, got_error) = listing(argument, columns);
        assert_eq!(rows, expected, "{case}");
        assert_eq!(got_error.map(|e| e.message).as_slice(), errors, "{case}");
    }
}

#[test]
fn writes_leave_the_references_bytes_in_the_archive_file() {
    let dir = scratch("writes");
    let statements = std::fs::read_to_string(testdata("write.in")).unwrap();
    let cases = cases("write.txt");
    assert_eq!(cases.len(), 9);
    for Case { line: case, rows: expected, errors: expected_errors } in cases {
        let words: Vec<&str> = case.split(' ').collect();
        let name = words[1];
        let file = dir.join(format!("{name}.zip"));
        if let Some(start) = words.get(2) {
            std::fs::copy(testdata("archives").join(start), &file).unwrap();
        }
        let z = create_table("zipfile", "z", &[&format!("'{}'", file.display())]).unwrap();
        let mut session = script::Session::new(&z);
        let errors: Vec<String> = scenario(&statements, name).iter().filter_map(|s| session.run(s)).collect();
        let rows = z.query().select(&["name", "mode", "mtime", "sz", "method", "data"]).rows().unwrap();
        let rows = rows.iter().map(|r| {
            let cells: Vec<String> = r[..5].iter().map(plain).chain([quote(&r[5])]).collect();
            cells.join("|")
        });
        let mut got = vec![hex(&std::fs::read(&file).unwrap())];
        got.extend(rows);
        assert_eq!(got, expected, "scenario {name}");
        assert_eq!(errors, expected_errors, "scenario {name}");
    }
}

/// The statements of scenario `name` in write.in.
fn scenario(text: &str, name: &str) -> Vec<String> {
    let lines = text.lines().skip_while(|l| l.split(' ').nth(1) != Some(name) || !l.starts_with("scenario "));
    lines.skip(1).take_while(|l| !l.starts_with("scenario ")).filter(|l| !l.starts_with('#') && !l.is_empty()).map(String::from).collect()
}

#[test]
fn archives_from_the_aggregate_read_back_through_the_table() {
    let rows: Vec<Vec<Value>> = literal::rows(
        "('d', NULL, 1600000000, NULL, NULL), ('d/f.txt', '-rw-r-----', 1600000001, 'some text some text some text', NULL), \
         ('d/raw', NULL, 1600000002, x'00000000000000000000', 0), ('e', NULL, 4000000000, '', 8)",
    );
    let refs: Vec<&[Value]> = rows.iter().map(Vec::as_slice).collect();
    let archive = blob(aggregate("zipfile", &refs).unwrap());
    let dir = scratch("roundtrip");
    let file = dir.join("r.zip");
    std::fs::write(&file, &archive).unwrap();
    for argument in [Value::Blob(archive), Value::text(file.to_str().unwrap())] {
        let (listed, error) = listing(argument, "name,mode,mtime,sz,data,method");
        assert_eq!(error, None);
        assert_eq!(listed, [
            "'d/'|16877|1600000000|0|NULL|0",
            "'d/f.txt'|33184|1600000001|29|X'736F6D65207465787420736F6D65207465787420736F6D652074657874'|8",
            "'d/raw'|33188|1600000002|10|X'00000000000000000000'|0",
            "'e'|33188|4000000000|0|X''|8",
        ]);
    }
}

#[test]
fn the_hidden_column_reads_the_number_of_the_scan() {
    // select z from zipfile(X'...'); twice: 1, then 2 (zipfile.c's cursor ids).
    let archive = blob(aggregate("zipfile", &[&literal::values("'a', NULL, 0, 'x'")]).unwrap());
    let zipfile = table("zipfile");
    for scan in 1..=2 {
        let rows = zipfile.query().arg("z", Value::Blob(archive.clone())).select(&["name", "z"]).rows().unwrap();
        assert_eq!(rows, [[Value::text("a"), Value::Integer(scan)]]);
    }
}

#[test]
fn listing_names_reads_no_data() {
    // select name, sz from zipfile(<bad-deflate.zip>) lists every entry,
    // select name, length(data) fails at big.txt: data is read only when used.
    let archive = Value::Blob(std::fs::read(testdata("archives/bad-deflate.zip")).unwrap());
    let zipfile = table("zipfile");
    let plan = zipfile.query().arg("z", archive.clone()).select(&["name", "sz"]).plan().unwrap();
    assert_eq!((plan.idx_num, plan.idx_str.as_deref(), plan.estimated_cost), (1, Some("no rawdata or data"), 1000.0));
    assert_eq!(zipfile.query().arg("z", archive.clone()).select(&["name", "sz"]).rows().unwrap().len(), 5);
    let plan = zipfile.query().arg("z", archive.clone()).select(&["name", "data"]).plan().unwrap();
    assert_eq!(plan.idx_str.as_deref(), Some("no rawdata"));
    let e = zipfile.query().arg("z", archive).select(&["name", "data"]).rows().unwrap_err();
    assert_eq!(e.message, "inflate() failed (-3)");
}

#[test]
fn plans_take_the_last_usable_argument_and_refuse_unusable_ones() {
    let zipfile = table("zipfile");
    let eq = |usable| Constraint { column: 7, op: ConstraintOp::EQ, usable, rhs: None, in_list: false };
    let info = |constraints| IndexInfo { constraints, order_by: Vec::new(), columns_used: Columns::ALL, distinct: 0 };
    let plan = zipfile.best_index(&info(vec![eq(true), eq(true)])).unwrap();
    assert_eq!((plan.idx_num, plan.usage[0].argv_index, plan.usage[1].argv_index, plan.usage[1].omit), (1, 0, 1, true));
    assert_eq!(zipfile.best_index(&info(vec![eq(false)])).unwrap_err().code, Error::CONSTRAINT);
    // A usable one wins over an unusable one; none at all is fine until the scan.
    assert_eq!(zipfile.best_index(&info(vec![eq(false), eq(true)])).unwrap().idx_num, 1);
    assert_eq!(zipfile.best_index(&info(vec![])).unwrap().idx_num, 0);
    // select * from zipfile;
    let e = zipfile.query().rows().unwrap_err();
    assert_eq!(e.message, "zipfile() function requires an argument");
}

#[test]
fn files_that_cannot_be_opened_name_themselves() {
    let missing = scratch("missing").join("none.zip");
    let (_, e) = listing(Value::text(missing.to_str().unwrap()), "name");
    assert_eq!(e.unwrap().message, format!("cannot open file: {}", missing.display()));
    // select * from zipfile(NULL);  cannot open file: (nothing after it)
    assert_eq!(listing(Value::Null, "name").1.unwrap().message, "cannot open file: ");
    assert_eq!(listing(Value::Integer(42), "name").1.unwrap().message, "cannot open file: 42");
}

#[test]
fn constructors_take_one_argument_except_for_zipfile_itself() {
    let message = "zipfile constructor requires one argument";
    assert_eq!(create_table("zipfile", "t", &[]).err().unwrap().message, message);
    assert_eq!(create_table("zipfile", "t", &["'a'", "'b'"]).err().unwrap().message, message);
    assert_eq!(create_table("zipfile", "zipfile", &["'a'", "'b'"]).err().unwrap().message, message);
    // The eponymous table, also under its qualified name, has no archive:
    // writes fail when they begin.
    for name in ["ZipFile", "zipfile__zipfile"] {
        let t = create_table("zipfile", name, &[]).unwrap();
        assert_eq!(t.begin().unwrap_err().message, "zipfile: missing filename");
    }
    let t = create_table("zipfile", "t", &["''"]).unwrap();
    let e = t.insert(None, literal::values("'a', NULL, 0, NULL, NULL, 'b', NULL, NULL")).unwrap_err();
    assert_eq!(e.message, "zipfile: missing filename");
}

#[test]
fn writing_where_the_file_cannot_be_created_fails_at_begin() {
    let dir = scratch("unwritable").join("no-such-dir").join("a.zip");
    let t = create_table("zipfile", "t", &[&format!("\"{}\"", dir.display())]).unwrap();
    assert_eq!(t.begin().unwrap_err().message, format!("zipfile: failed to open file {} for writing", dir.display()));
}

#[test]
fn a_scan_inside_a_transaction_sees_its_changes_and_updates_keep_data() {
    let file = scratch("transaction").join("t.zip");
    let z = create_table("zipfile", "z", &[&format!("'{}'", file.display())]).unwrap();
    let mut session = script::Session::new(&z);
    assert_eq!(session.run("begin;"), None);
    assert_eq!(session.run("insert into z(name, mode, mtime, data) values('a', NULL, 5, 'aaaaaaaaaaaaaaaaaaaaaaaaa');"), None);
    let rows = z.query().select(&["rowid", "name", "method", "data"]).rows().unwrap();
    assert_eq!(rows, [vec![Value::Integer(1), Value::text("a"), Value::Integer(8), Value::Blob(vec![b'a'; 25])]]);
    assert_eq!(session.run("update z set name = 'b' where name = 'a';"), None);
    assert_eq!(session.run("commit;"), None);
    let (listed, _) = listing(Value::text(file.to_str().unwrap()), "name,mtime,sz,method,data");
    assert_eq!(listed, ["'b'|5|25|8|X'61616161616161616161616161616161616161616161616161'"]);
}
