//! `stats_seq` through the generated `vtab` exports, as a host drives it.
//! Every expected value is what sqlean's stats extension (0.28.2, loaded
//! into Debian's sqlite3 3.40.1) printed for the query in the comment above
//! it; testdata/stats_seq.sql holds the same queries and outputs (made by
//! testdata/gen.sh). Aggregates over a sequence run the rows through the
//! extension's own aggregates, as SQLite would.

use crate::stats_ext::sqlink_test::{aggregate, manifest, query_table, table};
use sqlink_sdk::{IntoValue, Value};

/// `SELECT value FROM name(args...)`, the arguments being start, stop, step.
fn seq(name: &str, args: &[Value]) -> Vec<Value> {
    let named: Vec<(&str, Value)> = ["start", "stop", "step"].into_iter().zip(args.iter().cloned()).collect();
    query_table(name, &named).unwrap().into_iter().map(|mut row| row.remove(0)).collect()
}

/// Arguments as SQL values.
macro_rules! args {
    ($($v:expr),*) => { [$(IntoValue::into_value($v)),*] };
}

fn ints(values: &[Value]) -> Vec<i64> {
    values.iter().map(|v| match v {
        Value::Integer(i) => *i,
        other => panic!("not an integer: {other:?}"),
    }).collect()
}

/// `SELECT agg(value, extra...) FROM rows`.
fn over(name: &str, rows: &[Value], extra: &[Value]) -> Value {
    let rows: Vec<Vec<Value>> = rows.iter().map(|v| [std::slice::from_ref(v), extra].concat()).collect();
    let rows: Vec<&[Value]> = rows.iter().map(Vec::as_slice).collect();
    aggregate(name, &rows).unwrap()
}

fn real(v: Value) -> f64 {
    match v {
        Value::Real(r) => r,
        other => panic!("not a real: {other:?}"),
    }
}

#[test]
fn stats_seq_and_its_alias_are_eponymous_only_read_only_tables() {
    let modules: Vec<_> = manifest().vtabs.into_iter().map(|m| (m.name, m.eponymous, m.eponymous_only, m.writable)).collect();
    assert_eq!(modules, [("stats_seq".into(), true, true, false), ("generate_series".into(), true, true, false)]);
    // select * from generate_series(1, 3);
    assert_eq!(ints(&seq("generate_series", &args!(1, 3))), [1, 2, 3]);
}

#[test]
fn the_documented_examples_give_sqleans_results() {
    // select count(*), min(value), max(value), sum(value) from stats_seq(1, 99);
    let values = ints(&seq("stats_seq", &args!(1, 99)));
    assert_eq!((values.len(), values[0], values[98], values.iter().sum::<i64>()), (99, 1, 99, 4950));
    // select * from stats_seq(5, 100, 5);
    assert_eq!(ints(&seq("stats_seq", &args!(5, 100, 5))), (1..=20).map(|i| i * 5).collect::<Vec<_>>());
    // select count(random()) from stats_seq(1, 20);
    assert_eq!(seq("stats_seq", &args!(1, 20)).len(), 20);
    // select stats_median(value) from stats_seq(1, 99);
    assert_eq!(over("stats_median", &seq("stats_seq", &args!(1, 99)), &[]), Value::Real(50.0));
}

