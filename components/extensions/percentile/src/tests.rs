//! The aggregates called as a host calls them, with the cases of SQLite's
//! test/percentile.test and the outputs of SQLite 3.54.1
//! (`testdata/reference.tsv`, made by `testdata/gen.py`).

use crate::percentile_ext::sqlink_test;
use sqlink_sdk::Value;

/// `name` over `rows`, as SQLite prints the result or the error.
fn agg(name: &str, rows: &[Vec<Value>]) -> String {
    let rows: Vec<&[Value]> = rows.iter().map(|r| r.as_slice()).collect();
    match sqlink_test::aggregate(name, &rows) {
        Ok(Value::Null) => "NULL".into(),
        Ok(Value::Real(r)) => format!("{r:?}"),
        Ok(other) => panic!("{name}: not a real: {other:?}"),
        Err(e) => format!("Error: {}", e.message),
    }
}

/// One SQL value of a reference line: NULL, an integer, a real, 'text',
/// or x'hex'.
fn value(s: &str) -> Value {
    if s == "NULL" {
        Value::Null
    } else if let Some(t) = s.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')) {
        Value::text(t)
    } else if let Some(h) = s.strip_prefix("x'").and_then(|t| t.strip_suffix('\'')) {
        Value::Blob((0..h.len()).step_by(2).map(|i| u8::from_str_radix(&h[i..i + 2], 16).unwrap()).collect())
    } else if let Ok(i) = s.parse::<i64>() {
        Value::Integer(i)
    } else {
        Value::Real(s.parse().unwrap())
    }
}

/// Every line of `testdata/reference.tsv`: `function<TAB>P<TAB>Y values
/// (space-separated)<TAB>result`; P is empty for median.
#[test]
fn reference_outputs() {
    let data = include_str!("../testdata/reference.tsv");
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, p, ys, want) = (f[0], f[1], f[2], f[3]);
        let rows: Vec<Vec<Value>> = ys
            .split(' ')
            .filter(|y| !y.is_empty())
            .map(|y| if p.is_empty() { vec![value(y)] } else { vec![value(y), value(p)] })
            .collect();
        let got = agg(name, &rows);
        match (got.parse::<f64>(), want.parse::<f64>()) {
            // Python's repr and Rust's {:?} spell exponents differently.
            (Ok(g), Ok(w)) => assert_eq!(g.to_bits(), w.to_bits(), "{line}"),
            _ => assert_eq!(got, want, "{line}"),
        }
        n += 1;
    }
    assert!(n > 50, "{n} reference lines");
}

#[test]
fn percentile_test_basic_cases() {
    let xs: Vec<Value> = [1, 4, 6, 7, 8, 9, 11, 11, 11].map(Value::Integer).into();
    let with = |p: Value| xs.iter().map(|x| vec![x.clone(), p.clone()]).collect::<Vec<_>>();
    for (pct, out, disc) in [
        (100.0, "11.0", "11.0"),
        (50.0, "8.0", "8.0"),
        (12.5, "4.0", "4.0"),
        (15.0, "4.4", "4.0"),
        (20.0, "5.2", "4.0"),
        (80.0, "11.0", "11.0"),
        (89.0, "11.0", "11.0"),
    ] {
        assert_eq!(agg("percentile", &with(Value::Real(pct))), out, "{pct}");
        assert_eq!(agg("percentile_cont", &with(Value::Real(pct * 0.01))), out, "{pct}");
        assert_eq!(agg("percentile_disc", &with(Value::Real(pct * 0.01))), disc, "{pct}");
    }
    let one: Vec<Vec<Value>> = xs.iter().map(|x| vec![x.clone()]).collect();
    assert_eq!(agg("median", &one), "8.0");
    assert_eq!(agg("median", &[vec![Value::Null]]), "NULL");
    assert_eq!(
        agg("percentile", &with(Value::Null)),
        "Error: the fraction argument to percentile() is not between 0.0 and 100.0"
    );
}
