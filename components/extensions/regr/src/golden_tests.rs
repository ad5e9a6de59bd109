//! Every group of testdata/pg.tsv (PostgreSQL 15's answers, made by
//! testdata/gen.py) through the aggregates as SQLite calls them.

use crate::regr_ext::sqlink_test;
use sqlink_sdk::Value;
use std::collections::BTreeMap;

#[test]
fn postgresql_answers() {
    let text = include_str!("../testdata/pg.tsv");
    let mut groups: BTreeMap<&str, Vec<Vec<Value>>> = BTreeMap::new();
    let num = |s: &str| {
        if s == "NULL" {
            Value::Null
        } else {
            Value::Real(s.parse().unwrap())
        }
    };
    let mut failures = Vec::new();
    let mut count = 0;
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "row" {
            groups
                .entry(f[1])
                .or_default()
                .push(vec![num(f[2]), num(f[3])]);
            continue;
        }
        let (name, group, want) = (f[0], f[1], f[2]);
        // A group without rows is one row of NULLs (the query's outer
        // join), as SQLite's aggregate over no pairs.
        let nulls = [Value::Null, Value::Null];
        let rows: Vec<&[Value]> = groups
            .get(group)
            .map_or(vec![&nulls[..]], |g| g.iter().map(Vec::as_slice).collect());
        let got = sqlink_test::aggregate(name, &rows).unwrap();
        let ok = match (&got, want) {
            (Value::Null, "NULL") => true,
            (Value::Real(r), w) => w.parse::<f64>().is_ok_and(|w| w.to_bits() == r.to_bits()),
            (Value::Integer(i), w) => w == i.to_string(),
            _ => false,
        };
        count += 1;
        if !ok {
            failures.push(format!(
                "{name} of group {group}: got {got:?}, PostgreSQL {want}"
            ));
        }
    }
    assert!(count >= 600, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
