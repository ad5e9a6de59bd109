//! The functions and `path_parts` through the generated exports, as a host
//! drives them, against what sqlite-path v0.2.1 (commit 1f8d452, cwalk
//! 08e7520, loaded into Debian's sqlite3 3.40.1) answered:
//! testdata/vectors.txt (made by testdata/gen.sh from vectors.sql) holds
//! every path of up to 5 bytes from `/`, `.`, `a` and `b` through each
//! function, and pairs and triples through path_join and
//! path_intersection.

use crate::path_ext::sqlink_test::{call, manifest, table};
use sqlink_sdk::Value;

/// A value as SQL's quote() writes it (only what vectors.txt holds).
fn unquote(s: &str) -> Value {
    if s == "NULL" {
        Value::Null
    } else if let Some(t) = s.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        Value::text(t.replace("''", "'"))
    } else {
        Value::Integer(s.parse().unwrap_or_else(|_| panic!("not a quoted value: {s}")))
    }
}

fn quote(v: &Value) -> String {
    match v {
        Value::Null => "NULL".into(),
        Value::Integer(i) => i.to_string(),
        Value::Text(t) => format!("'{}'", String::from_utf8_lossy(t).replace('\'', "''")),
        other => panic!("unexpected {other:?}"),
    }
}

/// path_parts(p) as vectors.sql writes it: `rowid:type:part`, comma-joined.
fn parts(path: &Value) -> Value {
    let rows = table("path_parts").query().arg("path", path.clone()).select(&["rowid", "type", "part"]).rows().unwrap();
    if rows.is_empty() {
        return Value::Null;
    }
    let items: Vec<String> = rows
        .iter()
        .map(|r| r.iter().map(|v| quote(v).trim_matches('\'').to_string()).collect::<Vec<_>>().join(":"))
        .collect();
    Value::text(items.join(","))
}

#[test]
fn every_vector_answers_as_sqlite_path() {
    let vectors = include_str!("../testdata/vectors.txt");
    let (mut checked, mut wrong) = (0, Vec::new());
    for line in vectors.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let (name, rest) = fields.split_first().unwrap();
        let (want, args) = rest.split_last().unwrap();
        let args: Vec<Value> = args.iter().map(|a| unquote(a)).collect();
        let got = match *name {
            "parts" => parts(&args[0]),
            f => call(&format!("path_{f}"), &args).unwrap_or_else(|e| panic!("{line}: {}", e.message)),
        };
        checked += 1;
        if quote(&got) != *want {
            wrong.push(format!("{line}: got {}", quote(&got)));
        }
    }
    assert!(checked > 40000, "vectors.txt has the whole corpus");
    assert!(wrong.is_empty(), "{} of {checked} differ:\n{}", wrong.len(), wrong.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

#[test]
fn the_manifest_has_sqlite_paths_functions_and_table() {
    let m = manifest();
    let mut functions: Vec<_> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    functions.sort();
    assert_eq!(
        functions,
        [
            ("path_absolute", 1),
            ("path_at", 2),
            ("path_basename", 1),
            ("path_debug", 0),
            ("path_dirname", 1),
            ("path_extension", 1),
            ("path_intersection", 2),
            ("path_join", -1),
            ("path_length", 1),
            ("path_name", 1),
            ("path_normalize", 1),
            ("path_part_at", 2),
            ("path_relative", 1),
            ("path_root", 1),
            ("path_version", 0),
        ]
    );
    assert_eq!(table("path_parts").schema(), "CREATE TABLE x(path hidden, type text, part text)");
}

#[test]
fn path_join_needs_two_paths_and_skips_later_nulls() {
    let e = call("path_join", &[Value::text("a")]).unwrap_err();
    assert_eq!(e.message, "at least 2 paths are required for path_join");
    let got = call("path_join", &[Value::text("a/./b/"), Value::Null, Value::text("c")]).unwrap();
    assert_eq!(got, Value::text("a/b/c"));
    assert_eq!(call("path_join", &[Value::Null, Value::text("a")]).unwrap(), Value::Null);
}

#[test]
fn a_path_ends_at_its_first_nul() {
    assert_eq!(call("path_basename", &[Value::text("a/b\0/c")]).unwrap(), Value::text("b"));
    assert_eq!(call("path_normalize", &[Value::text("x\0y")]).unwrap(), Value::text("x"));
    assert_eq!(call("path_basename", &[Value::Blob(b"a/b".to_vec())]).unwrap(), Value::text("b"));
}

#[test]
fn path_parts_of_null_has_no_rows() {
    let rows = table("path_parts").query().arg("path", Value::Null).rows().unwrap();
    assert!(rows.is_empty());
}
