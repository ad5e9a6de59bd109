//! Every line of `testdata/stdnum.tsv` (python-stdnum 2.2's own results)
//! called through the generated `sqlink_test`, as a host calls it; and the
//! manifest: names, arities, flags.

use crate::checkdigit_ext::sqlink_test::{call, manifest};
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
    assert!(n > 5000);
}

#[test]
fn null_gives_null_and_numbers_read_as_text() {
    for name in ["luhn_checksum", "verhoeff_validate", "damm_is_valid", "iso7064_mod_97_10_calc_check_digits"] {
        assert_eq!(call(name, &[Value::Null]).unwrap(), Value::Null, "{name}");
    }
    assert_eq!(call("luhn_valid", &[Value::Integer(79927398713)]).unwrap(), Value::Integer(1));
    assert_eq!(call("iso7064_mod_11_2", &[Value::text("079X")]).unwrap(), Value::Integer(1));
    assert_eq!(call("luhn_checksum", &[Value::text("1234"), Value::Null]).unwrap(), Value::Null);
    assert_eq!(call("luhn_checksum", &[Value::text("1234")]).unwrap(), Value::Integer(4));
}

#[test]
fn manifest_lists_every_function() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "checkdigit");
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    for want in ["luhn_valid", "luhn_is_valid", "verhoeff_calc_check_digit", "damm_checksum", "iso7064_mod_37_36", "iso7064_mod_97_10_valid"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
        assert!(f.description.len() > 30, "{}", f.name);
    }
}
