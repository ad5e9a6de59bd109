//! `generate_series` through the generated `vtab` exports, as a host drives
//! it. Every expected value is what Debian's sqlite3 3.40.1 printed for the
//! query in the comment above it (the same queries and outputs are in
//! testdata/series.sql, made by testdata/gen.sh).

use crate::series_ext::sqlink_test::{Query, TestTable, Vtabs, create_table, manifest, query_table, table};
use sqlink_sdk::vtab::{Columns, Constraint, ConstraintOp, IndexInfo, OrderBy};
use sqlink_sdk::{Error, IntoValue, Value};

/// `generate_series(args...)`: the arguments are start, stop and step.
fn call<'t>(series: &'t TestTable<Vtabs>, args: &[Value]) -> Query<'t, Vtabs> {
    ["start", "stop", "step"].iter().zip(args).fold(series.query(), |q, (column, v)| q.arg(column, v.clone()))
}

/// The `value` column of `SELECT * FROM generate_series(args...)`.
fn values(args: &[Value]) -> Vec<i64> {
    let rows = query_table("generate_series", &named(args)).unwrap();
    rows.into_iter().map(|row| int(&row[0])).collect()
}

fn named(args: &[Value]) -> Vec<(&'static str, Value)> {
    ["start", "stop", "step"].into_iter().zip(args.iter().cloned()).collect()
}

fn int(v: &Value) -> i64 {
    match v {
        Value::Integer(i) => *i,
        other => panic!("not an integer: {other:?}"),
    }
}

fn ints(rows: Vec<Vec<Value>>) -> Vec<Vec<i64>> {
    rows.iter().map(|r| r.iter().map(int).collect()).collect()
}

/// Arguments as SQL values.
macro_rules! args {
    ($($v:expr),*) => { [$(IntoValue::into_value($v)),*] };
}

#[test]
fn the_manifest_declares_one_eponymous_only_read_only_module() {
    let vtabs = manifest().vtabs;
    assert_eq!(vtabs.len(), 1);
    let m = &vtabs[0];
    assert_eq!((m.name.as_str(), m.eponymous, m.eponymous_only, m.writable), ("generate_series", true, true, false));
    assert!(m.description.starts_with("Integers from start to stop"), "{}", m.description);
    assert_eq!(table("generate_series").schema(), "CREATE TABLE x(value,start hidden,stop hidden,step hidden)");
}

#[test]
fn sequences_count_from_start_to_stop_by_step() {
    // select * from generate_series(1,10,3);
    assert_eq!(values(&args!(1, 10, 3)), [1, 4, 7, 10]);
    // select * from generate_series(-5,5,3);
    assert_eq!(values(&args!(-5, 5, 3)), [-5, -2, 1, 4]);
    // select * from generate_series(1,1);
    assert_eq!(values(&args!(1, 1)), [1]);
    // select * from generate_series(5,1);
    assert_eq!(values(&args!(5, 1)), Vec::<i64>::new());
    // select * from generate_series(4294967293);
    assert_eq!(values(&args!(4294967293i64)), [4294967293, 4294967294, 4294967295]);
    // select count(*) from generate_series(4294967200);
    assert_eq!(values(&args!(4294967200i64)).len(), 96);
}

#[test]
fn a_zero_step_is_one_and_a_negative_step_counts_down() {
    // select * from generate_series(1,3,0);
    assert_eq!(values(&args!(1, 3, 0)), [1, 2, 3]);
    // select * from generate_series(1,10,-3);
    assert_eq!(values(&args!(1, 10, -3)), [10, 7, 4, 1]);
    // select * from generate_series(10,1,-2);
    assert_eq!(values(&args!(10, 1, -2)), Vec::<i64>::new());
}

#[test]
fn any_null_argument_gives_no_rows() {
    // select * from generate_series(NULL,3); (1,NULL); (1,3,NULL)
    assert_eq!(values(&args!((), 3)), Vec::<i64>::new());
    assert_eq!(values(&args!(1, ())), Vec::<i64>::new());
    assert_eq!(values(&args!(1, 3, ())), Vec::<i64>::new());
}

#[test]
fn arguments_convert_as_sqlite3_value_int64_does() {
    // select * from generate_series('3', 5.9);
    assert_eq!(values(&args!("3", 5.9)), [3, 4, 5]);
    // select * from generate_series(' 7abc', '9.99', '1e5');
    assert_eq!(values(&args!(" 7abc", "9.99", "1e5")), [7, 8, 9]);
    // select * from generate_series(x'3132', 14);
    assert_eq!(values(&[Value::Blob(b"12".to_vec()), Value::Integer(14)]), [12, 13, 14]);
    // select * from generate_series('abc', 2);
    assert_eq!(values(&args!("abc", 2)), [0, 1, 2]);
}

