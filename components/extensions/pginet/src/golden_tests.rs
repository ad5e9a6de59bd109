//! Every case of testdata/pg.tsv (PostgreSQL 15's answers, made by
//! testdata/gen.py) through the functions as SQLite calls them.

use crate::collation_key;
use crate::pginet_ext::sqlink_test;
use sqlink_sdk::Value;

/// What a call gives, spelled as the file does.
fn spell(r: Result<Value, sqlink_sdk::Error>) -> String {
    match r {
        Ok(Value::Text(t)) => String::from_utf8(t).unwrap(),
        Ok(Value::Integer(i)) => i.to_string(),
        Ok(Value::Null) => "NULL".into(),
        Ok(other) => format!("{other:?}"),
        Err(e) => format!("ERROR: {}", e.message),
    }
}

#[test]
fn postgresql_answers() {
    let mut failures = Vec::new();
    let mut count = 0;
    for line in include_str!("../testdata/pg.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let f: Vec<&str> = line.split('\t').collect();
        let (name, a, b, k, want) = (f[0], f[1], f[2], f[3].parse::<i64>().unwrap(), f[4]);
        let got = match name {
            // The collation never fails: text that is not an inet sorts
            // after every inet.
            "order" if want.starts_with("ERROR") => {
                let bad = |s: &str| crate::Inet::parse(s, crate::Kind::Inet).is_err();
                assert!(bad(a) || bad(b), "{a:?} {b:?}");
                let order = sqlink_test::collate("inet", a.as_bytes(), b.as_bytes());
                if bad(a) != bad(b) {
                    assert_eq!(order, bad(a).cmp(&bad(b)), "{a:?} {b:?}");
                }
                want.to_string()
            }
            "order" => {
                // PostgreSQL's network_cmp against the collation's keys.
                let (x, y) = (collation_key(a), collation_key(b));
                let order = sqlink_test::collate("inet", a.as_bytes(), b.as_bytes());
                assert_eq!(order, x.cmp(&y));
                (order as i8).to_string()
            }
            "set_masklen" | "set_masklen_cidr" => spell(sqlink_test::call(
                name,
                &[Value::text(a), Value::Integer(k)],
            )),
            _ if b.is_empty() && !name.starts_with("inet_") => {
                spell(sqlink_test::call(name, &[Value::text(a)]))
            }
            _ => spell(sqlink_test::call(name, &[Value::text(a), Value::text(b)])),
        };
        count += 1;
        if got != want {
            failures.push(format!(
                "{name}({a:?}, {b:?}, {k}): got {got:?}, PostgreSQL {want:?}"
            ));
        }
    }
    assert!(count > 3000, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
