//! Every case of testdata/pg.tsv (PostgreSQL 15's answers, made by
//! testdata/gen.py) through the functions as SQLite calls them.

use crate::fuzzystrmatch_ext::sqlink_test;
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
        // The strings come first (one for soundex and metaphone), then integers.
        let texts = if matches!(name, "soundex" | "metaphone") {
            1
        } else {
            2
        };
        let values: Vec<Value> = args
            .iter()
            .enumerate()
            .map(|(i, a)| {
                if i < texts {
                    Value::text(*a)
                } else {
                    Value::Integer(a.parse().unwrap())
                }
            })
            .collect();
        let got = match sqlink_test::call(name, &values) {
            Ok(Value::Text(t)) => String::from_utf8(t).unwrap(),
            Ok(Value::Integer(i)) => i.to_string(),
            Ok(other) => format!("{other:?}"),
            Err(e) => format!("ERROR: {}", e.message),
        };
        count += 1;
        if got != want {
            failures.push(format!("{name}{args:?}: got {got:?}, PostgreSQL {want:?}"));
        }
    }
    assert!(count > 1500, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
