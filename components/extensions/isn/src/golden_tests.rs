//! Every line of `testdata/stdnum.tsv` (python-stdnum 2.2 results)
//! called through the generated `sqlink_test`, as a host calls it; and the
//! manifest: names, arities, flags.

use crate::isn_ext::sqlink_test::{call, manifest};
use sqlink_sdk::{Error, Value};

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// A `kind:payload` argument: n (NULL), i (integer), t (text, hex).
fn value(field: &str) -> Value {
    let (kind, payload) = field.split_once(':').expect("kind:payload");
    match kind {
        "n" => Value::Null,
        "i" => Value::Integer(payload.parse().expect("integer")),
        "t" => Value::Text(hex(payload)),
        other => panic!("unknown kind {other}"),
    }
}

/// A result as `kind:payload`, errors as `e:message`.
fn outcome(r: Result<Value, Error>) -> String {
    match r {
        Ok(Value::Null) => "n:".into(),
        Ok(Value::Integer(i)) => format!("i:{i}"),
        Ok(Value::Text(t)) => format!("t:{}", t.iter().map(|b| format!("{b:02x}")).collect::<String>()),
        Ok(other) => format!("unexpected {other:?}"),
        Err(e) => format!("e:{}", e.message),
    }
}

#[test]
fn stdnum_reference_outputs() {
    let data = include_str!("../testdata/stdnum.tsv");
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let args: Vec<Value> = f[1].split(' ').map(value).collect();
        let got = outcome(call(f[0], &args));
        if got != f[2] {
            failures.push(format!("{line}\n   got {got}"));
        }
        n += 1;
    }
    assert!(failures.is_empty(), "{} of {n} differ:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));
    assert!(n > 1000);
}


#[test]
fn manifest_flags() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "isn");
    assert!(m.functions.len() >= 27, "{}", m.functions.len());
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
    }
}