#[test]
fn arithmetic_saturates_its_arguments_and_wraps_its_steps() {
    let series = table("generate_series");
    let limited = |args: &[Value], n| ints(call(&series, args).limit(n).rows().unwrap()).concat();
    // select * from generate_series(9223372036854775800, 9223372036854775807, 3) limit 5;
    assert_eq!(
        limited(&args!(9223372036854775800i64, i64::MAX, 3), 5),
        [9223372036854775800, 9223372036854775803, 9223372036854775806, -9223372036854775807, -9223372036854775804]
    );
    // select * from generate_series(-9223372036854775808, -9223372036854775806);
    assert_eq!(limited(&args!(i64::MIN, -9223372036854775806i64), 10), [i64::MIN, -9223372036854775807, -9223372036854775806]);
    // select * from generate_series(9223372036854775806, 9223372036854775807) limit 4;
    assert_eq!(limited(&args!(9223372036854775806i64, i64::MAX), 4), [9223372036854775806, i64::MAX, i64::MIN, -9223372036854775807]);
    // select * from generate_series('99999999999999999999', 1) limit 2;
    assert_eq!(limited(&args!("99999999999999999999", 1), 2), Vec::<i64>::new());
    // select * from generate_series(-1e300, -9223372036854775807);
    assert_eq!(limited(&args!(-1e300, -9223372036854775807i64), 10), [i64::MIN, -9223372036854775807]);
    // select value, step from generate_series(0, 10, -9223372036854775808) limit 3;
    let rows = call(&series, &args!(0, 10, i64::MIN)).select(&["value", "step"]).limit(3).rows().unwrap();
    assert_eq!(ints(rows), [[10, i64::MIN]]);
}

#[test]
fn hidden_columns_read_the_arguments_as_used_and_rowids_count_rows() {
    let series = table("generate_series");
    let all = ["value", "start", "stop", "step", "rowid"];
    // select value, start, stop, step, rowid from generate_series(2,8,2);
    let rows = call(&series, &args!(2, 8, 2)).select(&all).rows().unwrap();
    assert_eq!(ints(rows), [[2, 2, 8, 2, 1], [4, 2, 8, 2, 2], [6, 2, 8, 2, 3], [8, 2, 8, 2, 4]]);
    // select value, start, stop, step, rowid from generate_series(1,10,-3);
    let rows = call(&series, &args!(1, 10, -3)).select(&all).rows().unwrap();
    assert_eq!(ints(rows), [[10, 1, 10, 3, 1], [7, 1, 10, 3, 2], [4, 1, 10, 3, 3], [1, 1, 10, 3, 4]]);
    // select value, start, stop, step from generate_series(5) limit 2;
    let rows = call(&series, &args!(5)).select(&all[..4]).limit(2).rows().unwrap();
    assert_eq!(ints(rows), [[5, 5, 4294967295, 1], [6, 5, 4294967295, 1]]);
}

#[test]
fn order_by_value_is_served_by_the_table_when_start_and_stop_are_given() {
    let series = table("generate_series");
    let value_rowid = ["value", "rowid"];
    // select value, rowid from generate_series(1,10,3) order by value desc;
    let rows = call(&series, &args!(1, 10, 3)).order_by("value", true).select(&value_rowid).rows().unwrap();
    assert_eq!(ints(rows), [[10, 1], [7, 2], [4, 3], [1, 4]]);
    // select value, rowid from generate_series(1,10,-3) order by value asc;
    let rows = call(&series, &args!(1, 10, -3)).order_by("value", false).select(&value_rowid).rows().unwrap();
    assert_eq!(ints(rows), [[1, 1], [4, 2], [7, 3], [10, 4]]);
    // select * from generate_series(3,10,4) order by value desc;
    assert_eq!(ints(call(&series, &args!(3, 10, 4)).order_by("value", true).rows().unwrap()), [[7], [3]]);
    // select * from generate_series(1,5) order by value desc limit 2;
    assert_eq!(ints(call(&series, &args!(1, 5)).order_by("value", true).limit(2).rows().unwrap()), [[5], [4]]);
}

