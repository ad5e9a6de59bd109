//! Every case of testdata/pg.tsv (PostgreSQL 15's answers, made by
//! testdata/gen.py) through the functions as SQLite calls them.

use crate::trgm_ext::sqlink_test;
use sqlink_sdk::Value;

#[test]
fn postgresql_answers() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("../testdata/pg.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, args, want) = (f[0], &f[1..f.len() - 1], f[f.len() - 1]);
        let values: Vec<Value> = args.iter().map(|a| Value::text(*a)).collect();
        let ok = match sqlink_test::call(name, &values) {
            // A real is the double nearest PostgreSQL's printed value.
            Ok(Value::Real(r)) => want.parse::<f64>() == Ok(r),
            Ok(Value::Integer(i)) => want == i.to_string(),
            Ok(Value::Text(t)) => want.as_bytes() == t,
            other => panic!("{name}: {other:?}"),
        };
        count += 1;
        if !ok {
            let got = sqlink_test::call(name, &values);
            failures.push(format!("{name}{args:?}: got {got:?}, PostgreSQL {want:?}"));
        }
    }
    assert!(count > 2000, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
