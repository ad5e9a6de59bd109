//! The `csv` module through its generated exports, as a host drives it.
//! Expected values come from SQLite's csv.c: `testdata/csv.tsv` was made by
//! running it (testdata/gen.py), and the cases below cite csv01.test or
//! were checked against the same build.

use crate::csv_ext::sqlink_test::{Vtabs, create_table, manifest};
use sqlink_sdk::vtab::{Columns, Constraint, ConstraintOp, IndexInfo};
use sqlink_sdk::{Error, Value};

fn text(s: &str) -> Value {
    Value::text(s)
}

fn error(arguments: &[&str]) -> String {
    create_table("csv", "t", arguments)
        .err()
        .expect("an error")
        .message
}

#[test]
fn the_manifest_declares_one_read_only_module_created_by_create_virtual_table() {
    let m = manifest();
    assert_eq!(m.name, "csv");
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
        ("csv", false, false, false)
    );
    assert!(
        vtab.description
            .starts_with("A read-only table over CSV text"),
        "{}",
        vtab.description
    );
}

#[test]
fn the_reference_vectors_hold() {
    let cases = crate::vectors::replay::<Vtabs>("csv", include_str!("../testdata/csv.tsv"));
    assert!(cases > 100, "{cases} cases");
}

#[test]
fn columns_are_limited_to_sqlites_default_column_limit() {
    // csv01.test 8.1
    assert_eq!(
        error(&["data='1,2,3,4,5,6'", "columns=32768"]),
        "column= value too big, max 2000"
    );
    let t = create_table("csv", "t", &["data='1'", "columns=2000"]).unwrap();
    assert!(t.schema().ends_with(",c1999 TEXT)"), "{}", t.schema());
}

#[test]
fn rows_carry_only_the_columns_a_query_reads() {
    let t = create_table("csv", "t", &["data='a,b,c\nd,e,f'"]).unwrap();
    let rows = t.query().select(&["c2", "rowid"]).rows().unwrap();
    assert_eq!(
        rows,
        [
            [text("c"), Value::Integer(1)],
            [text("f"), Value::Integer(2)]
        ]
    );
    let rows = t
        .query()
        .constraint("c1", ConstraintOp::EQ, "e")
        .select(&["c0"])
        .rows()
        .unwrap();
    assert_eq!(rows, [[text("d")]]);
}

#[test]
fn every_plan_is_a_full_scan_costing_a_million() {
    let t = create_table("csv", "t", &["data='1,2'"]).unwrap();
    let plan = t.query().arg("c0", "1").plan().unwrap();
    assert_eq!(
        (plan.estimated_cost, plan.estimated_rows, plan.idx_num),
        (1_000_000.0, 25, 0)
    );
    assert!(plan.usage.iter().all(|u| u.argv_index == 0));
}

#[test]
fn testflags_1_passes_equality_like_and_glob_constraints_at_cost_10() {
    // csv01.test 3.0: the answer does not change, the plan does.
    let t = create_table(
        "csv",
        "t",
        &[
            "data='1,2,3,4\n5,6,7,8\n9,10,11,12'",
            "columns=4",
            "testflags=1",
        ],
    )
    .unwrap();
    let rows = t.query().arg("c1", "6").select(&["c0"]).rows().unwrap();
    assert_eq!(rows, [[text("5")]]);
    let c = |column, op, usable| Constraint {
        column,
        op,
        usable,
        rhs: None,
        in_list: false,
    };
    let info = |constraints| IndexInfo {
        constraints,
        order_by: Vec::new(),
        columns_used: Columns(1),
        distinct: 0,
    };
    let plan = t
        .best_index(&info(vec![
            c(1, ConstraintOp::GT, true),
            c(2, ConstraintOp::LIKE, true),
            c(3, ConstraintOp::GLOB, true),
        ]))
        .unwrap();
    let usage: Vec<(u32, bool)> = plan.usage.iter().map(|u| (u.argv_index, u.omit)).collect();
    // csv.c writes the n-th use into slot n: here the `>` constraint's.
    assert_eq!(
        (plan.estimated_cost, usage),
        (10.0, vec![(1, false), (2, false), (0, false)])
    );
    let plan = t
        .best_index(&info(vec![c(1, ConstraintOp::EQ, false)]))
        .unwrap();
    assert_eq!(plan.estimated_cost, 1_000_000.0);
    // Without the flag nothing is passed.
    let plain = create_table("csv", "t", &["data='1'"]).unwrap();
    assert_eq!(
        plain
            .best_index(&info(vec![c(0, ConstraintOp::EQ, true)]))
            .unwrap()
            .estimated_cost,
        1_000_000.0
    );
}

#[test]
fn a_missing_file_is_reported_by_the_first_query_when_nothing_is_read_before() {
    let t = create_table("csv", "t", &["filename='/nonexistent/x.csv'", "columns=2"]).unwrap();
    let e = t.query().rows().unwrap_err();
    assert_eq!(
        (e.code, e.message.as_str()),
        (Error::ERROR, "cannot open '/nonexistent/x.csv' for reading")
    );
}

#[test]
fn big_files_stream_in_batches() {
    let dir = std::env::temp_dir().join(format!("sqlink-csv-stream-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("big.csv");
    let mut content = String::from("n,square\n");
    for n in 1..=50_000i64 {
        content.push_str(&format!("{n},\"{}\"\n", n * n));
    }
    std::fs::write(&path, content).unwrap();
    let t = create_table(
        "csv",
        "t",
        &[&format!("filename='{}'", path.display()), "header"],
    )
    .unwrap();
    assert_eq!(t.column_names(), ["n", "square"]);
    let rows = t
        .query()
        .select(&["rowid", "square"])
        .batch(1000)
        .rows()
        .unwrap();
    assert_eq!(rows.len(), 50_000);
    assert_eq!(rows[49_999], [Value::Integer(50_000), text("2500000000")]);
    let first = t.query().select(&["n"]).limit(2).rows().unwrap();
    assert_eq!(first, [[text("1")], [text("2")]]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn each_scan_reads_the_file_afresh() {
    let dir = std::env::temp_dir().join(format!("sqlink-csv-afresh-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("f.csv");
    std::fs::write(&path, "a,b\n1,2\n").unwrap();
    let t = create_table(
        "csv",
        "t",
        &[&format!("filename='{}'", path.display()), "header"],
    )
    .unwrap();
    std::fs::write(&path, "a,b\n1,2\n3,4\n").unwrap();
    assert_eq!(t.query().rows().unwrap().len(), 2);
    std::fs::remove_dir_all(&dir).unwrap();
}
