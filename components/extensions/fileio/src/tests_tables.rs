//! `fileio_ls` and `fileio_scan` through the generated `vtab` exports, as
//! a host drives them. Expected values are what sqlean 0.27.4 answered for
//! the query in the comment above them (see `tests.rs`), on the same tree:
//! `t/` holding `a.txt` ("ab", mtime 1000000000), `link -> a.txt`,
//! `sublink -> sub`, and `sub/` holding `b.txt` ("xyz") and `deeper/`.

use crate::fileio_ext::sqlink_test::{TestTable, Vtabs, create_table, table};
use crate::tests::{at, scratch};
use sqlink_sdk::vtab::{Columns, Constraint, ConstraintOp, IndexInfo};
use sqlink_sdk::{Error, IntoValue, Value};
use std::path::{Path, PathBuf};

/// The tree described above, in a scratch directory; returns `.../t`.
fn tree(name: &str) -> PathBuf {
    let t = scratch(name).join("t");
    std::fs::create_dir_all(t.join("sub/deeper")).unwrap();
    std::fs::write(t.join("a.txt"), "ab").unwrap();
    std::fs::write(t.join("sub/b.txt"), "xyz").unwrap();
    std::os::unix::fs::symlink("a.txt", t.join("link")).unwrap();
    std::os::unix::fs::symlink("sub", t.join("sublink")).unwrap();
    let file = std::fs::File::options().write(true).open(t.join("a.txt")).unwrap();
    file.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1000000000)).unwrap();
    t
}

fn ls(t: &TestTable<Vtabs>, path: Value, recursive: Option<Value>, columns: &[&str]) -> sqlink_sdk::Result<Vec<Vec<Value>>> {
    let q = t.query().arg("path", path);
    let q = match recursive {
        Some(r) => q.arg("dir", r),
        None => q,
    };
    q.select(columns).rows()
}

/// `name` and `size` of the rows, sorted by name (`order by name`).
fn names_sizes(rows: Vec<Vec<Value>>, root: &Path) -> Vec<(String, i64)> {
    let prefix = root.parent().unwrap().to_str().unwrap().to_string() + "/";
    let mut out: Vec<(String, i64)> = rows
        .into_iter()
        .map(|r| match &r[..] {
            [Value::Text(n), Value::Integer(s)] => (String::from_utf8(n.clone()).unwrap().replacen(&prefix, "", 1), *s),
            other => panic!("unexpected row {other:?}"),
        })
        .collect();
    out.sort();
    out
}

/// The pairs as expected; a size of -1 stands for a directory's size,
/// which depends on the file system (4096 on ext4, where sqlean ran).
fn pairs(root: &Path, expected: &[(&str, i64)]) -> Vec<(String, i64)> {
    let dir_size = |name: &str| std::fs::metadata(root.parent().unwrap().join(name)).unwrap().len() as i64;
    expected.iter().map(|(n, s)| (n.to_string(), if *s < 0 { dir_size(n) } else { *s })).collect()
}