#[test]
fn sqleans_test_cases_over_stats_seq_pass() {
    let to99 = seq("stats_seq", &args!(1, 99));
    // select stats_perc(value, 25), stats_p25(value), stats_perc(value, 50), stats_perc(value, 75), stats_p75(value) ...
    assert_eq!(over("stats_perc", &to99, &args!(25)), Value::Real(25.5));
    assert_eq!(over("stats_p25", &to99, &[]), Value::Real(25.5));
    assert_eq!(over("stats_perc", &to99, &args!(50)), Value::Real(50.0));
    assert_eq!(over("stats_perc", &to99, &args!(75)), Value::Real(74.5));
    assert_eq!(over("stats_p75", &to99, &[]), Value::Real(74.5));
    // select stats_perc(value, 90), stats_p90(value), stats_perc(value, 99), stats_p99(value) ...
    assert_eq!(over("stats_perc", &to99, &args!(90)), Value::Real(89.2));
    assert_eq!(over("stats_p90", &to99, &[]), Value::Real(89.2));
    assert_eq!(real(over("stats_perc", &to99, &args!(99))), 98.02);
    assert_eq!(real(over("stats_p99", &to99, &[])), 98.02);
    // select stats_perc(value, 95), stats_p95(value) from stats_seq(1, 100);
    let to100 = seq("stats_seq", &args!(1, 100));
    assert_eq!(real(over("stats_perc", &to100, &args!(95))), 95.05);
    assert_eq!(real(over("stats_p95", &to100, &[])), 95.05);
    // select round(stats_stddev(value), 1), round(stats_stddev_samp(value), 1), round(stats_stddev_pop(value), 1) ...
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    assert_eq!(round1(real(over("stats_stddev", &to99, &[]))), 28.7);
    assert_eq!(round1(real(over("stats_stddev_samp", &to99, &[]))), 28.7);
    assert_eq!(round1(real(over("stats_stddev_pop", &to99, &[]))), 28.6);
    // select stats_var(value), stats_var_samp(value), round(stats_var_pop(value), 0) ...
    assert_eq!(over("stats_var", &to99, &[]), Value::Real(825.0));
    assert_eq!(over("stats_var_samp", &to99, &[]), Value::Real(825.0));
    assert_eq!(real(over("stats_var_pop", &to99, &[])).round(), 817.0);
    // select count(*), min(value), max(value) from stats_seq(0, 99, 5);
    let by5 = ints(&seq("stats_seq", &args!(0, 99, 5)));
    assert_eq!((by5.len(), by5[0], by5[19]), (20, 0, 95));
    // with tmp as (select * from stats_seq(20) limit 10) select count(*), min(value), max(value) from tmp;
    let rows = table("stats_seq").query().arg("start", 20).limit(10).rows().unwrap();
    assert_eq!(rows, (20..30).map(|i| vec![Value::Integer(i)]).collect::<Vec<_>>());
}

#[test]
fn arguments_defaults_and_order_are_sqleans() {
    let all = ["value", "start", "stop", "step", "rowid"];
    let series = table("stats_seq");
    let rows = |q: crate::stats_ext::sqlink_test::Query<'_, _>| -> Vec<Vec<i64>> {
        q.rows().unwrap().iter().map(|r| ints(r)).collect()
    };
    // select value, start, stop, step, rowid from stats_seq(4294967294);
    assert_eq!(rows(series.query().arg("start", 4294967294i64).select(&all)), [
        [4294967294, 4294967294, 4294967295, 1, 1],
        [4294967295, 4294967294, 4294967295, 1, 2],
    ]);
    // select value, start, stop, step, rowid from stats_seq(1, 10, -3);
    assert_eq!(rows(series.query().arg("start", 1).arg("stop", 10).arg("step", -3).select(&all)), [
        [10, 1, 10, 3, 1],
        [7, 1, 10, 3, 2],
        [4, 1, 10, 3, 3],
        [1, 1, 10, 3, 4],
    ]);
    // select * from stats_seq(1, 3, 0);
    assert_eq!(ints(&seq("stats_seq", &args!(1, 3, 0))), [1, 2, 3]);
    // select * from stats_seq(NULL, 3);
    assert_eq!(seq("stats_seq", &args!((), 3)), Vec::<Value>::new());
    // select * from stats_seq('3', 5.9);
    assert_eq!(ints(&seq("stats_seq", &args!("3", 5.9))), [3, 4, 5]);
    // select value, rowid from stats_seq(1, 10, 3) order by value desc;
    let q = series.query().arg("start", 1).arg("stop", 10).arg("step", 3).order_by("value", true).select(&["value", "rowid"]);
    assert_eq!(rows(q), [[10, 1], [7, 2], [4, 3], [1, 4]]);
    // explain query plan select * from stats_seq(1, 10) order by value;  INDEX 19
    let plan = series.query().arg("start", 1).arg("stop", 10).order_by("value", false).plan().unwrap();
    assert_eq!((plan.idx_num, plan.order_by_consumed), (19, true));
}

#[test]
fn a_missing_start_is_the_error_sqlean_gives_under_either_name() {
    let message = "first argument to \"generate_series()\" missing or unusable";
    // select * from stats_seq;
    assert_eq!(table("stats_seq").query().rows().unwrap_err().message, message);
    // select * from generate_series where stop = 3;
    assert_eq!(query_table("generate_series", &[("stop", Value::Integer(3))]).unwrap_err().message, message);
}
