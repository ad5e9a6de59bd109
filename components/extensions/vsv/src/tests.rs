//! The `vsv` module through its generated exports, as a host drives it.
//! Expected values come from sqlean's vsv: `testdata/vsv.tsv` was made by
//! running it (testdata/gen.py, sqlean.py 3.50.4.5 = sqlean 0.27.4), and
//! the cases below were checked against the same build.

use crate::vsv_ext::sqlink_test::{Vtabs, create_table, manifest};
use sqlink_sdk::vtab::ConstraintOp;
use sqlink_sdk::{Error, Value};

fn text(s: &str) -> Value {
    Value::text(s)
}

#[test]
fn the_manifest_declares_one_read_only_module_created_by_create_virtual_table() {
    let m = manifest();
    assert_eq!(m.name, "vsv");
    let [vtab] = &m.vtabs[..] else {
        panic!("one module: {:?}", m.vtabs)
    };
    assert_eq!(
        (
            vtab.name.as_str(),
            vtab.eponymous,
            vtab.eponymous_only,
            vtab.writable
        ),
        ("vsv", false, false, false)
    );
    assert!(
        vtab.description
            .starts_with("A read-only table over separated values"),
        "{}",
        vtab.description
    );
}

#[test]
fn the_reference_vectors_hold() {
    let cases = crate::vectors::replay::<Vtabs>("vsv", include_str!("../testdata/vsv.tsv"));
    assert!(cases > 90, "{cases} cases");
}

#[test]
fn the_documentation_example_gives_integer_ids() {
    // docs/vsv.md and test/vsv.sql: people.csv with an integer affinity.
    let t = create_table(
        "vsv",
        "people",
        &[
            "data='11,Diane,London\n22,Grace,Berlin\n33,Alice,Paris\n'",
            "schema=\"create table people(id integer, name text, city text)\"",
            "columns=3",
            "affinity=integer",
        ],
    )
    .unwrap();
    assert_eq!(t.column_names(), ["id", "name", "city"]);
    assert_eq!(t.query().rows().unwrap().len(), 3);
    let rows = t.query().arg("id", 22).rows().unwrap();
    assert_eq!(rows, [[Value::Integer(22), text("Grace"), text("Berlin")]]);
}

#[test]
fn every_plan_is_a_full_scan_costing_a_million() {
    let t = create_table("vsv", "t", &["data='1,2'"]).unwrap();
    let plan = t
        .query()
        .constraint("c0", ConstraintOp::EQ, "1")
        .plan()
        .unwrap();
    assert_eq!(
        (plan.estimated_cost, plan.estimated_rows),
        (1_000_000.0, 25)
    );
    assert!(plan.usage.iter().all(|u| u.argv_index == 0));
}

#[test]
fn invalid_utf8_fails_only_queries_reading_its_column() {
    // affinity=none with validatetext: sqlite3_result_error from xColumn.
    let t = create_table("vsv", "t", &["data=',fine\nok,x'", "validatetext"]).unwrap();
    let e = t.query().rows().unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (Error::ERROR, "Invalid UTF8 Data")
    );
    // The empty first field of a scan is vsv.c's NUL byte; column c1 is fine.
    assert_eq!(
        t.query().select(&["c1"]).rows().unwrap(),
        [[text("fine")], [text("x")]]
    );
}

#[test]
fn skip_counts_from_where_the_header_was_read_in_data_but_not_in_files() {
    let data = "a,b\n1,2\n3,4\n5,6\n";
    let t = create_table("vsv", "t", &[&format!("data='{data}'"), "header", "skip=1"]).unwrap();
    assert_eq!(t.query().select(&["a"]).rows().unwrap(), [[text("5")]]);
    let dir = std::env::temp_dir().join(format!("sqlink-vsv-skip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("h.csv");
    std::fs::write(&path, data).unwrap();
    let t = create_table(
        "vsv",
        "t",
        &[
            &format!("filename='{}'", path.display()),
            "header",
            "skip=1",
        ],
    )
    .unwrap();
    assert_eq!(
        t.query().select(&["a"]).rows().unwrap(),
        [[text("3")], [text("5")]]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_schema_without_columns_is_unusable_below_99_fields() {
    let t = create_table(
        "vsv",
        "t",
        &["data='1,2,3'", "schema='create table x(a,b,c)'"],
    )
    .unwrap();
    let e = t.query().rows().unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (7, "out of memory"));
}

#[test]
fn too_many_columns_are_refused_as_sqlite_refuses_them() {
    let e = create_table("vsv", "t", &["data='1'", "columns=2001"])
        .err()
        .unwrap();
    assert!(
        e.message
            .starts_with("bad schema: 'CREATE TABLE x(c0,c1,c2,"),
        "{}",
        e.message
    );
    assert_eq!(e.message.len(), 199);
    let e = create_table("vsv", "t", &["data='1'", "columns=200000000"])
        .err()
        .unwrap();
    assert_eq!((e.code, e.message.as_str()), (7, "out of memory"));
}

#[test]
fn big_files_stream_in_batches() {
    let dir = std::env::temp_dir().join(format!("sqlink-vsv-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.tsv");
    let mut content = String::new();
    for n in 1..=40_000i64 {
        content.push_str(&format!("{n}\t{}.5\x1e", n * 3));
    }
    std::fs::write(&path, content).unwrap();
    let arguments = [
        format!("filename='{}'", path.display()),
        "fsep='\\t'".into(),
        "rsep='\\x1e'".into(),
        "affinity=numeric".into(),
    ];
    let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
    let t = create_table("vsv", "t", &arguments).unwrap();
    let rows = t
        .query()
        .select(&["rowid", "c0", "c1"])
        .batch(500)
        .rows()
        .unwrap();
    assert_eq!(rows.len(), 40_000);
    assert_eq!(
        rows[39_999],
        [
            Value::Integer(40_000),
            Value::Integer(40_000),
            Value::Real(120_000.5)
        ]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