#[test]
fn ls_lists_a_directory_and_its_children() {
    let t = tree("ls");
    let lsdir = table("fileio_ls");
    assert_eq!(lsdir.schema(), "CREATE TABLE x(name,mode,mtime,size,path HIDDEN,dir HIDDEN)");
    // select name, size from fileio_ls('t') order by name
    //   t|4096, t/a.txt|2, t/link|5, t/sub|4096, t/sublink|3
    let rows = ls(&lsdir, Value::text(t.to_str().unwrap()), None, &["name", "size"]).unwrap();
    assert_eq!(names_sizes(rows, &t), pairs(&t, &[("t", -1), ("t/a.txt", 2), ("t/link", 5), ("t/sub", -1), ("t/sublink", 3)]));
    // select name from fileio_ls('t', 1): every descendant, links not followed
    let rows = ls(&lsdir, Value::text(t.to_str().unwrap()), Some(Value::Integer(1)), &["name", "size"]).unwrap();
    let all = [("t", -1), ("t/a.txt", 2), ("t/link", 5), ("t/sub", -1), ("t/sub/b.txt", 3), ("t/sub/deeper", -1), ("t/sublink", 3)];
    assert_eq!(names_sizes(rows, &t), pairs(&t, &all));
    // ('t', '1') is recursive; ('t', 0), ('t', 0.5), ('t', null), ('t', 'abc'), ('t', 4294967296) are not
    for (flag, rows) in [(Value::text("1"), 7), (Value::Integer(0), 5), (Value::Real(0.5), 5), (Value::Null, 5), (Value::text("abc"), 5), (Value::Integer(4294967296), 5)] {
        assert_eq!(ls(&lsdir, Value::text(t.to_str().unwrap()), Some(flag.clone()), &["name"]).unwrap().len(), rows, "{flag:?}");
    }
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn ls_rows_come_depth_first_numbered_from_one() {
    let t = tree("ls-order");
    let lsdir = table("lsdir");
    let rows = ls(&lsdir, Value::text(t.to_str().unwrap()), Some(Value::Integer(1)), &["rowid", "name"]).unwrap();
    let names: Vec<String> = rows.iter().map(|r| text_of(&r[1])).collect();
    assert_eq!(rows.iter().map(|r| r[0].clone()).collect::<Vec<_>>(), (1..=7).map(Value::Integer).collect::<Vec<_>>());
    assert_eq!(names[0], t.to_str().unwrap());
    // sub's children come right after it.
    let sub = names.iter().position(|n| n.ends_with("/t/sub")).unwrap();
    let mut children: Vec<&str> = names[sub + 1..sub + 3].iter().map(|n| n.rsplit('/').next().unwrap()).collect();
    children.sort();
    assert_eq!(children, ["b.txt", "deeper"]);
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

/// The text of a value.
fn text_of(v: &Value) -> String {
    match v {
        Value::Text(t) => String::from_utf8(t.clone()).unwrap(),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn ls_of_a_file_is_one_row_with_its_stat() {
    let t = tree("ls-file");
    let lsdir = table("fileio_ls");
    let a = t.join("a.txt");
    // select rowid, *, path, dir from fileio_ls('t/a.txt', 1)  1|t/a.txt|33188|1000000000|2||
    let rows = ls(&lsdir, Value::text(a.to_str().unwrap()), Some(Value::Integer(1)), &["rowid", "name", "mode", "mtime", "size", "path", "dir"]).unwrap();
    let expected = [Value::Integer(1), Value::text(a.to_str().unwrap()), Value::Integer(33188), Value::Integer(1000000000), Value::Integer(2), Value::Null, Value::Null];
    assert_eq!(rows, [expected.to_vec()]);
    // select name from lsdir('t/link')  t/link (the link itself, mode 41471)
    let rows = ls(&lsdir, Value::text(t.join("link").to_str().unwrap()), None, &["mode"]).unwrap();
    assert_eq!(rows, [[Value::Integer(41471)]]);
    // select * from fileio_ls('nope'), ('t/a.txt/x'), (1)  (no rows)
    for missing in [at(&t, "nope"), at(&t, "a.txt/x"), Value::Integer(1)] {
        assert_eq!(ls(&lsdir, missing, None, &["name"]).unwrap(), Vec::<Vec<Value>>::new());
    }
    // select name from fileio_ls('t/') lists 't/' and 't//a.txt'...
    let slash = format!("{}/", t.to_str().unwrap());
    let rows = ls(&lsdir, Value::text(slash.as_str()), None, &["name"]).unwrap();
    assert_eq!(rows[0], [Value::text(slash.as_str())]);
    assert!(rows[1..].iter().all(|r| text_of(&r[0]).starts_with(&format!("{slash}/"))));
    let _ = std::fs::remove_dir_all(t.parent().unwrap());
}

#[test]
fn ls_needs_a_non_null_path() {
    let lsdir = table("fileio_ls");
    // select * from fileio_ls  table function lsdir requires an argument
    let plan = lsdir.query().plan().unwrap();
    assert_eq!((plan.idx_num, plan.estimated_rows), (0, 0x7fffffff));
    assert_eq!(lsdir.query().rows().unwrap_err().message, "table function lsdir requires an argument");
    // select * from fileio_ls(null)  table function lsdir requires a non-NULL argument
    let e = ls(&lsdir, Value::Null, None, &["name"]).unwrap_err();
    assert_eq!(e.message, "table function lsdir requires a non-NULL argument");
    // select * from fileio_ls where path > 't'  table function lsdir requires an argument
    let e = lsdir.query().constraint("path", ConstraintOp::GT, "t").rows().unwrap_err();
    assert_eq!(e.message, "table function lsdir requires an argument");
    // The plan with a path: 1, cost 100; an unusable path refuses it.
    let plan = lsdir.query().arg("path", "/").arg("dir", 1).plan().unwrap();
    assert_eq!((plan.idx_num, plan.estimated_cost, plan.usage[0].argv_index, plan.usage[1].argv_index), (1, 100.0, 1, 2));
    let info = IndexInfo {
        constraints: vec![Constraint { column: 4, op: ConstraintOp::EQ, usable: false, rhs: None, in_list: false }],
        order_by: Vec::new(),
        columns_used: Columns(1),
        distinct: 0,
    };
    assert_eq!(lsdir.best_index(&info).unwrap_err().code, Error::CONSTRAINT);
    assert!(create_table("fileio_ls", "t", &[]).is_err());
}

/// `rowid, value` of `fileio_scan(path)`.
fn scan(t: &TestTable<Vtabs>, path: impl IntoValue) -> sqlink_sdk::Result<Vec<(i64, Vec<u8>)>> {
    let rows = t.query().arg("name", path).select(&["rowid", "value"]).rows()?;
    Ok(rows
        .into_iter()
        .map(|r| match &r[..] {
            [Value::Integer(id), Value::Text(v)] => (*id, v.clone()),
            other => panic!("unexpected row {other:?}"),
        })
        .collect())
}

fn numbered(lines: &[&[u8]]) -> Vec<(i64, Vec<u8>)> {
    lines.iter().zip(1..).map(|(l, i)| (i, l.to_vec())).collect()
}

#[test]
fn scan_reads_lines_as_sqlean_cuts_them() {
    let dir = scratch("scan");
    let file = |name: &str, body: &[u8]| {
        std::fs::write(dir.join(name), body).unwrap();
        dir.join(name).to_str().unwrap().to_string()
    };
    let s = table("fileio_scan");
    assert_eq!(s.schema(), "CREATE TABLE x(value text, name hidden)");
    // select rowid, value, name from fileio_scan('s1.txt')  1|one|s1.txt, 2|two|s1.txt, 3|thr|s1.txt
    let s1 = file("s1.txt", b"one\ntwo\r\nthr");
    let rows = s.query().arg("name", s1.as_str()).select(&["rowid", "value", "name"]).rows().unwrap();
    let row = |i: i64, v: &str| vec![Value::Integer(i), Value::text(v), Value::text(s1.as_str())];
    assert_eq!(rows, [row(1, "one"), row(2, "two"), row(3, "thr")]);
    // 'a\rb'  a;  'x\n\n\ny\n'  x, '', '', y;  'nul\0byte\nok\n'  nul, ok;  '\xff\xfe\n'  FFFE (text)
    assert_eq!(scan(&s, file("s2.txt", b"a\rb")).unwrap(), numbered(&[b"a"]));
    assert_eq!(scan(&s, file("s3.txt", b"x\n\n\ny\n")).unwrap(), numbered(&[b"x", b"", b"", b"y"]));
    assert_eq!(scan(&s, file("s4.txt", b"nul\x00byte\nok\n")).unwrap(), numbered(&[b"nul", b"ok"]));
    assert_eq!(scan(&s, file("s5.txt", b"\xff\xfe\n")).unwrap(), numbered(&[b"\xff\xfe"]));
    // ''  (no rows);  'a\r\r\nb\r'  a\r, b\r
    assert_eq!(scan(&s, file("s6.txt", b"")).unwrap(), numbered(&[]));
    assert_eq!(scan(&s, file("s7.txt", b"a\r\r\nb\r")).unwrap(), numbered(&[b"a\r", b"b\r"]));
    // scanfile(...) and the path as a blob read the same;  a directory has no rows
    assert_eq!(scan(&table("scanfile"), s1.as_str()).unwrap().len(), 3);
    assert_eq!(scan(&s, s1.as_bytes().to_vec()).unwrap().len(), 3);
    assert_eq!(scan(&s, dir.to_str().unwrap()).unwrap(), numbered(&[]));
    // Other constraints are SQLite's (sqlean refuses them): ... where value = 'two'
    let rows = s.query().arg("name", s1.as_str()).constraint("value", ConstraintOp::EQ, "two").select(&["rowid"]).rows().unwrap();
    assert_eq!(rows, [[Value::Integer(2)]]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn scan_errors_are_sqleans() {
    let s = table("fileio_scan");
    // select * from fileio_scan('nope')  cannot open 'nope' for reading
    assert_eq!(scan(&s, "/nope").unwrap_err().message, "cannot open '/nope' for reading");
    // select * from fileio_scan(null)  cannot open '' for reading
    assert_eq!(scan(&s, ()).unwrap_err().message, "cannot open '' for reading");
    // select * from fileio_scan  scanfile() expects a single constraint (name)
    assert_eq!(s.query().rows().unwrap_err().message, "scanfile() expects a single constraint (name)");
    // select * from fileio_scan where value = 's1.txt'  scanfile() expects a name constraint)
    let e = s.query().constraint("value", ConstraintOp::EQ, "s1.txt").rows().unwrap_err();
    assert_eq!(e.message, "scanfile() expects a name constraint)");
    // An unusable name refuses the plan.
    let info = IndexInfo {
        constraints: vec![Constraint { column: 1, op: ConstraintOp::EQ, usable: false, rhs: None, in_list: false }],
        order_by: Vec::new(),
        columns_used: Columns(1),
        distinct: 0,
    };
    assert_eq!(s.best_index(&info).unwrap_err().code, Error::CONSTRAINT);
    let plan = s.query().arg("name", "x").plan().unwrap();
    assert_eq!((plan.estimated_cost, plan.estimated_rows, plan.usage[0].argv_index), (1000.0, 1000, 1));
}