#[test]
fn plans_number_their_arguments_and_order_as_series_c_does() {
    let series = table("generate_series");
    let plan = |args: &[Value], order: Option<bool>| {
        let q = call(&series, args);
        let q = match order {
            Some(desc) => q.order_by("value", desc),
            None => q,
        };
        let p = q.plan().unwrap();
        (p.idx_num, p.order_by_consumed, p.estimated_cost, p.estimated_rows)
    };
    // explain query plan select * from generate_series(1,10);  INDEX 3
    assert_eq!(plan(&args!(1, 10), None), (3, false, 2.0, 1000));
    // explain query plan select * from generate_series(1,10,2);  INDEX 7
    assert_eq!(plan(&args!(1, 10, 2), None), (7, false, 1.0, 1000));
    // ... generate_series(1,10) order by value desc;  INDEX 11
    assert_eq!(plan(&args!(1, 10), Some(true)), (11, true, 2.0, 1000));
    // ... generate_series(1,10) order by value;  INDEX 19
    assert_eq!(plan(&args!(1, 10), Some(false)), (19, true, 2.0, 1000));
    // ... generate_series(1) order by value;  INDEX 1, USE TEMP B-TREE FOR ORDER BY
    // (and SQLite's preset cost, which series.c leaves).
    assert_eq!(plan(&args!(1), Some(false)), (1, false, 5e98, 2147483647));
}

#[test]
fn constraints_on_hidden_columns_are_the_arguments() {
    let series = table("generate_series");
    // select * from generate_series where start = 2 and stop = 4;
    assert_eq!(ints(series.query().arg("stop", 4).arg("start", 2).rows().unwrap()), [[2], [3], [4]]);
    // select * from generate_series(1,10) where value > 7;
    let rows = call(&series, &args!(1, 10)).constraint("value", ConstraintOp::GT, 7).rows().unwrap();
    assert_eq!(ints(rows), [[8], [9], [10]]);
    // The value constraint is left to SQLite, the arguments are not.
    let plan = call(&series, &args!(1, 10)).constraint("value", ConstraintOp::GT, 7).plan().unwrap();
    let usage: Vec<(u32, bool)> = plan.usage.iter().map(|u| (u.argv_index, u.omit)).collect();
    assert_eq!(usage, [(1, true), (2, true), (0, false)]);
}

#[test]
fn a_join_plan_needing_a_later_tables_value_is_unusable() {
    // select a.value, b.value from generate_series(1,2) a, generate_series(a.value, 3) b;
    // SQLite offers b's start = a.value unusable (b outside a): series.c
    // refuses that plan, and takes the one with b inside a.
    let series = table("generate_series");
    let constraint = |column, usable| Constraint { column, op: ConstraintOp::EQ, usable, rhs: None, in_list: false };
    let info = |usable| IndexInfo {
        constraints: vec![constraint(1, usable), constraint(2, true)],
        order_by: Vec::new(),
        columns_used: Columns(1),
        distinct: 0,
    };
    assert_eq!(series.best_index(&info(false)).unwrap_err().code, Error::CONSTRAINT);
    assert_eq!(series.best_index(&info(true)).unwrap().idx_num, 3);
    let inner = |a: i64| values(&args!(a, 3));
    assert_eq!([1, 2].map(inner), [vec![1, 2, 3], vec![2, 3]]);
}

#[test]
fn start_is_required() {
    let message = "first argument to \"generate_series()\" missing or unusable";
    // select * from generate_series;
    let e = table("generate_series").query().rows().unwrap_err();
    assert_eq!((e.code, e.message.as_str()), (Error::ERROR, message));
    // select * from generate_series where stop = 3;
    let e = query_table("generate_series", &[("stop", Value::Integer(3))]).unwrap_err();
    assert_eq!(e.message, message);
    // Any constraint on start will do, as in series.c (`start > 2` leaves
    // the default start, 0, and SQLite's check of start > 2 then fails).
    let info = IndexInfo {
        constraints: vec![Constraint { column: 1, op: ConstraintOp::GT, usable: true, rhs: None, in_list: false }],
        order_by: vec![OrderBy { column: 0, desc: false }],
        columns_used: Columns(0b11),
        distinct: 0,
    };
    assert_eq!(table("generate_series").best_index(&info).unwrap().idx_num, 0);
}

#[test]
fn create_virtual_table_is_refused() {
    let e = create_table("generate_series", "t", &[]).err().expect("eponymous only");
    assert_eq!(e.message, "no such module: generate_series (it is a table-valued function only)");
}
